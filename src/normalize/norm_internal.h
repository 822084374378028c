/* SPDX-License-Identifier: MIT
 * Private pieces of the normaliser shared by its files: the normaliser object, the edit list
 * that becomes the audit trail, and the per-run context. */
#ifndef ZHNEWS_NORMALIZE_NORM_INTERNAL_H
#define ZHNEWS_NORMALIZE_NORM_INTERNAL_H

#include "zhnews/normalize.h"

struct zn_normalizer {
    const zn_lexicon *lex;       /* borrowed, may be NULL */
    zn_normalize_options opts;
    void *cc_trad;               /* opencc_t for Traditional/unknown input, or NULL */
    void *cc_simp;               /* opencc_t for Simplified input, or NULL */
};

/* One edit: input [in_start, in_end) became output [out_start, out_end). */
typedef struct zn__edit {
    size_t in_start;
    size_t in_end;
    size_t out_start;
    size_t out_end;
    const char *rule;
} zn__edit;

typedef struct zn__edits {
    zn__edit *v;
    size_t n;
    size_t cap;
} zn__edits;

/* Appends an edit; ZN_OK or ZN_ERR_NOMEM (list unchanged). */
zn_status zn__edits_push(zn__edits *e, const zn__edit *ed) __attribute__((warn_unused_result));
void zn__edits_clear(zn__edits *e);

/* Composes input→mid edits e1 with mid→output edits e2 into input→output edits appended to
 * res (in and outp are the input and output texts); overlapping edits merge into one and an
 * edit that cancels out disappears. ZN_OK or ZN_ERR_NOMEM. */
zn_status zn__edits_compose(const zn__edits *e1, const zn__edits *e2, const char *in,
                            const char *outp, zn__edits *res) __attribute__((warn_unused_result));

/* Builds the caller's result from the input s, the output text (taken from *text) and the
 * edits. ZN_OK or ZN_ERR_NOMEM (then *text still owns its bytes). */
zn_status zn__result_build(const char *s, zn_buf *text, const zn__edits *edits,
                           zn_norm_script script, zn_norm_result **out)
    __attribute__((warn_unused_result));

/* Detects the script of s[0..len) by counting Simplified-only and Traditional-only
 * characters. Cannot fail. */
zn_norm_script zn__detect_script(const char *s, size_t len);

/* The repair decision for the Han character cp at s[pos..pos+clen) of the input. `left` is
 * the output written so far (its tail is the repaired left context). Returns the replacement
 * code point and sets *rule, or returns 0 when the character stays. Cannot fail. */
uint32_t zn__repair_char(const zn_normalizer *n, zn_norm_script script, const char *left,
                         size_t left_len, const char *s, size_t len, size_t pos, size_t clen,
                         uint32_t cp, const char **rule);

/* Folding rules (spaces, width, punctuation, compatibility ideographs) at s[pos]: returns
 * true when it handled the bytes s[pos..*next) and wrote their replacement (possibly empty)
 * into repl (room for 8 bytes, length in *repl_len) with *rule set. Cannot fail. */
typedef struct zn__fold_state {
    int open_parens; /* '(' turned into '（' still waiting for their ')' */
} zn__fold_state;

bool zn__fold_at(const zn_normalize_options *o, zn__fold_state *st, const char *s, size_t len,
                 size_t pos, const char *left, size_t left_len, size_t *next, char *repl,
                 size_t *repl_len, const char **rule);

/* Script conversion of text[0..len) with OpenCC handle cc, split into runs so that offsets
 * stay exact: writes the converted text into *out and appends one edit per changed run
 * (offsets relative to text). Returns ZN_OK, ZN_ERR_NOMEM, ZN_ERR_TOO_BIG, ZN_ERR_EXTERNAL. */
zn_status zn__convert(void *cc, const char *text, size_t len, zn_buf *out, zn__edits *edits,
                      zn_error *err) __attribute__((warn_unused_result));

/* Opens the OpenCC handles for opts->to; ZN_OK, ZN_ERR_EXTERNAL, ZN_ERR_NOMEM. */
zn_status zn__convert_open(zn_normalizer *n, zn_error *err) __attribute__((warn_unused_result));
void zn__convert_close(zn_normalizer *n);

/* Opens one OpenCC configuration by name ("t2s.json"); ZN_OK, or ZN_ERR_EXTERNAL with
 * "cannot open OpenCC configuration NAME: ..." and *out NULL. */
zn_status zn__convert_open_config(void **out, const char *config, zn_error *err)
    __attribute__((warn_unused_result));

#endif
