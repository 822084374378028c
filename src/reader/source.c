/* SPDX-License-Identifier: MIT
 * The reader's byte source: a window over the input, filled one read() at a time, so memory
 * stays bounded by the largest record. Inputs whose ASCII bytes may be parts of other
 * characters (UTF-16, UTF-32) are decoded to UTF-8 on the way in, so that the containers can
 * always split at ASCII '\n' and '<'. */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "reader/reader_int.h"
#include "util/error.h"

#define LATER_SCAN_LIMIT ((size_t)256 << 20) // how far to look for non-ASCII text

static zn_status append(zn_reader *r, const char *s, size_t n, zn_error *err)
{
    zn_status st = zn_buf_append(&r->win, s, n);
    if (st != ZN_OK) {
        return zn__error_nomem(err, r->path);
    }
    return ZN_OK;
}

// Moves the unread bytes to the front when they no longer fill the first half.
static void compact(zn_reader *r)
{
    if (r->pos == 0 || r->pos < r->win.len / 2) {
        return;
    }
    size_t keep = r->win.len - r->pos;
    memmove(r->win.data, r->win.data + r->pos, keep);
    r->win.len = keep;
    r->win.data[keep] = '\0';
    r->base += r->pos;
    r->pos = 0;
}

static zn_status read_some(zn_reader *r, char *dst, size_t size, size_t *got, zn_error *err)
{
    for (;;) {
        ssize_t n = read(r->fd, dst, size);
        if (n >= 0) {
            *got = (size_t)n;
            return ZN_OK;
        }
        if (errno != EINTR) {
            char msg[128];
            return zn__error_at(err, zn__status_from_errno(errno), r->path, "read failed: %s",
                                zn__errno_str(errno, msg, sizeof msg));
        }
    }
}

// Decodes carry + fresh bytes into the window; a cut sequence waits in carry.
static zn_status transcode(zn_reader *r, size_t fresh, zn_error *err)
{
    size_t have = r->carry_len + fresh;
    size_t used = 0;
    size_t at = r->raw_offset - have;
    zn_status st = zn__decoder_run(&r->pre, r->chunk_buf, have, r->eof, &used, &r->win, at,
                                   r->path, err);
    if (st != ZN_OK) {
        return st;
    }
    r->carry_len = have - used;
    if (r->carry_len > sizeof r->carry) {
        // More than a sequence left over: cannot happen with a final decode, and the
        // decoders only leave cut sequences (at most 4 bytes) when not final.
        return zn__error_at(err, ZN_ERR_EXTERNAL, r->path, "decoder stalled at byte %zu",
                            at + used);
    }
    memcpy(r->carry, r->chunk_buf + used, r->carry_len);
    return ZN_OK;
}

zn_status zn__source_fill(zn_reader *r, zn_error *err)
{
    if (r->eof) {
        return ZN_OK;
    }
    compact(r);
    size_t got = 0;
    if (!r->transcode) {
        zn_status st = read_some(r, r->chunk_buf, r->chunk, &got, err);
        if (st != ZN_OK) {
            return st;
        }
        r->raw_offset += got;
        r->eof = got == 0;
        r->drained = got < r->chunk;
        return append(r, r->chunk_buf, got, err);
    }
    memcpy(r->chunk_buf, r->carry, r->carry_len);
    zn_status st = read_some(r, r->chunk_buf + r->carry_len, r->chunk, &got, err);
    if (st != ZN_OK) {
        return st;
    }
    r->raw_offset += got;
    r->eof = got == 0;
    r->drained = got < r->chunk;
    return transcode(r, got, err);
}

zn_status zn__source_want(zn_reader *r, size_t n, bool patient, zn_error *err)
{
    while (!r->eof && r->win.len - r->pos < n) {
        zn_status st = zn__source_fill(r, err);
        if (st != ZN_OK) {
            return st;
        }
        if (!patient && r->drained &&
            memchr(zn__window(r), '\n', r->win.len - r->pos) != NULL) {
            break;
        }
    }
    return ZN_OK;
}

zn_status zn__source_start_transcoding(zn_reader *r, zn_error *err)
{
    zn_buf raw = r->win;
    size_t from = r->pos;
    zn_buf_init(&r->win, 0);
    r->base += r->pos; // offsets now count UTF-8 bytes from here on
    r->pos = 0;
    r->transcode = true;
    size_t used = 0;
    zn_status st = zn__decoder_run(&r->pre, raw.data + from, raw.len - from, r->eof, &used,
                                   &r->win, from, r->path, err);
    if (st == ZN_OK) {
        r->carry_len = raw.len - from - used;
        if (r->carry_len > sizeof r->carry) {
            st = zn__error_at(err, ZN_ERR_EXTERNAL, r->path, "decoder stalled at byte %zu",
                              from + used);
        } else {
            memcpy(r->carry, raw.data + from + used, r->carry_len);
        }
    }
    zn_buf_clear(&raw);
    return st;
}

void zn__source_consume(zn_reader *r, size_t n)
{
    r->scan = 0;
    if (n == 0) {
        return;
    }
    const char *p = r->win.data + r->pos;
    const char *end = p + n;
    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        r->line++;
        p++;
    }
    r->pos += n;
}

static bool has_high_byte(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)s[i] >= 0x80) {
            return true;
        }
    }
    return false;
}

zn_status zn__source_later_sample(zn_reader *r, zn_buf *out, bool *at_eof, zn_error *err)
{
    zn_buf_init(out, 0);
    *at_eof = true;
    struct stat sb;
    if (r->eof || fstat(r->fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        return ZN_OK;
    }
    char *block = r->chunk_buf; // chunk_buf is free between reads
    size_t step = r->chunk;
    for (size_t off = r->win.len; off < LATER_SCAN_LIMIT; off += step) {
        ssize_t n = pread(r->fd, block, step, (off_t)off);
        if (n < 0 && errno == EINTR) {
            off -= step;
            continue;
        }
        if (n <= 0) {
            return ZN_OK;
        }
        if (!has_high_byte(block, (size_t)n)) {
            continue;
        }
        // All bytes before this block were ASCII, so it starts on a character boundary.
        zn_status st = zn_buf_append(out, block, (size_t)n);
        off += (size_t)n;
        while (st == ZN_OK && out->len < ZN__DETECT_SAMPLE) {
            n = pread(r->fd, block, step, (off_t)off);
            if (n <= 0) {
                break;
            }
            st = zn_buf_append(out, block, (size_t)n);
            off += (size_t)n;
        }
        *at_eof = n <= 0;
        return st == ZN_OK ? ZN_OK : zn__error_nomem(err, r->path);
    }
    return ZN_OK;
}
