/* SPDX-License-Identifier: MIT
 * Stage 6, the writer: a small streaming JSON writer (escaping every control character,
 * deterministic output) and the article document in schema "zhnews/1". */
#ifndef ZHNEWS_ZHNEWS_OUTPUT_H
#define ZHNEWS_ZHNEWS_OUTPUT_H

#include "zhnews/common.h"
#include "zhnews/dates.h"
#include "zhnews/keywords.h"
#include "zhnews/tokenize.h"

#define ZN_JSON_MAX_DEPTH 64

/* A JSON writer appending to a caller's zn_buf. Errors are sticky: after the first failure
 * (ZN_ERR_NOMEM; ZN_ERR_TOO_BIG from the buffer's limit or for nesting deeper than
 * ZN_JSON_MAX_DEPTH; ZN_ERR_INVALID_ARG for misuse such as a value without a key inside an
 * object) every call does nothing and zn_json_status reports the first failure. Doubles are
 * written with four significant digits when that reads back finite, else with all 17. Strings must be valid UTF-8;
 * invalid bytes are written as U+FFFD. Not thread-safe; one writer per thread. */
typedef struct zn_json {
    zn_buf *buf;
    zn_status status;
    bool pretty;
    int depth;
    bool first[ZN_JSON_MAX_DEPTH + 1];   /* no member written yet at this depth */
    bool in_object[ZN_JSON_MAX_DEPTH + 1];
    bool after_key;
} zn_json;

/* Starts a writer on buf (borrowed; must outlive the writer). Cannot fail. */
ZN_API void zn_json_init(zn_json *j, zn_buf *buf, bool pretty);
/* The first failure, or ZN_OK. */
ZN_API zn_status zn_json_status(const zn_json *j);

ZN_API void zn_json_begin_object(zn_json *j);
ZN_API void zn_json_end_object(zn_json *j);
ZN_API void zn_json_begin_array(zn_json *j);
ZN_API void zn_json_end_array(zn_json *j);
/* A member name inside an object; the next call writes its value. */
ZN_API void zn_json_key(zn_json *j, const char *key);
/* A string value from s[0..len) / a NUL-terminated string / null when s is NULL. */
ZN_API void zn_json_string(zn_json *j, const char *s, size_t len);
ZN_API void zn_json_cstr(zn_json *j, const char *s);
ZN_API void zn_json_int(zn_json *j, long long v);
ZN_API void zn_json_double(zn_json *j, double v);
ZN_API void zn_json_bool(zn_json *j, bool v);
ZN_API void zn_json_null(zn_json *j);
/* Inserts an already-serialised JSON value verbatim (e.g. carried-over metadata). */
ZN_API void zn_json_raw(zn_json *j, const char *json, size_t len);
/* A member of the current object in one call: the same bytes, checks and errors as
 * zn_json_key(j, key) followed by zn_json_int(j, v) / zn_json_string(j, s, len) /
 * zn_json_cstr(j, s) (null when s is NULL), with one look at the buffer instead of two.
 * Example: zn_json_member_int(j, "start", 3) writes "start":3, after a comma if needed. */
ZN_API void zn_json_member_int(zn_json *j, const char *key, long long v);
ZN_API void zn_json_member_string(zn_json *j, const char *key, const char *s, size_t len);
ZN_API void zn_json_member_cstr(zn_json *j, const char *key, const char *s);

/* Code-point offset of byte offset `byte` in valid UTF-8 text, counted incrementally: the
 * cursor remembers the last position, so increasing offsets cost O(distance). */
typedef struct zn_cp_cursor {
    const char *text;
    size_t byte;
    size_t cp;
} zn_cp_cursor;

/* Starts a cursor at offset 0 of text. Cannot fail. */
ZN_API void zn_cp_cursor_init(zn_cp_cursor *c, const char *text);
/* The code-point offset of `byte` (must lie on a sequence boundary within the text).
 * Works for any order: it counts from its last position, forward or back, or from the start
 * of the text when that is nearer. Cannot fail. */
ZN_API size_t zn_cp_cursor_at(zn_cp_cursor *c, size_t byte);

/* Script of a text, as decided from its characters. */
typedef enum zn_script {
    ZN_SCRIPT_UNKNOWN = 0, /* no or too few Chinese characters */
    ZN_SCRIPT_SIMPLIFIED,
    ZN_SCRIPT_TRADITIONAL,
    ZN_SCRIPT_MIXED,
} zn_script;

/* "simplified", "traditional", "mixed" or NULL for unknown. Cannot fail. */
ZN_API const char *zn_script_name(zn_script script);

struct zn_record;
struct zn_article;
struct zn_norm_result;
struct zn_entities;

/* Everything the pipeline found in one article, ready for the writer. The pipeline fills it;
 * parts a stage did not produce are NULL or empty and are omitted from the JSON. */
typedef struct zn_doc {
    struct zn_record *source;   /* owned */
    struct zn_article *article; /* owned; its text is the output text */
    struct zn_norm_result *norm; /* owned; its text belongs to the article (NULL here) */
    zn_token_list tokens;        /* words of the article's text */
    zn_date_list dates;          /* dates and times, byte spans into the article's text */
    struct zn_entities *entities; /* owned */
    zn_keyword_list keywords;    /* best first */
    zn_span *summary;            /* the chosen sentences (spans into the text), text order */
    size_t n_summary;
    zn_script script;
    size_t sentences;           /* stats.sentences */
} zn_doc;

/* Top-level fields of the document, for choosing what to write (a bit set). */
typedef enum zn_field {
    ZN_FIELD_ID = 1u << 0,
    ZN_FIELD_SOURCE = 1u << 1,
    ZN_FIELD_SCRIPT = 1u << 2,
    ZN_FIELD_TITLE = 1u << 3,
    ZN_FIELD_TAGS = 1u << 4,
    ZN_FIELD_CATEGORY = 1u << 5,
    ZN_FIELD_BYLINE = 1u << 6,
    ZN_FIELD_LEAD = 1u << 7,     /* lead_heading and lead */
    ZN_FIELD_SECTIONS = 1u << 8,
    ZN_FIELD_TEXT = 1u << 9,
    ZN_FIELD_NORMALIZATION = 1u << 10,
    ZN_FIELD_ENTITIES = 1u << 11,
    ZN_FIELD_DATES = 1u << 12,
    ZN_FIELD_KEYWORDS = 1u << 13,
    ZN_FIELD_BOILERPLATE = 1u << 14,
    ZN_FIELD_STATS = 1u << 15,
    ZN_FIELD_SUMMARY = 1u << 16,
    ZN_FIELD_ALL = 0x1FFFF,
} zn_field;

/* Parses a comma-separated list of field names ("title,byline,entities"; "lead" selects
 * lead_heading and lead) into *mask. Returns ZN_OK or ZN_ERR_INVALID_ARG naming the unknown
 * field; *mask is unchanged on failure. */
ZN_API zn_status zn_fields_parse(const char *list, uint32_t *mask, zn_error *err);

/* How to write a document. */
typedef struct zn_write_options {
    bool pretty;     /* indented, one member per line */
    uint32_t fields; /* ZN_FIELD_* bits; "schema" is always written */
} zn_write_options;

/* Writes the document as one JSON object (schema "zhnews/1") to buf, without a trailing
 * newline. Offsets are code points into the "text" field. `opts` may be NULL (compact, all
 * fields). Returns ZN_OK, ZN_ERR_NOMEM or ZN_ERR_TOO_BIG (buf's limit); on failure buf may
 * hold a partial object (the caller discards it). Output is deterministic for the same
 * document and options. */
ZN_API zn_status zn_doc_write_json(const zn_doc *doc, zn_buf *buf, const zn_write_options *opts,
                                   zn_error *err);

#endif
