/* SPDX-License-Identifier: MIT
 * The reader's decoder: bytes of the input encoding → UTF-8, piece by piece, with the
 * --on-invalid policy applied to every byte that does not decode. */
#include "reader/decode.h"

#include <errno.h>

#include "util/error.h"
#include "util/utf8.h"

#define REPLACEMENT "\xEF\xBF\xBD" // U+FFFD
#define DEFAULT_PIECE ((size_t)1 << 16)

zn_status zn__decoder_init(zn__decoder *d, const char *iconv_name, const char *label,
                           zn_invalid_policy policy, const char *path, zn_error *err)
{
    d->cd = (iconv_t)-1;
    d->name = label;
    d->policy = policy;
    d->piece = DEFAULT_PIECE;
    d->invalid = 0;
    if (iconv_name == NULL) {
        return ZN_OK;
    }
    d->cd = iconv_open("UTF-8", iconv_name);
    if (d->cd == (iconv_t)-1) {
        if (errno == ENOMEM) {
            return zn__error_nomem(err, path);
        }
        return zn__error_at(err, ZN_ERR_INVALID_ARG, path, "encoding %s is not supported",
                            iconv_name);
    }
    return ZN_OK;
}

void zn__decoder_clear(zn__decoder *d)
{
    if (d->cd != (iconv_t)-1) {
        iconv_close(d->cd);
        d->cd = (iconv_t)-1;
    }
}

void zn__decoder_reset(zn__decoder *d)
{
    if (d->cd != (iconv_t)-1) {
        iconv(d->cd, NULL, NULL, NULL, NULL);
    }
    d->invalid = 0;
}

static zn_status put(zn_buf *out, const char *s, size_t len, const char *path, zn_error *err)
{
    zn_status st = zn_buf_append(out, s, len);
    if (st == ZN_ERR_TOO_BIG) {
        return zn__error_at(err, st, path, "record larger than %zu bytes", out->limit);
    }
    if (st != ZN_OK) {
        return zn__error_nomem(err, path);
    }
    return ZN_OK;
}

// Applies the policy to `n` undecodable bytes found at input offset `at`.
static zn_status bad_bytes(zn__decoder *d, size_t n, size_t at, zn_buf *out, const char *path,
                           zn_error *err)
{
    if (d->policy == ZN_INVALID_FAIL) {
        return zn__error_at(err, ZN_ERR_ENCODING, path, "invalid %s at byte %zu", d->name, at);
    }
    d->invalid += n;
    if (d->policy == ZN_INVALID_REPLACE) {
        for (size_t i = 0; i < n; i++) {
            zn_status st = put(out, REPLACEMENT, 3, path, err);
            if (st != ZN_OK) {
                return st;
            }
        }
    }
    return ZN_OK;
}

// True when s[0..len) is the start of a UTF-8 sequence that more bytes could complete.
static bool is_cut_sequence(const char *s, size_t len)
{
    return len < 4 && zn__utf8_boundary(s, len) == 0;
}

static zn_status run_utf8(zn__decoder *d, const char *in, size_t len, bool final, size_t *used,
                          zn_buf *out, size_t base, const char *path, zn_error *err)
{
    size_t pos = 0;
    zn_status st = ZN_OK;
    while (pos < len && st == ZN_OK) {
        size_t valid = zn__utf8_valid_prefix(in + pos, len - pos);
        st = put(out, in + pos, valid, path, err);
        pos += valid;
        if (st != ZN_OK || pos == len) {
            break;
        }
        if (!final && is_cut_sequence(in + pos, len - pos)) {
            break;
        }
        st = bad_bytes(d, 1, base + pos, out, path, err);
        pos++;
    }
    if (used != NULL) {
        *used = pos;
    }
    return st;
}

// Moves what iconv wrote into tmp over to out.
static zn_status drain(char *tmp, char *op, zn_buf *out, const char *path, zn_error *err)
{
    return op > tmp ? put(out, tmp, (size_t)(op - tmp), path, err) : ZN_OK;
}

static size_t min_size(size_t a, size_t b)
{
    return a < b ? a : b;
}

static zn_status run_iconv(zn__decoder *d, const char *in, size_t len, bool final, size_t *used,
                           zn_buf *out, size_t base, const char *path, zn_error *err)
{
    char tmp[8192];
    size_t pos = 0;
    size_t end = min_size(len, d->piece);
    zn_status st = ZN_OK;
    while (st == ZN_OK && pos < len) {
        char *ip = (char *)in + pos;
        size_t il = end - pos;
        char *op = tmp;
        size_t ol = sizeof tmp;
        size_t rc = iconv(d->cd, &ip, &il, &op, &ol);
        int e = errno;
        pos = (size_t)(ip - in);
        st = drain(tmp, op, out, path, err);
        if (st != ZN_OK) {
            break;
        }
        if (rc == (size_t)-1 && e == E2BIG) {
            continue; // tmp was full
        }
        if (rc != (size_t)-1 || (e == EINVAL && end < len)) {
            // The piece is done, or a sequence is cut by its edge: give iconv the next one.
            end = min_size(len, end + d->piece);
            continue;
        }
        if (e == EINVAL && !final) {
            break; // cut at the end of what we have: the caller sends more
        }
        size_t n = e == EINVAL ? len - pos : 1;
        if (e != EINVAL && e != EILSEQ) {
            return zn__error_at(err, ZN_ERR_EXTERNAL, path, "iconv failed at byte %zu",
                                base + pos);
        }
        st = bad_bytes(d, n, base + pos, out, path, err);
        pos += n;
        if (end < pos) {
            end = min_size(len, pos + d->piece);
        }
    }
    if (st == ZN_OK && final) {
        char *op = tmp;
        size_t ol = sizeof tmp;
        iconv(d->cd, NULL, NULL, &op, &ol);
        st = drain(tmp, op, out, path, err);
    }
    if (used != NULL) {
        *used = pos;
    }
    return st;
}

zn_status zn__decoder_run(zn__decoder *d, const char *in, size_t len, bool final, size_t *used,
                          zn_buf *out, size_t base, const char *path, zn_error *err)
{
    if (d->cd == (iconv_t)-1) {
        return run_utf8(d, in, len, final, used, out, base, path, err);
    }
    return run_iconv(d, in, len, final, used, out, base, path, err);
}
