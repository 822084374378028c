/* SPDX-License-Identifier: MIT
 * The folder walk of a batch: every regular file under IN_DIR, sorted by relative path,
 * following symbolic links but never round a loop; problems become entries, not errors. */
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "batch/batch_int.h"
#include "util/alloc.h"
#include "util/error.h"

typedef struct dir_id {
    dev_t dev;
    ino_t ino;
} dir_id;

typedef struct walker {
    const walk_options *o;
    batch_entries *out;
    zn_buf path;          /* root + "/" + rel of the current folder */
    size_t root_len;      /* bytes of root + "/" in path */
    dir_id *stack;        /* the folders being walked, root first: a link to one is a loop */
    size_t depth;
    size_t cap;
    int root_errno;       /* why the root could not be opened */
} walker;

void zn__batch_entries_clear(batch_entries *e)
{
    for (size_t i = 0; i < e->count; i++) {
        zn__free(e->items[i].rel);
        zn__free(e->items[i].reason);
    }
    zn__free(e->items);
    e->items = NULL;
    e->count = 0;
    e->cap = 0;
}

bool zn__batch_glob_match(const char *glob, const char *rel)
{
    if (strchr(glob, '/') != NULL) {
        return fnmatch(glob, rel, FNM_PATHNAME) == 0;
    }
    const char *base = strrchr(rel, '/');
    return fnmatch(glob, base != NULL ? base + 1 : rel, 0) == 0;
}

static zn_status add_entry(walker *w, const char *rel, entry_kind kind, const char *reason,
                           const struct stat *st)
{
    batch_entries *e = w->out;
    if (e->count == e->cap) {
        size_t cap = e->cap == 0 ? 64 : e->cap * 2;
        batch_entry *items = zn__reallocarray(e->items, cap, sizeof *items);
        if (items == NULL) {
            return ZN_ERR_NOMEM;
        }
        e->items = items;
        e->cap = cap;
    }
    batch_entry *it = &e->items[e->count];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    it->rel = zn__strndup(rel, strlen(rel));
    it->reason = reason != NULL ? zn__strndup(reason, strlen(reason)) : NULL;
    if (it->rel == NULL || (reason != NULL && it->reason == NULL)) {
        zn__free(it->rel);
        zn__free(it->reason);
        return ZN_ERR_NOMEM;
    }
    if (st != NULL) {
        it->size = (uint64_t)st->st_size;
        it->mtime = st->st_mtim;
    }
    e->count++;
    return ZN_OK;
}

static zn_status add_errno(walker *w, const char *rel, entry_kind kind, const char *what,
                           int errnum)
{
    char ebuf[128];
    char reason[256];
    snprintf(reason, sizeof reason, "%s: %s", what, zn__errno_str(errnum, ebuf, sizeof ebuf));
    return add_entry(w, rel, kind, reason, NULL);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int compare_entries(const void *a, const void *b)
{
    return strcmp(((const batch_entry *)a)->rel, ((const batch_entry *)b)->rel);
}

static void free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        zn__free(names[i]);
    }
    zn__free(names);
}

// The names in a folder except . and .., unsorted. Names are copied with zn__strndup.
static zn_status read_names(DIR *d, char ***names, size_t *count)
{
    size_t cap = 0;
    *names = NULL;
    *count = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0) {
            continue;
        }
        if (*count == cap) {
            cap = cap == 0 ? 16 : cap * 2;
            char **grown = zn__reallocarray(*names, cap, sizeof **names);
            if (grown == NULL) {
                free_names(*names, *count);
                return ZN_ERR_NOMEM;
            }
            *names = grown;
        }
        (*names)[*count] = zn__strndup(de->d_name, strlen(de->d_name));
        if ((*names)[*count] == NULL) {
            free_names(*names, *count);
            return ZN_ERR_NOMEM;
        }
        (*count)++;
    }
    return ZN_OK;
}

static bool in_stack(const walker *w, const struct stat *st)
{
    for (size_t i = 0; i < w->depth; i++) {
        if (w->stack[i].dev == st->st_dev && w->stack[i].ino == st->st_ino) {
            return true;
        }
    }
    return false;
}

static zn_status walk_dir(walker *w);

// One name of the current folder: path holds the folder + "/" + name.
static zn_status visit(walker *w, const char *name)
{
    const char *rel = w->path.data + w->root_len;
    const walk_options *o = w->o;
    if ((name[0] == '.' && !o->all) ||
        (o->exclude_glob != NULL && zn__batch_glob_match(o->exclude_glob, rel))) {
        return ZN_OK;
    }
    struct stat st;
    if (stat(w->path.data, &st) != 0) {
        if (o->include_glob != NULL && !zn__batch_glob_match(o->include_glob, rel)) {
            return ZN_OK; // a broken link the user did not ask for
        }
        struct stat lst;
        bool dangling = errno == ENOENT && lstat(w->path.data, &lst) == 0;
        return dangling ? add_entry(w, rel, ENTRY_FAILED, "broken symbolic link", NULL)
                        : add_errno(w, rel, ENTRY_FAILED, "cannot read", errno);
    }
    if (S_ISDIR(st.st_mode)) {
        if (o->skip_dir && st.st_dev == o->skip_dev && st.st_ino == o->skip_ino) {
            return ZN_OK; // OUT_DIR inside IN_DIR: never read our own output
        }
        if (in_stack(w, &st)) {
            return add_entry(w, rel, ENTRY_IGNORED, "symbolic link loop: not followed", NULL);
        }
        if (w->depth == w->cap) {
            size_t cap = w->cap * 2;
            dir_id *grown = zn__reallocarray(w->stack, cap, sizeof *grown);
            if (grown == NULL) {
                return ZN_ERR_NOMEM;
            }
            w->stack = grown;
            w->cap = cap;
        }
        zn_status s = zn_buf_putc(&w->path, '/');
        if (s != ZN_OK) {
            return s;
        }
        w->stack[w->depth++] = (dir_id){st.st_dev, st.st_ino};
        s = walk_dir(w);
        w->depth--;
        return s;
    }
    if (o->include_glob != NULL && !zn__batch_glob_match(o->include_glob, rel)) {
        return ZN_OK;
    }
    if (!S_ISREG(st.st_mode)) {
        return add_entry(w, rel, ENTRY_IGNORED, "not a regular file", NULL);
    }
    return add_entry(w, rel, ENTRY_FILE, NULL, &st);
}

// Walks the folder named by w->path (which it restores before returning).
static zn_status walk_dir(walker *w)
{
    size_t base = w->path.len;
    DIR *d = opendir(w->path.data);
    if (d == NULL) {
        if (base <= w->root_len) {
            w->root_errno = errno; // the root: reported by the caller
            return ZN_ERR_IO;
        }
        w->path.data[base - 1] = '\0';
        zn_status s = add_errno(w, w->path.data + w->root_len, ENTRY_FAILED,
                                "cannot read folder", errno);
        w->path.data[base - 1] = '/';
        return s;
    }
    char **names;
    size_t n;
    zn_status s = read_names(d, &names, &n);
    closedir(d);
    if (s != ZN_OK) {
        return s;
    }
    if (n > 1) {
        qsort(names, n, sizeof *names, compare_names);
    }
    for (size_t i = 0; i < n && s == ZN_OK; i++) {
        w->path.len = base;
        s = zn_buf_puts(&w->path, names[i]);
        if (s == ZN_OK) {
            s = visit(w, names[i]);
        }
    }
    free_names(names, n);
    w->path.len = base;
    if (w->path.data != NULL) {
        w->path.data[base] = '\0';
    }
    return s;
}

zn_status zn__batch_walk(const char *root, const walk_options *o, batch_entries *out,
                         zn_error *err)
{
    memset(out, 0, sizeof *out);
    char ebuf[128];
    struct stat st;
    if (stat(root, &st) != 0) {
        int e = errno;
        return zn__error_at(err, zn__status_from_errno(e), root, "cannot open: %s",
                            zn__errno_str(e, ebuf, sizeof ebuf));
    }
    if (!S_ISDIR(st.st_mode)) {
        return zn__error_at(err, ZN_ERR_INVALID_ARG, root, "not a folder");
    }
    walker w = {o, out, {0}, 0, NULL, 0, 8, 0};
    zn_buf_init(&w.path, 0);
    w.stack = zn__calloc(w.cap, sizeof *w.stack);
    zn_status s = w.stack == NULL ? ZN_ERR_NOMEM : zn_buf_puts(&w.path, root);
    if (s == ZN_OK && (w.path.len == 0 || w.path.data[w.path.len - 1] != '/')) {
        s = zn_buf_putc(&w.path, '/');
    }
    if (s == ZN_OK) {
        w.root_len = w.path.len;
        w.stack[w.depth++] = (dir_id){st.st_dev, st.st_ino};
        s = walk_dir(&w);
    }
    zn_buf_clear(&w.path);
    zn__free(w.stack);
    if (s != ZN_OK) {
        zn__batch_entries_clear(out);
        if (s == ZN_ERR_IO) {
            return zn__error_at(err, zn__status_from_errno(w.root_errno), root,
                                "cannot read folder: %s",
                                zn__errno_str(w.root_errno, ebuf, sizeof ebuf));
        }
        return zn__error_nomem(err, root);
    }
    if (out->count > 1) {
        qsort(out->items, out->count, sizeof *out->items, compare_entries);
    }
    return ZN_OK;
}
