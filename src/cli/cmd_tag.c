/* SPDX-License-Identifier: MIT
 * `zhnews tag`: the LAC tagger line for line (a batch of lines per call, for speed). Default
 * output: word/TAG separated by spaces; with --ner-json: {"entities":[{"start","end","type",
 * "text"}]} per line, code-point offsets, types person/place/organization. Model:
 * $ZHNEWS_LAC_MODEL or the build's default. */
#include <string.h>

#include "cli/cli.h"

typedef struct tag_ctx {
    const zn_tagger *tagger;
    zn_tag_list list;
    zn_tag_list lists[CLI_BATCH_LINES]; /* a batch's lines (zn_tagger_run_many) */
    zn_buf buf;
    bool ner_json;
    bool tags; /* word/TAG (zhnews tag, segment --tagger lac --pos) or words only */
} tag_ctx;

static const char *entity_type(zn_tag_entity e)
{
    switch (e) {
    case ZN_TAG_ENTITY_PER: return "person";
    case ZN_TAG_ENTITY_LOC: return "place";
    case ZN_TAG_ENTITY_ORG: return "organization";
    default: return NULL;
    }
}

static void write_entities(const zn_tag_list *l, const char *line, zn_buf *buf)
{
    zn_json j;
    zn_json_init(&j, buf, false);
    zn_json_begin_object(&j);
    zn_json_key(&j, "entities");
    zn_json_begin_array(&j);
    for (size_t i = 0; i < l->n_words; i++) {
        const zn_tag_word *w = &l->words[i];
        const char *type = entity_type(w->entity);
        if (type == NULL) {
            continue;
        }
        zn_json_begin_object(&j);
        zn_json_key(&j, "start");
        zn_json_int(&j, (long long)w->first_char);
        zn_json_key(&j, "end");
        zn_json_int(&j, (long long)(w->first_char + w->n_chars));
        zn_json_key(&j, "type");
        zn_json_cstr(&j, type);
        zn_json_key(&j, "text");
        zn_json_string(&j, line + w->span.start, w->span.end - w->span.start);
        zn_json_end_object(&j);
    }
    zn_json_end_array(&j);
    zn_json_end_object(&j);
}

static zn_status write_words(const zn_tag_list *l, const char *line, bool tags, zn_buf *buf)
{
    zn_status s = ZN_OK;
    for (size_t i = 0; i < l->n_words && s == ZN_OK; i++) {
        const zn_tag_word *w = &l->words[i];
        if (i > 0) {
            s = zn_buf_putc(buf, ' ');
        }
        if (s == ZN_OK) {
            s = zn_buf_append(buf, line + w->span.start, w->span.end - w->span.start);
        }
        if (s == ZN_OK && tags) {
            s = zn_buf_printf(buf, "/%s", w->tag);
        }
    }
    return s;
}

// Writes the words (or entities) of a line tagged into l.
static bool write_line(tag_ctx *ctx, const zn_tag_list *l, const char *line, FILE *out)
{
    ctx->buf.len = 0;
    zn_status s = ZN_OK;
    if (ctx->ner_json) {
        write_entities(l, line, &ctx->buf);
    } else {
        s = write_words(l, line, ctx->tags, &ctx->buf);
    }
    if (s == ZN_OK) {
        s = zn_buf_putc(&ctx->buf, '\n');
    }
    if (s != ZN_OK) {
        cli_error("tag: %s", zn_status_str(s));
        return false;
    }
    return cli_write(out, ctx->buf.data, ctx->buf.len);
}

static bool tag_line(tag_ctx *ctx, const char *line, size_t len, FILE *out)
{
    zn_error err;
    zn_error_init(&err);
    if (zn_tagger_run(ctx->tagger, line, len, &ctx->list, &err) != ZN_OK) {
        cli_report(&err);
        return false;
    }
    return write_line(ctx, &ctx->list, line, out);
}

// A batch of lines through the network together (faster: several lines per pass over the
// weights); when that fails, line by line, so that each error is reported in its place.
static bool tag_lines(void *vctx, const char *const *lines, const size_t *lens, size_t n,
                      FILE *out)
{
    tag_ctx *ctx = vctx;
    zn_error err;
    zn_error_init(&err);
    bool many = zn_tagger_run_many(ctx->tagger, lines, lens, n, ctx->lists, &err) == ZN_OK;
    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        ok &= many ? write_line(ctx, &ctx->lists[i], lines[i], out)
                   : tag_line(ctx, lines[i], lens[i], out);
    }
    return ok;
}

int cli_cmd_tag(const cli_options *o)
{
    zn_error err;
    zn_error_init(&err);
    zn_tagger *tagger;
    if (zn_tagger_open(&tagger, NULL, &err) != ZN_OK) {
        cli_report(&err);
        return CLI_SOME_FAILED;
    }
    // `zhnews tag` always shows tags; `segment --tagger lac` only with --pos.
    bool tags = !o->lac_words || o->pos;
    tag_ctx ctx = {.tagger = tagger, .ner_json = o->ner_json, .tags = tags};
    zn_tag_list_init(&ctx.list);
    for (size_t i = 0; i < CLI_BATCH_LINES; i++) {
        zn_tag_list_init(&ctx.lists[i]);
    }
    zn_buf_init(&ctx.buf, 0);
    int rc = cli_each_line_batch(o, tag_lines, &ctx);
    zn_buf_clear(&ctx.buf);
    zn_tag_list_clear(&ctx.list);
    for (size_t i = 0; i < CLI_BATCH_LINES; i++) {
        zn_tag_list_clear(&ctx.lists[i]);
    }
    zn_tagger_close(tagger);
    return rc;
}
