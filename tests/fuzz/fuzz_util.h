/* SPDX-License-Identifier: MIT
 * Shared helpers of the libFuzzer targets: an invariant check that aborts with a message
 * (so libFuzzer records the input as a crash), UTF-8 repair of arbitrary bytes so that the
 * stages that require valid UTF-8 get it, and the lexicon path. Header-only: every target
 * is one translation unit. */
#ifndef ZHNEWS_FUZZ_FUZZ_UTIL_H
#define ZHNEWS_FUZZ_FUZZ_UTIL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"

/* The lexicon the targets open; the make rule passes the one it built. */
#ifndef FUZZ_LEXICON
#define FUZZ_LEXICON "build/zhnews.lex"
#endif

/* An invariant of a contract: when it does not hold, the input is a bug. */
#define FUZZ_CHECK(cond, what)                                                    \
    do {                                                                          \
        if (!(cond)) {                                                            \
            fprintf(stderr, "fuzz invariant failed: %s (%s:%d)\n", (what),        \
                    __FILE__, __LINE__);                                          \
            abort();                                                              \
        }                                                                         \
    } while (0)

/* The lexicon path: $ZHNEWS_FUZZ_LEXICON, else the one given at build time. */
static inline const char *fuzz_lexicon_path(void)
{
    const char *env = getenv("ZHNEWS_FUZZ_LEXICON");
    return env != NULL && env[0] != '\0' ? env : FUZZ_LEXICON;
}

/* A malloc'd copy of data[0..size) where every byte that does not start a valid UTF-8
 * sequence becomes '?' (a NUL terminator follows). NULL when out of memory. */
static inline char *fuzz_utf8_repair(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (s == NULL)
        return NULL;
    memcpy(s, data, size);
    s[size] = '\0';
    size_t pos = 0;
    while (pos < size) {
        size_t at = pos;
        if (zn__utf8_next(s, size, &pos) == ZN_UTF8_INVALID)
            s[at] = '?';
    }
    return s;
}

/* True when the span [start, end) lies inside len bytes and both ends are on sequence
 * boundaries of the valid UTF-8 text s. */
static inline int fuzz_span_ok(const char *s, size_t len, size_t start, size_t end)
{
    if (start > end || end > len)
        return 0;
    if (start < len && ((unsigned char)s[start] & 0xC0) == 0x80)
        return 0;
    if (end < len && ((unsigned char)s[end] & 0xC0) == 0x80)
        return 0;
    return 1;
}

#endif
