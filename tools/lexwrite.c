/* SPDX-License-Identifier: MIT
 * The lexicon compiler's word table and file writer: entries sorted by their bytes, prefix
 * nodes for the early stop of prefix scans, strings shared between a node and the next node
 * it prefixes, an open-addressing hash (linear probing, load <= 1/2). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexwrite.h"
#include "util/utf8.h"

void lex_table_init(lex_table *t)
{
    memset(t, 0, sizeof *t);
    t->bits = 16;
    t->slots = calloc((size_t)1 << t->bits, sizeof *t->slots);
    if (t->slots == NULL) {
        lex_die("out of memory");
    }
}

void lex_table_free(lex_table *t)
{
    for (size_t i = 0; i < t->n; i++) {
        free(t->items[i].s);
    }
    free(t->items);
    free(t->slots);
    memset(t, 0, sizeof *t);
}

static void rehash(lex_table *t, uint32_t bits)
{
    free(t->slots);
    t->bits = bits;
    t->slots = calloc((size_t)1 << bits, sizeof *t->slots);
    if (t->slots == NULL) {
        lex_die("out of memory");
    }
    uint32_t mask = (1u << bits) - 1;
    for (size_t i = 0; i < t->n; i++) {
        uint32_t h = zn__lex_hash_slot(zn__lex_hash(t->items[i].s, t->items[i].len), bits);
        while (t->slots[h] != 0) {
            h = (h + 1) & mask;
        }
        t->slots[h] = (uint32_t)i + 1;
    }
}

static lex_entry *get(lex_table *t, const char *s, size_t len)
{
    uint32_t mask = (1u << t->bits) - 1;
    uint32_t h = zn__lex_hash_slot(zn__lex_hash(s, len), t->bits);
    for (; t->slots[h] != 0; h = (h + 1) & mask) {
        lex_entry *e = &t->items[t->slots[h] - 1];
        if (e->len == len && memcmp(e->s, s, len) == 0) {
            return e;
        }
    }
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 65536;
        t->items = lex_xrealloc(t->items, t->cap * sizeof *t->items);
    }
    lex_entry *e = &t->items[t->n];
    memset(e, 0, sizeof *e);
    e->s = lex_xstrndup(s, len);
    e->len = (uint32_t)len;
    t->slots[h] = (uint32_t)++t->n;
    if (t->n * 2 > ((size_t)1 << t->bits)) {
        rehash(t, t->bits + 1);
    }
    return &t->items[t->n - 1];
}

void lex_table_add_word(lex_table *t, const char *s, size_t len, uint32_t freq,
                        const char *tag, uint8_t forms)
{
    lex_entry *e = get(t, s, len);
    if (!e->is_word) {
        t->n_words++;
    }
    e->is_word = 1;
    e->freq += freq;
    if (freq > e->best_freq || e->tag[0] == '\0') {
        e->best_freq = freq;
        memcpy(e->tag, tag, ZN_LEX_TAG_MAX);
    }
    e->forms |= forms;
}

static void add_prefixes(lex_table *t)
{
    size_t n = t->n;
    for (size_t i = 0; i < n; i++) {
        size_t len = t->items[i].len;
        size_t pos = 0;
        zn__utf8_next(t->items[i].s, len, &pos);
        while (pos < len) {
            char *s = lex_xstrndup(t->items[i].s, pos); // items may move in get()
            get(t, s, pos);
            free(s);
            zn__utf8_next(t->items[i].s, len, &pos);
        }
    }
}

static int cmp_entry(const void *a, const void *b)
{
    const lex_entry *x = a;
    const lex_entry *y = b;
    size_t m = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->s, y->s, m);
    return c != 0 ? c : (x->len > y->len) - (x->len < y->len);
}

static uint8_t tag_index(char (*tags)[ZN_LEX_TAG_MAX], uint32_t *n_tags, const char *tag)
{
    for (uint32_t i = 0; i < *n_tags; i++) {
        if (memcmp(tags[i], tag, ZN_LEX_TAG_MAX) == 0) {
            return (uint8_t)i;
        }
    }
    if (*n_tags == 255) {
        lex_die("more than 255 distinct tags");
    }
    memcpy(tags[*n_tags], tag, ZN_LEX_TAG_MAX);
    return (uint8_t)(*n_tags)++;
}

static size_t align8(size_t n)
{
    return (n + 7) & ~(size_t)7;
}

static void put(FILE *f, const void *p, size_t n, size_t *pos, const char *path)
{
    static const char zeros[8];
    if (n > 0 && fwrite(p, 1, n, f) != n) {
        lex_die("%s: write error: %s", path, strerror(errno));
    }
    *pos += n;
    size_t pad = align8(*pos) - *pos;
    if (pad > 0 && fwrite(zeros, 1, pad, f) != pad) {
        lex_die("%s: write error: %s", path, strerror(errno));
    }
    *pos += pad;
}

// Builds the node array and the string pool: a node whose text starts the next node's text
// (in sorted order) points into that node's bytes.
static char *build_nodes(lex_table *t, zn_lex_node *nodes, size_t *pool_len,
                         char (*tags)[ZN_LEX_TAG_MAX], uint32_t *n_tags)
{
    char *pool = lex_xmalloc(1);
    size_t len = 0;
    size_t cap = 1;
    for (size_t k = t->n; k-- > 0;) {
        lex_entry *e = &t->items[k];
        zn_lex_node *nd = &nodes[k];
        lex_entry *next = k + 1 < t->n ? &t->items[k + 1] : NULL;
        if (next != NULL && next->len >= e->len && memcmp(next->s, e->s, e->len) == 0) {
            nd->str_off = nodes[k + 1].str_off;
        } else {
            if (len + e->len > cap) {
                cap = (len + e->len) * 2;
                pool = lex_xrealloc(pool, cap);
            }
            memcpy(pool + len, e->s, e->len);
            nd->str_off = (uint32_t)len;
            len += e->len;
        }
        nd->len = (uint8_t)e->len;
        nd->freq = e->freq > UINT32_MAX ? UINT32_MAX : (uint32_t)e->freq;
        nd->forms = e->forms;
        nd->flags = e->is_word ? ZN_LEX_NODE_WORD : 0;
        nd->tag = e->is_word ? tag_index(tags, n_tags, e->tag) : 0;
    }
    *pool_len = len;
    return pool;
}

void lex_write(lex_table *t, uint64_t total_freq, const lex_hmm *hmm, const char *path)
{
    add_prefixes(t);
    qsort(t->items, t->n, sizeof *t->items, cmp_entry);
    uint32_t bits = 4;
    while (((size_t)1 << bits) < t->n * 2) {
        bits++;
    }
    rehash(t, bits);
    zn_lex_node *nodes = calloc(t->n ? t->n : 1, sizeof *nodes);
    char(*tags)[ZN_LEX_TAG_MAX] = calloc(256, ZN_LEX_TAG_MAX);
    if (nodes == NULL || tags == NULL) {
        lex_die("out of memory");
    }
    uint32_t n_tags = 0;
    size_t pool_len;
    char *pool = build_nodes(t, nodes, &pool_len, tags, &n_tags);

    zn_lex_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, ZN_LEX_MAGIC, 8);
    h.version = ZN_LEX_VERSION;
    h.n_nodes = (uint32_t)t->n;
    h.n_words = (uint32_t)t->n_words;
    h.hash_bits = bits;
    h.total_freq = total_freq;
    h.off_nodes = align8(sizeof h);
    h.off_slots = h.off_nodes + align8(t->n * sizeof *nodes);
    h.off_strings = h.off_slots + align8(((size_t)1 << bits) * sizeof(uint32_t));
    h.strings_len = pool_len;
    h.off_tags = h.off_strings + align8(pool_len);
    h.n_tags = n_tags;
    h.off_hmm = h.off_tags + align8((size_t)n_tags * ZN_LEX_TAG_MAX);
    h.off_hmm_chars = h.off_hmm + align8(sizeof hmm->model);
    h.n_hmm_chars = (uint32_t)hmm->n_chars;
    h.file_size = h.off_hmm_chars + align8(hmm->n_chars * sizeof *hmm->chars);

    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    if (f == NULL) {
        lex_die("%s: %s", tmp, strerror(errno));
    }
    size_t pos = 0;
    put(f, &h, sizeof h, &pos, tmp);
    put(f, nodes, t->n * sizeof *nodes, &pos, tmp);
    put(f, t->slots, ((size_t)1 << bits) * sizeof(uint32_t), &pos, tmp);
    put(f, pool, pool_len, &pos, tmp);
    put(f, tags, (size_t)n_tags * ZN_LEX_TAG_MAX, &pos, tmp);
    put(f, &hmm->model, sizeof hmm->model, &pos, tmp);
    put(f, hmm->chars, hmm->n_chars * sizeof *hmm->chars, &pos, tmp);
    if (fclose(f) != 0 || pos != h.file_size || rename(tmp, path) != 0) {
        lex_die("%s: cannot write: %s", path, strerror(errno));
    }
    free(pool);
    free(nodes);
    free(tags);
}
