/* test_headings.c -- article/headings.c: which kept headings head a section that kept
 * nothing, and which stay (titles in a row, a page of headings, pages read whole,
 * authors' names). */
#include <string.h>
#include "article/article.h"
#include "check.h"

#define PROSE "A paragraph of the story, long enough to count as its prose: it goes on " \
              "for a while, as stories do, and then it goes on a little longer still."

/* A doc of blocks: a line "#N text" is a kept heading of level N, "-text" a dropped
 * paragraph, anything else a kept paragraph. */
static void make(doc *d, winnow_page_type type, int margin, const char *const *lines, size_t n)
{
    wn_doc_init(d);
    d->page_type = type;
    d->page_type_margin = margin;
    for (size_t i = 0; i < n; i++) {
        const char *t = lines[i];
        block_kind kind = BK_PARA;
        int level = 0;
        decision dec = DEC_KEEP;
        if (t[0] == '#') {
            kind = BK_HEADING;
            level = t[1] - '0';
            t += 3;
        } else if (t[0] == '-') {
            dec = DEC_DROP;
            t++;
        }
        block *b = wn_doc_add(d, kind, t, strlen(t));
        if (!b) continue;
        b->level = level;
        b->dec = dec;
        b->why = dec == DEC_KEEP ? WHY_ARTICLE : WHY_LINK_HEAVY;
    }
}

static int bare(const doc *d, size_t i)
{
    return d->blocks[i].dec == DEC_DROP && d->blocks[i].why == WHY_BARE_HEADING;
}

/* A heading over a dropped box, a section whose only subsection was bare, and a
 * heading at the end go; a heading over a paragraph, or over a subsection with a body,
 * stays, and so do two headings of one rank in a row (a name over a role). */
static void test_sections(void)
{
    const char *const page[] = {
        "#2 Story", PROSE,
        "#4 Related posts", "-link one", "-link two", /* 2: bare */
        "#3 Steps", "#4 First step", PROSE,          /* 5, 6: kept */
        "#3 Tools", "#4 Sharing", "-share",          /* 8, 9: bare (9 first) */
        "#2 More", PROSE,                            /* 11: kept */
        "#3 Sarah Ward", "#3 Parent", PROSE,         /* 13, 14: kept */
        "#3 Disclaimer"};                            /* 16: bare */
    doc d;
    make(&d, WINNOW_PAGE_ARTICLE, 0, page, sizeof page / sizeof *page);
    wn_article_bare_headings(&d);
    CHECK(!bare(&d, 0) && bare(&d, 2) && !bare(&d, 5) && !bare(&d, 6));
    CHECK(bare(&d, 8) && bare(&d, 9) && !bare(&d, 11) && !bare(&d, 13) && !bare(&d, 14));
    CHECK(bare(&d, 16));
    CHECK(d.blocks[1].dec == DEC_KEEP && d.blocks[3].why == WHY_LINK_HEAVY);
    wn_doc_free(&d);
}

/* Three bare headings in a row are a list of titles and stay, unless half of them
 * repeat headings kept elsewhere (a table of contents over its sections); a post's
 * author in heading markup is a line, not a section. */
static void test_runs(void)
{
    const char *const page[] = {
        "#3 Contents", "#4 Costs", "#4 Permits", "#4 Labour", /* 0-3: a contents box */
        "#2 Gallery", PROSE, "#3 Red barn", "#3 Old mill", "#3 Pier", /* 6-8: titles */
        "#2 Costs", PROSE, "#2 Permits", PROSE, "#2 Labour", PROSE,
        "#4 ann", "#2 Notes", PROSE};
    doc d;
    make(&d, WINNOW_PAGE_ARTICLE, 0, page, sizeof page / sizeof *page);
    d.blocks[15].flags |= BF_NAME;
    wn_article_bare_headings(&d);
    CHECK(bare(&d, 0) && bare(&d, 1) && bare(&d, 2) && bare(&d, 3));
    CHECK(!bare(&d, 4) && !bare(&d, 6) && !bare(&d, 7) && !bare(&d, 8));
    CHECK(!bare(&d, 9) && !bare(&d, 11) && !bare(&d, 13) && !bare(&d, 15));
    CHECK(d.blocks[5].dec == DEC_KEEP);
    wn_doc_free(&d);
}

/* A page that keeps little but headings (pictures under their titles) keeps them, and
 * so does a page read whole (a service's page builder sets its offer in headings). */
static void test_pages_left_alone(void)
{
    const char *const thin[] = {"#2 6 Nov 2012", "#2 In the pink", "A short line."};
    doc d;
    make(&d, WINNOW_PAGE_ARTICLE, 0, thin, 3);
    wn_article_bare_headings(&d);
    CHECK(!bare(&d, 0) && !bare(&d, 1));
    wn_doc_free(&d);

    const char *const service[] = {PROSE, "#3 Welcome to our gallery", "#2 For forty years",
                                   PROSE, PROSE};
    make(&d, WINNOW_PAGE_SERVICE, 20, service, 5);
    wn_article_bare_headings(&d);
    CHECK(!bare(&d, 1) && !bare(&d, 2));
    wn_doc_free(&d);
    make(&d, WINNOW_PAGE_ARTICLE, 0, service, 5);
    wn_article_bare_headings(&d);
    CHECK(bare(&d, 1) && !bare(&d, 2));
    wn_doc_free(&d);
}

int main(void)
{
    test_sections();
    test_runs();
    test_pages_left_alone();
    return check_done();
}
