/* SPDX-License-Identifier: MIT
 * Where an expression may begin, from the tables tools/date_starts.py generates out of the
 * word tables of the date_*.c files: the characters words start with, the tables each
 * begins, the first two characters of the words. The scanner (date_find.c) skips every
 * other place; the parsers search a table only where one of its words can start. */
#include <stdint.h>

#define DATE_STARTS_TABLES
#include "date_starts.h"
#include "extract/date_priv.h"

bool date__may_start(uint32_t c)
{
    return c < 0x10000 && (date_start_bits[c >> 5] >> (c & 31) & 1u) != 0;
}

size_t date__next_candidate(const dtext *t, size_t i)
{
    if (i >= t->n) {
        return t->n;
    }
    size_t w = i / 64;
    uint64_t bits = t->cand[w] & (UINT64_MAX << (i % 64));
    while (bits == 0) {
        if (++w * 64 >= t->n) {
            return t->n;
        }
        bits = t->cand[w];
    }
    return w * 64 + (size_t)__builtin_ctzll(bits); // no bits past n are set
}

// Must match triple_hash in tools/date_starts.py.
static uint32_t triple_hash(uint32_t a, uint32_t b, uint32_t c)
{
    return (a * 0x9E3779B1u ^ b * 0x85EBCA77u ^ c * 0xC2B2AE3Du) >> (32 - DATE_TRIPLE_BITS);
}

static bool bit_at(const uint32_t *bits, uint32_t h)
{
    return (bits[h >> 5] >> (h & 31) & 1u) != 0;
}

// Characters whose one-character words all come after something (a number, a date, a
// prefix): 一 of 星期一, 月 of 三個月, 末 of 週末, 春 of 2018年春, 後 of 前三個月 / 後三月,
// 至 of a range, 來 of 三年來. They start an expression only as the first of a longer word.
// (tools/date_starts.py reads these case labels: such a character is no DATE_CHAR_ALONE.)
static bool single_tail(uint32_t c)
{
    switch (c) {
    case 0x4E00: case 0x4E8C: case 0x4E09: case 0x56DB: case 0x4E94: case 0x516D: // 一-六
    case 0x6625: case 0x590F: case 0x79CB: case 0x51AC:                           // 春夏秋冬
    case 0x5E74: case 0x6708: case 0x65E5: case 0x521D: case 0x5E95: case 0x672B: // 年月日初底末
    case 0x5B63: case 0x540E: case 0x81F3: case 0x6B62: case 0x6B63: case 0x79D2: // 季后至止正秒
    case 0x8BB8: case 0x8F7D: case 0x949F: case 0x523B: case 0x6765:              // 许载钟刻来
        return true;
    default:
        return false;
    }
}

// Words read only after a number, a count or a date: 世紀 (18世紀 上個世紀), 以來 以後 以前
// 以內 以上 以下 (2018年以來 三天以內 五年以上). (以往 is a word of its own.)
static bool tail_pair(uint32_t c, uint32_t next)
{
    if (c == 0x4E16) { // 世
        return next == 0x7EAA; // 纪
    }
    return c == 0x4EE5 && (next == 0x6765 || next == 0x540E || next == 0x524D || // 以: 来 后 前
                           next == 0x5185 || next == 0x4E0A || next == 0x4E0B);  // 内 上 下
}

// 第 (or 這) and a number lead a word (第三天 第二季度 第3個星期日 這兩天), not 第一次
// 第十五屆 這一理論.
static bool ordinal_goes_on(const dtext *t, size_t i)
{
    dnum n;
    if ((t->cp[i] != 0x7B2C && t->cp[i] != 0x8FD9) || !date__num(t, i + 1, &n) ||
        n.end >= t->n) {
        return true;
    }
    return date__may_follow(t, n.end);
}

bool date__may_start_at(const dtext *t, size_t i, bool vague)
{
    uint32_t c = t->cp[i];
    if (!date__may_start(c)) {
        return false;
    }
    bool alone = (date__char_class(c) & DATE_CHAR_ONE) != 0 && !single_tail(c);
    if (i + 1 >= t->n) {
        return alone;
    }
    uint32_t next = t->cp[i + 1];
    // 週 半 第 從 上 are words by themselves, and none is a date alone: what follows must
    // be read too, a word (週一 半個月 上週), a number (第三 從2018年) or ASCII (晚 8點).
    // 過 leads only a count (過兩天 過半年; 過去 is a word of its own).
    if (alone && c == 0x8FC7) { // 过
        alone = date__is_digit(next) || date__is_cjk_digit(next) || next == 0x534A; // 半
    }
    // The marks ， （ ） – — ― and 的 begin words only after a date (，星期一 （週二） 的晚上):
    // no one-character word is a date alone, so 下， 上， 上的 start nothing unless a word
    // holds the pair.
    bool mark = next == 0xFF0C || next == 0xFF08 || next == 0xFF09 ||
                (next >= 0x2013 && next <= 0x2015) || next == 0x7684; // 的
    if (alone && !mark && date__may_follow(t, i + 1) && ordinal_goes_on(t, i)) {
        return true; // 自 + 2018年, not 自由
    }
    uint32_t h = date__pair_hash(c, next);
    if (!bit_at(vague ? date__start_pairs : date_start_pairs_plain, h) || tail_pair(c, next)) {
        return false;
    }
    // No word is just these two characters: the third must continue one (和平 青年 教師)
    return i + 2 >= t->n || bit_at(date_pair_open, h) ||
           bit_at(date_start_triples, triple_hash(c, next, t->cp[i + 2]));
}

// Do the characters at i and i + 1 (there is one) begin a word, or compare as a pair?
static bool pair_follows(const dtext *t, size_t i)
{
    uint32_t c = t->cp[i];
    uint32_t h = date__pair_hash(c, t->cp[i + 1]);
    return bit_at(date_follow_pairs, h) &&
           (i + 2 >= t->n || bit_at(date_pair_open, h) ||
            bit_at(date_start_triples, triple_hash(c, t->cp[i + 1], t->cp[i + 2])));
}

bool date__may_follow(const dtext *t, size_t i)
{
    uint32_t c = t->cp[i];
    if (c < 0x80 || c == 0x51E0 || date__is_cjk_digit(c)) { // ASCII, 几, a numeral
        return true;
    }
    if (!date__may_start(c)) {
        return false;
    }
    if (i + 1 >= t->n) {
        return true;
    }
    if (c == 0x4E2A) { // 个 leads a word (三個月 第二個星期 兩個半月), not 一個人 兩個文明
        return date__may_follow(t, i + 1) || pair_follows(t, i);
    }
    return (date__char_class(c) & DATE_CHAR_ONE) != 0 || pair_follows(t, i);
}

uint64_t date__lists(uint32_t c)
{
    if (c >= 0x10000) {
        return 0;
    }
    uint32_t w = date_start_bits[c >> 5];
    uint32_t bit = 1u << (c & 31);
    if ((w & bit) == 0) {
        return 0;
    }
    // rank of c among the start characters: those of the words before, those below in w
    uint32_t x = w & (bit - 1);
    x = x - ((x >> 1) & 0x55555555u);
    x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
    unsigned below = (((x + (x >> 4)) & 0x0F0F0F0Fu) * 0x01010101u) >> 24;
    return date_start_lists[date_start_rank[c >> 5] + below];
}
