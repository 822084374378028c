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
        if (h >> ZN__ENT_HAN_FORM_SHIFT == 0) {
            return h; // its own keys: the fold leaves it alone
        }
    }
    if (cp < 0x10000) {
        const zn__ent_block *bl = &zn__ent_blocks[cp / 32];
        uint32_t second = bl->second >> (cp % 32) & 1u;
        return zn__ent_root[bl->root][cp % 32] | second * ZN__ENT_KEY_SECOND;
    }
    return root_search(cp) | ZN__ENT_KEY_SECOND; // beyond the BMP: any may follow
}

// Makes room for at least ZN__ENT_MAX_KEY_CHARS more rows (the most one position adds).
static bool grow_rows(ent_doc *d, uint16_t **rows, size_t used, size_t *cap)
{
    uint16_t *r = zn__ent_grow(d, *rows, used, *cap * 2 + ZN__ENT_MAX_KEY_CHARS, sizeof *r);
    if (r == NULL) {
        return false;
    }
    *rows = r;
    *cap = *cap * 2 + ZN__ENT_MAX_KEY_CHARS;
    return true;
}

// Walks the key trie from position i, where a key begins (node: the trie node of its
// character), one step per character, stopping as soon as no key has the prefix; notes the
// rows of the keys found at rows[*used ...] and the flags of those ending at each position
// in end_flags. Returns the bit set of their lengths (bit k-1: k characters), their flags
// in *flags.
static inline unsigned walk(const ent_doc *d, size_t i, uint32_t node, uint16_t *rows,
                            size_t *used, uint16_t *end_flags, unsigned *flags)
{
    const uint32_t *fold = d->fold;
    const zn__ent_first_node *fn = &zn__ent_first[node]; // one read for this step
    // the first character's key without branches (a node without row has no flags): which
    // first characters are keys themselves, and which go on, the CPU cannot foresee
    unsigned bits = fn->row != ZN__ENT_NO_ROW;
    *flags = fn->flags;
    end_flags[i + 1] |= fn->flags;
    rows[*used] = fn->row; // kept when it is one (the caller made room)
    *used += bits;
    // most first characters are not followed by the second character of any key, or not of
    // one that begins with them (key_at[n] is 0: no second character after the last)
    unsigned more = (fn->n_child != 0) & (d->key_at[i + 1] >> 12 & 1u) &
                    (unsigned)(fn->follow >> (fold[i + 1] % 64) & 1u);
    _Static_assert(ZN__ENT_KEY_SECOND == 1u << 12, "the second bit is bit 12");
    if (!more) {
        return bits;
    }
    size_t max = d->n - i < ZN__ENT_MAX_KEY_CHARS ? d->n - i : ZN__ENT_MAX_KEY_CHARS;
    uint32_t child = fn->child;
    uint32_t n_child = fn->n_child;
    for (size_t k = 2; k <= max; k++) {
        node = zn__ent_trie_find(child, n_child, fold[i + k - 1]);
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

// Marks, for every position, the lengths at which the text spells a table key and keeps
// those rows: a walk (above) at each position where a key begins. fold_text left a 1 in
// keys[] there: read eight positions at a time, the others cost nothing, and no branch asks
// at each character whether a key begins there, which a CPU mispredicts often (they begin
// at about half the characters of a text). Every later question "is [s, e) a key?" is then
// a bit and an index; the flags of the keys that start and end at a position are or-ed
// there, so most questions ("a title ending here?") are answered by one test. Only
// positions where a key starts or ends are written (keys, start_flags and end_flags were
// cleared; key_at is read only where keys has a bit).
__attribute__((noinline)) static zn_status mark_keys(ent_doc *d)
{
    size_t cap = d->n + ZN__ENT_MAX_KEY_CHARS;
    size_t used = 0;
    uint16_t *rows = zn__ent_alloc(d, cap, sizeof *rows);
    if (rows == NULL) {
        return ZN_ERR_NOMEM;
    }
    uint32_t *key_at = d->key_at; // locals: the stores through them may alias d's fields
    uint8_t *keys = d->keys;
    uint16_t *start_flags = d->start_flags;
    uint16_t *end_flags = d->end_flags;
    unsigned all = 0;
    for (size_t g = 0; g < d->n; g += 8) {
        uint64_t x; // byte j: 1 when a key begins at g + j (the bytes past the end are 0)
        memcpy(&x, keys + g, sizeof x);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        x = __builtin_bswap64(x);
#endif
        for (; x != 0; x &= x - 1) {
            size_t i = g + (size_t)__builtin_ctzll(x) / 8;
            if (cap - used < ZN__ENT_MAX_KEY_CHARS && !grow_rows(d, &rows, used, &cap)) {
                return ZN_ERR_NOMEM;
            }
            size_t at = used;
            unsigned flags;
            unsigned bits = walk(d, i, key_at[i] & ZN__ENT_KEY_NODE, rows, &used, end_flags,
                                 &flags);
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
// key_at (uint32_t), the flag sums (uint16_t), the key bit sets (bytes), in that order so
// that each part is aligned. The flags and bit sets are cleared here; off, fold and word_of
// are written in full, key_at for every character and the end (0: no key there).
static zn_status alloc_arrays(ent_doc *d)
{
    // Room for every byte that is not a continuation byte: each character decoded before an
    // invalid sequence (which ends the extraction) has one.
    size_t m = zn__utf8_count(d->text, d->len) + 2;
    size_t per = 2 * sizeof(size_t) + 2 * sizeof(uint32_t) + 2 * sizeof(uint16_t) + 1;
    if (m > (SIZE_MAX - 8) / per) {
        return ZN_ERR_NOMEM;
    }
    // the first scratch block holds these and, most often, everything else of the text
    d->arena_hint = m * per + (m < 16384 ? 32 * m : 1u << 20) + 1024;
    char *p = zn__ent_alloc(d, m * per + 8, 1); // 8: mark_keys reads keys[] by eight
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
    // flag sums, bit sets (and the 8 bytes after them): side by side
    memset(d->start_flags, 0, m * (2 * sizeof(uint16_t) + 1) + 8);
    return ZN_OK;
}

// Decodes and folds the text into off[] and fold[], puts what the key walk needs of each
// character into key_at[] (char_keys), a 1 into keys[] where a key begins (for mark_keys,
// which puts the key bits there), and notes whether the text has Latin letters. A character
// of the CJK blocks (most) is one read of zn__ent_han, which tells its fold and its keys,
// Traditional or not.
// (Neither this nor mark_keys is inlined into decode: apart, each loop keeps its pointers in
// registers; inlined, they spilled some, 0.1M instructions more on a 2,753-line corpus.)
__attribute__((noinline)) static void fold_text(ent_doc *d)
{
    const unsigned char *us = (const unsigned char *)d->text;
    size_t len = d->len;
    size_t *off = d->off;
    uint32_t *fold = d->fold;
    uint32_t *key_at = d->key_at;
    uint8_t *keys = d->keys;
    size_t n = 0;
    bool latin = false;
    size_t pos = 0;
    while (pos < len) {
        off[n] = pos;
        uint32_t cp = zn__valid_next(us, &pos); // valid: checked by the caller or decode
        uint32_t f;
        uint32_t k;
        if (cp - ZN__ENT_HAN_FIRST <= ZN__ENT_HAN_LAST - ZN__ENT_HAN_FIRST) {
            uint32_t h = zn__ent_han[cp - ZN__ENT_HAN_FIRST];
            f = h >> ZN__ENT_HAN_FORM_SHIFT != 0 ? h >> ZN__ENT_HAN_FORM_SHIFT : cp;
            k = h & (ZN__ENT_KEY_NODE | ZN__ENT_KEY_SECOND);
        } else {
            f = zn__ent_fold(cp);
            k = char_keys(f);
            latin |= f - 'a' <= 'z' - 'a';
        }
        fold[n] = f;
        key_at[n] = k;
        keys[n] = (k & ZN__ENT_KEY_NODE) != 0;
        n++;
    }
    off[n] = len;
    key_at[n] = 0; // the walk's look at the character after the last: none
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
