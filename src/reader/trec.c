/* SPDX-License-Identifier: MIT
 * TREC/SGML containers: many <doc>…</doc> records per file, as the Sogou news corpora
 * (<url>, <docno>, <contenttitle>, <content>) and Gigaword-style corpora (<DOC id= type=>,
 * <HEADLINE>, <DATELINE>, <TEXT><P>…</P></TEXT>) ship them. The splitter finds records on the
 * raw bytes ('<' never occurs inside a character of an ASCII-safe encoding); the fields are
 * read from the decoded record. A record whose </doc> is missing is reported and the next
 * <doc> is still found. */
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "reader/reader_int.h"
#include "util/alloc.h"
#include "util/error.h"

#define NO_TAG SIZE_MAX
#define TAG_LOOKBACK 6 // a tag cut by the end of the window is searched again

static bool tag_end(char c)
{
    return c == '>' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/';
}

// Offset of the first <doc (open) or </doc (close) tag in s[from..n); NO_TAG if none.
// *closing tells which one was found.
static size_t find_doc_tag(const char *s, size_t n, size_t from, bool *closing)
{
    if (from >= n) {
        return NO_TAG;
    }
    const char *p = s + from;
    const char *end = s + n;
    while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
        size_t left = (size_t)(end - p);
        if (left >= 6 && strncasecmp(p, "</doc", 5) == 0 && tag_end(p[5])) {
            *closing = true;
            return (size_t)(p - s);
        }
        if (left >= 5 && strncasecmp(p, "<doc", 4) == 0 && tag_end(p[4])) {
            *closing = false;
            return (size_t)(p - s);
        }
        p++;
    }
    return NO_TAG;
}

static size_t rescan_from(size_t avail)
{
    return avail > TAG_LOOKBACK ? avail - TAG_LOOKBACK : 0;
}

static bool only_space(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n') {
            return false;
        }
    }
    return true;
}

// Moves pos to the next <doc. *found is false at the end of the input.
static zn_status skip_to_doc(zn_reader *r, bool *found, bool *junk, zn_error *err)
{
    for (;;) {
        const char *p = zn__window(r);
        size_t avail = r->win.len - r->pos;
        bool closing = false;
        size_t at = find_doc_tag(p, avail, r->scan, &closing);
        while (at != NO_TAG && closing) { // a stray </doc>: skip it
            at = find_doc_tag(p, avail, at + 1, &closing);
        }
        if (at != NO_TAG) {
            *junk = *junk || !only_space(p, at);
            zn__source_consume(r, at);
            *found = true;
            return ZN_OK;
        }
        if (r->eof) {
            *junk = *junk || !only_space(p, avail);
            zn__source_consume(r, avail);
            *found = false;
            return ZN_OK;
        }
        // Between records: drop what was searched, keep a possible cut tag.
        size_t drop = rescan_from(avail);
        *junk = *junk || !only_space(p, drop);
        zn__source_consume(r, drop);
        zn_status st = zn__source_fill(r, err);
        if (st != ZN_OK) {
            return st;
        }
    }
}

// With pos at <doc, finds the record's end. *end is the offset after </doc...>, or the
// offset of the next <doc (or the end of the input) when *complete is false.
static zn_status find_end(zn_reader *r, size_t *end, bool *complete, zn_error *err)
{
    r->scan = 1;
    for (;;) {
        const char *p = zn__window(r);
        size_t avail = r->win.len - r->pos;
        bool closing = false;
        size_t at = find_doc_tag(p, avail, r->scan, &closing);
        if (at != NO_TAG && !closing) {
            *end = at;
            *complete = false;
            return ZN_OK;
        }
        const char *gt = at != NO_TAG ? memchr(p + at, '>', avail - at) : NULL;
        if (gt != NULL) {
            *end = (size_t)(gt - p) + 1;
            *complete = true;
            return ZN_OK;
        }
        if (r->eof) {
            *end = avail;
            *complete = false;
            return ZN_OK;
        }
        if (avail > r->opts.max_record_bytes) {
            return zn__error_at(err, ZN_ERR_TOO_BIG, r->path,
                                "line %zu: <doc> record larger than %zu bytes", r->line,
                                r->opts.max_record_bytes);
        }
        // Search again from a cut tag, but never from our own <doc at 0.
        r->scan = at != NO_TAG ? at : rescan_from(avail);
        r->scan = r->scan > 0 ? r->scan : 1;
        zn_status st = zn__source_fill(r, err);
        if (st != ZN_OK) {
            return st;
        }
    }
}

zn_status zn__next_trec(zn_reader *r, zn_record **out, zn_error *err)
{
    bool found = false;
    bool junk = false;
    r->scan = 0;
    zn_status st = skip_to_doc(r, &found, &junk, err);
    if (st != ZN_OK) {
        return st;
    }
    if (!found) {
        if (junk && r->index == 0) {
            return zn__error_at(err, ZN_ERR_FORMAT, r->path, "no <doc> record found");
        }
        return ZN_OK;
    }
    size_t end = 0;
    bool complete = false;
    st = find_end(r, &end, &complete, err);
    if (st != ZN_OK) {
        return st;
    }
    if (end > r->opts.max_record_bytes) {
        return zn__error_at(err, ZN_ERR_TOO_BIG, r->path,
                            "line %zu: <doc> record larger than %zu bytes", r->line,
                            r->opts.max_record_bytes);
    }
    if (!complete) {
        size_t line = r->line;
        zn__source_consume(r, end);
        return zn__error_at(err, ZN_ERR_FORMAT, r->path, "line %zu: <doc> without </doc>",
                            line);
    }
    zn_record *rec;
    st = zn__reader_make_record(r, r->win.data + r->pos, end, end, &rec, err);
    zn__source_consume(r, end);
    if (st == ZN_OK) {
        char *doc = rec->text;
        size_t len = rec->len;
        rec->text = NULL;
        st = zn__trec_fields(rec, doc, len, err);
        zn__free(doc);
    }
    if (st != ZN_OK) {
        zn_record_free(rec);
        return st;
    }
    r->index++;
    *out = rec;
    return ZN_OK;
}
