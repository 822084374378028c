/* SPDX-License-Identifier: MIT
 * The streaming JSON writer under every JSON output of zhnews. */
#include "zhnews/output.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"

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

static void put(zn_json *j, const char *s, size_t len)
{
    zn_buf *b = j->buf;
    if (j->status == ZN_OK && b->data != NULL && len < b->cap - b->len && len <= b->limit &&
        b->len <= b->limit - len) {
        memcpy(b->data + b->len, s, len); // room already: what zn_buf_append would do
        b->len += len;
        b->data[b->len] = '\0';
        return;
    }
    if (j->status == ZN_OK) {
        j->status = zn_buf_append(j->buf, s, len);
    }
}

static void newline_indent(zn_json *j)
{
    static const char spaces[] = "                                ";
    put(j, "\n", 1);
    for (int i = 0; i < j->depth; i++) {
        put(j, spaces, 2);
    }
}

// Writes the separator before a value or key and checks that a value is allowed here.
static void before_item(zn_json *j, bool is_key)
{
    if (j->status != ZN_OK) {
        return;
    }
    if (j->after_key) {
        if (is_key) {
            j->status = ZN_ERR_INVALID_ARG;
        }
        j->after_key = false;
        return;
    }
    if (j->in_object[j->depth] && !is_key) {
        j->status = ZN_ERR_INVALID_ARG; // a value inside an object needs a key first
        return;
    }
    if (!j->first[j->depth]) {
        put(j, ",", 1);
    }
    if (j->pretty && j->depth > 0) {
        newline_indent(j);
    }
    j->first[j->depth] = false;
}

static void open_container(zn_json *j, char c, bool object)
{
    before_item(j, false);
    if (j->status != ZN_OK) {
        return;
    }
    if (j->depth >= ZN_JSON_MAX_DEPTH) {
        j->status = ZN_ERR_TOO_BIG;
        return;
    }
    put(j, &c, 1);
    j->depth++;
    j->first[j->depth] = true;
    j->in_object[j->depth] = object;
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
    if (j->pretty && !empty) {
        newline_indent(j);
    }
    put(j, &c, 1);
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

static void put_escaped(zn_json *j, const char *s, size_t len)
{
    put(j, "\"", 1);
    size_t valid = zn__utf8_valid_prefix(s, len); // no sequence before this needs decoding
    size_t run = 0; // start of the pending run of bytes that need no escaping
    size_t pos = 0;
    while (pos < len && j->status == ZN_OK) {
        unsigned char c = (unsigned char)s[pos];
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            pos++;
            continue;
        }
        // in valid UTF-8 only U+2028 and U+2029 (E2 80 A8, E2 80 A9) are escaped
        if (c >= 0x80 && pos < valid &&
            !(c == 0xE2 && (unsigned char)s[pos + 1] == 0x80 &&
              ((unsigned char)s[pos + 2] & 0xFE) == 0xA8)) {
            pos++;
            continue;
        }
        size_t at = pos;
        uint32_t cp = c < 0x80 ? c : zn__utf8_next(s, len, &pos);
        if (c < 0x80) {
            pos++;
        }
        if (cp != ZN_UTF8_INVALID && c >= 0x80 && cp != 0x2028 && cp != 0x2029) {
            continue; // valid multibyte sequence: copy as is
        }
        put(j, s + run, at - run);
        run = pos;
        char esc[16];
        switch (cp) {
        case '"': put(j, "\\\"", 2); break;
        case '\\': put(j, "\\\\", 2); break;
        case '\n': put(j, "\\n", 2); break;
        case '\r': put(j, "\\r", 2); break;
        case '\t': put(j, "\\t", 2); break;
        case '\b': put(j, "\\b", 2); break;
        case '\f': put(j, "\\f", 2); break;
        case ZN_UTF8_INVALID: put(j, "\\ufffd", 6); break;
        default:
            snprintf(esc, sizeof esc, "\\u%04x", (unsigned)cp);
            put(j, esc, 6);
            break;
        }
    }
    put(j, s + run, len - run);
    put(j, "\"", 1);
}

void zn_json_key(zn_json *j, const char *key)
{
    before_item(j, true);
    if (j->status != ZN_OK) {
        return;
    }
    // a short key of plain ASCII (all of ours) goes out in one piece: "key":
    char plain[48];
    size_t k = 0;
    plain[k++] = '"';
    while (k < sizeof plain - 4 && key[k - 1] >= 0x20 && (unsigned char)key[k - 1] < 0x80 &&
           key[k - 1] != '"' && key[k - 1] != '\\') {
        plain[k] = key[k - 1];
        k++;
    }
    if (key[k - 1] == '\0') {
        plain[k++] = '"';
        plain[k++] = ':';
        if (j->pretty) {
            plain[k++] = ' ';
        }
        put(j, plain, k);
        j->after_key = true;
        return;
    }
    size_t n = 0;
    while (key[n] != '\0') {
        n++;
    }
    put_escaped(j, key, n);
    put(j, j->pretty ? ": " : ":", j->pretty ? 2 : 1);
    j->after_key = true;
}

void zn_json_string(zn_json *j, const char *s, size_t len)
{
    if (s == NULL) {
        zn_json_null(j);
        return;
    }
    before_item(j, false);
    put_escaped(j, s, len);
}

void zn_json_cstr(zn_json *j, const char *s)
{
    size_t n = 0;
    while (s != NULL && s[n] != '\0') {
        n++;
    }
    zn_json_string(j, s, n);
}

void zn_json_int(zn_json *j, long long v)
{
    before_item(j, false);
    char num[32]; // the digits of %lld, written from the end
    size_t at = sizeof num;
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    do {
        num[--at] = (char)('0' + u % 10);
        u /= 10;
    } while (u != 0);
    if (v < 0) {
        num[--at] = '-';
    }
    put(j, num + at, sizeof num - at);
}

void zn_json_double(zn_json *j, double v)
{
    if (!isfinite(v)) {
        zn_json_null(j);
        return;
    }
    before_item(j, false);
    char num[40];
    int n = snprintf(num, sizeof num, "%.4g", v);
    // Four digits keep scores short, but near DBL_MAX they round past it (1.798e+308):
    // then write every digit, which reads back as the same finite number.
    if (!isfinite(strtod(num, NULL))) {
        n = snprintf(num, sizeof num, "%.17g", v);
    }
    put(j, num, (size_t)n);
}

void zn_json_bool(zn_json *j, bool v)
{
    before_item(j, false);
    put(j, v ? "true" : "false", v ? 4 : 5);
}

void zn_json_null(zn_json *j)
{
    before_item(j, false);
    put(j, "null", 4);
}

void zn_json_raw(zn_json *j, const char *json, size_t len)
{
    before_item(j, false);
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
    if (byte < c->byte) {
        c->byte = 0;
        c->cp = 0;
    }
    c->cp += zn__utf8_count(c->text + c->byte, byte - c->byte);
    c->byte = byte;
    return c->cp;
}
