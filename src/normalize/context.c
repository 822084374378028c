/* SPDX-License-Identifier: MIT
 * The context of one character for the repair decision (see context.h). */
#include <string.h>

#include "normalize/context.h"
#include "normalize/variants_table.h"
#include "util/utf8.h"

typedef struct scan_ctx {
    size_t start;
    const window *w;
    uint32_t mask;
    bool first; /* stop at the first valid word */
    support *sp;
} scan_ctx;

static bool on_prefix(void *ctx, size_t len, const zn_word_info *info)
{
    scan_ctx *c = ctx;
    size_t end = c->start + len;
    if (end < c->w->c1 || (c->start == c->w->c0 && end == c->w->c1)) {
        return true;
    }
    if ((info->forms & c->mask) != 0) {
        if (info->freq > c->sp->strong) {
            c->sp->strong = info->freq;
        }
        return !c->first;
    } else {
        c->sp->weak = true;
    }
    return true;
}

// Scans the words covering the character, from every start in the window. With `first`,
// stops at the first valid word (its frequency is then a lower bound).
support zn__word_support(const zn_lexicon *lex, const window *w, uint32_t mask, bool first)
{
    support sp = {0, false};
    size_t pos = 0;
    while (pos <= w->c0) {
        scan_ctx c = {pos, w, mask, first, &sp};
        zn_lexicon_prefixes(lex, w->b + pos, w->len - pos, on_prefix, &c);
        if (pos == w->c0 || (first && sp.strong > 0)) {
            break;
        }
        (void)zn__utf8_next(w->b, w->len, &pos);
    }
    return sp;
}

static int legit_cmp(const char *s, size_t len, const char *word)
{
    size_t wl = strlen(word);
    int r = memcmp(s, word, len < wl ? len : wl);
    if (r != 0) {
        return r;
    }
    return len < wl ? -1 : (len > wl ? 1 : 0);
}

static bool is_legit(const char *s, size_t len)
{
    size_t lo = 0;
    size_t hi = zn__var_n_legit;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int r = legit_cmp(s, len, zn__var_legit[mid]);
        if (r == 0) {
            return true;
        }
        if (r < 0) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    return false;
}

// True when a word of data/variants (白朮, 拮据) covers the character in the window.
bool zn__legit_covers(const window *w)
{
    size_t start = 0;
    while (start <= w->c0) {
        size_t end = w->c1;
        while (end <= w->len) {
            if (end - start > w->c1 - w->c0 && is_legit(w->b + start, end - start)) {
                return true;
            }
            if (end == w->len) {
                break;
            }
            (void)zn__utf8_next(w->b, w->len, &end);
        }
        if (start == w->c0) {
            break;
        }
        (void)zn__utf8_next(w->b, w->len, &start);
    }
    return false;
}

// Builds the window: up to WINDOW_CHARS characters of repaired left context, cp, and up to
// WINDOW_CHARS characters of input after it, stopping at non-Han characters.
void zn__window_build(window *w, const char *left, size_t left_len, const char *s,
                         size_t len, size_t after, uint32_t cp)
{
    size_t l = left_len;
    for (int k = 0; k < WINDOW_CHARS && l > 0; k++) {
        size_t p = l;
        uint32_t c = zn__utf8_prev(left, &p);
        if (!zn__cp_is_han(c)) {
            break;
        }
        l = p;
    }
    w->len = 0;
    memcpy(w->b, left + l, left_len - l);
    w->len = left_len - l;
    w->c0 = w->len;
    w->len += zn__utf8_encode(cp, w->b + w->len);
    w->c1 = w->len;
    size_t r = after;
    for (int k = 0; k < WINDOW_CHARS && r < len; k++) {
        size_t p = r;
        uint32_t c = zn__utf8_next(s, len, &p);
        if (!zn__cp_is_han(c)) {
            break;
        }
        r = p;
    }
    memcpy(w->b + w->len, s + after, r - after);
    w->len += r - after;
}

void zn__window_swap(window *w, uint32_t cp)
{
    char enc[4];
    size_t n = zn__utf8_encode(cp, enc);
    size_t old = w->c1 - w->c0;
    memmove(w->b + w->c0 + n, w->b + w->c1, w->len - w->c1);
    memcpy(w->b + w->c0, enc, n);
    w->len = w->len - old + n;
    w->c1 = w->c0 + n;
}

