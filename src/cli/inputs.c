/* SPDX-License-Identifier: MIT
 * Shared plumbing of the subcommands: where the lexicon is, and the line-for-line loop of the
 * line modes (normalize, segment, dates, tag). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

#ifndef ZN_DATADIR
#define ZN_DATADIR "/usr/local/share/zhnews"
#endif

const char *cli_lexicon_path(const cli_options *o, char *buf, size_t size)
{
    if (o->lexicon != NULL) {
        return o->lexicon;
    }
    const char *env = getenv("ZHNEWS_LEXICON");
    if (env != NULL && env[0] != '\0') {
        return env;
    }
    // Beside the program: build/zhnews finds build/zhnews.lex.
    ssize_t n = readlink("/proc/self/exe", buf, size - 1);
    if (n > 0) {
        buf[n] = '\0';
        char *slash = strrchr(buf, '/');
        if (slash != NULL && (size_t)(slash - buf) + sizeof "/zhnews.lex" <= size) {
            memcpy(slash, "/zhnews.lex", sizeof "/zhnews.lex");
            if (access(buf, R_OK) == 0) {
                return buf;
            }
        }
    }
    return ZN_DATADIR "/zhnews.lex";
}

void cli_pipeline_options(const cli_options *o, zn_pipeline_options *popts, char *lexbuf,
                          size_t size)
{
    zn_pipeline_options_init(popts);
    popts->lexicon_path = cli_lexicon_path(o, lexbuf, size);
    popts->user_dict = o->user_dict;
    popts->repair = !o->no_repair;
    popts->to = o->to;
    popts->ref_date = o->ref_date;
    popts->vague = o->vague;
    popts->region = o->region;
    popts->summary = o->summary;
    popts->tagger = !o->no_tagger;
}

zn_lexicon *cli_open_lexicon(const cli_options *o, bool required, bool *failed)
{
    char buf[4096];
    const char *path = cli_lexicon_path(o, buf, sizeof buf);
    zn_error err;
    zn_error_init(&err);
    zn_lexicon *lex = NULL;
    *failed = false;
    if (zn_lexicon_open(&lex, path, &err) != ZN_OK) {
        if (required) {
            cli_report(&err);
            *failed = true;
        } else {
            cli_warn(o, "%s; going on without word knowledge", err.message);
        }
        return NULL;
    }
    if (o->user_dict != NULL && zn_lexicon_load_user_dict(lex, o->user_dict, &err) != ZN_OK) {
        cli_report(&err);
        zn_lexicon_close(lex);
        *failed = true;
        return NULL;
    }
    return lex;
}

// Splits a record into lines (the reader may hand over a whole text) and calls fn on each.
static bool each_line_of(const zn_record *rec, cli_line_fn fn, void *ctx, FILE *out)
{
    if (rec->format == ZN_FORMAT_LINES) {
        return fn(ctx, rec->text, rec->len, out);
    }
    size_t start = 0;
    while (start < rec->len) {
        const char *nl = memchr(rec->text + start, '\n', rec->len - start);
        size_t end = nl != NULL ? (size_t)(nl - rec->text) : rec->len;
        size_t line_end = end > start && rec->text[end - 1] == '\r' ? end - 1 : end;
        if (!fn(ctx, rec->text + start, line_end - start, out)) {
            return false;
        }
        start = end + 1;
    }
    return true;
}

// Called once an input's last record has been handed over (a command that holds records
// back writes them there); false when it failed (it has reported why).
typedef bool (*cli_end_fn)(void *ctx, FILE *out);

// `end` may be NULL.
static int run_input(const char *path, const zn_reader_options *ropts, cli_record_fn fn,
                     cli_end_fn end, void *ctx, FILE *out)
{
    zn_error err;
    zn_error_init(&err);
    zn_reader *r;
    if (zn_reader_open(&r, path, ropts, &err) != ZN_OK) {
        cli_report(&err);
        return CLI_SOME_FAILED;
    }
    int rc = CLI_OK;
    for (;;) {
        zn_record *rec;
        zn_status st = zn_reader_next(r, &rec, &err);
        if (st == ZN_ERR_EMPTY && ropts->format == ZN_FORMAT_LINES) {
            break; // an empty input has no lines: nothing to write
        }
        if (st != ZN_OK) {
            cli_report(&err);
            rc = CLI_SOME_FAILED;
            if (st == ZN_ERR_FORMAT) {
                continue; // a bad record; the reader goes on with the next
            }
            break;
        }
        if (rec == NULL) {
            break;
        }
        if (!fn(ctx, rec, out)) {
            rc = CLI_SOME_FAILED;
        }
    }
    if (end != NULL && !end(ctx, out)) {
        rc = CLI_SOME_FAILED;
    }
    zn_reader_close(r);
    return rc;
}

static int each_record(const cli_options *o, const zn_reader_options *ropts, cli_record_fn fn,
                       cli_end_fn end, void *ctx)
{
    FILE *out = cli_open_output(o);
    if (out == NULL) {
        return CLI_SOME_FAILED;
    }
    int rc = CLI_OK;
    if (o->n_inputs == 0) {
        rc = run_input("-", ropts, fn, end, ctx, out);
    }
    for (int i = 0; i < o->n_inputs; i++) {
        if (run_input(o->inputs[i], ropts, fn, end, ctx, out) != CLI_OK) {
            rc = CLI_SOME_FAILED;
        }
    }
    if (!cli_close_output(out, o)) {
        rc = CLI_SOME_FAILED;
    }
    return rc;
}

int cli_each_record(const cli_options *o, const zn_reader_options *ropts, cli_record_fn fn,
                    void *ctx)
{
    return each_record(o, ropts, fn, NULL, ctx);
}

typedef struct line_ctx {
    cli_line_fn fn;
    cli_end_fn end;
    void *ctx;
} line_ctx;

static bool lines_of_record(void *ctx, zn_record *rec, FILE *out)
{
    const line_ctx *lc = ctx;
    bool ok = each_line_of(rec, lc->fn, lc->ctx, out);
    zn_record_free(rec);
    return ok;
}

static bool end_of_lines(void *ctx, FILE *out)
{
    const line_ctx *lc = ctx;
    return lc->end(lc->ctx, out);
}

static int each_line_then(const cli_options *o, cli_line_fn fn, cli_end_fn end, void *ctx)
{
    zn_reader_options ropts = o->reader;
    ropts.format = ZN_FORMAT_LINES;
    line_ctx lc = {fn, end, ctx};
    return each_record(o, &ropts, lines_of_record, end != NULL ? end_of_lines : NULL, &lc);
}

int cli_each_line(const cli_options *o, cli_line_fn fn, void *ctx)
{
    return each_line_then(o, fn, NULL, ctx);
}

// Lines held back until a batch is full or the input ends: copied one after another into
// text, line i being text[off[i], off[i + 1]).
typedef struct batch_ctx {
    cli_batch_fn fn;
    void *ctx;
    zn_buf text;
    size_t off[CLI_BATCH_LINES + 1];
    size_t n;
} batch_ctx;

static bool flush_batch(void *ctx, FILE *out)
{
    batch_ctx *b = ctx;
    if (b->n == 0) {
        return true;
    }
    const char *lines[CLI_BATCH_LINES];
    size_t lens[CLI_BATCH_LINES];
    for (size_t i = 0; i < b->n; i++) {
        lines[i] = b->text.data + b->off[i];
        lens[i] = b->off[i + 1] - b->off[i];
    }
    bool ok = b->fn(b->ctx, lines, lens, b->n, out);
    b->n = 0;
    b->text.len = 0;
    return ok;
}

static bool batch_line(void *ctx, const char *line, size_t len, FILE *out)
{
    batch_ctx *b = ctx;
    bool ok = true;
    if (b->n == CLI_BATCH_LINES || (b->n > 0 && b->text.len + len > CLI_BATCH_BYTES)) {
        ok = flush_batch(b, out);
    }
    if (len > CLI_BATCH_BYTES || zn_buf_append(&b->text, line, len) != ZN_OK) {
        // a long line (or no memory to hold it) goes alone, after the lines before it
        return flush_batch(b, out) && b->fn(b->ctx, &line, &len, 1, out) && ok;
    }
    b->off[b->n++] = b->text.len - len;
    b->off[b->n] = b->text.len;
    return ok;
}

int cli_each_line_batch(const cli_options *o, cli_batch_fn fn, void *ctx)
{
    batch_ctx b = {.fn = fn, .ctx = ctx};
    zn_buf_init(&b.text, 0);
    int rc = each_line_then(o, batch_line, flush_batch, &b);
    zn_buf_clear(&b.text);
    return rc;
}
