/* SPDX-License-Identifier: MIT
 * Overflow-checked allocation. Every heap allocation of the library goes through here so that
 * tests can make the Nth allocation fail (zn__alloc_fail_after). */
#ifndef ZHNEWS_UTIL_ALLOC_H
#define ZHNEWS_UTIL_ALLOC_H

#include <stddef.h>

/* malloc(n); NULL on failure or when n is 0 and the platform says so. */
void *zn__malloc(size_t n) __attribute__((warn_unused_result, malloc));

/* calloc(count, size) with the product checked for overflow. */
void *zn__calloc(size_t count, size_t size) __attribute__((warn_unused_result, malloc));

/* realloc(p, count * size) with the product checked; on failure p is untouched. */
void *zn__reallocarray(void *p, size_t count, size_t size) __attribute__((warn_unused_result));

/* free(p); accepts NULL. */
void zn__free(void *p);

/* A NUL-terminated copy of s[0..len); NULL when out of memory. */
char *zn__strndup(const char *s, size_t len) __attribute__((warn_unused_result, malloc));

/* Test hook: after `n` more successful allocations every allocation fails, until called
 * with (size_t)-1, which turns failure injection off. Not thread-safe: tests only. */
void zn__alloc_fail_after(size_t n);

/* Test hook: true when an injected failure has happened since the last zn__alloc_fail_after. */
int zn__alloc_failed(void);

#endif
