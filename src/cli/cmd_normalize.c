/* SPDX-License-Identifier: MIT
 * `zhnews normalize [FILE|-]...`: the repaired (and, with --to, converted) text, exactly one
 * output line per input line. Line mode repairs characters (variants, mis-conversions,
 * Simplified leftovers, compatibility ideographs, zero-width characters) and leaves spacing,
 * widths and punctuation as they are, so that its output can be scored character by
 * character; the full pipeline (`zhnews process`) folds those too. The lexicon is used when
 * it can be opened; without it the repair falls back to its tables alone (with a warning). */
#include <limits.h>

#include "cli/cli.h"

typedef struct norm_ctx {
    zn_normalizer *n;
    bool failed;
} norm_ctx;

static bool on_line(void *ctx, const char *line, size_t len, FILE *out)
{
    norm_ctx *c = ctx;
    zn_error err;
    zn_error_init(&err);
    zn_norm_result *res;
    if (zn_normalizer_run(c->n, line, len, &res, &err) != ZN_OK) {
        cli_report(&err);
        c->failed = true;
        // Keep the line count: the line goes out unchanged.
        return cli_write(out, line, len) && cli_write(out, "\n", 1);
    }
    bool ok = cli_write(out, res->text, res->len) && cli_write(out, "\n", 1);
    zn_norm_result_free(res);
    return ok;
}

static zn_lexicon *open_lexicon(const cli_options *o)
{
    char buf[PATH_MAX];
    const char *path = cli_lexicon_path(o, buf, sizeof buf);
    zn_error err;
    zn_error_init(&err);
    zn_lexicon *lex = NULL;
    if (zn_lexicon_open(&lex, path, &err) != ZN_OK) {
        cli_warn(o, "%s; repairing without word knowledge", err.message);
        return NULL;
    }
    if (o->user_dict != NULL && zn_lexicon_load_user_dict(lex, o->user_dict, &err) != ZN_OK) {
        cli_report(&err);
        zn_lexicon_close(lex);
        return NULL;
    }
    return lex;
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
    zn_lexicon *lex = opts.repair ? open_lexicon(o) : NULL;
    norm_ctx ctx = {NULL, false};
    if (zn_normalizer_new(&ctx.n, lex, &opts, &err) != ZN_OK) {
        cli_report(&err);
        zn_lexicon_close(lex);
        return CLI_SOME_FAILED;
    }
    int rc = cli_each_line(o, on_line, &ctx);
    zn_normalizer_free(ctx.n);
    zn_lexicon_close(lex);
    return ctx.failed ? CLI_SOME_FAILED : rc;
}
