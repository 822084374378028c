/* SPDX-License-Identifier: MIT
 * Walking the lexicon's trie one code point at a time: the tokenizer's inner loop over text it
 * has already decoded (zn_lexicon_prefixes without decoding again and without a callback).
 * Inline, because a step is a few instructions around one cache line (see lex_format.h). */
#ifndef ZHNEWS_LEXICON_LEX_WALK_H
#define ZHNEWS_LEXICON_LEX_WALK_H

#include <string.h>

#include "lexicon/lexicon_internal.h"
#include "zhnews/lexicon.h"

/* The walk's start, and the end of a walk: no listed word continues. */
#define ZN_LEX_WALK_ROOT UINT32_MAX

/* True when the walk sees every word: the lexicon has no user words (those are found by bytes:
 * use zn_lexicon_prefixes then). */
static inline bool zn__lex_walkable(const zn_lexicon *lex)
{
    return lex->user.n == 0;
}

/* The lexicon's sections a walk reads, copied out of the lexicon so that they stay in
 * registers across the stores of the caller's loop (which may alias the lexicon struct). */
typedef struct zn__lex_cursor {
    const zn_lexicon *lex;
    const zn_lex_node *nodes;
    const uint32_t *bmp;
    const uint64_t *edges;
    const char (*tags)[ZN_LEX_TAG_MAX];
    uint32_t n_nodes;
    uint32_t edge_bits;
    uint32_t n_tags;
} zn__lex_cursor;

static inline zn__lex_cursor zn__lex_cursor_of(const zn_lexicon *lex)
{
    zn__lex_cursor c = {lex,           lex->nodes,     lex->bmp,        lex->edges,
                        lex->tags,     lex->h->n_nodes, lex->edge_bits, lex->h->n_tags};
    return c;
}

/* The child of node `parent` (ZN_LEX_WALK_ROOT: the root) for code point cp, or
 * ZN_LEX_WALK_ROOT. Indices out of range in a corrupt file read as absent. */
static inline __attribute__((always_inline)) uint32_t zn__lex_child_in(const zn__lex_cursor *lc,
                                                                       uint32_t parent, uint32_t cp)
{
    const zn_lex_node *nodes = lc->nodes;
    uint32_t n = lc->n_nodes;
    if (parent == ZN_LEX_WALK_ROOT) {
        uint32_t d = cp - ZN_LEX_DENSE_LO; // the dense block: no index to read
        if (d < ZN_LEX_DENSE_N) {
            return (nodes[d].cp & ZN_LEX_CP_MASK) == cp ? d : ZN_LEX_WALK_ROOT;
        }
        if (cp >= ZN_LEX_BMP) {
            return zn__lex_root_far(lc->lex, cp);
        }
        uint32_t v = lc->bmp[cp] - 1; // 0 (no word) becomes ZN_LEX_WALK_ROOT
        return v < n ? v : ZN_LEX_WALK_ROOT;
    }
    uint32_t code = nodes[parent].cp >> ZN_LEX_KIDS_SHIFT & ZN_LEX_KIDS_MASK;
    uint32_t lo = nodes[parent].first & ZN_LEX_FIRST_MASK;
    if (code > ZN_LEX_LINEAR_MAX) { // a hash table of k slots (see lex_format.h)
        uint32_t k = (uint32_t)1 << ((code - 2) & 31);
        if (lo > n || k > n - lo) {
            return ZN_LEX_WALK_ROOT;
        }
        uint64_t h = zn__lex_edge_hash(parent, cp);
        uint64_t m = zn__lex_edge_mask(h);
        if ((lc->edges[zn__lex_edge_word(h, lc->edge_bits)] & m) != m) {
            return ZN_LEX_WALK_ROOT; // no such link
        }
        uint32_t mask = k - 1;
        uint32_t i = zn__lex_child_slot(cp, mask);
        for (uint32_t probes = 0; probes < k; probes++) {
            uint32_t c = nodes[lo + i].cp & ZN_LEX_CP_MASK;
            if (c == cp) {
                return lo + i;
            }
            if (c == ZN_LEX_EMPTY) {
                break;
            }
            i = (i + 1) & mask;
        }
        return ZN_LEX_WALK_ROOT;
    }
    if (lo > n || code > n - lo) {
        return ZN_LEX_WALK_ROOT;
    }
    for (uint32_t end = lo + code; lo < end; lo++) { // sorted: code is the number of children
        uint32_t c = nodes[lo].cp & ZN_LEX_CP_MASK;
        if (c >= cp) {
            return c == cp ? lo : ZN_LEX_WALK_ROOT;
        }
    }
    return ZN_LEX_WALK_ROOT;
}

/* zn__lex_child_in with the lexicon itself. */
static inline uint32_t zn__lex_child(const zn_lexicon *lex, uint32_t parent, uint32_t cp)
{
    zn__lex_cursor lc = zn__lex_cursor_of(lex);
    return zn__lex_child_in(&lc, parent, cp);
}

/* A prefetch that GCC keeps (at -O2 it drops some __builtin_prefetch whose address comes from
 * a load). */
static inline void zn__lex_prefetch(const void *p)
{
#if defined(__x86_64__) || defined(__i386__)
    __asm__ volatile("prefetcht0 %0" : : "m"(*(const char *)p));
#else
    __builtin_prefetch(p);
#endif
}

/* Asks the cache for the node of the two code points c1 c2 when c1 lies in the dense block:
 * the first child slot where it would be (the edge filter is not asked: its load would delay
 * the prefetch, and its instructions cost more than the lines it saves). No branch on what it
 * loads; no effect on results. */
static inline void zn__lex_prefetch_pair(const zn__lex_cursor *lc, uint32_t c1, uint32_t c2)
{
    const zn_lex_node *nodes = lc->nodes;
    uint32_t d = c1 - ZN_LEX_DENSE_LO;
    d &= 0u - (uint32_t)(d < ZN_LEX_DENSE_N);
    uint32_t w = nodes[d].cp;
    uint32_t code = w >> ZN_LEX_KIDS_SHIFT & ZN_LEX_KIDS_MASK;
    uint32_t table = 0u - (uint32_t)(code > ZN_LEX_LINEAR_MAX);
    uint32_t mask = (((uint32_t)1 << ((code - 2) & 31)) - 1) & table;
    uint32_t at = (nodes[d].first & ZN_LEX_FIRST_MASK) + zn__lex_child_slot(c2, mask);
    at = at < lc->n_nodes ? at : d;
    zn__lex_prefetch(&nodes[at]);
}

/* Whether `node` (ZN_LEX_WALK_ROOT: none) is a listed word, and then *info (what
 * zn_lexicon_prefixes would give) and *lnf, (float)log(info->freq). */
static inline bool zn__lex_word_info(const zn_lexicon *lex, uint32_t node, zn_word_info *info,
                                     float *lnf)
{
    if (node == ZN_LEX_WALK_ROOT || !(lex->nodes[node].cp & ZN_LEX_WORD_BIT)) {
        return false;
    }
    const zn_lex_node *w = &lex->nodes[node]; // fill_info without user words
    uint32_t tag = w->first >> ZN_LEX_TAG_SHIFT;
    info->freq = w->freq;
    info->forms = w->cp >> ZN_LEX_FORMS_SHIFT & 0x0Fu;
    *lnf = w->lnf;
    memset(info->tag, 0, sizeof info->tag);
    if (tag < lex->h->n_tags) {
        memcpy(info->tag, lex->tags[tag], ZN_LEX_TAG_MAX);
        info->tag[ZN_LEX_TAG_MAX - 1] = '\0';
    }
    return true;
}

/* A word found by a walk: its node's data, and its tag in the lexicon (8 bytes, NUL-padded
 * but for a corrupt file's last byte). */
typedef struct zn__lex_hit {
    uint32_t freq;
    uint32_t forms;
    float lnf;
    const char *tag;
} zn__lex_hit;

/* The node after `node` (ZN_LEX_WALK_ROOT at the start) for code point cp, or
 * ZN_LEX_WALK_ROOT when no listed word begins with the code points walked so far. Returns in
 * *word whether those code points are a listed word, and then its data in *hit (what
 * zn__lex_word_info gives, without copying the tag). */
static inline __attribute__((always_inline)) uint32_t
zn__lex_walk_in(const zn__lex_cursor *lc, uint32_t node, uint32_t cp, zn__lex_hit *hit, bool *word)
{
    static const char no_tag[ZN_LEX_TAG_MAX] = {0};
    node = zn__lex_child_in(lc, node, cp);
    *word = node != ZN_LEX_WALK_ROOT && (lc->nodes[node].cp & ZN_LEX_WORD_BIT);
    if (*word) {
        const zn_lex_node *w = &lc->nodes[node];
        uint32_t tag = w->first >> ZN_LEX_TAG_SHIFT;
        hit->freq = w->freq;
        hit->forms = w->cp >> ZN_LEX_FORMS_SHIFT & 0x0Fu;
        hit->lnf = w->lnf;
        hit->tag = tag < lc->n_tags ? lc->tags[tag] : no_tag;
    }
    return node;
}

#endif
