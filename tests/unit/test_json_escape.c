/* SPDX-License-Identifier: MIT
 * Unit tests for the JSON writer's strings: every control character, invalid UTF-8, escapes
 * piece by piece and anywhere, long runs and the short strings checked as a whole, on the
 * fast path (room in the buffer) and the slow one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <string.h>

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_escapes_every_control_character),
        cmocka_unit_test(test_json_invalid_utf8_becomes_replacement),
        cmocka_unit_test(test_json_escaping_matches_piece_by_piece),
        cmocka_unit_test(test_json_escapes_at_start_middle_and_end),
        cmocka_unit_test(test_json_long_ascii_and_chinese_runs),
        cmocka_unit_test(test_json_short_ascii_runs_with_a_byte_anywhere),
        cmocka_unit_test(test_json_short_chinese_with_a_piece_anywhere),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
