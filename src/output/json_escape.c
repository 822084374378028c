/* SPDX-License-Identifier: MIT
 * The JSON writer's string escaper: bytes that go out as they are, found a word or two
 * characters at a time, and the escapes of the others (see json_escape.h). */
#include "output/json_escape.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "util/utf8.h"

const unsigned char zn__json_byte_class[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
};

// True when none of the 8 bytes at u is at or above 0x80, below 0x20, " or \. Without a byte
// at or above 0x80, the "has a byte below n" tests give an exact yes or no.
static inline bool plain8(const unsigned char *u)
{
    const uint64_t ones = 0x0101010101010101u;
    uint64_t w;
    memcpy(&w, u, 8);
    uint64_t q = w ^ (ones * '"');
    uint64_t bs = w ^ (ones * '\\');
    uint64_t below = (w - ones * 0x20) & ~w;
    uint64_t quote = (q - ones) & ~q;
    uint64_t backslash = (bs - ones) & ~bs;
    return ((below | quote | backslash | w) & (ones * 0x80)) == 0;
}

// Runs of 4 bytes or more are checked a word at a time, the last bytes as the word that ends
// at stop (its first bytes were checked already); a word with a byte needing care, byte by
// byte. Apart from zn__json_plain_end: its constants would crowd the writer's registers.
size_t zn__json_ascii_end(const unsigned char *u, size_t i, size_t stop)
{
    if (stop - i >= 8) {
        for (; i + 8 <= stop; i += 8) {
            if (!plain8(u + i)) {
                break;
            }
        }
        if (i + 8 > stop && (i == stop || plain8(u + stop - 8))) {
            return stop;
        }
    } else if (stop - i >= 4) {
        unsigned char ends[8]; // the first four bytes and the last four, one word
        memcpy(ends, u + i, 4);
        memcpy(ends + 4, u + stop - 4, 4);
        if (plain8(ends)) {
            return stop;
        }
    }
    while (i < stop && zn__json_byte_class[u[i]] == 0) {
        i++;
    }
    return i;
}

// Overlapping loads and stores cover n bytes exactly, never reading past s + n.
char *zn__json_copy(char *p, const char *s, size_t n)
{
    if (n >= 8) {
        uint64_t w;
        for (size_t k = 0; k + 8 < n; k += 8) {
            memcpy(&w, s + k, 8);
            memcpy(p + k, &w, 8);
        }
        memcpy(&w, s + n - 8, 8);
        memcpy(p + n - 8, &w, 8);
    } else if (n >= 4) {
        uint32_t a;
        uint32_t b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        memcpy(p, &a, 4);
        memcpy(p + n - 4, &b, 4);
    } else if (n > 0) {
        p[0] = s[0];
        p[n / 2] = s[n / 2];
        p[n - 1] = s[n - 1];
    }
    return p + n;
}

static char *put6(char *p, const char *esc)
{
    memcpy(p, esc, 6);
    return p + 6;
}

// The character at s[*i] that zn__json_plain_end stopped at, written at p; *i moves past it.
static char *escape_one(char *p, const char *s, size_t *i, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    unsigned char c = (unsigned char)s[*i];
    if (c >= 0x80) {
        size_t at = *i;
        uint32_t cp = zn__utf8_next(s, len, i);
        if (cp != ZN_UTF8_INVALID && cp != 0x2028 && cp != 0x2029) {
            memcpy(p, s + at, *i - at);
            return p + (*i - at);
        }
        return put6(p, cp == 0x2028 ? "\\u2028" : cp == 0x2029 ? "\\u2029" : "\\ufffd");
    }
    *i += 1;
    char e;
    switch (c) {
    case '"': e = '"'; break;
    case '\\': e = '\\'; break;
    case '\n': e = 'n'; break;
    case '\r': e = 'r'; break;
    case '\t': e = 't'; break;
    case '\b': e = 'b'; break;
    case '\f': e = 'f'; break;
    default: {
        char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        return put6(p, esc);
    }
    }
    p[0] = '\\';
    p[1] = e;
    return p + 2;
}

char *zn__json_escape(char *p, const char *s, size_t *pos, size_t stop, size_t len)
{
    size_t i = *pos;
    while (i < stop) {
        size_t run = i;
        i = zn__json_plain_end((const unsigned char *)s, i, stop, len);
        p = zn__json_copy(p, s + run, i - run);
        if (i < stop) {
            p = escape_one(p, s, &i, len);
        }
    }
    *pos = i;
    return p;
}
