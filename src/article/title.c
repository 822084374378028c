/* SPDX-License-Identifier: MIT
 * Choosing the headline: among the short lines before the byline, the one the rest of the
 * article is most about (shared character pairs with the body), and its trailing tag words. */
#include "article/title.h"

#include <string.h>

#include "util/utf8.h"

// A line that could be a headline: short, not a sentence, mostly Han, not a lone word.
static bool could_be_title(const art_line *l)
{
    return l->kind == LINE_UNKNOWN && l->chars <= 64 && l->chars >= 4 && !l->ends_sentence &&
           l->han * 2 >= l->chars && !(l->chars <= 5 && l->han == l->chars);
}

// Fraction of the line's Han bigrams that occur in the body lines after it.
static double body_overlap(const art_line *lines, size_t n, size_t at)
{
    const art_line *t = &lines[at];
    size_t pairs = 0;
    size_t found = 0;
    size_t pos = 0;
    size_t prev = SIZE_MAX;
    uint32_t prev_cp = 0;
    while (pos < t->len) {
        size_t start = pos;
        uint32_t cp = zn__utf8_next(t->s, t->len, &pos);
        if (zn__cp_is_han(cp) && zn__cp_is_han(prev_cp) && prev != SIZE_MAX) {
            pairs++;
            for (size_t i = at + 1; i < n; i++) {
                if (lines[i].kind == LINE_BOILERPLATE) {
                    continue;
                }
                if (memmem(lines[i].s, lines[i].len, t->s + prev, pos - prev) != NULL) {
                    found++;
                    break;
                }
            }
        }
        prev = start;
        prev_cp = cp;
    }
    return pairs ? (double)found / (double)pairs : 0.0;
}

size_t zn__art_pick_title(const art_line *lines, size_t n, size_t limit)
{
    size_t best = SIZE_MAX;
    double best_score = 0.0;
    for (size_t i = 0; i < limit && i < n; i++) {
        if (!could_be_title(&lines[i])) {
            continue;
        }
        double score = body_overlap(lines, n, i);
        // Prefer early lines a little: the headline comes before the body.
        score -= 0.02 * (double)i;
        if (score > best_score + 1e-9) {
            best_score = score;
            best = i;
        }
    }
    return best_score >= 0.15 ? best : SIZE_MAX;
}

static bool body_contains(const art_line *lines, size_t n, size_t after, const char *s, size_t len)
{
    for (size_t i = after + 1; i < n; i++) {
        if (lines[i].kind != LINE_BOILERPLATE && memmem(lines[i].s, lines[i].len, s, len)) {
            return true;
        }
    }
    return false;
}

size_t zn__art_split_tags(const art_line *lines, size_t n, size_t at, zn_span *tags,
                          size_t max_tags, size_t *n_tags)
{
    const art_line *t = &lines[at];
    zn_span seg[32];
    size_t nseg = 0;
    size_t pos = 0;
    size_t seg_start = SIZE_MAX;
    while (pos <= t->len && nseg < 32) {
        size_t at_byte = pos;
        uint32_t cp = pos < t->len ? zn__utf8_next(t->s, t->len, &pos) : ' ';
        if (pos == at_byte) {
            pos++; // end of line sentinel
        }
        if (zn__cp_is_space(cp)) {
            if (seg_start != SIZE_MAX) {
                seg[nseg++] = (zn_span){seg_start, at_byte};
                seg_start = SIZE_MAX;
            }
        } else if (seg_start == SIZE_MAX) {
            seg_start = at_byte;
        }
    }
    *n_tags = 0;
    if (nseg < 3) {
        return t->len; // a headline and one short segment: too little to call it a tag
    }
    // The run of short trailing segments; it counts as tags when it has two or more words,
    // one of which the article talks about, and a headline of 4+ characters remains.
    size_t keep = nseg;
    bool any_in_body = false;
    while (keep > 1) {
        zn_span s = seg[keep - 1];
        size_t chars = zn__utf8_count(t->s + s.start, s.end - s.start);
        bool han_only = true;
        size_t p = s.start;
        while (p < s.end) {
            uint32_t cp = zn__utf8_next(t->s, s.end, &p);
            han_only = han_only && (zn__cp_is_han(cp) || (cp < 0x80 && cp != '|'));
        }
        if (chars > 6 || !han_only) {
            break;
        }
        any_in_body = any_in_body || body_contains(lines, n, at, t->s + s.start, s.end - s.start);
        keep--;
    }
    size_t title_end = seg[keep - 1].end;
    if (nseg - keep < 2 || !any_in_body || zn__utf8_count(t->s, title_end) < 4) {
        return t->len;
    }
    for (size_t i = keep; i < nseg && *n_tags < max_tags; i++) {
        tags[(*n_tags)++] = seg[i];
    }
    return title_end;
}
