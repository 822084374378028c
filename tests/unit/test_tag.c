/* SPDX-License-Identifier: MIT
 * Unit tests for src/tag, the LAC tagger: a tiny synthetic model (tests/fixtures/tag/, made
 * by make_fixture.py with the expected tags from an independent Python reimplementation),
 * every load error, allocation failures, threads, and golden tags from Debian's real model
 * (skipped when it is not installed). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <ftw.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tag/kernels_avx2.h"
#include "tag/tag_internal.h"
#include "util/alloc.h"
#include "zhnews/tag.h"

#define FIXTURE "tests/fixtures/tag"
#define MODEL FIXTURE "/model"
#define MAX_CASES 16

typedef struct tag_case {
    char *input;
    size_t len;
    char *tags;  // "1 4 5 ..."
    char *words; // "0-3/n 3-9/PER ..."
} tag_case;

static tag_case cases[MAX_CASES];
static size_t n_cases;

static int hexval(char c)
{
    return c <= '9' ? c - '0' : c - 'a' + 10;
}

static int load_cases(void **state)
{
    (void)state;
    FILE *f = fopen(FIXTURE "/expected.tsv", "r");
    assert_non_null(f);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0 && n_cases < MAX_CASES) {
        line[n - 1] = '\0';
        char *t1 = strchr(line, '\t');
        char *t2 = t1 == NULL ? NULL : strchr(t1 + 1, '\t');
        assert_non_null(t2);
        tag_case *c = &cases[n_cases++];
        c->len = (size_t)(t1 - line) / 2;
        c->input = malloc(c->len + 1);
        for (size_t i = 0; i < c->len; i++) {
            c->input[i] = (char)(hexval(line[2 * i]) << 4 | hexval(line[2 * i + 1]));
        }
        c->tags = strndup(t1 + 1, (size_t)(t2 - t1 - 1));
        c->words = strdup(t2 + 1);
    }
    free(line);
    fclose(f);
    assert_int_equal(n_cases, 9);
    return 0;
}

static int free_cases(void **state)
{
    (void)state;
    for (size_t i = 0; i < n_cases; i++) {
        free(cases[i].input);
        free(cases[i].tags);
        free(cases[i].words);
    }
    return 0;
}

// The list as the fixture's text form: tag ids and "start-end/tag" words.
static void render(const zn_tag_list *l, char *tags, size_t tcap, char *words, size_t wcap)
{
    size_t a = 0, b = 0;
    tags[0] = words[0] = '\0';
    for (size_t i = 0; i < l->n_chars && a < tcap; i++) {
        a += (size_t)snprintf(tags + a, tcap - a, "%s%u", i ? " " : "", l->char_tags[i]);
    }
    for (size_t i = 0; i < l->n_words && b < wcap; i++) {
        const zn_tag_word *w = &l->words[i];
        b += (size_t)snprintf(words + b, wcap - b, "%s%zu-%zu/%s", i ? " " : "", w->span.start,
                              w->span.end, w->tag);
    }
}

static void check_all_cases(const zn_tagger *t, zn_tag_list *l)
{
    static char tags[8192], words[16384];
    for (size_t i = 0; i < n_cases; i++) {
        zn_error err;
        assert_int_equal(zn_tagger_run(t, cases[i].input, cases[i].len, l, &err), ZN_OK);
        render(l, tags, sizeof tags, words, sizeof words);
        assert_string_equal(tags, cases[i].tags);
        assert_string_equal(words, cases[i].words);
        assert_int_equal(l->char_offsets[l->n_chars], cases[i].len);
    }
}

static void test_tag_fixture_matches_python_reference(void **state)
{
    (void)state;
    zn_tagger *t;
    zn_error err;
    assert_int_equal(zn_tagger_open(&t, MODEL, &err), ZN_OK);
    zn_tag_list l;
    zn_tag_list_init(&l);
    check_all_cases(t, &l);
    // The same with the portable kernels, whatever the CPU offers.
    t->kernels = zn__tag_kernels_generic();
    check_all_cases(t, &l);
    zn_tag_list_clear(&l);
    zn_tagger_close(t);
}

// All cases in one zn_tagger_run_many call: the same tags and words as one by one.
static void check_run_many(const zn_tagger *t)
{
    static char tags[8192], words[16384];
    const char *texts[MAX_CASES];
    size_t lens[MAX_CASES];
    zn_tag_list lists[MAX_CASES];
    for (size_t i = 0; i < n_cases; i++) {
        texts[i] = cases[i].input;
        lens[i] = cases[i].len;
        zn_tag_list_init(&lists[i]);
    }
    for (int round = 0; round < 2; round++) { // the second reuses the lists' memory
        assert_int_equal(zn_tagger_run_many(t, texts, lens, n_cases, lists, NULL), ZN_OK);
        for (size_t i = 0; i < n_cases; i++) {
            render(&lists[i], tags, sizeof tags, words, sizeof words);
            assert_string_equal(tags, cases[i].tags);
            assert_string_equal(words, cases[i].words);
        }
    }
    assert_int_equal(zn_tagger_run_many(t, texts, lens, 0, lists, NULL), ZN_OK);
    for (size_t i = 0; i < n_cases; i++) {
        zn_tag_list_clear(&lists[i]);
    }
}

static void test_tag_run_many_equals_single_runs(void **state)
{
    (void)state;
    zn_tagger *t;
    assert_int_equal(zn_tagger_open(&t, MODEL, NULL), ZN_OK);
    check_run_many(t);
    t->kernels = zn__tag_kernels_generic();
    check_run_many(t);
    zn_tagger_close(t);
}

static void test_tag_words_and_names(void **state)
{
    (void)state;
    zn_tagger *t;
    assert_int_equal(zn_tagger_open(&t, MODEL, NULL), ZN_OK);
    assert_int_equal(zn_tagger_tag_count(t), 10);
    assert_string_equal(zn_tagger_tag_name(t, 4), "PER-B");
    assert_string_equal(zn_tagger_tag_name(t, 9), "O");
    assert_null(zn_tagger_tag_name(t, 10));
    zn_tag_list l;
    zn_tag_list_init(&l);
    // Case 0: 我/n 们在/PER 北京/PER 工/w 作/PER 。/LOC (made-up weights, made-up tags)
    assert_int_equal(zn_tagger_run(t, cases[0].input, cases[0].len, &l, NULL), ZN_OK);
    assert_int_equal(l.n_chars, 8);
    assert_int_equal(l.n_words, 6);
    assert_int_equal(l.words[1].first_char, 1);
    assert_int_equal(l.words[1].n_chars, 2);
    assert_int_equal(l.words[1].entity, ZN_TAG_ENTITY_PER);
    assert_int_equal(l.words[5].entity, ZN_TAG_ENTITY_LOC);
    assert_int_equal(l.words[0].entity, ZN_TAG_ENTITY_NONE);
    // Empty input: no characters, no words, one offset.
    assert_int_equal(zn_tagger_run(t, "", 0, &l, NULL), ZN_OK);
    assert_int_equal(l.n_chars, 0);
    assert_int_equal(l.n_words, 0);
    assert_int_equal(l.char_offsets[0], 0);
    // The same list moves to the real model (other widths) when it is installed.
    const char *dir = zn_tagger_default_dir();
    zn_tagger *real;
    if (dir != NULL && zn_tagger_open(&real, dir, NULL) == ZN_OK) {
        assert_int_equal(zn_tagger_run(t, cases[6].input, cases[6].len, &l, NULL), ZN_OK);
        assert_int_equal(zn_tagger_run(real, "王小明在北京", 18, &l, NULL), ZN_OK);
        assert_int_equal(l.n_words, 3);
        assert_string_equal(l.words[0].tag, "PER");
        zn_tagger_close(real);
    }
    zn_tag_list_clear(&l);
    zn_tag_list_clear(&l); // clearing twice is fine
    zn_tagger_close(t);
    zn_tagger_close(NULL);
}

static void test_tag_open_from_environment(void **state)
{
    (void)state;
    zn_tagger *t;
    setenv("ZHNEWS_LAC_MODEL", MODEL, 1);
    assert_int_equal(zn_tagger_open(&t, NULL, NULL), ZN_OK);
    assert_int_equal(zn_tagger_tag_count(t), 10);
    zn_tagger_close(t);
    setenv("ZHNEWS_LAC_MODEL", FIXTURE "/no-such-model", 1);
    zn_error err;
    assert_int_equal(zn_tagger_open(&t, NULL, &err), ZN_ERR_NOT_FOUND);
    assert_null(t);
    assert_non_null(strstr(err.message, "no-such-model/tag.dic"));
    unsetenv("ZHNEWS_LAC_MODEL");
}

// ---- broken model files: a scratch copy of the fixture, one file spoiled per test ----

static char scratch[64];

static void copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb");
    FILE *out = fopen(to, "wb");
    assert_non_null(in);
    assert_non_null(out);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) {
        assert_int_equal(fwrite(buf, 1, n, out), n);
    }
    fclose(in);
    assert_int_equal(fclose(out), 0);
}

static const char *const model_files[] = {
    "word.dic", "tag.dic", "model_baseline/word_emb", "model_baseline/crfw",
    "model_baseline/fc_0.w_0", "model_baseline/fc_0.b_0", "model_baseline/fc_1.w_0",
    "model_baseline/fc_1.b_0", "model_baseline/fc_2.w_0", "model_baseline/fc_2.b_0",
    "model_baseline/fc_3.w_0", "model_baseline/fc_3.b_0", "model_baseline/fc_4.w_0",
    "model_baseline/fc_4.b_0", "model_baseline/gru_0.w_0", "model_baseline/gru_0.b_0",
    "model_baseline/gru_1.w_0", "model_baseline/gru_1.b_0", "model_baseline/gru_2.w_0",
    "model_baseline/gru_2.b_0", "model_baseline/gru_3.w_0", "model_baseline/gru_3.b_0",
};

static char *scratch_path(const char *name)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", scratch, name);
    return path;
}

static int make_scratch(void **state)
{
    (void)state;
    snprintf(scratch, sizeof scratch, "/tmp/zn-test-tag-XXXXXX");
    assert_non_null(mkdtemp(scratch));
    assert_int_equal(mkdir(scratch_path("model_baseline"), 0700), 0);
    for (size_t i = 0; i < sizeof model_files / sizeof model_files[0]; i++) {
        char from[256];
        snprintf(from, sizeof from, MODEL "/%s", model_files[i]);
        copy_file(from, scratch_path(model_files[i]));
    }
    return 0;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static int drop_scratch(void **state)
{
    (void)state;
    return nftw(scratch, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
}

// Opens the scratch model, expecting `status` and a message holding every given phrase.
static void expect_failure(zn_status status, const char *phrase1, const char *phrase2)
{
    zn_tagger *t = (zn_tagger *)1;
    zn_error err;
    zn_error_init(&err);
    assert_int_equal(zn_tagger_open(&t, scratch, &err), status);
    assert_null(t);
    assert_int_equal(err.code, status);
    if (strstr(err.message, phrase1) == NULL || strstr(err.message, phrase2) == NULL) {
        fail_msg("message '%s' lacks '%s' or '%s'", err.message, phrase1, phrase2);
    }
}

static void write_bytes(const char *name, long offset, const void *bytes, size_t n)
{
    FILE *f = fopen(scratch_path(name), "r+b");
    assert_non_null(f);
    assert_int_equal(fseek(f, offset, offset < 0 ? SEEK_END : SEEK_SET), 0);
    assert_int_equal(fwrite(bytes, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
}

// Writes a whole float32 tensor file with the given dims (values all 0.5).
static void write_tensor(const char *name, const uint64_t *dims, size_t n_dims)
{
    unsigned char desc[64] = {0x08, 0x05};
    size_t d = 2, count = 1;
    for (size_t i = 0; i < n_dims; i++) {
        count *= dims[i];
        desc[d++] = 0x10;
        uint64_t v = dims[i];
        do {
            unsigned char low = (unsigned char)(v & 0x7F);
            v >>= 7;
            desc[d++] = (unsigned char)(low | (v != 0 ? 0x80 : 0));
        } while (v != 0);
    }
    FILE *f = fopen(scratch_path(name), "wb");
    assert_non_null(f);
    unsigned char head[20] = {0};
    head[16] = (unsigned char)d;
    fwrite(head, 1, sizeof head, f);
    fwrite(desc, 1, d, f);
    float half = 0.5f;
    for (size_t i = 0; i < count; i++) {
        fwrite(&half, sizeof half, 1, f);
    }
    assert_int_equal(fclose(f), 0);
}

static void test_tag_open_rejects_truncated_tensor(void **state)
{
    (void)state;
    assert_int_equal(truncate(scratch_path("model_baseline/gru_1.w_0"), 500), 0);
    // 20 header bytes + 6 description bytes; 8x24 floats = 768 bytes needed, 474 left
    expect_failure(ZN_ERR_DATA, "model_baseline/gru_1.w_0: truncated tensor data",
                   "(offset 26: need 768 bytes, 474 left)");
    assert_int_equal(truncate(scratch_path("model_baseline/gru_1.w_0"), 10), 0);
    expect_failure(ZN_ERR_DATA, "gru_1.w_0: truncated tensor header", "offset 10");
}

static void test_tag_open_rejects_wrong_shape(void **state)
{
    (void)state;
    write_tensor("model_baseline/fc_2.w_0", (const uint64_t[]){8, 24}, 2);
    expect_failure(ZN_ERR_DATA, "fc_2.w_0: wrong tensor shape 8x24, expected 16x24", "offset 20");
    copy_file(MODEL "/model_baseline/fc_2.w_0", scratch_path("model_baseline/fc_2.w_0"));
    write_tensor("model_baseline/crfw", (const uint64_t[]){12, 10, 1}, 3);
    expect_failure(ZN_ERR_DATA, "crfw: wrong tensor shape 12x10x1, expected 12x10", "offset");
    copy_file(MODEL "/model_baseline/crfw", scratch_path("model_baseline/crfw"));
    write_tensor("model_baseline/gru_0.w_0", (const uint64_t[]){4, 12}, 2);
    expect_failure(ZN_ERR_DATA, "gru_0.w_0: wrong tensor shape 4x12", "multiple of 8");
}

static void test_tag_open_rejects_bad_header(void **state)
{
    (void)state;
    const char *f = "model_baseline/fc_0.b_0";
    write_bytes(f, 0, "\x01", 1);
    expect_failure(ZN_ERR_DATA, "fc_0.b_0: not a Paddle tensor of version 0", "(offset 0)");
    copy_file(MODEL "/model_baseline/fc_0.b_0", scratch_path(f));
    write_bytes(f, 4, "\x02", 1); // LoD levels
    expect_failure(ZN_ERR_DATA, "fc_0.b_0: not a Paddle tensor", "(offset 4)");
    copy_file(MODEL "/model_baseline/fc_0.b_0", scratch_path(f));
    write_bytes(f, 21, "\x06", 1); // data type 6 (float64)
    expect_failure(ZN_ERR_DATA, "fc_0.b_0: tensor data type 6 is not float32", "offset 20");
    copy_file(MODEL "/model_baseline/fc_0.b_0", scratch_path(f));
    write_bytes(f, 16, "\xff\x00\x00\x00", 4);
    expect_failure(ZN_ERR_DATA, "truncated tensor description", "(offset 20: need 255 bytes)");
    write_bytes(f, 16, "\x00\x10\x00\x00", 4);
    expect_failure(ZN_ERR_DATA, "bad tensor description size 4096", "offset 16");
    copy_file(MODEL "/model_baseline/fc_0.b_0", scratch_path(f));
    write_bytes(f, 22, "\x18", 1); // field 3: unknown
    expect_failure(ZN_ERR_DATA, "fc_0.b_0: bad tensor description", "(offset 22)");
    copy_file(MODEL "/model_baseline/fc_0.b_0", scratch_path(f));
    FILE *app = fopen(scratch_path(f), "ab");
    fputs("xxxx", app);
    fclose(app);
    expect_failure(ZN_ERR_DATA, "fc_0.b_0: trailing bytes after tensor data", "need 96 bytes");
}

static void test_tag_open_rejects_bad_dictionaries(void **state)
{
    (void)state;
    FILE *f = fopen(scratch_path("word.dic"), "a");
    fputs("99\tX\n", f); // vocabulary of 100 ids, embedding of 29 rows
    fclose(f);
    expect_failure(ZN_ERR_DATA, "word_emb: wrong tensor shape 26x6, expected 100x*", "offset");
    f = fopen(scratch_path("word.dic"), "a");
    fputs("abc\n", f);
    fclose(f);
    expect_failure(ZN_ERR_DATA, "word.dic: expected ID<TAB>KEY", "line 28");
    f = fopen(scratch_path("word.dic"), "w");
    fputs("0\ta\n1\ta\n2\tOOV\n", f);
    fclose(f);
    expect_failure(ZN_ERR_DATA, "word.dic: character listed twice", "line 2");
    f = fopen(scratch_path("word.dic"), "w");
    fputs("0\ta\n", f);
    fclose(f);
    expect_failure(ZN_ERR_DATA, "word.dic: no OOV entry", "");
    copy_file(MODEL "/word.dic", scratch_path("word.dic"));
    f = fopen(scratch_path("tag.dic"), "a");
    fputs("10\tn-X\n", f);
    fclose(f);
    expect_failure(ZN_ERR_DATA, "tag.dic: tag is not X-B, X-I or O", "line 11");
    f = fopen(scratch_path("tag.dic"), "w");
    fputs("0\tO\n2\tn-B\n", f);
    fclose(f);
    expect_failure(ZN_ERR_DATA, "tag.dic: tag id 1 missing", "");
    assert_int_equal(remove(scratch_path("tag.dic")), 0);
    expect_failure(ZN_ERR_NOT_FOUND, "tag.dic", "");
}

// ---- allocation failures, threads, kernels ----

static void test_tag_open_and_run_survive_allocation_failures(void **state)
{
    (void)state;
    zn_tagger *t = NULL;
    zn_status s = ZN_ERR_NOMEM;
    size_t n;
    for (n = 0; s != ZN_OK; n++) {
        zn__alloc_fail_after(n);
        s = zn_tagger_open(&t, MODEL, NULL);
        zn__alloc_fail_after((size_t)-1);
        if (s != ZN_OK) {
            assert_int_equal(s, ZN_ERR_NOMEM);
            assert_null(t);
        }
    }
    assert_true(n > 20);
    const tag_case *c = &cases[6]; // the long one, cut in two pieces
    s = ZN_ERR_NOMEM;
    for (n = 0; s != ZN_OK; n++) {
        zn_tag_list l;
        zn_tag_list_init(&l);
        zn_error err;
        zn__alloc_fail_after(n);
        s = zn_tagger_run(t, c->input, c->len, &l, &err);
        zn__alloc_fail_after((size_t)-1);
        if (s != ZN_OK) {
            assert_int_equal(s, ZN_ERR_NOMEM);
            assert_int_equal(err.code, ZN_ERR_NOMEM);
            assert_int_equal(l.n_words, 0);
            assert_int_equal(l.n_chars, 0);
        } else {
            assert_int_equal(l.n_chars, 564);
        }
        zn_tag_list_clear(&l);
    }
    assert_true(n > 3);
    const char *texts[2] = {cases[6].input, cases[7].input};
    size_t lens[2] = {cases[6].len, cases[7].len};
    s = ZN_ERR_NOMEM;
    for (n = 0; s != ZN_OK; n++) {
        zn_tag_list l[2];
        zn_tag_list_init(&l[0]);
        zn_tag_list_init(&l[1]);
        zn__alloc_fail_after(n);
        s = zn_tagger_run_many(t, texts, lens, 2, l, NULL);
        zn__alloc_fail_after((size_t)-1);
        if (s != ZN_OK) {
            assert_int_equal(s, ZN_ERR_NOMEM);
            assert_int_equal(l[0].n_chars + l[1].n_chars + l[0].n_words + l[1].n_words, 0);
        } else {
            assert_int_equal(l[1].n_chars, 600);
        }
        zn_tag_list_clear(&l[0]);
        zn_tag_list_clear(&l[1]);
    }
    zn_tagger_close(t);
}

static void *run_cases_many_times(void *arg)
{
    const zn_tagger *t = arg;
    zn_tag_list l;
    zn_tag_list_init(&l);
    static char tags[8192], words[16384];
    bool ok = true;
    char *mine_t = malloc(sizeof tags), *mine_w = malloc(sizeof words);
    for (int round = 0; round < 10 && ok; round++) {
        for (size_t i = 0; i < n_cases && ok; i++) {
            ok = zn_tagger_run(t, cases[i].input, cases[i].len, &l, NULL) == ZN_OK;
            render(&l, mine_t, sizeof tags, mine_w, sizeof words);
            ok = ok && strcmp(mine_t, cases[i].tags) == 0 && strcmp(mine_w, cases[i].words) == 0;
        }
    }
    free(mine_t);
    free(mine_w);
    zn_tag_list_clear(&l);
    return ok ? arg : NULL;
}

static void test_tag_one_model_shared_by_threads(void **state)
{
    (void)state;
    zn_tagger *t;
    assert_int_equal(zn_tagger_open(&t, MODEL, NULL), ZN_OK);
    pthread_t th[3];
    for (int i = 0; i < 3; i++) {
        assert_int_equal(pthread_create(&th[i], NULL, run_cases_many_times, t), 0);
    }
    for (int i = 0; i < 3; i++) {
        void *ret;
        assert_int_equal(pthread_join(th[i], &ret), 0);
        assert_ptr_equal(ret, t);
    }
    zn_tagger_close(t);
}

static void fill(float *v, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        v[i] = (float)((seed >> 8) & 0xFFFF) / 32768.0f - 1.0f;
    }
}

// Four sequences in one gru_step4, or two with their own weights in one gru_step2, give bit
// for bit what gru_step calls give.
static void test_tag_gru_step2_and_step4_match_single_steps(void **state)
{
    (void)state;
    enum { H = 72 };
    static float x[4][3 * H], wur[2 * H * H], wc[H * H], hp[4][H], one[4][H], four[4][H];
    static float tmp[12 * H];
    fill(wur, 2 * H * H, 11);
    fill(wc, H * H, 12);
    for (unsigned b = 0; b < 4; b++) {
        fill(x[b], 3 * H, 13 + b);
        fill(hp[b], H, 17 + b);
    }
    const zn__tag_kernels *sets[2] = {zn__tag_kernels_generic(), zn__tag_kernels_best()};
    for (int k = 0; k < 2; k++) {
        for (int b = 0; b < 4; b++) {
            sets[k]->gru_step(x[b], wur, wc, H, hp[b], one[b], tmp);
        }
        const float *xs[4] = {x[0], x[1], x[2], x[3]}, *hps[4] = {hp[0], hp[1], hp[2], hp[3]};
        float *hns[4] = {four[0], four[1], four[2], four[3]};
        sets[k]->gru_step4(xs, wur, wc, H, hps, hns, tmp);
        assert_memory_equal(one, four, sizeof one);
        // Two steps with their own weights: the second uses the matrices the other way round.
        static float wc2[2 * H * H];
        memcpy(wc2, wur, sizeof wc2);
        float two[2][H], ref2[H];
        const float *w_ur[2] = {wur, wc2}, *w_c[2] = {wc, wur + H * H};
        const float *x2[2] = {x[0], x[1]}, *hp2[2] = {hp[0], hp[1]};
        float *hn2[2] = {two[0], two[1]};
        sets[k]->gru_step2(x2, w_ur, w_c, H, hp2, hn2, tmp);
        assert_memory_equal(two[0], one[0], sizeof two[0]);
        sets[k]->gru_step(x[1], wc2, wur + H * H, H, hp[1], ref2, tmp);
        assert_memory_equal(two[1], ref2, sizeof ref2);
    }
}

static void test_tag_kernels_agree(void **state)
{
    (void)state;
    const zn__tag_kernels *a = zn__tag_kernels_generic(), *b = zn__tag_kernels_best();
    if (a == b) {
        skip(); // only the generic kernels on this CPU: nothing to compare
    }
    enum { M = 8, K = 40, N = 48, H = 72 }; // H: one panel of 64 and panels of 8
    static float x[M * K], w[K * N], bias[N], c1[M * N], c2[M * N];
    fill(x, M * K, 1);
    fill(w, K * N, 2);
    fill(bias, N, 3);
    a->gemm(x, M, K, w, N, bias, c1);
    b->gemm(x, M, K, w, N, bias, c2);
    for (size_t i = 0; i < M * N; i++) {
        assert_float_equal(c1[i], c2[i], 1e-4);
    }
    static float gx[3 * H], wur[2 * H * H], wc[H * H], hp[H], h1[H], h2[H], tmp[3 * H];
    fill(gx, 3 * H, 4);
    fill(wur, 2 * H * H, 5);
    fill(wc, H * H, 6);
    fill(hp, H, 7);
    a->gru_step(gx, wur, wc, H, hp, h1, tmp);
    b->gru_step(gx, wur, wc, H, hp, h2, tmp);
    for (size_t i = 0; i < H; i++) {
        assert_float_equal(h1[i], h2[i], 1e-5);
    }
    // Viterbi steps: 13 tags in rows of 16; ties (equal rows) must keep the first index.
    enum { T = 13, S = 16 };
    static float prev[S], trans[T * S], emit[S], v1[S], v2[S];
    uint8_t back1[T], back2[T];
    fill(prev, S, 8);
    fill(trans, T * S, 9);
    fill(emit, S, 10);
    memcpy(trans + 5 * S, trans + 2 * S, S * sizeof(float));
    prev[5] = prev[2];
    a->viterbi_step(prev, trans, T, S, emit, v1, back1);
    b->viterbi_step(prev, trans, T, S, emit, v2, back2);
    for (size_t i = 0; i < T; i++) {
        assert_float_equal(v1[i], v2[i], 1e-6);
        assert_int_equal(back1[i], back2[i]);
        assert_int_not_equal(back1[i], 5);
    }
}

// ---- Debian's real model (python3-jieba), when installed ----

static void words_of(const zn_tag_list *l, const char *s, char *out, size_t cap)
{
    size_t at = 0;
    out[0] = '\0';
    for (size_t i = 0; i < l->n_words && at < cap; i++) {
        const zn_tag_word *w = &l->words[i];
        at += (size_t)snprintf(out + at, cap - at, "%s%.*s/%s", i ? " " : "",
                               (int)(w->span.end - w->span.start), s + w->span.start, w->tag);
    }
}

static void test_tag_real_model_golden(void **state)
{
    (void)state;
    const char *dir = zn_tagger_default_dir();
    char probe[4096];
    snprintf(probe, sizeof probe, "%s/model_baseline/word_emb", dir != NULL ? dir : "");
    if (dir == NULL || access(probe, R_OK) != 0) {
        print_message("skipped: Debian's LAC model (python3-jieba lac_small) is not installed\n");
        skip();
    }
    static const char *const golden[][2] = {
        {"王小明昨天在上海参观了复旦大学的实验室。",
         "王小明/PER 昨天/TIME 在/p 上海/LOC 参观/v 了/u 复旦大学/ORG 的/u 实验室/n 。/n"},
        {"2019年3月，阿里巴巴在杭州发布了新的云计算产品。",
         "2019年3月/TIME ，/w 阿里巴巴/nt 在/p 杭州/LOC 发布/v 了/u 新/a 的/u "
         "云计算产品。/nz"},
        // Traditional and full-width characters are read as Simplified / ASCII.
        {"騰訊公司總部位於深圳市南山區。",
         "騰訊公司/ORG 總部/n 位於/v 深圳市/LOC 南山區/LOC 。/n"},
        {"ＡＩ技术在２０２０年快速发展！",
         "ＡＩ/nr 技术/n 在/p ２０２０年/TIME 快速/ad 发展/v ！/w"},
    };
    zn_tagger *t;
    zn_error err;
    assert_int_equal(zn_tagger_open(&t, dir, &err), ZN_OK);
    assert_int_equal(zn_tagger_tag_count(t), 57);
    zn_tag_list l;
    zn_tag_list_init(&l);
    char out[1024];
    for (size_t i = 0; i < sizeof golden / sizeof golden[0]; i++) {
        assert_int_equal(zn_tagger_run(t, golden[i][0], strlen(golden[i][0]), &l, &err), ZN_OK);
        words_of(&l, golden[i][0], out, sizeof out);
        assert_string_equal(out, golden[i][1]);
    }
    zn_tag_list_clear(&l);
    zn_tagger_close(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tag_fixture_matches_python_reference),
        cmocka_unit_test(test_tag_run_many_equals_single_runs),
        cmocka_unit_test(test_tag_words_and_names),
        cmocka_unit_test(test_tag_open_from_environment),
        cmocka_unit_test_setup_teardown(test_tag_open_rejects_truncated_tensor, make_scratch,
                                        drop_scratch),
        cmocka_unit_test_setup_teardown(test_tag_open_rejects_wrong_shape, make_scratch,
                                        drop_scratch),
        cmocka_unit_test_setup_teardown(test_tag_open_rejects_bad_header, make_scratch,
                                        drop_scratch),
        cmocka_unit_test_setup_teardown(test_tag_open_rejects_bad_dictionaries, make_scratch,
                                        drop_scratch),
        cmocka_unit_test(test_tag_open_and_run_survive_allocation_failures),
        cmocka_unit_test(test_tag_one_model_shared_by_threads),
        cmocka_unit_test(test_tag_gru_step2_and_step4_match_single_steps),
        cmocka_unit_test(test_tag_kernels_agree),
        cmocka_unit_test(test_tag_real_model_golden),
    };
    return cmocka_run_group_tests(tests, load_cases, free_cases);
}
