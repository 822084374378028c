/* SPDX-License-Identifier: MIT
 * The best path over the word graph of a run without spaces: edges are the lexicon's words
 * (unigram log-probabilities), rule atoms and number words; single characters fill the gaps.
 * Dynamic programming from the right end, so the graph is never stored. */
#include <math.h>
#include <string.h>

#include "lexicon/lex_walk.h"
#include "tokenize/tok_internal.h"

// Added to every word's log-probability: fewer, rarer long words lose a little against two
// common words (the segmentation standards of news prefer the finer cut).
#define WORD_BONUS 1.0
// Weight of anything the lexicon does not know (jieba's log(1 / total)).
#define UNKNOWN_FREQ 1.0
// Numeral-classifier words this frequent have become words of their own (一个, 这个).
#define LEXICALIZED_FREQ 50000u
// jieba lists many phrases with its floor frequency 3 (伙伴关系, 高度重视): an entry of three
// or more characters that rare gives way to a split into words the lexicon knows well.
#define FLOOR_FREQ 3u
#define FLOOR_PENALTY 4.0
// User words beat any split of their characters.
#define USER_BONUS 30.0

typedef struct edge_ctx {
    zn_tokenizer *tok;
    size_t i;
    size_t j;  // cursor: char index of the end of the last edge
    size_t to;
    size_t base_off;
    const char *text;
    bool quantified; // the first character is a numeral or a quantifier
} edge_ctx;

static bool is_numeral_classifier(const tok_char *chars, size_t i, size_t j)
{
    if (j - i < 2 || !(chars[j - 1].flags & TOK_CF_CLASSIFIER)) {
        return false;
    }
    for (size_t k = i; k + 1 < j; k++) {
        if (!(chars[k].flags & (TOK_CF_NUMERAL | TOK_CF_QUANT))) {
            return false;
        }
    }
    return true;
}

// log(freq): from the float table below TOK_LOG_TABLE (filled as frequencies come), else log()
// through a small cache of the frequent words' frequencies (the same value as calling log).
static double log_freq(zn_tokenizer *tok, uint32_t freq)
{
    if (freq < TOK_LOG_TABLE) {
        float v = tok->logf[freq];
        if (v < 0.0f) {
            v = (float)log((double)freq);
            tok->logf[freq] = v;
        }
        return (double)v;
    }
    tok_log_slot *slot = &tok->log_cache[(freq * 2654435761u) >> (32 - TOK_LOG_CACHE_BITS)];
    if (slot->freq != freq) {
        slot->freq = freq;
        slot->value = log((double)freq);
    }
    return slot->value;
}

// tag: 8 bytes, NUL-padded.
static void consider(zn_tokenizer *tok, size_t i, size_t j, double w, uint8_t kind,
                     const char tag[8], uint32_t freq)
{
    double score = w + WORD_BONUS + tok->best[j].score;
    tok_best *b = &tok->best[i];
    if (b->next == 0 || score > b->score) {
        b->score = score;
        b->next = (uint32_t)j;
        b->kind = kind;
        b->freq = freq;
        memcpy(b->tag, tag, sizeof b->tag);
        b->tag[sizeof b->tag - 1] = '\0';
    }
}

// A word and the suffix after it (露宿 + 者) as one word, a little more likely than the two
// apart; a word that begins with the suffix character (化学) still wins on its frequency.
static void suffix_edge(zn_tokenizer *tok, const char *text, size_t i, size_t j, double w,
                        const char *tag)
{
    const tok_char *suf = &tok->chars[j];
    zn_word_info sinfo;
    double ws = tok->log_total;
    size_t slen = tok->chars[j + 1].off - suf->off;
    if (zn_lexicon_lookup(tok->lex, text + suf->off, slen, &sinfo)) {
        ws = log((double)sinfo.freq);
    }
    ws -= tok->log_total;
    consider(tok, i, j + 1, w + ws + WORD_BONUS + 0.5, TOK_KIND_LEX, tag, 0);
}

// The edges of the word chars[e->i..e->j) of the lexicon: its frequency, ZN_FORM_* bits and tag
// (8 bytes); lf: log(freq) as log_freq gives it.
static inline __attribute__((always_inline)) void word_edges(edge_ctx *e, uint32_t freq,
                                                             uint32_t forms, const char *tag,
                                                             double lf)
{
    const tok_char *chars = e->tok->chars;
    const tok_best *best = e->tok->best;
    uint8_t after = best[e->j].sf; // TOK_SF_* of the char after the word (0 at the end)
    if (after & TOK_SF_INSIDE) {
        return; // ends inside an atom: not a word here
    }
    if (e->quantified && freq < LEXICALIZED_FREQ && !(forms & ZN_FORM_USER) &&
        is_numeral_classifier(chars, e->i, e->j)) {
        return; // 一次, 第一个, 三位: numeral and classifier are two words
    }
    double w =
        (e->j - e->i >= 3 && freq <= FLOOR_FREQ ? -FLOOR_PENALTY : 0.0) + lf - e->tok->log_total;
    if (forms & ZN_FORM_USER) {
        w += USER_BONUS;
    }
    if (e->j - e->i >= 3 && (best[e->j - 1].sf & TOK_SF_PLURAL) && !(forms & ZN_FORM_USER)) {
        return; // 官兵们: the noun and 们 are two words
    }
    consider(e->tok, e->i, e->j, w, TOK_KIND_LEX, tag, freq);
    if (e->j - e->i >= 2 && (after & TOK_SF_SUFFIX)) {
        suffix_edge(e->tok, e->text, e->i, e->j, w, tag);
    }
}

// zn_lexicon_prefixes' callback (a lexicon with user words): the byte length to a char index.
static bool on_word(void *ctx, size_t len, const zn_word_info *info)
{
    edge_ctx *e = ctx;
    const tok_char *chars = e->tok->chars;
    size_t end_off = e->base_off + len;
    while (e->j < e->to && chars[e->j].off < end_off) {
        e->j++;
    }
    if (chars[e->j].off == end_off) {
        word_edges(e, info->freq, info->forms, info->tag, log_freq(e->tok, info->freq));
    }
    return true;
}

// The lexicon's words from chars[e->i], walking the trie over the decoded code points.
static void walk_words(zn_tokenizer *tok, const char *s, size_t i, size_t to, bool quantified,
                       const zn__lex_cursor *lc_in)
{
    // Locals, arguments in registers: the stores of the scores (bytes among them) could alias
    // what pointers reach, and would force every field to be loaded again.
    edge_ctx local = {tok, i, i, to, 0, s, quantified};
    edge_ctx *e = &local;
    const zn__lex_cursor lcc = *lc_in;
    const zn__lex_cursor *lc = &lcc;
    const tok_char *chars = e->tok->chars;
    uint32_t node = ZN_LEX_WALK_ROOT;
    for (size_t k = e->i; k < e->to; k++) {
        bool word;
        zn__lex_hit hit;
        node = zn__lex_walk_in(lc, node, chars[k].cp, &hit, &word);
        if (node == ZN_LEX_WALK_ROOT) {
            return;
        }
        if (word) { // the lexicon's float log is the table's value below TOK_LOG_TABLE
            e->j = k + 1;
            word_edges(e, hit.freq, hit.forms, hit.tag,
                       hit.freq < TOK_LOG_TABLE ? (double)hit.lnf : log_freq(e->tok, hit.freq));
        }
    }
}

// The walks go right to left, each waiting for its lookups' cache misses in turn: the second
// step of the walk PREFETCH_AHEAD positions to the left is asked for now.
#define PREFETCH_AHEAD 6

void zn__tok_best_path(zn_tokenizer *tok, const char *s, size_t from, size_t to)
{
    tok_char *chars = tok->chars;
    double unknown = log(UNKNOWN_FREQ) - tok->log_total;
    bool walkable = tok->lex != NULL && zn__lex_walkable(tok->lex);
    tok->best[to].score = 0.0;
    tok->best[to].sf = 0;
    zn__lex_cursor lc;
    if (walkable) {
        lc = zn__lex_cursor_of(tok->lex);
    }
    for (size_t i = to; i-- > from;) {
        if (walkable && i >= from + PREFETCH_AHEAD) {
            zn__lex_prefetch_pair(&lc, chars[i - PREFETCH_AHEAD].cp,
                                  chars[i - PREFETCH_AHEAD + 1].cp);
        }
        tok_best *b = &tok->best[i];
        b->next = 0;
        uint32_t cp = chars[i].cp;
        uint8_t sf = chars[i].inside ? TOK_SF_INSIDE : 0;
        if (cp < 65536 && (tok->sword[cp >> 6] >> (cp & 63) & 1)) {
            sf |= tok->sflags[cp]; // a suffix or 们: rare
        }
        b->sf = sf;
        if (chars[i].inside) {
            continue;
        }
        if (chars[i].atom) {
            consider(tok, i, chars[i].atom_end, unknown, TOK_KIND_RULE, tok->atag[i], 0);
        } else {
            consider(tok, i, i + 1, unknown, TOK_KIND_SINGLE, "x\0\0\0\0\0\0", 0);
        }
        const char *tag;
        size_t n = (chars[i].atom && chars[i].cls == TOK_DIGIT) ||
                           (chars[i].flags & TOK_CF_NUMERAL)
                       ? zn__tok_number_at(chars, i, to, &tag)
                       : 0; // only a number of digits or numerals can be a number word
        if (n > 0) { // a number word beats the number and its unit apart
            char tag8[8] = {0};
            memcpy(tag8, tag, strnlen(tag, 7));
            consider(tok, i, i + n, unknown + 0.5, TOK_KIND_RULE, tag8, 0);
        }
        if (tok->lex != NULL && chars[i].cls != TOK_SPACE) {
            bool quantified = (chars[i].flags & (TOK_CF_NUMERAL | TOK_CF_QUANT)) != 0;
            if (walkable) {
                walk_words(tok, s, i, to, quantified, &lc);
            } else {
                edge_ctx e = {tok, i, i, to, chars[i].off, s, quantified};
                zn_lexicon_prefixes(tok->lex, s + chars[i].off, chars[to].off - chars[i].off,
                                    on_word, &e);
            }
        }
    }
}
