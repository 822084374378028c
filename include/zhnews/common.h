/* SPDX-License-Identifier: MIT
 * Status codes, the caller-owned error record, spans and the growing buffer: the vocabulary
 * every stage of zhnews shares. */
#ifndef ZHNEWS_ZHNEWS_COMMON_H
#define ZHNEWS_ZHNEWS_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if defined(ZN_BUILDING_SHARED) && defined(__GNUC__)
#define ZN_API __attribute__((visibility("default")))
#else
#define ZN_API
#endif

#define ZN_VERSION "0.1.0"

/* The one table of status codes. Codes are appended, never renumbered or reused.
 * X(name, value, description) */
#define ZN_STATUS_TABLE(X)                                                     \
    X(ZN_OK, 0, "success")                                                     \
    X(ZN_ERR_NOMEM, 1, "out of memory")                                        \
    X(ZN_ERR_IO, 2, "input/output error")                                      \
    X(ZN_ERR_NOT_FOUND, 3, "no such file or directory")                        \
    X(ZN_ERR_IS_DIR, 4, "is a directory")                                      \
    X(ZN_ERR_EMPTY, 5, "empty input")                                          \
    X(ZN_ERR_NOT_TEXT, 6, "not text")                                          \
    X(ZN_ERR_ENCODING, 7, "invalid or undetectable encoding")                  \
    X(ZN_ERR_TOO_BIG, 8, "size limit reached")                                 \
    X(ZN_ERR_INVALID_ARG, 9, "invalid argument")                               \
    X(ZN_ERR_FORMAT, 10, "malformed input")                                    \
    X(ZN_ERR_DATA, 11, "bad data file")                                        \
    X(ZN_ERR_PERMISSION, 12, "permission denied")                              \
    X(ZN_ERR_UNSUPPORTED, 13, "unsupported")                                   \
    X(ZN_ERR_EXTERNAL, 14, "error from a library zhnews uses")                 \
    X(ZN_ERR_INTERRUPTED, 15, "interrupted")

typedef enum zn_status {
#define ZN_STATUS_ENUM(name, value, text) name = value,
    ZN_STATUS_TABLE(ZN_STATUS_ENUM)
#undef ZN_STATUS_ENUM
} zn_status;

/* The constant name of a status ("ZN_ERR_NOMEM"); "ZN_UNKNOWN" for a value not in the
 * table. Cannot fail; the string is static. */
ZN_API const char *zn_status_name(zn_status status);

/* A short lowercase description of a status ("out of memory"). Cannot fail. */
ZN_API const char *zn_status_str(zn_status status);

#define ZN_ERROR_MESSAGE_MAX 512

/* An error record owned by the caller. Fallible functions take `zn_error *err` as their last
 * parameter (NULL allowed) and, on failure, fill it with the status and a message that names
 * the file and the place, lowercase, no trailing period or newline:
 *   "archive/a.txt: invalid GB18030 sequence (line 12, byte 3471)".
 * Messages longer than the buffer are cut at a UTF-8 boundary. */
typedef struct zn_error {
    zn_status code;
    char message[ZN_ERROR_MESSAGE_MAX];
} zn_error;

/* Sets *err to ZN_OK with an empty message. Accepts NULL. Cannot fail. */
ZN_API void zn_error_init(zn_error *err);

/* A half-open byte range [start, end) into a text owned by someone else. */
typedef struct zn_span {
    size_t start;
    size_t end;
} zn_span;

/* A growing byte buffer with a size limit, always NUL-terminated once it holds data.
 * Initialise with zn_buf_init (cannot fail), append, then zn_buf_take or zn_buf_clear.
 * Appending past `limit` bytes returns ZN_ERR_TOO_BIG and leaves the buffer unchanged. */
typedef struct zn_buf {
    char *data; /* NULL until the first append */
    size_t len;
    size_t cap;
    size_t limit; /* maximum len; 0 means SIZE_MAX / 2 */
} zn_buf;

/* Initialises an empty buffer that may grow up to `limit` bytes (0: no practical limit).
 * Cannot fail. */
ZN_API void zn_buf_init(zn_buf *buf, size_t limit);

/* Releases the bytes and leaves the buffer empty and reusable. Cannot fail. */
ZN_API void zn_buf_clear(zn_buf *buf);

/* Appends `len` bytes. Returns ZN_OK, ZN_ERR_TOO_BIG (limit reached), or ZN_ERR_NOMEM; on
 * failure the buffer is unchanged. */
ZN_API zn_status zn_buf_append(zn_buf *buf, const void *bytes, size_t len);

/* Appends a NUL-terminated string; as zn_buf_append. */
ZN_API zn_status zn_buf_puts(zn_buf *buf, const char *s);

/* Appends one byte; as zn_buf_append. */
ZN_API zn_status zn_buf_putc(zn_buf *buf, char c);

/* Appends printf-style formatted text; as zn_buf_append. */
ZN_API zn_status zn_buf_printf(zn_buf *buf, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Hands the bytes to the caller (free with zn_free) and leaves the buffer empty. Returns a
 * valid empty string when nothing was appended; NULL only when that allocation fails.
 * `len` (output, may be NULL) receives the length. */
ZN_API char *zn_buf_take(zn_buf *buf, size_t *len);

/* Releases memory handed out by the library (zn_buf_take, string results). Accepts NULL. */
ZN_API void zn_free(void *p);

#endif
