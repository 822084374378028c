/* SPDX-License-Identifier: MIT
 * Unit tests for the date finder (zn_dates_find), third file: the conventions shared with
 * the chrono and JioNLP suites — deadlines (五日內 is the day the time runs out), a part of
 * the day alone (今晚 22:00, 晏晝 15:00; 朝早 and 凌晨 keep their hours), 明天 said in the
 * small hours — and lists of days (9月10號，11號), a clock joined by a dash
 * (2020-01-11-16:00), a range closed by 前, a word said twice, 至今天 in a range. In
 * Traditional and Simplified script, with ROC years and Cantonese words. Sentences are
 * our own. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "support_dates.h"
#include "zhnews/dates.h"

static void check(const char *text, const char *ref, const want *w, size_t n)
{
    zn_date_options o = dates_ref_opts(ref, ZN_DATE_REGION_AUTO);
    dates_check(text, &o, w, n);
}

static void test_dates_deadlines_are_points(void **state)
{
    (void)state;
    const char *ref = "2019-03-20 09:15:00";
    // A count of days or more names the day the time runs out.
    const want days = {"三日之內", "2019-03-23", ZN_DATE_DAY, ZN_DATE_REFERENCE};
    check("市府要求業者三日之內提出改善計畫", ref, &days, 1);
    const want weeks = {"兩個禮拜內", "2019-04-03", ZN_DATE_DAY, ZN_DATE_REFERENCE};
    check("請於兩個禮拜內答覆", ref, &weeks, 1);
    const want year = {"1年以内", "2020-03-20", ZN_DATE_DAY, ZN_DATE_REFERENCE};
    check("公司承诺1年以内还清", ref, &year, 1);
    const want half = {"半年內", "2019-09-20", ZN_DATE_DAY, ZN_DATE_REFERENCE};
    check("工程半年內完工", ref, &half, 1);
    // Hours and minutes keep the reference's clock.
    const want hour = {"一個鐘之內", "2019-03-20T10:15:00", ZN_DATE_TIME, ZN_DATE_REFERENCE};
    check("消防一個鐘之內到場", ref, &hour, 1);
    // 未來 / 近 before the count make it the span from (or to) now.
    const want next = {"未來三天內", "2019-03-20T09:15:00/2019-03-23T09:15:00", ZN_DATE_RANGE,
                       ZN_DATE_REFERENCE};
    check("未來三天內有雨", ref, &next, 1);
    // Without a reference the deadline has no day: the duration stays.
    const want bare = {"五日內", "P5D", ZN_DATE_DURATION, ZN_DATE_EXPLICIT};
    check("五日內", NULL, &bare, 1);
}

static void test_dates_part_of_day_alone(void **state)
{
    (void)state;
    const char *ref = "2019-03-20 09:15:00";
    const want w[] = {
        {"今晚", "2019-03-20T22", ZN_DATE_TIME, ZN_DATE_REFERENCE},
        {"琴晚", "2019-03-19T22", ZN_DATE_TIME, ZN_DATE_REFERENCE},
    };
    check("警方今晚加強巡邏，琴晚好凍", ref, w, 2);
    const want pm = {"晏晝", "2019-03-20T15", ZN_DATE_TIME, ZN_DATE_REFERENCE};
    check("佢晏晝去咗銅鑼灣", ref, &pm, 1);
    const want noon = {"中午", "2019-03-20T12", ZN_DATE_TIME, ZN_DATE_REFERENCE};
    check("中午開會", ref, &noon, 1);
    const want day_pm = {"今日下晝", "2019-03-20T15", ZN_DATE_TIME, ZN_DATE_REFERENCE};
    check("今日下晝", ref, &day_pm, 1);
    // After 的 a lone 晚 starts another word (晚宴): the day alone.
    const want feast = {"今天", "2019-03-20", ZN_DATE_DAY, ZN_DATE_REFERENCE};
    check("出席了今天的晚宴", ref, &feast, 1);
    // Morning and small hours keep their span, which starts at the hour given to them.
    const want morning = {"朝早", "2019-03-20T06/2019-03-20T09", ZN_DATE_TIME,
                          ZN_DATE_REFERENCE};
    check("朝早返工", ref, &morning, 1);
    const want dawn = {"凌晨", "2019-03-20T00/2019-03-20T05", ZN_DATE_TIME, ZN_DATE_REFERENCE};
    check("凌晨發生車禍", ref, &dawn, 1);
    // With a clock time the part only sets the half of the day.
    const want clock = {"下晝三點半", "2019-03-20T15:30", ZN_DATE_TIME, ZN_DATE_REFERENCE};
    check("下晝三點半", ref, &clock, 1);
    // In a range the parts keep their hours: from the night's start to the morning's end.
    const want range = {"夜間至次日上午", "2019-03-20T20/2019-03-21T11", ZN_DATE_RANGE,
                        ZN_DATE_REFERENCE};
    check("夜間至次日上午有雷雨", ref, &range, 1);
    // An ROC date with its evening.
    zn_date_options tw = dates_ref_opts(NULL, ZN_DATE_REGION_TAIWAN);
    const want roc = {"民國108年3月20日晚上", "2019-03-20T22", ZN_DATE_TIME, ZN_DATE_EXPLICIT};
    dates_check("民國108年3月20日晚上", &tw, &roc, 1);
}

static void test_dates_tomorrow_in_the_small_hours(void **state)
{
    (void)state;
    // At 01:30 nobody has slept yet: 聽日 / 明天 is the day that has begun.
    const want late = {"聽日", "2019-03-20", ZN_DATE_DAY, ZN_DATE_REFERENCE};
    check("聽日見", "2019-03-20 01:30:00", &late, 1);
    const want evening = {"明天晚上", "2019-03-20T22", ZN_DATE_TIME, ZN_DATE_REFERENCE};
    check("明天晚上見", "2019-03-20 00:30:00", &evening, 1);
    // A clock time after it is the next day's, as written.
    const want clock = {"明天早上6點", "2019-03-21T06", ZN_DATE_TIME, ZN_DATE_REFERENCE};
    check("明天早上6點出發", "2019-03-20 01:30:00", &clock, 1);
    const want night = {"明晚", "2019-03-20T22", ZN_DATE_TIME, ZN_DATE_REFERENCE};
    check("明晚見", "2019-03-20 01:10:00", &night, 1);
    // Midnight sharp, a bare date and 02:00 are ordinary references.
    const want next = {"聽日", "2019-03-21", ZN_DATE_DAY, ZN_DATE_REFERENCE};
    check("聽日見", "2019-03-20 00:00:00", &next, 1);
    check("聽日見", "2019-03-20", &next, 1);
    const want two = {"明天", "2019-03-21", ZN_DATE_DAY, ZN_DATE_REFERENCE};
    check("明天見", "2019-03-20 02:00:00", &two, 1);
}

static void test_dates_lists_and_joined_forms(void **state)
{
    (void)state;
    // The second day of a list is the same month's, even before a word like 都.
    const want list[] = {
        {"9月10號", "2019-09-10", ZN_DATE_DAY, ZN_DATE_REFERENCE},
        {"11號", "2019-09-11", ZN_DATE_DAY, ZN_DATE_CONTEXT},
    };
    check("9月10號，11號都休館", "2019-03-20", list, 2);
    const want list2[] = {
        {"5月3号", "2019-05-03", ZN_DATE_DAY, ZN_DATE_REFERENCE},
        {"4号", "2019-05-04", ZN_DATE_DAY, ZN_DATE_CONTEXT},
    };
    check("5月3号和4号停水", "2019-03-20", list2, 2);
    // Without a 號 day before it, 3號 before a noun stays a label.
    check("3號樓停水", "2019-03-20", NULL, 0);
    const want fire = {"9月10日", "2019-09-10", ZN_DATE_DAY, ZN_DATE_REFERENCE};
    check("9月10日，3號樓起火", "2019-03-20", &fire, 1);
    // A clock time joined to the date by a dash.
    const want dash = {"2020-01-11-16:00", "2020-01-11T16:00", ZN_DATE_TIME, ZN_DATE_EXPLICIT};
    check("開票時間2020-01-11-16:00截止", "2019-03-20", &dash, 1);
    zn_date_options tw = dates_ref_opts(NULL, ZN_DATE_REGION_TAIWAN);
    const want roc = {"108/03/20-10:30", "2019-03-20T10:30", ZN_DATE_TIME, ZN_DATE_EXPLICIT};
    dates_check("108/03/20-10:30開會", &tw, &roc, 1);
    // 2021-09-12-15 is no clock: nothing is made of it.
    check("編號2021-09-12-15", "2019-03-20", NULL, 0);
    // A range closed by 前 keeps its start.
    const want before = {"自2020至2025年前", "2020/2025", ZN_DATE_RANGE, ZN_DATE_EXPLICIT};
    check("計畫自2020至2025年前完成", "2019-03-20", &before, 1);
    // 未來兩個月: whole days from today to the day before the same date two months on.
    const want months = {"未來兩個月", "2019-03-20T09:15:00/2019-05-19", ZN_DATE_RANGE,
                         ZN_DATE_REFERENCE};
    check("未來兩個月", "2019-03-20 09:15:00", &months, 1);
}

static void test_dates_repeats_and_until_today(void **state)
{
    (void)state;
    // A word said twice (speech): the second, fuller one is the date.
    const want mid = {"六月中旬", "2019-06-11/2019-06-20", ZN_DATE_RANGE, ZN_DATE_REFERENCE};
    check("大概係六月六月中旬啦", "2019-03-20", &mid, 1);
    // 至今天凌晨2點 ends on a day; 至今 alone is until now.
    const want night = {"昨天晚上11點至今天凌晨2點", "2019-03-19T23/2019-03-20T02:00:00",
                        ZN_DATE_RANGE, ZN_DATE_REFERENCE};
    check("昨天晚上11點至今天凌晨2點停電", "2019-03-20 09:15:00", &night, 1);
    const want now = {"2010年至今", "2010/2019-03-20T09:15:00", ZN_DATE_RANGE,
                      ZN_DATE_REFERENCE};
    check("2010年至今", "2019-03-20 09:15:00", &now, 1);
    // 1點pm到3點: the end stays in the afternoon (chrono reads 3 a.m. the next day).
    const want pm = {"1點pm到3點", "2019-03-20T13/2019-03-20T15:00:00", ZN_DATE_RANGE,
                     ZN_DATE_REFERENCE};
    check("1點pm到3點", "2019-03-20", &pm, 1);
}

static void test_dates_count_ranges_of_the_law(void **state)
{
    (void)state;
    // 以上 then 以下: one range of durations (sentences of Chinese criminal law).
    const want w = {"三年以上七年以下", "P3Y/P7Y", ZN_DATE_DURATION, ZN_DATE_EXPLICIT};
    check("处三年以上七年以下有期徒刑", NULL, &w, 1);
    const want hant = {"十年以上、十五年以下", "P10Y/P15Y", ZN_DATE_DURATION, ZN_DATE_EXPLICIT};
    check("處十年以上、十五年以下有期徒刑", NULL, &hant, 1);
    // 以上 alone stays open.
    const want open = {"五年以上", "P5Y/..", ZN_DATE_DURATION, ZN_DATE_EXPLICIT};
    check("五年以上，刑期", NULL, &open, 1);
}

static void test_dates_taiwan_and_hong_kong_forms(void **state)
{
    (void)state;
    const char *ref = "2019-03-20 09:15:00";
    // Taiwan news: the day in brackets after 今 昨 明.
    const want w[] = {
        {"今（20）日", "2019-03-20", ZN_DATE_DAY, ZN_DATE_REFERENCE},
        {"昨（19）日晚間", "2019-03-19T22", ZN_DATE_TIME, ZN_DATE_REFERENCE},
    };
    check("立法院今（20）日表決，昨（19）日晚間協商", ref, w, 2);
    // The figure wins where the word and the figure disagree; across a month's end.
    const want end = {"昨（31）日", "2019-05-31", ZN_DATE_DAY, ZN_DATE_REFERENCE};
    check("昨（31）日", "2019-06-01", &end, 1);
    const want from = {"明（1）日起", "2019-06-01/..", ZN_DATE_RANGE, ZN_DATE_REFERENCE};
    check("明（1）日起實施", "2019-05-31", &from, 1);
    const want bare = {"今（20）日", "XXXX-XX-20", ZN_DATE_DAY, ZN_DATE_EXPLICIT};
    check("今（20）日", NULL, &bare, 1);
    // Cantonese 月尾 / 年尾 for 月底 / 年底.
    const want month = {"今個月尾", "2019-03-25/2019-03-31", ZN_DATE_RANGE, ZN_DATE_REFERENCE};
    check("今個月尾交貨", ref, &month, 1);
    const want year = {"2018年尾", "2018-11/2018-12", ZN_DATE_RANGE, ZN_DATE_EXPLICIT};
    check("2018年尾", ref, &year, 1);
    check("故事結尾", ref, NULL, 0);
    // 農曆新年 is 春節; 農曆年底 is no New Year.
    const want lny = {"農曆新年", "2019-02-05", ZN_DATE_DAY, ZN_DATE_REFERENCE};
    check("農曆新年", ref, &lny, 1);
    const want ye = {"年底", "2019-11/2019-12", ZN_DATE_RANGE, ZN_DATE_REFERENCE};
    check("農曆年底", ref, &ye, 1);
    // 半夜 alone is one hour.
    const want night = {"半夜", "2019-03-20T23", ZN_DATE_TIME, ZN_DATE_REFERENCE};
    check("半夜", ref, &night, 1);
}

static void test_dates_conventions_allocation_failures(void **state)
{
    (void)state;
    zn_date_options o = dates_ref_opts("2019-03-20 01:30:00", ZN_DATE_REGION_AUTO);
    zn_date_list list = dates_alloc_loop("聽日晏晝，9月10號，11號都休館，三日之內答覆", &o);
    assert_int_equal(list.count, 4);
    assert_string_equal(list.items[0].value, "2019-03-20T15");
    assert_string_equal(list.items[3].value, "2019-03-23");
    zn_date_list_clear(&list);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dates_deadlines_are_points),
        cmocka_unit_test(test_dates_part_of_day_alone),
        cmocka_unit_test(test_dates_tomorrow_in_the_small_hours),
        cmocka_unit_test(test_dates_lists_and_joined_forms),
        cmocka_unit_test(test_dates_repeats_and_until_today),
        cmocka_unit_test(test_dates_count_ranges_of_the_law),
        cmocka_unit_test(test_dates_taiwan_and_hong_kong_forms),
        cmocka_unit_test(test_dates_conventions_allocation_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
