/* SPDX-License-Identifier: MIT
 * Unit tests for src/lexicon: a tiny lexicon compiled from tests/fixtures/lexicon/ by
 * tools/lexcompile (with OpenCC forms) into BUILD/tests/fixture.lex, beside this program. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/alloc.h"
#include "zhnews/lexicon.h"

// The fixture lexicon of this build (tests/fixtures/lexicon, compiled by make check).
static const char fixture[] = ZN_TEST_FIXTURE_LEXICON;
static char tmpdir[] = "/tmp/zn-lexicon-XXXXXX";

static const char *tmp_path(const char *name)
{
    static char path[4200];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    return path;
}

static void write_file(const char *path, const void *bytes, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

static int setup(void **state)
{
    (void)state;
    return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int teardown(void **state)
{
    (void)state;
    const char *names[] = {"bad.lex", "short.lex", "cut.lex", "old.lex", "user.txt"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        unlink(tmp_path(names[i]));
    }
    rmdir(tmpdir);
    return 0;
}

static zn_lexicon *open_fixture(void)
{
    zn_lexicon *lex = NULL;
    zn_error err;
    assert_int_equal(zn_lexicon_open(&lex, fixture, &err), ZN_OK);
    assert_non_null(lex);
    return lex;
}

static void test_lookup_finds_simplified_and_traditional_forms(void **state)
{
    (void)state;
    zn_lexicon *lex = open_fixture();
    zn_word_info info;
    assert_true(zn_lexicon_lookup(lex, "技术", strlen("技术"), &info));
    assert_int_equal(info.freq, 4000);
    assert_string_equal(info.tag, "n");
    assert_int_equal(info.forms, ZN_FORM_SIMPLIFIED);
    assert_true(zn_lexicon_lookup(lex, "技術", strlen("技術"), &info));
    assert_int_equal(info.freq, 4000);
    assert_int_equal(info.forms, ZN_FORM_TRADITIONAL | ZN_FORM_TAIWAN | ZN_FORM_HONGKONG);
    // Taiwan phrase form (s2twp) differs from the plain Traditional one.
    assert_true(zn_lexicon_lookup(lex, "軟體", strlen("軟體"), &info));
    assert_int_equal(info.forms, ZN_FORM_TAIWAN);
    assert_true(zn_lexicon_lookup(lex, "軟件", strlen("軟件"), &info));
    assert_int_equal(info.forms & ZN_FORM_TRADITIONAL, ZN_FORM_TRADITIONAL);
    assert_true(zn_lexicon_lookup(lex, "香港中文大學", strlen("香港中文大學"), &info));
    assert_string_equal(info.tag, "nt");
    assert_false(zn_lexicon_lookup(lex, "技朮", strlen("技朮"), &info));
    // A prefix of a word is not a word; neither is the empty string.
    assert_false(zn_lexicon_lookup(lex, "香港中", strlen("香港中"), NULL));
    assert_false(zn_lexicon_lookup(lex, "", 0, NULL));
    zn_lexicon_close(lex);
}

static void test_forms_of_one_word_share_frequency_once(void **state)
{
    (void)state;
    zn_lexicon *lex = open_fixture();
    // 头发 -> 頭髮 in every Traditional standard: one entry, frequency counted once.
    zn_word_info info;
    assert_true(zn_lexicon_lookup(lex, "頭髮", strlen("頭髮"), &info));
    assert_int_equal(info.freq, 300);
    assert_int_equal(zn_lexicon_total_freq(lex), 282100);
    zn_lexicon_close(lex);
}

typedef struct seen {
    size_t lens[8];
    char tags[8][8];
    size_t n;
    size_t stop_after;
} seen;

static bool collect(void *ctx, size_t len, const zn_word_info *info)
{
    seen *s = ctx;
    s->lens[s->n] = len;
    memcpy(s->tags[s->n], info->tag, 8);
    s->n++;
    return s->n < s->stop_after;
}

static void test_prefixes_come_shortest_first(void **state)
{
    (void)state;
    zn_lexicon *lex = open_fixture();
    const char *text = "香港中文大學副校長";
    seen s = {.stop_after = 8};
    assert_int_equal(zn_lexicon_prefixes(lex, text, strlen(text), collect, &s), 2);
    assert_int_equal(s.n, 2);
    assert_int_equal(s.lens[0], 6);
    assert_string_equal(s.tags[0], "ns");
    assert_int_equal(s.lens[1], 18);
    assert_string_equal(s.tags[1], "nt");
    // The callback stops the scan.
    seen one = {.stop_after = 1};
    assert_int_equal(zn_lexicon_prefixes(lex, text, strlen(text), collect, &one), 1);
    // The text may end inside a word: only whole words count.
    seen cut = {.stop_after = 8};
    assert_int_equal(zn_lexicon_prefixes(lex, text, 12, collect, &cut), 1);
    seen none = {.stop_after = 8};
    assert_int_equal(zn_lexicon_prefixes(lex, "水", 3, collect, &none), 0);
    zn_lexicon_close(lex);
}

static void test_char_model_has_traditional_forms(void **state)
{
    (void)state;
    zn_lexicon *lex = open_fixture();
    float emit[4];
    float start[4];
    float trans[4][4];
    zn_lexicon_char_model(lex, start, trans);
    assert_float_equal(start[ZN_CHAR_B], -0.3f, 1e-6);
    assert_float_equal(trans[ZN_CHAR_M][ZN_CHAR_E], -0.3f, 1e-6);
    assert_true(trans[ZN_CHAR_B][ZN_CHAR_S] < -1e5f);
    assert_true(zn_lexicon_char_emit(lex, 0x7F57, emit)); // 罗
    assert_float_equal(emit[ZN_CHAR_B], -4.0f, 1e-6);
    assert_true(zn_lexicon_char_emit(lex, 0x7F85, emit)); // 羅, from s2t
    assert_float_equal(emit[ZN_CHAR_B], -4.0f, 1e-6);
    assert_float_equal(emit[ZN_CHAR_S], -9.0f, 1e-6);
    assert_false(zn_lexicon_char_emit(lex, 0x6C34, emit)); // 水: not listed
    zn_lexicon_close(lex);
}

static void test_open_reports_missing_bad_and_truncated_files(void **state)
{
    (void)state;
    zn_lexicon *lex = (zn_lexicon *)&lex;
    zn_error err;
    assert_int_equal(zn_lexicon_open(&lex, tmp_path("none.lex"), &err), ZN_ERR_NOT_FOUND);
    assert_null(lex);
    assert_non_null(strstr(err.message, "none.lex"));
    assert_int_equal(zn_lexicon_open(&lex, tmpdir, &err), ZN_ERR_IS_DIR);
    char junk[256];
    memset(junk, 'x', sizeof junk);
    write_file(tmp_path("bad.lex"), junk, sizeof junk);
    assert_int_equal(zn_lexicon_open(&lex, tmp_path("bad.lex"), &err), ZN_ERR_DATA);
    assert_non_null(strstr(err.message, "bad magic"));
    write_file(tmp_path("short.lex"), "ZNLEX", 5);
    assert_int_equal(zn_lexicon_open(&lex, tmp_path("short.lex"), &err), ZN_ERR_DATA);
    // A real lexicon cut short: the header no longer matches the size.
    FILE *f = fopen(fixture, "rb");
    assert_non_null(f);
    char buf[1024];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    assert_true(n > 200);
    write_file(tmp_path("cut.lex"), buf, 200);
    assert_int_equal(zn_lexicon_open(&lex, tmp_path("cut.lex"), &err), ZN_ERR_DATA);
    assert_non_null(strstr(err.message, "bad header"));
    // A lexicon of the previous format (version byte of the magic 3): rebuild it.
    buf[5] = 3;
    write_file(tmp_path("old.lex"), buf, n);
    assert_int_equal(zn_lexicon_open(&lex, tmp_path("old.lex"), &err), ZN_ERR_DATA);
    assert_non_null(strstr(err.message, "format 3, this build reads format 4"));
    assert_non_null(strstr(err.message, "rebuild"));
    assert_null(lex);
}

// A first character with many continuations, and a word with many: their children lie in
// hash tables, found through the edge filter; every word, its frequency and its absence.
static void test_wide_nodes_find_every_child(void **state)
{
    (void)state;
    char path[4200];
    snprintf(path, sizeof path, "%.*s-wide.lex", (int)(strlen(fixture) - 4), fixture);
    zn_lexicon *lex = NULL;
    zn_error err;
    assert_int_equal(zn_lexicon_open(&lex, path, &err), ZN_OK);
    assert_int_equal(zn_lexicon_size(lex), 32);
    const char *seconds[] = {"学", "家", "会", "量", "型", "多", "小", "人", "门", "海", "山", "河",
                             "路", "雨", "风", "火", "事", "国", "楼", "军", "战", "使", "街", "米"};
    zn_word_info info;
    char w[32];
    for (size_t i = 0; i < sizeof seconds / sizeof *seconds; i++) {
        snprintf(w, sizeof w, "大%s", seconds[i]);
        assert_true(zn_lexicon_lookup(lex, w, strlen(w), &info));
        assert_int_equal(info.freq, 100 + i);
        assert_string_equal(info.tag, "n");
    }
    const char *thirds[] = {"生", "城", "部", "校", "院", "者"};
    for (size_t i = 0; i < sizeof thirds / sizeof *thirds; i++) {
        snprintf(w, sizeof w, "大学%s", thirds[i]);
        assert_true(zn_lexicon_lookup(lex, w, strlen(w), &info));
        assert_int_equal(info.freq, 50 + i);
    }
    assert_false(zn_lexicon_lookup(lex, "大熊", strlen("大熊"), NULL));
    assert_false(zn_lexicon_lookup(lex, "大学楼", strlen("大学楼"), NULL));
    assert_false(zn_lexicon_lookup(lex, "大学生活", strlen("大学生活"), NULL));
    assert_false(zn_lexicon_lookup(lex, "小", strlen("小"), NULL)); // a prefix only
    assert_true(zn_lexicon_lookup(lex, "小学", strlen("小学"), NULL));
    seen s = {.stop_after = 8};
    assert_int_equal(zn_lexicon_prefixes(lex, "大学生活", strlen("大学生活"), collect, &s), 3);
    assert_int_equal(s.lens[0], 3);
    assert_int_equal(s.lens[1], 6);
    assert_int_equal(s.lens[2], 9);
    zn_lexicon_close(lex);
}

static void test_user_dict_adds_words_and_prefixes(void **state)
{
    (void)state;
    zn_lexicon *lex = open_fixture();
    size_t before = zn_lexicon_size(lex);
    const char *text = "# names\n戴春晨 nr\n\n技术 99999\r\n羅智泉 20 nr\nAI Lab\n";
    write_file(tmp_path("user.txt"), text, strlen(text));
    zn_error err;
    assert_int_equal(zn_lexicon_load_user_dict(lex, tmp_path("user.txt"), &err), ZN_OK);
    assert_int_equal(zn_lexicon_size(lex), before + 3); // 技术 was listed already
    zn_word_info info;
    assert_true(zn_lexicon_lookup(lex, "戴春晨", strlen("戴春晨"), &info));
    assert_int_equal(info.freq, 10000);
    assert_string_equal(info.tag, "nr");
    assert_int_equal(info.forms, ZN_FORM_USER);
    assert_true(zn_lexicon_lookup(lex, "技术", strlen("技术"), &info));
    assert_int_equal(info.freq, 99999);
    assert_string_equal(info.tag, "n");
    assert_int_equal(info.forms, ZN_FORM_SIMPLIFIED | ZN_FORM_USER);
    assert_true(zn_lexicon_lookup(lex, "AI", 2, &info));
    assert_string_equal(info.tag, "Lab"); // the third field is the tag, not a second word
    assert_false(zn_lexicon_lookup(lex, "戴春", strlen("戴春"), NULL));
    seen s = {.stop_after = 8};
    assert_int_equal(zn_lexicon_prefixes(lex, "羅智泉說", strlen("羅智泉說"), collect, &s), 1);
    assert_int_equal(s.lens[0], 9);
    assert_int_equal(zn_lexicon_add_word(lex, "汪韜", strlen("汪韜"), 0, NULL, &err), ZN_OK);
    assert_true(zn_lexicon_lookup(lex, "汪韜", strlen("汪韜"), &info));
    assert_string_equal(info.tag, "n"); // no tag given, none in the lexicon
    zn_lexicon_close(lex);
}

static void test_user_dict_rejects_bad_lines_and_changes_nothing(void **state)
{
    (void)state;
    zn_lexicon *lex = open_fixture();
    size_t before = zn_lexicon_size(lex);
    zn_error err;
    const char *cases[][2] = {
        {"戴春晨 nr\n汪韜 12x\n", "bad frequency '12x' (line 2)"},
        {"戴春晨 5 toolongtag\n", "tag longer than 7 bytes (line 1)"},
        {"戴春晨\n\xE6\x88\n", "invalid UTF-8 (byte 10)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        write_file(tmp_path("user.txt"), cases[i][0], strlen(cases[i][0]));
        assert_int_equal(zn_lexicon_load_user_dict(lex, tmp_path("user.txt"), &err),
                         ZN_ERR_FORMAT);
        assert_non_null(strstr(err.message, cases[i][1]));
        assert_false(zn_lexicon_lookup(lex, "戴春晨", strlen("戴春晨"), NULL));
    }
    assert_int_equal(zn_lexicon_load_user_dict(lex, tmp_path("no.txt"), &err), ZN_ERR_NOT_FOUND);
    assert_int_equal(zn_lexicon_add_word(lex, "a b", 3, 0, NULL, &err), ZN_ERR_INVALID_ARG);
    assert_int_equal(zn_lexicon_add_word(lex, "", 0, 0, NULL, &err), ZN_ERR_INVALID_ARG);
    assert_int_equal(zn_lexicon_add_word(lex, "\xFF", 1, 0, NULL, &err), ZN_ERR_INVALID_ARG);
    assert_int_equal(zn_lexicon_add_word(lex, "ab", 2, 0, "12345678", &err),
                     ZN_ERR_INVALID_ARG);
    assert_int_equal(zn_lexicon_size(lex), before);
    zn_lexicon_close(lex);
}

static void test_open_and_user_dict_survive_allocation_failures(void **state)
{
    (void)state;
    const char *text = "戴春晨 nr\n羅智泉 20 nr\n";
    write_file(tmp_path("user.txt"), text, strlen(text));
    for (size_t n = 0;; n++) {
        zn__alloc_fail_after(n);
        zn_lexicon *lex = NULL;
        zn_error err;
        zn_status st = zn_lexicon_open(&lex, fixture, &err);
        if (st == ZN_OK) {
            st = zn_lexicon_load_user_dict(lex, tmp_path("user.txt"), &err);
            if (st == ZN_ERR_NOMEM) {
                assert_false(zn_lexicon_lookup(lex, "戴春晨", strlen("戴春晨"), NULL));
            }
        } else {
            assert_null(lex);
        }
        bool failed = zn__alloc_failed();
        zn__alloc_fail_after((size_t)-1);
        if (st == ZN_OK) {
            assert_false(failed);
            assert_true(zn_lexicon_lookup(lex, "羅智泉", strlen("羅智泉"), NULL));
            zn_lexicon_close(lex);
            break;
        }
        assert_int_equal(st, ZN_ERR_NOMEM);
        zn_lexicon_close(lex);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lookup_finds_simplified_and_traditional_forms),
        cmocka_unit_test(test_forms_of_one_word_share_frequency_once),
        cmocka_unit_test(test_prefixes_come_shortest_first),
        cmocka_unit_test(test_char_model_has_traditional_forms),
        cmocka_unit_test(test_open_reports_missing_bad_and_truncated_files),
        cmocka_unit_test(test_wide_nodes_find_every_child),
        cmocka_unit_test(test_user_dict_adds_words_and_prefixes),
        cmocka_unit_test(test_user_dict_rejects_bad_lines_and_changes_nothing),
        cmocka_unit_test(test_open_and_user_dict_survive_allocation_failures),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
