/* SPDX-License-Identifier: MIT
 * The cue words the article parser recognises: boilerplate, footers, bylines, lead markers.
 * Traditional and Simplified forms are both listed. */
#ifndef ZHNEWS_ARTICLE_CUES_H
#define ZHNEWS_ARTICLE_CUES_H

#include <stdbool.h>

#include "article/lines.h"

/* A line after which everything is site furniture (相關閱讀, 相关的主题文章, ...). */
bool zn__art_is_footer_start(const art_line *l);

/* A line that is boilerplate wherever it stands: editor credits, copyright, share buttons,
 * app banners, cookie notices, menus. */
bool zn__art_is_boilerplate(const art_line *l);

/* A line that carries only a time stamp (and maybe a source): 2018-06-13 08:30 來源：… */
bool zn__art_is_timestamp(const art_line *l);

/* The lead marker (導讀, 导读, 摘要, 編者按 ...): returns the byte length of the marker with its
 * brackets and colon when the line starts with one, else 0. */
size_t zn__art_lead_marker(const art_line *l);

/* A category line: 分類：X, or a lone short word such as 未分類 / 科技. Sets the span of the
 * category name inside the line (byte offsets relative to l->s). */
bool zn__art_category(const art_line *l, size_t *start, size_t *end);

/* A tags line: 標籤：A B C / 关键词：A、B. Returns the byte offset where the list starts,
 * or 0 when it is not one. */
size_t zn__art_tags_line(const art_line *l);

#endif
