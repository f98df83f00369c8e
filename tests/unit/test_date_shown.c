/* test_date_shown.c -- dates a page shows, through winnow_extract (html_byline.c,
 * html_meta.c): a label on its own element with the date in the next one ("Published"
 * over a <time>), a date line in numbers that read either way set right by the day the
 * page writes in words elsewhere (not by a datetime written the same ambiguous way), and
 * a date line that yields to the "originally published" date a sentence of the page
 * gives; a member's and a latest reply's dates and a date marked as the last change
 * passed over, and a latest reply's poster as no author. */
#include <stdio.h>
#include <string.h>
#include "check.h"
#include "core/doc.h"

#define BODY                                                                               \
    "<p>Bees came back to the valley this year, the volunteers who count them every "     \
    "morning said on Tuesday, and they came earlier than in the years before.</p>"
#define BODY4 BODY BODY BODY BODY

static char got[128];

/* The record's date of an HTML page (its author when want_author), or NULL. */
static const char *field_of(const char *page, int want_author)
{
    winnow_result r;
    winnow_options o;
    winnow_options_init(&o);
    got[0] = '\0';
    if (winnow_extract(page, strlen(page), &o, &r) != WINNOW_OK) return "(failed)";
    const char *v = want_author ? r.meta.author : r.meta.date;
    if (v) snprintf(got, sizeof got, "%s", v);
    winnow_result_free(&r);
    return got[0] ? got : NULL;
}

static const char *date_of(const char *page) { return field_of(page, 0); }

static void test_label_over_date(void)
{
#define LABEL(label, what)                                                                 \
    "<html><body><h1>Bees return to the valley</h1><h2>Why</h2>" BODY4 BODY4 BODY4 BODY4    \
    BODY4 "<aside><div><h4>" label "</h4><p>" what "</p></div></aside></body></html>"
    CHECK_STR(date_of(LABEL("Published", "15 November 2018")), "2018-11-15");
    CHECK_STR(date_of(LABEL("Date published:", "15 November 2018")), "2018-11-15");
    /* A label over something else, or another label over a date, says nothing. */
    CHECK(date_of(LABEL("Published", "by the valley society")) == NULL);
    CHECK(date_of(LABEL("Next event", "15 November 2018")) == NULL);
#undef LABEL
}

static void test_either_way_by_the_page(void)
{
#define EITHER(aside)                                                                      \
    "<html><body><article><h1>Bees return to the valley</h1><p><time datetime=\"02-12-2025\">" \
    "02-12-2025</time></p>" BODY4 "</article><aside><h4>Bees return to the valley</h4>"     \
    aside "</aside></body></html>"
    CHECK_STR(date_of(EITHER("<time datetime=\"2025-12-02\">December 02, 2025</time>")),
              "2025-12-02");
    CHECK_STR(date_of(EITHER("<p>A story</p>")), "2025-02-12"); /* month first, as in the US */
#undef EITHER
}

static void test_originally_published(void)
{
#define ORIGINAL(when)                                                                     \
    "<html><body><h1>Bees return to the valley</h1><p>Chris Carroll</p><p>30 Sep 2022, "   \
    "11:07am</p>" BODY4 "<p>This article was originally published on " when " but has "    \
    "been regularly updated to keep it current.</p></body></html>"
    CHECK_STR(date_of(ORIGINAL("26 Sep 2019 at 4:12pm")), "2019-09-26");
    CHECK_STR(date_of(ORIGINAL("26 Oct 2022")), "2022-09-30"); /* later: not the first */
#undef ORIGINAL
}

/* Dates of another kind on the headline's date line: a member's "Joined", a thread's
 * "last post by"; a date marked as the last change (itemprop=dateModified, or class
 * "updated" beside a "published" one), not where "updated" alone marks the publication
 * as themes write it. */
static void test_other_dates_on_the_line(void)
{
#define LINE(line)                                                                         \
    "<html><body><article><h1>Bees return to the valley</h1><p>" line "</p>" BODY4         \
    "</article></body></html>"
    CHECK_STR(date_of(LINE("Ann Lee &middot; Joined: 4. Jul 2012 &middot; 11 Sep 2024")),
              "2024-09-11");
    CHECK(date_of(LINE("12 replies &middot; last post by nwberm Jun 5, 2024")) == NULL);
    CHECK_STR(date_of(LINE("<time itemprop=\"dateModified\" datetime=\"2025-05-21\">May 21, "
                           "2025</time> <time class=\"published\" datetime=\"2025-04-24\">"
                           "April 24, 2025</time>")),
              "2025-04-24");
    CHECK_STR(date_of(LINE("<span class=\"updated\">May 21, 2025</span> <span "
                           "class=\"entry-date published\">April 24, 2025</span>")),
              "2025-04-24");
    CHECK_STR(date_of(LINE("<span class=\"entry-date updated\">June 3, 2024</span>")),
              "2024-06-03");
#undef LINE
}

/* The poster a line names as the latest reply's ("last post by <a href=/members/..>")
 * is not the author: the byline under it is; a byline's marked name is. */
static void test_last_poster_no_author(void)
{
#define POSTER(line)                                                                       \
    "<html><body><article><h1>Bees return to the valley</h1><p>" line "</p>" BODY4         \
    "</article></body></html>"
    CHECK_STR(field_of(POSTER("12 replies &middot; last post by <a href=\"/members/nwberm.9/\">"
                               "nwberm</a> Jun 5, 2024</p><p>By Ann Lee"), 1),
              "Ann Lee");
    CHECK_STR(field_of(POSTER("By <a href=\"/members/nwberm.9/\">Nina Berm</a> Jun 5, 2024"), 1),
              "Nina Berm");
#undef POSTER
}

/* A date element whose text goes on past its date ("2019-02-23, 09:14 PM (This post
 * was last modified: 2024-01-05 ...)") gives the date it opens with. */
static void test_long_date_element(void)
{
    CHECK_STR(date_of("<html><body>" BODY4 "<div><span class=\"post_date\">2019-02-23, 09:14 "
                      "PM <span class=\"post_edit\">(This post was last modified: 2024-01-05, "
                      "03:27 AM by <a href=\"/u/1\">someone with a long name</a>)</span></span>"
                      "</div>" BODY4 "</body></html>"),
              "2019-02-23");
}

int main(void)
{
    test_label_over_date();
    test_either_way_by_the_page();
    test_originally_published();
    test_other_dates_on_the_line();
    test_long_date_element();
    test_last_poster_no_author();
    return check_done();
}
