/* SPDX-License-Identifier: MIT
 * Shared checks of the entity tests: the allocation-failure loop, one expected entity, a
 * document read for the tests of the extractor's internals. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "support_entities.h"
#include "util/alloc.h"

zn_entities *entities_alloc_loop(const zn_extract_input *in)
{
    for (size_t n = 0;; n++) {
        zn_entities *e = (zn_entities *)in; // not NULL: a failure must reset it
        zn_error err;
        zn__alloc_fail_after(n);
        zn_status st = zn_entities_extract(&e, in, &err);
        int failed = zn__alloc_failed();
        zn__alloc_fail_after((size_t)-1);
        if (!failed) {
            assert_int_equal(st, ZN_OK);
            return e;
        }
        assert_int_equal(st, ZN_ERR_NOMEM);
        assert_null(e);
        assert_int_equal(err.code, ZN_ERR_NOMEM);
    }
}

const zn_entity *expect_one(const zn_entities *e, const char *name, zn_entity_type type,
                                   size_t start)
{
    assert_int_equal(zn_entities_count(e), 1);
    const zn_entity *it = zn_entities_get(e, 0);
    assert_string_equal(it->name, name);
    assert_int_equal(it->type, type);
    assert_int_equal(it->n_mentions, 1);
    assert_int_equal(it->mentions[0].start, start);
    assert_int_equal(it->mentions[0].end, start + strlen(name));
    return it;
}

void init_doc(ent_doc *d, const char *text, const zn_token *toks, size_t n)
{
    zn_extract_input in = {.text = text, .len = strlen(text), .tokens = toks, .n_tokens = n};
    zn_error err;
    assert_int_equal(zn__ent_doc_init(d, &in, false, NULL, 0, &err), ZN_OK);
}
