#!/usr/bin/env python3
"""JioNLP parser cases by the kinds of issue 7, scored exactly as date-score.py scores them.

usage: dates_kinds.py SCORER GOLD.jsonl --cmd 'SHELL COMMAND' [-v]
(a GOLD file of another suite is passed over in silence, so any *.jsonl may be given)

SCORER is ../shared/eval/score/date-score.py; its own functions load the gold, run the
tool and decide right or wrong for each item (score_parse on that item alone), so the
figures here add up to its jionlp_parse figures. Items of the type it skips (time_period)
are skipped here too.

Each item goes to a kind by its `category` (the comment above the case in JioNLP's test
file) and its call `options`, by the rules below; the expected value is never looked at.
The kinds are the headings of issue 7's "Expressions" (absolute; ROC years; partial and
periods; relative; times; weekdays; ranges; festivals; vague), plus "durations" (counts
such as 三天 and 4周: the issue asks for them in its values, "a duration as P3D",
granularity `duration`, but lists no heading for them, so the listed-kinds figure is
printed with and without them), and "other": what the issue does not list.
"""

import argparse
import importlib.util
import os
import sys

LISTED = ('absolute', 'ROC years', 'partial and periods', 'relative', 'times', 'weekdays',
          'ranges', 'festivals', 'vague')
EXTRA = ('durations',)
ORDER = LISTED + EXTRA + ('other',)

# Rules in order; the first whose words all occur in the category wins. The words are
# JioNLP's own headings (Simplified, as in its test file).
RULES = [
    # not listed by the issue
    (('农历',), 'other', 'lunar dates'),
    (('超模糊',), 'other', '超模糊: 前两年 as "a couple of years back"'),
    (('序数', 'time_delta', 'time_point'), 'other', 'ordinals: 第七年, 第三天'),
    (('法律时间',), 'other', 'sentences of the law: 三十年以上'),
    (('时间周期',), 'other', 'repeating periods: 每周五'),
    (('未来时间参数',), 'other', 'the ret_future option'),
    # periods of a year, a month, a century
    (('季度',), 'partial and periods', '第二季度'),
    (('模糊月份',), 'partial and periods', '年底, 伊始'),
    (('模糊月',), 'partial and periods', '年初, 暑假'),
    (('范围月',), 'partial and periods', '前五个月'),
    (('模糊日',), 'partial and periods', '上旬, 月底, 4月前4天'),
    (('世纪',), 'partial and periods', '上世纪90年代'),
    (('季节',), 'partial and periods', '春季'),
    (('某种特殊情况',), 'partial and periods', '2024年内'),
    # weeks and weekdays
    (('星期',), 'weekdays', '第 N 个星期, 年、月、星期'),
    (('第三周周日',), 'weekdays', '6月第3个星期日'),
    (('年、周',), 'weekdays', '21年第一个礼拜'),
    (('strict 时会报错',), 'weekdays', 'the strict note after the weekday cases'),
    # festivals and solar terms (dates computable for a known year)
    (('节日',), 'festivals', '教师节'),
    (('节气',), 'festivals', '冬至'),
    (('近三年',), 'relative', '近30天 (its note names time_span and time_delta)'),
    # ranges
    (('time span', '至'), 'ranges', '从……至……'),
    (('……至……',), 'ranges', '1月3至2月10'),
    (('time_span，',), 'ranges', 'limit and enumeration forms'),
    (('特殊时间范围',), 'ranges', '今明两年'),
    # durations
    (('范围时间段',), 'durations', '13天—8周'),
    (('特殊时间段',), 'durations', '6天5晚'),
    (('歧义处理',), 'durations', '30日 as a day, 30~90日 as days'),
    (('时间段转时间点',), 'relative', '20天后'),
    (('时间段',), 'durations', '4周'),
    # relative to the reference
    (('time_base',), 'relative', '半年后 with a partial reference'),
    (('time_del',), 'relative', '15个工作日内'),
    (('模糊限定',), 'relative', '3年后'),
    (('限定月、日',), 'relative', '上个月15号'),
    (('年（限定）、月、日',), 'relative', '今年六月, 现在'),
    (('限定日',), 'relative', '前天'),
    (('未来',), 'relative', '未来两个月'),
    (('过去',), 'relative', '过去的一年'),
    (('过',), 'relative', '过两天'),
    # times of day
    (('时分秒',), 'times', '10:30'),
    (('左右',), 'times', '8点许'),
    (('模糊时',), 'times', '白天'),
    (('时、限定性',), 'times', '20时1刻'),
    (('6点前',), 'times', '晚8点'),
    (('夜晚',), 'times', '早上8点到中午12点'),
    (('strict 参数',), 'times', 'the strict note after the time cases'),
    # absolute
    (('标准',), 'absolute', '2019-05-27, 2015年8月12日'),
    (('残缺',), 'absolute', '1月3'),
]

# JioNLP call options the tool is not given change the expected reading: such items are
# "other" whatever their category.
OPTION_KEYS = ('ret_future', 'lunar_date', 'period_results_num')


def kind_of(rec):
    opts = rec.get('options') or {}
    if any(k in opts for k in OPTION_KEYS):
        return 'other'
    cat = rec.get('category') or ''
    for words, kind, _ in RULES:
        if all(w in cat for w in words):
            return kind
    return 'other'


def load_scorer(path):
    spec = importlib.util.spec_from_file_location('date_score', path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def frac(a, n):
    return '%.3f (%d/%d)' % (a / n if n else 0.0, a, n)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('scorer')
    ap.add_argument('gold')
    ap.add_argument('--cmd', required=True)
    ap.add_argument('-v', '--verbose', action='store_true')
    a = ap.parse_args(argv)
    sc = load_scorer(a.scorer)
    suite, recs = sc.load_gold(a.gold)
    if suite != 'jionlp_parse':
        return 0  # the other suites have no kinds to sort by: nothing to say
    out, problem = sc.run_tool(a.cmd, ''.join(sc.input_lines(recs)), None)
    if problem:
        print('dates_kinds.py: tool: %s' % problem, file=sys.stderr)
    lines = (sc.split_output(out) + [''] * len(recs))[:len(recs)]
    st = sc.ToolStats()
    table = {k: [0, 0, []] for k in ORDER}
    for r, ln in zip(recs, lines):
        dates = sc.parse_output_line(ln, r['input'], st)
        right, scored, _, _ = sc.score_parse([r], [dates], False)
        if not scored:
            continue
        row = table[kind_of(r)]
        row[0] += right
        row[1] += 1
        if not right:
            row[2].append('%s %s' % (r.get('id', '?'), r['input']))
    print('== %s by the kinds of issue 7 (tests/eval/dates_kinds.py)' % os.path.basename(a.gold))
    for k in ORDER:
        ok, n, miss = table[k]
        mark = '' if k in LISTED else ('  (not a heading of the issue)' if k in EXTRA
                                       else '  (not listed)')
        print('    %-20s %s%s' % (k, frac(ok, n), mark))
        if a.verbose:
            for m in miss:
                print('        x %s' % m)
    for name, kinds in (('listed kinds', LISTED), ('listed kinds + durations', LISTED + EXTRA)):
        ok = sum(table[k][0] for k in kinds)
        n = sum(table[k][1] for k in kinds)
        print('  %-26s %s' % (name, frac(ok, n)))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
