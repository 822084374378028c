/* SPDX-License-Identifier: MIT
 * The batch run: walk IN_DIR, hand files to worker threads (each with its own zn_worker on
 * the shared pipeline), merge their results in path order into index.jsonl and the summary,
 * report progress, stop cleanly when cancelled. */
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch/run_int.h"
#include "util/alloc.h"
#include "util/error.h"


void zn_batch_options_init(zn_batch_options *opts)
{
    memset(opts, 0, sizeof *opts);
    zn_reader_options_init(&opts->reader);
    opts->write.fields = ZN_FIELD_ALL;
    opts->progress_interval = 0.25;
}

zn_status zn_batch_new(zn_batch **out, const zn_pipeline *p, const char *in_dir,
                       const char *out_dir, const zn_batch_options *opts, zn_error *err)
{
    if (out == NULL) {
        return zn__error_set(err, ZN_ERR_INVALID_ARG, "batch: no result pointer");
    }
    *out = NULL;
    if (p == NULL || in_dir == NULL || out_dir == NULL || in_dir[0] == '\0' ||
        out_dir[0] == '\0' || (opts != NULL && opts->jobs < 0)) {
        return zn__error_set(err, ZN_ERR_INVALID_ARG,
                             "batch: needs a pipeline, IN_DIR, OUT_DIR and jobs >= 0");
    }
    zn_batch *b = zn__calloc(1, sizeof *b);
    if (b == NULL) {
        return zn__error_nomem(err, "batch");
    }
    b->p = p;
    b->in_dir = zn__strndup(in_dir, strlen(in_dir));
    b->out_dir = zn__strndup(out_dir, strlen(out_dir));
    if (b->in_dir == NULL || b->out_dir == NULL) {
        zn_batch_free(b);
        return zn__error_nomem(err, "batch");
    }
    if (opts != NULL) {
        b->opts = *opts;
    } else {
        zn_batch_options_init(&b->opts);
    }
    if (b->opts.progress_interval <= 0) {
        b->opts.progress_interval = 0.25;
    }
    atomic_init(&b->cancel, false);
    *out = b;
    return ZN_OK;
}

void zn_batch_cancel(zn_batch *b)
{
    if (b != NULL) {
        atomic_store(&b->cancel, true);
    }
}

void zn_batch_free(zn_batch *b)
{
    if (b == NULL) {
        return;
    }
    zn__free(b->in_dir);
    zn__free(b->out_dir);
    zn__free(b);
}

static double seconds_since(const struct timespec *t0)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t0->tv_sec) + (double)(now.tv_nsec - t0->tv_nsec) / 1e9;
}

void zn__batch_report_progress(run_state *rs, bool finished)
{
    const zn_batch_options *o = &rs->b->opts;
    double now = seconds_since(&rs->start);
    if (o->progress == NULL || (!finished && now - rs->last_progress < o->progress_interval)) {
        return;
    }
    rs->last_progress = now;
    rs->prog.elapsed = now;
    rs->prog.finished = finished;
    o->progress(o->ctx, &rs->prog);
}

// Merges entry i's result into the index, the summary and the counts; frees r.
zn_status zn__batch_merge(run_state *rs, size_t i, file_result *r, zn_error *err)
{
    const batch_entry *e = &rs->entries.items[i];
    zn_status s = ZN_OK;
    if (r->kind == RESULT_NOT_DONE) {
        rs->res.not_done++;
        zn__file_result_free(r);
        return ZN_OK;
    }
    if (r->index.len > 0) {
        s = zn__stream_write(&rs->index, r->index.data, r->index.len, err);
    }
    if (s == ZN_OK) {
        s = zn__summary_add(rs->summary, e->rel, r, err);
    }
    // A file with a bad record is written (its good records) and listed as failed.
    rs->res.written += r->kind == RESULT_WRITTEN || (r->kind == RESULT_FAILED && r->articles);
    rs->res.skipped += r->kind == RESULT_UP_TO_DATE;
    rs->res.articles += r->articles;
    if (r->kind != RESULT_IGNORED) {
        bool failed = r->reason != NULL;
        rs->res.failed += failed;
        rs->prog.files_done++;
        rs->prog.files_failed += failed;
        rs->prog.files_skipped += r->kind == RESULT_UP_TO_DATE;
        rs->prog.articles += r->articles;
        rs->prog.bytes_done += r->bytes;
        const zn_batch_options *o = &rs->b->opts;
        if (failed && o->on_failure != NULL) {
            rs->path.len = 0;
            if (zn_buf_printf(&rs->path, "%s/%s", rs->b->in_dir, e->rel) == ZN_OK) {
                o->on_failure(o->ctx, rs->path.data, r->reason);
            }
        }
    }
    zn__file_result_free(r);
    return s;
}


// Runs every entry in the calling thread (jobs == 1).
static zn_status run_inline(run_state *rs, zn_worker *w, zn_error *err)
{
    zn_buf scratch;
    zn_buf_init(&scratch, 0);
    zn_status s = ZN_OK;
    size_t n = rs->entries.count;
    for (size_t i = 0; i < n && s == ZN_OK; i++) {
        if (atomic_load(&rs->b->cancel)) {
            rs->res.not_done += n - i;
            break;
        }
        file_result *r;
        s = zn__batch_process(&rs->ctx, w, &scratch, &rs->entries.items[i], &r);
        if (s != ZN_OK) {
            s = zn__error_nomem(err, rs->entries.items[i].rel);
            break;
        }
        s = zn__batch_merge(rs, i, r, err);
        zn__batch_report_progress(rs, false);
    }
    zn_buf_clear(&scratch);
    return s;
}


static size_t job_count(const zn_batch_options *o, size_t files)
{
    long jobs = o->jobs;
    if (jobs == 0) {
        jobs = sysconf(_SC_NPROCESSORS_ONLN);
    }
    if (jobs < 1) {
        jobs = 1;
    }
    return (size_t)jobs > files ? (files > 0 ? files : 1) : (size_t)jobs;
}

// Creates OUT_DIR and walks IN_DIR (never into OUT_DIR).
static zn_status prepare(run_state *rs, zn_error *err)
{
    zn_batch *b = rs->b;
    zn_status s = zn__batch_mkdirs(b->out_dir, err);
    if (s != ZN_OK) {
        return s;
    }
    walk_options wo = {b->opts.all, b->opts.include_glob, b->opts.exclude_glob, false, 0, 0};
    struct stat st;
    struct stat in;
    if (stat(b->out_dir, &st) == 0) {
        if (stat(b->in_dir, &in) == 0 && in.st_dev == st.st_dev && in.st_ino == st.st_ino) {
            return zn__error_at(err, ZN_ERR_INVALID_ARG, b->out_dir,
                                "the output folder is the input folder");
        }
        wo.skip_dir = true;
        wo.skip_dev = st.st_dev;
        wo.skip_ino = st.st_ino;
    }
    s = zn__batch_walk(b->in_dir, &wo, &rs->entries, err);
    for (size_t i = 0; i < rs->entries.count && s == ZN_OK; i++) {
        const batch_entry *e = &rs->entries.items[i];
        rs->res.files += e->kind != ENTRY_IGNORED;
        rs->prog.bytes_total += e->size;
    }
    rs->prog.files_total = rs->res.files;
    return s;
}

static zn_status process_all(run_state *rs, zn_error *err)
{
    size_t jobs = job_count(&rs->b->opts, rs->entries.count);
    zn_worker **workers = zn__calloc(jobs, sizeof *workers);
    if (workers == NULL) {
        return zn__error_nomem(err, "batch");
    }
    zn_status s = ZN_OK;
    for (size_t t = 0; t < jobs && s == ZN_OK; t++) {
        s = zn_worker_new(&workers[t], rs->b->p, err);
    }
    if (s == ZN_OK) {
        s = jobs == 1 ? run_inline(rs, workers[0], err)
                      : zn__batch_run_threads(rs, workers, jobs, err);
    }
    for (size_t t = 0; t < jobs; t++) {
        zn_worker_free(workers[t]);
    }
    zn__free(workers);
    return s;
}

static zn_status finish(run_state *rs, zn_error *err)
{
    zn_batch *b = rs->b;
    zn_status s = zn__stream_commit(&rs->index, b->opts.fsync, err);
    zn_buf text;
    zn_buf_init(&text, 0);
    if (s == ZN_OK) {
        s = zn__summary_write(rs->summary, &rs->res, &text, err);
    }
    if (s == ZN_OK) {
        rs->path.len = 0;
        s = zn_buf_printf(&rs->path, "%s/summary.json", b->out_dir);
        s = s == ZN_OK ? zn__batch_write_file(rs->path.data, text.data, text.len,
                                              b->opts.fsync, err)
                       : zn__error_nomem(err, "summary");
    }
    zn_buf_clear(&text);
    return s;
}

zn_status zn_batch_run(zn_batch *b, zn_batch_result *res, zn_error *err)
{
    run_state rs;
    memset(&rs, 0, sizeof rs);
    rs.b = b;
    rs.ctx = (batch_ctx){&b->opts, b->in_dir, b->out_dir, &b->cancel};
    rs.index.fd = -1;
    zn_buf_init(&rs.path, 0);
    clock_gettime(CLOCK_MONOTONIC, &rs.start);
    zn_status s = prepare(&rs, err);
    if (s == ZN_OK) {
        s = zn__summary_new(&rs.summary, err);
    }
    if (s == ZN_OK) {
        s = zn_buf_printf(&rs.path, "%s/index.jsonl", b->out_dir);
        s = s == ZN_OK ? zn__stream_open(&rs.index, rs.path.data, err)
                       : zn__error_nomem(err, "index");
    }
    if (s == ZN_OK) {
        s = process_all(&rs, err);
    }
    rs.res.cancelled = atomic_load(&b->cancel) && rs.res.not_done > 0;
    if (s == ZN_OK) {
        s = finish(&rs, err);
    } else {
        zn__stream_abort(&rs.index);
    }
    if (s == ZN_OK) {
        zn__batch_report_progress(&rs, true);
    }
    if (res != NULL) {
        *res = rs.res;
    }
    zn__summary_free(rs.summary);
    zn__batch_entries_clear(&rs.entries);
    zn__free(rs.slots);
    zn_buf_clear(&rs.path);
    if (s == ZN_OK && rs.res.cancelled) {
        return zn__error_set(err, ZN_ERR_INTERRUPTED,
                             "interrupted: %zu files not processed (run again with --resume)",
                             rs.res.not_done);
    }
    return s;
}
