/* SPDX-License-Identifier: MIT
 * Strict UTF-8 decoding (RFC 3629) and code point classes used by every stage. */
#include "util/utf8.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

uint32_t zn__utf8_next(const char *s, size_t len, size_t *pos)
{
    const unsigned char *p = (const unsigned char *)s + *pos;
    size_t avail = len - *pos;
    unsigned char b0 = p[0];
    if (b0 < 0x80) {
        *pos += 1;
        return b0;
    }
    size_t n;
    uint32_t cp;
    uint32_t min;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        n = 2;
        cp = b0 & 0x1F;
        min = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        n = 3;
        cp = b0 & 0x0F;
        min = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        n = 4;
        cp = b0 & 0x07;
        min = 0x10000;
    } else {
        *pos += 1;
        return ZN_UTF8_INVALID;
    }
    if (avail < n) {
        *pos += 1;
        return ZN_UTF8_INVALID;
    }
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) {
            *pos += 1;
            return ZN_UTF8_INVALID;
        }
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        *pos += 1;
        return ZN_UTF8_INVALID;
    }
    *pos += n;
    return cp;
}

uint32_t zn__utf8_prev(const char *s, size_t *pos)
{
    if (*pos == 0) {
        return ZN_UTF8_INVALID;
    }
    size_t end = *pos;
    size_t start = end - 1;
    while (start > 0 && end - start < 4 && ((unsigned char)s[start] & 0xC0) == 0x80) {
        start--;
    }
    size_t p = start;
    uint32_t cp = zn__utf8_next(s, end, &p);
    if (p != end) {
        *pos = end - 1;
        return ZN_UTF8_INVALID;
    }
    *pos = start;
    return cp;
}

// True for a lead byte E1-EC or EE-EF: its three-byte sequence is never overlong nor a surrogate
// once both continuation bytes are there (ideographs and CJK punctuation).
static inline bool plain_lead3(unsigned char b)
{
    return (unsigned)(b - 0xE1) <= 0xEF - 0xE1 && b != 0xED;
}

size_t zn__utf8_valid_prefix(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t pos = 0;
    while (pos < len) {
        // Fast paths: a run of ASCII, a run of such three-byte sequences.
        while (pos < len && u[pos] < 0x80) {
            pos++;
        }
        while (pos + 6 <= len && plain_lead3(u[pos]) && plain_lead3(u[pos + 3]) &&
               ((u[pos + 1] ^ 0x80) | (u[pos + 2] ^ 0x80) | (u[pos + 4] ^ 0x80) |
                (u[pos + 5] ^ 0x80)) < 0x40) {
            pos += 6; // two at a time: fewer loop tests
        }
        while (pos + 3 <= len && plain_lead3(u[pos]) &&
               ((u[pos + 1] ^ 0x80) | (u[pos + 2] ^ 0x80)) < 0x40) {
            pos += 3;
        }
        if (pos >= len || u[pos] < 0x80) {
            continue;
        }
        size_t before = pos;
        if (zn__utf8_next(s, len, &pos) == ZN_UTF8_INVALID) {
            return before;
        }
    }
    return len;
}

bool zn__utf8_is_valid(const char *s, size_t len)
{
    return zn__utf8_valid_prefix(s, len) == len;
}

size_t zn__utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) {
        return 0;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    if (cp <= 0x10FFFF) {
        out[0] = (char)(0xF0 | (cp >> 18));
        out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[3] = (char)(0x80 | (cp & 0x3F));
        return 4;
    }
    return 0;
}

// The continuation bytes (10xxxxxx) among the 8 bytes at s whose lane in `lanes` is 0x80: a
// byte's bit 7 set and bit 6 clear; the marks (0 or 1 per byte) are summed by one
// multiplication into the top byte.
static inline size_t continuations(const char *s, uint64_t lanes)
{
    uint64_t w;
    memcpy(&w, s, sizeof w);
    uint64_t cont = (w & ~(w << 1) & lanes) >> 7;
    return (size_t)((cont * 0x0101010101010101u) >> 56);
}

// Every byte but a continuation byte starts a code point. Counted sixteen bytes at a time
// with SSE2, then eight; the last few bytes as the word ending at len, its bytes already
// counted masked off.
size_t zn__utf8_count(const char *s, size_t len)
{
    // 8 bytes of 0, then 8 of 0x80: read from offset k, the last k lanes in memory order
    static const unsigned char last_lanes[16] = {0, 0, 0, 0, 0, 0, 0, 0,
                                                 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80};
    size_t n = len;
    if (len < 4) {
        for (size_t i = 0; i < len; i++) {
            n -= ((unsigned char)s[i] & 0xC0) == 0x80;
        }
        return n;
    }
    if (len < 8) { // the first four bytes and the last four as one word, the repeats masked off
        char ends[8];
        unsigned char lanes[8];
        memcpy(ends, s, 4);
        memcpy(ends + 4, s + len - 4, 4);
        memcpy(lanes, last_lanes + 8, 4);
        memcpy(lanes + 4, last_lanes + len, 4);
        uint64_t mask;
        memcpy(&mask, lanes, sizeof mask);
        return n - continuations(ends, mask);
    }
    size_t i = 0;
#ifdef __SSE2__
    // 16 bytes a step (the entity step sizes its arrays by the count of every text): a
    // continuation byte (0x80-0xBF) is, as a signed byte, below -64; each lane counts its
    // own, at most 255 steps before the lanes are summed
    const __m128i below = _mm_set1_epi8(-64);
    while (len - i >= 16) {
        size_t steps = (len - i) / 16 < 255 ? (len - i) / 16 : 255;
        __m128i lanes = _mm_setzero_si128();
        for (size_t k = 0; k < steps; k++, i += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            lanes = _mm_sub_epi8(lanes, _mm_cmplt_epi8(v, below)); // -1 for a continuation
        }
        __m128i sums = _mm_sad_epu8(lanes, _mm_setzero_si128()); // two 16-bit sums
        n -= (size_t)_mm_cvtsi128_si32(sums) + (size_t)_mm_extract_epi16(sums, 4);
    }
#endif
    for (; i + 8 <= len; i += 8) {
        n -= continuations(s + i, 0x8080808080808080u);
    }
    if (i < len) {
        uint64_t lanes;
        memcpy(&lanes, last_lanes + (len - i), sizeof lanes);
        n -= continuations(s + len - 8, lanes);
    }
    return n;
}

size_t zn__utf8_boundary(const char *s, size_t len)
{
    size_t i = len;
    size_t back = 0;
    while (i > 0 && back < 4 && ((unsigned char)s[i - 1] & 0xC0) == 0x80) {
        i--;
        back++;
    }
    if (i == 0) {
        return len;
    }
    unsigned char lead = (unsigned char)s[i - 1];
    if (lead < 0x80) {
        return len;
    }
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return back + 1 >= need ? len : i - 1;
}

bool zn__cp_is_han(uint32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x20000 && cp <= 0x323AF) || (cp >= 0xF900 && cp <= 0xFAFF) || cp == 0x3007;
}

bool zn__cp_is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == '\f' || cp == '\v' ||
           cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F ||
           cp == 0x205F || cp == 0xFEFF;
}
