/* SPDX-License-Identifier: MIT
 * Private parts of the tokenizer shared by its files: the per-thread scratch arrays, character
 * classes, and the functions each file contributes to zn_tokenizer_run. */
#ifndef ZHNEWS_TOKENIZE_TOK_INTERNAL_H
#define ZHNEWS_TOKENIZE_TOK_INTERNAL_H

#include <string.h>

#include "zhnews/tokenize.h"

/* Character classes. */
enum {
    TOK_HAN = 1,    /* ideographs and U+3007 */
    TOK_DIGIT,      /* 0-9 and full-width ０-９ */
    TOK_LATIN,      /* letters of other scripts: Latin (also full-width), Greek, Cyrillic, kana */
    TOK_SPACE,      /* white space */
    TOK_PUNCT,      /* everything else: punctuation and symbols */
};

/* What the number and name rules know of a character (tok_char.flags). */
enum {
    TOK_CF_DIGIT = 1u << 0,      /* Chinese numeral digit: 〇 ○ 零 一 ... 九 */
    TOK_CF_TEN = 1u << 1,        /* other numeral characters: 十 百 千 万 亿 两 */
    TOK_CF_QUANT = 1u << 2,      /* approximate numbers and ordinals: 几 多 数 半 第 */
    TOK_CF_CLASSIFIER = 1u << 3, /* 个 位 次 种 ... */
    TOK_CF_DATE = 1u << 4,       /* units joined to any number: 月 日 号 时 点 分 秒 */
    TOK_CF_YEAR = 1u << 5,       /* 年: joined to a year only */
    TOK_CF_MAGNITUDE = 1u << 6,  /* 万 萬 亿 億 */
    TOK_CF_TRANSLIT = 1u << 7,   /* used to transliterate foreign names */
};

/* Word-forming suffixes and the plural 们, in their own table (tok->sflags). */
enum {
    TOK_SF_SUFFIX = 1u << 0, /* joins the word before it: 者 性 化 员 式 型 率 ... */
    TOK_SF_PLURAL = 1u << 1, /* 们 們: a word of its own after a noun (官兵 们) */
    TOK_SF_SURNAME = 1u << 2, /* a common Chinese surname */
    TOK_SF_INSIDE = 1u << 7,  /* tok_best.sf only: the char is inside an atom */
};
#define TOK_CF_NUMERAL (TOK_CF_DIGIT | TOK_CF_TEN)

/* Why a span became a token (tok->kind, for the tags and the unknown-word pass). */
enum {
    TOK_KIND_LEX = 1, /* a word of the lexicon */
    TOK_KIND_SINGLE,  /* one character the lexicon does not list as a word */
    TOK_KIND_RULE,    /* numbers, Latin words, URLs, e-mail, dotted names */
};

typedef struct tok_char {
    uint32_t cp;
    uint32_t off;   /* byte offset in the text */
    uint8_t cls;
    uint8_t atom;   /* 1: a rule atom starts here and no boundary lies inside it */
    uint8_t inside; /* 1: inside an atom (no token may start or end before this char) */
    uint8_t flags;  /* TOK_CF_* */
    uint32_t atom_end; /* char index where the atom starting here ends */
} tok_char;

typedef struct tok_best {
    double score;
    uint32_t next;  /* char index where the best first word from here ends */
    uint8_t kind;   /* TOK_KIND_* */
    uint8_t sf;     /* the best path's note of this char: TOK_SF_* of its code point (0 at the
                       end of the run), TOK_SF_INSIDE when inside an atom */
    uint32_t freq;  /* the lexicon's frequency of the word (TOK_KIND_LEX) */
    char tag[8];
} tok_best;

/* A cached log of a frequency of TOK_LOG_TABLE or more (freq 0: empty). */
typedef struct tok_log_slot {
    uint32_t freq;
    double value;
} tok_log_slot;
#define TOK_LOG_CACHE_BITS 10

struct zn_tokenizer {
    const zn_lexicon *lex;
    zn_tokenizer_options opts;
    double log_total;
    float start[4];
    float trans[4][4];
    tok_char *chars; /* n + 1 entries (the last marks the end) */
    tok_best *best;
    char (*atag)[8]; /* tag of the atom starting at a char */
    uint8_t *cflags;  /* TOK_CF_* of every code point below U+10000 */
    uint8_t *sflags;  /* TOK_SF_* of every code point below U+10000 */
    uint64_t sword[1024]; /* bit cp: sflags[cp] has TOK_SF_SUFFIX or TOK_SF_PLURAL (8 KB, where
                             the 64 KB table would miss the first-level cache per char) */
    uint8_t *cls;     /* TOK_* class of code points below U+10000 seen so far (0: not yet) */
    float *logf;      /* log of frequencies below TOK_LOG_TABLE (-1: not computed yet) */
    tok_log_slot log_cache[1u << TOK_LOG_CACHE_BITS]; /* log of larger ones */
    size_t cap;
    uint8_t *states; /* Viterbi scratch */
    float *vit;
    size_t vit_cap;
};

/* Classifies a code point (TOK_*). */
uint8_t zn__tok_class(uint32_t cp);

/* Marks rule atoms (URLs, e-mail addresses, Latin words, numbers, dotted names) in
 * chars[from..to), setting atom/atom_end/inside and the atom's tag in tags[from]. */
void zn__tok_mark_atoms(tok_char *chars, size_t from, size_t to, char (*tags)[8]);

/* Best path over chars[from..to) (a run without white space): fills best[from..to]. */
void zn__tok_best_path(zn_tokenizer *tok, const char *s, size_t from, size_t to);

/* Length in chars of a number + unit or Chinese numeral word starting at i (0 if none),
 * and its tag. */
size_t zn__tok_number_at(const tok_char *chars, size_t i, size_t to, const char **tag);

/* Joins numbers and their units in list->items[first..count) (the default convention, see
 * zn_tokenizer_options): merges runs of adjacent tokens in place. Cannot fail. */
void zn__tok_join_units(const char *s, zn_token_list *list, size_t first,
                        const uint8_t *cflags);

#define TOK_LOG_TABLE 65536u

/* Fills table[0..65536) with the TOK_CF_* flags of each code point. Cannot fail. */
void zn__tok_fill_char_flags(uint8_t *table);

/* Fills table[0..65536) with the TOK_SF_* flags of each code point. Cannot fail. */
void zn__tok_fill_suffix_flags(uint8_t *table);

/* Sets bit cp of bits (zeroed by the caller) for the code points with TOK_SF_SUFFIX or
 * TOK_SF_PLURAL. Cannot fail. */
void zn__tok_fill_suffix_bits(uint64_t bits[1024]);

/* Cuts chars[from..to) (single characters the lexicon lacks) into words with the character
 * model; appends tokens to list. */
zn_status zn__tok_hmm_cut(zn_tokenizer *tok, size_t from, size_t to, zn_token_list *list,
                          zn_error *err);

/* Flags the last token of every sentence in list->items[first..count) ZN_TOKEN_SENTENCE_END
 * (s: the text the tokens span). Cannot fail. */
void zn__tok_mark_sentences(zn_token_list *list, size_t first, const char *s);

/* Appends one token; ZN_ERR_NOMEM leaves the list as it was. */
zn_status zn__tok_push(zn_token_list *list, size_t start, size_t end, const char *tag,
                       uint32_t flags, zn_error *err) __attribute__((warn_unused_result));

/* Doubles the list's room; ZN_ERR_NOMEM leaves the list as it was. */
zn_status zn__tok_grow(zn_token_list *list, zn_error *err) __attribute__((warn_unused_result));

/* zn__tok_push with a tag of exactly 8 bytes, NUL-padded (tok_best.tag); inline, as the
 * tokenizer pushes every word through it. */
static inline __attribute__((warn_unused_result)) zn_status
zn__tok_push8(zn_token_list *list, size_t start, size_t end, const char tag[8], uint32_t flags,
              zn_error *err)
{
    if (list->count == list->cap && zn__tok_grow(list, err) != ZN_OK) {
        return ZN_ERR_NOMEM;
    }
    zn_token *t = &list->items[list->count++];
    t->start = start;
    t->end = end;
    memcpy(t->tag, tag, sizeof t->tag);
    t->tag[sizeof t->tag - 1] = '\0';
    t->flags = flags;
    return ZN_OK;
}

#endif
