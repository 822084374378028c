/* SPDX-License-Identifier: MIT
 * Unit tests for the writer: code-point offsets, field selection and the document writer
 * (the JSON writer itself: test_json.c, test_json_escape.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <string.h>

#include "util/alloc.h"
#include "util/utf8.h"
#include "zhnews/zhnews.h"

static void test_cp_cursor_counts_code_points(void **state)
{
    (void)state;
    const char *t = "ab騰訊AI Lab";
    zn_cp_cursor c;
    zn_cp_cursor_init(&c, t);
    assert_int_equal(zn_cp_cursor_at(&c, 2), 2);
    assert_int_equal(zn_cp_cursor_at(&c, 8), 4);
    assert_int_equal(zn_cp_cursor_at(&c, 5), 3); // backwards works too
    assert_int_equal(zn_cp_cursor_at(&c, strlen(t)), 10);
}

static void test_utf8_count_every_length_and_offset(void **state)
{
    (void)state;
    const char *t = "ab中文é𠀀c\xe2\x80\xa8國務院 xyz、0123456789中";
    size_t len = strlen(t);
    for (size_t from = 0; from <= len; from++) {
        size_t want = 0;
        for (size_t to = from; to <= len; to++) {
            if (to > from && ((unsigned char)t[to - 1] & 0xC0) != 0x80) {
                want++;
            }
            assert_int_equal(zn__utf8_count(t + from, to - from), want);
        }
    }
}

static void test_cp_cursor_any_order(void **state)
{
    (void)state;
    const char *t = "ab中文é𠀀c國務院 xyz、0123456789中文中文中文";
    size_t len = strlen(t);
    size_t cps[200];
    size_t n = 0;
    for (size_t i = 0; i <= len; i++) {
        cps[i] = n;
        if (i < len && ((unsigned char)t[i] & 0xC0) != 0x80) {
            n++;
        }
    }
    zn_cp_cursor c;
    zn_cp_cursor_init(&c, t);
    unsigned x = 1;
    for (int k = 0; k < 500; k++) { // back a little, back a lot, forward
        x = x * 1103515245u + 12345u;
        size_t at = (x >> 16) % (len + 1);
        while (at > 0 && ((unsigned char)t[at] & 0xC0) == 0x80) {
            at--;
        }
        assert_int_equal(zn_cp_cursor_at(&c, at), cps[at]);
    }
}

static void test_fields_parse(void **state)
{
    (void)state;
    uint32_t m = 7;
    zn_error err;
    assert_int_equal(zn_fields_parse("title,byline,lead_heading", &m, &err), ZN_OK);
    assert_int_equal(m, ZN_FIELD_TITLE | ZN_FIELD_BYLINE | ZN_FIELD_LEAD);
    assert_int_equal(zn_fields_parse("title,wat", &m, &err), ZN_ERR_INVALID_ARG);
    assert_int_equal(m, ZN_FIELD_TITLE | ZN_FIELD_BYLINE | ZN_FIELD_LEAD);
    assert_string_equal(err.message, "unknown field 'wat'");
}

static zn_doc *make_doc(const char *text)
{
    zn_reader_options ro;
    zn_reader_options_init(&ro);
    zn_record *rec;
    assert_int_equal(zn_record_from_bytes(&rec, "mem.txt", text, strlen(text), &ro, NULL), ZN_OK);
    zn_doc *d = zn__calloc(1, sizeof *d);
    assert_non_null(d);
    d->source = rec;
    assert_int_equal(zn_article_parse(&d->article, "mem.txt", rec->text, rec->len, NULL), ZN_OK);
    return d;
}

static void free_doc(zn_doc *d)
{
    zn_record_free(d->source);
    zn_article_free(d->article);
    zn__free(d);
}

static void test_doc_json_parses_back_with_fields(void **state)
{
    (void)state;
    zn_doc *d = make_doc("地鐵新線通車 沿線居民受惠\n記者 李明 / 台北報導\n"
                         "新線今天通車,\"沿線\"居民\t出行更方便。\n");
    zn_buf b;
    zn_buf_init(&b, 0);
    zn_write_options wo = {false, ZN_FIELD_ALL};
    assert_int_equal(zn_doc_write_json(d, &b, &wo, NULL), ZN_OK);
    json_error_t jerr;
    json_t *v = json_loads(b.data, 0, &jerr);
    assert_non_null(v);
    assert_string_equal(json_string_value(json_object_get(v, "schema")), "zhnews/1");
    assert_string_equal(json_string_value(json_object_get(v, "title")), "地鐵新線通車 沿線居民受惠");
    json_t *by = json_object_get(v, "byline");
    assert_string_equal(json_string_value(json_array_get(json_object_get(by, "reporters"), 0)),
                        "李明");
    assert_int_equal(json_integer_value(json_object_get(json_object_get(v, "stats"), "paragraphs")),
                     1);
    json_decref(v);
    // Only the chosen fields (and the schema) appear.
    b.len = 0;
    wo.fields = ZN_FIELD_TITLE;
    assert_int_equal(zn_doc_write_json(d, &b, &wo, NULL), ZN_OK);
    assert_string_equal(b.data, "{\"schema\":\"zhnews/1\",\"title\":\"地鐵新線通車 沿線居民受惠\"}");
    zn_buf_clear(&b);
    free_doc(d);
}

static void test_doc_json_too_big_names_the_path(void **state)
{
    (void)state;
    zn_doc *d = make_doc("一段沒有結構的文字。\n");
    zn_buf b;
    zn_buf_init(&b, 16);
    zn_error err;
    assert_int_equal(zn_doc_write_json(d, &b, NULL, &err), ZN_ERR_TOO_BIG);
    assert_non_null(strstr(err.message, "mem.txt: cannot write JSON"));
    zn_buf_clear(&b);
    free_doc(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cp_cursor_counts_code_points),
        cmocka_unit_test(test_utf8_count_every_length_and_offset),
        cmocka_unit_test(test_cp_cursor_any_order),
        cmocka_unit_test(test_fields_parse),
        cmocka_unit_test(test_doc_json_parses_back_with_fields),
        cmocka_unit_test(test_doc_json_too_big_names_the_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
