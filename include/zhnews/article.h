/* SPDX-License-Identifier: MIT
 * Stage 2, the article: the structure of a plain-text news article — headline and its tag
 * words, category line, byline, lead (導讀) block, section headings, paragraphs — and the
 * boilerplate around it (banners, share buttons, footers), which is removed from the text. */
#ifndef ZHNEWS_ZHNEWS_ARTICLE_H
#define ZHNEWS_ZHNEWS_ARTICLE_H

#include "zhnews/common.h"

/* A paragraph or heading: a byte span into zn_article.text. */
typedef zn_span zn_text_span;

/* One section: an optional heading and its paragraphs. The first section of an article
 * usually has no heading. */
typedef struct zn_section {
    zn_span heading;      /* empty (start == end) when the section has none */
    zn_span *paragraphs;  /* spans into zn_article.text */
    size_t n_paragraphs;
} zn_section;

/* The byline: who wrote the article, for whom, from where. Names are spans into text. */
typedef struct zn_byline {
    zn_span raw;          /* the whole byline as written (empty when there is none) */
    zn_span *reporters;
    size_t n_reporters;
    zn_span *interns;
    size_t n_interns;
    zn_span outlet;       /* 新華社, 中央社, 本報 ... (empty when not said) */
    zn_span place;        /* dateline place: 深圳龍崗, 台北 ... */
    zn_span date;         /* dateline date words as written: 6月12日, 12日 (empty if none) */
} zn_byline;

/* A parsed article. All spans are byte ranges into `text`, which the article owns. `text` is
 * the cleaned article: every kept line with its indentation and trailing spaces removed,
 * blank lines dropped, joined by "\n" — headline line first, boilerplate gone. */
typedef struct zn_article {
    char *text;
    size_t len;
    zn_span title;        /* the headline without its trailing tag words (empty if none) */
    zn_span *tags;        /* tag words written after the headline on its line */
    size_t n_tags;
    zn_span category;     /* a lone category line such as 未分類 / 科技 (empty if none) */
    zn_byline byline;
    zn_span lead_heading; /* 導讀 / 导读 / 摘要 line (empty if none) */
    zn_span lead;         /* the lead paragraph(s) under that heading (empty if none) */
    zn_section *sections;
    size_t n_sections;
    char **boilerplate;   /* removed lines, as written (trimmed), owned by the article */
    size_t n_boilerplate;
    size_t n_paragraphs;  /* total paragraphs over all sections (lead excluded) */
} zn_article;

/* Parses the UTF-8 text s[0..len) of one article. `name` (may be NULL) is used in messages.
 * Returns ZN_OK, ZN_ERR_INVALID_ARG (s not valid UTF-8), ZN_ERR_NOMEM; on failure *out is
 * NULL. An article with no recognisable structure gets an empty title and byline, never an
 * invented one: all its lines become paragraphs. */
ZN_API zn_status zn_article_parse(zn_article **out, const char *name, const char *s,
                                  size_t len, zn_error *err);

/* As zn_article_parse, for a record whose container names its title (a JSONL title field,
 * a TREC <contenttitle> or <HEADLINE>): title[0..title_len) becomes the headline and the
 * first line of the text (unless the text already starts with it); title may be NULL.
 * Returns ZN_OK, ZN_ERR_INVALID_ARG (text or title not valid UTF-8), ZN_ERR_NOMEM. */
ZN_API zn_status zn_article_parse_titled(zn_article **out, const char *name, const char *title,
                                         size_t title_len, const char *s, size_t len,
                                         zn_error *err);

/* Frees the article and everything it owns. Accepts NULL. */
ZN_API void zn_article_free(zn_article *a);

/* Moves every span of the article to a new text (for example the normaliser's repaired text):
 * `map(ctx, offset)` must return the new byte offset of an old one, monotonically. The
 * article takes ownership of new_text (allocated with the library's allocator, freed with
 * zn_free) and frees its old text. Cannot fail. */
typedef size_t (*zn_offset_map_fn)(const void *ctx, size_t old_offset);
ZN_API void zn_article_retext(zn_article *a, char *new_text, size_t new_len,
                              zn_offset_map_fn map, const void *ctx);

#endif
