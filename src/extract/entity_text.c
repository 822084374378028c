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

// Compares the bytes of row r from offset off with c[0..n): <0, 0 (the row goes on with c),
// >0. A row that ends before is less.
static int cmp_at(size_t r, size_t off, const char *c, size_t n)
{
    const zn__ent_word *w = &zn__ent_words[r];
    size_t have = w->len > off ? w->len - off : 0;
    int x = memcmp(w->key + off, c, have < n ? have : n);
    if (x != 0) {
        return x;
    }
    return have < n ? -1 : 0;
}

// Narrows [*lo, *hi), rows that share their first `off` bytes, to those that go on with
// c[0..n). Returns false when none does.
static bool narrow(size_t *lo, size_t *hi, size_t off, const char *c, size_t n)
{
    size_t a = *lo;
    size_t b = *hi;
    while (a < b) {
        size_t mid = a + (b - a) / 2;
        if (cmp_at(mid, off, c, n) < 0) {
            a = mid + 1;
        } else {
            b = mid;
        }
    }
    size_t first = a;
    b = *hi;
    while (a < b) {
        size_t mid = a + (b - a) / 2;
        if (cmp_at(mid, off, c, n) <= 0) {
            a = mid + 1;
        } else {
            b = mid;
        }
    }
    *lo = first;
    *hi = a;
    return first < a;
}

// Marks, for every position, the lengths at which the text spells a table key and keeps
// those rows: one walk down the sorted table per position, stopping as soon as no key has
// the prefix. Every later question "is [s, e) a key?" is then a bit and an index.
static zn_status mark_keys(ent_doc *d)
{
    size_t cap = d->n + 1;
    size_t used = 0;
    d->key_rows = zn__calloc(cap, sizeof *d->key_rows);
    d->key_at = zn__calloc(d->n + 1, sizeof *d->key_at);
    if (d->key_rows == NULL || d->key_at == NULL) {
        return ZN_ERR_NOMEM;
    }
    for (size_t i = 0; i < d->n; i++) {
        char key[4 * ZN__ENT_MAX_KEY_CHARS];
        size_t len = 0;
        uint8_t bits = 0;
        d->key_at[i] = (uint32_t)used;
        size_t lo = 0;
        size_t hi = zn__ent_n_words;
        for (size_t k = 1; k <= ZN__ENT_MAX_KEY_CHARS && i + k <= d->n; k++) {
            uint32_t cp = d->fold[i + k - 1];
            if (cp == ' ' || (k == 1 && !zn__ent_may_start(cp))) {
                break;
            }
            size_t n = zn__utf8_encode(cp, key + len);
            bool found = k == 1 ? zn__ent_first_rows(cp, &lo, &hi)
                                : n > 0 && narrow(&lo, &hi, len, key + len, n);
            if (!found) {
                break;
            }
            len += n;
            size_t at = lo;
            if (zn__ent_words[at].len == len) {
                if (used == cap) {
                    uint16_t *r = zn__reallocarray(d->key_rows, cap * 2, sizeof *r);
                    if (r == NULL) {
                        return ZN_ERR_NOMEM;
                    }
                    d->key_rows = r;
                    cap *= 2;
                }
                bits |= (uint8_t)(1u << (k - 1));
                d->key_rows[used++] = (uint16_t)at;
            }
        }
        d->keys[i] = bits;
    }
    d->key_at[d->n] = (uint32_t)used;
    return ZN_OK;
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
    if (d->keys == NULL || d->n > UINT32_MAX / 2 || mark_keys(d) != ZN_OK) {
        return zn__error_nomem(err, "entities");
    }
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

static bool is(const char *t, const char *name)
{
    return strcmp(t, name) == 0;
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
static zn_status push_split(ent_doc *d, size_t s, size_t e, ent_pos pos, size_t *cap)
{
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
    zn__free(d->key_at);
    zn__free(d->key_rows);
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
    unsigned below = d->keys[s] & ((1u << (e - s - 1)) - 1);
    return &zn__ent_words[d->key_rows[d->key_at[s] + (size_t)__builtin_popcount(below)]];
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

bool zn__ent_lexicon_tag_is(const ent_doc *d, size_t s, size_t e, const char *tag)
{
    zn_word_info info;
    if (d->lex == NULL || e <= s ||
        !zn_lexicon_lookup(d->lex, d->text + d->off[s], d->off[e] - d->off[s], &info)) {
        return false;
    }
    return strcmp(info.tag, tag) == 0;
}
