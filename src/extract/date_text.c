/* SPDX-License-Identifier: MIT
 * The text the date finder scans: code points folded to one spelling with their byte
 * offsets and the places an expression may begin, and numbers written in Arabic or Chinese
 * numerals (word matching is in date_words.c). */
#include <stdint.h>
#include <string.h>

#define DATE_TEXT_TABLES
#include "date_starts.h"
#include "extract/date_fold.h"
#include "extract/date_priv.h"
#include "util/alloc.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

// Must match fold_hash in tools/date_starts.py.
static uint32_t fold_hash(uint32_t c)
{
    return (c * 0x9E3779B1u) >> 23;
}

// c as the folding table writes it (c holds DATE_CHAR_FOLDS), found through the generated
// slots: a Traditional text folds one character in ten.
static uint32_t fold(uint32_t c)
{
    for (uint32_t h = fold_hash(c);; h = (h + 1) % DATE_FOLD_SLOTS) {
        unsigned k = date_fold_slots[h];
        if (k == 0) {
            return c;
        }
        if (date_fold_table[k - 1].from == c) {
            return date_fold_table[k - 1].to;
        }
    }
}

// Points the arrays of t at room for `entries` characters: its own for a short text, else
// a heap block. The class bytes come last; the caller owns them until date__text_init ends.
static zn_status text_room(dtext *t, size_t entries, uint8_t **cls)
{
    t->block = NULL;
    char *block = (char *)t->small;
    if (entries > DATE_SMALL_TEXT + 1) {
        if (entries > SIZE_MAX / 16) { // DATE_TEXT_BYTES: under 14 bytes an entry, plus 136
            return ZN_ERR_NOMEM;
        }
        block = zn__malloc(DATE_TEXT_BYTES(entries));
        if (block == NULL) {
            return ZN_ERR_NOMEM;
        }
        t->block = block;
    }
    // the candidate bits, off, cp, then the class bytes: each aligned
    t->cand = (uint64_t *)(void *)block;
    t->off = (size_t *)(void *)(t->cand + DATE_TEXT_WORDS(entries));
    t->cp = (uint32_t *)(void *)(t->off + entries);
    *cls = (uint8_t *)(t->cp + entries);
    return ZN_OK;
}

// Decodes and folds s[0, len) into t->cp (byte offsets into t->off), the DATE_CHAR_* bits of
// each character (of its folded form) into cls; returns the number of characters. Nothing
// else per character: the bits become candidates 64 characters at a time (mark). A
// character beyond the BMP reads the byte of its low 16 bits (no test of the range, which
// cost a fifth of the loop's instructions): at worst a place the scanner tries and turns
// away (date__may_start knows no such character), and fold finds it in no slot.
static size_t decode_classes(dtext *t, uint8_t *cls, const char *s, size_t len)
{
    const unsigned char *us = (const unsigned char *)s;
    uint32_t *cp = t->cp;
    size_t *off = t->off;
    size_t n = 0;
    size_t pos = 0;
    while (pos < len) {
        off[n] = pos;
        uint32_t c = zn__valid_next(us, &pos); // zn_dates_find or its caller checked it
        unsigned bits = date__char_bits[c & 0xFFFF]; // beyond the BMP: see above
        if (bits & DATE_CHAR_FOLDS) { // few characters: 來 → 来, ３ → 3
            c = fold(c);
        }
        cp[n] = c;
        cls[n] = (uint8_t)bits;
        n++;
    }
    return n;
}

// Bit k of the result: class byte cls[k] (of 64) has DATE_CHAR_ALONE; of *pair: it has
// DATE_CHAR_PAIR. SSE2 (every x86-64) reads 16 bytes a step: each bit moved to the top of
// its byte, whose top bits movemask gathers.
static uint64_t class_bits(const uint8_t *cls, uint64_t *pair)
{
    uint64_t alone = 0;
    uint64_t pairs = 0;
#ifdef __SSE2__
    for (unsigned k = 0; k < 64; k += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(cls + k));
        // 16-bit shifts: a byte's bits that cross into the next byte's top are never the top
        alone |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_slli_epi16(v, 7)) << k; // bit 0
        pairs |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_slli_epi16(v, 6)) << k; // bit 1
    }
#else
    for (unsigned k = 0; k < 64; k++) {
        alone |= (uint64_t)(cls[k] & DATE_CHAR_ALONE) << k;
        pairs |= (uint64_t)(cls[k] / DATE_CHAR_PAIR & 1u) << k;
    }
#endif
    *pair = pairs;
    return alone;
}

// The candidate bits of the n characters of t from their class bytes (cls[n] to the end of
// the last word 0): a character may begin an expression by itself (DATE_CHAR_ALONE), or
// with the next one, where their pair begins a date word (PAIR: a superset by the hash
// bitmap date__start_pairs, vague words too, the first test of date__may_start_at), for the
// characters 国 中 和 民 … that begin few words and come often (one in seven); only these
// look at their pair. The last character has none.
static void mark(dtext *t, const uint8_t *cls, size_t n)
{
    for (size_t w = 0; w <= n / 64; w++) {
        uint64_t pair;
        uint64_t bits = class_bits(cls + w * 64, &pair);
        if (w == n / 64 && n % 64 != 0) {
            pair &= (UINT64_C(1) << (n % 64 - 1)) - 1; // not the last character
        } else if (w + 1 == n / 64 && n % 64 == 0) {
            pair &= UINT64_MAX >> 1;
        }
        const uint32_t *cp = t->cp + w * 64;
        while (pair != 0) {
            unsigned k = (unsigned)__builtin_ctzll(pair);
            uint32_t h = date__pair_hash(cp[k], cp[k + 1]);
            bits |= (uint64_t)(date__start_pairs[h >> 5] >> (h & 31) & 1u) << k;
            pair &= pair - 1;
        }
        t->cand[w] = bits;
    }
}

zn_status date__text_init(dtext *t, const char *s, size_t len)
{
    // One entry per byte at most (and one past the end): the text is not counted first.
    uint8_t *cls;
    if (text_room(t, len + 1, &cls) != ZN_OK) {
        return ZN_ERR_NOMEM;
    }
    size_t n = decode_classes(t, cls, s, len);
    memset(cls + n, 0, 64); // the rest of the last word's class bytes (one size: no call)
    mark(t, cls, n);
    t->n = n;
    t->off[n] = len;
    t->cp[n] = 0;
    t->memo = &t->memo_store;
    t->memo->at = SIZE_MAX;
    t->memo->lists_at = SIZE_MAX;
    return ZN_OK;
}

void date__text_clear(dtext *t)
{
    zn__free(t->block);
    t->block = NULL;
    t->cp = NULL;
    t->off = NULL;
    t->cand = NULL;
    t->n = 0;
}

// Value of a Chinese digit, -1 for other characters. 〇零一二两俩三四五六七八九 (these, the
// units below and 几 are NUMERALS in tools/date_starts.py too; but 几 they are the
// characters date__is_cjk_digit knows by the table).
static int cjk_digit(uint32_t c)
{
    switch (c) {
    case 0x3007: case 0x96F6: return 0;        // 〇 零
    case 0x4E00: return 1;                     // 一
    case 0x4E8C: case 0x4E24: case 0x4FE9: return 2; // 二 两 俩
    case 0x4E09: return 3;                     // 三
    case 0x56DB: return 4;                     // 四
    case 0x4E94: return 5;                     // 五
    case 0x516D: return 6;                     // 六
    case 0x4E03: return 7;                     // 七
    case 0x516B: return 8;                     // 八
    case 0x4E5D: return 9;                     // 九
    default: return -1;
    }
}

// Value of a Chinese unit: 十 廿 卅 百 千 万 亿; 0 for other characters.
static long cjk_unit(uint32_t c)
{
    switch (c) {
    case 0x5341: return 10;        // 十
    case 0x5EFF: return 20;        // 廿
    case 0x5345: return 30;        // 卅
    case 0x767E: return 100;       // 百
    case 0x5343: return 1000;      // 千
    case 0x4E07: return 10000;     // 万
    case 0x4EBF: return 100000000; // 亿
    default: return 0;
    }
}

// 多 余 after a number: "1000多年".
static bool approx_mark(uint32_t c)
{
    return c == 0x591A || c == 0x4F59;
}

static bool arabic(const dtext *t, size_t i, dnum *out)
{
    size_t j = i;
    double v = 0;
    while (j < t->n && date__is_digit(t->cp[j])) {
        v = v * 10 + (t->cp[j] - '0');
        j++;
        // 35,000: a comma followed by exactly three digits groups thousands
        if (j + 3 < t->n && t->cp[j] == ',' && date__is_digit(t->cp[j + 1]) &&
            date__is_digit(t->cp[j + 2]) && date__is_digit(t->cp[j + 3]) &&
            (j + 4 >= t->n || !date__is_digit(t->cp[j + 4]))) {
            j++;
        }
    }
    out->digits = (int)(j - i);
    out->arabic = true;
    out->seq = true;
    long unit = j < t->n ? cjk_unit(t->cp[j]) : 0;
    if (unit >= 10000) {
        v *= (double)unit;
        j++;
    }
    out->v = v;
    out->end = j;
    return true;
}

static bool chinese(const dtext *t, size_t i, dnum *out)
{
    size_t j = i;
    bool units = false;
    while (j < t->n && date__is_cjk_digit(t->cp[j])) {
        units = units || cjk_unit(t->cp[j]) > 0;
        j++;
    }
    if (j == i) {
        return false;
    }
    out->digits = (int)(j - i);
    out->end = j;
    out->arabic = false;
    double total = 0;
    double section = 0;
    double num = 0;
    if (!units) {
        for (size_t k = i; k < j; k++) {
            total = total * 10 + cjk_digit(t->cp[k]);
        }
        out->seq = j - i > 1;
        out->v = total;
        // 三四天 一两年: two neighbouring digits are "three or four", not thirty-four
        int d1 = cjk_digit(t->cp[i]);
        int d2 = j - i == 2 ? cjk_digit(t->cp[i + 1]) : -1;
        if (d1 > 0 && (d2 == d1 + 1 || (d1 == 3 && d2 == 5))) { // 三五天: three to five
            out->v = d1;
            out->seq = false;
            out->approx = true;
            out->digits = 1;
        }
        return true;
    }
    out->seq = false;
    for (size_t k = i; k < j; k++) {
        int d = cjk_digit(t->cp[k]);
        long u = cjk_unit(t->cp[k]);
        if (d >= 0) {
            num = d;
        } else if (u == 20 || u == 30) {
            section += (double)u;
        } else if (u < 10000) {
            section += (num == 0 ? 1 : num) * (double)u;
            num = 0;
        } else {
            total += (section + num == 0 ? 1 : section + num) * (double)u;
            section = 0;
            num = 0;
        }
    }
    out->v = total + section + num;
    return true;
}

// date__num where a number may start (a figure, 几 or a numeral at i).
static bool read_num(const dtext *t, size_t i, dnum *out)
{
    memset(out, 0, sizeof *out);
    bool ok;
    if (date__is_digit(t->cp[i])) {
        ok = arabic(t, i, out);
    } else if (t->cp[i] == 0x51E0) { // 几: "几个月" counts as a few (3)
        if (i + 1 < t->n && cjk_unit(t->cp[i + 1]) > 0) {
            return false; // 几十年 几百天: "for decades", no count to reckon with
        }
        out->v = 3;
        out->end = i + 1;
        out->digits = 1;
        out->approx = true;
        return true;
    } else if (cjk_unit(t->cp[i]) >= 100) {
        return false; // 百年 千年 万年 are "long", not counts
    } else {
        ok = chinese(t, i, out);
    }
    if (ok && out->end < t->n && approx_mark(t->cp[out->end])) {
        out->approx = true;
        out->end++;
    } else if (ok && !out->arabic && out->end < t->n && t->cp[out->end] == 0x51E0 &&
               cjk_unit(t->cp[out->end - 1]) > 0) { // 十几年 二十几天: ten-odd, twenty-odd
        out->approx = true;
        out->end++;
    }
    // No date counts beyond a billion; callers may then convert values to int safely.
    return ok && out->v <= 1e9;
}

int date__num_alone(const dtext *t, size_t i)
{
    uint32_t c = t->cp[i];
    uint32_t next = i + 1 < t->n ? t->cp[i + 1] : 0;
    // what read_num (and arabic, chinese) read past the first character: figures, ',' of
    // 35,000 and '.' (read by the parsers), numerals and units, 多 余 几
    if (date__is_digit(next) || date__is_cjk_digit(next) || next == ',' || next == '.' ||
        approx_mark(next) || next == 0x51E0) {
        return -1;
    }
    return c == 0x51E0 || cjk_unit(c) < 100; // 百 千 万 亿 alone are no count (read_num)
}

bool date__num_read(const dtext *t, size_t i, dnum *out)
{
    dmemo *m = t->memo;
    if (m->at != i) {
        m->ok = read_num(t, i, &m->n);
        m->at = i;
    }
    *out = m->n;
    return m->ok;
}
