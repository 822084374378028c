/* SPDX-License-Identifier: MIT
 * Folding rules that need no word knowledge: odd and repeated spaces, Han characters spaced
 * out by PDF extraction, full-width ASCII letters and digits, ASCII punctuation inside Chinese
 * text, CJK compatibility ideographs. Width and compatibility mappings come from utf8proc. */
#include <string.h>
#include <utf8proc.h>

#include "normalize/norm_internal.h"
#include "util/utf8.h"

// Spaces that a run may consist of (tabs and line ends are left alone).
static bool is_run_space(uint32_t cp)
{
    return cp == ' ' || cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x202F || cp == 0x205F;
}

static bool is_zero_width(uint32_t cp)
{
    return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF;
}

static const char *space_rule(uint32_t cp)
{
    if (cp == 0xA0) {
        return "space.nbsp";
    }
    return cp == 0x3000 ? "space.ideographic" : "space.other";
}

static uint32_t peek(const char *s, size_t len, size_t pos)
{
    return pos < len ? zn__utf8_next(s, len, &pos) : 0;
}

static uint32_t peek_back(const char *s, size_t pos)
{
    return pos > 0 ? zn__utf8_prev(s, &pos) : 0;
}

// A token of exactly one Han character ends at `end` (exclusive) of s, looking backwards.
static bool single_han_before(const char *s, size_t end)
{
    if (end == 0) {
        return false;
    }
    size_t p = end;
    uint32_t c = zn__utf8_prev(s, &p);
    if (!zn__cp_is_han(c)) {
        return false;
    }
    return !zn__cp_is_han(peek_back(s, p));
}

static bool single_han_after(const char *s, size_t len, size_t pos)
{
    if (pos >= len) {
        return false;
    }
    uint32_t c = zn__utf8_next(s, len, &pos);
    if (!zn__cp_is_han(c)) {
        return false;
    }
    return !zn__cp_is_han(peek(s, len, pos));
}

static bool fold_space(const zn_normalize_options *o, const char *s, size_t len, size_t pos,
                       const char *left, size_t left_len, size_t *next, char *repl,
                       size_t *repl_len, const char **rule)
{
    size_t end = pos;
    size_t n_chars = 0;
    uint32_t first = 0;
    bool all_ascii = true;
    while (end < len) {
        size_t p = end;
        uint32_t c = zn__utf8_next(s, len, &p);
        if (!is_run_space(c)) {
            break;
        }
        first = n_chars == 0 ? c : first;
        all_ascii = all_ascii && c == ' ';
        n_chars++;
        end = p;
    }
    size_t lp = left_len;
    uint32_t lead = 0; // the character before any spaces already written
    while (lp > 0) {
        uint32_t c = zn__utf8_prev(left, &lp);
        if (!is_run_space(c)) {
            lead = c;
            break;
        }
    }
    uint32_t after = peek(s, len, end);
    bool edge = lead == 0 || lead == '\n' || after == 0 || after == '\n' || after == '\r';
    if (o->cjk_spacing && n_chars == 1 && !edge && single_han_before(left, left_len) &&
        single_han_after(s, len, end)) {
        *next = end;
        *repl_len = 0;
        *rule = "space.cjk-gap";
        return true;
    }
    if (!o->spaces) {
        return false;
    }
    if (!edge && n_chars > 1) {
        *next = end;
        repl[0] = ' ';
        *repl_len = 1;
        *rule = "space.collapse";
        return true;
    }
    if (first == ' ') {
        return false; // one ASCII space, or an edge run: handled one character at a time
    }
    (void)all_ascii;
    size_t p = pos;
    (void)zn__utf8_next(s, len, &p);
    *next = p;
    repl[0] = ' ';
    *repl_len = 1;
    *rule = space_rule(first);
    return true;
}

// ASCII punctuation that Chinese typography writes full-width, with its full-width form.
static uint32_t fullwidth_punct(uint32_t c)
{
    switch (c) {
    case ',': return 0xFF0C;
    case ':': return 0xFF1A;
    case ';': return 0xFF1B;
    case '?': return 0xFF1F;
    case '!': return 0xFF01;
    case '(': return 0xFF08;
    case ')': return 0xFF09;
    default: return 0;
    }
}

static bool is_cjk_context(uint32_t c)
{
    return zn__cp_is_han(c) || (c >= 0x3001 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) ||
           (c >= 0xFF1A && c <= 0xFF20);
}

static bool fold_punct(zn__fold_state *st, uint32_t c, const char *s, size_t len, size_t pos,
                       const char *left, size_t left_len, uint32_t *out)
{
    uint32_t fw = fullwidth_punct(c);
    if (fw == 0) {
        return false;
    }
    uint32_t before = peek_back(left, left_len);
    uint32_t after = peek(s, len, pos + 1);
    bool ok;
    if (c == '(') {
        ok = zn__cp_is_han(after);
        st->open_parens += ok ? 1 : 0;
    } else if (c == ')') {
        ok = st->open_parens > 0;
        st->open_parens -= ok ? 1 : 0;
    } else if (c == '?' || c == '!') {
        ok = zn__cp_is_han(before) && (after == 0 || is_cjk_context(after) || after == '\n');
    } else {
        ok = is_cjk_context(before) && zn__cp_is_han(after);
    }
    *out = fw;
    return ok;
}

// Full-width ASCII letters and digits, and compatibility ideographs, via utf8proc.
static uint32_t fold_char(const zn_normalize_options *o, uint32_t c, const char **rule)
{
    utf8proc_int32_t dst[4];
    int boundclass = 0;
    bool wide_alnum = (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
                      (c >= 0xFF41 && c <= 0xFF5A);
    if (o->width && wide_alnum) {
        utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)c, dst, 4,
                                                     UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT,
                                                     &boundclass);
        if (n == 1 && dst[0] < 0x80) {
            *rule = "width.ascii";
            return (uint32_t)dst[0];
        }
    }
    bool compat = (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
    if (o->compat && compat) {
        utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)c, dst, 4,
                                                     UTF8PROC_DECOMPOSE, &boundclass);
        if (n == 1 && (uint32_t)dst[0] != c) {
            *rule = "cjk.compat";
            return (uint32_t)dst[0];
        }
    }
    return 0;
}

bool zn__fold_at(const zn_normalize_options *o, zn__fold_state *st, const char *s, size_t len,
                 size_t pos, const char *left, size_t left_len, size_t *next, char *repl,
                 size_t *repl_len, const char **rule)
{
    size_t p = pos;
    uint32_t c = zn__utf8_next(s, len, &p);
    if (is_run_space(c)) {
        return fold_space(o, s, len, pos, left, left_len, next, repl, repl_len, rule);
    }
    if (o->invisible && is_zero_width(c)) {
        *next = p;
        *repl_len = 0;
        *rule = "space.zero-width";
        return true;
    }
    uint32_t out = 0;
    if (o->punctuation && c < 0x80 && fold_punct(st, c, s, len, pos, left, left_len, &out)) {
        *rule = "punct.fullwidth";
    } else {
        out = fold_char(o, c, rule);
    }
    if (out == 0) {
        return false;
    }
    *next = p;
    *repl_len = zn__utf8_encode(out, repl);
    return true;
}
