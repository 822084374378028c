/* SPDX-License-Identifier: MIT
 * Unit tests for the entity rules' short cuts of issue 6's later rounds (src/extract/
 * entity_find.h, entity_tagged.c, entity_extend.c, entity_select.c, entity_clean.c,
 * entity_group.c): small sets of code points told by a table at a hash, strong names spread
 * with and without the hash set, spans of common Han told from the document's counts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "extract/entity_find.h"
#include "support_entities.h"
#include "zhnews/extract.h"

static zn_entities *run_text(const char *s)
{
    zn_extract_input in = {.text = s, .len = strlen(s)};
    zn_entities *e = NULL;
    assert_int_equal(zn_entities_extract(&e, &in, NULL), ZN_OK);
    assert_non_null(e);
    return e;
}

// The small sets asked of most characters near a candidate are tables by a hash of the code
// point (zn__ent_cp_in): every code point is a numeral exactly when it is one of the list,
// and a travel verb's place comes only after a verb, not after characters of its slot
// (並, 亡 share 駐's) or U+0000.
static void test_numerals_and_travel_verbs(void **state)
{
    (void)state;
    static const uint32_t numerals[] = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D,
                                        0x4E03, 0x516B, 0x4E5D, 0x5341, 0x767E, 0x96F6};
    for (uint32_t c = 0; c <= 0x10FFFF; c++) {
        bool want = c >= '0' && c <= '9';
        for (size_t k = 0; k < sizeof numerals / sizeof numerals[0]; k++) {
            want |= c == numerals[k];
        }
        if (zn__ent_is_numeral(c) != want) {
            fail_msg("U+%04X", (unsigned)c);
        }
    }
    static const char *const verbs[] = {"駐", "訪", "赴", "來", "抵", "離", "返", "旅", "對"};
    for (size_t k = 0; k < sizeof verbs / sizeof verbs[0]; k++) {
        char text[16];
        snprintf(text, sizeof text, "%s美", verbs[k]);
        zn_entities *e = run_text(text);
        expect_one(e, "美", ZN_ENTITY_PLACE, strlen(verbs[k]));
        zn_entities_free(e);
    }
    static const char *const others[] = {"並美", "亡美", "和美"};
    for (size_t k = 0; k < sizeof others / sizeof others[0]; k++) {
        zn_entities *e = run_text(others[k]);
        assert_int_equal(zn_entities_count(e), 0);
        zn_entities_free(e);
    }
    zn_extract_input in = {.text = "\0美", .len = 4}; // U+0000 hashes to an empty slot
    zn_entities *e = NULL;
    assert_int_equal(zn_entities_extract(&e, &in, NULL), ZN_OK);
    assert_int_equal(zn_entities_count(e), 0);
    zn_entities_free(e);
}

// A strong name (the tagger's ORG) is spread before choosing: its untagged occurrence later
// in the line wins over the region inside it (華南 of 華南科技), which propagation alone
// could not undo. Names spread are told apart by comparing them with the few
// spread before (up to 8 strong names) or through a hash set (more): k tagged names, the
// first one tagged twice, then once more untagged; every name one entity, the first with
// three mentions, whichever the way.
static void test_strong_names_spread(void **state)
{
    (void)state;
    static const char *const names[] = {"華南科技", "丙丁", "戊己", "庚辛", "壬癸",
                                        "子丑", "寅卯", "辰巳", "午未", "申酉"};
    for (size_t k = 2; k <= 10; k++) {
        char text[256] = "";
        zn_tag_word w[24];
        size_t n_w = 0;
        size_t bytes = 0;
        size_t chars = 0;
        for (size_t x = 0; x <= k + 1; x++) { // names[0], names[0 .. k - 1], names[0]
            const char *name = x == 0 || x > k ? names[0] : names[x - 1];
            bool tagged = x <= k;
            size_t len = strlen(name) / strlen("甲");
            w[n_w++] = (zn_tag_word){{bytes, bytes + strlen(name)}, chars, len,
                                     tagged ? "ORG" : "n",
                                     tagged ? ZN_TAG_ENTITY_ORG : ZN_TAG_ENTITY_NONE};
            strcat(text, name);
            strcat(text, "，");
            w[n_w++] = (zn_tag_word){{bytes + strlen(name), bytes + strlen(name) + strlen("，")},
                                     chars + len, 1, "w", ZN_TAG_ENTITY_NONE};
            bytes += strlen(name) + strlen("，");
            chars += len + 1;
        }
        zn_extract_input in = {.text = text, .len = strlen(text), .tags = w, .n_tags = n_w};
        zn_entities *e = NULL;
        assert_int_equal(zn_entities_extract(&e, &in, NULL), ZN_OK);
        assert_int_equal(zn_entities_count(e), k);
        const zn_entity *first = zn_entities_get(e, 0);
        assert_string_equal(first->name, names[0]);
        assert_int_equal(first->n_mentions, 3);
        assert_int_equal(first->mentions[2].start, bytes - strlen(names[0]) - strlen("，"));
        zn_entities_free(e);
    }
}

// A mention all of whose characters are Han of the common block is taken whole, without a
// look at each (zn__ent_all_common_han, from the document's counts of the other characters,
// modulo 256): never for a span with another character, also where 256 of them bring the
// count round to the same value, nor for one of 256 characters or more.
static void test_spans_of_common_han(void **state)
{
    (void)state;
    char text[2048] = "北京大學";           // characters 0-3
    for (int k = 0; k < 256; k++) {
        strcat(text, ",");                  // 4-259
    }
    strcat(text, "清華大學a〇");             // 260-263, 264, 265
    for (int k = 0; k < 300; k++) {
        strcat(text, "中");                 // 266-565
    }
    zn_extract_input in = {.text = text, .len = strlen(text)};
    ent_doc d;
    assert_int_equal(zn__ent_doc_init(&d, &in, false, NULL, 0, NULL), ZN_OK);
    assert_true(zn__ent_all_common_han(&d, 0, 4));
    assert_true(zn__ent_all_common_han(&d, 1, 1));
    assert_false(zn__ent_all_common_han(&d, 0, 5));
    assert_false(zn__ent_all_common_han(&d, 3, 259));   // 255 commas
    assert_false(zn__ent_all_common_han(&d, 0, 264));   // 256 commas: the same count
    assert_true(zn__ent_all_common_han(&d, 260, 264));
    assert_false(zn__ent_all_common_han(&d, 260, 265)); // a Latin letter
    assert_false(zn__ent_all_common_han(&d, 265, 266)); // 〇 is Han, not of the block
    assert_true(zn__ent_all_common_han(&d, 266, 266 + 255));
    assert_false(zn__ent_all_common_han(&d, 266, 266 + 256));
    zn__ent_doc_clear(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numerals_and_travel_verbs),
        cmocka_unit_test(test_strong_names_spread),
        cmocka_unit_test(test_spans_of_common_han),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
