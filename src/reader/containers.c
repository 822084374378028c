/* SPDX-License-Identifier: MIT
 * The simplest containers: a whole input as one article (text), and one record per line
 * (lines), for the line modes that must keep line counts: empty lines are records too. */
#include <string.h>

#include "reader/reader_int.h"
#include "util/error.h"

zn_status zn__source_line(zn_reader *r, size_t *len, size_t *used, bool *found, zn_error *err)
{
    for (;;) {
        const char *p = r->win.data + r->pos;
        size_t avail = r->win.len - r->pos;
        const char *nl = avail > r->scan ? memchr(p + r->scan, '\n', avail - r->scan) : NULL;
        if (nl != NULL || (r->eof && avail > 0)) {
            size_t n = nl != NULL ? (size_t)(nl - p) : avail;
            *used = nl != NULL ? n + 1 : n;
            *len = n > 0 && p[n - 1] == '\r' ? n - 1 : n;
            *found = true;
            if (*len > r->opts.max_record_bytes) {
                return zn__error_at(err, ZN_ERR_TOO_BIG, r->path,
                                    "line %zu longer than %zu bytes", r->line,
                                    r->opts.max_record_bytes);
            }
            return ZN_OK;
        }
        if (r->eof) {
            *found = false;
            return ZN_OK;
        }
        r->scan = avail;
        if (avail > r->opts.max_record_bytes) {
            return zn__error_at(err, ZN_ERR_TOO_BIG, r->path,
                                "line %zu longer than %zu bytes", r->line,
                                r->opts.max_record_bytes);
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

zn_status zn__next_text(zn_reader *r, zn_record **out, zn_error *err)
{
    while (!r->eof) {
        if (r->win.len - r->pos > r->opts.max_record_bytes) {
            return zn__error_at(err, ZN_ERR_TOO_BIG, r->path, "article larger than %zu bytes",
                                r->opts.max_record_bytes);
        }
        zn_status st = zn__source_fill(r, err);
        if (st != ZN_OK) {
            return st;
        }
    }
    size_t avail = r->win.len - r->pos;
    if (avail > r->opts.max_record_bytes) {
        return zn__error_at(err, ZN_ERR_TOO_BIG, r->path, "article larger than %zu bytes",
                            r->opts.max_record_bytes);
    }
    if (avail == 0) {
        if (r->index == 0) {
            return zn__error_at(err, ZN_ERR_EMPTY, r->path, "empty file");
        }
        return ZN_OK;
    }
    zn_status st =
        zn__reader_make_record(r, r->win.data + r->pos, avail, r->raw_offset, out, err);
    zn__source_consume(r, avail);
    if (st == ZN_OK) {
        r->index++;
    }
    return st;
}
