/* SPDX-License-Identifier: MIT
 * Checked allocation with a failure-injection hook for tests. */
#include "util/alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// Failure injection is a test-only switch; production code never sets it, so the library
// keeps no mutable state in normal use.
static size_t fail_countdown = SIZE_MAX;
static int fail_happened;

static int should_fail(void)
{
    if (fail_countdown == SIZE_MAX) {
        return 0;
    }
    if (fail_countdown == 0) {
        fail_happened = 1;
        return 1;
    }
    fail_countdown--;
    return 0;
}

void zn__alloc_fail_after(size_t n)
{
    fail_countdown = n;
    fail_happened = 0;
}

int zn__alloc_failed(void)
{
    return fail_happened;
}

void *zn__malloc(size_t n)
{
    if (should_fail()) {
        return NULL;
    }
    return malloc(n ? n : 1);
}

void *zn__calloc(size_t count, size_t size)
{
    if (size != 0 && count > SIZE_MAX / size) {
        return NULL;
    }
    if (should_fail()) {
        return NULL;
    }
    return calloc(count ? count : 1, size ? size : 1);
}

void *zn__reallocarray(void *p, size_t count, size_t size)
{
    if (size != 0 && count > SIZE_MAX / size) {
        return NULL;
    }
    if (should_fail()) {
        return NULL;
    }
    size_t n = count * size;
    return realloc(p, n ? n : 1);
}

void zn__free(void *p)
{
    free(p);
}

char *zn__strndup(const char *s, size_t len)
{
    char *copy = zn__malloc(len + 1);
    if (copy == NULL) {
        return NULL;
    }
    memcpy(copy, s, len);
    copy[len] = '\0';
    return copy;
}
