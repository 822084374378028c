/* SPDX-License-Identifier: MIT
 * Word classes from tags: the tagger's (LAC: PER, LOC, ORG, TIME and POS tags) and the
 * tokenizer's (the lexicon's jieba tags: nr, ns, nt, ...), read once per word; and the
 * class of a lone character. */
#include <string.h>

#include "extract/entity_priv.h"
#include "util/utf8.h"

static bool is(const char *t, const char *name)
{
    while (*t != '\0' && *t == *name) { // tags are two or three letters: no library call
        t++;
        name++;
    }
    return *t == *name;
}

// The word class of a tagger or tokenizer tag (LAC's and jieba's tag sets).
ent_pos zn__ent_pos_of_tag(const char *t)
{
    switch (t[0]) {
    case '\0': return POS_UNK;
    case 'P': return is(t, "PER") ? POS_PER : POS_FUNC;
    case 'L': return is(t, "LOC") ? POS_LOC : POS_FUNC;
    case 'O': return is(t, "ORG") ? POS_ORG : POS_FUNC;
    case 'T': return is(t, "TIME") ? POS_TIME : POS_FUNC;
    case 'n':
        if (t[1] == 'r') {
            return POS_NR; // nr, nrt, nrfg
        }
        if (is(t, "ns")) {
            return POS_NS;
        }
        if (is(t, "nt")) {
            return POS_NT;
        }
        return is(t, "nz") || is(t, "nw") ? POS_NZ : POS_N;
    case 'j': return POS_NZ;
    case 'v': return is(t, "vn") ? POS_VN : POS_V;
    case 'a': return t[1] == 'n' ? POS_N : (t[1] == 'd' ? POS_FUNC : POS_A);
    case 'b': return POS_A;
    case 's': return POS_N;
    case 'm': return POS_M;
    case 'q': return POS_Q;
    case 'r': return POS_R;
    case 't': return POS_TIME;
    case 'w': case 'x': return POS_PUNCT;
    case 'e': return is(t, "eng") ? POS_ENG : POS_FUNC;
    case 'u': return is(t, "url") ? POS_ENG : POS_FUNC;
    default: return POS_FUNC;
    }
}

// A tokenizer tag (its eight bytes, NUL-terminated when shorter) as a number: the letters
// from the low byte up, zeros from the NUL on.
static uint64_t tag_key(const char t[8])
{
    uint64_t x;
    memcpy(&x, t, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    x = __builtin_bswap64(x);
#endif
    const uint64_t ones = 0x0101010101010101u;
    uint64_t zero = (x - ones) & ~x & (ones << 7); // the lowest set bit marks the first NUL
    return x & (((zero & -zero) >> 7) - 1);        // no NUL: zero is 0, the mask all ones
}

#define TAG_KEY(a, b, c, d) ((uint64_t)(a) | (uint64_t)(b) << 8 | (uint64_t)(c) << 16 | \
                             (uint64_t)(d) << 24)
// The tags whose class needs the whole tag, each in its own slot of a table of 32: the
// multiplier is the first odd number up from the golden ratio's that spreads these over
// distinct slots (a clash fails the build: -Woverride-init, part of -Wextra).
#define TAG_SLOT(key) ((uint32_t)(key) * 0x9E377F43u >> 27)
#define TAG_EXACT(a, b, c, d, pos) [TAG_SLOT(TAG_KEY(a, b, c, d))] = {TAG_KEY(a, b, c, d), pos}

typedef struct tag_exact {
    uint64_t key;
    uint8_t pos;
} tag_exact;

const uint8_t zn__ent_tag_first[256] = {
    [0] = POS_UNK + 1,    ['j'] = POS_NZ + 1,   ['n'] = POS_N + 1,    ['v'] = POS_V + 1,
    ['a'] = POS_A + 1,    ['b'] = POS_A + 1,    ['s'] = POS_N + 1,    ['m'] = POS_M + 1,
    ['q'] = POS_Q + 1,    ['r'] = POS_R + 1,    ['t'] = POS_TIME + 1, ['w'] = POS_PUNCT + 1,
    ['x'] = POS_PUNCT + 1,
};

// As zn__ent_pos_of_tag, without branches on the letters: tags vary from word to word, and
// a mispredicted jump costs more than these few table reads. The class goes by the first
// letter, unless the first two (nr..., an..., ad...) or the whole tag (PER, ns, eng ...)
// say otherwise.
ent_pos zn__ent_pos_of_token_tag(const char t[8])
{
    static const tag_exact exact[32] = {
        TAG_EXACT('P', 'E', 'R', 0, POS_PER), TAG_EXACT('L', 'O', 'C', 0, POS_LOC),
        TAG_EXACT('O', 'R', 'G', 0, POS_ORG), TAG_EXACT('T', 'I', 'M', 'E', POS_TIME),
        TAG_EXACT('n', 's', 0, 0, POS_NS),    TAG_EXACT('n', 't', 0, 0, POS_NT),
        TAG_EXACT('n', 'z', 0, 0, POS_NZ),    TAG_EXACT('n', 'w', 0, 0, POS_NZ),
        TAG_EXACT('v', 'n', 0, 0, POS_VN),    TAG_EXACT('e', 'n', 'g', 0, POS_ENG),
        TAG_EXACT('u', 'r', 'l', 0, POS_ENG),
    };
    uint64_t key = tag_key(t);
    unsigned pos = zn__ent_tag_first_pos((char)(key & 0xFFu));
    unsigned two = (unsigned)(key & 0xFFFFu);
    pos = two == TAG_KEY('n', 'r', 0, 0) ? POS_NR : pos; // nr, nrt, nrfg
    pos = two == TAG_KEY('a', 'n', 0, 0) ? POS_N : pos;
    pos = two == TAG_KEY('a', 'd', 0, 0) ? POS_FUNC : pos;
    const tag_exact *x = &exact[TAG_SLOT(key)];
    // an empty slot holds the key 0: the empty tag's, whose class (POS_UNK) it keeps
    pos = x->key == key ? x->pos : pos;
    return (ent_pos)pos;
}

// The class of an ASCII character: letters, digits, the white space of zn__cp_is_space
// (tab, line feed, vertical tab, form feed, carriage return, space), else punctuation.
#define P POS_PUNCT
#define S POS_SPACE
#define M POS_M
#define E POS_ENG
const uint8_t zn__ent_ascii_class[128] = {
    P, P, P, P, P, P, P, P, P, S, S, S, S, S, P, P, // 0x00: \t \n \v \f \r
    P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, // 0x10
    S, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, // 0x20: space
    M, M, M, M, M, M, M, M, M, M, P, P, P, P, P, P, // 0x30: 0-9
    P, E, E, E, E, E, E, E, E, E, E, E, E, E, E, E, // 0x40: A-O
    E, E, E, E, E, E, E, E, E, E, E, P, P, P, P, P, // 0x50: P-Z
    P, E, E, E, E, E, E, E, E, E, E, E, E, E, E, E, // 0x60: a-o
    E, E, E, E, E, E, E, E, E, E, E, P, P, P, P, P, // 0x70: p-z
};
#undef P
#undef S
#undef M
#undef E

// The class of one character above ASCII (no letter or digit for the extractor: folding
// made ASCII of the full-width ones): where no analysis covers the text, and for a word of
// one character that is no text.
ent_pos zn__ent_char_class_above_ascii(uint32_t cp)
{
    if (zn__ent_is_han(cp)) {
        return POS_UNK;
    }
    return zn__cp_is_space(cp) ? POS_SPACE : POS_PUNCT;
}
