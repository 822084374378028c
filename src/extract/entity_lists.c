/* SPDX-License-Identifier: MIT
 * Types and names from the sentence around a name: a head noun in apposition (无人机企业大疆
 * 创新, 互联网巨头ATJ, 腾讯作为企业), lists closed by a head noun (甲、乙等一大批企业), list
 * abbreviations (ATJ(阿里巴巴、腾讯、京东)) and short names declared in brackets (以下简称). */
#include "extract/entity_find.h"

#define MAX_MEMBER_CHARS 10
#define MAX_QUANTITY_CHARS 4

static bool is_org_head(const zn__ent_word *h)
{
    return h != NULL && (h->flags & ZN__ENT_HEAD) && h->head_type != ZN_ENTITY_PLACE;
}

static bool is_sep(uint32_t c)
{
    return c == 0x3001; // 、 (a comma ends a clause, not a list item)
}

static bool is_upper_at(const ent_doc *d, size_t i)
{
    char c = d->text[d->off[i]];
    return c >= 'A' && c <= 'Z';
}

// The best candidate beginning (or ending) exactly at position p; SIZE_MAX if none.
static size_t cand_at(const ent_doc *d, size_t p, bool ending)
{
    size_t best = SIZE_MAX;
    for (size_t i = 0; i < d->n_cands; i++) {
        const ent_cand *c = &d->cands[i];
        if ((ending ? c->end : c->start) != p) {
            continue;
        }
        if (best == SIZE_MAX || c->prio > d->cands[best].prio ||
            (c->prio == d->cands[best].prio &&
             c->end - c->start > d->cands[best].end - d->cands[best].start)) {
            best = i;
        }
    }
    return best;
}

// A member of a list at [s, e): trimmed of spaces, of a sane length, without punctuation.
static bool member_ok(const ent_doc *d, size_t s, size_t e)
{
    if (e <= s || e - s > MAX_MEMBER_CHARS) {
        return false;
    }
    for (size_t i = s; i < e; i++) {
        uint32_t c = d->fold[i];
        if (!zn__ent_is_han(c) && !zn__ent_is_latin(c) && !zn__ent_is_digit(c)) {
            return false;
        }
    }
    return !zn__ent_span_is(d, s, e, ZN__ENT_GENERIC | ZN__ENT_HEAD | ZN__ENT_TITLE);
}

// Start of the first member of a list whose first separator is at `sep`: the name
// characters right before it, no longer than the longest other member and two more (the
// tagger's words are unreliable right there: 催生了大疆创新 is cut 大疆/创新).
static size_t first_member_start(const ent_doc *d, size_t sep, size_t longest)
{
    size_t s = sep;
    while (s > 0 && sep - s < longest + 2 && zn__ent_is_han(d->fold[s - 1]) &&
           !zn__ent_span_is(d, s - 1, s, ZN__ENT_NONNAME)) {
        size_t hs;
        if (zn__ent_word_ending(d, s, ZN__ENT_HEAD | ZN__ENT_TITLE | ZN__ENT_CUE, &hs) > 0 &&
            s < sep) {
            break;
        }
        s--;
    }
    return s;
}

// Members of the list that ends at `end` (exclusive), walking back over separators.
static zn_status type_members(ent_doc *d, size_t end, unsigned type)
{
    size_t e = end;
    size_t found = 0;
    size_t longest = 0;
    for (;;) {
        size_t s = e;
        while (s > 0 && !is_sep(d->fold[s - 1]) && e - s <= MAX_MEMBER_CHARS) {
            s--;
        }
        if (s == 0 || !is_sep(d->fold[s - 1])) {
            if (found == 0) {
                return ZN_OK;
            }
            s = first_member_start(d, e, longest);
            if (member_ok(d, s, e)) {
                return zn__ent_add(d, s, e, type, PRIO_GRAMMAR);
            }
            return ZN_OK;
        }
        if (!member_ok(d, s, e)) {
            return ZN_OK;
        }
        if (zn__ent_add(d, s, e, type, PRIO_GRAMMAR) != ZN_OK) {
            return ZN_ERR_NOMEM;
        }
        found++;
        longest = e - s > longest ? e - s : longest;
        e = s - 1;
    }
}

// 等 (U+7B49), then a few quantity characters, then a head noun: 等一大批独角兽企业.
static zn_status lists_with_heads(ent_doc *d)
{
    if (!zn__ent_doc_has(d, ZN__ENT_HEAD)) {
        return ZN_OK;
    }
    // from one 等 to the next (a text without any: one scan that finds none)
    for (size_t i = zn__ent_index_scan(d, 1, 0x7B49); i != SIZE_MAX;
         i = zn__ent_index_scan(d, i + 1, 0x7B49)) {
        for (size_t q = i + 1; q <= i + 1 + MAX_QUANTITY_CHARS && q < d->n; q++) {
            size_t k = zn__ent_word_starting(d, q, ZN__ENT_HEAD);
            const zn__ent_word *h = k > 0 ? zn__ent_span_word(d, q, q + k) : NULL;
            if (is_org_head(h)) {
                if (type_members(d, i, h->head_type) != ZN_OK) {
                    return ZN_ERR_NOMEM;
                }
                break;
            }
            if (!zn__ent_is_han(d->fold[q])) {
                break;
            }
        }
    }
    return ZN_OK;
}

// End of a Latin capital abbreviation starting at i, or i when there is none.
static size_t abbrev_end(const ent_doc *d, size_t i)
{
    if (d->fold[i] < 'a' || d->fold[i] > 'z') {
        return i; // a capital folds to a lowercase ASCII letter
    }
    size_t e = i;
    while (e < d->n && is_upper_at(d, e)) {
        e++;
    }
    if (e - i < 2 || (i > 0 && zn__ent_is_latin(d->fold[i - 1])) ||
        (e < d->n && zn__ent_is_latin(d->fold[e]))) {
        return i;
    }
    return e;
}

// Head noun right before [s, e) (互联网巨头ATJ): its type, or -1.
static int head_before(const ent_doc *d, size_t s)
{
    size_t hs;
    if (zn__ent_word_ending(d, s, ZN__ENT_HEAD, &hs) == 0) {
        return -1;
    }
    const zn__ent_word *h = zn__ent_span_word(d, hs, s);
    return is_org_head(h) ? h->head_type : -1;
}

// ATJ(阿里巴巴、腾讯、京东): the abbreviation, its members and links between them.
static zn_status list_abbreviation(ent_doc *d, size_t s, size_t e)
{
    if (e >= d->n || d->fold[e] != '(') {
        return ZN_OK;
    }
    size_t close = e + 1;
    size_t seps = 0;
    while (close < d->n && d->fold[close] != ')' && close - e < 8 * MAX_MEMBER_CHARS) {
        seps += is_sep(d->fold[close]);
        close++;
    }
    if (close >= d->n || d->fold[close] != ')' || seps == 0) {
        return ZN_OK;
    }
    int type = head_before(d, s);
    unsigned t = type >= 0 ? (unsigned)type : ZN_ENTITY_ORGANIZATION;
    size_t ms = e + 1;
    for (size_t i = e + 1; i <= close; i++) {
        if (i < close && !is_sep(d->fold[i])) {
            continue;
        }
        if (!member_ok(d, ms, i)) {
            return ZN_OK; // stop at the first member that is not a name
        }
        int own = zn__ent_type_of(d, ms, i);
        unsigned mt = type < 0 && own >= 0 ? (unsigned)own : t;
        if (zn__ent_add(d, ms, i, mt, PRIO_GRAMMAR) != ZN_OK ||
            zn__ent_link(d, LINK_MEMBER, s, e, ms, i) != ZN_OK) {
            return ZN_ERR_NOMEM;
        }
        ms = i + 1;
    }
    return zn__ent_add(d, s, e, t, PRIO_GRAMMAR);
}

// A name after a head noun (无人机企业大疆创新): the tokenizer's or tagger's word at i, when a
// head noun ends there.
static zn_status after_head(ent_doc *d, size_t i)
{
    if (!d->analysed || d->words[d->word_of[i]].start != i) {
        return ZN_OK; // the rest needs a head noun before the word
    }
    const ent_word *w = &d->words[d->word_of[i]];
    if ((w->pos != POS_NZ && w->pos != POS_ORG && w->pos != POS_UNK) || w->end - w->start < 2) {
        return ZN_OK; // the word first: asking for the head noun costs more
    }
    int t = head_before(d, i);
    if (t >= 0 && cand_at(d, i, false) == SIZE_MAX) {
        return zn__ent_add(d, w->start, w->end, (unsigned)t, PRIO_GRAMMAR);
    }
    return ZN_OK;
}

static zn_status apposition(ent_doc *d)
{
    bool heads = zn__ent_doc_has(d, ZN__ENT_HEAD);
    if (!heads && !d->has_latin) {
        return ZN_OK; // neither a capital abbreviation nor a head noun
    }
    if (!d->has_latin) {
        // no abbreviation in the text: only the positions where a head noun ends, visited
        // from bit to bit of their mask
        for (size_t base = 0; base < d->n; base += 64) {
            uint64_t bits = zn__ent_flag_bits(d->end_flags, base, d->n, ZN__ENT_HEAD);
            for (; bits != 0; bits &= bits - 1) {
                if (after_head(d, base + (size_t)__builtin_ctzll(bits)) != ZN_OK) {
                    return ZN_ERR_NOMEM;
                }
            }
        }
        return ZN_OK;
    }
    for (size_t i = 0; i < d->n; i++) {
        size_t e = abbrev_end(d, i);
        if (e > i && (i == 0 || !zn__ent_is_latin(d->fold[i - 1]))) {
            int t = head_before(d, i);
            if (list_abbreviation(d, i, e) != ZN_OK ||
                (t >= 0 && zn__ent_add(d, i, e, (unsigned)t, PRIO_GRAMMAR) != ZN_OK)) {
                return ZN_ERR_NOMEM;
            }
            i = e - 1;
            continue;
        }
        if (heads && (d->end_flags[i] & ZN__ENT_HEAD) && after_head(d, i) != ZN_OK) {
            return ZN_ERR_NOMEM;
        }
    }
    return ZN_OK;
}

// X作为企业 (作为 U+4F5C U+4E3A): X is of the head's type.
static zn_status as_head(ent_doc *d)
{
    if (!zn__ent_doc_has(d, ZN__ENT_HEAD)) {
        return ZN_OK;
    }
    for (size_t i = zn__ent_index_scan(d, 1, 0x4F5C); i != SIZE_MAX && i + 2 < d->n;
         i = zn__ent_index_scan(d, i + 1, 0x4F5C)) {
        if (d->fold[i + 1] != 0x4E3A) {
            continue;
        }
        size_t k = zn__ent_word_starting(d, i + 2, ZN__ENT_HEAD);
        const zn__ent_word *h = k > 0 ? zn__ent_span_word(d, i + 2, i + 2 + k) : NULL;
        if (!is_org_head(h) || !d->analysed) {
            continue;
        }
        const ent_word *w = &d->words[d->word_of[i - 1]];
        if (w->end == i && w->end - w->start >= 2 &&
            (w->pos == POS_NZ || w->pos == POS_ORG || w->pos == POS_NT || w->pos == POS_UNK)) {
            if (zn__ent_add(d, w->start, w->end, h->head_type, PRIO_GRAMMAR) != ZN_OK) {
                return ZN_ERR_NOMEM;
            }
        }
    }
    return ZN_OK;
}

// (以下简称「X」), (简称X), (下称X): X names the candidate that ends at the bracket.
// 简称 U+7B80 U+79F0, 下称 U+4E0B U+79F0.
static zn_status declared_names(ent_doc *d)
{
    if (d->n_cands == 0) {
        return ZN_OK; // no candidate to name (a third of news lines): 称 is not looked for
    }
    for (size_t c = zn__ent_index_scan(d, 2, 0x79F0); c != SIZE_MAX && c + 2 < d->n;
         c = zn__ent_index_scan(d, c + 1, 0x79F0)) {
        size_t i = c - 1; // 简 or 下 before 称
        if (d->fold[i] != 0x7B80 && d->fold[i] != 0x4E0B) {
            continue;
        }
        size_t open = i;
        while (open > 0 && i - open < 3 && d->fold[open] != '(') {
            open--;
        }
        size_t owner = d->fold[open] == '(' ? cand_at(d, open, true) : SIZE_MAX;
        if (owner == SIZE_MAX) {
            continue;
        }
        size_t s = i + 2;
        while (s < d->n && !zn__ent_is_han(d->fold[s]) && !zn__ent_is_latin(d->fold[s]) &&
               d->fold[s] != ')') {
            s++; // opening quotes: 「 “ " 『
        }
        size_t e = s;
        while (e < d->n && (zn__ent_is_han(d->fold[e]) || is_upper_at(d, e) ||
                            zn__ent_is_latin(d->fold[e])) && e - s < MAX_MEMBER_CHARS) {
            e++;
        }
        if (e == s || e >= d->n) {
            continue;
        }
        ent_cand o = d->cands[owner];
        if (zn__ent_add(d, s, e, o.type, PRIO_GRAMMAR) != ZN_OK ||
            zn__ent_link(d, LINK_ALIAS, o.start, o.end, s, e) != ZN_OK) {
            return ZN_ERR_NOMEM;
        }
    }
    return ZN_OK;
}

zn_status zn__ent_find_lists(ent_doc *d)
{
    if (lists_with_heads(d) != ZN_OK || apposition(d) != ZN_OK || as_head(d) != ZN_OK ||
        declared_names(d) != ZN_OK) {
        return ZN_ERR_NOMEM;
    }
    return ZN_OK;
}
