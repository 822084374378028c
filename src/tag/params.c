/* SPDX-License-Identifier: MIT
 * Reading one Paddle parameter file (fluid.io.save_persistables, one file per variable):
 * uint32 version 0, uint64 LoD level count 0, uint32 tensor version 0, int32 size of a
 * protobuf TensorDesc (field 1 data type, 5 = float32; field 2 dims), then float32 data,
 * little-endian. Every size is checked against the file. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "tag/tag_internal.h"
#include "util/alloc.h"
#include "util/error.h"

#define HEADER_BYTES 20
#define DESC_MAX 256
#define PADDLE_FP32 5

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t le64(const unsigned char *p)
{
    return (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32;
}

// A protobuf varint at d[*i]; false when it runs past n or is longer than 10 bytes.
static bool varint(const unsigned char *d, size_t n, size_t *i, uint64_t *v)
{
    *v = 0;
    for (unsigned shift = 0; shift < 64 && *i < n; shift += 7) {
        unsigned char c = d[(*i)++];
        *v |= (uint64_t)(c & 0x7F) << shift;
        if (c < 0x80) {
            return true;
        }
    }
    return false;
}

static bool add_dim(zn__tag_tensor *t, uint64_t v)
{
    if (t->n_dims == 4 || v == 0 || v > (1u << 30)) {
        return false;
    }
    t->dims[t->n_dims++] = (size_t)v;
    return true;
}

// Parses the TensorDesc; returns the offset inside it of the first bad byte, or n when good.
static size_t parse_desc(const unsigned char *d, size_t n, zn__tag_tensor *t, uint64_t *type)
{
    size_t i = 0;
    *type = UINT64_MAX;
    while (i < n) {
        size_t at = i;
        uint64_t key, v;
        if (!varint(d, n, &i, &key)) {
            return at;
        }
        if ((key & 7) == 0 && (key >> 3 == 1 || key >> 3 == 2)) {
            if (!varint(d, n, &i, &v) || (key >> 3 == 2 && !add_dim(t, v))) {
                return at;
            }
            if (key >> 3 == 1) {
                *type = v;
            }
        } else if ((key & 7) == 2 && key >> 3 == 2) { // packed dims
            if (!varint(d, n, &i, &v) || v > n - i) {
                return at;
            }
            size_t end = i + (size_t)v;
            while (i < end) {
                if (!varint(d, end, &i, &v) || !add_dim(t, v)) {
                    return at;
                }
            }
        } else {
            return at;
        }
    }
    return n;
}

static zn_status check_shape(const zn__tag_tensor *t, const size_t *want, size_t n_want,
                             const char *path, zn_error *err)
{
    bool ok = t->n_dims == n_want;
    for (size_t i = 0; ok && i < n_want; i++) {
        ok = want[i] == 0 || want[i] == t->dims[i];
    }
    if (ok) {
        return ZN_OK;
    }
    char got[64], exp[64];
    size_t g = 0, e = 0;
    for (size_t i = 0; i < t->n_dims && g < sizeof got - 12; i++) {
        g += (size_t)snprintf(got + g, sizeof got - g, "%s%zu", i ? "x" : "", t->dims[i]);
    }
    for (size_t i = 0; i < n_want && e < sizeof exp - 12; i++) {
        if (want[i] == 0) {
            e += (size_t)snprintf(exp + e, sizeof exp - e, "%s*", i ? "x" : "");
        } else {
            e += (size_t)snprintf(exp + e, sizeof exp - e, "%s%zu", i ? "x" : "", want[i]);
        }
    }
    got[g] = '\0';
    exp[e] = '\0';
    return zn__error_at(err, ZN_ERR_DATA, path, "wrong tensor shape %s, expected %s (offset %d)",
                        got, exp, HEADER_BYTES);
}

// Reads and checks the fixed header and the TensorDesc; leaves f at the data.
static zn_status read_header(FILE *f, const char *path, zn__tag_tensor *t, size_t *data_at,
                             zn_error *err)
{
    unsigned char h[HEADER_BYTES];
    unsigned char desc[DESC_MAX];
    size_t got = fread(h, 1, sizeof h, f);
    if (got < sizeof h) {
        return zn__error_at(err, ZN_ERR_DATA, path,
                            "truncated tensor header (offset %zu: need %d bytes)", got,
                            HEADER_BYTES);
    }
    if (le32(h) != 0 || le64(h + 4) != 0 || le32(h + 12) != 0) {
        size_t at = le32(h) != 0 ? 0 : le64(h + 4) != 0 ? 4 : 12;
        return zn__error_at(err, ZN_ERR_DATA, path,
                            "not a Paddle tensor of version 0 without LoD (offset %zu)", at);
    }
    uint32_t n = le32(h + 16);
    if (n == 0 || n > DESC_MAX) {
        return zn__error_at(err, ZN_ERR_DATA, path, "bad tensor description size %u (offset 16)",
                            n);
    }
    if (fread(desc, 1, n, f) != n) {
        return zn__error_at(err, ZN_ERR_DATA, path,
                            "truncated tensor description (offset %d: need %u bytes)",
                            HEADER_BYTES, n);
    }
    uint64_t type;
    size_t bad = parse_desc(desc, n, t, &type);
    if (bad != n || t->n_dims == 0) {
        return zn__error_at(err, ZN_ERR_DATA, path, "bad tensor description (offset %zu)",
                            HEADER_BYTES + (bad == n ? 0 : bad));
    }
    if (type != PADDLE_FP32) {
        return zn__error_at(err, ZN_ERR_DATA, path,
                            "tensor data type %llu is not float32 (offset %d)",
                            (unsigned long long)type, HEADER_BYTES);
    }
    *data_at = HEADER_BYTES + n;
    return ZN_OK;
}

static zn_status read_data(FILE *f, const char *path, zn__tag_tensor *t, size_t at,
                           off_t file_size, zn_error *err)
{
    size_t count = 1;
    for (size_t i = 0; i < t->n_dims; i++) {
        count *= t->dims[i]; // each dim <= 2^30 and at most 4 of them: checked below
        if (count > ((size_t)1 << 30)) {
            return zn__error_at(err, ZN_ERR_DATA, path, "tensor too large (offset %d)",
                                HEADER_BYTES);
        }
    }
    size_t need = count * sizeof(float);
    size_t left = (size_t)file_size - at;
    if ((size_t)file_size < at || left != need) {
        return zn__error_at(err, ZN_ERR_DATA, path, "%s tensor data (offset %zu: need %zu bytes, "
                            "%zu left)", left < need ? "truncated" : "trailing bytes after",
                            at, need, (size_t)file_size < at ? 0 : left);
    }
    t->data = zn__malloc(need);
    if (t->data == NULL) {
        return zn__error_nomem(err, path);
    }
    size_t got = fread(t->data, 1, need, f);
    if (got != need) {
        return zn__error_at(err, ferror(f) ? ZN_ERR_IO : ZN_ERR_DATA, path,
                            "truncated tensor data (offset %zu)", at + got);
    }
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    for (size_t i = 0; i < count; i++) {
        uint32_t v;
        memcpy(&v, &t->data[i], 4);
        v = le32((const unsigned char *)&v);
        memcpy(&t->data[i], &v, 4);
    }
#endif
    return ZN_OK;
}

zn_status zn__tag_tensor_read(zn__tag_tensor *t, const char *path, const size_t *want,
                              size_t n_want, zn_error *err)
{
    memset(t, 0, sizeof *t);
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        int e = errno;
        char buf[128];
        return zn__error_at(err, zn__status_from_errno(e), path, "%s",
                            zn__errno_str(e, buf, sizeof buf));
    }
    struct stat st;
    size_t at = 0;
    zn_status s = ZN_OK;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        s = zn__error_at(err, ZN_ERR_IO, path, "not a regular file");
    }
    if (s == ZN_OK) {
        s = read_header(f, path, t, &at, err);
    }
    if (s == ZN_OK) {
        s = check_shape(t, want, n_want, path, err);
    }
    if (s == ZN_OK) {
        s = read_data(f, path, t, at, st.st_size, err);
    }
    fclose(f);
    if (s != ZN_OK) {
        zn__free(t->data);
        memset(t, 0, sizeof *t);
    }
    return s;
}
