/* SPDX-License-Identifier: MIT
 * The JSON of `zhnews extract`: entities and dates with offsets mapped back through the
 * normaliser's repairs to the input as given, in code points. */
#include <stdlib.h>
#include <string.h>

#include "cli/extract_json.h"

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

// The input offset of repaired offset `out`: the last input character boundary that maps
// at or before it (start) or the first that maps at or after it (end).
static size_t back(const cli_origin *g, size_t out, bool end)
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

// True when s[0, len) (valid UTF-8) goes into JSON as it is: no control character, quote,
// backslash, U+2028 or U+2029 (what zn_json_string would escape).
static bool plain_json(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == '"' || c == '\\' ||
            (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
             ((unsigned char)s[i + 2] & 0xFE) == 0xA8)) {
            return false;
        }
    }
    return true;
}

static void put_bytes(char *out, size_t *n, const char *s, size_t len)
{
    memcpy(out + *n, s, len);
    *n += len;
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

// A date of line mode in one piece, {"text":"X","start":S,"end":E,"value":"V",
// "granularity":"G","resolved_from":"R"}, into out (room for DATE_MAX bytes): its length, or
// 0 when one of its strings needs escaping or its text is long (as mention_fmt).
#define DATE_MAX 512
static size_t date_fmt(char *out, const zn_date *d, zn_cp_cursor *cur, zn_span sp,
                       const char *s)
{
    const char *gran = zn_date_granularity_name(d->granularity);
    const char *src = zn_date_source_name(d->resolved_from);
    size_t len = sp.end - sp.start;
    size_t vlen = strlen(d->value); // NUL-terminated (dates.h)
    if (len > 200 || vlen >= sizeof d->value || strlen(gran) > 32 || strlen(src) > 32 ||
        !plain_json(s + sp.start, len) || !plain_json(d->value, vlen)) {
        return 0;
    }
    size_t n = 0;
    put_bytes(out, &n, "{\"text\":\"", 9);
    put_bytes(out, &n, s + sp.start, len);
    put_bytes(out, &n, "\",\"start\":", 10);
    put_number(out, &n, zn_cp_cursor_at(cur, sp.start));
    put_bytes(out, &n, ",\"end\":", 7);
    put_number(out, &n, zn_cp_cursor_at(cur, sp.end));
    put_bytes(out, &n, ",\"value\":\"", 10);
    put_bytes(out, &n, d->value, vlen);
    put_bytes(out, &n, "\",\"granularity\":\"", 17);
    put_bytes(out, &n, gran, strlen(gran));
    put_bytes(out, &n, "\",\"resolved_from\":\"", 19);
    put_bytes(out, &n, src, strlen(src));
    put_bytes(out, &n, "\"}", 2);
    return n;
}

// The dates of the text that was analysed, offsets mapped back to the input:
// "dates":[{"text","start","end","value","granularity","resolved_from"}].
static void dates_json(zn_json *j, const zn_date_list *dates, const cli_origin *g)
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

// A mention of line mode in one piece, {"start":S,"end":E,"type":"T","text":"X"}, into
// out (room for MENTION_MAX bytes): its length, or 0 when its text needs escaping (a control
// character, quote, backslash, U+2028 or U+2029; the text is valid UTF-8, or there would be
// no mention) or is long.
#define MENTION_MAX 320
static size_t mention_fmt(char *out, size_t start, size_t end, const char *type, const char *s,
                          size_t len)
{
    size_t tlen = strlen(type);
    if (len > 200 || tlen > 32 || !plain_json(s, len)) {
        return 0;
    }
    size_t n = 0;
    put_bytes(out, &n, "{\"start\":", 9);
    put_number(out, &n, start);
    put_bytes(out, &n, ",\"end\":", 7);
    put_number(out, &n, end);
    put_bytes(out, &n, ",\"type\":\"", 9);
    put_bytes(out, &n, type, tlen);
    put_bytes(out, &n, "\",\"text\":\"", 10);
    put_bytes(out, &n, s, len);
    put_bytes(out, &n, "\"}", 2);
    return n;
}

// The whole line in one piece, when every mention and date can be written so and the line
// fits (most lines): the same bytes as the writer's calls, without them.
static bool line_raw(zn_json *j, const zn_entities *ents, const cli_origin *g,
                     const zn_date_list *dates)
{
    char line[8192];
    size_t cap = sizeof line - 16; // room for the closing brackets
    size_t n = 0;
    put_bytes(line, &n, "{\"entities\":[", 13);
    zn_cp_cursor cur;
    zn_cp_cursor_init(&cur, g->in);
    size_t count;
    const zn_entity_mention *m = zn_entities_mentions(ents, &count);
    for (size_t i = 0; i < count; i++) {
        const char *type = zn_entity_type_name(zn_entities_get(ents, m[i].entity)->type);
        size_t a = zn_cp_cursor_at(&cur, m[i].span.start);
        size_t b = zn_cp_cursor_at(&cur, m[i].span.end);
        if (cap - n < MENTION_MAX + 1) {
            return false;
        }
        if (i > 0) {
            line[n++] = ',';
        }
        size_t k = mention_fmt(line + n, a, b, type, g->in + m[i].span.start,
                               m[i].span.end - m[i].span.start);
        if (k == 0) {
            return false;
        }
        n += k;
    }
    put_bytes(line, &n, "],\"dates\":[", 11);
    // the same cursor: a date after the last mention is counted on from there (one before
    // it makes the cursor count from the start, as a new one would)
    for (size_t i = 0; i < dates->count; i++) {
        const zn_date *d = &dates->items[i];
        zn_span sp = {back(g, d->start, false), back(g, d->end, true)};
        if (cap - n < DATE_MAX + 1) {
            return false;
        }
        if (i > 0) {
            line[n++] = ',';
        }
        size_t k = date_fmt(line + n, d, &cur, sp, g->in);
        if (k == 0) {
            return false;
        }
        n += k;
    }
    put_bytes(line, &n, "]}", 2);
    zn_json_raw(j, line, n);
    return true;
}

// One line: {"entities":[{"start","end","type","text"}],"dates":[...]}.
void cli_extract_line_json(zn_json *j, const zn_entities *ents, const cli_origin *g,
                           const zn_date_list *dates)
{
    if (line_raw(j, ents, g, dates)) {
        return;
    }
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
        char one[MENTION_MAX];
        size_t k = mention_fmt(one, a, b, type, text, len);
        if (k > 0) {
            zn_json_raw(j, one, k); // a long line: still most mentions in one piece
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

// The code-point offsets in the input of the ends of every mention, in the order of
// zn_entities_mentions (text order), counted by one cursor going forward: asked entity by
// entity, whose mentions are spread over the text, a cursor would count from the start
// again and again. cps[2i] and cps[2i + 1] for mention i; NULL when there are none or no
// memory (then each mention is counted on its own).
static size_t *mention_cps(const zn_entities *ents, const cli_origin *g)
{
    size_t n;
    const zn_entity_mention *m = zn_entities_mentions(ents, &n);
    if (n == 0 || n > SIZE_MAX / 2 / sizeof(size_t)) {
        return NULL;
    }
    size_t *cps = malloc(2 * n * sizeof *cps);
    if (cps == NULL) {
        return NULL;
    }
    zn_cp_cursor cur;
    zn_cp_cursor_init(&cur, g->in);
    for (size_t i = 0; i < n; i++) {
        cps[2 * i] = zn_cp_cursor_at(&cur, back(g, m[i].span.start, false));
        cps[2 * i + 1] = zn_cp_cursor_at(&cur, back(g, m[i].span.end, true));
    }
    return cps;
}

// The index in zn_entities_mentions of the mention that starts at byte `start` (mentions
// are sorted and never overlap), or SIZE_MAX.
static size_t mention_index(const zn_entities *ents, size_t start)
{
    size_t n;
    const zn_entity_mention *m = zn_entities_mentions(ents, &n);
    size_t lo = 0;
    size_t hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m[mid].span.start < start) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < n && m[lo].span.start == start ? lo : SIZE_MAX;
}

// "start" and "end" of mention k of entity e, from the precomputed offsets when there.
static void article_mention_offsets(zn_json *j, const zn_entities *ents, const size_t *cps,
                                    zn_cp_cursor *cur, zn_span at, zn_span sp)
{
    size_t i = cps != NULL ? mention_index(ents, at.start) : SIZE_MAX;
    if (i == SIZE_MAX) {
        mention_json(j, cur, sp);
        return;
    }
    zn_json_key(j, "start");
    zn_json_int(j, (long long)cps[2 * i]);
    zn_json_key(j, "end");
    zn_json_int(j, (long long)cps[2 * i + 1]);
}

// One article: {"entities":[{"name","type","aliases","roles","count","mentions"}]}.
void cli_extract_article_json(zn_json *j, const zn_entities *ents, const cli_origin *g,
                              const zn_date_list *dates)
{
    zn_cp_cursor cur;
    zn_cp_cursor_init(&cur, g->in);
    size_t *cps = mention_cps(ents, g);
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
            article_mention_offsets(j, ents, cps, &cur, e->mentions[k], sp);
            zn_json_key(j, "text");
            zn_json_string(j, g->in + sp.start, sp.end - sp.start);
            zn_json_end_object(j);
        }
        zn_json_end_array(j);
        zn_json_end_object(j);
    }
    zn_json_end_array(j);
    free(cps);
    dates_json(j, dates, g);
    zn_json_end_object(j);
}
