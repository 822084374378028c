/* SPDX-License-Identifier: MIT
 * Unit tests for the entity extractor's short cuts (src/extract/entity_select.c,
 * entity_group.c, entity_result.c, the finders): a line without names, a line with more
 * candidates than one insertion-sorted run, keys compared with and without spaces, rules
 * that jump from one trigger character to the next, scans that visit the positions of keys
 * from bit to bit, and names looked for again, with the name at every offset from the text's
 * start and around the edges of the 64-position words. Text alone. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "support_entities.h"
#include "util/alloc.h"
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

// `pad` full stops, then text, into buf (room for cap bytes).
static void padded(char *buf, size_t cap, size_t pad, const char *text)
{
    size_t at = 0;
    for (size_t k = 0; k < pad; k++) {
        assert_true(at + strlen("。") < cap);
        memcpy(buf + at, "。", strlen("。"));
        at += strlen("。");
    }
    int n = snprintf(buf + at, cap - at, "%s", text);
    assert_true(n > 0 && (size_t)n < cap - at);
}

// The paddings of the offset tests: the scans visit the positions of a key from bit to bit
// of a 64-bit word per 64 positions, so names also start and end around positions 64 and
// 128, on both sides of a word's edge, besides every position modulo four at the start.
static const size_t pads[] = {0, 1, 2, 3, 4, 59, 60, 61, 62, 63, 64, 65, 125, 126, 127, 128};
#define N_PADS (sizeof pads / sizeof pads[0])

static void test_line_without_names_has_an_empty_result(void **state)
{
    (void)state;
    // 簡稱 with no candidate to name; the empty results are one shared object, freed apart
    const char *texts[] = {"", "今天天氣很好。", "十大", "(以下簡稱「天氣」)"};
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        zn_entities *e = run_text(texts[k]);
        assert_int_equal(zn_entities_count(e), 0);
        assert_null(zn_entities_get(e, 0));
        size_t n = 7;
        assert_null(zn_entities_mentions(e, &n));
        assert_int_equal(n, 0);
        zn_entities_free(e);
    }
    // no allocation at all: it succeeds with every allocation failing
    zn_extract_input in = {.text = "今天天氣很好。", .len = strlen("今天天氣很好。")};
    zn_entities *e = NULL;
    zn_error err;
    zn__alloc_fail_after(0);
    zn_status st = zn_entities_extract(&e, &in, &err);
    int failed = zn__alloc_failed();
    zn__alloc_fail_after((size_t)-1);
    assert_int_equal(st, ZN_OK);
    assert_false(failed);
    assert_int_equal(zn_entities_count(e), 0);
    zn_entities_free(e);
    zn_entities_free(NULL);
}

#define N_PEOPLE 20
static const char *const people[N_PEOPLE] = {
    "王小明", "李大華", "張偉", "劉洋", "陳靜", "楊帆", "趙磊", "黃敏", "周傑", "吳昊",
    "徐亮",   "孫婷",   "馬超", "朱琳", "胡斌", "郭強", "何平", "高峰", "林濤", "羅蘭",
};

// 記者王小明說，記者李大華說，… `rounds` times: N_PEOPLE people per round, each with a role.
static size_t make_bylines(char *buf, size_t cap, size_t rounds)
{
    size_t at = 0;
    for (size_t r = 0; r < rounds; r++) {
        for (size_t k = 0; k < N_PEOPLE; k++) {
            int n = snprintf(buf + at, cap - at, "記者%s說，", people[k]);
            assert_true(n > 0 && (size_t)n < cap - at);
            at += (size_t)n;
        }
    }
    return at;
}

static void check_bylines(const zn_entities *e, const char *s, size_t rounds)
{
    assert_int_equal(zn_entities_count(e), N_PEOPLE);
    size_t at = 0; // where the next byline starts
    for (size_t r = 0; r < rounds; r++) {
        for (size_t k = 0; k < N_PEOPLE; k++) {
            const zn_entity *p = zn_entities_get(e, k);
            assert_string_equal(p->name, people[k]);
            assert_int_equal(p->type, ZN_ENTITY_PERSON);
            assert_int_equal(p->n_aliases, 0);
            assert_int_equal(p->n_roles, 1);
            assert_string_equal(p->roles[0], "記者");
            assert_int_equal(p->n_mentions, rounds);
            size_t start = at + strlen("記者");
            assert_int_equal(p->mentions[r].start, start);
            assert_int_equal(p->mentions[r].end, start + strlen(people[k]));
            at = start + strlen(people[k]) + strlen("說，");
        }
    }
    assert_int_equal(at, strlen(s));
    size_t n;
    const zn_entity_mention *m = zn_entities_mentions(e, &n);
    assert_int_equal(n, rounds * N_PEOPLE);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(m[i].entity, i % N_PEOPLE); // in text order
    }
}

// More candidates than one run of the sort (16): runs are merged, and the order is still
// the text's, in selection and in grouping (the second round groups with the first).
static void test_many_names_in_one_line_keep_text_order(void **state)
{
    (void)state;
    char buf[2048];
    for (size_t rounds = 1; rounds <= 2; rounds++) {
        make_bylines(buf, sizeof buf, rounds);
        zn_entities *e = run_text(buf);
        check_bylines(e, buf, rounds);
        zn_entities_free(e);
    }
}

static void test_many_names_allocation_failures(void **state)
{
    (void)state;
    char buf[2048];
    size_t len = make_bylines(buf, sizeof buf, 2);
    zn_extract_input in = {.text = buf, .len = len};
    zn_entities *e = entities_alloc_loop(&in);
    check_bylines(e, buf, 2);
    zn_entities_free(e);
}

// The scans over every position test four at a time: a name found with 0 to 4 characters
// before it, so that it starts and ends at every position modulo four, the text's end
// among them.
static void test_names_found_at_every_offset(void **state)
{
    (void)state;
    struct {
        const char *text;
        const char *name;
        zn_entity_type type;
        size_t before; // bytes of the name's own text before it (a title)
    } cases[] = {
        {"香港中文大學", "香港中文大學", ZN_ENTITY_UNIVERSITY, 0}, // a suffix at the text's end
        {"張潼看來", "張潼", ZN_ENTITY_PERSON, 0},               // before a cue word
        {"記者 戴春晨", "戴春晨", ZN_ENTITY_PERSON, strlen("記者 ")}, // after a title
        {"他曾駐美", "美", ZN_ENTITY_PLACE, strlen("他曾駐")},    // after a travel verb
        {"召開了十五大", "十五大", ZN_ENTITY_ORGANIZATION, strlen("召開了")},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        for (size_t x = 0; x < N_PADS; x++) {
            size_t pad = pads[x];
            char buf[512];
            padded(buf, sizeof buf, pad, cases[k].text);
            zn_entities *e = run_text(buf);
            const zn_entity *it = expect_one(e, cases[k].name, cases[k].type,
                                             pad * strlen("。") + cases[k].before);
            if (strcmp(cases[k].name, "戴春晨") == 0) {
                assert_int_equal(it->n_roles, 1);
                assert_string_equal(it->roles[0], "記者");
            }
            zn_entities_free(e);
        }
    }
}

static void test_country_pairs_at_every_offset(void **state)
{
    (void)state;
    for (size_t x = 0; x < N_PADS; x++) {
        size_t pad = pads[x];
        char buf[512];
        padded(buf, sizeof buf, pad, "中美兩國");
        zn_entities *e = run_text(buf);
        assert_int_equal(zn_entities_count(e), 2);
        const zn_entity *a = zn_entities_get(e, 0);
        const zn_entity *b = zn_entities_get(e, 1);
        assert_string_equal(a->name, "中");
        assert_string_equal(b->name, "美");
        assert_int_equal(a->type, ZN_ENTITY_PLACE);
        assert_int_equal(b->type, ZN_ENTITY_PLACE);
        assert_int_equal(a->mentions[0].start, pad * strlen("。"));
        assert_int_equal(b->mentions[0].start, pad * strlen("。") + strlen("中"));
        zn_entities_free(e);
    }
}

// Rules that start at one character find it wherever it is, and only where the rest fits.
static void test_rules_at_one_character(void **state)
{
    (void)state;
    zn_entities *e = run_text("十五大");
    expect_one(e, "十五大", ZN_ENTITY_ORGANIZATION, 0);
    zn_entities_free(e);
    // 作为 at the very end has no head noun after it; 简称 at the end names nothing
    e = run_text("騰訊作為");
    assert_int_equal(zn_entities_count(e), 0);
    zn_entities_free(e);
    e = run_text("華南科技股份有限公司(簡稱");
    const zn_entity *c = expect_one(e, "華南科技股份有限公司", ZN_ENTITY_COMPANY, 0);
    assert_int_equal(c->n_aliases, 0);
    zn_entities_free(e);
    e = run_text("華南科技股份有限公司(以下簡稱「華南科技」)表示"); // one company, two names
    assert_int_equal(zn_entities_count(e), 1);
    c = zn_entities_get(e, 0);
    assert_string_equal(c->name, "華南科技");
    assert_int_equal(c->type, ZN_ENTITY_COMPANY);
    assert_int_equal(c->n_aliases, 1);
    assert_string_equal(c->aliases[0], "華南科技股份有限公司");
    assert_int_equal(c->n_mentions, 2);
    zn_entities_free(e);
}

// Keys leave spaces out: 京東 集團 and 京東集團 are one key, and 京東 + 集團 a company
// suffix whether or not the longer mention has a space.
static void test_keys_with_and_without_spaces(void **state)
{
    (void)state;
    zn_entities *e = run_text("京東 集團宣布，京東集團表示");
    assert_int_equal(zn_entities_count(e), 1);
    const zn_entity *jd = zn_entities_get(e, 0);
    assert_string_equal(jd->name, "京東集團");
    assert_int_equal(jd->n_aliases, 1);
    assert_string_equal(jd->aliases[0], "京東 集團");
    assert_int_equal(jd->n_mentions, 2);
    zn_entities_free(e);

    e = run_text("ATJ(阿里巴巴、騰訊、京東)合作。京東 集團宣布，京東集團表示");
    assert_int_equal(zn_entities_count(e), 4);
    jd = zn_entities_get(e, 3);
    assert_string_equal(jd->name, "京東");
    assert_int_equal(jd->type, ZN_ENTITY_COMPANY);
    assert_int_equal(jd->n_aliases, 2);
    assert_string_equal(jd->aliases[0], "京東 集團");
    assert_string_equal(jd->aliases[1], "京東集團");
    assert_int_equal(jd->n_mentions, 3);
    assert_int_equal(jd->mentions[1].start, strlen("ATJ(阿里巴巴、騰訊、京東)合作。"));
    zn_entities_free(e);
}

// The text of test_grouping_few_many_and_short_keys: `rounds` rounds of bylines of the first
// `people_n` people, then a list abbreviation and 京東 with and without its company suffix.
static void make_grouping_text(char *buf, size_t cap, size_t rounds, size_t people_n)
{
    size_t at = 0;
    for (size_t r = 0; r < rounds; r++) {
        for (size_t k = 0; k < people_n; k++) {
            int n = snprintf(buf + at, cap - at, "記者%s說，", people[k]);
            assert_true(n > 0 && (size_t)n < cap - at);
            at += (size_t)n;
        }
    }
    int n = snprintf(buf + at, cap - at, "%s",
                     "ATJ(阿里巴巴、騰訊、京東)合作。京東集團表示，京東 集團稱");
    assert_true(n > 0 && (size_t)n < cap - at);
}

// Grouping compares the pairs of up to 32 mentions directly and sorts the keys of more, or
// of keys shorter than a Han character (AT): the same entities either way.
static void test_grouping_few_many_and_short_keys(void **state)
{
    (void)state;
    zn_entities *e = run_text("AT(阿里巴巴、騰訊)合作，AT表示");
    assert_int_equal(zn_entities_count(e), 3);
    const zn_entity *at = zn_entities_get(e, 0);
    assert_string_equal(at->name, "AT");
    assert_int_equal(at->n_aliases, 2);
    assert_string_equal(at->aliases[0], "阿里巴巴");
    assert_string_equal(at->aliases[1], "騰訊");
    assert_int_equal(at->n_mentions, 2);
    assert_int_equal(at->mentions[1].start, strlen("AT(阿里巴巴、騰訊)合作，"));
    zn_entities_free(e);

    // 9 people (15 mentions: compared in pairs), 20 people twice (46 mentions: sorted)
    const struct {
        size_t rounds, people_n;
    } cases[] = {{1, 9}, {2, N_PEOPLE}};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        char buf[2048];
        size_t np = cases[c].people_n;
        make_grouping_text(buf, sizeof buf, cases[c].rounds, np);
        e = run_text(buf);
        assert_int_equal(zn_entities_count(e), np + 4);
        for (size_t k = 0; k < np; k++) {
            assert_string_equal(zn_entities_get(e, k)->name, people[k]);
            assert_int_equal(zn_entities_get(e, k)->n_mentions, cases[c].rounds);
        }
        assert_string_equal(zn_entities_get(e, np)->name, "ATJ");
        const zn_entity *jd = zn_entities_get(e, np + 3);
        assert_string_equal(jd->name, "京東");
        assert_int_equal(jd->type, ZN_ENTITY_COMPANY);
        assert_int_equal(jd->n_aliases, 2);
        assert_string_equal(jd->aliases[0], "京東集團");
        assert_string_equal(jd->aliases[1], "京東 集團");
        assert_int_equal(jd->n_mentions, 3);
        size_t n;
        zn_entities_mentions(e, &n);
        assert_int_equal(n, cases[c].rounds * np + 6);
        zn_entities_free(e);
    }
}

// A name found once by a rule is looked for again: the scan skips its own mention (hidden)
// and a place where only its first character is (羅 of 羅馬), at every offset; in a text of
// more than 512 characters through the chains instead.
static void test_names_found_again(void **state)
{
    (void)state;
    const char *text = "副校長羅智泉表示，羅馬來賓感謝羅智泉";
    for (size_t x = 0; x < N_PADS + 1; x++) {
        size_t pad = x < N_PADS ? pads[x] : 600; // 600: past the scanned texts' 512
        char buf[4096];
        padded(buf, sizeof buf, pad, text);
        zn_entities *e = run_text(buf);
        assert_int_equal(zn_entities_count(e), 1);
        const zn_entity *p = zn_entities_get(e, 0);
        assert_string_equal(p->name, "羅智泉");
        assert_int_equal(p->type, ZN_ENTITY_PERSON);
        assert_int_equal(p->n_roles, 1);
        assert_string_equal(p->roles[0], "副校長");
        assert_int_equal(p->n_mentions, 2);
        size_t at = pad * strlen("。");
        assert_int_equal(p->mentions[0].start, at + strlen("副校長"));
        assert_int_equal(p->mentions[1].start, at + strlen("副校長羅智泉表示，羅馬來賓感謝"));
        assert_int_equal(p->mentions[1].end, at + strlen(text));
        zn_entities_free(e);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_line_without_names_has_an_empty_result),
        cmocka_unit_test(test_many_names_in_one_line_keep_text_order),
        cmocka_unit_test(test_many_names_allocation_failures),
        cmocka_unit_test(test_names_found_at_every_offset),
        cmocka_unit_test(test_country_pairs_at_every_offset),
        cmocka_unit_test(test_rules_at_one_character),
        cmocka_unit_test(test_keys_with_and_without_spaces),
        cmocka_unit_test(test_grouping_few_many_and_short_keys),
        cmocka_unit_test(test_names_found_again),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
