#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Build-time compiler of the normaliser's variant tables (issue #4): merges our readable tables
# in data/variants/ with evidence derived here from Unihan (Debian unicode-data) and OpenCC's
# character dictionaries (text dumps made by `opencc_dict`), and writes one C file of const
# tables for src/normalize/. Run by mk/normalize.mk; the output goes to $(BUILD), never to git.
#
# usage: variants_build.py --unihan DIR --opencc DUMPDIR --data data/variants -o OUT.c
import argparse
import bz2
import os
import sys

# Pair kinds: keep in step with src/normalize/variants_table.h (lower value = stronger).
KIND_OBF, KIND_STD, KIND_STD_TW, KIND_STD_HK, KIND_S2T, KIND_T2S, KIND_SIB, KIND_UNIHAN = range(8)
FLAG_STRICT = 1
FLAG_BOUND = 2
FLAG_DIRECT = 4
FLAG_WORD_ONLY = 8


def cp_of(field):
    """'U+5F37<kLau' -> 0x5F37."""
    return int(field.split('<')[0][2:], 16)


def read_unihan(path, fields):
    out = {f: {} for f in fields}
    with bz2.open(path, 'rt', encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            cp, field, value = line.rstrip('\n').split('\t', 2)
            if field in out:
                out[field][int(cp[2:], 16)] = value
    return out


def read_opencc(path):
    """key<TAB>v1 v2 ... (one character keys only)."""
    table = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            parts = line.rstrip('\n').split('\t')
            if len(parts) != 2 or len(parts[0]) != 1:
                continue
            vals = [v for v in parts[1].split(' ') if len(v) == 1]
            if vals:
                table[ord(parts[0])] = [ord(v) for v in vals]
    return table


def read_tsv(path, notes=None):
    """Our tables: from, to, legit words, note. Returns [(from, to, [words])]; with a dict
    `notes`, also fills notes[(from, to)] = note."""
    rows = []
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            parts = line.split('\t')
            if len(parts) < 2 or len(parts[0]) != 1 or len(parts[1]) != 1:
                sys.exit(f'{path}:{n}: expected FROM<TAB>TO<TAB>WORDS<TAB>NOTE')
            words = [w for w in (parts[2].split('|') if len(parts) > 2 else []) if w]
            for w in words:
                if parts[0] not in w:
                    sys.exit(f'{path}:{n}: legit word {w} lacks {parts[0]}')
            rows.append((ord(parts[0]), ord(parts[1]), words))
            if notes is not None:
                notes[(ord(parts[0]), ord(parts[1]))] = parts[3] if len(parts) > 3 else ''
    return rows


def read_chars(path):
    """First column of a table of single characters."""
    out = set()
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.strip() and not line.startswith('#'):
                out.add(ord(line.split('\t')[0]))
    return out


def bitmap(cps):
    words = [0] * 1024
    for cp in cps:
        if cp < 0x10000:
            words[cp >> 6] |= 1 << (cp & 63)
    return words


def c_bitmap(name, words):
    lines = [f'const uint64_t {name}[1024] = {{']
    for i in range(0, 1024, 4):
        lines.append('    ' + ', '.join(f'0x{w:016x}u' for w in words[i:i + 4]) + ',')
    lines.append('};')
    return '\n'.join(lines)


def c_string(s):
    return '"' + ''.join(f'\\x{b:02x}' for b in s.encode('utf-8')) + '"'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--unihan', required=True)
    ap.add_argument('--opencc', required=True)
    ap.add_argument('--data', required=True)
    ap.add_argument('-o', '--output', required=True)
    a = ap.parse_args()

    uv = read_unihan(os.path.join(a.unihan, 'Unihan_Variants.txt.bz2'),
                     ['kSemanticVariant', 'kZVariant', 'kSpecializedSemanticVariant'])
    om = read_unihan(os.path.join(a.unihan, 'Unihan_OtherMappings.txt.bz2'),
                     ['kBigFive', 'kHKSCS', 'kGB0', 'kGB1', 'kTGH'])
    oc = {n: read_opencc(os.path.join(a.opencc, n + '.txt'))
          for n in ('STCharacters', 'TSCharacters', 'TWVariants', 'HKVariants', 'JPVariants')}
    st, ts = oc['STCharacters'], oc['TSCharacters']

    trad_set = set(ts) | {v for vs in st.values() for v in vs}
    simp_set = set(st) | {v for vs in ts.values() for v in vs}
    # Simplified-only: OpenCC's s2t always changes it; Traditional-only: t2s always does.
    s_only = {k for k, vs in st.items() if k not in vs}
    t_only = {k for k, vs in ts.items() if k not in vs}
    # Regional standard forms and characters Traditional text writes as they are.
    s_only -= {v for n in ('TWVariants', 'HKVariants') for vs in oc[n].values() for v in vs}
    trad_ok = read_chars(os.path.join(a.data, 'traditional_ok.tsv'))
    s_only -= trad_ok
    trad_common = set(om['kBigFive']) | set(om['kHKSCS'])
    simp_common = set(om['kGB0']) | set(om['kGB1']) | set(om['kTGH'])

    # Forms neither Taiwan nor Hong Kong writes: OpenCC standard forms both regions map away,
    # and Japanese forms that are not Chinese characters at all.
    tw = {k: v for k, v in oc['TWVariants'].items() if k not in v}
    hk = {k: v for k, v in oc['HKVariants'].items() if k not in v}
    jp_only = {}
    for trad, forms in oc['JPVariants'].items():
        for jp in forms:
            if jp != trad and jp not in trad_set and jp not in simp_set \
                    and jp not in trad_common and jp not in simp_common:
                jp_only[jp] = trad
    nonstd = ((set(tw) & set(hk)) | set(jp_only)) - trad_ok

    pairs = {}  # (from, to) -> [kind, flags]
    legit = set()

    def add(f, t, kind, flags=0):
        if f == t:
            return
        if t in nonstd or (kind != KIND_T2S and t in s_only):
            return
        cur = pairs.get((f, t))
        if cur is None:
            pairs[(f, t)] = [kind, flags]
        else:
            cur[0] = min(cur[0], kind)
            cur[1] |= flags

    for f, t, words in read_tsv(os.path.join(a.data, 'obfuscation.tsv')):
        add(f, t, KIND_OBF)
        legit.update(words)
    for f, t, words in read_tsv(os.path.join(a.data, 'standard.tsv')):
        add(f, t, KIND_STD)
        legit.update(words)
    for k in (set(tw) & set(hk)) - trad_ok:
        add(k, tw[k][0], KIND_STD)
    for jp, trad in jp_only.items():
        add(jp, trad, KIND_STD)
    for k, v in tw.items():
        if k not in hk and k not in trad_ok:
            add(k, v[0], KIND_STD_TW)
    for k, v in hk.items():
        if k not in tw and k not in trad_ok:
            add(k, v[0], KIND_STD_HK)
    for s in s_only:
        for t in st.get(s, []):
            add(s, t, KIND_S2T)
    for t in t_only:
        for s in ts.get(t, []):
            # To a Simplified-only form: a script change. To a character that is also
            # Traditional (係 → 系): two Traditional characters a converter confuses.
            add(t, s, KIND_T2S if s in s_only else KIND_SIB)
    # One Simplified character, several Traditional ones: a converter may pick the wrong one.
    for s, ts_list in st.items():
        # With the regional forms of each (面 → 麪 in OpenCC, 麵 in Taiwan and Hong Kong).
        ts_list = list(ts_list)
        for v in list(ts_list):
            for reg in (tw, hk):
                ts_list.extend(r for r in reg.get(v, []) if r not in ts_list)
        for x in ts_list:
            for y in ts_list:
                if x != y and x not in s_only and y not in s_only:
                    # Direct: back to the character that is the Simplified form itself
                    # (製度 → 制度, 係統 → 系統), undoing the classic wrong pick. The other way
                    # (回歸 → 迴歸) and between two complex forms (盡/儘, 匯/彙) both forms
                    # are in use; only our tables (strict.tsv, bound.tsv) allow those.
                    direct = y == s
                    add(x, y, KIND_SIB, FLAG_DIRECT if direct else 0)
    for f, t, words in read_tsv(os.path.join(a.data, 'strict.tsv')):
        add(f, t, KIND_SIB, FLAG_STRICT)
        legit.update(words)
    notes = {}
    for f, t, words in read_tsv(os.path.join(a.data, 'bound.tsv'), notes):
        word_only = notes[(f, t)].startswith('(word)')
        add(f, t, KIND_SIB, FLAG_BOUND | (FLAG_WORD_ONLY if word_only else 0))
        legit.update(words)
    for path in ('legit.tsv',):
        with open(os.path.join(a.data, path), encoding='utf-8') as f:
            for n, line in enumerate(f, 1):
                parts = line.rstrip('\n').split('\t')
                if not line.strip() or line.startswith('#'):
                    continue
                for w in (parts[2].split('|') if len(parts) > 2 else []):
                    if parts[0] not in w:
                        sys.exit(f'{path}:{n}: legit word {w} lacks {parts[0]}')
                    legit.add(w)
    # Two forms Unihan calls semantic variants (杯/盃, 它/牠) are both correct: a converter
    # pair between them is not evidence of a wrong pick.
    semantic = set()
    for field in ('kSemanticVariant',):
        for f, value in uv[field].items():
            for item in value.split(' '):
                semantic.add((f, cp_of(item)))
    for key, val in pairs.items():
        if val[0] == KIND_SIB and val[1] == FLAG_DIRECT and \
                (key in semantic or (key[1], key[0]) in semantic):
            val[1] = 0
    for field in ('kSemanticVariant', 'kZVariant', 'kSpecializedSemanticVariant'):
        for f, value in uv[field].items():
            for item in value.split(' '):
                t = cp_of(item)
                if t in trad_common and t not in nonstd:
                    add(f, t, KIND_UNIHAN)

    # Drop candidates the run-time rules can never use (keeps the per-character test cheap):
    # converter pairs with no flag, Unihan pairs from a common Big5/HKSCS character.
    for key, (kind, flags) in list(pairs.items()):
        if (kind == KIND_SIB and flags == 0) or \
                (kind == KIND_UNIHAN and key[0] in trad_common):
            del pairs[key]
    order = sorted(pairs.items(), key=lambda kv: (kv[0][0], kv[1][0], kv[0][1]))
    out = ['/* Generated by tools/variants_build.py from data/variants/, Unihan and OpenCC. */',
           '#include "normalize/variants_table.h"', '',
           'const zn__var_pair zn__var_pairs[] = {']
    for (f, t), (kind, flags) in order:
        out.append(f'    {{0x{f:05X}, 0x{t:05X}, {kind}, {flags}}},')
    out.append('};')
    out.append(f'const size_t zn__var_n_pairs = {len(order)};')
    out.append(c_bitmap('zn__var_has_pairs', bitmap(f for f, _ in pairs)))
    out.append(c_bitmap('zn__var_s_only', bitmap(s_only)))
    out.append(c_bitmap('zn__var_t_only', bitmap(t_only)))
    out.append(c_bitmap('zn__var_trad_common', bitmap(trad_common)))
    words = sorted(legit, key=lambda w: w.encode('utf-8'))
    out.append(c_bitmap('zn__var_has_legit', bitmap(ord(c) for w in words for c in w)))
    out.append('const char *const zn__var_legit[] = {')
    out.extend(f'    {c_string(w)},' for w in words)
    out.append('};')
    out.append(f'const size_t zn__var_n_legit = {len(words)};')
    tmp = a.output + '.tmp'
    with open(tmp, 'w', encoding='utf-8') as f:
        f.write('\n'.join(out) + '\n')
    os.replace(tmp, a.output)
    print(f'variants: {len(order)} pairs, {len(words)} legit words, '
          f'{len(s_only)} Simplified-only, {len(t_only)} Traditional-only', file=sys.stderr)


if __name__ == '__main__':
    main()
