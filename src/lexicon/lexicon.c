/* SPDX-License-Identifier: MIT
 * The compiled lexicon at run time: maps zhnews.lex read-only, checks its header, and answers
 * lookups and prefix scans by walking its trie in place (plus the user overlay, see
 * user_dict.c). */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lexicon/lex_walk.h"
#include "lexicon/lexicon_internal.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"

// A section [off, off + count * size) must lie inside the file and be 8-byte aligned.
static bool section_ok(const zn_lex_header *h, uint64_t off, uint64_t count, uint64_t size)
{
    if (off % 8 != 0 || off > h->file_size) {
        return false;
    }
    return size == 0 || count <= (h->file_size - off) / size;
}

static bool header_ok(const zn_lex_header *h, size_t map_len)
{
    return h->file_size == map_len && h->n_words <= h->n_nodes && h->n_roots <= h->n_nodes &&
           h->n_roots >= ZN_LEX_DENSE_N &&
           h->n_nodes < UINT32_MAX && h->n_tags <= 256 &&
           section_ok(h, h->off_nodes, h->n_nodes, sizeof(zn_lex_node)) &&
           section_ok(h, h->off_bmp, ZN_LEX_BMP, sizeof(uint32_t)) && h->edge_bits >= 1 &&
           h->edge_bits <= 31 &&
           section_ok(h, h->off_edges, (uint64_t)1 << h->edge_bits, sizeof(uint64_t)) &&
           section_ok(h, h->off_tags, h->n_tags, ZN_LEX_TAG_MAX) &&
           section_ok(h, h->off_hmm, 1, sizeof(zn_lex_hmm)) &&
           section_ok(h, h->off_hmm_chars, h->n_hmm_chars, sizeof(zn_lex_hmm_char));
}

static zn_status map_file(const char *path, void **map, size_t *len, zn_error *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        char buf[128];
        return zn__error_at(err, zn__status_from_errno(e), path, "cannot open the lexicon: %s",
                            zn__errno_str(e, buf, sizeof buf));
    }
    struct stat st;
    zn_status status = ZN_OK;
    if (fstat(fd, &st) != 0) {
        status = zn__error_at(err, ZN_ERR_IO, path, "cannot stat the lexicon");
    } else if (S_ISDIR(st.st_mode)) {
        status = zn__error_at(err, ZN_ERR_IS_DIR, path, "is a directory, not a lexicon");
    } else if ((size_t)st.st_size < sizeof(zn_lex_header)) {
        status = zn__error_at(err, ZN_ERR_DATA, path,
                              "not a zhnews lexicon (file too short: %lld bytes)",
                              (long long)st.st_size);
    } else {
        *len = (size_t)st.st_size;
        *map = mmap(NULL, *len, PROT_READ, MAP_SHARED, fd, 0);
        if (*map == MAP_FAILED) {
            int e = errno;
            char buf[128];
            *map = NULL;
            status = zn__error_at(err, e == ENOMEM ? ZN_ERR_NOMEM : ZN_ERR_IO, path,
                                  "cannot map the lexicon: %s", zn__errno_str(e, buf, sizeof buf));
        }
    }
    close(fd);
    return status;
}

zn_status zn_lexicon_open(zn_lexicon **out, const char *path, zn_error *err)
{
    *out = NULL;
    void *map = NULL;
    size_t len = 0;
    zn_status st = map_file(path, &map, &len, err);
    if (st != ZN_OK) {
        return st;
    }
    const zn_lex_header *h = map;
    if (memcmp(h->magic, ZN_LEX_MAGIC, ZN_LEX_MAGIC_PREFIX) != 0) {
        munmap(map, len);
        return zn__error_at(err, ZN_ERR_DATA, path, "not a zhnews lexicon (bad magic at byte 0)");
    }
    if (memcmp(h->magic, ZN_LEX_MAGIC, 8) != 0 || h->version != ZN_LEX_VERSION) {
        unsigned found = (unsigned char)h->magic[ZN_LEX_MAGIC_PREFIX];
        munmap(map, len);
        return zn__error_at(err, ZN_ERR_DATA, path,
                            "a zhnews lexicon of format %u, this build reads format %u "
                            "(rebuild it: make)",
                            found, ZN_LEX_VERSION);
    }
    if (!header_ok(h, len)) {
        munmap(map, len);
        return zn__error_at(err, ZN_ERR_DATA, path,
                            "not a zhnews lexicon of version %u (bad header at byte 8)",
                            ZN_LEX_VERSION);
    }
    zn_lexicon *lex = zn__calloc(1, sizeof *lex);
    if (lex == NULL) {
        munmap(map, len);
        return zn__error_nomem(err, path);
    }
    const char *base = map;
    lex->map = map;
    lex->map_len = len;
    lex->h = h;
    lex->nodes = (const zn_lex_node *)(const void *)(base + h->off_nodes);
    lex->bmp = (const uint32_t *)(const void *)(base + h->off_bmp);
    lex->edges = (const uint64_t *)(const void *)(base + h->off_edges);
    lex->edge_bits = h->edge_bits;
    lex->tags = (const char(*)[ZN_LEX_TAG_MAX])(const void *)(base + h->off_tags);
    lex->hmm = (const zn_lex_hmm *)(const void *)(base + h->off_hmm);
    lex->hmm_chars = (const zn_lex_hmm_char *)(const void *)(base + h->off_hmm_chars);
    *out = lex;
    return ZN_OK;
}

void zn_lexicon_close(zn_lexicon *lex)
{
    if (lex == NULL) {
        return;
    }
    zn__user_clear(&lex->user);
    munmap(lex->map, lex->map_len);
    zn__free(lex);
}

#define NO_NODE ZN_LEX_WALK_ROOT

uint32_t zn__lex_root_far(const zn_lexicon *lex, uint32_t cp)
{
    const zn_lex_node *roots = lex->nodes;
    uint32_t lo = ZN_LEX_DENSE_N; // the first characters outside the dense block, sorted
    uint32_t hi = lex->h->n_roots;
    while (lo < hi) { // the first root with a code point >= cp lies in [lo, hi]
        uint32_t mid = lo + (hi - lo) / 2;
        if ((roots[mid].cp & ZN_LEX_CP_MASK) < cp) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < lex->h->n_roots && (roots[lo].cp & ZN_LEX_CP_MASK) == cp ? lo : NO_NODE;
}

static uint32_t child(const zn_lexicon *lex, uint32_t parent, uint32_t cp)
{
    return zn__lex_child(lex, parent, cp);
}

static bool is_word(const zn_lexicon *lex, uint32_t node)
{
    return node != NO_NODE && (lex->nodes[node].cp & ZN_LEX_WORD_BIT);
}

// zn__utf8_next with a fast path for the three-byte sequences of Han characters (lead bytes
// E1-EC: never overlong, never a surrogate); everything else goes to the strict decoder.
static inline uint32_t next_cp(const char *s, size_t len, size_t *pos)
{
    const unsigned char *p = (const unsigned char *)s + *pos;
    if (*pos + 3 <= len && p[0] >= 0xE1 && p[0] <= 0xEC && (p[1] & 0xC0) == 0x80 &&
        (p[2] & 0xC0) == 0x80) {
        *pos += 3;
        return ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    }
    return zn__utf8_next(s, len, pos);
}

// The node for the whole of s[0..len), or NO_NODE.
static uint32_t find_node(const zn_lexicon *lex, const char *s, size_t len)
{
    uint32_t node = NO_NODE;
    size_t pos = 0;
    while (pos < len) {
        uint32_t cp = next_cp(s, len, &pos);
        node = cp == ZN_UTF8_INVALID ? NO_NODE : child(lex, node, cp);
        if (node == NO_NODE) {
            return NO_NODE;
        }
    }
    return node;
}

static void fill_info(const zn_lexicon *lex, uint32_t node, const zn__user_entry *u,
                      zn_word_info *info)
{
    info->freq = 0;
    info->forms = 0;
    memset(info->tag, 0, sizeof info->tag);
    float lnf;
    zn__lex_word_info(lex, node, info, &lnf);
    if (u != NULL && u->is_word) {
        info->forms |= ZN_FORM_USER;
        if (u->freq > info->freq) {
            info->freq = u->freq;
        }
        if (u->tag[0] != '\0') {
            memcpy(info->tag, u->tag, ZN_LEX_TAG_MAX);
        } else if (info->tag[0] == '\0') {
            info->tag[0] = 'n'; // a user word without a tag: a noun
        }
    }
}

bool zn_lexicon_lookup(const zn_lexicon *lex, const char *s, size_t len, zn_word_info *info)
{
    if (len == 0) {
        return false;
    }
    uint32_t n = find_node(lex, s, len);
    const zn__user_entry *u =
        lex->user.n > 0 ? zn__user_find(&lex->user, s, len, zn__lex_hash(s, len)) : NULL;
    bool word = is_word(lex, n) || (u != NULL && u->is_word);
    if (word && info != NULL) {
        fill_info(lex, n, u, info);
    }
    return word;
}

size_t zn_lexicon_prefixes(const zn_lexicon *lex, const char *s, size_t len,
                           zn_lexicon_prefix_fn fn, void *ctx)
{
    uint32_t node = NO_NODE;
    bool in_trie = true;
    bool user = lex->user.n > 0;
    uint32_t h = ZN_LEX_HASH_INIT;
    size_t calls = 0;
    size_t pos = 0;
    while (pos < len) {
        size_t start = pos;
        uint32_t cp = next_cp(s, len, &pos);
        if (cp == ZN_UTF8_INVALID) {
            break;
        }
        node = in_trie ? child(lex, node, cp) : NO_NODE;
        in_trie = node != NO_NODE;
        const zn__user_entry *u = NULL;
        if (user) {
            for (size_t i = start; i < pos; i++) {
                h = zn__lex_hash_step(h, (unsigned char)s[i]);
            }
            u = zn__user_find(&lex->user, s, pos, h);
        }
        if (node == NO_NODE && u == NULL) {
            break; // no listed word starts with s[0..pos)
        }
        if (is_word(lex, node) || (u != NULL && u->is_word)) {
            zn_word_info info;
            fill_info(lex, node, u, &info);
            calls++;
            if (!fn(ctx, pos, &info)) {
                break;
            }
        }
    }
    return calls;
}

uint64_t zn_lexicon_total_freq(const zn_lexicon *lex)
{
    return lex->h->total_freq;
}

size_t zn_lexicon_size(const zn_lexicon *lex)
{
    return (size_t)lex->h->n_words + lex->user.n_new_words;
}
