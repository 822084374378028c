/* SPDX-License-Identifier: MIT
 * lexcompile: builds zhnews.lex from jieba's dict.txt (word freq [tag] per line), the
 * Traditional / Taiwan / Hong Kong forms of every entry (OpenCC s2t, s2twp, s2hk; frequencies
 * of equal forms summed) and jieba's HMM tables. Usage:
 *   lexcompile --dict dict.txt [--hmm DIR] [--no-opencc] -o zhnews.lex */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexcompile.h"
#include "lexwrite.h"
#include "util/utf8.h"
#include "zhnews/lexicon.h"

void lex_die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("lexcompile: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

void *lex_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (p == NULL) {
        lex_die("out of memory");
    }
    return p;
}

void *lex_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (q == NULL) {
        lex_die("out of memory");
    }
    return q;
}

char *lex_xstrndup(const char *s, size_t len)
{
    char *p = lex_xmalloc(len + 1);
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *lex_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        lex_die("%s: %s", path, strerror(errno));
    }
    size_t cap = 1 << 20;
    size_t n = 0;
    char *buf = lex_xmalloc(cap + 1);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            cap *= 2;
            buf = lex_xrealloc(buf, cap + 1);
        }
    }
    if (ferror(f)) {
        lex_die("%s: read error", path);
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

// The source dictionary, one entry per line.
typedef struct source {
    char **words;
    uint32_t *freqs;
    char (*tags)[ZN_LEX_TAG_MAX];
    size_t n;
    uint64_t total;
} source;

static void parse_line(source *src, char *line, size_t lineno, const char *path, size_t *cap)
{
    char *save = NULL;
    char *word = strtok_r(line, " \t\r", &save);
    if (word == NULL || word[0] == '#') {
        return;
    }
    char *freq_s = strtok_r(NULL, " \t\r", &save);
    char *tag = strtok_r(NULL, " \t\r", &save);
    unsigned long freq = 1;
    if (freq_s != NULL) {
        char *end;
        errno = 0;
        freq = strtoul(freq_s, &end, 10);
        if (*end != '\0' || errno != 0 || freq > UINT32_MAX / 4) {
            lex_die("%s:%zu: bad frequency '%s'", path, lineno, freq_s);
        }
    }
    if (strlen(word) > ZN_LEX_MAX_WORD) {
        return; // longer than any node can hold: not a word a segmenter needs
    }
    if (tag != NULL && strlen(tag) >= ZN_LEX_TAG_MAX) {
        lex_die("%s:%zu: tag '%s' too long", path, lineno, tag);
    }
    if (src->n == *cap) {
        *cap = *cap ? *cap * 2 : 4096;
        src->words = lex_xrealloc(src->words, *cap * sizeof *src->words);
        src->freqs = lex_xrealloc(src->freqs, *cap * sizeof *src->freqs);
        src->tags = lex_xrealloc(src->tags, *cap * sizeof *src->tags);
    }
    src->words[src->n] = lex_xstrndup(word, strlen(word));
    src->freqs[src->n] = freq == 0 ? 1 : (uint32_t)freq;
    memset(src->tags[src->n], 0, ZN_LEX_TAG_MAX);
    memcpy(src->tags[src->n], tag != NULL ? tag : "x", strlen(tag != NULL ? tag : "x"));
    src->total += src->freqs[src->n];
    src->n++;
}

static void read_source(source *src, const char *path)
{
    size_t len;
    char *text = lex_read_file(path, &len);
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        memset(text, ' ', 3); // a BOM
    }
    if (!zn__utf8_is_valid(text, len)) {
        lex_die("%s: not valid UTF-8 (byte %zu)", path, zn__utf8_valid_prefix(text, len));
    }
    memset(src, 0, sizeof *src);
    size_t cap = 0;
    size_t lineno = 0;
    char *save = NULL;
    for (char *p = text; p != NULL; p = save) {
        char *nl = strchr(p, '\n');
        save = nl != NULL ? nl + 1 : NULL;
        if (nl != NULL) {
            *nl = '\0';
        }
        lineno++;
        parse_line(src, p, lineno, path, &cap);
    }
    free(text);
}

static void add_forms(lex_table *t, const source *src, bool use_opencc)
{
    static const char *const configs[] = {"s2t.json", "s2twp.json", "s2hk.json"};
    static const uint8_t bits[] = {ZN_FORM_TRADITIONAL, ZN_FORM_TAIWAN, ZN_FORM_HONGKONG};
    char **conv[3] = {NULL, NULL, NULL};
    for (int c = 0; use_opencc && c < 3; c++) {
        conv[c] = lex_xmalloc(src->n * sizeof(char *));
        lex_convert(configs[c], src->words, src->n, conv[c]);
    }
    for (size_t i = 0; i < src->n; i++) {
        // Each distinct form of the entry receives its frequency once.
        const char *forms[4] = {src->words[i], NULL, NULL, NULL};
        uint8_t form_bits[4] = {ZN_FORM_SIMPLIFIED, 0, 0, 0};
        int nf = 1;
        for (int c = 0; use_opencc && c < 3; c++) {
            const char *f = conv[c][i] != NULL ? conv[c][i] : src->words[i];
            int k = 0;
            while (k < nf && strcmp(forms[k], f) != 0) {
                k++;
            }
            if (k == nf) {
                forms[nf++] = f;
            }
            form_bits[k] |= bits[c];
        }
        for (int k = 0; k < nf; k++) {
            if (strlen(forms[k]) <= ZN_LEX_MAX_WORD) {
                lex_table_add_word(t, forms[k], strlen(forms[k]), src->freqs[i], src->tags[i],
                                   form_bits[k]);
            }
        }
    }
    for (int c = 0; use_opencc && c < 3; c++) {
        for (size_t i = 0; i < src->n; i++) {
            free(conv[c][i]);
        }
        free(conv[c]);
    }
}

static void usage(void)
{
    lex_die("usage: lexcompile --dict DICT [--hmm DIR] [--no-opencc] -o OUT");
}

int main(int argc, char **argv)
{
    const char *dict = NULL;
    const char *hmm_dir = NULL;
    const char *out = NULL;
    bool use_opencc = true;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--dict") == 0 && i + 1 < argc) {
            dict = argv[++i];
        } else if (strcmp(argv[i], "--hmm") == 0 && i + 1 < argc) {
            hmm_dir = argv[++i];
        } else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
            out = argv[++i];
        } else if (strcmp(argv[i], "--no-opencc") == 0) {
            use_opencc = false;
        } else {
            usage();
        }
    }
    if (dict == NULL || out == NULL) {
        usage();
    }
    source src;
    read_source(&src, dict);
    lex_table t;
    lex_table_init(&t);
    add_forms(&t, &src, use_opencc);
    lex_hmm hmm;
    lex_hmm_load(&hmm, hmm_dir, use_opencc);
    size_t slots = lex_write(&t, src.total, &hmm, out);
    fprintf(stderr,
            "lexcompile: %s: %zu source entries, %zu words, %zu nodes in %zu slots, %zu HMM chars\n",
            out, src.n, t.n_words, t.n, slots, hmm.n_chars);
    for (size_t i = 0; i < src.n; i++) {
        free(src.words[i]);
    }
    free(src.words);
    free(src.freqs);
    free(src.tags);
    lex_hmm_free(&hmm);
    lex_table_free(&t);
    return 0;
}
