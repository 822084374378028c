/* SPDX-License-Identifier: MIT
 * The JSON writer's pieces shared by its files (json.c: containers, strings and scalars;
 * json_member.c: names and members): how bytes get into the buffer, separators, entering a
 * container, quoting, names and digits. */
#ifndef ZHNEWS_OUTPUT_JSON_CORE_H
#define ZHNEWS_OUTPUT_JSON_CORE_H

#include <stdint.h>
#include <string.h>

#include "output/json_escape.h"
#include "zhnews/output.h"

/* How bytes get out. Each call knows the most bytes it may write (a separator, a number, a
 * string escaped at worst six bytes per input byte). In the compact form, when the buffer
 * already has room for that many, the call writes straight into the buffer and then moves its
 * end: the fast path, which calls no function, so that its values stay in registers. Else
 * (the buffer must grow first, or the pretty form) a separate function writes the same bytes
 * into an array on its stack and appends them with zn_buf_append, which grows the buffer or
 * fails at its limit: the slow path. Strings too long for the array go out in slices. */

#pragma GCC visibility push(hidden)

// Most bytes before an item: a comma, then in the pretty form a newline and the indent.
#define ZN__JSON_SEP_MAX (2 + 2 * ZN_JSON_MAX_DEPTH)
// Longest string whose worst case (6 bytes out per byte in) is computed without overflow.
#define ZN__JSON_ESCAPE_MAX ((SIZE_MAX - ZN__JSON_SEP_MAX - 256) / 6)
// Longest member name written as a member's first half on the fast path (zn__json_name).
#define ZN__JSON_NAME_SHORT 32
// Most bytes of such a name's piece: the comma, the quotes, the name and its colon.
#define ZN__JSON_NAME_MAX (1 + ZN__JSON_NAME_SHORT + 3)

/* Appends s[0..len) on the slow path, unless the writer has failed; a failure of the buffer
 * becomes the writer's. */
void zn__json_put(zn_json *j, const char *s, size_t len);

/* A string s[0..len) as a value or, with is_key, as a member name and its colon, by the fast
 * path when there is room, else the slow one. */
void zn__json_string(zn_json *j, const char *s, size_t len, bool is_key);

/* The fast path's place: the buffer's end when the form is compact and n bytes and the NUL
 * fit the buffer's capacity and its limit; else NULL. (A zn_buf keeps len <= cap and
 * len <= limit, and has cap 0 while data is NULL.) */
static inline char *zn__json_room(const zn_json *j, size_t n)
{
    const zn_buf *b = j->buf;
    if (j->pretty || n >= b->cap - b->len || n > b->limit - b->len) {
        return NULL;
    }
    return b->data + b->len;
}

/* Ends a piece the fast path wrote up to end: the buffer's end moves there. */
static inline void zn__json_finish(zn_json *j, char *end)
{
    *end = '\0';
    j->buf->len = (size_t)(end - j->buf->data);
}

static inline char *zn__json_newline_indent(char *p, int depth)
{
    *p++ = '\n';
    memset(p, ' ', 2 * (size_t)depth);
    return p + 2 * (size_t)depth;
}

/* Checks that a key (is_key) or a value may come next and writes the separator before it at
 * p (pretty: as j->pretty, false on the fast path). Returns the end of what it wrote, or NULL
 * when the writer has failed (now or before). */
static inline char *zn__json_item(zn_json *j, bool is_key, char *p, bool pretty)
{
    if (j->status != ZN_OK) {
        return NULL;
    }
    if (j->after_key) {
        j->after_key = false;
        if (is_key) {
            j->status = ZN_ERR_INVALID_ARG;
            return NULL;
        }
        return p;
    }
    int d = j->depth;
    if (j->in_object[d] && !is_key) {
        j->status = ZN_ERR_INVALID_ARG; // a value inside an object needs a key first
        return NULL;
    }
    if (!j->first[d]) {
        *p++ = ',';
    }
    j->first[d] = false;
    return pretty && d > 0 ? zn__json_newline_indent(p, d) : p;
}

/* Enters a container whose opening c ('{' or '[') goes at p, after its separator: returns
 * the end, or NULL when it would nest deeper than ZN_JSON_MAX_DEPTH (ZN_ERR_TOO_BIG). */
static inline char *zn__json_enter(zn_json *j, char *p, char c, bool object)
{
    if (j->depth >= ZN_JSON_MAX_DEPTH) {
        j->status = ZN_ERR_TOO_BIG;
        return NULL;
    }
    *p++ = c;
    j->depth++;
    j->first[j->depth] = true;
    j->in_object[j->depth] = object;
    return p;
}

/* The end of a string after its closing quote: a member name's colon (and space). */
static inline char *zn__json_string_tail(zn_json *j, char *p, bool is_key, bool pretty)
{
    *p++ = '"';
    if (is_key) {
        *p++ = ':';
        if (pretty) {
            *p++ = ' ';
        }
        j->after_key = true;
    }
    return p;
}

/* The escaped string s[0..len) at p, which has room for 6 * len bytes; returns its end. The
 * other strings than zn__json_quote's short ones: the plain run found and copied, then the
 * escaper. */
char *zn__json_escaped(char *p, const char *s, size_t len);

/* An opening quote and the escaped string s[0..len) at p, which has room for 6 * len + 1
 * bytes; returns their end. Inline for the short strings a schema is made of (4 to 16 bytes
 * that need no escape, checked as a whole), so that their writer calls nothing; the others
 * by a call, which keeps the writer's registers few. */
static inline __attribute__((always_inline)) char *zn__json_quote(char *p, const char *s,
                                                                size_t len)
{
    *p++ = '"';
    if (len - 4 <= 12 && zn__json_copy_short(p, s, len)) {
        return p + len;
    }
    return zn__json_escaped(p, s, len);
}

/* Writes the separator, the member name key[0..n) and its colon at start, which has room for
 * ZN__JSON_NAME_MAX bytes, on the fast path. The name must be plain ASCII (byte class 0, as
 * every name of our schemas is): it is copied, not escaped. Returns the end, or NULL when the
 * writer has failed. */
static inline __attribute__((always_inline)) char *zn__json_name(zn_json *j, char *start,
                                                                const char *key, size_t n)
{
    char *p = zn__json_item(j, true, start, false);
    if (p == NULL) {
        return NULL;
    }
    *p++ = '"';
    return zn__json_string_tail(j, zn__json_copy(p, key, n), true, false);
}

/* The digits of %lld at p (at most 20 bytes); returns their end. Numbers below 100 (most
 * offsets) directly, else two digits a division, from the end. */
static inline __attribute__((always_inline)) char *zn__json_digits(char *p, long long v)
{
    static const char pairs[] = "00010203040506070809101112131415161718192021222324"
                                "25262728293031323334353637383940414243444546474849"
                                "50515253545556575859606162636465666768697071727374"
                                "75767778798081828384858687888990919293949596979899";
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    if (v < 0) {
        *p++ = '-';
    }
    if (u < 10) {
        *p = (char)('0' + u);
        return p + 1;
    }
    if (u < 100) {
        memcpy(p, pairs + 2 * u, 2);
        return p + 2;
    }
    size_t n = 3;
    for (unsigned long long t = 1000; n < 20 && u >= t; t *= 10) {
        n++;
    }
    char *end = p + n;
    for (; u >= 100; u /= 100) {
        end -= 2;
        memcpy(end, pairs + 2 * (u % 100), 2);
    }
    if (u >= 10) {
        memcpy(end - 2, pairs + 2 * u, 2);
    } else {
        end[-1] = (char)('0' + u);
    }
    return p + n;
}

#pragma GCC visibility pop

#endif
