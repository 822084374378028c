/* SPDX-License-Identifier: MIT
 * The reader (first pipeline stage): opens an input, detects its encoding and container on
 * the first bytes, then hands out decoded records one at a time. The window of bytes lives in
 * source.c, the encodings in detect.c and decode.c, the containers in containers.c,
 * jsonl.c and trec.c. */
#include "zhnews/reader.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "reader/reader_int.h"
#include "util/alloc.h"
#include "util/error.h"

#define DEFAULT_MAX_RECORD ((size_t)64 << 20)
#define DEFAULT_CHUNK ((size_t)1 << 16)

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

static zn_status open_fd(const char *path, int *fd, zn_error *err)
{
    if (strcmp(path, "-") == 0) {
        *fd = STDIN_FILENO;
    } else {
        *fd = open(path, O_RDONLY | O_CLOEXEC);
    }
    if (*fd < 0) {
        int e = errno;
        zn_status st = zn__status_from_errno(e);
        char msg[128];
        return zn__error_at(err, st, path, "cannot open: %s", zn__errno_str(e, msg, sizeof msg));
    }
    struct stat sb;
    if (fstat(*fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        if (*fd != STDIN_FILENO) {
            close(*fd);
        }
        *fd = -1;
        return zn__error_at(err, ZN_ERR_IS_DIR, path, "is a directory, not a file");
    }
    return ZN_OK;
}

static zn_status set_options(zn_reader *r, const zn_reader_options *opts, zn_error *err)
{
    if (opts != NULL) {
        r->opts = *opts;
    } else {
        zn_reader_options_init(&r->opts);
    }
    if (r->opts.max_record_bytes == 0) {
        r->opts.max_record_bytes = DEFAULT_MAX_RECORD;
    }
    if ((unsigned)r->opts.format > ZN_FORMAT_TREC ||
        (unsigned)r->opts.on_invalid > ZN_INVALID_SKIP) {
        return zn__error_at(err, ZN_ERR_INVALID_ARG, r->path, "invalid reader options");
    }
    const char *from = r->opts.from;
    if (from != NULL && from[0] != '\0' && strcasecmp(from, "auto") != 0) {
        return zn__encoding_lookup(&r->enc, from, r->path, err);
    }
    r->opts.from = NULL;
    return ZN_OK;
}

zn_status zn_reader_open(zn_reader **out, const char *path, const zn_reader_options *opts,
                         zn_error *err)
{
    *out = NULL;
    zn_reader *r = zn__calloc(1, sizeof *r);
    if (r == NULL) {
        return zn__error_nomem(err, path);
    }
    r->fd = -1;
    r->pre.cd = (iconv_t)-1;
    r->dec.cd = (iconv_t)-1;
    r->line = 1;
    r->chunk = DEFAULT_CHUNK;
    r->sample = ZN__DETECT_SAMPLE;
    zn_buf_init(&r->win, 0);
    r->path = zn__strndup(path, strlen(path));
    r->chunk_buf = zn__malloc(r->chunk + sizeof r->carry);
    zn_status st = ZN_OK;
    if (r->path == NULL || r->chunk_buf == NULL) {
        st = zn__error_nomem(err, path);
    }
    if (st == ZN_OK) {
        st = set_options(r, opts, err);
    }
    if (st == ZN_OK) {
        st = open_fd(path, &r->fd, err);
    }
    if (st != ZN_OK) {
        zn_reader_close(r);
        return st;
    }
    r->own_fd = r->fd != STDIN_FILENO;
    *out = r;
    return ZN_OK;
}

void zn_reader_close(zn_reader *r)
{
    if (r == NULL) {
        return;
    }
    if (r->own_fd && r->fd >= 0) {
        close(r->fd);
    }
    zn__decoder_clear(&r->pre);
    zn__decoder_clear(&r->dec);
    zn_buf_clear(&r->win);
    zn__free(r->chunk_buf);
    zn__free(r->path);
    zn__free(r);
}

void zn__reader_set_chunk(zn_reader *r, size_t bytes)
{
    if (bytes == 0 || bytes > DEFAULT_CHUNK || r->started) {
        return; // chunk_buf holds DEFAULT_CHUNK bytes plus the carry
    }
    r->chunk = bytes;
    r->sample = bytes < 32 ? 32 : bytes * 32 < ZN__DETECT_SAMPLE ? bytes * 32 : ZN__DETECT_SAMPLE;
}

void zn_reader_get_info(const zn_reader *r, zn_reader_info *info)
{
    memset(info, 0, sizeof *info);
    info->detected = r->started && r->enc.label != NULL;
    info->encoding = r->enc.label;
    info->confidence = r->enc.confidence;
    info->format = r->format;
    info->bytes_read = r->raw_offset;
}

static bool has_high_byte(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)s[i] >= 0x80) {
            return true;
        }
    }
    return false;
}

static zn_status detect(zn_reader *r, zn_error *err)
{
    const char *s = r->win.data != NULL ? r->win.data : "";
    size_t len = r->win.len;
    if (r->opts.from != NULL) {
        zn__encoding bom;
        // A byte-order mark of the encoding the user named is not text.
        if (zn__detect_bom(&bom, s, len) &&
            strncmp(bom.label, r->enc.label, strlen(r->enc.label)) == 0) {
            r->enc = bom; // the same encoding, or its byte order (UTF-16 → UTF-16LE)
        }
        return ZN_OK;
    }
    zn_status st = zn__detect(&r->enc, s, len, r->eof, r->path, err);
    if (st != ZN_OK || r->enc.bom > 0 || memchr(s, '\0', len) != NULL || has_high_byte(s, len)) {
        return st;
    }
    zn_buf later;
    bool at_eof;
    st = zn__source_later_sample(r, &later, &at_eof, err);
    if (st == ZN_OK && later.len > 0) {
        st = zn__detect(&r->enc, later.data, later.len, at_eof, r->path, err);
    }
    zn_buf_clear(&later);
    return st;
}

// The container, from the file name and the first bytes.
static zn_input_format guess_format(const zn_reader *r)
{
    const char *dot = strrchr(r->path, '.');
    if (dot != NULL && strchr(dot, '/') == NULL) {
        if (strcasecmp(dot, ".jsonl") == 0 || strcasecmp(dot, ".ndjson") == 0) {
            return ZN_FORMAT_JSONL;
        }
        if (strcasecmp(dot, ".trec") == 0 || strcasecmp(dot, ".sgml") == 0 ||
            strcasecmp(dot, ".sgm") == 0) {
            return ZN_FORMAT_TREC;
        }
    }
    const char *s = zn__window(r);
    size_t n = r->win.len - r->pos;
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) {
        i++;
    }
    if (i < n && s[i] == '{') {
        const char *nl = memchr(s + i, '\n', n - i);
        size_t end = nl != NULL ? (size_t)(nl - s) : n;
        while (end > i && (s[end - 1] == ' ' || s[end - 1] == '\r' || s[end - 1] == '\t')) {
            end--;
        }
        if (nl == NULL || s[end - 1] == '}') {
            return ZN_FORMAT_JSONL;
        }
    }
    if (n - i >= 5 && strncasecmp(s + i, "<doc", 4) == 0 &&
        (s[i + 4] == '>' || s[i + 4] == ' ' || s[i + 4] == '\t' || s[i + 4] == '\n' ||
         s[i + 4] == '\r')) {
        return ZN_FORMAT_TREC;
    }
    return ZN_FORMAT_TEXT;
}

static zn_status start(zn_reader *r, zn_error *err)
{
    r->started = true;
    // A regular file gives a full sample; a pipe, what it holds once a line is complete.
    struct stat sb;
    bool patient = fstat(r->fd, &sb) == 0 && S_ISREG(sb.st_mode);
    size_t sample = r->opts.from != NULL ? 4 : r->sample; // 4: a byte-order mark
    zn_status st = zn__source_want(r, sample, patient, err);
    if (st == ZN_OK) {
        st = detect(r, err);
    }
    if (st != ZN_OK) {
        return st;
    }
    r->pos = r->enc.bom < r->win.len ? r->enc.bom : r->win.len;
    if (!r->enc.ascii_safe) {
        st = zn__decoder_init(&r->pre, r->enc.iconv_name, r->enc.label, r->opts.on_invalid,
                              r->path, err);
        r->pre.piece = r->chunk;
        if (st == ZN_OK) {
            st = zn__source_start_transcoding(r, err);
        }
        if (st == ZN_OK) {
            st = zn__decoder_init(&r->dec, NULL, r->enc.label, r->opts.on_invalid, r->path,
                                  err);
        }
    } else {
        st = zn__decoder_init(&r->dec, r->enc.iconv_name, r->enc.label, r->opts.on_invalid,
                              r->path, err);
    }
    r->dec.piece = r->chunk;
    r->format = r->opts.format != ZN_FORMAT_AUTO ? r->opts.format : guess_format(r);
    return st;
}

zn_status zn_reader_next(zn_reader *r, zn_record **out, zn_error *err)
{
    *out = NULL;
    if (r->finished) {
        return ZN_OK;
    }
    zn_status st = ZN_OK;
    if (!r->started) {
        st = start(r, err);
    }
    if (st == ZN_OK) {
        switch (r->format) {
        case ZN_FORMAT_LINES: st = zn__next_line(r, out, err); break;
        case ZN_FORMAT_JSONL: st = zn__next_jsonl(r, out, err); break;
        case ZN_FORMAT_TREC: st = zn__next_trec(r, out, err); break;
        default: st = zn__next_text(r, out, err); break;
        }
    }
    if ((st != ZN_OK && st != ZN_ERR_FORMAT) || (st == ZN_OK && *out == NULL)) {
        r->finished = true;
    }
    return st;
}

zn_status zn__reader_take_record(zn_reader *r, zn_buf *text, size_t line, size_t raw_bytes,
                                 zn_record **out, zn_error *err)
{
    *out = NULL;
    zn_record *rec = zn__calloc(1, sizeof *rec);
    if (rec == NULL || (rec->path = zn__strndup(r->path, strlen(r->path))) == NULL ||
        (rec->text = zn_buf_take(text, &rec->len)) == NULL) {
        zn_record_free(rec);
        zn_buf_clear(text);
        return zn__error_nomem(err, r->path);
    }
    rec->encoding = r->enc.label;
    rec->confidence = r->enc.confidence;
    rec->format = r->format;
    rec->index = r->index;
    rec->line = line;
    rec->bytes = raw_bytes;
    rec->invalid_bytes = r->dec.invalid + (r->pre.invalid - r->pre_invalid);
    r->pre_invalid = r->pre.invalid;
    *out = rec;
    return ZN_OK;
}

zn_status zn__reader_make_record(zn_reader *r, const char *bytes, size_t len, size_t raw_bytes,
                                 zn_record **out, zn_error *err)
{
    *out = NULL;
    zn__decoder_reset(&r->dec);
    zn_buf text;
    zn_buf_init(&text, 0);
    size_t at = r->base + (size_t)(bytes - r->win.data);
    zn_status st = zn__decoder_run(&r->dec, bytes, len, true, NULL, &text, at, r->path, err);
    if (st != ZN_OK) {
        zn_buf_clear(&text);
        return st;
    }
    return zn__reader_take_record(r, &text, r->line, raw_bytes, out, err);
}

// Detection on a buffer: its first sample, or the first one that is not all ASCII.
static zn_status detect_buffer(zn__encoding *enc, const char *bytes, size_t len,
                               const char *name, zn_error *err)
{
    size_t from = 0;
    if (len > ZN__DETECT_SAMPLE && !has_high_byte(bytes, ZN__DETECT_SAMPLE) &&
        memchr(bytes, '\0', ZN__DETECT_SAMPLE) == NULL) {
        while (from < len && (unsigned char)bytes[from] < 0x80) {
            from++;
        }
        from = from == len ? 0 : from;
    }
    size_t n = len - from < ZN__DETECT_SAMPLE ? len - from : ZN__DETECT_SAMPLE;
    zn_status st = zn__detect(enc, bytes + from, n, from + n == len, name, err);
    if (from > 0) {
        enc->bom = 0; // a mark is only a mark at the start
    }
    return st;
}

zn_status zn_record_from_bytes(zn_record **out, const char *name, const char *bytes,
                               size_t len, const zn_reader_options *opts, zn_error *err)
{
    *out = NULL;
    zn_reader r;
    memset(&r, 0, sizeof r);
    r.path = (char *)name;
    r.pre.cd = (iconv_t)-1;
    r.dec.cd = (iconv_t)-1;
    r.line = 1;
    r.format = ZN_FORMAT_TEXT;
    zn_status st = set_options(&r, opts, err);
    if (st == ZN_OK && r.opts.from == NULL) {
        st = detect_buffer(&r.enc, bytes, len, name, err);
    }
    // View the caller's bytes as the window (read only: nothing appends to it).
    r.win.data = (char *)bytes;
    r.win.len = len;
    r.eof = true;
    if (st == ZN_OK && r.opts.from != NULL) {
        st = detect(&r, err);
    }
    size_t skip = r.enc.bom < len ? r.enc.bom : len;
    if (st == ZN_OK && len - skip == 0) {
        st = zn__error_at(err, ZN_ERR_EMPTY, name, "empty file");
    }
    if (st == ZN_OK) {
        st = zn__decoder_init(&r.dec, r.enc.iconv_name, r.enc.label, r.opts.on_invalid, name,
                              err);
    }
    if (st == ZN_OK) {
        st = zn__reader_make_record(&r, bytes + skip, len - skip, len, out, err);
    }
    zn__decoder_clear(&r.dec);
    return st;
}
