/* SPDX-License-Identifier: MIT
 * The text the date finder scans: code points folded to one spelling with their byte
 * offsets, word matching at an index, and numbers written in Arabic or Chinese numerals. */
#include <stdint.h>
#include <string.h>

#define DATE_FOLD_TABLES
#include "date_starts.h"
#include "extract/date_fold.h"
#include "extract/date_priv.h"
#include "extract/valid_text.h"
#include "util/alloc.h"
#include "util/utf8.h"

static uint32_t fold(uint32_t c)
{
    if (c >= 0x10000 || (date_fold_bits[c >> 5] >> (c & 31) & 1u) == 0) {
        return c; // not in the table (most characters)
    }
    size_t lo = 0;
    size_t hi = sizeof date_fold_table / sizeof date_fold_table[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (date_fold_table[mid].from == c) {
            return date_fold_table[mid].to;
        }
        if (date_fold_table[mid].from < c) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return c;
}

// Characters of s[0, len) (valid UTF-8): bytes that are not continuation bytes (10xxxxxx),
// eight at a time.
static size_t count_chars(const char *s, size_t len)
{
    size_t cont = 0;
    size_t k = 0;
    for (; k + 8 <= len; k += 8) {
        uint64_t x;
        memcpy(&x, s + k, sizeof x);
        uint64_t m = x & ~(x << 1) & UINT64_C(0x8080808080808080); // bit 7 set, bit 6 clear
        m = (m >> 7) * UINT64_C(0x0101010101010101);                // sum of the eight bits
        cont += (size_t)(m >> 56);
    }
    for (; k < len; k++) {
        cont += ((unsigned char)s[k] & 0xC0) == 0x80;
    }
    return len - cont;
}

zn_status date__text_init(dtext *t, const char *s, size_t len)
{
    size_t chars = count_chars(s, len); // one entry per character and one past the end
    size_t entries = chars + 1;
    // One block: off and uoff, the candidate bits, then cp, then the folded UTF-8 (never
    // longer than the text).
    size_t per = 2 * sizeof(size_t) + sizeof(uint32_t);
    memset(t, 0, sizeof *t);
    if (entries > (SIZE_MAX - len - 1 - sizeof(uint64_t)) / (per + 1)) {
        return ZN_ERR_NOMEM;
    }
    size_t words = entries / 64 + 1;
    char *block = zn__malloc(entries * per + words * sizeof(uint64_t) + len + 1); // all written
    if (block == NULL) {
        return ZN_ERR_NOMEM;
    }
    t->off = (size_t *)(void *)block;
    t->uoff = t->off + entries;
    t->cand = (uint64_t *)(void *)(t->uoff + entries);
    t->cp = (uint32_t *)(void *)(t->cand + words);
    t->utf8 = (char *)(t->cp + entries);
    // The folded UTF-8 is the text itself where nothing folds: runs of unchanged bytes are
    // copied whole, each folded character written after them; `shift` is how much shorter
    // the folded text is so far (a full-width ， becomes one byte).
    const unsigned char *us = (const unsigned char *)s;
    size_t pos = 0;
    size_t run = 0;
    size_t shift = 0;
    while (pos < len) {
        size_t at = pos;
        t->off[t->n] = at;
        t->uoff[t->n] = at - shift;
        uint32_t raw = zn__valid_next(us, &pos); // zn_dates_find or its caller checked it
        uint32_t c = fold(raw);
        t->cp[t->n++] = c;
        if (c != raw) {
            memcpy(t->utf8 + run - shift, s + run, at - run);
            size_t w = zn__utf8_encode(c, t->utf8 + at - shift);
            shift += pos - at - w;
            run = pos;
        }
    }
    memcpy(t->utf8 + run - shift, s + run, len - run);
    size_t u = len - shift;
    t->off[t->n] = len;
    t->uoff[t->n] = u;
    t->cp[t->n] = 0;
    memset(t->utf8 + u, 0, len + 1 - u); // the NUL and the room folding left unused
    date__mark_candidates(t);
    return ZN_OK;
}

void date__text_clear(dtext *t)
{
    zn__free(t->off); // the block that holds the four arrays
    t->cp = NULL;
    t->off = NULL;
    t->uoff = NULL;
    t->cand = NULL;
    t->utf8 = NULL;
    t->n = 0;
}

int date__at_any(const dtext *t, size_t i, const char *const *words, size_t *end)
{
    int best = -1;
    size_t best_end = i;
    for (int k = 0; words[k] != NULL; k++) {
        size_t e;
        if (date__at(t, i, words[k], &e) && e > best_end) {
            best = k;
            best_end = e;
        }
    }
    if (best >= 0) {
        *end = best_end;
    }
    return best;
}

bool date__is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

// Value of a Chinese digit, -1 for other characters. 〇零一二两俩三四五六七八九 (these, the
// units below and 几 are NUMERALS in tools/date_starts.py too).
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

bool date__is_cjk_digit(uint32_t c)
{
    return cjk_digit(c) >= 0 || cjk_unit(c) > 0;
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

bool date__num(const dtext *t, size_t i, dnum *out)
{
    memset(out, 0, sizeof *out);
    if (i >= t->n) {
        return false;
    }
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

bool date__soft_end(const dtext *t, size_t i)
{
    // Han characters that may follow a date written without 日/月: links, limits, times —
    // 上下与中之今以傍凌到前午及后和夜左开或早明昨晚止深的至起间, in code point order.
    static const uint32_t after[] = {
        0x4E0A, 0x4E0B, 0x4E0E, 0x4E2D, 0x4E4B, 0x4ECA, 0x4EE5, 0x508D, 0x51CC, 0x5230,
        0x524D, 0x5348, 0x53CA, 0x540E, 0x548C, 0x591C, 0x5DE6, 0x5F00, 0x6216, 0x65E9,
        0x660E, 0x6628, 0x665A, 0x6B62, 0x6DF1, 0x7684, 0x81F3, 0x8D77, 0x95F4,
    };
    if (i >= t->n) {
        return true;
    }
    uint32_t c = t->cp[i];
    if (c < 0x80) {
        bool letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        return !date__is_digit(c) && c != '.' && c != '%' && !letter;
    }
    if ((c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF65) ||
        (c >= 0x2010 && c <= 0x206F)) {
        return true;
    }
    size_t lo = 0;
    size_t hi = sizeof after / sizeof after[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (after[mid] == c) {
            return true;
        }
        if (after[mid] < c) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return false;
}
