#!/usr/bin/env python3
"""Build-time helper of the date finder: from the word tables of src/extract/date_*.c (their
non-ASCII string literals) writes a C header with
- DATE_LIST_<file>_<array>: one bit per table that holds such words (a second table of the
  same name in one file gets _2, ...), the tables named as in the source;
- under DATE_STARTS_TABLES (defined by date_start.c only): a bitmap of every character a
  date word starts with (bit c of date_start_bits, all in the Basic Multilingual Plane),
  the number of such characters before each 32-bit word of it (date_start_rank), and for
  each such character in code point order the bits of the tables with a word starting
  with it (date_start_lists).
- date__start_pairs (defined under DATE_TEXT_TABLES, by date_text.c, which marks with it):
  a hash bitmap of the first two characters of every word (and date_start_pairs_plain:
  the same without the vague words of date_vague.c's vague_words, which are looked for
  only on request), and the bit DATE_LIST_ONE_CHAR in date_start_lists for characters
  that are a word by themselves: no word can start where neither holds;
- date_follow_pairs: the pairs of date__start_pairs and those the parsers compare with
  date__two_at (前后 之久 …): where a number is followed by a character whose pair is in
  none and that is no word by itself, no date word follows the number;
- date_pair_open: the pairs that are a whole word (or a word's start followed by an escape,
  or compared by date__two_at),
  and date_start_triples: a hash bitmap of the first three characters of every longer word
  (vague ones too): where a pair is not open, the third character must continue a word
  (和平 of 和平紀念日, 青年 of 青年節);
- date__char_bits (defined under DATE_TEXT_TABLES, by date_text.c, which folds the text
  and marks where an expression may begin as it decodes; read through date__char_class):
  a byte per character, so that one lookup answers the questions of the marking and of
  the scanner: DATE_CHAR_ALONE and DATE_CHAR_PAIR for the ASCII digits, the start
  characters and the Chinese numerals (date_text.c's cjk_digit and cjk_unit, and 几) but
  those of TAIL_ONLY, every character where an expression may begin: ALONE where it may by
  the character alone (a digit, a numeral, 几, a word by itself but the characters of
  single_tail in date_start.c, whose case labels are read here), PAIR where only with the
  next character (their pair in date__start_pairs); with --fold FOLD.h (the folding table,
  date_fold.h) DATE_CHAR_FOLDS for the characters the table folds, so the others skip it,
  with the ALONE and PAIR of the form they fold to, and date_fold_slots, where each of them
  is in the table (a hash with linear probing); DATE_CHAR_ONE for a word by itself
  (DATE_LIST_ONE_CHAR); DATE_CHAR_NUMERAL for the numerals but 几 (date__is_cjk_digit).
So the scanner skips other characters at once, and a table is tried only where one of its
words can start. Usage: date_starts.py [--fold date_fold.h] FILE.c... > date_starts.h"""
import os
import re
import sys

ARRAY = re.compile(r'static const [^=;{]*?\b(\w+)\s*\[\w*\]\s*=\s*\{(.*?)\};', re.S)
LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')

args = sys.argv[1:]
fold_sources = None
fold_pairs = None
if len(args) >= 2 and args[0] == '--fold':
    with open(args[1], encoding='utf-8') as f:
        fold_text = re.sub(r'//[^\n]*|/\*.*?\*/', '', f.read(), flags=re.S)
    fold_pairs = [(int(a, 16), int(b, 16)) for a, b in
                  re.findall(r'\{\s*0x([0-9A-Fa-f]+)\s*,\s*0x([0-9A-Fa-f]+)\s*\}', fold_text)]
    fold_sources = [a for a, _ in fold_pairs]
    if not fold_pairs or any(c > 0xFFFF for pair in fold_pairs for c in pair):
        sys.exit('date_starts.py: %s: no folding table, or a character outside the BMP'
                 % args[1])
    args = args[2:]

NUMERALS = '〇零一二两俩三四五六七八九十廿卅百千万亿几'  # must match date_text.c
# Characters that begin words of the tables only where they follow a date or a number,
# never where an expression starts: the 的 and （ or ， before a time or weekday, links (至
# and 到 begin 至今 too, but only after a date), units after a count (个月 个钟头 分钟 天),
# clock marks and tails (点 时 分 整 多), limits after a date (起 开始 为止 内 里), 工 of
# 工作日. Frequent in any text (的 alone is one character in thirty), so they are no
# candidates: the scanner never stops at them.
TAIL_ONLY = '，（）–—―的为开个时到分多点起整里天号内工'

ONE_CHAR = 63  # bit of date_start_lists: a one-character word starts with c
PAIR_BITS = 16  # log2 of the bits of the pair bitmap
TRIPLE_BITS = 16  # log2 of the bits of the triple bitmap


def pair_hash(a, b):
    """Must match pair_hash in src/extract/date_start.c."""
    return (((a * 0x9E3779B1) ^ (b * 0x85EBCA77)) & 0xFFFFFFFF) >> (32 - PAIR_BITS)


FOLD_SLOTS = 512  # slots of the folding table's hash (date_fold_slots)


def fold_hash(c):
    """Must match fold_hash in src/extract/date_text.c."""
    return ((c * 0x9E3779B1) & 0xFFFFFFFF) >> 23


def triple_hash(a, b, c):
    """Must match triple_hash in src/extract/date_start.c."""
    return (((a * 0x9E3779B1) ^ (b * 0x85EBCA77) ^ (c * 0xC2B2AE3D)) & 0xFFFFFFFF) \
        >> (32 - TRIPLE_BITS)


pairs = set()
open_pairs = set()  # pairs a word may end after (or continue with an escape)
triples = set()
two_pairs = set()  # date__two_at(t, i, 0xA, 0xB)
TWO_AT = re.compile(r'date__two_at\([^,]*,[^,]*,\s*0x([0-9A-Fa-f]+)\s*,\s*0x([0-9A-Fa-f]+)\s*\)')
plain_pairs = set()  # without the vague words
VAGUE_ARRAY = re.compile(r'static const [^=;{]*?\bvague_words\s*\[\w*\]\s*=\s*\{.*?\};', re.S)
starts = {}  # first character -> bits of the tables
lists = []   # (macro name, bit)
single_tail = None  # the case labels of single_tail in date_start.c
SINGLE_TAIL = re.compile(r'static bool single_tail\(uint32_t c\)\s*\{(.*?)\n\}', re.S)
for path in args:
    with open(path, encoding='utf-8') as f:
        text = f.read()
    text = re.sub(r'//[^\n]*|/\*.*?\*/', '', text, flags=re.S)
    m = SINGLE_TAIL.search(text)
    if m:
        single_tail = {int(h, 16) for h in re.findall(r'case 0x([0-9A-Fa-f]+):', m.group(1))}
    stem = os.path.basename(path)[:-2].replace('date_', '', 1)
    seen = {}
    bit_of = {}
    for m in ARRAY.finditer(text):
        firsts = {ord(lit[0]) for lit in LITERAL.findall(m.group(2)) if lit and ord(lit[0]) > 0x7F}
        if not firsts:
            continue
        seen[m.group(1)] = seen.get(m.group(1), 0) + 1
        name = 'DATE_LIST_%s_%s' % (stem, m.group(1))
        if seen[m.group(1)] > 1:
            name += '_%d' % seen[m.group(1)]
        bit = len(lists)
        lists.append((name, bit))
        for c in firsts:
            starts[c] = starts.get(c, 0) | 1 << bit
    for a, b in TWO_AT.findall(text):
        two_pairs.add(pair_hash(int(a, 16), int(b, 16)))
    # words outside the tables (date__at(t, i, "半", ...)) start characters too
    plain_text = VAGUE_ARRAY.sub('', text)
    for source, into in ((text, pairs), (plain_text, plain_pairs)):
        for lit in LITERAL.findall(source):
            if lit and ord(lit[0]) > 0x7F:
                c = ord(lit[0])
                starts.setdefault(c, 0)
                if len(lit) == 1 or lit[1] == '\\':
                    starts[c] |= 1 << ONE_CHAR  # (an escape after it: count it as alone)
                else:
                    into.add(pair_hash(c, ord(lit[1])))
                    if len(lit) == 2 or lit[2] == '\\':
                        open_pairs.add(pair_hash(c, ord(lit[1])))
                    else:
                        triples.add(triple_hash(c, ord(lit[1]), ord(lit[2])))
if not single_tail:
    sys.exit('date_starts.py: no single_tail with case labels in the sources (date_start.c)')
if len(lists) > ONE_CHAR:
    sys.exit('date_starts.py: %d word tables, more than the 64 bits of a mask' % len(lists))
if any(c > 0xFFFF for c in starts):
    sys.exit('date_starts.py: a date word starts outside the BMP; the bitmap cannot hold it')

print('/* Generated by tools/date_starts.py from the word tables of src/extract/date_*.c:')
print(' * %d tables, %d characters a word starts with. */' % (len(lists), len(starts)))
print('#ifndef ZHNEWS_DATE_STARTS_H')
print('#define ZHNEWS_DATE_STARTS_H')
print('#include <stdint.h>')
for name, bit in lists:
    print('#define %s (UINT64_C(1) << %d)' % (name, bit))
print('#define DATE_LIST_ONE_CHAR (UINT64_C(1) << %d)' % ONE_CHAR)
print('#define DATE_PAIR_BITS %d' % PAIR_BITS)
print('#define DATE_TRIPLE_BITS %d' % TRIPLE_BITS)
print('#ifdef DATE_STARTS_TABLES')
bits = [0] * 2048
for c in starts:
    bits[c >> 5] |= 1 << (c & 31)
rank = []
total = 0
for w in bits:
    rank.append(total)
    total += bin(w).count('1')
print('static const uint32_t date_start_bits[2048] = {')
for i in range(0, 2048, 6):
    print('    ' + ' '.join('0x%08X,' % b for b in bits[i:i + 6]))
print('};')
print('static const uint16_t date_start_rank[2048] = {')
for i in range(0, 2048, 10):
    print('    ' + ' '.join('%d,' % r for r in rank[i:i + 10]))
print('};')
print('static const uint64_t date_start_lists[%d] = {' % len(starts))
items = sorted(starts)
for i in range(0, len(items), 3):
    print('    ' + ' '.join('UINT64_C(0x%016X), /* U+%04X */' % (starts[c], c)
                         for c in items[i:i + 3]))
print('};')
def print_bitmap(decl, hashes, bits):
    """A bitmap of 2 ** bits bits with bit h set for each h of hashes, as C."""
    pbits = [0] * ((1 << bits) // 32)
    for h in hashes:
        pbits[h >> 5] |= 1 << (h & 31)
    print('%s[%d] = {' % (decl, len(pbits)))
    for i in range(0, len(pbits), 6):
        print('    ' + ' '.join('0x%08X,' % b for b in pbits[i:i + 6]))
    print('};')


print_bitmap('static const uint32_t date_start_pairs_plain', plain_pairs, PAIR_BITS)
print_bitmap('static const uint32_t date_follow_pairs', pairs | two_pairs, PAIR_BITS)
print_bitmap('static const uint32_t date_pair_open', open_pairs | two_pairs, PAIR_BITS)
print_bitmap('static const uint32_t date_start_triples', triples, TRIPLE_BITS)
print('#endif')
# a byte per character c of the BMP (date__char_bits[c])
cbits = [0] * 0x10000
begins = {c for c in set(starts) | {ord(ch) for ch in NUMERALS} | {ord(d) for d in '0123456789'}
          if chr(c) not in TAIL_ONLY}
for c in starts:
    if starts[c] >> ONE_CHAR & 1:
        cbits[c] |= 4
for ch in NUMERALS:
    if ch != '几':
        cbits[ord(ch)] |= 8


def begin_bits(c):
    """ALONE (1) or PAIR (2) for a character of `begins`, else 0."""
    if c not in begins:
        return 0
    alone = c < 0x80 or c == ord('几') or cbits[c] & 8 or (cbits[c] & 4 and c not in single_tail)
    return 1 if alone else 2


for c in begins:
    cbits[c] |= begin_bits(c)
for c, to in fold_pairs or []:
    if to in fold_sources:
        sys.exit('date_starts.py: U+%04X folds to U+%04X, which folds again' % (c, to))
    cbits[c] |= 16 | begin_bits(to)  # ALONE, PAIR: those of its folded form
print('#define DATE_CHAR_ALONE 1u')
print('#define DATE_CHAR_PAIR 2u')
print('#define DATE_CHAR_ONE 4u')
print('#define DATE_CHAR_NUMERAL 8u')
print('#define DATE_CHAR_FOLDS 16u')
print('extern const uint8_t date__char_bits[65536];')
print('extern const uint32_t date__start_pairs[%d];' % ((1 << PAIR_BITS) // 32))
print('#ifdef DATE_TEXT_TABLES')
print('const uint8_t date__char_bits[65536] = {')
for i in range(0, 0x10000, 16):
    print('    ' + ' '.join('%d,' % b for b in cbits[i:i + 16]))
print('};')
print_bitmap('const uint32_t date__start_pairs', pairs, PAIR_BITS)
if fold_sources is not None:
    # where each character of the folding table is in it (index + 1; 0: an empty slot), by
    # fold_hash with linear probing: a folded character costs a probe or two, not a search
    if len(fold_sources) >= FOLD_SLOTS * 3 // 4 or len(fold_sources) > 255:
        sys.exit('date_starts.py: %d folded characters: make FOLD_SLOTS larger' % len(fold_sources))
    slots = [0] * FOLD_SLOTS
    for k, c in enumerate(fold_sources):
        h = fold_hash(c)
        while slots[h]:
            h = (h + 1) % FOLD_SLOTS
        slots[h] = k + 1
    print('#define DATE_FOLD_SLOTS %d' % FOLD_SLOTS)
    print('static const uint8_t date_fold_slots[%d] = {' % FOLD_SLOTS)
    for i in range(0, FOLD_SLOTS, 16):
        print('    ' + ' '.join('%d,' % k for k in slots[i:i + 16]))
    print('};')
print('#endif')
print('#endif')
