/* SPDX-License-Identifier: MIT
 * Cleaning the chosen mentions (selection's second step, after entity_select.c has chosen
 * them): lists split at 、 and clause breaks cut, titles trimmed (江主席 → 江), places cut to
 * their names (美国政府 → 美国), compounds split (中美 → 中 + 美), generic phrases dropped. */
#include "extract/entity_find.h"

#define MAX_NAMES 12

// Characters a mention never spans: list and clause punctuation, line breaks.
static bool is_sep(uint32_t c)
{
    if (c > 0x3002) {
        return c == 0xFF0C; // most characters (Han) are above the others
    }
    return c == 0x3001 || c == ',' || c == 0x3002 || c == ';' || c == ':' || c == '!' ||
           c == '?' || c == '\n' || c == '\r' || c == '\t' || c == 0xFF0C;
}

// A space between two Han characters separates words; beside Latin it may not (腾讯 AI lab).
static bool han_space(const ent_doc *d, size_t i)
{
    return d->fold[i] == ' ' && i > 0 && i + 1 < d->n && !zn__ent_is_latin(d->fold[i - 1]) &&
           !zn__ent_is_latin(d->fold[i + 1]);
}

// An organisation mention made of generic words and a suffix (联合实验室, 重点实验室).
static bool is_generic(const ent_doc *d, const ent_cand *c)
{
    if (zn__ent_span_is(d, c->start, c->end, ZN__ENT_NAME)) {
        return false;
    }
    if (zn__ent_all_generic(d, c->start, c->end) ||
        (c->type != ZN_ENTITY_PERSON && d->fold[c->end - 1] == 0x65CF)) {
        return true; // ethnic groups (壮族, 满族: 族 U+65CF) are not organisations
    }
    size_t ss;
    if (c->type == ZN_ENTITY_PERSON || c->type == ZN_ENTITY_PLACE ||
        zn__ent_word_ending(d, c->end, ZN__ENT_SUFFIX, &ss) == 0 || ss < c->start) {
        return false;
    }
    if (ss == c->start) {
        // a bare suffix: a name only when listed (国务院) or when the tagger saw a long one
        // (委员会 for a committee named before)
        return !zn__ent_span_is(d, c->start, c->end, ZN__ENT_NAME) &&
               (c->prio < PRIO_TAGGER || c->end - c->start < 3 ||
                c->prio == PRIO_LEXICON);
    }
    return zn__ent_all_generic(d, c->start, ss);
}

static bool all_abbrev(const ent_doc *d, size_t s, size_t e)
{
    for (size_t i = s; i < e; i++) {
        if (!zn__ent_span_is(d, i, i + 1, ZN__ENT_ABBREV)) {
            return false;
        }
    }
    return true;
}

// 东 西 南 北 中 (U+4E1C U+897F U+5357 U+5317 U+4E2D)
static bool is_direction(uint32_t c)
{
    return c == 0x4E1C || c == 0x897F || c == 0x5357 || c == 0x5317 || c == 0x4E2D;
}

// Cuts what is not part of a place's name off its end: 美国政府 → 美国 (政府 U+653F U+5E9C:
// a government is named by its place), 亚太地区 → 亚太 (地区 U+5730 U+533A), 深圳市东部 →
// 深圳市 (东 西 南 北 中 + 部 U+90E8).
static void trim_place(const ent_doc *d, ent_cand *c)
{
    size_t len = c->end - c->start;
    if (c->type != ZN_ENTITY_PERSON && c->type != ZN_ENTITY_PLACE && len >= 4 &&
        d->fold[c->end - 2] == 0x653F && d->fold[c->end - 1] == 0x5E9C &&
        (zn__ent_type_of(d, c->start, c->end - 2) == ZN_ENTITY_PLACE ||
         zn__ent_lexicon_tag_is(d, c->start, c->end - 2, "ns"))) {
        c->end -= 2;
        c->type = ZN_ENTITY_PLACE;
        len -= 2;
    }
    if (c->type == ZN_ENTITY_PLACE && len >= 4 && d->fold[c->end - 2] == 0x5730 &&
        d->fold[c->end - 1] == 0x533A) {
        c->end -= 2;
        len -= 2;
    }
    if (c->type == ZN_ENTITY_PLACE && len >= 4 && d->fold[c->end - 1] == 0x90E8 &&
        is_direction(d->fold[c->end - 2])) {
        c->end -= len >= 5 && is_direction(d->fold[c->end - 3]) ? 3 : 2;
    }
}

// Cuts titles off a name: 江主席 → 江, 江泽民主席 → 江泽民, 中央军委委员 → 中央军委,
// 特别助理王建明 → 王建明.
static void trim_titles(const ent_doc *d, ent_cand *c)
{
    size_t ts;
    if (c->type != ZN_ENTITY_PLACE && c->end - c->start >= 2 &&
        zn__ent_word_ending(d, c->end, ZN__ENT_TITLE, &ts) > 0 && ts > c->start &&
        (c->type == ZN_ENTITY_PERSON || ts - c->start >= 3)) {
        c->end = ts;
    }
    if (c->type == ZN_ENTITY_PERSON) {
        size_t k = zn__ent_word_starting(d, c->start, ZN__ENT_TITLE);
        if (k > 0 && c->end - c->start - k >= 2) {
            c->start += k;
        }
    }
}

// Compounds of one-character country names (中美 → 中 + 美; with a province or Hong Kong,
// 粤港澳, no place at all) and runs of Chinese names (张建国李明华): appends the members
// and returns true, or returns false.
static bool split_members(const ent_doc *d, ent_cand c, ent_cand *out, size_t *n, size_t cap)
{
    size_t len = c.end - c.start;
    if (c.type == ZN_ENTITY_PLACE && len >= 2 && len <= 3 && all_abbrev(d, c.start, c.end) &&
        !zn__ent_span_is(d, c.start, c.end, ZN__ENT_REGION)) {
        for (size_t i = c.start; i < c.end; i++) {
            if (zn__ent_span_is(d, i, i + 1, ZN__ENT_LOCAL)) {
                return true;
            }
        }
        for (size_t i = c.start; i < c.end && *n < cap; i++) {
            out[(*n)++] = (ent_cand){i, i + 1, c.type, c.prio};
        }
        return true;
    }
    if (c.type != ZN_ENTITY_PERSON || len > 2 * MAX_NAMES) {
        return false;
    }
    size_t cuts[MAX_NAMES + 1];
    size_t n_names = zn__ent_split_names(d, c.start, c.end, cuts);
    for (size_t i = 0; i < n_names && *n < cap; i++) {
        out[(*n)++] = (ent_cand){cuts[i], cuts[i + 1], c.type, c.prio};
    }
    return n_names > 0;
}

// Splits one chosen mention into the mentions it really is; appends them to out.
static void clean_one(const ent_doc *d, ent_cand c, ent_cand *out, size_t *n, size_t cap)
{
    trim_place(d, &c);
    // the lengths first: a compound has two or three characters, a run of names five or more
    if (c.type == ZN_ENTITY_PLACE && c.end - c.start - 2 <= 1 &&
        split_members(d, c, out, n, cap)) {
        return;
    }
    trim_titles(d, &c);
    // People only: a place is split above, or not at all (trim_titles leaves places alone),
    // and other mentions never
    if (c.type == ZN_ENTITY_PERSON && c.end - c.start >= 5 && split_members(d, c, out, n, cap)) {
        return;
    }
    // Most mentions hold no separator and no space: one piece, the mention itself. Most are
    // all Han, which needs no look at each character.
    bool plain = true;
    for (size_t i = zn__ent_all_common_han(d, c.start, c.end) ? c.end : c.start; i < c.end;
         i++) {
        uint32_t f = d->fold[i];
        if (f - 0x3003 < 0xFF0C - 0x3003) {
            continue; // U+3003-U+FF0B, Han among them: neither a separator nor a space
        }
        if (is_sep(f) || f == ' ') {
            plain = false;
            break;
        }
    }
    if (plain) {
        if (c.end > c.start && *n < cap && !zn__ent_span_is(d, c.start, c.end, ZN__ENT_TITLE) &&
            !is_generic(d, &c)) {
            out[(*n)++] = c;
        }
        return;
    }
    // Across a clause break only the last piece can be the name (the tagger joined words).
    for (size_t i = c.end; i-- > c.start;) {
        if ((is_sep(d->fold[i]) && d->fold[i] != 0x3001) || han_space(d, i)) {
            c.start = i + 1;
            break;
        }
    }
    size_t s = c.start;
    for (size_t i = c.start; i <= c.end; i++) {
        if (i < c.end && !is_sep(d->fold[i])) {
            continue;
        }
        size_t e = i;
        while (s < e && d->fold[s] == ' ') {
            s++;
        }
        while (e > s && d->fold[e - 1] == ' ') {
            e--;
        }
        ent_cand piece = {s, e, c.type, c.prio};
        if (e > s && *n < cap && !zn__ent_span_is(d, s, e, ZN__ENT_TITLE) &&
            !is_generic(d, &piece)) {
            out[(*n)++] = piece;
        }
        s = i + 1;
    }
}

size_t zn__ent_clean(const ent_doc *d, const ent_cand *chosen, size_t n, ent_cand *out,
                     size_t cap)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        clean_one(d, chosen[i], out, &m, cap);
    }
    return m;
}
