/* SPDX-License-Identifier: MIT
 * Stage 1, the reader: bytes from a file or stdin → UTF-8 article records. Detects the
 * encoding, converts with iconv and splits containers (plain text, lines, JSON Lines, TREC)
 * into records. Memory is bounded by the largest record, not by the input. */
#ifndef ZHNEWS_ZHNEWS_READER_H
#define ZHNEWS_ZHNEWS_READER_H

#include "zhnews/common.h"

/* What to do with bytes that do not decode. */
typedef enum zn_invalid_policy {
    ZN_INVALID_FAIL = 0, /* stop that input with an error naming the byte offset */
    ZN_INVALID_REPLACE,  /* put U+FFFD and count the bytes */
    ZN_INVALID_SKIP,     /* drop them and count the bytes */
} zn_invalid_policy;

/* How an input is split into records. */
typedef enum zn_input_format {
    ZN_FORMAT_AUTO = 0, /* decided from the content (and the file name) */
    ZN_FORMAT_TEXT,     /* one article per file */
    ZN_FORMAT_LINES,    /* every line is one record (line modes, scoring) */
    ZN_FORMAT_JSONL,    /* one JSON object per line */
    ZN_FORMAT_TREC,     /* <doc>…</doc> records (Sogou, Gigaword) */
} zn_input_format;

/* Reader options; zero-initialise then set what you need (zn_reader_options_init gives the
 * defaults). Strings are borrowed and must outlive the reader. */
typedef struct zn_reader_options {
    const char *from;           /* encoding name, or NULL/"auto" to detect: UTF-8, GB18030
                                   (also GBK, GB2312, CP936), BIG5 (also CP950; decoded as
                                   Big5-HKSCS), BIG5-HKSCS, UTF-16LE/BE, UTF-16, UTF-32*, ... */
    zn_input_format format;
    zn_invalid_policy on_invalid;
    const char *text_field;     /* JSONL: NULL = "content", then "text" */
    const char *title_field;    /* JSONL: NULL = "title" */
    const char *id_field;       /* JSONL: NULL = "id", then "news_id" */
    const char *date_field;     /* JSONL: NULL = "time", then "date" */
    size_t max_record_bytes;    /* 0 = default 64 MiB; a larger record is an error */
    size_t max_line_bytes;      /* 0 = as max_record_bytes; a longer line of a lines or jsonl
                                   input is an error ("PATH: line N longer than M bytes") */
} zn_reader_options;

/* Fills *opts with the defaults. Cannot fail. */
ZN_API void zn_reader_options_init(zn_reader_options *opts);

/* One decoded record. Everything is owned by the record (free with zn_record_free). */
typedef struct zn_record {
    char *text;            /* valid UTF-8, NUL-terminated */
    size_t len;            /* bytes in text */
    char *path;            /* input path as given; "-" for stdin */
    char *id;              /* container id (docno, JSON id) or NULL */
    char *title;           /* container title or NULL */
    char *date;            /* container date as written, or NULL */
    char *meta_json;       /* JSONL: other fields as a JSON object text, or NULL */
    const char *encoding;  /* static name: "UTF-8", "GB18030", "BIG5", "BIG5-HKSCS",
                              "UTF-16LE", ... ("BIG5" input is decoded as Big5-HKSCS) */
    double confidence;     /* 0..1: how sure the detection is. 1 for a byte-order mark,
                              --from, and valid UTF-8; otherwise 1 / (1 + e^(-m/4)) capped
                              at 0.999, m being how many nats more likely the chosen
                              decoding is than the next best under the character model,
                              times the square of the share of sampled bytes that decoded */
    zn_input_format format;
    size_t index;          /* 0-based record number within the input */
    size_t line;           /* 1-based line where the record starts (0 when not known) */
    size_t bytes;          /* raw bytes the record took in the input */
    size_t invalid_bytes;  /* bytes replaced (one U+FFFD each) or skipped */
} zn_record;

/* Releases a record. Accepts NULL. */
ZN_API void zn_record_free(zn_record *rec);

typedef struct zn_reader zn_reader;

/* Opens `path` ("-" is stdin) for reading records.
 * Returns ZN_OK, or ZN_ERR_NOT_FOUND, ZN_ERR_IS_DIR, ZN_ERR_PERMISSION, ZN_ERR_IO,
 * ZN_ERR_INVALID_ARG (unknown --from encoding), ZN_ERR_NOMEM; on failure *out is NULL and
 * err names the path. `opts` may be NULL for the defaults; it is copied. */
ZN_API zn_status zn_reader_open(zn_reader **out, const char *path, const zn_reader_options *opts,
                                zn_error *err);

/* Reads the next record into *out (the caller frees it). At the end returns ZN_OK with *out
 * NULL. The first call detects the encoding (on the first 64 KiB of a file; on what a pipe
 * holds once it has a complete line) and, for ZN_FORMAT_AUTO, the container: .jsonl/.ndjson
 * or a first '{' → JSONL, .trec/.sgml/.sgm or a first "<doc" → TREC, else TEXT.
 * Errors: ZN_ERR_EMPTY (an empty text file; empty lines/JSONL/TREC inputs simply have no
 * records), ZN_ERR_NOT_TEXT (binary data),
 * ZN_ERR_ENCODING (invalid bytes under ZN_INVALID_FAIL: "PATH: invalid GB18030 at byte N"),
 * ZN_ERR_FORMAT (a bad JSONL line "PATH: line N: invalid JSON ...", or a TREC record
 * "PATH: line N: <doc> without </doc>"), ZN_ERR_TOO_BIG (a record over max_record_bytes),
 * ZN_ERR_IO, ZN_ERR_NOMEM. After ZN_ERR_FORMAT the next call continues with the following
 * record; after any other error the input is finished (the next call returns ZN_OK, NULL).
 * LINES records have no newline (a CR before it is dropped too) and empty lines are records,
 * so line modes keep line counts. */
ZN_API zn_status zn_reader_next(zn_reader *r, zn_record **out, zn_error *err);

/* What the reader found about its input. */
typedef struct zn_reader_info {
    bool detected;          /* false until the first zn_reader_next has looked at the input */
    const char *encoding;   /* as zn_record.encoding; NULL before detection */
    double confidence;      /* as zn_record.confidence */
    zn_input_format format; /* the container in use (never AUTO once detected) */
    size_t bytes_read;      /* input bytes read so far */
} zn_reader_info;

/* Fills *info. Cannot fail. Useful after the last record (or an error) to report what the
 * input was, e.g. for an input with no records. */
ZN_API void zn_reader_get_info(const zn_reader *r, zn_reader_info *info);

/* Closes the input (not stdin) and frees the reader. Accepts NULL. */
ZN_API void zn_reader_close(zn_reader *r);

/* Decodes a whole byte buffer as one text record with the given options (format is ignored):
 * detection, conversion and the invalid-byte policy as for files. `name` is used in
 * messages. On success *out is a new record; on failure NULL. */
ZN_API zn_status zn_record_from_bytes(zn_record **out, const char *name, const char *bytes,
                                      size_t len, const zn_reader_options *opts, zn_error *err);

/* The script of a text, judged by the characters only one script uses. */
typedef enum zn_text_script {
    ZN_TEXT_SCRIPT_NONE = 0,    /* no character tells (Latin text, shared characters only) */
    ZN_TEXT_SCRIPT_SIMPLIFIED,  /* at most 1 in 20 telling characters is Traditional */
    ZN_TEXT_SCRIPT_TRADITIONAL, /* at most 1 in 20 telling characters is Simplified */
    ZN_TEXT_SCRIPT_MIXED,
} zn_text_script;

/* Guesses the script of the UTF-8 text s[0..len). Cannot fail; invalid bytes are ignored.
 * Example: "互聯網巨頭" is TRADITIONAL (聯, 網, 頭), "互联网" SIMPLIFIED, "AI" NONE. */
ZN_API zn_text_script zn_text_script_guess(const char *s, size_t len);

/* "none", "simplified", "traditional" or "mixed". Cannot fail; the string is static. */
ZN_API const char *zn_text_script_name(zn_text_script script);

#endif
