/* SPDX-License-Identifier: MIT
 * Unit tests for src/batch: the folder walk (order, hidden names, globs, loops, broken
 * links), atomic files, and whole runs on generated trees — broken files reported and
 * skipped, nothing half-written, the index sorted, threads equal to one thread, --resume,
 * cancellation, callbacks, argument errors and allocation failures. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <ftw.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch/batch_int.h"
#include "util/alloc.h"
#include "zhnews/zhnews.h"

static const char article_a[] =
    "科技公司發表新款電池 續航力提升三成\n"
    "國內一家科技公司今天在台北發表新一代電動機車電池，宣稱續航力比上一代提升三成。\n"
    "公司總經理表示，新電池採用自行研發的材料技術，經過兩年測試，已取得多項專利。\n";

static const char article_b[] =
    "颱風逼近 氣象局發布海上警報\n"
    "氣象局今天上午發布海上颱風警報，提醒東部及南部海域的船隻注意安全。\n";

static const char article_c[] =
    "城市图书馆推出夜间开放服务\n"
    "市图书馆从下月起每周五和周六延长开放到晚上十点，方便上班族阅读和自习。\n";

static const char two_records[] =
    "{\"id\":\"n1\",\"content\":\"市政府今天宣布新的公車路線。\",\"time\":\"2018-06-12\"}\n"
    "{\"id\":\"n2\",\"content\":\"大學昨日公布研究結果。\",\"time\":\"2018年7月1日\"}\n";

static char root[512];

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    chmod(path, 0700);
    return remove(path);
}

static int setup(void **state)
{
    (void)state;
    const char *tmp = getenv("TMPDIR");
    snprintf(root, sizeof root, "%s/zn-batch-XXXXXX", tmp != NULL ? tmp : "/tmp");
    return mkdtemp(root) != NULL ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    nftw(root, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    return 0;
}

// root/rel, in one of four rotating buffers (so that two calls can be arguments together).
static const char *at(const char *rel)
{
    static char path[4][1024];
    static int next;
    next = (next + 1) % 4;
    snprintf(path[next], sizeof path[next], "%s/%s", root, rel);
    return path[next];
}

// Writes root/rel (creating folders).
static void put(const char *rel, const char *data, size_t len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    for (char *p = strchr(path + strlen(root) + 1, '/'); p != NULL; p = strchr(p + 1, '/')) {
        *p = '\0';
        mkdir(path, 0777);
        *p = '/';
    }
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

static void put_str(const char *rel, const char *text)
{
    put(rel, text, strlen(text));
}

// The contents of root/rel (malloc'd, NUL-terminated) or NULL when it does not exist.
static char *slurp(const char *rel, size_t *len)
{
    FILE *f = fopen(at(rel), "rb");
    if (f == NULL) {
        return NULL;
    }
    char *buf = malloc(1 << 20);
    assert_non_null(buf);
    size_t n = fread(buf, 1, (1 << 20) - 1, f);
    fclose(f);
    buf[n] = '\0';
    if (len != NULL) {
        *len = n;
    }
    return buf;
}

static bool exists(const char *rel)
{
    struct stat st;
    return stat(at(rel), &st) == 0;
}

static int count_temp_files(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return strstr(path, ".zhnews-tmp") != NULL; // nftw stops with 1 at the first one
}

static void assert_no_temp_files(const char *rel)
{
    assert_int_equal(nftw(at(rel), count_temp_files, 16, FTW_PHYS), 0);
}

/* ---- the walk ---- */

static void make_walk_tree(void)
{
    put_str("in/b.txt", "b");
    put_str("in/a.txt", "a");
    put_str("in/a/c.txt", "c");
    put_str("in/a/d.md", "d");
    put_str("in/.hidden.txt", "h");
    put_str("in/.hdir/x.txt", "x");
    assert_int_equal(symlink("..", at("in/a/loop")), 0);
    assert_int_equal(symlink("nowhere.txt", at("in/broken.txt")), 0);
    assert_int_equal(mkfifo(at("in/fifo"), 0600), 0);
}

static void assert_entry(const batch_entries *e, size_t i, const char *rel, entry_kind kind,
                         const char *reason)
{
    assert_true(i < e->count);
    assert_string_equal(e->items[i].rel, rel);
    assert_int_equal(e->items[i].kind, kind);
    if (reason != NULL) {
        assert_non_null(e->items[i].reason);
        assert_string_equal(e->items[i].reason, reason);
    }
}

static void test_walk_sorts_skips_hidden_and_reports_loops(void **state)
{
    (void)state;
    make_walk_tree();
    walk_options o = {false, NULL, NULL, false, 0, 0};
    batch_entries e;
    assert_int_equal(zn__batch_walk(at("in"), &o, &e, NULL), ZN_OK);
    assert_int_equal(e.count, 7);
    assert_entry(&e, 0, "a.txt", ENTRY_FILE, NULL);
    assert_entry(&e, 1, "a/c.txt", ENTRY_FILE, NULL);
    assert_entry(&e, 2, "a/d.md", ENTRY_FILE, NULL);
    assert_entry(&e, 3, "a/loop", ENTRY_IGNORED, "symbolic link loop: not followed");
    assert_entry(&e, 4, "b.txt", ENTRY_FILE, NULL);
    assert_entry(&e, 5, "broken.txt", ENTRY_FAILED, "broken symbolic link");
    assert_entry(&e, 6, "fifo", ENTRY_IGNORED, "not a regular file");
    assert_true(e.items[4].size == 1);
    zn__batch_entries_clear(&e);

    o.all = true;
    assert_int_equal(zn__batch_walk(at("in"), &o, &e, NULL), ZN_OK);
    assert_int_equal(e.count, 9);
    assert_entry(&e, 0, ".hdir/x.txt", ENTRY_FILE, NULL);
    assert_entry(&e, 1, ".hidden.txt", ENTRY_FILE, NULL);
    zn__batch_entries_clear(&e);
}

static void test_walk_include_and_exclude_globs(void **state)
{
    (void)state;
    make_walk_tree();
    walk_options o = {false, "*.txt", "a", false, 0, 0};
    batch_entries e;
    assert_int_equal(zn__batch_walk(at("in"), &o, &e, NULL), ZN_OK);
    assert_int_equal(e.count, 3); // folder a pruned; the fifo does not match *.txt
    assert_entry(&e, 0, "a.txt", ENTRY_FILE, NULL);
    assert_entry(&e, 1, "b.txt", ENTRY_FILE, NULL);
    assert_entry(&e, 2, "broken.txt", ENTRY_FAILED, NULL);
    zn__batch_entries_clear(&e);

    walk_options p = {false, "a/*.txt", NULL, false, 0, 0};
    assert_int_equal(zn__batch_walk(at("in"), &p, &e, NULL), ZN_OK);
    assert_int_equal(e.count, 2);
    assert_entry(&e, 0, "a/c.txt", ENTRY_FILE, NULL);
    assert_entry(&e, 1, "a/loop", ENTRY_IGNORED, NULL);
    zn__batch_entries_clear(&e);

    assert_true(zn__batch_glob_match("*.txt", "x/y/z.txt"));
    assert_false(zn__batch_glob_match("*.txt", "x/y/z.txt.bak"));
    assert_true(zn__batch_glob_match("x/*/z.txt", "x/y/z.txt"));
    assert_false(zn__batch_glob_match("x/*", "x/y/z.txt"));
}

static void test_walk_root_errors(void **state)
{
    (void)state;
    put_str("file.txt", "x");
    walk_options o = {false, NULL, NULL, false, 0, 0};
    batch_entries e;
    zn_error err;
    zn_error_init(&err);
    assert_int_equal(zn__batch_walk(at("missing"), &o, &e, &err), ZN_ERR_NOT_FOUND);
    assert_non_null(strstr(err.message, "missing: cannot open"));
    assert_int_equal(e.count, 0);
    assert_int_equal(zn__batch_walk(at("file.txt"), &o, &e, &err), ZN_ERR_INVALID_ARG);
    assert_non_null(strstr(err.message, "file.txt: not a folder"));
}

static void test_walk_unreadable_folder_is_a_failure(void **state)
{
    (void)state;
    put_str("in/ok.txt", "x");
    put_str("in/locked/secret.txt", "x");
    assert_int_equal(chmod(at("in/locked"), 0), 0);
    walk_options o = {false, NULL, NULL, false, 0, 0};
    batch_entries e;
    assert_int_equal(zn__batch_walk(at("in"), &o, &e, NULL), ZN_OK);
    if (geteuid() == 0) {
        assert_int_equal(e.count, 2); // root reads every folder
    } else {
        assert_int_equal(e.count, 2);
        assert_entry(&e, 0, "locked", ENTRY_FAILED, "cannot read folder: Permission denied");
        assert_entry(&e, 1, "ok.txt", ENTRY_FILE, NULL);
    }
    zn__batch_entries_clear(&e);
}

/* ---- atomic files ---- */

static void test_write_file_is_atomic_and_leaves_no_temp(void **state)
{
    (void)state;
    assert_int_equal(zn__batch_write_file(at("out/x/y.json"), "{}\n", 3, true, NULL), ZN_OK);
    size_t len;
    char *got = slurp("out/x/y.json", &len);
    assert_non_null(got);
    assert_string_equal(got, "{}\n");
    free(got);
    assert_no_temp_files("out");
    // A folder where a parent should be: the error names the path, nothing is left behind.
    put_str("out/file", "x");
    zn_error err;
    zn_error_init(&err);
    assert_int_not_equal(zn__batch_write_file(at("out/file/z.json"), "{}", 2, false, &err),
                         ZN_OK);
    assert_non_null(strstr(err.message, "cannot create folder"));
    assert_no_temp_files("out");
    struct timespec old = {1, 0};
    assert_true(zn__batch_is_up_to_date(at("out/x/y.json"), &old));
    struct timespec future = {(time_t)4000000000LL, 0};
    assert_false(zn__batch_is_up_to_date(at("out/x/y.json"), &future));
    assert_false(zn__batch_is_up_to_date(at("out/none.json"), &old));
}

/* ---- whole runs ---- */

static zn_pipeline *open_pipeline(void)
{
    zn_pipeline_options po;
    zn_pipeline_options_init(&po);
    po.tagger = false; // no model needed: the tests must not depend on what is installed
    zn_pipeline *p = NULL;
    assert_int_equal(zn_pipeline_new(&p, &po, NULL), ZN_OK);
    return p;
}

static void make_news_tree(void)
{
    put_str("in/a.txt", article_a);
    put_str("in/sub/b.txt", article_b);
    put_str("in/sub/deeper/c.txt", article_c);
    put_str("in/copy/a-again.txt", article_a);
    put_str("in/news.jsonl", two_records);
    put("in/broken.bin", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    put_str("in/empty.txt", "");
    put("in/bad-utf8.txt", "\xe4\xb8\xad\xff\xfe\xfd\xfc", 7);
}

typedef struct seen {
    char paths[16][128];
    size_t failures;
    size_t progress_calls;
    zn_batch_progress last;
} seen;

static void on_failure(void *ctx, const char *path, const char *reason)
{
    seen *s = ctx;
    assert_non_null(reason);
    if (s->failures < 16) {
        snprintf(s->paths[s->failures], 128, "%s", path + strlen(root) + 1);
    }
    s->failures++;
}

static void on_progress(void *ctx, const zn_batch_progress *p)
{
    seen *s = ctx;
    s->progress_calls++;
    s->last = *p;
}

static zn_status run(zn_pipeline *p, const char *out, int jobs, bool resume,
                     zn_batch_result *res, seen *s)
{
    zn_batch_options o;
    zn_batch_options_init(&o);
    o.jobs = jobs;
    o.resume = resume;
    o.on_failure = s != NULL ? on_failure : NULL;
    o.progress = s != NULL ? on_progress : NULL;
    o.ctx = s;
    char in_dir[600];
    char out_dir[600];
    snprintf(in_dir, sizeof in_dir, "%s/in", root);
    snprintf(out_dir, sizeof out_dir, "%s/%s", root, out);
    zn_batch *b = NULL;
    assert_int_equal(zn_batch_new(&b, p, in_dir, out_dir, &o, NULL), ZN_OK);
    zn_status st = zn_batch_run(b, res, NULL);
    zn_batch_free(b);
    return st;
}

static json_t *load_json(const char *rel)
{
    char *text = slurp(rel, NULL);
    assert_non_null(text);
    json_error_t jerr;
    json_t *v = json_loads(text, 0, &jerr);
    free(text);
    assert_non_null(v);
    return v;
}

static void test_batch_reports_broken_files_and_writes_the_others(void **state)
{
    (void)state;
    make_news_tree();
    zn_pipeline *p = open_pipeline();
    zn_batch_result res;
    seen s;
    memset(&s, 0, sizeof s);
    assert_int_equal(run(p, "out", 1, false, &res, &s), ZN_OK);
    assert_int_equal(res.files, 8);
    assert_int_equal(res.written, 5);
    assert_int_equal(res.failed, 3);
    assert_int_equal(res.articles, 6);
    assert_int_equal(res.duplicates, 1);
    assert_false(res.cancelled);
    assert_true(exists("out/a.txt.json") && exists("out/sub/deeper/c.txt.json"));
    assert_true(exists("out/news.jsonl.json") && exists("out/copy/a-again.txt.json"));
    assert_false(exists("out/broken.bin.json") || exists("out/empty.txt.json"));
    assert_false(exists("out/bad-utf8.txt.json"));
    assert_no_temp_files("out");
    // Failures come to the callback in path order, and into the summary with reasons.
    assert_int_equal(s.failures, 3);
    assert_string_equal(s.paths[0], "in/bad-utf8.txt");
    assert_string_equal(s.paths[1], "in/broken.bin");
    assert_string_equal(s.paths[2], "in/empty.txt");
    assert_true(s.last.finished);
    assert_int_equal(s.last.files_done, 8);
    assert_int_equal(s.last.files_failed, 3);
    json_t *sum = load_json("out/summary.json");
    json_t *failures = json_object_get(sum, "failures");
    assert_int_equal(json_array_size(failures), 3);
    assert_string_equal(json_string_value(json_object_get(json_array_get(failures, 1), "path")),
                        "broken.bin");
    assert_non_null(strstr(json_string_value(json_object_get(json_array_get(failures, 1),
                                                             "reason")), "not text"));
    assert_string_equal(json_string_value(json_object_get(json_array_get(failures, 2), "reason")),
                        "empty file");
    json_t *files = json_object_get(sum, "files");
    assert_int_equal(json_integer_value(json_object_get(files, "found")), 8);
    assert_int_equal(json_integer_value(json_object_get(files, "failed")), 3);
    assert_int_equal(json_integer_value(json_object_get(sum, "articles")), 6);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(sum, "containers"),
                                                        "jsonl")), 2);
    json_t *months = json_object_get(sum, "months");
    assert_int_equal(json_integer_value(json_object_get(months, "2018-06")), 1);
    assert_int_equal(json_integer_value(json_object_get(months, "2018-07")), 1);
    json_t *dups = json_object_get(sum, "duplicates");
    assert_int_equal(json_array_size(dups), 1);
    json_t *members = json_object_get(json_array_get(dups, 0), "articles");
    assert_int_equal(json_array_size(members), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(members, 0), "path")),
                        "a.txt");
    assert_string_equal(json_string_value(json_object_get(json_array_get(members, 1), "path")),
                        "copy/a-again.txt");
    json_decref(sum);
    zn_pipeline_free(p);
}

static void test_batch_index_is_sorted_with_one_line_per_article(void **state)
{
    (void)state;
    make_news_tree();
    zn_pipeline *p = open_pipeline();
    assert_int_equal(run(p, "out", 1, false, NULL, NULL), ZN_OK);
    char *index = slurp("out/index.jsonl", NULL);
    assert_non_null(index);
    const char *want[] = {"a.txt", "copy/a-again.txt", "news.jsonl", "news.jsonl",
                          "sub/b.txt", "sub/deeper/c.txt"};
    size_t line = 0;
    for (char *save = NULL, *l = strtok_r(index, "\n", &save); l != NULL;
         l = strtok_r(NULL, "\n", &save)) {
        json_error_t jerr;
        json_t *v = json_loads(l, 0, &jerr);
        assert_non_null(v);
        assert_true(line < 6);
        assert_string_equal(json_string_value(json_object_get(v, "path")), want[line]);
        assert_int_equal(strlen(json_string_value(json_object_get(v, "fingerprint"))), 16);
        if (line == 3) {
            assert_int_equal(json_integer_value(json_object_get(v, "record")), 1);
            assert_string_equal(json_string_value(json_object_get(v, "id")), "n2");
        }
        json_decref(v);
        line++;
    }
    assert_int_equal(line, 6);
    free(index);
    // A file with two records is written as two JSON lines.
    char *out = slurp("out/news.jsonl.json", NULL);
    size_t newlines = 0;
    for (const char *c = out; *c != '\0'; c++) {
        newlines += *c == '\n';
    }
    assert_int_equal(newlines, 2);
    free(out);
    zn_pipeline_free(p);
}

static void assert_same_file(const char *a, const char *b)
{
    size_t la;
    size_t lb;
    char *x = slurp(a, &la);
    char *y = slurp(b, &lb);
    assert_non_null(x);
    assert_non_null(y);
    assert_int_equal(la, lb);
    assert_memory_equal(x, y, la);
    free(x);
    free(y);
}

static void test_batch_threads_give_the_same_output_as_one(void **state)
{
    (void)state;
    make_news_tree();
    for (int i = 0; i < 40; i++) {
        char rel[64];
        snprintf(rel, sizeof rel, "in/many/%02d.txt", i);
        put_str(rel, i % 3 == 0 ? article_a : i % 3 == 1 ? article_b : article_c);
    }
    zn_pipeline *p = open_pipeline();
    zn_batch_result one;
    zn_batch_result four;
    assert_int_equal(run(p, "one", 1, false, &one, NULL), ZN_OK);
    assert_int_equal(run(p, "four", 4, false, &four, NULL), ZN_OK);
    assert_int_equal(one.articles, four.articles);
    assert_int_equal(one.failed, four.failed);
    assert_same_file("one/index.jsonl", "four/index.jsonl");
    assert_same_file("one/summary.json", "four/summary.json");
    assert_same_file("one/news.jsonl.json", "four/news.jsonl.json");
    assert_same_file("one/many/39.txt.json", "four/many/39.txt.json");
    zn_pipeline_free(p);
}

static void test_batch_resume_skips_up_to_date_outputs(void **state)
{
    (void)state;
    make_news_tree();
    zn_pipeline *p = open_pipeline();
    zn_batch_result first;
    assert_int_equal(run(p, "out", 2, false, &first, NULL), ZN_OK);
    char *index = slurp("out/index.jsonl", NULL);
    // Make every input older than its output, then touch one input and lose one output.
    struct timespec past[2] = {{1000000000, 0}, {1000000000, 0}};
    const char *inputs[] = {"in/a.txt", "in/sub/b.txt", "in/sub/deeper/c.txt",
                            "in/copy/a-again.txt", "in/news.jsonl"};
    for (size_t i = 0; i < 5; i++) {
        assert_int_equal(utimensat(AT_FDCWD, at(inputs[i]), past, 0), 0);
    }
    struct timespec future[2] = {{(time_t)4000000000LL, 0}, {(time_t)4000000000LL, 0}};
    assert_int_equal(utimensat(AT_FDCWD, at("in/sub/b.txt"), future, 0), 0);
    assert_int_equal(unlink(at("out/sub/deeper/c.txt.json")), 0);
    zn_batch_result again;
    assert_int_equal(run(p, "out", 2, true, &again, NULL), ZN_OK);
    assert_int_equal(again.skipped, 3);
    assert_int_equal(again.written, 2);
    assert_int_equal(again.failed, 3); // failed files are tried again
    assert_int_equal(again.articles, first.articles);
    char *index2 = slurp("out/index.jsonl", NULL);
    assert_string_equal(index, index2);
    free(index);
    free(index2);
    zn_pipeline_free(p);
}

static void test_batch_unwritable_output_is_a_failure_without_partial_files(void **state)
{
    (void)state;
    make_news_tree();
    put_str("out/sub", "a file where a folder should be");
    zn_pipeline *p = open_pipeline();
    zn_batch_result res;
    assert_int_equal(run(p, "out", 1, false, &res, NULL), ZN_OK);
    assert_int_equal(res.failed, 5); // the three broken inputs and both files under sub/
    assert_int_equal(res.written, 3);
    json_t *sum = load_json("out/summary.json");
    json_t *failures = json_object_get(sum, "failures");
    assert_string_equal(json_string_value(json_object_get(json_array_get(failures, 3), "path")),
                        "sub/b.txt");
    assert_non_null(strstr(json_string_value(json_object_get(json_array_get(failures, 3),
                                                             "reason")), "cannot create folder"));
    json_decref(sum);
    assert_no_temp_files("out");
    zn_pipeline_free(p);
}

static void test_batch_cancelled_before_start_writes_a_valid_summary(void **state)
{
    (void)state;
    make_news_tree();
    zn_pipeline *p = open_pipeline();
    zn_batch *b = NULL;
    assert_int_equal(zn_batch_new(&b, p, at("in"), at("out"), NULL, NULL), ZN_OK);
    zn_batch_cancel(b);
    zn_batch_result res;
    zn_error err;
    zn_error_init(&err);
    assert_int_equal(zn_batch_run(b, &res, &err), ZN_ERR_INTERRUPTED);
    assert_non_null(strstr(err.message, "8 files not processed"));
    assert_true(res.cancelled);
    assert_int_equal(res.not_done, 8);
    assert_int_equal(res.articles, 0);
    json_t *sum = load_json("out/summary.json");
    assert_true(json_is_true(json_object_get(sum, "interrupted")));
    json_decref(sum);
    char *index = slurp("out/index.jsonl", NULL);
    assert_string_equal(index, "");
    free(index);
    zn_batch_free(b);
    zn_pipeline_free(p);
}

static void test_batch_file_that_vanished_is_a_failure(void **state)
{
    (void)state;
    mkdir(at("in"), 0777);
    zn_pipeline *p = open_pipeline();
    zn_worker *w = NULL;
    assert_int_equal(zn_worker_new(&w, p, NULL), ZN_OK);
    zn_batch_options o;
    zn_batch_options_init(&o);
    atomic_bool cancel;
    atomic_init(&cancel, false);
    char in_dir[600];
    char out_dir[600];
    snprintf(in_dir, sizeof in_dir, "%s", at("in"));
    snprintf(out_dir, sizeof out_dir, "%s", at("out"));
    batch_ctx c = {&o, in_dir, out_dir, &cancel};
    batch_entry e = {"gone.txt", ENTRY_FILE, NULL, 10, {0, 0}};
    zn_buf scratch;
    zn_buf_init(&scratch, 0);
    file_result *r = NULL;
    assert_int_equal(zn__batch_process(&c, w, &scratch, &e, &r), ZN_OK);
    assert_int_equal(r->kind, RESULT_FAILED);
    assert_non_null(strstr(r->reason, "cannot open"));
    assert_int_equal(r->articles, 0);
    assert_false(exists("out/gone.txt.json"));
    zn__file_result_free(r);
    // Cancelled while in flight: the file is discarded, not failed.
    put_str("in/here.txt", article_a);
    e.rel = "here.txt";
    atomic_store(&cancel, true);
    assert_int_equal(zn__batch_process(&c, w, &scratch, &e, &r), ZN_OK);
    assert_int_equal(r->kind, RESULT_NOT_DONE);
    assert_null(r->reason);
    assert_false(exists("out/here.txt.json"));
    zn__file_result_free(r);
    zn_buf_clear(&scratch);
    zn_worker_free(w);
    zn_pipeline_free(p);
}

static void test_batch_empty_folder_gives_an_empty_archive(void **state)
{
    (void)state;
    mkdir(at("in"), 0777);
    zn_pipeline *p = open_pipeline();
    zn_batch_result res;
    assert_int_equal(run(p, "out", 0, false, &res, NULL), ZN_OK);
    assert_int_equal(res.files, 0);
    assert_int_equal(res.articles, 0);
    char *index = slurp("out/index.jsonl", NULL);
    assert_string_equal(index, "");
    free(index);
    json_t *sum = load_json("out/summary.json");
    assert_int_equal(json_integer_value(json_object_get(json_object_get(sum, "files"), "found")),
                     0);
    json_decref(sum);
    zn_pipeline_free(p);
}

static void test_batch_argument_and_folder_errors(void **state)
{
    (void)state;
    zn_pipeline *p = open_pipeline();
    zn_batch *b = (zn_batch *)1;
    zn_error err;
    zn_error_init(&err);
    assert_int_equal(zn_batch_new(&b, NULL, "in", "out", NULL, &err), ZN_ERR_INVALID_ARG);
    assert_null(b);
    assert_int_equal(zn_batch_new(&b, p, "", "out", NULL, &err), ZN_ERR_INVALID_ARG);
    assert_int_equal(zn_batch_new(NULL, p, "in", "out", NULL, &err), ZN_ERR_INVALID_ARG);
    zn_batch_options o;
    zn_batch_options_init(&o);
    o.jobs = -1;
    assert_int_equal(zn_batch_new(&b, p, "in", "out", &o, &err), ZN_ERR_INVALID_ARG);
    assert_int_equal(zn_batch_new(&b, p, at("missing"), at("out"), NULL, &err), ZN_OK);
    assert_int_equal(zn_batch_run(b, NULL, &err), ZN_ERR_NOT_FOUND);
    assert_non_null(strstr(err.message, "missing: cannot open"));
    zn_batch_free(b);
    put_str("in/a.txt", article_a);
    put_str("blocker", "x");
    assert_int_equal(zn_batch_new(&b, p, at("in"), at("blocker/out"), NULL, &err), ZN_OK);
    assert_int_not_equal(zn_batch_run(b, NULL, &err), ZN_OK);
    assert_non_null(strstr(err.message, "cannot create folder"));
    zn_batch_free(b);
    assert_int_equal(zn_batch_new(&b, p, at("in"), at("in/"), NULL, &err), ZN_OK);
    assert_int_equal(zn_batch_run(b, NULL, &err), ZN_ERR_INVALID_ARG);
    assert_non_null(strstr(err.message, "the output folder is the input folder"));
    assert_false(exists("in/a.txt.json"));
    zn_batch_free(b);
    zn_batch_free(NULL);
    zn_batch_cancel(NULL);
    zn_pipeline_free(p);
}

static void test_batch_allocation_failures(void **state)
{
    (void)state;
    put_str("in/a.txt", article_a);
    put_str("in/news.jsonl", two_records);
    put_str("in/empty.txt", "");
    zn_pipeline *p = open_pipeline();
    zn_status st = ZN_ERR_NOMEM;
    size_t n;
    for (n = 0; st != ZN_OK; n++) {
        zn_batch *b = NULL;
        zn__alloc_fail_after(n);
        zn_batch_options o;
        zn_batch_options_init(&o);
        o.jobs = 1; // failure injection counts allocations of one thread
        st = zn_batch_new(&b, p, at("in"), at("out"), &o, NULL);
        zn_batch_result res;
        if (st == ZN_OK) {
            st = zn_batch_run(b, &res, NULL);
        }
        zn__alloc_fail_after((size_t)-1);
        assert_true(st == ZN_OK || st == ZN_ERR_NOMEM);
        if (st == ZN_OK) {
            assert_int_equal(res.articles, 3);
            assert_int_equal(res.failed, 1);
        }
        zn_batch_free(b);
        assert_true(n < 100000);
    }
    assert_true(n > 10);
    assert_no_temp_files("out");
    zn_pipeline_free(p);
}

/* ---- facts and summary from documents' JSON ---- */

static const char doc_one[] =
    "{\"schema\":\"zhnews/1\",\"id\":\"a1\",\"source\":{\"encoding\":\"GB18030\","
    "\"format\":\"text\",\"date\":\"2018年6月12日\"},\"script\":\"simplified\","
    "\"title\":\"标题\",\"text\":\"京东集团与腾讯公司今天宣布合作。\","
    "\"normalization\":{\"fixes\":[{\"rule\":\"variant.obfuscation\"},"
    "{\"rule\":\"punct.fullwidth\"},{\"rule\":\"variant.obfuscation\"}]},"
    "\"entities\":[{\"name\":\"京东\",\"type\":\"company\",\"count\":3},"
    "{\"name\":\"腾讯\",\"type\":\"company\",\"count\":1},"
    "{\"name\":\"北京\",\"type\":\"place\",\"count\":2}],"
    "\"keywords\":[\"合作\",{\"word\":\"京东\"}]}\n";

static const char doc_two[] =
    "{\"schema\":\"zhnews/1\",\"source\":{\"encoding\":\"UTF-8\",\"format\":\"jsonl\"},"
    "\"date\":\"2019-01-02\",\"text\":\"京东与腾讯在北京签约。\","
    "\"entities\":[{\"name\":\"腾讯\",\"type\":\"company\",\"count\":2},"
    "{\"name\":\"京东\",\"type\":\"company\",\"mentions\":[{},{}]}],"
    "\"keywords\":[\"合作\"]}\n";

static void test_summary_aggregates_facts_of_documents(void **state)
{
    (void)state;
    file_result *r1 = NULL;
    file_result *r2 = NULL;
    assert_int_equal(zn__file_result_new(&r1), ZN_OK);
    assert_int_equal(zn__file_result_new(&r2), ZN_OK);
    assert_int_equal(zn__facts_from_json(r1, "x/one.txt", doc_one, strlen(doc_one), NULL), ZN_OK);
    assert_int_equal(zn__facts_from_json(r2, "x/two.jsonl", doc_two, strlen(doc_two), NULL),
                     ZN_OK);
    assert_int_equal(r1->articles, 1);
    assert_non_null(strstr(r1->index.data, "\"entities\":[{\"name\":\"京东\",\"type\":"
                                           "\"company\",\"count\":3},{\"name\":\"北京\""));
    assert_non_null(strstr(r1->index.data, "\"date\":\"2018年6月12日\""));
    batch_summary *s = NULL;
    assert_int_equal(zn__summary_new(&s, NULL), ZN_OK);
    assert_int_equal(zn__summary_add(s, "x/one.txt", r1, NULL), ZN_OK);
    assert_int_equal(zn__summary_add(s, "x/two.jsonl", r2, NULL), ZN_OK);
    zn_batch_result res = {2, 2, 0, 0, 0, 2, 0, false};
    zn_buf buf;
    zn_buf_init(&buf, 0);
    assert_int_equal(zn__summary_write(s, &res, &buf, NULL), ZN_OK);
    json_error_t jerr;
    json_t *j = json_loads(buf.data, 0, &jerr);
    assert_non_null(j);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(j, "encodings"),
                                                        "GB18030")), 1);
    json_t *months = json_object_get(j, "months");
    assert_int_equal(json_object_size(months), 2);
    assert_int_equal(json_integer_value(json_object_get(months, "2018-06")), 1);
    assert_int_equal(json_integer_value(json_object_get(months, "2019-01")), 1);
    json_t *repairs = json_object_get(j, "repairs");
    assert_int_equal(json_integer_value(json_object_get(repairs, "variant.obfuscation")), 2);
    assert_int_equal(json_integer_value(json_object_get(repairs, "punct.fullwidth")), 1);
    json_t *companies = json_object_get(json_object_get(j, "entities"), "company");
    assert_int_equal(json_integer_value(json_object_get(companies, "distinct")), 2);
    json_t *first = json_array_get(json_object_get(companies, "top"), 0);
    assert_string_equal(json_string_value(json_object_get(first, "name")), "京东");
    assert_int_equal(json_integer_value(json_object_get(first, "mentions")), 5);
    assert_int_equal(json_integer_value(json_object_get(first, "articles")), 2);
    json_t *pairs = json_object_get(j, "entity_pairs");
    assert_int_equal(json_array_size(pairs), 1); // 京东+腾讯 twice; 北京 pairs once only
    assert_int_equal(json_integer_value(json_object_get(json_array_get(pairs, 0), "articles")),
                     2);
    json_t *kw = json_object_get(j, "keywords");
    assert_string_equal(json_string_value(json_object_get(json_array_get(kw, 0), "name")),
                        "合作");
    assert_int_equal(json_integer_value(json_object_get(json_array_get(kw, 0), "articles")), 2);
    json_decref(j);
    zn_buf_clear(&buf);
    zn__summary_free(s);
    zn__file_result_free(r1);
    zn__file_result_free(r2);
}

static void test_facts_reject_what_is_not_zhnews_json(void **state)
{
    (void)state;
    file_result *r = NULL;
    assert_int_equal(zn__file_result_new(&r), ZN_OK);
    zn_error err;
    zn_error_init(&err);
    assert_int_equal(zn__facts_from_json(r, "a.txt", "{\"a\":1}\n[1]", 12, &err), ZN_ERR_FORMAT);
    assert_non_null(strstr(err.message, "a.txt: output is not zhnews JSON"));
    assert_int_equal(zn__facts_from_json(r, "b.txt", "{oops", 5, &err), ZN_ERR_FORMAT);
    zn__file_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_walk_sorts_skips_hidden_and_reports_loops, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_walk_include_and_exclude_globs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_walk_root_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_walk_unreadable_folder_is_a_failure, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_write_file_is_atomic_and_leaves_no_temp, setup,
                                        teardown),
        cmocka_unit_test(test_summary_aggregates_facts_of_documents),
        cmocka_unit_test(test_facts_reject_what_is_not_zhnews_json),
        cmocka_unit_test_setup_teardown(test_batch_reports_broken_files_and_writes_the_others,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_batch_index_is_sorted_with_one_line_per_article,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_batch_threads_give_the_same_output_as_one, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_batch_resume_skips_up_to_date_outputs, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            test_batch_unwritable_output_is_a_failure_without_partial_files, setup, teardown),
        cmocka_unit_test_setup_teardown(test_batch_cancelled_before_start_writes_a_valid_summary,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_batch_file_that_vanished_is_a_failure, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_batch_empty_folder_gives_an_empty_archive, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_batch_argument_and_folder_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_batch_allocation_failures, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
