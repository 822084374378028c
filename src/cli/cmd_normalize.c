/* SPDX-License-Identifier: MIT
 * `zhnews normalize [FILE|-]...`: the repaired (and, with --to, converted) text, exactly one
 * output line per input line. Line mode repairs characters (variants, mis-conversions,
 * Simplified leftovers, compatibility ideographs, zero-width characters) and leaves spacing,
 * widths and punctuation as they are, so that its output can be scored character by
 * character; the full pipeline (`zhnews process`) folds those too. The lexicon is used when
 * it can be opened; without it the repair falls back to its tables alone (with a warning). */
#include <errno.h>
#include <string.h>

#include "cli/cli.h"

typedef struct norm_ctx {
    zn_normalizer *n;
    bool failed;
    FILE *report;  /* --report: one JSON line per changed input line, or NULL */
    size_t line;   /* 1-based number of the current input line */
    zn_buf buf;
} norm_ctx;

// {"line": N, "fixes": [{start, end, from, to, rule}]}, offsets in code points of the output
// line, for lines that changed.
static bool report_changes(norm_ctx *c, const zn_norm_result *res)
{
    if (c->report == NULL || res->n_changes == 0) {
        return true;
    }
    c->buf.len = 0;
    zn_json j;
    zn_json_init(&j, &c->buf, false);
    zn_cp_cursor cur;
    zn_cp_cursor_init(&cur, res->text);
    zn_json_begin_object(&j);
    zn_json_key(&j, "line");
    zn_json_int(&j, (long long)c->line);
    zn_json_key(&j, "fixes");
    zn_json_begin_array(&j);
    for (size_t i = 0; i < res->n_changes; i++) {
        const zn_norm_change *ch = &res->changes[i];
        zn_json_begin_object(&j);
        zn_json_key(&j, "start");
        zn_json_int(&j, (long long)zn_cp_cursor_at(&cur, ch->out.start));
        zn_json_key(&j, "end");
        zn_json_int(&j, (long long)zn_cp_cursor_at(&cur, ch->out.end));
        zn_json_key(&j, "from");
        zn_json_cstr(&j, ch->from);
        zn_json_key(&j, "to");
        zn_json_cstr(&j, ch->to);
        zn_json_key(&j, "rule");
        zn_json_cstr(&j, ch->rule);
        zn_json_end_object(&j);
    }
    zn_json_end_array(&j);
    zn_json_end_object(&j);
    if (zn_json_status(&j) != ZN_OK || zn_buf_putc(&c->buf, '\n') != ZN_OK) {
        cli_error("--report: out of memory");
        return false;
    }
    return cli_write(c->report, c->buf.data, c->buf.len);
}

static bool on_line(void *ctx, const char *line, size_t len, FILE *out)
{
    norm_ctx *c = ctx;
    c->line++;
    zn_error err;
    zn_error_init(&err);
    zn_norm_result *res;
    if (zn_normalizer_run(c->n, line, len, &res, &err) != ZN_OK) {
        cli_report(&err);
        c->failed = true;
        // Keep the line count: the line goes out unchanged.
        return cli_write(out, line, len) && cli_write(out, "\n", 1);
    }
    bool ok = cli_write(out, res->text, res->len) && cli_write(out, "\n", 1) &&
              report_changes(c, res);
    zn_norm_result_free(res);
    return ok;
}

int cli_cmd_normalize(const cli_options *o)
{
    zn_normalize_options opts;
    zn_normalize_options_init(&opts);
    zn_error err;
    zn_error_init(&err);
    if (o->to != NULL && zn_script_target_parse(o->to, &opts.to, &err) != ZN_OK) {
        cli_report(&err);
        return CLI_USAGE;
    }
    opts.spaces = false;
    opts.cjk_spacing = false;
    opts.width = false;
    opts.punctuation = false;
    if (o->no_repair) {
        opts.repair = false;
        opts.mixed_script = false;
    }
    bool failed = false;
    zn_lexicon *lex = opts.repair ? cli_open_lexicon(o, false, &failed) : NULL;
    if (failed) {
        return CLI_SOME_FAILED;
    }
    norm_ctx ctx = {NULL, false, NULL, 0, {0}};
    zn_buf_init(&ctx.buf, 0);
    if (o->report != NULL) {
        ctx.report = fopen(o->report, "w");
        if (ctx.report == NULL) {
            cli_error("%s: cannot open for writing: %s", o->report, strerror(errno));
            zn_lexicon_close(lex);
            return CLI_SOME_FAILED;
        }
    }
    int rc = CLI_SOME_FAILED;
    if (zn_normalizer_new(&ctx.n, lex, &opts, &err) != ZN_OK) {
        cli_report(&err);
    } else {
        rc = cli_each_line(o, on_line, &ctx);
    }
    if (ctx.report != NULL && fclose(ctx.report) != 0) {
        cli_error("%s: write error: %s", o->report, strerror(errno));
        rc = CLI_SOME_FAILED;
    }
    zn_buf_clear(&ctx.buf);
    zn_normalizer_free(ctx.n);
    zn_lexicon_close(lex);
    return ctx.failed ? CLI_SOME_FAILED : rc;
}
