/* SPDX-License-Identifier: MIT
 * Unit tests for the JSON writer's structure: containers and the pretty form, misuse, depth
 * and buffer limits, doubles, members, the calls of json_member.h (names with their length,
 * member arrays, objects in one call) against the public ones. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <float.h>
#include <jansson.h>
#include <string.h>

#include "output/json_member.h"
#include "zhnews/zhnews.h"

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

// The writer's calls of one small document; members and plain calls take turns.
static void write_doc(zn_json *j, bool members)
{
    zn_json_begin_object(j);
    if (members) {
        zn_json_member_int(j, "start", -12);
        zn_json_member_string(j, "text", "騰訊\"", 7);
        zn_json_member_cstr(j, "a key longer than thirty-two bytes, plain", "x");
        zn_json_member_cstr(j, "k\"ey", NULL);
        zn_json_member_int(j, "big", INT64_MIN);
    } else {
        zn_json_key(j, "start");
        zn_json_int(j, -12);
        zn_json_key(j, "text");
        zn_json_string(j, "騰訊\"", 7);
        zn_json_key(j, "a key longer than thirty-two bytes, plain");
        zn_json_cstr(j, "x");
        zn_json_key(j, "k\"ey");
        zn_json_cstr(j, NULL);
        zn_json_key(j, "big");
        zn_json_int(j, INT64_MIN);
    }
    zn_json_key(j, "list");
    zn_json_begin_array(j);
    zn_json_int(j, 0);
    zn_json_int(j, 99);
    zn_json_int(j, 100);
    zn_json_int(j, INT64_MAX);
    zn_json_begin_object(j);
    zn_json_end_object(j);
    zn_json_end_array(j);
    zn_json_end_object(j);
}

static const char doc_compact[] =
    "{\"start\":-12,\"text\":\"騰訊\\\"\",\"a key longer than thirty-two bytes, plain\":\"x\","
    "\"k\\\"ey\":null,\"big\":-9223372036854775808,"
    "\"list\":[0,99,100,9223372036854775807,{}]}";

static void test_json_members_write_what_key_and_value_write(void **state)
{
    (void)state;
    for (int pretty = 0; pretty < 2; pretty++) {
        for (int roomy = 0; roomy < 2; roomy++) {
            zn_buf a;
            zn_buf b;
            zn_buf_init(&a, 0);
            zn_buf_init(&b, 0);
            if (roomy) { // room already: the fast path
                static const char filler[400];
                assert_int_equal(zn_buf_append(&a, filler, sizeof filler), ZN_OK);
                assert_int_equal(zn_buf_append(&b, filler, sizeof filler), ZN_OK);
                a.len = b.len = 0;
            }
            zn_json j;
            zn_json_init(&j, &a, pretty);
            write_doc(&j, true);
            assert_int_equal(zn_json_status(&j), ZN_OK);
            zn_json_init(&j, &b, pretty);
            write_doc(&j, false);
            assert_int_equal(zn_json_status(&j), ZN_OK);
            assert_string_equal(a.data, b.data);
            if (!pretty) {
                assert_string_equal(a.data, doc_compact);
            }
            zn_buf_clear(&a);
            zn_buf_clear(&b);
        }
    }
}

static void test_json_member_after_key_is_misuse(void **state)
{
    (void)state;
    zn_buf b;
    zn_buf_init(&b, 0);
    zn_json j;
    zn_json_init(&j, &b, false);
    zn_json_begin_object(&j);
    zn_json_key(&j, "k");
    zn_json_member_int(&j, "n", 1);
    assert_int_equal(zn_json_status(&j), ZN_ERR_INVALID_ARG);
    assert_string_equal(b.data, "{\"k\":");
    zn_buf_clear(&b);
}

/* Every buffer limit around the document's length: it fits exactly at its length, and below
 * that the writer fails with ZN_ERR_TOO_BIG, the buffer never past the limit; the calls after
 * the failure write nothing. */
static void test_json_buffer_limit_at_every_size(void **state)
{
    (void)state;
    size_t len = sizeof doc_compact - 1;
    for (int members = 0; members < 2; members++) {
        for (size_t limit = 1; limit <= len + 2; limit++) {
            zn_buf b;
            zn_buf_init(&b, limit);
            zn_json j;
            zn_json_init(&j, &b, false);
            write_doc(&j, members);
            assert_true(b.len <= limit);
            if (limit >= len) {
                assert_int_equal(zn_json_status(&j), ZN_OK);
                assert_string_equal(b.data, doc_compact);
            } else {
                assert_int_equal(zn_json_status(&j), ZN_ERR_TOO_BIG);
                size_t at = b.len;
                zn_json_member_int(&j, "n", 1);
                zn_json_string(&j, "more", 4);
                zn_json_end_object(&j);
                assert_int_equal(b.len, at);
                assert_int_equal(zn_json_status(&j), ZN_ERR_TOO_BIG);
            }
            zn_buf_clear(&b);
        }
    }
}

// write_doc with the calls of json_member.h: names with their length, the list opened with
// its name (array) or after it, an empty object in one call.
static void write_doc_internal(zn_json *j, bool array)
{
    zn_json_begin_object(j);
    zn__json_member_int(j, ZN__JSON_NAME("start"), -12);
    zn__json_member_string(j, ZN__JSON_NAME("text"), "騰訊\"", 7);
    zn__json_member_cstr(j, ZN__JSON_NAME("a key longer than thirty-two bytes, plain"), "x");
    zn_json_member_cstr(j, "k\"ey", NULL);
    zn__json_member_int(j, ZN__JSON_NAME("big"), INT64_MIN);
    if (array) {
        zn__json_member_array(j, ZN__JSON_NAME("list"));
    } else {
        zn__json_key(j, ZN__JSON_NAME("list"));
        zn_json_begin_array(j);
    }
    zn_json_int(j, 0);
    zn_json_int(j, 99);
    zn_json_int(j, 100);
    zn_json_int(j, INT64_MAX);
    zn__json_object(j, NULL, 0);
    zn_json_end_array(j);
    zn_json_end_object(j);
}

/* The named calls write what the public ones write, compact and pretty, under every buffer
 * limit (and with room: the fast path). */
static void test_json_named_calls_write_what_the_public_ones_write(void **state)
{
    (void)state;
    static const char filler[400];
    size_t len = sizeof doc_compact - 1;
    for (int pretty = 0; pretty < 2; pretty++) {
        for (size_t limit = 1; limit <= len + 300; limit++) {
            zn_buf want;
            zn_buf_init(&want, limit);
            zn_json j;
            zn_json_init(&j, &want, pretty);
            write_doc(&j, false);
            zn_status st = zn_json_status(&j);
            for (int array = 0; array < 2; array++) {
                zn_buf b;
                zn_buf_init(&b, limit);
                if (limit % 2 == 0) {
                    assert_int_equal(zn_buf_append(&b, filler, limit < 400 ? limit : 400), ZN_OK);
                    b.len = 0;
                }
                zn_json_init(&j, &b, pretty);
                write_doc_internal(&j, array);
                assert_int_equal(zn_json_status(&j), st);
                assert_true(b.len <= limit);
                if (st == ZN_OK) {
                    assert_string_equal(b.data, want.data);
                }
                zn_buf_clear(&b);
            }
            if (st == ZN_OK && !pretty) {
                assert_string_equal(want.data, doc_compact);
            }
            zn_buf_clear(&want);
        }
    }
}

// An array of three objects, one zn__json_object call each (objects) or member by member.
static void write_objects(zn_json *j, bool objects)
{
    static const char long_name[] = "\"a name longer than thirty-two bytes\":";
    const zn__json_member a[] = {
        ZN__JSON_INT("start", 0), ZN__JSON_INT("end", -1234567),
        ZN__JSON_STRING("type", "organization", 12), ZN__JSON_STRING("text", "中共中央\n", 13),
    };
    const zn__json_member b[] = {
        ZN__JSON_STRING("value", NULL, 0), ZN__JSON_INT("n", 100),
        {long_name, sizeof long_name - 1, false, 0, "x", 1}, // written: quotes and colon
    };
    const zn__json_member *all[] = {a, b, a};
    const size_t n[] = {4, 3, 4};
    zn_json_begin_array(j);
    for (size_t k = 0; k < 3; k++) {
        if (objects) {
            zn__json_object(j, all[k], n[k]);
            continue;
        }
        zn_json_begin_object(j);
        for (size_t i = 0; i < n[k]; i++) {
            const zn__json_member *m = &all[k][i];
            char key[64];
            memcpy(key, m->name + 1, m->name_len - 3);
            key[m->name_len - 3] = '\0';
            zn_json_key(j, key);
            if (m->number) {
                zn_json_int(j, m->v);
            } else {
                zn_json_string(j, m->s, m->len);
            }
        }
        zn_json_end_object(j);
    }
    zn_json_end_array(j);
}

static const char objects_compact[] =
    "[{\"start\":0,\"end\":-1234567,\"type\":\"organization\",\"text\":\"中共中央\\n\"},"
    "{\"value\":null,\"n\":100,\"a name longer than thirty-two bytes\":\"x\"},"
    "{\"start\":0,\"end\":-1234567,\"type\":\"organization\",\"text\":\"中共中央\\n\"}]";

/* zn__json_object writes what the calls member by member write: compact and pretty, with and
 * without room, under every buffer limit (ZN_ERR_TOO_BIG, the buffer never past it). */
static void test_json_object_writes_what_its_members_write(void **state)
{
    (void)state;
    static const char filler[2000];
    for (int pretty = 0; pretty < 2; pretty++) {
        for (size_t limit = 1; limit <= sizeof objects_compact + 400; limit++) {
            zn_buf a;
            zn_buf c;
            zn_buf_init(&a, limit);
            zn_buf_init(&c, limit);
            if (limit % 2 == 0) { // room already (as far as the limit allows): the fast path
                assert_int_equal(zn_buf_append(&a, filler, limit), ZN_OK);
                a.len = 0;
            }
            zn_json j;
            zn_json_init(&j, &a, pretty);
            write_objects(&j, true);
            zn_status st = zn_json_status(&j);
            zn_json_init(&j, &c, pretty);
            write_objects(&j, false);
            assert_int_equal(st, zn_json_status(&j));
            assert_true(a.len <= limit);
            assert_true(a.data == NULL || a.data[a.len] == '\0');
            if (st == ZN_OK) {
                assert_string_equal(a.data, c.data);
                if (!pretty) {
                    assert_string_equal(a.data, objects_compact);
                }
            } else {
                assert_int_equal(st, ZN_ERR_TOO_BIG);
            }
            zn_buf_clear(&a);
            zn_buf_clear(&c);
        }
    }
}

static void test_json_object_misuse_and_depth(void **state)
{
    (void)state;
    zn_buf b;
    zn_buf_init(&b, 0);
    zn_json j;
    zn_json_init(&j, &b, false);
    const zn__json_member m[] = {ZN__JSON_INT("n", 1)};
    zn_json_begin_object(&j);
    zn__json_object(&j, m, 1); // a value without a key
    assert_int_equal(zn_json_status(&j), ZN_ERR_INVALID_ARG);
    assert_string_equal(b.data, "{");
    b.len = 0;
    zn_json_init(&j, &b, false);
    for (int i = 0; i < ZN_JSON_MAX_DEPTH; i++) {
        zn_json_begin_array(&j);
    }
    assert_int_equal(zn_json_status(&j), ZN_OK);
    zn__json_object(&j, m, 1); // one level too deep
    assert_int_equal(zn_json_status(&j), ZN_ERR_TOO_BIG);
    zn_buf_clear(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_objects_arrays_and_pretty_form),
        cmocka_unit_test(test_json_misuse_is_sticky_invalid_arg),
        cmocka_unit_test(test_json_depth_limit_and_buffer_limit),
        cmocka_unit_test(test_json_doubles_read_back_finite),
        cmocka_unit_test(test_json_members_write_what_key_and_value_write),
        cmocka_unit_test(test_json_member_after_key_is_misuse),
        cmocka_unit_test(test_json_buffer_limit_at_every_size),
        cmocka_unit_test(test_json_named_calls_write_what_the_public_ones_write),
        cmocka_unit_test(test_json_object_writes_what_its_members_write),
        cmocka_unit_test(test_json_object_misuse_and_depth),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
