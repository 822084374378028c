/* SPDX-License-Identifier: MIT
 * Fuzz target: the entity extractor (zn_entities_extract), the way line mode calls it. Bit 0
 * of the first byte gives it the tokenizer's words, bit 1 the lexicon. Invariants: invalid
 * UTF-8 is ZN_ERR_INVALID_ARG with no result; the mentions are in text order, do not
 * overlap, are non-empty spans on boundaries whose code-point offsets are those of their
 * bytes, and name an entity that lists that span; every entity has a known type, a valid
 * UTF-8 name, valid UTF-8 aliases and roles and at least one mention, and the mentions of
 * all entities are as many as the mention list; a second run gives the same result. */
#include <stdint.h>
#include <string.h>

#include "fuzz_util.h"
#include "zhnews/extract.h"
#include "zhnews/lexicon.h"
#include "zhnews/tokenize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static zn_lexicon *lex;
static zn_tokenizer *tok;

static int valid_cstr(const char *s)
{
    return s != NULL && zn__utf8_is_valid(s, strlen(s));
}

static int entity_has_span(const zn_entity *e, zn_span sp)
{
    for (size_t k = 0; k < e->n_mentions; k++) {
        if (e->mentions[k].start == sp.start && e->mentions[k].end == sp.end)
            return 1;
    }
    return 0;
}

static void check_entities(const zn_entities *ents, const char *s, size_t len)
{
    size_t n_ents = zn_entities_count(ents);
    size_t all = 0;
    for (size_t i = 0; i < n_ents; i++) {
        const zn_entity *e = zn_entities_get(ents, i);
        FUZZ_CHECK(e != NULL && (unsigned)e->type < ZN_ENTITY_TYPE_COUNT, "a known type");
        FUZZ_CHECK(valid_cstr(e->name) && e->name[0] != '\0', "a valid, non-empty name");
        FUZZ_CHECK(e->n_mentions > 0, "an entity is mentioned");
        for (size_t k = 0; k < e->n_aliases; k++)
            FUZZ_CHECK(valid_cstr(e->aliases[k]), "a valid alias");
        for (size_t k = 0; k < e->n_roles; k++)
            FUZZ_CHECK(valid_cstr(e->roles[k]), "a valid role");
        all += e->n_mentions;
    }
    size_t n;
    const zn_entity_mention *m = zn_entities_mentions(ents, &n);
    FUZZ_CHECK(n == all, "every entity's mentions are in the list");
    size_t last_end = 0;
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(fuzz_span_ok(s, len, m[i].span.start, m[i].span.end) &&
                       m[i].span.end > m[i].span.start,
                   "mention span inside the text on boundaries");
        FUZZ_CHECK(m[i].span.start >= last_end, "mentions in order, not overlapping");
        FUZZ_CHECK(m[i].cp_start == zn__utf8_count(s, m[i].span.start) &&
                       m[i].cp_end == zn__utf8_count(s, m[i].span.end),
                   "code-point offsets of the byte span");
        last_end = m[i].span.end;
        FUZZ_CHECK(m[i].entity < n_ents, "a mention names an entity");
        FUZZ_CHECK(entity_has_span(zn_entities_get(ents, m[i].entity), m[i].span),
                   "the entity lists the mention");
    }
}

// Extracts from s[0, len) with the analyses the flags ask for; the tokens go to list.
static zn_status run(const char *s, size_t len, unsigned flags, zn_token_list *list,
                     zn_entities **out)
{
    zn_extract_input in = {.text = s, .len = len, .lex = (flags & 2) ? lex : NULL};
    list->count = 0;
    if ((flags & 1) && zn__utf8_is_valid(s, len)) {
        FUZZ_CHECK(zn_tokenizer_run(tok, s, len, list, NULL) == ZN_OK, "valid text is cut");
        in.tokens = list->items;
        in.n_tokens = list->count;
    }
    return zn_entities_extract(out, &in, NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    if (lex == NULL) {
        if (zn_lexicon_open(&lex, fuzz_lexicon_path(), NULL) != ZN_OK) {
            fprintf(stderr, "fuzz_entities: cannot open the lexicon %s\n", fuzz_lexicon_path());
            abort();
        }
        FUZZ_CHECK(zn_tokenizer_new(&tok, lex, NULL) == ZN_OK, "tokenizer_new");
    }
    unsigned flags = data[0];
    const char *s = (const char *)data + 1;
    size_t len = size - 1;
    zn_token_list list;
    zn_token_list_init(&list);
    zn_entities *ents = NULL;
    zn_status st = run(s, len, flags, &list, &ents);
    char *fixed = NULL;
    if (!zn__utf8_is_valid(s, len)) {
        FUZZ_CHECK(st == ZN_ERR_INVALID_ARG && ents == NULL, "invalid UTF-8 is refused");
        fixed = fuzz_utf8_repair(data + 1, len);
        if (fixed == NULL) {
            zn_token_list_clear(&list);
            return 0;
        }
        s = fixed;
        st = run(s, len, flags, &list, &ents);
    }
    FUZZ_CHECK(st == ZN_OK, "valid UTF-8 is read");
    check_entities(ents, s, len);
    zn_entities *again = NULL;
    FUZZ_CHECK(run(s, len, flags, &list, &again) == ZN_OK, "a second run");
    size_t n1, n2;
    const zn_entity_mention *m1 = zn_entities_mentions(ents, &n1);
    const zn_entity_mention *m2 = zn_entities_mentions(again, &n2);
    FUZZ_CHECK(n1 == n2 && zn_entities_count(ents) == zn_entities_count(again),
               "the same result twice");
    for (size_t i = 0; i < n1; i++)
        FUZZ_CHECK(m1[i].span.start == m2[i].span.start && m1[i].span.end == m2[i].span.end &&
                       m1[i].entity == m2[i].entity,
                   "the same mentions twice");
    zn_entities_free(again);
    zn_entities_free(ents);
    zn_token_list_clear(&list);
    free(fixed);
    return 0;
}
