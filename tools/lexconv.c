/* SPDX-License-Identifier: MIT
 * The lexicon compiler's OpenCC step: phrase-level conversion of many words in few calls. */
#include <opencc/opencc.h>
#include <stdlib.h>
#include <string.h>

#include "lexcompile.h"

#define BATCH 4096

// Converts one word alone (the fallback when a batch does not split back cleanly).
static char *convert_one(opencc_t cc, const char *w)
{
    char *r = opencc_convert_utf8(cc, w, strlen(w));
    if (r == NULL) {
        lex_die("opencc: %s", opencc_error());
    }
    char *copy = strcmp(r, w) == 0 ? NULL : lex_xstrndup(r, strlen(r));
    opencc_convert_utf8_free(r);
    return copy;
}

static void convert_batch(opencc_t cc, char *const *words, size_t n, char **out)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        total += strlen(words[i]) + 1;
    }
    char *text = lex_xmalloc(total + 1);
    size_t pos = 0;
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(words[i]);
        memcpy(text + pos, words[i], l);
        pos += l;
        text[pos++] = '\n';
    }
    text[pos] = '\0';
    char *r = opencc_convert_utf8(cc, text, pos);
    if (r == NULL) {
        lex_die("opencc: %s", opencc_error());
    }
    // Split back; a different line count means a conversion crossed lines: go one by one.
    size_t lines = 0;
    for (const char *p = r; *p != '\0'; p++) {
        lines += *p == '\n';
    }
    if (lines != n) {
        for (size_t i = 0; i < n; i++) {
            out[i] = convert_one(cc, words[i]);
        }
    } else {
        const char *p = r;
        for (size_t i = 0; i < n; i++) {
            const char *nl = strchr(p, '\n');
            size_t l = (size_t)(nl - p);
            bool same = l == strlen(words[i]) && memcmp(p, words[i], l) == 0;
            out[i] = same ? NULL : lex_xstrndup(p, l);
            p = nl + 1;
        }
    }
    opencc_convert_utf8_free(r);
    free(text);
}

void lex_convert(const char *config, char *const *words, size_t n, char **out)
{
    opencc_t cc = opencc_open(config);
    if (cc == (opencc_t)-1) {
        lex_die("opencc: cannot open configuration %s: %s", config, opencc_error());
    }
    for (size_t i = 0; i < n; i += BATCH) {
        size_t k = n - i < BATCH ? n - i : BATCH;
        convert_batch(cc, words + i, k, out + i);
    }
    opencc_close(cc);
}
