/* SPDX-License-Identifier: MIT
 * The repair decision for one character: candidates come from the compiled variant tables,
 * the choice from context — a replacement is made when it forms a word of the text's script
 * (lexicon) and the original character does not, or by the table's class when no word
 * decides. A character inside a legit word (白朮, 拮据) or a real word stays. */
#include <string.h>

#include "normalize/context.h"
#include "normalize/norm_internal.h"
#include "normalize/variants_table.h"
#include "util/utf8.h"

/* Least lexicon frequency of a word that justifies replacing a character which is itself a
 * valid character (converter and Unihan pairs): rare entries of the lexicon are often forms
 * that OpenCC produced without a phrase rule (制粒機 for 製粒機), not evidence. */
#define MIN_SWAP_FREQ 30
/* How much commoner a replacement word must be than a rare word (freq < MIN_SWAP_FREQ) that
 * covers the original. */
#define RARE_RATIO 100u

static uint32_t script_mask(const zn_normalizer *n, zn_norm_script script)
{
    if (script == ZN_NORM_SIMPLIFIED) {
        return ZN_FORM_SIMPLIFIED | ZN_FORM_USER;
    }
    if (script == ZN_NORM_UNKNOWN) {
        return ~0u;
    }
    uint32_t m = ZN_FORM_TRADITIONAL | ZN_FORM_USER;
    if (n->opts.region != ZN_REGION_HK) {
        m |= ZN_FORM_TAIWAN;
    }
    if (n->opts.region != ZN_REGION_TW) {
        m |= ZN_FORM_HONGKONG;
    }
    return m;
}

// Is the pair a candidate in this script with these options?
static bool applicable(const zn_normalizer *n, zn_norm_script script, const zn__var_pair *p)
{
    const zn_normalize_options *o = &n->opts;
    bool t_target = zn__var_bit(zn__var_t_only, p->to);
    switch (p->kind) {
    case ZN__VAR_S2T:
        return o->mixed_script && script == ZN_NORM_TRADITIONAL;
    case ZN__VAR_T2S:
        return o->mixed_script && script == ZN_NORM_SIMPLIFIED;
    case ZN__VAR_STD_TW:
        return o->repair && script != ZN_NORM_SIMPLIFIED && o->region == ZN_REGION_TW;
    case ZN__VAR_STD_HK:
        return o->repair && script != ZN_NORM_SIMPLIFIED && o->region == ZN_REGION_HK;
    case ZN__VAR_SIB:
        if (script == ZN_NORM_SIMPLIFIED) {
            // Only to turn a Traditional-only character into its Simplified form.
            return o->mixed_script && zn__var_bit(zn__var_t_only, p->from) && !t_target;
        }
        return o->repair || (o->mixed_script && (p->flags & ZN__VAR_FLAG_STRICT));
    default:
        return o->repair && !(script == ZN_NORM_SIMPLIFIED && t_target);
    }
}

// May a word of frequency `freq` that the replacement forms justify it? Converter pairs
// need a direct Simplified relation or our tables; Unihan variants only replace characters
// outside the Big5/HKSCS repertoire (common characters such as 他/牠, 村/邨 are both in use).
static bool swap_allowed(const zn__var_pair *p, uint32_t freq)
{
    if (p->kind == ZN__VAR_SIB) {
        uint8_t need = ZN__VAR_FLAG_DIRECT | ZN__VAR_FLAG_STRICT | ZN__VAR_FLAG_BOUND;
        return freq >= MIN_SWAP_FREQ && (p->flags & need) != 0;
    }
    if (p->kind == ZN__VAR_UNIHAN) {
        return freq >= MIN_SWAP_FREQ && !zn__var_bit(zn__var_trad_common, p->from);
    }
    return freq > 0;
}

static bool is_std(uint8_t kind)
{
    return kind == ZN__VAR_STD || kind == ZN__VAR_STD_TW || kind == ZN__VAR_STD_HK;
}

static const char *rule_of(const zn__var_pair *p, bool weak)
{
    switch (p->kind) {
    case ZN__VAR_OBF: return "variant.obfuscation";
    case ZN__VAR_STD:
    case ZN__VAR_STD_TW:
    case ZN__VAR_STD_HK: return "variant.standard";
    case ZN__VAR_S2T: return "script.s2t";
    case ZN__VAR_T2S: return "script.t2s";
    case ZN__VAR_SIB:
        // 制造/制藥 → 製造/製藥: a Simplified leftover, not a converter's wrong pick.
        if (weak || ((p->flags & ZN__VAR_FLAG_STRICT) && !(p->flags & ZN__VAR_FLAG_DIRECT))) {
            return "script.s2t-word";
        }
        return "variant.converter";
    default: return "variant.unihan";
    }
}

static const zn__var_pair *pairs_of(uint32_t cp, size_t *count)
{
    size_t lo = 0;
    size_t hi = zn__var_n_pairs;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (zn__var_pairs[mid].from < cp) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    size_t end = lo;
    while (end < zn__var_n_pairs && zn__var_pairs[end].from == cp) {
        end++;
    }
    *count = end - lo;
    return zn__var_pairs + lo;
}

// Frequency of cp as a one-character word valid under mask; 0 when not valid or absent.
static uint32_t char_valid(const zn_lexicon *lex, uint32_t cp, uint32_t mask, bool *listed)
{
    char enc[4];
    size_t n = zn__utf8_encode(cp, enc);
    zn_word_info info;
    *listed = zn_lexicon_lookup(lex, enc, n, &info);
    return *listed && (info.forms & mask) != 0 ? info.freq : 0;
}

// No word decides: may the character still be replaced by the class of the pair?
static bool fallback_ok(const zn_normalizer *n, zn_norm_script script, const zn__var_pair *p,
                        uint32_t mask)
{
    bool is_script = p->kind == ZN__VAR_S2T || p->kind == ZN__VAR_T2S ||
                     (p->kind == ZN__VAR_SIB && script == ZN_NORM_SIMPLIFIED);
    if (p->kind <= ZN__VAR_STD_HK || is_script) {
        return true;
    }
    if (n->lex == NULL) {
        return false;
    }
    if (p->kind == ZN__VAR_SIB && (p->flags & ZN__VAR_FLAG_BOUND)) {
        return script != ZN_NORM_SIMPLIFIED && !(p->flags & ZN__VAR_FLAG_WORD_ONLY);
    }
    bool listed_from;
    bool listed_to;
    uint32_t f_from = char_valid(n->lex, p->from, mask, &listed_from);
    uint32_t f_to = char_valid(n->lex, p->to, mask, &listed_to);
    if (f_from > 0 || f_to == 0) {
        return false;
    }
    if (p->kind == ZN__VAR_SIB) {
        // 瞭 outside 瞭解 and its kin: a bound character no word covers.
        return (p->flags & ZN__VAR_FLAG_BOUND) && script != ZN_NORM_SIMPLIFIED;
    }
    // A rare variant outside the Big5/HKSCS repertoire, unknown to the lexicon.
    return !listed_from && script != ZN_NORM_SIMPLIFIED &&
           !zn__var_bit(zn__var_trad_common, p->from);
}

// The candidate whose replacement forms the commonest word of the text's script, among
// those the original's own support allows; NULL when none does.
static const zn__var_pair *best_by_words(const zn_normalizer *n, zn_norm_script script,
                                         const zn__var_pair *pairs, size_t count, window *w,
                                         uint32_t mask, support orig)
{
    const zn__var_pair *best = NULL;
    uint32_t best_freq = 0;
    for (size_t k = 0; k < count; k++) {
        const zn__var_pair *p = &pairs[k];
        if (!applicable(n, script, p)) {
            continue;
        }
        bool may_override = p->kind <= ZN__VAR_T2S || (p->flags & ZN__VAR_FLAG_STRICT);
        if ((orig.weak && !may_override) || (orig.strong >= MIN_SWAP_FREQ && !is_std(p->kind))) {
            continue;
        }
        zn__window_swap(w, p->to);
        support rep = zn__word_support(n->lex, w, mask, false);
        if (!swap_allowed(p, rep.strong)) {
            continue;
        }
        // A rare word of the lexicon (壹套, freq 3) yields only to a far commoner one.
        if (orig.strong > 0 && !is_std(p->kind) && rep.strong < RARE_RATIO * orig.strong) {
            continue;
        }
        if (rep.strong > best_freq) {
            best = p;
            best_freq = rep.strong;
        }
    }
    return best;
}

static bool any_applicable(const zn_normalizer *n, zn_norm_script script,
                           const zn__var_pair *pairs, size_t count)
{
    for (size_t k = 0; k < count; k++) {
        if (applicable(n, script, &pairs[k])) {
            return true;
        }
    }
    return false;
}

uint32_t zn__repair_char(const zn_normalizer *n, zn_norm_script script, const char *left,
                         size_t left_len, const char *s, size_t len, size_t pos, size_t clen,
                         uint32_t cp, const char **rule)
{
    if (!zn__var_bit(zn__var_has_pairs, cp)) {
        return 0;
    }
    size_t count;
    const zn__var_pair *pairs = pairs_of(cp, &count);
    if (!any_applicable(n, script, pairs, count)) {
        return 0;
    }
    window w;
    zn__window_build(&w, left, left_len, s, len, pos + clen, cp);
    if (zn__var_bit(zn__var_has_legit, cp) && zn__legit_covers(&w)) {
        return 0;
    }
    uint32_t mask = script_mask(n, script);
    support orig = {0, false};
    if (n->lex != NULL) {
        orig = zn__word_support(n->lex, &w, mask, true);
        if (orig.strong > 0 && orig.strong < MIN_SWAP_FREQ) {
            orig = zn__word_support(n->lex, &w, mask, false); // the best word, not the first
        }
        // The lexicon's Traditional forms are OpenCC's (認爲): they do not protect a form
        // that neither Taiwan nor Hong Kong writes.
        if (orig.strong >= MIN_SWAP_FREQ && !is_std(pairs[0].kind)) {
            return 0;
        }
        const zn__var_pair *best = best_by_words(n, script, pairs, count, &w, mask, orig);
        if (best != NULL) {
            *rule = rule_of(best, orig.weak);
            return best->to;
        }
        if (orig.weak) {
            return 0;
        }
    }
    for (size_t k = 0; k < count; k++) {
        const zn__var_pair *p = &pairs[k];
        if (orig.strong > 0 && !is_std(p->kind)) {
            continue; // a word covers it, even a rare one: no blind replacement
        }
        if (applicable(n, script, p) && fallback_ok(n, script, p, mask)) {
            *rule = rule_of(p, false);
            return p->to;
        }
    }
    return 0;
}
