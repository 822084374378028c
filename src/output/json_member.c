/* SPDX-License-Identifier: MIT
 * The JSON writer's member names and members: zn_json_key and zn_json_member_*, which check
 * their name, and the calls with a plain name's length given (json_member.h), which copy it. */
#include "output/json_member.h"

#include <stdint.h>
#include <string.h>

#include "output/json_core.h"

// The length of key when it is a plain ASCII name (byte class 0) of at most
// ZN__JSON_NAME_SHORT bytes, found as it is checked; else SIZE_MAX. A NUL has class 1.
static size_t plain_name(const char *key)
{
    size_t n = 0;
    while (n <= ZN__JSON_NAME_SHORT && zn__json_byte_class[(unsigned char)key[n]] == 0) {
        n++;
    }
    return key[n] == '\0' && n <= ZN__JSON_NAME_SHORT ? n : SIZE_MAX;
}

void zn__json_key(zn_json *j, const char *key, size_t key_len)
{
    char *start =
        key_len <= ZN__JSON_NAME_SHORT ? zn__json_room(j, ZN__JSON_NAME_MAX) : NULL;
    if (start == NULL) { // no room, or a long name: as a string
        zn__json_string(j, key, key_len, true);
        return;
    }
    char *p = zn__json_name(j, start, key, key_len);
    if (p != NULL) {
        zn__json_finish(j, p);
    }
}

void zn_json_key(zn_json *j, const char *key)
{
    size_t n = plain_name(key);
    if (n == SIZE_MAX) { // a name to escape, or a long one
        zn__json_string(j, key, strlen(key), true);
        return;
    }
    zn__json_key(j, key, n);
}

// The members write the name and the value as one piece on the fast path: the bytes of
// zn_json_key and the value's call, for one room check, one separator check and one end.
// On the slow path (or with a long name) they are those two calls.

void zn__json_member_int(zn_json *j, const char *key, size_t key_len, long long v)
{
    char *start =
        key_len <= ZN__JSON_NAME_SHORT ? zn__json_room(j, ZN__JSON_NAME_MAX + 20) : NULL;
    char *p = start != NULL ? zn__json_name(j, start, key, key_len) : NULL;
    if (p == NULL) { // the slow path, a long name, or a failed writer (then both do nothing)
        if (start == NULL) {
            zn__json_key(j, key, key_len);
        }
        zn_json_int(j, v);
        return;
    }
    j->after_key = false;
    zn__json_finish(j, zn__json_digits(p, v));
}

void zn__json_member_string(zn_json *j, const char *key, size_t key_len, const char *s,
                            size_t len)
{
    bool fast = s != NULL && key_len <= ZN__JSON_NAME_SHORT && len <= ZN__JSON_ESCAPE_MAX;
    char *start = fast ? zn__json_room(j, ZN__JSON_NAME_MAX + 6 * len + 2) : NULL;
    char *p = start != NULL ? zn__json_name(j, start, key, key_len) : NULL;
    if (p == NULL) { // as in zn__json_member_int; a NULL s writes null
        if (start == NULL) {
            zn__json_key(j, key, key_len);
        }
        zn_json_string(j, s, len);
        return;
    }
    j->after_key = false;
    p = zn__json_quote(p, s, len);
    *p++ = '"';
    zn__json_finish(j, p);
}

// zn__json_object member by member (the slow path); a name without its quotes and colon.
static __attribute__((noinline)) void object_slow(zn_json *j, const zn__json_member *m,
                                                  size_t n)
{
    zn_json_begin_object(j);
    for (size_t i = 0; i < n; i++) {
        const char *key = m[i].name + 1;
        size_t key_len = m[i].name_len - 3;
        if (m[i].number) {
            zn__json_member_int(j, key, key_len, m[i].v);
        } else {
            zn__json_member_string(j, key, key_len, m[i].s, m[i].len);
        }
    }
    zn_json_end_object(j);
}

// Most bytes of an object on the fast path (a bound good for a number and for a string, so
// that it is a sum without a branch per member), or 0 when it must take the slow one: too
// many members, or names or strings too long to add up without overflow.
static size_t object_max(const zn__json_member *m, size_t n)
{
    size_t max = 3 + 21 * n; // a comma and the braces; a comma and a number per member
    size_t longest = n > 64 ? SIZE_MAX : 0;
    for (size_t i = 0; i < n; i++) {
        longest |= m[i].name_len | m[i].len;
        max += m[i].name_len + 6 * m[i].len;
    }
    return longest <= 65535 ? max : 0;
}

void zn__json_object(zn_json *j, const zn__json_member *m, size_t n)
{
    size_t max = object_max(m, n);
    char *start = max > 0 && j->depth < ZN_JSON_MAX_DEPTH ? zn__json_room(j, max) : NULL;
    if (start == NULL) {
        object_slow(j, m, n);
        return;
    }
    char *p = zn__json_item(j, false, start, false);
    if (p == NULL) {
        return;
    }
    // The bytes of the slow path's calls. The object opens and closes at the same depth, so
    // only the separator state changes, as item has done. Every member goes out after a
    // comma, and the first comma becomes the opening brace: no test per member.
    char *open = p;
    for (size_t i = 0; i < n; i++) {
        *p++ = ',';
        p = zn__json_copy(p, m[i].name, m[i].name_len);
        if (m[i].number) {
            p = zn__json_digits(p, m[i].v);
        } else if (m[i].s == NULL) {
            memcpy(p, "null", 4);
            p += 4;
        } else {
            p = zn__json_quote(p, m[i].s, m[i].len);
            *p++ = '"';
        }
    }
    p += n == 0;
    *open = '{';
    *p++ = '}';
    zn__json_finish(j, p);
}

void zn__json_member_array(zn_json *j, const char *key, size_t key_len)
{
    char *start =
        key_len <= ZN__JSON_NAME_SHORT ? zn__json_room(j, ZN__JSON_NAME_MAX + 1) : NULL;
    char *p = start != NULL ? zn__json_name(j, start, key, key_len) : NULL;
    if (p == NULL) { // as in zn__json_member_int
        if (start == NULL) {
            zn__json_key(j, key, key_len);
        }
        zn_json_begin_array(j);
        return;
    }
    j->after_key = false;
    p = zn__json_enter(j, p, '[', false);
    if (p != NULL) {
        zn__json_finish(j, p);
    }
}

void zn__json_member_cstr(zn_json *j, const char *key, size_t key_len, const char *s)
{
    zn__json_member_string(j, key, key_len, s, s != NULL ? strlen(s) : 0);
}

void zn_json_member_int(zn_json *j, const char *key, long long v)
{
    size_t n = plain_name(key);
    if (n == SIZE_MAX) {
        zn_json_key(j, key);
        zn_json_int(j, v);
        return;
    }
    zn__json_member_int(j, key, n, v);
}

void zn_json_member_string(zn_json *j, const char *key, const char *s, size_t len)
{
    size_t n = plain_name(key);
    if (n == SIZE_MAX) {
        zn_json_key(j, key);
        zn_json_string(j, s, len);
        return;
    }
    zn__json_member_string(j, key, n, s, len);
}

void zn_json_member_cstr(zn_json *j, const char *key, const char *s)
{
    zn_json_member_string(j, key, s, s != NULL ? strlen(s) : 0);
}
