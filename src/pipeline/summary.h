/* SPDX-License-Identifier: MIT
 * Extractive summary of an article: the N sentences that carry most of its keywords, with a
 * preference for early sentences (the news lead). */
#ifndef ZHNEWS_PIPELINE_SUMMARY_H
#define ZHNEWS_PIPELINE_SUMMARY_H

#include "zhnews/output.h"

/* Chooses up to n sentences of the article's paragraphs and lead (never the headline, byline
 * or headings) into doc->summary, in text order. Needs doc->tokens and doc->keywords.
 * Returns ZN_OK or ZN_ERR_NOMEM (doc->summary stays NULL). */
zn_status zn__summarize(zn_doc *doc, size_t n, zn_error *err);

#endif
