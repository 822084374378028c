/* SPDX-License-Identifier: MIT
 * Scratch folders for the tests that write files (see support_tmpdir.h). */
#include "support_tmpdir.h"

#include <stdio.h>
#include <stdlib.h>

int test_tmpdir_make(char *buf, size_t size, const char *prefix)
{
    int n = snprintf(buf, size, "/tmp/%s-XXXXXX", prefix);
    if (n < 0 || (size_t)n >= size) {
        return -1;
    }
    return mkdtemp(buf) != NULL ? 0 : -1;
}

int test_tmpdir_remove(const char *dir)
{
    char cmd[4200];
    int n = snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (n < 0 || (size_t)n >= sizeof cmd) {
        return -1;
    }
    return system(cmd) == 0 ? 0 : -1;
}
