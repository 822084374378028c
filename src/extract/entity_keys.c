/* SPDX-License-Identifier: MIT
 * The table keys at every position of a text (after entity_text.c has decoded it): a walk of
 * the key trie at each position, and the questions about them (the key of [s, e), the
 * longest one with some flags ending or starting at a position). */
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "extract/entity_priv.h"

// Number of bits set in a byte (the key bit sets of a position are one byte).
const uint8_t zn__ent_pop8[256] = {
#define P2(n) n, n + 1, n + 1, n + 2
#define P4(n) P2(n), P2(n + 1), P2(n + 1), P2(n + 2)
#define P6(n) P4(n), P4(n + 1), P4(n + 1), P4(n + 2)
    P6(0), P6(1), P6(1), P6(2)
#undef P2
#undef P4
#undef P6
};

// Makes room for `need` more rows at rows[used ...].
static bool grow_rows(ent_doc *d, uint16_t **rows, size_t used, size_t *cap, size_t need)
{
    size_t ncap = *cap * 2 > used + need ? *cap * 2 : used + need;
    uint16_t *r = zn__ent_grow(d, *rows, used, ncap, sizeof *r);
    if (r == NULL) {
        return false;
    }
    *rows = r;
    *cap = ncap;
    return true;
}

// The arrays zn__ent_mark_keys writes, for the rest of a walk (apart, so that the loop
// keeps its own in registers).
typedef struct mark_arrays {
    const uint32_t *fold;
    uint8_t *keys;
    uint16_t *start_flags;
    uint16_t *end_flags;
    size_t n;
} mark_arrays;

// The rest of a walk from position i (its first character's record fn) where the next
// character may continue a key: one step per character, stopping as soon as no key has the
// prefix; notes the rows of the keys found at rows[used ...], adds their lengths to keys[i]
// (bit k-1: k characters) and their flags to start_flags[i] and to end_flags at their ends.
// Returns the rows used then. Out of line: most walks end at their first step, and the
// loop of zn__ent_mark_keys keeps its registers (with this inline, it kept its state on
// the stack, written at every position).
__attribute__((noinline)) static size_t walk_on(const mark_arrays *a, uint16_t *rows,
                                                size_t i, const zn__ent_first_node *fn,
                                                size_t used)
{
    size_t max = a->n - i < ZN__ENT_MAX_KEY_CHARS ? a->n - i : ZN__ENT_MAX_KEY_CHARS;
    uint32_t child = fn->child;
    uint32_t n_child = fn->n_child;
    unsigned bits = 0;
    unsigned flags = 0;
    for (size_t k = 2; k <= max; k++) {
        uint32_t node = zn__ent_trie_find(child, n_child, a->fold[i + k - 1]);
        if (node == 0) {
            break;
        }
        const zn__ent_trie_node *nd = &zn__ent_trie[node];
        if (nd->row != ZN__ENT_NO_ROW) {
            bits |= 1u << (k - 1);
            flags |= nd->flags;
            a->end_flags[i + k] |= nd->flags;
            rows[used++] = nd->row;
        }
        if (nd->n_child == 0) {
            break;
        }
        child = nd->child;
        n_child = nd->n_child;
    }
    a->keys[i] |= (uint8_t)bits;
    a->start_flags[i] |= (uint16_t)flags;
    return used;
}

// The flags of n positions' flag sums, or-ed: eight at a time with SSE2 (apart from the
// loop of zn__ent_mark_keys, which keeps a register for something else). Cannot fail.
static uint16_t or_all(const uint16_t *f, size_t n)
{
    size_t i = 0;
    unsigned all = 0;
#ifdef __SSE2__
    __m128i v = _mm_setzero_si128();
    for (; i + 8 <= n; i += 8) {
        v = _mm_or_si128(v, _mm_loadu_si128((const __m128i *)(const void *)(f + i)));
    }
    v = _mm_or_si128(v, _mm_srli_si128(v, 8));
    v = _mm_or_si128(v, _mm_srli_si128(v, 4));
    v = _mm_or_si128(v, _mm_srli_si128(v, 2));
    all = (unsigned)_mm_cvtsi128_si32(v) & 0xFFFFu;
#endif
    for (; i < n; i++) {
        all |= f[i];
    }
    return (uint16_t)all;
}

// Marks, for every position, the lengths at which the text spells a table key and keeps
// those rows: a walk of the key trie at each position (fold_text left the node of the keys
// there in key_at, 0 where none begins). The walk's first step is the same few
// instructions at every position, without a branch: one 16-byte read (zn__ent_first; the
// root's record, node 0, has no row, no flags and continues nothing), its row kept when it
// is one, the position's entries written. So the loop has no branch the CPU
// mispredicts but one, and the table reads of the next positions overlap: choosing the
// positions where a key begins first (eight at a time, then from bit to bit) cost fewer
// instructions but more time, the walks' reads waiting behind the mispredicted end of each
// eight's loop. Most walks end at the first step, since most first characters are not
// followed by the second character of any key (the second bit in key_at; 0 after the last
// character), or not of one that begins with them (the record's follow mask, 0 without
// children). Every later question "is [s, e) a key?" is then a bit and an index; the flags
// of the keys that start and end at a position are or-ed there, so most questions ("a title
// ending here?") are answered by one test. key_at[i] becomes the index of the position's
// first row (read only where keys has a bit); end_flags were cleared.
zn_status zn__ent_mark_keys(ent_doc *d)
{
    _Static_assert(ZN__ENT_KEY_SECOND == 1u << 12, "the second bit is bit 12");
    const size_t n = d->n;
    // room for a row per position (one row at most from each first step; the walks that
    // go on make room for theirs) and some for the longer keys
    size_t cap = n + n / 4 + ZN__ENT_MAX_KEY_CHARS;
    size_t used = 0;
    uint16_t *rows = zn__ent_alloc(d, cap, sizeof *rows);
    if (rows == NULL) {
        return ZN_ERR_NOMEM;
    }
    // locals: the byte stores to keys[] may alias anything, d's fields too
    const uint32_t *fold = d->fold;
    uint32_t *key_at = d->key_at;
    uint8_t *keys = d->keys;
    uint16_t *start_flags = d->start_flags;
    uint16_t *end_flags = d->end_flags;
    const mark_arrays arrays = {fold, keys, start_flags, end_flags, n};
    for (size_t i = 0; i < n; i++) {
        uint32_t next = key_at[i + 1]; // key_at is 0 from n on
        const zn__ent_first_node *fn = &zn__ent_first[key_at[i] & ZN__ENT_KEY_NODE];
        unsigned flags = fn->flags; // 0 without a row
        unsigned bits = fn->row != ZN__ENT_NO_ROW;
        rows[used] = fn->row; // kept when it is one (cap - used >= n - i: room for it)
        keys[i] = (uint8_t)bits;
        start_flags[i] = (uint16_t)flags;
        end_flags[i + 1] |= (uint16_t)flags;
        key_at[i] = (uint32_t)used;
        used += bits;
        if ((next >> 12 & fn->follow >> (fold[i + 1] % 64) & 1u) != 0) {
            // room for this walk's rows and one for each position after it
            size_t need = n - i + ZN__ENT_MAX_KEY_CHARS;
            if (cap - used < need && !grow_rows(d, &rows, used, &cap, need)) {
                return ZN_ERR_NOMEM;
            }
            used = walk_on(&arrays, rows, i, fn, used);
        }
    }
    d->key_rows = rows;
    d->all_flags = or_all(start_flags, n);
    return ZN_OK;
}

const zn__ent_word *zn__ent_span_word(const ent_doc *d, size_t s, size_t e)
{
    if (e <= s || e - s > ZN__ENT_MAX_KEY_CHARS || !(d->keys[s] & (1u << (e - s - 1)))) {
        return NULL;
    }
    unsigned below = d->keys[s] & ((1u << (e - s - 1)) - 1);
    return &zn__ent_words[d->key_rows[d->key_at[s] + zn__ent_pop8[below]]];
}

size_t zn__ent_word_ending_at(const ent_doc *d, size_t e, unsigned flags, size_t *s)
{
    // the keys that end at e, longest first: the key of k characters has bit k-1 at e - k,
    // gathered from the eight positions before e at once (byte j of x is keys[e - 8 + j])
    _Static_assert(ZN__ENT_MAX_KEY_CHARS == 8, "a key's end bits are read 8 positions at once");
    uint64_t x = 0;
    if (e >= 8) {
        memcpy(&x, d->keys + e - 8, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        x = __builtin_bswap64(x);
#endif
    } else {
        for (size_t j = 8 - e; j < 8; j++) {
            x |= (uint64_t)d->keys[e - 8 + j] << (8 * j);
        }
    }
    x &= 0x0102040810204080u; // bit 7 - j of byte j: the key of 8 - j characters
    while (x != 0) {
        size_t k = 8 - (size_t)__builtin_ctzll(x) / 8;
        if (zn__ent_span_is(d, e - k, e, flags)) {
            *s = e - k;
            return k;
        }
        x &= x - 1;
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
        if (zn__ent_row_flags[d->key_rows[at + zn__ent_pop8[bits]]] & flags) {
            return k;
        }
    }
    return 0;
}
