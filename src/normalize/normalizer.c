/* SPDX-License-Identifier: MIT
 * The normaliser object and one run over a text: script detection, the character loop that
 * applies folding and repair rules and records each edit, optional OpenCC conversion, and
 * the result with its audit trail. */
#include <string.h>

#include "normalize/norm_internal.h"
#include "normalize/variants_table.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"

void zn_normalize_options_init(zn_normalize_options *opts)
{
    opts->repair = true;
    opts->mixed_script = true;
    opts->spaces = true;
    opts->invisible = true;
    opts->cjk_spacing = true;
    opts->width = true;
    opts->punctuation = true;
    opts->compat = true;
    opts->to = ZN_TO_KEEP;
    opts->region = ZN_REGION_AUTO;
}

zn_status zn_script_target_parse(const char *name, zn_script_target *out, zn_error *err)
{
    static const char *const names[] = {"keep", "s", "t", "tw", "hk", "twp", "hkp"};
    for (size_t i = 0; name != NULL && i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(name, names[i]) == 0) {
            *out = (zn_script_target)i;
            return ZN_OK;
        }
    }
    return zn__error_set(err, ZN_ERR_INVALID_ARG,
                         "unknown script target '%s' (expected keep, s, t, tw, hk, twp or hkp)",
                         name != NULL ? name : "");
}

const char *zn_norm_script_name(zn_norm_script script)
{
    switch (script) {
    case ZN_NORM_TRADITIONAL: return "traditional";
    case ZN_NORM_SIMPLIFIED: return "simplified";
    default: return "unknown";
    }
}

zn_status zn_normalizer_new(zn_normalizer **out, const zn_lexicon *lex,
                            const zn_normalize_options *opts, zn_error *err)
{
    if (out == NULL) {
        return zn__error_set(err, ZN_ERR_INVALID_ARG, "normalizer: no output pointer");
    }
    *out = NULL;
    zn_normalize_options o;
    zn_normalize_options_init(&o);
    if (opts != NULL) {
        o = *opts;
    }
    if ((unsigned)o.to > ZN_TO_HKP || (unsigned)o.region > ZN_REGION_HK) {
        return zn__error_set(err, ZN_ERR_INVALID_ARG, "normalizer: bad option value");
    }
    zn_normalizer *n = zn__calloc(1, sizeof *n);
    if (n == NULL) {
        return zn__error_nomem(err, "normalizer");
    }
    n->lex = lex;
    n->opts = o;
    zn_status st = zn__convert_open(n, err);
    if (st != ZN_OK) {
        zn__free(n);
        return st;
    }
    *out = n;
    return ZN_OK;
}

void zn_normalizer_free(zn_normalizer *n)
{
    if (n == NULL) {
        return;
    }
    zn__convert_close(n);
    zn__free(n);
}

zn_norm_script zn__detect_script(const char *s, size_t len)
{
    size_t simp = 0;
    size_t trad = 0;
    size_t pos = 0;
    while (pos < len) {
        uint32_t c = zn__utf8_next(s, len, &pos);
        simp += (size_t)zn__var_bit(zn__var_s_only, c);
        trad += (size_t)zn__var_bit(zn__var_t_only, c);
    }
    if (trad > simp) {
        return ZN_NORM_TRADITIONAL;
    }
    return simp > trad ? ZN_NORM_SIMPLIFIED : ZN_NORM_UNKNOWN;
}

// Appends one edit's replacement and records it when the bytes differ.
static zn_status emit(zn_buf *out, zn__edits *edits, const char *s, size_t pos, size_t next,
                      const char *repl, size_t repl_len, const char *rule)
{
    size_t ostart = out->len;
    zn_status st = zn_buf_append(out, repl, repl_len);
    if (st != ZN_OK || (repl_len == next - pos && memcmp(repl, s + pos, repl_len) == 0)) {
        return st;
    }
    zn__edit e = {pos, next, ostart, out->len, rule};
    return zn__edits_push(edits, &e);
}

// Characters no rule can touch: ASCII letters and digits, Han characters without
// candidates. They are copied in bulk.
static bool is_plain(const zn_normalizer *n, uint32_t c)
{
    if (c < 0x80) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
    if (c >= 0x4E00 && c <= 0x9FFF) {
        return !zn__var_bit(zn__var_has_pairs, c) ||
               !(n->opts.repair || n->opts.mixed_script);
    }
    return false;
}

static zn_status one_char(const zn_normalizer *n, zn__fold_state *fs, zn_norm_script script,
                          const char *s, size_t len, size_t pos, size_t *next_out,
                          zn_buf *out, zn__edits *edits)
{
    size_t next = pos;
    char repl[8];
    size_t repl_len = 0;
    const char *rule = NULL;
    if (zn__fold_at(&n->opts, fs, s, len, pos, out->data, out->len, &next, repl, &repl_len,
                    &rule)) {
        *next_out = next;
        return emit(out, edits, s, pos, next, repl, repl_len, rule);
    }
    uint32_t c = zn__utf8_next(s, len, &next);
    *next_out = next;
    uint32_t r = 0;
    if (zn__cp_is_han(c) && (n->opts.repair || n->opts.mixed_script)) {
        r = zn__repair_char(n, script, out->data, out->len, s, len, pos, next - pos, c, &rule);
    }
    if (r == 0) {
        return zn_buf_append(out, s + pos, next - pos);
    }
    repl_len = zn__utf8_encode(r, repl);
    return emit(out, edits, s, pos, next, repl, repl_len, rule);
}

// The closing quote for an opening one, or 0.
static uint32_t closing_quote(uint32_t c)
{
    switch (c) {
    case 0x300C: return 0x300D; // 「」
    case 0x300E: return 0x300F; // 『』
    case 0x201C: return 0x201D; // “”
    case 0x2018: return 0x2019; // ‘’
    default: return 0;
    }
}

#define QUOTE_MAX_BYTES 4096

// A quotation that is wholly in the other script (a Simplified quote in a Traditional
// article) keeps its own script: returns the end of the quoted text and sets *script, or
// returns 0. `open` is the opening quote, ending at `pos`.
static size_t quoted_span(const char *s, size_t len, size_t pos, uint32_t open,
                          zn_norm_script outer, zn_norm_script *script)
{
    uint32_t close = closing_quote(open);
    size_t end = pos;
    while (end < len && end - pos < QUOTE_MAX_BYTES) {
        size_t p = end;
        uint32_t c = zn__utf8_next(s, len, &p);
        if (c == close || c == '\n') {
            break;
        }
        end = p;
    }
    zn_norm_script inner = zn__detect_script(s + pos, end - pos);
    if (inner == ZN_NORM_UNKNOWN || inner == outer || outer == ZN_NORM_UNKNOWN) {
        return 0;
    }
    *script = inner;
    return end;
}

static zn_status repair_pass(const zn_normalizer *n, zn_norm_script article, const char *s,
                             size_t len, zn_buf *out, zn__edits *edits)
{
    zn__fold_state fs = {0};
    zn_norm_script script = article;
    size_t quote_end = 0; // end of a quotation in the other script
    size_t pos = 0;
    size_t plain = 0; // start of the bytes not yet copied
    while (pos < len) {
        size_t next = pos;
        uint32_t c = zn__utf8_next(s, len, &next);
        if (pos >= quote_end) {
            script = article;
            if (closing_quote(c) != 0) {
                quote_end = quoted_span(s, len, next, c, article, &script);
            }
        }
        if (is_plain(n, c)) {
            pos = next;
            continue;
        }
        zn_status st = zn_buf_append(out, s + plain, pos - plain);
        if (st == ZN_OK) {
            st = one_char(n, &fs, script, s, len, pos, &next, out, edits);
        }
        if (st != ZN_OK) {
            return st;
        }
        pos = next;
        plain = next;
    }
    return zn_buf_append(out, s + plain, pos - plain);
}

static zn_status run_convert(zn_normalizer *n, zn_norm_script script, const char *s, zn_buf *mid,
                             zn__edits *e1, zn_buf *text, zn__edits *edits, zn_error *err)
{
    void *cc = script == ZN_NORM_SIMPLIFIED ? n->cc_simp : n->cc_trad;
    zn__edits e2 = {0};
    zn_status st = zn__convert(cc, mid->data != NULL ? mid->data : "", mid->len, text, &e2, err);
    if (st == ZN_OK) {
        st = zn__edits_compose(e1, &e2, s, text->data != NULL ? text->data : "", edits);
        if (st != ZN_OK) {
            zn__error_nomem(err, "normalizer changes");
        }
    }
    zn__edits_clear(&e2);
    return st;
}

zn_status zn_normalizer_run(zn_normalizer *n, const char *s, size_t len, zn_norm_result **out,
                            zn_error *err)
{
    if (out == NULL || n == NULL || (s == NULL && len > 0)) {
        if (out != NULL) {
            *out = NULL;
        }
        return zn__error_set(err, ZN_ERR_INVALID_ARG, "normalizer: missing argument");
    }
    *out = NULL;
    s = s != NULL ? s : "";
    size_t valid = zn__utf8_valid_prefix(s, len);
    if (valid != len) {
        return zn__error_set(err, ZN_ERR_ENCODING, "invalid UTF-8 at byte %zu", valid);
    }
    zn_norm_script script = zn__detect_script(s, len);
    zn_buf mid;
    zn_buf text;
    zn_buf_init(&mid, 0);
    zn_buf_init(&text, 0);
    zn__edits e1 = {0};
    zn__edits e = {0};
    zn_status st = repair_pass(n, script, s, len, &mid, &e1);
    if (st != ZN_OK) {
        zn__error_nomem(err, "normalizer");
    } else if (n->opts.to != ZN_TO_KEEP) {
        st = run_convert(n, script, s, &mid, &e1, &text, &e, err);
    }
    if (st == ZN_OK) {
        bool conv = n->opts.to != ZN_TO_KEEP;
        st = zn__result_build(s, conv ? &text : &mid, conv ? &e : &e1, script, out);
        if (st != ZN_OK) {
            zn__error_nomem(err, "normalizer result");
        }
    }
    zn_buf_clear(&mid);
    zn_buf_clear(&text);
    zn__edits_clear(&e1);
    zn__edits_clear(&e);
    return st;
}
