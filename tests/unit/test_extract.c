/* SPDX-License-Identifier: MIT
 * Unit tests for the entity extractor (src/extract/entity_*): grammar, people, lists,
 * aliases, generic phrases, errors and allocation failures. Text alone, no lexicon or
 * tagger, plus a few runs with tokenizer words given by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "support_entities.h"
#include "zhnews/extract.h"

static zn_entities *run_text(const char *s)
{
    zn_extract_input in = {.text = s, .len = strlen(s)};
    zn_entities *e = NULL;
    zn_error err;
    assert_int_equal(zn_entities_extract(&e, &in, &err), ZN_OK);
    assert_non_null(e);
    return e;
}

// Entity i has this type, name, and (start, end) of its first mention in bytes.
static const zn_entity *expect(const zn_entities *e, size_t i, zn_entity_type type,
                               const char *name)
{
    const zn_entity *it = zn_entities_get(e, i);
    assert_non_null(it);
    assert_string_equal(it->name, name);
    assert_string_equal(zn_entity_type_name(it->type), zn_entity_type_name(type));
    return it;
}

static void test_type_names(void **state)
{
    (void)state;
    assert_string_equal(zn_entity_type_name(ZN_ENTITY_COMPANY), "company");
    assert_string_equal(zn_entity_type_name(ZN_ENTITY_PLACE), "place");
    assert_string_equal(zn_entity_type_name((zn_entity_type)99), "unknown");
}

static void test_branch_and_role_from_apposition(void **state)
{
    (void)state;
    const char *s = "香港中文大學(深圳)副校長羅智泉介紹說,羅智泉說";
    zn_entities *e = run_text(s);
    assert_int_equal(zn_entities_count(e), 2);
    const zn_entity *u = expect(e, 0, ZN_ENTITY_UNIVERSITY, "香港中文大學(深圳)");
    assert_int_equal(u->n_mentions, 1);
    assert_int_equal(u->mentions[0].start, 0);
    assert_int_equal(u->mentions[0].end, strlen("香港中文大學(深圳)"));
    const zn_entity *p = expect(e, 1, ZN_ENTITY_PERSON, "羅智泉");
    assert_int_equal(p->n_roles, 1);
    assert_string_equal(p->roles[0], "副校長");
    assert_int_equal(p->n_mentions, 2);
    size_t n;
    const zn_entity_mention *m = zn_entities_mentions(e, &n);
    assert_int_equal(n, 3);
    assert_int_equal(m[2].entity, 1);
    zn_entities_free(e);
}

static void test_byline_people_and_roles(void **state)
{
    (void)state;
    zn_entities *e = run_text("本報記者 戴春晨 實習生 郭倩倩 深圳報道");
    assert_int_equal(zn_entities_count(e), 2);
    assert_string_equal(expect(e, 0, ZN_ENTITY_PERSON, "戴春晨")->roles[0], "記者");
    assert_string_equal(expect(e, 1, ZN_ENTITY_PERSON, "郭倩倩")->roles[0], "實習生");
    zn_entities_free(e);
}

static void test_list_abbreviation_case_and_containment(void **state)
{
    (void)state;
    zn_entities *e = run_text("互聯網巨頭ATJ(阿里巴巴、騰訊、京東)合作。京東集團將與騰訊AI Lab簽約,"
                              "騰訊AI lab表示歡迎");
    assert_int_equal(zn_entities_count(e), 5);
    const zn_entity *atj = expect(e, 0, ZN_ENTITY_COMPANY, "ATJ");
    assert_int_equal(atj->n_aliases, 3);
    assert_string_equal(atj->aliases[0], "阿里巴巴");
    assert_string_equal(atj->aliases[1], "騰訊");
    assert_string_equal(atj->aliases[2], "京東");
    expect(e, 1, ZN_ENTITY_COMPANY, "阿里巴巴");
    expect(e, 2, ZN_ENTITY_COMPANY, "騰訊");
    const zn_entity *jd = expect(e, 3, ZN_ENTITY_COMPANY, "京東");
    assert_int_equal(jd->n_aliases, 1);
    assert_string_equal(jd->aliases[0], "京東集團");
    const zn_entity *lab = expect(e, 4, ZN_ENTITY_LAB, "騰訊AI Lab");
    assert_int_equal(lab->n_aliases, 1);
    assert_string_equal(lab->aliases[0], "騰訊AI lab");
    assert_int_equal(lab->n_mentions, 2);
    zn_entities_free(e);
}

static void test_traditional_and_simplified_are_one_entity(void **state)
{
    (void)state;
    zn_entities *e = run_text("香港中文大學與香港中文大学");
    assert_int_equal(zn_entities_count(e), 1);
    const zn_entity *u = expect(e, 0, ZN_ENTITY_UNIVERSITY, "香港中文大學");
    assert_int_equal(u->n_aliases, 1);
    assert_string_equal(u->aliases[0], "香港中文大学");
    assert_int_equal(u->n_mentions, 2);
    zn_entities_free(e);
}

static void test_declared_short_name(void **state)
{
    (void)state;
    zn_entities *e = run_text("華南科技股份有限公司(以下簡稱「華南科技」)宣佈,華南科技將擴產");
    assert_int_equal(zn_entities_count(e), 1);
    const zn_entity *c = expect(e, 0, ZN_ENTITY_COMPANY, "華南科技");
    assert_int_equal(c->n_aliases, 1);
    assert_string_equal(c->aliases[0], "華南科技股份有限公司");
    assert_int_equal(c->n_mentions, 3);
    zn_entities_free(e);
}

static void test_generic_phrases_are_not_entities(void **state)
{
    (void)state;
    zn_entities *e = run_text("該聯合實驗室由雙方共建,是一流高校的重點實驗室");
    assert_int_equal(zn_entities_count(e), 0);
    size_t n = 7;
    assert_null(zn_entities_mentions(e, &n));
    assert_int_equal(n, 0);
    zn_entities_free(e);
}

static void test_tokens_give_places_and_list_types(void **state)
{
    (void)state;
    // 中美/ns 兩國 ; 催生了 大疆創新、商湯科技 等 企業
    const char *s = "中美兩國催生了大疆創新、商湯科技等企業";
    zn_token t[] = {
        {0, 6, "ns", 0},   {6, 12, "m", 0},   {12, 18, "v", 0},  {18, 21, "ul", 0},
        {21, 27, "nz", 0}, {27, 33, "v", 0},  {33, 36, "x", 0},  {36, 42, "nz", 0},
        {42, 48, "n", 0},  {48, 51, "u", 0},  {51, 57, "n", 0},
    };
    zn_extract_input in = {.text = s, .len = strlen(s), .tokens = t,
                           .n_tokens = sizeof t / sizeof t[0]};
    zn_entities *e = NULL;
    assert_int_equal(zn_entities_extract(&e, &in, NULL), ZN_OK);
    assert_int_equal(zn_entities_count(e), 4);
    expect(e, 0, ZN_ENTITY_PLACE, "中");
    expect(e, 1, ZN_ENTITY_PLACE, "美");
    expect(e, 2, ZN_ENTITY_COMPANY, "大疆創新");
    expect(e, 3, ZN_ENTITY_COMPANY, "商湯科技");
    zn_entities_free(e);
}

// Tagger words by hand: byte spans and LAC tags.
static zn_entities *run_tagged(const char *s, const zn_tag_word *w, size_t n)
{
    zn_extract_input in = {.text = s, .len = strlen(s), .tags = w, .n_tags = n};
    zn_entities *e = NULL;
    assert_int_equal(zn_entities_extract(&e, &in, NULL), ZN_OK);
    return e;
}

static void test_run_of_names_is_cut_into_people(void **state)
{
    (void)state;
    // 出席的有张建国李明华 — the tagger gives the two names as one person
    const char *s = "出席的有张建国李明华";
    zn_tag_word w[] = {
        {{0, 6}, 0, 2, "v", ZN_TAG_ENTITY_NONE}, {{6, 9}, 2, 1, "u", ZN_TAG_ENTITY_NONE},
        {{9, 12}, 3, 1, "v", ZN_TAG_ENTITY_NONE}, {{12, 30}, 4, 6, "PER", ZN_TAG_ENTITY_PER},
    };
    zn_entities *e = run_tagged(s, w, 4);
    assert_int_equal(zn_entities_count(e), 2);
    expect(e, 0, ZN_ENTITY_PERSON, "张建国");
    expect(e, 1, ZN_ENTITY_PERSON, "李明华");
    zn_entities_free(e);
    // a transliterated name stays whole
    const char *t = "普里马科夫说";
    zn_tag_word v[] = {
        {{0, 15}, 0, 5, "PER", ZN_TAG_ENTITY_PER}, {{15, 18}, 5, 1, "v", ZN_TAG_ENTITY_NONE},
    };
    e = run_tagged(t, v, 2);
    assert_int_equal(zn_entities_count(e), 1);
    expect(e, 0, ZN_ENTITY_PERSON, "普里马科夫");
    zn_entities_free(e);
    // a name joined by the middle dot stays whole
    const char *u = "弗里德里克·泰勒认为";
    zn_tag_word x[] = {
        {{0, 23}, 0, 8, "PER", ZN_TAG_ENTITY_PER}, {{23, 29}, 8, 2, "v", ZN_TAG_ENTITY_NONE},
    };
    e = run_tagged(u, x, 2);
    assert_int_equal(zn_entities_count(e), 1);
    const zn_entity *p = expect(e, 0, ZN_ENTITY_PERSON, "弗里德里克·泰勒");
    assert_int_equal(p->mentions[0].end, 23);
    zn_entities_free(e);
}

static void test_congress_gazetteer_and_government(void **state)
{
    (void)state;
    // 第九届全国人民代表大会 ; 国务院 ; 美国政府 ; 十五大
    const char *s = "第九届全国人民代表大会与国务院和美国政府谈十五大";
    zn_tag_word w[] = {
        {{0, 9}, 0, 3, "m", ZN_TAG_ENTITY_NONE},
        {{9, 33}, 3, 8, "ORG", ZN_TAG_ENTITY_ORG},
        {{33, 36}, 11, 1, "c", ZN_TAG_ENTITY_NONE},
        {{36, 45}, 12, 3, "ORG", ZN_TAG_ENTITY_ORG},
        {{45, 48}, 15, 1, "c", ZN_TAG_ENTITY_NONE},
        {{48, 54}, 16, 2, "LOC", ZN_TAG_ENTITY_LOC},
        {{54, 60}, 18, 2, "n", ZN_TAG_ENTITY_NONE},
        {{60, 63}, 20, 1, "v", ZN_TAG_ENTITY_NONE},
        {{63, 72}, 21, 3, "m", ZN_TAG_ENTITY_NONE},
    };
    zn_entities *e = run_tagged(s, w, sizeof w / sizeof w[0]);
    assert_int_equal(zn_entities_count(e), 4);
    expect(e, 0, ZN_ENTITY_ORGANIZATION, "第九届全国人民代表大会");
    expect(e, 1, ZN_ENTITY_ORGANIZATION, "国务院");
    expect(e, 2, ZN_ENTITY_PLACE, "美国");
    expect(e, 3, ZN_ENTITY_ORGANIZATION, "十五大");
    zn_entities_free(e);
}

// Odd inputs: every one must come back ZN_OK with a sane result (no crash, no overlap).
static void test_odd_inputs_are_safe(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "(", ")", "ATJ(", "ATJ(、)", "AB(甲、", "（以下簡稱「", "(以下簡稱)", "等企業",
        "、、、等公司",
        "大學", "實驗室實驗室", "記者", "記者 ", "副校長羅", "羅智泉表示", "Lab", " lab lab",
        "十五大", "第九屆", "中美", "   ", "\n\n", "·", "abc def ghi jkl mno pqr stu vwx yz",
        "香港中文大學(深圳", "一二三四五六七八九十百", "深圳市東部",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        zn_entities *e = run_text(texts[i]);
        size_t n;
        const zn_entity_mention *m = zn_entities_mentions(e, &n);
        for (size_t k = 0; k < n; k++) {
            assert_true(m[k].span.start < m[k].span.end);
            assert_true(m[k].span.end <= strlen(texts[i]));
            assert_true(k == 0 || m[k - 1].span.end <= m[k].span.start);
            assert_true(m[k].entity < zn_entities_count(e));
        }
        zn_entities_free(e);
    }
    // the tagger's place 深圳市東部 is the place 深圳市
    zn_tag_word w[] = {
        {{0, 6}, 0, 2, "v", ZN_TAG_ENTITY_NONE}, {{6, 21}, 2, 5, "LOC", ZN_TAG_ENTITY_LOC},
        {{21, 24}, 7, 1, "u", ZN_TAG_ENTITY_NONE}, {{24, 30}, 8, 2, "n", ZN_TAG_ENTITY_NONE},
    };
    zn_entities *e = run_tagged("地處深圳市東部的學校", w, 4);
    assert_int_equal(zn_entities_count(e), 1);
    expect(e, 0, ZN_ENTITY_PLACE, "深圳市");
    zn_entities_free(e);
}

// The code points of s before byte b.
static size_t cps_before(const char *s, size_t b)
{
    size_t n = 0;
    for (size_t i = 0; i < b; i++) {
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    }
    return n;
}

// Every mention's cp_start and cp_end are its byte span counted in code points, after
// characters of one to four bytes, in texts that the scans (up to 512 characters) and the
// chains (longer) index.
static void test_mentions_in_code_points(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "香港中文大學(深圳)副校長羅智泉介紹說,羅智泉說",
        "é 😀 騰訊AI Lab與京東集團合作，Ω北京大學的王小明說，😀😀騰訊AI lab表示",
        "",
    };
    char long_text[4096] = "";
    for (int k = 0; k < 40; k++) { // past 512 characters
        strcat(long_text, k % 3 == 0 ? "😀é北京大學的王小明說，" : "騰訊AI Lab和京東集團。");
    }
    for (size_t i = 0; i < sizeof texts / sizeof texts[0] + 1; i++) {
        const char *t = i < sizeof texts / sizeof texts[0] ? texts[i] : long_text;
        zn_entities *e = run_text(t);
        size_t n;
        const zn_entity_mention *m = zn_entities_mentions(e, &n);
        assert_true(i == 2 ? n == 0 : n >= 3);
        for (size_t k = 0; k < n; k++) {
            assert_int_equal(m[k].cp_start, cps_before(t, m[k].span.start));
            assert_int_equal(m[k].cp_end, cps_before(t, m[k].span.end));
        }
        zn_entities_free(e);
    }
    zn_entities *e = run_text(texts[1]);
    size_t n;
    const zn_entity_mention *m = zn_entities_mentions(e, &n);
    size_t b = (size_t)(strstr(texts[1], "京東集團") - texts[1]);
    size_t k = 0;
    while (k < n && m[k].span.start != b) {
        k++;
    }
    assert_true(k < n);
    assert_int_equal(m[k].cp_start, 13); // after "é 😀 騰訊AI Lab與"
    assert_int_equal(m[k].cp_end, 17);
    zn_entities_free(e);
}

static void test_errors(void **state)
{
    (void)state;
    zn_error err;
    zn_entities *e = (zn_entities *)&err;
    zn_extract_input in = {.text = "\xE5\x85", .len = 2};
    assert_int_equal(zn_entities_extract(&e, &in, &err), ZN_ERR_INVALID_ARG);
    assert_null(e);
    assert_non_null(strstr(err.message, "invalid UTF-8 at byte 0"));
    assert_int_equal(zn_entities_extract(NULL, &in, &err), ZN_ERR_INVALID_ARG);
    assert_int_equal(zn_entities_extract(&e, NULL, &err), ZN_ERR_INVALID_ARG);
    zn_extract_input none = {.text = NULL, .len = 3};
    assert_int_equal(zn_entities_extract(&e, &none, &err), ZN_ERR_INVALID_ARG);
    zn_token bad = {1, 3, "n", 0}; // starts inside 香
    zn_extract_input mid = {.text = "香港", .len = 6, .tokens = &bad, .n_tokens = 1};
    assert_int_equal(zn_entities_extract(&e, &mid, &err), ZN_ERR_INVALID_ARG);
    assert_non_null(strstr(err.message, "not a span of the text"));
    zn_token out = {0, 9, "n", 0};
    zn_extract_input past = {.text = "香港", .len = 6, .tokens = &out, .n_tokens = 1};
    assert_int_equal(zn_entities_extract(&e, &past, &err), ZN_ERR_INVALID_ARG);
    zn_extract_input empty = {.text = NULL, .len = 0};
    assert_int_equal(zn_entities_extract(&e, &empty, &err), ZN_OK);
    assert_int_equal(zn_entities_count(e), 0);
    assert_null(zn_entities_get(e, 0));
    zn_entities_free(e);
    zn_entities_free(NULL);
    assert_int_equal(zn_entities_count(NULL), 0);
}

static void test_allocation_failures(void **state)
{
    (void)state;
    const char *s = "互聯網巨頭ATJ(阿里巴巴、騰訊、京東)合作。京東集團將與香港中文大學(深圳)"
                    "副校長羅智泉表示";
    zn_extract_input in = {.text = s, .len = strlen(s)};
    zn_entities *e = entities_alloc_loop(&in);
    assert_int_equal(zn_entities_count(e), 6);
    zn_entities_free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_type_names),
        cmocka_unit_test(test_branch_and_role_from_apposition),
        cmocka_unit_test(test_byline_people_and_roles),
        cmocka_unit_test(test_list_abbreviation_case_and_containment),
        cmocka_unit_test(test_traditional_and_simplified_are_one_entity),
        cmocka_unit_test(test_declared_short_name),
        cmocka_unit_test(test_generic_phrases_are_not_entities),
        cmocka_unit_test(test_tokens_give_places_and_list_types),
        cmocka_unit_test(test_run_of_names_is_cut_into_people),
        cmocka_unit_test(test_congress_gazetteer_and_government),
        cmocka_unit_test(test_odd_inputs_are_safe),
        cmocka_unit_test(test_mentions_in_code_points),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
