/* SPDX-License-Identifier: MIT
 * Extractive summary: sentences scored by the TF-IDF weight of the keywords they hold,
 * plus a decreasing bonus for the first sentences of the body (the lead baseline of news
 * summarisation). Not measured against reference summaries: the dev data has none. */
#include "pipeline/summary.h"

#include <string.h>

#include "util/alloc.h"
#include "util/error.h"
#include "zhnews/article.h"

typedef struct sentence {
    zn_span span;
    double score;
} sentence;

// True when the span lies inside the lead or a paragraph.
static bool in_body(const zn_article *a, zn_span s)
{
    if (a->lead.start <= s.start && s.end <= a->lead.end && a->lead.end > a->lead.start) {
        return true;
    }
    for (size_t i = 0; i < a->n_sections; i++) {
        for (size_t k = 0; k < a->sections[i].n_paragraphs; k++) {
            zn_span p = a->sections[i].paragraphs[k];
            if (p.start <= s.start && s.end <= p.end) {
                return true;
            }
        }
    }
    return false;
}

static double keyword_score(const zn_doc *d, zn_span s)
{
    const char *text = d->article->text + s.start;
    size_t len = s.end - s.start;
    double score = 0.0;
    for (size_t i = 0; i < d->keywords.count; i++) {
        const zn_keyword *k = &d->keywords.items[i];
        size_t klen = strlen(k->word);
        const char *p = text;
        const char *end = text + len;
        while (klen > 0 && (p = memmem(p, (size_t)(end - p), k->word, klen)) != NULL) {
            score += k->weight;
            p += klen;
        }
    }
    return score;
}

// Splits the body into sentences at the tokenizer's sentence ends and at line ends.
static size_t split(const zn_doc *d, sentence *out)
{
    const zn_token_list *t = &d->tokens;
    const char *text = d->article->text;
    size_t n = 0;
    size_t start = SIZE_MAX;
    for (size_t i = 0; i < t->count; i++) {
        const zn_token *tok = &t->items[i];
        bool newline = (tok->flags & ZN_TOKEN_SPACE) &&
                       memchr(text + tok->start, '\n', tok->end - tok->start) != NULL;
        if (start == SIZE_MAX && !(tok->flags & ZN_TOKEN_SPACE)) {
            start = tok->start;
        }
        bool ends = newline || (tok->flags & ZN_TOKEN_SENTENCE_END) || i + 1 == t->count;
        if (ends && start != SIZE_MAX) {
            size_t end = newline ? tok->start : tok->end;
            zn_span s = {start, end};
            if (end > start && in_body(d->article, s)) {
                out[n++] = (sentence){s, 0.0};
            }
            start = SIZE_MAX;
        }
    }
    return n;
}

// True when one sentence repeats the other (the lead restated in the body): one holds the
// other's text, less its final punctuation.
static bool repeats(const char *text, zn_span a, zn_span b)
{
    zn_span shorter = a.end - a.start <= b.end - b.start ? a : b;
    zn_span longer = a.end - a.start <= b.end - b.start ? b : a;
    size_t n = shorter.end - shorter.start;
    n = n > 3 ? n - 3 : n; // drop the final 。 (3 bytes) so a clause inside a sentence matches
    return memmem(text + longer.start, longer.end - longer.start, text + shorter.start, n) != NULL;
}

zn_status zn__summarize(zn_doc *doc, size_t n, zn_error *err)
{
    size_t cap = doc->tokens.count + 1;
    sentence *all = zn__calloc(cap, sizeof *all);
    zn_span *chosen = zn__calloc(n, sizeof *chosen);
    if (all == NULL || chosen == NULL) {
        zn__free(all);
        zn__free(chosen);
        return zn__error_nomem(err, "summary");
    }
    size_t count = split(doc, all);
    double best = 0.0;
    for (size_t i = 0; i < count; i++) {
        all[i].score = keyword_score(doc, all[i].span);
        best = all[i].score > best ? all[i].score : best;
    }
    for (size_t i = 0; i < count; i++) {
        double norm = best > 0.0 ? all[i].score / best : 0.0;
        all[i].score = norm + 1.0 / (1.0 + (double)i); // the lead: 1, 1/2, 1/3, ...
    }
    size_t picked = 0;
    while (picked < n) {
        size_t top = SIZE_MAX;
        for (size_t i = 0; i < count; i++) {
            if (all[i].score >= 0.0 && (top == SIZE_MAX || all[i].score > all[top].score)) {
                top = i;
            }
        }
        if (top == SIZE_MAX) {
            break;
        }
        all[top].score = -1.0;
        bool repeat = false;
        for (size_t k = 0; k < picked; k++) {
            repeat = repeat || repeats(doc->article->text, chosen[k], all[top].span);
        }
        if (!repeat) {
            chosen[picked++] = all[top].span;
        }
    }
    // Text order.
    for (size_t i = 1; i < picked; i++) {
        for (size_t k = i; k > 0 && chosen[k - 1].start > chosen[k].start; k--) {
            zn_span tmp = chosen[k];
            chosen[k] = chosen[k - 1];
            chosen[k - 1] = tmp;
        }
    }
    zn__free(all);
    doc->summary = chosen;
    doc->n_summary = picked;
    return ZN_OK;
}
