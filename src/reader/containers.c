/* SPDX-License-Identifier: MIT
 * The simplest containers: a whole input as one article (text), and one record per line
 * (lines), for the line modes that must keep line counts: empty lines are records too. */
#include <string.h>

#include "reader/reader_int.h"
#include "util/error.h"

zn_status zn__source_line(zn_reader *r, size_t *len, size_t *used, bool *found, zn_error *err)
{
    size_t limit = r->opts.max_line_bytes != 0 && r->opts.max_line_bytes < r->opts.max_record_bytes
                       ? r->opts.max_line_bytes
                       : r->opts.max_record_bytes;
    for (;;) {
        const char *p = zn__window(r);
        size_t avail = r->win.len - r->pos;
        const char *nl = avail > r->scan ? memchr(p + r->scan, '\n', avail - r->scan) : NULL;
        if (nl != NULL || (r->eof && avail > 0)) {
            size_t n = nl != NULL ? (size_t)(nl - p) : avail;
            *used = nl != NULL ? n + 1 : n;
            *len = n > 0 && p[n - 1] == '\r' ? n - 1 : n;
            *found = true;
            if (*len > limit) {
                return zn__error_at(err, ZN_ERR_TOO_BIG, r->path,
                                    "line %zu longer than %zu bytes", r->line, limit);
            }
            return ZN_OK;
        }
        if (r->eof) {
            *found = false;
            return ZN_OK;
        }
        r->scan = avail;
        if (avail > limit) {
            return zn__error_at(err, ZN_ERR_TOO_BIG, r->path,
                                "line %zu longer than %zu bytes", r->line, limit);
        }
        zn_status st = zn__source_fill(r, err);
        if (st != ZN_OK) {
            return st;
        }
    }
}

zn_status zn__next_line(zn_reader *r, zn_record **out, zn_error *err)
{
    size_t len;
    size_t used;
    bool found;
    zn_status st = zn__source_line(r, &len, &used, &found, err);
    if (st != ZN_OK || !found) {
        return st;
    }
    st = zn__reader_make_record(r, r->win.data + r->pos, len, used, out, err);
    zn__source_consume(r, used);
    if (st == ZN_OK) {
        r->index++;
    }
    return st;
}

// One article per input, decoded as it is read: the raw bytes never pile up in the window.
zn_status zn__next_text(zn_reader *r, zn_record **out, zn_error *err)
{
    if (r->index > 0) {
        return ZN_OK;
    }
    zn__decoder_reset(&r->dec);
    zn_buf text;
    zn_buf_init(&text, 0);
    size_t raw = 0;
    zn_status st = ZN_OK;
    for (;;) {
        size_t used = 0;
        st = zn__decoder_run(&r->dec, zn__window(r), r->win.len - r->pos, r->eof, &used,
                             &text, r->base + r->pos, r->path, err);
        zn__source_consume(r, used);
        raw += used;
        if (st != ZN_OK || r->eof) {
            break;
        }
        if (raw > r->opts.max_record_bytes) {
            st = zn__error_at(err, ZN_ERR_TOO_BIG, r->path, "article larger than %zu bytes",
                              r->opts.max_record_bytes);
            break;
        }
        st = zn__source_fill(r, err);
        if (st != ZN_OK) {
            break;
        }
    }
    if (st == ZN_OK && raw > r->opts.max_record_bytes) {
        st = zn__error_at(err, ZN_ERR_TOO_BIG, r->path, "article larger than %zu bytes",
                          r->opts.max_record_bytes);
    }
    if (st == ZN_OK && raw == 0) {
        st = zn__error_at(err, ZN_ERR_EMPTY, r->path, "empty file");
    }
    if (st != ZN_OK) {
        zn_buf_clear(&text);
        return st;
    }
    st = zn__reader_take_record(r, &text, 1, r->raw_offset, out, err);
    if (st == ZN_OK) {
        r->index++;
    }
    return st;
}
