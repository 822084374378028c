/* SPDX-License-Identifier: MIT
 * Rules of the pipeline that read the results of two stages at once: a sentence count over
 * the tokens and the text, the reference date from the article's container or time stamp,
 * and dates that are really parts of names the extractor found. */
#include "pipeline/cross.h"

#include <string.h>

#include "zhnews/zhnews.h"

// Sentences: runs of words closed by the tokenizer's sentence ends or by a line end (a
// headline or a paragraph without final punctuation is a sentence too).
size_t zn__count_sentences(const char *text, const zn_token_list *tokens)
{
    size_t n = 0;
    bool open = false;
    for (size_t i = 0; i < tokens->count; i++) {
        const zn_token *t = &tokens->items[i];
        if (t->flags & ZN_TOKEN_SPACE) {
            if (open && memchr(text + t->start, '\n', t->end - t->start) != NULL) {
                n++;
                open = false;
            }
            continue;
        }
        if (!(t->flags & ZN_TOKEN_PUNCT)) {
            open = true;
        }
        if ((t->flags & ZN_TOKEN_SENTENCE_END) && open) {
            n++;
            open = false;
        }
    }
    return n + open;
}

// The reference date of an article when none was given: the container's date field, else a
// full date in a time-stamp line the article parser set aside ("2023-05-18 09:12 來源：…").
void zn__article_reference(const zn_doc *doc, zn_date_options *o)
{
    const zn_record *rec = doc->source;
    if (rec->date != NULL &&
        zn_date_options_set_ref(o, rec->date, strlen(rec->date), NULL) == ZN_OK) {
        return;
    }
    const zn_article *a = doc->article;
    for (size_t i = 0; i < a->n_boilerplate; i++) {
        zn_date_options plain;
        zn_date_options_init(&plain);
        zn_date_list found;
        zn_date_list_init(&found);
        const char *line = a->boilerplate[i];
        bool ok = zn_dates_find(line, strlen(line), &plain, &found, NULL) == ZN_OK &&
                  found.count > 0 && found.items[0].resolved_from == ZN_DATE_EXPLICIT &&
                  (found.items[0].granularity == ZN_DATE_DAY ||
                   found.items[0].granularity == ZN_DATE_TIME) &&
                  zn_date_options_set_ref(o, found.items[0].value, 10, NULL) == ZN_OK;
        zn_date_list_clear(&found);
        if (ok) {
            return;
        }
    }
}

// A date inside the name of an organisation or a publication is part of the name, not a
// date: 21世紀 in 21世紀經濟報道, 五四 in 五四大街 when the extractor knows them. Mentions come
// in text order, and so do dates: one walk over both, the first mention that may still
// hold a date kept in *from (back to the start should a date come before the last).
static bool inside_name(const zn_entities *ents, zn_span s, size_t *from, size_t *last)
{
    size_t n = 0;
    const zn_entity_mention *m = zn_entities_mentions(ents, &n);
    if (s.start < *last) {
        *from = 0;
    }
    *last = s.start;
    while (*from < n && m[*from].span.end <= s.start) {
        (*from)++;
    }
    for (size_t i = *from; i < n && m[i].span.start <= s.start; i++) {
        const zn_entity *e = zn_entities_get(ents, m[i].entity);
        if (e->type != ZN_ENTITY_PERSON && s.end <= m[i].span.end &&
            (m[i].span.end - m[i].span.start) > (s.end - s.start)) {
            return true;
        }
    }
    return false;
}

void zn__drop_dates_inside_names(zn_doc *doc)
{
    size_t kept = 0;
    size_t from = 0;
    size_t last = 0;
    for (size_t i = 0; i < doc->dates.count; i++) {
        zn_date *d = &doc->dates.items[i];
        if (!inside_name(doc->entities, (zn_span){d->start, d->end}, &from, &last)) {
            doc->dates.items[kept++] = *d;
        }
    }
    doc->dates.count = kept;
}
