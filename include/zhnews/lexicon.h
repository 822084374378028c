/* SPDX-License-Identifier: MIT
 * The lexicon: zhnews's shared word knowledge, compiled at build time from jieba's dictionary
 * plus its Traditional / Taiwan / Hong Kong forms (OpenCC), memory-mapped read-only at run
 * time. The normaliser, the tokenizer and the extractor all read it; it depends on nothing
 * but src/util. */
#ifndef ZHNEWS_ZHNEWS_LEXICON_H
#define ZHNEWS_ZHNEWS_LEXICON_H

#include "zhnews/common.h"

typedef struct zn_lexicon zn_lexicon;

/* Which script forms a word was listed in (a bit set). */
enum {
    ZN_FORM_SIMPLIFIED = 1u << 0, /* jieba's own entry */
    ZN_FORM_TRADITIONAL = 1u << 1, /* OpenCC s2t */
    ZN_FORM_TAIWAN = 1u << 2,      /* OpenCC s2twp */
    ZN_FORM_HONGKONG = 1u << 3,    /* OpenCC s2hk */
    ZN_FORM_USER = 1u << 4,        /* added at run time from a user dictionary */
};

/* What the lexicon knows of one word. */
typedef struct zn_word_info {
    uint32_t freq;   /* corpus frequency (merged over forms); >= 1 for a listed word */
    char tag[8];     /* part-of-speech tag as in jieba ("n", "nr", "ns", "nt", "v", ...) */
    uint32_t forms;  /* ZN_FORM_* bits */
} zn_word_info;

/* Opens a compiled lexicon file (build/zhnews.lex) by memory-mapping it; nothing is parsed
 * (about 0.03 ms), pages are read on demand and shared between processes.
 * Returns ZN_OK, ZN_ERR_NOT_FOUND, ZN_ERR_PERMISSION, ZN_ERR_IS_DIR, ZN_ERR_IO, ZN_ERR_DATA
 * (not a zhnews lexicon: "PATH: not a zhnews lexicon (bad magic at byte 0)"; another version
 * or a damaged file: "... (bad header at byte 8)"), ZN_ERR_NOMEM. On failure *out is NULL.
 * Once open (and once any user words are added) the lexicon is immutable and may be shared
 * by any number of threads; a damaged file never makes a lookup read outside the mapping. */
ZN_API zn_status zn_lexicon_open(zn_lexicon **out, const char *path, zn_error *err);

/* Unmaps and frees. Accepts NULL. Every object that borrowed the lexicon must be freed
 * first. */
ZN_API void zn_lexicon_close(zn_lexicon *lex);

/* Looks up the UTF-8 word s[0..len). Returns true and fills *info (may be NULL) when the
 * word is listed; false otherwise. Cannot fail. Example: "技術" → true, freq > 0, tag "n";
 * "技朮" → false. */
ZN_API bool zn_lexicon_lookup(const zn_lexicon *lex, const char *s, size_t len,
                              zn_word_info *info);

/* Calls fn for every listed word that is a prefix of s[0..len), shortest first, with the
 * word's byte length and info; stops early when fn returns false. Returns the number of
 * calls made. Cannot fail. Example: s = "香港中文大學校長" calls fn for 香 (3), 香港 (6),
 * 香港中文大學 (18), ... This is the tokenizer's word graph primitive. */
typedef bool (*zn_lexicon_prefix_fn)(void *ctx, size_t len, const zn_word_info *info);
ZN_API size_t zn_lexicon_prefixes(const zn_lexicon *lex, const char *s, size_t len,
                                  zn_lexicon_prefix_fn fn, void *ctx);

/* Adds the words of a user dictionary file: UTF-8 text, one entry per line, "word [freq]
 * [tag]" separated by spaces or tabs; empty lines and lines starting with '#' are skipped; any
 * script (words are added as written). A user word always wins over the compiled lexicon's
 * split of the same characters (that is how names are protected from splitting); `freq`
 * (default 10000) weighs user words against each other; the tag defaults to the lexicon's,
 * else "n". A word listed twice keeps the larger frequency and the last tag. Changes the
 * lexicon: call before the lexicon is shared with other threads. Returns ZN_OK,
 * ZN_ERR_NOT_FOUND, ZN_ERR_PERMISSION, ZN_ERR_IS_DIR, ZN_ERR_IO, ZN_ERR_FORMAT (invalid UTF-8, a
 * bad frequency, a tag longer than 7 bytes or a word longer than 255 bytes: "PATH: bad
 * frequency 'x' (line 3)"), ZN_ERR_NOMEM. On failure the lexicon is unchanged. Example: a file
 * with the line "戴春晨 nr" makes 戴春晨 one token. */
ZN_API zn_status zn_lexicon_load_user_dict(zn_lexicon *lex, const char *path, zn_error *err);

/* Adds one user word (as a line of a user dictionary would; `tag` may be NULL, freq 0 means
 * the default). Returns ZN_OK, ZN_ERR_INVALID_ARG (empty, longer than 255 bytes, not valid
 * UTF-8, or containing white space; tag longer than 7 bytes), ZN_ERR_NOMEM; on failure the
 * lexicon is unchanged. Same threading rule as zn_lexicon_load_user_dict. */
ZN_API zn_status zn_lexicon_add_word(zn_lexicon *lex, const char *word, size_t len,
                                     uint32_t freq, const char *tag, zn_error *err);

/* The character model (jieba's HMM, with Traditional forms of its characters): states B
 * (begins a word), M (middle), E (ends), S (single), natural-log probabilities.
 * zn_lexicon_char_model fills start[4] and trans[from][to] (outputs); zn_lexicon_char_emit
 * fills emit[4] (output) for code point cp and returns true when the table lists cp, false
 * (with a low floor in emit) otherwise. Cannot fail. */
enum { ZN_CHAR_B = 0, ZN_CHAR_M = 1, ZN_CHAR_E = 2, ZN_CHAR_S = 3 };
ZN_API void zn_lexicon_char_model(const zn_lexicon *lex, float start[4], float trans[4][4]);
ZN_API bool zn_lexicon_char_emit(const zn_lexicon *lex, uint32_t cp, float emit[4]);

/* The denominator of unigram probabilities (the sum of the source dictionary's frequencies;
 * Traditional forms repeat those and are not counted again) and the number of listed words
 * (user words included). Cannot fail. */
ZN_API uint64_t zn_lexicon_total_freq(const zn_lexicon *lex);
ZN_API size_t zn_lexicon_size(const zn_lexicon *lex);

#endif
