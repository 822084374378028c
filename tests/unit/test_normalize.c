/* SPDX-License-Identifier: MIT
 * Unit tests for src/normalize: variant repair with and without the lexicon (the fixture
 * lexicon BUILD/tests/fixture.lex plus user words added here), mixed script, folding rules,
 * the audit trail and its offsets, OpenCC conversion, errors and allocation failures. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "normalize/norm_internal.h"
#include "util/alloc.h"
#include "zhnews/normalize.h"

// The fixture lexicon of this build (tests/fixtures/lexicon, compiled by make check).
static const char fixture[] = ZN_TEST_FIXTURE_LEXICON;


// The fixture lexicon plus our own words (user words count in every script).
static zn_lexicon *open_lex(void)
{
    zn_lexicon *lex = NULL;
    assert_int_equal(zn_lexicon_open(&lex, fixture, NULL), ZN_OK);
    const char *words[] = {"制度", "製造", "當日", "全球", "機構", "背景", "考慮", "局面",
                           "叮噹", "一個", "系統", "關係", "炒制", "認爲"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        assert_int_equal(zn_lexicon_add_word(lex, words[i], strlen(words[i]), 0, NULL, NULL),
                         ZN_OK);
    }
    return lex;
}

static zn_norm_result *run_with(const zn_lexicon *lex, const zn_normalize_options *o,
                                const char *s)
{
    zn_normalizer *n = NULL;
    assert_int_equal(zn_normalizer_new(&n, lex, o, NULL), ZN_OK);
    zn_norm_result *r = NULL;
    assert_int_equal(zn_normalizer_run(n, s, strlen(s), &r, NULL), ZN_OK);
    zn_normalizer_free(n);
    assert_non_null(r);
    assert_int_equal(strlen(r->text), r->len);
    return r;
}

static void expect_text(const zn_lexicon *lex, const char *in, const char *want)
{
    zn_norm_result *r = run_with(lex, NULL, in);
    assert_string_equal(r->text, want);
    zn_norm_result_free(r);
}

static void expect_change(const zn_norm_result *r, size_t k, size_t in0, size_t in1,
                          size_t out0, size_t out1, const char *from, const char *to,
                          const char *rule)
{
    assert_true(k < r->n_changes);
    const zn_norm_change *c = &r->changes[k];
    assert_int_equal(c->in.start, in0);
    assert_int_equal(c->in.end, in1);
    assert_int_equal(c->out.start, out0);
    assert_int_equal(c->out.end, out1);
    assert_string_equal(c->from, from);
    assert_string_equal(c->to, to);
    assert_string_equal(c->rule, rule);
}

static void test_options_and_target_names(void **state)
{
    (void)state;
    zn_normalize_options o;
    zn_normalize_options_init(&o);
    assert_true(o.repair && o.mixed_script && o.spaces && o.width && o.punctuation);
    assert_int_equal(o.to, ZN_TO_KEEP);
    zn_script_target t = ZN_TO_KEEP;
    assert_int_equal(zn_script_target_parse("twp", &t, NULL), ZN_OK);
    assert_int_equal(t, ZN_TO_TWP);
    zn_error err;
    assert_int_equal(zn_script_target_parse("xx", &t, &err), ZN_ERR_INVALID_ARG);
    assert_int_equal(t, ZN_TO_TWP);
    assert_non_null(strstr(err.message, "unknown script target 'xx'"));
    assert_string_equal(zn_norm_script_name(ZN_NORM_TRADITIONAL), "traditional");
}

static void test_errors(void **state)
{
    (void)state;
    zn_error err;
    assert_int_equal(zn_normalizer_new(NULL, NULL, NULL, &err), ZN_ERR_INVALID_ARG);
    zn_normalize_options o;
    zn_normalize_options_init(&o);
    o.to = (zn_script_target)42;
    zn_normalizer *n = (zn_normalizer *)&o;
    assert_int_equal(zn_normalizer_new(&n, NULL, &o, &err), ZN_ERR_INVALID_ARG);
    assert_null(n);
    assert_int_equal(zn_normalizer_new(&n, NULL, NULL, &err), ZN_OK);
    zn_norm_result *r = (zn_norm_result *)&o;
    assert_int_equal(zn_normalizer_run(n, "ab\xC0\xAF", 4, &r, &err), ZN_ERR_ENCODING);
    assert_null(r);
    assert_string_equal(err.message, "invalid UTF-8 at byte 2");
    assert_int_equal(zn_normalizer_run(n, NULL, 3, &r, &err), ZN_ERR_INVALID_ARG);
    assert_int_equal(zn_normalizer_run(n, "", 0, NULL, &err), ZN_ERR_INVALID_ARG);
    assert_int_equal(zn_normalizer_run(n, NULL, 0, &r, &err), ZN_OK);
    assert_string_equal(r->text, "");
    assert_int_equal(r->n_changes, 0);
    zn_norm_result_free(r);
    zn_normalizer_free(n);
    zn_normalizer_free(NULL);
    zn_norm_result_free(NULL);
}

static void test_obfuscation_without_lexicon(void **state)
{
    (void)state;
    zn_norm_result *r = run_with(NULL, NULL, "全毬最大的技朮公司");
    assert_string_equal(r->text, "全球最大的技術公司");
    assert_int_equal(r->n_changes, 2);
    expect_change(r, 0, 3, 6, 3, 6, "毬", "球", "variant.obfuscation");
    expect_change(r, 1, 18, 21, 18, 21, "朮", "術", "variant.obfuscation");
    zn_norm_result_free(r);
}

static void test_legit_words_stay(void **state)
{
    (void)state;
    expect_text(NULL, "白朮與蒼朮，生活拮据，叮噹作響，侷促不安。", "白朮與蒼朮，生活拮据，叮噹作響，侷促不安。");
    expect_text(NULL, "根据這個說法", "根據這個說法");
}

static void test_standard_forms(void **state)
{
    (void)state;
    zn_norm_result *r = run_with(NULL, NULL, "這是爲了眞相");
    assert_string_equal(r->text, "這是為了真相");
    assert_int_equal(r->n_changes, 2);
    assert_string_equal(r->changes[0].rule, "variant.standard");
    zn_norm_result_free(r);
}

static void test_mixed_script_without_lexicon(void **state)
{
    (void)state;
    zn_norm_result *r = run_with(NULL, NULL, "這個國家的经濟");
    assert_string_equal(r->text, "這個國家的經濟");
    assert_int_equal(r->script, ZN_NORM_TRADITIONAL);
    expect_change(r, 0, 15, 18, 15, 18, "经", "經", "script.s2t");
    zn_norm_result_free(r);
    r = run_with(NULL, NULL, "这个国家的經济发展");
    assert_string_equal(r->text, "这个国家的经济发展");
    assert_int_equal(r->script, ZN_NORM_SIMPLIFIED);
    expect_change(r, 0, 15, 18, 15, 18, "經", "经", "script.t2s");
    zn_norm_result_free(r);
}

static void test_repair_with_lexicon(void **state)
{
    (void)state;
    zn_lexicon *lex = open_lex();
    // 製 is right in 製造 and wrong in 製度; 係 is wrong in 係統; 噹 right in 叮噹.
    zn_norm_result *r = run_with(lex, NULL, "這個製度與製造業的係統，噹日叮噹。");
    assert_string_equal(r->text, "這個制度與製造業的系統，當日叮噹。");
    assert_int_equal(r->n_changes, 3);
    expect_change(r, 0, 6, 9, 6, 9, "製", "制", "variant.converter");
    assert_string_equal(r->changes[1].from, "係");
    assert_string_equal(r->changes[2].rule, "variant.obfuscation");
    zn_norm_result_free(r);
    // Without the lexicon the converter pairs are left alone.
    expect_text(NULL, "這個製度與製造業的係統", "這個製度與製造業的係統");
    // A word of the lexicon wins over the table: 機搆 → 機構, and 搆 alone stays.
    expect_text(lex, "這個機搆的揹景與侷面", "這個機構的背景與局面");
    zn_lexicon_close(lex);
}

static void test_bound_legit_and_standard_with_lexicon(void **state)
{
    (void)state;
    zn_lexicon *lex = open_lex();
    // 瞭 outside its words is the particle 了 (only with word knowledge).
    zn_norm_result *r = run_with(lex, NULL, "他們走瞭。");
    assert_string_equal(r->text, "他們走了。");
    expect_change(r, 0, 9, 12, 9, 12, "瞭", "了", "variant.converter");
    zn_norm_result_free(r);
    expect_text(NULL, "他們走瞭。", "他們走瞭。");
    // 睏 and 髮 may stand alone (好睏, 理了個髮): replaced only to form a word (髮展 → 發展).
    expect_text(lex, "他們好睏，理了個髮。", "他們好睏，理了個髮。");
    expect_text(lex, "他們的髮展", "他們的發展");
    // 炒製 is a legit word although the lexicon knows only 炒制.
    expect_text(lex, "他們炒製茶葉", "他們炒製茶葉");
    // OpenCC's own form 爲 is listed as a word, yet Taiwan and Hong Kong write 為.
    r = run_with(lex, NULL, "他們認爲");
    assert_string_equal(r->text, "他們認為");
    assert_string_equal(r->changes[0].rule, "variant.standard");
    zn_norm_result_free(r);
    zn_lexicon_close(lex);
}

static void test_quotation_in_other_script_kept(void **state)
{
    (void)state;
    const char *in = "這個國家的人說：「这是我们的经济」，然後離開這裡。";
    expect_text(NULL, in, in);
    expect_text(NULL, "這個國家的人說：「這是我们的經濟」。", "這個國家的人說：「這是我們的經濟」。");
}

static void test_folding_rules(void **state)
{
    (void)state;
    expect_text(NULL, "簡 介", "簡介");
    expect_text(NULL, "本報記者 王大明 報道", "本報記者 王大明 報道");
    expect_text(NULL, "Ａ股１０點", "A股10點");
    expect_text(NULL, "你好,世界:今天;好嗎?好!", "你好，世界：今天；好嗎？好！");
    expect_text(NULL, "大學(深圳)與3,000人 (ok)", "大學（深圳）與3,000人 (ok)");
    expect_text(NULL, "a\xC2\xA0" "b\xE3\x80\x80" "c  d", "a b c d");
    expect_text(NULL, "  \xE3\x80\x80縮進", "   縮進");
    expect_text(NULL, "零\xE2\x80\x8B寬", "零寬");
    expect_text(NULL, "\xEF\xA4\x80", "\xE8\xB1\x88"); // U+F900 → U+8C48
    zn_normalize_options o;
    zn_normalize_options_init(&o);
    o.spaces = false;
    o.invisible = false;
    o.cjk_spacing = false;
    o.width = false;
    o.punctuation = false;
    o.compat = false;
    o.repair = false;
    o.mixed_script = false;
    const char *in = "簡 介a\xC2\xA0" "b,全毬，Ａ,\xEF\xA4\x80\xE2\x80\x8B";
    zn_norm_result *r = run_with(NULL, &o, in);
    assert_string_equal(r->text, in);
    assert_int_equal(r->n_changes, 0);
    zn_norm_result_free(r);
}

static void test_offsets_map_through_changes(void **state)
{
    (void)state;
    // "簡 介" loses a byte at 3; the two spaces of "a  b" become one.
    zn_norm_result *r = run_with(NULL, NULL, "簡 介a  b全毬");
    assert_string_equal(r->text, "簡介a b全球");
    assert_int_equal(r->n_changes, 3);
    expect_change(r, 0, 3, 4, 3, 3, " ", "", "space.cjk-gap");
    expect_change(r, 1, 8, 10, 7, 8, "  ", " ", "space.collapse");
    assert_int_equal(zn_norm_result_map_offset(r, 0), 0);
    assert_int_equal(zn_norm_result_map_offset(r, 4), 3);
    assert_int_equal(zn_norm_result_map_offset(r, 7), 6);
    assert_int_equal(zn_norm_result_map_offset(r, 9), 7);
    assert_int_equal(zn_norm_result_map_offset(r, 10), 8);
    assert_int_equal(zn_norm_result_map_offset(r, 14), 12);
    assert_int_equal(zn_norm_result_map_offset(r, 17), 15);
    zn_norm_result_free(r);
}

// The walk the contract describes, change by change: the model the bisection must match.
static size_t walk_map(const zn_norm_change *ch, size_t n, size_t x)
{
    long long delta = 0;
    for (size_t k = 0; k < n; k++) {
        if (x < ch[k].in.start || (x == ch[k].in.start && ch[k].in.end > ch[k].in.start)) {
            break;
        }
        if (x < ch[k].in.end) {
            return ch[k].out.start;
        }
        delta += (long long)(ch[k].out.end - ch[k].out.start) -
                 (long long)(ch[k].in.end - ch[k].in.start);
    }
    return (size_t)((long long)x + delta);
}

static void test_offsets_map_like_the_walk(void **state)
{
    (void)state;
    // Shrinking, growing, deleting and inserting changes, one at the very start.
    static const zn_norm_change ch[] = {
        {{0, 3}, {0, 3}, "", "", "t"},   {{6, 8}, {6, 7}, "", "", "t"},
        {{9, 9}, {8, 11}, "", "", "t"},  {{9, 12}, {11, 17}, "", "", "t"},
        {{15, 18}, {20, 20}, "", "", "t"}, {{20, 21}, {22, 26}, "", "", "t"},
    };
    zn_norm_result r = {NULL, 0, (zn_norm_change *)ch, 0, ZN_NORM_UNKNOWN, NULL};
    for (size_t n = 0; n <= sizeof ch / sizeof ch[0]; n++) {
        r.n_changes = n;
        for (size_t x = 0; x < 30; x++) {
            assert_int_equal(zn_norm_result_map_offset(&r, x), walk_map(ch, n, x));
        }
    }
    r.n_changes = 6;
    assert_int_equal(zn_norm_result_map_offset(&r, 7), 6);   // inside: the replacement's start
    assert_int_equal(zn_norm_result_map_offset(&r, 9), 11);  // past the insertion at 9
    assert_int_equal(zn_norm_result_map_offset(&r, 13), 18); // after: moved by +5
    assert_int_equal(zn_norm_result_map_offset(&r, 25), 30);
}

static void test_conversion(void **state)
{
    (void)state;
    zn_normalize_options o;
    zn_normalize_options_init(&o);
    o.to = ZN_TO_S;
    zn_norm_result *r = run_with(NULL, &o, "全毬的技朮。發展");
    assert_string_equal(r->text, "全球的技术。发展");
    assert_int_equal(r->n_changes, 3);
    expect_change(r, 0, 3, 6, 3, 6, "毬", "球", "variant.obfuscation");
    expect_change(r, 1, 12, 15, 12, 15, "朮", "术", "variant.obfuscation");
    expect_change(r, 2, 18, 21, 18, 21, "發", "发", "convert.opencc");
    zn_norm_result_free(r);
    o.to = ZN_TO_TW;
    r = run_with(NULL, &o, "这个软件");
    assert_string_equal(r->text, "這個軟件");
    assert_int_equal(r->n_changes, 3);
    assert_string_equal(r->changes[0].rule, "convert.opencc");
    zn_norm_result_free(r);
    o.to = ZN_TO_TWP;
    r = run_with(NULL, &o, "这个软件。好");
    assert_string_equal(r->text, "這個軟體。好");
    assert_int_equal(zn_norm_result_map_offset(r, 15), 15);
    zn_norm_result_free(r);
    // U+0000 does not cut the conversion short (OpenCC reads C strings).
    o.to = ZN_TO_S;
    static const char nul_in[] = "台灣a\0bcdef 資訊";
    static const char nul_want[] = "台湾a\0bcdef 资讯";
    zn_normalizer *nz = NULL;
    assert_int_equal(zn_normalizer_new(&nz, NULL, &o, NULL), ZN_OK);
    assert_int_equal(zn_normalizer_run(nz, nul_in, sizeof nul_in - 1, &r, NULL), ZN_OK);
    assert_int_equal(r->len, sizeof nul_want - 1);
    assert_memory_equal(r->text, nul_want, r->len);
    assert_int_equal(r->n_changes, 3);
    zn_norm_result_free(r);
    zn_normalizer_free(nz);
    o.to = ZN_TO_TWP;
    // A phrase that changes length: the differing middle of its run is one change.
    r = run_with(NULL, &o, "这个内存很大。好");
    assert_string_equal(r->text, "這個記憶體很大。好");
    assert_int_equal(r->n_changes, 1);
    expect_change(r, 0, 0, 12, 0, 15, "这个内存", "這個記憶體", "convert.opencc");
    assert_int_equal(zn_norm_result_map_offset(r, 6), 0);
    assert_int_equal(zn_norm_result_map_offset(r, 12), 15);
    assert_int_equal(zn_norm_result_map_offset(r, 21), 24);
    zn_norm_result_free(r);
}

static void test_opencc_failure_is_external(void **state)
{
    (void)state;
    void *cc = &cc;
    zn_error err;
    assert_int_equal(zn__convert_open_config(&cc, "no-such-config.json", &err), ZN_ERR_EXTERNAL);
    assert_null(cc);
    assert_non_null(strstr(err.message, "cannot open OpenCC configuration no-such-config.json"));
}

typedef struct thread_job {
    const zn_lexicon *lex;
    bool ok;
} thread_job;

static void *thread_main(void *arg)
{
    thread_job *job = arg;
    zn_normalizer *n = NULL;
    job->ok = zn_normalizer_new(&n, job->lex, NULL, NULL) == ZN_OK;
    const char *in = "這個製度與製造業的係統，全毬的技朮。";
    for (int i = 0; i < 200 && job->ok; i++) {
        zn_norm_result *r = NULL;
        job->ok = zn_normalizer_run(n, in, strlen(in), &r, NULL) == ZN_OK &&
                  strcmp(r->text, "這個制度與製造業的系統，全球的技術。") == 0;
        zn_norm_result_free(r);
    }
    zn_normalizer_free(n);
    return NULL;
}

// One lexicon and the const tables shared by threads, one normaliser each.
static void test_threads_share_lexicon(void **state)
{
    (void)state;
    zn_lexicon *lex = open_lex();
    pthread_t t[4];
    thread_job jobs[4];
    for (int i = 0; i < 4; i++) {
        jobs[i] = (thread_job){lex, false};
        assert_int_equal(pthread_create(&t[i], NULL, thread_main, &jobs[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        assert_int_equal(pthread_join(t[i], NULL), 0);
        assert_true(jobs[i].ok);
    }
    zn_lexicon_close(lex);
}

static void test_allocation_failures(void **state)
{
    (void)state;
    zn_lexicon *lex = open_lex();
    zn_normalize_options o;
    zn_normalize_options_init(&o);
    o.to = ZN_TO_S;
    const char *in = "全毬的技朮，這個製度與製造業。簡 介a  b";
    for (size_t fail = 0;; fail++) {
        zn__alloc_fail_after(fail);
        zn_normalizer *n = NULL;
        zn_error err;
        zn_status st = zn_normalizer_new(&n, lex, &o, &err);
        zn_norm_result *r = NULL;
        if (st == ZN_OK) {
            st = zn_normalizer_run(n, in, strlen(in), &r, &err);
        }
        bool failed = zn__alloc_failed();
        zn__alloc_fail_after((size_t)-1);
        zn_normalizer_free(n);
        if (st == ZN_OK) {
            assert_string_equal(r->text, "全球的技术，这个制度与制造业。简介a b");
            zn_norm_result_free(r);
            if (!failed) {
                break;
            }
        } else {
            assert_int_equal(st, ZN_ERR_NOMEM);
            assert_null(r);
            assert_non_null(strstr(err.message, "out of memory"));
        }
        assert_true(fail < 1000);
    }
    zn_lexicon_close(lex);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_options_and_target_names),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_obfuscation_without_lexicon),
        cmocka_unit_test(test_legit_words_stay),
        cmocka_unit_test(test_standard_forms),
        cmocka_unit_test(test_mixed_script_without_lexicon),
        cmocka_unit_test(test_repair_with_lexicon),
        cmocka_unit_test(test_bound_legit_and_standard_with_lexicon),
        cmocka_unit_test(test_quotation_in_other_script_kept),
        cmocka_unit_test(test_folding_rules),
        cmocka_unit_test(test_offsets_map_through_changes),
        cmocka_unit_test(test_offsets_map_like_the_walk),
        cmocka_unit_test(test_conversion),
        cmocka_unit_test(test_opencc_failure_is_external),
        cmocka_unit_test(test_threads_share_lexicon),
        cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
