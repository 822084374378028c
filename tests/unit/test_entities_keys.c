/* SPDX-License-Identifier: MIT
 * Unit tests for the entity extractor's view of a text before its words (entity_text.c,
 * entity_keys.c, entity_tags.c's character classes, entity_arena.c): the folded characters,
 * the table keys marked at each position and the scratch memory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "extract/entity_find.h"
#include "support_entities.h"

// Traditional characters fold to Simplified ones and meet the keys there; a key of one
// character at the text's end, a character beyond the BMP before a key, and what the text
// is known to contain.
static void test_keys_folded(void **state)
{
    (void)state;
    ent_doc d;
    init_doc(&d, "\xf0\xa0\x80\x80香港中文大學校長表示王", NULL, 0); // U+20000 first
    assert_int_equal(d.n, 12);
    assert_int_equal(d.fold[0], 0x20000);
    assert_int_equal(d.fold[6], 0x5B66); // 學 → 学
    assert_int_equal(d.fold[8], 0x957F); // 長 → 长
    const zn__ent_word *w = zn__ent_span_word(&d, 5, 7);
    assert_non_null(w); // 大学
    assert_true(w->flags & ZN__ENT_SUFFIX);
    assert_true(zn__ent_span_is(&d, 7, 9, ZN__ENT_TITLE));                  // 校长
    assert_true(zn__ent_span_is(&d, 9, 11, ZN__ENT_CUE));                   // 表示
    assert_true(zn__ent_span_is(&d, 11, 12, ZN__ENT_SURNAME));              // 王, last
    assert_null(zn__ent_span_word(&d, 0, 1));
    size_t s = 0;
    assert_int_equal(zn__ent_word_ending(&d, 9, ZN__ENT_TITLE, &s), 2);
    assert_int_equal(s, 7);
    assert_int_equal(zn__ent_word_ending(&d, 7, ZN__ENT_SUFFIX, &s), 2); // fewer than 8 before
    assert_int_equal(s, 5);
    assert_int_equal(zn__ent_word_ending(&d, 12, ZN__ENT_SURNAME, &s), 1);
    assert_int_equal(s, 11);
    assert_int_equal(zn__ent_word_ending(&d, 12, ZN__ENT_TITLE, &s), 0);
    assert_int_equal(zn__ent_word_starting(&d, 5, ZN__ENT_SUFFIX), 2);
    assert_true(zn__ent_doc_has(&d, ZN__ENT_SUFFIX | ZN__ENT_TITLE | ZN__ENT_CUE));
    assert_true(zn__ent_index_scan(&d, 0, 0x5B66) != SIZE_MAX); // 学, folded
    assert_true(zn__ent_index_scan(&d, 0, 0x20000) != SIZE_MAX);
    assert_true(zn__ent_index_scan(&d, 0, 0x7B49) == SIZE_MAX); // 等: not in the text
    assert_true(zn__ent_index_scan(&d, 0, 0x5B78) == SIZE_MAX); // 學: folded away
    assert_false(d.has_latin);
    zn__ent_doc_clear(&d);
}

// Keys begin anywhere among the start bits, 64 positions to a word: at the last bit of one
// word (a key across two), at the first of the next, at the text's last character (also
// when that is the last of a word); a Traditional character whose Simplified form lies
// beyond the BMP folds to it.
static void test_keys_start_bits(void **state)
{
    (void)state;
    static const char comma[] = "\xef\xbc\x8c"; // ，: no key begins with it
    char text[200 * 3 + 16];
    size_t len = 0;
    for (size_t i = 0; i < 63; i++) {
        memcpy(text + len, comma, 3), len += 3;
    }
    memcpy(text + len, "大學校長", 12), len += 12; // 63: 大学, 65: 校长
    for (size_t i = 0; i < 62; i++) {
        memcpy(text + len, comma, 3), len += 3;
    }
    memcpy(text + len, "王", 4), len += 3; // 129, the last
    text[len] = '\0';
    ent_doc d;
    init_doc(&d, text, NULL, 0);
    assert_int_equal(d.n, 130);
    assert_true(zn__ent_span_is(&d, 63, 65, ZN__ENT_SUFFIX));
    assert_true(zn__ent_span_is(&d, 65, 67, ZN__ENT_TITLE));
    assert_true(zn__ent_span_is(&d, 129, 130, ZN__ENT_SURNAME));
    assert_int_equal(zn__ent_word_starting(&d, 0, ZN__ENT_SUFFIX | ZN__ENT_TITLE), 0);
    zn__ent_doc_clear(&d);

    memcpy(text + 63 * 3, "王", 4); // 64 characters, a key at the last
    init_doc(&d, text, NULL, 0);
    assert_int_equal(d.n, 64);
    assert_true(zn__ent_span_is(&d, 63, 64, ZN__ENT_SURNAME));
    assert_int_equal(d.keys[62], 0);
    zn__ent_doc_clear(&d);

    init_doc(&d, "\xe3\x91\xae\xe5\xad\xb8", NULL, 0); // U+346E 學
    assert_int_equal(d.n, 2);
    assert_int_equal(d.fold[0], 0x2B748);
    assert_int_equal(d.fold[1], 0x5B66);
    zn__ent_doc_clear(&d);
}

// The class of every ASCII character (a table) and of some above it.
static void test_char_classes(void **state)
{
    (void)state;
    for (uint32_t c = 0; c < 0x80; c++) {
        ent_pos want = POS_PUNCT;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            want = POS_ENG;
        } else if (c >= '0' && c <= '9') {
            want = POS_M;
        } else if (c == ' ' || (c >= '\t' && c <= '\r')) {
            want = POS_SPACE;
        }
        assert_int_equal(zn__ent_char_class(c), want);
    }
    assert_int_equal(zn__ent_char_class(0x4E00), POS_UNK);  // 一
    assert_int_equal(zn__ent_char_class(0x3007), POS_UNK);  // 〇
    assert_int_equal(zn__ent_char_class(0x20000), POS_UNK); // beyond the BMP
    assert_int_equal(zn__ent_char_class(0x3000), POS_SPACE);
    assert_int_equal(zn__ent_char_class(0xA0), POS_SPACE);
    assert_int_equal(zn__ent_char_class(0xFF0C), POS_PUNCT); // ， (before folding)
    assert_int_equal(zn__ent_char_class(0xE9), POS_PUNCT);   // é
}

// More keys than characters (港, 港澳, 港澳台, 澳, 台 at every three): the rows of the keys
// outgrow their first room; each position's keys are its rows, in order of length.
static void test_keys_more_rows_than_characters(void **state)
{
    (void)state;
    enum { TIMES = 100 };
    char text[9 * TIMES + 1];
    for (size_t i = 0; i < TIMES; i++) {
        memcpy(text + 9 * i, "港澳台", 9);
    }
    text[sizeof text - 1] = '\0';
    ent_doc d;
    init_doc(&d, text, NULL, 0);
    assert_int_equal(d.n, 3 * TIMES);
    size_t rows = 0;
    for (size_t i = 0; i < d.n; i++) {
        rows += zn__ent_pop8[d.keys[i]];
    }
    assert_true(rows > d.n + 64);
    for (size_t i = 0; i < d.n; i += 3) {
        assert_int_equal(d.keys[i], 7); // 港, 港澳, 港澳台
        assert_int_equal(zn__ent_span_word(&d, i, i + 1)->len, 3);
        assert_int_equal(zn__ent_span_word(&d, i, i + 2)->len, 6);
        assert_int_equal(zn__ent_span_word(&d, i, i + 3)->len, 9);
        assert_true(zn__ent_span_is(&d, i, i + 3, ZN__ENT_REGION));
        assert_true(zn__ent_span_is(&d, i + 2, i + 3, ZN__ENT_ABBREV)); // 台
    }
    zn__ent_doc_clear(&d);
}

// The scratch memory: a first block even for nothing, pieces aligned, a piece that fills the
// block's room exactly taken from it, the next from a new block; the caller's block first
// when the piece fits it; sizes that overflow refused.
static void test_arena_blocks(void **state)
{
    (void)state;
    ent_doc d;
    memset(&d, 0, sizeof d);
    char *z = zn__ent_alloc(&d, 0, 8);
    assert_non_null(z);
    char *a = zn__ent_alloc(&d, 100, 1); // 112 bytes: a multiple of 16
    assert_ptr_equal(a, z);
    assert_int_equal((uintptr_t)a % 16, 0);
    size_t room = d.arena_room;
    assert_true(room >= 16);
    char *b = zn__ent_alloc(&d, room, 1);
    assert_ptr_equal(b, a + 112);
    assert_int_equal(d.arena_room, 0);
    char *c = zn__ent_alloc(&d, 1, 1);
    assert_non_null(c);
    assert_true((uintptr_t)c + 1 <= (uintptr_t)b || (uintptr_t)c >= (uintptr_t)(b + room));
    memset(b, 1, room);
    memset(c, 2, 1);
    assert_null(zn__ent_alloc(&d, SIZE_MAX / 2, 4));
    assert_null(zn__ent_alloc(&d, SIZE_MAX / 4 + 1, 1));
    zn__ent_arena_free(&d);
    assert_null(d.arena);
    assert_int_equal(d.arena_room, 0);

    _Alignas(16) char scratch[256];
    memset(&d, 0, sizeof d);
    d.scratch = scratch;
    d.scratch_size = sizeof scratch;
    char *p = zn__ent_alloc(&d, 200, 1);
    assert_true(p > scratch && p + 200 <= scratch + sizeof scratch);
    char *q = zn__ent_alloc(&d, 100, 1); // no room left there: a heap block
    assert_true((uintptr_t)q + 100 <= (uintptr_t)scratch ||
                (uintptr_t)q >= (uintptr_t)(scratch + sizeof scratch));
    memset(q, 3, 100);
    zn__ent_arena_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keys_folded),
        cmocka_unit_test(test_keys_start_bits),
        cmocka_unit_test(test_char_classes),
        cmocka_unit_test(test_keys_more_rows_than_characters),
        cmocka_unit_test(test_arena_blocks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
