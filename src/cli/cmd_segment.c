/* SPDX-License-Identifier: MIT
 * `zhnews segment [FILE|-]...`: the words of every input line separated by one space (white
 * space of the input is not repeated), exactly one output line per input line, characters
 * unchanged; --pos prints word/tag; --user-dict adds words that win over the lexicon. */
#include <limits.h>

#include "cli/cli.h"

typedef struct seg_ctx {
    zn_tokenizer *tok;
    zn_token_list tokens;
    zn_buf line;
    bool pos;
    bool failed;
} seg_ctx;

static zn_status format_line(seg_ctx *c, const char *text)
{
    zn_status st = ZN_OK;
    bool first = true;
    for (size_t i = 0; i < c->tokens.count && st == ZN_OK; i++) {
        const zn_token *t = &c->tokens.items[i];
        if (t->flags & ZN_TOKEN_SPACE) {
            continue;
        }
        if (!first) {
            st = zn_buf_putc(&c->line, ' ');
        }
        first = false;
        if (st == ZN_OK) {
            st = zn_buf_append(&c->line, text + t->start, t->end - t->start);
        }
        if (st == ZN_OK && c->pos) {
            st = zn_buf_putc(&c->line, '/');
            if (st == ZN_OK) {
                st = zn_buf_puts(&c->line, t->tag);
            }
        }
    }
    return st == ZN_OK ? zn_buf_putc(&c->line, '\n') : st;
}

static bool on_line(void *ctx, const char *line, size_t len, FILE *out)
{
    seg_ctx *c = ctx;
    zn_error err;
    zn_error_init(&err);
    c->tokens.count = 0;
    c->line.len = 0;
    zn_status st = zn_tokenizer_run(c->tok, line, len, &c->tokens, &err);
    if (st == ZN_OK) {
        st = format_line(c, line);
        if (st != ZN_OK) {
            zn_error_init(&err);
            err.code = st;
            snprintf(err.message, sizeof err.message, "segment: %s", zn_status_str(st));
        }
    }
    if (st != ZN_OK) {
        cli_report(&err);
        c->failed = true;
        // Keep the line count: the line goes out unchanged.
        return cli_write(out, line, len) && cli_write(out, "\n", 1);
    }
    return cli_write(out, c->line.data, c->line.len);
}

static zn_lexicon *open_lexicon(const cli_options *o)
{
    char buf[PATH_MAX];
    const char *path = cli_lexicon_path(o, buf, sizeof buf);
    zn_error err;
    zn_error_init(&err);
    zn_lexicon *lex = NULL;
    if (zn_lexicon_open(&lex, path, &err) != ZN_OK) {
        cli_report(&err);
        return NULL;
    }
    if (o->user_dict != NULL && zn_lexicon_load_user_dict(lex, o->user_dict, &err) != ZN_OK) {
        cli_report(&err);
        zn_lexicon_close(lex);
        return NULL;
    }
    return lex;
}

int cli_cmd_segment(const cli_options *o)
{
    zn_lexicon *lex = open_lexicon(o);
    if (lex == NULL) {
        return CLI_SOME_FAILED;
    }
    seg_ctx ctx = {.pos = o->pos};
    zn_token_list_init(&ctx.tokens);
    zn_buf_init(&ctx.line, 0);
    zn_error err;
    zn_error_init(&err);
    if (zn_tokenizer_new(&ctx.tok, lex, &err) != ZN_OK) {
        cli_report(&err);
        zn_lexicon_close(lex);
        return CLI_SOME_FAILED;
    }
    int rc = cli_each_line(o, on_line, &ctx);
    zn_tokenizer_free(ctx.tok);
    zn_token_list_clear(&ctx.tokens);
    zn_buf_clear(&ctx.line);
    zn_lexicon_close(lex);
    return ctx.failed ? CLI_SOME_FAILED : rc;
}
