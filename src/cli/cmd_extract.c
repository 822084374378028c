/* SPDX-License-Identifier: MIT
 * `zhnews extract [FILE|-]...`: the entities of each article as JSON (name, type, aliases,
 * roles, count, mentions with code-point offsets into the text as given) and its dates
 * (text, start, end, value, granularity, resolved_from; --ref-date). With
 * --input-format lines: one JSON object per input line, {"entities":[{"start","end",
 * "type","text"}],"dates":[...]}, offsets in code points of that line. Uses the lexicon, the tokenizer
 * and the LAC tagger when they can be opened, and plain text rules otherwise. Whole
 * articles are repaired by the normaliser first (not with --no-repair): names come out
 * repaired (大彊創新 → 大疆創新), mentions keep offsets and text of the input as given. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/extract_json.h"
#include "extract/valid_text.h"

// Line mode works in batches (cli_each_line_batch) and stage by stage: the lines of a batch are
// all cut by the tokenizer and tagged by LAC (several lines per pass over LAC's weights:
// zn_tagger_run_many), then their entities are found, then their dates, then they are
// written. The output is the same as line by line; the tagger runs about 1.5 times as fast,
// and each stage finds its tables still in the cache (extract --no-tagger 5-8 % faster).
typedef struct ext_batch {
    size_t tok[CLI_BATCH_LINES + 1]; /* line i's tokens are tokens.items[tok[i], tok[i + 1]) */
    bool ok[CLI_BATCH_LINES];        /* else the line is done again alone, to report why */
    bool tags_ok;                    /* tags[i] holds line i's words (else as ok) */
    zn_tag_list tags[CLI_BATCH_LINES];
    zn_entities *ents[CLI_BATCH_LINES];
    zn_date_list dates[CLI_BATCH_LINES];
} ext_batch;

typedef struct ext_ctx {
    const cli_options *o;
    zn_lexicon *lex;
    zn_tokenizer *tok;
    zn_tagger *tagger;
    zn_normalizer *norm;
    zn_date_options dopts;
    zn_date_list dates;
    zn_token_list tokens;
    zn_tag_list tags;
    zn_buf out;
    ext_batch batch;
    bool failed;
} ext_ctx;

// `valid`: the text is the reader's, which checked it is valid UTF-8 (the extractor's
// stages then skip their own checks).
static zn_status find(ext_ctx *c, const char *s, size_t len, bool valid, zn_entities **ents,
                      zn_error *err)
{
    zn_extract_input in = {.text = s, .len = len, .lex = c->lex};
    c->tokens.count = 0;
    if (c->tok != NULL) {
        zn_status st = zn_tokenizer_run(c->tok, s, len, &c->tokens, err);
        if (st != ZN_OK) {
            return st;
        }
        in.tokens = c->tokens.items;
        in.n_tokens = c->tokens.count;
    }
    if (c->tagger != NULL) {
        zn_status st = zn_tagger_run(c->tagger, s, len, &c->tags, err);
        if (st != ZN_OK) {
            return st;
        }
        in.tags = c->tags.words;
        in.n_tags = c->tags.n_words;
    }
    return valid ? zn__entities_extract_valid(ents, &in, err) : zn_entities_extract(ents, &in, err);
}

// Appends the newline after a result: straight into the buffer when it has room, since
// zn_buf_putc copies its one byte with memcpy (about 80 instructions a line); else by it.
static zn_status put_newline(zn_buf *b)
{
    if (b->cap - b->len > 1 && b->len < b->limit) {
        b->data[b->len++] = '\n';
        b->data[b->len] = '\0';
        return ZN_OK;
    }
    return zn_buf_putc(b, '\n');
}

// Adds the result of one unit to c->out (ents may be NULL: none); on failure reports it and
// adds an empty result, so that line mode keeps one output line per input line. False when
// not even that fits.
static bool put_result(ext_ctx *c, const cli_origin *g, const zn_entities *ents,
                       const zn_date_list *dates, bool lines)
{
    size_t start = c->out.len;
    zn_json j;
    zn_json_init(&j, &c->out, c->o->pretty && !lines);
    if (lines) {
        cli_extract_line_json(&j, ents, g, dates);
    } else {
        cli_extract_article_json(&j, ents, g, dates);
    }
    if (zn_json_status(&j) == ZN_OK && put_newline(&c->out) == ZN_OK) {
        return true;
    }
    cli_error("extract: %s", zn_status_str(zn_json_status(&j)));
    c->failed = true;
    c->out.len = start;
    return zn_buf_puts(&c->out, "{\"entities\":[],\"dates\":[]}\n") == ZN_OK;
}

// Extracts one unit and adds its result to c->out (put_result).
static bool emit(ext_ctx *c, const char *s, size_t len, bool lines)
{
    zn_error err;
    zn_error_init(&err);
    zn_entities *ents = NULL;
    cli_origin g = {s, len, NULL};
    zn_norm_result *res = NULL;
    zn_status st = ZN_OK;
    if (!lines && c->norm != NULL) {
        st = zn_normalizer_run(c->norm, s, len, &res, &err);
        g.res = res;
    }
    const char *t = res != NULL ? res->text : s;
    size_t tlen = res != NULL ? res->len : len;
    if (st == ZN_OK) {
        st = find(c, t, tlen, res == NULL, &ents, &err);
    }
    c->dates.count = 0;
    if (st == ZN_OK) {
        st = res == NULL ? zn__dates_find_valid(t, tlen, &c->dopts, &c->dates, &err)
                         : zn_dates_find(t, tlen, &c->dopts, &c->dates, &err);
    }
    if (st != ZN_OK) {
        cli_report(&err);
        c->failed = true;
    }
    bool ok = put_result(c, &g, ents, &c->dates, lines);
    zn_entities_free(ents);
    zn_norm_result_free(res);
    return ok;
}

// The analyses of a batch: the tokens of all lines into c->tokens, LAC's words into b->tags.
static void analyse_batch(ext_ctx *c, const char *const *lines, const size_t *lens, size_t n)
{
    ext_batch *b = &c->batch;
    zn_error err;
    zn_error_init(&err);
    c->tokens.count = 0;
    for (size_t i = 0; i < n; i++) {
        b->tok[i] = c->tokens.count;
        b->ok[i] = c->tok == NULL ||
                   zn_tokenizer_run(c->tok, lines[i], lens[i], &c->tokens, &err) == ZN_OK;
        if (!b->ok[i]) {
            c->tokens.count = b->tok[i]; // what a failed run appended is dropped
        }
    }
    b->tok[n] = c->tokens.count;
    b->tags_ok = c->tagger == NULL ||
                 zn_tagger_run_many(c->tagger, lines, lens, n, b->tags, &err) == ZN_OK;
}

// The entities, then the dates, of every line of a batch whose analyses went well.
static void extract_batch(ext_ctx *c, const char *const *lines, const size_t *lens, size_t n)
{
    ext_batch *b = &c->batch;
    zn_error err;
    zn_error_init(&err);
    for (size_t i = 0; i < n; i++) {
        b->ents[i] = NULL;
        b->ok[i] = b->ok[i] && b->tags_ok;
        if (b->ok[i]) {
            zn_extract_input in = {.text = lines[i], .len = lens[i], .lex = c->lex};
            in.tokens = c->tokens.items + b->tok[i];
            in.n_tokens = b->tok[i + 1] - b->tok[i];
            if (c->tagger != NULL) {
                in.tags = b->tags[i].words;
                in.n_tags = b->tags[i].n_words;
            }
            b->ok[i] = zn__entities_extract_valid(&b->ents[i], &in, &err) == ZN_OK;
        }
    }
    for (size_t i = 0; i < n; i++) {
        b->dates[i].count = 0;
        b->ok[i] = b->ok[i] &&
                   zn__dates_find_valid(lines[i], lens[i], &c->dopts, &b->dates[i], &err) == ZN_OK;
    }
}

// Extracts and writes a batch of lines. A line where a stage failed is done again alone, so
// that its error is reported for it (emit reuses c->tokens: the batch's tokens have been read
// by then).
static bool on_lines(void *ctx, const char *const *lines, const size_t *lens, size_t n,
                     FILE *out)
{
    ext_ctx *c = ctx;
    ext_batch *b = &c->batch;
    analyse_batch(c, lines, lens, n);
    extract_batch(c, lines, lens, n);
    bool ok = true;
    c->out.len = 0; // the batch's lines, written at once
    for (size_t i = 0; i < n; i++) {
        cli_origin g = {lines[i], lens[i], NULL};
        ok &= b->ok[i] ? put_result(c, &g, b->ents[i], &b->dates[i], true)
                       : emit(c, lines[i], lens[i], true);
        zn_entities_free(b->ents[i]);
        b->ents[i] = NULL;
    }
    return cli_write(out, c->out.data, c->out.len) && ok;
}

static int run_articles(ext_ctx *c, const char *path, FILE *out)
{
    zn_error err;
    zn_error_init(&err);
    zn_reader *r;
    if (zn_reader_open(&r, path, &c->o->reader, &err) != ZN_OK) {
        cli_report(&err);
        return CLI_SOME_FAILED;
    }
    int rc = CLI_OK;
    for (;;) {
        zn_record *rec = NULL;
        zn_status st = zn_reader_next(r, &rec, &err);
        if (st == ZN_ERR_EMPTY || (st == ZN_OK && rec == NULL)) {
            break;
        }
        if (st != ZN_OK) {
            cli_report(&err);
            rc = CLI_SOME_FAILED;
            if (st == ZN_ERR_FORMAT) {
                continue;
            }
            break;
        }
        c->out.len = 0;
        bool ok = emit(c, rec->text, rec->len, false) && cli_write(out, c->out.data, c->out.len);
        zn_record_free(rec);
        if (!ok) {
            rc = CLI_SOME_FAILED;
            break;
        }
    }
    zn_reader_close(r);
    return rc;
}

static int each_article(ext_ctx *c)
{
    FILE *out = cli_open_output(c->o);
    if (out == NULL) {
        return CLI_SOME_FAILED;
    }
    int rc = CLI_OK;
    for (int i = 0; i <= c->o->n_inputs; i++) {
        if ((i == c->o->n_inputs) != (c->o->n_inputs == 0)) {
            continue;
        }
        const char *path = c->o->n_inputs == 0 ? "-" : c->o->inputs[i];
        if (run_articles(c, path, out) != CLI_OK) {
            rc = CLI_SOME_FAILED;
        }
    }
    if (!cli_close_output(out, c->o)) {
        rc = CLI_SOME_FAILED;
    }
    return rc;
}

// The analyses are optional: without them extraction falls back to text rules.
static void open_analyses(ext_ctx *c)
{
    char buf[PATH_MAX];
    zn_error err;
    zn_error_init(&err);
    if (zn_lexicon_open(&c->lex, cli_lexicon_path(c->o, buf, sizeof buf), &err) != ZN_OK) {
        cli_warn(c->o, "%s (extracting without the lexicon)", err.message);
    } else if (zn_tokenizer_new(&c->tok, c->lex, &err) != ZN_OK) {
        cli_warn(c->o, "%s", err.message);
    }
    zn_date_options_init(&c->dopts);
    if (c->o->ref_date != NULL && zn_date_options_set_ref(&c->dopts, c->o->ref_date,
                                                          strlen(c->o->ref_date), &err) != ZN_OK) {
        cli_warn(c->o, "%s (dates without a reference date)", err.message);
        zn_date_options_init(&c->dopts);
    }
    zn_normalize_options nopts;
    zn_normalize_options_init(&nopts);
    if (!c->o->no_repair && c->o->reader.format != ZN_FORMAT_LINES &&
        zn_normalizer_new(&c->norm, c->lex, &nopts, &err) != ZN_OK) {
        cli_warn(c->o, "%s (extracting without repair)", err.message);
        c->norm = NULL;
    }
    // --no-tagger (or ZHNEWS_EXTRACT_NO_TAGGER set, for scripts that score both ways)
    const char *no_tagger = getenv("ZHNEWS_EXTRACT_NO_TAGGER");
    if (!c->o->no_tagger && (no_tagger == NULL || no_tagger[0] == '\0')) {
        if (zn_tagger_open(&c->tagger, NULL, &err) != ZN_OK) {
            cli_warn(c->o, "%s (extracting without the LAC tagger)", err.message);
            c->tagger = NULL;
        }
    }
}

int cli_cmd_extract(const cli_options *o)
{
    ext_ctx c = {.o = o};
    zn_token_list_init(&c.tokens);
    zn_tag_list_init(&c.tags);
    zn_buf_init(&c.out, 0);
    zn_date_list_init(&c.dates);
    for (size_t i = 0; i < CLI_BATCH_LINES; i++) {
        zn_tag_list_init(&c.batch.tags[i]);
        zn_date_list_init(&c.batch.dates[i]);
    }
    open_analyses(&c);
    int rc = o->reader.format == ZN_FORMAT_LINES ? cli_each_line_batch(o, on_lines, &c)
                                                  : each_article(&c);
    for (size_t i = 0; i < CLI_BATCH_LINES; i++) {
        zn_tag_list_clear(&c.batch.tags[i]);
        zn_date_list_clear(&c.batch.dates[i]);
    }
    zn_token_list_clear(&c.tokens);
    zn_tag_list_clear(&c.tags);
    zn_buf_clear(&c.out);
    zn_date_list_clear(&c.dates);
    zn_tagger_close(c.tagger);
    zn_normalizer_free(c.norm);
    zn_tokenizer_free(c.tok);
    zn_lexicon_close(c.lex);
    return c.failed ? CLI_SOME_FAILED : rc;
}
