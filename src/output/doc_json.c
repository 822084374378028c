/* SPDX-License-Identifier: MIT
 * The article document in schema "zhnews/1": source, structure, text, stats — and the parts
 * later stages add. Offsets become code points here, once. */
#include <string.h>

#include "util/error.h"
#include "util/utf8.h"
#include "zhnews/article.h"
#include "output/doc_parts.h"
#include "zhnews/output.h"
#include "zhnews/reader.h"

const char *zn_script_name(zn_script script)
{
    switch (script) {
    case ZN_SCRIPT_SIMPLIFIED: return "simplified";
    case ZN_SCRIPT_TRADITIONAL: return "traditional";
    case ZN_SCRIPT_MIXED: return "mixed";
    case ZN_SCRIPT_UNKNOWN: break;
    }
    return NULL;
}

static const char *format_name(zn_input_format f)
{
    switch (f) {
    case ZN_FORMAT_LINES: return "lines";
    case ZN_FORMAT_JSONL: return "jsonl";
    case ZN_FORMAT_TREC: return "trec";
    case ZN_FORMAT_TEXT:
    case ZN_FORMAT_AUTO: break;
    }
    return "text";
}

static bool is_empty(zn_span s)
{
    return s.end <= s.start;
}

// A span of the article's text as a string, or null when empty.
static void span_value(zn_json *j, const zn_article *a, zn_span s)
{
    if (is_empty(s)) {
        zn_json_null(j);
    } else {
        zn_json_string(j, a->text + s.start, s.end - s.start);
    }
}

static void span_list(zn_json *j, const zn_article *a, const zn_span *spans, size_t n)
{
    zn_json_begin_array(j);
    for (size_t i = 0; i < n; i++) {
        span_value(j, a, spans[i]);
    }
    zn_json_end_array(j);
}

static void write_source(zn_json *j, const zn_record *r)
{
    zn_json_key(j, "source");
    zn_json_begin_object(j);
    zn_json_key(j, "path");
    zn_json_cstr(j, r->path);
    zn_json_key(j, "encoding");
    zn_json_cstr(j, r->encoding);
    zn_json_key(j, "confidence");
    zn_json_double(j, r->confidence);
    zn_json_key(j, "format");
    zn_json_cstr(j, format_name(r->format));
    zn_json_key(j, "bytes");
    zn_json_int(j, (long long)r->bytes);
    if (r->format != ZN_FORMAT_TEXT) {
        zn_json_key(j, "record");
        zn_json_int(j, (long long)r->index);
        zn_json_key(j, "line");
        zn_json_int(j, (long long)r->line);
    }
    if (r->invalid_bytes > 0) {
        zn_json_key(j, "invalid_bytes");
        zn_json_int(j, (long long)r->invalid_bytes);
    }
    if (r->date != NULL) {
        zn_json_key(j, "date");
        zn_json_cstr(j, r->date);
    }
    if (r->meta_json != NULL) {
        zn_json_key(j, "meta");
        zn_json_raw(j, r->meta_json, strlen(r->meta_json));
    }
    zn_json_end_object(j);
}

static void write_byline(zn_json *j, const zn_article *a)
{
    const zn_byline *y = &a->byline;
    zn_json_key(j, "byline");
    if (is_empty(y->raw)) {
        zn_json_null(j);
        return;
    }
    zn_json_begin_object(j);
    zn_json_key(j, "reporters");
    span_list(j, a, y->reporters, y->n_reporters);
    zn_json_key(j, "interns");
    span_list(j, a, y->interns, y->n_interns);
    zn_json_key(j, "outlet");
    span_value(j, a, y->outlet);
    zn_json_key(j, "place");
    span_value(j, a, y->place);
    zn_json_key(j, "date");
    span_value(j, a, y->date);
    zn_json_key(j, "raw");
    span_value(j, a, y->raw);
    zn_json_end_object(j);
}

static void write_sections(zn_json *j, const zn_article *a)
{
    zn_json_key(j, "sections");
    zn_json_begin_array(j);
    for (size_t i = 0; i < a->n_sections; i++) {
        const zn_section *s = &a->sections[i];
        zn_json_begin_object(j);
        zn_json_key(j, "heading");
        span_value(j, a, s->heading);
        zn_json_key(j, "paragraphs");
        span_list(j, a, s->paragraphs, s->n_paragraphs);
        zn_json_end_object(j);
    }
    zn_json_end_array(j);
}

static void write_structure(zn_json *j, const zn_article *a, uint32_t f)
{
    if (f & ZN_FIELD_TITLE) {
        zn_json_key(j, "title");
        span_value(j, a, a->title);
    }
    if (f & ZN_FIELD_TAGS) {
        zn_json_key(j, "tags");
        span_list(j, a, a->tags, a->n_tags);
    }
    if (f & ZN_FIELD_CATEGORY) {
        zn_json_key(j, "category");
        span_value(j, a, a->category);
    }
    if (f & ZN_FIELD_BYLINE) {
        write_byline(j, a);
    }
    if (f & ZN_FIELD_LEAD) {
        zn_json_key(j, "lead_heading");
        span_value(j, a, a->lead_heading);
        zn_json_key(j, "lead");
        span_value(j, a, a->lead);
    }
    if (f & ZN_FIELD_SECTIONS) {
        write_sections(j, a);
    }
    if (f & ZN_FIELD_TEXT) {
        zn_json_key(j, "text");
        zn_json_string(j, a->text, a->len);
    }
}

static void write_boilerplate(zn_json *j, const zn_article *a)
{
    zn_json_key(j, "boilerplate");
    zn_json_begin_array(j);
    for (size_t i = 0; i < a->n_boilerplate; i++) {
        zn_json_cstr(j, a->boilerplate[i]);
    }
    zn_json_end_array(j);
}

static void write_stats(zn_json *j, const zn_doc *d)
{
    const zn_article *a = d->article;
    zn_json_key(j, "stats");
    zn_json_begin_object(j);
    zn_json_key(j, "chars");
    zn_json_int(j, (long long)zn__utf8_count(a->text, a->len));
    zn_json_key(j, "paragraphs");
    zn_json_int(j, (long long)a->n_paragraphs);
    zn_json_key(j, "sentences");
    zn_json_int(j, (long long)d->sentences);
    zn_json_end_object(j);
}

static const struct {
    const char *name;
    uint32_t bit;
} field_names[] = {
    {"id", ZN_FIELD_ID},
    {"source", ZN_FIELD_SOURCE},
    {"script", ZN_FIELD_SCRIPT},
    {"title", ZN_FIELD_TITLE},
    {"tags", ZN_FIELD_TAGS},
    {"category", ZN_FIELD_CATEGORY},
    {"byline", ZN_FIELD_BYLINE},
    {"lead", ZN_FIELD_LEAD},
    {"lead_heading", ZN_FIELD_LEAD},
    {"sections", ZN_FIELD_SECTIONS},
    {"text", ZN_FIELD_TEXT},
    {"normalization", ZN_FIELD_NORMALIZATION},
    {"entities", ZN_FIELD_ENTITIES},
    {"dates", ZN_FIELD_DATES},
    {"keywords", ZN_FIELD_KEYWORDS},
    {"boilerplate", ZN_FIELD_BOILERPLATE},
    {"stats", ZN_FIELD_STATS},
    {"summary", ZN_FIELD_SUMMARY},
    {"all", ZN_FIELD_ALL},
};

zn_status zn_fields_parse(const char *list, uint32_t *mask, zn_error *err)
{
    uint32_t m = 0;
    const char *p = list;
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma != NULL ? (size_t)(comma - p) : strlen(p);
        bool known = false;
        for (size_t i = 0; i < sizeof field_names / sizeof field_names[0]; i++) {
            if (strlen(field_names[i].name) == len && memcmp(field_names[i].name, p, len) == 0) {
                m |= field_names[i].bit;
                known = true;
            }
        }
        if (!known) {
            return zn__error_set(err, ZN_ERR_INVALID_ARG, "unknown field '%.*s'", (int)len, p);
        }
        if (comma == NULL) {
            break;
        }
        p = comma + 1;
    }
    *mask = m;
    return ZN_OK;
}

zn_status zn_doc_write_json(const zn_doc *doc, zn_buf *buf, const zn_write_options *opts,
                            zn_error *err)
{
    uint32_t f = opts != NULL ? opts->fields : ZN_FIELD_ALL;
    zn_json j;
    zn_json_init(&j, buf, opts != NULL && opts->pretty);
    zn_json_begin_object(&j);
    zn_json_key(&j, "schema");
    zn_json_cstr(&j, "zhnews/1");
    if (f & ZN_FIELD_ID) {
        zn_json_key(&j, "id");
        zn_json_cstr(&j, doc->source->id);
    }
    if (f & ZN_FIELD_SOURCE) {
        write_source(&j, doc->source);
    }
    if (f & ZN_FIELD_SCRIPT) {
        zn_json_key(&j, "script");
        zn_json_cstr(&j, zn_script_name(doc->script));
    }
    write_structure(&j, doc->article, f);
    if (f & ZN_FIELD_NORMALIZATION) {
        zn__write_normalization(&j, doc);
    }
    if (f & ZN_FIELD_ENTITIES) {
        zn__write_entities(&j, doc);
    }
    if (f & ZN_FIELD_DATES) {
        zn__write_dates(&j, doc);
    }
    if (f & ZN_FIELD_KEYWORDS) {
        zn__write_keywords(&j, doc);
    }
    if (f & ZN_FIELD_SUMMARY) {
        zn__write_summary(&j, doc);
    }
    if (f & ZN_FIELD_BOILERPLATE) {
        write_boilerplate(&j, doc->article);
    }
    if (f & ZN_FIELD_STATS) {
        write_stats(&j, doc);
    }
    zn_json_end_object(&j);
    zn_status st = zn_json_status(&j);
    if (st != ZN_OK) {
        return zn__error_at(err, st, doc->source->path, "cannot write JSON: %s",
                            zn_status_str(st));
    }
    return ZN_OK;
}
