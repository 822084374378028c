/* SPDX-License-Identifier: MIT
 * The JSON of `zhnews extract`: entities and dates with offsets mapped back through the
 * normaliser's repairs to the input as given, in code points. Written with the writer's calls
 * for a fixed schema (output/json_member.h, internal like extract/valid_text.h): names as
 * literals with their length, a mention or a date of a line as one object. */
#include <stdlib.h>
#include <string.h>

#include "cli/extract_json.h"
#include "output/json_member.h"

static void mention_json(zn_json *j, zn_cp_cursor *cur, zn_span sp)
{
    zn__json_member_int(j, ZN__JSON_NAME("start"), (long long)zn_cp_cursor_at(cur, sp.start));
    zn__json_member_int(j, ZN__JSON_NAME("end"), (long long)zn_cp_cursor_at(cur, sp.end));
}

// key, key_len: ZN__JSON_NAME("aliases")
static void strings_json(zn_json *j, const char *key, size_t key_len, const char *const *v,
                         size_t n)
{
    zn__json_member_array(j, key, key_len);
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

// strlen, and 0 for NULL (a string member then writes null).
static size_t length(const char *s)
{
    return s != NULL ? strlen(s) : 0;
}

// The dates of the text that was analysed, offsets mapped back to the input:
// "dates":[{"text","start","end","value","granularity","resolved_from"}]. `cur` is a cursor
// on the input, wherever the entities left it.
static void dates_json(zn_json *j, const zn_date_list *dates, const cli_origin *g,
                       zn_cp_cursor *cur)
{
    zn__json_member_array(j, ZN__JSON_NAME("dates"));
    for (size_t i = 0; i < dates->count; i++) {
        const zn_date *d = &dates->items[i];
        zn_span sp = {back(g, d->start, false), back(g, d->end, true)};
        size_t a = zn_cp_cursor_at(cur, sp.start);
        size_t b = zn_cp_cursor_at(cur, sp.end);
        const char *gran = zn_date_granularity_name(d->granularity);
        const char *from = zn_date_source_name(d->resolved_from);
        zn__json_member members[] = {
            ZN__JSON_STRING("text", g->in + sp.start, sp.end - sp.start),
            ZN__JSON_INT("start", (long long)a),
            ZN__JSON_INT("end", (long long)b),
            ZN__JSON_STRING("value", d->value, strlen(d->value)),
            ZN__JSON_STRING("granularity", gran, length(gran)),
            ZN__JSON_STRING("resolved_from", from, length(from)),
        };
        zn__json_object(j, members, sizeof members / sizeof members[0]);
    }
    zn_json_end_array(j);
}

// One line: {"entities":[{"start","end","type","text"}],"dates":[...]}. A mention is one
// zn__json_object call (the writer's checks once, not per member). A line is analysed as
// given (g->res is NULL): a mention's code-point offsets are the extractor's own (cp_start,
// cp_end), and the cursor counts only for the dates, from the last mention on.
void cli_extract_line_json(zn_json *j, const zn_entities *ents, const cli_origin *g,
                           const zn_date_list *dates)
{
    zn_cp_cursor cur;
    const char *s = g->in;
    zn_cp_cursor_init(&cur, s);
    size_t n;
    const zn_entity_mention *m = zn_entities_mentions(ents, &n);
    if (n > 0) { // where the mentions left off: the dates mostly lie near them
        cur.byte = m[n - 1].span.end;
        cur.cp = m[n - 1].cp_end;
    }
    zn_json_begin_object(j);
    zn__json_member_array(j, ZN__JSON_NAME("entities"));
    // a mention's members, named once; each mention sets the values
    zn__json_member mention[] = {
        ZN__JSON_INT("start", 0),
        ZN__JSON_INT("end", 0),
        ZN__JSON_STRING("type", NULL, 0),
        ZN__JSON_STRING("text", NULL, 0),
    };
    for (size_t i = 0; i < n; i++) {
        const char *type = zn_entity_type_name(zn_entities_get(ents, m[i].entity)->type);
        mention[0].v = (long long)m[i].cp_start;
        mention[1].v = (long long)m[i].cp_end;
        if (type != mention[2].s) { // the type's static name: measured when it changes
            mention[2].s = type;
            mention[2].len = length(type);
        }
        mention[3].s = s + m[i].span.start;
        mention[3].len = m[i].span.end - m[i].span.start;
        zn__json_object(j, mention, sizeof mention / sizeof mention[0]);
    }
    zn_json_end_array(j);
    dates_json(j, dates, g, &cur);
    zn_json_end_object(j);
}

// The code-point offsets in the input of the ends of every mention, in the order of
// zn_entities_mentions (text order), counted by one cursor going forward: asked entity by
// entity, whose mentions are spread over the text, a cursor would count from the start
// again and again. Without repairs (g->res NULL) the input is the analysed text and the
// extractor's own offsets serve. cps[2i] and cps[2i + 1] for mention i; NULL when there are
// none or no memory (then each mention is counted on its own).
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
        if (g->res == NULL) {
            cps[2 * i] = m[i].cp_start;
            cps[2 * i + 1] = m[i].cp_end;
            continue;
        }
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
    zn__json_member_int(j, ZN__JSON_NAME("start"), (long long)cps[2 * i]);
    zn__json_member_int(j, ZN__JSON_NAME("end"), (long long)cps[2 * i + 1]);
}

// One article: {"entities":[{"name","type","aliases","roles","count","mentions"}]}.
void cli_extract_article_json(zn_json *j, const zn_entities *ents, const cli_origin *g,
                              const zn_date_list *dates)
{
    zn_cp_cursor cur;
    zn_cp_cursor_init(&cur, g->in);
    size_t *cps = mention_cps(ents, g);
    zn_json_begin_object(j);
    zn__json_member_array(j, ZN__JSON_NAME("entities"));
    for (size_t i = 0; i < zn_entities_count(ents); i++) {
        const zn_entity *e = zn_entities_get(ents, i);
        zn_json_begin_object(j);
        zn__json_member_cstr(j, ZN__JSON_NAME("name"), e->name);
        zn__json_member_cstr(j, ZN__JSON_NAME("type"), zn_entity_type_name(e->type));
        strings_json(j, ZN__JSON_NAME("aliases"), e->aliases, e->n_aliases);
        strings_json(j, ZN__JSON_NAME("roles"), e->roles, e->n_roles);
        zn__json_member_int(j, ZN__JSON_NAME("count"), (long long)e->n_mentions);
        zn__json_member_array(j, ZN__JSON_NAME("mentions"));
        for (size_t k = 0; k < e->n_mentions; k++) {
            zn_span sp = {back(g, e->mentions[k].start, false), back(g, e->mentions[k].end, true)};
            zn_json_begin_object(j);
            article_mention_offsets(j, ents, cps, &cur, e->mentions[k], sp);
            zn__json_member_string(j, ZN__JSON_NAME("text"), g->in + sp.start, sp.end - sp.start);
            zn_json_end_object(j);
        }
        zn_json_end_array(j);
        zn_json_end_object(j);
    }
    zn_json_end_array(j);
    free(cps);
    dates_json(j, dates, g, &cur);
    zn_json_end_object(j);
}
