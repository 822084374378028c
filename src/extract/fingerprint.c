/* SPDX-License-Identifier: MIT
 * SimHash fingerprints of normalised article text, for near-duplicate groups in batch
 * summaries (after the extractor: it reads only the final text). */
#include "zhnews/fingerprint.h"

#include "util/error.h"
#include "util/utf8.h"

// Folds a code point to the character the fingerprint sees: full-width ASCII letters and
// digits to ASCII, ASCII letters to lower case. Returns 0 for characters that never count.
static uint32_t fold_alnum(uint32_t cp)
{
    if (cp >= 0xFF10 && cp <= 0xFF5A) {
        cp -= 0xFF10 - 0x30; // full-width forms sit at a fixed distance from ASCII
    }
    if (cp >= 'A' && cp <= 'Z') {
        return cp + ('a' - 'A');
    }
    if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
        return cp;
    }
    return 0;
}

// splitmix64's finaliser: a cheap, well-mixed 64-bit hash of a character pair.
static uint64_t mix(uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

// The feature character at *pos (0 when the character does not count), advancing *pos.
static uint32_t next_char(const char *s, size_t len, size_t *pos, bool han_only)
{
    uint32_t cp = zn__utf8_next(s, len, pos);
    if (cp == ZN_UTF8_INVALID) {
        return 0;
    }
    if (zn__cp_is_han(cp)) {
        return cp;
    }
    return han_only ? 0 : fold_alnum(cp);
}

uint64_t zn_fingerprint(const char *s, size_t len)
{
    size_t han = 0;
    size_t other = 0;
    for (size_t pos = 0; pos < len;) {
        uint32_t cp = zn__utf8_next(s, len, &pos);
        if (zn__cp_is_han(cp)) {
            han++;
        } else if (cp != ZN_UTF8_INVALID && fold_alnum(cp) != 0) {
            other++;
        }
    }
    bool han_only = han > other;
    int32_t v[64] = {0};
    uint32_t prev = 0;
    size_t features = 0;
    for (size_t pos = 0; pos < len;) {
        uint32_t c = next_char(s, len, &pos, han_only);
        if (c == 0) {
            continue; // skipped characters join their neighbours: inserted symbols vanish
        }
        if (prev != 0) {
            uint64_t h = mix(((uint64_t)prev << 21) | c);
            for (int i = 0; i < 64; i++) {
                v[i] += (h >> i) & 1 ? 1 : -1;
            }
            features++;
        }
        prev = c;
    }
    uint64_t fp = 0;
    for (int i = 0; i < 64 && features > 0; i++) {
        if (v[i] > 0) {
            fp |= 1ull << i;
        }
    }
    return fp;
}

int zn_fingerprint_distance(uint64_t a, uint64_t b)
{
    return __builtin_popcountll(a ^ b);
}

bool zn_fingerprint_is_near(uint64_t a, uint64_t b)
{
    return a != 0 && b != 0 && zn_fingerprint_distance(a, b) <= ZN_FINGERPRINT_NEAR;
}

char *zn_fingerprint_hex(uint64_t fp, char out[17])
{
    static const char digits[] = "0123456789abcdef";
    for (int i = 15; i >= 0; i--) {
        out[i] = digits[fp & 0xF];
        fp >>= 4;
    }
    out[16] = '\0';
    return out;
}

zn_status zn_fingerprint_parse(const char *s, size_t len, uint64_t *fp, zn_error *err)
{
    if (s == NULL || len != 16) {
        return zn__error_set(err, ZN_ERR_INVALID_ARG, "fingerprint: expected 16 hex digits");
    }
    uint64_t v = 0;
    for (size_t i = 0; i < 16; i++) {
        char c = s[i];
        unsigned d;
        if (c >= '0' && c <= '9') {
            d = (unsigned)(c - '0');
        } else if (c >= 'a' && c <= 'f') {
            d = (unsigned)(c - 'a' + 10);
        } else if (c >= 'A' && c <= 'F') {
            d = (unsigned)(c - 'A' + 10);
        } else {
            return zn__error_set(err, ZN_ERR_INVALID_ARG,
                                 "fingerprint: not a hex digit at position %zu", i);
        }
        v = (v << 4) | d;
    }
    *fp = v;
    return ZN_OK;
}
