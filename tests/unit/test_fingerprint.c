/* SPDX-License-Identifier: MIT
 * Unit tests for the SimHash fingerprint (src/extract/fingerprint.c) and the near-duplicate
 * grouping of batch summaries (src/batch/dups.c), on our own article pairs: a copy with
 * swapped variant characters, inserted symbols and other punctuation; an article on the same
 * topic in other words; an unrelated one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "batch/batch_int.h"
#include "util/alloc.h"
#include "zhnews/fingerprint.h"
#include "zhnews/zhnews.h"

// An article of our own (Traditional).
static const char original[] =
    "科技公司發表新款電池 續航力提升三成\n"
    "國內一家科技公司今天在台北發表新一代電動機車電池，宣稱續航力比上一代提升三成，充電時間縮短一半。"
    "公司總經理表示，新電池採用自行研發的材料技術，經過兩年測試，已取得多項專利。"
    "他指出，全球電動車市場快速成長，公司計畫明年在南部設立新工廠，預計增加五百個工作機會。"
    "業界人士認為，電池技術是電動車發展的關鍵，這項產品若能順利量產，將有助於提升國內產業的競爭力。"
    "公司也宣布將與大學合作成立研究中心，培養相關人才，並考慮未來進軍海外市場。";

// The same article as a content farm reposts it: look-alike characters (全毬, 技朮, 攷慮),
// inserted symbols, ASCII punctuation and spaces.
static const char farm_copy[] =
    "科技公司發表新款電池★續航力提升三成\n"
    "國內一家科技公司今天在台北發表新一代電動機車電池, 宣稱續航力比上一代提升三成, 充電時間縮短一半."
    "公司總經理表示, 新電池採用自行研發的材料技朮, 經過兩年測試, 已取得多項專利."
    "他指出, 全毬電動車市場快速成長, 公司計畫明年在南部設立新工廠, 預計增加五百個工作機會."
    "業界人士認為, 電池技術是電動車發展的關鍵, 這項產品若能順利量產, 將有助於提升國內產業的競爭力."
    "公司也宣布將與大學合作成立研究中心 ☆ 培養相關人才, 並攷慮未來進軍海外市場.";

// Another article on the same topic, in other words.
static const char same_topic[] =
    "電動車電池需求大增 廠商擴產搶市\n"
    "隨著電動車銷量持續攀升，國內多家電池廠商近日宣布擴大產能。"
    "其中一家業者表示，今年第三季的訂單已經排到明年，新廠房將在中部動工。"
    "分析師指出，電池成本占電動車售價的三到四成，誰能降低成本，誰就能在市場上勝出。"
    "政府也提出補助方案，鼓勵企業投入固態電池等新技術的研究。";

static const char unrelated[] =
    "颱風逼近 氣象局發布海上警報\n"
    "氣象局今天上午發布海上颱風警報，提醒東部及南部海域的船隻注意安全。"
    "預報員表示，颱風暴風圈可能在明天清晨接觸陸地，各地將有豪雨發生的機會。";

static uint64_t fp(const char *s)
{
    return zn_fingerprint(s, strlen(s));
}

static void test_fingerprint_is_deterministic_and_nonzero(void **state)
{
    (void)state;
    assert_true(fp(original) != 0);
    assert_true(fp(original) == fp(original));
    assert_int_equal(zn_fingerprint_distance(fp(original), fp(original)), 0);
}

static void test_fingerprint_ignores_punctuation_spaces_and_symbols(void **state)
{
    (void)state;
    assert_true(fp("全球最大的技術公司") == fp("全球 最大的，技術★公司。"));
    assert_true(fp("AI Lab 2018") == fp("ａｉ－ｌａｂ２０１８"));
}

static void test_fingerprint_groups_a_farm_copy(void **state)
{
    (void)state;
    int d = zn_fingerprint_distance(fp(original), fp(farm_copy));
    assert_int_equal(d, 4); // as the contract says; 0 after the normaliser's repairs
    assert_in_range(d, 0, ZN_FINGERPRINT_NEAR);
    assert_true(zn_fingerprint_is_near(fp(original), fp(farm_copy)));
}

static void test_fingerprint_keeps_other_articles_apart(void **state)
{
    (void)state;
    assert_int_equal(zn_fingerprint_distance(fp(original), fp(same_topic)), 27);
    assert_in_range(zn_fingerprint_distance(fp(original), fp(same_topic)), 16, 64);
    assert_in_range(zn_fingerprint_distance(fp(original), fp(unrelated)), 16, 64);
    assert_in_range(zn_fingerprint_distance(fp(same_topic), fp(unrelated)), 16, 64);
    assert_false(zn_fingerprint_is_near(fp(original), fp(same_topic)));
}

static void test_fingerprint_of_short_texts_is_sensitive(void **state)
{
    (void)state;
    // One look-alike in a headline changes two of its eight features: far apart.
    assert_int_equal(zn_fingerprint_distance(fp("全球最大的技術公司"), fp("全毬最大的技術公司")),
                     11);
}

static void test_fingerprint_without_features_is_zero_and_matches_nothing(void **state)
{
    (void)state;
    assert_true(fp("") == 0);
    assert_true(fp("。，！ ") == 0);
    assert_true(fp("字") == 0);
    assert_true(zn_fingerprint(NULL, 0) == 0);
    assert_false(zn_fingerprint_is_near(0, 0));
    assert_true(zn_fingerprint("\xff\xfe", 2) == 0); // invalid bytes are ignored
}

static void test_fingerprint_hex_round_trip_and_errors(void **state)
{
    (void)state;
    char hex[17];
    assert_string_equal(zn_fingerprint_hex(0x0123456789abcdefull, hex), "0123456789abcdef");
    uint64_t v = 7;
    assert_int_equal(zn_fingerprint_parse("0123456789ABCDEF", 16, &v, NULL), ZN_OK);
    assert_true(v == 0x0123456789abcdefull);
    zn_error err;
    zn_error_init(&err);
    assert_int_equal(zn_fingerprint_parse("0123456789abcdeg", 16, &v, &err), ZN_ERR_INVALID_ARG);
    assert_non_null(strstr(err.message, "position 15"));
    assert_int_equal(zn_fingerprint_parse("0123", 4, &v, &err), ZN_ERR_INVALID_ARG);
    assert_int_equal(zn_fingerprint_parse(NULL, 16, &v, &err), ZN_ERR_INVALID_ARG);
    assert_true(v == 0x0123456789abcdefull); // unchanged on failure
}

static void test_dups_group_near_fingerprints(void **state)
{
    (void)state;
    batch_dup d[6] = {
        {fp(original), NULL}, {fp(same_topic), NULL}, {fp(farm_copy), NULL},
        {0, NULL},            {fp(unrelated), NULL},  {fp(original) ^ 0x8000000000000001ull, NULL},
    };
    size_t group[6];
    assert_int_equal(zn__dups_group(d, 6, group, NULL), ZN_OK);
    assert_int_equal(group[0], 0);
    assert_int_equal(group[1], 1);
    assert_int_equal(group[2], 0);
    assert_int_equal(group[3], 3); // no text: alone
    assert_int_equal(group[4], 4);
    assert_int_equal(group[5], 0); // two bits from the original, in two different blocks
}

static void test_dups_group_allocation_failure(void **state)
{
    (void)state;
    batch_dup d[2] = {{1, NULL}, {1, NULL}};
    size_t group[2];
    zn_error err;
    zn_error_init(&err);
    zn__alloc_fail_after(0);
    zn_status s = zn__dups_group(d, 2, group, &err);
    zn__alloc_fail_after((size_t)-1);
    assert_int_equal(s, ZN_ERR_NOMEM);
    assert_int_equal(zn__dups_group(d, 2, group, &err), ZN_OK);
    assert_int_equal(group[1], 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fingerprint_is_deterministic_and_nonzero),
        cmocka_unit_test(test_fingerprint_ignores_punctuation_spaces_and_symbols),
        cmocka_unit_test(test_fingerprint_groups_a_farm_copy),
        cmocka_unit_test(test_fingerprint_keeps_other_articles_apart),
        cmocka_unit_test(test_fingerprint_of_short_texts_is_sensitive),
        cmocka_unit_test(test_fingerprint_without_features_is_zero_and_matches_nothing),
        cmocka_unit_test(test_fingerprint_hex_round_trip_and_errors),
        cmocka_unit_test(test_dups_group_near_fingerprints),
        cmocka_unit_test(test_dups_group_allocation_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
