/* SPDX-License-Identifier: MIT
 * Unit tests for the date finder's text (zn_dates_find): short texts folded without a heap
 * block, longer ones with one (DATE_SMALL_TEXT, 512 bytes, in date_priv.h), folding in
 * both, words compared as code points at the text's end, characters beyond the BMP, and
 * the values written by hand (unknown fields, time zones, durations). Sentences are our
 * own. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "support_dates.h"
#include "util/alloc.h"
#include "zhnews/dates.h"

// A text of `len` bytes: spaces, with `word` at its start (at_end false) or its end.
static char *padded(const char *word, size_t len, bool at_end)
{
    size_t n = strlen(word);
    char *text = test_malloc(len + 1);
    memset(text, ' ', len);
    memcpy(at_end ? text + len - n : text, word, n);
    text[len] = '\0';
    return text;
}

static void test_dates_text_short_and_long_texts(void **state)
{
    (void)state;
    // Lengths on both sides of the 512 bytes folded without a heap block, the date at the
    // start and at the very end (its last word compared up to the end of the text).
    const char *word = "２０１８年６月１２號";
    size_t n = strlen(word);
    for (size_t len = 500; len <= 530; len++) {
        for (int end = 0; end < 2; end++) {
            char *text = padded(word, len, end == 1);
            zn_date_list list;
            zn_date_list_init(&list);
            assert_int_equal(zn_dates_find(text, len, NULL, &list, NULL), ZN_OK);
            assert_int_equal(list.count, 1);
            assert_int_equal(list.items[0].start, end == 1 ? len - n : 0);
            assert_int_equal(list.items[0].end, end == 1 ? len : n);
            assert_string_equal(list.items[0].value, "2018-06-12");
            zn_date_list_clear(&list);
            test_free(text);
        }
    }
}

static void test_dates_text_words_at_the_end(void **state)
{
    (void)state;
    // Words are compared as code points up to the text's end: a word the end cuts short
    // (下星 of 下星期) is none, one that ends with the text is found.
    zn_date_options o = dates_ref_opts("2020-05-04", ZN_DATE_REGION_AUTO);
    dates_check("下星", &o, NULL, 0);
    const want week[] = {{"下星期", "2020-05-11/2020-05-17", ZN_DATE_WEEK, ZN_DATE_REFERENCE}};
    dates_check("下星期", &o, week, 1);
    const want fest[] = {{"國慶", "2020-10-01", ZN_DATE_DAY, ZN_DATE_REFERENCE}};
    dates_check("我們在國慶", &o, fest, 1);
    const want lunar[] = {{"農曆八月十", "2020-09-26", ZN_DATE_DAY, ZN_DATE_REFERENCE}};
    dates_check("農曆八月十", &o, lunar, 1);
}

static void test_dates_text_values(void **state)
{
    (void)state;
    zn_date_options none = dates_ref_opts(NULL, ZN_DATE_REGION_AUTO);
    const want unknown[] = {
        {"6月12日下午3点", "XXXX-06-12T15", ZN_DATE_TIME, ZN_DATE_EXPLICIT},
        {"星期四", "XXXX-WXX-4", ZN_DATE_DAY, ZN_DATE_EXPLICIT},
        {"10分钟后", "XXXX-XX-XXTXX:XX", ZN_DATE_TIME, ZN_DATE_EXPLICIT},
    };
    dates_check("6月12日下午3点，星期四，10分钟后", &none, unknown, 3);
    const want zones[] = {
        {"1994-11-05T08:15:30-05:30", "1994-11-05T08:15:30-05:30", ZN_DATE_TIME,
         ZN_DATE_EXPLICIT},
        {"2018-06-12T10:30:00Z", "2018-06-12T10:30:00Z", ZN_DATE_TIME, ZN_DATE_EXPLICIT},
    };
    dates_check("1994-11-05T08:15:30-05:30，2018-06-12T10:30:00Z", &none, zones, 2);
    const want counts[] = {
        {"三年六个月", "P3Y6M", ZN_DATE_DURATION, ZN_DATE_EXPLICIT},
        {"两个半小时", "PT2.5H", ZN_DATE_DURATION, ZN_DATE_EXPLICIT},
        {"一刻钟", "PT15M", ZN_DATE_DURATION, ZN_DATE_EXPLICIT},
        {"0.25天", "P0.25D", ZN_DATE_DURATION, ZN_DATE_EXPLICIT},
        {"十万年", "P100000Y", ZN_DATE_DURATION, ZN_DATE_EXPLICIT},
    };
    dates_check("三年六个月，两个半小时，一刻钟，0.25天，十万年", &none, counts, 5);
}

// `count` copies of the character `fill` (UTF-8), then `word`.
static char *repeated_then(const char *fill, size_t count, const char *word)
{
    size_t f = strlen(fill);
    size_t w = strlen(word);
    char *text = test_malloc(f * count + w + 1);
    for (size_t k = 0; k < count; k++) {
        memcpy(text + k * f, fill, f);
    }
    memcpy(text + f * count, word, w + 1);
    return text;
}

static void test_dates_text_candidates_around_64(void **state)
{
    (void)state;
    // The candidates are bits of 64-character words, each set a character late: 國 (国
    // after folding) begins a date word only with 慶 after it (DATE_CHAR_PAIR), 今 by
    // itself (DATE_CHAR_ALONE). Dates that start on both sides of a word's edge, after
    // characters that begin words only in pairs (和 中) or in none (的).
    zn_date_options o = dates_ref_opts("2020-05-04", ZN_DATE_REGION_AUTO);
    const want fest[] = {{"國慶", "2020-10-01", ZN_DATE_DAY, ZN_DATE_REFERENCE}};
    const want today[] = {{"今天", "2020-05-04", ZN_DATE_DAY, ZN_DATE_REFERENCE}};
    const char *fills[] = {"和", "中", "的", "a"};
    for (size_t f = 0; f < sizeof fills / sizeof fills[0]; f++) {
        for (size_t count = 60; count <= 68; count++) {
            char *text = repeated_then(fills[f], count, "國慶");
            dates_check(text, &o, fest, 1);
            test_free(text);
            text = repeated_then(fills[f], count, "今天");
            dates_check(text, &o, today, 1);
            test_free(text);
            // a character that begins words only in pairs, last: no date
            text = repeated_then(fills[f], count, "國");
            dates_check(text, &o, NULL, 0);
            test_free(text);
        }
    }
}

static void test_dates_text_numbers_of_each_text(void **state)
{
    (void)state;
    // date__num keeps the last number it read: each text reads its own, the same index
    // of the next text included.
    zn_date_options o = dates_ref_opts("2020-05-04", ZN_DATE_REGION_AUTO);
    const want three[] = {{"3天前", "2020-05-01", ZN_DATE_DAY, ZN_DATE_REFERENCE}};
    const want five[] = {{"5天前", "2020-04-29", ZN_DATE_DAY, ZN_DATE_REFERENCE}};
    const want both[] = {{"3天前", "2020-05-01", ZN_DATE_DAY, ZN_DATE_REFERENCE},
                         {"十天后", "2020-05-14", ZN_DATE_DAY, ZN_DATE_REFERENCE}};
    dates_check("3天前", &o, three, 1);
    dates_check("5天前", &o, five, 1);
    dates_check("3天前，十天后", &o, both, 2);
}

static void test_dates_text_beyond_the_bmp(void **state)
{
    (void)state;
    // A character beyond the BMP reads the class byte of its low 16 bits while the text is
    // folded (date_text.c's decode): U+24ECA that of 今, U+25E74 of 年, U+1FF13 of ３,
    // U+2570B of 國, U+24E00 of 一, U+10032 U+10030 U+10031 U+10038 those of 2018. None
    // starts a date or is folded; the dates around them are found as without them.
    zn_date_options o = dates_ref_opts("2020-05-04", ZN_DATE_REGION_AUTO);
    dates_check("\U00024ECA天開會，\U00025E74底", &o, NULL, 0);
    const want day[] = {{"5日", "2020-05-05", ZN_DATE_DAY, ZN_DATE_REFERENCE}};
    dates_check("\U0001FF13月5日", &o, day, 1);
    dates_check("\U0002570B慶\U00024E00個月", &o, NULL, 0);
    dates_check("\U00010032\U00010030\U00010031\U00010038年", &o, NULL, 0);
    const want year[] = {{"2018年", "2018", ZN_DATE_YEAR, ZN_DATE_EXPLICIT}};
    dates_check("\U000100382018年", &o, year, 1);
}

static void test_dates_text_allocation_failures(void **state)
{
    (void)state;
    // A text past 512 bytes folds into a heap block: its failure is reported.
    char *text = padded("兩個星期後", 600, true);
    zn_date_options o = dates_ref_opts("2020-05-04", ZN_DATE_REGION_AUTO);
    zn_date_list list = dates_alloc_loop(text, &o);
    assert_int_equal(list.count, 1);
    assert_string_equal(list.items[0].value, "2020-05-18");
    zn_date_list_clear(&list);
    test_free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dates_text_short_and_long_texts),
        cmocka_unit_test(test_dates_text_words_at_the_end),
        cmocka_unit_test(test_dates_text_values),
        cmocka_unit_test(test_dates_text_candidates_around_64),
        cmocka_unit_test(test_dates_text_numbers_of_each_text),
        cmocka_unit_test(test_dates_text_beyond_the_bmp),
        cmocka_unit_test(test_dates_text_allocation_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
