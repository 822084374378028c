/* SPDX-License-Identifier: MIT
 * Unit tests for the keyword extractor (src/extract/keywords.c): the compiled jieba IDF table
 * in every script form, TF-IDF weights on hand-made token lists, what never counts (single
 * characters, numbers, punctuation, words inside entity mentions), entities counted once,
 * argument errors and allocation failures. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "util/alloc.h"
#include "zhnews/keywords.h"
#include "zhnews/zhnews.h"

#define EPS 0.0005
#define assert_near(a, b, eps) assert_true(fabs((double)(a) - (double)(b)) <= (eps))

static double idf(const char *w)
{
    double v = -1;
    assert_true(zn_idf_lookup(w, strlen(w), &v));
    return v;
}

static void test_idf_lookup_every_script_form(void **state)
{
    (void)state;
    assert_near(idf("技术"), 4.719, EPS);
    assert_near(idf("技術"), 4.719, EPS); // s2t
    assert_near(idf("电池"), 7.519, EPS);
    assert_near(idf("電池"), 7.519, EPS);
    assert_near(idf("的"), 0.885, EPS);
    assert_near(idf("香港中文大學"), 10.568, EPS);
    double v = 42;
    assert_false(zn_idf_lookup("羅智泉", strlen("羅智泉"), &v));
    assert_near(v, 42, 0); // untouched when unlisted
    assert_false(zn_idf_lookup("", 0, NULL));
    assert_false(zn_idf_lookup("技", 3, NULL) && zn_idf_lookup("技术X", 7, NULL));
    assert_true(zn_idf_lookup("技术", 6, NULL));
    assert_true(zn_idf_median() > 11.9 && zn_idf_median() < 12.0);
}

// Tokens given as byte lengths in order; tag "x" and PUNCT for 。and ，.
static size_t make_tokens(const char *text, const char *const *words, zn_token *out)
{
    size_t at = 0;
    size_t n = 0;
    for (; words[n] != NULL; n++) {
        size_t len = strlen(words[n]);
        assert_memory_equal(text + at, words[n], len);
        bool punct = strcmp(words[n], "。") == 0 || strcmp(words[n], "，") == 0;
        bool number = words[n][0] >= '0' && words[n][0] <= '9';
        out[n] = (zn_token){at, at + len, "n", punct ? ZN_TOKEN_PUNCT : 0};
        if (punct || number) {
            memcpy(out[n].tag, punct ? "x" : "m", 2);
        }
        at += len;
    }
    assert_int_equal(at, strlen(text));
    return n;
}

static void test_keywords_tfidf_on_words(void **state)
{
    (void)state;
    const char *text = "電池電池公司續航力。的2018年";
    const char *const words[] = {"電池", "電池", "公司", "續航力", "。",
                                 "的",   "2018", "年",   NULL};
    zn_token tokens[16];
    size_t n = make_tokens(text, words, tokens);
    zn_keywords_input in = {text, strlen(text), tokens, n, NULL};
    zn_keyword_list kw;
    zn_keyword_list_init(&kw);
    assert_int_equal(zn_keywords_extract(&in, 10, &kw, NULL), ZN_OK);
    assert_int_equal(kw.count, 3); // 的, 2018, 年 and 。 never count
    assert_string_equal(kw.items[0].word, "電池");
    assert_int_equal(kw.items[0].count, 2);
    assert_near(kw.items[0].weight, 2.0 / 4 * 7.519, 0.001);
    assert_string_equal(kw.items[1].word, "續航力");
    assert_near(kw.items[1].weight, 1.0 / 4 * 9.336, 0.001);
    assert_string_equal(kw.items[2].word, "公司");
    assert_false(kw.items[2].entity);
    zn_keyword_list_clear(&kw);
    assert_int_equal(zn_keywords_extract(&in, 1, &kw, NULL), ZN_OK);
    assert_int_equal(kw.count, 1);
    assert_string_equal(kw.items[0].word, "電池");
    zn_keyword_list_clear(&kw);
    assert_int_equal(zn_keywords_extract(&in, 0, &kw, NULL), ZN_OK);
    assert_int_equal(kw.count, 0);
}

static void test_keywords_unlisted_words_get_the_median_and_ties_keep_text_order(void **state)
{
    (void)state;
    const char *text = "甲乙丙丁戊己";
    const char *const words[] = {"甲乙丙", "丁戊己", NULL};
    zn_token tokens[4];
    size_t n = make_tokens(text, words, tokens);
    zn_keywords_input in = {text, strlen(text), tokens, n, NULL};
    zn_keyword_list kw;
    zn_keyword_list_init(&kw);
    assert_int_equal(zn_keywords_extract(&in, 5, &kw, NULL), ZN_OK);
    assert_int_equal(kw.count, 2);
    assert_string_equal(kw.items[0].word, "甲乙丙");
    assert_string_equal(kw.items[1].word, "丁戊己");
    assert_near(kw.items[0].weight, 0.5 * zn_idf_median(), 1e-9);
    zn_keyword_list_clear(&kw);
}

static void test_keywords_count_an_entity_once_with_all_its_mentions(void **state)
{
    (void)state;
    const char *text = "香港中文大學今天宣布，香港中文大學將與企業合作。";
    const char *const words[] = {"香港", "中文", "大學", "今天", "宣布", "，", "香港", "中文",
                                 "大學", "將", "與", "企業", "合作", "。", NULL};
    zn_token tokens[16];
    size_t n = make_tokens(text, words, tokens);
    zn_extract_input ein = {text, strlen(text), NULL, 0, NULL, 0, NULL};
    zn_entities *ents = NULL;
    assert_int_equal(zn_entities_extract(&ents, &ein, NULL), ZN_OK);
    assert_int_equal(zn_entities_count(ents), 1);
    zn_keywords_input in = {text, strlen(text), tokens, n, ents};
    zn_keyword_list kw;
    zn_keyword_list_init(&kw);
    assert_int_equal(zn_keywords_extract(&in, 10, &kw, NULL), ZN_OK);
    // The entity, 今天, 宣布, 企業, 合作: 香港, 中文 and 大學 lie inside its mentions.
    assert_int_equal(kw.count, 5);
    assert_string_equal(kw.items[0].word, "香港中文大學");
    assert_true(kw.items[0].entity);
    assert_int_equal(kw.items[0].count, 2);
    assert_near(kw.items[0].weight, 2.0 / 6 * 10.568, 0.001);
    for (size_t i = 1; i < kw.count; i++) {
        assert_string_not_equal(kw.items[i].word, "香港");
        assert_string_not_equal(kw.items[i].word, "大學");
        assert_false(kw.items[i].entity);
    }
    zn_keyword_list_clear(&kw);
    zn_entities_free(ents);
}

static void test_keywords_argument_errors(void **state)
{
    (void)state;
    const char *text = "電池";
    zn_token tok = {0, 7, "n", 0}; // past the end
    zn_keywords_input in = {text, strlen(text), &tok, 1, NULL};
    zn_keyword_list kw;
    zn_keyword_list_init(&kw);
    zn_error err;
    zn_error_init(&err);
    assert_int_equal(zn_keywords_extract(&in, 3, &kw, &err), ZN_ERR_INVALID_ARG);
    assert_non_null(strstr(err.message, "token 0 lies outside the text"));
    assert_int_equal(zn_keywords_extract(NULL, 3, &kw, &err), ZN_ERR_INVALID_ARG);
    assert_int_equal(zn_keywords_extract(&in, 3, NULL, &err), ZN_ERR_INVALID_ARG);
    tok.end = 6;
    assert_int_equal(zn_keywords_extract(&in, 3, &kw, &err), ZN_OK);
    assert_int_equal(kw.count, 1);
    assert_int_equal(zn_keywords_extract(&in, 3, &kw, &err), ZN_ERR_INVALID_ARG); // not empty
    assert_int_equal(kw.count, 1);
    zn_keyword_list_clear(&kw);
    zn_keywords_input empty = {"", 0, NULL, 0, NULL};
    assert_int_equal(zn_keywords_extract(&empty, 3, &kw, &err), ZN_OK);
    assert_int_equal(kw.count, 0);
}

static void test_keywords_allocation_failures(void **state)
{
    (void)state;
    const char *text = "電池電池公司續航力。";
    const char *const words[] = {"電池", "電池", "公司", "續航力", "。", NULL};
    zn_token tokens[8];
    size_t n = make_tokens(text, words, tokens);
    zn_keywords_input in = {text, strlen(text), tokens, n, NULL};
    zn_status st = ZN_ERR_NOMEM;
    size_t i;
    for (i = 0; st != ZN_OK; i++) {
        zn_keyword_list kw;
        zn_keyword_list_init(&kw);
        zn__alloc_fail_after(i);
        st = zn_keywords_extract(&in, 10, &kw, NULL);
        zn__alloc_fail_after((size_t)-1);
        if (st == ZN_OK) {
            assert_int_equal(kw.count, 3);
        } else {
            assert_int_equal(st, ZN_ERR_NOMEM);
            assert_int_equal(kw.count, 0);
            assert_null(kw.items);
        }
        zn_keyword_list_clear(&kw);
    }
    assert_int_equal(i, 6); // the term set, the list, three words, then success
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_idf_lookup_every_script_form),
        cmocka_unit_test(test_keywords_tfidf_on_words),
        cmocka_unit_test(test_keywords_unlisted_words_get_the_median_and_ties_keep_text_order),
        cmocka_unit_test(test_keywords_count_an_entity_once_with_all_its_mentions),
        cmocka_unit_test(test_keywords_argument_errors),
        cmocka_unit_test(test_keywords_allocation_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
