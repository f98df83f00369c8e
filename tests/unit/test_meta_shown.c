/* test_meta_shown.c -- the record's date and headline chosen from what a page declares
 * and what it shows (html_meta.c, html_byline.c, html_title.c), through winnow_extract:
 * less common <meta> date names, date lines padded in the source, a date read past
 * its own digits, a numeric date written day and month the other way round. */
#include <stdio.h>
#include <string.h>
#include "check.h"
#include "core/doc.h"

/* The record of an HTML page: its date, or its title when want_title. */
static char got[512];

static const char *field(const char *page, int want_title)
{
    winnow_result r;
    got[0] = '\0';
    if (winnow_extract(page, strlen(page), NULL, &r) != WINNOW_OK) return "(failed)";
    const char *v = want_title ? r.title : r.meta.date;
    if (v) snprintf(got, sizeof got, "%s", v);
    winnow_result_free(&r);
    return v ? got : NULL;
}

#define BODY                                                                               \
    "<p>Bees came back to the valley this year, the volunteers who count them every "     \
    "morning said on Tuesday, and they came earlier than in the years before.</p>"

static void test_meta_names(void)
{
    /* Publishing systems' other names for the publication date. */
    CHECK_STR(field("<html><head><meta name=\"published\" content=\"July 17, 2025\"></head>"
                    "<body><h1>Bees return to the valley</h1>" BODY "</body></html>", 0),
              "2025-07-17");
    CHECK_STR(field("<html><head><meta name=\"citation_publication_date\" content=\"2019/06/25\">"
                    "</head><body><h1>Bees return to the valley</h1>" BODY "</body></html>", 0),
              "2019-06-25");
    /* An update date is no publication date: "updated_at" fills date_modified. */
    winnow_result r;
    const char *p = "<html><head><meta name=\"updated_at\" content=\"2024-02-03\"></head>"
                    "<body><h1>Bees return to the valley</h1>" BODY "</body></html>";
    CHECK(winnow_extract(p, strlen(p), NULL, &r) == WINNOW_OK);
    CHECK_STR(r.meta.date_modified, "2024-02-03");
    winnow_result_free(&r);
}

static void test_shown_dates(void)
{
    /* A date line whose text is indented in the source is still a short line. */
    char page[2048];
    snprintf(page, sizeof page,
             "<html><body><h1>Bees return to the valley</h1><div><span>Posted on</span>"
             "<span>%160s</span><span>\n        Nov 21, 2018\n      </span></div>" BODY
             "</body></html>", "");
    CHECK_STR(field(page, 0), "2018-11-21");
    /* "Updated on 23 Oct 2025" is one date, a change: not also "3 Oct 2025", a
     * publication; the declared publication date stands. */
    CHECK_STR(field("<html><head><meta property=\"article:published_time\" "
                    "content=\"2025-10-01T09:00:00Z\"></head><body><h1>Bees return to the "
                    "valley</h1><p>Updated on 23 Oct 2025</p>" BODY "</body></html>", 0),
              "2025-10-01T09:00:00Z");
    CHECK_STR(field("<html><body><h1>Bees return to the valley</h1>"
                    "<p>By Jo Doe | Updated on 19-Dec-2025</p>" BODY "</body></html>", 0),
              "2025-12-19");
    /* "09.10.2024" read day first is 9 October; the page declares 10 September. */
    CHECK_STR(field("<html><head><meta property=\"article:published_time\" "
                    "content=\"2024-09-10T16:07:00Z\"></head><body><h1>Bees return to the "
                    "valley</h1><p>09.10.2024</p>" BODY "</body></html>", 0),
              "2024-09-10T16:07:00Z");
    /* A shown date the declared one does not explain still beats it. */
    CHECK_STR(field("<html><head><meta property=\"article:published_time\" "
                    "content=\"2013-01-01\"></head><body><h1>Bees return to the "
                    "valley</h1><p>09.10.2024</p>" BODY "</body></html>", 0),
              "2024-10-09");
}

int main(void)
{
    test_meta_names();
    test_shown_dates();
    return check_done();
}
