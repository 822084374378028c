/* SPDX-License-Identifier: MIT
 * The normaliser: repairs text without changing what it says (variant and mis-converted
 * characters, Simplified leftovers in Traditional text, odd spaces, width forms, ASCII
 * punctuation in Chinese text), optionally converts the script with OpenCC, and reports every
 * change it makes with its rule so that a user can audit it. Third stage of the pipeline. */
#ifndef ZHNEWS_ZHNEWS_NORMALIZE_H
#define ZHNEWS_ZHNEWS_NORMALIZE_H

#include "zhnews/common.h"
#include "zhnews/lexicon.h"

typedef struct zn_normalizer zn_normalizer;

/* Target of the optional script conversion (applied after repair). */
typedef enum zn_script_target {
    ZN_TO_KEEP = 0, /* no conversion */
    ZN_TO_S,        /* Simplified */
    ZN_TO_T,        /* Traditional, OpenCC's standard forms */
    ZN_TO_TW,       /* Taiwan standard characters */
    ZN_TO_HK,       /* Hong Kong standard characters */
    ZN_TO_TWP,      /* Taiwan with Taiwan phrases (視頻 → 影片) */
    ZN_TO_HKP,      /* Hong Kong characters; OpenCC has no HK phrase table, so as ZN_TO_HK */
} zn_script_target;

/* Which Traditional standard the text follows, for region-specific glyph forms
 * (裏 is standard in Hong Kong, 裡 in Taiwan). AUTO leaves such forms alone. */
typedef enum zn_region {
    ZN_REGION_AUTO = 0,
    ZN_REGION_TW,
    ZN_REGION_HK,
} zn_region;

/* The script the normaliser found in a text (by its Simplified-only and Traditional-only
 * characters). */
typedef enum zn_norm_script {
    ZN_NORM_UNKNOWN = 0,
    ZN_NORM_TRADITIONAL,
    ZN_NORM_SIMPLIFIED,
} zn_norm_script;

/* Options; zn_normalize_options_init sets the defaults shown. */
typedef struct zn_normalize_options {
    bool repair;          /* variant / obfuscated / mis-converted characters (true) */
    bool mixed_script;    /* Simplified leftovers in Traditional text and back (true) */
    bool spaces;          /* U+00A0 and U+2000-block spaces → ' ', U+3000 → ' ', runs of
                             spaces inside a line → one; leading and trailing spaces are kept
                             (true) */
    bool invisible;       /* zero-width characters (U+200B-200D, U+2060, U+FEFF) removed
                             (true) */
    bool cjk_spacing;     /* 簡 介 → 簡介: single Han characters spaced out by PDF
                             extraction are joined (true) */
    bool width;           /* full-width ASCII letters and digits → ASCII (true) */
    bool punctuation;     /* ASCII , : ; ? ! ( ) between Han characters → full-width (true) */
    bool compat;          /* CJK compatibility ideographs (U+F900 block) → unified (true) */
    zn_script_target to;  /* script conversion after repair (ZN_TO_KEEP) */
    zn_region region;     /* (ZN_REGION_AUTO) */
} zn_normalize_options;

/* Fills *opts with the defaults above. Cannot fail. */
ZN_API void zn_normalize_options_init(zn_normalize_options *opts);

/* Parses a --to value: "keep", "s", "t", "tw", "hk", "twp", "hkp". Returns ZN_OK or
 * ZN_ERR_INVALID_ARG ("unknown script target 'x' (expected keep, s, t, tw, hk, twp or hkp)");
 * *out is unchanged on failure. */
ZN_API zn_status zn_script_target_parse(const char *name, zn_script_target *out,
                                        zn_error *err);

/* Creates a normaliser. `lex` (may be NULL) is borrowed and must outlive the normaliser:
 * with it a replacement is made when it forms a known word (of the text's script) and the
 * original character does not; without it only the curated tables are used, more
 * conservatively. `opts` may be NULL (defaults); it is copied. The conversion target, if
 * any, opens OpenCC configurations.
 * Returns ZN_OK, ZN_ERR_NOMEM, ZN_ERR_INVALID_ARG (out == NULL or a bad enum value) or
 * ZN_ERR_EXTERNAL (OpenCC could not open its configuration: the message names it). On
 * failure *out is NULL. A normaliser belongs to one thread at a time (OpenCC handles are not
 * thread-safe); make one per thread, all sharing one lexicon. */
ZN_API zn_status zn_normalizer_new(zn_normalizer **out, const zn_lexicon *lex,
                                   const zn_normalize_options *opts, zn_error *err);

/* Frees the normaliser. Accepts NULL. */
ZN_API void zn_normalizer_free(zn_normalizer *n);

/* One change: input bytes [in.start, in.end) became output bytes [out.start, out.end). */
typedef struct zn_norm_change {
    zn_span in;
    zn_span out;
    const char *from; /* NUL-terminated copy of the input bytes, owned by the result */
    const char *to;   /* NUL-terminated copy of the output bytes, owned by the result */
    const char *rule; /* static rule name, e.g. "variant.obfuscation", "script.s2t-word" */
} zn_norm_change;

/* The result of one run: the new text and the changes, sorted by position and never
 * overlapping. Free with zn_norm_result_free. */
typedef struct zn_norm_result {
    char *text;               /* NUL-terminated UTF-8 */
    size_t len;               /* bytes, without the NUL */
    zn_norm_change *changes;  /* NULL when n_changes is 0 */
    size_t n_changes;
    zn_norm_script script;         /* script found in the input */
    char *pool;               /* private: storage of from/to */
} zn_norm_result;

/* Normalises the valid UTF-8 text s[0..len) (len 0 allowed). On success *out receives a new
 * result. Repair decides per character by its context; the script is detected on the whole
 * text, so pass an article (or a line in line mode), not a word.
 * Example: "全毬最大的技朮公司" → "全球最大的技術公司", changes {in [3,6) out [3,6) 毬→球
 * rule "variant.obfuscation"} and {in [18,21) ... 朮→術}.
 * Returns ZN_OK, ZN_ERR_INVALID_ARG (n, out NULL, or s NULL with len > 0), ZN_ERR_ENCODING
 * (s is not valid UTF-8: "invalid UTF-8 at byte N"), ZN_ERR_NOMEM, ZN_ERR_EXTERNAL (OpenCC
 * failed). On failure *out is NULL. */
ZN_API zn_status zn_normalizer_run(zn_normalizer *n, const char *s, size_t len,
                                   zn_norm_result **out, zn_error *err);

/* Maps a byte offset of the input to the output: an offset inside a changed span maps to the
 * start of its replacement, the end of a changed span to the end of its replacement, any
 * other offset moves by the length differences before it. Offsets past the input map past
 * the output by the same amount. Cannot fail. */
ZN_API size_t zn_norm_result_map_offset(const zn_norm_result *res, size_t in_offset);

/* Name of a script: "traditional", "simplified", "unknown". Cannot fail. */
ZN_API const char *zn_norm_script_name(zn_norm_script script);

/* Frees a result. Accepts NULL. */
ZN_API void zn_norm_result_free(zn_norm_result *res);

#endif
