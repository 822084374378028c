/* SPDX-License-Identifier: MIT
 * Private pieces of the batch module: the folder walk, atomic output files, one file's
 * work, the facts an article contributes to the summary, and the summary itself. */
#ifndef ZHNEWS_BATCH_BATCH_INT_H
#define ZHNEWS_BATCH_BATCH_INT_H

#include <stdatomic.h>
#include <sys/types.h>
#include <time.h>

#include "zhnews/batch.h"
#include "zhnews/zhnews.h"

/* ---- walk.c: the sorted list of inputs ---- */

typedef enum entry_kind {
    ENTRY_FILE = 0, /* a regular file to process */
    ENTRY_FAILED,   /* cannot be read (unreadable folder, broken link): a failure */
    ENTRY_IGNORED,  /* not followed (a link back to a parent folder, a device, a fifo) */
} entry_kind;

typedef struct batch_entry {
    char *rel;             /* path relative to IN_DIR, '/'-separated */
    entry_kind kind;
    char *reason;          /* FAILED and IGNORED: why */
    uint64_t size;
    struct timespec mtime;
} batch_entry;

typedef struct batch_entries {
    batch_entry *items;
    size_t count;
    size_t cap;
} batch_entries;

typedef struct walk_options {
    bool all;
    const char *include_glob;
    const char *exclude_glob;
    bool skip_dir;         /* never enter the folder (skip_dev, skip_ino): OUT_DIR */
    dev_t skip_dev;
    ino_t skip_ino;
} walk_options;

/* Walks root into *out (sorted by rel, bytewise). Problems below root become FAILED or
 * IGNORED entries; only root itself fails the call: ZN_ERR_NOT_FOUND, ZN_ERR_PERMISSION,
 * ZN_ERR_INVALID_ARG (not a folder), ZN_ERR_IO, ZN_ERR_NOMEM (out is then cleared). */
zn_status zn__batch_walk(const char *root, const walk_options *o, batch_entries *out,
                         zn_error *err) __attribute__((warn_unused_result));
void zn__batch_entries_clear(batch_entries *e);
/* True when the glob matches rel (by its last component when the glob has no '/'). */
bool zn__batch_glob_match(const char *glob, const char *rel);

/* ---- outfile.c: atomic files ---- */

/* Writes data to path through "<dir>/.<name>.zhnews-tmp" and a rename, creating the parent
 * folders. Nothing is left at the temporary name on failure. ZN_ERR_IO / ZN_ERR_PERMISSION /
 * ZN_ERR_NOT_FOUND (message names the path), ZN_ERR_NOMEM. */
zn_status zn__batch_write_file(const char *path, const char *data, size_t len, bool sync,
                               zn_error *err) __attribute__((warn_unused_result));
/* A file written through a temporary name: open, write, then commit (fsync when `sync`,
 * rename) or abort (remove the temporary file). Commit and abort release the stream. */
typedef struct out_stream {
    int fd;
    char *tmp;
    char *path;
} out_stream;
zn_status zn__stream_open(out_stream *st, const char *path, zn_error *err)
    __attribute__((warn_unused_result));
zn_status zn__stream_write(out_stream *st, const char *data, size_t len, zn_error *err)
    __attribute__((warn_unused_result));
zn_status zn__stream_commit(out_stream *st, bool sync, zn_error *err)
    __attribute__((warn_unused_result));
void zn__stream_abort(out_stream *st);
/* Creates the folder dir and every missing parent. */
zn_status zn__batch_mkdirs(const char *dir, zn_error *err) __attribute__((warn_unused_result));
/* True when path exists and its mtime is not older than `mtime`. */
bool zn__batch_is_up_to_date(const char *path, const struct timespec *mtime);
/* Dates path before `mtime` (the input's), so that --resume makes it again: the output of a
 * file that had a bad record, whose failure a resumed run must report again. */
void zn__batch_mark_stale(const char *path, const struct timespec *mtime);
/* Reads a whole file (at most `limit` bytes) into *out (zn_free). ZN_ERR_TOO_BIG etc. */
zn_status zn__batch_read_file(const char *path, size_t limit, char **out, size_t *len,
                              zn_error *err) __attribute__((warn_unused_result));

/* ---- facts.c: what one article contributes ---- */

/* The tables of summary.json. To add an aggregate: a value here, a row in summary.c's
 * table list, and the code in facts.c that finds its keys. */
typedef enum batch_table {
    TABLE_ENCODING = 0,
    TABLE_CONTAINER,
    TABLE_SCRIPT,
    TABLE_MONTH,
    TABLE_REPAIR,
    TABLE_ENTITY, /* key "type\tname" */
    TABLE_PAIR,   /* key "name\tname", names in byte order */
    TABLE_KEYWORD,
    TABLE_COUNT,
} batch_table;

typedef struct batch_fact {
    batch_table table;
    char *key;
    uint64_t count; /* mentions, repairs ...; the article counts once */
} batch_fact;

typedef struct batch_dup {
    uint64_t fp;
    char *label;    /* JSON object text {"path":..,"record":..,"id":..} */
} batch_dup;

typedef enum result_kind {
    RESULT_WRITTEN = 0,
    RESULT_UP_TO_DATE,
    RESULT_FAILED,
    RESULT_IGNORED,
    RESULT_NOT_DONE,   /* cancelled before or while it was processed */
} result_kind;

/* Everything one input file gives the index and the summary, made by a worker and merged
 * by the coordinator in path order. */
typedef struct file_result {
    result_kind kind;
    char *reason;       /* failure reason (also set for a file written with bad records) */
    size_t articles;
    uint64_t bytes;
    zn_buf index;       /* its index.jsonl lines */
    batch_fact *facts;
    size_t n_facts;
    size_t cap_facts;
    batch_dup *dups;
    size_t n_dups;
    size_t cap_dups;
} file_result;

zn_status zn__file_result_new(file_result **out) __attribute__((warn_unused_result));
void zn__file_result_free(file_result *r);
zn_status zn__file_result_fail(file_result *r, const char *reason)
    __attribute__((warn_unused_result));

/* Adds the index lines, facts and fingerprints of the JSON documents in json[0..len) (one
 * or more values, as written by zn_doc_write_json) of input `rel`. ZN_ERR_FORMAT when it is
 * not such JSON, ZN_ERR_NOMEM. */
zn_status zn__facts_from_json(file_result *r, const char *rel, const char *json, size_t len,
                              zn_error *err) __attribute__((warn_unused_result));

/* ---- summary.c / dups.c: the archive aggregates ---- */

typedef struct batch_summary batch_summary;

zn_status zn__summary_new(batch_summary **out, zn_error *err) __attribute__((warn_unused_result));
void zn__summary_free(batch_summary *s);
/* Merges one file's result (takes nothing from r). */
zn_status zn__summary_add(batch_summary *s, const char *rel, const file_result *r,
                          zn_error *err) __attribute__((warn_unused_result));
/* Writes summary.json's text into buf; res gives the file counts. */
zn_status zn__summary_write(batch_summary *s, zn_batch_result *res, zn_buf *buf,
                            zn_error *err) __attribute__((warn_unused_result));

/* Groups near-duplicate fingerprints: fills group[i] with the smallest index of i's group
 * (group[i] == i for an article alone or first in its group). ZN_ERR_NOMEM. */
zn_status zn__dups_group(const batch_dup *dups, size_t n, size_t *group, zn_error *err)
    __attribute__((warn_unused_result));

/* ---- process.c: one file, in a worker ---- */

typedef struct batch_ctx {
    const zn_batch_options *opts;
    const char *in_dir;
    const char *out_dir;
    atomic_bool *cancel;
} batch_ctx;

/* Processes entry e with worker w into a new *out (NULL only on ZN_ERR_NOMEM). Per-file
 * problems are inside the result, never returned. */
zn_status zn__batch_process(const batch_ctx *c, zn_worker *w, zn_buf *scratch,
                            const batch_entry *e, file_result **out)
    __attribute__((warn_unused_result));

#endif
