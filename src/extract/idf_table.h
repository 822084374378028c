/* SPDX-License-Identifier: MIT
 * The IDF table of the keyword extractor, generated at build time by tools/idf_build.py from
 * python3-jieba's idf.txt (words in their Simplified, Traditional, Taiwan and Hong Kong forms,
 * sorted by bytes). Read-only data: shared by every thread. */
#ifndef ZHNEWS_EXTRACT_IDF_TABLE_H
#define ZHNEWS_EXTRACT_IDF_TABLE_H

#include <stddef.h>
#include <stdint.h>

extern const size_t zn__idf_count;      /* words in the table */
extern const uint16_t zn__idf_median;   /* median IDF of jieba's words, x 1000 */
extern const char zn__idf_words[];      /* NUL-terminated words, sorted by bytes */
extern const uint32_t zn__idf_offsets[]; /* word i starts at zn__idf_words + offsets[i] */
extern const uint16_t zn__idf_values[];  /* IDF x 1000 of word i */

#endif
