/* SPDX-License-Identifier: MIT
 * Unit tests for the article stage: headline and tags, category, bylines of every layout,
 * lead, headings, boilerplate, and the failure paths. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "util/alloc.h"
#include "zhnews/article.h"

static zn_article *parse(const char *text)
{
    zn_article *a = NULL;
    zn_error err;
    assert_int_equal(zn_article_parse(&a, "t.txt", text, strlen(text), &err), ZN_OK);
    assert_non_null(a);
    return a;
}

static void assert_span(const zn_article *a, zn_span s, const char *want)
{
    if (want == NULL) {
        assert_int_equal(s.start, s.end);
        return;
    }
    size_t n = strlen(want);
    assert_int_equal(s.end - s.start, n);
    assert_memory_equal(a->text + s.start, want, n);
}

static const char tagged[] =
    "城市更新計劃公布 舊區重建 房屋 規劃\n"
    "\n"
    "地產\n"
    "  本報記者 何家明 實習生 梁小雯 九龍報道\n"
    "  導讀\n"
    "  政府公布新一輪城市更新計劃,涉及九龍多個舊區的重建與房屋規劃。\n"
    "  發展局昨日公布城市更新計劃,首批項目涵蓋五個舊區,預計提供一萬個單位。\n"
    "  重建的挑戰\n"
    "  業主對賠償方案意見分歧,部分居民擔心重建後無法負擔新樓價。\n"
    "相關閱讀:\n"
    "舊區活化計劃回顧\n";

static void test_article_headline_tags_category_byline_lead(void **state)
{
    (void)state;
    zn_article *a = parse(tagged);
    assert_span(a, a->title, "城市更新計劃公布");
    assert_int_equal(a->n_tags, 3);
    assert_span(a, a->tags[0], "舊區重建");
    assert_span(a, a->tags[1], "房屋");
    assert_span(a, a->tags[2], "規劃");
    assert_span(a, a->category, "地產");
    assert_int_equal(a->byline.n_reporters, 1);
    assert_span(a, a->byline.reporters[0], "何家明");
    assert_int_equal(a->byline.n_interns, 1);
    assert_span(a, a->byline.interns[0], "梁小雯");
    assert_span(a, a->byline.place, "九龍");
    assert_span(a, a->byline.outlet, "本報");
    assert_span(a, a->lead_heading, "導讀");
    assert_span(a, a->lead, "政府公布新一輪城市更新計劃,涉及九龍多個舊區的重建與房屋規劃。");
    zn_article_free(a);
}

static void test_article_sections_and_footer(void **state)
{
    (void)state;
    zn_article *a = parse(tagged);
    assert_int_equal(a->n_sections, 2);
    assert_span(a, a->sections[0].heading, NULL);
    assert_int_equal(a->sections[0].n_paragraphs, 1);
    assert_span(a, a->sections[1].heading, "重建的挑戰");
    assert_int_equal(a->sections[1].n_paragraphs, 1);
    assert_int_equal(a->n_paragraphs, 2);
    assert_int_equal(a->n_boilerplate, 2);
    assert_string_equal(a->boilerplate[0], "相關閱讀:");
    assert_string_equal(a->boilerplate[1], "舊區活化計劃回顧");
    assert_null(strstr(a->text, "相關閱讀"));
    // Indentation is gone and lines are joined by single newlines.
    assert_non_null(strstr(a->text, "\n地產\n本報記者"));
    zn_article_free(a);
}

static void test_article_xinhua_prefix_byline(void **state)
{
    (void)state;
    zn_article *a = parse("水利部部署防汛工作\n"
                          "新華社北京6月2日電（記者 鄭大為）水利部召開會議,部署今年的防汛工作。\n"
                          "會議要求各地加強堤防巡查。\n");
    assert_span(a, a->title, "水利部部署防汛工作");
    assert_span(a, a->byline.outlet, "新華社");
    assert_span(a, a->byline.place, "北京");
    assert_span(a, a->byline.date, "6月2日");
    assert_int_equal(a->byline.n_reporters, 1);
    assert_span(a, a->byline.reporters[0], "鄭大為");
    assert_span(a, a->byline.raw, "新華社北京6月2日電（記者 鄭大為）");
    // The paragraph starts after the byline.
    assert_span(a, a->sections[0].paragraphs[0], "水利部召開會議,部署今年的防汛工作。");
    zn_article_free(a);
}

static void test_article_dateline_ended_by_a_space_and_site_name_above(void **state)
{
    (void)state;
    zn_article *a = parse("某某新聞網\n"
                          "首頁 > 財經 > 正文\n"
                          "央行宣布調降利率半碼\n"
                          "新華社北京3月5日電 央行今天宣布調降利率半碼,以支持經濟增長。\n"
                          "點擊進入專題:利率調整\n");
    assert_span(a, a->title, "央行宣布調降利率半碼");
    assert_span(a, a->category, NULL);
    assert_span(a, a->byline.raw, "新華社北京3月5日電");
    assert_span(a, a->byline.place, "北京");
    assert_span(a, a->sections[0].paragraphs[0], "央行今天宣布調降利率半碼,以支持經濟增長。");
    assert_int_equal(a->n_boilerplate, 3);
    assert_string_equal(a->boilerplate[0], "某某新聞網");
    assert_string_equal(a->boilerplate[2], "點擊進入專題:利率調整");
    zn_article_free(a);
}

static void test_article_bracketed_and_author_bylines(void **state)
{
    (void)state;
    zn_article *a = parse("立委提案修法 延長育嬰假\n"
                          "〔記者王小明／台北報導〕立法委員今天提案修法,延長育嬰留職停薪期間。\n");
    assert_span(a, a->byline.reporters[0], "王小明");
    assert_span(a, a->byline.place, "台北");
    assert_span(a, a->sections[0].paragraphs[0], "立法委員今天提案修法,延長育嬰留職停薪期間。");
    zn_article_free(a);
    a = parse("港鐵新線通車\n【明報專訊】港鐵新線昨日通車,首日客量逾十萬人次。\n");
    assert_span(a, a->byline.outlet, "明報");
    zn_article_free(a);
    a = parse("從咖啡看經濟\n文／陳大文\n咖啡價格近月持續上漲,反映原料成本上升。\n");
    assert_int_equal(a->byline.n_reporters, 1);
    assert_span(a, a->byline.reporters[0], "陳大文");
    assert_span(a, a->sections[0].paragraphs[0], "咖啡價格近月持續上漲,反映原料成本上升。");
    zn_article_free(a);
}

static void test_article_cna_byline_without_spaces(void **state)
{
    (void)state;
    zn_article *a = parse("颱風逼近 東部停班停課\n"
                          "（中央社記者許文華花蓮5日電）颱風逐漸接近,花蓮縣政府宣布明天停班停課。\n");
    assert_span(a, a->byline.outlet, "中央社");
    assert_span(a, a->byline.reporters[0], "許文華");
    assert_span(a, a->byline.place, "花蓮");
    assert_span(a, a->byline.date, "5日");
    zn_article_free(a);
}

static void test_article_slash_byline_and_bracket_outlet(void **state)
{
    (void)state;
    zn_article *a = parse("夜市擴大營業 攤商樂見人潮\n記者陳怡君／高雄報導\n"
                          "高雄市的夜市從本週起延長營業時間,攤商表示生意明顯變好。\n");
    assert_span(a, a->byline.reporters[0], "陳怡君");
    assert_span(a, a->byline.place, "高雄");
    zn_article_free(a);
    a = parse("渡輪服務恢復正常\n【本報訊】受濃霧影響停航的渡輪服務,今早已恢復正常。\n");
    assert_span(a, a->byline.outlet, "本報");
    assert_int_equal(a->byline.n_reporters, 0);
    assert_span(a, a->sections[0].paragraphs[0], "受濃霧影響停航的渡輪服務,今早已恢復正常。");
    zn_article_free(a);
}

static void test_article_no_structure_invents_nothing(void **state)
{
    (void)state;
    zn_article *a = parse("今年的雨量比往年少,水庫存量持續下降。\n"
                          "水務部門呼籲市民節約用水,避免浪費。\n");
    assert_span(a, a->title, NULL);
    assert_span(a, a->byline.raw, NULL);
    assert_int_equal(a->n_tags, 0);
    assert_int_equal(a->n_sections, 1);
    assert_int_equal(a->sections[0].n_paragraphs, 2);
    zn_article_free(a);
}

static void test_article_web_dump_furniture_before_headline(void **state)
{
    (void)state;
    zn_article *a = parse("我们使用Cookie改善您的体验,详情请阅读隐私政策。\n"
                          "首页 | 国内 | 国际 | 体育\n"
                          "2022-11-03 10:20 来源：晚报\n"
                          "社区食堂开业 老人吃饭更方便\n"
                          "本报记者 周丽 报道\n"
                          "社区食堂昨天正式开业,为辖区老人提供午餐和晚餐。\n"
                          "食堂负责人说,老人吃饭可以享受优惠价格。\n"
                          "责任编辑：王刚\n");
    assert_span(a, a->title, "社区食堂开业 老人吃饭更方便");
    assert_span(a, a->byline.reporters[0], "周丽");
    assert_int_equal(a->n_boilerplate, 4);
    assert_string_equal(a->boilerplate[3], "责任编辑：王刚");
    assert_memory_equal(a->text, "社区食堂开业", strlen("社区食堂开业"));
    zn_article_free(a);
}

static void test_article_odd_spaces_are_trimmed(void **state)
{
    (void)state;
    zn_article *a = parse("\xC2\xA0\xC2\xA0標題在這裡出現了\n\xE3\x80\x80\xE3\x80\x80"
                          "正文第一段寫在這裡,內容與標題出現有關。\t\n");
    assert_span(a, a->title, "標題在這裡出現了");
    assert_span(a, a->sections[0].paragraphs[0], "正文第一段寫在這裡,內容與標題出現有關。");
    zn_article_free(a);
}

static void test_article_rejects_invalid_utf8(void **state)
{
    (void)state;
    zn_article *a = (zn_article *)1;
    zn_error err;
    assert_int_equal(zn_article_parse(&a, "bad.txt", "ab\xFF", 3, &err), ZN_ERR_INVALID_ARG);
    assert_null(a);
    assert_string_equal(err.message, "bad.txt: invalid UTF-8 at byte 2");
}

static void test_article_empty_text_gives_empty_article(void **state)
{
    (void)state;
    zn_article *a = parse("\n  \n");
    assert_int_equal(a->len, 0);
    assert_int_equal(a->n_sections, 0);
    zn_article_free(a);
}

static void test_article_allocation_failures_are_reported(void **state)
{
    (void)state;
    for (size_t fail = 0;; fail++) {
        zn_article *a = NULL;
        zn_error err;
        zn__alloc_fail_after(fail);
        zn_status st = zn_article_parse(&a, "t.txt", tagged, strlen(tagged), &err);
        bool failed = zn__alloc_failed();
        zn__alloc_fail_after((size_t)-1);
        if (!failed) {
            assert_int_equal(st, ZN_OK);
            zn_article_free(a);
            break;
        }
        assert_int_equal(st, ZN_ERR_NOMEM);
        assert_null(a);
        assert_non_null(strstr(err.message, "t.txt"));
    }
}

static void test_article_container_title_becomes_headline(void **state)
{
    (void)state;
    const char body[] = "記者 李明 / 台北報導\n市府今天公布新預算,教育經費增加一成。\n";
    zn_article *a = NULL;
    zn_error err;
    const char title[] = "市府公布\n新預算";
    assert_int_equal(zn_article_parse_titled(&a, "t.jsonl", title, strlen(title), body,
                                             strlen(body), &err), ZN_OK);
    assert_span(a, a->title, "市府公布 新預算");
    assert_span(a, a->byline.reporters[0], "李明");
    assert_memory_equal(a->text, "市府公布 新預算\n記者", strlen("市府公布 新預算\n記者"));
    zn_article_free(a);
    // A text that already starts with its title keeps one copy of it.
    const char twice[] = "港口擴建\n港口將新增泊位,工程明年展開。\n";
    assert_int_equal(zn_article_parse_titled(&a, "t.jsonl", "港口擴建", strlen("港口擴建"),
                                             twice, strlen(twice), &err), ZN_OK);
    assert_span(a, a->title, "港口擴建");
    assert_int_equal(a->len, strlen(twice) - 1);
    zn_article_free(a);
    assert_int_equal(zn_article_parse_titled(&a, "t.jsonl", "\xFF", 1, twice, strlen(twice),
                                             &err), ZN_ERR_INVALID_ARG);
    assert_null(a);
    assert_string_equal(err.message, "t.jsonl: invalid UTF-8 in the title");
}

static size_t shift_by_three(const void *ctx, size_t off)
{
    (void)ctx;
    return off + 3;
}

static void test_article_retext_moves_spans(void **state)
{
    (void)state;
    zn_article *a = parse(tagged);
    size_t title_start = a->title.start;
    size_t n = a->len + 3;
    char *text = zn__malloc(n + 1);
    assert_non_null(text);
    memcpy(text, "ABC", 3);
    memcpy(text + 3, a->text, a->len + 1);
    zn_article_retext(a, text, n, shift_by_three, NULL);
    assert_int_equal(a->title.start, title_start + 3);
    assert_span(a, a->title, "城市更新計劃公布");
    assert_span(a, a->byline.reporters[0], "何家明");
    zn_article_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_article_headline_tags_category_byline_lead),
        cmocka_unit_test(test_article_sections_and_footer),
        cmocka_unit_test(test_article_xinhua_prefix_byline),
        cmocka_unit_test(test_article_cna_byline_without_spaces),
        cmocka_unit_test(test_article_bracketed_and_author_bylines),
        cmocka_unit_test(test_article_dateline_ended_by_a_space_and_site_name_above),
        cmocka_unit_test(test_article_slash_byline_and_bracket_outlet),
        cmocka_unit_test(test_article_no_structure_invents_nothing),
        cmocka_unit_test(test_article_web_dump_furniture_before_headline),
        cmocka_unit_test(test_article_odd_spaces_are_trimmed),
        cmocka_unit_test(test_article_rejects_invalid_utf8),
        cmocka_unit_test(test_article_empty_text_gives_empty_article),
        cmocka_unit_test(test_article_allocation_failures_are_reported),
        cmocka_unit_test(test_article_retext_moves_spans),
        cmocka_unit_test(test_article_container_title_becomes_headline),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
