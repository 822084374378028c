/* SPDX-License-Identifier: MIT
 * Line classification: boilerplate, headline, category, byline, lead, headings, paragraphs.
 * The result is one line_kind per line plus the positions the assembler needs. */
#include "article/classify.h"

#include <string.h>

#include "article/cues.h"
#include "article/title.h"

#define HEAD_WINDOW 8 // lines at the top where headline, category and byline may stand

// Boilerplate: lines matching cues anywhere, footers and what follows them, time stamps
// before the body.
static void mark_boilerplate(art_line *lines, size_t n)
{
    size_t body_seen = 0;
    for (size_t i = 0; i < n; i++) {
        art_line *l = &lines[i];
        if (body_seen > 0 && zn__art_is_footer_start(l)) {
            for (size_t j = i; j < n; j++) {
                lines[j].kind = LINE_BOILERPLATE;
            }
            return;
        }
        art_byline unused;
        bool byline = body_seen == 0 && zn__art_byline_parse(l, &unused);
        if (!byline && (zn__art_is_boilerplate(l) || (body_seen == 0 && zn__art_is_timestamp(l)))) {
            l->kind = LINE_BOILERPLATE;
            continue;
        }
        if (l->ends_sentence || l->chars > 40) {
            body_seen++;
        }
    }
}

// The first line among the top ones that reads as a byline.
static size_t find_byline(art_line *lines, size_t n, size_t from, art_classes *c)
{
    size_t seen = 0;
    for (size_t i = from; i < n && seen < HEAD_WINDOW; i++) {
        if (lines[i].kind == LINE_BOILERPLATE) {
            continue;
        }
        seen++;
        if (zn__art_byline_parse(&lines[i], &c->byline)) {
            return i;
        }
    }
    return SIZE_MAX;
}

static bool is_heading(const art_line *lines, size_t n, size_t i)
{
    const art_line *l = &lines[i];
    size_t prefix = zn__art_enumeration_prefix(l);
    bool punct = prefix > 0 ? zn__art_has_sentence_punct(l->s + prefix, l->len - prefix)
                            : l->sentence_punct;
    if (l->chars > 24 || l->chars < 3 || l->ends_sentence || punct ||
        l->han * 3 < l->chars * 2) {
        return false;
    }
    // It must introduce something: the next kept line is a longer paragraph.
    for (size_t j = i + 1; j < n; j++) {
        if (lines[j].kind == LINE_BOILERPLATE) {
            continue;
        }
        return lines[j].chars > l->chars && (lines[j].ends_sentence || lines[j].sentence_punct);
    }
    return false;
}

static void mark_head(art_line *lines, size_t n, art_classes *c, bool first_is_title)
{
    bool forced = first_is_title && n > 0;
    size_t b = find_byline(lines, n, forced ? 1 : 0, c);
    size_t limit = b != SIZE_MAX ? b : 3;
    size_t t = forced ? 0 : zn__art_pick_title(lines, n, limit);
    c->title_line = t;
    if (t != SIZE_MAX) {
        lines[t].kind = LINE_TITLE;
        // Everything kept above the headline is site furniture, except a category line.
        for (size_t i = 0; i < t; i++) {
            size_t s;
            size_t e;
            if (lines[i].kind == LINE_BOILERPLATE) {
                continue;
            }
            // Above the headline only a labelled category (分類：科技) counts; a lone short word
            // there is the site's name or a menu item (新浪財經).
            bool labelled = zn__art_category(&lines[i], &s, &e) && s > 0;
            lines[i].kind = labelled && c->category_line == SIZE_MAX ? LINE_CATEGORY
                                                                     : LINE_BOILERPLATE;
            if (lines[i].kind == LINE_CATEGORY) {
                c->category_line = i;
                c->category = (zn_span){s, e};
            }
        }
    }
    c->byline_line = b;
    if (b != SIZE_MAX) {
        lines[b].kind = c->byline.raw_end == lines[b].len ? LINE_BYLINE : LINE_PARAGRAPH;
    }
    // A category line between the headline and the byline (or right after the headline).
    size_t from = t != SIZE_MAX ? t + 1 : 0;
    size_t to = b != SIZE_MAX ? b : (t != SIZE_MAX ? t + 2 : 0);
    for (size_t i = from; i < to && i < n; i++) {
        size_t s;
        size_t e;
        if (lines[i].kind == LINE_UNKNOWN && c->tags_line == SIZE_MAX &&
            zn__art_tags_line(&lines[i]) > 0) {
            lines[i].kind = LINE_TAGS;
            c->tags_line = i;
            continue;
        }
        if (lines[i].kind == LINE_UNKNOWN && c->category_line == SIZE_MAX &&
            zn__art_lead_marker(&lines[i]) == 0 && zn__art_category(&lines[i], &s, &e)) {
            lines[i].kind = LINE_CATEGORY;
            c->category_line = i;
            c->category = (zn_span){s, e};
        }
    }
}

static void mark_body(art_line *lines, size_t n, art_classes *c)
{
    size_t start = 0;
    if (c->byline_line != SIZE_MAX) {
        start = c->byline_line + (lines[c->byline_line].kind == LINE_BYLINE);
    } else if (c->title_line != SIZE_MAX) {
        start = c->title_line + 1;
    }
    bool want_lead = false;
    bool prev_paragraph = false;
    for (size_t i = start; i < n; i++) {
        art_line *l = &lines[i];
        if (l->kind == LINE_BOILERPLATE || l->kind == LINE_CATEGORY) {
            continue;
        }
        if (c->tags_line == SIZE_MAX && zn__art_tags_line(l) > 0) {
            l->kind = LINE_TAGS;
            c->tags_line = i;
            continue;
        }
        if (c->lead_heading_line == SIZE_MAX && !prev_paragraph && zn__art_lead_marker(l) > 0) {
            l->kind = LINE_LEAD_HEADING;
            c->lead_heading_line = i;
            want_lead = zn__art_lead_marker(l) >= l->len; // the lead follows on its own line
            continue;
        }
        if (want_lead) {
            l->kind = LINE_LEAD;
            c->lead_line = i;
            want_lead = false;
            prev_paragraph = true; // a heading may follow the lead
            continue;
        }
        if (l->kind == LINE_UNKNOWN && prev_paragraph && is_heading(lines, n, i)) {
            l->kind = LINE_HEADING;
            prev_paragraph = false;
            continue;
        }
        if (l->kind == LINE_UNKNOWN) {
            l->kind = LINE_PARAGRAPH;
        }
        prev_paragraph = l->kind == LINE_PARAGRAPH;
    }
    // Lines above the body that nothing claimed (between headline and byline) are kept as
    // paragraphs rather than dropped.
    for (size_t i = 0; i < start && i < n; i++) {
        if (lines[i].kind == LINE_UNKNOWN) {
            lines[i].kind = LINE_PARAGRAPH;
        }
    }
}

void zn__art_classify(art_line *lines, size_t n, art_classes *c, bool first_is_title)
{
    memset(c, 0, sizeof *c);
    c->title_line = SIZE_MAX;
    c->byline_line = SIZE_MAX;
    c->category_line = SIZE_MAX;
    c->lead_heading_line = SIZE_MAX;
    c->lead_line = SIZE_MAX;
    c->tags_line = SIZE_MAX;
    mark_boilerplate(lines, n);
    if (first_is_title && n > 0) {
        lines[0].kind = LINE_UNKNOWN; // the container said so, whatever it looks like
    }
    mark_head(lines, n, c, first_is_title);
    mark_body(lines, n, c);
}
