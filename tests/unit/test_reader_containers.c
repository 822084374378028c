/* SPDX-License-Identifier: MIT
 * Unit tests for the reader's containers: lines (line modes), JSON Lines and TREC/SGML, in
 * several encodings and with tiny read chunks, with bad records that must not stop the rest. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "reader/reader_int.h"
#include "support_tmpdir.h"
#include "util/alloc.h"
#include "zhnews/reader.h"

#define FIX "tests/fixtures/reader/"
#define MAX_RECORDS 16

static char tmpdir[64];

static const char *tmp_file(const char *name, const char *text)
{
    static char path[128];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    fclose(f);
    return path;
}

// Everything a reader hands out: records, and the status and message of each call that
// failed (in order, with the index of the record that followed).
typedef struct result {
    zn_record *recs[MAX_RECORDS];
    size_t n;
    zn_status errors[MAX_RECORDS];
    char messages[MAX_RECORDS][ZN_ERROR_MESSAGE_MAX];
    size_t n_errors;
    zn_status last; // ZN_OK when the input ended normally
} result;

static void read_all(const char *path, zn_input_format format, size_t chunk, result *res)
{
    memset(res, 0, sizeof *res);
    zn_reader_options o;
    zn_reader_options_init(&o);
    o.format = format;
    zn_reader *r;
    zn_error err;
    res->last = zn_reader_open(&r, path, &o, &err);
    if (res->last != ZN_OK) {
        return;
    }
    if (chunk > 0) {
        zn__reader_set_chunk(r, chunk);
    }
    for (;;) {
        zn_record *rec;
        zn_status st = zn_reader_next(r, &rec, &err);
        if (st == ZN_ERR_FORMAT && res->n_errors < MAX_RECORDS) {
            res->errors[res->n_errors] = st;
            snprintf(res->messages[res->n_errors], ZN_ERROR_MESSAGE_MAX, "%s", err.message);
            res->n_errors++;
            continue;
        }
        if (st != ZN_OK || rec == NULL) {
            res->last = st;
            break;
        }
        assert_true(res->n < MAX_RECORDS);
        res->recs[res->n++] = rec;
    }
    zn_reader_close(r);
}

static void free_all(result *res)
{
    for (size_t i = 0; i < res->n; i++) {
        zn_record_free(res->recs[i]);
    }
}

static int setup(void **state)
{
    (void)state;
    return test_tmpdir_make(tmpdir, sizeof tmpdir, "zn-readerc");
}

static int teardown(void **state)
{
    (void)state;
    return test_tmpdir_remove(tmpdir);
}

static void test_lines_keep_empty_lines_and_strip_crlf(void **state)
{
    (void)state;
    const char *p = tmp_file("lines.txt", "第一行\r\n\r\n第三行 end\nlast without newline");
    static const size_t chunks[] = {0, 1, 2, 5};
    for (size_t c = 0; c < 4; c++) {
        result res;
        read_all(p, ZN_FORMAT_LINES, chunks[c], &res);
        assert_int_equal(res.last, ZN_OK);
        assert_int_equal(res.n, 4);
        assert_string_equal(res.recs[0]->text, "第一行");
        assert_string_equal(res.recs[1]->text, "");
        assert_string_equal(res.recs[2]->text, "第三行 end");
        assert_string_equal(res.recs[3]->text, "last without newline");
        for (size_t i = 0; i < 4; i++) {
            assert_int_equal(res.recs[i]->format, ZN_FORMAT_LINES);
            assert_int_equal(res.recs[i]->line, i + 1);
            assert_int_equal(res.recs[i]->index, i);
        }
        assert_int_equal(res.recs[0]->bytes, strlen("第一行\r\n"));
        free_all(&res);
    }
}

static void test_lines_of_crlf_fixture_in_every_chunk_size(void **state)
{
    (void)state;
    result want;
    read_all(FIX "article-trad.txt", ZN_FORMAT_LINES, 0, &want);
    assert_int_equal(want.n, 9);
    static const size_t chunks[] = {1, 3, 7};
    for (size_t c = 0; c < 3; c++) {
        result got;
        read_all(FIX "article-trad.crlf.txt", ZN_FORMAT_LINES, chunks[c], &got);
        assert_int_equal(got.n, want.n);
        for (size_t i = 0; i < got.n; i++) {
            assert_string_equal(got.recs[i]->text, want.recs[i]->text);
        }
        free_all(&got);
        // The same lines from the UTF-16 copy (decoded as it is read).
        read_all(FIX "article-trad.utf16le-bom.txt", ZN_FORMAT_LINES, chunks[c], &got);
        assert_int_equal(got.n, want.n);
        for (size_t i = 0; i < got.n; i++) {
            assert_string_equal(got.recs[i]->text, want.recs[i]->text);
            assert_string_equal(got.recs[i]->encoding, "UTF-16LE");
        }
        free_all(&got);
    }
    free_all(&want);
}

static void test_empty_inputs_of_record_containers_have_no_records(void **state)
{
    (void)state;
    const char *p = tmp_file("empty.jsonl", "");
    static const zn_input_format formats[] = {ZN_FORMAT_LINES, ZN_FORMAT_JSONL, ZN_FORMAT_TREC};
    for (size_t i = 0; i < 3; i++) {
        result res;
        read_all(p, formats[i], 0, &res);
        assert_int_equal(res.last, ZN_OK);
        assert_int_equal(res.n, 0);
        assert_int_equal(res.n_errors, 0);
    }
    // Auto on an empty .jsonl file: JSON Lines by the name, no records.
    result res;
    read_all(p, ZN_FORMAT_AUTO, 0, &res);
    assert_int_equal(res.last, ZN_OK);
    assert_int_equal(res.n, 0);
}

static void test_jsonl_fields_defaults_and_meta(void **state)
{
    (void)state;
    result res;
    read_all(FIX "news.jsonl", ZN_FORMAT_AUTO, 3, &res);
    assert_int_equal(res.last, ZN_OK);
    assert_int_equal(res.n, 2);
    zn_record *a = res.recs[0];
    assert_int_equal(a->format, ZN_FORMAT_JSONL);
    assert_string_equal(a->text, "香港大學的暑期營今日開幕，許多學生參加。");
    assert_string_equal(a->id, "101");
    assert_string_equal(a->title, "港大數據科學營開幕");
    assert_string_equal(a->date, "2023-07-10");
    assert_string_equal(a->meta_json, "{\"source\":\"本報\",\"tags\":[\"教育\",\"科技\"]}");
    zn_record *b = res.recs[1];
    assert_string_equal(b->text, "西湖区的社区图书馆周六开放。");
    assert_string_equal(b->id, "n-102");
    assert_string_equal(b->date, "2023-07-08");
    assert_null(b->meta_json);
    assert_int_equal(b->line, 2);
    free_all(&res);
}

static void test_jsonl_in_big5_parses_after_decoding(void **state)
{
    (void)state;
    // 許 is B3 5C in Big5: a backslash byte that only decoding makes harmless.
    result res;
    read_all(FIX "news.big5.jsonl", ZN_FORMAT_AUTO, 2, &res);
    assert_int_equal(res.last, ZN_OK);
    assert_int_equal(res.n, 1);
    assert_string_equal(res.recs[0]->encoding, "BIG5");
    assert_string_equal(res.recs[0]->text, "香港大學的暑期營今日開幕，許多學生參加。");
    free_all(&res);
}

static void test_jsonl_bad_lines_are_reported_and_skipped(void **state)
{
    (void)state;
    const char *p = tmp_file("mixed.jsonl", "{\"text\": \"一\"}\n"
                                             "not json at all\n"
                                             "\n"
                                             "[1, 2]\n"
                                             "{\"title\": \"no text\"}\n"
                                             "{\"content\": 42}\n"
                                             "{\"text\": \"二\", \"id\": 7}\r\n");
    result res;
    read_all(p, ZN_FORMAT_JSONL, 0, &res);
    assert_int_equal(res.last, ZN_OK);
    assert_int_equal(res.n, 2);
    assert_string_equal(res.recs[0]->text, "一");
    assert_string_equal(res.recs[1]->text, "二");
    assert_string_equal(res.recs[1]->id, "7");
    assert_int_equal(res.recs[1]->line, 7);
    assert_int_equal(res.recs[1]->index, 1);
    assert_int_equal(res.n_errors, 4);
    assert_non_null(strstr(res.messages[0], "mixed.jsonl: line 2: invalid JSON"));
    assert_non_null(strstr(res.messages[1], "line 4: not a JSON object"));
    assert_non_null(strstr(res.messages[2], "line 5: JSON object has no text field"));
    assert_non_null(strstr(res.messages[3], "line 6: JSON object has a text field that is not"));
    free_all(&res);
}

static void test_jsonl_field_options(void **state)
{
    (void)state;
    const char *p = tmp_file("fields.jsonl", "{\"body\": \"正文\", \"headline\": \"標題\", "
                                              "\"content\": \"other\", \"uid\": \"x1\"}\n");
    zn_reader_options o;
    zn_reader_options_init(&o);
    o.text_field = "body";
    o.title_field = "headline";
    o.id_field = "uid";
    zn_reader *r;
    assert_int_equal(zn_reader_open(&r, p, &o, NULL), ZN_OK);
    zn_record *rec;
    assert_int_equal(zn_reader_next(r, &rec, NULL), ZN_OK);
    assert_string_equal(rec->text, "正文");
    assert_string_equal(rec->title, "標題");
    assert_string_equal(rec->id, "x1");
    assert_string_equal(rec->meta_json, "{\"content\":\"other\"}");
    zn_record_free(rec);
    zn_reader_close(r);
}

static void test_trec_sogou_in_gb18030(void **state)
{
    (void)state;
    // Chunks of 1 to 9 bytes put every window edge inside and just after "<doc>".
    static const size_t chunks[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    for (size_t c = 0; c < sizeof chunks / sizeof chunks[0]; c++) {
        result res;
        read_all(FIX "sogou.gb18030.trec", ZN_FORMAT_AUTO, chunks[c], &res);
        assert_int_equal(res.last, ZN_OK);
        assert_int_equal(res.n, 2);
        zn_record *a = res.recs[0];
        assert_string_equal(a->encoding, "GB18030");
        assert_int_equal(a->format, ZN_FORMAT_TREC);
        assert_string_equal(a->id, "a1b2c3d4e5f60001");
        assert_string_equal(a->title, "社区图书馆开放 首个周末读者超两千");
        assert_string_equal(a->text, "位于西湖区的社区图书馆上周六正式开放，馆长说：\"欢迎大家来读书\"。");
        assert_string_equal(a->meta_json, "{\"url\":\"http://news.example.cn/2023/0708/1.html\"}");
        assert_int_equal(a->line, 1);
        assert_string_equal(res.recs[1]->title, "夜间公交线路调整");
        assert_int_equal(res.recs[1]->line, 7);
        free_all(&res);
    }
}

static void test_trec_gigaword_paragraphs_and_entities(void **state)
{
    (void)state;
    result res;
    read_all(FIX "gigaword.sgml", ZN_FORMAT_AUTO, 5, &res);
    assert_int_equal(res.last, ZN_OK);
    assert_int_equal(res.n, 1);
    zn_record *a = res.recs[0];
    assert_string_equal(a->id, "XIN_CMN_20230710.0001");
    assert_string_equal(a->title, "港大舉辦數據科學營");
    assert_string_equal(a->text, "香港大學計算機系今日宣布，與本地企業合辦暑期數據科學營。\n"
                                 "負責人表示，學生將學習 data cleaning 與建模 & 展示。");
    assert_string_equal(a->meta_json, "{\"dateline\":\"新華社香港７月１０日電\",\"type\":\"story\"}");
    free_all(&res);
}

static void test_trec_unquoted_attribute_and_plain_text(void **state)
{
    (void)state;
    const char *p = tmp_file("old.sgml", "<DOC id=XIN_CMN_19950101.0002 type=story>\n"
                                          "<TEXT>\n  第一段。\n</TEXT>\n</DOC>\n");
    result res;
    read_all(p, ZN_FORMAT_AUTO, 0, &res);
    assert_int_equal(res.n, 1);
    assert_string_equal(res.recs[0]->id, "XIN_CMN_19950101.0002");
    assert_string_equal(res.recs[0]->text, "第一段。");
    assert_string_equal(res.recs[0]->meta_json, "{\"type\":\"story\"}");
    free_all(&res);
}

static void test_trec_missing_end_tag_is_reported_and_next_found(void **state)
{
    (void)state;
    const char *p = tmp_file("broken.trec", "<doc>\n<docno>1</docno>\n<content>甲</content>\n"
                                             "<doc>\n<docno>2</docno>\n<content>乙 &#20013;&#x6587; &bogus;</content>\n</doc>\n"
                                             "<doc>\n<docno>3</docno>\n<content>丙</content>\n");
    result res;
    read_all(p, ZN_FORMAT_TREC, 3, &res);
    assert_int_equal(res.last, ZN_OK);
    assert_int_equal(res.n, 1);
    assert_string_equal(res.recs[0]->id, "2");
    assert_string_equal(res.recs[0]->text, "乙 中文 &bogus;");
    assert_int_equal(res.recs[0]->line, 4);
    assert_int_equal(res.n_errors, 2);
    assert_non_null(strstr(res.messages[0], "broken.trec: line 1: <doc> without </doc>"));
    assert_non_null(strstr(res.messages[1], "line 8: <doc> without </doc>"));
    free_all(&res);
}

static void test_trec_without_doc_is_format_error(void **state)
{
    (void)state;
    const char *p = tmp_file("nodoc.trec", "just some text\n");
    result res;
    read_all(p, ZN_FORMAT_TREC, 0, &res);
    assert_int_equal(res.n, 0);
    assert_int_equal(res.n_errors, 1);
    assert_non_null(strstr(res.messages[0], "no <doc> record found"));
}

static void test_line_too_big(void **state)
{
    (void)state;
    const char *p = tmp_file("long.txt", "short\nthis line is far too long for the limit\nx\n");
    zn_reader_options o;
    zn_reader_options_init(&o);
    o.format = ZN_FORMAT_LINES;
    o.max_record_bytes = 16;
    zn_reader *r;
    assert_int_equal(zn_reader_open(&r, p, &o, NULL), ZN_OK);
    zn__reader_set_chunk(r, 4);
    zn_record *rec;
    zn_error err;
    assert_int_equal(zn_reader_next(r, &rec, &err), ZN_OK);
    assert_string_equal(rec->text, "short");
    zn_record_free(rec);
    assert_int_equal(zn_reader_next(r, &rec, &err), ZN_ERR_TOO_BIG);
    assert_non_null(strstr(err.message, "line 2 longer than 16 bytes"));
    assert_int_equal(zn_reader_next(r, &rec, &err), ZN_OK);
    assert_null(rec); // the input is finished after that error
    zn_reader_close(r);
}

static void test_pipe_line_by_line_does_not_wait_for_a_sample(void **state)
{
    (void)state;
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    int saved = dup(STDIN_FILENO);
    assert_int_equal(dup2(fds[0], STDIN_FILENO), STDIN_FILENO);
    close(fds[0]);
    // GB18030 for 社区图书馆 (our text), one line, the writer still open.
    static const char line1[] = "\xc9\xe7\xc7\xf8\xcd\xbc\xca\xe9\xb9\xdd\n";
    assert_int_equal(write(fds[1], line1, sizeof line1 - 1), (ssize_t)(sizeof line1 - 1));
    zn_reader_options o;
    zn_reader_options_init(&o);
    o.format = ZN_FORMAT_LINES;
    zn_reader *r;
    assert_int_equal(zn_reader_open(&r, "-", &o, NULL), ZN_OK);
    zn_record *rec;
    assert_int_equal(zn_reader_next(r, &rec, NULL), ZN_OK); // would block if it waited
    assert_string_equal(rec->text, "社区图书馆");
    assert_string_equal(rec->encoding, "GB18030");
    zn_record_free(rec);
    assert_int_equal(write(fds[1], "end", 3), 3);
    close(fds[1]);
    assert_int_equal(zn_reader_next(r, &rec, NULL), ZN_OK);
    assert_string_equal(rec->text, "end");
    zn_record_free(rec);
    assert_int_equal(zn_reader_next(r, &rec, NULL), ZN_OK);
    assert_null(rec);
    zn_reader_close(r);
    dup2(saved, STDIN_FILENO);
    close(saved);
}

static void test_container_allocation_failure_loop(void **state)
{
    (void)state;
    static const struct {
        const char *path;
        zn_input_format format;
        size_t records;
    } cases[] = {
        {FIX "sogou.gb18030.trec", ZN_FORMAT_AUTO, 2},
        {FIX "news.jsonl", ZN_FORMAT_AUTO, 2},
        {FIX "article-simp.utf16be.txt", ZN_FORMAT_LINES, 7},
    };
    for (size_t c = 0; c < 3; c++) {
        bool done = false;
        for (size_t n = 0; n < 400 && !done; n++) {
            zn__alloc_fail_after(n);
            result res;
            read_all(cases[c].path, cases[c].format, 5, &res);
            bool failed = zn__alloc_failed();
            zn__alloc_fail_after((size_t)-1);
            if (res.last == ZN_OK) {
                assert_int_equal(res.n, cases[c].records);
                done = !failed;
            } else {
                assert_int_equal(res.last, ZN_ERR_NOMEM);
            }
            free_all(&res);
        }
        assert_true(done);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lines_keep_empty_lines_and_strip_crlf),
        cmocka_unit_test(test_lines_of_crlf_fixture_in_every_chunk_size),
        cmocka_unit_test(test_empty_inputs_of_record_containers_have_no_records),
        cmocka_unit_test(test_jsonl_fields_defaults_and_meta),
        cmocka_unit_test(test_jsonl_in_big5_parses_after_decoding),
        cmocka_unit_test(test_jsonl_bad_lines_are_reported_and_skipped),
        cmocka_unit_test(test_jsonl_field_options),
        cmocka_unit_test(test_trec_sogou_in_gb18030),
        cmocka_unit_test(test_trec_gigaword_paragraphs_and_entities),
        cmocka_unit_test(test_trec_unquoted_attribute_and_plain_text),
        cmocka_unit_test(test_trec_missing_end_tag_is_reported_and_next_found),
        cmocka_unit_test(test_trec_without_doc_is_format_error),
        cmocka_unit_test(test_line_too_big),
        cmocka_unit_test(test_pipe_line_by_line_does_not_wait_for_a_sample),
        cmocka_unit_test(test_container_allocation_failure_loop),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
