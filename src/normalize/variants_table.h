/* SPDX-License-Identifier: MIT
 * The compiled variant tables (generated at build time by tools/variants_build.py into
 * $(BUILD)/gen/normalize/variants_data.c): candidate replacements per character, character
 * classes for script detection, and the words in which a rare character is legitimate.
 * Everything is const: shareable between threads. */
#ifndef ZHNEWS_NORMALIZE_VARIANTS_TABLE_H
#define ZHNEWS_NORMALIZE_VARIANTS_TABLE_H

#include <stddef.h>
#include <stdint.h>

/* Where a candidate comes from; a lower value is stronger evidence. */
enum {
    ZN__VAR_OBF = 0,     /* data/variants/obfuscation.tsv */
    ZN__VAR_STD = 1,     /* a form neither Taiwan nor Hong Kong writes → the standard form */
    ZN__VAR_STD_TW = 2,  /* a form Taiwan does not write (Hong Kong may) */
    ZN__VAR_STD_HK = 3,  /* a form Hong Kong does not write (Taiwan may) */
    ZN__VAR_S2T = 4,     /* Simplified-only character → Traditional (OpenCC STCharacters) */
    ZN__VAR_T2S = 5,     /* Traditional-only character → Simplified (OpenCC TSCharacters) */
    ZN__VAR_SIB = 6,     /* two Traditional characters of one Simplified one (製/制, 髮/發) */
    ZN__VAR_UNIHAN = 7,  /* Unihan semantic / Z / specialized semantic variant */
};

enum {
    ZN__VAR_FLAG_STRICT = 1, /* data/variants/strict.tsv: kept strictly apart */
    ZN__VAR_FLAG_BOUND = 2,  /* data/variants/bound.tsv: `from` is right only inside words */
    ZN__VAR_FLAG_DIRECT = 4, /* converter pair whose `to` is the Simplified form itself */
    ZN__VAR_FLAG_WORD_ONLY = 8, /* bound, but may stand alone: replaced only to form a word */
};

typedef struct zn__var_pair {
    uint32_t from;
    uint32_t to;
    uint8_t kind;
    uint8_t flags;
} zn__var_pair;

/* Sorted by `from`, then by kind. */
extern const zn__var_pair zn__var_pairs[];
extern const size_t zn__var_n_pairs;

/* Bit sets over the BMP, 64 code points per word. */
extern const uint64_t zn__var_has_pairs[1024];   /* has at least one pair */
extern const uint64_t zn__var_s_only[1024];      /* Simplified-only characters */
extern const uint64_t zn__var_t_only[1024];      /* Traditional-only characters */
extern const uint64_t zn__var_trad_common[1024]; /* in Big5 or HKSCS */
extern const uint64_t zn__var_has_legit[1024];   /* occurs in a legit word below */

/* Words in which a listed character is correct (白朮, 拮据), sorted bytewise. */
extern const char *const zn__var_legit[];
extern const size_t zn__var_n_legit;

static inline int zn__var_bit(const uint64_t *set, uint32_t cp)
{
    return cp < 0x10000 && ((set[cp >> 6] >> (cp & 63)) & 1u);
}

#endif
