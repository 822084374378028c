/* SPDX-License-Identifier: MIT
 * Unit tests for src/util: the strict UTF-8 decoder, zn_buf and error messages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"

static uint32_t decode_one(const char *s, size_t len, size_t *used)
{
    size_t pos = 0;
    uint32_t cp = zn__utf8_next(s, len, &pos);
    *used = pos;
    return cp;
}

static void test_utf8_next_decodes_han(void **state)
{
    (void)state;
    size_t used;
    assert_int_equal(decode_one("全球", 6, &used), 0x5168);
    assert_int_equal(used, 3);
    assert_int_equal(decode_one("\xF0\xA0\x80\x80", 4, &used), 0x20000);
    assert_int_equal(used, 4);
}

static void test_utf8_next_rejects_overlong(void **state)
{
    (void)state;
    size_t used;
    assert_int_equal(decode_one("\xC0\xAF", 2, &used), ZN_UTF8_INVALID);
    assert_int_equal(used, 1);
    assert_int_equal(decode_one("\xE0\x80\xAF", 3, &used), ZN_UTF8_INVALID);
    assert_int_equal(decode_one("\xF0\x80\x80\xAF", 4, &used), ZN_UTF8_INVALID);
}

static void test_utf8_next_rejects_surrogates_and_out_of_range(void **state)
{
    (void)state;
    size_t used;
    assert_int_equal(decode_one("\xED\xA0\x80", 3, &used), ZN_UTF8_INVALID);
    assert_int_equal(decode_one("\xF4\x90\x80\x80", 4, &used), ZN_UTF8_INVALID);
    assert_int_equal(decode_one("\xF5\x80\x80\x80", 4, &used), ZN_UTF8_INVALID);
}

static void test_utf8_next_rejects_truncated_and_stray(void **state)
{
    (void)state;
    size_t used;
    assert_int_equal(decode_one("\xE5\x85", 2, &used), ZN_UTF8_INVALID);
    assert_int_equal(used, 1);
    assert_int_equal(decode_one("\x85", 1, &used), ZN_UTF8_INVALID);
    assert_int_equal(decode_one("\xE5\x85" "A", 3, &used), ZN_UTF8_INVALID);
}

static void test_utf8_valid_prefix_stops_at_first_error(void **state)
{
    (void)state;
    const char s[] = "ab全\xFF球";
    assert_int_equal(zn__utf8_valid_prefix(s, sizeof s - 1), 5);
    assert_true(zn__utf8_is_valid("全球", 6));
    assert_false(zn__utf8_is_valid(s, sizeof s - 1));
}

static void test_utf8_boundary_never_cuts_sequence(void **state)
{
    (void)state;
    const char *s = "a全球";
    assert_int_equal(zn__utf8_boundary(s, 7), 7);
    assert_int_equal(zn__utf8_boundary(s, 6), 4);
    assert_int_equal(zn__utf8_boundary(s, 5), 4);
    assert_int_equal(zn__utf8_boundary(s, 4), 4);
    assert_int_equal(zn__utf8_boundary(s, 2), 1);
}

static void test_utf8_encode_roundtrip_and_prev(void **state)
{
    (void)state;
    char out[4];
    assert_int_equal(zn__utf8_encode(0x7403, out), 3);
    assert_memory_equal(out, "球", 3);
    assert_int_equal(zn__utf8_encode(0xD800, out), 0);
    assert_int_equal(zn__utf8_encode(0x110000, out), 0);
    size_t pos = 7;
    assert_int_equal(zn__utf8_prev("a全球", &pos), 0x7403);
    assert_int_equal(pos, 4);
    assert_int_equal(zn__utf8_count("a全球", 7), 3);
}

// The count of every prefix of a text of 1- to 4-byte characters, short and long (the
// sixteen-byte steps sum their lanes every 255 steps: past 4,080 bytes), equals one count
// of the bytes that are no continuation bytes; so does a count from an odd offset.
static void test_utf8_count_every_length(void **state)
{
    (void)state;
    static const char *const chars[] = {"a", "\xc3\xa9", "\xe5\x85\xa8", "\xf0\xa0\x80\x80",
                                        "\xe7\x90\x83"}; // a é 全 U+20000 球
    enum { LEN = 9000 };
    static char text[LEN];
    size_t len = 0;
    for (size_t k = 0; len + 4 <= LEN; k = (k + 2) % 5) {
        size_t n = strlen(chars[k]);
        memcpy(text + len, chars[k], n);
        len += n;
    }
    size_t want = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || ((unsigned char)text[i] & 0xC0) != 0x80) {
            // i is a boundary: the prefix [0, i) has `want` characters
            assert_int_equal(zn__utf8_count(text, i), want);
            if (i >= 1) { // text[0] is "a"
                assert_int_equal(zn__utf8_count(text + 1, i - 1), want - 1);
            }
        }
        want += i < len && ((unsigned char)text[i] & 0xC0) != 0x80;
    }
}

static void test_cp_classes(void **state)
{
    (void)state;
    assert_true(zn__cp_is_han(0x5168));
    assert_false(zn__cp_is_han('A'));
    assert_true(zn__cp_is_space(0x3000));
    assert_true(zn__cp_is_space(0xA0));
    assert_false(zn__cp_is_space(0x3001));
}

static void test_buf_appends_and_stays_terminated(void **state)
{
    (void)state;
    zn_buf b;
    zn_buf_init(&b, 0);
    assert_int_equal(zn_buf_puts(&b, "騰訊"), ZN_OK);
    assert_int_equal(zn_buf_printf(&b, " %d", 70), ZN_OK);
    assert_string_equal(b.data, "騰訊 70");
    size_t len;
    char *s = zn_buf_take(&b, &len);
    assert_int_equal(len, strlen("騰訊 70"));
    assert_null(b.data);
    zn_free(s);
}

static void test_buf_limit_returns_too_big_and_keeps_content(void **state)
{
    (void)state;
    zn_buf b;
    zn_buf_init(&b, 4);
    assert_int_equal(zn_buf_puts(&b, "abc"), ZN_OK);
    assert_int_equal(zn_buf_puts(&b, "de"), ZN_ERR_TOO_BIG);
    assert_string_equal(b.data, "abc");
    assert_int_equal(zn_buf_printf(&b, "%s", "long text beyond"), ZN_ERR_TOO_BIG);
    assert_int_equal(b.len, 3);
    zn_buf_clear(&b);
}

static void test_buf_long_printf(void **state)
{
    (void)state;
    zn_buf b;
    zn_buf_init(&b, 0);
    char big[600];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    assert_int_equal(zn_buf_printf(&b, "[%s]", big), ZN_OK);
    assert_int_equal(b.len, 601);
    zn_buf_clear(&b);
}

static void test_buf_nomem_leaves_buffer_unchanged(void **state)
{
    (void)state;
    zn_buf b;
    zn_buf_init(&b, 0);
    zn__alloc_fail_after(0);
    assert_int_equal(zn_buf_puts(&b, "x"), ZN_ERR_NOMEM);
    zn__alloc_fail_after((size_t)-1);
    assert_null(b.data);
    assert_int_equal(b.len, 0);
    char *empty = zn_buf_take(&b, NULL);
    assert_string_equal(empty, "");
    zn_free(empty);
}

static void test_error_at_names_path_and_cuts_at_utf8_boundary(void **state)
{
    (void)state;
    zn_error err;
    zn_error_init(&err);
    assert_int_equal(zn__error_at(&err, ZN_ERR_EMPTY, "a/b.txt", "empty file"), ZN_ERR_EMPTY);
    assert_string_equal(err.message, "a/b.txt: empty file");
    assert_int_equal(err.code, ZN_ERR_EMPTY);
    zn__error_at(&err, ZN_ERR_IO, "-", "read failed");
    assert_string_equal(err.message, "<stdin>: read failed");
    char longmsg[2000];
    for (int i = 0; i < 300; i++) {
        memcpy(longmsg + 3 * i, "全", 3);
    }
    longmsg[900] = '\0';
    zn__error_set(&err, ZN_ERR_IO, "%s", longmsg);
    assert_true(zn__utf8_is_valid(err.message, strlen(err.message)));
    assert_null(zn__error_set(NULL, ZN_ERR_IO, "ignored") == ZN_ERR_IO ? NULL : "x");
}

static void test_status_names_come_from_one_table(void **state)
{
    (void)state;
    assert_string_equal(zn_status_name(ZN_ERR_NOMEM), "ZN_ERR_NOMEM");
    assert_string_equal(zn_status_str(ZN_ERR_NOMEM), "out of memory");
    assert_string_equal(zn_status_name((zn_status)999), "ZN_UNKNOWN");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_next_decodes_han),
        cmocka_unit_test(test_utf8_next_rejects_overlong),
        cmocka_unit_test(test_utf8_next_rejects_surrogates_and_out_of_range),
        cmocka_unit_test(test_utf8_next_rejects_truncated_and_stray),
        cmocka_unit_test(test_utf8_valid_prefix_stops_at_first_error),
        cmocka_unit_test(test_utf8_boundary_never_cuts_sequence),
        cmocka_unit_test(test_utf8_encode_roundtrip_and_prev),
        cmocka_unit_test(test_utf8_count_every_length),
        cmocka_unit_test(test_cp_classes),
        cmocka_unit_test(test_buf_appends_and_stays_terminated),
        cmocka_unit_test(test_buf_limit_returns_too_big_and_keeps_content),
        cmocka_unit_test(test_buf_long_printf),
        cmocka_unit_test(test_buf_nomem_leaves_buffer_unchanged),
        cmocka_unit_test(test_error_at_names_path_and_cuts_at_utf8_boundary),
        cmocka_unit_test(test_status_names_come_from_one_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
