/* SPDX-License-Identifier: MIT
 * Lists of Chinese names written without separators (张建国李明华): the tagger
 * often gives them as one person; they are cut into names of two or three characters that
 * each begin with a surname. Transliterated names (普里马科夫) are left whole. */
#include "extract/entity_find.h"

#define MAX_RUN 24

static bool surname_at(const ent_doc *d, size_t i, size_t e, size_t *len)
{
    if (i + 2 <= e && zn__ent_span_is(d, i, i + 2, ZN__ENT_SURNAME)) {
        *len = 2;
        return true;
    }
    *len = 1;
    return zn__ent_span_is(d, i, i + 1, ZN__ENT_SURNAME);
}

static bool looks_transliterated(const ent_doc *d, size_t s, size_t e)
{
    size_t n = 0;
    for (size_t i = s; i < e; i++) {
        n += zn__ent_span_is(d, i, i + 1, ZN__ENT_TRANSLIT);
    }
    return n >= 3;
}

size_t zn__ent_split_names(const ent_doc *d, size_t s, size_t e, size_t *cuts)
{
    size_t len = e - s;
    if (len < 5 || len > MAX_RUN || looks_transliterated(d, s, e)) {
        return 0;
    }
    for (size_t i = s; i < e; i++) {
        if (!zn__ent_is_han(d->fold[i]) || zn__ent_span_is(d, i, i + 1, ZN__ENT_NONNAME)) {
            return 0;
        }
    }
    // score[i]: best (most three-character names) cut of the first i characters, -1 none
    int score[MAX_RUN + 1];
    size_t from[MAX_RUN + 1];
    score[0] = 0;
    for (size_t i = 1; i <= len; i++) {
        score[i] = -1;
    }
    for (size_t i = 0; i < len; i++) {
        size_t sl;
        if (score[i] < 0 || !surname_at(d, s + i, e, &sl)) {
            continue;
        }
        for (size_t g = 1; g <= 2; g++) {
            size_t j = i + sl + g;
            int sc = score[i] + (sl + g == 3 ? 2 : 1);
            if (j <= len && sc > score[j]) {
                score[j] = sc;
                from[j] = i;
            }
        }
    }
    if (score[len] < 0) {
        return 0;
    }
    size_t n = 0;
    for (size_t j = len; j > 0; j = from[j]) {
        n++;
    }
    size_t k = n;
    for (size_t j = len; j > 0; j = from[j]) {
        cuts[--k] = s + from[j];
    }
    cuts[n] = e;
    return n;
}
