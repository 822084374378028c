/* SPDX-License-Identifier: MIT
 * User words added at run time: a small hash of words and their prefixes beside the mapped
 * lexicon. All memory a load needs is taken before the first word goes in, so a failed load
 * leaves the lexicon as it was. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lexicon/lexicon_internal.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"

#define USER_DEFAULT_FREQ 10000u

typedef struct user_line {
    const char *word;
    size_t len;
    uint32_t freq;
    char tag[ZN_LEX_TAG_MAX];
} user_line;

const zn__user_entry *zn__user_find(const zn__user_table *t, const char *s, size_t len,
                                    uint32_t h)
{
    if (t->bits == 0) {
        return NULL;
    }
    uint32_t mask = (1u << t->bits) - 1;
    for (uint32_t i = zn__lex_hash_slot(h, t->bits); t->slots[i] != 0; i = (i + 1) & mask) {
        const zn__user_entry *e = &t->items[t->slots[i] - 1];
        if (e->len == len && memcmp(e->s, s, len) == 0) {
            return e;
        }
    }
    return NULL;
}

void zn__user_clear(zn__user_table *t)
{
    for (size_t i = 0; i < t->n_bufs; i++) {
        zn__free(t->bufs[i]);
    }
    zn__free(t->bufs);
    zn__free(t->items);
    zn__free(t->slots);
    memset(t, 0, sizeof *t);
}

static void slot_insert(uint32_t *slots, uint32_t bits, const zn__user_entry *e, uint32_t idx)
{
    uint32_t mask = (1u << bits) - 1;
    uint32_t i = zn__lex_hash_slot(zn__lex_hash(e->s, e->len), bits);
    while (slots[i] != 0) {
        i = (i + 1) & mask;
    }
    slots[i] = idx + 1;
}

// Reserves room for `more` entries and one more buffer; on failure nothing changes.
static zn_status reserve(zn__user_table *t, size_t more, zn_error *err)
{
    size_t need = t->n + more;
    uint32_t bits = t->bits ? t->bits : 4;
    while (((size_t)1 << bits) < need * 2) {
        bits++;
    }
    if (bits > 30) {
        return zn__error_set(err, ZN_ERR_TOO_BIG, "user dictionary too large");
    }
    if (need > t->cap) {
        zn__user_entry *items = zn__reallocarray(t->items, need, sizeof *items);
        if (items == NULL) {
            return zn__error_nomem(err, "user dictionary");
        }
        t->items = items;
        t->cap = need;
    }
    char **bufs = zn__reallocarray(t->bufs, t->n_bufs + 1, sizeof *bufs);
    if (bufs == NULL) {
        return zn__error_nomem(err, "user dictionary");
    }
    t->bufs = bufs;
    if (bits != t->bits) {
        uint32_t *slots = zn__calloc((size_t)1 << bits, sizeof *slots);
        if (slots == NULL) {
            return zn__error_nomem(err, "user dictionary");
        }
        for (size_t i = 0; i < t->n; i++) {
            slot_insert(slots, bits, &t->items[i], (uint32_t)i);
        }
        zn__free(t->slots);
        t->slots = slots;
        t->bits = bits;
    }
    return ZN_OK;
}

// Inserts or updates; cannot fail once reserve() has succeeded.
static void put_entry(zn_lexicon *lex, const char *s, size_t len, const user_line *w)
{
    zn__user_table *t = &lex->user;
    uint32_t h = zn__lex_hash(s, len);
    zn__user_entry *e = (zn__user_entry *)zn__user_find(t, s, len, h);
    if (e == NULL) {
        e = &t->items[t->n];
        memset(e, 0, sizeof *e);
        e->s = s;
        e->len = (uint32_t)len;
        slot_insert(t->slots, t->bits, e, (uint32_t)t->n);
        t->n++;
    }
    if (w == NULL || e->is_word) {
        if (w != NULL) {
            e->freq = w->freq > e->freq ? w->freq : e->freq;
            memcpy(e->tag, w->tag, ZN_LEX_TAG_MAX);
        }
        return;
    }
    if (!zn_lexicon_lookup(lex, s, len, NULL)) {
        t->n_new_words++;
    }
    e->is_word = true;
    e->freq = w->freq;
    memcpy(e->tag, w->tag, ZN_LEX_TAG_MAX);
}

// Adds words (pointing into buf, which the table takes over) with all their prefixes.
static zn_status add_words(zn_lexicon *lex, char *buf, const user_line *lines, size_t n,
                           zn_error *err)
{
    size_t nodes = 0;
    for (size_t i = 0; i < n; i++) {
        nodes += zn__utf8_count(lines[i].word, lines[i].len);
    }
    zn_status st = reserve(&lex->user, nodes, err);
    if (st != ZN_OK) {
        return st;
    }
    lex->user.bufs[lex->user.n_bufs++] = buf;
    for (size_t i = 0; i < n; i++) {
        size_t pos = 0;
        while (pos < lines[i].len) {
            zn__utf8_next(lines[i].word, lines[i].len, &pos);
            put_entry(lex, lines[i].word, pos, pos == lines[i].len ? &lines[i] : NULL);
        }
    }
    return ZN_OK;
}

static bool has_space(const char *s, size_t len)
{
    size_t pos = 0;
    while (pos < len) {
        if (zn__cp_is_space(zn__utf8_next(s, len, &pos))) {
            return true;
        }
    }
    return false;
}

zn_status zn_lexicon_add_word(zn_lexicon *lex, const char *word, size_t len, uint32_t freq,
                              const char *tag, zn_error *err)
{
    if (len == 0 || len > ZN_LEX_MAX_WORD || !zn__utf8_is_valid(word, len) ||
        has_space(word, len) || (tag != NULL && strlen(tag) >= ZN_LEX_TAG_MAX)) {
        return zn__error_set(err, ZN_ERR_INVALID_ARG, "not a valid user word");
    }
    char *copy = zn__strndup(word, len);
    if (copy == NULL) {
        return zn__error_nomem(err, "user word");
    }
    user_line w = {copy, len, freq ? freq : USER_DEFAULT_FREQ, {0}};
    memcpy(w.tag, tag != NULL ? tag : "", tag != NULL ? strlen(tag) : 0);
    zn_status st = add_words(lex, copy, &w, 1, err);
    if (st != ZN_OK) {
        zn__free(copy);
    }
    return st;
}

static zn_status read_all(const char *path, char **out, size_t *len, zn_error *err)
{
    char ebuf[128];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        return zn__error_at(err, zn__status_from_errno(e), path,
                            "cannot open the user dictionary: %s",
                            zn__errno_str(e, ebuf, sizeof ebuf));
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
        close(fd);
        return zn__error_at(err, ZN_ERR_IS_DIR, path, "is a directory, not a user dictionary");
    }
    size_t cap = st.st_size > 0 ? (size_t)st.st_size : 0;
    char *buf = zn__malloc(cap + 1);
    size_t n = 0;
    zn_status status = buf == NULL ? zn__error_nomem(err, path) : ZN_OK;
    while (status == ZN_OK && n < cap) {
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got < 0) {
            int e = errno;
            status = zn__error_at(err, zn__status_from_errno(e), path, "%s",
                                  zn__errno_str(e, ebuf, sizeof ebuf));
        }
        if (got <= 0) {
            break;
        }
        n += (size_t)got;
    }
    close(fd);
    if (status != ZN_OK) {
        zn__free(buf);
        return status;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return ZN_OK;
}

// Splits the next field off [*p, end): returns its start and length (0 at the end).
static const char *field(const char **p, const char *end, size_t *flen)
{
    while (*p < end && (**p == ' ' || **p == '\t' || **p == '\r')) {
        (*p)++;
    }
    const char *start = *p;
    while (*p < end && **p != ' ' && **p != '\t' && **p != '\r') {
        (*p)++;
    }
    *flen = (size_t)(*p - start);
    return start;
}

static zn_status parse_line(const char *p, const char *end, user_line *w, const char *path,
                            size_t lineno, zn_error *err)
{
    size_t flen;
    w->word = field(&p, end, &w->len);
    if (w->len > ZN_LEX_MAX_WORD) {
        return zn__error_at(err, ZN_ERR_FORMAT, path, "word longer than %d bytes (line %zu)",
                            ZN_LEX_MAX_WORD, lineno);
    }
    w->freq = USER_DEFAULT_FREQ;
    memset(w->tag, 0, sizeof w->tag);
    const char *f = field(&p, end, &flen);
    if (flen > 0 && f[0] >= '0' && f[0] <= '9') {
        char num[16] = {0};
        char *e = NULL;
        unsigned long v = 0;
        if (flen < sizeof num) {
            memcpy(num, f, flen);
            errno = 0;
            v = strtoul(num, &e, 10);
        }
        if (e == NULL || *e != '\0' || errno != 0 || v > UINT32_MAX / 4) {
            return zn__error_at(err, ZN_ERR_FORMAT, path, "bad frequency '%.*s' (line %zu)",
                                (int)(flen < 20 ? flen : 20), f, lineno);
        }
        w->freq = v > 0 ? (uint32_t)v : 1;
        f = field(&p, end, &flen);
    }
    if (flen >= ZN_LEX_TAG_MAX) {
        return zn__error_at(err, ZN_ERR_FORMAT, path, "tag longer than %d bytes (line %zu)",
                            ZN_LEX_TAG_MAX - 1, lineno);
    }
    memcpy(w->tag, f, flen);
    return ZN_OK;
}

static zn_status parse_all(const char *buf, size_t len, const char *path, user_line **out,
                           size_t *count, zn_error *err)
{
    size_t max = 1;
    for (size_t i = 0; i < len; i++) {
        max += buf[i] == '\n';
    }
    user_line *lines = zn__calloc(max, sizeof *lines);
    if (lines == NULL) {
        return zn__error_nomem(err, path);
    }
    size_t n = 0;
    size_t lineno = 0;
    for (const char *p = buf, *end = buf + len; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *line_end = nl != NULL ? nl : end;
        lineno++;
        size_t flen;
        const char *q = p;
        const char *first = field(&q, line_end, &flen);
        if (flen > 0 && first[0] != '#') {
            zn_status st = parse_line(p, line_end, &lines[n], path, lineno, err);
            if (st != ZN_OK) {
                zn__free(lines);
                return st;
            }
            n++;
        }
        p = line_end + 1;
    }
    *out = lines;
    *count = n;
    return ZN_OK;
}

zn_status zn_lexicon_load_user_dict(zn_lexicon *lex, const char *path, zn_error *err)
{
    char *buf = NULL;
    size_t len = 0;
    zn_status st = read_all(path, &buf, &len, err);
    if (st != ZN_OK) {
        return st;
    }
    size_t bad = zn__utf8_valid_prefix(buf, len);
    if (bad < len) {
        zn__free(buf);
        return zn__error_at(err, ZN_ERR_FORMAT, path, "invalid UTF-8 (byte %zu)", bad);
    }
    size_t skip = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0; // a BOM
    user_line *lines = NULL;
    size_t n = 0;
    st = parse_all(buf + skip, len - skip, path, &lines, &n, err);
    if (st == ZN_OK) {
        st = add_words(lex, buf, lines, n, err);
    }
    if (st != ZN_OK) {
        zn__free(buf);
    }
    zn__free(lines);
    return st;
}
