/* SPDX-License-Identifier: MIT
 * Keywords of an article: TF-IDF over the tokenizer's words with the IDF table of
 * python3-jieba (compiled into the library at build time, with the Traditional, Taiwan and
 * Hong Kong forms of its words), entity-aware: an entity counts once, under its canonical
 * name, however it is written, and the words inside its mentions do not count again. Part
 * of the extractor stage. */
#ifndef ZHNEWS_ZHNEWS_KEYWORDS_H
#define ZHNEWS_ZHNEWS_KEYWORDS_H

#include "zhnews/common.h"
#include "zhnews/extract.h"
#include "zhnews/tokenize.h"

/* The IDF of the UTF-8 word s[0..len) in jieba's table (any script form). Returns true and
 * sets *idf (output, may be NULL) when the word is listed, false otherwise. Cannot fail;
 * thread-safe. Example: "技術" and "技术" both have IDF 4.719; "的" has 0.885. */
ZN_API bool zn_idf_lookup(const char *s, size_t len, double *idf);

/* The IDF given to unlisted words: the median of jieba's table (about 11.95), as jieba
 * does. Cannot fail. */
ZN_API double zn_idf_median(void);

/* One keyword. `word` is NUL-terminated UTF-8 owned by the list. */
typedef struct zn_keyword {
    const char *word;
    double weight;     /* TF-IDF: occurrences / counted words x IDF */
    size_t count;      /* occurrences (an entity's mentions) */
    bool entity;       /* the canonical name of an entity */
} zn_keyword;

/* Keywords, best first. Initialise with zn_keyword_list_init, fill with
 * zn_keywords_extract, release with zn_keyword_list_clear. */
typedef struct zn_keyword_list {
    zn_keyword *items;
    size_t count;
} zn_keyword_list;

/* Initialises an empty list. Cannot fail. */
ZN_API void zn_keyword_list_init(zn_keyword_list *list);

/* Frees the keywords and leaves the list empty. Cannot fail. */
ZN_API void zn_keyword_list_clear(zn_keyword_list *list);

/* What the extractor reads: the text, its tokens (zn_tokenizer_run on the same text), and
 * optionally its entities (zn_entities_extract on the same text; may be NULL). Borrowed for
 * the call. */
typedef struct zn_keywords_input {
    const char *text;
    size_t len;
    const zn_token *tokens;
    size_t n_tokens;
    const zn_entities *entities;
} zn_keywords_input;

/* Finds the `max` best keywords of in->text into *out (which must be empty: init or clear
 * it first). Counted words are tokens of two or more characters that are not punctuation,
 * space, numbers (POS "m"), URLs, or inside an entity mention; each entity is one term with
 * its mentions as occurrences. Weight is occurrences / counted terms x IDF (the median for
 * unlisted words and names); ties go to the earlier first occurrence, so the result is
 * deterministic. Example: in a text naming 京東集團 twice and 京東 once, "京東集團" (one
 * entity with three mentions) can be a keyword, while "集團" alone is not counted.
 * Returns ZN_OK, ZN_ERR_INVALID_ARG (in or out NULL, out not empty, a token outside the
 * text), ZN_ERR_NOMEM; on failure *out stays empty. Thread-safe. */
ZN_API zn_status zn_keywords_extract(const zn_keywords_input *in, size_t max,
                                     zn_keyword_list *out, zn_error *err);

#endif
