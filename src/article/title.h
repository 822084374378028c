/* SPDX-License-Identifier: MIT
 * Headline choice and the tag words written after it on the same line. */
#ifndef ZHNEWS_ARTICLE_TITLE_H
#define ZHNEWS_ARTICLE_TITLE_H

#include "article/lines.h"
#include "zhnews/common.h"

/* Index of the headline among lines[0..limit), judged against the whole article, or
 * SIZE_MAX when no line reads as one. Only lines of kind LINE_UNKNOWN are considered. */
size_t zn__art_pick_title(const art_line *lines, size_t n, size_t limit);

/* Splits trailing tag words off the headline line lines[at]: fills tags (byte spans relative
 * to the line, at most max_tags) and returns the byte length of the headline proper. */
size_t zn__art_split_tags(const art_line *lines, size_t n, size_t at, zn_span *tags,
                          size_t max_tags, size_t *n_tags);

#endif
