/* SPDX-License-Identifier: MIT
 * Unit tests for src/tokenize over the fixture lexicon (tests/fixtures/lexicon, compiled into
 * BUILD/tests/fixture.lex beside this program): exact token lists for words, unknown names,
 * numbers, Latin words, URLs, dotted names, sentence ends, user words and failures. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <unistd.h>

#include "util/alloc.h"
#include "zhnews/lexicon.h"
#include "zhnews/tokenize.h"

// The fixture lexicon of this build (tests/fixtures/lexicon, compiled by make check).
static const char fixture[] = ZN_TEST_FIXTURE_LEXICON;


static zn_lexicon *open_fixture(void)
{
    zn_lexicon *lex = NULL;
    assert_int_equal(zn_lexicon_open(&lex, fixture, NULL), ZN_OK);
    return lex;
}

// Tokenizes text with tok and writes its non-space tokens joined by '|' (with /tag when tags
// is set) to out.
static void seg_with(zn_tokenizer *tok, const char *text, bool tags, char *out, size_t cap)
{
    zn_token_list list;
    zn_token_list_init(&list);
    assert_int_equal(zn_tokenizer_run(tok, text, strlen(text), &list, NULL), ZN_OK);
    size_t len = 0;
    size_t expect = 0;
    for (size_t i = 0; i < list.count; i++) {
        const zn_token *t = &list.items[i];
        assert_int_equal(t->start, expect); // every byte covered once, in order
        assert_true(t->end > t->start);
        expect = t->end;
        if (t->flags & ZN_TOKEN_SPACE) {
            continue;
        }
        len += (size_t)snprintf(out + len, cap - len, "%s%.*s%s%s", len ? "|" : "",
                                (int)(t->end - t->start), text + t->start, tags ? "/" : "",
                                tags ? t->tag : "");
    }
    assert_int_equal(expect, strlen(text));
    out[len] = '\0';
    zn_token_list_clear(&list);
}

// The tokens of text with split_units set as given (zn_tokenizer_new_opts).
static char *seg_mode(const zn_lexicon *lex, const char *text, bool tags, bool split)
{
    static char out[2048];
    zn_tokenizer_options opts;
    zn_tokenizer_options_init(&opts);
    assert_false(opts.split_units);
    opts.split_units = split;
    zn_tokenizer *tok = NULL;
    assert_int_equal(zn_tokenizer_new_opts(&tok, lex, &opts, NULL), ZN_OK);
    seg_with(tok, text, tags, out, sizeof out);
    zn_tokenizer_free(tok);
    return out;
}

// The tokens of text with the defaults: zn_tokenizer_new, the same as zn_tokenizer_new_opts
// with NULL options or with the default options.
static char *seg(const zn_lexicon *lex, const char *text, bool tags)
{
    static char out[2048];
    char other[2048];
    zn_tokenizer *tok = NULL;
    assert_int_equal(zn_tokenizer_new(&tok, lex, NULL), ZN_OK);
    seg_with(tok, text, tags, out, sizeof out);
    zn_tokenizer_free(tok);
    assert_int_equal(zn_tokenizer_new_opts(&tok, lex, NULL, NULL), ZN_OK);
    seg_with(tok, text, tags, other, sizeof other);
    zn_tokenizer_free(tok);
    assert_string_equal(other, out);
    assert_string_equal(seg_mode(lex, text, tags, false), out);
    return out;
}

static void test_words_and_unknown_names_in_both_scripts(void **state)
{
    (void)state;
    zn_lexicon *lex = open_fixture();
    assert_string_equal(seg(lex, "香港中文大學副校長羅智泉介紹說", false),
                        "香港中文大學|副校長|羅智泉|介紹|說");
    assert_string_equal(seg(lex, "香港中文大学副校长罗智泉介绍说", false),
                        "香港中文大学|副校长|罗智泉|介绍|说");
    assert_string_equal(seg(lex, "香港中文大學副校長羅智泉介紹說", true),
                        "香港中文大學/nt|副校長/n|羅智泉/nr|介紹/v|說/v");
    assert_string_equal(seg(lex, "今天的天气", true), "今天/t|的/uj|天气/n");
    zn_lexicon_close(lex);
}

static void test_numbers_dates_and_measures(void **state)
{
    (void)state;
    zn_lexicon *lex = open_fixture();
    // The bakeoff convention (split_units): a date or magnitude unit joins its number, a
    // duration or a count is a number and a classifier (SIGHAN standards).
    assert_string_equal(seg_mode(lex, "6月12日北京", true, true), "6月/t|12日/t|北京/ns");
    assert_string_equal(seg_mode(lex, "1998年发展", true, true), "1998年/t|发展/vn");
    assert_string_equal(seg_mode(lex, "二○○一年", true, true), "二○○一年/t");
    assert_string_equal(seg_mode(lex, "5年", false, true), "5|年");
    assert_string_equal(seg_mode(lex, "985高校", true, true), "985/m|高校/n");
    assert_string_equal(seg_mode(lex, "12.5%和3,000", true, true), "12.5%/m|和/x|3,000/m");
    assert_string_equal(seg_mode(lex, "１９９８年", false, true), "１９９８年");
    assert_string_equal(seg_mode(lex, "北京－9℃，2020-2021", true, true),
                        "北京/ns|－9/m|℃/x|，/x|2020/m|-/x|2021/m");
    // The default: numbers keep their units, a date written in order is one word.
    assert_string_equal(seg(lex, "6月12日北京", true), "6月12日/t|北京/ns");
    assert_string_equal(seg(lex, "1998年发展", true), "1998年/t|发展/vn");
    assert_string_equal(seg(lex, "二○○一年", true), "二○○一年/t");
    assert_string_equal(seg(lex, "5年", true), "5年/m");
    assert_string_equal(seg(lex, "985高校", true), "985高校/n");
    assert_string_equal(seg(lex, "12.5%和3,000", true), "12.5%/m|和/x|3,000/m");
    assert_string_equal(seg(lex, "１９９８年", false), "１９９８年");
    assert_string_equal(seg(lex, "北京－9℃，2020-2021", true),
                        "北京/ns|－9/m|℃/x|，/x|2020/m|-/x|2021/m");
    zn_lexicon_close(lex);
}

// Words the test below needs, added to the fixture lexicon.
static void add_words(zn_lexicon *lex)
{
    static const char *const words[][2] = {
        {"應用", "v"}, {"工程師", "n"}, {"公里", "q"}, {"位", "q"}, {"教授", "n"},
        {"上午", "t"}, {"世纪", "n"},   {"人文", "n"},  {"万人", "nr"}, {"元", "m"},
    };
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        assert_int_equal(zn_lexicon_add_word(lex, words[i][0], strlen(words[i][0]), 5000,
                                             words[i][1], NULL),
                         ZN_OK);
    }
}

static void test_numbers_keep_their_units_by_default(void **state)
{
    (void)state;
    zn_lexicon *lex = open_fixture();
    add_words(lex);
    static const char *const cases[][3] = {
        // text, default, split_units
        {"300位應用工程師", "300位|應用|工程師", "300|位|應用|工程師"},
        {"2018年6月12日上午10时30分", "2018年6月12日|上午|10时30分",
         "2018年|6月|12日|上午|10时|30分"},
        {"70位985高校的300多位教授", "70位|985高校|的|300多位|教授",
         "70|位|985|高校|的|300|多位|教授"},
        {"5年，3万人，5公里", "5年|，|3万人|，|5公里", "5|年|，|3|万人|，|5|公里"},
        {"二○○一年六月十二日", "二○○一年六月十二日", "二○○一年|六月|十二日"},
        // Parts out of order or apart stay apart: a day then a year, a space between.
        {"12日2018年 6月 5", "12日|2018年|6月|5", "12日|2018年|6月|5"},
        // A magnitude and a unit after a number: 3.5 亿元, 3.5 万人.
        {"3.5亿元，3.5万人", "3.5亿元|，|3.5万人", "3.5|亿元|，|3.5|万人"},
        {"3.5万公里", "3.5万公里", "3.5|万|公里"},
        // A noun that measures joins any number; another noun only a code number (985).
        {"20世纪的2000人文", "20世纪|的|2000|人文", "20|世纪|的|2000|人文"},
        {"20多人文", "20|多|人文", "20|多|人文"},
        // No unit after the number: nothing to join.
        {"3,000的12.5%", "3,000|的|12.5%", "3,000|的|12.5%"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        assert_string_equal(seg(lex, cases[i][0], false), cases[i][1]);
        assert_string_equal(seg_mode(lex, cases[i][0], false, true), cases[i][2]);
    }
    assert_string_equal(seg(lex, "2018年6月12日上午10时30分，3万人，5公里，985高校", true),
                        "2018年6月12日/t|上午/t|10时30分/t|，/x|3万人/m|，/x|5公里/m|，/x|"
                        "985高校/n");
    zn_tokenizer *tok;
    assert_int_equal(zn_tokenizer_new(&tok, lex, NULL), ZN_OK);
    zn_token_list list;
    zn_token_list_init(&list);
    assert_int_equal(zn_tokenizer_run(tok, "70位。", strlen("70位。"), &list, NULL), ZN_OK);
    assert_int_equal(list.count, 2);
    assert_int_equal(list.items[0].flags, 0); // a joined word is not in the lexicon
    assert_int_equal(list.items[1].flags, ZN_TOKEN_PUNCT | ZN_TOKEN_SENTENCE_END);
    zn_token_list_clear(&list);
    zn_tokenizer_free(tok);
    zn_lexicon_close(lex);
}

static void test_latin_urls_emails_and_punctuation(void **state)
{
    (void)state;
    zn_lexicon *lex = open_fixture();
    assert_string_equal(seg(lex, "AI和iPhone 12", true), "AI/eng|和/x|iPhone/eng|12/m");
    assert_string_equal(seg(lex, "看https://example.com/a?b=1。", true),
                        "看/x|https://example.com/a?b=1/url|。/x");
    assert_string_equal(seg(lex, "在 a.b@example.org.", true), "在/p|a.b@example.org/email|./x");
    assert_string_equal(seg(lex, "C++和C#", false), "C++|和|C#");
    assert_string_equal(seg(lex, "好——好……", false), "好|——|好|……");
    assert_string_equal(seg(lex, "弗里德里克·泰勒說", true), "弗里德里克·泰勒/nrfg|說/v");
    zn_lexicon_close(lex);
}

static void test_sentence_ends_follow_closing_quotes(void **state)
{
    (void)state;
    zn_lexicon *lex = open_fixture();
    zn_tokenizer *tok;
    assert_int_equal(zn_tokenizer_new(&tok, lex, NULL), ZN_OK);
    zn_token_list list;
    zn_token_list_init(&list);
    const char *text = "北京。「是！」今天\n天气 OK";
    assert_int_equal(zn_tokenizer_run(tok, text, strlen(text), &list, NULL), ZN_OK);
    char ends[256] = "";
    size_t n = 0;
    for (size_t i = 0; i < list.count; i++) {
        const zn_token *t = &list.items[i];
        if (t->flags & ZN_TOKEN_SENTENCE_END) {
            n += (size_t)snprintf(ends + n, sizeof ends - n, "%.*s;", (int)(t->end - t->start),
                                  text + t->start);
        }
    }
    assert_string_equal(ends, "。;」;今天;OK;");
    assert_int_equal(list.items[1].flags, ZN_TOKEN_PUNCT | ZN_TOKEN_SENTENCE_END);
    assert_int_equal(list.items[0].flags, ZN_TOKEN_IN_LEXICON);
    zn_token_list_clear(&list);
    zn_tokenizer_free(tok);
    zn_lexicon_close(lex);
}

static void test_user_words_change_the_segmentation(void **state)
{
    (void)state;
    zn_lexicon *lex = open_fixture();
    assert_string_equal(seg(lex, "今天的天气", false), "今天|的|天气");
    assert_int_equal(zn_lexicon_add_word(lex, "的天", strlen("的天"), 5, "x", NULL), ZN_OK);
    assert_string_equal(seg(lex, "今天的天气", true), "今天/t|的天/x|气/x");
    assert_string_equal(seg(lex, "研究生命起源", false), "研究|生命|起源");
    assert_int_equal(zn_lexicon_add_word(lex, "研究生", 9, 0, NULL, NULL), ZN_OK);
    assert_string_equal(seg(lex, "研究生命起源", false), "研究生|命|起源");
    zn_lexicon_close(lex);
}

static void test_without_lexicon_rules_still_apply(void **state)
{
    (void)state;
    assert_string_equal(seg(NULL, "AI和 6月", false), "AI|和|6月");
    assert_string_equal(seg(NULL, "", false), "");
}

static void test_run_rejects_invalid_utf8_and_keeps_the_list(void **state)
{
    (void)state;
    zn_lexicon *lex = open_fixture();
    zn_tokenizer *tok;
    assert_int_equal(zn_tokenizer_new(&tok, lex, NULL), ZN_OK);
    zn_token_list list;
    zn_token_list_init(&list);
    assert_int_equal(zn_tokenizer_run(tok, "北京", 6, &list, NULL), ZN_OK);
    zn_error err;
    assert_int_equal(zn_tokenizer_run(tok, "好\xE5\x85", 5, &list, &err), ZN_ERR_INVALID_ARG);
    assert_non_null(strstr(err.message, "invalid UTF-8 (byte 3)"));
    assert_int_equal(list.count, 1);
    assert_int_equal(zn_tokenizer_run(tok, NULL, 1, &list, &err), ZN_ERR_INVALID_ARG);
    zn_token_list_clear(&list);
    assert_null(list.items);
    zn_tokenizer_free(tok);
    zn_tokenizer_free(NULL);
    zn_lexicon_close(lex);
}

static void test_tokenizer_survives_allocation_failures(void **state)
{
    (void)state;
    zn_lexicon *lex = open_fixture();
    const char *text = "香港中文大學副校長羅智泉介紹說：AI很好，70位。";
    for (size_t n = 0, split = 0; split < 2; n++) {
        zn__alloc_fail_after(n);
        zn_tokenizer *tok = NULL;
        zn_token_list list;
        zn_token_list_init(&list);
        zn_tokenizer_options opts;
        zn_tokenizer_options_init(&opts);
        opts.split_units = split == 1;
        zn_status st = split == 1 ? zn_tokenizer_new_opts(&tok, lex, &opts, NULL)
                                  : zn_tokenizer_new(&tok, lex, NULL);
        if (st == ZN_OK) {
            st = zn_tokenizer_run(tok, text, strlen(text), &list, NULL);
        } else {
            assert_null(tok);
        }
        bool failed = zn__alloc_failed();
        zn__alloc_fail_after((size_t)-1);
        if (st == ZN_OK) {
            assert_false(failed);
            // ... 很好 ， 70位 。 or ... 很好 ， 70 位 。
            assert_int_equal(list.count, split == 1 ? 12 : 11);
        } else {
            assert_int_equal(st, ZN_ERR_NOMEM);
        }
        zn_token_list_clear(&list);
        zn_tokenizer_free(tok);
        if (st == ZN_OK) {
            split++;
            n = SIZE_MAX; // the next round starts again at 0
        }
    }
    zn_lexicon_close(lex);
}

static void test_long_text_is_cut_into_windows_invisibly(void **state)
{
    (void)state;
    zn_lexicon *lex = open_fixture();
    // 6000 × "今天的天气。" (108,000 bytes, cut after a full stop) and 40,000 spaces
    // (one token across the cut).
    size_t unit = strlen("今天的天气。");
    size_t len = 6000 * unit + 40000 + 6;
    char *text = malloc(len + 1);
    assert_non_null(text);
    for (size_t i = 0; i < 6000; i++) {
        memcpy(text + i * unit, "今天的天气。", unit);
    }
    memset(text + 6000 * unit, ' ', 40000);
    memcpy(text + 6000 * unit + 40000, "北京", 6);
    text[len] = '\0';
    zn_tokenizer *tok;
    assert_int_equal(zn_tokenizer_new(&tok, lex, NULL), ZN_OK);
    zn_token_list list;
    zn_token_list_init(&list);
    assert_int_equal(zn_tokenizer_run(tok, text, len, &list, NULL), ZN_OK);
    assert_int_equal(list.count, 6000 * 4 + 2);
    for (size_t i = 0; i < 6000 * 4; i++) {
        static const size_t lens[4] = {6, 3, 6, 3}; // 今天 的 天气 。
        assert_int_equal(list.items[i].end - list.items[i].start, lens[i % 4]);
        assert_int_equal((list.items[i].flags & ZN_TOKEN_SENTENCE_END) != 0, i % 4 == 3);
    }
    assert_int_equal(list.items[24000].end - list.items[24000].start, 40000);
    assert_int_equal(list.items[24000].flags, ZN_TOKEN_SPACE);
    zn_token_list_clear(&list);
    zn_tokenizer_free(tok);
    free(text);
    zn_lexicon_close(lex);
}

typedef struct thread_job {
    const zn_lexicon *lex;
    size_t count;
} thread_job;

static void *segment_in_thread(void *arg)
{
    thread_job *job = arg;
    zn_tokenizer *tok;
    if (zn_tokenizer_new(&tok, job->lex, NULL) != ZN_OK) {
        return NULL;
    }
    zn_token_list list;
    zn_token_list_init(&list);
    const char *text = "香港中文大學副校長羅智泉介紹說，研究生命起源。";
    for (int round = 0; round < 200; round++) {
        list.count = 0;
        if (zn_tokenizer_run(tok, text, strlen(text), &list, NULL) != ZN_OK) {
            break;
        }
        job->count += list.count;
    }
    zn_token_list_clear(&list);
    zn_tokenizer_free(tok);
    return NULL;
}

static void test_threads_share_one_lexicon(void **state)
{
    (void)state;
    zn_lexicon *lex = open_fixture();
    pthread_t threads[4];
    thread_job jobs[4];
    for (int i = 0; i < 4; i++) {
        jobs[i] = (thread_job){lex, 0};
        assert_int_equal(pthread_create(&threads[i], NULL, segment_in_thread, &jobs[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        assert_int_equal(pthread_join(threads[i], NULL), 0);
        // 香港中文大學 副校長 羅智泉 介紹 說 ， 研究 生命 起源 。
        assert_int_equal(jobs[i].count, 200 * 10);
    }
    zn_lexicon_close(lex);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_and_unknown_names_in_both_scripts),
        cmocka_unit_test(test_numbers_dates_and_measures),
        cmocka_unit_test(test_numbers_keep_their_units_by_default),
        cmocka_unit_test(test_latin_urls_emails_and_punctuation),
        cmocka_unit_test(test_sentence_ends_follow_closing_quotes),
        cmocka_unit_test(test_user_words_change_the_segmentation),
        cmocka_unit_test(test_without_lexicon_rules_still_apply),
        cmocka_unit_test(test_run_rejects_invalid_utf8_and_keeps_the_list),
        cmocka_unit_test(test_tokenizer_survives_allocation_failures),
        cmocka_unit_test(test_long_text_is_cut_into_windows_invisibly),
        cmocka_unit_test(test_threads_share_one_lexicon),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
