/* SPDX-License-Identifier: MIT
 * The string escaper of the JSON writer (src/output/json_escape.c, used by json.c): which
 * bytes go out as they are, found fast, and the escapes of the others. */
#ifndef ZHNEWS_OUTPUT_JSON_ESCAPE_H
#define ZHNEWS_OUTPUT_JSON_ESCAPE_H

#include <stddef.h>

/* Declared hidden: the writer reaches the table and the functions directly, not through the
 * shared library's address table. */
#pragma GCC visibility push(hidden)

/* What the escaper does with a byte: 0 copy it (ASCII), 1 escape it (control character, "
 * or \; also the NUL that ends a C string), 2 a lead byte E3-EC, EE or EF, whose sequence is
 * valid and copied when two continuation bytes follow (never overlong, a surrogate or
 * U+2028/9: most Chinese characters and punctuation), 3 decode the sequence it starts. */
extern const unsigned char zn__json_byte_class[256];

/* The end of the run of plain ASCII (byte class 0) that starts at u[i] < stop. Cannot fail. */
size_t zn__json_ascii_end(const unsigned char *u, size_t i, size_t stop);

/* The end of the run at u[i] (before stop; the last character may end past it, within len)
 * that the fast checks pass: plain ASCII and three-byte sequences of byte class 2. It stops
 * at anything else, for zn__json_escape to look at. Inline and calling nothing on Chinese
 * text, so that the writer keeps its values in registers. Cannot fail.
 * Example: "國務院\n" (10 bytes) gives 9. */
static inline size_t zn__json_plain_end(const unsigned char *u, size_t i, size_t stop,
                                        size_t len)
{
    const unsigned char *cls = zn__json_byte_class;
    while (i < stop) {
        unsigned char k = cls[u[i]];
        if (k == 0) {
            i = zn__json_ascii_end(u, i, stop);
        } else if (k == 2 && i + 6 <= stop && cls[u[i + 3]] == 2 &&
                   ((u[i + 1] ^ 0x80) | (u[i + 2] ^ 0x80) | (u[i + 4] ^ 0x80) |
                    (u[i + 5] ^ 0x80)) < 0x40) {
            i += 6; // two Chinese characters at a time: fewer loop tests
        } else if (k == 2 && i + 2 < len && ((u[i + 1] ^ 0x80) | (u[i + 2] ^ 0x80)) < 0x40) {
            i += 3;
        } else {
            break;
        }
    }
    return i;
}

/* Copies n bytes from s to p and returns p + n, without a library call for the short runs
 * most strings are. Cannot fail. */
char *zn__json_copy(char *p, const char *s, size_t n);

/* Escapes the characters of s[0..len) that start in [*pos, stop) into p and returns the new
 * end of p; *pos moves past them (the last may end past stop). At most 6 bytes out per byte
 * in. Copied as is: ASCII other than controls, " and \, and valid sequences other than U+2028
 * and U+2029, which JavaScript reads as line ends; escaped: those; each byte of an invalid or
 * truncated sequence becomes \ufffd. Cannot fail.
 * Example: "a\"中\xff" gives a\"中\ufffd. */
char *zn__json_escape(char *p, const char *s, size_t *pos, size_t stop, size_t len);

#pragma GCC visibility pop

#endif
