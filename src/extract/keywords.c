/* SPDX-License-Identifier: MIT
 * TF-IDF keywords over the tokenizer's words and the extractor's entities (after both in the
 * pipeline), with jieba's IDF table compiled in (idf_table.h). */
#include "zhnews/keywords.h"

#include <stdlib.h>
#include <string.h>

#include "extract/idf_table.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"

// s[0..len) against the NUL-terminated table word w, as memcmp would order them.
static int compare_word(const char *s, size_t len, const char *w)
{
    size_t i = 0;
    for (; i < len && w[i] != '\0'; i++) {
        if (s[i] != w[i]) {
            return (unsigned char)s[i] < (unsigned char)w[i] ? -1 : 1;
        }
    }
    if (i < len) {
        return 1;
    }
    return w[i] == '\0' ? 0 : -1;
}

bool zn_idf_lookup(const char *s, size_t len, double *idf)
{
    size_t lo = 0;
    size_t hi = zn__idf_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = compare_word(s, len, zn__idf_words + zn__idf_offsets[mid]);
        if (c == 0) {
            if (idf != NULL) {
                *idf = zn__idf_values[mid] / 1000.0;
            }
            return true;
        }
        if (c < 0) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    return false;
}

double zn_idf_median(void)
{
    return zn__idf_median / 1000.0;
}

void zn_keyword_list_init(zn_keyword_list *list)
{
    list->items = NULL;
    list->count = 0;
}

void zn_keyword_list_clear(zn_keyword_list *list)
{
    for (size_t i = 0; i < list->count; i++) {
        zn__free((char *)list->items[i].word);
    }
    zn__free(list->items);
    zn_keyword_list_init(list);
}

/* One candidate term: a word (a span of the text) or an entity (its canonical name). */
typedef struct term {
    const char *s;   /* NULL: empty slot */
    size_t len;
    size_t count;
    size_t first;    /* byte offset of the first occurrence */
    bool entity;
    double weight;
} term;

typedef struct term_set {
    term *slots;
    size_t cap;      /* a power of two */
    size_t used;
} term_set;

static size_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ull; // FNV-1a
    for (size_t i = 0; i < len; i++) {
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    }
    return (size_t)h;
}

// Adds `count` occurrences of s[0..len) (first seen at `at`). The set never fills: its
// capacity is more than twice the number of possible terms.
static void add_term(term_set *set, const char *s, size_t len, size_t count, size_t at,
                     bool entity)
{
    size_t i = hash_bytes(s, len) & (set->cap - 1);
    while (set->slots[i].s != NULL &&
           (set->slots[i].len != len || memcmp(set->slots[i].s, s, len) != 0)) {
        i = (i + 1) & (set->cap - 1);
    }
    term *t = &set->slots[i];
    if (t->s == NULL) {
        *t = (term){s, len, 0, at, entity, 0};
        set->used++;
    }
    t->count += count;
    t->entity = t->entity || entity;
    if (at < t->first) {
        t->first = at;
    }
}

// True for a token that can be a keyword on its own.
static bool countable(const char *text, const zn_token *t)
{
    if (t->flags & (ZN_TOKEN_SPACE | ZN_TOKEN_PUNCT)) {
        return false;
    }
    if (strcmp(t->tag, "m") == 0 || strcmp(t->tag, "x") == 0 || strcmp(t->tag, "url") == 0) {
        return false;
    }
    size_t len = t->end - t->start;
    if (zn__utf8_count(text + t->start, len) < 2) {
        return false;
    }
    bool digits_only = true;
    for (size_t i = t->start; i < t->end && digits_only; i++) {
        char c = text[i];
        digits_only = (c >= '0' && c <= '9') || c == '.' || c == ',' || c == '%' || c == '-';
    }
    return !digits_only;
}

static int by_weight(const void *a, const void *b)
{
    const term *x = a;
    const term *y = b;
    if (x->weight != y->weight) {
        return x->weight > y->weight ? -1 : 1;
    }
    return x->first < y->first ? -1 : x->first > y->first;
}

static zn_status check_input(const zn_keywords_input *in, const zn_keyword_list *out,
                             zn_error *err)
{
    if (in == NULL || out == NULL || out->count != 0 || (in->text == NULL && in->len > 0) ||
        (in->tokens == NULL && in->n_tokens > 0)) {
        return zn__error_set(err, ZN_ERR_INVALID_ARG, "keywords: bad arguments");
    }
    for (size_t i = 0; i < in->n_tokens; i++) {
        if (in->tokens[i].start > in->tokens[i].end || in->tokens[i].end > in->len) {
            return zn__error_set(err, ZN_ERR_INVALID_ARG,
                                 "keywords: token %zu lies outside the text", i);
        }
    }
    return ZN_OK;
}

// Counts the words outside entity mentions, then each entity once with all its mentions.
static size_t collect(const zn_keywords_input *in, term_set *set)
{
    size_t n_mentions = 0;
    const zn_entity_mention *m = zn_entities_mentions(in->entities, &n_mentions);
    size_t total = 0;
    size_t k = 0;
    for (size_t i = 0; i < in->n_tokens; i++) {
        const zn_token *t = &in->tokens[i];
        while (k < n_mentions && m[k].span.end <= t->start) {
            k++;
        }
        bool in_mention = k < n_mentions && m[k].span.start < t->end;
        if (!in_mention && countable(in->text, t)) {
            add_term(set, in->text + t->start, t->end - t->start, 1, t->start, false);
            total++;
        }
    }
    size_t n_entities = zn_entities_count(in->entities);
    for (size_t i = 0; i < n_entities; i++) {
        const zn_entity *e = zn_entities_get(in->entities, i);
        if (e->n_mentions == 0 || e->name == NULL || e->name[0] == '\0') {
            continue;
        }
        add_term(set, e->name, strlen(e->name), e->n_mentions, e->mentions[0].start, true);
        total += e->n_mentions;
    }
    return total;
}

// Copies the best `max` terms into out.
static zn_status take_best(term *terms, size_t n, size_t max, zn_keyword_list *out)
{
    size_t keep = n < max ? n : max;
    if (keep == 0) {
        return ZN_OK;
    }
    out->items = zn__calloc(keep, sizeof *out->items);
    if (out->items == NULL) {
        return ZN_ERR_NOMEM;
    }
    for (size_t i = 0; i < keep; i++) {
        char *word = zn__strndup(terms[i].s, terms[i].len);
        if (word == NULL) {
            zn_keyword_list_clear(out);
            return ZN_ERR_NOMEM;
        }
        out->items[i] = (zn_keyword){word, terms[i].weight, terms[i].count, terms[i].entity};
        out->count++;
    }
    return ZN_OK;
}

zn_status zn_keywords_extract(const zn_keywords_input *in, size_t max, zn_keyword_list *out,
                              zn_error *err)
{
    zn_status st = check_input(in, out, err);
    if (st != ZN_OK) {
        return st;
    }
    size_t possible = in->n_tokens + zn_entities_count(in->entities);
    term_set set = {NULL, 16, 0};
    while (set.cap < 2 * possible + 1) {
        set.cap *= 2;
    }
    set.slots = zn__calloc(set.cap, sizeof *set.slots);
    if (set.slots == NULL) {
        return zn__error_nomem(err, "keywords");
    }
    size_t total = collect(in, &set);
    size_t n = 0;
    double median = zn_idf_median();
    for (size_t i = 0; i < set.cap; i++) {
        term t = set.slots[i];
        if (t.s == NULL) {
            continue;
        }
        double idf = median;
        zn_idf_lookup(t.s, t.len, &idf);
        t.weight = (double)t.count / (double)total * idf;
        set.slots[n++] = t; // compact in place: n <= i
    }
    qsort(set.slots, n, sizeof *set.slots, by_weight);
    st = take_best(set.slots, n, max, out);
    zn__free(set.slots);
    return st == ZN_OK ? ZN_OK : zn__error_nomem(err, "keywords");
}
