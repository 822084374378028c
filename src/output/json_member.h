/* SPDX-License-Identifier: MIT
 * The JSON writer's calls for the writers of a fixed schema, such as the CLI's extract JSON
 * (json_member.c): member names given with their length (string literals, whose length the
 * compiler knows, so no strlen runs for them), and a small object of members in one call. */
#ifndef ZHNEWS_OUTPUT_JSON_MEMBER_H
#define ZHNEWS_OUTPUT_JSON_MEMBER_H

#include "zhnews/output.h"

#pragma GCC visibility push(hidden)

/* A string literal and its length, as the two arguments `key, key_len` of the calls below.
 * Example: zn__json_member_int(j, ZN__JSON_NAME("start"), 3) writes "start":3, after a comma
 * if needed. */
#define ZN__JSON_NAME(lit) ("" lit), (sizeof(lit) - 1)

/* zn_json_key(j, key), zn_json_member_int(j, key, v), zn_json_member_string(j, key, s, len)
 * and zn_json_member_cstr(j, key, s) for a name known to be plain ASCII, key[0..key_len) (no
 * NUL needed): no control character, no " or \, nothing at or above 0x80, as every name of a
 * schema is. The name is copied as it is, not checked: with any other the output is not
 * JSON. Otherwise the same bytes, checks and errors as the public calls. */
void zn__json_key(zn_json *j, const char *key, size_t key_len);
void zn__json_member_int(zn_json *j, const char *key, size_t key_len, long long v);
void zn__json_member_string(zn_json *j, const char *key, size_t key_len, const char *s,
                            size_t len);
void zn__json_member_cstr(zn_json *j, const char *key, size_t key_len, const char *s);

/* A member whose value is an array, opened: the same bytes, checks and errors as
 * zn__json_key(j, key, key_len) followed by zn_json_begin_array(j), with one look at the
 * buffer instead of two. The array ends with zn_json_end_array. */
void zn__json_member_array(zn_json *j, const char *key, size_t key_len);

/* One member of zn__json_object: its name as it is written, quotes and colon included (the
 * name plain ASCII, as above), and a number or a string. */
typedef struct zn__json_member {
    const char *name; /* "\"start\":" */
    size_t name_len;
    bool number; /* the value is v (len is 0); else the string s[0..len), null when s is NULL */
    long long v;
    const char *s;
    size_t len;
} zn__json_member;

/* Initialisers of a zn__json_member with a number / a string value, named by a literal. */
#define ZN__JSON_INT(lit, v) {"\"" lit "\":", sizeof(lit) + 2, true, (v), NULL, 0}
#define ZN__JSON_STRING(lit, s, len) {"\"" lit "\":", sizeof(lit) + 2, false, 0, (s), (len)}

/* Writes an object of the n members m[0..n) as one value: the same bytes, checks and errors
 * as zn_json_begin_object, a zn__json_member_int or zn__json_member_string per member, and
 * zn_json_end_object; on the fast path with one look at the buffer and one separator check
 * for the whole object (a mention of the extract JSON is one call, not six).
 * Example: with m = {ZN__JSON_INT("start", 0), ZN__JSON_STRING("type", "person", 6)} it
 * writes {"start":0,"type":"person"}, after a comma if needed. */
void zn__json_object(zn_json *j, const zn__json_member *m, size_t n);

#pragma GCC visibility pop

#endif
