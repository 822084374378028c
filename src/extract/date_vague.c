/* SPDX-License-Identifier: MIT
 * Vague time words (近年來, 未來, 改革開放之初): reported only when the caller asks, with
 * granularity ZN_DATE_VAGUE and an empty value; and 現在 (the reference itself). */
#include <string.h>

#include "extract/date_priv.h"

static const char *const vague_words[] = {
    "近年来", "近年",   "近些年", "近来",     "近期",     "近日",   "日前",   "最近",
    "目前",   "当前",   "如今",   "现今",     "当下",     "未来",   "将来",   "今后",
    "过去",   "以往",   "此前",   "早年",     "早期",     "当时",   "届时",   "彼时",
    "往年",   "同期",   "昔日",   "改革开放之初", "改革开放以来", "建国初期", "新中国成立以来",
    NULL,
};

size_t date__vague(dctx *c, size_t i, dval *v)
{
    size_t e;
    if (date__at_list(c->t, i, vague_words, DATE_LIST_vague_vague_words, &e) < 0) {
        return i;
    }
    memset(v, 0, sizeof *v);
    v->kind = DV_VAGUE;
    v->gran = ZN_DATE_VAGUE;
    date__pt_clear(&v->a);
    date__pt_clear(&v->b);
    return e;
}

size_t date__now(dctx *c, size_t i, dval *v)
{
    // 而家 is Cantonese for now
    static const char *const now_words[] = {"现在", "此时此刻", "此刻", "而家", NULL};
    size_t e;
    if (c->ref.prec < PR_YEAR ||
        date__at_list(c->t, i, now_words, DATE_LIST_vague_now_words, &e) < 0) {
        return i;
    }
    date__val_point(v, &c->ref);
    v->src = ZN_DATE_REFERENCE;
    return e;
}

// 今明兩天 明後兩天 今明兩年: two neighbouring days or years named together
size_t date__pair(dctx *c, size_t i, dval *v)
{
    static const struct {
        const char *w;
        int first;
        bool years;
    } pairs[] = {
        {"今明两天", 0, false}, {"今明两日", 0, false}, {"明后两天", 1, false},
        {"明后两日", 1, false}, {"今明两年", 0, true},  {NULL, 0, false},
    };
    dlead lead = date__lead_at(c->t, i);
    for (int k = 0; pairs[k].w != NULL; k++) {
        size_t e;
        if (!date__at_lead(c->t, i, &lead, pairs[k].w, &e)) {
            continue;
        }
        dpt a, b;
        if (!date__ref(c, pairs[k].years ? PR_YEAR : PR_DAY, &a)) {
            return i;
        }
        a.H = a.M = a.S = -1;
        a.prec = pairs[k].years ? PR_YEAR : PR_DAY;
        if (pairs[k].years) {
            a.m = a.d = -1;
            b = a;
            b.y++;
        } else {
            date__add_days(&a, pairs[k].first);
            b = a;
            date__add_days(&b, 1);
        }
        date__val_span(v, &a, &b, ZN_DATE_RANGE);
        v->src = ZN_DATE_REFERENCE;
        return e;
    }
    return i;
}
