/* SPDX-License-Identifier: MIT
 * The parts of the document that later stages add: the normaliser's audit trail, dates,
 * entities, keywords. Offsets become code points of the output text here. */
#include "output/doc_parts.h"

#include "zhnews/article.h"
#include "zhnews/dates.h"
#include "zhnews/extract.h"
#include "zhnews/normalize.h"

// normalization: {changes, fixes[{start, end, from, to, rule}]}, offsets in code points of
// the output text.
void zn__write_normalization(zn_json *j, const zn_doc *d)
{
    const zn_norm_result *r = d->norm;
    zn_json_key(j, "normalization");
    if (r == NULL) {
        zn_json_null(j);
        return;
    }
    zn_cp_cursor cur;
    zn_cp_cursor_init(&cur, d->article->text);
    zn_json_begin_object(j);
    zn_json_key(j, "changes");
    zn_json_int(j, (long long)r->n_changes);
    zn_json_key(j, "fixes");
    zn_json_begin_array(j);
    for (size_t i = 0; i < r->n_changes; i++) {
        const zn_norm_change *c = &r->changes[i];
        zn_json_begin_object(j);
        zn_json_key(j, "start");
        zn_json_int(j, (long long)zn_cp_cursor_at(&cur, c->out.start));
        zn_json_key(j, "end");
        zn_json_int(j, (long long)zn_cp_cursor_at(&cur, c->out.end));
        zn_json_key(j, "from");
        zn_json_cstr(j, c->from);
        zn_json_key(j, "to");
        zn_json_cstr(j, c->to);
        zn_json_key(j, "rule");
        zn_json_cstr(j, c->rule);
        zn_json_end_object(j);
    }
    zn_json_end_array(j);
    zn_json_end_object(j);
}

// dates: [{text, value, granularity, start, end, resolved_from}]
void zn__write_dates(zn_json *j, const zn_doc *d)
{
    const zn_article *a = d->article;
    zn_cp_cursor cur;
    zn_cp_cursor_init(&cur, a->text);
    zn_json_key(j, "dates");
    zn_json_begin_array(j);
    for (size_t i = 0; i < d->dates.count; i++) {
        const zn_date *x = &d->dates.items[i];
        zn_json_begin_object(j);
        zn_json_key(j, "text");
        zn_json_string(j, a->text + x->start, x->end - x->start);
        zn_json_key(j, "value");
        zn_json_cstr(j, x->value);
        zn_json_key(j, "granularity");
        zn_json_cstr(j, zn_date_granularity_name(x->granularity));
        zn_json_key(j, "start");
        zn_json_int(j, (long long)zn_cp_cursor_at(&cur, x->start));
        zn_json_key(j, "end");
        zn_json_int(j, (long long)zn_cp_cursor_at(&cur, x->end));
        zn_json_key(j, "resolved_from");
        zn_json_cstr(j, zn_date_source_name(x->resolved_from));
        zn_json_end_object(j);
    }
    zn_json_end_array(j);
}

static void string_list(zn_json *j, const char *const *items, size_t n)
{
    zn_json_begin_array(j);
    for (size_t i = 0; i < n; i++) {
        zn_json_cstr(j, items[i]);
    }
    zn_json_end_array(j);
}

// entities: [{name, type, aliases[], roles[], count, mentions[{start, end, text}]}]
void zn__write_entities(zn_json *j, const zn_doc *d)
{
    const zn_article *a = d->article;
    zn_json_key(j, "entities");
    zn_json_begin_array(j);
    size_t n = zn_entities_count(d->entities);
    for (size_t i = 0; i < n; i++) {
        const zn_entity *e = zn_entities_get(d->entities, i);
        zn_cp_cursor cur;
        zn_cp_cursor_init(&cur, a->text);
        zn_json_begin_object(j);
        zn_json_key(j, "name");
        zn_json_cstr(j, e->name);
        zn_json_key(j, "type");
        zn_json_cstr(j, zn_entity_type_name(e->type));
        zn_json_key(j, "aliases");
        string_list(j, e->aliases, e->n_aliases);
        zn_json_key(j, "roles");
        string_list(j, e->roles, e->n_roles);
        zn_json_key(j, "count");
        zn_json_int(j, (long long)e->n_mentions);
        zn_json_key(j, "mentions");
        zn_json_begin_array(j);
        for (size_t m = 0; m < e->n_mentions; m++) {
            zn_span s = e->mentions[m];
            zn_json_begin_object(j);
            zn_json_key(j, "start");
            zn_json_int(j, (long long)zn_cp_cursor_at(&cur, s.start));
            zn_json_key(j, "end");
            zn_json_int(j, (long long)zn_cp_cursor_at(&cur, s.end));
            zn_json_key(j, "text");
            zn_json_string(j, a->text + s.start, s.end - s.start);
            zn_json_end_object(j);
        }
        zn_json_end_array(j);
        zn_json_end_object(j);
    }
    zn_json_end_array(j);
}

// keywords: [words], best first.
void zn__write_keywords(zn_json *j, const zn_doc *d)
{
    zn_json_key(j, "keywords");
    zn_json_begin_array(j);
    for (size_t i = 0; i < d->keywords.count; i++) {
        zn_json_cstr(j, d->keywords.items[i].word);
    }
    zn_json_end_array(j);
}

// summary: [sentences] in text order (only when a summary was asked for).
void zn__write_summary(zn_json *j, const zn_doc *d)
{
    if (d->summary == NULL) {
        return;
    }
    zn_json_key(j, "summary");
    zn_json_begin_array(j);
    for (size_t i = 0; i < d->n_summary; i++) {
        zn_span s = d->summary[i];
        zn_json_string(j, d->article->text + s.start, s.end - s.start);
    }
    zn_json_end_array(j);
}
