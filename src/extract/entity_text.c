/* SPDX-License-Identifier: MIT
 * The extractor's view of a text: folded characters, byte offsets, the table keys at every
 * position, and questions about spans (is it a title, a suffix, a lexicon word). */
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

// Marks, for every position, the lengths at which the text spells a table key and keeps
// those rows: one walk down the key trie per position, one step per character, stopping as
// soon as no key has the prefix. Every later question "is [s, e) a key?" is then a bit and
// an index.
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
        uint8_t bits = 0;
        uint32_t node = 0;
        d->key_at[i] = (uint32_t)used;
        for (size_t k = 1; k <= ZN__ENT_MAX_KEY_CHARS && i + k <= d->n; k++) {
            uint32_t cp = d->fold[i + k - 1];
            if (cp == ' ' || (k == 1 && !zn__ent_may_start(cp)) ||
                (node = zn__ent_trie_step(node, cp)) == 0) {
                break;
            }
            uint32_t row = zn__ent_trie[node].row;
            if (row != ZN__ENT_NO_ROW) {
                if (used == cap) {
                    uint16_t *r = zn__reallocarray(d->key_rows, cap * 2, sizeof *r);
                    if (r == NULL) {
                        return ZN_ERR_NOMEM;
                    }
                    d->key_rows = r;
                    cap *= 2;
                }
                bits |= (uint8_t)(1u << (k - 1));
                d->ends[i + k] |= (uint8_t)(1u << (k - 1));
                d->key_rows[used++] = (uint16_t)row;
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
    d->ends = zn__calloc(d->n + 1, 1);
    if (d->keys == NULL || d->ends == NULL || d->n > UINT32_MAX / 2 || mark_keys(d) != ZN_OK) {
        return zn__error_nomem(err, "entities");
    }
    return ZN_OK;
}

// The character index of byte offset b, or SIZE_MAX when b is not a character boundary.
size_t zn__ent_char_at(const ent_doc *d, size_t b)
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
    st = zn__ent_cut_words(d, in, err);
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
    zn__free(d->ends);
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
    if (e > d->n) {
        return 0;
    }
    unsigned bits = d->ends[e]; // the keys that end at e, longest first
    while (bits != 0) {
        unsigned k = 32u - (unsigned)__builtin_clz(bits);
        bits &= ~(1u << (k - 1));
        if (zn__ent_span_is(d, e - k, e, flags)) {
            *s = e - k;
            return k;
        }
    }
    return 0;
}

size_t zn__ent_word_starting(const ent_doc *d, size_t s, unsigned flags)
{
    if (s >= d->n) {
        return 0;
    }
    // the keys at s, longest first: bit k-1 of keys[s] is the key of k characters, and its
    // row is the (number of shorter keys)-th of the position's rows
    unsigned bits = d->keys[s];
    size_t at = d->key_at[s];
    while (bits != 0) {
        unsigned k = 32u - (unsigned)__builtin_clz(bits);
        bits &= ~(1u << (k - 1));
        if (zn__ent_words[d->key_rows[at + (size_t)__builtin_popcount(bits)]].flags & flags) {
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
