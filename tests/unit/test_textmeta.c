/* test_textmeta.c -- the author and date rendered text shows around its headline
 * (text/textmeta.c), through winnow_extract: a byline's label on a line of its own
 * over the name, "By:" and "ByAnn Lee", a label run into the name in capitals, a name
 * alone over the date, the first byline of the page where none is by the headline
 * (not a menu's "By Company Size"); a date below the headline before one above it, a
 * month name run into the word before it; a forum's "Start date", a question's "asked",
 * and no member's "Joined" or thread's "last post" date; the poster a forum's stamp
 * names where no byline is; the headline over such a byline, also far
 * above the article's start, and no breadcrumb trail as the headline (texttitle.c). */
#include <stdio.h>
#include <string.h>
#include "check.h"
#include "core/doc.h"

#define PARAS                                                                              \
    "The volunteers who count the bees every morning said on Tuesday that they came "     \
    "back to the valley earlier than in any year they remember.\n\n"                      \
    "Farmers at the edge of the valley said the orchards had never been so loud in "      \
    "March, and that the blossom set fruit a full week ahead of last spring.\n\n"         \
    "The count will go on through the summer, and the group asks anyone who sees a "      \
    "swarm to call the number on its website rather than try to move it.\n\n"            \
    "Last year the volunteers counted fewer hives than in any year since they began, "    \
    "which made this spring's return all the more welcome to the growers.\n\n"

static char author[256], date[64], title[256];

/* The headline, author and date of a rendered text page read as the given type, into
 * title, author and date ("" for none). */
static void meta_as(const char *text, winnow_page_type type)
{
    winnow_options o;
    winnow_options_init(&o);
    o.type = WINNOW_TYPE_TEXT;
    o.page_type = type;
    winnow_result r;
    author[0] = date[0] = title[0] = '\0';
    CHECK(winnow_extract(text, strlen(text), &o, &r) == WINNOW_OK);
    if (r.meta.author) snprintf(author, sizeof author, "%s", r.meta.author);
    if (r.meta.date) snprintf(date, sizeof date, "%s", r.meta.date);
    if (r.title) snprintf(title, sizeof title, "%s", r.title);
    winnow_result_free(&r);
}

static void meta_of(const char *text) { meta_as(text, WINNOW_PAGE_AUTO); }

static void test_bylines(void)
{
    meta_of("Bees return to the valley early this spring\n\nWritten by:\n\nColin Gray\n\n"
            "March 4, 2025\n\n" PARAS);
    CHECK_STR(author, "Colin Gray");
    CHECK_STR(date, "2025-03-04");
    meta_of("Bees return to the valley early this spring\n\nBy: Paul Fenaroli\n\n" PARAS);
    CHECK_STR(author, "Paul Fenaroli");
    meta_of("Bees return to the valley early this spring\n\nByKathryn GiuffridaMar 5, 2025 | "
            "6 comments\n\n" PARAS);
    CHECK_STR(author, "Kathryn Giuffrida");
    CHECK_STR(date, "2025-03-05");
    meta_of("Bees return to the valley early this spring\n\nBY KORIN MILLERPUBLISHED: JAN 29, "
            "2025\n\n" PARAS);
    CHECK_STR(author, "KORIN MILLER");
    CHECK_STR(date, "2025-01-29");
    /* A name alone over the date; not a sidebar's label over its post's date. */
    meta_of("Bees return to the valley early this spring\n\nKelia Losa Reinoso\n\n"
            "August 25, 2025\n\n" PARAS);
    CHECK_STR(author, "Kelia Losa Reinoso");
    meta_of("Bees return to the valley early this spring\n\nRecent Posts\n\n"
            "August 25, 2025\n\n" PARAS);
    CHECK_STR(author, "");
}

/* Where no byline is by the headline: the first of the page, not a menu's facet. */
static void test_first_byline(void)
{
    meta_of("Solutions\n\nBy Company Size\n\nBy Industry\n\nPricing\n\n"
            "Bees return to the valley early this spring\n\n" PARAS
            "About the count\n\nby Jeffrey Zeldman\n\n" PARAS);
    CHECK_STR(author, "Jeffrey Zeldman");
    meta_of("Solutions\n\nBy Company Size\n\nBy Industry\n\nPricing\n\n"
            "Bees return to the valley early this spring\n\n" PARAS);
    CHECK_STR(author, "");
}

/* A date below the headline before the one above it (a section's, a previous entry's). */
static void test_date_below_first(void)
{
    meta_of("Garden news\n\nDecember 1, 2025\n\nBees return to the valley early this spring\n\n"
            "17 Dec 2025\n\n" PARAS);
    CHECK_STR(date, "2025-12-17");
}

/* A forum's or a Q&A page's labelled date anywhere ("Start date", "asked", "Posted by
 * NAME on"); a member's "Joined" date and a thread's "last post" date are no date. */
static void test_labelled_dates(void)
{
    meta_of("Forums\n\nBees in the valley\n\nThread starter Colin\n\nStart date Jul 9, "
            "2022\n\nColin\n\nJoined\n\nApr 13, 2009\n\n" PARAS);
    CHECK_STR(date, "2022-07-09");
    meta_of("Questions\n\nasked Feb 11, 2011 at 23:49\n\n" PARAS);
    CHECK_STR(date, "2011-02-11");
    meta_of("Forums\n\nPosted by johnanddoc on July 3, 2024 02:57 PM\n\n" PARAS);
    CHECK_STR(date, "2024-07-03");
    meta_of("Forums\n\n6.3K views 23 replies last post by ggery Sep 26, 2024\n\n"
            "410 posts \xc2\xb7 Joined Mar 2, 2002\n\n#1 \xc2\xb7 Jan 3, 2024\n\n" PARAS);
    CHECK_STR(date, "2024-01-03");
    meta_of("Forums\n\nColin\n\nJoined\n\nApr 13, 2009\n\n" PARAS);
    CHECK_STR(date, "");
}

/* A date by the headline after the one a sentence gives as the first publication. */
static void test_originally_published(void)
{
    meta_of("Bees return to the valley early this spring\n\nSeptember 30, 2022\n\n" PARAS
            "This article was originally published on 26 Sep 2019 at 4:12pm but has been "
            "regularly updated.\n\n");
    CHECK_STR(date, "2019-09-26");
}

/* Where no byline is: the first post's stamp names the poster ("Thread starter",
 * "started by", "Post by", a name under "asked", a forum post's stamp opening with the
 * name), not the verb a stamp opens with. */
static void test_poster(void)
{
    meta_of("Forums\n\nBees in the valley\n\nThread starter felixen\n\n" PARAS);
    CHECK_STR(author, "felixen");
    meta_of("Forums\n\nDiscussion in 'Help' started by pelex, May 26, 2025.\n\n" PARAS);
    CHECK_STR(author, "pelex");
    meta_of("Forums\n\nPost by galitsyn \xc2\xbb 11. Sep 2024, 18:36\n\n" PARAS);
    CHECK_STR(author, "galitsyn");
    meta_of("Questions\n\nasked Feb 11, 2011 at 23:49\n\nKumikoGoingCrAzY\n\n" PARAS);
    CHECK_STR(author, "KumikoGoingCrAzY");
    meta_as("Docker Community Forums\n\nConfusing resolver structure\n\n"
            "amondale (Amondale) November 8, 2024, 7:33pm 1\n\n" PARAS,
            WINNOW_PAGE_FORUM);
    CHECK_STR(author, "amondale");
    meta_as("Forums\n\nedited Feb 12, 2011 at 0:49\n\n" PARAS, WINNOW_PAGE_FORUM);
    CHECK_STR(author, "");
    /* On an article a word before a date is a section's label. */
    meta_as("News\n\nLifestyle March 3, 2025\n\n" PARAS, WINNOW_PAGE_ARTICLE);
    CHECK_STR(author, "");
}

/* The headline over a byline in one of those forms, also far above the article's
 * start (a table of contents between them). */
static void test_headline_over_byline(void)
{
    static char page[16384];
    size_t n = 0;
    n += (size_t)snprintf(page + n, sizeof page - n,
                          "Home\n\nGarden news\n\nBees return to the valley early this "
                          "spring\n\nWritten by:\n\nColin Gray\n\nTable of Contents\n\n");
    for (int k = 0; k < 30; k++)
        n += (size_t)snprintf(page + n, sizeof page - n, "Step %d | Tips\n\n",
                              k);
    n += (size_t)snprintf(page + n, sizeof page - n, PARAS PARAS);
    meta_as(page, WINNOW_PAGE_ARTICLE);
    CHECK_STR(title, "Bees return to the valley early this spring");
    CHECK_STR(author, "Colin Gray");
}

/* A breadcrumb trail under the headline is no headline, however long. */
static void test_breadcrumb_not_headline(void)
{
    static const char *page = "Home\n\nBlog\n\nThe cleaning trends to know for a thriving "
                              "business\n\nLisa Pham\n\nStart Trial\n\nArticles / Cleaning / "
                              "Cleaning Industry Trends\n\n" PARAS;
    meta_as(page, WINNOW_PAGE_ARTICLE);
    CHECK_STR(title, "The cleaning trends to know for a thriving business");
}

int main(void)
{
    test_breadcrumb_not_headline();
    test_headline_over_byline();
    test_bylines();
    test_first_byline();
    test_date_below_first();
    test_labelled_dates();
    test_poster();
    test_originally_published();
    return check_done();
}
