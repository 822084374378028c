#!/bin/sh
# Scores `zhnews extract --input-format lines` on the NER dev sets of ../shared/eval:
# MSRA Simplified and Traditional (exact start, end and type; ORG covers company,
# university, lab, organization and media) and CLUENER dev (mapped as the eval README
# suggests: name → PER, address/scene → LOC, company/organization/government → ORG; book,
# movie, game and position dropped). Also the same run without the LAC tagger, the jieba
# posseg baseline, and the entities of the sample article.
# Usage: tests/eval/ner.sh BUILD_DIR
build=${1:-build}
eval_dir=${ZHNEWS_EVAL_DIR:-../shared/eval}
if [ ! -d "$eval_dir/ner" ]; then
    echo "ner: skipped: ../shared/eval not found"
    exit 0
fi
zhnews="$build/zhnews"
score="$eval_dir/score/ner-score.py"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Gold lines → their text, one per line; CLUENER gold mapped to PER/LOC/ORG.
python3 - "$eval_dir/ner" "$tmp" <<'PY'
import json, sys
src, out = sys.argv[1], sys.argv[2]
MAP = {'name': 'PER', 'address': 'LOC', 'scene': 'LOC', 'company': 'ORG',
       'organization': 'ORG', 'government': 'ORG'}
for name in ('msra_test.part1.hans', 'msra_test.part1.hant', 'cluener_dev'):
    rows = [json.loads(l) for l in open(f'{src}/{name}.jsonl', encoding='utf-8')]
    with open(f'{out}/{name}.txt', 'w', encoding='utf-8') as f:
        for r in rows:
            f.write(r['text'].replace('\n', ' ') + '\n')
    if name == 'cluener_dev':
        with open(f'{out}/{name}.gold.jsonl', 'w', encoding='utf-8') as f:
            for r in rows:
                ents = [dict(e, type=MAP[e['type']]) for e in r['entities'] if e['type'] in MAP]
                row = {'text': r['text'], 'entities': ents}
                f.write(json.dumps(row, ensure_ascii=False) + '\n')
PY

run() { # NAME GOLD LABEL [ENV]
    name=$1 gold=$2 label=$3
    if ! env $4 "$zhnews" extract -q --input-format lines "$tmp/$name.txt" > "$tmp/$name.pred"; then
        echo "ner: $label: zhnews extract failed"
        return 1
    fi
    echo "== $label"
    python3 "$score" "$gold" "$tmp/$name.pred"
}

# The dictionary-tag baseline of the issue: jieba.posseg words tagged nr/ns/nt.
# The Debian package's folder is put on PYTHONPATH (python3 may not be the system one).
jieba_dir=$(dpkg -L python3-jieba 2>/dev/null | grep '/jieba/__init__\.py$' | head -n 1)
jieba_dir=$(dirname "$(dirname "${jieba_dir:-/x/y}")")
baseline() { # NAME GOLD LABEL
    PYTHONPATH="$jieba_dir${PYTHONPATH:+:$PYTHONPATH}" python3 - "$tmp/$1.txt" > "$tmp/$1.base" \
        <<'PY' || { echo "ner: baseline skipped (no python3-jieba)"; return 0; }
import json, sys
import jieba, jieba.posseg
jieba.setLogLevel(60)
MAP = {'nr': 'person', 'ns': 'place', 'nt': 'organization'}
for line in open(sys.argv[1], encoding='utf-8'):
    ents, at = [], 0
    for w in jieba.posseg.cut(line.rstrip('\n')):
        if w.flag in MAP:
            ents.append({'start': at, 'end': at + len(w.word), 'type': MAP[w.flag]})
        at += len(w.word)
    print(json.dumps({'entities': ents}))
PY
    echo "== $3 (baseline: jieba posseg nr/ns/nt)"
    python3 "$score" "$2" "$tmp/$1.base"
}

rc=0
baseline msra_test.part1.hans "$eval_dir/ner/msra_test.part1.hans.jsonl" "MSRA Simplified"
baseline msra_test.part1.hant "$eval_dir/ner/msra_test.part1.hant.jsonl" "MSRA Traditional"
for mode in tagger no-tagger; do
    envs=""
    [ "$mode" = no-tagger ] && envs="ZHNEWS_EXTRACT_NO_TAGGER=1"
    run msra_test.part1.hans "$eval_dir/ner/msra_test.part1.hans.jsonl" \
        "MSRA Simplified ($mode)" "$envs" || rc=1
    run msra_test.part1.hant "$eval_dir/ner/msra_test.part1.hant.jsonl" \
        "MSRA Traditional ($mode)" "$envs" || rc=1
    run cluener_dev "$tmp/cluener_dev.gold.jsonl" "CLUENER dev, mapped ($mode)" "$envs" || rc=1
done

# The sample article: every expected entity with its type and aliases, no generic phrase.
samples="$eval_dir/../samples"
if [ -f "$samples/article.expected.json" ]; then
    for f in article-utf8.txt article-big5.txt article-gb18030.txt; do
        echo "== sample $f (zhnews extract)"
        "$zhnews" extract -q "$samples/$f" > "$tmp/article.json" &&
            python3 "$eval_dir/score/check-article.py" "$samples/article.expected.json" \
                "$tmp/article.json" --part entities || rc=1
    done
fi
exit $rc
