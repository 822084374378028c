/* SPDX-License-Identifier: MIT
 * Filling a caller's zn_error: one formatted message per failure. */
#ifndef ZHNEWS_UTIL_ERROR_H
#define ZHNEWS_UTIL_ERROR_H

#include "zhnews/common.h"

/* Sets err->code and a printf-formatted message (cut at a UTF-8 boundary when too long) and
 * returns `code`, so a failing function can `return zn__error_set(err, ...)`. err may be
 * NULL. */
zn_status zn__error_set(zn_error *err, zn_status code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* As zn__error_set with the message "PATH: ...": `path` names the input ("-" for stdin is
 * shown as "<stdin>"). */
zn_status zn__error_at(zn_error *err, zn_status code, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Sets "out of memory" (with `what` as context) and returns ZN_ERR_NOMEM. */
zn_status zn__error_nomem(zn_error *err, const char *what);

/* Maps an errno value to the nearest zn_status. */
zn_status zn__status_from_errno(int errnum);

/* A thread-safe description of errno value `errnum` (strerror_r) written into buf. */
const char *zn__errno_str(int errnum, char *buf, size_t size);

#endif
