/* SPDX-License-Identifier: MIT
 * zn_cp_cursor: byte offsets into valid UTF-8 text turned into code-point offsets, the
 * writer's one conversion, counted from the cursor's last position. */
#include "zhnews/output.h"

#include "util/utf8.h"

void zn_cp_cursor_init(zn_cp_cursor *c, const char *text)
{
    c->text = text;
    c->byte = 0;
    c->cp = 0;
}

size_t zn_cp_cursor_at(zn_cp_cursor *c, size_t byte)
{
    if (byte < c->byte && c->byte - byte <= byte) {
        c->cp -= zn__utf8_count(c->text + byte, c->byte - byte); // back from here: nearer
        c->byte = byte;
        return c->cp;
    }
    if (byte < c->byte) {
        c->byte = 0;
        c->cp = 0;
    }
    c->cp += zn__utf8_count(c->text + c->byte, byte - c->byte);
    c->byte = byte;
    return c->cp;
}
