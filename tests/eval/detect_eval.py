#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Encoding-detection accuracy of `zhnews detect` next to libuchardet alone.

usage: detect_eval.py EVAL_DIR WORK_DIR 'ZHNEWS DETECT CMD' 'UCHARDET CMD'

Takes the dev texts in EVAL_DIR (seg/ inputs, ner/ sentences), encodes them with glibc's
iconv as UTF-8, GB18030 (all), Big5 and Big5-HKSCS (the Traditional ones; lines iconv or
Python cannot round-trip are left out), and writes to WORK_DIR: snippets of
at most 24, 48, 100, 300 and 1000 bytes of running text from a sentence's start, cut at a
character boundary (as bench-peers/prepare-data.py cuts its 100/300/1000), mostly-ASCII
snippets (a few Chinese words among numbers, Latin names and URLs), and whole files. A
detection is right when the reported encoding decodes the bytes to the original text.
Prints one row per (encoding, size) with both detectors and a total per size.
"""
import codecs
import ctypes
import ctypes.util
import json
import os
import shlex
import subprocess
import sys

SIZES = (24, 48, 100, 300, 1000)
PER_SET = 400

ASCII_TEMPLATES = [
    'Reuters 2018-06-12 09:30 GMT https://news.example.com/a/20180612/{n}.html {w}',
    'ID {n}: {w} (Zhang Wei, CEO) +86 10 6512 3456',
    '{w} 2019 Q3 revenue USD 12.5 bn, up 8.1% y/y; EPS 0.42',
    'http://www.example.com.cn/{n}/index.shtml?from=rss {w} #AI #5G',
]


def read_texts(root):
    simp, trad = [], []
    for name, bucket in (('seg/pku_test.utf8', simp), ('seg/cityu_test.utf8', trad)):
        p = os.path.join(root, name)
        if os.path.exists(p):
            bucket.append((name, [l for l in open(p, encoding='utf-8').read().split('\n') if l]))
    for name, bucket in (('ner/msra_test.part1.hans.jsonl', simp),
                         ('ner/msra_test.part1.hant.jsonl', trad),
                         ('ner/cluener_dev.jsonl', simp)):
        p = os.path.join(root, name)
        if os.path.exists(p):
            lines = [json.loads(l)['text'] for l in open(p, encoding='utf-8') if l.strip()]
            bucket.append((name, lines))
    return simp, trad


class Iconv:
    """glibc's iconv through ctypes: the issue asks for copies made with iconv, and glibc's
    Big5 tables differ from Python's in a few rows (C6A1-C7FC, F9D6-F9FE)."""

    def __init__(self, to):
        self.libc = ctypes.CDLL(ctypes.util.find_library('c'), use_errno=True)
        self.libc.iconv_open.restype = ctypes.c_void_p
        self.libc.iconv_open.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        self.libc.iconv.restype = ctypes.c_size_t
        self.libc.iconv.argtypes = [ctypes.c_void_p] + [ctypes.c_void_p] * 4
        self.cd = self.libc.iconv_open(to.encode(), b'UTF-8')

    def encode(self, text):
        """The bytes, or None when iconv cannot convert the text."""
        src = text.encode('utf-8')
        inbuf = ctypes.create_string_buffer(src, len(src))
        outbuf = ctypes.create_string_buffer(len(src) * 4 + 8)
        ip = ctypes.c_char_p(ctypes.addressof(inbuf))
        op = ctypes.c_char_p(ctypes.addressof(outbuf))
        il = ctypes.c_size_t(len(src))
        ol = ctypes.c_size_t(len(outbuf))
        self.libc.iconv(self.cd, None, None, None, None)
        r = self.libc.iconv(self.cd, ctypes.byref(ip), ctypes.byref(il), ctypes.byref(op),
                            ctypes.byref(ol))
        if r == ctypes.c_size_t(-1).value or il.value != 0:
            return None
        return outbuf.raw[:len(outbuf) - ol.value]


ICONV_NAMES = {'utf-8': 'UTF-8', 'gb18030': 'GB18030', 'big5': 'BIG5', 'big5hkscs': 'BIG5-HKSCS'}


def encodable(lines, codec):
    """The lines iconv can convert, converted (and Python can decode back the same)."""
    conv = Iconv(ICONV_NAMES[codec])
    out = []
    for l in lines:
        b = conv.encode(l)
        try:
            if b is not None and b.decode(codec) == l:
                out.append(b)
        except UnicodeDecodeError:
            pass
    return out


def cut(data, codec, limit):
    """The longest prefix of data of at most limit bytes that ends on a character boundary."""
    text = data.decode(codec, errors='ignore')  # the slice may end inside a character
    out = b''
    for ch in text:
        b = ch.encode(codec)
        if len(out) + len(b) > limit:
            break
        out += b
    return out


def han_words(line, k):
    han = [c for c in line if '\u4e00' <= c <= '\u9fff']
    return ''.join(han[:k])


def make_sets(simp, trad, work):
    """Returns {(set name, size label): [(path, codec)]}."""
    sets = {}
    encodings = [('utf-8', simp + trad), ('gb18030', simp + trad), ('big5', trad),
                 ('big5hkscs', trad)]
    for codec, sources in encodings:
        all_lines = []
        for _, lines in sources:
            all_lines.extend(lines)
        encoded = encodable(all_lines, codec)
        # Running text: each snippet starts at a line and goes on over the next lines.
        running = b'\n'.join(encoded)
        starts = []
        o = 0
        for e in encoded:
            starts.append(o)
            o += len(e) + 1
        step = max(1, len(starts) // PER_SET)
        picked = starts[::step][:PER_SET]
        for size in SIZES:
            files = []
            d = os.path.join(work, codec, str(size))
            os.makedirs(d, exist_ok=True)
            for i, at in enumerate(picked):
                piece = running[at:at + size + 4]
                p = os.path.join(d, '%04d.txt' % i)
                with open(p, 'wb') as f:
                    f.write(cut(piece, codec, size))
                files.append((p, codec))
            sets[(codec, '%d B' % size)] = files
        # Mostly ASCII: 2 to 6 Chinese characters among Latin text, numbers and URLs.
        d = os.path.join(work, codec, 'ascii')
        os.makedirs(d, exist_ok=True)
        files = []
        step = max(1, len(all_lines) // PER_SET)
        for i, line in enumerate(all_lines[::step][:PER_SET]):
            w = han_words(line, 2 + i % 5)
            if len(w) < 2:
                continue
            t = ASCII_TEMPLATES[i % len(ASCII_TEMPLATES)].format(n=100000 + i * 7, w=w)
            enc = encodable([t], codec)
            if not enc:
                continue
            b = enc[0]
            p = os.path.join(d, '%04d.txt' % i)
            with open(p, 'wb') as f:
                f.write(b)
            files.append((p, codec))
        sets[(codec, 'ascii')] = files
        # Whole files: each source as one file.
        files = []
        for name, lines in sources:
            enc = encodable(lines, codec)
            p = os.path.join(work, codec, os.path.basename(name) + '.whole')
            with open(p, 'wb') as f:
                f.write(b'\n'.join(enc) + b'\n')
            files.append((p, codec))
        sets[(codec, 'whole')] = files
    return sets


def write_peer_layout(simp, trad, out):
    """The files bench-peers/detect-test.py reads (prepare-data.py's layout), from the dev
    texts: corpus-{simp,trad}.{txt,gb18030,big5} and snippets/*/{100,300,1000}/."""
    os.makedirs(out, exist_ok=True)
    for script, sources, codec, ext in (('simp', simp, 'gb18030', 'gb18030'),
                                        ('trad', trad, 'big5', 'big5')):
        lines = [l for _, ls in sources for l in ls]
        native = encodable(lines, codec)
        utf8 = encodable(lines, 'utf-8')
        with open(os.path.join(out, 'corpus-%s.txt' % script), 'wb') as f:
            f.write(b'\n'.join(utf8) + b'\n')
        with open(os.path.join(out, 'corpus-%s.%s' % (script, ext)), 'wb') as f:
            f.write(b'\n'.join(native) + b'\n')
        for lab, enc, data in ((ext, codec, native), ('utf8-' + script, 'utf-8', utf8)):
            running = b'\n'.join(data)
            starts = []
            o = 0
            for e in data:
                starts.append(o)
                o += len(e) + 1
            step = max(1, len(starts) // 200)
            for k in (100, 300, 1000):
                d = os.path.join(out, 'snippets', lab, str(k))
                os.makedirs(d, exist_ok=True)
                for n, at in enumerate(starts[::step][:200]):
                    with open(os.path.join(d, '%03d.txt' % n), 'wb') as f:
                        f.write(cut(running[at:at + k + 4], enc, k))


def run(cmd, paths):
    labels = {}
    for i in range(0, len(paths), 500):
        chunk = paths[i:i + 500]
        r = subprocess.run(shlex.split(cmd) + chunk, stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL)
        for ln in r.stdout.decode('utf-8', 'replace').splitlines():
            if ': ' in ln:
                f, lab = ln.rsplit(': ', 1)
                labels[f] = lab.strip()
    return labels


def right(path, codec, label):
    data = open(path, 'rb').read()
    truth = data.decode(codec)
    try:
        c = codecs.lookup(label.lower().replace('_', '-')).name
        return data.decode(c) == truth
    except (LookupError, UnicodeDecodeError, AttributeError):
        return False


def main():
    if len(sys.argv) != 5:
        print(__doc__)
        return 2
    root, work, zcmd, ucmd = sys.argv[1:]
    simp, trad = read_texts(root)
    if not simp and not trad:
        print('skipped: no dev texts in %s' % root)
        return 0
    sets = make_sets(simp, trad, work)
    write_peer_layout(simp, trad, os.path.join(work, 'peers'))
    paths = [p for files in sets.values() for p, _ in files]
    zl = run(zcmd, paths)
    ul = run(ucmd, paths)
    print('%-10s %-6s %6s %9s %9s  %s' % ('encoding', 'size', 'files', 'zhnews%', 'uchardet%',
                                          'zhnews wrong answers'))
    totals = {}
    for (codec, size), files in sets.items():
        zr = ur = 0
        wrong = {}
        for p, c in files:
            ok = right(p, c, zl.get(p, ''))
            zr += ok
            ur += right(p, c, ul.get(p, ''))
            if not ok:
                wrong[zl.get(p, '?')] = wrong.get(zl.get(p, '?'), 0) + 1
        n = len(files)
        t = totals.setdefault(size, [0, 0, 0])
        t[0] += n
        t[1] += zr
        t[2] += ur
        print('%-10s %-6s %6d %8.2f%% %8.2f%%  %s' % (
            codec, size, n, 100.0 * zr / max(n, 1), 100.0 * ur / max(n, 1),
            ', '.join('%s: %d' % kv for kv in sorted(wrong.items(), key=lambda x: -x[1]))))
    for size, (n, zr, ur) in totals.items():
        print('%-10s %-6s %6d %8.2f%% %8.2f%%' % ('all', size, n, 100.0 * zr / n, 100.0 * ur / n))
    return 0


if __name__ == '__main__':
    sys.exit(main())
