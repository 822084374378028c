/* SPDX-License-Identifier: MIT
 * Output files of a batch: written whole under a temporary name in the same folder, then
 * renamed, so that a reader (or a resumed run) never sees half a file. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch/batch_int.h"
#include "util/alloc.h"
#include "util/error.h"

static zn_status fail_errno(zn_error *err, const char *path, const char *what, int errnum)
{
    char ebuf[128];
    return zn__error_at(err, zn__status_from_errno(errnum), path, "%s: %s", what,
                        zn__errno_str(errnum, ebuf, sizeof ebuf));
}

// Creates every missing folder above the file `path` (mkdir -p of its dirname).
static zn_status make_parents(char *path, zn_error *err)
{
    for (char *p = strchr(path + 1, '/'); p != NULL; p = strchr(p + 1, '/')) {
        *p = '\0';
        int rc = mkdir(path, 0777);
        int e = errno;
        struct stat st;
        if (rc != 0 && e == EEXIST && stat(path, &st) == 0 && !S_ISDIR(st.st_mode)) {
            e = ENOTDIR; // a file where a folder should be
        }
        *p = '/';
        if (rc != 0 && e != EEXIST) {
            *p = '\0';
            zn_status s = fail_errno(err, path, "cannot create folder", e);
            *p = '/';
            return s;
        }
    }
    return ZN_OK;
}

static zn_status write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return ZN_ERR_IO;
        }
        data += n;
        len -= (size_t)n;
    }
    return ZN_OK;
}

// "<dir>/.<name>.zhnews-tmp": one name per output, so a resumed run reuses (and so cleans
// up) the temporary file a killed run left behind.
static char *temp_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t dir_len = slash != NULL ? (size_t)(slash - path) + 1 : 0;
    zn_buf b;
    zn_buf_init(&b, 0);
    if (zn_buf_append(&b, path, dir_len) != ZN_OK ||
        zn_buf_printf(&b, ".%s.zhnews-tmp", path + dir_len) != ZN_OK) {
        zn_buf_clear(&b);
        return NULL;
    }
    return zn_buf_take(&b, NULL);
}

zn_status zn__batch_mkdirs(const char *dir, zn_error *err)
{
    zn_buf b;
    zn_buf_init(&b, 0);
    if (zn_buf_printf(&b, "%s/", dir) != ZN_OK) {
        zn_buf_clear(&b);
        return zn__error_nomem(err, dir);
    }
    zn_status s = make_parents(b.data, err);
    zn_buf_clear(&b);
    return s;
}

zn_status zn__stream_open(out_stream *st, const char *path, zn_error *err)
{
    st->fd = -1;
    st->path = zn__strndup(path, strlen(path));
    st->tmp = temp_name(path);
    if (st->path == NULL || st->tmp == NULL) {
        zn__stream_abort(st);
        return zn__error_nomem(err, path);
    }
    zn_status s = make_parents(st->tmp, err);
    if (s == ZN_OK) {
        st->fd = open(st->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
        if (st->fd < 0) {
            s = fail_errno(err, path, "cannot write", errno);
        }
    }
    if (s != ZN_OK) {
        zn__stream_abort(st);
    }
    return s;
}

zn_status zn__stream_write(out_stream *st, const char *data, size_t len, zn_error *err)
{
    if (write_all(st->fd, data, len) != ZN_OK) {
        return fail_errno(err, st->path, "cannot write", errno);
    }
    return ZN_OK;
}

zn_status zn__stream_commit(out_stream *st, bool sync, zn_error *err)
{
    int e = 0;
    if (sync && fsync(st->fd) != 0) {
        e = errno;
    }
    if (close(st->fd) != 0 && e == 0) {
        e = errno;
    }
    st->fd = -1;
    if (e == 0 && rename(st->tmp, st->path) != 0) {
        e = errno;
    }
    zn_status s = e == 0 ? ZN_OK : fail_errno(err, st->path, "cannot write", e);
    zn__stream_abort(st);
    return s;
}

void zn__stream_abort(out_stream *st)
{
    if (st->fd >= 0) {
        close(st->fd);
        st->fd = -1;
    }
    if (st->tmp != NULL) {
        unlink(st->tmp); // after a commit the name is gone already
    }
    zn__free(st->tmp);
    zn__free(st->path);
    st->tmp = NULL;
    st->path = NULL;
}

zn_status zn__batch_write_file(const char *path, const char *data, size_t len, bool sync,
                               zn_error *err)
{
    out_stream st;
    zn_status s = zn__stream_open(&st, path, err);
    if (s == ZN_OK) {
        s = zn__stream_write(&st, data, len, err);
    }
    if (s == ZN_OK) {
        return zn__stream_commit(&st, sync, err);
    }
    zn__stream_abort(&st);
    return s;
}

bool zn__batch_is_up_to_date(const char *path, const struct timespec *mtime)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
        return false;
    }
    if (st.st_mtim.tv_sec != mtime->tv_sec) {
        return st.st_mtim.tv_sec > mtime->tv_sec;
    }
    return st.st_mtim.tv_nsec >= mtime->tv_nsec;
}

void zn__batch_mark_stale(const char *path, const struct timespec *mtime)
{
    // One second before the input: older than it, so zn__batch_is_up_to_date says no.
    struct timespec times[2] = {{mtime->tv_sec - 1, mtime->tv_nsec},
                                {mtime->tv_sec - 1, mtime->tv_nsec}};
    (void)utimensat(AT_FDCWD, path, times, 0); // at worst the file is trusted as before
}

zn_status zn__batch_read_file(const char *path, size_t limit, char **out, size_t *len,
                              zn_error *err)
{
    *out = NULL;
    *len = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return fail_errno(err, path, "cannot open", errno);
    }
    zn_buf b;
    zn_buf_init(&b, limit);
    char chunk[65536];
    zn_status s = ZN_OK;
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            s = fail_errno(err, path, "cannot read", errno);
            break;
        }
        if (n == 0) {
            break;
        }
        s = zn_buf_append(&b, chunk, (size_t)n);
        if (s != ZN_OK) {
            s = s == ZN_ERR_NOMEM ? zn__error_nomem(err, path)
                                  : zn__error_at(err, s, path, "larger than %zu bytes", limit);
            break;
        }
    }
    close(fd);
    if (s == ZN_OK) {
        *out = zn_buf_take(&b, len);
        if (*out == NULL) {
            s = zn__error_nomem(err, path);
        }
    }
    zn_buf_clear(&b);
    return s;
}
