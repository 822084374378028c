/* SPDX-License-Identifier: MIT
 * The extractor's view of a text: folded characters, byte offsets, and the words the
 * tagger or the tokenizer cut it into (characters grouped by class when neither ran). */
#include <string.h>

#include "extract/entity_priv.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"

bool zn__ent_is_han(uint32_t cp)
{
    return zn__cp_is_han(cp) || cp == 0x3007; // 〇 counts as a Han numeral
}

bool zn__ent_is_latin(uint32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

bool zn__ent_is_digit(uint32_t cp)
{
    return cp >= '0' && cp <= '9';
}

// Marks, for every position, the lengths at which the text spells a table key: one walk
// down the sorted table per position, stopping as soon as no key has the prefix. Every
// later question "is [s, e) a key?" is then one bit.
static void mark_keys(ent_doc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        char key[4 * ZN__ENT_MAX_KEY_CHARS];
        size_t len = 0;
        uint8_t bits = 0;
        for (size_t k = 1; k <= ZN__ENT_MAX_KEY_CHARS && i + k <= d->n; k++) {
            uint32_t cp = d->fold[i + k - 1];
            if (cp == ' ') {
                break;
            }
            len += zn__utf8_encode(cp, key + len);
            size_t at = zn__ent_lower_bound(key, len);
            if (at == zn__ent_n_words || zn__ent_words[at].len < len ||
                memcmp(zn__ent_words[at].key, key, len) != 0) {
                break;
            }
            if (zn__ent_words[at].len == len) {
                bits |= (uint8_t)(1u << (k - 1));
            }
        }
        d->keys[i] = bits;
    }
}

static zn_status decode(ent_doc *d, zn_error *err)
{
    d->fold = zn__calloc(d->len + 1, sizeof *d->fold);
    d->off = zn__calloc(d->len + 2, sizeof *d->off);
    if (d->fold == NULL || d->off == NULL) {
        return zn__error_nomem(err, "entities");
    }
    size_t pos = 0;
    while (pos < d->len) {
        size_t at = pos;
        uint32_t cp = zn__utf8_next(d->text, d->len, &pos);
        if (cp == ZN_UTF8_INVALID) {
            return zn__error_set(err, ZN_ERR_INVALID_ARG,
                                 "entities: invalid UTF-8 at byte %zu", at);
        }
        d->off[d->n] = at;
        d->fold[d->n] = zn__ent_fold(cp);
        d->n++;
    }
    d->off[d->n] = d->len;
    d->keys = zn__calloc(d->n + 1, 1);
    if (d->keys == NULL) {
        return zn__error_nomem(err, "entities");
    }
    mark_keys(d);
    return ZN_OK;
}

// The character index of byte offset b, or SIZE_MAX when b is not a character boundary.
static size_t char_at(const ent_doc *d, size_t b)
{
    size_t lo = 0;
    size_t hi = d->n + 1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->off[mid] == b) {
            return mid;
        }
        if (d->off[mid] < b) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return SIZE_MAX;
}

static ent_pos pos_of_tag(const char *t)
{
    static const struct {
        const char *tag;
        ent_pos pos;
    } map[] = {
        {"PER", POS_PER}, {"LOC", POS_LOC}, {"ORG", POS_ORG}, {"TIME", POS_TIME},
        {"n", POS_N},     {"nr", POS_NR},   {"nrt", POS_NR},  {"nrfg", POS_NR},
        {"ns", POS_NS},   {"nt", POS_NT},   {"nz", POS_NZ},   {"nw", POS_NZ},
        {"j", POS_NZ},    {"vn", POS_VN},   {"an", POS_N},    {"ng", POS_N},
        {"s", POS_N},     {"a", POS_A},     {"b", POS_A},     {"m", POS_M},
        {"q", POS_Q},     {"mq", POS_M},    {"r", POS_R},     {"t", POS_TIME},
        {"w", POS_PUNCT}, {"x", POS_PUNCT}, {"eng", POS_ENG}, {"url", POS_ENG},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        if (strcmp(t, map[i].tag) == 0) {
            return map[i].pos;
        }
    }
    if (t[0] == 'v') {
        return POS_V;
    }
    if (t[0] == 'n') {
        return POS_N;
    }
    return t[0] == '\0' ? POS_UNK : POS_FUNC;
}

// Class of one character for the fallback cut (no analysis).
static ent_pos char_class(uint32_t cp)
{
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

static zn_status push_word(ent_doc *d, size_t s, size_t e, ent_pos pos, size_t *cap)
{
    if (d->n_words == *cap) {
        size_t ncap = *cap ? *cap * 2 : 64;
        ent_word *w = zn__reallocarray(d->words, ncap, sizeof *w);
        if (w == NULL) {
            return ZN_ERR_NOMEM;
        }
        d->words = w;
        *cap = ncap;
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

// Pushes the word [s, e), cut where punctuation or space meets other characters (the
// tagger sometimes joins them: "、商汤"). A list joined by 、 keeps its tag on each item
// (中山大学、华南理工大学/ORG); other joined pieces take the tokenizer's words.
static zn_status push_split(ent_doc *d, size_t s, size_t e, ent_pos pos, size_t *cap)
{
    size_t pieces = 0;
    bool in_piece = false;
    bool list_only = true;
    for (size_t k = s; k < e; k++) {
        ent_pos c = char_class(d->fold[k]);
        bool text = c != POS_PUNCT && c != POS_SPACE;
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
        ent_pos c = char_class(d->fold[i]);
        bool mark = c == POS_PUNCT || c == POS_SPACE;
        size_t j = i + 1;
        while (j < e) {
            ent_pos cj = char_class(d->fold[j]);
            if ((cj == POS_PUNCT || cj == POS_SPACE) != mark || (mark && cj != c)) {
                break;
            }
            j++;
        }
        ent_pos p = mark ? c : (garbled || (listed && !item_keeps_tag(d, i, j, pos)) ? POS_UNK : pos);
        if (p == POS_PUNCT && j - i == 1 && (d->fold[i] == '-' || d->fold[i] == 0xB7) &&
            i > s && j < e) {
            p = pos; // a hyphen or middle dot inside a word stays in it
        }
        zn_status st = ZN_OK;
        if (!(garbled && !mark && push_alt(d, i, j, cap, &st))) {
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

static zn_status cut_words(ent_doc *d, const span_src *src, zn_error *err)
{
    size_t cap = 0;
    size_t done = 0; // characters covered so far
    for (size_t i = 0; i < src->count; i++) {
        size_t b0, b1;
        const char *tag;
        src_span(src, i, &b0, &b1, &tag);
        size_t s = b0 <= b1 && b1 <= d->len ? char_at(d, b0) : SIZE_MAX;
        size_t e = s != SIZE_MAX ? char_at(d, b1) : SIZE_MAX;
        if (e == SIZE_MAX) {
            return zn__error_set(err, ZN_ERR_INVALID_ARG,
                                 "entities: word %zu [%zu, %zu) is not a span of the text", i,
                                 b0, b1);
        }
        if (s < done || s == e) {
            continue; // overlapping or empty words are ignored
        }
        if ((s > done && fill_gap(d, done, s, &cap) != ZN_OK) ||
            push_split(d, s, e, pos_of_tag(tag), &cap) != ZN_OK) {
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
    d->alt = zn__calloc(in->n_tokens + 1, sizeof *d->alt);
    if (d->alt == NULL) {
        return zn__error_nomem(err, "entities");
    }
    for (size_t i = 0; i < in->n_tokens; i++) {
        const zn_token *t = &in->tokens[i];
        size_t s = t->start <= t->end && t->end <= d->len ? char_at(d, t->start) : SIZE_MAX;
        size_t e = s != SIZE_MAX ? char_at(d, t->end) : SIZE_MAX;
        if (e == SIZE_MAX) {
            return zn__error_set(err, ZN_ERR_INVALID_ARG,
                                 "entities: token %zu [%zu, %zu) is not a span of the text",
                                 i, t->start, t->end);
        }
        if (e > s) {
            d->alt[d->n_alt++] = (ent_word){s, e, (uint8_t)pos_of_tag(t->tag)};
        }
    }
    return ZN_OK;
}

zn_status zn__ent_doc_init(ent_doc *d, const zn_extract_input *in, zn_error *err)
{
    memset(d, 0, sizeof *d);
    d->text = in->text != NULL ? in->text : "";
    d->len = in->text != NULL ? in->len : 0;
    d->lex = in->lex;
    zn_status st = decode(d, err);
    if (st != ZN_OK) {
        return st;
    }
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
        st = alt_words(d, in, err);
        if (st != ZN_OK) {
            return st;
        }
    }
    st = cut_words(d, &src, err);
    if (st != ZN_OK) {
        return st;
    }
    d->word_of = zn__calloc(d->n + 1, sizeof *d->word_of);
    if (d->word_of == NULL) {
        return zn__error_nomem(err, "entities");
    }
    for (size_t w = 0; w < d->n_words; w++) {
        for (size_t c = d->words[w].start; c < d->words[w].end; c++) {
            d->word_of[c] = w;
        }
    }
    d->word_of[d->n] = d->n_words;
    return ZN_OK;
}

void zn__ent_doc_clear(ent_doc *d)
{
    zn__free(d->fold);
    zn__free(d->off);
    zn__free(d->keys);
    zn__free(d->words);
    zn__free(d->alt);
    zn__free(d->word_of);
    zn__free(d->cands);
    zn__free(d->links);
    memset(d, 0, sizeof *d);
}

bool zn__ent_key(const ent_doc *d, size_t s, size_t e, char *buf, size_t cap, size_t *len)
{
    size_t n = 0;
    for (size_t i = s; i < e; i++) {
        if (d->fold[i] == ' ') {
            continue;
        }
        char tmp[4];
        size_t k = zn__utf8_encode(d->fold[i], tmp);
        if (n + k >= cap) {
            return false;
        }
        memcpy(buf + n, tmp, k);
        n += k;
    }
    buf[n] = '\0';
    *len = n;
    return true;
}

const zn__ent_word *zn__ent_span_word(const ent_doc *d, size_t s, size_t e)
{
    if (e <= s || e - s > ZN__ENT_MAX_KEY_CHARS || !(d->keys[s] & (1u << (e - s - 1)))) {
        return NULL;
    }
    char key[4 * ZN__ENT_MAX_KEY_CHARS + 1];
    size_t len;
    if (!zn__ent_key(d, s, e, key, sizeof key, &len) || len == 0) {
        return NULL;
    }
    return zn__ent_lookup(key, len);
}

bool zn__ent_span_is(const ent_doc *d, size_t s, size_t e, unsigned flags)
{
    const zn__ent_word *w = zn__ent_span_word(d, s, e);
    return w != NULL && (w->flags & flags) != 0;
}

size_t zn__ent_word_ending(const ent_doc *d, size_t e, unsigned flags, size_t *s)
{
    size_t max = e < ZN__ENT_MAX_KEY_CHARS ? e : ZN__ENT_MAX_KEY_CHARS;
    for (size_t k = max; k >= 1; k--) {
        if (zn__ent_span_is(d, e - k, e, flags)) {
            *s = e - k;
            return k;
        }
    }
    return 0;
}

size_t zn__ent_word_starting(const ent_doc *d, size_t s, unsigned flags)
{
    size_t max = d->n - s < ZN__ENT_MAX_KEY_CHARS ? d->n - s : ZN__ENT_MAX_KEY_CHARS;
    for (size_t k = max; k >= 1; k--) {
        if (zn__ent_span_is(d, s, s + k, flags)) {
            return k;
        }
    }
    return 0;
}

bool zn__ent_in_lexicon(const ent_doc *d, size_t s, size_t e)
{
    if (d->lex == NULL || e <= s) {
        return false;
    }
    return zn_lexicon_lookup(d->lex, d->text + d->off[s], d->off[e] - d->off[s], NULL);
}
