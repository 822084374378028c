/* SPDX-License-Identifier: MIT
 * Unit tests for the writer: JSON escaping and structure (parsed back with jansson), misuse,
 * limits, code-point offsets, field selection and the document writer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <float.h>
#include <jansson.h>
#include <string.h>

#include "util/alloc.h"
#include "zhnews/zhnews.h"

static void test_json_escapes_every_control_character(void **state)
{
    (void)state;
    zn_buf b;
    zn_buf_init(&b, 0);
    zn_json j;
    zn_json_init(&j, &b, false);
    char all[40];
    for (int i = 0; i < 32; i++) {
        all[i] = (char)(i + 1 == 32 ? 0x7f : i + 1);
    }
    memcpy(all + 31, "\"\\/\xe2\x80\xa8", 7);
    zn_json_begin_array(&j);
    zn_json_string(&j, all, 38);
    zn_json_string(&j, "a\0b", 3);
    zn_json_end_array(&j);
    assert_int_equal(zn_json_status(&j), ZN_OK);
    for (size_t i = 0; i < b.len; i++) {
        assert_true((unsigned char)b.data[i] >= 0x20);
    }
    assert_non_null(strstr(b.data, "\\u0001"));
    assert_non_null(strstr(b.data, "\\u2028"));
    assert_non_null(strstr(b.data, "a\\u0000b"));
    json_error_t jerr;
    json_t *v = json_loads(b.data, JSON_ALLOW_NUL, &jerr);
    assert_non_null(v);
    assert_int_equal(json_string_length(json_array_get(v, 0)), 38);
    assert_memory_equal(json_string_value(json_array_get(v, 0)), all, 38);
    json_decref(v);
    zn_buf_clear(&b);
}

static void test_json_invalid_utf8_becomes_replacement(void **state)
{
    (void)state;
    zn_buf b;
    zn_buf_init(&b, 0);
    zn_json j;
    zn_json_init(&j, &b, false);
    zn_json_string(&j, "x\xFFy\xE5\x85", 5);
    assert_int_equal(zn_json_status(&j), ZN_OK);
    assert_string_equal(b.data, "\"x\\ufffdy\\ufffd\\ufffd\"");
    zn_buf_clear(&b);
}

static void test_json_objects_arrays_and_pretty_form(void **state)
{
    (void)state;
    zn_buf b;
    zn_buf_init(&b, 0);
    zn_json j;
    zn_json_init(&j, &b, true);
    zn_json_begin_object(&j);
    zn_json_key(&j, "名");
    zn_json_cstr(&j, "騰訊");
    zn_json_key(&j, "n");
    zn_json_int(&j, -3);
    zn_json_key(&j, "e");
    zn_json_begin_array(&j);
    zn_json_end_array(&j);
    zn_json_key(&j, "z");
    zn_json_null(&j);
    zn_json_key(&j, "b");
    zn_json_bool(&j, true);
    zn_json_end_object(&j);
    assert_int_equal(zn_json_status(&j), ZN_OK);
    assert_string_equal(b.data, "{\n  \"名\": \"騰訊\",\n  \"n\": -3,\n  \"e\": [],\n"
                                "  \"z\": null,\n  \"b\": true\n}");
    zn_buf_clear(&b);
}

static void test_json_misuse_is_sticky_invalid_arg(void **state)
{
    (void)state;
    zn_buf b;
    zn_buf_init(&b, 0);
    zn_json j;
    zn_json_init(&j, &b, false);
    zn_json_begin_object(&j);
    zn_json_int(&j, 1); // a value without a key
    assert_int_equal(zn_json_status(&j), ZN_ERR_INVALID_ARG);
    zn_json_key(&j, "k");
    assert_int_equal(zn_json_status(&j), ZN_ERR_INVALID_ARG);
    zn_json_init(&j, &b, false);
    zn_json_end_array(&j);
    assert_int_equal(zn_json_status(&j), ZN_ERR_INVALID_ARG);
    zn_buf_clear(&b);
}

static void test_json_depth_limit_and_buffer_limit(void **state)
{
    (void)state;
    zn_buf b;
    zn_buf_init(&b, 0);
    zn_json j;
    zn_json_init(&j, &b, false);
    for (int i = 0; i <= ZN_JSON_MAX_DEPTH; i++) {
        zn_json_begin_array(&j);
    }
    assert_int_equal(zn_json_status(&j), ZN_ERR_TOO_BIG);
    zn_buf_clear(&b);
    zn_buf_init(&b, 8);
    zn_json_init(&j, &b, false);
    zn_json_cstr(&j, "a long string");
    assert_int_equal(zn_json_status(&j), ZN_ERR_TOO_BIG);
    zn_buf_clear(&b);
}

static void test_json_doubles_read_back_finite(void **state)
{
    (void)state;
    zn_buf b;
    zn_buf_init(&b, 0);
    zn_json j;
    zn_json_init(&j, &b, false);
    zn_json_begin_array(&j);
    zn_json_double(&j, -DBL_MAX);
    zn_json_double(&j, 0.9991);
    zn_json_double(&j, 1.0 / 0.0); // not a JSON number: null
    zn_json_end_array(&j);
    assert_int_equal(zn_json_status(&j), ZN_OK);
    json_error_t jerr;
    json_t *v = json_loads(b.data, 0, &jerr);
    assert_non_null(v);
    assert_true(json_real_value(json_array_get(v, 0)) == -DBL_MAX);
    assert_non_null(strstr(b.data, ",0.9991,null]"));
    json_decref(v);
    zn_buf_clear(&b);
}

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
        cmocka_unit_test(test_json_escapes_every_control_character),
        cmocka_unit_test(test_json_invalid_utf8_becomes_replacement),
        cmocka_unit_test(test_json_objects_arrays_and_pretty_form),
        cmocka_unit_test(test_json_misuse_is_sticky_invalid_arg),
        cmocka_unit_test(test_json_depth_limit_and_buffer_limit),
        cmocka_unit_test(test_json_doubles_read_back_finite),
        cmocka_unit_test(test_cp_cursor_counts_code_points),
        cmocka_unit_test(test_fields_parse),
        cmocka_unit_test(test_doc_json_parses_back_with_fields),
        cmocka_unit_test(test_doc_json_too_big_names_the_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
