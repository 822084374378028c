/* SPDX-License-Identifier: MIT
 * Unit tests for the date finder (zn_dates_find): absolute, ROC, relative and anaphoric
 * dates, times, periods, ranges, festivals, in Traditional and Simplified; the contract's
 * errors and an allocation-failure loop. Sentences are our own. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <string.h>

#include "extract/valid_text.h"
#include "util/alloc.h"
#include "support_dates.h"
#include "zhnews/dates.h"


static zn_date_options ref_opts(const char *ref, zn_date_region region)
{
    return dates_ref_opts(ref, region);
}

static void check(const char *text, const zn_date_options *o, const want *w, size_t n)
{
    dates_check(text, o, w, n);
}

static void check_one(const char *text, const zn_date_options *o, const char *value,
                      zn_date_granularity gran, zn_date_source src)
{
    want w = {text, value, gran, src};
    check(text, o, &w, 1);
}

static void test_dates_article_anaphora_traditional(void **state)
{
    (void)state;
    zn_date_options o = ref_opts("2018-06-13", ZN_DATE_REGION_AUTO);
    const char *text = "6月12日，兩校在深圳簽約。當日下午3點舉行揭牌儀式，6月15日再訪。";
    const want w[] = {
        {"6月12日", "2018-06-12", ZN_DATE_DAY, ZN_DATE_REFERENCE},
        {"當日下午3點", "2018-06-12T15", ZN_DATE_TIME, ZN_DATE_CONTEXT},
        {"6月15日", "2018-06-15", ZN_DATE_DAY, ZN_DATE_REFERENCE},
    };
    check(text, &o, w, 3);
}

static void test_dates_without_reference_stay_partial(void **state)
{
    (void)state;
    const char *text = "5月25日三方宣布合作，同日簽署協議；次日公布。";
    const want w[] = {
        {"5月25日", "XXXX-05-25", ZN_DATE_DAY, ZN_DATE_EXPLICIT},
        {"同日", "XXXX-05-25", ZN_DATE_DAY, ZN_DATE_CONTEXT},
        {"次日", "XXXX-XX-XX", ZN_DATE_DAY, ZN_DATE_EXPLICIT},
    };
    check(text, NULL, w, 3);
    check_one("昨天", NULL, "XXXX-XX-XX", ZN_DATE_DAY, ZN_DATE_EXPLICIT);
}

static void test_dates_next_day_follows_the_context(void **state)
{
    (void)state;
    zn_date_options o = ref_opts("2020-01-05", ZN_DATE_REGION_AUTO);
    const char *text = "展覽於2019年12月31日開幕，次日起免費。";
    const want w[] = {
        {"2019年12月31日", "2019-12-31", ZN_DATE_DAY, ZN_DATE_EXPLICIT},
        {"次日起", "2020-01-01/2020-01-05", ZN_DATE_RANGE, ZN_DATE_CONTEXT},
    };
    check(text, &o, w, 2);
}

static void test_dates_days_and_times_follow_the_date_before(void **state)
{
    (void)state;
    zn_date_options o = ref_opts("2018-06-13", ZN_DATE_REGION_AUTO);
    const char *text = "2017年3月5日開幕，8日閉幕，晚上8點頒獎；9月10日、11日再展。";
    const want w[] = {
        {"2017年3月5日", "2017-03-05", ZN_DATE_DAY, ZN_DATE_EXPLICIT},
        {"8日", "2017-03-08", ZN_DATE_DAY, ZN_DATE_CONTEXT},
        {"晚上8點", "2017-03-08T20", ZN_DATE_TIME, ZN_DATE_CONTEXT},
        {"9月10日", "2018-09-10", ZN_DATE_DAY, ZN_DATE_REFERENCE},
        {"11日", "2018-09-11", ZN_DATE_DAY, ZN_DATE_CONTEXT},
    };
    check(text, &o, w, 5);
}

static void test_dates_roc_years(void **state)
{
    (void)state;
    zn_date_options any = ref_opts(NULL, ZN_DATE_REGION_AUTO);
    check_one("民國107年6月12日", &any, "2018-06-12", ZN_DATE_DAY, ZN_DATE_EXPLICIT);
    check_one("民國元年", &any, "1912", ZN_DATE_YEAR, ZN_DATE_EXPLICIT);
    check_one("107年6月", &any, "2018-06", ZN_DATE_MONTH, ZN_DATE_EXPLICIT);
    zn_date_options tw = ref_opts(NULL, ZN_DATE_REGION_TAIWAN);
    check_one("107/06/12", &tw, "2018-06-12", ZN_DATE_DAY, ZN_DATE_EXPLICIT);
    check_one("109年", &tw, "2020", ZN_DATE_YEAR, ZN_DATE_EXPLICIT);
    zn_date_options cn = ref_opts(NULL, ZN_DATE_REGION_MAINLAND);
    check_one("公元107年", &cn, "0107", ZN_DATE_YEAR, ZN_DATE_EXPLICIT);
    check("107/06/12", &any, NULL, 0);
}

static void test_dates_absolute_forms(void **state)
{
    (void)state;
    zn_date_options o = ref_opts(NULL, ZN_DATE_REGION_AUTO);
    check_one("二〇一八年六月十二日", &o, "2018-06-12", ZN_DATE_DAY, ZN_DATE_EXPLICIT);
    check_one("二零一八年六月十二號", &o, "2018-06-12", ZN_DATE_DAY, ZN_DATE_EXPLICIT);
    check_one("2018/6/12", &o, "2018-06-12", ZN_DATE_DAY, ZN_DATE_EXPLICIT);
    check_one("2018.6.12", &o, "2018-06-12", ZN_DATE_DAY, ZN_DATE_EXPLICIT);
    check_one("２０１８－０６－１２", &o, "2018-06-12", ZN_DATE_DAY, ZN_DATE_EXPLICIT);
    check_one("20180612", &o, "2018-06-12", ZN_DATE_DAY, ZN_DATE_EXPLICIT);
    check_one("2018年6月", &o, "2018-06", ZN_DATE_MONTH, ZN_DATE_EXPLICIT);
    check_one("2018-06-12T10:30:15+08:00", &o, "2018-06-12T10:30:15+08:00", ZN_DATE_TIME,
              ZN_DATE_EXPLICIT);
}

static void test_dates_relative_traditional_and_simplified(void **state)
{
    (void)state;
    zn_date_options o = ref_opts("2018-06-13", ZN_DATE_REGION_AUTO); // a Wednesday
    check_one("上週五", &o, "2018-06-08", ZN_DATE_DAY, ZN_DATE_REFERENCE);
    check_one("上周五", &o, "2018-06-08", ZN_DATE_DAY, ZN_DATE_REFERENCE);
    check_one("下個禮拜三", &o, "2018-06-20", ZN_DATE_DAY, ZN_DATE_REFERENCE);
    check_one("星期日", &o, "2018-06-17", ZN_DATE_DAY, ZN_DATE_REFERENCE);
    check_one("兩週後", &o, "2018-06-27", ZN_DATE_DAY, ZN_DATE_REFERENCE);
    check_one("两周后", &o, "2018-06-27", ZN_DATE_DAY, ZN_DATE_REFERENCE);
    check_one("3天前", &o, "2018-06-10", ZN_DATE_DAY, ZN_DATE_REFERENCE);
    check_one("去年底", &o, "2017-11/2017-12", ZN_DATE_RANGE, ZN_DATE_REFERENCE);
    check_one("明年", &o, "2019", ZN_DATE_YEAR, ZN_DATE_REFERENCE);
    check_one("下個月", &o, "2018-07", ZN_DATE_MONTH, ZN_DATE_REFERENCE);
    check_one("本月12日", &o, "2018-06-12", ZN_DATE_DAY, ZN_DATE_REFERENCE);
    check_one("前天", &o, "2018-06-11", ZN_DATE_DAY, ZN_DATE_REFERENCE);
    check_one("下週", &o, "2018-06-18/2018-06-24", ZN_DATE_WEEK, ZN_DATE_REFERENCE);
    check_one("今明兩天", &o, "2018-06-13/2018-06-14", ZN_DATE_RANGE, ZN_DATE_REFERENCE);
    check_one("今明兩年", &o, "2018/2019", ZN_DATE_RANGE, ZN_DATE_REFERENCE);
}

static void test_dates_times_of_day(void **state)
{
    (void)state;
    zn_date_options o = ref_opts("2018-06-13", ZN_DATE_REGION_AUTO);
    check_one("晚間8點", &o, "2018-06-13T20", ZN_DATE_TIME, ZN_DATE_REFERENCE);
    check_one("下午三點半", &o, "2018-06-13T15:30", ZN_DATE_TIME, ZN_DATE_REFERENCE);
    check_one("上午10時30分", &o, "2018-06-13T10:30", ZN_DATE_TIME, ZN_DATE_REFERENCE);
    check_one("昨晚11點45分", &o, "2018-06-12T23:45", ZN_DATE_TIME, ZN_DATE_REFERENCE);
    check_one("6月12日10:30", &o, "2018-06-12T10:30", ZN_DATE_TIME, ZN_DATE_REFERENCE);
    zn_date_options none = ref_opts(NULL, ZN_DATE_REGION_AUTO);
    check_one("晚上8點", &none, "T20", ZN_DATE_TIME, ZN_DATE_EXPLICIT);
    check_one("凌晨", &o, "2018-06-13T00/2018-06-13T05", ZN_DATE_TIME, ZN_DATE_REFERENCE);
    check_one("下午 3 點至 5 點", &o, "2018-06-13T15/2018-06-13T17:00:00", ZN_DATE_RANGE,
              ZN_DATE_REFERENCE);
    check("共 3 點建議", &o, NULL, 0);
    // a dash after a clock time starts the end of a range, not a time zone
    check_one("10:30-11:30", &o, "2018-06-13T10:30/2018-06-13T11:30", ZN_DATE_RANGE,
              ZN_DATE_REFERENCE);
}

static void test_dates_numbers_that_are_not_times(void **state)
{
    (void)state;
    zn_date_options o = ref_opts("2018-06-13", ZN_DATE_REGION_AUTO);
    check("股價上漲二十七點三元", &o, NULL, 0);
    check("氣溫調高3點5度", &o, NULL, 0);
    check("一日之計在於晨", &o, NULL, 0);
    check("編號2018061299", &o, NULL, 0);
    check("黎明主演", &o, NULL, 0);
    check("有一點累", &o, NULL, 0);
    check("提出兩點意見", &o, NULL, 0);
    check("第一天", &o, NULL, 0);
    check("百年老店", &o, NULL, 0);
    check("地鐵1號線", &o, NULL, 0);
    check("成立五週年", &o, NULL, 0);
    check("三年級學生", &o, NULL, 0);
    check("兌換5日元", &o, NULL, 0);
    check_one("三點鐘", &o, "2018-06-13T03", ZN_DATE_TIME, ZN_DATE_REFERENCE);
}

static void test_dates_periods(void **state)
{
    (void)state;
    zn_date_options o = ref_opts("2018-06-13", ZN_DATE_REGION_AUTO);
    check_one("2018年上半年", &o, "2018-01/2018-06", ZN_DATE_RANGE, ZN_DATE_EXPLICIT);
    check_one("第二季度", &o, "2018-04/2018-06", ZN_DATE_QUARTER, ZN_DATE_REFERENCE);
    check_one("2017年第四季", &o, "2017-10/2017-12", ZN_DATE_QUARTER, ZN_DATE_EXPLICIT);
    check_one("6月中旬", &o, "2018-06-11/2018-06-20", ZN_DATE_RANGE, ZN_DATE_REFERENCE);
    check_one("上世紀90年代", &o, "1990/1999", ZN_DATE_RANGE, ZN_DATE_EXPLICIT);
    check_one("19世紀", &o, "1800/1899", ZN_DATE_RANGE, ZN_DATE_EXPLICIT);
    check_one("今年前5個月", &o, "2018-01/2018-05", ZN_DATE_RANGE, ZN_DATE_REFERENCE);
    check_one("1-5月", &o, "2018-01/2018-05", ZN_DATE_RANGE, ZN_DATE_REFERENCE);
}

static void test_dates_ranges(void **state)
{
    (void)state;
    zn_date_options o = ref_opts("2018-06-13", ZN_DATE_REGION_AUTO);
    check_one("6月12日至15日", &o, "2018-06-12/2018-06-15", ZN_DATE_RANGE, ZN_DATE_REFERENCE);
    check_one("6月12日－15日", &o, "2018-06-12/2018-06-15", ZN_DATE_RANGE, ZN_DATE_REFERENCE);
    check_one("2017年至2018年", &o, "2017/2018", ZN_DATE_RANGE, ZN_DATE_EXPLICIT);
    check_one("晚上11點至凌晨2點", &o, "2018-06-13T23/2018-06-14T02:00:00", ZN_DATE_RANGE,
              ZN_DATE_REFERENCE);
    check_one("從去年3月起", &o, "2017-03/2018-06-13", ZN_DATE_RANGE, ZN_DATE_REFERENCE);
    check_one("12月25日到1月1日", &o, "2018-12-25/2019-01-01", ZN_DATE_RANGE,
              ZN_DATE_REFERENCE);
}

static void test_dates_festivals_need_a_year(void **state)
{
    (void)state;
    zn_date_options o = ref_opts(NULL, ZN_DATE_REGION_AUTO);
    check_one("2018年春節", &o, "2018-02-16", ZN_DATE_DAY, ZN_DATE_EXPLICIT);
    check_one("2018年中秋節", &o, "2018-09-24", ZN_DATE_DAY, ZN_DATE_EXPLICIT);
    check_one("2020年農曆閏四月初一", &o, "2020-05-23", ZN_DATE_DAY, ZN_DATE_EXPLICIT);
    check_one("中秋節", &o, "XXXX-XX-XX", ZN_DATE_DAY, ZN_DATE_EXPLICIT);
    zn_date_options tw = ref_opts("2018-06-13", ZN_DATE_REGION_TAIWAN);
    check_one("國慶日", &tw, "2018-10-10", ZN_DATE_DAY, ZN_DATE_REFERENCE);
    zn_date_options cn = ref_opts("2018-06-13", ZN_DATE_REGION_MAINLAND);
    check_one("国庆节", &cn, "2018-10-01", ZN_DATE_DAY, ZN_DATE_REFERENCE);
    check_one("除夕晚上8點", &cn, "2019-02-04T20", ZN_DATE_TIME, ZN_DATE_REFERENCE);
}

static void test_dates_durations_and_vague_words(void **state)
{
    (void)state;
    zn_date_options o = ref_opts("2018-06-13", ZN_DATE_REGION_AUTO);
    check_one("三天", &o, "P3D", ZN_DATE_DURATION, ZN_DATE_EXPLICIT);
    check_one("兩年半", &o, "P2.5Y", ZN_DATE_DURATION, ZN_DATE_EXPLICIT);
    check_one("五日內", &o, "2018-06-18", ZN_DATE_DAY, ZN_DATE_REFERENCE);
    check("近年來經濟成長", &o, NULL, 0);
    o.vague = true;
    const want w[] = {{"近年來", "", ZN_DATE_VAGUE, ZN_DATE_EXPLICIT}};
    check("近年來經濟成長", &o, w, 1);
}

static void test_dates_solar_terms_and_seasons(void **state)
{
    (void)state;
    zn_date_options o = ref_opts(NULL, ZN_DATE_REGION_AUTO);
    check_one("2019年清明節", &o, "2019-04-05", ZN_DATE_DAY, ZN_DATE_EXPLICIT);
    check_one("2020年冬至", &o, "2020-12-21", ZN_DATE_DAY, ZN_DATE_EXPLICIT);
    check_one("2018年春季", &o, "2018-02-04/2018-05-04", ZN_DATE_RANGE, ZN_DATE_EXPLICIT);
    const want w[] = {{"2022年", "2022", ZN_DATE_YEAR, ZN_DATE_EXPLICIT}};
    check("2022年冬奧會開幕", &o, w, 1);
}

static void test_dates_counts_from_the_reference(void **state)
{
    (void)state;
    zn_date_options o = ref_opts("2018-06-13 09:30:20", ZN_DATE_REGION_AUTO);
    check_one("10分鐘前", &o, "2018-06-13T09:20:20", ZN_DATE_TIME, ZN_DATE_REFERENCE);
    check_one("近三年", &o, "2015-06-13/2018-06-13T09:30:20", ZN_DATE_RANGE,
              ZN_DATE_REFERENCE);
    check_one("三年多來", &o, "2015/2018-06-13T09:30:20", ZN_DATE_RANGE, ZN_DATE_REFERENCE);
    // 三四天 is three or four days: the far end is only as exact as a day
    check_one("未來三四天", &o, "2018-06-13T09:30:20/2018-06-16", ZN_DATE_RANGE,
              ZN_DATE_REFERENCE);
    // five working days from Wednesday skip the weekend
    check_one("5個工作日內", &o, "2018-06-20", ZN_DATE_DAY, ZN_DATE_REFERENCE);
    check_one("3個半小時", &o, "PT3.5H", ZN_DATE_DURATION, ZN_DATE_EXPLICIT);
    check_one("30年以上", &o, "P30Y/..", ZN_DATE_DURATION, ZN_DATE_EXPLICIT);
    // a day the reference month lacks is the previous month's
    check_one("31日", &o, "2018-05-31", ZN_DATE_DAY, ZN_DATE_REFERENCE);
}

static void test_dates_offsets_are_bytes(void **state)
{
    (void)state;
    zn_date_list list;
    zn_date_list_init(&list);
    const char *text = "ab 6月12日";
    assert_int_equal(zn_dates_find(text, strlen(text), NULL, &list, NULL), ZN_OK);
    assert_int_equal(list.count, 1);
    assert_int_equal(list.items[0].start, 3);
    assert_int_equal(list.items[0].end, strlen(text));
    // a second call replaces the contents
    assert_int_equal(zn_dates_find("", 0, NULL, &list, NULL), ZN_OK);
    assert_int_equal(list.count, 0);
    zn_date_list_clear(&list);
    zn_date_list_clear(NULL);
}

static void test_dates_long_text_goes_in_pieces(void **state)
{
    (void)state;
    // Past 64 KiB the text is read in pieces cut at line breaks: the context and the byte
    // offsets carry over.
    zn_date_options o = ref_opts("2018-06-13", ZN_DATE_REGION_AUTO);
    size_t filler = 70000;
    const char *head = "6月12日簽約。\n";
    const char *tail = "\n當日晚上，9月1日再見";
    size_t len = strlen(head) + filler + strlen(tail);
    char *text = test_malloc(len + 1);
    memcpy(text, head, strlen(head));
    memset(text + strlen(head), 'x', filler);
    memcpy(text + strlen(head) + filler, tail, strlen(tail) + 1);
    zn_date_list list;
    zn_date_list_init(&list);
    assert_int_equal(zn_dates_find(text, len, &o, &list, NULL), ZN_OK);
    assert_int_equal(list.count, 3);
    assert_string_equal(list.items[1].value, "2018-06-12T22");
    assert_int_equal(list.items[1].resolved_from, ZN_DATE_CONTEXT);
    assert_int_equal(list.items[2].start, len - strlen("9月1日再見"));
    assert_string_equal(list.items[2].value, "2018-09-01");
    zn_date_list_clear(&list);
    test_free(text);
}

static void test_dates_errors(void **state)
{
    (void)state;
    zn_date_list list;
    zn_date_list_init(&list);
    zn_error err;
    assert_int_equal(zn_dates_find("\xE6\x9C", 2, NULL, &list, &err), ZN_ERR_INVALID_ARG);
    assert_non_null(strstr(err.message, "UTF-8"));
    assert_int_equal(list.count, 0);
    assert_int_equal(zn_dates_find("6月", 4, NULL, NULL, &err), ZN_ERR_INVALID_ARG);
    assert_int_equal(zn_dates_find(NULL, 3, NULL, &list, &err), ZN_ERR_INVALID_ARG);
    zn_date_options o;
    zn_date_options_init(&o);
    o.ref_year = 2018;
    o.ref_month = 13;
    assert_int_equal(zn_dates_find("今天", 6, &o, &list, &err), ZN_ERR_INVALID_ARG);
    assert_non_null(strstr(err.message, "reference"));
    // the entry point for checked text: the same answers, the same argument errors
    assert_int_equal(zn__dates_find_valid("今天", 6, &o, &list, &err), ZN_ERR_INVALID_ARG);
    assert_int_equal(zn__dates_find_valid("6月", 4, NULL, NULL, &err), ZN_ERR_INVALID_ARG);
    static const char text[] = "２０１８年６月１２日，民國107年3月5日下午三點";
    zn_date_list pub;
    zn_date_list_init(&pub);
    assert_int_equal(zn_dates_find(text, strlen(text), NULL, &pub, &err), ZN_OK);
    assert_int_equal(zn__dates_find_valid(text, strlen(text), NULL, &list, &err), ZN_OK);
    assert_int_equal(list.count, 2);
    assert_int_equal(pub.count, list.count);
    for (size_t k = 0; k < list.count; k++) {
        assert_int_equal(list.items[k].start, pub.items[k].start);
        assert_int_equal(list.items[k].end, pub.items[k].end);
        assert_string_equal(list.items[k].value, pub.items[k].value);
    }
    assert_string_equal(list.items[0].value, "2018-06-12");
    assert_string_equal(list.items[1].value, "2018-03-05T15");
    zn_date_list_clear(&pub);
    zn_date_list_clear(&list);
}

// A date found wherever it begins: at the edges of the scanner's 64-character words of
// candidate bits, and as the last character of the text.
static void test_dates_at_word_edges(void **state)
{
    (void)state;
    static const size_t before[] = {0, 1, 62, 63, 64, 65, 127, 128, 200};
    zn_date_list list;
    zn_date_list_init(&list);
    char text[512];
    for (size_t k = 0; k < sizeof before / sizeof before[0]; k++) {
        memset(text, ' ', before[k]); // spaces: a digit right after a letter starts no date
        memcpy(text + before[k], "6月1日", strlen("6月1日") + 1);
        assert_int_equal(zn_dates_find(text, strlen(text), NULL, &list, NULL), ZN_OK);
        assert_int_equal(list.count, 1);
        assert_int_equal(list.items[0].start, before[k]);
        assert_string_equal(list.items[0].value, "XXXX-06-01");
        memset(text, ' ', before[k]); // spaces: a digit right after a letter starts no date
        memcpy(text + before[k], "今天", strlen("今天") + 1); // ends the text
        assert_int_equal(zn_dates_find(text, strlen(text), NULL, &list, NULL), ZN_OK);
        assert_int_equal(list.count, 1);
        assert_int_equal(list.items[0].start, before[k]);
    }
    zn_date_list_clear(&list);
}

static void test_dates_set_ref(void **state)
{
    (void)state;
    zn_date_options o;
    zn_date_options_init(&o);
    zn_error err;
    const char *full = "2012-08-10 08:09:10.011";
    assert_int_equal(zn_date_options_set_ref(&o, full, strlen(full), &err), ZN_OK);
    assert_int_equal(o.ref_year, 2012);
    assert_int_equal(o.ref_second, 10);
    assert_int_equal(zn_date_options_set_ref(&o, "2019-02-18 07", 13, &err), ZN_OK);
    assert_int_equal(o.ref_hour, 7);
    assert_int_equal(o.ref_minute, -1);
    assert_int_equal(zn_date_options_set_ref(&o, "2021", 4, &err), ZN_OK);
    assert_int_equal(o.ref_month, -1);
    assert_int_equal(zn_date_options_set_ref(&o, "2018-02-30", 10, &err), ZN_ERR_INVALID_ARG);
    assert_non_null(strstr(err.message, "2018-02-30"));
    assert_int_equal(o.ref_year, 2021);
    assert_int_equal(zn_date_options_set_ref(&o, "yesterday", 9, &err), ZN_ERR_INVALID_ARG);
    assert_int_equal(zn_date_options_set_ref(&o, NULL, 0, &err), ZN_ERR_INVALID_ARG);
}

static void test_dates_names(void **state)
{
    (void)state;
    assert_string_equal(zn_date_granularity_name(ZN_DATE_QUARTER), "quarter");
    assert_string_equal(zn_date_granularity_name(ZN_DATE_VAGUE), "vague");
    assert_string_equal(zn_date_granularity_name((zn_date_granularity)99), "unknown");
    assert_string_equal(zn_date_source_name(ZN_DATE_CONTEXT), "context");
    assert_string_equal(zn_date_source_name((zn_date_source)7), "unknown");
}

// Threads share nothing but read-only tables: each gets the same answer as one thread alone.
typedef struct thread_job {
    const char *text;
    const zn_date_options *opts;
    char values[64][ZN_DATE_VALUE_MAX];
    size_t count;
    zn_status status;
} thread_job;

static void *run_job(void *arg)
{
    thread_job *job = arg;
    zn_date_list list;
    zn_date_list_init(&list);
    for (int round = 0; round < 50; round++) {
        job->status = zn_dates_find(job->text, strlen(job->text), job->opts, &list, NULL);
    }
    job->count = list.count < 64 ? list.count : 64;
    for (size_t i = 0; i < job->count; i++) {
        memcpy(job->values[i], list.items[i].value, ZN_DATE_VALUE_MAX);
    }
    zn_date_list_clear(&list);
    return NULL;
}

static void test_dates_threads_agree(void **state)
{
    (void)state;
    zn_date_options o = ref_opts("2018-06-13 09:00", ZN_DATE_REGION_TAIWAN);
    const char *text = "民國107年6月12日，上週五、次日與兩週後；2018年中秋節晚上8點，"
                       "第二季度至年底，107/06/12，三天前，6月12日至15日。";
    thread_job jobs[5];
    pthread_t threads[4];
    for (int k = 0; k < 5; k++) {
        memset(&jobs[k], 0, sizeof jobs[k]);
        jobs[k].text = text;
        jobs[k].opts = &o;
    }
    run_job(&jobs[4]);
    assert_int_equal(jobs[4].status, ZN_OK);
    assert_true(jobs[4].count >= 8);
    for (int k = 0; k < 4; k++) {
        assert_int_equal(pthread_create(&threads[k], NULL, run_job, &jobs[k]), 0);
    }
    for (int k = 0; k < 4; k++) {
        assert_int_equal(pthread_join(threads[k], NULL), 0);
        assert_int_equal(jobs[k].status, ZN_OK);
        assert_int_equal(jobs[k].count, jobs[4].count);
        for (size_t i = 0; i < jobs[4].count; i++) {
            assert_string_equal(jobs[k].values[i], jobs[4].values[i]);
        }
    }
}

static void test_dates_allocation_failures(void **state)
{
    (void)state;
    zn_date_options o = ref_opts("2018-06-13", ZN_DATE_REGION_AUTO);
    const char *text = "6月12日、6月13日、6月14日、6月15日、6月16日、6月17日、6月18日、"
                       "6月19日、6月20日，當日";
    zn_date_list list = dates_alloc_loop(text, &o);
    assert_int_equal(list.count, 10);
    assert_string_equal(list.items[9].value, "2018-06-20");
    zn_date_list_clear(&list);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dates_article_anaphora_traditional),
        cmocka_unit_test(test_dates_without_reference_stay_partial),
        cmocka_unit_test(test_dates_next_day_follows_the_context),
        cmocka_unit_test(test_dates_days_and_times_follow_the_date_before),
        cmocka_unit_test(test_dates_roc_years),
        cmocka_unit_test(test_dates_absolute_forms),
        cmocka_unit_test(test_dates_relative_traditional_and_simplified),
        cmocka_unit_test(test_dates_times_of_day),
        cmocka_unit_test(test_dates_numbers_that_are_not_times),
        cmocka_unit_test(test_dates_periods),
        cmocka_unit_test(test_dates_ranges),
        cmocka_unit_test(test_dates_festivals_need_a_year),
        cmocka_unit_test(test_dates_durations_and_vague_words),
        cmocka_unit_test(test_dates_solar_terms_and_seasons),
        cmocka_unit_test(test_dates_counts_from_the_reference),
        cmocka_unit_test(test_dates_offsets_are_bytes),
        cmocka_unit_test(test_dates_long_text_goes_in_pieces),
        cmocka_unit_test(test_dates_errors),
        cmocka_unit_test(test_dates_at_word_edges),
        cmocka_unit_test(test_dates_set_ref),
        cmocka_unit_test(test_dates_names),
        cmocka_unit_test(test_dates_threads_agree),
        cmocka_unit_test(test_dates_allocation_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
