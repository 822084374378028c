/* SPDX-License-Identifier: MIT
 * Script detection by counting the characters OpenCC would change in each direction. */
#include "pipeline/script.h"

#include <opencc.h>

#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"

#define SAMPLE_BYTES 1500 // about 500 characters: plenty to tell the scripts apart

struct script_detector {
    opencc_t t2s;
    opencc_t s2t;
};

zn_status zn__script_detector_new(script_detector **out, zn_error *err)
{
    *out = NULL;
    script_detector *d = zn__calloc(1, sizeof *d);
    if (d == NULL) {
        return zn__error_nomem(err, "script detector");
    }
    d->t2s = opencc_open("t2s.json");
    d->s2t = opencc_open("s2t.json");
    if (d->t2s == (opencc_t)-1 || d->s2t == (opencc_t)-1) {
        bool t2s_failed = d->t2s == (opencc_t)-1;
        zn__script_detector_free(d);
        return zn__error_set(err, ZN_ERR_EXTERNAL, "opencc: cannot open %s (is libopencc-data "
                             "installed?)", t2s_failed ? "t2s.json" : "s2t.json");
    }
    *out = d;
    return ZN_OK;
}

void zn__script_detector_free(script_detector *d)
{
    if (d == NULL) {
        return;
    }
    if (d->t2s != (opencc_t)-1 && d->t2s != NULL) {
        opencc_close(d->t2s);
    }
    if (d->s2t != (opencc_t)-1 && d->s2t != NULL) {
        opencc_close(d->s2t);
    }
    zn__free(d);
}

// Han characters of `a` that differ from the character at the same position of `b`.
static size_t changed_han(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t pa = 0;
    size_t pb = 0;
    size_t n = 0;
    while (pa < alen && pb < blen) {
        uint32_t ca = zn__utf8_next(a, alen, &pa);
        uint32_t cb = zn__utf8_next(b, blen, &pb);
        n += zn__cp_is_han(ca) && ca != cb;
    }
    return n;
}

static size_t changes(opencc_t cc, const char *s, size_t len)
{
    char *out = opencc_convert_utf8(cc, s, len);
    if (out == NULL) {
        return 0;
    }
    size_t olen = 0;
    while (out[olen] != '\0') {
        olen++;
    }
    size_t n = changed_han(s, len, out, olen);
    opencc_convert_utf8_free(out);
    return n;
}

zn_script zn__script_detect(script_detector *d, const char *s, size_t len)
{
    if (len > SAMPLE_BYTES) {
        len = zn__utf8_boundary(s, SAMPLE_BYTES);
    }
    size_t trad = changes(d->t2s, s, len);
    size_t simp = changes(d->s2t, s, len);
    if (trad + simp < 2) {
        return ZN_SCRIPT_UNKNOWN;
    }
    // s2t also rewrites some correct Traditional words (了解 → 瞭解), so demand a clear lead.
    if (trad >= 3 * simp) {
        return ZN_SCRIPT_TRADITIONAL;
    }
    if (simp >= 3 * trad) {
        return ZN_SCRIPT_SIMPLIFIED;
    }
    return ZN_SCRIPT_MIXED;
}
