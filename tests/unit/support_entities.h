/* SPDX-License-Identifier: MIT
 * Shared checks of the entity tests (test_extract.c, test_entities_long.c,
 * test_entities_paths.c, test_extract_rules.c, test_entities_words.c, test_entities_keys.c). */
#ifndef ZHNEWS_TESTS_SUPPORT_ENTITIES_H
#define ZHNEWS_TESTS_SUPPORT_ENTITIES_H

#include "extract/entity_priv.h"
#include "zhnews/extract.h"

/* Runs zn_entities_extract with allocation N failing for N = 0, 1, ... until it succeeds;
 * asserts each failure is ZN_ERR_NOMEM with a NULL result, and returns the final result
 * (the caller checks and frees it). */
zn_entities *entities_alloc_loop(const zn_extract_input *in);

/* Asserts that e holds one entity, named `name`, of `type`, with one mention: the bytes of
 * name at byte `start`. Returns it. */
const zn_entity *expect_one(const zn_entities *e, const char *name, zn_entity_type type,
                            size_t start);

/* Reads text (and the tokens, n of them, may be NULL) into d with zn__ent_doc_init, asserting
 * it succeeds; the caller clears d. */
void init_doc(ent_doc *d, const char *text, const zn_token *toks, size_t n);

#endif
