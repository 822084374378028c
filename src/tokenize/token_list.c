/* SPDX-License-Identifier: MIT
 * The caller-owned token list. */
#include <string.h>

#include "tokenize/tok_internal.h"
#include "util/alloc.h"
#include "util/error.h"

void zn_token_list_init(zn_token_list *list)
{
    list->items = NULL;
    list->count = 0;
    list->cap = 0;
}

void zn_token_list_clear(zn_token_list *list)
{
    zn__free(list->items);
    zn_token_list_init(list);
}

zn_status zn__tok_grow(zn_token_list *list, zn_error *err)
{
    size_t cap = list->cap ? list->cap * 2 : 64;
    zn_token *items = zn__reallocarray(list->items, cap, sizeof *items);
    if (items == NULL) {
        return zn__error_nomem(err, "token list");
    }
    list->items = items;
    list->cap = cap;
    return ZN_OK;
}

zn_status zn__tok_push(zn_token_list *list, size_t start, size_t end, const char *tag,
                       uint32_t flags, zn_error *err)
{
    char tag8[8] = {0};
    memcpy(tag8, tag, strnlen(tag, sizeof tag8 - 1));
    return zn__tok_push8(list, start, end, tag8, flags, err);
}
