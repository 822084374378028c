/* SPDX-License-Identifier: MIT
 * Unit tests for the reader: opening, encodings (detection, --from, byte-order marks), the
 * --on-invalid policies, every error status of the contract, sequences straddling read
 * chunks, and allocation failure. Containers are in test_reader_containers.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "reader/reader_int.h"
#include "support_tmpdir.h"
#include "util/alloc.h"
#include "zhnews/reader.h"

#define FIX "tests/fixtures/reader/"

static char tmpdir[64];

// A whole file as a NUL-terminated string (test helper; aborts the test on failure).
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    if (len != NULL) {
        *len = n;
    }
    char *copy = malloc(n + 1);
    assert_non_null(copy);
    memcpy(copy, buf, n + 1);
    return copy;
}

static const char *tmp_file(const char *name, const void *bytes, size_t len)
{
    static char path[128];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, len, f), len);
    fclose(f);
    return path;
}

// utf8 converted to `enc` with iconv; *len gets the size. Free with free().
static char *encode(const char *utf8, const char *enc, size_t *len)
{
    iconv_t cd = iconv_open(enc, "UTF-8");
    assert_true(cd != (iconv_t)-1);
    size_t il = strlen(utf8);
    size_t cap = il * 4 + 8;
    char *out = malloc(cap);
    assert_non_null(out);
    char *ip = (char *)utf8;
    char *op = out;
    size_t ol = cap;
    assert_int_not_equal(iconv(cd, &ip, &il, &op, &ol), (size_t)-1);
    iconv_close(cd);
    *len = cap - ol;
    return out;
}

// Reads the only record of path with the given options and chunk size.
static zn_status read_one(const char *path, const zn_reader_options *opts, size_t chunk,
                          zn_record **rec, zn_error *err)
{
    zn_reader *r;
    zn_status st = zn_reader_open(&r, path, opts, err);
    if (st != ZN_OK) {
        *rec = NULL;
        return st;
    }
    if (chunk > 0) {
        zn__reader_set_chunk(r, chunk);
    }
    st = zn_reader_next(r, rec, err);
    zn_reader_close(r);
    return st;
}

static int setup(void **state)
{
    (void)state;
    return test_tmpdir_make(tmpdir, sizeof tmpdir, "zn-reader");
}

static int teardown(void **state)
{
    (void)state;
    return test_tmpdir_remove(tmpdir);
}

static void test_open_missing_file_is_not_found(void **state)
{
    (void)state;
    zn_reader *r = (zn_reader *)1;
    zn_error err;
    assert_int_equal(zn_reader_open(&r, "no/such/file.txt", NULL, &err), ZN_ERR_NOT_FOUND);
    assert_null(r);
    assert_int_equal(err.code, ZN_ERR_NOT_FOUND);
    assert_non_null(strstr(err.message, "no/such/file.txt: cannot open"));
}

static void test_open_directory_is_dir(void **state)
{
    (void)state;
    zn_reader *r;
    zn_error err;
    assert_int_equal(zn_reader_open(&r, tmpdir, NULL, &err), ZN_ERR_IS_DIR);
    assert_null(r);
    assert_non_null(strstr(err.message, "is a directory"));
}

static void test_open_unknown_from_is_invalid_arg(void **state)
{
    (void)state;
    zn_reader_options o;
    zn_reader_options_init(&o);
    o.from = "KLINGON-8";
    zn_reader *r;
    zn_error err;
    assert_int_equal(zn_reader_open(&r, FIX "article-simp.txt", &o, &err), ZN_ERR_INVALID_ARG);
    assert_null(r);
    assert_non_null(strstr(err.message, "unknown encoding 'KLINGON-8'"));
}

static void test_empty_text_file_is_empty(void **state)
{
    (void)state;
    zn_record *rec;
    zn_error err;
    const char *p = tmp_file("empty.txt", "", 0);
    assert_int_equal(read_one(p, NULL, 0, &rec, &err), ZN_ERR_EMPTY);
    assert_null(rec);
    assert_non_null(strstr(err.message, "empty.txt: empty file"));
    // A byte-order mark alone is empty too.
    p = tmp_file("bom.txt", "\xEF\xBB\xBF", 3);
    assert_int_equal(read_one(p, NULL, 0, &rec, &err), ZN_ERR_EMPTY);
}

static void test_binary_is_not_text(void **state)
{
    (void)state;
    unsigned char bin[600];
    for (size_t i = 0; i < sizeof bin; i++) {
        bin[i] = (unsigned char)((i * 37 + 11) % 256); // NULs and every other byte
    }
    memcpy(bin, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    const char *p = tmp_file("image.png", bin, sizeof bin);
    zn_record *rec;
    zn_error err;
    assert_int_equal(read_one(p, NULL, 0, &rec, &err), ZN_ERR_NOT_TEXT);
    assert_null(rec);
    assert_non_null(strstr(err.message, "image.png: not text (NUL byte at byte 8)"));
}

// Every fixture decodes to the text of its UTF-8 original, whatever the chunk size.
static void check_same_text(const char *encoded, const char *original, const char *from,
                            const char *label)
{
    char *want = slurp(original, NULL);
    static const size_t chunks[] = {0, 1, 2, 3, 5, 7, 64};
    for (size_t i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
        zn_reader_options o;
        zn_reader_options_init(&o);
        o.from = from;
        zn_record *rec;
        zn_error err;
        assert_int_equal(read_one(encoded, &o, chunks[i], &rec, &err), ZN_OK);
        assert_string_equal(rec->text, want);
        assert_int_equal(rec->len, strlen(want));
        assert_string_equal(rec->encoding, label);
        assert_int_equal(rec->invalid_bytes, 0);
        assert_int_equal(rec->format, ZN_FORMAT_TEXT);
        zn_record_free(rec);
    }
    free(want);
}

static void test_fixtures_decode_to_original_text(void **state)
{
    (void)state;
    check_same_text(FIX "article-simp.gb18030.txt", FIX "article-simp.txt", NULL, "GB18030");
    check_same_text(FIX "article-trad.gb18030.txt", FIX "article-trad.txt", NULL, "GB18030");
    check_same_text(FIX "article-trad.big5.txt", FIX "article-trad.txt", NULL, "BIG5");
    check_same_text(FIX "hkscs.big5hkscs.txt", FIX "hkscs.txt", NULL, "BIG5-HKSCS");
    check_same_text(FIX "article-trad.utf16le-bom.txt", FIX "article-trad.txt", NULL,
                    "UTF-16LE");
    check_same_text(FIX "article-simp.utf8-bom.txt", FIX "article-simp.txt", NULL, "UTF-8");
    check_same_text(FIX "article-simp.txt", FIX "article-simp.txt", NULL, "UTF-8");
    // UTF-16 without a byte-order mark, named with --from.
    check_same_text(FIX "article-simp.utf16be.txt", FIX "article-simp.txt", "UTF-16BE",
                    "UTF-16BE");
    // --from BIG5 decodes as Big5-HKSCS, so 僟 (HKSCS only) survives.
    check_same_text(FIX "hkscs.big5hkscs.txt", FIX "hkscs.txt", "big5", "BIG5");
    check_same_text(FIX "article-simp.gb18030.txt", FIX "article-simp.txt", "GBK", "GB18030");
}

static void test_gb18030_four_byte_sequences_straddle_chunks(void **state)
{
    (void)state;
    // 㐀 (U+3400) and 𠀀 (U+20000) are four bytes each in GB18030; 僟 is two in Big5-HKSCS.
    static const char text[] = "社区㐀图书馆𠀀开放，欢迎读者。\n第二行 line 2\n";
    size_t len;
    char *gb = encode(text, "GB18030", &len);
    const char *p = tmp_file("four.gb.txt", gb, len);
    for (size_t chunk = 1; chunk <= 9; chunk++) {
        static const zn_input_format formats[] = {ZN_FORMAT_TEXT, ZN_FORMAT_LINES};
        for (size_t f = 0; f < 2; f++) {
            zn_reader_options o;
            zn_reader_options_init(&o);
            o.format = formats[f];
            o.from = chunk % 2 == 0 ? "GB18030" : NULL;
            zn_record *rec;
            zn_error err;
            assert_int_equal(read_one(p, &o, chunk, &rec, &err), ZN_OK);
            assert_string_equal(rec->encoding, "GB18030");
            if (f == 0) {
                assert_string_equal(rec->text, text);
            } else {
                assert_string_equal(rec->text, "社区㐀图书馆𠀀开放，欢迎读者。");
            }
            assert_int_equal(rec->invalid_bytes, 0);
            zn_record_free(rec);
        }
    }
    free(gb);
}

static void test_detection_confidence_and_info(void **state)
{
    (void)state;
    zn_reader *r;
    assert_int_equal(zn_reader_open(&r, FIX "article-trad.big5.txt", NULL, NULL), ZN_OK);
    zn_reader_info info;
    zn_reader_get_info(r, &info);
    assert_false(info.detected);
    zn_record *rec;
    assert_int_equal(zn_reader_next(r, &rec, NULL), ZN_OK);
    assert_true(rec->confidence > 0.99 && rec->confidence <= 1.0);
    zn_reader_get_info(r, &info);
    assert_true(info.detected);
    assert_string_equal(info.encoding, "BIG5");
    assert_int_equal(info.format, ZN_FORMAT_TEXT);
    zn_record_free(rec);
    assert_int_equal(zn_reader_next(r, &rec, NULL), ZN_OK);
    assert_null(rec);
    zn_reader_close(r);
}

static void test_short_snippets_are_detected(void **state)
{
    (void)state;
    // A headline of a few characters: uchardet alone is unsure here; the model is not.
    static const struct {
        const char *text;
        const char *enc;
        const char *label;
    } cases[] = {
        {"社区图书馆开放", "GB18030", "GB18030"},
        {"港大舉辦數據科學營", "BIG5", "BIG5"},
        {"港大舉辦數據科學營", "GB18030", "GB18030"},
        {"ID 4432 https://example.com/a 夜间公交", "GB18030", "GB18030"},
        {"這裏", "BIG5-HKSCS", "BIG5-HKSCS"},
        // Valid UTF-8 of two-byte sequences only could be GB18030 or Big5 too; it is not.
        {"Temperature 25°C today", "UTF-8", "UTF-8"},
        {"Crème brûlée, São Paulo", "UTF-8", "UTF-8"},
        {"Αθήνα", "UTF-8", "UTF-8"},
        {"Москва", "UTF-8", "UTF-8"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t len;
        char *bytes = encode(cases[i].text, cases[i].enc, &len);
        zn_record *rec;
        zn_error err;
        assert_int_equal(zn_record_from_bytes(&rec, "snippet", bytes, len, NULL, &err), ZN_OK);
        assert_string_equal(rec->encoding, cases[i].label);
        assert_string_equal(rec->text, cases[i].text);
        zn_record_free(rec);
        free(bytes);
    }
}

// GB18030 text with one invalid byte (0xFF) after "社区" (4 bytes) and a lead byte cut at
// the end of the file.
static const char *bad_gb18030(size_t *len)
{
    size_t n;
    char *gb = encode("社区图书馆开放，欢迎读者。", "GB18030", &n);
    static char bytes[128];
    memcpy(bytes, gb, 4);
    bytes[4] = '\xFF';
    memcpy(bytes + 5, gb + 4, n - 4);
    bytes[n + 1] = '\xB7'; // the first byte of a two-byte character, cut off
    *len = n + 2;
    free(gb);
    return bytes;
}

static void test_invalid_bytes_fail_names_offset(void **state)
{
    (void)state;
    size_t len;
    const char *bytes = bad_gb18030(&len);
    const char *p = tmp_file("bad.gb.txt", bytes, len);
    zn_reader_options o;
    zn_reader_options_init(&o);
    o.from = "GB18030";
    zn_record *rec;
    zn_error err;
    assert_int_equal(read_one(p, &o, 3, &rec, &err), ZN_ERR_ENCODING);
    assert_null(rec);
    char want[160];
    snprintf(want, sizeof want, "%s: invalid GB18030 at byte 4", p);
    assert_string_equal(err.message, want);
}

static void test_invalid_bytes_replace_and_skip_count(void **state)
{
    (void)state;
    size_t len;
    const char *bytes = bad_gb18030(&len);
    const char *p = tmp_file("bad2.gb.txt", bytes, len);
    zn_reader_options o;
    zn_reader_options_init(&o);
    o.on_invalid = ZN_INVALID_REPLACE;
    zn_record *rec;
    zn_error err;
    // Detection still finds GB18030: two bad bytes do not outweigh the text.
    assert_int_equal(read_one(p, &o, 5, &rec, &err), ZN_OK);
    assert_string_equal(rec->encoding, "GB18030");
    assert_string_equal(rec->text, "社区\xEF\xBF\xBD图书馆开放，欢迎读者。\xEF\xBF\xBD");
    assert_int_equal(rec->invalid_bytes, 2);
    assert_true(rec->confidence < 1.0);
    zn_record_free(rec);
    o.on_invalid = ZN_INVALID_SKIP;
    assert_int_equal(read_one(p, &o, 0, &rec, &err), ZN_OK);
    assert_string_equal(rec->text, "社区图书馆开放，欢迎读者。");
    assert_int_equal(rec->invalid_bytes, 2);
    zn_record_free(rec);
}

static void test_truncated_utf8_at_end_fails_at_its_offset(void **state)
{
    (void)state;
    const char *p = tmp_file("cut.txt", "abc 全球\xE5\x85", 12);
    zn_record *rec;
    zn_error err;
    zn_reader_options o;
    zn_reader_options_init(&o);
    o.from = "UTF-8";
    assert_int_equal(read_one(p, &o, 2, &rec, &err), ZN_ERR_ENCODING);
    char want[160];
    snprintf(want, sizeof want, "%s: invalid UTF-8 at byte 10", p);
    assert_string_equal(err.message, want);
    o.on_invalid = ZN_INVALID_REPLACE;
    assert_int_equal(read_one(p, &o, 2, &rec, &err), ZN_OK);
    assert_string_equal(rec->text, "abc 全球\xEF\xBF\xBD\xEF\xBF\xBD");
    assert_int_equal(rec->invalid_bytes, 2);
    zn_record_free(rec);
}

static void test_too_big_article(void **state)
{
    (void)state;
    zn_reader_options o;
    zn_reader_options_init(&o);
    o.max_record_bytes = 100;
    zn_record *rec;
    zn_error err;
    assert_int_equal(read_one(FIX "article-simp.txt", &o, 7, &rec, &err), ZN_ERR_TOO_BIG);
    assert_null(rec);
    assert_non_null(strstr(err.message, "article larger than 100 bytes"));
}

static void test_ascii_start_then_gb18030_is_found(void **state)
{
    (void)state;
    // 70 KB of ASCII, then GB18030: detection looks past the first sample.
    size_t n;
    char *gb = encode("\n社区图书馆开放\n", "GB18030", &n);
    size_t ascii = 70000;
    char *bytes = malloc(ascii + n);
    assert_non_null(bytes);
    memset(bytes, 'a', ascii);
    for (size_t i = 79; i < ascii; i += 80) {
        bytes[i] = '\n';
    }
    memcpy(bytes + ascii, gb, n);
    const char *p = tmp_file("late.txt", bytes, ascii + n);
    zn_record *rec;
    assert_int_equal(read_one(p, NULL, 0, &rec, NULL), ZN_OK);
    assert_string_equal(rec->encoding, "GB18030");
    assert_non_null(strstr(rec->text, "社区图书馆开放"));
    zn_record_free(rec);
    free(bytes);
    free(gb);
}

static void test_stdin_is_read(void **state)
{
    (void)state;
    int saved = dup(STDIN_FILENO);
    int fd = open(FIX "article-trad.big5.txt", O_RDONLY);
    assert_true(saved >= 0 && fd >= 0);
    assert_int_equal(dup2(fd, STDIN_FILENO), STDIN_FILENO);
    close(fd);
    zn_record *rec;
    zn_status st = read_one("-", NULL, 3, &rec, NULL);
    dup2(saved, STDIN_FILENO);
    close(saved);
    assert_int_equal(st, ZN_OK);
    assert_string_equal(rec->path, "-");
    assert_string_equal(rec->encoding, "BIG5");
    zn_record_free(rec);
}

static void test_read_failure_is_io_error(void **state)
{
    (void)state;
    // stdin open for writing only: read() fails with EBADF.
    int saved = dup(STDIN_FILENO);
    int fd = open("/dev/null", O_WRONLY);
    assert_true(saved >= 0 && fd >= 0);
    assert_int_equal(dup2(fd, STDIN_FILENO), STDIN_FILENO);
    close(fd);
    zn_record *rec;
    zn_error err;
    zn_status st = read_one("-", NULL, 0, &rec, &err);
    dup2(saved, STDIN_FILENO);
    close(saved);
    assert_int_equal(st, ZN_ERR_IO);
    assert_null(rec);
    assert_non_null(strstr(err.message, "<stdin>: read failed"));
}

static void test_record_from_bytes(void **state)
{
    (void)state;
    size_t len;
    char *gb = encode("全球科技", "GB18030", &len);
    zn_record *rec;
    zn_error err;
    assert_int_equal(zn_record_from_bytes(&rec, "mem", gb, len, NULL, &err), ZN_OK);
    assert_string_equal(rec->text, "全球科技");
    assert_string_equal(rec->path, "mem");
    assert_int_equal(rec->bytes, len);
    zn_record_free(rec);
    assert_int_equal(zn_record_from_bytes(&rec, "mem", "", 0, NULL, &err), ZN_ERR_EMPTY);
    assert_null(rec);
    free(gb);
}

static void test_script_guess(void **state)
{
    (void)state;
    assert_int_equal(zn_text_script_guess("互聯網巨頭", strlen("互聯網巨頭")),
                     ZN_TEXT_SCRIPT_TRADITIONAL);
    assert_int_equal(zn_text_script_guess("互联网巨头", strlen("互联网巨头")),
                     ZN_TEXT_SCRIPT_SIMPLIFIED);
    assert_int_equal(zn_text_script_guess("AI lab", 6), ZN_TEXT_SCRIPT_NONE);
    assert_int_equal(zn_text_script_guess("联网 聯網", strlen("联网 聯網")),
                     ZN_TEXT_SCRIPT_MIXED);
    assert_string_equal(zn_text_script_name(ZN_TEXT_SCRIPT_MIXED), "mixed");
}

// tests/bad/reader: each malformed input gives the status its EXPECTED line names, never a
// crash, and the reader always comes to an end.
static void test_bad_inputs_give_expected_status(void **state)
{
    (void)state;
    FILE *list = fopen("tests/bad/reader/EXPECTED", "r");
    assert_non_null(list);
    char line[256];
    size_t checked = 0;
    while (fgets(line, sizeof line, list) != NULL) {
        char name[128];
        char status[64];
        if (line[0] == '#' || sscanf(line, "%127s %63s", name, status) != 2) {
            continue;
        }
        char path[200];
        snprintf(path, sizeof path, "tests/bad/reader/%s", name);
        zn_reader *r;
        assert_int_equal(zn_reader_open(&r, path, NULL, NULL), ZN_OK);
        zn__reader_set_chunk(r, 3);
        zn_status first = ZN_OK;
        for (size_t calls = 0; calls < 100; calls++) {
            zn_record *rec;
            zn_error err;
            zn_status st = zn_reader_next(r, &rec, &err);
            if (st != ZN_OK && first == ZN_OK) {
                first = st;
                assert_non_null(strstr(err.message, name));
            }
            if (st == ZN_OK && rec == NULL) {
                break;
            }
            zn_record_free(rec);
        }
        zn_reader_close(r);
        if (strcmp(zn_status_name(first), status) != 0) {
            fail_msg("%s: got %s, expected %s", name, zn_status_name(first), status);
        }
        checked++;
    }
    fclose(list);
    assert_true(checked >= 8);
}

// Fails allocation 0, 1, 2, ... until reading succeeds: every failure is ZN_ERR_NOMEM (or
// a clean success) and ASan sees no leak.
static void test_allocation_failure_loop(void **state)
{
    (void)state;
    const char *files[] = {FIX "article-trad.gb18030.txt", FIX "article-trad.utf16le-bom.txt",
                           FIX "article-simp.txt"};
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        bool done = false;
        for (size_t n = 0; n < 200 && !done; n++) {
            zn__alloc_fail_after(n);
            zn_record *rec = NULL;
            zn_error err;
            zn_status st = read_one(files[f], NULL, 7, &rec, &err);
            bool failed = zn__alloc_failed();
            zn__alloc_fail_after((size_t)-1);
            if (st == ZN_OK) {
                assert_non_null(rec);
                done = !failed;
            } else {
                assert_int_equal(st, ZN_ERR_NOMEM);
                assert_null(rec);
            }
            zn_record_free(rec);
        }
        assert_true(done);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_open_missing_file_is_not_found),
        cmocka_unit_test(test_open_directory_is_dir),
        cmocka_unit_test(test_open_unknown_from_is_invalid_arg),
        cmocka_unit_test(test_empty_text_file_is_empty),
        cmocka_unit_test(test_binary_is_not_text),
        cmocka_unit_test(test_fixtures_decode_to_original_text),
        cmocka_unit_test(test_gb18030_four_byte_sequences_straddle_chunks),
        cmocka_unit_test(test_detection_confidence_and_info),
        cmocka_unit_test(test_short_snippets_are_detected),
        cmocka_unit_test(test_invalid_bytes_fail_names_offset),
        cmocka_unit_test(test_invalid_bytes_replace_and_skip_count),
        cmocka_unit_test(test_truncated_utf8_at_end_fails_at_its_offset),
        cmocka_unit_test(test_too_big_article),
        cmocka_unit_test(test_ascii_start_then_gb18030_is_found),
        cmocka_unit_test(test_stdin_is_read),
        cmocka_unit_test(test_read_failure_is_io_error),
        cmocka_unit_test(test_record_from_bytes),
        cmocka_unit_test(test_script_guess),
        cmocka_unit_test(test_bad_inputs_give_expected_status),
        cmocka_unit_test(test_allocation_failure_loop),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
