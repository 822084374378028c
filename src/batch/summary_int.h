/* SPDX-License-Identifier: MIT
 * The summary's data, shared by summary.c (merging) and summary_json.c (writing). */
#ifndef ZHNEWS_BATCH_SUMMARY_INT_H
#define ZHNEWS_BATCH_SUMMARY_INT_H

#include "batch/batch_int.h"

#define TOP_LIST 100 // entries of the entity and pair lists

typedef struct count_item {
    char *key;          /* NULL: empty slot */
    uint64_t count;
    uint64_t articles;
} count_item;

typedef struct count_map {
    count_item *slots;
    size_t cap;         /* a power of two, or 0 */
    size_t used;
} count_map;

typedef struct path_reason {
    char *path;
    char *reason;
} path_reason;

typedef struct reason_list {
    path_reason *items;
    size_t count;
    size_t cap;
} reason_list;

struct batch_summary {
    count_map tables[TABLE_COUNT];
    reason_list failures;
    reason_list ignored;
    batch_dup *dups;
    size_t n_dups;
    size_t cap_dups;
};

#endif
