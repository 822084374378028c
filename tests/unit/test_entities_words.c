/* SPDX-License-Identifier: MIT
 * Unit tests for the words of the entity extractor's view of a text (entity_words.c,
 * entity_split.c, entity_tags.c): the words cut from the tokenizer's tokens (or the tagger's
 * words) with their classes, the characters each word covers, gaps, overlaps and spans that
 * are no spans of the text. The folded characters, keys and scratch memory:
 * test_entities_keys.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "extract/entity_find.h"
#include "support_entities.h"

// A token for bytes [start, end) with the tag's eight bytes as given (the rest zeros).
static zn_token tok(size_t start, size_t end, const char *tag)
{
    zn_token t = {start, end, {0}, 0};
    memcpy(t.tag, tag, strnlen(tag, sizeof t.tag));
    return t;
}

static void assert_word(const ent_doc *d, size_t i, size_t start, size_t end, ent_pos pos)
{
    assert_true(i < d->n_words);
    assert_int_equal(d->words[i].start, start);
    assert_int_equal(d->words[i].end, end);
    assert_int_equal(d->words[i].pos, pos);
    for (size_t c = start; c < end; c++) {
        assert_int_equal(d->word_of[c], i);
    }
}

// Every tag class, one Han character per token: the class goes by the first letter unless
// the first two letters (nr..., an, ad) or the whole tag (ns, PER, eng ...) say otherwise.
static void test_words_tag_classes(void **state)
{
    (void)state;
    static const struct {
        const char *tag;
        ent_pos pos;
    } cases[] = {
        {"", POS_UNK},       {"n", POS_N},         {"nr", POS_NR},     {"nrfg", POS_NR},
        {"nrt", POS_NR},     {"ns", POS_NS},       {"nsf", POS_N},     {"nt", POS_NT},
        {"nz", POS_NZ},      {"nw", POS_NZ},       {"ng", POS_N},      {"j", POS_NZ},
        {"v", POS_V},        {"vn", POS_VN},       {"vd", POS_V},      {"a", POS_A},
        {"an", POS_N},       {"ad", POS_FUNC},     {"ag", POS_A},      {"b", POS_A},
        {"s", POS_N},        {"m", POS_M},         {"q", POS_Q},       {"r", POS_R},
        {"t", POS_TIME},     {"w", POS_PUNCT},     {"x", POS_PUNCT},   {"PER", POS_PER},
        {"PERX", POS_FUNC},  {"LOC", POS_LOC},     {"ORG", POS_ORG},   {"TIME", POS_TIME},
        {"TIMES", POS_FUNC}, {"eng", POS_ENG},     {"engl", POS_FUNC}, {"url", POS_ENG},
        {"u", POS_FUNC},     {"uj", POS_FUNC},     {"p", POS_FUNC},    {"d", POS_FUNC},
        {"abcdefgh", POS_A}, {"\xff", POS_FUNC},   {"n", POS_N},       {"PER", POS_PER},
    };
    enum { N = sizeof cases / sizeof cases[0] };
    char text[3 * N + 1];
    zn_token toks[N];
    for (size_t i = 0; i < N; i++) {
        memcpy(text + 3 * i, "\xe4\xb8\x80", 3); // 一 U+4E00, the first of the common block
        toks[i] = tok(3 * i, 3 * i + 3, cases[i].tag);
    }
    text[3 * N] = '\0';
    ent_doc d;
    init_doc(&d, text, toks, N);
    assert_int_equal(d.n, N);
    assert_int_equal(d.n_words, N);
    for (size_t i = 0; i < N; i++) {
        assert_word(&d, i, i, i + 1, cases[i].pos);
    }
    assert_int_equal(d.word_of[N], N);
    zn__ent_doc_clear(&d);
}

// A tag's bytes after its NUL are no part of it, whatever they are.
static void test_words_tag_bytes_after_nul(void **state)
{
    (void)state;
    zn_token toks[4] = {tok(0, 3, "n"), tok(3, 6, "v"), tok(6, 9, "n"), tok(9, 12, "nt")};
    memcpy(toks[2].tag, "n\0rXYZW", 8); // would be nr... without the NUL
    memcpy(toks[3].tag, "nt\0\xff\xff\xff\xff", 8);
    ent_doc d;
    init_doc(&d, "一二三四", toks, 4);
    assert_word(&d, 0, 0, 1, POS_N);
    assert_word(&d, 1, 1, 2, POS_V);
    assert_word(&d, 2, 2, 3, POS_N);
    assert_word(&d, 3, 3, 4, POS_NT);
    zn__ent_doc_clear(&d);
}

// Characters no token covers become words of their own class; a token that starts before
// the last one ended is skipped (also when it starts characters back: found by search).
static void test_words_gaps_and_overlaps(void **state)
{
    (void)state;
    // 甲乙丙丁戊己: 甲乙 | 丙 (no token) | 丁 | 丙丁 again (overlap) | 戊己
    zn_token toks[4] = {tok(0, 6, "n"), tok(9, 12, "r"), tok(6, 12, "nz"), tok(12, 18, "v")};
    ent_doc d;
    init_doc(&d, "甲乙丙丁戊己", toks, 4);
    assert_true(d.analysed);
    assert_int_equal(d.n_words, 4);
    assert_word(&d, 0, 0, 2, POS_N);
    assert_word(&d, 1, 2, 3, POS_UNK);
    assert_word(&d, 2, 3, 4, POS_R);
    assert_word(&d, 3, 4, 6, POS_V);
    assert_int_equal(d.word_of[6], 4);
    zn__ent_doc_clear(&d);
}

// Words found by their byte count (one to four characters of three bytes, four characters
// or more left) mark four characters whatever their length: those past a word are marked
// again by the next word or gap. A word of a 4-byte and a 2-byte character (six bytes, two
// characters, not Han), an ASCII word of three bytes, a word of five characters, and words
// too near the end for the short cut.
static void test_words_by_byte_count(void **state)
{
    (void)state;
    // 甲 | 乙丙 | (丁 no token) | U+20000 é | abc | 戊己庚辛壬 | 癸子 | 丑
    static const char text[] = "甲乙丙丁\xf0\xa0\x80\x80\xc3\xa9" "abc戊己庚辛壬癸子丑";
    zn_token toks[7] = {tok(0, 3, "n"),   tok(3, 9, "v"),   tok(12, 18, "nz"),
                        tok(18, 21, "eng"), tok(21, 36, "n"), tok(36, 42, "a"),
                        tok(42, 45, "m")};
    ent_doc d;
    init_doc(&d, text, toks, 7);
    assert_int_equal(d.n, 17);
    assert_int_equal(d.n_words, 9);
    assert_word(&d, 0, 0, 1, POS_N);
    assert_word(&d, 1, 1, 3, POS_V);   // by its bytes: marks 1 .. 4
    assert_word(&d, 2, 3, 4, POS_UNK); // the gap
    assert_word(&d, 3, 4, 5, POS_NZ);  // by its bytes (4 + 2), then split
    assert_word(&d, 4, 5, 6, POS_PUNCT);
    assert_word(&d, 5, 6, 9, POS_ENG);
    assert_word(&d, 6, 9, 14, POS_N);  // five characters
    assert_word(&d, 7, 14, 16, POS_A); // three characters left: the walk
    assert_word(&d, 8, 16, 17, POS_M);
    assert_int_equal(d.word_of[17], 9);
    zn__ent_doc_clear(&d);
}

static void assert_bad_span(size_t start, size_t end, const char *where)
{
    zn_token t = tok(start, end, "n");
    zn_extract_input in = {.text = "甲乙", .len = 6, .tokens = &t, .n_tokens = 1};
    ent_doc d;
    zn_error err;
    assert_int_equal(zn__ent_doc_init(&d, &in, false, NULL, 0, &err), ZN_ERR_INVALID_ARG);
    assert_non_null(strstr(err.message, where));
    zn__ent_doc_clear(&d);
}

static void test_words_bad_spans(void **state)
{
    (void)state;
    assert_bad_span(0, 4, "word 0 [0, 4) is not a span"); // ends inside 乙
    assert_bad_span(1, 3, "word 0 [1, 3) is not a span"); // starts inside 甲
    assert_bad_span(3, 9, "word 0 [3, 9) is not a span"); // past the end
    assert_bad_span(6, 3, "word 0 [6, 3) is not a span"); // backwards
}

// Words that are not all Han of the common block: punctuation, spaces, Latin letters,
// figures, 〇 (U+3007, Han outside the block) and a tagger word joining text and marks.
static void test_words_not_common_han(void **state)
{
    (void)state;
    // 北京，ＡＢ 12。〇〇: bytes 0 6 9 15 16 18 21 27
    zn_token toks[7] = {tok(0, 6, "ns"),   tok(6, 9, "x"),   tok(9, 15, "eng"), tok(15, 16, "x"),
                        tok(16, 18, "m"), tok(18, 21, "x"), tok(21, 27, "m")};
    ent_doc d;
    init_doc(&d, "北京，ＡＢ 12。〇〇", toks, 7);
    assert_int_equal(d.n, 11);
    assert_int_equal(d.fold[2], ',');
    assert_int_equal(d.fold[3], 'a');
    assert_true(d.has_latin);
    assert_int_equal(d.n_words, 7);
    assert_word(&d, 0, 0, 2, POS_NS);
    assert_word(&d, 1, 2, 3, POS_PUNCT);
    assert_word(&d, 2, 3, 5, POS_ENG);
    assert_word(&d, 3, 5, 6, POS_SPACE);
    assert_word(&d, 4, 6, 8, POS_M);
    assert_word(&d, 5, 8, 9, POS_PUNCT);
    assert_word(&d, 6, 9, 11, POS_M);
    zn__ent_doc_clear(&d);

    // one tagger word "、商汤" is cut at the mark: the mark, then the name
    zn_tag_word tw = {.span = {0, 9}, .first_char = 0, .n_chars = 3, .tag = "ORG"};
    zn_extract_input in = {.text = "、商汤", .len = 9, .tags = &tw, .n_tags = 1};
    assert_int_equal(zn__ent_doc_init(&d, &in, false, NULL, 0, NULL), ZN_OK);
    assert_int_equal(d.n_words, 2);
    assert_word(&d, 0, 0, 1, POS_PUNCT);
    assert_word(&d, 1, 1, 3, POS_ORG);
    zn__ent_doc_clear(&d);
}

// The tagger's words with the tokenizer's beside them (kept for their lexicon tags).
static void test_words_tagger_and_tokens(void **state)
{
    (void)state;
    zn_tag_word tw = {.span = {0, 12}, .first_char = 0, .n_chars = 4, .tag = "ORG"};
    zn_token toks[2] = {tok(0, 6, "ns"), tok(6, 12, "n")};
    zn_extract_input in = {.text = "北京大学", .len = 12, .tokens = toks, .n_tokens = 2,
                           .tags = &tw, .n_tags = 1};
    ent_doc d;
    assert_int_equal(zn__ent_doc_init(&d, &in, false, NULL, 0, NULL), ZN_OK);
    assert_int_equal(d.n_words, 1);
    assert_word(&d, 0, 0, 4, POS_ORG);
    assert_int_equal(d.n_alt, 2);
    assert_int_equal(d.alt[0].start, 0);
    assert_int_equal(d.alt[0].end, 2);
    assert_int_equal(d.alt[0].pos, POS_NS);
    assert_int_equal(d.alt[1].start, 2);
    assert_int_equal(d.alt[1].end, 4);
    assert_int_equal(d.alt[1].pos, POS_N);
    zn__ent_doc_clear(&d);

    toks[1] = tok(6, 10, "n"); // ends inside 学
    ent_doc bad;
    zn_error err;
    assert_int_equal(zn__ent_doc_init(&bad, &in, false, NULL, 0, &err), ZN_ERR_INVALID_ARG);
    assert_non_null(strstr(err.message, "token 1 [6, 10) is not a span"));
    zn__ent_doc_clear(&bad);
}

// Without tokens every character is classed, runs of one class making one word: more words
// than the first allocation holds.
static void test_words_without_tokens(void **state)
{
    (void)state;
    static const char unit[] = "ab中，";
    char text[50 * (sizeof unit - 1) + 1];
    for (size_t i = 0; i < 50; i++) {
        memcpy(text + i * (sizeof unit - 1), unit, sizeof unit - 1);
    }
    text[sizeof text - 1] = '\0';
    ent_doc d;
    init_doc(&d, text, NULL, 0);
    assert_false(d.analysed);
    assert_int_equal(d.n, 200);
    assert_int_equal(d.n_words, 150);
    for (size_t i = 0; i < 50; i++) {
        assert_word(&d, 3 * i, 4 * i, 4 * i + 2, POS_ENG);
        assert_word(&d, 3 * i + 1, 4 * i + 2, 4 * i + 3, POS_UNK);
        assert_word(&d, 3 * i + 2, 4 * i + 3, 4 * i + 4, POS_PUNCT);
    }
    zn__ent_doc_clear(&d);
}

// The word cut's short cut: one-character words of one, two and three bytes that are no Han
// of the common block (classed by the character), words up to the text's last character,
// and a word after an ignored one, found from a search that starts past it.
static void test_words_short_cut_edges(void **state)
{
    (void)state;
    // ,é，甲乙丙丁戊 : bytes 0 1 3 6 9 12 15 18 21
    zn_token toks[8] = {tok(0, 1, "x"),  tok(1, 3, "n"),   tok(3, 6, "x"),
                        tok(6, 12, "n"), tok(9, 18, "v"),  tok(12, 15, "r"),
                        tok(15, 21, "a"), tok(18, 21, "m")};
    ent_doc d;
    init_doc(&d, ",é，甲乙丙丁戊", toks, 8);
    assert_int_equal(d.n, 8);
    assert_int_equal(d.n_words, 6);
    assert_word(&d, 0, 0, 1, POS_PUNCT);
    assert_word(&d, 1, 1, 2, POS_PUNCT); // é: punctuation for the extractor
    assert_word(&d, 2, 2, 3, POS_PUNCT);
    assert_word(&d, 3, 3, 5, POS_N);
    // 乙丙丁 overlaps 甲乙: ignored; 丙 goes on from 甲乙
    assert_word(&d, 4, 5, 6, POS_R);
    assert_word(&d, 5, 6, 8, POS_A); // to the last character
    // 戊 again: it overlaps, ignored
    assert_int_equal(d.word_of[8], 6);
    zn__ent_doc_clear(&d);

    // after the ignored 乙丙丁 the next word starts before its end, after a gap (丙)
    zn_token gap[3] = {tok(0, 6, "n"), tok(3, 12, "v"), tok(9, 15, "nz")};
    init_doc(&d, "甲乙丙丁戊", gap, 3);
    assert_int_equal(d.n_words, 3);
    assert_word(&d, 0, 0, 2, POS_N);
    assert_word(&d, 1, 2, 3, POS_UNK);
    assert_word(&d, 2, 3, 5, POS_NZ);
    zn__ent_doc_clear(&d);
}

// A token cut into more words than there were tokens (a run of letters and commas), then
// more tokens than the first room for words had left: room is made as they come.
static void test_words_room_after_split(void **state)
{
    (void)state;
    enum { PAIRS = 30, HAN = 40 };
    char text[2 * PAIRS + 3 * HAN + 1];
    zn_token toks[1 + HAN];
    for (size_t i = 0; i < PAIRS; i++) {
        memcpy(text + 2 * i, "a,", 2);
    }
    toks[0] = tok(0, 2 * PAIRS, "n");
    for (size_t i = 0; i < HAN; i++) {
        memcpy(text + 2 * PAIRS + 3 * i, "\xe4\xb8\x80", 3); // 一
        toks[1 + i] = tok(2 * PAIRS + 3 * i, 2 * PAIRS + 3 * i + 3, "m");
    }
    text[sizeof text - 1] = '\0';
    ent_doc d;
    init_doc(&d, text, toks, 1 + HAN);
    assert_int_equal(d.n, 2 * PAIRS + HAN);
    assert_int_equal(d.n_words, 2 * PAIRS + HAN);
    for (size_t i = 0; i < PAIRS; i++) {
        assert_word(&d, 2 * i, 2 * i, 2 * i + 1, POS_UNK); // garbled: no tag
        assert_word(&d, 2 * i + 1, 2 * i + 1, 2 * i + 2, POS_PUNCT);
    }
    for (size_t i = 0; i < HAN; i++) {
        assert_word(&d, 2 * PAIRS + i, 2 * PAIRS + i, 2 * PAIRS + i + 1, POS_M);
    }
    zn__ent_doc_clear(&d);
}

// Whether a word is all Han of the common block is told by counts of the other characters
// kept modulo 256: words past 256 and 512 others, one of them holding one.
static void test_words_after_many_others(void **state)
{
    (void)state;
    enum { MARKS = 599 };
    char text[3 * MARKS + 12 + 1];
    zn_token toks[MARKS + 2];
    for (size_t i = 0; i < MARKS; i++) {
        memcpy(text + 3 * i, "\xef\xbc\x8c", 3); // ，
        toks[i] = tok(3 * i, 3 * i + 3, "x");
    }
    memcpy(text + 3 * MARKS, "，甲乙丙", 12);
    text[sizeof text - 1] = '\0';
    toks[MARKS] = tok(3 * MARKS, 3 * MARKS + 6, "nz"); // ，甲
    toks[MARKS + 1] = tok(3 * MARKS + 6, 3 * MARKS + 12, "v");
    ent_doc d;
    init_doc(&d, text, toks, MARKS + 2);
    assert_int_equal(d.n, MARKS + 4);
    assert_int_equal(d.n_words, MARKS + 3);
    for (size_t i = 0; i < MARKS; i++) {
        assert_word(&d, i, i, i + 1, POS_PUNCT);
    }
    assert_word(&d, MARKS, MARKS, MARKS + 1, POS_PUNCT); // ，甲 cut apart
    assert_word(&d, MARKS + 1, MARKS + 1, MARKS + 2, POS_NZ);
    assert_word(&d, MARKS + 2, MARKS + 2, MARKS + 4, POS_V);
    zn__ent_doc_clear(&d);
}

// CJK marks (U+3000-U+33FF) are read from the same table as Han: each stays itself but the
// ideographic space, which folds to a space; as words they are marks (or a space), and a
// word that joins one with Han is cut apart.
static void test_words_cjk_marks(void **state)
{
    (void)state;
    // 「甲」、乙　丙。: bytes 0 3 6 9 12 15 18 21 24
    static const char text[] = "「甲」、乙\xe3\x80\x80丙。";
    zn_token toks[6] = {tok(0, 3, "x"),  tok(3, 6, "n"),  tok(6, 9, "x"),
                        tok(9, 15, "n"), tok(15, 18, "x"), tok(18, 24, "v")};
    ent_doc d;
    init_doc(&d, text, toks, 6);
    assert_int_equal(d.n, 8);
    static const uint32_t folds[8] = {0x300C, 0x7532, 0x300D, 0x3001, 0x4E59, ' ', 0x4E19,
                                      0x3002};
    for (size_t i = 0; i < 8; i++) {
        assert_int_equal(d.fold[i], folds[i]);
    }
    assert_false(d.has_latin);
    assert_int_equal(d.n_words, 8);
    assert_word(&d, 0, 0, 1, POS_PUNCT);
    assert_word(&d, 1, 1, 2, POS_N);
    assert_word(&d, 2, 2, 3, POS_PUNCT);
    assert_word(&d, 3, 3, 4, POS_PUNCT); // 、乙 cut apart
    assert_word(&d, 4, 4, 5, POS_N);
    assert_word(&d, 5, 5, 6, POS_SPACE);
    assert_word(&d, 6, 6, 7, POS_V); // 丙。 cut apart
    assert_word(&d, 7, 7, 8, POS_PUNCT);
    zn__ent_doc_clear(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_tag_classes),
        cmocka_unit_test(test_words_tag_bytes_after_nul),
        cmocka_unit_test(test_words_gaps_and_overlaps),
        cmocka_unit_test(test_words_bad_spans),
        cmocka_unit_test(test_words_not_common_han),
        cmocka_unit_test(test_words_tagger_and_tokens),
        cmocka_unit_test(test_words_without_tokens),
        cmocka_unit_test(test_words_by_byte_count),
        cmocka_unit_test(test_words_short_cut_edges),
        cmocka_unit_test(test_words_room_after_split),
        cmocka_unit_test(test_words_after_many_others),
        cmocka_unit_test(test_words_cjk_marks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
