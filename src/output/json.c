/* SPDX-License-Identifier: MIT
 * The streaming JSON writer under every JSON output of zhnews. */
#include "zhnews/output.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output/json_escape.h"
#include "util/utf8.h"

/* How bytes get out. Each call knows the most bytes it may write (a separator, a number, a
 * string escaped at worst six bytes per input byte). In the compact form, when the buffer
 * already has room for that many, the call writes straight into the buffer and then moves its
 * end: the fast path, which calls no function, so that its values stay in registers. Else
 * (the buffer must grow first, or the pretty form) a separate function writes the same bytes
 * into an array on its stack and appends them with zn_buf_append, which grows the buffer or
 * fails at its limit: the slow path. Strings too long for the array go out in slices of SLICE
 * input bytes. */

// Most bytes before an item: a comma, then in the pretty form a newline and the indent.
#define SEP_MAX (2 + 2 * ZN_JSON_MAX_DEPTH)
// Input bytes of a string escaped into the stack array at a time on the slow path.
#define SLICE 64
// Longest string whose worst case (6 bytes out per byte in) is computed without overflow.
#define ESCAPE_MAX ((SIZE_MAX - SEP_MAX - 64) / 6)
// Key bytes written on the fast path; a longer key continues through string_rest.
#define KEY_SHORT 32
// Most bytes of a short key: the quotes, the colon and the space of the pretty form.
#define KEY_MAX (KEY_SHORT + 4)

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

// Appends on the slow path.
static void put(zn_json *j, const char *s, size_t len)
{
    if (j->status == ZN_OK) {
        j->status = zn_buf_append(j->buf, s, len);
    }
}

// The fast path's place: the buffer's end when the form is compact and n bytes and the NUL
// fit the buffer's capacity and its limit; else NULL. (A zn_buf keeps len <= cap and
// len <= limit, and has cap 0 while data is NULL.)
static inline char *room(const zn_json *j, size_t n)
{
    const zn_buf *b = j->buf;
    if (j->pretty || n >= b->cap - b->len || n > b->limit - b->len) {
        return NULL;
    }
    return b->data + b->len;
}

// Ends a piece the fast path wrote up to end: the buffer's end moves there.
static inline void finish(zn_json *j, char *end)
{
    *end = '\0';
    j->buf->len = (size_t)(end - j->buf->data);
}

// Ends a piece written from start to end: on the slow path (start is tmp) the bytes in tmp are
// appended, on the fast path the buffer's end moves.
static inline void commit(zn_json *j, const char *start, char *end, const char *tmp)
{
    if (start == tmp) {
        put(j, tmp, (size_t)(end - start));
        return;
    }
    finish(j, end);
}

static char *newline_indent(char *p, int depth)
{
    *p++ = '\n';
    memset(p, ' ', 2 * (size_t)depth);
    return p + 2 * (size_t)depth;
}

// Checks that a key (is_key) or a value may come next and writes the separator before it at
// p (pretty: as j->pretty, false on the fast path). Returns the end of what it wrote, or NULL
// when the writer has failed (now or before).
static inline char *item(zn_json *j, bool is_key, char *p, bool pretty)
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
    return pretty && d > 0 ? newline_indent(p, d) : p;
}

// Writes the separator and c at start and enters the container.
static inline void open_piece(zn_json *j, char c, bool object, char *start, const char *tmp,
                              bool pretty)
{
    char *p = item(j, false, start, pretty);
    if (p == NULL) {
        return;
    }
    if (j->depth >= ZN_JSON_MAX_DEPTH) {
        j->status = ZN_ERR_TOO_BIG;
        return;
    }
    *p++ = c;
    j->depth++;
    j->first[j->depth] = true;
    j->in_object[j->depth] = object;
    commit(j, start, p, tmp);
}

static __attribute__((noinline)) void open_slow(zn_json *j, char c, bool object)
{
    char tmp[SEP_MAX + 1];
    open_piece(j, c, object, tmp, tmp, j->pretty);
}

static void open_container(zn_json *j, char c, bool object)
{
    char *start = room(j, 2);
    if (start == NULL) {
        open_slow(j, c, object);
        return;
    }
    open_piece(j, c, object, start, NULL, false);
}

static __attribute__((noinline)) void close_slow(zn_json *j, char c, bool empty)
{
    char tmp[SEP_MAX + 1];
    char *p = j->pretty && !empty ? newline_indent(tmp, j->depth) : tmp;
    *p++ = c;
    put(j, tmp, (size_t)(p - tmp));
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
    char *p = room(j, 1);
    if (p == NULL) {
        close_slow(j, c, empty);
        return;
    }
    *p++ = c;
    finish(j, p);
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

// The end of a string after its closing quote: a member name's colon (and space).
static char *string_tail(zn_json *j, char *p, bool is_key, bool pretty)
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

// The rest of a string whose opening quote is written: s[pos..len) escaped, the closing quote
// and a key's colon, through tmp in slices (the slow path).
static void string_rest(zn_json *j, const char *s, size_t pos, size_t len, bool is_key)
{
    char tmp[6 * SLICE + 3];
    char *p = tmp;
    while (pos < len && j->status == ZN_OK) {
        p = zn__json_escape(p, s, &pos, len - pos <= SLICE ? len : pos + SLICE, len);
        if (pos < len) {
            put(j, tmp, (size_t)(p - tmp));
            p = tmp;
        }
    }
    put(j, tmp, (size_t)(string_tail(j, p, is_key, j->pretty) - tmp));
}

static __attribute__((noinline)) void string_slow(zn_json *j, const char *s, size_t len,
                                                  bool is_key)
{
    char tmp[SEP_MAX + 1];
    char *p = item(j, is_key, tmp, j->pretty);
    if (p != NULL) {
        *p++ = '"';
        put(j, tmp, (size_t)(p - tmp));
        string_rest(j, s, 0, len, is_key);
    }
}

// An opening quote and the escaped string s[0..len) at p, which has room for 6 * len + 1
// bytes; returns their end.
static inline __attribute__((always_inline)) char *open_quoted(char *p, const char *s,
                                                              size_t len)
{
    *p++ = '"';
    // most strings need no escape: copied here, without the call
    size_t pos = zn__json_plain_end((const unsigned char *)s, 0, len, len);
    p = zn__json_copy(p, s, pos);
    return pos < len ? zn__json_escape(p, s, &pos, len, len) : p;
}

// A string s[0..len) as a value or, with is_key, as a member name and its colon.
static void string_item(zn_json *j, const char *s, size_t len, bool is_key)
{
    char *start = len <= ESCAPE_MAX ? room(j, 6 * len + 5) : NULL;
    if (start == NULL) {
        string_slow(j, s, len, is_key);
        return;
    }
    char *p = item(j, is_key, start, false);
    if (p != NULL) {
        finish(j, string_tail(j, open_quoted(p, s, len), is_key, false));
    }
}

// key_piece for a name that is not short plain ASCII: commits its first n bytes, written up
// to p, and sends the rest the slow way. Returns NULL.
static __attribute__((noinline)) char *key_rest(zn_json *j, char *start, char *tmp,
                                                const char *key, size_t n, char *p)
{
    commit(j, start, p, tmp);
    string_rest(j, key, n, n + strlen(key + n), true);
    return NULL;
}

/* Writes the separator and the member name `key` with its colon at start, a piece with room
 * for SEP_MAX + KEY_MAX bytes (pretty: as in item). Returns the end, to be committed; or NULL
 * when the writer has failed, or when the name was not short plain ASCII: then it went out in
 * full the slow way and a value must follow through the usual calls. Inlined: the loop is
 * the cost of a key. */
static inline __attribute__((always_inline)) char *key_piece(zn_json *j, char *start,
                                                            char *tmp, const char *key,
                                                            bool pretty)
{
    char *p = item(j, true, start, pretty);
    if (p == NULL) {
        return NULL;
    }
    *p++ = '"';
    // Keys are short plain ASCII (all of ours): copied as they are checked, one pass, two
    // bytes a round (key[n + 1] may be read once key[n] is no NUL). A NUL has byte class 1.
    size_t n = 0;
    while (n < KEY_SHORT) {
        unsigned char a = (unsigned char)key[n];
        if (zn__json_byte_class[a] != 0) {
            break;
        }
        unsigned char b = (unsigned char)key[n + 1];
        p[n] = (char)a;
        if (zn__json_byte_class[b] != 0) {
            n++;
            break;
        }
        p[n + 1] = (char)b;
        n += 2;
    }
    if (key[n] == '\0') {
        return string_tail(j, p + n, true, pretty);
    }
    return key_rest(j, start, tmp, key, n, p + n);
}

static __attribute__((noinline)) void key_slow(zn_json *j, const char *key)
{
    char tmp[SEP_MAX + KEY_MAX];
    char *p = key_piece(j, tmp, tmp, key, j->pretty);
    if (p != NULL) {
        put(j, tmp, (size_t)(p - tmp));
    }
}

void zn_json_key(zn_json *j, const char *key)
{
    char *start = room(j, 1 + KEY_MAX);
    if (start == NULL) {
        key_slow(j, key);
        return;
    }
    char *p = key_piece(j, start, NULL, key, false);
    if (p != NULL) {
        finish(j, p);
    }
}

void zn_json_string(zn_json *j, const char *s, size_t len)
{
    if (s == NULL) {
        zn_json_null(j);
        return;
    }
    string_item(j, s, len, false);
}

void zn_json_cstr(zn_json *j, const char *s)
{
    zn_json_string(j, s, s != NULL ? strlen(s) : 0);
}

// The digits of %lld at p (at most 20 bytes); returns their end. Two digits a division.
static inline __attribute__((always_inline)) char *digits(char *p, long long v)
{
    static const char pairs[] = "00010203040506070809101112131415161718192021222324"
                                "25262728293031323334353637383940414243444546474849"
                                "50515253545556575859606162636465666768697071727374"
                                "75767778798081828384858687888990919293949596979899";
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    if (v < 0) {
        *p++ = '-';
    }
    size_t n = 1;
    for (unsigned long long t = 10; n < 20 && u >= t; t *= 10) {
        n++;
    }
    char *end = p + n;
    for (; u >= 100; u /= 100) { // written from the end
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

static __attribute__((noinline)) void int_slow(zn_json *j, long long v)
{
    char tmp[SEP_MAX + 20];
    char *p = item(j, false, tmp, j->pretty);
    if (p != NULL) {
        put(j, tmp, (size_t)(digits(p, v) - tmp));
    }
}

void zn_json_int(zn_json *j, long long v)
{
    char *start = room(j, 21);
    if (start == NULL) {
        int_slow(j, v);
        return;
    }
    char *p = item(j, false, start, false);
    if (p != NULL) {
        finish(j, digits(p, v));
    }
}

// The members write the key and its value as one piece on the fast path: the bytes of
// zn_json_key and the value's call, for one room check, one separator check and one end.
// On the slow path they are those two calls.

void zn_json_member_int(zn_json *j, const char *key, long long v)
{
    char *start = room(j, 1 + KEY_MAX + 20);
    char *p = start != NULL ? key_piece(j, start, NULL, key, false) : NULL;
    if (p == NULL) { // the slow path, a long key (written) or a failed writer (no-op)
        if (start == NULL) {
            zn_json_key(j, key);
        }
        zn_json_int(j, v);
        return;
    }
    j->after_key = false;
    finish(j, digits(p, v));
}

void zn_json_member_string(zn_json *j, const char *key, const char *s, size_t len)
{
    char *start = s != NULL && len <= ESCAPE_MAX ? room(j, 1 + KEY_MAX + 6 * len + 2) : NULL;
    char *p = start != NULL ? key_piece(j, start, NULL, key, false) : NULL;
    if (p == NULL) { // as in zn_json_member_int; a NULL s writes null
        if (start == NULL) {
            zn_json_key(j, key);
        }
        zn_json_string(j, s, len);
        return;
    }
    j->after_key = false;
    p = open_quoted(p, s, len);
    *p++ = '"';
    finish(j, p);
}

void zn_json_member_cstr(zn_json *j, const char *key, const char *s)
{
    zn_json_member_string(j, key, s, s != NULL ? strlen(s) : 0);
}

// Writes the separator and text[0..len) (at most 40 bytes) the slow way: not hot.
static void short_item(zn_json *j, const char *text, size_t len)
{
    char tmp[SEP_MAX + 40];
    char *p = item(j, false, tmp, j->pretty);
    if (p != NULL) {
        memcpy(p, text, len);
        put(j, tmp, (size_t)(p + len - tmp));
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
    put(j, json, len);
}

void zn_cp_cursor_init(zn_cp_cursor *c, const char *text)
{
    c->text = text;
    c->byte = 0;
    c->cp = 0;
}

size_t zn_cp_cursor_at(zn_cp_cursor *c, size_t byte)
{
    if (byte < c->byte && c->byte - byte <= byte) {
        c->cp -= zn__utf8_count(c->text + byte, c->byte - byte); // back from here: nearer
        c->byte = byte;
        return c->cp;
    }
    if (byte < c->byte) {
        c->byte = 0;
        c->cp = 0;
    }
    c->cp += zn__utf8_count(c->text + c->byte, byte - c->byte);
    c->byte = byte;
    return c->cp;
}
