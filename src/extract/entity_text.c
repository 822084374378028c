/* SPDX-License-Identifier: MIT
 * The extractor's view of a text: folded characters, byte offsets, the table keys at every
 * position, and questions about spans (is it a title, a suffix, a lexicon word). */
#include <string.h>

#include "extract/entity_priv.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"
#include "extract/valid_text.h"

// Number of bits set in a byte (the key bit sets of a position are one byte).
static const uint8_t pop8[256] = {
#define P2(n) n, n + 1, n + 1, n + 2
#define P4(n) P2(n), P2(n + 1), P2(n + 1), P2(n + 2)
#define P6(n) P4(n), P4(n + 1), P4(n + 1), P4(n + 2)
    P6(0), P6(1), P6(1), P6(2)
#undef P2
#undef P4
#undef P6
};

// The child of the root for code point cp: the root's children are many (every first
// character of a key). A BMP character's place among them is counted in the bit table of
// first characters; others are searched without branches on the comparisons.
static uint32_t root_step(uint32_t cp)
{
    if (cp < 0x10000) {
        const zn__ent_block *bl = &zn__ent_blocks[cp / 32];
        if (!(bl->first >> (cp % 32) & 1u)) {
            return 0;
        }
        uint32_t node = zn__ent_trie[0].child + bl->rank +
                        zn__ent_pop32(bl->first & ((1u << (cp % 32)) - 1));
        return zn__ent_trie[node].cp == cp ? node : 0;
    }
    const zn__ent_trie_node *base = &zn__ent_trie[zn__ent_trie[0].child];
    size_t n = zn__ent_trie[0].n_child;
    if (n == 0) {
        return 0;
    }
    while (n > 1) {
        size_t half = n / 2;
        base = base[half - 1].cp < cp ? base + half : base;
        n -= half;
    }
    return base->cp == cp ? (uint32_t)(base - zn__ent_trie) : 0;
}

static bool grow_rows(ent_doc *d, size_t *cap)
{
    uint16_t *r = zn__ent_grow(d, d->key_rows, *cap, *cap * 2, sizeof *r);
    if (r == NULL) {
        return false;
    }
    d->key_rows = r;
    *cap *= 2;
    return true;
}

// Marks, for every position, the lengths at which the text spells a table key and keeps
// those rows: one walk down the key trie per position, one step per character, stopping as
// soon as no key has the prefix. Every later question "is [s, e) a key?" is then a bit and
// an index; the flags of the keys that start and end at a position are or-ed there, so
// most questions ("a title ending here?") are answered by one test.
static zn_status mark_keys(ent_doc *d)
{
    size_t cap = d->n + 1;
    size_t used = 0;
    d->key_rows = zn__ent_alloc(d, cap, sizeof *d->key_rows);
    if (d->key_rows == NULL) {
        return ZN_ERR_NOMEM;
    }
    for (size_t i = 0; i < d->n; i++) {
        d->key_at[i] = (uint32_t)used;
        uint32_t cp = d->fold[i];
        if (cp == ' ' || !zn__ent_may_start(cp)) {
            continue;
        }
        uint8_t bits = 0;
        uint16_t flags = 0;
        uint32_t node = root_step(cp);
        size_t max = d->n - i < ZN__ENT_MAX_KEY_CHARS ? d->n - i : ZN__ENT_MAX_KEY_CHARS;
        for (size_t k = 1; node != 0; k++) {
            uint32_t row = zn__ent_trie[node].row;
            if (row != ZN__ENT_NO_ROW) {
                if (used == cap && !grow_rows(d, &cap)) {
                    return ZN_ERR_NOMEM;
                }
                uint16_t f = zn__ent_trie[node].flags;
                bits |= (uint8_t)(1u << (k - 1));
                flags |= f;
                d->ends[i + k] |= (uint8_t)(1u << (k - 1));
                d->end_flags[i + k] |= f;
                d->key_rows[used++] = (uint16_t)row;
            }
            if (k == max || zn__ent_trie[node].n_child == 0 || (cp = d->fold[i + k]) == ' ' ||
                (k == 1 && !zn__ent_may_follow(cp))) {
                break; // most first characters are not followed by a second one of a key
            }
            node = zn__ent_trie_step(node, cp);
        }
        d->keys[i] = bits;
        d->start_flags[i] = flags;
        d->all_flags |= flags;
    }
    d->key_at[d->n] = (uint32_t)used;
    return ZN_OK;
}

// The bytes of s[0..len) that are not continuation bytes (10xxxxxx), eight at a time: a
// continuation byte has its top bit set and the next one clear.
static size_t count_leads(const char *s, size_t len)
{
    size_t cont = 0;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        uint64_t c = x & ~(x << 1) & 0x8080808080808080u;
        cont += (size_t)(((c >> 7) * 0x0101010101010101u) >> 56);
    }
    for (; i < len; i++) {
        cont += ((unsigned char)s[i] & 0xC0) == 0x80;
    }
    return len - cont;
}

// One piece of scratch for the per-character arrays: off and word_of (size_t), fold and
// key_at (uint32_t), the flag sums (uint16_t), the key bit sets (bytes), in that order so
// that each part is aligned. Only word_of, the flags and bit sets are cleared (for the
// characters, once they are counted); the rest is written in full.
static zn_status alloc_arrays(ent_doc *d)
{
    // Room for every byte that is not a continuation byte: each character decoded before an
    // invalid sequence (which ends the extraction) has one.
    size_t m = count_leads(d->text, d->len) + 2;
    size_t per = 2 * sizeof(size_t) + 2 * sizeof(uint32_t) + 2 * sizeof(uint16_t) + 2;
    if (m > SIZE_MAX / per) {
        return ZN_ERR_NOMEM;
    }
    // the first scratch block holds these and, most often, everything else of the text
    d->arena_hint = m * per + (m < 16384 ? 32 * m : 1u << 20) + 1024;
    char *p = zn__ent_alloc(d, m, per);
    if (p == NULL) {
        return ZN_ERR_NOMEM;
    }
    d->off = (size_t *)(void *)p;
    d->word_of = d->off + m;
    d->fold = (uint32_t *)(void *)(d->word_of + m);
    d->key_at = d->fold + m;
    d->start_flags = (uint16_t *)(void *)(d->key_at + m);
    d->end_flags = d->start_flags + m;
    d->keys = (uint8_t *)(void *)(d->end_flags + m);
    d->ends = d->keys + m;
    return ZN_OK;
}

static zn_status decode(ent_doc *d, bool valid, zn_error *err)
{
    if (!valid) {
        size_t bad = zn__utf8_valid_prefix(d->text, d->len);
        if (bad < d->len) {
            return zn__error_set(err, ZN_ERR_INVALID_ARG,
                                 "entities: invalid UTF-8 at byte %zu", bad);
        }
    }
    if (alloc_arrays(d) != ZN_OK) {
        return zn__error_nomem(err, "entities");
    }
    const unsigned char *us = (const unsigned char *)d->text;
    size_t pos = 0;
    while (pos < d->len) {
        size_t at = pos;
        uint32_t cp = zn__valid_next(us, &pos); // checked above or by the caller
        d->off[d->n] = at;
        // Han characters that t2s leaves alone (most) fold to themselves
        bool same =
            cp >= 0x3400 && cp <= 0x9FFF && !(zn__ent_blocks[cp / 32].t2s >> (cp % 32) & 1u);
        uint32_t f = same ? cp : zn__ent_fold(cp);
        d->fold[d->n] = f;
        size_t h = zn__ent_seen_bit(f);
        d->seen[h >> 6] |= (uint64_t)1 << (h & 63);
        d->has_latin |= f >= 'a' && f <= 'z';
        d->n++;
    }
    d->off[d->n] = d->len;
    memset(d->word_of, 0, (d->n + 1) * sizeof *d->word_of); // words may leave gaps
    memset(d->start_flags, 0, (d->n + 1) * sizeof *d->start_flags);
    memset(d->end_flags, 0, (d->n + 1) * sizeof *d->end_flags);
    memset(d->keys, 0, d->n + 1);
    memset(d->ends, 0, d->n + 1);
    if (d->n > UINT32_MAX / 2 || mark_keys(d) != ZN_OK) {
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

zn_status zn__ent_doc_init(ent_doc *d, const zn_extract_input *in, bool valid, void *scratch,
                           size_t size, zn_error *err)
{
    memset(d, 0, sizeof *d);
    d->scratch = scratch;
    d->scratch_size = size;
    d->text = in->text != NULL ? in->text : "";
    d->len = in->text != NULL ? in->len : 0;
    d->lex = in->lex;
    zn_status st = decode(d, valid, err);
    if (st != ZN_OK) {
        return st;
    }
    st = zn__ent_cut_words(d, in, err);
    if (st != ZN_OK) {
        return st;
    }
    d->word_of[d->n] = d->n_words; // the words' characters were marked as they came
    return ZN_OK;
}

void zn__ent_doc_clear(ent_doc *d)
{
    zn__ent_arena_free(d);
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
    return &zn__ent_words[d->key_rows[d->key_at[s] + pop8[below]]];
}

bool zn__ent_span_is_at(const ent_doc *d, size_t s, size_t e, unsigned flags)
{
    if (e <= s || e - s > ZN__ENT_MAX_KEY_CHARS || !(d->keys[s] & (1u << (e - s - 1)))) {
        return false;
    }
    unsigned below = d->keys[s] & ((1u << (e - s - 1)) - 1);
    return (zn__ent_row_flags[d->key_rows[d->key_at[s] + pop8[below]]] & flags) != 0;
}

size_t zn__ent_word_ending_at(const ent_doc *d, size_t e, unsigned flags, size_t *s)
{
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

size_t zn__ent_word_starting_at(const ent_doc *d, size_t s, unsigned flags)
{
    // the keys at s, longest first: bit k-1 of keys[s] is the key of k characters, and its
    // row is the (number of shorter keys)-th of the position's rows
    unsigned bits = d->keys[s];
    size_t at = d->key_at[s];
    while (bits != 0) {
        unsigned k = 32u - (unsigned)__builtin_clz(bits);
        bits &= ~(1u << (k - 1));
        if (zn__ent_row_flags[d->key_rows[at + pop8[bits]]] & flags) {
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
