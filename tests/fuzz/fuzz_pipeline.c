/* SPDX-License-Identifier: MIT
 * Fuzz target: the whole pipeline and the document writer. Bytes are decoded as a record
 * (zn_record_from_bytes, --on-invalid replace), run through every stage (zn_worker_run,
 * without the LAC tagger so that a run stays fast) and written with zn_doc_write_json; the
 * output must parse with jansson, name schema "zhnews/1", and every entity mention and date
 * must be a code-point span of "text" holding the text it claims. A U+0000 (UTF-16 input) is
 * written as \u0000, which is valid JSON: jansson reads it with JSON_ALLOW_NUL. */
#include <jansson.h>
#include <stdint.h>
#include <string.h>

#include "fuzz_util.h"
#include "zhnews/zhnews.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static zn_pipeline *pipe_;
static zn_worker *worker;

/* The UTF-8 bytes of code points [start, end) of s, or NULL when out of range. */
static const char *cp_slice(const char *s, size_t len_s, size_t cp_start, size_t cp_end,
                            size_t *len)
{
    size_t pos = 0, cp = 0, from = SIZE_MAX, to = SIZE_MAX;
    for (;;) {
        if (cp == cp_start)
            from = pos;
        if (cp == cp_end) {
            to = pos;
            break;
        }
        if (pos == len_s)
            break;
        zn__utf8_next(s, len_s, &pos);
        cp++;
    }
    if (from == SIZE_MAX || to == SIZE_MAX || from > to)
        return NULL;
    *len = to - from;
    return s + from;
}

static void check_span_text(const char *text, size_t text_len, json_t *item, const char *what)
{
    json_t *start = json_object_get(item, "start"), *end = json_object_get(item, "end");
    json_t *t = json_object_get(item, "text");
    FUZZ_CHECK(json_is_integer(start) && json_is_integer(end) && json_is_string(t), what);
    size_t len = 0;
    const char *slice = cp_slice(text, text_len, (size_t)json_integer_value(start),
                                 (size_t)json_integer_value(end), &len);
    FUZZ_CHECK(slice != NULL, what);
    FUZZ_CHECK(len == json_string_length(t) && memcmp(slice, json_string_value(t), len) == 0,
               what);
}

static void check_doc(json_t *doc)
{
    FUZZ_CHECK(json_is_object(doc), "one JSON object");
    FUZZ_CHECK(json_is_string(json_object_get(doc, "schema")) &&
                   strcmp(json_string_value(json_object_get(doc, "schema")), "zhnews/1") == 0,
               "schema zhnews/1");
    json_t *text = json_object_get(doc, "text");
    FUZZ_CHECK(json_is_string(text), "a text member");
    const char *s = json_string_value(text);
    size_t n = json_string_length(text);
    size_t i, k;
    json_t *e, *m;
    json_array_foreach(json_object_get(doc, "entities"), i, e) {
        json_array_foreach(json_object_get(e, "mentions"), k, m)
            check_span_text(s, n, m, "entity mention is a span of text");
    }
    json_array_foreach(json_object_get(doc, "dates"), i, e)
        check_span_text(s, n, e, "date is a span of text");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (pipe_ == NULL) {
        zn_pipeline_options po;
        zn_pipeline_options_init(&po);
        po.lexicon_path = fuzz_lexicon_path();
        po.tagger = false;
        po.ref_date = "2018-06-13";
        po.vague = true;
        po.summary = 2;
        zn_error err;
        if (zn_pipeline_new(&pipe_, &po, &err) != ZN_OK ||
            zn_worker_new(&worker, pipe_, &err) != ZN_OK) {
            fprintf(stderr, "fuzz_pipeline: %s\n", err.message);
            abort();
        }
    }
    zn_reader_options ro;
    zn_reader_options_init(&ro);
    ro.on_invalid = ZN_INVALID_REPLACE;
    zn_record *rec = NULL;
    if (zn_record_from_bytes(&rec, "fuzz", (const char *)data, size, &ro, NULL) != ZN_OK)
        return 0;
    zn_doc *doc = NULL;
    zn_error err;
    zn_status st = zn_worker_run(worker, rec, &doc, &err);
    FUZZ_CHECK(st == ZN_OK, "a decoded record goes through the pipeline");
    zn_buf buf;
    zn_buf_init(&buf, 0);
    zn_write_options wo = {.pretty = (size & 1) != 0, .fields = ZN_FIELD_ALL};
    FUZZ_CHECK(zn_doc_write_json(doc, &buf, &wo, &err) == ZN_OK, "the document is written");
    json_error_t jerr;
    json_t *parsed = json_loadb(buf.data, buf.len, JSON_ALLOW_NUL, &jerr);
    if (parsed == NULL)
        fprintf(stderr, "jansson: %s (column %d)\n", jerr.text, jerr.column);
    FUZZ_CHECK(parsed != NULL, "the document parses with jansson");
    check_doc(parsed);
    json_decref(parsed);
    zn_buf_clear(&buf);
    zn_doc_free(doc);
    return 0;
}
