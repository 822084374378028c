/* SPDX-License-Identifier: MIT
 * The two text dictionaries of the LAC model: word.dic ("ID<TAB>CHARACTER" per line, plus
 * "OOV" for unknown characters) and tag.dic ("ID<TAB>TAG", TAG "n-B", "PER-I", "O", ...). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tag/tag_internal.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"

#define DICT_MAX_BYTES (16u << 20)
#define NO_ID UINT16_MAX

static zn_status read_file(const char *path, char **out, size_t *len, zn_error *err)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    char buf[128];
    if (f == NULL) {
        int e = errno;
        return zn__error_at(err, zn__status_from_errno(e), path, "%s",
                            zn__errno_str(e, buf, sizeof buf));
    }
    char *data = zn__malloc(DICT_MAX_BYTES + 1);
    size_t n = data == NULL ? 0 : fread(data, 1, DICT_MAX_BYTES + 1, f);
    bool failed = data != NULL && ferror(f);
    fclose(f);
    if (data == NULL) {
        return zn__error_nomem(err, path);
    }
    if (failed || n > DICT_MAX_BYTES) {
        zn__free(data);
        return zn__error_at(err, failed ? ZN_ERR_IO : ZN_ERR_DATA, path,
                            failed ? "read error" : "larger than %u bytes", DICT_MAX_BYTES);
    }
    data[n] = '\0';
    *out = data;
    *len = n;
    return ZN_OK;
}

/* Splits line s[0..n) as "ID<TAB>KEY"; false when it is not that shape or ID > max. */
static bool split_line(const char *s, size_t n, unsigned long max, unsigned long *id,
                       const char **key, size_t *key_len)
{
    const char *tab = memchr(s, '\t', n);
    if (tab == NULL || tab == s || s[0] < '0' || s[0] > '9' || tab + 1 == s + n ||
        memchr(tab + 1, '\t', (size_t)(s + n - tab - 1)) != NULL) {
        return false;
    }
    for (const char *p = s; p < tab; p++) {
        if (*p < '0' || *p > '9' || p - s > 8) {
            return false;
        }
    }
    *id = strtoul(s, NULL, 10);
    *key = tab + 1;
    *key_len = (size_t)(s + n - tab - 1);
    return *id <= max;
}

typedef zn_status (*line_fn)(void *ctx, unsigned long id, const char *key, size_t key_len,
                             const char *path, size_t line, zn_error *err);

// Calls fn for every non-empty line of the file as (id, key).
static zn_status each_entry(const char *path, unsigned long max_id, line_fn fn, void *ctx,
                            zn_error *err)
{
    char *data;
    size_t len = 0;
    zn_status s = read_file(path, &data, &len, err);
    size_t line = 0;
    for (size_t at = 0; s == ZN_OK && at < len;) {
        const char *nl = memchr(data + at, '\n', len - at);
        size_t end = nl != NULL ? (size_t)(nl - data) : len;
        line++;
        unsigned long id;
        const char *key;
        size_t key_len;
        if (end > at && !split_line(data + at, end - at, max_id, &id, &key, &key_len)) {
            s = zn__error_at(err, ZN_ERR_DATA, path, "expected ID<TAB>KEY with ID <= %lu "
                             "(line %zu, byte %zu)", max_id, line, at);
        } else if (end > at) {
            s = fn(ctx, id, key, key_len, path, line, err);
        }
        at = end + 1;
    }
    zn__free(data);
    return s;
}

static zn_status add_word(void *ctx, unsigned long id, const char *key, size_t key_len,
                          const char *path, size_t line, zn_error *err)
{
    zn__tag_vocab *v = ctx;
    if (id + 1 > v->size) {
        v->size = id + 1;
    }
    if (key_len == 3 && memcmp(key, "OOV", 3) == 0) {
        v->oov = (uint32_t)id;
        return ZN_OK;
    }
    size_t pos = 0;
    uint32_t cp = zn__utf8_next(key, key_len, &pos);
    if (pos != key_len) {
        return ZN_OK; // OOV_NUM and the like: never one input character
    }
    if (cp == ZN_UTF8_INVALID) {
        return zn__error_at(err, ZN_ERR_DATA, path, "invalid UTF-8 (line %zu)", line);
    }
    bool dup = false;
    if (cp < 0x10000) {
        dup = v->bmp[cp] != NO_ID;
        v->bmp[cp] = (uint16_t)id;
    } else {
        for (size_t i = 0; i < v->n_astral && !dup; i++) {
            dup = v->astral[2 * i] == cp;
        }
        uint32_t *grown = zn__reallocarray(v->astral, 2 * (v->n_astral + 1), sizeof *grown);
        if (grown == NULL) {
            return zn__error_nomem(err, path);
        }
        v->astral = grown;
        v->astral[2 * v->n_astral] = cp;
        v->astral[2 * v->n_astral + 1] = (uint32_t)id;
        v->n_astral++;
    }
    if (dup) {
        return zn__error_at(err, ZN_ERR_DATA, path, "character listed twice (line %zu)", line);
    }
    return ZN_OK;
}

static int cmp_pair(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

zn_status zn__tag_vocab_load(zn__tag_vocab *v, const char *path, zn_error *err)
{
    memset(v, 0, sizeof *v);
    v->oov = UINT32_MAX;
    v->bmp = zn__malloc(0x10000 * sizeof *v->bmp);
    if (v->bmp == NULL) {
        return zn__error_nomem(err, path);
    }
    memset(v->bmp, 0xFF, 0x10000 * sizeof *v->bmp);
    zn_status s = each_entry(path, NO_ID - 1, add_word, v, err);
    if (s == ZN_OK && v->oov == UINT32_MAX) {
        s = zn__error_at(err, ZN_ERR_DATA, path, "no OOV entry");
    }
    if (s != ZN_OK) {
        zn__tag_vocab_free(v);
        return s;
    }
    if (v->n_astral > 1) {
        qsort(v->astral, v->n_astral, 2 * sizeof *v->astral, cmp_pair);
    }
    return ZN_OK;
}

void zn__tag_vocab_free(zn__tag_vocab *v)
{
    zn__free(v->bmp);
    zn__free(v->astral);
    memset(v, 0, sizeof *v);
}

uint32_t zn__tag_vocab_id(const zn__tag_vocab *v, uint32_t cp)
{
    if (cp < 0x10000) {
        return v->bmp[cp] == NO_ID ? v->oov : v->bmp[cp];
    }
    size_t lo = 0, hi = v->n_astral;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v->astral[2 * mid] < cp) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < v->n_astral && v->astral[2 * lo] == cp ? v->astral[2 * lo + 1] : v->oov;
}

static zn_status add_tag(void *ctx, unsigned long id, const char *key, size_t key_len,
                         const char *path, size_t line, zn_error *err)
{
    zn_tagger *t = ctx;
    bool begin = key_len > 2 && memcmp(key + key_len - 2, "-B", 2) == 0;
    bool inside = key_len > 2 && memcmp(key + key_len - 2, "-I", 2) == 0;
    bool outside = key_len == 1 && key[0] == 'O';
    if (!begin && !inside && !outside) {
        return zn__error_at(err, ZN_ERR_DATA, path, "tag is not X-B, X-I or O (line %zu)", line);
    }
    if (t->tag_names[id] != NULL) {
        return zn__error_at(err, ZN_ERR_DATA, path, "tag id %lu listed twice (line %zu)", id,
                            line);
    }
    t->tag_names[id] = zn__strndup(key, key_len);
    if (t->tag_names[id] == NULL) {
        return zn__error_nomem(err, path);
    }
    t->tag_flags[id] = (uint8_t)((begin ? ZN__TAG_BEGIN : 0) | (outside ? ZN__TAG_OUTSIDE : 0));
    if (id + 1 > t->n_tags) {
        t->n_tags = id + 1;
    }
    return ZN_OK;
}

static zn_tag_entity entity_of(const char *word_tag)
{
    static const char *const names[] = {"PER", "LOC", "ORG", "TIME"};
    for (int i = 0; i < 4; i++) {
        if (strcmp(word_tag, names[i]) == 0) {
            return (zn_tag_entity)(ZN_TAG_ENTITY_PER + i);
        }
    }
    return ZN_TAG_ENTITY_NONE;
}

// Fills word_tags ("n-B" -> "n", "O" -> "O") and tag_entity once all names are read.
static zn_status derive_word_tags(zn_tagger *t, const char *path, zn_error *err)
{
    size_t total = 0;
    for (size_t i = 0; i < t->n_tags; i++) {
        if (t->tag_names[i] == NULL) {
            return zn__error_at(err, ZN_ERR_DATA, path, "tag id %zu missing", i);
        }
        total += strlen(t->tag_names[i]) + 1;
    }
    t->word_tag_text = zn__malloc(total);
    t->word_tags = zn__calloc(t->n_tags, sizeof *t->word_tags);
    if (t->word_tag_text == NULL || t->word_tags == NULL) {
        return zn__error_nomem(err, path);
    }
    char *p = t->word_tag_text;
    for (size_t i = 0; i < t->n_tags; i++) {
        size_t n = strlen(t->tag_names[i]);
        if ((t->tag_flags[i] & ZN__TAG_OUTSIDE) == 0) {
            n -= 2;
        }
        memcpy(p, t->tag_names[i], n);
        p[n] = '\0';
        t->word_tags[i] = p;
        t->tag_entity[i] = (uint8_t)entity_of(p);
        p += n + 1;
    }
    return ZN_OK;
}

zn_status zn__tag_tags_load(zn_tagger *t, const char *path, zn_error *err)
{
    t->n_tags = 0;
    t->tag_names = zn__calloc(256, sizeof *t->tag_names);
    t->tag_flags = zn__calloc(256, 1);
    t->tag_entity = zn__calloc(256, 1);
    if (t->tag_names == NULL || t->tag_flags == NULL || t->tag_entity == NULL) {
        return zn__error_nomem(err, path);
    }
    zn_status s = each_entry(path, 254, add_tag, t, err);
    if (s == ZN_OK && t->n_tags < 2) {
        s = zn__error_at(err, ZN_ERR_DATA, path, "fewer than two tags");
    }
    if (s == ZN_OK) {
        s = derive_word_tags(t, path, err);
    }
    return s;
}

void zn__tag_tags_free(zn_tagger *t)
{
    for (size_t i = 0; t->tag_names != NULL && i < 256; i++) {
        zn__free(t->tag_names[i]);
    }
    zn__free(t->tag_names);
    zn__free(t->tag_flags);
    zn__free(t->tag_entity);
    zn__free(t->word_tags);
    zn__free(t->word_tag_text);
    t->tag_names = NULL;
    t->tag_flags = t->tag_entity = NULL;
    t->word_tags = NULL;
    t->word_tag_text = NULL;
}
