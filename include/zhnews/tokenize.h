/* SPDX-License-Identifier: MIT
 * Stage 4, the tokenizer: sentences and words of UTF-8 text, Traditional or Simplified.
 * Best path over the lexicon's word graph, a character model for unknown words, rules for
 * numbers, Latin words, URLs and dotted transliterated names. */
#ifndef ZHNEWS_ZHNEWS_TOKENIZE_H
#define ZHNEWS_ZHNEWS_TOKENIZE_H

#include "zhnews/common.h"
#include "zhnews/lexicon.h"

/* One word: a byte span into the text that was tokenized, with a POS tag. */
typedef struct zn_token {
    size_t start;    /* byte offset, inclusive */
    size_t end;      /* byte offset, exclusive */
    char tag[8];     /* POS tag: the lexicon's, or a guess for unknown words ("nr", "m", "eng",
                        "x" for punctuation, "url") */
    uint32_t flags;  /* ZN_TOKEN_* bits */
} zn_token;

enum {
    ZN_TOKEN_IN_LEXICON = 1u << 0, /* the word is listed in the lexicon or a user dictionary */
    ZN_TOKEN_SPACE = 1u << 1,      /* white space (never printed by `segment`) */
    ZN_TOKEN_PUNCT = 1u << 2,      /* punctuation */
    ZN_TOKEN_SENTENCE_END = 1u << 3, /* last token of a sentence: before 。！？；… (and
                                        closing quotes after them), a line break or the end */
};

/* A growing list of tokens owned by the caller: init, run, read items[0..count), clear. */
typedef struct zn_token_list {
    zn_token *items;
    size_t count;
    size_t cap;
} zn_token_list;

/* Initialises an empty list. Cannot fail. */
ZN_API void zn_token_list_init(zn_token_list *list);

/* Frees the items and leaves the list empty. Cannot fail. */
ZN_API void zn_token_list_clear(zn_token_list *list);

typedef struct zn_tokenizer zn_tokenizer;

/* How a tokenizer cuts. Fill with zn_tokenizer_options_init, then change fields: fields added
 * later start at their defaults that way. */
typedef struct zn_tokenizer_options {
    /* false (default): a number keeps its unit, and the parts of a date or time written in
     *   order are one word: 70位, 5年, 3万人, 300多位, 5公里, 985高校, 6月12日, 2018年6月12日,
     *   10时30分; "300位應用工程師" → 300位 | 應用 | 工程師.
     * true: the SIGHAN bakeoff convention (PKU, CityU gold standards): 70 | 位, 5 | 年,
     *   985 | 高校, 2018年 | 6月 | 12日 (a date or magnitude unit still joins its number).
     * Only the grouping differs: every cut of the default is also a cut of split_units =
     * true; the default joins runs of adjacent tokens (a number, 多 余 几, then a unit: a
     * classifier, 人, a measure word of the lexicon or a noun that measures (20世纪, 24小时),
     * after a three-digit code number a common noun (985高校); date and time parts in order:
     * 年 月 日 时 分 秒). A joined word is tagged "t" (a date or
     * time), "m", or the noun's tag, and is not flagged ZN_TOKEN_IN_LEXICON. */
    bool split_units;
} zn_tokenizer_options;

/* Sets *opts to the defaults (split_units false). Cannot fail. */
ZN_API void zn_tokenizer_options_init(zn_tokenizer_options *opts);

/* Creates a tokenizer over `lex` (borrowed: the lexicon must outlive the tokenizer; may be
 * NULL, then only rules and the character model apply) with the default options. A tokenizer
 * holds per-thread scratch space: use one per thread. Returns ZN_OK or ZN_ERR_NOMEM; on
 * failure *out is NULL. */
ZN_API zn_status zn_tokenizer_new(zn_tokenizer **out, const zn_lexicon *lex, zn_error *err);

/* Like zn_tokenizer_new with options `opts` (copied; NULL: the defaults). Same statuses. */
ZN_API zn_status zn_tokenizer_new_opts(zn_tokenizer **out, const zn_lexicon *lex,
                                       const zn_tokenizer_options *opts, zn_error *err);

/* Frees. Accepts NULL. */
ZN_API void zn_tokenizer_free(zn_tokenizer *tok);

/* Splits the UTF-8 text s[0..len) into tokens appended to *list (spans into s; every byte of
 * s is covered by exactly one token, in order; runs of white space are single tokens flagged
 * ZN_TOKEN_SPACE). Returns ZN_OK, ZN_ERR_NOMEM (list keeps the tokens appended before),
 * ZN_ERR_INVALID_ARG (s is not valid UTF-8: "invalid UTF-8 (byte 12)", or s is NULL with
 * len > 0; nothing appended), ZN_ERR_TOO_BIG (len of 4 GiB or more). Example:
 * "香港中文大學副校長羅智泉介紹說" → 香港中文大學 | 副校長 | 羅智泉 | 介紹 | 說 (羅智泉, unknown to
 * the lexicon, comes from the character model). Conventions: numbers and their units as
 * zn_tokenizer_options says (by default 70位, 2018年6月12日 are words); URLs, e-mail
 * addresses, Latin words and numbers (12.5%, C++) and names joined by a middle dot
 * (弗里德里克·泰勒) stay whole.
 * A tokenizer is not thread-safe; the lexicon it reads may be shared. */
ZN_API zn_status zn_tokenizer_run(zn_tokenizer *tok, const char *s, size_t len,
                                  zn_token_list *list, zn_error *err);

#endif
