/* SPDX-License-Identifier: MIT
 * The table keys at every position of a text (after entity_text.c has decoded it): a walk of
 * the key trie where a key begins, and the questions about them (the key of [s, e), the
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

// Makes room for the rows of eight more positions (each notes at most one row per length).
#define GROUP_ROWS (8 * ZN__ENT_MAX_KEY_CHARS)
static bool grow_rows(ent_doc *d, uint16_t **rows, size_t used, size_t *cap)
{
    uint16_t *r = zn__ent_grow(d, *rows, used, *cap * 2 + GROUP_ROWS, sizeof *r);
    if (r == NULL) {
        return false;
    }
    *rows = r;
    *cap = *cap * 2 + GROUP_ROWS;
    return true;
}

// The rest of a walk from position i (its first character's record fn) where the next
// character may continue a key: one step per character, stopping as soon as no key has the
// prefix; notes the rows of the keys found at rows[*used ...] and the flags of those ending
// at each position in end_flags. Returns the bit set of their lengths with the first
// character's (bit k-1: k characters), or-s their flags into *flags. Apart from zn__ent_mark_keys
// (most walks end at their first step).
static unsigned walk_on(const uint32_t *fold, size_t i, size_t n, const zn__ent_first_node *fn,
                        uint16_t *rows, size_t *used, uint16_t *end_flags, unsigned bits,
                        unsigned *flags)
{
    size_t max = n - i < ZN__ENT_MAX_KEY_CHARS ? n - i : ZN__ENT_MAX_KEY_CHARS;
    uint32_t child = fn->child;
    uint32_t n_child = fn->n_child;
    for (size_t k = 2; k <= max; k++) {
        uint32_t node = zn__ent_trie_find(child, n_child, fold[i + k - 1]);
        if (node == 0) {
            break;
        }
        const zn__ent_trie_node *nd = &zn__ent_trie[node];
        if (nd->row != ZN__ENT_NO_ROW) {
            bits |= 1u << (k - 1);
            *flags |= nd->flags;
            end_flags[i + k] |= nd->flags;
            rows[(*used)++] = nd->row;
        }
        if (nd->n_child == 0) {
            break;
        }
        child = nd->child;
        n_child = nd->n_child;
    }
    return bits;
}

// Which of the positions g .. g + 7 begin a key (their node bits in key_at are not 0): bit j
// for position g + j. Eight at a time with SSE2, no branch per position. Cannot fail.
static inline unsigned key_starts8(const uint32_t *key_at, size_t g)
{
#ifdef __SSE2__
    const __m128i node = _mm_set1_epi32((int)ZN__ENT_KEY_NODE);
    const __m128i zero = _mm_setzero_si128();
    __m128i lo = _mm_loadu_si128((const __m128i *)(const void *)(key_at + g));
    __m128i hi = _mm_loadu_si128((const __m128i *)(const void *)(key_at + g + 4));
    __m128i none = _mm_packs_epi32(_mm_cmpeq_epi32(_mm_and_si128(lo, node), zero),
                                   _mm_cmpeq_epi32(_mm_and_si128(hi, node), zero));
    return ((unsigned)_mm_movemask_epi8(_mm_packs_epi16(none, none)) & 0xFFu) ^ 0xFFu;
#else
    unsigned x = 0;
    for (unsigned j = 0; j < 8; j++) {
        x |= (unsigned)((key_at[g + j] & ZN__ENT_KEY_NODE) != 0) << j;
    }
    return x;
#endif
}

// Marks, for every position, the lengths at which the text spells a table key and keeps
// those rows: a walk of the key trie at each position where a key begins (fold_text left
// the node of the keys there in key_at). Those positions are found eight at a time
// (key_starts8), the others cost nothing, and no branch asks at each character whether a key
// begins there, which a CPU mispredicts often (they begin at about half the characters of a
// text). The walk's first step takes no branch and one 16-byte read (zn__ent_first: which
// first characters are keys themselves, and which go on, the CPU cannot foresee); most walks
// end there, since most first characters are not followed by the second character of any
// key (the second bit in key_at; 0 after the last character), or not of one that begins with
// them (the record's follow mask, 0 without children). Every later question "is [s, e) a
// key?" is then a bit and an index; the flags of the keys that start and end at a position
// are or-ed there, so most questions ("a title ending here?") are answered by one test. Only
// positions where a key starts or ends are written (keys, start_flags and end_flags were
// cleared; key_at is read only where keys has a bit).
zn_status zn__ent_mark_keys(ent_doc *d)
{
    _Static_assert(ZN__ENT_KEY_SECOND == 1u << 12, "the second bit is bit 12");
    size_t cap = d->n + GROUP_ROWS;
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
    const size_t n = d->n;
    unsigned all = 0;
    for (size_t g = 0; g < n; g += 8) {
        unsigned x = key_starts8(key_at, g); // key_at is 0 for eight entries from n on
        if (cap - used < GROUP_ROWS && !grow_rows(d, &rows, used, &cap)) {
            return ZN_ERR_NOMEM; // (asked once for eight positions)
        }
        for (; x != 0; x &= x - 1) {
            size_t i = g + (size_t)__builtin_ctz(x);
            const zn__ent_first_node *fn = &zn__ent_first[key_at[i] & ZN__ENT_KEY_NODE];
            size_t at = used;
            unsigned flags = fn->flags; // 0 without a row
            unsigned bits = fn->row != ZN__ENT_NO_ROW;
            rows[used] = fn->row; // kept when it is one (room was made)
            used += bits;
            end_flags[i + 1] |= (uint16_t)flags;
            if ((key_at[i + 1] >> 12 & fn->follow >> (fold[i + 1] % 64) & 1u) != 0) {
                bits = walk_on(fold, i, n, fn, rows, &used, end_flags, bits, &flags);
            }
            // written whether or not a key starts here (0, as cleared, when none; key_at is
            // read only where keys has a bit): no branch
            keys[i] = (uint8_t)bits;
            start_flags[i] = (uint16_t)flags;
            key_at[i] = (uint32_t)at;
            all |= flags;
        }
    }
    d->key_rows = rows;
    d->all_flags = (uint16_t)all;
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
