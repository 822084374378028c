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

#include "output/json_member.h"
#include "util/alloc.h"
#include "util/utf8.h"
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

/* The escaper's pieces and what each becomes inside a JSON string; none starts with a
 * continuation byte, so any sequence of them escapes piece by piece. They cover the fast
 * paths (plain ASCII, words of 8, Chinese characters of lead bytes E3-EF) and the slow ones
 * (other sequences decoded, U+2028/9, controls, invalid and truncated bytes). */
static const char *const esc_in[] = {
    "a", "Zz09 ", "\"", "\\", "\n", "\x01", "\x1f", "\x7f", "/", "中", "国务院", "、",
    "\xc3\xa9", "\xf0\xa0\x80\x80", "\xe1\x84\x80", "\xe2\x80\xa8", "\xe2\x80\xa9",
    "\xe2\x80\xa7", "\xff", "\xe5\x85", "\xc0\xaf", "\xed\xa0\x80", "plain ASCII run 1234567",
};
static const char *const esc_out[] = {
    "a", "Zz09 ", "\\\"", "\\\\", "\\n", "\\u0001", "\\u001f", "\x7f", "/", "中", "国务院", "、",
    "\xc3\xa9", "\xf0\xa0\x80\x80", "\xe1\x84\x80", "\\u2028", "\\u2029",
    "\xe2\x80\xa7", "\\ufffd", "\\ufffd\\ufffd", "\\ufffd\\ufffd", "\\ufffd\\ufffd\\ufffd",
    "plain ASCII run 1234567",
};

// Builds string number `seed` from the pieces (deterministic), and the expected JSON.
static size_t esc_case(unsigned seed, char *in, char *want)
{
    size_t n = 0;
    size_t w = 0;
    want[w++] = '"';
    unsigned x = seed * 2654435761u + 1;
    unsigned count = seed % 29;
    for (unsigned k = 0; k < count; k++) {
        x = x * 1103515245u + 12345u;
        size_t i = (x >> 16) % (sizeof esc_in / sizeof esc_in[0]);
        memcpy(in + n, esc_in[i], strlen(esc_in[i]));
        n += strlen(esc_in[i]);
        memcpy(want + w, esc_out[i], strlen(esc_out[i]));
        w += strlen(esc_out[i]);
    }
    want[w++] = '"';
    want[w] = '\0';
    return n;
}

static void test_json_escaping_matches_piece_by_piece(void **state)
{
    (void)state;
    char in[1024];
    char want[4096];
    zn_buf roomy; // written straight into the buffer
    zn_buf_init(&roomy, 0);
    assert_int_equal(zn_buf_append(&roomy, want, sizeof want), ZN_OK);
    for (unsigned seed = 0; seed < 3000; seed++) {
        size_t n = esc_case(seed, in, want);
        zn_json j;
        roomy.len = 0;
        zn_json_init(&j, &roomy, false);
        zn_json_string(&j, in, n);
        assert_int_equal(zn_json_status(&j), ZN_OK);
        assert_string_equal(roomy.data, want);
        zn_buf fresh; // no room yet: through the stack array, in slices
        zn_buf_init(&fresh, 0);
        zn_json_init(&j, &fresh, false);
        zn_json_string(&j, in, n);
        assert_int_equal(zn_json_status(&j), ZN_OK);
        assert_string_equal(fresh.data, want);
        zn_buf_clear(&fresh);
    }
    zn_buf_clear(&roomy);
}

static void test_json_escapes_at_start_middle_and_end(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"\"abcdefghijklmnop", "\"\\\"abcdefghijklmnop\""},
        {"abcdefgh\\ijklmnop", "\"abcdefgh\\\\ijklmnop\""},
        {"abcdefghijklmnop\n", "\"abcdefghijklmnop\\n\""},
        {"\xe2\x80\xa8中文中文中文", "\"\\u2028中文中文中文\""},
        {"中文中\xe2\x80\xa9文中文", "\"中文中\\u2029文中文\""},
        {"中文中文中文\xe2\x80\xa8", "\"中文中文中文\\u2028\""},
        {"中\xe5\x85国", "\"中\\ufffd\\ufffd国\""},
        {"中文\xe4\xb8", "\"中文\\ufffd\\ufffd\""},
        {"abcdefg\x1f", "\"abcdefg\\u001f\""},
        {"abc\tdefghijklmnopqrstuvwxyz0123456789", "\"abc\\tdefghijklmnopqrstuvwxyz0123456789\""},
    };
    zn_buf b;
    zn_buf_init(&b, 0);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        b.len = 0;
        zn_json j;
        zn_json_init(&j, &b, false);
        zn_json_cstr(&j, cases[i][0]);
        assert_int_equal(zn_json_status(&j), ZN_OK);
        assert_string_equal(b.data, cases[i][1]);
    }
    zn_buf_clear(&b);
}

static void test_json_long_ascii_and_chinese_runs(void **state)
{
    (void)state;
    char in[3000];
    char want[3100];
    for (size_t len = 0; len < 300; len += 7) {
        for (size_t i = 0; i < len; i++) {
            in[i] = (char)('a' + i % 26);
        }
        want[0] = '"';
        memcpy(want + 1, in, len);
        want[len + 1] = '"';
        want[len + 2] = '\0';
        zn_buf b;
        zn_buf_init(&b, 0);
        zn_json j;
        zn_json_init(&j, &b, false);
        zn_json_string(&j, in, len); // slow path (no room yet)
        zn_json_string(&j, in, len); // fast path (room now), after a comma
        assert_int_equal(zn_json_status(&j), ZN_OK);
        assert_memory_equal(b.data, want, len + 2);
        assert_int_equal(b.data[len + 2], ',');
        assert_string_equal(b.data + len + 3, want);
        zn_buf_clear(&b);
    }
    size_t n = 0;
    for (size_t k = 0; k < 700; k++) { // 2100 bytes of 中
        memcpy(in + n, "中", 3);
        n += 3;
    }
    zn_buf b;
    zn_buf_init(&b, 0);
    zn_json j;
    zn_json_init(&j, &b, false);
    zn_json_string(&j, in, n);
    assert_int_equal(zn_json_status(&j), ZN_OK);
    assert_int_equal(b.len, n + 2);
    assert_memory_equal(b.data + 1, in, n);
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

// The writer's output for a plain string of n bytes with byte c at position at (n when none),
// as a JSON string, against the bytes built by hand: ASCII runs of every length up to 40 with
// a byte to escape (or a non-ASCII character) at every place, on the fast and the slow path.
static void test_json_short_ascii_runs_with_a_byte_anywhere(void **state)
{
    (void)state;
    static const char *const odd[][2] = {{"\"", "\\\""}, {"\\", "\\\\"}, {"\x1f", "\\u001f"},
                                         {"\n", "\\n"}, {"é", "é"}, {"中", "中"}, {"\xff", "\\ufffd"}};
    char in[64];
    char want[128];
    zn_buf roomy;
    zn_buf_init(&roomy, 0);
    assert_int_equal(zn_buf_append(&roomy, want, sizeof want), ZN_OK);
    for (size_t n = 0; n <= 40; n++) {
        for (size_t at = 0; at <= n; at++) {
            for (size_t k = 0; k < sizeof odd / sizeof odd[0]; k++) {
                size_t len = 0;
                size_t w = 0;
                want[w++] = '"';
                for (size_t i = 0; i < n; i++) {
                    if (i == at) {
                        memcpy(in + len, odd[k][0], strlen(odd[k][0]));
                        len += strlen(odd[k][0]);
                        memcpy(want + w, odd[k][1], strlen(odd[k][1]));
                        w += strlen(odd[k][1]);
                    }
                    char c = (char)('!' + (i * 7 + n) % 90); // printable ASCII
                    c = c == '"' || c == '\\' ? 'x' : c;
                    in[len++] = c;
                    want[w++] = c;
                }
                memcpy(want + w, "\"", 2);
                for (int fast = 0; fast < 2; fast++) {
                    zn_buf fresh;
                    zn_buf_init(&fresh, 0);
                    zn_buf *b = fast ? &roomy : &fresh;
                    b->len = 0;
                    zn_json j;
                    zn_json_init(&j, b, false);
                    zn_json_string(&j, in, len);
                    assert_int_equal(zn_json_status(&j), ZN_OK);
                    assert_string_equal(b->data, want);
                    zn_buf_clear(&fresh);
                }
            }
        }
    }
    zn_buf_clear(&roomy);
}

// Chinese strings of 1 to 6 characters (the short ones are checked as a whole) with one
// character replaced by each of a few three-byte pieces that must not go out as they are, or
// that are plain: every length, every place, on the fast and the slow path.
static void test_json_short_chinese_with_a_piece_anywhere(void **state)
{
    (void)state;
    static const char *const piece[][2] = {
        {"中", "中"}, {"\xe2\x80\xa8", "\\u2028"}, {"\xed\xa0\x80", "\\ufffd\\ufffd\\ufffd"},
        {"\xe1\x84\x80", "\xe1\x84\x80"}, {"a\"b", "a\\\"b"}, {"\xe5\x85" "a", "\\ufffd\\ufffda"},
        {"abc", "abc"}, {"\xef\xbc\x8c", "\xef\xbc\x8c"}, {"\x80\x80\x80", "\\ufffd\\ufffd\\ufffd"},
    };
    char in[32];
    char want[128];
    zn_buf roomy;
    zn_buf_init(&roomy, 0);
    assert_int_equal(zn_buf_append(&roomy, want, sizeof want), ZN_OK);
    for (size_t chars = 1; chars <= 6; chars++) {
        for (size_t at = 0; at < chars; at++) {
            for (size_t k = 0; k < sizeof piece / sizeof piece[0]; k++) {
                size_t w = 0;
                want[w++] = '"';
                for (size_t i = 0; i < chars; i++) {
                    const char *c = i == at ? piece[k][0] : "國";
                    const char *e = i == at ? piece[k][1] : "國";
                    memcpy(in + 3 * i, c, 3);
                    memcpy(want + w, e, strlen(e));
                    w += strlen(e);
                }
                memcpy(want + w, "\"", 2);
                for (int fast = 0; fast < 2; fast++) {
                    zn_buf fresh;
                    zn_buf_init(&fresh, 0);
                    zn_buf *b = fast ? &roomy : &fresh;
                    b->len = 0;
                    zn_json j;
                    zn_json_init(&j, b, false);
                    zn_json_string(&j, in, 3 * chars);
                    assert_int_equal(zn_json_status(&j), ZN_OK);
                    assert_string_equal(b->data, want);
                    zn_buf_clear(&fresh);
                }
            }
        }
    }
    zn_buf_clear(&roomy);
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
        cmocka_unit_test(test_json_escapes_every_control_character),
        cmocka_unit_test(test_json_invalid_utf8_becomes_replacement),
        cmocka_unit_test(test_json_objects_arrays_and_pretty_form),
        cmocka_unit_test(test_json_misuse_is_sticky_invalid_arg),
        cmocka_unit_test(test_json_depth_limit_and_buffer_limit),
        cmocka_unit_test(test_json_doubles_read_back_finite),
        cmocka_unit_test(test_cp_cursor_counts_code_points),
        cmocka_unit_test(test_json_escaping_matches_piece_by_piece),
        cmocka_unit_test(test_json_escapes_at_start_middle_and_end),
        cmocka_unit_test(test_json_long_ascii_and_chinese_runs),
        cmocka_unit_test(test_json_members_write_what_key_and_value_write),
        cmocka_unit_test(test_json_member_after_key_is_misuse),
        cmocka_unit_test(test_json_buffer_limit_at_every_size),
        cmocka_unit_test(test_json_short_ascii_runs_with_a_byte_anywhere),
        cmocka_unit_test(test_json_short_chinese_with_a_piece_anywhere),
        cmocka_unit_test(test_json_named_calls_write_what_the_public_ones_write),
        cmocka_unit_test(test_json_object_writes_what_its_members_write),
        cmocka_unit_test(test_json_object_misuse_and_depth),
        cmocka_unit_test(test_utf8_count_every_length_and_offset),
        cmocka_unit_test(test_cp_cursor_any_order),
        cmocka_unit_test(test_fields_parse),
        cmocka_unit_test(test_doc_json_parses_back_with_fields),
        cmocka_unit_test(test_doc_json_too_big_names_the_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
