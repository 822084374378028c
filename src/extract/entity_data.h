/* SPDX-License-Identifier: MIT
 * The extractor's word lists (data/entities/, compiled by tools/gen_entities.py into one
 * sorted table) and the Traditional-to-Simplified character fold used to match them. */
#ifndef ZHNEWS_EXTRACT_ENTITY_DATA_H
#define ZHNEWS_EXTRACT_ENTITY_DATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The tables below are the library's own (generated into it): declared hidden, a position's
 * walk reads them directly instead of through the shared library's address table. */
#pragma GCC visibility push(hidden)

/* Which lists a word is in (bits of zn__ent_word.flags). */
enum {
    ZN__ENT_SUFFIX = 1u << 0,  /* suffixes.txt: 大学, 实验室, 公司 ... */
    ZN__ENT_HEAD = 1u << 1,    /* heads.txt: 企业, 高校 ... */
    ZN__ENT_GENERIC = 1u << 2, /* generic.txt: 联合, 该, 一流 ... */
    ZN__ENT_TITLE = 1u << 3,   /* titles.txt: 副校长, 记者 ... */
    ZN__ENT_CUE = 1u << 4,     /* cues.txt: 表示, 认为 ... */
    ZN__ENT_SURNAME = 1u << 5, /* surnames.txt */
    ZN__ENT_ABBREV = 1u << 6,  /* places.txt abbrev: 中, 美, 港 ... */
    ZN__ENT_REGION = 1u << 7,  /* places.txt region: 珠三角, 中华 ... */
    ZN__ENT_NONNAME = 1u << 8, /* nonname.txt: characters that end a given name */
    ZN__ENT_NAME = 1u << 9,    /* orgs.txt: names that stand alone (国务院, 新华社) */
    ZN__ENT_PAIR = 1u << 10,   /* places.txt pair: 两国, 关系 after 中美 */
    ZN__ENT_TRANSLIT = 1u << 11, /* translit.txt: characters of transliterated names */
    ZN__ENT_VERB = 1u << 12,   /* verbs.txt: founding verbs (新建, 共建) a name body stops at */
    ZN__ENT_LOCAL = 1u << 13,  /* places.txt local: 粤, 沪, 港 (provinces, not countries) */
};

/* Strength of a suffix (zn__ent_word.strength). */
enum { ZN__SUFFIX_STRONG = 0, ZN__SUFFIX_WEAK = 1, ZN__SUFFIX_PLACE = 2 };

/* One row: key is folded (Simplified, lowercase Latin) UTF-8; types are zn_entity_type. */
typedef struct zn__ent_word {
    const char *key;
    uint8_t len;
    uint16_t flags;
    uint8_t suffix_type;
    uint8_t strength;
    uint8_t head_type;
    uint8_t name_type;
} zn__ent_word;

/* The keys as a character trie, breadth first: node 0 is the root; the children of a node
 * are the nodes [child, child + n_child), sorted by cp; row is the zn__ent_words row of the
 * key the path spells, or ZN__ENT_NO_ROW. */
typedef struct zn__ent_trie_node { /* 12 bytes: the walk of every position reads these */
    uint32_t cp;
    uint16_t child;   /* the generator fails past 65535 nodes */
    uint16_t n_child;
    uint16_t row;
    uint16_t flags;   /* zn__ent_words[row].flags (0 without a row) */
} zn__ent_trie_node;
#define ZN__ENT_NO_ROW 0xFFFFu
extern const zn__ent_trie_node zn__ent_trie[];
extern const size_t zn__ent_n_trie;

/* What the walk of a position reads at its first character, side by side in 16 bytes (one
 * cache line holds four): for each child of the root (nodes 1 .. zn__ent_trie[0].n_child,
 * and the root), bit c % 64 of `follow` set for the code point c of each of its children (a
 * character whose bit is clear continues no key that begins with the node's character),
 * and the node's row, flags and children as in zn__ent_trie. */
typedef struct zn__ent_first_node {
    uint64_t follow;
    uint16_t row;
    uint16_t flags;
    uint16_t child;
    uint16_t n_child;
} zn__ent_first_node;
extern const zn__ent_first_node zn__ent_first[];

/* The node among the n nodes from `child` on (a node's children) that has the folded code
 * point cp, or 0 (the root is nobody's child) when there is none. Cannot fail. */
static inline uint32_t zn__ent_trie_find(uint32_t child, uint32_t n, uint32_t cp)
{
    const zn__ent_trie_node *base = &zn__ent_trie[child];
    if (n == 0) {
        return 0;
    }
    while (n > 1) { // a lower bound without branches on the comparisons (a mask: the
                    // compiler made a branch of a conditional expression, often mispredicted)
        uint32_t half = n / 2;
        base += half & -(uint32_t)(base[half - 1].cp < cp);
        n -= half;
    }
    return base->cp == cp ? (uint32_t)(base - zn__ent_trie) : 0;
}

/* The child of trie node `node` reached by the folded code point cp, or 0 when there is
 * none. Cannot fail. */
static inline uint32_t zn__ent_trie_step(uint32_t node, uint32_t cp)
{
    return zn__ent_trie_find(zn__ent_trie[node].child, zn__ent_trie[node].n_child, cp);
}

extern const zn__ent_word zn__ent_words[];
extern const size_t zn__ent_n_words;
extern const uint16_t zn__ent_row_flags[]; /* zn__ent_words[i].flags, packed */
extern const uint32_t zn__ent_t2s[][2];
extern const size_t zn__ent_n_t2s;
/* What the key walk and the fold read about a block of 32 BMP characters, side by side: a
 * bit per character that is the second character of a key, a bit per character that t2s
 * changes, the block's slice of zn__ent_root and how many characters below the block t2s
 * changes (a character's t2s pair is zn__ent_t2s[t2s_rank + the t2s bits below it]). */
typedef struct zn__ent_block {
    uint32_t second;
    uint32_t t2s;
    uint16_t root;
    uint16_t t2s_rank;
} zn__ent_block;
extern const zn__ent_block zn__ent_blocks[0x10000 / 32];
/* The trie node of each BMP character that begins a key, 0 for the others: character cp is
 * zn__ent_root[zn__ent_blocks[cp / 32].root][cp % 32] (slice 0 holds only zeros). */
extern const uint16_t zn__ent_root[][32];

/* What the key walk needs of a folded character (entity_text.c finds it while decoding):
 * the trie node of the keys it begins (ZN__ENT_KEY_NODE bits, 0: none; a child of the root,
 * of which the generator allows fewer than 4096) and ZN__ENT_KEY_SECOND when some key has
 * it as its second character. */
#define ZN__ENT_KEY_NODE 0xFFFu
#define ZN__ENT_KEY_SECOND (1u << 12)

/* The characters of the CJK blocks ZN__ENT_HAN_FIRST..ZN__ENT_HAN_LAST (punctuation such as
 * 、。《》「」, kana and the like, Han), most of a Chinese text's, one word each that tells
 * the character's fold (zn__ent_fold's) and the keys of its folded form:
 * the key bits as the walk keeps them (ZN__ENT_KEY_NODE, ZN__ENT_KEY_SECOND), the form
 * (ZN__ENT_HAN_FORM bits from ZN__ENT_HAN_FORM_SHIFT on: the character itself when t2s leaves
 * it alone) and ZN__ENT_HAN_UNCOMMON when the form is no Han of the common block
 * U+4E00-U+9FFF. Example: 學 U+5B78 holds 0x5B66 (学) and the node of 学, so Traditional text
 * costs one read per character too. */
#define ZN__ENT_HAN_FIRST 0x3000u
#define ZN__ENT_HAN_LAST 0x9FFFu
#define ZN__ENT_HAN_FORM_SHIFT 13
#define ZN__ENT_HAN_FORM 0x3FFFFu
#define ZN__ENT_HAN_UNCOMMON (1u << 31)
extern const uint32_t zn__ent_han[ZN__ENT_HAN_LAST - ZN__ENT_HAN_FIRST + 1];

/* Number of bits set in x. Cannot fail. */
static inline unsigned zn__ent_pop32(uint32_t x)
{
    x = x - ((x >> 1) & 0x55555555u);
    x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
    x = (x + (x >> 4)) & 0x0F0F0F0Fu;
    return (x * 0x01010101u) >> 24;
}

/* The Simplified form of the BMP character cp, whose bit in its block's t2s is set. Cannot
 * fail. */
static inline uint32_t zn__ent_t2s_of(uint32_t cp)
{
    // the pairs are sorted: this one comes after those of the characters below it
    const zn__ent_block *bl = &zn__ent_blocks[cp / 32];
    return zn__ent_t2s[bl->t2s_rank + zn__ent_pop32(bl->t2s & ((1u << (cp % 32)) - 1))][1];
}

/* Longest key in characters; longer strings are never looked up. */
#define ZN__ENT_MAX_KEY_CHARS 8

/* The row for the folded UTF-8 key s[0..len), or NULL. Cannot fail. */
const zn__ent_word *zn__ent_lookup(const char *s, size_t len);

/* The folded form of a code point: full-width ASCII to ASCII; U+3000, U+00A0 and the U+2000
 * spaces to a space; ASCII letters to lowercase; Traditional characters to Simplified
 * (OpenCC's table). Cannot fail. Example: U+5B78 學 → U+5B66 学; U+FF21 Ａ → 'a'. */
uint32_t zn__ent_fold_rest(uint32_t cp);
static inline uint32_t zn__ent_fold(uint32_t cp)
{
    // full-width ASCII (，：！？（）Ａ１: most marks of a Chinese text) and ASCII without a call;
    // zn__ent_fold_rest for the others
    if (cp - 0xFF01u <= 0xFF5Eu - 0xFF01u) {
        cp -= 0xFEE0u;
    }
    if (cp < 0x80) {
        return cp - 'A' <= 'Z' - 'A' ? cp + 32 : cp;
    }
    return zn__ent_fold_rest(cp);
}

#pragma GCC visibility pop

#endif
