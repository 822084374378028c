/* SPDX-License-Identifier: MIT
 * Names that continue past a found name: a parenthesised branch (香港中文大学(深圳)), a Latin
 * lab name after its owner (腾讯AI Lab, 腾讯 AI lab), and a party congress after the party
 * (致公党第十一次全国代表大会, 中共十五大). */
#include <string.h>

#include "extract/entity_find.h"

#define MAX_BRANCH_CHARS 6

static bool is_org_type(unsigned t)
{
    return t != ZN_ENTITY_PERSON && t != ZN_ENTITY_PLACE;
}

// [s, e) of a parenthesised place right after position e0, or false.
static bool branch_after(const ent_doc *d, size_t e0, size_t *close)
{
    if (e0 >= d->n || d->fold[e0] != '(') {
        return false;
    }
    size_t i = e0 + 1;
    while (i < d->n && i - e0 <= MAX_BRANCH_CHARS && zn__ent_is_han(d->fold[i])) {
        i++;
    }
    if (i >= d->n || d->fold[i] != ')' || i == e0 + 1) {
        return false;
    }
    bool place = zn__ent_type_of(d, e0 + 1, i) == ZN_ENTITY_PLACE ||
                 zn__ent_span_is(d, e0 + 1, i, ZN__ENT_REGION | ZN__ENT_ABBREV);
    if (!place && d->analysed) {
        const ent_word *w = &d->words[d->word_of[e0 + 1]];
        place = (w->pos == POS_NS || w->pos == POS_LOC) && w->end == i;
    }
    if (!place && !d->analysed) {
        place = i - e0 - 1 <= 3; // 深圳, 威海: short Han text in brackets after a school
    }
    *close = i + 1;
    return place;
}

static bool is_latin_word_char(uint32_t c)
{
    return zn__ent_is_latin(c) || zn__ent_is_digit(c);
}

// For a Latin suffix word (lab, labs, inc) at [ls, le): the start of the Latin name before
// it (AI in "AI Lab"), skipping single spaces; then the owner must end right there.
static size_t latin_name_start(const ent_doc *d, size_t ls)
{
    size_t i = ls;
    while (i > 0) {
        size_t j = i;
        if (d->fold[j - 1] == ' ') {
            j--;
        }
        if (j == 0 || !is_latin_word_char(d->fold[j - 1])) {
            break;
        }
        while (j > 0 && is_latin_word_char(d->fold[j - 1])) {
            j--;
        }
        i = j;
    }
    return i;
}

// The owner of a Latin lab name ending at e (skipping one space): a name candidate, or a
// proper or unknown word; returns its start or SIZE_MAX.
static size_t owner_before(const ent_doc *d, size_t e)
{
    if (e > 0 && d->fold[e - 1] == ' ') {
        e--;
    }
    if (e == 0 || !zn__ent_is_han(d->fold[e - 1])) {
        return SIZE_MAX;
    }
    size_t best = SIZE_MAX;
    for (size_t i = 0; i < d->n_cands; i++) {
        const ent_cand *c = &d->cands[i];
        if (c->end == e && is_org_type(c->type) && (best == SIZE_MAX || c->start < best)) {
            best = c->start;
        }
    }
    if (best != SIZE_MAX) {
        return best;
    }
    // a name found elsewhere in the text (腾讯 of a list) right before the Latin words
    for (size_t k = 4; k >= 2; k--) {
        if (k > e || !zn__ent_is_han(d->fold[e - k])) {
            continue;
        }
        for (size_t i = 0; i < d->n_cands; i++) {
            const ent_cand *c = &d->cands[i];
            if (c->end - c->start == k && is_org_type(c->type) &&
                memcmp(d->fold + c->start, d->fold + e - k, k * sizeof *d->fold) == 0) {
                return e - k;
            }
        }
    }
    const ent_word *w = &d->words[d->word_of[e - 1]];
    if (d->analysed && w->start < e &&
        (w->pos == POS_NZ || w->pos == POS_ORG || w->pos == POS_NT || w->pos == POS_UNK ||
         w->pos == POS_N) && w->end - w->start >= 2) {
        return w->start;
    }
    return SIZE_MAX;
}

static zn_status latin_names(ent_doc *d)
{
    if (!d->has_latin) {
        return ZN_OK;
    }
    for (size_t i = 0; i < d->n; i++) {
        if (!zn__ent_is_latin(d->fold[i]) || (i > 0 && is_latin_word_char(d->fold[i - 1]))) {
            continue;
        }
        size_t e = i;
        while (e < d->n && is_latin_word_char(d->fold[e])) {
            e++;
        }
        const zn__ent_word *w = zn__ent_span_word(d, i, e);
        if (w == NULL || !(w->flags & ZN__ENT_SUFFIX)) {
            continue;
        }
        size_t owner = owner_before(d, latin_name_start(d, i));
        if (owner != SIZE_MAX &&
            zn__ent_add(d, owner, e, w->suffix_type, PRIO_EXTENDED) != ZN_OK) {
            return ZN_ERR_NOMEM;
        }
    }
    return ZN_OK;
}

#define NUMERAL_BITS 6 /* 13 numerals in 64 slots: no two share one */
#define NUMERAL(c) [ZN__ENT_CP_SLOT(c, NUMERAL_BITS)] = (c)

bool zn__ent_is_numeral(uint32_t c)
{
    static const uint16_t numerals[1u << NUMERAL_BITS] = { // 〇 一 二 三 四 五 六 七 八 九 十 百 零
        NUMERAL(0x3007), NUMERAL(0x4E00), NUMERAL(0x4E8C), NUMERAL(0x4E09), NUMERAL(0x56DB),
        NUMERAL(0x4E94), NUMERAL(0x516D), NUMERAL(0x4E03), NUMERAL(0x516B), NUMERAL(0x4E5D),
        NUMERAL(0x5341), NUMERAL(0x767E), NUMERAL(0x96F6),
    };
    return zn__ent_cp_in(numerals, NUMERAL_BITS, c) || zn__ent_is_digit(c);
}

// Length of a congress after a party name at e: 第 N 次|届 全国 代表大会|大会|全会, or N 大
// (十五大). 0 when none.
static size_t congress_after(const ent_doc *d, size_t e)
{
    size_t i = e;
    if (i < d->n && d->fold[i] == 0x7B2C) { // 第
        i++;
    }
    size_t nums = i;
    while (i < d->n && zn__ent_is_numeral(d->fold[i])) {
        i++;
    }
    if (i == nums) {
        return 0;
    }
    if (i < d->n && d->fold[i] == 0x5927 && d->fold[nums] == 0x5341) { // 十…大
        return i + 1 - e;
    }
    if (i < d->n && (d->fold[i] == 0x6B21 || d->fold[i] == 0x5C4A)) { // 次 届
        i++;
    }
    if (i + 1 < d->n && d->fold[i] == 0x5168 && d->fold[i + 1] == 0x56FD) { // 全国
        i += 2;
    }
    // 代表大会 大会 全会 (U+4EE3 U+8868 U+5927 U+4F1A; U+5927 U+4F1A; U+5168 U+4F1A)
    if (i + 3 < d->n && d->fold[i] == 0x4EE3 && d->fold[i + 1] == 0x8868 &&
        d->fold[i + 2] == 0x5927 && d->fold[i + 3] == 0x4F1A) {
        return i + 4 - e;
    }
    if (i + 1 < d->n && (d->fold[i] == 0x5927 || d->fold[i] == 0x5168) &&
        d->fold[i + 1] == 0x4F1A) {
        return i + 2 - e;
    }
    return 0;
}

// A party congress named alone by its number: 十五大 (十 U+5341, 大 U+5927). Plain 十大
// ("top ten") is not one.
static zn_status numbered_congresses(ent_doc *d)
{
    for (size_t i = zn__ent_index_scan(d, 0, 0x5341); i != SIZE_MAX && i + 2 < d->n;
         i = zn__ent_index_scan(d, i + 1, 0x5341)) {
        if (d->fold[i + 2] != 0x5927 ||
            !zn__ent_is_numeral(d->fold[i + 1]) || d->fold[i + 1] == 0x5341 ||
            (i > 0 && zn__ent_is_numeral(d->fold[i - 1]))) {
            continue;
        }
        if (zn__ent_add(d, i, i + 3, ZN_ENTITY_ORGANIZATION, PRIO_TAGGER) != ZN_OK) {
            return ZN_ERR_NOMEM;
        }
    }
    return ZN_OK;
}

// 1 when one of the first n candidates is a strong place, else 0.
static int has_strong_place(const ent_doc *d, size_t n)
{
    for (size_t j = 0; j < n; j++) {
        if (d->cands[j].type == ZN_ENTITY_PLACE && d->cands[j].prio >= PRIO_TAGGER) {
            return 1;
        }
    }
    return 0;
}

zn_status zn__ent_find_extended(ent_doc *d)
{
    if (numbered_congresses(d) != ZN_OK) {
        return ZN_ERR_NOMEM;
    }
    size_t n = d->n_cands;
    // Strong places (a country pair, a tagger's place) can name a body's owner below; most
    // texts have none, and their listed bodies need no search for one. Asked at the first
    // listed body (-1: not asked yet).
    int strong_place = -1;
    for (size_t i = 0; i < n; i++) {
        ent_cand c = d->cands[i];
        if (!is_org_type(c.type)) {
            continue;
        }
        size_t close;
        if (branch_after(d, c.end, &close) &&
            zn__ent_add(d, c.start, close, c.type, PRIO_EXTENDED) != ZN_OK) {
            return ZN_ERR_NOMEM;
        }
        // 中国 + 共产党, 俄罗斯 + 外交部: a place before a listed body names whose it is
        if (c.start > 0 && strong_place != 0 && zn__ent_span_is(d, c.start, c.end, ZN__ENT_NAME) &&
            (strong_place > 0 || (strong_place = has_strong_place(d, n)) > 0)) {
            for (size_t j = 0; j < n; j++) {
                const ent_cand *p = &d->cands[j];
                if (p->end == c.start && p->type == ZN_ENTITY_PLACE && p->prio >= PRIO_TAGGER &&
                    zn__ent_add(d, p->start, c.end, c.type, PRIO_EXTENDED) != ZN_OK) {
                    return ZN_ERR_NOMEM;
                }
            }
        }
        size_t k = congress_after(d, c.end);
        if (k > 0 && zn__ent_add(d, c.start, c.end + k, ZN_ENTITY_ORGANIZATION,
                                 PRIO_EXTENDED) != ZN_OK) {
            return ZN_ERR_NOMEM;
        }
    }
    return latin_names(d);
}
