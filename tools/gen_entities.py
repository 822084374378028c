#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Compiles the entity word lists of data/entities/ into one C table for the extractor.

usage: gen_entities.py DATA_DIR OUT.c [--opencc OPENCC_PROGRAM]

Every word of every list becomes one row of a table sorted by its UTF-8 bytes, with a bit
per list it appears in (a word may be a suffix, a head noun and a generic word at once).
The Traditional-to-Simplified character map used to fold text comes from OpenCC's t2s
configuration, run once over the CJK blocks at build time.
"""
import subprocess
import sys

TYPES = ['company', 'university', 'lab', 'organization', 'media', 'person', 'place']
STRENGTH = ['strong', 'weak', 'place']
FLAGS = {'suffix': 1, 'head': 2, 'generic': 4, 'title': 8, 'cue': 16, 'surname': 32,
         'abbrev': 64, 'region': 128, 'nonname': 256, 'name': 512, 'pair': 1024, 'translit': 2048,
         'verb': 4096, 'local': 8192}


def rows(path):
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            line = line.split('#', 1)[0].strip()
            if line:
                yield n, line.split()


def fail(path, n, what):
    sys.exit(f"{path}:{n}: {what}")


def load(data):
    words = {}

    def add(w, flag, **kw):
        w = w.lower()
        e = words.setdefault(w, {'flags': 0, 'stype': 0, 'strength': 0, 'htype': 0, 'ntype': 0})
        e['flags'] |= FLAGS[flag]
        e.update(kw)

    p = f'{data}/suffixes.txt'
    for n, f in rows(p):
        if len(f) != 3 or f[1] not in TYPES or f[2] not in STRENGTH:
            fail(p, n, 'expected SUFFIX TYPE strong|weak|place')
        add(f[0], 'suffix', stype=TYPES.index(f[1]), strength=STRENGTH.index(f[2]))
    p = f'{data}/heads.txt'
    for n, f in rows(p):
        if len(f) != 2 or f[1] not in TYPES:
            fail(p, n, 'expected HEAD TYPE')
        add(f[0], 'head', htype=TYPES.index(f[1]))
    p = f'{data}/orgs.txt'
    for n, f in rows(p):
        if len(f) != 2 or f[1] not in TYPES:
            fail(p, n, 'expected NAME TYPE')
        add(f[0], 'name', ntype=TYPES.index(f[1]))
    for name, flag in (('generic', 'generic'), ('titles', 'title'), ('cues', 'cue'),
                       ('surnames', 'surname'), ('nonname', 'nonname'),
                       ('translit', 'translit'), ('verbs', 'verb')):
        for n, f in rows(f'{data}/{name}.txt'):
            for w in f:
                add(w, flag)
    p = f'{data}/places.txt'
    for n, f in rows(p):
        if f[0] not in ('abbrev', 'region', 'pair', 'local'):
            fail(p, n, 'expected abbrev, region, pair or local')
        for w in f[1:]:
            add(w, f[0])
    return words


def t2s_map(opencc):
    cps = list(range(0x3400, 0xA000)) + list(range(0xF900, 0xFB00))
    text = ''.join(chr(c) + '\n' for c in cps)
    try:
        out = subprocess.run([opencc, '-c', 't2s'], input=text.encode(), check=True,
                             capture_output=True).stdout.decode().split('\n')
    except (OSError, subprocess.CalledProcessError) as e:
        sys.exit(f"gen_entities: cannot run {opencc} -c t2s: {e}")
    pairs = []
    for c, o in zip(cps, out):
        if len(o) == 1 and ord(o) != c:
            pairs.append((c, ord(o)))
    if len(pairs) < 1000:
        sys.exit("gen_entities: OpenCC t2s gave too few character pairs")
    return pairs


def c_string(s):
    return '"' + ''.join(f'\\x{b:02x}' if b >= 0x80 or b in (0x22, 0x5c) else chr(b)
                         for b in s.encode()) + '"'


def trie_lines(keys, flags):
    """The keys as a character trie laid out breadth first, so that the children of a node
    are consecutive nodes sorted by code point: node i has its code point, its first child,
    its number of children, the row of the key it completes (0xFFFF: none) and that row's
    flags (0: none). Also returns the node of each first character."""
    row = {k: i for i, k in enumerate(keys)}
    nodes = [['', 0, 0]]  # prefix, first child, number of children
    i = 0
    while i < len(nodes):
        prefix = nodes[i][0]
        kids = sorted({k[len(prefix)] for k in keys if len(k) > len(prefix) and
                       k.startswith(prefix)}, key=ord)
        nodes[i][1], nodes[i][2] = len(nodes), len(kids)
        nodes.extend([prefix + c, 0, 0] for c in kids)
        i += 1
    out = ['const zn__ent_trie_node zn__ent_trie[] = {']
    for prefix, first, n in nodes:
        cp = ord(prefix[-1]) if prefix else 0
        r = row.get(prefix, 0xFFFF) if prefix else 0xFFFF
        out.append(f'    {{0x{cp:04X}, {first}, {n}, {r}, {flags[r] if r != 0xFFFF else 0}}},')
    out += ['};', f'const size_t zn__ent_n_trie = {len(nodes)};', '']
    # What the walk reads at a key's first character, one 16-byte record per child of the
    # root (and one for the root): a bit per second character's code point mod 64, which
    # turns away most characters that follow a first one without continuing a key, and the
    # node's row, flags and children.
    out.append('const zn__ent_first_node zn__ent_first[] = {')
    for i in range(nodes[0][2] + 1):
        prefix, first, n = nodes[i]
        follow = 0
        for c in range(first, first + n):
            follow |= 1 << (ord(nodes[c][0][-1]) % 64)
        r = row.get(prefix, 0xFFFF) if prefix else 0xFFFF
        out.append(f'    {{0x{follow:016X}u, {r}, {flags[r] if r != 0xFFFF else 0}, {first}, {n}}},')
    out += ['};', '']
    if len(nodes) > 65535:
        sys.exit('gen_entities: more than 65535 trie nodes')
    if nodes[0][2] >= 4096:
        sys.exit('gen_entities: 4096 first characters or more (ZN__ENT_KEY_NODE)')
    return out, {prefix: i for i, (prefix, _, _) in enumerate(nodes) if len(prefix) == 1}


def han_lines(fold, root, second):
    """What the extractor needs of each character of the CJK blocks 3000-9FFF (punctuation,
    kana and the like, Han), most of a Chinese text's characters, in one word: the trie node
    of the keys its folded form
    begins (bits 0-11), bit 12 when some key has the form as its second character, the form
    (bits 13-30: the character itself when t2s leaves it alone) and bit 31 when the form is
    no Han of the common block 4E00-9FFF."""
    out = ['const uint32_t zn__ent_han[ZN__ENT_HAN_LAST - ZN__ENT_HAN_FIRST + 1] = {']
    row = []
    for cp in range(0x3000, 0xA000):
        f = 0x20 if cp == 0x3000 else fold.get(cp, cp)  # the ideographic space: a space
        node = root.get(chr(f), 0)
        if f >= 1 << 18 or node >= 1 << 12:
            sys.exit(f'gen_entities: U+{cp:04X} does not fit zn__ent_han')
        uncommon = not 0x4E00 <= f <= 0x9FFF
        v = node | (1 << 12 if f in second else 0) | f << 13 | (1 << 31 if uncommon else 0)
        row.append(f'0x{v:08X}')
        if len(row) == 8:
            out.append('    ' + ','.join(row) + ',')
            row = []
    out += ['};', '']
    return out


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    data, out = sys.argv[1], sys.argv[2]
    opencc = sys.argv[sys.argv.index('--opencc') + 1] if '--opencc' in sys.argv else 'opencc'
    pairs = t2s_map(opencc)
    fold = dict(pairs)
    words = {}
    # Keys are folded exactly as the extractor folds text, so a Simplified entry that
    # OpenCC's t2s would still change (著名 → 着名) matches too.
    for k, e in load(data).items():
        fk = ''.join(chr(fold.get(ord(c), ord(c))) for c in k)
        old = words.get(fk)
        if old:
            old['flags'] |= e['flags']
            for f in ('stype', 'strength', 'htype', 'ntype'):
                old[f] = old[f] or e[f]
        else:
            words[fk] = e
    keys = sorted(words, key=lambda w: w.encode())
    for k in keys:
        if ' ' in k:
            sys.exit(f"gen_entities: '{k}' holds a space (the text's keys never do)")
        if len(k) > 8 or len(k.encode()) > 255:
            sys.exit(f"gen_entities: '{k}' is longer than 8 characters (ZN__ENT_MAX_KEY_CHARS)")
    lines = ['/* Generated by tools/gen_entities.py from data/entities/: do not edit. */',
             '#include "extract/entity_data.h"', '',
             'const zn__ent_word zn__ent_words[] = {']
    for k in keys:
        e = words[k]
        lines.append(f'    {{{c_string(k)}, {len(k.encode())}, {e["flags"]}, {e["stype"]}, '
                     f'{e["strength"]}, {e["htype"]}, {e["ntype"]}}},')
    lines += ['};', f'const size_t zn__ent_n_words = {len(keys)};', '']
    # the rows' flags alone, compact: read for every key found in a text
    lines.append('const uint16_t zn__ent_row_flags[] = {')
    for i in range(0, len(keys), 16):
        lines.append('    ' + ', '.join(str(words[k]['flags']) for k in keys[i:i + 16]) + ',')
    lines += ['};', '', 'const uint32_t zn__ent_t2s[][2] = {']
    for a, b in pairs:
        lines.append(f'    {{0x{a:04X}, 0x{b:04X}}},')
    lines += ['};', f'const size_t zn__ent_n_t2s = {len(pairs)};', '']
    if max(len(keys), 1) >= 65535:
        sys.exit('gen_entities: 65535 rows or more')
    trie, root = trie_lines(keys, [words[k]['flags'] for k in keys])
    lines += trie
    # The node of each BMP character that begins a key, in slices of 32 (one per block of
    # 32 code points that has such a character; slice 0, all zeros, serves the others):
    # the walk of a position finds its first node with two table reads.
    slot = [0] * (0x10000 // 32)
    slices = [[0] * 32]
    for c, node in sorted((ord(k), n) for k, n in root.items()):
        if c >= 0x10000:
            continue
        if slot[c // 32] == 0:
            slot[c // 32] = len(slices)
            slices.append([0] * 32)
        slices[slot[c // 32]][c % 32] = node
    if len(slices) > 65535:
        sys.exit('gen_entities: more than 65535 blocks with first characters')
    lines.append('const uint16_t zn__ent_root[][32] = {')
    for sl in slices:
        lines.append('    {' + ', '.join(str(x) for x in sl) + '},')
    lines += ['};', '']
    lines += han_lines(fold, root, {ord(k[1]) for k in keys if len(k) > 1})
    t2s_bits = [0] * (0x10000 // 32)
    for a, _ in pairs:
        if a < 0x10000:
            t2s_bits[a // 32] |= 1 << (a % 32)
    # What the walk of a position reads, side by side for each block of 32 BMP characters:
    # its slice of first nodes, the bits of the second characters of keys and of the
    # characters t2s changes, and how many of those lie below the block (with the block's
    # own bits, the place of a character's pair among the sorted t2s pairs).
    second = [0] * (0x10000 // 32)
    for k in keys:
        if len(k) > 1 and ord(k[1]) < 0x10000:
            second[ord(k[1]) // 32] |= 1 << (ord(k[1]) % 32)
    t2s_rank = [0] * len(second)
    for i in range(1, len(second)):
        t2s_rank[i] = t2s_rank[i - 1] + bin(t2s_bits[i - 1]).count('1')
    if t2s_rank[-1] > 65535:
        sys.exit('gen_entities: more than 65535 t2s pairs')
    lines.append('const zn__ent_block zn__ent_blocks[0x10000 / 32] = {')
    for i in range(0, len(second), 2):
        lines.append('    ' + ', '.join(f'{{0x{second[j]:08X}u, 0x{t2s_bits[j]:08X}u, '
                                         f'{slot[j]}u, {t2s_rank[j]}u}}'
                                         for j in (i, i + 1)) + ',')
    lines += ['};', '']
    with open(out, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines))


main()
