/* SPDX-License-Identifier: MIT
 * The string escaper of the JSON writer (src/output/json_escape.c, used by json.c): which
 * bytes go out as they are, found fast, and the escapes of the others. */
#ifndef ZHNEWS_OUTPUT_JSON_ESCAPE_H
#define ZHNEWS_OUTPUT_JSON_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Declared hidden: the writer reaches the table and the functions directly, not through the
 * shared library's address table. */
#pragma GCC visibility push(hidden)

/* What the escaper does with a byte: 0 copy it (ASCII), 1 escape it (control character, "
 * or \; also the NUL that ends a C string), 2 a lead byte E3-EC, EE or EF, whose sequence is
 * valid and copied when two continuation bytes follow (never overlong, a surrogate or
 * U+2028/9: most Chinese characters and punctuation), 3 decode the sequence it starts. */
extern const unsigned char zn__json_byte_class[256];

#ifdef __SSE2__
/* The bytes of v that are not plain ASCII (byte class 0), a bit each in lane order: as signed
 * bytes, controls and bytes at or above 0x80 are below 0x20; then " and \. Cannot fail. */
static inline unsigned zn__json_care16(__m128i v)
{
    __m128i low = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20));
    __m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
    __m128i backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(low, _mm_or_si128(quote, backslash)));
}
#endif

#ifdef __SSE2__
/* The bytes of v that begin a character of byte class 2 (E3-EC, EE, EF; as signed bytes -29
 * to -17 but -19) and the continuation bytes (80-BF, below -64), a bit each in lane order.
 * Cannot fail. */
static inline unsigned zn__json_leads16(__m128i v)
{
    __m128i in = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-30)),
                               _mm_cmplt_epi8(v, _mm_set1_epi8(-16)));
    return (unsigned)_mm_movemask_epi8(_mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(-19)), in));
}

static inline unsigned zn__json_conts16(__m128i v)
{
    return (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(-64)));
}
#endif

/* When s[0..n), 4 <= n <= 16, goes out as it is and is plain ASCII (byte class 0) or only
 * characters of three bytes whose lead has byte class 2, the two cases zn__json_plain_end
 * passes fastest, copies it to p and returns true; else returns false, p unchanged. Inline
 * and without a loop, for the short strings of a schema: names of types, dates, mentions
 * ("organization", "中共中央"). The string is looked at as two overlapping halves of 8 (or 4)
 * bytes in one vector. Without SSE2 it returns false (the caller's usual path then copies
 * them). Cannot fail. */
static inline __attribute__((always_inline)) bool zn__json_copy_short(char *p, const char *s,
                                                                     size_t n)
{
#ifdef __SSE2__
    __m128i a;
    __m128i b;
    __m128i v;
    int32_t x = 0;
    int32_t y = 0;
    unsigned lanes;
    if (n >= 8) { // lanes 0-7: bytes 0-7, lanes 8-15: bytes n-8 to n-1
        a = _mm_loadl_epi64((const __m128i *)(const void *)s);
        b = _mm_loadl_epi64((const __m128i *)(const void *)(s + n - 8));
        v = _mm_unpacklo_epi64(a, b);
        lanes = 0xFFFF;
    } else { // lanes 0-3: bytes 0-3, lanes 4-7: bytes n-4 to n-1, the others zero
        memcpy(&x, s, 4);
        memcpy(&y, s + n - 4, 4);
        a = _mm_cvtsi32_si128(x);
        b = _mm_cvtsi32_si128(y);
        v = _mm_unpacklo_epi32(a, b);
        lanes = 0xFF;
    }
    if ((zn__json_care16(v) & lanes) != 0) {
        // Chinese: n a multiple of 3, a lead byte of class 2 in the lanes of bytes 0, 3, 6…
        // (those lanes are the same for n = 9, 12 and 15), continuation bytes in the others
        unsigned want = n >= 8 ? 0x2449 : 0x29;
        if (n % 3 != 0 || zn__json_leads16(v) != want ||
            (zn__json_conts16(v) & lanes) != (lanes ^ want)) {
            return false;
        }
    }
    if (n >= 8) {
        _mm_storel_epi64((__m128i *)(void *)p, a);
        _mm_storel_epi64((__m128i *)(void *)(p + n - 8), b);
    } else {
        memcpy(p, &x, 4);
        memcpy(p + n - 4, &y, 4);
    }
    return true;
#else
    (void)p;
    (void)s;
    (void)n;
    return false;
#endif
}

/* The end of the run of plain ASCII (byte class 0) that starts at u[i] < stop. Cannot fail. */
size_t zn__json_ascii_end(const unsigned char *u, size_t i, size_t stop);

/* The end of the run at u[i] (before stop; the last character may end past it, within len)
 * that the fast checks pass: plain ASCII and three-byte sequences of byte class 2. It stops
 * at anything else, for zn__json_escape to look at. Inline and calling nothing on Chinese
 * text, so that the writer keeps its values in registers. Cannot fail.
 * Example: "國務院\n" (10 bytes) gives 9. */
static inline size_t zn__json_plain_end(const unsigned char *u, size_t i, size_t stop,
                                        size_t len)
{
    const unsigned char *cls = zn__json_byte_class;
    while (i < stop) {
        unsigned char k = cls[u[i]];
        if (k == 0) {
            i = zn__json_ascii_end(u, i, stop);
        } else if (k == 2 && i + 6 <= stop && cls[u[i + 3]] == 2 &&
                   ((u[i + 1] ^ 0x80) | (u[i + 2] ^ 0x80) | (u[i + 4] ^ 0x80) |
                    (u[i + 5] ^ 0x80)) < 0x40) {
            i += 6; // two Chinese characters at a time: fewer loop tests
        } else if (k == 2 && i + 2 < len && ((u[i + 1] ^ 0x80) | (u[i + 2] ^ 0x80)) < 0x40) {
            i += 3;
        } else {
            break;
        }
    }
    return i;
}

/* Copies n bytes from s to p and returns p + n, without a library call for the short runs
 * most strings and member names are: overlapping loads and stores cover n bytes exactly,
 * never reading past s + n. Inline: a name of 5 bytes is two loads and two stores. Cannot
 * fail. */
static inline char *zn__json_copy(char *p, const char *s, size_t n)
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

/* Escapes the characters of s[0..len) that start in [*pos, stop) into p and returns the new
 * end of p; *pos moves past them (the last may end past stop). At most 6 bytes out per byte
 * in. Copied as is: ASCII other than controls, " and \, and valid sequences other than U+2028
 * and U+2029, which JavaScript reads as line ends; escaped: those; each byte of an invalid or
 * truncated sequence becomes \ufffd. Cannot fail.
 * Example: "a\"中\xff" gives a\"中\ufffd. */
char *zn__json_escape(char *p, const char *s, size_t *pos, size_t stop, size_t len);

#pragma GCC visibility pop

#endif
