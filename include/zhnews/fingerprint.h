/* SPDX-License-Identifier: MIT
 * Near-duplicate detection: a 64-bit SimHash of an article's normalised text. Copies of an
 * article (reposted by content farms with a few swapped or inserted characters, other
 * punctuation, spaces or symbols) get fingerprints a few bits apart; different articles, even
 * on the same topic, differ in about half of the bits. */
#ifndef ZHNEWS_ZHNEWS_FINGERPRINT_H
#define ZHNEWS_ZHNEWS_FINGERPRINT_H

#include "zhnews/common.h"

/* Two fingerprints at most this many bits apart are near-duplicates. */
#define ZN_FINGERPRINT_NEAR 6

/* The SimHash of the UTF-8 text s[0..len): every pair of neighbouring characters is one
 * feature, where only Han characters count when they are the majority of the letters and
 * digits (inserted pinyin or symbols do not matter), letters and digits as well otherwise
 * (full-width forms folded to ASCII, ASCII letters to lower case); punctuation and spaces
 * never count. Invalid bytes are ignored. Returns 0 for a text without any feature. Cannot
 * fail; thread-safe. A changed character changes the two features it is part of, so the
 * distance grows with the share of changed characters: for a news article of 250 characters
 * and its copy with three look-alike characters (全毬, 技朮, 攷慮), inserted symbols and ASCII
 * punctuation the distance is 4 bits (0 once the normaliser has repaired the look-alikes),
 * for another article on the same topic 27; for two short headlines one swapped character
 * is already about 10 bits. */
ZN_API uint64_t zn_fingerprint(const char *s, size_t len);

/* Number of differing bits (0..64). Cannot fail. */
ZN_API int zn_fingerprint_distance(uint64_t a, uint64_t b);

/* True when a and b are near-duplicates: distance <= ZN_FINGERPRINT_NEAR and neither is 0
 * (a text without features matches nothing). Cannot fail. */
ZN_API bool zn_fingerprint_is_near(uint64_t a, uint64_t b);

/* Writes the fingerprint as 16 lowercase hex digits and a NUL into out (17 bytes); returns
 * out. Cannot fail. */
ZN_API char *zn_fingerprint_hex(uint64_t fp, char out[17]);

/* Parses 16 hex digits (either case) from s[0..len) into *fp (output). Returns ZN_OK or
 * ZN_ERR_INVALID_ARG (not exactly 16 hex digits); *fp is unchanged on failure. */
ZN_API zn_status zn_fingerprint_parse(const char *s, size_t len, uint64_t *fp, zn_error *err);

#endif
