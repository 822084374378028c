/* SPDX-License-Identifier: MIT
 * Script conversion after repair, through OpenCC's C API. The text is converted run by run
 * (a run ends after CJK or ASCII sentence punctuation or a line end) so that every change can
 * be placed exactly: where a run keeps its length in characters, each differing character is
 * one change; otherwise the differing middle of the run is one change. */
#include <opencc.h>
#include <string.h>

#include "normalize/norm_internal.h"
#include "util/error.h"
#include "util/utf8.h"

static const char *config_of(zn_script_target to, bool simplified_input)
{
    switch (to) {
    case ZN_TO_S: return "t2s.json";
    case ZN_TO_T: return "s2t.json";
    case ZN_TO_TW: return simplified_input ? "s2tw.json" : "t2tw.json";
    case ZN_TO_HK:
    case ZN_TO_HKP: return simplified_input ? "s2hk.json" : "t2hk.json";
    case ZN_TO_TWP: return "s2twp.json";
    default: return NULL;
    }
}

zn_status zn__convert_open_config(void **out, const char *config, zn_error *err)
{
    opencc_t cc = opencc_open(config);
    if (cc == (opencc_t)-1) {
        *out = NULL;
        return zn__error_set(err, ZN_ERR_EXTERNAL, "cannot open OpenCC configuration %s: %s",
                             config, opencc_error());
    }
    *out = cc;
    return ZN_OK;
}

zn_status zn__convert_open(zn_normalizer *n, zn_error *err)
{
    n->cc_trad = NULL;
    n->cc_simp = NULL;
    if (n->opts.to == ZN_TO_KEEP) {
        return ZN_OK;
    }
    const char *trad = config_of(n->opts.to, false);
    const char *simp = config_of(n->opts.to, true);
    zn_status st = zn__convert_open_config(&n->cc_trad, trad, err);
    if (st == ZN_OK && strcmp(trad, simp) == 0) {
        n->cc_simp = n->cc_trad; // one handle serves both
    } else if (st == ZN_OK) {
        st = zn__convert_open_config(&n->cc_simp, simp, err);
    }
    if (st != ZN_OK) {
        zn__convert_close(n);
    }
    return st;
}

void zn__convert_close(zn_normalizer *n)
{
    if (n->cc_trad != NULL) {
        opencc_close(n->cc_trad);
    }
    if (n->cc_simp != NULL && n->cc_simp != n->cc_trad) {
        opencc_close(n->cc_simp);
    }
    n->cc_trad = NULL;
    n->cc_simp = NULL;
}

static bool ends_run(uint32_t c)
{
    return c == '\n' || c == 0x3002 || c == 0xFF0C || c == 0xFF01 || c == 0xFF1F ||
           c == 0xFF1B || c == 0x3001 || c == '.' || c == ',' || c == ';' || c == '!' ||
           c == '?';
}

// Records the differences between run a[0..alen) (at input offset base) and its conversion
// b[0..blen) (at output offset obase).
static zn_status diff_run(const char *a, size_t alen, size_t base, const char *b, size_t blen,
                          size_t obase, zn__edits *edits)
{
    if (zn__utf8_count(a, alen) == zn__utf8_count(b, blen)) {
        size_t i = 0;
        size_t j = 0;
        while (i < alen && j < blen) {
            size_t i2 = i;
            size_t j2 = j;
            uint32_t ca = zn__utf8_next(a, alen, &i2);
            uint32_t cb = zn__utf8_next(b, blen, &j2);
            if (ca != cb) {
                zn__edit e = {base + i, base + i2, obase + j, obase + j2, "convert.opencc"};
                zn_status st = zn__edits_push(edits, &e);
                if (st != ZN_OK) {
                    return st;
                }
            }
            i = i2;
            j = j2;
        }
        return ZN_OK;
    }
    size_t pre = 0;
    while (pre < alen && pre < blen && a[pre] == b[pre]) {
        pre++;
    }
    pre = zn__utf8_boundary(a, pre);
    size_t suf = 0;
    while (suf < alen - pre && suf < blen - pre && a[alen - 1 - suf] == b[blen - 1 - suf]) {
        suf++;
    }
    while (suf > 0 && (a[alen - suf] & 0xC0) == 0x80) {
        suf--;
    }
    zn__edit e = {base + pre, base + alen - suf, obase + pre, obase + blen - suf,
                  "convert.opencc"};
    return zn__edits_push(edits, &e);
}

// The whole text in one call: right when the conversion keeps the number of characters
// (character and variant tables do; phrase tables may not). Sets *done.
static zn_status convert_whole(void *cc, const char *text, size_t len, zn_buf *out,
                               zn__edits *edits, bool *done, zn_error *err)
{
    *done = false;
    char *conv = opencc_convert_utf8(cc, text, len);
    if (conv == NULL) {
        return zn__error_set(err, ZN_ERR_EXTERNAL, "OpenCC conversion failed: %s",
                             opencc_error());
    }
    size_t clen = strlen(conv);
    zn_status st = ZN_OK;
    if (zn__utf8_count(conv, clen) == zn__utf8_count(text, len)) {
        st = zn_buf_append(out, conv, clen);
        if (st == ZN_OK) {
            st = diff_run(text, len, 0, conv, clen, 0, edits);
        }
        *done = st == ZN_OK;
    }
    opencc_convert_utf8_free(conv);
    if (st != ZN_OK) {
        return st == ZN_ERR_NOMEM ? zn__error_nomem(err, "script conversion")
                                  : zn__error_set(err, st, "converted text too large");
    }
    return ZN_OK;
}

zn_status zn__convert(void *cc, const char *text, size_t len, zn_buf *out, zn__edits *edits,
                      zn_error *err)
{
    // OpenCC reads its input as a C string: text with U+0000 goes run by run, and each NUL
    // is copied around the conversion.
    bool has_nul = memchr(text, '\0', len) != NULL;
    bool done = false;
    zn_status whole = has_nul ? ZN_OK : convert_whole(cc, text, len, out, edits, &done, err);
    if (whole != ZN_OK || done) {
        return whole;
    }
    size_t start = 0;
    while (start < len) {
        if (text[start] == '\0') {
            zn_status st = zn_buf_append(out, text + start, 1);
            if (st != ZN_OK) {
                return st == ZN_ERR_NOMEM ? zn__error_nomem(err, "script conversion")
                                          : zn__error_set(err, st, "converted text too large");
            }
            start++;
            continue;
        }
        size_t end = start;
        while (end < len && text[end] != '\0') {
            uint32_t c = zn__utf8_next(text, len, &end);
            if (ends_run(c)) {
                break;
            }
        }
        char *conv = opencc_convert_utf8(cc, text + start, end - start);
        if (conv == NULL) {
            return zn__error_set(err, ZN_ERR_EXTERNAL, "OpenCC conversion failed: %s",
                                 opencc_error());
        }
        size_t clen = strlen(conv);
        size_t obase = out->len;
        zn_status st = zn_buf_append(out, conv, clen);
        if (st == ZN_OK && (clen != end - start || memcmp(conv, text + start, clen) != 0)) {
            st = diff_run(text + start, end - start, start, conv, clen, obase, edits);
        }
        opencc_convert_utf8_free(conv);
        if (st != ZN_OK) {
            return st == ZN_ERR_NOMEM ? zn__error_nomem(err, "script conversion")
                                      : zn__error_set(err, st, "converted text too large");
        }
        start = end;
    }
    return ZN_OK;
}
