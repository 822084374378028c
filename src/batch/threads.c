/* SPDX-License-Identifier: MIT
 * The worker threads of a batch run: each takes the next file, processes it with its own
 * zn_worker and leaves the result in its slot; the calling thread merges the slots in path
 * order as they fill. Workers never run more than a window ahead of the merge. */
#include <pthread.h>
#include <string.h>

#include "batch/run_int.h"
#include "util/alloc.h"
#include "util/error.h"

typedef struct worker_arg {
    run_state *rs;
    zn_worker *w;
    pthread_t thread;
    bool started;
} worker_arg;

static void *worker_main(void *arg)
{
    worker_arg *wa = arg;
    run_state *rs = wa->rs;
    zn_buf scratch;
    zn_buf_init(&scratch, 0);
    pthread_mutex_lock(&rs->mu);
    for (;;) {
        while (!atomic_load(&rs->b->cancel) && rs->worker_status == ZN_OK &&
               rs->next < rs->entries.count && rs->next >= rs->merged + rs->window) {
            pthread_cond_wait(&rs->space, &rs->mu);
        }
        if (atomic_load(&rs->b->cancel) || rs->worker_status != ZN_OK ||
            rs->next >= rs->entries.count) {
            break;
        }
        size_t i = rs->next++;
        pthread_mutex_unlock(&rs->mu);
        file_result *r;
        zn_status s = zn__batch_process(&rs->ctx, wa->w, &scratch, &rs->entries.items[i], &r);
        pthread_mutex_lock(&rs->mu);
        if (s != ZN_OK) {
            rs->worker_status = s;
            break;
        }
        rs->slots[i] = r;
        pthread_cond_signal(&rs->done);
    }
    rs->active--;
    pthread_cond_signal(&rs->done);
    pthread_mutex_unlock(&rs->mu);
    zn_buf_clear(&scratch);
    return NULL;
}

// The coordinator's loop: merge results in entry order as they arrive.
static zn_status coordinate(run_state *rs, zn_error *err)
{
    zn_status s = ZN_OK;
    size_t n = rs->entries.count;
    pthread_mutex_lock(&rs->mu);
    while (rs->merged < n && s == ZN_OK) {
        file_result *r = rs->slots[rs->merged];
        if (r != NULL) {
            rs->slots[rs->merged] = NULL;
            pthread_mutex_unlock(&rs->mu);
            s = zn__batch_merge(rs, rs->merged, r, err);
            zn__batch_report_progress(rs, false);
            pthread_mutex_lock(&rs->mu);
            rs->merged++;
            pthread_cond_broadcast(&rs->space);
            continue;
        }
        if (rs->active == 0) {
            break; // cancelled, or a worker ran out of memory
        }
        if (atomic_load(&rs->b->cancel)) {
            pthread_cond_broadcast(&rs->space);
        }
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += 100 * 1000 * 1000;
        if (until.tv_nsec >= 1000000000) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000;
        }
        pthread_cond_timedwait(&rs->done, &rs->mu, &until);
        pthread_mutex_unlock(&rs->mu);
        zn__batch_report_progress(rs, false);
        pthread_mutex_lock(&rs->mu);
    }
    if (s != ZN_OK) {
        rs->worker_status = s; // stops the workers
        pthread_cond_broadcast(&rs->space);
    }
    pthread_mutex_unlock(&rs->mu);
    return s;
}

zn_status zn__batch_run_threads(run_state *rs, zn_worker **workers, size_t jobs, zn_error *err)
{
    worker_arg *args = zn__calloc(jobs, sizeof *args);
    rs->slots = zn__calloc(rs->entries.count, sizeof *rs->slots);
    if (args == NULL || rs->slots == NULL) {
        zn__free(args);
        return zn__error_nomem(err, "batch");
    }
    pthread_mutex_init(&rs->mu, NULL);
    pthread_cond_init(&rs->done, NULL);
    pthread_cond_init(&rs->space, NULL);
    rs->window = 8 * jobs + 16;
    zn_status s = ZN_OK;
    for (size_t t = 0; t < jobs; t++) {
        args[t] = (worker_arg){rs, workers[t], 0, false};
        pthread_mutex_lock(&rs->mu);
        rs->active++;
        pthread_mutex_unlock(&rs->mu);
        if (pthread_create(&args[t].thread, NULL, worker_main, &args[t]) != 0) {
            pthread_mutex_lock(&rs->mu);
            rs->active--;
            pthread_mutex_unlock(&rs->mu);
            if (t == 0) {
                s = zn__error_set(err, ZN_ERR_EXTERNAL, "batch: cannot start a thread");
            }
            break; // fewer threads still do the job
        }
        args[t].started = true;
    }
    if (s == ZN_OK) {
        s = coordinate(rs, err);
    }
    for (size_t t = 0; t < jobs; t++) {
        if (args[t].started) {
            pthread_join(args[t].thread, NULL);
        }
    }
    if (s == ZN_OK && rs->worker_status != ZN_OK) {
        s = zn__error_nomem(err, "batch worker");
    }
    // After a cancel, results past the first gap were written: index them too.
    for (size_t i = rs->merged; i < rs->entries.count; i++) {
        file_result *r = rs->slots[i];
        rs->slots[i] = NULL;
        if (r == NULL) {
            rs->res.not_done++;
        } else if (s == ZN_OK) {
            s = zn__batch_merge(rs, i, r, err);
        } else {
            zn__file_result_free(r);
        }
    }
    pthread_cond_destroy(&rs->space);
    pthread_cond_destroy(&rs->done);
    pthread_mutex_destroy(&rs->mu);
    zn__free(args);
    return s;
}
