/* SPDX-License-Identifier: MIT
 * Word matching at an index of the folded text (date_text.c): a word's rest, the longest
 * word of a table; and where a date written without 日 or 月 may end. */
#include <stdint.h>

#include "extract/date_priv.h"

bool date__at_rest(const dtext *t, size_t j, const char *rest, size_t *end)
{
    const unsigned char *u = (const unsigned char *)rest;
    size_t pos = 0;
    // cp[n] is 0, which no character of a word is: the loop stops at the text's end
    while (u[pos] != 0) {
        if (t->cp[j] != zn__valid_next(u, &pos)) {
            return false;
        }
        j++;
    }
    *end = j;
    return true;
}

int date__at_any(const dtext *t, size_t i, const char *const *words, size_t *end)
{
    if (i >= t->n || (t->cp[i] >= 0x80 && date__lists_at(t, i) == 0)) {
        return -1; // no date word starts with the character: the words need not be tried
    }
    dlead lead = date__lead_at(t, i);
    int best = -1;
    size_t best_end = i;
    for (int k = 0; words[k] != NULL; k++) {
        size_t e;
        if (date__at_lead(t, i, &lead, words[k], &e) && e > best_end) {
            best = k;
            best_end = e;
        }
    }
    if (best >= 0) {
        *end = best_end;
    }
    return best;
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
