/* SPDX-License-Identifier: MIT
 * People that no lexicon lists (罗智泉, 张潼): a surname and one or two given-name characters
 * right after a role title (副校长罗智泉, 记者 戴春晨) or right before a cue word (周林生认为). */
#include "extract/entity_find.h"

// True when a given name cannot go on at position i: end of text, a character that is not
// Han, a character that never ends a name, or the start of a cue word or title.
static bool name_boundary(const ent_doc *d, size_t i)
{
    if (i >= d->n || !zn__ent_is_han(d->fold[i])) {
        return true;
    }
    return zn__ent_span_is(d, i, i + 1, ZN__ENT_NONNAME) ||
           zn__ent_word_starting(d, i, ZN__ENT_CUE | ZN__ENT_TITLE) > 0;
}

static bool given_ok(const ent_doc *d, size_t s, size_t e)
{
    for (size_t i = s; i < e; i++) {
        if (i >= d->n || !zn__ent_is_han(d->fold[i]) ||
            zn__ent_span_is(d, i, i + 1, ZN__ENT_NONNAME)) {
            return false;
        }
    }
    return true;
}

static size_t surname_len(const ent_doc *d, size_t s)
{
    if (s + 2 <= d->n && zn__ent_span_is(d, s, s + 2, ZN__ENT_SURNAME)) {
        return 2;
    }
    return s < d->n && zn__ent_span_is(d, s, s + 1, ZN__ENT_SURNAME) ? 1 : 0;
}

// A common word of the lexicon that is not a name (国家, 高校) is not a person.
static bool is_common_word(const ent_doc *d, size_t s, size_t e)
{
    if (d->lex == NULL) {
        return false;
    }
    zn_word_info info;
    if (!zn_lexicon_lookup(d->lex, d->text + d->off[s], d->off[e] - d->off[s], &info)) {
        return false;
    }
    return info.tag[0] != 'n' || info.tag[1] != 'r';
}

// The length of a name starting at s that ends at a boundary, or 0.
static size_t name_after_title(const ent_doc *d, size_t s)
{
    size_t sl = surname_len(d, s);
    if (sl == 0) {
        return 0;
    }
    if (d->analysed) {
        const ent_word *w = &d->words[d->word_of[s]];
        size_t len = w->end - w->start;
        if (w->start == s && len >= sl + 1 && len <= sl + 2 &&
            (w->pos == POS_PER || w->pos == POS_NR || w->pos == POS_UNK)) {
            return len;
        }
    }
    if (zn__ent_word_starting(d, s + sl, ZN__ENT_TITLE | ZN__ENT_CUE) > 0) {
        return 0; // 和夫人, 王说: a title or cue right after the surname is no given name
    }
    for (size_t g = 2; g >= 1; g--) {
        if (given_ok(d, s + sl, s + sl + g) && name_boundary(d, s + sl + g) &&
            !is_common_word(d, s, s + sl + g)) {
            return sl + g;
        }
    }
    return 0;
}

static zn_status after_titles(ent_doc *d)
{
    if (!zn__ent_doc_has(d, ZN__ENT_TITLE)) {
        return ZN_OK;
    }
    for (size_t base = 1; base < d->n; base += 64) { // the ends p = 1 .. n - 1 of titles
        uint64_t bits = zn__ent_flag_bits(d->end_flags, base, d->n, ZN__ENT_TITLE);
        for (; bits != 0; bits &= bits - 1) {
            size_t p = base + (size_t)__builtin_ctzll(bits);
            size_t ts;
            if (zn__ent_word_ending_at(d, p, ZN__ENT_TITLE, &ts) == 0) {
                continue;
            }
            size_t s = d->fold[p] == ' ' ? p + 1 : p;
            size_t len = name_after_title(d, s);
            if (len > 0 &&
                zn__ent_add(d, s, s + len, ZN_ENTITY_PERSON, PRIO_EXTENDED) != ZN_OK) {
                return ZN_ERR_NOMEM;
            }
        }
    }
    return ZN_OK;
}

// Something that may stand right before a name: text start, non-Han, a title, a function
// character.
static bool before_name(const ent_doc *d, size_t s)
{
    size_t ts;
    if (s == 0 || !zn__ent_is_han(d->fold[s - 1])) {
        return true;
    }
    return zn__ent_word_ending(d, s, ZN__ENT_TITLE, &ts) > 0 ||
           zn__ent_span_is(d, s - 1, s, ZN__ENT_NONNAME);
}

// A person before the cue word starting at c, if one does (周林生认为, 张潼看来).
static zn_status cue_at(ent_doc *d, size_t c)
{
    if (zn__ent_word_starting_at(d, c, ZN__ENT_CUE) == 0) {
        return ZN_OK;
    }
    size_t ts;
    size_t found = 0;
    for (size_t len = 4; len >= 2 && found == 0; len--) {
        if (len > c) {
            continue;
        }
        size_t s = c - len;
        size_t sl = surname_len(d, s);
        if (sl == 0 || sl >= len || !given_ok(d, s + sl, c) || len - sl > 2 ||
            !before_name(d, s) || is_common_word(d, s, c)) {
            continue;
        }
        // 主任张潼看来: a title ending inside the longer reading wins over it.
        if (len > 2 && zn__ent_word_ending(d, s + 1, ZN__ENT_TITLE, &ts) > 0) {
            continue;
        }
        found = len;
    }
    return found > 0 ? zn__ent_add(d, c - found, c, ZN_ENTITY_PERSON, PRIO_TAGGER) : ZN_OK;
}

static zn_status before_cues(ent_doc *d)
{
    if (!zn__ent_doc_has(d, ZN__ENT_CUE)) {
        return ZN_OK;
    }
    for (size_t base = 2; base < d->n; base += 64) { // the starts c = 2 .. n - 1 of cues
        uint64_t bits = zn__ent_flag_bits(d->start_flags, base, d->n, ZN__ENT_CUE);
        for (; bits != 0; bits &= bits - 1) {
            if (cue_at(d, base + (size_t)__builtin_ctzll(bits)) != ZN_OK) {
                return ZN_ERR_NOMEM;
            }
        }
    }
    return ZN_OK;
}

zn_status zn__ent_find_people(ent_doc *d)
{
    if (after_titles(d) != ZN_OK || before_cues(d) != ZN_OK) {
        return ZN_ERR_NOMEM;
    }
    return ZN_OK;
}
