/* SPDX-License-Identifier: MIT
 * Unit tests for the pipeline: stages wired in order, structure spans moved onto the
 * repaired text, the audit trail, keywords and summary, errors and ownership. Most tests run
 * without a lexicon; keywords use the build's (ZN_TEST_LEXICON). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <string.h>

#include "util/alloc.h"
#include "zhnews/zhnews.h"

static zn_doc *run_text(zn_pipeline_options *po, const char *text)
{
    zn_pipeline *p;
    zn_worker *w;
    zn_error err;
    assert_int_equal(zn_pipeline_new(&p, po, &err), ZN_OK);
    assert_int_equal(zn_worker_new(&w, p, &err), ZN_OK);
    zn_record *rec;
    assert_int_equal(zn_record_from_bytes(&rec, "t.txt", text, strlen(text), NULL, &err), ZN_OK);
    zn_doc *d = NULL;
    assert_int_equal(zn_worker_run(w, rec, &d, &err), ZN_OK);
    zn_worker_free(w);
    zn_pipeline_free(p);
    return d;
}

static const char article[] = "全毬晶片短缺 車廠減產\n"
                              "記者 王大明 / 台北報導\n"
                              "由於全毬晶片短缺,多家車廠宣佈減產,業界預計短缺將持續到明年。\n";

static void test_pipeline_repairs_text_and_moves_title(void **state)
{
    (void)state;
    zn_pipeline_options po;
    zn_pipeline_options_init(&po);
    zn_doc *d = run_text(&po, article);
    const zn_article *a = d->article;
    assert_null(strstr(a->text, "毬"));
    assert_int_equal(a->title.end - a->title.start, strlen("全球晶片短缺 車廠減產"));
    assert_memory_equal(a->text + a->title.start, "全球晶片短缺 車廠減產", a->title.end - a->title.start);
    assert_memory_equal(a->text + a->byline.reporters[0].start, "王大明", strlen("王大明"));
    assert_int_equal(d->script, ZN_SCRIPT_TRADITIONAL);
    zn_doc_free(d);
}

static void test_pipeline_json_reports_fixes_in_code_points(void **state)
{
    (void)state;
    zn_pipeline_options po;
    zn_pipeline_options_init(&po);
    zn_doc *d = run_text(&po, article);
    zn_buf b;
    zn_buf_init(&b, 0);
    assert_int_equal(zn_doc_write_json(d, &b, NULL, NULL), ZN_OK);
    json_error_t jerr;
    json_t *v = json_loads(b.data, 0, &jerr);
    assert_non_null(v);
    json_t *fixes = json_object_get(json_object_get(v, "normalization"), "fixes");
    size_t found = 0;
    for (size_t i = 0; i < json_array_size(fixes); i++) {
        json_t *f = json_array_get(fixes, i);
        if (strcmp(json_string_value(json_object_get(f, "from")), "毬") == 0) {
            assert_string_equal(json_string_value(json_object_get(f, "to")), "球");
            json_int_t start = json_integer_value(json_object_get(f, "start"));
            const char *text = json_string_value(json_object_get(v, "text"));
            // Code point `start` of the text is the repaired character.
            size_t cp = 0;
            const char *p = text;
            while (cp < (size_t)start) {
                p++;
                while (((unsigned char)*p & 0xC0) == 0x80) {
                    p++;
                }
                cp++;
            }
            assert_memory_equal(p, "球", 3);
            found++;
        }
    }
    assert_int_equal(found, 2);
    json_decref(v);
    zn_buf_clear(&b);
    zn_doc_free(d);
}

static void test_pipeline_dates_inside_names_are_dropped(void **state)
{
    (void)state;
    zn_pipeline_options po;
    zn_pipeline_options_init(&po);
    po.ref_date = "2018-06-13";
    zn_doc *d = run_text(&po, "新華社報道,21世紀經濟報道記者6月12日在北京採訪。\n"
                              "6月15日,21世紀經濟報道再訪北京。\n");
    // the name's 21世紀 goes both times; the dates before, between and after stay
    assert_int_equal(d->dates.count, 2);
    assert_string_equal(d->dates.items[0].value, "2018-06-12");
    assert_string_equal(d->dates.items[1].value, "2018-06-15");
    zn_doc_free(d);
}

static void test_pipeline_keywords_and_summary(void **state)
{
    (void)state;
    zn_pipeline_options po;
    zn_pipeline_options_init(&po);
    po.summary = 2;
    po.lexicon_path = ZN_TEST_LEXICON; // keywords are words of the lexicon
    zn_doc *d = run_text(&po, "港口擴建計劃公布\n"
                              "港口擴建計劃今日公布,港口將新增四個泊位。\n"
                              "港口擴建計劃今日公布,港口將新增四個泊位。\n"
                              "天氣晴朗。\n"
                              "當局表示,擴建後港口的貨櫃吞吐量將增加三成。\n");
    assert_true(d->keywords.count > 0);
    assert_string_equal(d->keywords.items[0].word, "港口");
    // Two sentences, in text order, the repeated one only once, the headline never.
    assert_int_equal(d->n_summary, 2);
    const char *first = "港口擴建計劃今日公布，港口將新增四個泊位。";
    assert_memory_equal(d->article->text + d->summary[0].start, first, strlen(first));
    const char *second = "當局表示，擴建後港口的貨櫃吞吐量將增加三成。";
    assert_int_equal(d->summary[1].end - d->summary[1].start, strlen(second));
    assert_memory_equal(d->article->text + d->summary[1].start, second, strlen(second));
    zn_doc_free(d);
}

static void test_pipeline_no_repair_keeps_characters(void **state)
{
    (void)state;
    zn_pipeline_options po;
    zn_pipeline_options_init(&po);
    po.repair = false;
    zn_doc *d = run_text(&po, article);
    assert_non_null(strstr(d->article->text, "全毬"));
    zn_doc_free(d);
}

static void test_pipeline_bad_options_and_missing_lexicon(void **state)
{
    (void)state;
    zn_pipeline_options po;
    zn_pipeline_options_init(&po);
    po.to = "klingon";
    zn_pipeline *p = (zn_pipeline *)1;
    zn_error err;
    assert_int_equal(zn_pipeline_new(&p, &po, &err), ZN_ERR_INVALID_ARG);
    assert_null(p);
    assert_non_null(strstr(err.message, "klingon"));
    zn_pipeline_options_init(&po);
    po.user_dict = "words.txt";
    assert_int_equal(zn_pipeline_new(&p, &po, &err), ZN_ERR_INVALID_ARG);
    assert_null(p);
    assert_string_equal(err.message, "words.txt: a user dictionary needs the lexicon");
    zn_pipeline_options_init(&po);
    po.lexicon_path = "no/such/zhnews.lex";
    assert_int_equal(zn_pipeline_new(&p, &po, &err), ZN_ERR_NOT_FOUND);
    assert_null(p);
    assert_non_null(strstr(err.message, "no/such/zhnews.lex"));
}

static void test_pipeline_allocation_failures(void **state)
{
    (void)state;
    zn_pipeline_options po;
    zn_pipeline_options_init(&po);
    zn_pipeline *p;
    zn_worker *w;
    assert_int_equal(zn_pipeline_new(&p, &po, NULL), ZN_OK);
    assert_int_equal(zn_worker_new(&w, p, NULL), ZN_OK);
    for (size_t fail = 0;; fail++) {
        zn_record *rec;
        assert_int_equal(zn_record_from_bytes(&rec, "t.txt", article, strlen(article), NULL, NULL),
                         ZN_OK);
        zn_doc *d = (zn_doc *)1;
        zn_error err;
        zn__alloc_fail_after(fail);
        zn_status st = zn_worker_run(w, rec, &d, &err);
        bool failed = zn__alloc_failed();
        zn__alloc_fail_after((size_t)-1);
        if (!failed) {
            assert_int_equal(st, ZN_OK);
            zn_doc_free(d);
            break;
        }
        assert_int_equal(st, ZN_ERR_NOMEM);
        assert_null(d);
    }
    zn_worker_free(w);
    zn_pipeline_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pipeline_repairs_text_and_moves_title),
        cmocka_unit_test(test_pipeline_json_reports_fixes_in_code_points),
        cmocka_unit_test(test_pipeline_dates_inside_names_are_dropped),
        cmocka_unit_test(test_pipeline_keywords_and_summary),
        cmocka_unit_test(test_pipeline_no_repair_keeps_characters),
        cmocka_unit_test(test_pipeline_bad_options_and_missing_lexicon),
        cmocka_unit_test(test_pipeline_allocation_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
