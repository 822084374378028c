/* SPDX-License-Identifier: MIT
 * Centuries and decades, written as spans of years: 18世紀, 上世紀, 上個世紀90年代, 九十年代後期,
 * 80年代初, 20世紀中葉. */
#include "extract/date_priv.h"

static void years(int from, int to, dval *v)
{
    dpt a, b;
    date__pt_clear(&a);
    a.y = from;
    a.prec = PR_YEAR;
    b = a;
    b.y = to;
    date__val_span(v, &a, &b, ZN_DATE_RANGE);
}

// 90年代 七十年代: 1990–1999 (00年代 and 10年代 are this century's)
static size_t decade(const dtext *t, size_t i, int century, dval *v)
{
    dnum n;
    size_t e;
    if (!date__num(t, i, &n) || !date__at(t, n.end, "年代", &e) || n.v < 0 ||
        (int)n.v % 10 != 0 || (n.v > 90 && (n.digits != 4 || century >= 0 || n.v > 2990))) {
        return i;
    }
    int base = century >= 0 ? century * 100 : (n.v >= 20 ? 1900 : 2000);
    int y = n.v > 90 ? (int)n.v : base + (int)n.v; // 2020年代
    // 初 初期 前期: the first four years; 中期 the middle three; 末 末期 后期 the last three
    // (code points, not words: 前期 中期 後期 would stop the scanner everywhere)
    uint32_t c = e < t->n ? t->cp[e] : 0;
    bool qi = e + 1 < t->n && t->cp[e + 1] == 0x671F; // 期
    bool early = c == 0x521D || (qi && c == 0x524D);  // 初 前期
    bool late = c == 0x672B || (qi && c == 0x540E);   // 末 后期
    if (early || late || (qi && c == 0x4E2D)) {       // 中期
        years(early ? y : late ? y + 7 : y + 4, early ? y + 3 : late ? y + 9 : y + 6, v);
        return e + 1 + (qi ? 1 : 0);
    }
    years(y, y + 9, v);
    return e;
}

size_t date__era(dctx *c, size_t i, dval *v)
{
    const dtext *t = c->t;
    size_t e;
    int century = -1;
    dnum n;
    if (date__at(t, i, "上世纪", &e) || date__at(t, i, "上个世纪", &e) ||
        date__at(t, i, "本世纪", &e)) {
        if (c->ref.prec < PR_YEAR) {
            return i;
        }
        century = c->ref.y / 100 - (t->cp[i] == 0x4E0A ? 1 : 0); // 上
    } else if (date__num(t, i, &n) && n.v >= 1 && n.v <= 30 && date__at(t, n.end, "世纪", &e)) {
        century = (int)n.v - 1;
    } else {
        return decade(t, i, -1, v);
    }
    bool from_ref = !date__is_digit(t->cp[i]) && !date__is_cjk_digit(t->cp[i]); // 上世紀
    size_t j = decade(t, e, century, v);
    if (j > e) {
        return j; // 上世紀90年代: the decade is written (90年代 alone is the same)
    }
    int y = century * 100;
    if (date__at(t, e, "初", &j)) {
        j += date__two_at(t, e, 0x521D, 0x671F) ? 1 : 0; // 初期
        years(y, y + 19, v);
    } else if (date__at(t, e, "末", &j)) {
        j += date__two_at(t, e, 0x672B, 0x671F) ? 1 : 0; // 末期
        years(y + 80, y + 99, v);
    } else if (date__at(t, e, "中叶", &j) || date__at(t, e, "中期", &j)) {
        years(y + 40, y + 59, v);
    } else {
        years(y, y + 99, v);
        j = e;
    }
    v->src = from_ref ? ZN_DATE_REFERENCE : ZN_DATE_EXPLICIT; // 上世紀 alone
    return j;
}
