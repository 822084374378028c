/* SPDX-License-Identifier: MIT
 * `zhnews segment [FILE|-]...`: the words of every input line separated by one space (white
 * space of the input is not repeated), exactly one output line per input line, characters
 * unchanged; --pos prints word/tag; --user-dict adds words that win over the lexicon;
 * --split-units cuts numbers from their units (70 | 位) as the SIGHAN bakeoff standards do. */
#include <string.h>

#include "cli/cli.h"
#include "util/alloc.h"

typedef struct seg_ctx {
    zn_tokenizer *tok;
    zn_token_list tokens;
    char *line; // the output line, sized once per input line
    size_t cap;
    size_t len;
    bool pos;
    bool failed;
} seg_ctx;

// Most words are a few characters: they are copied WORD_COPY bytes at a time (the line has that
// much room to spare, and the bytes past the word are overwritten by what follows).
#define WORD_COPY 16

// Formats the words of `text` into c->line: word, space, word ... newline (word/tag with --pos).
static zn_status format_line(seg_ctx *c, const char *text, size_t text_len)
{
    size_t need = text_len + 2 * c->tokens.count + 2 + WORD_COPY;
    if (c->pos) {
        need += c->tokens.count * sizeof c->tokens.items[0].tag;
    }
    if (need > c->cap) {
        char *line = zn__reallocarray(c->line, need, 1);
        if (line == NULL) {
            return ZN_ERR_NOMEM;
        }
        c->line = line;
        c->cap = need;
    }
    // Locals: the byte stores through out may alias *c.
    char *const line = c->line;
    const zn_token *items = c->tokens.items;
    const size_t count = c->tokens.count;
    const bool pos = c->pos;
    char *out = line;
    for (size_t i = 0; i < count; i++) {
        const zn_token *t = &items[i];
        if (t->flags & ZN_TOKEN_SPACE) {
            continue;
        }
        if (out != line) {
            *out++ = ' ';
        }
        size_t n = t->end - t->start;
        if (n <= WORD_COPY && t->start + WORD_COPY <= text_len) {
            memcpy(out, text + t->start, WORD_COPY); // one fixed-size move for a short word
        } else {
            memcpy(out, text + t->start, n);
        }
        out += n;
        if (pos) {
            size_t tn = strnlen(t->tag, sizeof t->tag);
            *out++ = '/';
            memcpy(out, t->tag, tn);
            out += tn;
        }
    }
    *out++ = '\n';
    c->len = (size_t)(out - line);
    return ZN_OK;
}

static bool on_line(void *ctx, const char *line, size_t len, FILE *out)
{
    seg_ctx *c = ctx;
    zn_error err;
    zn_error_init(&err);
    c->tokens.count = 0;
    zn_status st = zn_tokenizer_run(c->tok, line, len, &c->tokens, &err);
    if (st == ZN_OK) {
        st = format_line(c, line, len);
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
    return cli_write(out, c->line, c->len);
}

int cli_cmd_segment(const cli_options *o)
{
    if (o->lac_words) {
        return cli_cmd_tag(o); // LAC's own words, with tags when --pos is given
    }
    bool failed;
    zn_lexicon *lex = cli_open_lexicon(o, true, &failed);
    if (lex == NULL) {
        return CLI_SOME_FAILED;
    }
    seg_ctx ctx = {.pos = o->pos};
    zn_token_list_init(&ctx.tokens);
    zn_error err;
    zn_error_init(&err);
    zn_tokenizer_options topts;
    zn_tokenizer_options_init(&topts);
    topts.split_units = o->split_units;
    if (zn_tokenizer_new_opts(&ctx.tok, lex, &topts, &err) != ZN_OK) {
        cli_report(&err);
        zn_lexicon_close(lex);
        return CLI_SOME_FAILED;
    }
    int rc = cli_each_line(o, on_line, &ctx);
    zn_tokenizer_free(ctx.tok);
    zn_token_list_clear(&ctx.tokens);
    zn__free(ctx.line);
    zn_lexicon_close(lex);
    return ctx.failed ? CLI_SOME_FAILED : rc;
}
