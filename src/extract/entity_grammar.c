/* SPDX-License-Identifier: MIT
 * The suffix grammar: an organisation or place name is a body of name-like words followed by
 * a listed suffix (香港中文大学, 机器人与智能制造国家与地方联合工程实验室, 深圳市). Bodies that
 * hold only generic words (联合实验室, 重点实验室) or follow a quantity (三个研究院) are not
 * names. */
#include "extract/entity_find.h"

#define MAX_BODY_WORDS 12
#define MAX_BODY_CHARS 24
#define MAX_BODY_CHARS_UNANALYSED 8

static bool is_word_end(const ent_doc *d, size_t e)
{
    return !d->analysed || e == d->n || d->words[d->word_of[e]].start == e;
}

static bool is_common(uint8_t pos)
{
    return pos == POS_N || pos == POS_VN;
}

static bool is_proper(uint8_t pos)
{
    return pos == POS_NZ || pos == POS_NT || pos == POS_ORG || pos == POS_NR ||
           pos == POS_PER || pos == POS_ENG;
}

static bool is_placeish(uint8_t pos)
{
    return pos == POS_NS || pos == POS_LOC;
}

// A connector inside a name between common nouns: 与 和 及 暨 (U+4E0E U+548C U+53CA U+66A8).
static bool is_connector(const ent_doc *d, const ent_word *w)
{
    if (w->end - w->start != 1) {
        return false;
    }
    uint32_t c = d->fold[w->start];
    return c == 0x4E0E || c == 0x548C || c == 0x53CA || c == 0x66A8;
}

// Arabic digits only (21 in 21世纪经济报道), not a quantity.
static bool is_arabic(const ent_doc *d, const ent_word *w)
{
    for (size_t i = w->start; i < w->end; i++) {
        if (!zn__ent_is_digit(d->fold[i])) {
            return false;
        }
    }
    return true;
}

// A word that may stand inside a name body.
static bool name_like(const ent_doc *d, const ent_word *w)
{
    if (zn__ent_span_is(d, w->start, w->end, ZN__ENT_TITLE)) {
        return false;
    }
    // a head noun (企业, 巨头) is no part of a body; the row itself (its head type) is read
    // only for one: most words are none, which their position's flag sum tells without a
    // read of the large word table
    if (zn__ent_span_is(d, w->start, w->end, ZN__ENT_HEAD)) {
        const zn__ent_word *h = zn__ent_span_word(d, w->start, w->end);
        if (h->head_type != ZN_ENTITY_PLACE && !(h->flags & ZN__ENT_SUFFIX)) {
            return false;
        }
    }
    switch (w->pos) {
    case POS_N: case POS_VN: case POS_NS: case POS_NT: case POS_NZ: case POS_LOC:
    case POS_ORG: case POS_ENG: case POS_A: case POS_NR: case POS_PER:
        return true;
    case POS_UNK:
        return zn__ent_is_han(d->fold[w->start]) &&
               !zn__ent_span_is(d, w->start, w->end, ZN__ENT_NONNAME);
    case POS_M:
        return is_arabic(d, w);
    case POS_TIME:
        // 21世纪 (世纪 U+4E16 U+7EAA) in 21世纪经济报道
        return w->end - w->start >= 3 && zn__ent_is_digit(d->fold[w->start]) &&
               d->fold[w->end - 2] == 0x4E16 && d->fold[w->end - 1] == 0x7EAA;
    default:
        return false;
    }
}

// Walks left from character b over name-like words; returns the start of the body.
static size_t extend_left(const ent_doc *d, size_t b)
{
    size_t words = 0;
    size_t start = b;
    while (start > 0 && words < MAX_BODY_WORDS) {
        const ent_word *w = &d->words[d->word_of[start - 1]];
        size_t limit = d->analysed ? MAX_BODY_CHARS : MAX_BODY_CHARS_UNANALYSED;
        if (b - w->start > limit) {
            break;
        }
        if (d->analysed && is_connector(d, w) && w->start > 0 && start < b) {
            const ent_word *left = &d->words[d->word_of[w->start - 1]];
            const ent_word *right = &d->words[d->word_of[start]];
            if (is_common(left->pos) && is_common(right->pos)) {
                start = left->start;
                words += 2;
                continue;
            }
            break;
        }
        // 智能 制造: a verb joined to the noun before it (but never the leftmost word)
        if (d->analysed && w->pos == POS_V && w->end - w->start == 2 && w->start > 0 &&
            start < b && !zn__ent_span_is(d, w->start, w->end, ZN__ENT_VERB)) {
            const ent_word *left = &d->words[d->word_of[w->start - 1]];
            if (is_common(left->pos)) {
                start = left->start;
                words += 2;
                continue;
            }
        }
        if (!name_like(d, w) || zn__ent_span_is(d, w->start, w->end, ZN__ENT_VERB)) {
            break; // 新建 in 学校新建研究中心: what follows the verb must be a name alone
        }
        start = w->start;
        words++;
    }
    return start;
}

// True when [s, e) holds nothing but generic words (or nothing at all).
bool zn__ent_all_generic_at(const ent_doc *d, size_t s, size_t e)
{
    size_t i = s;
    while (i < e) {
        if (!(d->start_flags[i] & ZN__ENT_GENERIC)) {
            return false; // no generic word starts here (most first characters)
        }
        size_t k = 0;
        for (size_t n = e - i < ZN__ENT_MAX_KEY_CHARS ? e - i : ZN__ENT_MAX_KEY_CHARS; n >= 1;
             n--) {
            if (zn__ent_span_is(d, i, i + n, ZN__ENT_GENERIC)) {
                k = n;
                break;
            }
        }
        if (k == 0) {
            return false;
        }
        i += k;
    }
    return true;
}

// A numeral and classifier right before the body (三个, 两所, 一批): a common noun phrase.
static bool after_quantity(const ent_doc *d, size_t b)
{
    if (b == 0) {
        return false;
    }
    const ent_word *w = &d->words[d->word_of[b - 1]];
    if (d->analysed) {
        return w->pos == POS_Q || (w->pos == POS_M && !is_arabic(d, w));
    }
    // 个 所 家 批 座 位 (U+4E2A U+6240 U+5BB6 U+6279 U+5EA7 U+4F4D) after a numeral.
    static const uint32_t cls[] = {0x4E2A, 0x6240, 0x5BB6, 0x6279, 0x5EA7, 0x4F4D};
    for (size_t i = 0; i < sizeof cls / sizeof cls[0]; i++) {
        if (d->fold[b - 1] == cls[i]) {
            return b >= 2 && (zn__ent_is_digit(d->fold[b - 2]) ||
                              zn__ent_span_is(d, b - 2, b - 1, ZN__ENT_NONNAME) ||
                              d->fold[b - 2] == 0x4E24 || d->fold[b - 2] == 0x4E09);
        }
    }
    return false;
}

static bool is_digit_start(const ent_doc *d, const ent_word *w)
{
    return zn__ent_is_digit(d->fold[w->start]);
}

typedef struct body_info {
    bool proper;    // a proper, unknown, rare or numbered word
    bool places;    // nothing but place words
    bool common;    // a common noun
    bool generic;   // a generic word (一流, 国际)
    bool org;       // an organisation name (人民日报 in 人民日报国际部)
} body_info;

static bool is_rare(const ent_doc *d, const ent_word *w)
{
    if (d->lex == NULL || w->pos == POS_ENG) {
        return false;
    }
    zn_word_info info;
    if (!zn_lexicon_lookup(d->lex, d->text + d->off[w->start],
                           d->off[w->end] - d->off[w->start], &info)) {
        return w->end - w->start >= 2;
    }
    return info.freq < 60;
}

// `want_proper`: whether bi.proper is asked at all (its lexicon lookups are the cost here).
static body_info describe(const ent_doc *d, size_t b, size_t ss, bool want_proper)
{
    body_info bi = {false, true, false, false, false};
    for (size_t i = b; i < ss;) {
        const ent_word *w = &d->words[d->word_of[i]];
        uint8_t pos = w->pos;
        size_t end = w->end < ss ? w->end : ss;
        bool region = zn__ent_span_is(d, i, end, ZN__ENT_REGION | ZN__ENT_ABBREV);
        if (!is_placeish(pos) && !region) {
            bi.places = false;
        }
        if (want_proper && !bi.proper &&
            (is_proper(pos) || ((pos == POS_M || pos == POS_TIME) && is_digit_start(d, w)) ||
             is_rare(d, w))) {
            bi.proper = true;
        }
        if (is_common(pos)) {
            bi.common = true;
        }
        if (zn__ent_span_is(d, i, end, ZN__ENT_GENERIC)) {
            bi.generic = true;
        }
        if (pos == POS_ORG || pos == POS_NT || zn__ent_span_is(d, i, end, ZN__ENT_NAME)) {
            bi.org = true;
        }
        i = end;
    }
    return bi;
}

// Start of an ordinal right before b (第九届, 第十五次: 第 U+7B2C, 届 U+5C4A, 次 U+6B21), or b.
static size_t ordinal_before(const ent_doc *d, size_t b)
{
    if (b < 3 || (d->fold[b - 1] != 0x5C4A && d->fold[b - 1] != 0x6B21)) {
        return b;
    }
    size_t i = b - 1;
    while (i > 0 && zn__ent_is_numeral(d->fold[i - 1])) {
        i--;
    }
    if (i == b - 1 || i == 0 || d->fold[i - 1] != 0x7B2C) {
        return b;
    }
    return i - 1;
}

static bool verb_before(const ent_doc *d, size_t b)
{
    return d->analysed && b > 0 && d->words[d->word_of[b - 1]].pos == POS_V;
}

// Tries the suffix ending at e; adds a candidate when the grammar accepts a body.
static zn_status try_suffix(ent_doc *d, size_t e)
{
    size_t ss;
    if (zn__ent_word_ending(d, e, ZN__ENT_SUFFIX, &ss) == 0 || zn__ent_is_latin(d->fold[ss])) {
        return ZN_OK;
    }
    const zn__ent_word *suf = zn__ent_span_word(d, ss, e);
    size_t b = ss;
    if (d->analysed && d->words[d->word_of[ss]].start < ss) {
        b = d->words[d->word_of[ss]].start; // the suffix ends a longer word (香港中文大学)
    }
    b = extend_left(d, b);
    size_t ord = ordinal_before(d, b);
    if (ord < b && suf->strength == ZN__SUFFIX_STRONG && suf->suffix_type != ZN_ENTITY_PLACE) {
        return zn__ent_add(d, ord, e, suf->suffix_type, PRIO_GRAMMAR); // 第十五次全国代表大会
    }
    if (b == ss || zn__ent_all_generic(d, b, ss) || after_quantity(d, b)) {
        return ZN_OK;
    }
    // a proper word matters after a verb and for a weak suffix only
    bool verb = verb_before(d, b);
    body_info bi = describe(d, b, ss, verb || suf->strength == ZN__SUFFIX_WEAK);
    if (!bi.proper && verb) {
        return ZN_OK;
    }
    switch (suf->strength) {
    case ZN__SUFFIX_STRONG:
        return zn__ent_add(d, b, e, suf->suffix_type, PRIO_GRAMMAR);
    case ZN__SUFFIX_WEAK:
        if (!d->analysed || !bi.proper || bi.places || (bi.generic && !bi.org)) {
            return ZN_OK;
        }
        return zn__ent_add(d, b, e, suf->suffix_type, PRIO_WEAK);
    default:
        if (!bi.places || d->words[d->word_of[b]].end < ss || b + 1 == ss) {
            return ZN_OK; // a place suffix takes exactly one place word: 深圳 + 市
        }
        return zn__ent_add(d, b, e, ZN_ENTITY_PLACE, PRIO_TAGGER);
    }
}

zn_status zn__ent_find_grammar(ent_doc *d)
{
    if (!zn__ent_doc_has(d, ZN__ENT_SUFFIX)) {
        return ZN_OK;
    }
    // the ends e = 1 .. n where a suffix ends (try_suffix's first question), in order
    for (size_t base = 1; base <= d->n; base += 64) {
        uint64_t bits = zn__ent_flag_bits(d->end_flags, base, d->n + 1, ZN__ENT_SUFFIX);
        for (; bits != 0; bits &= bits - 1) {
            size_t e = base + (size_t)__builtin_ctzll(bits);
            if (is_word_end(d, e) && try_suffix(d, e) != ZN_OK) {
                return ZN_ERR_NOMEM;
            }
        }
    }
    return ZN_OK;
}
