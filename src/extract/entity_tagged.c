/* SPDX-License-Identifier: MIT
 * Candidates from the analyses: LAC's PER/LOC/ORG words, the lexicon's nr/ns/nt tags,
 * region names, and one-character country names after verbs of travel (驻美, 访华). */
#include "extract/entity_find.h"

// The type an organisation name gets from orgs.txt when it is listed whole (新华社 →
// media), else from its suffix (大学 → university), else organization.
static unsigned org_type(const ent_doc *d, size_t s, size_t e)
{
    if (zn__ent_span_is(d, s, e, ZN__ENT_NAME)) {
        return zn__ent_span_word(d, s, e)->name_type;
    }
    size_t from;
    if (zn__ent_word_ending(d, e, ZN__ENT_SUFFIX, &from) > 0 && from > s) {
        const zn__ent_word *w = zn__ent_span_word(d, from, e);
        if (w->strength != ZN__SUFFIX_PLACE) {
            return w->suffix_type;
        }
    }
    return ZN_ENTITY_ORGANIZATION;
}

static bool starts_with_surname(const ent_doc *d, size_t s, size_t e)
{
    return (e - s >= 2 && zn__ent_span_is(d, s, s + 1, ZN__ENT_SURNAME)) ||
           (e - s >= 3 && zn__ent_span_is(d, s, s + 2, ZN__ENT_SURNAME));
}

static zn_status from_word(ent_doc *d, const ent_word *w)
{
    size_t s = w->start;
    size_t e = w->end;
    switch (w->pos) {
    case POS_PER:
        return zn__ent_add(d, s, e, ZN_ENTITY_PERSON, PRIO_TAGGER);
    case POS_LOC:
        return zn__ent_add(d, s, e, ZN_ENTITY_PLACE, PRIO_TAGGER);
    case POS_ORG:
        return zn__ent_add(d, s, e, org_type(d, s, e), PRIO_TAGGER);
    case POS_NR:
        if (starts_with_surname(d, s, e) && e - s <= 4) {
            return zn__ent_add(d, s, e, ZN_ENTITY_PERSON, PRIO_LEXICON);
        }
        return ZN_OK;
    case POS_NS:
        if (e - s >= 2 && !zn__ent_span_is(d, s, e, ZN__ENT_VERB)) { // 新建 is rather a verb
            return zn__ent_add(d, s, e, ZN_ENTITY_PLACE, PRIO_LEXICON);
        }
        return ZN_OK;
    case POS_NT:
        return zn__ent_add(d, s, e, org_type(d, s, e), PRIO_WEAK);
    default:
        return ZN_OK;
    }
}

// A travel or relation verb before a one-character country name: 驻 访 赴 来 抵 离 返 旅 对
// (U+9A7B U+8BBF U+8D74 U+6765 U+62B5 U+79BB U+8FD4 U+65C5 U+5BF9). Asked before every
// such name (中 among them): a table, no branch (zn__ent_cp_in).
#define TRAVEL_BITS 4 /* 9 verbs in 16 slots: no two share one */
#define TRAVEL(c) [ZN__ENT_CP_SLOT(c, TRAVEL_BITS)] = (c)

static bool is_travel_verb(uint32_t cp)
{
    static const uint16_t verbs[1u << TRAVEL_BITS] = {
        TRAVEL(0x9A7B), TRAVEL(0x8BBF), TRAVEL(0x8D74), TRAVEL(0x6765), TRAVEL(0x62B5),
        TRAVEL(0x79BB), TRAVEL(0x8FD4), TRAVEL(0x65C5), TRAVEL(0x5BF9),
    };
    return zn__ent_cp_in(verbs, TRAVEL_BITS, cp);
}

static bool word_starts(const ent_doc *d, size_t i)
{
    return d->words[d->word_of[i]].start == i;
}

// Region names (珠三角, 两岸) and organisations that stand alone (国务院, 新华社). Two-character
// names must begin a word (民建 is not in 居民建房). `at`: the positions where some key starts.
static zn_status names_by_knowledge(ent_doc *d, const size_t *at, size_t n_at)
{
    for (size_t x = 0; x < n_at; x++) {
        size_t i = at[x];
        size_t k = zn__ent_word_starting(d, i, ZN__ENT_REGION);
        if (k > 0 && (k > 2 || !d->analysed || word_starts(d, i)) &&
            zn__ent_add(d, i, i + k, ZN_ENTITY_PLACE, PRIO_WEAK) != ZN_OK) {
            return ZN_ERR_NOMEM;
        }
        k = zn__ent_word_starting(d, i, ZN__ENT_NAME);
        if (k > 0 && (k > 2 || (d->analysed && word_starts(d, i)))) {
            const zn__ent_word *w = zn__ent_span_word(d, i, i + k);
            if (zn__ent_add(d, i, i + k, w->name_type, PRIO_TAGGER) != ZN_OK) {
                return ZN_ERR_NOMEM;
            }
        }
    }
    return ZN_OK;
}

// True when the character at i alone is a one-character country name (中, 美, 港), as
// `abbrev` (a bit per position) has it: the rules below ask it of a position and of its
// neighbours several times, and the table rows behind the answer are far apart.
static bool abbrev_at(const uint64_t *abbrev, size_t i)
{
    return (abbrev[i / 64] >> (i % 64) & 1u) != 0;
}

// A word of two or three one-character country names (中美, 中俄, 港澳): a place compound
// that selection splits into its members.
static bool is_abbrev_compound(const ent_doc *d, const uint64_t *abbrev, const ent_word *w)
{
    size_t len = w->end - w->start;
    if (len < 2 || len > 3 || !abbrev_at(abbrev, w->start) ||
        zn__ent_span_is(d, w->start, w->end, ZN__ENT_REGION)) {
        return false;
    }
    if (w->pos != POS_NS && w->pos != POS_LOC && w->pos != POS_NZ && w->pos != POS_N &&
        w->pos != POS_UNK) {
        return false;
    }
    for (size_t i = w->start; i < w->end; i++) {
        if (!abbrev_at(abbrev, i)) {
            return false;
        }
    }
    return true;
}

// 中加两国, 中美关系: two or three one-character names before a pair word; 驻美, 访华: one
// after a travel verb. `pairs`: the positions where two one-character names meet.
// A pair of one-character country names at i (中美 of 中美两国): with a third (中美俄)
// before a pair word, a place compound.
static zn_status pair_at(ent_doc *d, const uint64_t *abbrev, size_t i)
{
    size_t k = i + 2 < d->n && abbrev_at(abbrev, i + 2) ? 3 : 2;
    if (i + 2 < d->n && (i == 0 || !abbrev_at(abbrev, i - 1)) &&
        !zn__ent_span_is(d, i, i + k, ZN__ENT_REGION) &&
        zn__ent_word_starting(d, i + k, ZN__ENT_PAIR) > 0) {
        return zn__ent_add(d, i, i + k, ZN_ENTITY_PLACE, PRIO_TAGGER);
    }
    return ZN_OK;
}

// A one-character country name at i after a travel verb (驻美, 访华).
static zn_status travel_at(ent_doc *d, size_t i)
{
    if (i == 0 || !is_travel_verb(d->fold[i - 1])) {
        return ZN_OK;
    }
    bool next_han = i + 1 < d->n && zn__ent_is_han(d->fold[i + 1]);
    // 新 古 老 以 (U+65B0 U+53E4 U+8001 U+4EE5) are far more often "new, old, by"
    uint32_t c = d->fold[i];
    if (c == 0x65B0 || c == 0x53E4 || c == 0x8001 || c == 0x4EE5 ||
        (d->analysed && d->words[d->word_of[i]].end != i + 1)) {
        return ZN_OK;
    }
    if (!next_han || !zn__ent_span_is(d, i + 1, i + 2, ZN__ENT_ABBREV | ZN__ENT_REGION)) {
        return zn__ent_add(d, i, i + 1, ZN_ENTITY_PLACE, PRIO_LEXICON);
    }
    return ZN_OK;
}

// 中加两国, 中美关系: two or three one-character names before a pair word; 驻美, 访华: one
// after a travel verb. `pairs`: the positions where two one-character names meet; both
// rules visit the set bits of their map only (words64 words), from bit to bit.
static zn_status abbrevs_by_knowledge(ent_doc *d, const uint64_t *abbrev, const uint64_t *pairs,
                                      size_t words64)
{
    for (size_t w = 0; w < words64; w++) {
        for (uint64_t bits = pairs[w]; bits != 0; bits &= bits - 1) {
            if (pair_at(d, abbrev, w * 64 + (size_t)__builtin_ctzll(bits)) != ZN_OK) {
                return ZN_ERR_NOMEM;
            }
        }
    }
    for (size_t w = 0; w < words64; w++) {
        for (uint64_t bits = abbrev[w]; bits != 0; bits &= bits - 1) {
            if (travel_at(d, w * 64 + (size_t)__builtin_ctzll(bits)) != ZN_OK) {
                return ZN_ERR_NOMEM;
            }
        }
    }
    return ZN_OK;
}

static zn_status places_by_knowledge(ent_doc *d)
{
    unsigned flags = d->all_flags & (ZN__ENT_REGION | ZN__ENT_NAME | ZN__ENT_ABBREV);
    if (flags == 0) {
        return ZN_OK; // each rule below needs a region, a listed name or a country's
    }
    // The positions where a key with one of the flags starts, in text order: the rules visit
    // these only (most positions have none), in the order they visited all positions.
    size_t *at = zn__ent_alloc(d, d->n + 1, sizeof *at);
    if (at == NULL) {
        return ZN_ERR_NOMEM;
    }
    size_t n_at = 0;
    const uint16_t *start_flags = d->start_flags; // read once: `at` might alias d's fields
    size_t n = d->n;
    for (size_t base = 0; base < n; base += 64) {
        uint64_t bits = zn__ent_flag_bits(start_flags, base, n, flags);
        for (; bits != 0; bits &= bits - 1) {
            at[n_at++] = base + (size_t)__builtin_ctzll(bits);
        }
    }
    if ((flags & (ZN__ENT_REGION | ZN__ENT_NAME)) && names_by_knowledge(d, at, n_at) != ZN_OK) {
        return ZN_ERR_NOMEM;
    }
    if (!(flags & ZN__ENT_ABBREV)) {
        return ZN_OK;
    }
    // Every one-character country name has the flag where it starts: it is at one of `at`.
    // `pairs`: where one is followed by another (中美); the rules of two or three names visit
    // these only, the travel verbs the names themselves, from bit to bit.
    size_t words64 = n / 64 + 1;
    // the scratch allocator's inline part and a clear of the two words of a line (most
    // texts), not zn__ent_zalloc's call
    uint64_t *abbrev = zn__ent_alloc(d, 2 * words64, sizeof *abbrev);
    if (abbrev == NULL) {
        return ZN_ERR_NOMEM;
    }
    memset(abbrev, 0, 2 * words64 * sizeof *abbrev);
    uint64_t *pairs = abbrev + words64;
    for (size_t x = 0; x < n_at; x++) {
        size_t i = at[x];
        abbrev[i / 64] |= (uint64_t)zn__ent_span_is(d, i, i + 1, ZN__ENT_ABBREV) << (i % 64);
    }
    for (size_t w = 0; w < words64; w++) {
        uint64_t next = w + 1 < words64 ? abbrev[w + 1] << 63 : 0;
        pairs[w] = abbrev[w] & (abbrev[w] >> 1 | next);
    }
    // a word starting at a one-character country name: a compound (中美) when all of it is
    for (size_t x = 0; d->analysed && d->n_words > 0 && x < words64; x++) {
        for (uint64_t bits = pairs[x]; bits != 0; bits &= bits - 1) {
            size_t i = x * 64 + (size_t)__builtin_ctzll(bits);
            const ent_word *w = &d->words[d->word_of[i]];
            if (w->start == i && is_abbrev_compound(d, abbrev, w) &&
                zn__ent_add(d, w->start, w->end, ZN_ENTITY_PLACE, PRIO_TAGGER) != ZN_OK) {
                return ZN_ERR_NOMEM;
            }
        }
    }
    return abbrevs_by_knowledge(d, abbrev, pairs, words64);
}

// The tokenizer's lexicon tags beside the tagger: a listed name that the tagger cut short
// (傅全有 where LAC says 傅全) wins. Other tags of the tokenizer are noisier than the
// tagger's (祝贺/nr) and are not used when the tagger ran.
static zn_status from_alt(ent_doc *d, const ent_word *w)
{
    if (w->pos == POS_NR && starts_with_surname(d, w->start, w->end) && w->end - w->start <= 3) {
        const ent_word *t = &d->words[d->word_of[w->start]];
        if (t->start == w->start && t->pos == POS_PER && t->end < w->end &&
            t->end - t->start >= 2) {
            return zn__ent_add(d, w->start, w->end, ZN_ENTITY_PERSON, PRIO_TAGGER);
        }
    }
    return ZN_OK;
}

zn_status zn__ent_find_tagged(ent_doc *d)
{
    // the classes from_word takes: names of the lexicon and the tagger (most words are not)
    const unsigned named = 1u << POS_PER | 1u << POS_LOC | 1u << POS_ORG | 1u << POS_NR |
                           1u << POS_NS | 1u << POS_NT;
    // read once: adding candidates changes neither; a pointer walk (most words are passed
    // over: their loop is a load, a bit test and the walk)
    const ent_word *end = d->words + d->n_words;
    for (const ent_word *w = d->words; w < end; w++) {
        if ((named >> w->pos & 1u) != 0 && from_word(d, w) != ZN_OK) {
            return ZN_ERR_NOMEM;
        }
    }
    for (size_t k = 0; k < d->n_alt; k++) {
        if (from_alt(d, &d->alt[k]) != ZN_OK) {
            return ZN_ERR_NOMEM;
        }
    }
    return places_by_knowledge(d);
}
