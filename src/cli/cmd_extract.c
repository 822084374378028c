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
    bool failed;
} ext_ctx;

static zn_status find(ext_ctx *c, const char *s, size_t len, zn_entities **ents, zn_error *err)
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
    return zn_entities_extract(ents, &in, err);
}

static void mention_json(zn_json *j, zn_cp_cursor *cur, zn_span sp)
{
    zn_json_key(j, "start");
    zn_json_int(j, (long long)zn_cp_cursor_at(cur, sp.start));
    zn_json_key(j, "end");
    zn_json_int(j, (long long)zn_cp_cursor_at(cur, sp.end));
}

static void strings_json(zn_json *j, const char *key, const char *const *v, size_t n)
{
    zn_json_key(j, key);
    zn_json_begin_array(j);
    for (size_t i = 0; i < n; i++) {
        zn_json_cstr(j, v[i]);
    }
    zn_json_end_array(j);
}

// Where the repaired text came from: byte offsets of the repaired text map back to the
// input through the normaliser's (monotonic) offset map.
typedef struct origin {
    const char *in;            // the input as given
    size_t in_len;
    const zn_norm_result *res; // NULL: the text was not repaired
} origin;

// The input offset of repaired offset `out`: the last input character boundary that maps
// at or before it (start) or the first that maps at or after it (end).
static size_t back(const origin *g, size_t out, bool end)
{
    if (g->res == NULL) {
        return out;
    }
    size_t lo = 0;
    size_t hi = g->in_len;
    while (lo < hi) { // first input offset mapping at or after out
        size_t mid = lo + (hi - lo) / 2;
        if (zn_norm_result_map_offset(g->res, mid) < out) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    size_t b = lo;
    if (!end && b > 0 && zn_norm_result_map_offset(g->res, b) > out) {
        b--;
    }
    while (b > 0 && b < g->in_len && ((unsigned char)g->in[b] & 0xC0) == 0x80) {
        b += end ? 1 : (size_t)-1; // to a character boundary
    }
    return b;
}

// The dates of the text that was analysed, offsets mapped back to the input:
// "dates":[{"text","start","end","value","granularity","resolved_from"}].
static void dates_json(zn_json *j, const zn_date_list *dates, const origin *g)
{
    zn_cp_cursor cur;
    zn_cp_cursor_init(&cur, g->in);
    zn_json_key(j, "dates");
    zn_json_begin_array(j);
    for (size_t i = 0; i < dates->count; i++) {
        const zn_date *d = &dates->items[i];
        zn_span sp = {back(g, d->start, false), back(g, d->end, true)};
        zn_json_begin_object(j);
        zn_json_key(j, "text");
        zn_json_string(j, g->in + sp.start, sp.end - sp.start);
        mention_json(j, &cur, sp);
        zn_json_key(j, "value");
        zn_json_cstr(j, d->value);
        zn_json_key(j, "granularity");
        zn_json_cstr(j, zn_date_granularity_name(d->granularity));
        zn_json_key(j, "resolved_from");
        zn_json_cstr(j, zn_date_source_name(d->resolved_from));
        zn_json_end_object(j);
    }
    zn_json_end_array(j);
}

// Appends the decimal digits of v to out at *n.
static void put_number(char *out, size_t *n, size_t v)
{
    char tmp[24];
    size_t k = 0;
    do {
        tmp[k++] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    while (k > 0) {
        out[(*n)++] = tmp[--k];
    }
}

// A mention of line mode written in one piece, {"start":S,"end":E,"type":"T","text":"X"},
// when its text needs no escaping (no control character, quote, backslash, U+2028 or
// U+2029; the text is valid UTF-8, or there would be no mention) and it is short; false
// otherwise, and nothing is written.
static bool mention_raw(zn_json *j, size_t start, size_t end, const char *type, const char *s,
                        size_t len)
{
    char out[320];
    size_t tlen = strlen(type);
    if (len > 200 || tlen > 32) {
        return false;
    }
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == '"' || c == '\\' ||
            (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
             ((unsigned char)s[i + 2] & 0xFE) == 0xA8)) {
            return false;
        }
    }
    size_t n = 0;
    memcpy(out, "{\"start\":", 9);
    n = 9;
    put_number(out, &n, start);
    memcpy(out + n, ",\"end\":", 7);
    n += 7;
    put_number(out, &n, end);
    memcpy(out + n, ",\"type\":\"", 9);
    n += 9;
    memcpy(out + n, type, tlen);
    n += tlen;
    memcpy(out + n, "\",\"text\":\"", 10);
    n += 10;
    memcpy(out + n, s, len);
    n += len;
    memcpy(out + n, "\"}", 2);
    n += 2;
    zn_json_raw(j, out, n);
    return true;
}

// One line: {"entities":[{"start","end","type","text"}],"dates":[...]}.
static void line_json(zn_json *j, const zn_entities *ents, const origin *g,
                      const zn_date_list *dates)
{
    zn_cp_cursor cur;
    const char *s = g->in;
    zn_cp_cursor_init(&cur, s);
    size_t n;
    const zn_entity_mention *m = zn_entities_mentions(ents, &n);
    zn_json_begin_object(j);
    zn_json_key(j, "entities");
    zn_json_begin_array(j);
    for (size_t i = 0; i < n; i++) {
        const char *type = zn_entity_type_name(zn_entities_get(ents, m[i].entity)->type);
        const char *text = s + m[i].span.start;
        size_t len = m[i].span.end - m[i].span.start;
        size_t a = zn_cp_cursor_at(&cur, m[i].span.start);
        size_t b = zn_cp_cursor_at(&cur, m[i].span.end);
        if (mention_raw(j, a, b, type, text, len)) {
            continue;
        }
        zn_json_begin_object(j);
        zn_json_key(j, "start");
        zn_json_int(j, (long long)a);
        zn_json_key(j, "end");
        zn_json_int(j, (long long)b);
        zn_json_key(j, "type");
        zn_json_cstr(j, type);
        zn_json_key(j, "text");
        zn_json_string(j, text, len);
        zn_json_end_object(j);
    }
    zn_json_end_array(j);
    dates_json(j, dates, g);
    zn_json_end_object(j);
}

// One article: {"entities":[{"name","type","aliases","roles","count","mentions"}]}.
static void article_json(zn_json *j, const zn_entities *ents, const origin *g,
                         const zn_date_list *dates)
{
    zn_cp_cursor cur;
    zn_cp_cursor_init(&cur, g->in);
    zn_json_begin_object(j);
    zn_json_key(j, "entities");
    zn_json_begin_array(j);
    for (size_t i = 0; i < zn_entities_count(ents); i++) {
        const zn_entity *e = zn_entities_get(ents, i);
        zn_json_begin_object(j);
        zn_json_key(j, "name");
        zn_json_cstr(j, e->name);
        zn_json_key(j, "type");
        zn_json_cstr(j, zn_entity_type_name(e->type));
        strings_json(j, "aliases", e->aliases, e->n_aliases);
        strings_json(j, "roles", e->roles, e->n_roles);
        zn_json_key(j, "count");
        zn_json_int(j, (long long)e->n_mentions);
        zn_json_key(j, "mentions");
        zn_json_begin_array(j);
        for (size_t k = 0; k < e->n_mentions; k++) {
            zn_span sp = {back(g, e->mentions[k].start, false), back(g, e->mentions[k].end, true)};
            zn_json_begin_object(j);
            mention_json(j, &cur, sp);
            zn_json_key(j, "text");
            zn_json_string(j, g->in + sp.start, sp.end - sp.start);
            zn_json_end_object(j);
        }
        zn_json_end_array(j);
        zn_json_end_object(j);
    }
    zn_json_end_array(j);
    dates_json(j, dates, g);
    zn_json_end_object(j);
}

// Extracts and writes one unit; on failure reports it and writes an empty result so that
// line mode keeps one output line per input line.
static bool emit(ext_ctx *c, const char *s, size_t len, bool lines, FILE *out)
{
    zn_error err;
    zn_error_init(&err);
    zn_entities *ents = NULL;
    origin g = {s, len, NULL};
    zn_norm_result *res = NULL;
    zn_status st = ZN_OK;
    if (!lines && c->norm != NULL) {
        st = zn_normalizer_run(c->norm, s, len, &res, &err);
        g.res = res;
    }
    const char *t = res != NULL ? res->text : s;
    size_t tlen = res != NULL ? res->len : len;
    if (st == ZN_OK) {
        st = find(c, t, tlen, &ents, &err);
    }
    c->dates.count = 0;
    if (st == ZN_OK) {
        st = zn_dates_find(t, tlen, &c->dopts, &c->dates, &err);
    }
    if (st != ZN_OK) {
        cli_report(&err);
        c->failed = true;
    }
    c->out.len = 0;
    zn_json j;
    zn_json_init(&j, &c->out, c->o->pretty && !lines);
    if (lines) {
        line_json(&j, ents, &g, &c->dates);
    } else {
        article_json(&j, ents, &g, &c->dates);
    }
    zn_entities_free(ents);
    zn_norm_result_free(res);
    if (zn_json_status(&j) != ZN_OK || zn_buf_putc(&c->out, '\n') != ZN_OK) {
        cli_error("extract: %s", zn_status_str(zn_json_status(&j)));
        c->failed = true;
        return cli_write(out, "{\"entities\":[],\"dates\":[]}\n", 27);
    }
    return cli_write(out, c->out.data, c->out.len);
}

static bool on_line(void *ctx, const char *line, size_t len, FILE *out)
{
    return emit(ctx, line, len, true, out);
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
        bool ok = emit(c, rec->text, rec->len, false, out);
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
    open_analyses(&c);
    int rc = o->reader.format == ZN_FORMAT_LINES ? cli_each_line(o, on_line, &c)
                                                  : each_article(&c);
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
