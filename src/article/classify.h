/* SPDX-License-Identifier: MIT
 * Line classification of the article parser. */
#ifndef ZHNEWS_ARTICLE_CLASSIFY_H
#define ZHNEWS_ARTICLE_CLASSIFY_H

#include "article/byline.h"
#include "article/lines.h"

/* Where the parts of the article stand (SIZE_MAX: absent). */
typedef struct art_classes {
    size_t title_line;
    size_t category_line;
    zn_span category;      /* relative to the category line */
    size_t byline_line;
    art_byline byline;     /* relative to the byline line */
    size_t lead_heading_line;
    size_t lead_line;
    size_t tags_line;
} art_classes;

/* Sets lines[i].kind for every line and fills *c. With first_is_title, lines[0] is the
 * headline (given by the container) rather than chosen. Cannot fail. */
void zn__art_classify(art_line *lines, size_t n, art_classes *c, bool first_is_title);

#endif
