/* SPDX-License-Identifier: MIT
 * The extractor's view of a text: folded characters, byte offsets, the table keys at every
 * position, and questions about spans (is it a title, a suffix, a lexicon word). */
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "extract/entity_priv.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"
#include "extract/valid_text.h"


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

// The child of the root for a code point beyond the BMP (BMP characters read theirs from
// zn__ent_root), 0 when no key begins with it: searched without branches on the comparisons.
static uint32_t root_search(uint32_t cp)
{
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

// The key bits of a folded character (ZN__ENT_KEY_NODE, ZN__ENT_KEY_SECOND), worked out
// while decoding and kept in key_at until mark_keys has read them.
static uint32_t char_keys(uint32_t cp)
{
    if (cp - ZN__ENT_HAN_FIRST <= ZN__ENT_HAN_LAST - ZN__ENT_HAN_FIRST) {
        uint32_t h = zn__ent_han[cp - ZN__ENT_HAN_FIRST];
        if ((h >> ZN__ENT_HAN_FORM_SHIFT & ZN__ENT_HAN_FORM) == cp) {
            return h & (ZN__ENT_KEY_NODE | ZN__ENT_KEY_SECOND); // the fold leaves it alone
        }
    }
    if (cp < 0x10000) {
        const zn__ent_block *bl = &zn__ent_blocks[cp / 32];
        uint32_t second = bl->second >> (cp % 32) & 1u;
        return zn__ent_root[bl->root][cp % 32] | second * ZN__ENT_KEY_SECOND;
    }
    return root_search(cp) | ZN__ENT_KEY_SECOND; // beyond the BMP: any may follow
}

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
// character's (bit k-1: k characters), or-s their flags into *flags. Apart from mark_keys
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
__attribute__((noinline)) static zn_status mark_keys(ent_doc *d)
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

// One piece of scratch for the per-character arrays: off and word_of (size_t), fold and
// key_at (uint32_t), the flag sums (uint16_t), the key bit sets and the counts of uncommon
// characters (bytes), in that order so that each part is aligned. The flags and bit sets are
// cleared here; off, fold, key_at, uncommon and word_of are written in full.
static zn_status alloc_arrays(ent_doc *d)
{
    // Room for every byte that is not a continuation byte: each character decoded before an
    // invalid sequence (which ends the extraction) has one; and for eight entries from the
    // end on: mark_keys reads key_at eight at a time, the word cut marks four characters at
    // once from a word's start and finds the end of a short word without a test against the
    // text's end (off[] holds SIZE_MAX past it).
    size_t m = zn__utf8_count(d->text, d->len) + 8;
    size_t per = 2 * sizeof(size_t) + 2 * sizeof(uint32_t) + 2 * sizeof(uint16_t) + 2;
    if (m > SIZE_MAX / per) {
        return ZN_ERR_NOMEM;
    }
    // the first scratch block holds these and, most often, everything else of the text
    d->arena_hint = m * per + (m < 16384 ? 32 * m : 1u << 20) + 1024;
    char *p = zn__ent_alloc(d, m * per, 1);
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
    d->uncommon = d->keys + m;
    memset(d->start_flags, 0, m * (2 * sizeof(uint16_t) + 1)); // flag sums, bit sets
    return ZN_OK;
}

// Decodes and folds the text into off[] and fold[], puts what the key walk needs of each
// character into key_at[] (the node of the keys it begins and the second bit, char_keys;
// other bits above them), counts the characters that are no Han of the common block (for
// the word cut) and notes whether the text has Latin letters. A character of the CJK blocks
// (most) is one read of zn__ent_han, which tells its fold, its keys and whether it is
// common, Traditional or not.
// (Neither this nor mark_keys is inlined into decode: apart, each loop keeps its pointers in
// registers; inlined, they spilled some, 0.1M instructions more on a 2,753-line corpus.)
__attribute__((noinline)) static void fold_text(ent_doc *d)
{
    const unsigned char *us = (const unsigned char *)d->text;
    size_t len = d->len;
    size_t *off = d->off;
    uint32_t *fold = d->fold;
    uint32_t *key_at = d->key_at;
    uint8_t *uncommon = d->uncommon;
    size_t n = 0;
    bool latin = false;
    unsigned others = 0;
    uncommon[0] = 0;
    size_t pos = 0;
    while (pos < len) {
        off[n] = pos;
        uint32_t cp = zn__valid_next(us, &pos); // valid: checked by the caller or decode
        uint32_t f;
        uint32_t k;
        unsigned other;
        if (cp - ZN__ENT_HAN_FIRST <= ZN__ENT_HAN_LAST - ZN__ENT_HAN_FIRST) {
            k = zn__ent_han[cp - ZN__ENT_HAN_FIRST]; // the form's keys, and the form above
            f = k >> ZN__ENT_HAN_FORM_SHIFT & ZN__ENT_HAN_FORM;
            other = k >> 31;
            _Static_assert(ZN__ENT_HAN_UNCOMMON == 1u << 31, "the uncommon bit is the top bit");
        } else {
            f = zn__ent_fold(cp);
            k = char_keys(f);
            latin |= f - 'a' <= 'z' - 'a';
            other = f - 0x4E00u > 0x9FFFu - 0x4E00u;
        }
        fold[n] = f;
        key_at[n] = k;
        others += other;
        uncommon[n + 1] = (uint8_t)others; // modulo 256: the word cut asks of four at most
        n++;
    }
    off[n] = len;
    // after the last character: no key (mark_keys, the walk's look at the next character),
    // no word's end (the word cut)
    for (size_t j = n; j < n + 8; j++) {
        key_at[j] = 0;
    }
    off[n + 1] = SIZE_MAX, off[n + 2] = SIZE_MAX, off[n + 3] = SIZE_MAX, off[n + 4] = SIZE_MAX;
    d->n = n;
    d->has_latin = latin;
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
    fold_text(d);
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
    d->word_of[d->n] = d->n_words; // the words marked their characters, all of them
    return ZN_OK;
}

void zn__ent_doc_clear(ent_doc *d)
{
    zn__ent_arena_free(d); // every array goes with it (not the struct: clearing its kilobyte
                           // of character bits cost more than a short line's cut)
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
