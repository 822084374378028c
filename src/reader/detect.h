/* SPDX-License-Identifier: MIT
 * Private to the reader: which encoding a byte sample is in (BOM, strict UTF-8, then
 * uchardet's answer weighed against a character-frequency model), and the table of encoding
 * names that --from accepts. */
#ifndef ZHNEWS_READER_DETECT_H
#define ZHNEWS_READER_DETECT_H

#include "zhnews/reader.h"

typedef struct zn__encoding {
    const char *label;      /* IANA-style name reported to users: "GB18030", "BIG5-HKSCS" */
    const char *iconv_name; /* name given to iconv_open; NULL for UTF-8 (checked, not converted) */
    bool ascii_safe;        /* ASCII bytes only ever stand for ASCII characters */
    size_t bom;             /* bytes of byte-order mark to skip at the start of the input */
    double confidence;      /* 0..1 */
} zn__encoding;

/* Finds the encoding that --from names (case, '-' and '_' ignored; "GBK" and "GB2312" decode
 * as their superset GB18030, "BIG5" as BIG5-HKSCS). Returns ZN_OK or ZN_ERR_INVALID_ARG.
 * confidence is 1. */
zn_status zn__encoding_lookup(zn__encoding *out, const char *name, const char *path,
                              zn_error *err) __attribute__((warn_unused_result));

/* Detects the encoding of s[0..len), the first bytes of an input (the whole input when
 * `at_eof`; otherwise a sequence cut at the end is ignored). Returns ZN_OK, ZN_ERR_NOT_TEXT
 * (binary data) or ZN_ERR_NOMEM. len 0 gives UTF-8. */
zn_status zn__detect(zn__encoding *out, const char *s, size_t len, bool at_eof, const char *path,
                     zn_error *err) __attribute__((warn_unused_result));

/* Fills *out and returns true when s starts with a byte-order mark (UTF-8, UTF-16, UTF-32,
 * GB18030); out->bom is its length. */
bool zn__detect_bom(zn__encoding *out, const char *s, size_t len);

/* The model's cost of a UTF-8 text in nats: the sum over its characters of -ln p(char), p from
 * the Han frequency table and fixed classes for the rest. Lower is more like Chinese text. */
double zn__text_cost(const char *s, size_t len, size_t *controls);

#endif
