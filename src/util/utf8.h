/* SPDX-License-Identifier: MIT
 * The one strict UTF-8 decoder of zhnews, plus encoding and small helpers on code points.
 * No other module decodes bytes by hand. */
#ifndef ZHNEWS_UTIL_UTF8_H
#define ZHNEWS_UTIL_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ZN_UTF8_INVALID UINT32_MAX

/* Decodes the sequence at s[*pos] (pos < len) and advances *pos past it. Returns the code
 * point, or ZN_UTF8_INVALID for an invalid sequence (overlong, surrogate, above U+10FFFF,
 * truncated, stray continuation byte); then *pos advances by one byte. Cannot fail.
 * Example: "全球" at pos 0 returns U+5168 and sets pos to 3. */
uint32_t zn__utf8_next(const char *s, size_t len, size_t *pos);

/* Decodes the code point that ends at s[*pos - 1] and moves *pos to its start; for text
 * already known valid. Returns ZN_UTF8_INVALID at *pos == 0. */
uint32_t zn__utf8_prev(const char *s, size_t *pos);

/* Length of the longest valid prefix of s[0..len); equals len for valid UTF-8. */
size_t zn__utf8_valid_prefix(const char *s, size_t len);

/* True when s[0..len) is entirely valid UTF-8. */
bool zn__utf8_is_valid(const char *s, size_t len);

/* Writes the UTF-8 form of cp (must be a valid scalar value) into out (4 bytes room) and
 * returns its length 1..4; returns 0 for an invalid cp. */
size_t zn__utf8_encode(uint32_t cp, char out[4]);

/* Number of code points in valid UTF-8 s[0..len). */
size_t zn__utf8_count(const char *s, size_t len);

/* The largest n <= len such that s[0..n) does not end inside a sequence. */
size_t zn__utf8_boundary(const char *s, size_t len);

/* True for ideographs (CJK Unified, Extensions A–G, Compatibility). */
bool zn__cp_is_han(uint32_t cp);

/* True for white space including U+00A0, U+3000 and the U+2000 block spaces. */
bool zn__cp_is_space(uint32_t cp);

#endif
