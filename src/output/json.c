/* SPDX-License-Identifier: MIT
 * The streaming JSON writer under every JSON output of zhnews: containers, strings and
 * scalars (member names and members are in json_member.c, the pieces both use in
 * json_core.h, the string escaper in json_escape.c). */
#include "zhnews/output.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output/json_core.h"

// Input bytes of a string escaped into the stack array at a time on the slow path.
#define SLICE 64

void zn_json_init(zn_json *j, zn_buf *buf, bool pretty)
{
    j->buf = buf;
    j->status = ZN_OK;
    j->pretty = pretty;
    j->depth = 0;
    j->first[0] = true;
    j->in_object[0] = false;
    j->after_key = false;
}

zn_status zn_json_status(const zn_json *j)
{
    return j->status;
}

void zn__json_put(zn_json *j, const char *s, size_t len)
{
    if (j->status == ZN_OK) {
        j->status = zn_buf_append(j->buf, s, len);
    }
}

// Writes the separator and c at start and enters the container; on the slow path (start is
// tmp) the bytes are appended, on the fast path the buffer's end moves.
static inline void open_piece(zn_json *j, char c, bool object, char *start, const char *tmp,
                              bool pretty)
{
    char *p = zn__json_item(j, false, start, pretty);
    p = p != NULL ? zn__json_enter(j, p, c, object) : NULL;
    if (p == NULL) {
        return;
    }
    if (start == tmp) {
        zn__json_put(j, tmp, (size_t)(p - tmp));
        return;
    }
    zn__json_finish(j, p);
}

static __attribute__((noinline)) void open_slow(zn_json *j, char c, bool object)
{
    char tmp[ZN__JSON_SEP_MAX + 1];
    open_piece(j, c, object, tmp, tmp, j->pretty);
}

static void open_container(zn_json *j, char c, bool object)
{
    char *start = zn__json_room(j, 2);
    if (start == NULL) {
        open_slow(j, c, object);
        return;
    }
    open_piece(j, c, object, start, NULL, false);
}

static __attribute__((noinline)) void close_slow(zn_json *j, char c, bool empty)
{
    char tmp[ZN__JSON_SEP_MAX + 1];
    char *p = j->pretty && !empty ? zn__json_newline_indent(tmp, j->depth) : tmp;
    *p++ = c;
    zn__json_put(j, tmp, (size_t)(p - tmp));
}

static void close_container(zn_json *j, char c, bool object)
{
    if (j->status != ZN_OK) {
        return;
    }
    if (j->depth == 0 || j->in_object[j->depth] != object || j->after_key) {
        j->status = ZN_ERR_INVALID_ARG;
        return;
    }
    bool empty = j->first[j->depth];
    j->depth--;
    char *p = zn__json_room(j, 1);
    if (p == NULL) {
        close_slow(j, c, empty);
        return;
    }
    *p++ = c;
    zn__json_finish(j, p);
}

void zn_json_begin_object(zn_json *j)
{
    open_container(j, '{', true);
}

void zn_json_end_object(zn_json *j)
{
    close_container(j, '}', true);
}

void zn_json_begin_array(zn_json *j)
{
    open_container(j, '[', false);
}

void zn_json_end_array(zn_json *j)
{
    close_container(j, ']', false);
}

char *zn__json_escaped(char *p, const char *s, size_t len)
{
    // most strings need no escape: the run is copied here, without the escaper's call
    size_t pos = zn__json_plain_end((const unsigned char *)s, 0, len, len);
    p = zn__json_copy(p, s, pos);
    return pos < len ? zn__json_escape(p, s, &pos, len, len) : p;
}

// The slow path of a string: the separator, the quote, then s[0..len) escaped through tmp
// in slices, the closing quote and a key's colon.
static __attribute__((noinline)) void string_slow(zn_json *j, const char *s, size_t len,
                                                  bool is_key)
{
    char tmp[ZN__JSON_SEP_MAX + 1 + 6 * SLICE + 3]; // separator and quote, a slice, the tail
    char *p = zn__json_item(j, is_key, tmp, j->pretty);
    if (p == NULL) {
        return;
    }
    *p++ = '"';
    size_t pos = 0;
    while (pos < len && j->status == ZN_OK) {
        p = zn__json_escape(p, s, &pos, len - pos <= SLICE ? len : pos + SLICE, len);
        if (pos < len) {
            zn__json_put(j, tmp, (size_t)(p - tmp));
            p = tmp;
        }
    }
    zn__json_put(j, tmp, (size_t)(zn__json_string_tail(j, p, is_key, j->pretty) - tmp));
}

void zn__json_string(zn_json *j, const char *s, size_t len, bool is_key)
{
    char *start = len <= ZN__JSON_ESCAPE_MAX ? zn__json_room(j, 6 * len + 5) : NULL;
    if (start == NULL) {
        string_slow(j, s, len, is_key);
        return;
    }
    char *p = zn__json_item(j, is_key, start, false);
    if (p != NULL) {
        zn__json_finish(j, zn__json_string_tail(j, zn__json_quote(p, s, len), is_key,
                                                false));
    }
}

void zn_json_string(zn_json *j, const char *s, size_t len)
{
    if (s == NULL) {
        zn_json_null(j);
        return;
    }
    zn__json_string(j, s, len, false);
}

void zn_json_cstr(zn_json *j, const char *s)
{
    zn_json_string(j, s, s != NULL ? strlen(s) : 0);
}

static __attribute__((noinline)) void int_slow(zn_json *j, long long v)
{
    char tmp[ZN__JSON_SEP_MAX + 20];
    char *p = zn__json_item(j, false, tmp, j->pretty);
    if (p != NULL) {
        zn__json_put(j, tmp, (size_t)(zn__json_digits(p, v) - tmp));
    }
}

void zn_json_int(zn_json *j, long long v)
{
    char *start = zn__json_room(j, 21);
    if (start == NULL) {
        int_slow(j, v);
        return;
    }
    char *p = zn__json_item(j, false, start, false);
    if (p != NULL) {
        zn__json_finish(j, zn__json_digits(p, v));
    }
}

// Writes the separator and text[0..len) (at most 40 bytes) the slow way: not hot.
static void short_item(zn_json *j, const char *text, size_t len)
{
    char tmp[ZN__JSON_SEP_MAX + 40];
    char *p = zn__json_item(j, false, tmp, j->pretty);
    if (p != NULL) {
        memcpy(p, text, len);
        zn__json_put(j, tmp, (size_t)(p + len - tmp));
    }
}

void zn_json_double(zn_json *j, double v)
{
    if (!isfinite(v)) {
        zn_json_null(j);
        return;
    }
    char num[40];
    int n = snprintf(num, sizeof num, "%.4g", v);
    // Four digits keep scores short, but near DBL_MAX they round past it (1.798e+308):
    // then write every digit, which reads back as the same finite number.
    if (!isfinite(strtod(num, NULL))) {
        n = snprintf(num, sizeof num, "%.17g", v);
    }
    short_item(j, num, (size_t)n);
}

void zn_json_bool(zn_json *j, bool v)
{
    short_item(j, v ? "true" : "false", v ? 4 : 5);
}

void zn_json_null(zn_json *j)
{
    short_item(j, "null", 4);
}

void zn_json_raw(zn_json *j, const char *json, size_t len)
{
    short_item(j, "", 0);
    zn__json_put(j, json, len);
}
