/* SPDX-License-Identifier: MIT
 * The lexicon compiler (build time only): jieba's dict.txt + OpenCC forms + the HMM tables
 * → zhnews.lex (format in src/lexicon/lex_format.h). Shared declarations of its three files. */
#ifndef ZHNEWS_TOOLS_LEXCOMPILE_H
#define ZHNEWS_TOOLS_LEXCOMPILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lexicon/lex_format.h"

/* Prints "lexcompile: ..." on stderr and exits with status 1 (a build tool may exit). */
void lex_die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
void *lex_xmalloc(size_t n);
void *lex_xrealloc(void *p, size_t n);
char *lex_xstrndup(const char *s, size_t len);

/* Reads a whole file into a NUL-terminated buffer; *len receives its size. */
char *lex_read_file(const char *path, size_t *len);

/* Converts words[0..n) with the OpenCC configuration `config` ("s2t.json", found by the
 * library's own data lookup); out[i] receives a malloc'd result (NULL when the conversion
 * equals the input). Phrase-level: words are converted in batches, one per line. */
void lex_convert(const char *config, char *const *words, size_t n, char **out);

/* The character model read from jieba's finalseg/prob_{start,trans,emit}.py. */
typedef struct lex_hmm {
    zn_lex_hmm model;
    zn_lex_hmm_char *chars; /* sorted by code point */
    size_t n_chars;
} lex_hmm;

/* Reads the three tables from dir; when dir is NULL the model is empty (uniform start and
 * transitions, no characters). Adds the Traditional / Taiwan / Hong Kong forms of every
 * character that the table lacks, with the emissions of its Simplified source. */
void lex_hmm_load(lex_hmm *hmm, const char *dir, bool use_opencc);
void lex_hmm_free(lex_hmm *hmm);

#endif
