/* SPDX-License-Identifier: MIT
 * Encoding detection: byte-order mark, strict UTF-8, then a choice among the Chinese
 * encodings. Every candidate is decoded for real; the one whose text the character model
 * (model.c) finds most like Chinese wins, uchardet's answer breaking near-ties. uchardet alone
 * is weak on short texts and knows no Big5-HKSCS; the model is not. */
#include <math.h>
#include <string.h>
#include <uchardet.h>

#include "reader/decode.h"
#include "reader/detect.h"
#include "util/error.h"
#include "util/utf8.h"

#define COST_INVALID 30.0   // nats per undecodable byte
#define UCHARDET_BONUS 2.0  // nats: uchardet's confirmed answer wins near-ties
#define UTF8_BONUS 3.0      // nats: valid UTF-8 is rarely an accident
#define MARGIN_SCALE 4.0    // nats of margin per unit of logistic confidence
#define MAX_CANDIDATES 5

typedef struct candidate {
    zn__encoding enc;
    double cost;
    size_t invalid;
    size_t controls;
    size_t chars;
} candidate;

static void set(zn__encoding *out, const char *label, const char *iconv_name, bool ascii_safe,
                size_t bom)
{
    out->label = label;
    out->iconv_name = iconv_name;
    out->ascii_safe = ascii_safe;
    out->bom = bom;
    out->confidence = 1.0;
}

static bool starts(const char *s, size_t len, const char *prefix, size_t n)
{
    return len >= n && memcmp(s, prefix, n) == 0;
}

bool zn__detect_bom(zn__encoding *out, const char *s, size_t len)
{
    if (starts(s, len, "\xEF\xBB\xBF", 3)) {
        set(out, "UTF-8", NULL, true, 3);
    } else if (starts(s, len, "\xFF\xFE\0\0", 4)) {
        set(out, "UTF-32LE", "UTF-32LE", false, 4);
    } else if (starts(s, len, "\0\0\xFE\xFF", 4)) {
        set(out, "UTF-32BE", "UTF-32BE", false, 4);
    } else if (starts(s, len, "\xFF\xFE", 2)) {
        set(out, "UTF-16LE", "UTF-16LE", false, 2);
    } else if (starts(s, len, "\xFE\xFF", 2)) {
        set(out, "UTF-16BE", "UTF-16BE", false, 2);
    } else if (starts(s, len, "\x84\x31\x95\x33", 4)) {
        set(out, "GB18030", "GB18030", true, 4);
    } else {
        return false;
    }
    return true;
}

// Strict UTF-8 over the whole sample (a sequence cut by the end of a partial sample is fine).
static bool is_utf8(const char *s, size_t len, bool at_eof)
{
    size_t valid = zn__utf8_valid_prefix(s, len);
    if (valid == len) {
        return true;
    }
    return !at_eof && len - valid < 4 && zn__utf8_boundary(s + valid, len - valid) == 0;
}

// True when valid UTF-8 s has a sequence of three or four bytes (U+0800 and up, where CJK
// is). A GB18030 or Big5 text with a few characters can pass as UTF-8 made of two-byte
// sequences only (Cyrillic, Greek, Hebrew letters), never plausibly of longer ones.
static bool has_long_sequence(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if ((unsigned char)s[i] >= 0xE0) {
            return true;
        }
    }
    return false;
}

// Decodes the sample as c->enc and scores the text.
static zn_status evaluate(candidate *c, const char *s, size_t len, bool at_eof, zn_error *err)
{
    zn__decoder d;
    zn_status st = zn__decoder_init(&d, c->enc.iconv_name, c->enc.label, ZN_INVALID_SKIP, "",
                                    NULL);
    if (st == ZN_ERR_INVALID_ARG) {
        c->cost = HUGE_VAL; // this iconv lacks the encoding: never chosen
        return ZN_OK;
    }
    if (st != ZN_OK) {
        return zn__error_nomem(err, "encoding detection");
    }
    zn_buf text;
    zn_buf_init(&text, 0);
    size_t used = 0;
    st = zn__decoder_run(&d, s, len, at_eof, &used, &text, 0, "", NULL);
    if (st == ZN_OK) {
        c->invalid = d.invalid;
        c->cost = zn__text_cost(text.data, text.len, &c->controls) + COST_INVALID * d.invalid;
        c->chars = zn__utf8_count(text.data, text.len);
    }
    zn_buf_clear(&text);
    zn__decoder_clear(&d);
    return st == ZN_OK ? ZN_OK : zn__error_nomem(err, "encoding detection");
}

// uchardet's answer as one of our encodings; false when it has none or one we do not know.
static bool ask_uchardet(const char *s, size_t len, zn__encoding *out)
{
    uchardet_t ud = uchardet_new();
    if (ud == NULL) {
        return false;
    }
    bool found = false;
    if (uchardet_handle_data(ud, s, len) == 0) {
        uchardet_data_end(ud);
        const char *name = uchardet_get_charset(ud);
        found = name != NULL && name[0] != '\0' && zn__encoding_lookup(out, name, "", NULL) == ZN_OK;
    }
    uchardet_delete(ud);
    return found;
}

static size_t add(candidate *cands, size_t n, const zn__encoding *enc)
{
    for (size_t i = 0; i < n; i++) {
        if (cands[i].enc.iconv_name == enc->iconv_name ||
            (cands[i].enc.iconv_name != NULL && enc->iconv_name != NULL &&
             strcmp(cands[i].enc.iconv_name, enc->iconv_name) == 0)) {
            return n;
        }
    }
    if (n == MAX_CANDIDATES) {
        return n;
    }
    memset(&cands[n], 0, sizeof cands[n]);
    cands[n].enc = *enc;
    return n + 1;
}

static size_t list_candidates(candidate *cands, bool has_nul)
{
    zn__encoding e;
    size_t n = 0;
    if (has_nul) {
        set(&e, "UTF-16LE", "UTF-16LE", false, 0);
        n = add(cands, n, &e);
        set(&e, "UTF-16BE", "UTF-16BE", false, 0);
        return add(cands, n, &e);
    }
    set(&e, "GB18030", "GB18030", true, 0);
    n = add(cands, n, &e);
    set(&e, "BIG5", "BIG5-HKSCS", true, 0);
    n = add(cands, n, &e);
    set(&e, "UTF-8", NULL, true, 0); // UTF-8 with a few bad bytes
    return add(cands, n, &e);
}

// True when the Big5 bytes s[0..len) stay within the rows that every Big5 table (glibc's
// BIG5 and BIG5-HKSCS, Python's big5, CP950) maps alike: A140-A3BF, A440-C67E, C940-F9D5.
// Then "BIG5" names them for any decoder. Rows C6A1-C8FE (where ETEN, HKSCS and Python's
// big5 disagree, and glibc's BIG5 has nothing), F9D6-FEFE and 87-A0 make it "BIG5-HKSCS".
// Both are decoded as Big5-HKSCS.
static bool is_plain_big5(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < len; i++) {
        if (p[i] < 0x80 || p[i] == 0x80 || p[i] == 0xFF) {
            continue; // ASCII, or a byte no Big5 table decodes (counted as invalid)
        }
        if (i + 1 == len) {
            return true; // cut by the end of the sample
        }
        unsigned code = (unsigned)p[i] << 8 | p[i + 1];
        bool common = (code >= 0xA140 && code <= 0xA3BF) || (code >= 0xA440 && code <= 0xC67E) ||
                      (code >= 0xC940 && code <= 0xF9D5);
        if (!common) {
            return false;
        }
        i++;
    }
    return true;
}

// Binary data: bytes that do not decode, control characters, or (with NUL bytes, where
// only UTF-16 and UTF-32 are left) characters no text is made of: text averages well under
// 12 nats a character, random code points over 14.
static bool looks_binary(const candidate *c, size_t len, bool has_nul)
{
    if (has_nul && c->chars > 0 && c->cost / (double)c->chars > 12.0) {
        return true;
    }
    return c->cost == HUGE_VAL || (c->invalid > 2 && c->invalid * 20 > len) ||
           c->controls * 100 > c->chars + 100 ||
           (c->controls > 0 && c->chars < 100 && c->controls * 10 > c->chars);
}

static bool has_high_byte(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if ((unsigned char)s[i] >= 0x80) {
            return true;
        }
    }
    return false;
}

// Decodes s as every plausible encoding and keeps the one the model likes best. `utf8`: s
// is valid UTF-8 (of two-byte sequences only), which counts in UTF-8's favour.
static zn_status choose(zn__encoding *out, const char *s, size_t len, bool at_eof, bool utf8,
                        const char *path, zn_error *err)
{
    const char *nul = memchr(s, '\0', len);
    candidate cands[MAX_CANDIDATES];
    size_t n = list_candidates(cands, nul != NULL);
    zn__encoding ud;
    bool have_ud = ask_uchardet(s, len, &ud) && ud.ascii_safe == (nul == NULL);
    if (have_ud) {
        n = add(cands, n, &ud);
    }
    size_t best = 0;
    for (size_t i = 0; i < n; i++) {
        zn_status st = evaluate(&cands[i], s, len, at_eof, err);
        if (st != ZN_OK) {
            return st;
        }
        if (have_ud && cands[i].invalid == 0 && strcmp(cands[i].enc.label, ud.label) == 0) {
            cands[i].cost -= UCHARDET_BONUS;
        }
        if (utf8 && cands[i].enc.iconv_name == NULL) {
            cands[i].cost -= UTF8_BONUS;
        }
        if (cands[i].cost < cands[best].cost) {
            best = i;
        }
    }
    if (looks_binary(&cands[best], len, nul != NULL)) {
        if (nul != NULL) {
            return zn__error_at(err, ZN_ERR_NOT_TEXT, path, "not text (NUL byte at byte %zu)",
                                (size_t)(nul - s));
        }
        return zn__error_at(err, ZN_ERR_NOT_TEXT, path, "not text (no encoding decodes it)");
    }
    double margin = HUGE_VAL;
    for (size_t i = 0; i < n; i++) {
        if (i != best && cands[i].cost - cands[best].cost < margin) {
            margin = cands[i].cost - cands[best].cost;
        }
    }
    *out = cands[best].enc;
    // The model treats characters as independent, so its margins run high: temper them, and
    // keep certainty (1) for what a byte-order mark, --from or valid UTF-8 says.
    out->confidence = fmin(0.999, 1.0 / (1.0 + exp(-margin / MARGIN_SCALE)));
    if (cands[best].invalid > 0) {
        double clean = 1.0 - (double)cands[best].invalid / (double)len;
        out->confidence *= clean * clean;
    }
    if (strcmp(out->label, "BIG5") == 0 && !is_plain_big5(s, len)) {
        out->label = "BIG5-HKSCS";
    }
    return ZN_OK;
}

zn_status zn__detect(zn__encoding *out, const char *s, size_t len, bool at_eof, const char *path,
                     zn_error *err)
{
    if (zn__detect_bom(out, s, len)) {
        return ZN_OK;
    }
    bool utf8 = memchr(s, '\0', len) == NULL && is_utf8(s, len, at_eof);
    if (utf8 && (has_long_sequence(s, len) || !has_high_byte(s, len))) {
        set(out, "UTF-8", NULL, true, 0);
        return ZN_OK;
    }
    return choose(out, s, len, at_eof, utf8, path, err);
}
