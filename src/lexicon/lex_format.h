/* SPDX-License-Identifier: MIT
 * The on-disk form of a compiled lexicon (zhnews.lex), shared by the compiler in tools/ and the
 * reader in src/lexicon/. Little-endian, every section aligned to 8 bytes; the file is
 * memory-mapped and read in place, so no parsing happens at start-up. */
#ifndef ZHNEWS_LEXICON_LEX_FORMAT_H
#define ZHNEWS_LEXICON_LEX_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#define ZN_LEX_MAGIC "ZNLEX\x04\r\n"
#define ZN_LEX_MAGIC_PREFIX 5 /* "ZNLEX": a zhnews lexicon of some version */
#define ZN_LEX_VERSION 4u
#define ZN_LEX_MAX_WORD 255 /* longest entry in bytes */
#define ZN_LEX_TAG_MAX 8    /* tag strings, NUL-padded */
#define ZN_LEX_BMP 65536u   /* first characters below this have a direct index */
#define ZN_LEX_DENSE_LO 0x4E00u /* first characters U+4E00-U+9FFF are node cp - 0x4E00 */
#define ZN_LEX_DENSE_N 0x5200u

/* File header, at byte 0.
 * Sections: nodes[n_nodes] (a trie over code points, see below), bmp[65536] (u32: for a first
 * character below U+10000 outside the dense block, its node index + 1, 0 when no word starts
 * with it),
 * edges[1 << edge_bits] (u64: a Bloom filter of the trie's links below the first level, see
 * zn__lex_edge_mask), tags[n_tags][8], hmm (zn_lex_hmm), hmm_chars[n_hmm_chars] by code point. */
typedef struct zn_lex_header {
    char magic[8];
    uint32_t version;
    uint32_t n_nodes;      /* node slots: words, pure prefixes of words, empty hash slots */
    uint32_t n_words;      /* nodes that are words */
    uint32_t n_roots;      /* nodes [0, n_roots) are the first level (at least the dense block) */
    uint64_t total_freq;   /* sum of the source dictionary's frequencies */
    uint64_t file_size;
    uint64_t off_nodes;
    uint64_t off_bmp;
    uint64_t off_edges;
    uint32_t edge_bits;    /* log2 of the number of u64 words of edges (1 to 31) */
    uint32_t pad;
    uint64_t off_tags;
    uint32_t n_tags;
    uint32_t n_hmm_chars;
    uint64_t off_hmm;
    uint64_t off_hmm_chars;
} zn_lex_header;

/* The trie: node i is one character of a word or of a prefix of words, in breadth-first
 * order. The first level is nodes [0, n_roots): first a dense block of ZN_LEX_DENSE_N slots,
 * one per code point from ZN_LEX_DENSE_LO (the unified ideographs: no index to read before the
 * node; empty where no word starts), then the other first characters sorted by code point.
 * A node's children are its child slots from index `first`. A node with at most
 * ZN_LEX_LINEAR_MAX children keeps them sorted by code point (a short scan of one or two cache
 * lines); a node with more keeps them in an open-addressing table (a power of two of slots, at
 * most two thirds full): a child with code point cp sits at the first slot from
 * zn__lex_child_slot(cp, slots - 1) on (linear probing, wrapping inside the table), and an
 * empty slot holds ZN_LEX_EMPTY — so one probe, usually one cache line, finds a child or its
 * absence among the many children of a frequent character. A node without ZN_LEX_WORD_BIT is
 * only a prefix of longer words, which lets a scan stop at once. A node's word data sits beside
 * its links, in the cache line the search has just read, with the logarithm of its frequency
 * ready for the segmenter's scores. */
typedef struct zn_lex_node {
    uint32_t cp;    /* code point | forms << 21 | child code << 25 | ZN_LEX_WORD_BIT;
                       ZN_LEX_EMPTY in an empty slot */
    uint32_t first; /* index of the first child slot | tag index << 24 */
    uint32_t freq;  /* frequency of the word (0 for a pure prefix) */
    float lnf;      /* (float)log(freq) of a word, 0 for a pure prefix */
} zn_lex_node;

#define ZN_LEX_WORD_BIT 0x80000000u
#define ZN_LEX_CP_MASK 0x001FFFFFu
#define ZN_LEX_EMPTY ZN_LEX_CP_MASK /* above U+10FFFF: no character's code point */
#define ZN_LEX_FORMS_SHIFT 21     /* ZN_FORM_* bits of the source, 4 bits */
#define ZN_LEX_KIDS_SHIFT 25      /* the child code, 6 bits: 0-4 children in a sorted list, */
#define ZN_LEX_KIDS_MASK 0x3Fu    /* or c > 4: a table of 1 << (c - 2) slots */
#define ZN_LEX_FIRST_MASK 0x00FFFFFFu
#define ZN_LEX_TAG_SHIFT 24
#define ZN_LEX_LINEAR_MAX 4u

/* The number of child slots of a node from its cp field (at most 1 << 31: a corrupt code must
 * not shift out of range). */
static inline uint32_t zn__lex_kids(uint32_t cp_field)
{
    uint32_t c = cp_field >> ZN_LEX_KIDS_SHIFT & ZN_LEX_KIDS_MASK;
    return c <= ZN_LEX_LINEAR_MAX ? c : (uint32_t)1 << ((c - 2) & 31);
}

/* The child code of a node with `slots` child slots (a count up to ZN_LEX_LINEAR_MAX, or a
 * power of two above). */
static inline uint32_t zn__lex_kids_code(uint32_t slots)
{
    if (slots <= ZN_LEX_LINEAR_MAX) {
        return slots;
    }
    uint32_t c = 2;
    while (((uint32_t)1 << c) < slots) {
        c++;
    }
    return c + 2;
}

/* The first slot of child code point cp in a table of mask + 1 slots. */
static inline uint32_t zn__lex_child_slot(uint32_t cp, uint32_t mask)
{
    uint32_t h = cp * 0x9E3779B1u;
    h ^= h >> 15;
    return h & mask;
}

/* The edge filter: most lookups below the first level ask for a child that does not exist
 * (the next character does not continue any word), and in a child hash table that costs a
 * cache miss somewhere in 20 MB. Every link out of a node with a child table (parent node
 * index, child code point) sets three bits of one u64 word of a table of about 5 bits per
 * link (256 KB: it stays in the cache); a lookup whose bits are not all set is known absent
 * without touching the trie (some absent links still pass and are searched).
 * Nodes with a short sorted list of children are not in it: that list is one or two cache
 * lines, and checking the filter first costs about as much. */
static inline uint64_t zn__lex_edge_hash(uint32_t parent, uint32_t cp)
{
    uint64_t h = ((uint64_t)parent << 21 | cp) * 0x9E3779B97F4A7C15u;
    h ^= h >> 32;
    return h * 0xD6E8FEB86659FD93u;
}

/* The word index of an edge hash in a table of 1 << bits words. */
static inline uint64_t zn__lex_edge_word(uint64_t h, uint32_t bits)
{
    return h >> (64 - bits);
}

/* The three bits of an edge hash inside its word. */
static inline uint64_t zn__lex_edge_mask(uint64_t h)
{
    return (uint64_t)1 << (h & 63) | (uint64_t)1 << (h >> 6 & 63) | (uint64_t)1 << (h >> 12 & 63);
}

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

/* A final mix so that linear probing sees well-spread slots. */
static inline uint32_t zn__lex_hash_slot(uint32_t h, uint32_t bits)
{
    h ^= h >> 15;
    h *= 0x2c1b3c6du;
    h ^= h >> 12;
    return h & ((1u << bits) - 1u);
}

#endif
