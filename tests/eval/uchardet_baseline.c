/* SPDX-License-Identifier: MIT
 * Eval helper: libuchardet alone, for comparison with `zhnews detect`. Prints "FILE: CHARSET"
 * per file, as the uchardet program does. Built by tests/eval/detect.sh, not part of zhnews. */
#include <stdio.h>
#include <uchardet.h>

int main(int argc, char **argv)
{
    static char buf[1 << 16];
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (f == NULL) {
            perror(argv[i]);
            continue;
        }
        uchardet_t ud = uchardet_new();
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
            uchardet_handle_data(ud, buf, n);
        }
        fclose(f);
        uchardet_data_end(ud);
        const char *cs = uchardet_get_charset(ud);
        printf("%s: %s\n", argv[i], cs[0] != '\0' ? cs : "unknown");
        uchardet_delete(ud);
    }
    return 0;
}
