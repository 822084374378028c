/* SPDX-License-Identifier: MIT
 * The entity extractor's rules, shared by its entity_*.c files: the candidate list and its
 * sort, the finders, the index of a text's characters, choosing and cleaning mentions, and
 * grouping them into the result. The document they work on is in entity_priv.h. */
#ifndef ZHNEWS_EXTRACT_ENTITY_FIND_H
#define ZHNEWS_EXTRACT_ENTITY_FIND_H

#include <wchar.h>

#include "extract/entity_priv.h"

/* Membership of a code point in a small fixed set (numerals, travel verbs) without a
 * branch: the rules ask it of most characters near a candidate, and a switch over the set
 * compiled into a tree of comparisons that mispredicted on the text's random characters.
 * Each member sits in a table of 1 << bits code points at its slot (ZN__ENT_CP_SLOT, a
 * multiplicative hash); the other slots hold 0, which the test itself turns away. Build the
 * table with designated initializers at ZN__ENT_CP_SLOT(member, bits): two members in one
 * slot override an initializer, an error under -Wextra -Werror (-Woverride-init). */
#define ZN__ENT_CP_SLOT(c, bits) (((uint32_t)(c) * 2654435761u) >> (32 - (bits)))
static inline bool zn__ent_cp_in(const uint16_t *table, unsigned bits, uint32_t c)
{
    return (table[ZN__ENT_CP_SLOT(c, bits)] == c) & (c != 0);
}

/* True when the characters [s, e) are all Han of the common block (U+4E00-U+9FFF) once
 * folded: three UTF-8 bytes each, and no separator, space or Latin letter among them (most
 * mentions). Told from the document's counts of the other characters before each position
 * (d->uncommon, modulo 256: a span of 256 characters or more is never said to be). Cannot
 * fail. */
static inline bool zn__ent_all_common_han(const ent_doc *d, size_t s, size_t e)
{
    return e - s < 256 && d->uncommon[e] == d->uncommon[s];
}

/* entity_cands.c */
#define ZN__ENT_SORT_RUN 16 /* items sorted by insertion before merging */
#define ZN__ENT_MAX_ITEM 32

/* Sorts n items of `size` bytes (at most ZN__ENT_MAX_ITEM) stably: insertion sorts of runs
 * of ZN__ENT_SORT_RUN items, then merges through tmp, room for n items (not used, may be
 * NULL, when n <= ZN__ENT_SORT_RUN). Always inlined: most lines sort a handful of candidates,
 * and with the comparator and the size known at the call the compiler inlines the
 * comparison and the item moves (through qsort_r the calls cost more than the sorting).
 * Cannot fail. */
static inline __attribute__((always_inline)) void
zn__ent_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *, void *),
             void *ctx, void *tmp)
{
    char *a = base;
    char item[ZN__ENT_MAX_ITEM];
    for (size_t lo = 0; lo < n; lo += ZN__ENT_SORT_RUN) {
        size_t hi = n - lo < ZN__ENT_SORT_RUN ? n : lo + ZN__ENT_SORT_RUN;
        for (size_t i = lo + 1; i < hi; i++) {
            if (cmp(a + (i - 1) * size, a + i * size, ctx) <= 0) {
                continue; // already in place: the common case
            }
            memcpy(item, a + i * size, size);
            size_t k = i;
            do {
                memcpy(a + k * size, a + (k - 1) * size, size);
                k--;
            } while (k > lo && cmp(a + (k - 1) * size, item, ctx) > 0);
            memcpy(a + k * size, item, size);
        }
    }
    char *src = a;
    char *dst = tmp;
    for (size_t w = ZN__ENT_SORT_RUN; w < n; w *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * w) {
            size_t mid = n - lo < w ? n : lo + w;
            size_t hi = n - lo < 2 * w ? n : lo + 2 * w;
            size_t i = lo;
            size_t j = mid;
            size_t k = lo;
            while (i < mid && j < hi) { // the left one first when equal: stable
                bool left = cmp(src + i * size, src + j * size, ctx) <= 0;
                memcpy(dst + k++ * size, src + (left ? i++ : j++) * size, size);
            }
            memcpy(dst + k * size, src + i * size, (mid - i) * size);
            k += mid - i;
            memcpy(dst + k * size, src + j * size, (hi - j) * size);
        }
        char *t = src;
        src = dst;
        dst = t;
    }
    if (src != a) {
        memcpy(a, src, n * size);
    }
}
/* zn__ent_add when the candidate array is full: grows it, then adds. */
zn_status zn__ent_add_grown(ent_doc *d, size_t s, size_t e, unsigned type, unsigned prio)
    __attribute__((warn_unused_result));

/* Adds the candidate [s, e) (nothing when empty or past the text); ZN_OK or ZN_ERR_NOMEM.
 * Inline: every finder adds, and the array is rarely full. */
static inline __attribute__((warn_unused_result)) zn_status
zn__ent_add(ent_doc *d, size_t s, size_t e, unsigned type, unsigned prio)
{
    if (e <= s || e > d->n) {
        return ZN_OK;
    }
    if (d->n_cands == d->cap_cands) {
        return zn__ent_add_grown(d, s, e, type, prio);
    }
    d->cands[d->n_cands++] = (ent_cand){s, e, (uint8_t)type, (uint8_t)prio};
    return ZN_OK;
}
zn_status zn__ent_link(ent_doc *d, unsigned kind, size_t as, size_t ae, size_t bs, size_t be)
    __attribute__((warn_unused_result));
/* The type of the best candidate covering exactly [s, e), or -1. */
int zn__ent_type_of(const ent_doc *d, size_t s, size_t e);

/* True when [s, e) holds nothing but generic words, or nothing (entity_grammar.c). Inline,
 * the test of its first position: no generic word starts at most of them. */
bool zn__ent_all_generic_at(const ent_doc *d, size_t s, size_t e);
static inline bool zn__ent_all_generic(const ent_doc *d, size_t s, size_t e)
{
    return s >= e || ((d->start_flags[s] & ZN__ENT_GENERIC) && zn__ent_all_generic_at(d, s, e));
}
/* entity_grammar.c: suffix grammar, branches, Latin labs, congress names. */
zn_status zn__ent_find_grammar(ent_doc *d) __attribute__((warn_unused_result));
/* entity_lists.c: lists with head nouns, apposition, abbreviations, declared short names. */
zn_status zn__ent_find_lists(ent_doc *d) __attribute__((warn_unused_result));
/* entity_extend.c: branches, Latin labs, congresses after found names. */
zn_status zn__ent_find_extended(ent_doc *d) __attribute__((warn_unused_result));
/* entity_person.c: people from titles, cue words and surnames. */
zn_status zn__ent_find_people(ent_doc *d) __attribute__((warn_unused_result));
/* entity_tagged.c: candidates from LAC and lexicon tags, places. */
zn_status zn__ent_find_tagged(ent_doc *d) __attribute__((warn_unused_result));

/* entity_names.c: cuts a run of Chinese names (张建国李明华) into names. Fills cuts[0..n]
 * with the start of each name and e (cuts needs room for (e - s) / 2 + 1 entries); returns
 * n, or 0 when the run is not such a list. */
size_t zn__ent_split_names(const ent_doc *d, size_t s, size_t e, size_t *cuts);

/* entity_index.c: the positions of each folded character, in text order, and places the
 * callers hide (a name's own mention, the mentions taken). Texts of up to 512 characters
 * are scanned, in a copy of the folded text in which the hidden places hold no character:
 * most names occur once, and one scan that finds nothing is all they cost. Longer texts get
 * chains: next[i] is the next position whose character falls in the same hash bucket,
 * head[b] the first of bucket b (they find hidden places too: the callers test them). */
typedef struct ent_index {
    const ent_doc *d;
    uint32_t *chars; /* d->fold with hidden places set to ZN__ENT_HIDDEN */
    uint32_t *next;  /* NULL: scan */
    uint32_t *head;
    unsigned shift;  /* bucket of c: (c * golden ratio) >> shift, 32 bits */
} ent_index;

#define ZN__ENT_HIDDEN UINT32_MAX /* no character: a scan never stops there */

/* Builds the index of d's text (from d's scratch); ZN_OK or ZN_ERR_NOMEM. */
zn_status zn__ent_index_build(ent_index *ix, ent_doc *d) __attribute__((warn_unused_result));
/* Hides the positions [s, e) (hidden: true) or shows them again. Cannot fail. Inline: a name
 * is a few characters, hidden once or twice. */
static inline void zn__ent_index_hide(ent_index *ix, size_t s, size_t e, bool hidden)
{
    for (size_t i = s; i < e; i++) {
        ix->chars[i] = hidden ? ZN__ENT_HIDDEN : ix->d->fold[i];
    }
}

/* True when position i is hidden. Cannot fail. */
static inline bool zn__ent_index_is_hidden(const ent_index *ix, size_t i)
{
    return ix->chars[i] == ZN__ENT_HIDDEN;
}

static inline size_t zn__ent_index_bucket(const ent_index *ix, uint32_t c)
{
    return (size_t)((c * 2654435761u) >> ix->shift);
}

/* The first position at or after chain entry p (UINT32_MAX: none) holding character c. */
static inline size_t zn__ent_index_chain(const ent_index *ix, uint32_t p, uint32_t c)
{
    while (p != UINT32_MAX && ix->d->fold[p] != c) {
        p = ix->next[p];
    }
    return p == UINT32_MAX ? SIZE_MAX : p;
}

/* The first position at or after i of the n characters of a (folded text) holding c, by
 * scanning, or SIZE_MAX. Where wchar_t is a 32-bit code point (glibc, musl, the BSDs)
 * wmemchr scans, eight characters at a time where the C library has vector code: names are
 * looked for again this way, and rules that start at one character (等, 作为, 十) jump from
 * one to the next. */
#if WCHAR_MAX == 0x7FFFFFFF || WCHAR_MAX == 0xFFFFFFFFu
_Static_assert(sizeof(wchar_t) == sizeof(uint32_t), "wchar_t holds a folded character");

static inline size_t zn__ent_scan_chars(const uint32_t *a, size_t n, size_t i, uint32_t c)
{
    if (i >= n) {
        return SIZE_MAX;
    }
    const wchar_t *w = (const wchar_t *)(const void *)(a + i);
    const wchar_t *p = wmemchr(w, (wchar_t)c, n - i);
    return p == NULL ? SIZE_MAX : i + (size_t)(p - w);
}
#else
static inline size_t zn__ent_scan_chars(const uint32_t *a, size_t n, size_t i, uint32_t c)
{
    for (; i < n; i++) {
        if (a[i] == c) {
            return i;
        }
    }
    return SIZE_MAX;
}
#endif

/* The first position at or after i of d's folded text holding c, or SIZE_MAX. */
static inline size_t zn__ent_index_scan(const ent_doc *d, size_t i, uint32_t c)
{
    return zn__ent_scan_chars(d->fold, d->n, i, c);
}

/* The first position holding folded character c and not hidden, or SIZE_MAX. Cannot fail. */
static inline size_t zn__ent_index_first(const ent_index *ix, uint32_t c)
{
    return ix->next == NULL ? zn__ent_scan_chars(ix->chars, ix->d->n, 0, c)
                            : zn__ent_index_chain(ix, ix->head[zn__ent_index_bucket(ix, c)], c);
}

/* The next position after i holding the same character as i and not hidden, or SIZE_MAX.
 * Cannot fail. */
static inline size_t zn__ent_index_next(const ent_index *ix, size_t i)
{
    uint32_t c = ix->d->fold[i];
    return ix->next == NULL ? zn__ent_scan_chars(ix->chars, ix->d->n, i + 1, c)
                            : zn__ent_index_chain(ix, ix->next[i], c);
}

/* entity_select.c: chooses non-overlapping mentions (in place, sorted by start), applies
 * the splitting rules and finds further mentions of the chosen names. */
zn_status zn__ent_select(ent_doc *d) __attribute__((warn_unused_result));
/* entity_clean.c: writes to out (room for cap mentions) the mentions that the n chosen
 * candidates really are, in their order: each trimmed (titles, 政府, 地区), split (中美 →
 * 中 + 美, a run of names, a list at 、) or dropped (a generic phrase, a bare title);
 * returns their number. Cannot fail. */
size_t zn__ent_clean(const ent_doc *d, const ent_cand *chosen, size_t n, ent_cand *out,
                     size_t cap);

/* Mentions being grouped into entities (entity_group.c, entity_result.c). */
typedef struct grouping {
    ent_doc *d;
    size_t m;          /* mentions */
    size_t *parent;    /* union-find */
    size_t *key_len;   /* bytes of each mention's key (zn__ent_key), measured when m >= 2 */
    size_t *key_head;  /* its first three bytes, when it has three (for unite_keys only) */
    size_t *key_spaced; /* 1 when the mention's text has a space (left out of the key) */
    size_t *key_first; /* its first code point (0: an empty key), measured when m >= 2 */
    size_t *ent_of;    /* mention → entity index */
    size_t n_ents;
    size_t *first;     /* entity → its first mention */
    size_t *room;      /* zn__ent_group_build's working arrays, allocated with the above */
} grouping;

/* entity_group.c: compares the keys of mentions a and b as their bytes would compare, without
 * writing them: 0 when equal, -2 when a's key is a proper prefix of b's (2 the other way
 * round), else -1 or 1. Cannot fail. */
int zn__ent_key_cmp(const grouping *g, size_t a, size_t b);
/* The table row spelled by the key of mention l past the key of mention s, a proper prefix of
 * it (商汤科技 past 商汤: 科技), or NULL. Cannot fail. */
const zn__ent_word *zn__ent_key_suffix(const grouping *g, size_t s, size_t l);

/* entity_result.c: the words of working memory zn__ent_group_build needs for m mentions
 * and n_links links (at most: one entity per mention). */
static inline size_t zn__ent_build_room(size_t m, size_t n_links)
{
    return 12 * m + 5 * n_links + 12;
}
/* entity_result.c: builds the result from a finished grouping (its working arrays in g->room,
 * zn__ent_build_room words). */
zn_status zn__ent_group_build(grouping *g, zn_entities **out) __attribute__((warn_unused_result));
/* Frees a result of zn__ent_group_build (NULL too; the shared empty result is kept). */
void zn__ent_result_free(zn_entities *ents);

/* entity_group.c: groups the chosen mentions into the result. */
zn_status zn__ent_group(ent_doc *d, zn_entities **out) __attribute__((warn_unused_result));


#endif
