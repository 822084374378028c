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

#ifdef __SSE2__
// The first byte that is not plain ASCII among the 16 at u, or 16.
static inline size_t care_at(const unsigned char *u)
{
    unsigned m = zn__json_care16(_mm_loadu_si128((const __m128i *)(const void *)u));
    return m != 0 ? (size_t)__builtin_ctz(m) : 16;
}

// Sixteen bytes a step, the last bytes as the 16 (or 8, or 4 twice) that end at stop: those
// before i in them were checked already, so the first byte found is the end of the run.
size_t zn__json_ascii_end(const unsigned char *u, size_t i, size_t stop)
{
    if (stop - i >= 16) {
        for (; stop - i >= 16; i += 16) {
            size_t k = care_at(u + i);
            if (k < 16) {
                return i + k;
            }
        }
        return i == stop ? stop : stop - 16 + care_at(u + stop - 16);
    }
    if (stop - i >= 8) { // the first 8 bytes in lanes 0-7, the last 8 in lanes 8-15
        __m128i a = _mm_loadl_epi64((const __m128i *)(const void *)(u + i));
        __m128i b = _mm_loadl_epi64((const __m128i *)(const void *)(u + stop - 8));
        unsigned m = zn__json_care16(_mm_unpacklo_epi64(a, b));
        size_t k = (size_t)__builtin_ctz(m | 0x10000);
        return k < 8 ? i + k : stop - 16 + k;
    }
    if (stop - i >= 4) { // the first 4 bytes in lanes 0-3, the last 4 in lanes 4-7
        int32_t x;
        int32_t y;
        memcpy(&x, u + i, 4);
        memcpy(&y, u + stop - 4, 4);
        __m128i v = _mm_unpacklo_epi32(_mm_cvtsi32_si128(x), _mm_cvtsi32_si128(y));
        size_t k = (size_t)__builtin_ctz((zn__json_care16(v) & 0xFF) | 0x100);
        return k < 4 ? i + k : stop - 8 + k;
    }
    while (i < stop && zn__json_byte_class[u[i]] == 0) {
        i++;
    }
    return i;
}
#else
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
#endif

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
