/* SPDX-License-Identifier: MIT
 * Pipeline rules that combine two stages' results (see cross.c). */
#ifndef ZHNEWS_PIPELINE_CROSS_H
#define ZHNEWS_PIPELINE_CROSS_H

#include "zhnews/zhnews.h"

/* Sentences of text: runs of words closed by the tokenizer's sentence ends or by a line end.
 * Cannot fail. */
size_t zn__count_sentences(const char *text, const zn_token_list *tokens);

/* Sets the reference date of *o from the record's date field, else from a full date in a
 * time-stamp line the article parser set aside; leaves *o alone when neither exists. Cannot
 * fail. */
void zn__article_reference(const zn_doc *doc, zn_date_options *o);

/* Removes the dates that lie inside a longer mention of a non-person entity (21世紀 in
 * 21世紀經濟報道). Cannot fail. */
void zn__drop_dates_inside_names(zn_doc *doc);

#endif
