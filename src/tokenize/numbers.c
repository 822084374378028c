/* SPDX-License-Identifier: MIT
 * Number words (1998年, １２月, 3万, 一九九八年, 三十一) and the characters of transliterated
 * foreign names, for the tokenizer's rules. */
#include <string.h>

#include "tokenize/tok_internal.h"
#include "util/utf8.h"

// Characters of Chinese numerals: 〇零一二三四五六七八九十百千万萬亿億两兩
static const uint32_t numerals[] = {0x3007, 0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
                                    0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341, 0x767E, 0x5343,
                                    0x4E07, 0x842C, 0x4EBF, 0x5104, 0x4E24, 0x5169};

// Units that form one word with the number before them, as news segmentation standards do:
// date and time units (年 月 日 号 號 时 時 点 點 分 秒) and magnitudes (万 萬 亿 億).
static const uint32_t date_units[] = {0x5E74, 0x6708, 0x65E5, 0x53F7, 0x865F, 0x65F6, 0x6642,
                                      0x70B9, 0x9EDE, 0x5206, 0x79D2};
static const uint32_t magnitudes[] = {0x4E07, 0x842C, 0x4EBF, 0x5104};

static bool in(const uint32_t *set, size_t n, uint32_t cp)
{
    for (size_t i = 0; i < n; i++) {
        if (set[i] == cp) {
            return true;
        }
    }
    return false;
}

#define IN(set, cp) in(set, sizeof set / sizeof *set, cp)

// The unit after a number at index j, its tag, or 0.
static size_t unit_at(const tok_char *chars, size_t j, size_t to, const char **tag)
{
    if (j >= to || chars[j].inside) {
        return 0;
    }
    if (IN(date_units, chars[j].cp)) {
        *tag = "t";
        return 1;
    }
    if (IN(magnitudes, chars[j].cp)) {
        *tag = "m";
        return 1;
    }
    return 0;
}

size_t zn__tok_number_at(const tok_char *chars, size_t i, size_t to, const char **tag)
{
    *tag = "m";
    if (chars[i].atom && chars[i].cls == TOK_DIGIT) {
        size_t e = chars[i].atom_end;
        for (size_t k = i; k < e; k++) {
            if (chars[k].cls == TOK_LATIN || chars[k].cp == '%' || chars[k].cp == 0xFF05) {
                return 0; // not a bare number
            }
        }
        size_t u = unit_at(chars, e, to, tag);
        return u > 0 ? e + u - i : 0;
    }
    if (chars[i].cls != TOK_HAN || !IN(numerals, chars[i].cp) ||
        (i > 0 && IN(numerals, chars[i - 1].cp))) {
        return 0;
    }
    size_t e = i;
    while (e < to && e - i < 16 && chars[e].cls == TOK_HAN && IN(numerals, chars[e].cp)) {
        e++;
    }
    size_t u = unit_at(chars, e, to, tag);
    if (e - i < 2 && u == 0) {
        return 0;
    }
    return e + u - i;
}

// Characters that transliterate foreign names, Simplified and Traditional forms.
static const char translit[] =
    "阿埃艾爱安昂奥澳巴拜班邦包保鲍贝本比彼毕宾波伯勃博布查达戴丹道德登迪蒂丁东杜顿多厄恩尔"
    "法凡范菲费芬丰冯弗福夫富盖甘冈高戈哥格根古圭哈海汉豪赫黑亨洪胡华怀霍基吉加迦贾杰捷金卡凯"
    "坎康考柯科克肯库夸奎拉莱赖兰朗劳勒雷蕾黎里理利莉列林琳隆卢鲁路伦罗洛玛马迈麦曼芒梅门蒙米"
    "密敏明摩莫默姆穆纳娜奈南内尼涅宁纽努诺欧帕潘佩彭皮普奇齐恰乔切钦琴丘萨塞赛桑瑟森沙莎尚舍"
    "圣施什史斯松苏索塔泰坦汤唐陶特提廷图托瓦万旺威韦维温翁沃乌伍武西希锡席夏肖谢辛休雅亚扬杨"
    "耶伊依因英尤约泽扎詹兹佐逊娅丽妮"
    "愛奧貝畢達東頓爾馮蓋岡華懷賈傑凱庫誇萊賴蘭勞裡麗盧魯倫羅瑪馬邁麥門納紐諾歐齊喬欽薩賽"
    "聖謝遜維溫烏錫蕭亞楊約澤紮詹茲韋鮑豐漢岡勞婭";

bool zn__tok_is_translit(uint32_t cp)
{
    char enc[5] = {0};
    if (zn__utf8_encode(cp, enc) != 3) {
        return false;
    }
    return strstr(translit, enc) != NULL;
}
