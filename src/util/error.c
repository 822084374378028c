/* SPDX-License-Identifier: MIT
 * Status names and error messages. */
#include "util/error.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *zn_status_name(zn_status status)
{
    switch (status) {
#define ZN_STATUS_NAME(name, value, text)                                      \
    case name:                                                                 \
        return #name;
        ZN_STATUS_TABLE(ZN_STATUS_NAME)
#undef ZN_STATUS_NAME
    }
    return "ZN_UNKNOWN";
}

const char *zn_status_str(zn_status status)
{
    switch (status) {
#define ZN_STATUS_TEXT(name, value, text)                                      \
    case name:                                                                 \
        return text;
        ZN_STATUS_TABLE(ZN_STATUS_TEXT)
#undef ZN_STATUS_TEXT
    }
    return "unknown status";
}

void zn_error_init(zn_error *err)
{
    if (err == NULL) {
        return;
    }
    err->code = ZN_OK;
    err->message[0] = '\0';
}

// Cuts a message that vsnprintf truncated back to the last complete UTF-8 sequence.
static void trim_utf8_tail(char *s)
{
    size_t len = strlen(s);
    size_t i = len;
    while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80) {
        i--;
    }
    if (i > 0) {
        unsigned char lead = (unsigned char)s[i - 1];
        size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (len - (i - 1) < need) {
            s[i - 1] = '\0';
        }
    }
}

static void set_message(zn_error *err, const char *prefix, const char *fmt, va_list ap)
{
    size_t used = 0;
    if (prefix != NULL) {
        int n = snprintf(err->message, sizeof err->message, "%s: ", prefix);
        used = n < 0 ? 0 : (size_t)n;
        if (used >= sizeof err->message) {
            used = sizeof err->message - 1;
        }
    }
    vsnprintf(err->message + used, sizeof err->message - used, fmt, ap);
    trim_utf8_tail(err->message);
}

zn_status zn__error_set(zn_error *err, zn_status code, const char *fmt, ...)
{
    if (err != NULL) {
        va_list ap;
        va_start(ap, fmt);
        err->code = code;
        set_message(err, NULL, fmt, ap);
        va_end(ap);
    }
    return code;
}

zn_status zn__error_at(zn_error *err, zn_status code, const char *path, const char *fmt, ...)
{
    if (err != NULL) {
        va_list ap;
        va_start(ap, fmt);
        err->code = code;
        const char *shown = path == NULL || strcmp(path, "-") == 0 ? "<stdin>" : path;
        set_message(err, shown, fmt, ap);
        va_end(ap);
    }
    return code;
}

zn_status zn__error_nomem(zn_error *err, const char *what)
{
    return zn__error_set(err, ZN_ERR_NOMEM, "out of memory (%s)", what);
}

zn_status zn__status_from_errno(int errnum)
{
    switch (errnum) {
    case ENOMEM:
        return ZN_ERR_NOMEM;
    case ENOENT:
    case ENOTDIR:
        return ZN_ERR_NOT_FOUND;
    case EISDIR:
        return ZN_ERR_IS_DIR;
    case EACCES:
    case EPERM:
        return ZN_ERR_PERMISSION;
    case EFBIG:
        return ZN_ERR_TOO_BIG;
    case EINTR:
        return ZN_ERR_INTERRUPTED;
    default:
        return ZN_ERR_IO;
    }
}

const char *zn__errno_str(int errnum, char *buf, size_t size)
{
    // GNU strerror_r may return a static string instead of filling buf.
#if defined(__GLIBC__) && defined(_GNU_SOURCE)
    return strerror_r(errnum, buf, size);
#else
    if (strerror_r(errnum, buf, size) != 0) {
        snprintf(buf, size, "error %d", errnum);
    }
    return buf;
#endif
}
