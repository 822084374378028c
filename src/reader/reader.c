/* SPDX-License-Identifier: MIT
 * The reader: opens an input, reads it, and hands out decoded records (first stage).
 * This first version reads one UTF-8 plain-text article per input. */
#include "zhnews/reader.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"

#define DEFAULT_MAX_RECORD ((size_t)64 << 20)

struct zn_reader {
    zn_reader_options opts;
    char *path;
    int fd;
    bool done;
};

void zn_reader_options_init(zn_reader_options *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->format = ZN_FORMAT_AUTO;
    opts->on_invalid = ZN_INVALID_FAIL;
}

void zn_record_free(zn_record *rec)
{
    if (rec == NULL) {
        return;
    }
    zn__free(rec->text);
    zn__free(rec->path);
    zn__free(rec->id);
    zn__free(rec->title);
    zn__free(rec->date);
    zn__free(rec->meta_json);
    zn__free(rec);
}

static zn_status errno_error(zn_error *err, const char *path, const char *what, int errnum)
{
    zn_status st = zn__status_from_errno(errnum);
    return zn__error_at(err, st, path, "%s: %s", what, zn_status_str(st));
}

zn_status zn_reader_open(zn_reader **out, const char *path, const zn_reader_options *opts,
                         zn_error *err)
{
    *out = NULL;
    bool is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return errno_error(err, path, "cannot open", errno);
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        if (!is_stdin) {
            close(fd);
        }
        return zn__error_at(err, ZN_ERR_IS_DIR, path, "is a directory, not a file");
    }
    zn_reader *r = zn__calloc(1, sizeof *r);
    char *copy = zn__strndup(path, strlen(path));
    if (r == NULL || copy == NULL) {
        zn__free(r);
        zn__free(copy);
        if (!is_stdin) {
            close(fd);
        }
        return zn__error_nomem(err, path);
    }
    if (opts != NULL) {
        r->opts = *opts;
    } else {
        zn_reader_options_init(&r->opts);
    }
    if (r->opts.max_record_bytes == 0) {
        r->opts.max_record_bytes = DEFAULT_MAX_RECORD;
    }
    r->path = copy;
    r->fd = fd;
    *out = r;
    return ZN_OK;
}

void zn_reader_close(zn_reader *r)
{
    if (r == NULL) {
        return;
    }
    if (r->fd != STDIN_FILENO && r->fd >= 0) {
        close(r->fd);
    }
    zn__free(r->path);
    zn__free(r);
}

// Reads the whole input into buf, up to the record limit.
static zn_status slurp(zn_reader *r, zn_buf *buf, zn_error *err)
{
    char chunk[65536];
    for (;;) {
        ssize_t n = read(r->fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return errno_error(err, r->path, "read failed", errno);
        }
        if (n == 0) {
            return ZN_OK;
        }
        zn_status st = zn_buf_append(buf, chunk, (size_t)n);
        if (st == ZN_ERR_TOO_BIG) {
            return zn__error_at(err, st, r->path, "article larger than %zu bytes (byte %zu)",
                                r->opts.max_record_bytes, buf->len + (size_t)n);
        }
        if (st != ZN_OK) {
            return zn__error_nomem(err, r->path);
        }
    }
}

zn_status zn_record_from_bytes(zn_record **out, const char *name, const char *bytes,
                               size_t len, const zn_reader_options *opts, zn_error *err)
{
    (void)opts;
    *out = NULL;
    if (len == 0) {
        return zn__error_at(err, ZN_ERR_EMPTY, name, "empty file");
    }
    size_t skip = 0;
    if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) {
        skip = 3;
    }
    if (memchr(bytes, '\0', len) != NULL) {
        return zn__error_at(err, ZN_ERR_NOT_TEXT, name, "not text (NUL byte at byte %zu)",
                            (size_t)((const char *)memchr(bytes, '\0', len) - bytes));
    }
    size_t valid = zn__utf8_valid_prefix(bytes + skip, len - skip);
    if (valid != len - skip) {
        return zn__error_at(err, ZN_ERR_ENCODING, name, "invalid UTF-8 at byte %zu",
                            valid + skip);
    }
    zn_record *rec = zn__calloc(1, sizeof *rec);
    if (rec == NULL) {
        return zn__error_nomem(err, name);
    }
    rec->text = zn__strndup(bytes + skip, len - skip);
    rec->path = zn__strndup(name, strlen(name));
    if (rec->text == NULL || rec->path == NULL) {
        zn_record_free(rec);
        return zn__error_nomem(err, name);
    }
    rec->len = len - skip;
    rec->encoding = "UTF-8";
    rec->confidence = 1.0;
    rec->format = ZN_FORMAT_TEXT;
    rec->line = 1;
    rec->bytes = len;
    *out = rec;
    return ZN_OK;
}

zn_status zn_reader_next(zn_reader *r, zn_record **out, zn_error *err)
{
    *out = NULL;
    if (r->done) {
        return ZN_OK;
    }
    r->done = true;
    zn_buf buf;
    zn_buf_init(&buf, r->opts.max_record_bytes);
    zn_status st = slurp(r, &buf, err);
    if (st == ZN_OK) {
        st = zn_record_from_bytes(out, r->path, buf.data ? buf.data : "", buf.len, &r->opts,
                                  err);
    }
    zn_buf_clear(&buf);
    return st;
}
