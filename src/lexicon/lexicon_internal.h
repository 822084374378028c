/* SPDX-License-Identifier: MIT
 * Private parts of the lexicon shared by its files: the mapped file and the user overlay. */
#ifndef ZHNEWS_LEXICON_LEXICON_INTERNAL_H
#define ZHNEWS_LEXICON_LEXICON_INTERNAL_H

#include "lexicon/lex_format.h"
#include "zhnews/lexicon.h"

/* A word or prefix added at run time (user dictionary). */
typedef struct zn__user_entry {
    const char *s; /* into one of the table's buffers */
    uint32_t len;
    uint32_t freq; /* 0 for a pure prefix */
    char tag[ZN_LEX_TAG_MAX];
    bool is_word;
} zn__user_entry;

typedef struct zn__user_table {
    zn__user_entry *items;
    size_t n;
    size_t cap;
    uint32_t *slots; /* index + 1 */
    uint32_t bits;   /* 0 while empty */
    size_t n_new_words; /* user words the compiled lexicon lacks */
    char **bufs;     /* the texts the entries point into */
    size_t n_bufs;
} zn__user_table;

struct zn_lexicon {
    void *map;
    size_t map_len;
    const zn_lex_header *h;
    const zn_lex_node *nodes;
    const uint32_t *bmp;
    const uint64_t *edges;
    uint32_t edge_bits;
    const char (*tags)[ZN_LEX_TAG_MAX];
    const zn_lex_hmm *hmm;
    const zn_lex_hmm_char *hmm_chars;
    zn__user_table user;
};

/* Finds s[0..len) (whose FNV hash is h) in the user table; NULL when absent. */
const zn__user_entry *zn__user_find(const zn__user_table *t, const char *s, size_t len,
                                    uint32_t h);

/* Frees the user table. */
void zn__user_clear(zn__user_table *t);

/* The first-character node of a code point of U+10000 or above, or UINT32_MAX. */
uint32_t zn__lex_root_far(const zn_lexicon *lex, uint32_t cp);

#endif
