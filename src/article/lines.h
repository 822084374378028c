/* SPDX-License-Identifier: MIT
 * The article parser's view of its input: lines with their indentation and spaces trimmed,
 * plus the small measures (length in characters, punctuation) its rules ask about. */
#ifndef ZHNEWS_ARTICLE_LINES_H
#define ZHNEWS_ARTICLE_LINES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum line_kind {
    LINE_UNKNOWN = 0,
    LINE_BOILERPLATE,
    LINE_TITLE,
    LINE_CATEGORY,
    LINE_BYLINE,
    LINE_LEAD_HEADING,
    LINE_LEAD,
    LINE_HEADING,
    LINE_PARAGRAPH,
    LINE_TAGS,
} line_kind;

typedef struct art_line {
    const char *s;    /* trimmed content, pointing into the input */
    size_t len;       /* bytes */
    size_t chars;     /* code points */
    size_t han;       /* Han characters */
    bool sentence_punct; /* contains ，。！？；、 or their ASCII forms between words */
    bool ends_sentence;  /* ends with 。！？… or a closing quote after one */
    line_kind kind;
} art_line;

/* Splits s[0..len) (valid UTF-8) into non-empty trimmed lines. Returns the array (free with
 * zn__free) and its count in *n, or NULL when out of memory (then *n is 0). An input with no
 * non-empty line returns a valid array with *n == 0. */
art_line *zn__art_lines_split(const char *s, size_t len, size_t *n);

/* True when the line starts with the UTF-8 text `prefix`. */
bool zn__art_starts_with(const art_line *l, const char *prefix);

/* Byte offset of the first occurrence of `needle` in the line, or SIZE_MAX. */
size_t zn__art_find(const char *s, size_t len, const char *needle);

/* Byte length of an enumeration that opens a heading: 一、 （二） 3. 4、 — 0 when none. */
size_t zn__art_enumeration_prefix(const art_line *l);

/* True when s[0..len) holds sentence punctuation (，。！？；、) before its last character. */
bool zn__art_has_sentence_punct(const char *s, size_t len);

/* True when cp is white space as the article sees it (ASCII, U+00A0, U+3000, ...). */
bool zn__art_is_space(uint32_t cp);

#endif
