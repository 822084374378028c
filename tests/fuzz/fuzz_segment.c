/* SPDX-License-Identifier: MIT
 * Fuzz target: the segmenter (zn_tokenizer_run) with the lexicon. Invariants: invalid UTF-8
 * is ZN_ERR_INVALID_ARG; the tokens cover the text from start to end without gaps or
 * overlaps, each non-empty and on sequence boundaries, with a NUL-terminated tag. */
#include <stdint.h>
#include <string.h>

#include "fuzz_util.h"
#include "zhnews/lexicon.h"
#include "zhnews/tokenize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static zn_lexicon *lex;
static zn_tokenizer *tok;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (tok == NULL) {
        if (zn_lexicon_open(&lex, fuzz_lexicon_path(), NULL) != ZN_OK) {
            fprintf(stderr, "fuzz_segment: cannot open the lexicon %s\n", fuzz_lexicon_path());
            abort();
        }
        FUZZ_CHECK(zn_tokenizer_new(&tok, lex, NULL) == ZN_OK, "tokenizer_new");
    }
    const char *s = (const char *)data;
    zn_token_list list;
    zn_token_list_init(&list);
    zn_status st = zn_tokenizer_run(tok, s, size, &list, NULL);
    char *fixed = NULL;
    if (!zn__utf8_is_valid(s, size)) {
        FUZZ_CHECK(st == ZN_ERR_INVALID_ARG && list.count == 0, "invalid UTF-8 is refused");
        fixed = fuzz_utf8_repair(data, size);
        if (fixed == NULL)
            return 0;
        s = fixed;
        st = zn_tokenizer_run(tok, s, size, &list, NULL);
    }
    FUZZ_CHECK(st == ZN_OK, "valid UTF-8 segments");
    size_t at = 0;
    for (size_t i = 0; i < list.count; i++) {
        const zn_token *t = &list.items[i];
        FUZZ_CHECK(t->start == at, "tokens leave no gap and do not overlap");
        FUZZ_CHECK(t->end > t->start, "no empty token");
        FUZZ_CHECK(fuzz_span_ok(s, size, t->start, t->end), "token on boundaries");
        FUZZ_CHECK(memchr(t->tag, '\0', sizeof t->tag) != NULL, "NUL-terminated tag");
        at = t->end;
    }
    FUZZ_CHECK(at == size, "tokens cover the text");
    zn_token_list_clear(&list);
    free(fixed);
    return 0;
}
