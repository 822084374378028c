/* SPDX-License-Identifier: MIT
 * A scratch folder for tests that write files: made in setup, removed with its contents in
 * teardown. */
#ifndef ZHNEWS_TESTS_SUPPORT_TMPDIR_H
#define ZHNEWS_TESTS_SUPPORT_TMPDIR_H

#include <stddef.h>

/* Makes a new folder /tmp/<prefix>-XXXXXX and writes its path into buf. Returns 0, or -1
 * when it cannot (as a cmocka group setup does). */
int test_tmpdir_make(char *buf, size_t size, const char *prefix);

/* Removes the folder and everything in it. Returns 0 or -1. */
int test_tmpdir_remove(const char *dir);

#endif
