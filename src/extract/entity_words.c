/* SPDX-License-Identifier: MIT
 * The words of a text as the extractor sees them: the tagger's words (or the tokenizer's),
 * cleaned where the tagger joined punctuation or several words, with a word class each;
 * characters grouped by class where no analysis covers the text. */
#include <string.h>

#include "extract/entity_priv.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"

static bool is(const char *t, const char *name)
{
    while (*t != '\0' && *t == *name) { // tags are two or three letters: no library call
        t++;
        name++;
    }
    return *t == *name;
}

// The word class of a tagger or tokenizer tag (LAC's and jieba's tag sets).
static ent_pos pos_of_tag(const char *t)
{
    switch (t[0]) {
    case '\0': return POS_UNK;
    case 'P': return is(t, "PER") ? POS_PER : POS_FUNC;
    case 'L': return is(t, "LOC") ? POS_LOC : POS_FUNC;
    case 'O': return is(t, "ORG") ? POS_ORG : POS_FUNC;
    case 'T': return is(t, "TIME") ? POS_TIME : POS_FUNC;
    case 'n':
        if (t[1] == 'r') {
            return POS_NR; // nr, nrt, nrfg
        }
        if (is(t, "ns")) {
            return POS_NS;
        }
        if (is(t, "nt")) {
            return POS_NT;
        }
        return is(t, "nz") || is(t, "nw") ? POS_NZ : POS_N;
    case 'j': return POS_NZ;
    case 'v': return is(t, "vn") ? POS_VN : POS_V;
    case 'a': return t[1] == 'n' ? POS_N : (t[1] == 'd' ? POS_FUNC : POS_A);
    case 'b': return POS_A;
    case 's': return POS_N;
    case 'm': return POS_M;
    case 'q': return POS_Q;
    case 'r': return POS_R;
    case 't': return POS_TIME;
    case 'w': case 'x': return POS_PUNCT;
    case 'e': return is(t, "eng") ? POS_ENG : POS_FUNC;
    case 'u': return is(t, "url") ? POS_ENG : POS_FUNC;
    default: return POS_FUNC;
    }
}

// A tokenizer tag (its eight bytes, NUL-terminated when shorter) as a number: the letters
// from the low byte up, zeros from the NUL on.
static uint64_t tag_key(const char t[8])
{
    uint64_t x;
    memcpy(&x, t, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    x = __builtin_bswap64(x);
#endif
    const uint64_t ones = 0x0101010101010101u;
    uint64_t zero = (x - ones) & ~x & (ones << 7); // the lowest set bit marks the first NUL
    return x & (((zero & -zero) >> 7) - 1);        // no NUL: zero is 0, the mask all ones
}

#define TAG_KEY(a, b, c, d) ((uint64_t)(a) | (uint64_t)(b) << 8 | (uint64_t)(c) << 16 | \
                             (uint64_t)(d) << 24)
// The tags whose class needs the whole tag, each in its own slot of a table of 32: the
// multiplier is the first odd number up from the golden ratio's that spreads these over
// distinct slots (a clash fails the build: -Woverride-init, part of -Wextra).
#define TAG_SLOT(key) ((uint32_t)(key) * 0x9E377F43u >> 27)
#define TAG_EXACT(a, b, c, d, pos) [TAG_SLOT(TAG_KEY(a, b, c, d))] = {TAG_KEY(a, b, c, d), pos}

typedef struct tag_exact {
    uint64_t key;
    uint8_t pos;
} tag_exact;

// The word class of a tokenizer tag (an array of eight bytes), as pos_of_tag but without
// branches on the letters: tags vary from word to word, and a mispredicted jump costs more
// than these few table reads. The class goes by the first letter, unless the first two
// (nr..., an..., ad...) or the whole tag (PER, ns, eng ...) say otherwise.
static ent_pos pos_of_token_tag(const char t[8])
{
    static const uint8_t first[256] = {
        // the class plus one (0: a function word), by the first letter alone
        [0] = POS_UNK + 1, ['j'] = POS_NZ + 1, ['n'] = POS_N + 1, ['v'] = POS_V + 1,
        ['a'] = POS_A + 1, ['b'] = POS_A + 1, ['s'] = POS_N + 1, ['m'] = POS_M + 1,
        ['q'] = POS_Q + 1, ['r'] = POS_R + 1, ['t'] = POS_TIME + 1, ['w'] = POS_PUNCT + 1,
        ['x'] = POS_PUNCT + 1,
    };
    static const tag_exact exact[32] = {
        TAG_EXACT('P', 'E', 'R', 0, POS_PER), TAG_EXACT('L', 'O', 'C', 0, POS_LOC),
        TAG_EXACT('O', 'R', 'G', 0, POS_ORG), TAG_EXACT('T', 'I', 'M', 'E', POS_TIME),
        TAG_EXACT('n', 's', 0, 0, POS_NS),    TAG_EXACT('n', 't', 0, 0, POS_NT),
        TAG_EXACT('n', 'z', 0, 0, POS_NZ),    TAG_EXACT('n', 'w', 0, 0, POS_NZ),
        TAG_EXACT('v', 'n', 0, 0, POS_VN),    TAG_EXACT('e', 'n', 'g', 0, POS_ENG),
        TAG_EXACT('u', 'r', 'l', 0, POS_ENG),
    };
    uint64_t key = tag_key(t);
    unsigned f = first[key & 0xFFu];
    unsigned pos = f != 0 ? f - 1 : POS_FUNC;
    unsigned two = (unsigned)(key & 0xFFFFu);
    pos = two == TAG_KEY('n', 'r', 0, 0) ? POS_NR : pos; // nr, nrt, nrfg
    pos = two == TAG_KEY('a', 'n', 0, 0) ? POS_N : pos;
    pos = two == TAG_KEY('a', 'd', 0, 0) ? POS_FUNC : pos;
    const tag_exact *x = &exact[TAG_SLOT(key)];
    pos = x->key == key ? x->pos : pos; // an empty slot: the empty tag, POS_UNK as first[0]
    return (ent_pos)pos;
}

// The classes of the tokenizer tags met so far in a text: a line has a dozen distinct tags
// in some thirty words, and a look here costs a third of working a class out. A slot holds
// a tag's eight bytes as they are (those after its NUL too: the key is exact, whatever
// they are) and its class; the cache starts all zeros, the empty tag and its class UNK.
#define TAG_SLOTS 32

typedef struct tag_cache {
    uint64_t key[TAG_SLOTS];
    uint8_t pos[TAG_SLOTS];
} tag_cache;

static ent_pos tag_class(tag_cache *c, const char t[8])
{
    uint64_t key;
    memcpy(&key, t, 8);
    size_t h = (size_t)((key * 0x9E3779B97F4A7C15u) >> 59); // TAG_SLOTS = 2^5
    if (c->key[h] != key) {
        c->key[h] = key;
        c->pos[h] = (uint8_t)pos_of_token_tag(t);
    }
    return (ent_pos)c->pos[h];
}

// Class of one character for the fallback cut (no analysis).
static ent_pos char_class(uint32_t cp)
{
    if (cp < 0x80) { // ASCII (most punctuation once folded): no Han
        if (zn__ent_is_latin(cp)) {
            return POS_ENG;
        }
        if (zn__ent_is_digit(cp)) {
            return POS_M;
        }
        return cp <= ' ' && zn__cp_is_space(cp) ? POS_SPACE : POS_PUNCT;
    }
    if (zn__ent_is_han(cp)) {
        return POS_UNK;
    }
    if (zn__ent_is_latin(cp)) {
        return POS_ENG;
    }
    if (zn__ent_is_digit(cp)) {
        return POS_M;
    }
    if (zn__cp_is_space(cp)) {
        return POS_SPACE;
    }
    return POS_PUNCT;
}

static bool grow_words(ent_doc *d, size_t *cap)
{
    size_t ncap = *cap ? *cap * 2 : 64;
    ent_word *w = zn__ent_grow(d, d->words, d->n_words, ncap, sizeof *w);
    if (w == NULL) {
        return false;
    }
    d->words = w;
    *cap = ncap;
    return true;
}

static zn_status push_word(ent_doc *d, size_t s, size_t e, ent_pos pos, size_t *cap)
{
    if (d->n_words == *cap && !grow_words(d, cap)) {
        return ZN_ERR_NOMEM;
    }
    for (size_t c = s; c < e; c++) {
        d->word_of[c] = d->n_words;
    }
    d->words[d->n_words++] = (ent_word){s, e, (uint8_t)pos};
    return ZN_OK;
}

// Fills characters [s, e) that no analysis covered with fallback words.
static zn_status fill_gap(ent_doc *d, size_t s, size_t e, size_t *cap)
{
    size_t i = s;
    while (i < e) {
        ent_pos c = char_class(d->fold[i]);
        size_t j = i + 1;
        if (c != POS_UNK && c != POS_PUNCT) {
            while (j < e && char_class(d->fold[j]) == c) {
                j++;
            }
        }
        if (push_word(d, i, j, c, cap) != ZN_OK) {
            return ZN_ERR_NOMEM;
        }
        i = j;
    }
    return ZN_OK;
}

// The tokenizer's words inside [s, e) (clipped), or false when there are none.
static bool push_alt(ent_doc *d, size_t s, size_t e, size_t *cap, zn_status *st)
{
    bool any = false;
    *st = ZN_OK;
    size_t lo = 0; // the first word that ends after s (the words are in text order)
    size_t hi = d->n_alt;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->alt[mid].end <= s) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    for (size_t k = lo; k < d->n_alt && d->alt[k].start < e && *st == ZN_OK; k++) {
        size_t a = d->alt[k].start > s ? d->alt[k].start : s;
        size_t b = d->alt[k].end < e ? d->alt[k].end : e;
        if (a < b) {
            // only for word boundaries: the tokenizer's name tags are too loose here
            ent_pos p = (ent_pos)d->alt[k].pos;
            if (p == POS_NR || p == POS_NS || p == POS_NT) {
                p = POS_N;
            }
            *st = push_word(d, a, b, p, cap);
            any = true;
        }
    }
    return any;
}

// An item of a tagger word joined by 、 keeps the word's tag when it looks like one on its
// own: an organisation with a suffix, a person with a surname (the tagger also joins lists
// of common nouns: 航空、石化、电力/nt).
static bool item_keeps_tag(const ent_doc *d, size_t s, size_t e, ent_pos pos)
{
    size_t ss;
    switch (pos) {
    case POS_ORG: case POS_NT:
        return zn__ent_word_ending(d, e, ZN__ENT_SUFFIX, &ss) > 0 && ss > s;
    case POS_PER: case POS_NR:
        return e - s >= 2 && e - s <= 4 && zn__ent_span_is(d, s, s + 1, ZN__ENT_SURNAME);
    case POS_LOC: case POS_NS:
        return false;
    default:
        return true;
    }
}

// A middle dot or hyphen between two letters of one word joins it (达恩·蒂雄, 弗里德里克·泰勒):
// · ・ ‧ - (U+00B7 U+30FB U+2027).
static bool is_joiner(const ent_doc *d, size_t k, size_t s, size_t e)
{
    uint32_t c = d->fold[k];
    if ((c != 0xB7 && c != 0x30FB && c != 0x2027 && c != '-') || k == s || k + 1 >= e) {
        return false;
    }
    ent_pos l = char_class(d->fold[k - 1]);
    ent_pos r = char_class(d->fold[k + 1]);
    return l != POS_PUNCT && l != POS_SPACE && r != POS_PUNCT && r != POS_SPACE;
}

static bool is_text_at(const ent_doc *d, size_t k, size_t s, size_t e)
{
    ent_pos c = char_class(d->fold[k]);
    return (c != POS_PUNCT && c != POS_SPACE) || is_joiner(d, k, s, e);
}

// Pushes the word [s, e), cut where punctuation or space meets other characters (the
// tagger sometimes joins them: "、商汤"). A list joined by 、 keeps its tag on each item
// (中山大学、华南理工大学/ORG); other joined pieces take the tokenizer's words.
// Words of Han characters of the common block only are pushed by cut_words itself (most
// words); this is for the others, whose characters cut_words may have marked already.
static zn_status push_split(ent_doc *d, size_t s, size_t e, ent_pos pos, size_t *cap)
{
    if (e - s == 1) { // one character: itself, tagged when it is text (Han is)
        ent_pos c = char_class(d->fold[s]);
        return push_word(d, s, e, c != POS_PUNCT && c != POS_SPACE ? pos : c, cap);
    }
    size_t h = s;
    while (h < e && zn__ent_is_han(d->fold[h])) {
        h++;
    }
    if (h == e) {
        return push_word(d, s, e, pos, cap); // Han only: one piece, as it is
    }
    // the pieces below mark their characters; what no piece covers (a garbled word's part
    // without tokenizer words) belongs to no word: index 0, as for any character unmarked
    memset(d->word_of + s, 0, (e - s) * sizeof *d->word_of);
    size_t pieces = 0;
    bool in_piece = false;
    bool list_only = true;
    for (size_t k = s; k < e; k++) {
        bool text = is_text_at(d, k, s, e);
        pieces += text && !in_piece;
        in_piece = text;
        if (!text && d->fold[k] != 0x3001) { // 、
            list_only = false;
        }
    }
    bool garbled = pieces > 1 && !list_only;
    bool listed = pieces > 1 && list_only;
    size_t i = s;
    while (i < e) {
        bool text = is_text_at(d, i, s, e);
        ent_pos c = char_class(d->fold[i]);
        size_t j = i + 1;
        while (j < e && is_text_at(d, j, s, e) == text &&
               (text || char_class(d->fold[j]) == c)) {
            j++;
        }
        bool keep = !garbled && (!listed || item_keeps_tag(d, i, j, pos));
        ent_pos p = !text ? c : (keep ? pos : POS_UNK);
        zn_status st = ZN_OK;
        if (!(garbled && text && push_alt(d, i, j, cap, &st))) {
            st = push_word(d, i, j, p, cap);
        }
        if (st != ZN_OK) {
            return st;
        }
        i = j;
    }
    return ZN_OK;
}

typedef struct span_src {
    size_t count;
    const zn_token *tokens;
    const zn_tag_word *tags;
} span_src;

static void src_span(const span_src *src, size_t i, size_t *b0, size_t *b1, const char **tag)
{
    if (src->tags != NULL) {
        *b0 = src->tags[i].span.start;
        *b1 = src->tags[i].span.end;
        *tag = src->tags[i].tag != NULL ? src->tags[i].tag : "";
    } else {
        *b0 = src->tokens[i].start;
        *b1 = src->tokens[i].end;
        *tag = src->tokens[i].tag;
    }
}

// The characters [*s, *e) of the bytes [b0, b1); false when that is no span of the text.
// Words come in text order and most often start where the last one ended (character
// `last`): then the start is known, and the end is a step over the word's few characters.
static inline bool span_chars(const ent_doc *d, size_t b0, size_t b1, size_t last, size_t *s,
                              size_t *e)
{
    if (b0 > b1 || b1 > d->len) {
        return false;
    }
    size_t i = d->off[last] == b0 ? last : zn__ent_char_from(d, b0, last);
    if (i == SIZE_MAX) {
        return false;
    }
    size_t j = i;
    while (d->off[j] < b1) { // stops at d->n at the latest: off[n] is the length
        j++;
    }
    *s = i;
    *e = j;
    return d->off[j] == b1; // else b1 falls inside a character
}

static zn_status cut_words(ent_doc *d, const span_src *src, zn_error *err)
{
    // about one word per token: room for them at once (splits and gaps grow it)
    size_t cap = src->count + 16;
    d->words = zn__ent_alloc(d, cap, sizeof *d->words);
    if (d->words == NULL) {
        return zn__error_nomem(err, "entities");
    }
    tag_cache tags;
    memset(&tags, 0, sizeof tags); // POS_UNK is 0
    size_t *word_of = d->word_of;
    const uint32_t *fold = d->fold;
    size_t done = 0; // characters covered so far
    size_t last = 0; // where the last word ended: the next one most likely starts there
    for (size_t i = 0; i < src->count; i++) {
        size_t b0, b1, s, e;
        const char *tag;
        src_span(src, i, &b0, &b1, &tag);
        if (!span_chars(d, b0, b1, last, &s, &e)) {
            return zn__error_set(err, ZN_ERR_INVALID_ARG,
                                 "entities: word %zu [%zu, %zu) is not a span of the text", i,
                                 b0, b1);
        }
        last = e;
        if (s < done || s == e) {
            continue; // overlapping or empty words are ignored
        }
        if ((s > done && fill_gap(d, done, s, &cap) != ZN_OK) ||
            (d->n_words == cap && !grow_words(d, &cap))) {
            return zn__error_nomem(err, "entities");
        }
        ent_pos pos = src->tokens != NULL ? tag_class(&tags, tag) : pos_of_tag(tag);
        // Han of the common block only (most words): one piece, as it is. The characters
        // are marked as they are checked; push_split marks those of other words again.
        size_t w = d->n_words;
        bool common = true;
        for (size_t c = s; c < e; c++) {
            word_of[c] = w;
            common &= fold[c] - 0x4E00u <= 0x9FFFu - 0x4E00u;
        }
        if (common) {
            d->words[w] = (ent_word){s, e, (uint8_t)pos};
            d->n_words = w + 1;
        } else if (push_split(d, s, e, pos, &cap) != ZN_OK) {
            return zn__error_nomem(err, "entities");
        }
        done = e;
    }
    if (done < d->n && fill_gap(d, done, d->n, &cap) != ZN_OK) {
        return zn__error_nomem(err, "entities");
    }
    return ZN_OK;
}

// The tokenizer's words beside the tagger's: kept apart, for their lexicon tags.
static zn_status alt_words(ent_doc *d, const zn_extract_input *in, zn_error *err)
{
    d->alt = zn__ent_zalloc(d, in->n_tokens + 1, sizeof *d->alt);
    if (d->alt == NULL) {
        return zn__error_nomem(err, "entities");
    }
    size_t last = 0;
    for (size_t i = 0; i < in->n_tokens; i++) {
        const zn_token *t = &in->tokens[i];
        size_t s, e;
        if (!span_chars(d, t->start, t->end, last, &s, &e)) {
            return zn__error_set(err, ZN_ERR_INVALID_ARG,
                                 "entities: token %zu [%zu, %zu) is not a span of the text",
                                 i, t->start, t->end);
        }
        last = e;
        if (e > s) {
            d->alt[d->n_alt++] = (ent_word){s, e, (uint8_t)pos_of_tag(t->tag)};
        }
    }
    return ZN_OK;
}

zn_status zn__ent_cut_words(ent_doc *d, const zn_extract_input *in, zn_error *err)
{
    span_src src = {0, NULL, NULL};
    if (in->tags != NULL && in->n_tags > 0) {
        src.count = in->n_tags;
        src.tags = in->tags;
    } else if (in->tokens != NULL && in->n_tokens > 0) {
        src.count = in->n_tokens;
        src.tokens = in->tokens;
    }
    d->analysed = src.count > 0;
    if (src.tags != NULL && in->tokens != NULL && in->n_tokens > 0) {
        zn_status st = alt_words(d, in, err);
        if (st != ZN_OK) {
            return st;
        }
    }
    return cut_words(d, &src, err);
}
