/* SPDX-License-Identifier: MIT
 * The on-disk form of a compiled lexicon (zhnews.lex), shared by the compiler in tools/ and the
 * reader in src/lexicon/. Little-endian, every section aligned to 8 bytes; the file is
 * memory-mapped and read in place, so no parsing happens at start-up. */
#ifndef ZHNEWS_LEXICON_LEX_FORMAT_H
#define ZHNEWS_LEXICON_LEX_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#define ZN_LEX_MAGIC "ZNLEX\x02\r\n"
#define ZN_LEX_VERSION 2u
#define ZN_LEX_MAX_WORD 255 /* longest entry in bytes */
#define ZN_LEX_TAG_MAX 8    /* tag strings, NUL-padded */
#define ZN_LEX_BMP 65536u   /* first characters below this have a direct index */

/* File header, at byte 0.
 * Sections: nodes[n_nodes + 1] (a trie over code points, see below),
 * bmp[65536] (u32: for a first character below U+10000, its node index + 1, 0 when no word
 * starts with it), roots[n_roots] (zn_lex_root: where the first character's child table
 * lies), pairs[n_pair_slots] (u32: the child tables, one per first character with more than
 * ZN_LEX_PAIR_MIN children: open addressing by zn__lex_pair_slot, linear probing, each slot
 * the low 16 bits of the child's code point << 16 | its position among its siblings + 1, 0 =
 * empty; one probe instead of a search among a frequent character's many children, in a table
 * that stays hot with its character, and most absent pairs are known without reading a node),
 * tags[n_tags][8], hmm (zn_lex_hmm), hmm_chars[n_hmm_chars] by code point. */
typedef struct zn_lex_header {
    char magic[8];
    uint32_t version;
    uint32_t n_nodes;      /* words + pure prefixes of words */
    uint32_t n_words;      /* nodes that are words */
    uint32_t n_roots;      /* nodes [0, n_roots) are the first characters, sorted */
    uint64_t total_freq;   /* sum of the source dictionary's frequencies */
    uint64_t file_size;
    uint64_t off_nodes;
    uint64_t off_bmp;
    uint64_t off_roots;
    uint64_t off_pairs;
    uint32_t n_pair_slots;
    uint32_t pad;
    uint64_t off_tags;
    uint32_t n_tags;
    uint32_t n_hmm_chars;
    uint64_t off_hmm;
    uint64_t off_hmm_chars;
} zn_lex_header;

/* The trie: node i is one character of a word or of a prefix of words, in breadth-first
 * order, so the children of node i are the nodes [nodes[i].first, nodes[i + 1].first), sorted
 * by code point (nodes[n_nodes] closes the last range). A node without ZN_LEX_WORD_BIT is only
 * a prefix of longer words, which lets a scan stop at once. A node's word data sits beside its
 * links, in the cache line the search has just read. */
typedef struct zn_lex_node {
    uint32_t cp;    /* code point | ZN_LEX_WORD_BIT */
    uint32_t first; /* index of the first child */
    uint32_t freq;  /* frequency of the word (0 for a pure prefix) */
    uint8_t tag;    /* index into tags */
    uint8_t forms;  /* ZN_FORM_* bits */
    uint16_t pad;
} zn_lex_node;

#define ZN_LEX_WORD_BIT 0x80000000u
#define ZN_LEX_CP_MASK 0x001FFFFFu

/* The character model (jieba's finalseg HMM): states B, M, E, S in that order;
 * natural-log probabilities. */
enum { ZN_HMM_B = 0, ZN_HMM_M = 1, ZN_HMM_E = 2, ZN_HMM_S = 3 };

typedef struct zn_lex_hmm {
    float start[4];
    float trans[4][4]; /* trans[from][to]; impossible transitions hold ZN_HMM_NEVER */
    float emit_floor;  /* emission of a character the table lacks */
    float pad[3];
} zn_lex_hmm;

typedef struct zn_lex_hmm_char {
    uint32_t cp;
    float emit[4];
} zn_lex_hmm_char;

#define ZN_HMM_NEVER (-3.14e30f)

/* FNV-1a, fed byte by byte so that the hashes of all prefixes come in one pass (the compiler's
 * merge table and the run-time user overlay). */
#define ZN_LEX_HASH_INIT 2166136261u

static inline uint32_t zn__lex_hash_step(uint32_t h, unsigned char byte)
{
    return (h ^ byte) * 16777619u;
}

static inline uint32_t zn__lex_hash(const char *s, size_t len)
{
    uint32_t h = ZN_LEX_HASH_INIT;
    for (size_t i = 0; i < len; i++) {
        h = zn__lex_hash_step(h, (unsigned char)s[i]);
    }
    return h;
}

/* A first character's child table: slots pairs[off .. off + mask], mask + 1 a power of two;
 * mask 0: no table (few children, searched directly). */
typedef struct zn_lex_root {
    uint32_t off;
    uint32_t mask;
} zn_lex_root;

#define ZN_LEX_PAIR_MIN 8

/* The first slot of child code point cp in a table with the given mask. */
static inline uint32_t zn__lex_pair_slot(uint32_t cp, uint32_t mask)
{
    uint32_t h = cp * 0x9E3779B1u;
    h ^= h >> 15;
    return h & mask;
}

/* A final mix so that linear probing sees well-spread slots. */
static inline uint32_t zn__lex_hash_slot(uint32_t h, uint32_t bits)
{
    h ^= h >> 15;
    h *= 0x2c1b3c6du;
    h ^= h >> 12;
    return h & ((1u << bits) - 1u);
}

#endif
