/* SPDX-License-Identifier: MIT
 * Cue tables of the article parser. Each table lists Traditional and Simplified forms. */
#include "article/cues.h"

#include <string.h>

#include "util/utf8.h"

// Headings of related-article lists and similar site footers: what follows is not the article.
static const char *const footer_starts[] = {
    "相关的主题文章", "相關的主題文章", "相关阅读", "相關閱讀", "延伸阅读", "延伸閱讀",
    "推荐阅读", "推薦閱讀", "相关新闻", "相關新聞", "相关文章", "相關文章", "热门推荐",
    "熱門推薦", "猜你喜欢", "猜你喜歡", "往期回顾", "往期回顧", "更多精彩", "热点新闻",
    "熱點新聞", "相关报道", "相關報導", "相關報道", "看更多", "更多新聞", "更多新闻",
};

// Credits, rights, sharing, apps, accounts, cookies: site furniture around the article.
static const char *const boiler_cues[] = {
    "责任编辑", "責任編輯", "责编", "責編", "编辑：", "編輯：", "编辑:", "編輯:", "校对",
    "校對", "版权所有", "版權所有", "版权声明", "版權聲明", "Copyright", "copyright", "©",
    "免责声明", "免責聲明", "分享到", "分享：", "分享:", "点击下载", "點擊下載", "下载APP",
    "下載APP", "下载App", "下載App", "下载客户端", "下載客戶端", "扫描二维码", "掃描二維碼",
    "扫一扫", "掃一掃", "关注我们", "關注我們", "微信公众号", "微信公眾號", "返回首页",
    "返回首頁", "上一篇", "下一篇", "打印本页", "打印本頁", "【纠错】", "【糾錯】", "原标题",
    "原標題", "登录", "登入", "注册", "註冊", "隐私政策", "隱私政策", "隱私權", "cookie",
    "Cookie", "COOKIE", "使用条款", "使用條款", "我知道了", "订阅", "訂閱", "讚好", "点赞",
    "點讚", "转发", "轉發", "收藏本文", "举报", "檢舉", "本文来源", "本文來源", "文章来源",
    "文章來源", "未经授权", "未經授權", "不得转载", "不得轉載", "点击进入", "點擊進入",
    "点击查看", "點擊查看", "进入专题", "進入專題",
};

// Markers of a lead or abstract block.
static const char *const lead_markers[] = {
    "导读", "導讀", "摘要", "内容提要", "內容提要", "编者按", "編者按", "导语", "導語",
};

// Markers of a category line and of a tags line.
static const char *const category_markers[] = {"分类", "分類", "栏目", "欄目", "频道", "頻道"};
static const char *const tags_markers[] = {"标签", "標籤", "關鍵詞", "关键词", "關鍵字", "关键字", "Tags", "tags"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static bool contains_any(const art_line *l, const char *const *cues, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (zn__art_find(l->s, l->len, cues[i]) != SIZE_MAX) {
            return true;
        }
    }
    return false;
}

// Length of a marker at the line start, with optional 【】[] around it; 0 when absent.
static size_t marker_at_start(const art_line *l, const char *const *markers, size_t n)
{
    size_t pos = 0;
    size_t open = 0;
    if (zn__art_starts_with(l, "【") || zn__art_starts_with(l, "［")) {
        open = pos = 3;
    } else if (zn__art_starts_with(l, "[")) {
        open = pos = 1;
    }
    for (size_t i = 0; i < n; i++) {
        size_t m = strlen(markers[i]);
        if (l->len >= pos + m && memcmp(l->s + pos, markers[i], m) == 0) {
            size_t end = pos + m;
            if (open == 3 && l->len >= end + 3 &&
                (memcmp(l->s + end, "】", 3) == 0 || memcmp(l->s + end, "］", 3) == 0)) {
                end += 3;
            } else if (open == 1 && l->len > end && l->s[end] == ']') {
                end += 1;
            }
            if (l->len >= end + 3 && memcmp(l->s + end, "：", 3) == 0) {
                end += 3;
            } else if (l->len > end && l->s[end] == ':') {
                end += 1;
            }
            return end;
        }
    }
    return 0;
}

bool zn__art_is_footer_start(const art_line *l)
{
    return l->chars <= 24 && marker_at_start(l, footer_starts, COUNT(footer_starts)) > 0;
}

// A menu: many short items between separators | · / or wide spaces, no sentence.
static bool is_menu(const art_line *l)
{
    if (l->sentence_punct || l->ends_sentence) {
        return false;
    }
    size_t seps = 0;
    size_t items = 1;
    size_t pos = 0;
    size_t item_chars = 0;
    size_t longest = 0;
    while (pos < l->len) {
        uint32_t cp = zn__utf8_next(l->s, l->len, &pos);
        bool sep = cp == '|' || cp == 0xFF5C || cp == 0x00B7 || cp == ' ' || cp == 0x3000 ||
                   cp == '>' || cp == 0x203A;
        if (sep) {
            seps += cp != ' ' && cp != 0x3000;
            if (item_chars > 0) {
                items++;
            }
            item_chars = 0;
            continue;
        }
        item_chars++;
        longest = item_chars > longest ? item_chars : longest;
    }
    return (seps >= 3 && longest <= 8) || (items >= 5 && longest <= 4);
}

bool zn__art_is_boilerplate(const art_line *l)
{
    if (l->chars <= 60 && contains_any(l, boiler_cues, COUNT(boiler_cues))) {
        return true;
    }
    // Long cookie and privacy banners.
    if (zn__art_find(l->s, l->len, "cookie") != SIZE_MAX ||
        zn__art_find(l->s, l->len, "Cookie") != SIZE_MAX) {
        return true;
    }
    return is_menu(l);
}

bool zn__art_is_timestamp(const art_line *l)
{
    size_t digits = 0;
    size_t pos = 0;
    size_t dashes = 0;
    while (pos < l->len) {
        uint32_t cp = zn__utf8_next(l->s, l->len, &pos);
        if (cp >= '0' && cp <= '9') {
            digits++;
        } else if (cp == '-' || cp == '/' || cp == ':' || cp == 0x5E74 || cp == 0x6708 ||
                   cp == 0x65E5) {
            dashes++; // - / : 年 月 日
        }
    }
    // Mostly a date and a time, possibly with a short source: "2018-06-13 08:30 來源：新華網".
    return digits >= 8 && dashes >= 3 && l->chars <= 40 && !l->ends_sentence &&
           digits * 2 >= l->chars - (l->chars > 16 ? 12 : 0);
}

size_t zn__art_lead_marker(const art_line *l)
{
    return marker_at_start(l, lead_markers, COUNT(lead_markers));
}

// True when a marker of length m ends with a colon or a closing bracket (分類：, 【標籤】).
static bool marker_is_labelled(const art_line *l, size_t m)
{
    return m > 0 && m < l->len &&
           (l->s[m - 1] == ':' || l->s[m - 1] == ']' ||
            (m >= 3 && (memcmp(l->s + m - 3, "：", 3) == 0 || memcmp(l->s + m - 3, "】", 3) == 0)));
}

bool zn__art_category(const art_line *l, size_t *start, size_t *end)
{
    size_t m = marker_at_start(l, category_markers, COUNT(category_markers));
    if (marker_is_labelled(l, m)) {
        *start = m;
        *end = l->len;
        return true;
    }
    // A lone short word without punctuation or digits: 未分類, 科技, 國際新聞.
    if (l->chars >= 2 && l->chars <= 5 && l->han == l->chars && !l->sentence_punct) {
        *start = 0;
        *end = l->len;
        return true;
    }
    return false;
}

size_t zn__art_tags_line(const art_line *l)
{
    size_t m = marker_at_start(l, tags_markers, COUNT(tags_markers));
    return marker_is_labelled(l, m) ? m : 0;
}
