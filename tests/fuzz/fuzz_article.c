/* SPDX-License-Identifier: MIT
 * Fuzz target: the article structure parser (zn_article_parse). Invalid UTF-8 must be
 * refused with ZN_ERR_INVALID_ARG; the repaired text must parse, and every span of the
 * result must lie inside the text on sequence boundaries. */
#include <stdint.h>
#include <string.h>

#include "fuzz_util.h"
#include "zhnews/article.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_span(const zn_article *a, zn_span sp, const char *what)
{
    FUZZ_CHECK(fuzz_span_ok(a->text, a->len, sp.start, sp.end), what);
}

static void check_article(const zn_article *a)
{
    FUZZ_CHECK(a->text != NULL, "article text");
    FUZZ_CHECK(zn__utf8_is_valid(a->text, a->len), "article text is valid UTF-8");
    check_span(a, a->title, "title span");
    check_span(a, a->category, "category span");
    check_span(a, a->lead_heading, "lead heading span");
    check_span(a, a->lead, "lead span");
    check_span(a, a->byline.raw, "byline span");
    check_span(a, a->byline.outlet, "outlet span");
    check_span(a, a->byline.place, "place span");
    check_span(a, a->byline.date, "byline date span");
    for (size_t i = 0; i < a->n_tags; i++)
        check_span(a, a->tags[i], "tag span");
    for (size_t i = 0; i < a->byline.n_reporters; i++)
        check_span(a, a->byline.reporters[i], "reporter span");
    for (size_t i = 0; i < a->byline.n_interns; i++)
        check_span(a, a->byline.interns[i], "intern span");
    size_t paragraphs = 0;
    for (size_t i = 0; i < a->n_sections; i++) {
        check_span(a, a->sections[i].heading, "heading span");
        for (size_t k = 0; k < a->sections[i].n_paragraphs; k++)
            check_span(a, a->sections[i].paragraphs[k], "paragraph span");
        paragraphs += a->sections[i].n_paragraphs;
    }
    FUZZ_CHECK(paragraphs == a->n_paragraphs, "n_paragraphs is the sum over sections");
    for (size_t i = 0; i < a->n_boilerplate; i++)
        FUZZ_CHECK(a->boilerplate[i] != NULL &&
                       zn__utf8_is_valid(a->boilerplate[i], strlen(a->boilerplate[i])),
                   "boilerplate line is valid UTF-8");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    zn_article *a = (zn_article *)1;
    zn_error err;
    zn_error_init(&err);
    zn_status st = zn_article_parse(&a, "fuzz", s, size, &err);
    if (!zn__utf8_is_valid(s, size)) {
        FUZZ_CHECK(st == ZN_ERR_INVALID_ARG && a == NULL, "invalid UTF-8 is refused");
        char *fixed = fuzz_utf8_repair(data, size);
        if (fixed == NULL)
            return 0;
        st = zn_article_parse(&a, "fuzz", fixed, size, &err);
        FUZZ_CHECK(st == ZN_OK, "repaired text parses");
        check_article(a);
        zn_article_free(a);
        free(fixed);
        return 0;
    }
    FUZZ_CHECK(st == ZN_OK, "valid UTF-8 parses");
    check_article(a);
    zn_article_free(a);
    return 0;
}
