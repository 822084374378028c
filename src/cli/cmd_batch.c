/* SPDX-License-Identifier: MIT
 * `zhnews batch IN_DIR OUT_DIR [-j N]`: a folder tree to a mirrored JSON archive with
 * index.jsonl and summary.json. Ctrl-C stops cleanly (a second one kills); a progress line
 * is drawn only when stderr is a terminal. */
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

// The running batch, for the signal handler (which may only call zn_batch_cancel).
static zn_batch *volatile running;

static void on_signal(int sig)
{
    (void)sig;
    zn_batch *b = running;
    if (b != NULL) {
        zn_batch_cancel(b);
    }
}

static void catch_signals(bool on)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on ? on_signal : SIG_DFL;
    sa.sa_flags = on ? SA_RESETHAND : 0; // a second Ctrl-C ends the program at once
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

typedef struct view {
    const cli_options *o;
    bool tty;        /* draw the progress line */
    bool drawn;      /* a progress line is on the screen */
} view;

static void clear_line(view *v)
{
    if (v->drawn) {
        fputs("\r\033[K", stderr);
        v->drawn = false;
    }
}

static void format_time(double s, char out[32])
{
    int t = s < 0 ? 0 : s > 359999 ? 359999 : (int)(s + 0.5); // at most 99:59:59
    if (t >= 3600) {
        snprintf(out, 32, "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60);
    } else {
        snprintf(out, 32, "%02d:%02d", t / 60, t % 60);
    }
}

static void on_progress(void *ctx, const zn_batch_progress *p)
{
    view *v = ctx;
    if (!v->tty) {
        return;
    }
    double mbs = p->elapsed > 0 ? (double)p->bytes_done / 1e6 / p->elapsed : 0;
    char elapsed[32];
    char eta[32] = "--:--";
    format_time(p->elapsed, elapsed);
    if (p->bytes_done > 0 && p->bytes_total >= p->bytes_done) {
        format_time(p->elapsed * (double)(p->bytes_total - p->bytes_done) /
                        (double)p->bytes_done, eta);
    }
    fprintf(stderr, "\r\033[Kzhnews: %zu/%zu files, %zu articles, %zu failed, %.1f MB/s, %s, "
            "ETA %s", p->files_done, p->files_total, p->articles, p->files_failed, mbs, elapsed,
            eta);
    v->drawn = true;
    if (p->finished) {
        fputc('\n', stderr);
        v->drawn = false;
    }
    fflush(stderr);
}

static void on_failure(void *ctx, const char *path, const char *reason)
{
    view *v = ctx;
    clear_line(v);
    cli_error("%s: %s", path, reason);
}

static zn_status open_pipeline(const cli_options *o, zn_pipeline **p, zn_error *err)
{
    char lexbuf[4096];
    zn_pipeline_options popts;
    cli_pipeline_options(o, &popts, lexbuf, sizeof lexbuf);
    return zn_pipeline_new(p, &popts, err);
}

static void batch_options(const cli_options *o, view *v, zn_batch_options *bo)
{
    zn_batch_options_init(bo);
    bo->jobs = o->jobs;
    bo->resume = o->resume;
    bo->text = o->text;
    bo->all = o->all;
    bo->include_glob = o->include_glob;
    bo->exclude_glob = o->exclude_glob;
    bo->reader = o->reader;
    bo->write.pretty = o->pretty;
    bo->write.fields = o->fields;
    bo->progress = on_progress;
    bo->on_failure = on_failure;
    bo->ctx = v;
}

int cli_cmd_batch(const cli_options *o)
{
    if (o->n_inputs != 2) {
        cli_error("batch: expected IN_DIR OUT_DIR");
        fputs("Try 'zhnews --help' for more information.\n", stderr);
        return CLI_USAGE;
    }
    zn_error err;
    zn_error_init(&err);
    zn_pipeline *p = NULL;
    if (open_pipeline(o, &p, &err) != ZN_OK) {
        cli_report(&err);
        return CLI_SOME_FAILED;
    }
    view v = {o, !o->quiet && isatty(STDERR_FILENO), false};
    zn_batch_options bo;
    batch_options(o, &v, &bo);
    zn_batch *b = NULL;
    zn_batch_result res;
    memset(&res, 0, sizeof res);
    zn_status st = zn_batch_new(&b, p, o->inputs[0], o->inputs[1], &bo, &err);
    if (st == ZN_OK) {
        running = b;
        catch_signals(true);
        st = zn_batch_run(b, &res, &err);
        catch_signals(false);
        running = NULL;
    }
    clear_line(&v);
    if (st != ZN_OK) {
        cli_report(&err);
    } else if (res.failed > 0) {
        cli_error("%zu of %zu files failed (listed in %s/summary.json)", res.failed, res.files,
                  o->inputs[1]);
    }
    zn_batch_free(b);
    zn_pipeline_free(p);
    return st == ZN_OK && res.failed == 0 ? CLI_OK : CLI_SOME_FAILED;
}
