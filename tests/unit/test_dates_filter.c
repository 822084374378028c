/* SPDX-License-Identifier: MIT
 * Unit tests for the date finder (zn_dates_find), the places it skips before any parser
 * runs: a number, a one-character word (自 上 第) or 个 followed by what begins no date word
 * (兩國 一個人 第一次 第十五屆 這一理論 下，上的 1）1.), a numeral that is no number (百年),
 * a pair read only after something (以來 以下 世紀), a pair that begins a longer word
 * followed by a third character that continues none (和平 of 和平紀念日, 青年 of 青年節).
 * Each next to the date the same start does begin, so a filter too strict fails here.
 * Sentences are our own. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "util/alloc.h"
#include "support_dates.h"
#include "zhnews/dates.h"

static void test_dates_filter_after_a_number(void **state)
{
    (void)state;
    zn_date_options o = dates_ref_opts("2020-05-04", ZN_DATE_REGION_AUTO);
    dates_check("两国签了一个新协议，一些人统一意见，1）见附件", &o, NULL, 0);
    const want w[] = {
        {"三个月后", "2020-08", ZN_DATE_MONTH, ZN_DATE_REFERENCE},
        {"两个星期", "P2W", ZN_DATE_DURATION, ZN_DATE_EXPLICIT},
        {"18世纪", "1700/1799", ZN_DATE_RANGE, ZN_DATE_EXPLICIT},
    };
    dates_check("三个月后见面，一个人等了两个星期，读18世纪的书", &o, w, 3);
}

static void test_dates_filter_after_a_one_character_word(void **state)
{
    (void)state;
    zn_date_options o = dates_ref_opts("2020-05-04", ZN_DATE_REGION_AUTO);
    dates_check("第一次会议在第十五届大会前，自由讨论，在此情况下，上，下。", &o, NULL, 0);
    const want w[] = {
        {"自2018年起", "2018/2020-05-04", ZN_DATE_RANGE, ZN_DATE_EXPLICIT},
        {"上个月", "2020-04", ZN_DATE_MONTH, ZN_DATE_REFERENCE},
    };
    dates_check("自2018年起，他上个月才离开", &o, w, 2);
}

static void test_dates_filter_third_character(void **state)
{
    (void)state;
    zn_date_options o = dates_ref_opts("2020-05-04", ZN_DATE_REGION_AUTO);
    dates_check("和平共处，青年人，教师们，劳动力", &o, NULL, 0);
    const want w[] = {
        {"青年节", "2020-05-04", ZN_DATE_DAY, ZN_DATE_REFERENCE},
    };
    dates_check("青年人过青年节", &o, w, 1);
}

static void test_dates_filter_words_read_after_something(void **state)
{
    (void)state;
    zn_date_options o = dates_ref_opts("2020-05-04", ZN_DATE_REGION_AUTO);
    dates_check("以来，以下几点，世纪之交，这一理论", &o, NULL, 0);
    const want w[] = {
        {"2018年以来", "2018/2020-05-04", ZN_DATE_RANGE, ZN_DATE_EXPLICIT},
        {"这两天", "2020-05-02/2020-05-04", ZN_DATE_RANGE, ZN_DATE_REFERENCE},
        {"三天以内", "2020-05-07", ZN_DATE_DAY, ZN_DATE_REFERENCE},
        {"上个世纪90年代", "1990/1999", ZN_DATE_RANGE, ZN_DATE_EXPLICIT},
    };
    dates_check("2018年以来，这两天，三天以内，上个世纪90年代", &o, w, 4);
}

static void test_dates_filter_numerals_read_as_no_number(void **state)
{
    (void)state;
    // 百 千 万 亿 at a place are no count for date__num (百年 is "long"): they start nothing
    // unless a word does; after another numeral they are part of the number.
    zn_date_options o = dates_ref_opts("2020-05-04", ZN_DATE_REGION_AUTO);
    dates_check("百年大计，千方百计，万里长城，亿万人民", &o, NULL, 0);
    const want w[] = {
        {"一百天后", "2020-08-12", ZN_DATE_DAY, ZN_DATE_REFERENCE},
        {"三百年前", "1720", ZN_DATE_YEAR, ZN_DATE_REFERENCE},
        {"十万年", "P100000Y", ZN_DATE_DURATION, ZN_DATE_EXPLICIT},
    };
    dates_check("一百天后，三百年前，十万年", &o, w, 3);
}

static void test_dates_filter_list_numbers(void **state)
{
    (void)state;
    // A number followed by a point and no figure numbers a list; with a figure it is a
    // fraction or a date in figures.
    zn_date_options o = dates_ref_opts("2020-05-04", ZN_DATE_REGION_AUTO);
    dates_check("1.任何人 2.每期设一等奖 ５．全角的编号", &o, NULL, 0);
    const want w[] = {
        {"1.5天", "P1.5D", ZN_DATE_DURATION, ZN_DATE_EXPLICIT},
        {"2018.6.12", "2018-06-12", ZN_DATE_DAY, ZN_DATE_EXPLICIT},
        {"１２．５天", "P12.5D", ZN_DATE_DURATION, ZN_DATE_EXPLICIT},
    };
    dates_check("休息1.5天，2018.6.12开会，１２．５天", &o, w, 3);
}

static void test_dates_filter_de_after_a_one_character_word(void **state)
{
    (void)state;
    // 的 follows a date (上周的周三), never a word that is no date by itself (上 自 下).
    zn_date_options o = dates_ref_opts("2020-05-04", ZN_DATE_REGION_AUTO);
    dates_check("上的讲话，自的意见，下的决定，近的地方", &o, NULL, 0);
    const want w[] = {
        {"上周的周三", "2020-04-29", ZN_DATE_DAY, ZN_DATE_REFERENCE},
        {"上个月", "2020-04", ZN_DATE_MONTH, ZN_DATE_REFERENCE},
    };
    dates_check("上周的周三开会，上个月的会", &o, w, 2);
}

static void test_dates_filter_pair_at_the_end(void **state)
{
    (void)state;
    // A character that only begins longer words starts nothing where the next one begins
    // none of them, nor as the text's last character; where it does, the word is found up
    // to the text's end.
    zn_date_options o = dates_ref_opts("2020-05-04", ZN_DATE_REGION_AUTO);
    dates_check("我爱中国", &o, NULL, 0);
    dates_check("你和", &o, NULL, 0);
    const want w[] = {
        {"国庆", "2020-10-01", ZN_DATE_DAY, ZN_DATE_REFERENCE},
        {"和平纪念日", "2020-02-28", ZN_DATE_DAY, ZN_DATE_REFERENCE},
        {"元旦", "2020-01-01", ZN_DATE_DAY, ZN_DATE_REFERENCE},
    };
    dates_check("欢度国庆，和平纪念日，元旦", &o, w, 3);
}

static void test_dates_filter_allocation_failures(void **state)
{
    (void)state;
    zn_date_options o = dates_ref_opts("2020-05-04", ZN_DATE_REGION_AUTO);
    zn_date_list list = dates_alloc_loop("两国一个人第一次和平，三个月后", &o);
    assert_int_equal(list.count, 1);
    assert_string_equal(list.items[0].value, "2020-08");
    zn_date_list_clear(&list);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dates_filter_after_a_number),
        cmocka_unit_test(test_dates_filter_after_a_one_character_word),
        cmocka_unit_test(test_dates_filter_third_character),
        cmocka_unit_test(test_dates_filter_words_read_after_something),
        cmocka_unit_test(test_dates_filter_numerals_read_as_no_number),
        cmocka_unit_test(test_dates_filter_list_numbers),
        cmocka_unit_test(test_dates_filter_de_after_a_one_character_word),
        cmocka_unit_test(test_dates_filter_pair_at_the_end),
        cmocka_unit_test(test_dates_filter_allocation_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
