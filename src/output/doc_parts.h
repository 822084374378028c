/* SPDX-License-Identifier: MIT
 * Writers of the document parts that stages after the article add. */
#ifndef ZHNEWS_OUTPUT_DOC_PARTS_H
#define ZHNEWS_OUTPUT_DOC_PARTS_H

#include "zhnews/output.h"

/* "normalization": {changes, fixes[{start, end, from, to, rule}]} (null without a result). */
void zn__write_normalization(zn_json *j, const zn_doc *d);

/* "dates": [{text, value, granularity, start, end, resolved_from}]. */
void zn__write_dates(zn_json *j, const zn_doc *d);

/* "entities": [{name, type, aliases[], roles[], count, mentions[{start, end, text}]}]. */
void zn__write_entities(zn_json *j, const zn_doc *d);

/* "keywords": [words], best first. */
void zn__write_keywords(zn_json *j, const zn_doc *d);

/* "summary": [sentences] in text order; nothing when no summary was made. */
void zn__write_summary(zn_json *j, const zn_doc *d);

#endif
