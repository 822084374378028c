/* SPDX-License-Identifier: MIT
 * Line splitting and measuring for the article parser. */
#include "article/lines.h"

#include <string.h>

#include "util/alloc.h"
#include "util/utf8.h"

bool zn__art_is_space(uint32_t cp)
{
    return zn__cp_is_space(cp);
}

// Sentence punctuation inside a line: ，。！？；、 (U+FF0C U+3002 U+FF01 U+FF1F U+FF1B U+3001).
static bool is_sentence_punct(uint32_t cp)
{
    return cp == 0xFF0C || cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B ||
           cp == 0x3001 || cp == ',' || cp == ';';
}

// Closing marks that may follow the end of a sentence: 」』”’）) and quotes.
static bool is_closer(uint32_t cp)
{
    return cp == 0x300D || cp == 0x300F || cp == 0x201D || cp == 0x2019 || cp == 0xFF09 ||
           cp == ')' || cp == '"' || cp == '\'';
}

// Sentence ends: 。！？… and ASCII . ! ?
static bool is_sentence_end(uint32_t cp)
{
    return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0x2026 || cp == '.' ||
           cp == '!' || cp == '?';
}

static void measure(art_line *l)
{
    size_t pos = 0;
    uint32_t last = 0;
    uint32_t before_closer = 0;
    while (pos < l->len) {
        uint32_t cp = zn__utf8_next(l->s, l->len, &pos);
        l->chars++;
        if (zn__cp_is_han(cp)) {
            l->han++;
        }
        if (is_sentence_punct(cp) && pos < l->len) {
            l->sentence_punct = true;
        }
        if (!is_closer(cp)) {
            before_closer = cp;
        }
        last = cp;
    }
    l->ends_sentence = is_sentence_end(last) || (is_closer(last) && is_sentence_end(before_closer));
}

static void trim(const char *s, size_t *start, size_t *end)
{
    while (*start < *end) {
        size_t p = *start;
        if (!zn__art_is_space(zn__utf8_next(s, *end, &p))) {
            break;
        }
        *start = p;
    }
    while (*end > *start) {
        size_t p = *end;
        if (!zn__art_is_space(zn__utf8_prev(s, &p))) {
            break;
        }
        *end = p;
    }
}

art_line *zn__art_lines_split(const char *s, size_t len, size_t *n)
{
    size_t count = 1;
    for (size_t i = 0; i < len; i++) {
        count += s[i] == '\n';
    }
    art_line *lines = zn__calloc(count, sizeof *lines);
    *n = 0;
    if (lines == NULL) {
        return NULL;
    }
    size_t start = 0;
    while (start <= len) {
        const char *nl = start < len ? memchr(s + start, '\n', len - start) : NULL;
        size_t end = nl != NULL ? (size_t)(nl - s) : len;
        size_t a = start;
        size_t b = end;
        trim(s, &a, &b);
        if (b > a) {
            art_line *l = &lines[(*n)++];
            l->s = s + a;
            l->len = b - a;
            measure(l);
        }
        if (nl == NULL) {
            break;
        }
        start = end + 1;
    }
    return lines;
}

bool zn__art_starts_with(const art_line *l, const char *prefix)
{
    size_t n = strlen(prefix);
    return l->len >= n && memcmp(l->s, prefix, n) == 0;
}

size_t zn__art_find(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    if (n == 0) {
        return 0;
    }
    const char *hit = memmem(s, len, needle, n);
    return hit != NULL ? (size_t)(hit - s) : SIZE_MAX;
}

// Chinese numerals used in enumerations: 一二三四五六七八九十 (and 〇 for completeness).
static bool is_cjk_numeral(uint32_t cp)
{
    static const uint32_t numerals[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D,
                                        0x4E03, 0x516B, 0x4E5D, 0x5341, 0x3007};
    for (size_t i = 0; i < sizeof numerals / sizeof numerals[0]; i++) {
        if (cp == numerals[i]) {
            return true;
        }
    }
    return false;
}

size_t zn__art_enumeration_prefix(const art_line *l)
{
    size_t pos = 0;
    size_t digits = 0;
    bool paren = false;
    size_t p = 0;
    uint32_t cp = zn__utf8_next(l->s, l->len, &p);
    if (cp == 0xFF08 || cp == '(') { // （ or (
        paren = true;
        pos = p;
    }
    while (pos < l->len) {
        p = pos;
        cp = zn__utf8_next(l->s, l->len, &p);
        if (!is_cjk_numeral(cp) && !(cp >= '0' && cp <= '9')) {
            break;
        }
        digits++;
        pos = p;
    }
    if (digits == 0 || digits > 3 || pos >= l->len) {
        return 0;
    }
    p = pos;
    cp = zn__utf8_next(l->s, l->len, &p);
    bool closes = paren ? (cp == 0xFF09 || cp == ')') : (cp == 0x3001 || cp == '.' || cp == 0xFF0E);
    return closes ? p : 0;
}

bool zn__art_has_sentence_punct(const char *s, size_t len)
{
    size_t pos = 0;
    while (pos < len) {
        uint32_t cp = zn__utf8_next(s, len, &pos);
        if (is_sentence_punct(cp) && pos < len) {
            return true;
        }
    }
    return false;
}
