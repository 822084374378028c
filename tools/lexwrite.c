/* SPDX-License-Identifier: MIT
 * The lexicon compiler's word table (an open-addressing hash, linear probing, load <= 1/2)
 * and the file writer: every proper prefix of a word becomes an entry too, and the entries
 * become a trie over code points in breadth-first order whose children lie side by side,
 * sorted or in a small hash table (see lex_format.h). */
#include <errno.h>
#include <math.h>
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

static void build_nodes(const lex_table *t, const lex_trie *tr, zn_lex_node *nodes, uint32_t *bmp,
                        char (*tags)[ZN_LEX_TAG_MAX], uint32_t *n_tags)
{
    for (size_t q = 0; q < tr->n_slots; q++) {
        uint32_t code = zn__lex_kids_code((uint32_t)tr->kids[q]);
        nodes[q].first = (uint32_t)tr->first[q];
        if (tr->order[q] == LEX_NO_ENTRY) {
            nodes[q].cp = ZN_LEX_EMPTY;
            continue;
        }
        const lex_entry *e = &t->items[tr->order[q]];
        uint32_t cp = lex_last_cp(e);
        uint32_t freq = e->freq > UINT32_MAX ? UINT32_MAX : (uint32_t)e->freq;
        nodes[q].cp = cp | (uint32_t)(e->forms & 0x0F) << ZN_LEX_FORMS_SHIFT |
                      code << ZN_LEX_KIDS_SHIFT | (e->is_word ? ZN_LEX_WORD_BIT : 0);
        nodes[q].freq = freq;
        if (e->is_word) {
            nodes[q].first |= (uint32_t)tag_index(tags, n_tags, e->tag) << ZN_LEX_TAG_SHIFT;
            nodes[q].lnf = freq > 0 ? (float)log((double)freq) : 0.0f; // as the segmenter would
        }
        if (q >= ZN_LEX_DENSE_N && q < tr->n_roots && cp < ZN_LEX_BMP) {
            bmp[cp] = (uint32_t)q + 1;
        }
    }
}

// Whether node p keeps its children in a hash table (and so in the edge filter).
static bool has_table(const zn_lex_node *nodes, size_t p)
{
    return nodes[p].cp != ZN_LEX_EMPTY && zn__lex_kids(nodes[p].cp) > ZN_LEX_LINEAR_MAX;
}

// The edge filter (see lex_format.h): the links out of the nodes with a child table, about 5
// bits per link, a power of two of u64 words.
static uint64_t *build_edges(const zn_lex_node *nodes, size_t n, uint32_t *bits_out)
{
    size_t links = 0;
    for (size_t p = 0; p < n; p++) {
        uint32_t lo = nodes[p].first & ZN_LEX_FIRST_MASK;
        for (uint32_t c = lo; has_table(nodes, p) && c < lo + zn__lex_kids(nodes[p].cp); c++) {
            links += nodes[c].cp != ZN_LEX_EMPTY;
        }
    }
    uint32_t bits = 1;
    while (((size_t)64 << bits) < links * 5) {
        bits++;
    }
    uint64_t *edges = calloc((size_t)1 << bits, sizeof *edges);
    if (edges == NULL || bits > 31) {
        lex_die("out of memory");
    }
    for (size_t p = 0; p < n; p++) {
        uint32_t lo = nodes[p].first & ZN_LEX_FIRST_MASK;
        for (uint32_t c = lo; has_table(nodes, p) && c < lo + zn__lex_kids(nodes[p].cp); c++) {
            if (nodes[c].cp != ZN_LEX_EMPTY) {
                uint64_t h = zn__lex_edge_hash((uint32_t)p, nodes[c].cp & ZN_LEX_CP_MASK);
                edges[zn__lex_edge_word(h, bits)] |= zn__lex_edge_mask(h);
            }
        }
    }
    *bits_out = bits;
    return edges;
}

// Section offsets in file order: header, nodes, bmp, edges, tags, hmm, hmm chars.
static void fill_header(zn_lex_header *hp, const lex_table *t, const lex_trie *tr, uint32_t edge_bits,
                        uint32_t n_tags, uint64_t total_freq, const lex_hmm *hmm)
{
    memset(hp, 0, sizeof *hp);
    memcpy(hp->magic, ZN_LEX_MAGIC, 8);
    hp->version = ZN_LEX_VERSION;
    hp->n_nodes = (uint32_t)tr->n_slots;
    hp->n_words = (uint32_t)t->n_words;
    hp->n_roots = (uint32_t)tr->n_roots;
    hp->total_freq = total_freq;
    hp->off_nodes = align8(sizeof *hp);
    hp->off_bmp = hp->off_nodes + align8(tr->n_slots * sizeof(zn_lex_node));
    hp->off_edges = hp->off_bmp + align8(ZN_LEX_BMP * sizeof(uint32_t));
    hp->edge_bits = edge_bits;
    hp->off_tags = hp->off_edges + ((size_t)8 << edge_bits);
    hp->n_tags = n_tags;
    hp->off_hmm = hp->off_tags + align8((size_t)n_tags * ZN_LEX_TAG_MAX);
    hp->off_hmm_chars = hp->off_hmm + align8(sizeof hmm->model);
    hp->n_hmm_chars = (uint32_t)hmm->n_chars;
    hp->file_size = hp->off_hmm_chars + align8(hmm->n_chars * sizeof *hmm->chars);
}

size_t lex_write(lex_table *t, uint64_t total_freq, const lex_hmm *hmm, const char *path)
{
    add_prefixes(t);
    qsort(t->items, t->n, sizeof *t->items, cmp_entry);
    uint32_t bits = 4;
    while (((size_t)1 << bits) < t->n * 2) {
        bits++;
    }
    rehash(t, bits);
    lex_trie tr;
    lex_trie_build(t, &tr);
    uint32_t *bmp = calloc(ZN_LEX_BMP, sizeof *bmp);
    char(*tags)[ZN_LEX_TAG_MAX] = calloc(256, ZN_LEX_TAG_MAX);
    zn_lex_node *nodes = calloc(tr.n_slots + 1, sizeof *nodes);
    if (bmp == NULL || tags == NULL || nodes == NULL) {
        lex_die("out of memory");
    }
    uint32_t n_tags = 0;
    build_nodes(t, &tr, nodes, bmp, tags, &n_tags);
    uint32_t edge_bits;
    uint64_t *edges = build_edges(nodes, tr.n_slots, &edge_bits);

    zn_lex_header h;
    fill_header(&h, t, &tr, edge_bits, n_tags, total_freq, hmm);
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    if (f == NULL) {
        lex_die("%s: %s", tmp, strerror(errno));
    }
    size_t pos = 0;
    put(f, &h, sizeof h, &pos, tmp);
    put(f, nodes, tr.n_slots * sizeof *nodes, &pos, tmp);
    put(f, bmp, ZN_LEX_BMP * sizeof *bmp, &pos, tmp);
    put(f, edges, (size_t)8 << edge_bits, &pos, tmp);
    put(f, tags, (size_t)n_tags * ZN_LEX_TAG_MAX, &pos, tmp);
    put(f, &hmm->model, sizeof hmm->model, &pos, tmp);
    put(f, hmm->chars, hmm->n_chars * sizeof *hmm->chars, &pos, tmp);
    if (fclose(f) != 0 || pos != h.file_size || rename(tmp, path) != 0) {
        lex_die("%s: cannot write: %s", path, strerror(errno));
    }
    free(nodes);
    free(bmp);
    free(edges);
    free(tags);
    lex_trie_free(&tr);
    return h.n_nodes;
}
