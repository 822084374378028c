/* SPDX-License-Identifier: MIT
 * Private working state of the entity extractor, shared by its entity_*.c files: the text
 * as folded characters, the words it was cut into, candidate mentions and the links
 * (declared short names, list abbreviations) between them. Offsets here are characters. */
#ifndef ZHNEWS_EXTRACT_ENTITY_PRIV_H
#define ZHNEWS_EXTRACT_ENTITY_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <wchar.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "extract/entity_data.h"
#include "util/utf8.h"
#include "zhnews/extract.h"

/* Word classes, from the tagger's or the tokenizer's tags (or guessed from characters). */
typedef enum ent_pos {
    POS_UNK = 0, /* a character of text that no analysis covered */
    POS_N,       /* common noun */
    POS_VN,      /* verbal noun */
    POS_NR,      /* lexicon: person name */
    POS_NS,      /* lexicon: place name */
    POS_NT,      /* lexicon: organisation name */
    POS_NZ,      /* other proper noun (nz, nw, j) */
    POS_PER,     /* LAC person */
    POS_LOC,     /* LAC place */
    POS_ORG,     /* LAC organisation */
    POS_TIME,
    POS_V,
    POS_A,
    POS_M,       /* numeral */
    POS_Q,       /* classifier */
    POS_R,       /* pronoun */
    POS_FUNC,    /* p, c, u, d, f, xc ... */
    POS_PUNCT,
    POS_ENG,     /* Latin letters */
    POS_SPACE,
} ent_pos;

typedef struct ent_word {
    size_t start; /* characters */
    size_t end;
    uint8_t pos;
} ent_word;

/* A candidate mention: characters [start, end), a type and a priority (higher wins). */
typedef struct ent_cand {
    size_t start;
    size_t end;
    uint8_t type;
    uint8_t prio;
} ent_cand;

enum ent_link_kind {
    LINK_ALIAS,  /* b is another name of a (以下简称) */
    LINK_MEMBER, /* a is a list abbreviation, b one of its members (ATJ → 腾讯) */
};

typedef struct ent_link {
    uint8_t kind;
    size_t a_start, a_end, b_start, b_end;
} ent_link;

/* Priorities of the sources of candidates. */
enum {
    PRIO_LEXICON = 1,  /* tokenizer tag nr/ns/nt, abbreviation after 驻/访 */
    PRIO_WEAK = 2,     /* weak suffix grammar */
    PRIO_TAGGER = 3,   /* LAC PER/LOC/ORG, cue-word persons */
    PRIO_GRAMMAR = 4,  /* strong suffix grammar, lists with a head noun */
    PRIO_EXTENDED = 5, /* a name extended by a branch (深圳) or a Latin Lab, byline persons */
};

typedef struct ent_block ent_block; /* entity_arena.c */

typedef struct ent_doc {
    ent_block *arena;  /* scratch blocks: every array below comes from here */
    char *arena_next;  /* the free part of the last block: its start and size */
    size_t arena_room;
    void *scratch;     /* the caller's block, used first when large enough (not freed) */
    size_t scratch_size;
    size_t arena_hint; /* bytes of the first block */
    size_t arena_total; /* bytes of all blocks */
    const char *text;
    size_t len;
    size_t n;          /* characters */
    uint32_t *fold;    /* n folded code points */
    uint8_t *keys;     /* n bit sets: bit k-1 when characters [i, i+k) are a table key */
    uint16_t *start_flags; /* n + 1: the flags of every key that starts at i, or-ed */
    uint16_t *end_flags;   /* n + 1: the flags of every key that ends at i, or-ed */
    uint16_t all_flags;    /* the flags of every key in the text, or-ed */
    bool has_latin;        /* some folded character is a-z */
    uint32_t *key_at;  /* n: where position i's rows start in key_rows (only where keys[i]
                          has a bit; elsewhere what the key walk noted while decoding) */
    uint16_t *key_rows; /* the table rows of all marked keys, by position then length */
    size_t *off;       /* n + 1 byte offsets */
    ent_word *words;
    size_t n_words;
    size_t *word_of;   /* character → word index */
    uint8_t *uncommon; /* n + 1: how many characters before i are no Han of the common block
                          (U+4E00-U+9FFF) once folded, modulo 256 (for the word cut) */
    bool analysed;     /* words come from the tokenizer or the tagger */
    ent_word *alt;     /* the tokenizer's words when the tagger's are the main ones */
    size_t n_alt;
    const zn_lexicon *lex;
    ent_cand *cands;
    size_t n_cands;
    size_t cap_cands;
    ent_link *links;
    size_t n_links;
    size_t cap_links;
} ent_doc;

/* The result (include/zhnews/extract.h): entities, their mention spans and alias/role
 * pointers in shared arrays, all strings in one pool; one allocation holds it all. */
struct zn_entities {
    zn_entity *items;
    size_t count;
    zn_entity_mention *mentions; /* all mentions in text order */
    size_t n_mentions;
    zn_span *spans;              /* the entities' mention arrays, one slice each */
    const char **strs;           /* the entities' alias and role arrays, one slice each */
    char *pool;                  /* every string, NUL-terminated */
};

/* entity_arena.c: scratch memory freed with the document (zn__ent_doc_clear). zn__ent_alloc
 * gives count * size bytes (aligned for any scalar type), zn__ent_zalloc the same cleared,
 * zn__ent_grow a copy of old's n_old items with room for n_new; NULL when out of memory.
 * zn__ent_alloc takes from the last block inline (most calls: a few instructions, where a
 * call cost some forty); zn__ent_alloc_block gives `bytes` (a multiple of ZN__ENT_ALIGN) from
 * a new block when they do not fit (or fit exactly). */
#define ZN__ENT_ALIGN 16u
void *zn__ent_alloc_block(ent_doc *d, size_t bytes) __attribute__((warn_unused_result));
static inline __attribute__((warn_unused_result)) void *zn__ent_alloc(ent_doc *d, size_t count,
                                                                      size_t size)
{
    size_t bytes;
    if (__builtin_mul_overflow(count, size, &bytes) || bytes > SIZE_MAX / 4) {
        return NULL;
    }
    bytes = (bytes + ZN__ENT_ALIGN - 1) & ~(size_t)(ZN__ENT_ALIGN - 1);
    if (bytes >= d->arena_room) { // also before the first block (no room): a new one
        return zn__ent_alloc_block(d, bytes);
    }
    void *p = d->arena_next;
    d->arena_next += bytes;
    d->arena_room -= bytes;
    return p;
}
void *zn__ent_zalloc(ent_doc *d, size_t count, size_t size) __attribute__((warn_unused_result));
void *zn__ent_grow(ent_doc *d, void *old, size_t n_old, size_t n_new, size_t size)
    __attribute__((warn_unused_result));
void zn__ent_arena_free(ent_doc *d);

/* entity_text.c */
/* Reads the text and its words into d. `valid`: the caller checked the text is valid UTF-8
 * (else it is checked here). `scratch` (size bytes, aligned for any type, may be NULL)
 * serves as the first scratch block when it is large enough: short texts then need no
 * allocation for their working arrays. */
zn_status zn__ent_doc_init(ent_doc *d, const zn_extract_input *in, bool valid, void *scratch,
                           size_t size, zn_error *err) __attribute__((warn_unused_result));
/* Frees every working array of d (they all come from its scratch area); d's pointers are
 * stale afterwards, until zn__ent_doc_init. Cannot fail. */
void zn__ent_doc_clear(ent_doc *d);
/* The folded UTF-8 key of characters [s, e) with spaces left out, written to buf (room
 * for cap bytes); false when it does not fit. */
bool zn__ent_key(const ent_doc *d, size_t s, size_t e, char *buf, size_t cap, size_t *len);
/* The character index of byte offset b, or SIZE_MAX when b is not a character boundary. */
size_t zn__ent_char_at(const ent_doc *d, size_t b);
/* As zn__ent_char_at, searching forward from character `from` first (words come in text
 * order, so the next word starts where the last one ended). */
static inline size_t zn__ent_char_from(const ent_doc *d, size_t b, size_t from)
{
    // a word is a few characters long: a short walk, else the binary search
    for (size_t i = from, k = 0; i <= d->n && d->off[i] <= b && k < 16; i++, k++) {
        if (d->off[i] == b) {
            return i;
        }
    }
    return zn__ent_char_at(d, b);
}
/* entity_words.c: fills d->words (and d->alt) from the input's tags or tokens and sets
 * d->analysed. Returns ZN_OK, ZN_ERR_INVALID_ARG (a span that is not one of the text),
 * ZN_ERR_NOMEM. */
zn_status zn__ent_cut_words(ent_doc *d, const zn_extract_input *in, zn_error *err)
    __attribute__((warn_unused_result));
/* entity_words.c: adds the word [s, e) of class pos to d->words (room for *cap words, grown
 * when full) and marks its characters in d->word_of. ZN_OK or ZN_ERR_NOMEM. */
zn_status zn__ent_push_word(ent_doc *d, size_t s, size_t e, ent_pos pos, size_t *cap)
    __attribute__((warn_unused_result));
/* entity_split.c: pushes the word [s, e) of two characters or more, not all Han of the
 * common block, cut where punctuation or space meets other characters (the tagger sometimes
 * joins them: "、商汤"). A list joined by 、 keeps its tag on each item (中山大学、华南理工大学
 * /ORG); other joined pieces take the tokenizer's words. ZN_OK or ZN_ERR_NOMEM. */
zn_status zn__ent_push_split(ent_doc *d, size_t s, size_t e, ent_pos pos, size_t *cap)
    __attribute__((warn_unused_result));
/* entity_tags.c: the word class of a tagger or tokenizer tag (NUL-terminated, "" for none),
 * and of a tokenizer tag as its eight bytes (NUL-terminated when shorter). Cannot fail. */
ent_pos zn__ent_pos_of_tag(const char *t);
ent_pos zn__ent_pos_of_token_tag(const char t[8]);
/* The class of a folded character: POS_UNK for Han, POS_ENG, POS_M (digits), POS_SPACE,
 * else POS_PUNCT. Cannot fail. ASCII (most punctuation once folded) by a table inline, the
 * others out of line. */
extern const uint8_t zn__ent_ascii_class[128];
ent_pos zn__ent_char_class_above_ascii(uint32_t cp);
static inline ent_pos zn__ent_char_class(uint32_t cp)
{
    return cp < 0x80 ? (ent_pos)zn__ent_ascii_class[cp] : zn__ent_char_class_above_ascii(cp);
}
/* The class of a tag of one letter (or none): by its first letter, the class plus one
 * (0: a function word). */
extern const uint8_t zn__ent_tag_first[256];
static inline ent_pos zn__ent_tag_first_pos(char c)
{
    unsigned f = zn__ent_tag_first[(unsigned char)c];
    return f != 0 ? (ent_pos)(f - 1) : POS_FUNC;
}
/* entity_keys.c: marks the table keys at every position of d, decoded (keys, key_at,
 * key_rows, start_flags, end_flags, all_flags). ZN_OK or ZN_ERR_NOMEM. */
zn_status zn__ent_mark_keys(ent_doc *d) __attribute__((warn_unused_result));
/* The table row of characters [s, e), or NULL (also when longer than the longest key). */
const zn__ent_word *zn__ent_span_word(const ent_doc *d, size_t s, size_t e);
/* The three questions below are asked at nearly every position; most often no key with
 * the flags starts (or ends) there at all, which the inline part answers from the position's
 * flag sum. The _at functions look at the keys themselves (two in entity_keys.c; the
 * span's, short and asked most, inline below). */
size_t zn__ent_word_ending_at(const ent_doc *d, size_t e, unsigned flags, size_t *s);
size_t zn__ent_word_starting_at(const ent_doc *d, size_t s, unsigned flags);

/* True when some key of the text has one of the flags: rules that need a title, a head
 * noun, a suffix ... skip texts without any. */
static inline bool zn__ent_doc_has(const ent_doc *d, unsigned flags)
{
    return (d->all_flags & flags) != 0;
}

/* True when none of the four positions i .. i + 3 of `f` (start_flags or end_flags, which
 * must have them) has one of the flags: the scans over every position test four with one
 * load, since most positions have no key at all. Cannot fail. */
static inline bool zn__ent_none4(const uint16_t *f, size_t i, unsigned flags)
{
    uint64_t w;
    memcpy(&w, f + i, sizeof w);
    return (w & ((uint64_t)(uint16_t)flags * UINT64_C(0x0001000100010001))) == 0;
}

/* Which of the positions base .. base + 63 (those below end) have one of the flags in `f`
 * (start_flags or end_flags, which must have `end` entries): bit k for position base + k.
 * The rules that look at every position for a key (a suffix, a title, a cue word, a listed
 * name) visit the set bits only, from one to the next (__builtin_ctzll): no branch per
 * position, where testing four positions at a time mispredicted on the many texts whose keys
 * are a few positions apart. Eight positions per step with SSE2 (every x86-64), four with
 * 64-bit words elsewhere. Cannot fail. */
static inline uint64_t zn__ent_flag_bits(const uint16_t *f, size_t base, size_t end,
                                         unsigned flags)
{
    size_t n = end - base < 64 ? end - base : 64;
    uint64_t bits = 0;
    size_t k = 0;
#ifdef __SSE2__
    const __m128i want = _mm_set1_epi16((short)flags);
    for (; k + 8 <= n; k += 8) {
        __m128i v = _mm_and_si128(_mm_loadu_si128((const __m128i *)(const void *)(f + base + k)),
                                  want);
        __m128i none = _mm_cmpeq_epi16(v, _mm_setzero_si128()); // lanes without the flags
        unsigned eight = (unsigned)_mm_movemask_epi8(_mm_packs_epi16(none, none)) & 0xFFu;
        bits |= (uint64_t)(eight ^ 0xFFu) << k;
    }
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    // four lanes of a 64-bit load, lane j at bits 16j (little-endian only; else the loop below)
    const uint64_t want4 = (uint64_t)(uint16_t)flags * UINT64_C(0x0001000100010001);
    const uint64_t low = UINT64_C(0x7FFF7FFF7FFF7FFF);
    for (; k + 4 <= n; k += 4) {
        uint64_t w;
        memcpy(&w, f + base + k, sizeof w);
        w &= want4;
        // bit 15 of each 16-bit lane that is not 0, then the four bits side by side: the
        // multiplication moves bits 0, 16, 32, 48 to 48 .. 51 (no two products overlap)
        uint64_t top = (((w & low) + low) | w) & ~low;
        uint64_t four = ((top >> 15) * (UINT64_C(1) << 48 | UINT64_C(1) << 33 |
                                        UINT64_C(1) << 18 | UINT64_C(1) << 3)) >> 48;
        bits |= four << k;
    }
#endif
    for (; k < n; k++) {
        bits |= (uint64_t)((f[base + k] & flags) != 0) << k;
    }
    return bits;
}

/* Number of bits set in a byte (entity_keys.c): a position's key bit set is one byte. */
extern const uint8_t zn__ent_pop8[256];

/* The row's flags are those of the (number of shorter keys at s)-th row of the position. */
static inline bool zn__ent_span_is_at(const ent_doc *d, size_t s, size_t e, unsigned flags)
{
    if (e <= s || e - s > ZN__ENT_MAX_KEY_CHARS || !(d->keys[s] & (1u << (e - s - 1)))) {
        return false;
    }
    unsigned below = d->keys[s] & ((1u << (e - s - 1)) - 1);
    return (zn__ent_row_flags[d->key_rows[d->key_at[s] + zn__ent_pop8[below]]] & flags) != 0;
}

/* True when the row of [s, e) exists and has one of the flags. */
static inline bool zn__ent_span_is(const ent_doc *d, size_t s, size_t e, unsigned flags)
{
    return s < d->n && (d->start_flags[s] & flags) != 0 && zn__ent_span_is_at(d, s, e, flags);
}

/* The longest listed word with one of `flags` that ends at character e (starts at s when
 * found); 0 when none. */
static inline size_t zn__ent_word_ending(const ent_doc *d, size_t e, unsigned flags, size_t *s)
{
    return e <= d->n && (d->end_flags[e] & flags) != 0 ? zn__ent_word_ending_at(d, e, flags, s)
                                                       : 0;
}

/* The longest listed word with one of `flags` that starts at character s; 0 when none. */
static inline size_t zn__ent_word_starting(const ent_doc *d, size_t s, unsigned flags)
{
    return s < d->n && (d->start_flags[s] & flags) != 0 ? zn__ent_word_starting_at(d, s, flags)
                                                        : 0;
}
/* Character classes, asked at nearly every position: inline, the common block first. */
static inline bool zn__ent_is_han(uint32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || zn__cp_is_han(cp); // 〇 U+3007 is Han there too
}

static inline bool zn__ent_is_latin(uint32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

static inline bool zn__ent_is_digit(uint32_t cp)
{
    return cp >= '0' && cp <= '9';
}
/* Han numerals 〇一二…十百零 and ASCII digits (entity_extend.c). */
bool zn__ent_is_numeral(uint32_t cp);
/* True when the lexicon lists the characters [s, e) as a word (false without lexicon). */
bool zn__ent_in_lexicon(const ent_doc *d, size_t s, size_t e);
/* True when the lexicon lists [s, e) with POS tag `tag` ("ns"). */
bool zn__ent_lexicon_tag_is(const ent_doc *d, size_t s, size_t e, const char *tag);

/* entity_cands.c */
#define ZN__ENT_SORT_RUN 16 /* items sorted by insertion before merging */
#define ZN__ENT_MAX_ITEM 32

/* Sorts n items of `size` bytes (at most ZN__ENT_MAX_ITEM) stably: insertion sorts of runs
 * of ZN__ENT_SORT_RUN items, then merges through tmp, room for n items (not used, may be
 * NULL, when n <= ZN__ENT_SORT_RUN). Always inlined: most lines sort a handful of candidates,
 * and with the comparator and the size known at the call the compiler inlines the
 * comparison and the item moves (through qsort_r the calls cost more than the sorting).
 * Cannot fail. */
static inline __attribute__((always_inline)) void
zn__ent_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *, void *),
             void *ctx, void *tmp)
{
    char *a = base;
    char item[ZN__ENT_MAX_ITEM];
    for (size_t lo = 0; lo < n; lo += ZN__ENT_SORT_RUN) {
        size_t hi = n - lo < ZN__ENT_SORT_RUN ? n : lo + ZN__ENT_SORT_RUN;
        for (size_t i = lo + 1; i < hi; i++) {
            if (cmp(a + (i - 1) * size, a + i * size, ctx) <= 0) {
                continue; // already in place: the common case
            }
            memcpy(item, a + i * size, size);
            size_t k = i;
            do {
                memcpy(a + k * size, a + (k - 1) * size, size);
                k--;
            } while (k > lo && cmp(a + (k - 1) * size, item, ctx) > 0);
            memcpy(a + k * size, item, size);
        }
    }
    char *src = a;
    char *dst = tmp;
    for (size_t w = ZN__ENT_SORT_RUN; w < n; w *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * w) {
            size_t mid = n - lo < w ? n : lo + w;
            size_t hi = n - lo < 2 * w ? n : lo + 2 * w;
            size_t i = lo;
            size_t j = mid;
            size_t k = lo;
            while (i < mid && j < hi) { // the left one first when equal: stable
                bool left = cmp(src + i * size, src + j * size, ctx) <= 0;
                memcpy(dst + k++ * size, src + (left ? i++ : j++) * size, size);
            }
            memcpy(dst + k * size, src + i * size, (mid - i) * size);
            k += mid - i;
            memcpy(dst + k * size, src + j * size, (hi - j) * size);
        }
        char *t = src;
        src = dst;
        dst = t;
    }
    if (src != a) {
        memcpy(a, src, n * size);
    }
}
/* zn__ent_add when the candidate array is full: grows it, then adds. */
zn_status zn__ent_add_grown(ent_doc *d, size_t s, size_t e, unsigned type, unsigned prio)
    __attribute__((warn_unused_result));

/* Adds the candidate [s, e) (nothing when empty or past the text); ZN_OK or ZN_ERR_NOMEM.
 * Inline: every finder adds, and the array is rarely full. */
static inline __attribute__((warn_unused_result)) zn_status
zn__ent_add(ent_doc *d, size_t s, size_t e, unsigned type, unsigned prio)
{
    if (e <= s || e > d->n) {
        return ZN_OK;
    }
    if (d->n_cands == d->cap_cands) {
        return zn__ent_add_grown(d, s, e, type, prio);
    }
    d->cands[d->n_cands++] = (ent_cand){s, e, (uint8_t)type, (uint8_t)prio};
    return ZN_OK;
}
zn_status zn__ent_link(ent_doc *d, unsigned kind, size_t as, size_t ae, size_t bs, size_t be)
    __attribute__((warn_unused_result));
/* The type of the best candidate covering exactly [s, e), or -1. */
int zn__ent_type_of(const ent_doc *d, size_t s, size_t e);

/* True when [s, e) holds nothing but generic words, or nothing (entity_grammar.c). Inline,
 * the test of its first position: no generic word starts at most of them. */
bool zn__ent_all_generic_at(const ent_doc *d, size_t s, size_t e);
static inline bool zn__ent_all_generic(const ent_doc *d, size_t s, size_t e)
{
    return s >= e || ((d->start_flags[s] & ZN__ENT_GENERIC) && zn__ent_all_generic_at(d, s, e));
}
/* entity_grammar.c: suffix grammar, branches, Latin labs, congress names. */
zn_status zn__ent_find_grammar(ent_doc *d) __attribute__((warn_unused_result));
/* entity_lists.c: lists with head nouns, apposition, abbreviations, declared short names. */
zn_status zn__ent_find_lists(ent_doc *d) __attribute__((warn_unused_result));
/* entity_extend.c: branches, Latin labs, congresses after found names. */
zn_status zn__ent_find_extended(ent_doc *d) __attribute__((warn_unused_result));
/* entity_person.c: people from titles, cue words and surnames. */
zn_status zn__ent_find_people(ent_doc *d) __attribute__((warn_unused_result));
/* entity_tagged.c: candidates from LAC and lexicon tags, places. */
zn_status zn__ent_find_tagged(ent_doc *d) __attribute__((warn_unused_result));

/* entity_names.c: cuts a run of Chinese names (张建国李明华) into names. Fills cuts[0..n]
 * with the start of each name and e (cuts needs room for (e - s) / 2 + 1 entries); returns
 * n, or 0 when the run is not such a list. */
size_t zn__ent_split_names(const ent_doc *d, size_t s, size_t e, size_t *cuts);

/* entity_index.c: the positions of each folded character, in text order, and places the
 * callers hide (a name's own mention, the mentions taken). Texts of up to 512 characters
 * are scanned, in a copy of the folded text in which the hidden places hold no character:
 * most names occur once, and one scan that finds nothing is all they cost. Longer texts get
 * chains: next[i] is the next position whose character falls in the same hash bucket,
 * head[b] the first of bucket b (they find hidden places too: the callers test them). */
typedef struct ent_index {
    const ent_doc *d;
    uint32_t *chars; /* d->fold with hidden places set to ZN__ENT_HIDDEN */
    uint32_t *next;  /* NULL: scan */
    uint32_t *head;
    unsigned shift;  /* bucket of c: (c * golden ratio) >> shift, 32 bits */
} ent_index;

#define ZN__ENT_HIDDEN UINT32_MAX /* no character: a scan never stops there */

/* Builds the index of d's text (from d's scratch); ZN_OK or ZN_ERR_NOMEM. */
zn_status zn__ent_index_build(ent_index *ix, ent_doc *d) __attribute__((warn_unused_result));
/* Hides the positions [s, e) (hidden: true) or shows them again. Cannot fail. Inline: a name
 * is a few characters, hidden once or twice. */
static inline void zn__ent_index_hide(ent_index *ix, size_t s, size_t e, bool hidden)
{
    for (size_t i = s; i < e; i++) {
        ix->chars[i] = hidden ? ZN__ENT_HIDDEN : ix->d->fold[i];
    }
}

/* True when position i is hidden. Cannot fail. */
static inline bool zn__ent_index_is_hidden(const ent_index *ix, size_t i)
{
    return ix->chars[i] == ZN__ENT_HIDDEN;
}

static inline size_t zn__ent_index_bucket(const ent_index *ix, uint32_t c)
{
    return (size_t)((c * 2654435761u) >> ix->shift);
}

/* The first position at or after chain entry p (UINT32_MAX: none) holding character c. */
static inline size_t zn__ent_index_chain(const ent_index *ix, uint32_t p, uint32_t c)
{
    while (p != UINT32_MAX && ix->d->fold[p] != c) {
        p = ix->next[p];
    }
    return p == UINT32_MAX ? SIZE_MAX : p;
}

/* The first position at or after i of the n characters of a (folded text) holding c, by
 * scanning, or SIZE_MAX. Where wchar_t is a 32-bit code point (glibc, musl, the BSDs)
 * wmemchr scans, eight characters at a time where the C library has vector code: names are
 * looked for again this way, and rules that start at one character (等, 作为, 十) jump from
 * one to the next. */
#if WCHAR_MAX == 0x7FFFFFFF || WCHAR_MAX == 0xFFFFFFFFu
_Static_assert(sizeof(wchar_t) == sizeof(uint32_t), "wchar_t holds a folded character");

static inline size_t zn__ent_scan_chars(const uint32_t *a, size_t n, size_t i, uint32_t c)
{
    if (i >= n) {
        return SIZE_MAX;
    }
    const wchar_t *w = (const wchar_t *)(const void *)(a + i);
    const wchar_t *p = wmemchr(w, (wchar_t)c, n - i);
    return p == NULL ? SIZE_MAX : i + (size_t)(p - w);
}
#else
static inline size_t zn__ent_scan_chars(const uint32_t *a, size_t n, size_t i, uint32_t c)
{
    for (; i < n; i++) {
        if (a[i] == c) {
            return i;
        }
    }
    return SIZE_MAX;
}
#endif

/* The first position at or after i of d's folded text holding c, or SIZE_MAX. */
static inline size_t zn__ent_index_scan(const ent_doc *d, size_t i, uint32_t c)
{
    return zn__ent_scan_chars(d->fold, d->n, i, c);
}

/* The first position holding folded character c and not hidden, or SIZE_MAX. Cannot fail. */
static inline size_t zn__ent_index_first(const ent_index *ix, uint32_t c)
{
    return ix->next == NULL ? zn__ent_scan_chars(ix->chars, ix->d->n, 0, c)
                            : zn__ent_index_chain(ix, ix->head[zn__ent_index_bucket(ix, c)], c);
}

/* The next position after i holding the same character as i and not hidden, or SIZE_MAX.
 * Cannot fail. */
static inline size_t zn__ent_index_next(const ent_index *ix, size_t i)
{
    uint32_t c = ix->d->fold[i];
    return ix->next == NULL ? zn__ent_scan_chars(ix->chars, ix->d->n, i + 1, c)
                            : zn__ent_index_chain(ix, ix->next[i], c);
}

/* entity_select.c: chooses non-overlapping mentions (in place, sorted by start), applies
 * the splitting rules and finds further mentions of the chosen names. */
zn_status zn__ent_select(ent_doc *d) __attribute__((warn_unused_result));
/* entity_clean.c: writes to out (room for cap mentions) the mentions that the n chosen
 * candidates really are, in their order: each trimmed (titles, 政府, 地区), split (中美 →
 * 中 + 美, a run of names, a list at 、) or dropped (a generic phrase, a bare title);
 * returns their number. Cannot fail. */
size_t zn__ent_clean(const ent_doc *d, const ent_cand *chosen, size_t n, ent_cand *out,
                     size_t cap);

/* Mentions being grouped into entities (entity_group.c, entity_result.c). */
typedef struct grouping {
    ent_doc *d;
    size_t m;          /* mentions */
    size_t *parent;    /* union-find */
    size_t *key_len;   /* bytes of each mention's key (zn__ent_key), measured when m >= 2 */
    size_t *key_head;  /* its first three bytes, when it has three (for unite_keys only) */
    size_t *key_spaced; /* 1 when the mention's text has a space (left out of the key) */
    size_t *key_first; /* its first code point (0: an empty key), measured when m >= 2 */
    size_t *ent_of;    /* mention → entity index */
    size_t n_ents;
    size_t *first;     /* entity → its first mention */
    size_t *room;      /* zn__ent_group_build's working arrays, allocated with the above */
} grouping;

/* entity_group.c: compares the keys of mentions a and b as their bytes would compare, without
 * writing them: 0 when equal, -2 when a's key is a proper prefix of b's (2 the other way
 * round), else -1 or 1. Cannot fail. */
int zn__ent_key_cmp(const grouping *g, size_t a, size_t b);
/* The table row spelled by the key of mention l past the key of mention s, a proper prefix of
 * it (商汤科技 past 商汤: 科技), or NULL. Cannot fail. */
const zn__ent_word *zn__ent_key_suffix(const grouping *g, size_t s, size_t l);

/* entity_result.c: the words of working memory zn__ent_group_build needs for m mentions
 * and n_links links (at most: one entity per mention). */
static inline size_t zn__ent_build_room(size_t m, size_t n_links)
{
    return 12 * m + 5 * n_links + 12;
}
/* entity_result.c: builds the result from a finished grouping (its working arrays in g->room,
 * zn__ent_build_room words). */
zn_status zn__ent_group_build(grouping *g, zn_entities **out) __attribute__((warn_unused_result));
/* Frees a result of zn__ent_group_build (NULL too; the shared empty result is kept). */
void zn__ent_result_free(zn_entities *ents);

/* entity_group.c: groups the chosen mentions into the result. */
zn_status zn__ent_group(ent_doc *d, zn_entities **out) __attribute__((warn_unused_result));

#endif
