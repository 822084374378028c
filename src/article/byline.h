/* SPDX-License-Identifier: MIT
 * Byline recognition: 本報記者 X 實習生 Y 深圳龍崗報道, 記者X／台北報導, 【X訊】,
 * 新華社北京6月12日電（記者 X）, 中央社記者X台北12日電. */
#ifndef ZHNEWS_ARTICLE_BYLINE_H
#define ZHNEWS_ARTICLE_BYLINE_H

#include "article/lines.h"
#include "zhnews/common.h"

#define ART_BYLINE_MAX_NAMES 16

/* What a byline says; every span is a byte range relative to the start of the line. */
typedef struct art_byline {
    size_t raw_end;      /* the byline is line[0..raw_end); == line length for a whole line */
    zn_span outlet;
    zn_span place;
    zn_span date;
    zn_span reporters[ART_BYLINE_MAX_NAMES];
    size_t n_reporters;
    zn_span interns[ART_BYLINE_MAX_NAMES];
    size_t n_interns;
} art_byline;

/* Recognises a byline that is the whole line or the opening of a paragraph. Returns true
 * and fills *out when the line is (or starts with) one. Cannot fail. */
bool zn__art_byline_parse(const art_line *l, art_byline *out);

#endif
