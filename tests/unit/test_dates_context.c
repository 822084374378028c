/* SPDX-License-Identifier: MIT
 * Unit tests for the date finder (zn_dates_find), second file: two-digit years written in
 * Chinese digits one by one (九八年), a bare year that gives its year to the month and
 * day right after it ("2014年，3月5日"), Cantonese day words, clock values that stay
 * unknown without a reference time, weekdays without a reference, 一分半鐘, 月底 alone,
 * 今午 首季 首半年. Sentences are our own. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "util/alloc.h"
#include "support_dates.h"
#include "zhnews/dates.h"


static zn_date_options ref_opts(const char *ref)
{
    return dates_ref_opts(ref, ZN_DATE_REGION_AUTO);
}

static void check(const char *text, const zn_date_options *o, const want *w, size_t n)
{
    dates_check(text, o, w, n);
}

static void test_dates_chinese_two_digit_years(void **state)
{
    (void)state;
    zn_date_options o = ref_opts("2021-06-14");
    // 九八年 and 三三年 cannot be counts (98 years is 九十八年): they are years, the century
    // chosen so that the year is at most ten years after the reference.
    const want w[] = {
        {"九八年", "1998", ZN_DATE_YEAR, ZN_DATE_EXPLICIT},
        {"三三年", "1933", ZN_DATE_YEAR, ZN_DATE_EXPLICIT},
        {"二五年", "2025", ZN_DATE_YEAR, ZN_DATE_EXPLICIT},
    };
    check("亞洲在九八年陷入風暴，祖父生於三三年，新廠二五年落成。", &o, w, 3);
    // Neighbouring digits are "three or four years", never the year 34: a count.
    const want about = {"三四年", "P3Y", ZN_DATE_DURATION, ZN_DATE_EXPLICIT};
    check("再過三四年就好", &o, &about, 1);
    // Arabic 98年 alone stays a count: it may be 98 years, or the ROC year 98.
    const want arabic = {"98年", "P98Y", ZN_DATE_DURATION, ZN_DATE_EXPLICIT};
    check("98年", &o, &arabic, 1);
    // Without a reference the century pivot is fixed.
    zn_date_options none = ref_opts(NULL);
    const want w2 = {"七六年", "1976", ZN_DATE_YEAR, ZN_DATE_EXPLICIT};
    check("七六年的夏天", &none, &w2, 1);
}

static void test_dates_year_then_comma_then_day(void **state)
{
    (void)state;
    zn_date_options o = ref_opts("2021-06-14");
    // Simplified and Traditional, full-width and ASCII comma: one date, the year explicit.
    const want w[] = {
        {"2016年，7月1日", "2016-07-01", ZN_DATE_DAY, ZN_DATE_EXPLICIT},
        {"4日", "2016-07-04", ZN_DATE_DAY, ZN_DATE_CONTEXT},
    };
    check("2016年，7月1日试行，4日正式实施", &o, w, 2);
    const want t[] = {
        {"2016年, 7月1日晚上", "2016-07-01T22", ZN_DATE_TIME, ZN_DATE_EXPLICIT},
    };
    check("2016年, 7月1日晚上開幕", &o, t, 1);
    // A relative year gives its year the same way.
    const want r = {"去年，11月", "2020-11", ZN_DATE_MONTH, ZN_DATE_REFERENCE};
    check("去年，11月", &o, &r, 1);
    // Across a full stop, or after an enumeration comma, the month keeps the reference.
    const want s[] = {
        {"2016年", "2016", ZN_DATE_YEAR, ZN_DATE_EXPLICIT},
        {"7月1日", "2021-07-01", ZN_DATE_DAY, ZN_DATE_REFERENCE},
    };
    check("他2016年入行。7月1日離職", &o, s, 2);
    const want e[] = {
        {"2015年", "2015", ZN_DATE_YEAR, ZN_DATE_EXPLICIT},
        {"2016年", "2016", ZN_DATE_YEAR, ZN_DATE_EXPLICIT},
    };
    check("2015年、2016年", &o, e, 2);
}

static void test_dates_cantonese_words(void **state)
{
    (void)state;
    zn_date_options o = ref_opts("2019-03-20");
    const want w[] = {
        {"噚日", "2019-03-19", ZN_DATE_DAY, ZN_DATE_REFERENCE},
        {"聽朝", "2019-03-21T06/2019-03-21T09", ZN_DATE_TIME, ZN_DATE_REFERENCE},
        {"琴朝十點", "2019-03-19T10", ZN_DATE_TIME, ZN_DATE_REFERENCE},
        {"今晚黑", "2019-03-20T22", ZN_DATE_TIME, ZN_DATE_REFERENCE},
        // a bare part of the day takes the day of the date just named (今晚黑)
        {"挨晚", "2019-03-20T17/2019-03-20T19", ZN_DATE_TIME, ZN_DATE_CONTEXT},
    };
    check("噚日落雨，聽朝再去，琴朝十點開會，今晚黑食飯，挨晚收工", &o, w, 5);
    const want t[] = {
        {"聽日朝頭早", "2019-03-21T06/2019-03-21T09", ZN_DATE_TIME, ZN_DATE_REFERENCE},
        {"噚晚八點", "2019-03-19T20", ZN_DATE_TIME, ZN_DATE_REFERENCE},
        {"聽日晚黑九點", "2019-03-21T21", ZN_DATE_TIME, ZN_DATE_REFERENCE},
    };
    check("聽日朝頭早飲茶；噚晚八點落機；聽日晚黑九點見", &o, t, 3);
}

static void test_dates_unknown_clock_stays_unknown(void **state)
{
    (void)state;
    // A count of hours, minutes or seconds needs a reference with a time: without one the
    // value keeps every field unknown instead of inventing a clock.
    zn_date_options none = ref_opts(NULL);
    const want w[] = {
        {"兩個鐘頭後", "XXXX-XX-XXTXX:XX", ZN_DATE_TIME, ZN_DATE_EXPLICIT},
        {"20秒前", "XXXX-XX-XXTXX:XX:XX", ZN_DATE_TIME, ZN_DATE_EXPLICIT},
        {"45分钟以后", "XXXX-XX-XXTXX:XX/..", ZN_DATE_RANGE, ZN_DATE_EXPLICIT},
    };
    check("兩個鐘頭後放行，20秒前關門，45分钟以后开放", &none, w, 3);
    zn_date_options day = ref_opts("2019-03-20");
    const want d = {"兩個鐘頭後", "XXXX-XX-XXTXX:XX", ZN_DATE_TIME, ZN_DATE_EXPLICIT};
    check("兩個鐘頭後", &day, &d, 1);
    zn_date_options clock = ref_opts("2019-03-20T23:30");
    const want c = {"兩個鐘頭後", "2019-03-21T01:30", ZN_DATE_TIME, ZN_DATE_REFERENCE};
    check("兩個鐘頭後", &clock, &c, 1);
}

static void test_dates_weekday_without_reference(void **state)
{
    (void)state;
    // The weekday is all that is known: ISO week-date form with the year and week unknown.
    zn_date_options none = ref_opts(NULL);
    const want w[] = {
        {"禮拜二", "XXXX-WXX-2", ZN_DATE_DAY, ZN_DATE_EXPLICIT},
        {"下週日", "XXXX-WXX-7", ZN_DATE_DAY, ZN_DATE_EXPLICIT},
        {"星期五晚上8點", "T20", ZN_DATE_TIME, ZN_DATE_EXPLICIT},
    };
    check("禮拜二截止，下週日公布，星期五晚上8點開票", &none, w, 3);
    zn_date_options o = ref_opts("2019-03-20");
    const want r = {"禮拜二", "2019-03-19", ZN_DATE_DAY, ZN_DATE_REFERENCE};
    check("禮拜二", &o, &r, 1);
}

static void test_dates_minute_and_a_half(void **state)
{
    (void)state;
    zn_date_options o = ref_opts("2019-03-20T10:00:00");
    const want w[] = {
        {"兩分半鐘後", "2019-03-20T10:02:30", ZN_DATE_TIME, ZN_DATE_REFERENCE},
        {"四分半钟", "PT4.5M", ZN_DATE_DURATION, ZN_DATE_EXPLICIT},
    };
    check("兩分半鐘後點火，燃燒四分半钟", &o, w, 2);
}

static void test_dates_month_end_alone(void **state)
{
    (void)state;
    zn_date_options o = ref_opts("2019-02-20");
    const want w[] = {
        {"月初", "2019-02-01/2019-02-10", ZN_DATE_RANGE, ZN_DATE_REFERENCE},
        {"月底", "2019-02-22/2019-02-28", ZN_DATE_RANGE, ZN_DATE_REFERENCE},
    };
    check("工程月初動工，月底驗收", &o, w, 2);
    // Not after 歲, 每 or a count, and not without a reference month.
    check("歲月初心，每月底對帳", &o, NULL, 0);
    zn_date_options none = ref_opts(NULL);
    check("月底", &none, NULL, 0);
}

static void test_dates_news_words_of_hong_kong_and_taiwan(void **state)
{
    (void)state;
    zn_date_options o = ref_opts("2019-05-08");
    const want w[] = {
        {"今午", "2019-05-08T12", ZN_DATE_TIME, ZN_DATE_REFERENCE},
        {"去年首季", "2018-01/2018-03", ZN_DATE_QUARTER, ZN_DATE_REFERENCE},
        {"2017年首半年", "2017-01/2017-06", ZN_DATE_RANGE, ZN_DATE_EXPLICIT},
        {"昨晨6時", "2019-05-07T06", ZN_DATE_TIME, ZN_DATE_REFERENCE},
    };
    check("公司今午公布去年首季及2017年首半年業績，股價昨晨6時已急跌", &o, w, 4);
}

static void test_dates_context_allocation_failures(void **state)
{
    (void)state;
    zn_date_options o = ref_opts("2021-06-14");
    const char *text = "九八年，3月5日，6日";
    zn_date_list list = dates_alloc_loop(text, &o);
    assert_int_equal(list.count, 2);
    assert_string_equal(list.items[0].value, "1998-03-05");
    assert_string_equal(list.items[1].value, "1998-03-06");
    zn_date_list_clear(&list);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dates_chinese_two_digit_years),
        cmocka_unit_test(test_dates_year_then_comma_then_day),
        cmocka_unit_test(test_dates_cantonese_words),
        cmocka_unit_test(test_dates_unknown_clock_stays_unknown),
        cmocka_unit_test(test_dates_weekday_without_reference),
        cmocka_unit_test(test_dates_minute_and_a_half),
        cmocka_unit_test(test_dates_month_end_alone),
        cmocka_unit_test(test_dates_news_words_of_hong_kong_and_taiwan),
        cmocka_unit_test(test_dates_context_allocation_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
