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

#endif
