/* SPDX-License-Identifier: MIT
 * The lexicon compiler's word table (merging equal forms) and the writer of zhnews.lex. */
#ifndef ZHNEWS_TOOLS_LEXWRITE_H
#define ZHNEWS_TOOLS_LEXWRITE_H

#include "lexcompile.h"

typedef struct lex_entry {
    char *s;
    uint32_t len;
    uint64_t freq;
    uint32_t best_freq; /* the frequency of the source entry whose tag was kept */
    char tag[ZN_LEX_TAG_MAX];
    uint8_t forms;
    uint8_t is_word;
} lex_entry;

typedef struct lex_table {
    lex_entry *items;
    size_t n;
    size_t cap;
    size_t n_words;
    uint32_t *slots; /* index + 1 */
    uint32_t bits;
} lex_table;

void lex_table_init(lex_table *t);
void lex_table_free(lex_table *t);

/* Adds one form of a source entry: frequencies of equal strings are summed, the tag of the
 * most frequent source entry is kept, form bits are or-ed. */
void lex_table_add_word(lex_table *t, const char *s, size_t len, uint32_t freq,
                        const char *tag, uint8_t forms);

/* The trie's layout (lextrie.c): order[slot] = entry index (LEX_NO_ENTRY: an empty slot),
 * first[slot] and kids[slot] as in zn_lex_node; count[entry]: its children. */
#define LEX_NO_ENTRY SIZE_MAX

typedef struct lex_trie {
    size_t *order;
    size_t *first;
    size_t *kids;
    size_t *count;
    size_t n_slots;
    size_t n_roots;
} lex_trie;

/* Lays out the sorted table t (exits on failure). */
void lex_trie_build(const lex_table *t, lex_trie *tr);
void lex_trie_free(lex_trie *tr);

/* The last code point of an entry. */
uint32_t lex_last_cp(const lex_entry *e);

/* Adds the prefix nodes, sorts, and writes the file (exits on failure); returns the number of
 * node slots written. */
size_t lex_write(lex_table *t, uint64_t total_freq, const lex_hmm *hmm, const char *path);

#endif
