/* SPDX-License-Identifier: MIT
 * Unit tests for the date finder (zn_dates_find), fourth file: forms the JioNLP parser
 * reads and we had misread — 過兩天 (from two days on), counts of weeks back from now in
 * whole days (近兩週), 前後 after a date (about it, not before it), minutes in three
 * Chinese characters (八點四十五), the parts of a decade (九十年代後期), 上個世紀, midnight
 * (零時, 今晚零時, 24時, 晚上12點), the last days of a month, 大年初二, 前夕, 109年度. In
 * Traditional and Simplified script. Sentences are our own. */
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

static void test_dates_passing_count(void **state)
{
    (void)state;
    const char *ref = "2020-10-05 14:20:00";
    // 過 + a count at the start of a clause or after 再: from then on.
    const want days = {"過兩天", "2020-10-07/..", ZN_DATE_RANGE, ZN_DATE_REFERENCE};
    check("過兩天我們再談", ref, &days, 1);
    const want months = {"过三个月", "2021-01/..", ZN_DATE_RANGE, ZN_DATE_REFERENCE};
    check("再过三个月，新馆就能开放", ref, &months, 1);
    const want hours = {"過兩個小時", "2020-10-05T16:20:00/..", ZN_DATE_RANGE,
                        ZN_DATE_REFERENCE};
    check("，過兩個小時再打來", ref, &hours, 1);
    // 度過 超過 經過 每過 and 過了: the count alone stays a duration.
    const want two = {"兩天", "P2D", ZN_DATE_DURATION, ZN_DATE_EXPLICIT};
    check("他們在山上度過兩天", ref, &two, 1);
    check("排隊超過兩天", ref, &two, 1);
    check("過了兩天", ref, &two, 1);
    const want two_s = {"两天", "P2D", ZN_DATE_DURATION, ZN_DATE_EXPLICIT};
    check("每过两天换一次水", ref, &two_s, 1);
    // 過幾天: too vague for a day.
    check("過幾天", ref, NULL, 0);
}

static void test_dates_weeks_back_in_days(void **state)
{
    (void)state;
    const char *ref = "2020-10-05 14:20:00";
    const want near = {"近兩週", "2020-09-21/2020-10-05T14:20:00", ZN_DATE_RANGE,
                       ZN_DATE_REFERENCE};
    check("近兩週確診人數下降", ref, &near, 1);
    const want past = {"前三周", "2020-09-14/2020-10-05T14:20:00", ZN_DATE_RANGE,
                       ZN_DATE_REFERENCE};
    check("前三周的销量", ref, &past, 1);
    // forward: whole days up to the day before, as 未來兩個月
    const want next = {"未來兩週", "2020-10-05T14:20:00/2020-10-18", ZN_DATE_RANGE,
                       ZN_DATE_REFERENCE};
    check("未來兩週天氣晴朗", ref, &next, 1);
    // days keep the clock
    const want days = {"近10天", "2020-09-25T14:20:00/2020-10-05T14:20:00", ZN_DATE_RANGE,
                       ZN_DATE_REFERENCE};
    check("近10天", ref, &days, 1);
}

static void test_dates_about_a_date(void **state)
{
    (void)state;
    const char *ref = "2020-10-05 14:20:00";
    const want day = {"11月3日前後", "2020-11-03", ZN_DATE_DAY, ZN_DATE_REFERENCE};
    check("颱風預計11月3日前後登陸", ref, &day, 1);
    const want fest = {"中秋节前后", "2020-10-01", ZN_DATE_DAY, ZN_DATE_REFERENCE};
    check("中秋节前后客流最多", ref, &fest, 1);
    const want year = {"2008年前後", "2008", ZN_DATE_YEAR, ZN_DATE_EXPLICIT};
    check("2008年前後", ref, &year, 1);
    const want hour = {"十點前後", "2020-10-05T10", ZN_DATE_TIME, ZN_DATE_REFERENCE};
    check("十點前後", ref, &hour, 1);
    // 前 alone still closes a span
    const want before = {"11月3日前", "2020-10-05T14:20:00/2020-11-03", ZN_DATE_RANGE,
                         ZN_DATE_REFERENCE};
    check("11月3日前", ref, &before, 1);
}

static void test_dates_clock_minutes_in_words(void **state)
{
    (void)state;
    const char *ref = "2020-10-05 14:20:00";
    const want w = {"晚上八點四十五", "2020-10-05T20:45", ZN_DATE_TIME, ZN_DATE_REFERENCE};
    check("晚上八點四十五集合", ref, &w, 1);
    const want s = {"七点三十二", "2020-10-05T07:32", ZN_DATE_TIME, ZN_DATE_REFERENCE};
    check("七点三十二，列车进站", ref, &s, 1);
    // a number that is no minute: 三點四十萬 is not a time, nor 三點四五 (a decimal)
    check("三點四十萬", ref, NULL, 0);
    check("三點四五", ref, NULL, 0);
}

static void test_dates_decade_parts(void **state)
{
    (void)state;
    const char *ref = "2020-10-05 14:20:00";
    const want late = {"九十年代後期", "1997/1999", ZN_DATE_RANGE, ZN_DATE_EXPLICIT};
    check("九十年代後期", ref, &late, 1);
    const want mid = {"80年代中期", "1984/1986", ZN_DATE_RANGE, ZN_DATE_EXPLICIT};
    check("80年代中期", ref, &mid, 1);
    const want early = {"七十年代初期", "1970/1973", ZN_DATE_RANGE, ZN_DATE_EXPLICIT};
    check("七十年代初期", ref, &early, 1);
    const want last = {"上個世紀60年代末期", "1967/1969", ZN_DATE_RANGE, ZN_DATE_EXPLICIT};
    check("上個世紀60年代末期", ref, &last, 1);
    const want century = {"上个世纪", "1900/1999", ZN_DATE_RANGE, ZN_DATE_REFERENCE};
    check("上个世纪", ref, &century, 1);
}

static void test_dates_midnight(void **state)
{
    (void)state;
    const char *ref = "2020-10-05 14:20:00";
    const want start = {"自今晚零時起", "2020-10-06T00/..", ZN_DATE_RANGE, ZN_DATE_REFERENCE};
    check("新規定自今晚零時起實施", ref, &start, 1);
    const want today = {"今日零时", "2020-10-05T00", ZN_DATE_TIME, ZN_DATE_REFERENCE};
    check("今日零时", ref, &today, 1);
    const want zero = {"零時", "2020-10-05T00", ZN_DATE_TIME, ZN_DATE_REFERENCE};
    check("零時", ref, &zero, 1);
    const want h24 = {"10月31日24時", "2020-11-01T00", ZN_DATE_TIME, ZN_DATE_REFERENCE};
    check("10月31日24時", ref, &h24, 1);
    const want twelve = {"晚上12點半", "2020-10-06T00:30", ZN_DATE_TIME, ZN_DATE_REFERENCE};
    check("晚上12點半", ref, &twelve, 1);
    // 凌晨12點 is the midnight that begins the day
    const want dawn = {"凌晨12點", "2020-10-05T00", ZN_DATE_TIME, ZN_DATE_REFERENCE};
    check("凌晨12點", ref, &dawn, 1);
    // 零點五 is a number, 零點方案 a name
    check("零點五", ref, NULL, 0);
    check("零點方案", ref, NULL, 0);
    // 差 after the hour counts back: 9點差一刻 8:45, 下午3點差10分 14:50
    const want quarter = {"9點差一刻", "2020-10-05T08:45", ZN_DATE_TIME, ZN_DATE_REFERENCE};
    check("9點差一刻", ref, &quarter, 1);
    const want ten = {"下午3点差10分", "2020-10-05T14:50", ZN_DATE_TIME, ZN_DATE_REFERENCE};
    check("下午3点差10分", ref, &ten, 1);
    const want three = {"3點", "2020-10-05T03", ZN_DATE_TIME, ZN_DATE_REFERENCE};
    check("3點差", ref, &three, 1);
    // 過 after the hour counts on; 零 before figures
    const want past = {"十一點過五分", "2020-10-05T11:05", ZN_DATE_TIME, ZN_DATE_REFERENCE};
    check("十一點過五分", ref, &past, 1);
    const want oh = {"8点零5分", "2020-10-05T08:05", ZN_DATE_TIME, ZN_DATE_REFERENCE};
    check("8点零5分", ref, &oh, 1);
}

static void test_dates_small_links(void **state)
{
    (void)state;
    const char *ref = "2020-10-05 14:20:00";
    // 的 between a month and its n-th weekday
    const want nth = {"11月的第二個星期四", "2020-11-12", ZN_DATE_DAY, ZN_DATE_REFERENCE};
    check("11月的第二個星期四", ref, &nth, 1);
    // a range of hours in Chinese figures (兩點 alone is no time)
    const want hours = {"下午兩點到四點", "2020-10-05T14/2020-10-05T16:00:00", ZN_DATE_RANGE,
                        ZN_DATE_REFERENCE};
    check("下午兩點到四點停水", ref, &hours, 1);
    const want bare = {"三点到五点", "2020-10-05T03/2020-10-05T05:00:00", ZN_DATE_RANGE,
                       ZN_DATE_REFERENCE};
    check("三点到五点", ref, &bare, 1);
    check("兩點", ref, NULL, 0);
    // 接下來的 未來的 今後的 before a count: the span from now
    const want next = {"接下來的一週", "2020-10-05T14:20:00/2020-10-11", ZN_DATE_RANGE,
                       ZN_DATE_REFERENCE};
    check("接下來的一週", ref, &next, 1);
    // 頭 as 前 before a count of months; 開始 before the link of a range; 至今 after a count
    const want head = {"今年頭兩個月", "2020-01/2020-02", ZN_DATE_RANGE, ZN_DATE_REFERENCE};
    check("今年頭兩個月", ref, &head, 1);
    const want from = {"从后天开始到下周三", "2020-10-07/2020-10-14", ZN_DATE_RANGE,
                       ZN_DATE_REFERENCE};
    check("从后天开始到下周三", ref, &from, 1);
    const want since = {"五天前至今", "2020-09-30/2020-10-05T14:20:00", ZN_DATE_RANGE,
                        ZN_DATE_REFERENCE};
    check("五天前至今", ref, &since, 1);
    // the end of a range of figures without its year
    const want figs = {"2019.5.29~6.1", "2019-05-29/2019-06-01", ZN_DATE_RANGE,
                       ZN_DATE_EXPLICIT};
    check("展期2019.5.29~6.1", ref, &figs, 1);
    const want slash = {"2019/12/30-1/2", "2019-12-30/2020-01-02", ZN_DATE_RANGE,
                        ZN_DATE_EXPLICIT};
    check("2019/12/30-1/2", ref, &slash, 1);
    // a range of quarters in figures: their months
    const want quarters = {"2019年一至三季度", "2019-01/2019-09", ZN_DATE_RANGE,
                           ZN_DATE_EXPLICIT};
    check("2019年一至三季度", ref, &quarters, 1);
    // 截止到 leads a date as 截至 does
    const want until = {"截止到9月30日", "2020-09-30", ZN_DATE_DAY, ZN_DATE_REFERENCE};
    check("截止到9月30日", ref, &until, 1);
    // a year before the era is no count of years
    check("公元前221年", ref, NULL, 0);
    check("前221年", ref, NULL, 0);
}

static void test_dates_month_edges(void **state)
{
    (void)state;
    const char *ref = "2020-10-05 14:20:00";
    // the last days or months of a month or year
    const want last = {"9月最後兩天", "2020-09-29/2020-09-30", ZN_DATE_RANGE, ZN_DATE_REFERENCE};
    check("9月最後兩天", ref, &last, 1);
    const want after = {"2月后3天", "2020-02-27/2020-02-29", ZN_DATE_RANGE, ZN_DATE_REFERENCE};
    check("2月后3天", ref, &after, 1);
    const want months = {"去年最後兩個月", "2019-11/2019-12", ZN_DATE_RANGE, ZN_DATE_REFERENCE};
    check("去年最後兩個月", ref, &months, 1);
    // 中 after a month at the end of a clause; 中下旬
    const want mid = {"7月中", "2020-07-11/2020-07-20", ZN_DATE_RANGE, ZN_DATE_REFERENCE};
    check("工程預計7月中，完工", ref, &mid, 1);
    const want month = {"7月", "2020-07", ZN_DATE_MONTH, ZN_DATE_REFERENCE};
    check("7月中國出口增長", ref, &month, 1);
    const want late = {"3月中下旬", "2020-03-11/2020-03-31", ZN_DATE_RANGE, ZN_DATE_REFERENCE};
    check("3月中下旬", ref, &late, 1);
    // 三五天: three to five days, not 35
    const want few = {"三五天", "P3D", ZN_DATE_DURATION, ZN_DATE_EXPLICIT};
    check("三五天", ref, &few, 1);
    // 十幾 is ten-odd (the whole number is read); 幾十 is no count at all
    const want odd = {"十幾年前", "2010", ZN_DATE_YEAR, ZN_DATE_REFERENCE};
    check("十幾年前", ref, &odd, 1);
    check("經過幾十年的努力", ref, NULL, 0);
    // 個世紀: a hundred years; 近 before 之久 is "nearly", a length of time
    const want half = {"近半個世紀", "P50Y", ZN_DATE_DURATION, ZN_DATE_EXPLICIT};
    check("持續了近半個世紀之久", ref, &half, 1);
    const want since = {"一個世紀以來", "1920-10-05/2020-10-05T14:20:00", ZN_DATE_RANGE,
                        ZN_DATE_REFERENCE};
    check("一個世紀以來", ref, &since, 1);
    // 近十年來 takes its 來
    const want decade = {"近十年來", "2010-10-05/2020-10-05T14:20:00", ZN_DATE_RANGE,
                         ZN_DATE_REFERENCE};
    check("近十年來，", ref, &decade, 1);
}

static void test_dates_festival_forms(void **state)
{
    (void)state;
    const char *ref = "2020-10-05 14:20:00";
    // 大年初X is the first lunar month (2020: 春節 on 25 January)
    const want second = {"大年初二", "2020-01-26", ZN_DATE_DAY, ZN_DATE_REFERENCE};
    check("大年初二回娘家", ref, &second, 1);
    const want eve = {"聖誕夜", "2020-12-24", ZN_DATE_DAY, ZN_DATE_REFERENCE};
    check("聖誕夜", ref, &eve, 1);
    const want nye = {"跨年夜", "2020-12-31", ZN_DATE_DAY, ZN_DATE_REFERENCE};
    check("跨年夜", ref, &nye, 1);
    // 前夕: the day before (國慶 on 1 October)
    const want before = {"國慶前夕", "2020-09-30", ZN_DATE_DAY, ZN_DATE_REFERENCE};
    check("國慶前夕", ref, &before, 1);
    // 十年前後 is no date, the count stays
    const want count = {"十年", "P10Y", ZN_DATE_DURATION, ZN_DATE_EXPLICIT};
    check("十年前後的變化", ref, &count, 1);
    // 109年度: a year of the ROC (an ROC figure alone stays a count)
    const want fiscal = {"109年度", "2020", ZN_DATE_YEAR, ZN_DATE_EXPLICIT};
    check("109年度預算", ref, &fiscal, 1);
}

static void test_dates_year_de(void **state)
{
    (void)state;
    const char *ref = "2020-10-05 14:20:00";
    // A year, 的, then a month, a period or a festival: one date in the year named
    const want fest = {"2019年的中秋節", "2019-09-13", ZN_DATE_DAY, ZN_DATE_EXPLICIT};
    check("2019年的中秋節", ref, &fest, 1);
    const want month = {"前年的11月", "2018-11", ZN_DATE_MONTH, ZN_DATE_REFERENCE};
    check("前年的11月", ref, &month, 1);
    const want quarter = {"去年的第三季度", "2019-07/2019-09", ZN_DATE_QUARTER,
                          ZN_DATE_REFERENCE};
    check("去年的第三季度", ref, &quarter, 1);
    // a week, 的, then its day
    const want wed = {"上週的週三", "2020-09-30", ZN_DATE_DAY, ZN_DATE_REFERENCE};
    check("上週的週三", ref, &wed, 1);
    // the n-th weekend of a month: its Saturday and Sunday
    const want weekend = {"11月第一個週末", "2020-11-07/2020-11-08", ZN_DATE_WEEK,
                          ZN_DATE_REFERENCE};
    check("11月第一個週末", ref, &weekend, 1);
    // 即日 is the reference day
    const want from = {"從即日起至10月31日", "2020-10-05/2020-10-31", ZN_DATE_RANGE,
                       ZN_DATE_REFERENCE};
    check("從即日起至10月31日", ref, &from, 1);
    // 的 before something else: the year alone
    const want year = {"2019年", "2019", ZN_DATE_YEAR, ZN_DATE_EXPLICIT};
    check("2019年的營收", ref, &year, 1);
}

static void test_dates_jionlp_allocation_failures(void **state)
{
    (void)state;
    zn_date_options o = dates_ref_opts("2020-10-05 14:20:00", ZN_DATE_REGION_AUTO);
    zn_date_list list = dates_alloc_loop("過兩天，近兩週，11月3日前後，今晚零時起", &o);
    assert_int_equal(list.count, 4);
    assert_string_equal(list.items[0].value, "2020-10-07/..");
    assert_string_equal(list.items[1].value, "2020-09-21/2020-10-05T14:20:00");
    assert_string_equal(list.items[2].value, "2020-11-03");
    assert_string_equal(list.items[3].value, "2020-10-06T00/..");
    zn_date_list_clear(&list);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dates_passing_count),
        cmocka_unit_test(test_dates_weeks_back_in_days),
        cmocka_unit_test(test_dates_about_a_date),
        cmocka_unit_test(test_dates_clock_minutes_in_words),
        cmocka_unit_test(test_dates_decade_parts),
        cmocka_unit_test(test_dates_midnight),
        cmocka_unit_test(test_dates_small_links),
        cmocka_unit_test(test_dates_month_edges),
        cmocka_unit_test(test_dates_festival_forms),
        cmocka_unit_test(test_dates_year_de),
        cmocka_unit_test(test_dates_jionlp_allocation_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
