/* SPDX-License-Identifier: MIT
 * Number words (1998年, １２月, 3万, 一九九八年, 三十一) and the characters of transliterated
 * foreign names, for the tokenizer's rules. */
#include <string.h>

#include "tokenize/tok_internal.h"
#include "util/utf8.h"

// Digits of Chinese numerals: 〇 ○ 零 一 二 三 四 五 六 七 八 九 (○ U+25CB is written for zero
// in years: 二○○一年)
static const uint32_t digits[] = {0x3007, 0x25CB, 0x96F6, 0x4E00, 0x4E8C, 0x4E09,
                                  0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D};
// ... and the other numeral characters: 十 百 千 万 萬 亿 億 两 兩
static const uint32_t tens[] = {0x5341, 0x767E, 0x5343, 0x4E07, 0x842C,
                                0x4EBF, 0x5104, 0x4E24, 0x5169};

// Units that form one word with the number before them, as news segmentation standards do:
// dates (年 after a year only; 月 日 号 號) and times (时 時 点 點 分 秒), magnitudes
// (万 萬 亿 億).
static const uint32_t year_unit[] = {0x5E74};
static const uint32_t date_units[] = {0x6708, 0x65E5, 0x53F7, 0x865F, 0x65F6,
                                      0x6642, 0x70B9, 0x9EDE, 0x5206, 0x79D2};
static const uint32_t magnitudes[] = {0x4E07, 0x842C, 0x4EBF, 0x5104};

// Characters before a classifier in numeral-classifier words (一个, 第一个, 几次, 这种): the
// numerals and 几 幾 多 数 數 半 第 这 這 那 每 各 该 該 此
static const uint32_t quantifiers[] = {0x51E0, 0x5E7E, 0x591A, 0x6570, 0x6578, 0x534A,
                                       0x7B2C};
// Classifiers (Simplified and Traditional): 个個位名次种種批条條项項件家张張只隻台臺部座辆輛艘
// 架所场場届屆岁歲元块塊斤吨噸股份篇首封支枝根片幅棵株头頭匹层層间間栋棟段句声聲遍番趟顿頓
// 双雙套群组組类類天周週年
static const uint32_t classifiers[] = {
    0x4E2A, 0x500B, 0x4F4D, 0x540D, 0x6B21, 0x79CD, 0x7A2E, 0x6279, 0x6761, 0x689D, 0x9879,
    0x9805, 0x4EF6, 0x5BB6, 0x5F20, 0x5F35, 0x53EA, 0x96BB, 0x53F0, 0x81FA, 0x90E8, 0x5EA7,
    0x8F86, 0x8F1B, 0x8258, 0x67B6, 0x6240, 0x573A, 0x5834, 0x5C4A, 0x5C46, 0x5C81, 0x6B72,
    0x5143, 0x5757, 0x584A, 0x65A4, 0x5428, 0x5678, 0x80A1, 0x4EFD, 0x7BC7, 0x9996, 0x5C01,
    0x652F, 0x679D, 0x6839, 0x7247, 0x5E45, 0x68F5, 0x682A, 0x5934, 0x982D, 0x5339, 0x5C42,
    0x5C64, 0x95F4, 0x9593, 0x680B, 0x68DF, 0x6BB5, 0x53E5, 0x58F0, 0x8072, 0x904D, 0x756A,
    0x8D9F, 0x987F, 0x9813, 0x53CC, 0x96D9, 0x5957, 0x7FA4, 0x7EC4, 0x7D44, 0x7C7B, 0x985E,
    0x5929, 0x5468, 0x9031, 0x5E74};

static void mark(uint8_t *table, const uint32_t *set, size_t n, uint8_t flag)
{
    for (size_t i = 0; i < n; i++) {
        table[set[i]] |= flag;
    }
}

#define MARK(table, set, flag) mark(table, set, sizeof set / sizeof *set, flag)

// The unit after a number at index j, its tag, or 0. `year` says whether the number looks
// like a year (four digits, 二○○一): only a year joins 年 (五年 is a duration: two words).
static size_t unit_at(const tok_char *chars, size_t j, size_t to, bool year, const char **tag)
{
    if (j >= to || chars[j].inside) {
        return 0;
    }
    if ((chars[j].flags & TOK_CF_DATE) || (year && (chars[j].flags & TOK_CF_YEAR))) {
        *tag = "t";
        return 1;
    }
    if (chars[j].flags & TOK_CF_MAGNITUDE) {
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
            if (chars[k].cls != TOK_DIGIT) {
                return 0; // not a bare integer
            }
        }
        size_t u = unit_at(chars, e, to, e - i == 4, tag);
        return u > 0 ? e + u - i : 0;
    }
    if (!(chars[i].flags & TOK_CF_NUMERAL) || chars[i].inside ||
        (i > 0 && (chars[i - 1].flags & TOK_CF_NUMERAL))) {
        return 0;
    }
    size_t e = i;
    bool year = true;
    while (e < to && e - i < 16 && (chars[e].flags & TOK_CF_NUMERAL) && !chars[e].inside) {
        year &= (chars[e].flags & TOK_CF_DIGIT) != 0;
        e++;
    }
    size_t u = unit_at(chars, e, to, year && e - i >= 2, tag);
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

void zn__tok_fill_char_flags(uint8_t *table)
{
    memset(table, 0, 65536);
    MARK(table, digits, TOK_CF_DIGIT);
    MARK(table, tens, TOK_CF_TEN);
    MARK(table, quantifiers, TOK_CF_QUANT);
    MARK(table, classifiers, TOK_CF_CLASSIFIER);
    MARK(table, date_units, TOK_CF_DATE);
    MARK(table, year_unit, TOK_CF_YEAR);
    MARK(table, magnitudes, TOK_CF_MAGNITUDE);
    size_t pos = 0;
    while (pos < sizeof translit - 1) {
        uint32_t cp = zn__utf8_next(translit, sizeof translit - 1, &pos);
        if (cp < 65536) {
            table[cp] |= TOK_CF_TRANSLIT;
        }
    }
}

// Suffixes that form one word with the word before them in both the Mainland and the Hong
// Kong standards: 者 性 化 员 員 式 型 率 论 論 族 品 机 機 馆 館 业 業 区 區 界 院 局, and of
// organisations: 队 隊 派 组 組 厂 廠
static const uint32_t suffixes[] = {0x8005, 0x6027, 0x5316, 0x5458, 0x54E1, 0x5F0F, 0x578B,
                                    0x7387, 0x8BBA, 0x8AD6, 0x65CF, 0x54C1, 0x673A, 0x6A5F,
                                    0x9986, 0x9928, 0x4E1A, 0x696D, 0x533A, 0x5340, 0x754C,
                                    0x9662, 0x5C40, 0x961F, 0x968A, 0x6D3E, 0x7EC4, 0x7D44,
                                    0x5382, 0x5EE0};
static const uint32_t plurals[] = {0x4EEC, 0x5011}; // 们 們

// The commonest Chinese surnames, Simplified and Traditional forms.
static const char surnames[] =
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧"
    "曹彭曾肖萧蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈"
    "夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閆段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向"
    "汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左"
    "柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂塗成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華"
    "喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁"
    "窦竇戚岑景党黨宫宮"
    "费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲"
    "虞敖巩鞏明佘池查麻苑迟遲邝鄺";

void zn__tok_fill_suffix_flags(uint8_t *table)
{
    memset(table, 0, 65536);
    MARK(table, suffixes, TOK_SF_SUFFIX);
    MARK(table, plurals, TOK_SF_PLURAL);
    size_t pos = 0;
    while (pos < sizeof surnames - 1) {
        uint32_t cp = zn__utf8_next(surnames, sizeof surnames - 1, &pos);
        if (cp < 65536) {
            table[cp] |= TOK_SF_SURNAME;
        }
    }
}

void zn__tok_fill_suffix_bits(uint64_t bits[1024])
{
    for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
        bits[suffixes[i] >> 6] |= (uint64_t)1 << (suffixes[i] & 63);
    }
    for (size_t i = 0; i < sizeof plurals / sizeof *plurals; i++) {
        bits[plurals[i] >> 6] |= (uint64_t)1 << (plurals[i] & 63);
    }
}
