/* SPDX-License-Identifier: MIT
 * Unit tests for the entity extractor on news phenomena: news agencies are media, a founding
 * verb before a generic head makes no name, province abbreviations split out of a compound
 * are no places, a place followed by a direction word is the place. Sentences are our own;
 * tokenizer and tagger words are given by hand as "word/tag word/tag ...". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "zhnews/extract.h"

#define MAX_WORDS 24

// Words of a hand analysis: the text they spell and their spans.
typedef struct analysis {
    char text[512];
    char tags[MAX_WORDS][8];
    zn_token tokens[MAX_WORDS];
    zn_tag_word words[MAX_WORDS];
    size_t n;
} analysis;

static size_t utf8_chars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    }
    return n;
}

static zn_tag_entity entity_of(const char *tag)
{
    if (strcmp(tag, "PER") == 0) {
        return ZN_TAG_ENTITY_PER;
    }
    if (strcmp(tag, "LOC") == 0) {
        return ZN_TAG_ENTITY_LOC;
    }
    return strcmp(tag, "ORG") == 0 ? ZN_TAG_ENTITY_ORG : ZN_TAG_ENTITY_NONE;
}

// Splits "學校/n 新建/ns" into the text 學校新建 and one token and one tagger word per item.
static void analyse(analysis *a, const char *spec)
{
    memset(a, 0, sizeof *a);
    size_t len = 0;
    size_t chars = 0;
    const char *p = spec;
    while (*p != '\0') {
        const char *sp = strchr(p, ' ');
        const char *end = sp != NULL ? sp : p + strlen(p);
        const char *slash = end;
        while (slash > p && slash[-1] != '/') {
            slash--;
        }
        assert_true(slash > p + 1 && a->n < MAX_WORDS);
        size_t wlen = (size_t)(slash - 1 - p);
        size_t tlen = (size_t)(end - slash);
        assert_true(tlen < sizeof a->tags[0] && len + wlen < sizeof a->text);
        memcpy(a->text + len, p, wlen);
        memcpy(a->tags[a->n], slash, tlen);
        size_t nc = utf8_chars(p, wlen);
        a->tokens[a->n] = (zn_token){len, len + wlen, {0}, 0};
        memcpy(a->tokens[a->n].tag, slash, tlen);
        a->words[a->n] = (zn_tag_word){{len, len + wlen}, chars, nc, a->tags[a->n],
                                       entity_of(a->tags[a->n])};
        len += wlen;
        chars += nc;
        a->n++;
        p = sp != NULL ? sp + 1 : end;
    }
}

// Extracts with the words as tokenizer tokens (lexicon tags) or as tagger words (LAC).
static zn_entities *run(const char *spec, int as_tagger)
{
    static analysis a;
    analyse(&a, spec);
    zn_extract_input in = {.text = a.text, .len = strlen(a.text)};
    if (as_tagger) {
        in.tags = a.words;
        in.n_tags = a.n;
    } else {
        in.tokens = a.tokens;
        in.n_tokens = a.n;
    }
    zn_entities *e = NULL;
    zn_error err;
    assert_int_equal(zn_entities_extract(&e, &in, &err), ZN_OK);
    assert_non_null(e);
    return e;
}

static zn_entities *run_text(const char *s)
{
    zn_extract_input in = {.text = s, .len = strlen(s)};
    zn_entities *e = NULL;
    assert_int_equal(zn_entities_extract(&e, &in, NULL), ZN_OK);
    return e;
}

static void expect(const zn_entities *e, size_t i, zn_entity_type type, const char *name)
{
    const zn_entity *it = zn_entities_get(e, i);
    assert_non_null(it);
    assert_string_equal(it->name, name);
    assert_string_equal(zn_entity_type_name(it->type), zn_entity_type_name(type));
}

static void test_agencies_and_broadcasters_are_media(void **state)
{
    (void)state;
    // the tagger calls them ORG; the gazetteer knows they are media
    zn_entities *e = run("新華社/ORG 北京/LOC 電/n ，/w 央視/ORG 和/c 中新社/ORG 報道/v", 1);
    assert_int_equal(zn_entities_count(e), 4);
    expect(e, 0, ZN_ENTITY_MEDIA, "新華社");
    expect(e, 1, ZN_ENTITY_PLACE, "北京");
    expect(e, 2, ZN_ENTITY_MEDIA, "央視");
    expect(e, 3, ZN_ENTITY_MEDIA, "中新社");
    zn_entities_free(e);
    e = run("據/p 路透社/ORG 、/w 美联社/ORG 和/c 法新社/ORG 报道/v", 1);
    assert_int_equal(zn_entities_count(e), 3);
    expect(e, 0, ZN_ENTITY_MEDIA, "路透社");
    expect(e, 1, ZN_ENTITY_MEDIA, "美联社");
    expect(e, 2, ZN_ENTITY_MEDIA, "法新社");
    zn_entities_free(e);
    // text alone, Traditional
    e = run_text("中央社記者在台北報導，路透社與法新社也有報導");
    assert_int_equal(zn_entities_count(e), 3);
    expect(e, 0, ZN_ENTITY_MEDIA, "中央社");
    expect(e, 1, ZN_ENTITY_MEDIA, "路透社");
    expect(e, 2, ZN_ENTITY_MEDIA, "法新社");
    zn_entities_free(e);
    // a listed body with another suffix keeps the suffix's type (a government is not media)
    e = run("世界銀行/ORG 發布/v 報告/n", 1);
    assert_int_equal(zn_entities_count(e), 1);
    expect(e, 0, ZN_ENTITY_ORGANIZATION, "世界銀行");
    zn_entities_free(e);
}

static void test_founding_verb_before_generic_head(void **state)
{
    (void)state;
    // 新建 is also a place in the lexicon (新建區), but here it is the verb
    zn_entities *e = run("學校/n 今年/t 新建/ns 研究/vn 中心/n 三個/m", 0);
    assert_int_equal(zn_entities_count(e), 0);
    zn_entities_free(e);
    e = run("兩校/n 將/d 共建/v AI/eng 聯合/v 實驗室/n", 0);
    assert_int_equal(zn_entities_count(e), 0);
    zn_entities_free(e);
    e = run("企業/n 組建/v 研究院/n", 0);
    assert_int_equal(zn_entities_count(e), 0);
    zn_entities_free(e);
    // a grade is no name either
    e = run("學校/n 擁有/v 三/m 個/q 省級/b 研究中心/n 和/c 高水平/l 實驗室/n", 0);
    assert_int_equal(zn_entities_count(e), 0);
    zn_entities_free(e);
    // after the verb a real name still counts
    e = run("騰訊/nz 新建/ns 深圳/ns 研究院/n", 0);
    assert_int_equal(zn_entities_count(e), 1);
    expect(e, 0, ZN_ENTITY_LAB, "深圳研究院");
    zn_entities_free(e);
    e = run_text("中國建設銀行今天宣布");
    assert_int_equal(zn_entities_count(e), 1);
    expect(e, 0, ZN_ENTITY_COMPANY, "中國建設銀行");
    zn_entities_free(e);
}

static void test_province_abbreviations_are_not_split_out(void **state)
{
    (void)state;
    zn_entities *e = run("粵港澳/ns 三地/m 合作/v 日益/d 緊密/a", 0);
    assert_int_equal(zn_entities_count(e), 0);
    zn_entities_free(e);
    e = run("粵港澳/LOC 三地/n 合作/v", 1);
    assert_int_equal(zn_entities_count(e), 0);
    zn_entities_free(e);
    e = run("沪苏浙/LOC 企业/n", 1);
    assert_int_equal(zn_entities_count(e), 0);
    zn_entities_free(e);
    // the compound inside a longer place name is that name
    e = run("粵港澳大灣區/LOC 建設/vn 提速/v", 1);
    assert_int_equal(zn_entities_count(e), 1);
    expect(e, 0, ZN_ENTITY_PLACE, "粵港澳大灣區");
    zn_entities_free(e);
    // countries still are: 中俄 is China and Russia
    e = run("中俄/LOC 邊界/n 談判/vn", 1);
    assert_int_equal(zn_entities_count(e), 2);
    expect(e, 0, ZN_ENTITY_PLACE, "中");
    expect(e, 1, ZN_ENTITY_PLACE, "俄");
    zn_entities_free(e);
}

static void test_place_before_direction_word(void **state)
{
    (void)state;
    zn_entities *e = run("位於/v 深圳市東部/LOC 的/u 鹽田/LOC 港區/n", 1);
    assert_int_equal(zn_entities_count(e), 2);
    expect(e, 0, ZN_ENTITY_PLACE, "深圳市");
    expect(e, 1, ZN_ENTITY_PLACE, "鹽田");
    const zn_entity *p = zn_entities_get(e, 0);
    assert_int_equal(p->mentions[0].start, strlen("位於"));
    assert_int_equal(p->mentions[0].end, strlen("位於深圳市"));
    zn_entities_free(e);
    e = run("福建省西南部/LOC 山區/n 降雨/vn", 1);
    assert_int_equal(zn_entities_count(e), 1);
    expect(e, 0, ZN_ENTITY_PLACE, "福建省");
    zn_entities_free(e);
    e = run("深圳/ns 市/n 東部/f 的/uj 海岸/s", 0);
    assert_int_equal(zn_entities_count(e), 1);
    expect(e, 0, ZN_ENTITY_PLACE, "深圳市");
    zn_entities_free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_agencies_and_broadcasters_are_media),
        cmocka_unit_test(test_founding_verb_before_generic_head),
        cmocka_unit_test(test_province_abbreviations_are_not_split_out),
        cmocka_unit_test(test_place_before_direction_word),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
