/* SPDX-License-Identifier: MIT
 * Batch and archive: a folder tree of news files in, a mirrored JSON archive out, with
 * OUT_DIR/index.jsonl (one line per article) and OUT_DIR/summary.json (archive aggregates).
 * Runs the whole pipeline in worker threads that share one zn_pipeline. */
#ifndef ZHNEWS_ZHNEWS_BATCH_H
#define ZHNEWS_ZHNEWS_BATCH_H

#include "zhnews/common.h"
#include "zhnews/output.h"
#include "zhnews/reader.h"

struct zn_pipeline;

/* Where a run stands, for a progress line. Counts are of files the run has finished with
 * (written, up to date, or failed), in path order. */
typedef struct zn_batch_progress {
    size_t files_total;   /* input files the walk found */
    size_t files_done;    /* written + up to date + failed */
    size_t files_skipped; /* --resume: output already newer than the input */
    size_t files_failed;
    size_t articles;      /* articles in the files done */
    uint64_t bytes_total; /* sizes of all input files */
    uint64_t bytes_done;  /* sizes of the files done */
    double elapsed;       /* seconds since zn_batch_run started */
    bool finished;        /* the last call of a run */
} zn_batch_progress;

/* Called from the thread that called zn_batch_run (never from a worker), about every
 * `progress_interval` seconds and once at the end with `finished` set. */
typedef void (*zn_batch_progress_fn)(void *ctx, const zn_batch_progress *p);

/* Called from the thread that called zn_batch_run for every input that failed, in path
 * order: `path` is the input path (IN_DIR/relative), `reason` the message without the path,
 * e.g. ("in/a.txt", "not text (binary data at byte 3)"). The strings live for the call. */
typedef void (*zn_batch_failure_fn)(void *ctx, const char *path, const char *reason);

/* Options; zn_batch_options_init sets the defaults shown. Strings are borrowed and must
 * outlive the batch. */
typedef struct zn_batch_options {
    int jobs;                  /* worker threads; 0 (default) = online cores; 1 runs in the
                                  calling thread */
    bool resume;               /* skip files whose outputs are at least as new as the input */
    bool text;                 /* also write OUT_DIR/<rel>.txt with the normalised text */
    bool all;                  /* include hidden files and folders (names starting with .) */
    bool fsync;                /* fsync every output before its rename (slower, crash-safe
                                  on power loss, not only on a kill) */
    const char *include_glob;  /* only files matching (fnmatch); a pattern without '/' is
                                  matched against the file name, one with '/' against the
                                  path relative to IN_DIR; NULL = every file */
    const char *exclude_glob;  /* skip files and folders matching (same rule); NULL = none */
    zn_reader_options reader;  /* how inputs are read (encoding, container, fields) */
    zn_write_options write;    /* how documents are written (default: compact, all fields) */
    zn_batch_progress_fn progress;
    zn_batch_failure_fn on_failure;
    void *ctx;                 /* passed to progress and on_failure */
    double progress_interval;  /* seconds between progress calls (default 0.25) */
} zn_batch_options;

/* Fills *opts with the defaults. Cannot fail. */
ZN_API void zn_batch_options_init(zn_batch_options *opts);

/* What a run did (also written to summary.json). */
typedef struct zn_batch_result {
    size_t files;        /* input files found */
    size_t written;      /* files whose output was written by this run */
    size_t skipped;      /* --resume: outputs already up to date (still indexed) */
    size_t failed;       /* files listed in summary.json's failures */
    size_t not_done;     /* files left when the run was cancelled */
    size_t articles;     /* articles indexed */
    size_t duplicates;   /* near-duplicate groups found */
    bool cancelled;
} zn_batch_result;

typedef struct zn_batch zn_batch;

/* Prepares a batch from in_dir to out_dir with the shared pipeline `p` (borrowed; it must
 * outlive the batch). `opts` may be NULL for the defaults; it is copied. Nothing is read or
 * written yet. Returns ZN_OK, ZN_ERR_INVALID_ARG (a NULL argument, jobs < 0, empty paths),
 * ZN_ERR_NOMEM; on failure *out is NULL. */
ZN_API zn_status zn_batch_new(zn_batch **out, const struct zn_pipeline *p, const char *in_dir,
                              const char *out_dir, const zn_batch_options *opts, zn_error *err);

/* Walks in_dir (following symbolic links, never round a loop, skipping hidden names unless
 * `all`, out_dir itself when it lies inside in_dir, and what the globs exclude), processes
 * every regular file in opts.jobs threads and writes:
 *   OUT_DIR/<rel>.json   the documents of IN_DIR/<rel> (JSON Lines when several articles);
 *   OUT_DIR/<rel>.txt    with `text`: the normalised texts, separated by an empty line;
 *   OUT_DIR/index.jsonl  one line per article, sorted by path and record: id, path, record,
 *                        title, date, script, entities (top names), fingerprint;
 *   OUT_DIR/summary.json counts per encoding, container, script and month, entities per
 *                        type, entity pairs, repairs per rule, duplicate groups, failures.
 * Every output is written under a temporary name in its folder and renamed, so a killed run
 * never leaves a half file; a run with `resume` after a kill finishes the job. A file that
 * cannot be read or processed is listed among the failures with its reason and the run goes
 * on; its output is not written. Output is the same for any number of jobs.
 * `res` (output, may be NULL) receives the counts.
 * Returns ZN_OK when every file was handled (some may have failed: see res->failed),
 * ZN_ERR_INTERRUPTED after zn_batch_cancel (the files done are indexed and summarised),
 * ZN_ERR_NOT_FOUND / ZN_ERR_PERMISSION / ZN_ERR_IO for in_dir or out_dir themselves (the
 * message names the folder), ZN_ERR_INVALID_ARG when in_dir is not a folder or out_dir is
 * in_dir, ZN_ERR_IO when the index or summary cannot be written, ZN_ERR_EXTERNAL when no
 * thread can be started or a worker cannot be made, ZN_ERR_NOMEM.
 * Run a batch once. */
ZN_API zn_status zn_batch_run(zn_batch *b, zn_batch_result *res, zn_error *err);

/* Asks a running batch to stop: no new file is started, files in flight are finished or
 * discarded (never half-written), then the index and summary are written. Async-signal-safe
 * (it only sets an atomic flag), so a SIGINT handler may call it. Cannot fail. */
ZN_API void zn_batch_cancel(zn_batch *b);

/* Frees the batch. Accepts NULL. Not while zn_batch_run is running. */
ZN_API void zn_batch_free(zn_batch *b);

#endif
