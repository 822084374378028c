/* SPDX-License-Identifier: MIT
 * Unit tests for the entity extractor on texts of every length: a short line (its working
 * arrays fit the caller's scratch block and names are found again by scanning), a long
 * article (scratch blocks from the heap, occurrences of a name through hashed chains).
 * Whatever the length, the same names are found with the same mentions; allocation
 * failures on the long path give ZN_ERR_NOMEM and no result. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/valid_text.h"
#include "support_entities.h"
#include "zhnews/extract.h"

#define HEAD "香港中文大學(深圳)副校長羅智泉介紹說，"
#define FILLER "今天天氣很好。"
#define AGAIN "羅智泉說。"

// HEAD, then `rounds` times (`per` fillers and AGAIN): a text of any length that names
// the university once and the person 1 + rounds times.
static char *make_text(size_t rounds, size_t per, size_t *len)
{
    size_t n = strlen(HEAD) + rounds * (per * strlen(FILLER) + strlen(AGAIN));
    char *s = malloc(n + 1);
    assert_non_null(s);
    size_t at = 0;
    memcpy(s, HEAD, strlen(HEAD));
    at += strlen(HEAD);
    for (size_t r = 0; r < rounds; r++) {
        for (size_t k = 0; k < per; k++) {
            memcpy(s + at, FILLER, strlen(FILLER));
            at += strlen(FILLER);
        }
        memcpy(s + at, AGAIN, strlen(AGAIN));
        at += strlen(AGAIN);
    }
    s[at] = '\0';
    *len = at;
    return s;
}

// The university and the person with all its mentions, at the byte offsets make_text
// put them.
static void check_result(const zn_entities *e, size_t rounds, size_t per)
{
    assert_int_equal(zn_entities_count(e), 2);
    const zn_entity *u = zn_entities_get(e, 0);
    assert_string_equal(u->name, "香港中文大學(深圳)");
    assert_int_equal(u->type, ZN_ENTITY_UNIVERSITY);
    assert_int_equal(u->n_mentions, 1);
    const zn_entity *p = zn_entities_get(e, 1);
    assert_string_equal(p->name, "羅智泉");
    assert_int_equal(p->type, ZN_ENTITY_PERSON);
    assert_int_equal(p->n_roles, 1);
    assert_string_equal(p->roles[0], "副校長");
    assert_int_equal(p->n_mentions, 1 + rounds);
    size_t first = strlen("香港中文大學(深圳)副校長");
    assert_int_equal(p->mentions[0].start, first);
    assert_int_equal(p->mentions[0].end, first + strlen("羅智泉"));
    size_t at = strlen(HEAD);
    for (size_t r = 0; r < rounds; r++) {
        at += per * strlen(FILLER);
        assert_int_equal(p->mentions[1 + r].start, at);
        assert_int_equal(p->mentions[1 + r].end, at + strlen("羅智泉"));
        at += strlen(AGAIN);
    }
    size_t n;
    const zn_entity_mention *m = zn_entities_mentions(e, &n);
    assert_int_equal(n, 2 + rounds);
    for (size_t i = 1; i < n; i++) {
        assert_true(m[i - 1].span.end <= m[i].span.start);
    }
}

static void run_and_check(size_t rounds, size_t per)
{
    size_t len;
    char *s = make_text(rounds, per, &len);
    zn_extract_input in = {.text = s, .len = len};
    zn_entities *e = NULL;
    zn_error err;
    assert_int_equal(zn_entities_extract(&e, &in, &err), ZN_OK);
    check_result(e, rounds, per);
    zn_entities_free(e);
    free(s);
}

static void test_short_line(void **state)
{
    (void)state;
    run_and_check(1, 1); // 33 characters: scratch on the stack, names found by scanning
}

static void test_long_article(void **state)
{
    (void)state;
    run_and_check(40, 3); // 1,100 characters, 3 KB: chains, heap blocks
}

static void test_very_long_article(void **state)
{
    (void)state;
    run_and_check(2000, 5); // 80,000 characters: many heap blocks, long chains
}

static void test_long_article_allocation_failures(void **state)
{
    (void)state;
    size_t len;
    char *s = make_text(40, 3, &len);
    zn_extract_input in = {.text = s, .len = len};
    zn_entities *e = entities_alloc_loop(&in);
    check_result(e, 40, 3);
    zn_entities_free(e);
    free(s);
}

static void test_invalid_utf8_in_long_text(void **state)
{
    (void)state;
    size_t len;
    char *s = make_text(40, 3, &len);
    s[len - 2] = (char)0xFF; // inside the last 。
    zn_extract_input in = {.text = s, .len = len};
    zn_entities *e = (zn_entities *)&in;
    zn_error err;
    assert_int_equal(zn_entities_extract(&e, &in, &err), ZN_ERR_INVALID_ARG);
    assert_null(e);
    assert_non_null(strstr(err.message, "invalid UTF-8"));
    char where[64];
    snprintf(where, sizeof where, "at byte %zu", len - 3); // where the 。 begins
    assert_non_null(strstr(err.message, where));
    free(s);
}

// The entry point for text the caller checked finds the same as the public one, on a
// short line and on a long article.
static void test_valid_entry_point(void **state)
{
    (void)state;
    static const size_t rounds[] = {1, 40};
    for (size_t r = 0; r < 2; r++) {
        size_t len;
        char *s = make_text(rounds[r], 3, &len);
        zn_extract_input in = {.text = s, .len = len};
        zn_entities *e = NULL;
        assert_int_equal(zn__entities_extract_valid(&e, &in, NULL), ZN_OK);
        check_result(e, rounds[r], 3);
        zn_entities_free(e);
        free(s);
    }
    zn_entities *e = NULL;
    assert_int_equal(zn__entities_extract_valid(&e, NULL, NULL), ZN_ERR_INVALID_ARG);
    assert_int_equal(zn__entities_extract_valid(NULL, NULL, NULL), ZN_ERR_INVALID_ARG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_short_line),
        cmocka_unit_test(test_long_article),
        cmocka_unit_test(test_very_long_article),
        cmocka_unit_test(test_long_article_allocation_failures),
        cmocka_unit_test(test_invalid_utf8_in_long_text),
        cmocka_unit_test(test_valid_entry_point),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
