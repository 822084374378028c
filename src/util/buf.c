/* SPDX-License-Identifier: MIT
 * zn_buf: the bounded, always NUL-terminated growing buffer behind all output. */
#include "util/alloc.h"
#include "zhnews/common.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

void zn_buf_init(zn_buf *buf, size_t limit)
{
    buf->data = NULL;
    buf->len = 0;
    buf->cap = 0;
    buf->limit = limit ? limit : SIZE_MAX / 2;
}

void zn_buf_clear(zn_buf *buf)
{
    zn__free(buf->data);
    buf->data = NULL;
    buf->len = 0;
    buf->cap = 0;
}

// Makes room for `extra` more bytes plus the terminating NUL.
static zn_status reserve(zn_buf *buf, size_t extra)
{
    if (extra > buf->limit || buf->len > buf->limit - extra) {
        return ZN_ERR_TOO_BIG;
    }
    size_t need = buf->len + extra + 1;
    if (need <= buf->cap) {
        return ZN_OK;
    }
    size_t cap = buf->cap ? buf->cap : 64;
    while (cap < need) {
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    }
    char *data = zn__reallocarray(buf->data, cap, 1);
    if (data == NULL) {
        return ZN_ERR_NOMEM;
    }
    buf->data = data;
    buf->cap = cap;
    return ZN_OK;
}

zn_status zn_buf_append(zn_buf *buf, const void *bytes, size_t len)
{
    zn_status st = reserve(buf, len);
    if (st != ZN_OK) {
        return st;
    }
    if (len > 0) {
        memcpy(buf->data + buf->len, bytes, len);
    }
    buf->len += len;
    buf->data[buf->len] = '\0';
    return ZN_OK;
}

zn_status zn_buf_puts(zn_buf *buf, const char *s)
{
    return zn_buf_append(buf, s, strlen(s));
}

zn_status zn_buf_putc(zn_buf *buf, char c)
{
    return zn_buf_append(buf, &c, 1);
}

zn_status zn_buf_printf(zn_buf *buf, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        return ZN_ERR_INVALID_ARG;
    }
    if ((size_t)n < sizeof small) {
        return zn_buf_append(buf, small, (size_t)n);
    }
    zn_status st = reserve(buf, (size_t)n);
    if (st != ZN_OK) {
        return st;
    }
    va_start(ap, fmt);
    vsnprintf(buf->data + buf->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    buf->len += (size_t)n;
    return ZN_OK;
}

char *zn_buf_take(zn_buf *buf, size_t *len)
{
    if (buf->data == NULL && reserve(buf, 0) != ZN_OK) {
        return NULL;
    }
    buf->data[buf->len] = '\0';
    char *data = buf->data;
    if (len != NULL) {
        *len = buf->len;
    }
    buf->data = NULL;
    buf->len = 0;
    buf->cap = 0;
    return data;
}

void zn_free(void *p)
{
    zn__free(p);
}
