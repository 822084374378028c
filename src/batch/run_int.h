/* SPDX-License-Identifier: MIT
 * The state of one batch run, shared by batch.c (walk, merge, summary) and threads.c (the
 * worker threads). */
#ifndef ZHNEWS_BATCH_RUN_INT_H
#define ZHNEWS_BATCH_RUN_INT_H

#include <pthread.h>

#include "batch/batch_int.h"

struct zn_batch {
    const zn_pipeline *p;
    char *in_dir;
    char *out_dir;
    zn_batch_options opts;
    atomic_bool cancel;
};

typedef struct run_state {
    zn_batch *b;
    batch_ctx ctx;
    batch_entries entries;
    file_result **slots;      /* results waiting to be merged, by entry */
    size_t next;              /* next entry a worker takes */
    size_t merged;            /* entries merged so far (a prefix) */
    size_t window;            /* how far workers may run ahead of the merge */
    size_t active;            /* workers still running */
    zn_status worker_status;  /* the first hard error of a worker (out of memory) */
    pthread_mutex_t mu;
    pthread_cond_t done;      /* a result arrived or a worker ended */
    pthread_cond_t space;     /* the merge moved on */
    out_stream index;
    batch_summary *summary;
    zn_batch_result res;
    zn_batch_progress prog;
    struct timespec start;
    double last_progress;
    zn_buf path;              /* scratch for failure messages */
} run_state;

/* Merges entry i's result into the index, the summary and the counts; frees r. */
zn_status zn__batch_merge(run_state *rs, size_t i, file_result *r, zn_error *err)
    __attribute__((warn_unused_result));
/* Calls the progress callback when it is due (always when `finished`). */
void zn__batch_report_progress(run_state *rs, bool finished);
/* Processes every entry in `jobs` threads with workers[0..jobs), merging as results come. */
zn_status zn__batch_run_threads(run_state *rs, zn_worker **workers, size_t jobs, zn_error *err)
    __attribute__((warn_unused_result));

#endif
