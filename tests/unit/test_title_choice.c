/* test_title_choice.c -- the record's title among <title>, og:title, the h1s and the
 * JSON-LD headline (html_title.c): an h1 set twice is one; the JSON-LD headline where
 * an h1 shows it; a service's h1 in nearly the declared words; an h1 that lost
 * characters to "?" or runs to a description's length yields; mojibake put back
 * (core/mojibake.c) and references escaped twice (core/entities.c); a leading number
 * part, a section's number <title> lacks, the host name run on before it and a last
 * part in brackets go; a card title that is only the site's name yields to <title>;
 * "Collection:" is a label; a dated tail stays; a <br> in an h1 parts two words; a
 * home page's "Home" gives way to the rest of <title>; the declared title that adds
 * the edition's year to the h1 is taken; an h1's tail in small letters or an
 * exclamation stays; the declared title in the h1's letters is taken unless it runs
 * the h1's words together; a search's heading gives the words searched; the site's
 * name run on with a space goes where an h1 shows the rest.  And
 * a date line in numbers that read either way, read the way the page writes its other
 * dates (html_byline.c, wn_meta_date_order). */
#include <stdio.h>
#include <string.h>
#include "check.h"
#include "core/core.h"
#include "meta/meta.h"
#include "core/doc.h"

#define BODY                                                                               \
    "<p>Bees came back to the valley this year, the volunteers who count them every "     \
    "morning said on Tuesday, and they came earlier than in the years before.</p>"

static char got[512];

/* The record's title (or, with want_date, date) of page read as type. */
static const char *field(const char *page, winnow_page_type type, int want_date)
{
    winnow_result r;
    winnow_options o;
    winnow_options_init(&o);
    o.page_type = type;
    got[0] = '\0';
    if (winnow_extract(page, strlen(page), &o, &r) != WINNOW_OK) return "(failed)";
    const char *v = want_date ? r.meta.date : r.title;
    if (v) snprintf(got, sizeof got, "%s", v);
    winnow_result_free(&r);
    return v ? got : NULL;
}

/* A page of head and body (the body before the article's text). */
static const char *title_of(const char *head, const char *body, winnow_page_type type)
{
    static char html[4096];
    snprintf(html, sizeof html, "<html><head>%s</head><body>%s<article>" BODY BODY
             "</article></body></html>", head, body);
    return field(html, type, 0);
}

static void test_h1_choice(void)
{
    /* An h1 set twice (narrow and wide screens) is one h1, not a section's. */
    CHECK_STR(title_of("<meta property=\"og:title\" content=\"Bees: what the count says\">",
                       "<h1>Bees return to the valley early this year</h1>"
                       "<h1>Bees return to the valley early this year</h1>",
                       WINNOW_PAGE_ARTICLE),
              "Bees return to the valley early this year");
    /* Several h1s the declared title does not back: the one the JSON-LD names. */
    CHECK_STR(title_of("<title>Bee counting tips | Valley Farm</title>"
                       "<script type=\"application/ld+json\">{\"@type\": \"BlogPosting\", "
                       "\"headline\": \"Counting 101: Bees of the Valley in Spring\"}</script>",
                       "<h1>The Blog</h1><h1>Counting 101: Bees of the Valley in Spring</h1>",
                       WINNOW_PAGE_ARTICLE),
              "Counting 101: Bees of the Valley in Spring");
    /* A service's h1 in nearly the declared words is its name as shown; one in other
     * words yields to the declared name. */
    CHECK_STR(title_of("<title>Graphic Design Course Online | Design School</title>",
                       "<h1>Online Graphic Design Course</h1>", WINNOW_PAGE_SERVICE),
              "Online Graphic Design Course");
    CHECK_STR(title_of("<title>Graphic Design Course Online | Design School</title>",
                       "<h1>Become a designer this year</h1>", WINNOW_PAGE_SERVICE),
              "Graphic Design Course Online");
    /* An h1 that lost characters to "?", or that runs to a description's length:
     * the declared title. */
    CHECK_STR(title_of("<title>Bee Counting: Beginner's Guide</title>",
                       "<h1>Bee Counting? Beginner? Guide</h1>", WINNOW_PAGE_ARTICLE),
              "Bee Counting: Beginner's Guide");
    CHECK_STR(title_of("<title>The 10 Best Bee Hives of 2025 | Valley Farm</title>",
                       "<h1>Learn which bee hives give the best honey for the money? Get expert "
                       "tips on how to choose a hive. We will help you learn everything you "
                       "need to know about keeping bees.</h1>",
                       WINNOW_PAGE_ARTICLE),
              "The 10 Best Bee Hives of 2025");
    /* A <br> in the h1 parts two words. */
    CHECK_STR(title_of("", "<h1>Rebuilding the Legacy<br>of American Made</h1>",
                       WINNOW_PAGE_COLLECTION),
              "Rebuilding the Legacy of American Made");
}

static void test_cuts(void)
{
    /* Mojibake in the declared title: put back. */
    CHECK_STR(title_of("<meta charset=\"utf-8\"><title>A DIY Investor\xC3\xA2\xC2\x80\xC2\x99s "
                       "Guide to Bees</title>",
                       "", WINNOW_PAGE_ARTICLE),
              "A DIY Investor\xE2\x80\x99s Guide to Bees");
    /* A first part that is only a number (a chapter's) goes; a number in the title
     * stays. */
    CHECK_STR(title_of("<title>15 - Tutorial: Sweep, Loft, and Extrude</title>", "",
                       WINNOW_PAGE_DOCUMENTATION),
              "Tutorial: Sweep, Loft, and Extrude");
    CHECK_STR(title_of("<title>15 Ways to Count Bees</title>", "", WINNOW_PAGE_ARTICLE),
              "15 Ways to Count Bees");
    /* A section's number before an h1's words that <title> does not write is the
     * book's; one that <title> writes too is part of the name. */
    CHECK_STR(title_of("<title>Bees - Counting in a Nutshell</title>",
                       "<h1>3.1 Bee Counting - Counting in a Nutshell</h1>", WINNOW_PAGE_ARTICLE),
              "Bee Counting - Counting in a Nutshell");
    CHECK_STR(title_of("<title>2.5 Million Bees Counted in the Valley</title>",
                       "<h1>2.5 Million Bees Counted in the Valley</h1>", WINNOW_PAGE_ARTICLE),
              "2.5 Million Bees Counted in the Valley");
    /* A card title that is only the site's name yields to <title>; on a page whose
     * <title> names the site, the name stands. */
    CHECK_STR(title_of("<title>All Bee Hives</title><meta name=\"twitter:title\" content=\"Beezly\">"
                       "<meta property=\"og:site_name\" content=\"Beezly\">",
                       "", WINNOW_PAGE_COLLECTION),
              "All Bee Hives");
    CHECK_STR(title_of("<title>Beezly | Hives for every garden</title>"
                       "<meta property=\"og:title\" content=\"Beezly\">"
                       "<meta property=\"og:site_name\" content=\"Beezly\">",
                       "", WINNOW_PAGE_SERVICE),
              "Beezly");
    /* The site's name run on before the title with a dash: a template's join. */
    CHECK_STR(title_of("<meta property=\"og:site_name\" content=\"Bee Keepers Forum\">"
                       "<meta property=\"og:title\" content=\"Bee Keepers Forum-What to look "
                       "for in a new hive\">",
                       "", WINNOW_PAGE_FORUM),
              "What to look for in a new hive");
    /* A number after the site's separator is the name's, not a site's. */
    CHECK_STR(title_of("<title>Player - Squad 2024 - 2025</title>", "", WINNOW_PAGE_FORUM),
              "Player - Squad 2024 - 2025");
    CHECK_STR(title_of("<title>Staple Hive | 5001</title>", "", WINNOW_PAGE_PRODUCT),
              "Staple Hive | 5001");
    /* The host name run on before the title. */
    CHECK_STR(title_of("<link rel=\"canonical\" href=\"https://beeblog.org/2025/vibes.html\">"
                       "<title>beeblog.org Vibe Coding</title>",
                       "<h1>beeblog.org</h1>", WINNOW_PAGE_ARTICLE),
              "Vibe Coding");
    /* A last part in brackets where an h1 shows the rest. */
    CHECK_STR(title_of("<title>The Fold-and-Cut Problem (Erik Demaine)</title>",
                       "<h1>Erik Demaine's Folding:</h1><h1>The Fold-and-Cut Problem</h1>",
                       WINNOW_PAGE_ARTICLE),
              "The Fold-and-Cut Problem");
    CHECK_STR(title_of("<title>The Different Types of Wine (Infographic)</title>", "",
                       WINNOW_PAGE_ARTICLE),
              "The Different Types of Wine (Infographic)");
    /* "Collection:" labels a shop's shelf. */
    CHECK_STR(title_of("<title>Shop Sennheiser at Headphones</title>",
                       "<h1>Collection: Sennheiser</h1>", WINNOW_PAGE_COLLECTION),
              "Sennheiser");
    /* A dated tail is the edition's, part of the name. */
    CHECK_STR(title_of("<title>The Best Cheap Wireless Earbuds under $50 - March 2026</title>",
                       "<h1>The Best Cheap Wireless Earbuds under $50 - March 2026</h1>",
                       WINNOW_PAGE_COLLECTION),
              "The Best Cheap Wireless Earbuds under $50 - March 2026");
}

static void test_edition(void)
{
    /* The declared title that is the h1 and its edition's year, run on with no
     * separator: the declared title; a year in brackets is no site's name. */
    CHECK_STR(title_of("<title>15 Best Bee Hives for Beginners in 2025</title>",
                       "<h1>15 Best Bee Hives for Beginners</h1>", WINNOW_PAGE_ARTICLE),
              "15 Best Bee Hives for Beginners in 2025");
    CHECK_STR(title_of("<title>Remote Beekeeper Jobs (March 2026) - Hive Board</title>",
                       "<h1>Remote Beekeeper Jobs</h1>", WINNOW_PAGE_LISTING),
              "Remote Beekeeper Jobs (March 2026)");
    /* After a separator, a date is the page's own line: the h1 stands. */
    CHECK_STR(title_of("<title>The Hottest Honey Shops This Month, December 2025</title>",
                       "<h1>The Hottest Honey Shops This Month</h1>", WINNOW_PAGE_ARTICLE),
              "The Hottest Honey Shops This Month");
}

static void test_tail(void)
{
    /* An h1's short tail after a dash goes (a section's name) unless it goes on with
     * the headline, in small letters or an exclamation, where the declared title holds
     * the h1 whole. */
    CHECK_STR(title_of("<title>Moving to a bee garden \xE2\x80\x93 tips and tricks | Valley Farm</title>",
                       "<h1>Moving to a bee garden \xE2\x80\x93 tips and tricks</h1>",
                       WINNOW_PAGE_ARTICLE),
              "Moving to a bee garden \xE2\x80\x93 tips and tricks");
    CHECK_STR(title_of("<title>Best Bee Hives - My Favorites! - Valley Farm</title>",
                       "<h1>Best Bee Hives - My Favorites!</h1>", WINNOW_PAGE_ARTICLE),
              "Best Bee Hives - My Favorites!");
    CHECK_STR(title_of("<title>Bee Workouts for Beginners - Strength Training - Valley Gym</title>",
                       "<h1>Bee Workouts for Beginners - Strength Training</h1>",
                       WINNOW_PAGE_ARTICLE),
              "Bee Workouts for Beginners");
}

static void test_spacing(void)
{
    /* The declared title in the h1's letters is its clean copy where the h1 runs words
     * together; where the declared title does, the h1 is. */
    CHECK_STR(title_of("<title>Weekend Bee Counting | Valley Farm</title>",
                       "<h1><span>WEEKEND</span>BEE COUNTING</h1>", WINNOW_PAGE_ARTICLE),
              "Weekend Bee Counting");
    CHECK_STR(title_of("<meta property=\"og:title\" content=\"HIVE box, white, 301/8x575/8\">",
                       "<h1>HIVE Box, white, 30 1/8x57 5/8</h1>", WINNOW_PAGE_PRODUCT),
              "HIVE Box, white, 30 1/8x57 5/8");
}

static void test_searched(void)
{
    /* A search's results: the words searched, out of their quotes, name the shelf; a
     * headline that starts "Results for" without quotes is the headline. */
    CHECK_STR(title_of("<title>Bee-Hives | Valley Farm Store</title>",
                       "<h1>Results for \xE2\x80\x9C" "Bee-Hives\xE2\x80\x9D</h1>",
                       WINNOW_PAGE_COLLECTION),
              "Bee-Hives");
    CHECK_STR(title_of("<title>Results for the 2025 Bee Count Are In | Valley News</title>",
                       "<h1>Results for the 2025 Bee Count Are In</h1>", WINNOW_PAGE_ARTICLE),
              "Results for the 2025 Bee Count Are In");
}

static void test_site_run_on(void)
{
    /* The site's name run on after the title with a space goes where an h1 shows the
     * rest; without the h1 it may be the subject's name and stays. */
    CHECK_STR(title_of("<title>Hives BEEHQ</title>"
                       "<meta property=\"og:site_name\" content=\"BEEHQ\">",
                       "<h1>Hives</h1>", WINNOW_PAGE_LISTING),
              "Hives");
    CHECK_STR(title_of("<title>Get started with Hive CSS</title>"
                       "<meta property=\"og:site_name\" content=\"Hive CSS\">",
                       "", WINNOW_PAGE_DOCUMENTATION),
              "Get started with Hive CSS");
}

static void test_home(void)
{
    /* A home page's card title "Home", its <title>'s first part "Home", or an h1
     * "... Homepage": the rest of <title> is its title. */
    CHECK_STR(title_of("<title>Home - The Valley Bee Blog</title>"
                       "<meta property=\"og:title\" content=\"Home\">",
                       "", WINNOW_PAGE_LISTING),
              "The Valley Bee Blog");
    CHECK_STR(title_of("<title>Valley Bees | News, Weather, Hives and Honey</title>"
                       "<meta property=\"og:title\" content=\"Home\">",
                       "", WINNOW_PAGE_LISTING),
              "Valley Bees");
    CHECK_STR(title_of("<title>BeeQ: Hive Keeping News, Trends &amp; Practices - BeeQ</title>",
                       "<h1>BeeQ Homepage</h1>", WINNOW_PAGE_LISTING),
              "BeeQ: Hive Keeping News, Trends & Practices");
    /* "Home" inside a title is a word of it. */
    CHECK_STR(title_of("<title>Ten Bee Hives for Your Home | Valley Farm</title>",
                       "<h1>Ten Bee Hives for Your Home</h1>", WINNOW_PAGE_ARTICLE),
              "Ten Bee Hives for Your Home");
}

static void test_unmangle(void)
{
    arena a;
    wn_arena_init(&a);
    /* Latin-1 and Windows-1252 readings of U+2019, U+2014, U+00E9. */
    CHECK_STR(wn_text_unmangle(&a, "Investor\xC3\xA2\xC2\x80\xC2\x99s"), "Investor\xE2\x80\x99s");
    CHECK_STR(wn_text_unmangle(&a, "Investor\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s"),
              "Investor\xE2\x80\x99s");
    CHECK_STR(wn_text_unmangle(&a, "a \xC3\xA2\xC2\x80\xC2\x94 b"), "a \xE2\x80\x94 b");
    CHECK_STR(wn_text_unmangle(&a, "caf\xC3\x83\xC2\xA9"), "caf\xC3\xA9");
    /* The one table of Windows-1252 the decoder and the repair share. */
    CHECK(wn_cp1252_high(0x9F) == 0x0178 && wn_cp1252_high(0x80) == 0x20AC);
    CHECK(wn_cp1252_high(0x81) == 0 && wn_cp1252_high(0xA0) == 0 && wn_cp1252_high(0x41) == 0);
    /* An emoji's bytes F0 9F 98 80 read as Windows-1252: U+00F0, U+0178 (byte 0x9F),
     * U+02DC (0x98), U+20AC (0x80). */
    CHECK_STR(wn_text_unmangle(&a, "Hi \xC3\xB0\xC5\xB8\xCB\x9C\xE2\x82\xAC!"),
              "Hi \xF0\x9F\x98\x80!");
    /* References left by a second escaping: put back; others, and a lone '&', stay. */
    CHECK_STR(wn_text_unescape(&a, "TFC8&reg; Cream &amp; Co &#8211; &#x2019;s"),
              "TFC8\xC2\xAE Cream & Co \xE2\x80\x93 \xE2\x80\x99s");
    CHECK_STR(wn_text_unescape(&a, "Salt & Pepper &nosuch; &#1; &#xZZ; &"),
              "Salt & Pepper &nosuch; &#1; &#xZZ; &");
    const char *plain = "Bees & honey";
    CHECK(wn_text_unescape(&a, plain) == plain);
    CHECK_STR(title_of("<title>The Cream with TFC8&amp;reg; Hive Balm</title>", "",
                       WINNOW_PAGE_PRODUCT),
              "The Cream with TFC8\xC2\xAE Hive Balm");
    /* Text that is right as it is stays, the same pointer. */
    const char *ok = "caf\xC3\xA9 \xE2\x80\x94 na\xC3\xAFve \xC3\xA2me";
    CHECK(wn_text_unmangle(&a, ok) == ok);
    wn_arena_free(&a);
}

static void test_date_order(void)
{
    CHECK(wn_meta_date_order("16 February 2026") == 'D');
    CHECK(wn_meta_date_order("25/10/2023") == 'D');
    CHECK(wn_meta_date_order("25.09.2025") == 'D');
    CHECK(wn_meta_date_order("Sep 25, 2025") == 'M');
    CHECK(wn_meta_date_order("09/25/2025") == 'M');
    CHECK(wn_meta_date_order("03/10/2023") == '?');
    CHECK(wn_meta_date_order("2025-09-25") == 0);
    /* A date line that reads either way: month first, unless the page writes its other
     * dates day first. */
    static const char head[] = "<html><body><article><h1>Bees return to the valley</h1>"
                               "<p class=\"date\">03/10/2023</p>" BODY BODY;
    char page[2048];
    snprintf(page, sizeof page, "%s%s</article></body></html>", head,
             "<p>Comment, 16 February 2026</p><p>Comment, 9 March 2026</p>");
    CHECK_STR(field(page, WINNOW_PAGE_ARTICLE, 1), "2023-10-03");
    snprintf(page, sizeof page, "%s%s</article></body></html>", head,
             "<p>Comment, February 16, 2026</p>");
    CHECK_STR(field(page, WINNOW_PAGE_ARTICLE, 1), "2023-03-10");
}

int main(void)
{
    test_h1_choice();
    test_cuts();
    test_home();
    test_edition();
    test_tail();
    test_spacing();
    test_searched();
    test_site_run_on();
    test_unmangle();
    test_date_order();
    return check_done();
}
