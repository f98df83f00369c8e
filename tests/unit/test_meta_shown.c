/* test_meta_shown.c -- the record's date and headline chosen from what a page declares
 * and what it shows (html_meta.c, html_byline.c, html_title.c), through winnow_extract:
 * less common <meta> date names (also ones no table lists, and JSON-LD in a <meta>), a
 * date under another heading read after one above the headline, date lines padded in
 * the source, a date read past its own digits, a numeric date written day and month
 * the other way round, words a day off their <time> in the publisher's zone, a
 * sentence's <time>, the date in an author element or after a label far from the
 * headline, a declared date that is the last save; the
 * declared title over an h1 that is not the page's headline or a poor copy of it, and
 * without a label, a site's name or (other than on articles) a section's name; in
 * rendered text, the first short line with a date where none is by the headline; on a
 * service page the declared title over the h1, other than on articles a name before a
 * dash without what follows, and a brand-and-slogan title yielding to a thread's h1;
 * a forum's label before the JSON-LD headline, a card title cut short, a part of the
 * declared title that a heading shows; in rendered text, a byline's line with a date is
 * no headline. */
#include <stdio.h>
#include <string.h>
#include "check.h"
#include "core/doc.h"

#define BODY                                                                               \
    "<p>Bees came back to the valley this year, the volunteers who count them every "     \
    "morning said on Tuesday, and they came earlier than in the years before.</p>"

/* The record of an HTML page: its date, or its title when want_title. */
static char got[512];

static const char *field_as(const char *page, int want_title, winnow_page_type type)
{
    winnow_result r;
    winnow_options o;
    winnow_options_init(&o);
    o.page_type = type;
    got[0] = '\0';
    if (winnow_extract(page, strlen(page), &o, &r) != WINNOW_OK) return "(failed)";
    const char *v = want_title ? r.title : r.meta.date;
    if (v) snprintf(got, sizeof got, "%s", v);
    winnow_result_free(&r);
    return v ? got : NULL;
}

static const char *field(const char *page, int want_title)
{
    return field_as(page, want_title, WINNOW_PAGE_AUTO);
}

static const char *title_as(const char *head, const char *h1, winnow_page_type type)
{
    static char page[2048];
    snprintf(page, sizeof page, "<html><head>%s</head><body><article><h1>%s</h1>" BODY
             BODY "</article></body></html>", head, h1);
    return field_as(page, 1, type);
}

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
    /* ... and, where the page tells no other date, the date too. */
    CHECK_STR(r.meta.date, "2024-02-03");
    winnow_result_free(&r);
    p = "<html><head><meta name=\"updated_at\" content=\"2024-02-03\">"
        "<meta name=\"published\" content=\"2023-05-06\"></head>"
        "<body><h1>Bees return to the valley</h1>" BODY "</body></html>";
    CHECK(winnow_extract(p, strlen(p), NULL, &r) == WINNOW_OK);
    CHECK_STR(r.meta.date, "2023-05-06");
    winnow_result_free(&r);
    /* A name no table lists that still says "published" and "date". */
    CHECK_STR(field("<html><head><meta name=\"w-published-date\" content=\"2025-05-27T06:03:43Z\">"
                    "</head><body><h1>Bees return to the valley</h1>" BODY "</body></html>", 0),
              "2025-05-27T06:03:43Z");
    /* ... but not the last one. */
    CHECK(field("<html><head><meta name=\"last-published-date\" content=\"2025-05-27\">"
                "</head><body><h1>Bees return to the valley</h1>" BODY "</body></html>",
                0) == NULL);
    /* JSON-LD written into a <meta> by a framework. */
    CHECK_STR(field("<html><head><meta name=\"script:ld+json\" content=\"{&quot;@type&quot;:"
                    "&quot;Article&quot;,&quot;datePublished&quot;:&quot;2025-11-17&quot;}\">"
                    "</head><body><h1>Bees return to the valley</h1>" BODY "</body></html>", 0),
              "2025-11-17");
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
    /* A date under another heading below the headline (a card of a "Most popular"
     * shelf) is not the story's when one stands just above the headline. */
    CHECK_STR(field("<html><body><p>January 16, 2025</p><h1>Bees return to the valley</h1>"
                    "<h3>Most popular</h3><p>Ann Lee | July 15, 2025</p>" BODY "</body></html>",
                    0),
              "2025-01-16");
    /* By an "Updated" date line, a date in a table further down is no publication date:
     * the declared one stands. */
    CHECK_STR(field("<html><head><meta property=\"article:published_time\" "
                    "content=\"2025-02-12\"></head><body><h1>Bees return to the valley</h1>"
                    "<p>Last updated Nov 6, 2025</p><h2>Prices</h2><table><tr><td>1/1/2013</td>"
                    "<td>+13%</td></tr></table>" BODY "</body></html>", 0),
              "2025-02-12");
}

/* A byline far below the headline (past the lines read around it): the date line next
 * to the author element is the page's date, where the page declares none. */
#define BODY8 BODY BODY BODY BODY BODY BODY BODY BODY
static void test_date_by_byline(void)
{
#define FAR_BYLINE(head)                                                                   \
    "<html><head>" head "</head><body><h1>Bees return to the valley</h1>" BODY8 BODY8      \
    "<div><p class=\"author-name\">Jo Doe</p><p>April 8, 2024</p></div>" BODY "</body></html>"
    CHECK_STR(field(FAR_BYLINE(""), 0), "2024-04-08");
    CHECK_STR(field(FAR_BYLINE("<meta property=\"article:published_time\" content=\"2020-06-09\">"),
                    0),
              "2020-06-09");
    /* The date inside the author element itself. */
    CHECK_STR(field("<html><body><h1>Bees return to the valley</h1>" BODY8 BODY8
                    "<div class=\"post-author\"><p>Jo Doe</p><small>April 8, 2024</small></div>"
                    BODY "</body></html>", 0),
              "2024-04-08");
    /* Nothing by the headline, no author element: a labelled date at the story's end. */
    CHECK_STR(field("<html><body><h1>Bees return to the valley</h1>" BODY8 BODY8
                    "<div>Posted on the 15/12/2025 at 19:00 by <a href=\"/\">@jo</a></div>"
                    "</body></html>", 0),
              "2025-12-15");
    /* Words a day off their <time>'s datetime in the publisher's zone: the datetime's
     * day; one in UTC says nothing of the publisher's, the words stand. */
    CHECK_STR(field("<html><body><h1>Bees return to the valley</h1><p><time datetime=\""
                    "2024-01-14T21:50:50-05:00\">Jan 15, 2024</time></p>" BODY "</body></html>",
                    0),
              "2024-01-14T21:50:50-05:00");
    CHECK_STR(field("<html><body><h1>Bees return to the valley</h1><p><time datetime=\""
                    "2024-04-17T21:13:04Z\">Apr 18, 2024</time></p>" BODY "</body></html>", 0),
              "2024-04-18");
    /* A <time> in a long sentence above the headline is the sentence's: the date line
     * above it stands. */
    CHECK_STR(field("<html><head><title>Bees return to the valley</title></head><body><p>"
                    "Published on <time datetime=\"2019-06-25\">25.Jun.2019</time></p><p>"
                    "Preprints (earlier versions) of this paper are available, with their "
                    "reviews and the comments of readers, at <a href=\"/p\">https://preprints."
                    "example.org/preprint/14273</a> , first published <time datetime=\"2019-04-"
                    "04\">04.Apr.2019</time>.</p><h1>Bees return to the valley</h1>" BODY
                    "</body></html>", 0),
              "2019-06-25");
    /* Declared published and modified to the second: a <time pubdate> earlier in the
     * body is the publication; a later one is not. */
#define SAVED(t)                                                                           \
    "<html><head><meta property=\"article:published_time\" content=\"2025-11-29T12:28:31Z\">" \
    "<meta property=\"article:modified_time\" content=\"2025-11-29T12:28:31Z\"></head>"        \
    "<body><h1>Bees return to the valley</h1>" BODY8 BODY8 "<div>Published <time pubdate "   \
    "datetime=\"" t "\">then</time></div></body></html>"
    CHECK_STR(field(SAVED("2025-08-13"), 0), "2025-08-13");
    CHECK_STR(field(SAVED("2025-12-13"), 0), "2025-11-29T12:28:31Z");
#undef SAVED
    CHECK(field("<html><body><h1>Bees return to the valley</h1>" BODY8 BODY8
                "<div>Offer ends 15/12/2025, hurry</div></body></html>", 0) == NULL);
}

static void test_titles(void)
{
    /* An h1 broken over two elements, run together: the declared title's spelling. */
    CHECK_STR(title_as("<title>Weekend Coding Agent | Focus Labs</title>",
                       "WEEKEND<span>CODING AGENT</span>", WINNOW_PAGE_AUTO),
              "Weekend Coding Agent");
    /* A slogan for an h1 on a product page: the declared title; an article keeps its
     * h1. */
    const char *slogan = "<title>Build scalable websites visually with the Webflow CMS</title>";
    CHECK_STR(title_as(slogan, "Your content. Your canvas.", WINNOW_PAGE_PRODUCT),
              "Build scalable websites visually with the Webflow CMS");
    CHECK_STR(title_as(slogan, "Your content. Your canvas.", WINNOW_PAGE_ARTICLE),
              "Your content. Your canvas.");
    /* On an article: the site's name as the h1 before the title, a word of the title,
     * the title with its source run on. */
    CHECK_STR(title_as("<title>RogerBW's Blog: Advent of Code 2025 week 2</title>"
                       "<meta property=\"og:title\" content=\"Advent of Code 2025 week 2\">",
                       "RogerBW's Blog", WINNOW_PAGE_ARTICLE),
              "Advent of Code 2025 week 2");
    CHECK_STR(title_as("<meta property=\"og:title\" content=\"How we found a flaw in Vercel, "
                       "Cursor, Discord and a hundred companies\">",
                       "Discord", WINNOW_PAGE_ARTICLE),
              "How we found a flaw in Vercel, Cursor, Discord and a hundred companies");
    CHECK_STR(title_as("<title>Grads Find Their Degrees No Longer Guarantee Jobs - Slashdot</title>",
                       "Grads Find Their Degrees No Longer Guarantee Jobs (latimes.com) 87",
                       WINNOW_PAGE_ARTICLE),
              "Grads Find Their Degrees No Longer Guarantee Jobs");
    CHECK_STR(title_as("<title>Bees | Bee News</title>",
                       "Bees return to the valley (in spring) early", WINNOW_PAGE_ARTICLE),
              "Bees return to the valley (in spring) early");
    /* A date line before the headline goes from it; a version number does not. */
    CHECK_STR(title_as("<title>Preparing a transition plan</title>",
                       "Dec 18 2025 Preparing a transition plan", WINNOW_PAGE_ARTICLE),
              "Preparing a transition plan");
    CHECK_STR(title_as("<title>2024.4.4 -> 2024.5.0 issue: stuck on start - Forum</title>",
                       "2024.4.4 -> 2024.5.0 issue: stuck on start", WINNOW_PAGE_FORUM),
              "2024.4.4 -> 2024.5.0 issue: stuck on start");
    /* An h1's tail after a separator goes, unless the declared title holds the h1
     * whole (its dashes written otherwise) and the tail is a subtitle's length. */
    CHECK_STR(title_as("<meta property=\"og:title\" content=\"Top 10 Cameras of 2025 - The "
                       "Best Mirrorless Cameras on the Market | Photo Blog\">",
                       "Top 10 Cameras of 2025 \xE2\x80\x93 The Best Mirrorless Cameras on the "
                       "Market", WINNOW_PAGE_ARTICLE),
              "Top 10 Cameras of 2025 - The Best Mirrorless Cameras on the Market");
    CHECK_STR(title_as("<title>Best Movers in NYC 2025 | Top 19 Companies | Movers</title>",
                       "Best Movers in NYC 2025 | Top 19 Companies", WINNOW_PAGE_ARTICLE),
              "Best Movers in NYC 2025");
    CHECK_STR(title_as("<title>Ten Cameras</title>",
                       "Top 10 Cameras of 2025 | The Best Mirrorless Cameras on the Market",
                       WINNOW_PAGE_ARTICLE),
              "Top 10 Cameras of 2025");
    /* A label before the headline goes. */
    CHECK_STR(title_as("", "Thread: Which web host do you pick?", WINNOW_PAGE_FORUM),
              "Which web host do you pick?");
    /* The site's name after a bar, however long; other than on articles, a section's
     * name after a bar, and the part after the site's name before one. */
    CHECK_STR(title_as("<title>Pest Control Coupons | Pest-R-Us Pest Services</title>"
                       "<meta property=\"og:site_name\" content=\"Pest~R~Us Pest Services\">",
                       "", WINNOW_PAGE_SERVICE),
              "Pest Control Coupons");
    CHECK_STR(title_as("<title>Middleware | Django documentation | Django</title>", "",
                       WINNOW_PAGE_DOCUMENTATION),
              "Middleware");
    CHECK_STR(title_as("<title>Render | The cloud for builders</title>"
                       "<meta property=\"og:site_name\" content=\"Render\">",
                       "", WINNOW_PAGE_SERVICE),
              "The cloud for builders");
    CHECK_STR(title_as("<title>Top 10 Cameras Under $2500 | The Best Mirrorless Cameras</title>",
                       "", WINNOW_PAGE_ARTICLE),
              "Top 10 Cameras Under $2500 | The Best Mirrorless Cameras");
    /* " \xE2\x80\xA2 " parts the site's name too: an h1 that is that name is no headline. */
    CHECK_STR(title_as("<title>A brief intro to git \xE2\x80\xA2 Cory Dransfeldt</title>",
                       "Cory Dransfeldt", WINNOW_PAGE_ARTICLE),
              "A brief intro to git");
    /* A card title of a description's length yields to the other card's. */
    CHECK_STR(title_as("<meta name=\"twitter:title\" content=\"Kroll Cybersecurity Software "
                       "Sector M&amp;A Industry Insights aims to identify trends and provide "
                       "insights across the sector, focusing on key themes, deal activity and "
                       "market changes. Download the report.\">"
                       "<meta property=\"og:title\" content=\"Cybersecurity Sector Update\">",
                       "M&amp;A Updates", WINNOW_PAGE_ARTICLE),
              "Cybersecurity Sector Update");
}

/* An h1 that is a display line, in capitals or two lines run together, yields to the
 * declared title; an h1 in capitals on its own stays. */
static void test_titles_display_h1(void)
{
    CHECK_STR(title_as("<title>GAAP Compliance: Applying Accounting Best Practices</title>",
                       "SUPPORTING GAAP COMPLIANCE", WINNOW_PAGE_ARTICLE),
              "GAAP Compliance: Applying Accounting Best Practices");
    CHECK_STR(title_as("", "TIPS FOR ONLINE SUCCESS", WINNOW_PAGE_ARTICLE),
              "TIPS FOR ONLINE SUCCESS");
    CHECK_STR(title_as("<title>Top MBA Programs of 2025: Business School Rankings</title>",
                       "Top MBA Programs of 2025 (US)<br>Your Guide to the Best Schools",
                       WINNOW_PAGE_ARTICLE),
              "Top MBA Programs of 2025: Business School Rankings");
    CHECK_STR(title_as("<title>Best Notion Alternatives: Top Tools in 2026</title>",
                       "<span>The Best Notion Alternatives</span><span>Top Note-taking "
                       "Tools</span>", WINNOW_PAGE_ARTICLE),
              "Best Notion Alternatives: Top Tools in 2026");
    /* One line, its words in elements of their own with spaces between: the h1. */
    CHECK_STR(title_as("<title>Best Notion Alternatives: Top Tools in 2026</title>",
                       "The <em>Best</em> Notion Alternatives for Teams", WINNOW_PAGE_ARTICLE),
              "The Best Notion Alternatives for Teams");
}

/* The page's h2 shows the declared title: the record takes it over an h1 that the
 * metadata does not back, and the declared title's first part where the rest names the
 * book (an h1 in a menu, or none). */
static void test_titles_shown_h2(void)
{
    CHECK_STR(field("<html><head><title>Zero Waste 101: A beginner's guide</title></head>"
                    "<body><h1>Recycle by City</h1><h2>Zero Waste 101: A beginner's guide</h2>"
                    BODY BODY "</body></html>", 1),
              "Zero Waste 101: A beginner's guide");
    CHECK_STR(field("<html><head><title>What is Ownership? - The Rust Programming Language"
                    "</title></head><body><h2>What Is Ownership?</h2>" BODY BODY
                    "</body></html>", 1),
              "What is Ownership?");
    /* A short first part shown as an h2 is a logo's: the title stands. */
    CHECK_STR(field("<html><head><title>Git - git-commit Documentation</title></head>"
                    "<body><h2>Git</h2>" BODY BODY "</body></html>", 1),
              "Git - git-commit Documentation");
    /* No h2 shows it: the h1 stands. */
    CHECK_STR(field("<html><head><title>Zero Waste 101: A beginner's guide</title></head>"
                    "<body><h1>Going zero waste in a small flat</h1><h2>Kitchen</h2>"
                    BODY BODY "</body></html>", 1),
              "Going zero waste in a small flat");
}

/* A forum's label before the headline goes where the JSON-LD headline is the rest; a
 * number before it is the headline's own. */
static void test_titles_labelled(void)
{
#define LD(headline) "<script type=\"application/ld+json\">{\"@type\":" \
                         "\"DiscussionForumPosting\",\"headline\":\"" headline "\"}</script>"
    CHECK_STR(title_as(LD("Digital Cameras: A 2024 status symbol?")
                       "<title>News - Digital Cameras: A 2024 status symbol? | Camera Club</title>",
                       "News Digital Cameras: A 2024 status symbol?", WINNOW_PAGE_FORUM),
              "Digital Cameras: A 2024 status symbol?");
    CHECK_STR(title_as(LD("Recent Trends in Photography")
                       "<title>8 Recent Trends in Photography</title>",
                       "8 Recent Trends in Photography", WINNOW_PAGE_ARTICLE),
              "8 Recent Trends in Photography");
#undef LD
}

/* A card title cut short yields to the other card's, which runs on from it. */
static void test_titles_cut_short(void)
{
    CHECK_STR(field("<html><head><meta name=\"twitter:title\" content=\"Hair Follicles Have "
                    "Been Grown in The Lab For The...\"><meta property=\"og:title\" content="
                    "\"Hair Follicles Have Been Grown in The Lab For The First Time. A mice "
                    "study identified a missing link: a cell type that supports regeneration "
                    "and triggers hair growth.\"></head><body><h1>science</h1><h1>Rules</h1>"
                    BODY BODY "</body></html>", 1),
              "Hair Follicles Have Been Grown in The Lab For The First Time. A mice study "
              "identified a missing link: a cell type that supports regeneration and triggers "
              "hair growth.");
}

/* A part of the declared title that a heading shows is the headline: the part after a
 * dash as an h2, the part before a " / " as an h3. */
static void test_titles_shown_part(void)
{
    CHECK_STR(field("<html><head><title>Nations \xE2\x80\xA2 View topic - Football Season: MLS "
                    "is Back!</title></head><body><h2>Football Season: MLS is Back!</h2>"
                    BODY BODY "</body></html>", 1),
              "Football Season: MLS is Back!");
    CHECK_STR(field("<html><head><title>Which forum software for an old school forum? / "
                    "Discussion / Linux Forums</title></head><body><h1>Linux</h1><h3>Which "
                    "forum software for an old school forum?</h3>" BODY BODY "</body></html>", 1),
              "Which forum software for an old school forum?");
}

/* On a service page the declared title names the page, the h1 words it for the eye
 * ("Pet Insurance" under "Pet Insurance for Dogs & Cats"); a declared title that is a
 * brand and its slogan does not. */
static void test_titles_service(void)
{
    const char *head = "<title>Pet Insurance for Dogs &amp; Cats | Progressive</title>";
    CHECK_STR(title_as(head, "Pet Insurance", WINNOW_PAGE_SERVICE), "Pet Insurance for Dogs & Cats");
    CHECK_STR(title_as(head, "Pet Insurance", WINNOW_PAGE_ARTICLE), "Pet Insurance");
    CHECK_STR(title_as("<title>Talkspace - Online therapy for everyone, anywhere</title>",
                       "Online Therapy With Licensed Therapists", WINNOW_PAGE_SERVICE),
              "Online Therapy With Licensed Therapists");
}

/* Other than on articles, a name of three words or more before a dash is the title,
 * what follows it a description or a variant; a shorter name is a brand's, its slogan
 * part of the title. */
static void test_titles_dash(void)
{
    CHECK_STR(title_as("", "Moray Driver Kit - 32 Precision Bits", WINNOW_PAGE_PRODUCT),
              "Moray Driver Kit");
    CHECK_STR(title_as("", "Outdoor Gear \xE2\x80\x93 The Bush Company", WINNOW_PAGE_COLLECTION),
              "Outdoor Gear \xE2\x80\x93 The Bush Company");
    CHECK_STR(title_as("", "Moray Driver Kit - 32 Precision Bits", WINNOW_PAGE_ARTICLE),
              "Moray Driver Kit - 32 Precision Bits");
}

/* A declared title that is only a brand and its slogan names the site: a thread's h1
 * that shares none of its words stands; on a service page the declared title does, and
 * where the h1 starts with the declared title's first part, that is no brand. */
static void test_titles_site_only(void)
{
    const char *site = "<title>Reddit - The heart of the internet</title>";
    CHECK_STR(title_as(site, "Enameled Cast Iron Pan and Metal", WINNOW_PAGE_FORUM),
              "Enameled Cast Iron Pan and Metal");
    CHECK_STR(title_as(site, "Enameled Cast Iron Pan and Metal", WINNOW_PAGE_SERVICE),
              "Reddit - The heart of the internet");
    CHECK_STR(title_as("<title>IAM overview - Identity and Access Management on our cloud</title>",
                       "IAM overview Stay organized with collections Save and categorize",
                       WINNOW_PAGE_DOCUMENTATION),
              "IAM overview - Identity and Access Management on our cloud");
}

/* A <title> that stands after the head was closed early is still the page's; an
 * <svg>'s <title> is an icon's. */
static void test_stray_title(void)
{
    CHECK_STR(field("<html><head></head><body><svg><title>Search icon</title></svg>"
                    "<div><h1>94</h1></div><title>Scalable End-to-End Interpretability"
                    "</title>" BODY BODY "</body></html>", 1),
              "Scalable End-to-End Interpretability");
}

/* Rendered text: a date line far from the headline found is the page's date; a
 * sentence that names a date is not. */
static void test_text_date(void)
{
    static char text[8192];
    size_t n = 0;
    n += (size_t)snprintf(text + n, sizeof text - n, "Bees return to the valley early\n\n");
    for (int k = 0; k < 10; k++)
        n += (size_t)snprintf(text + n, sizeof text - n,
                              "The volunteers who count the bees every morning said on Tuesday "
                              "that they came back to the valley earlier than before, %d.\n\n", k);
    size_t keep = n;
    n += (size_t)snprintf(text + n, sizeof text - n, "Posted on March 3, 2024\n\n");
    winnow_options o;
    winnow_options_init(&o);
    o.type = WINNOW_TYPE_TEXT;
    winnow_result r;
    CHECK(winnow_extract(text, n, &o, &r) == WINNOW_OK);
    CHECK_STR(r.meta.date, "2024-03-03");
    winnow_result_free(&r);
    snprintf(text + keep, sizeof text - keep,
             "The volunteers who count the bees every morning said that the count of "
             "March 3, 2024 was the highest they had seen in the valley in many years.\n\n");
    CHECK(winnow_extract(text, strlen(text), &o, &r) == WINNOW_OK);
    CHECK(r.meta.date == NULL);
    winnow_result_free(&r);
    /* A long line under the headline that opens with "Posted on" and a date. */
    n = 0;
    n += (size_t)snprintf(text + n, sizeof text - n,
                          "Bees return to the valley early\n\nPosted on December 20, 2025 by "
                          "Jo Doe (The Valley Post) - 5 Comments on Bees return to the valley "
                          "early, and other news of the spring\n\n");
    for (int k = 0; k < 10; k++)
        n += (size_t)snprintf(text + n, sizeof text - n,
                              "The volunteers who count the bees every morning said on Tuesday "
                              "that they came back to the valley earlier than before, %d.\n\n", k);
    CHECK(winnow_extract(text, n, &o, &r) == WINNOW_OK);
    CHECK_STR(r.meta.date, "2025-12-20");
    winnow_result_free(&r);
}

/* Rendered text: a line with a date written with its month's name and a name, or one
 * that starts "Written by", is the byline's under the headline, not the headline; on
 * an article a headline in title case beats a line in sentence case nearer the story;
 * a menu's items run together are no headline. */
static void test_text_title(void)
{
    /* A headline, then a line that is no headline: the byline's, a standfirst in
     * sentence case under a headline in title case, a menu run together. */
    static const char *const pairs[][2] = {
        {"The best tutoring franchises of the year", "September 1st, 2023 By Emily Norwood"},
        {"The best tutoring franchises of the year", "Written by: Emily Norwood, Senior Analyst"},
        {"Green Gifts for Gardeners", "Stopping to smell the flowers"},
        {"The basics of catering for beginners",
         "B2B CommerceSales Rep AppWhy UsComparisonBlueCart PayBook a Demo"}};
    for (size_t s = 0; s < sizeof pairs / sizeof pairs[0]; s++) {
        static char text[8192];
        size_t n = (size_t)snprintf(text, sizeof text, "Home\n\nNews\n\n%s\n\n%s\n\n",
                                    pairs[s][0], pairs[s][1]);
        for (int k = 0; k < 8; k++)
            n += (size_t)snprintf(text + n, sizeof text - n,
                                  "The volunteers who count the bees every morning said on "
                                  "Tuesday that they came back to the valley earlier, %d.\n\n", k);
        winnow_options o;
        winnow_options_init(&o);
        o.type = WINNOW_TYPE_TEXT;
        winnow_result r;
        CHECK(winnow_extract(text, n, &o, &r) == WINNOW_OK);
        CHECK_STR(r.title, pairs[s][0]);
        winnow_result_free(&r);
    }
}

int main(void)
{
    test_text_title();
    test_text_date();
    test_date_by_byline();
    test_titles();
    test_titles_display_h1();
    test_titles_shown_h2();
    test_titles_service();
    test_titles_labelled();
    test_titles_cut_short();
    test_titles_shown_part();
    test_titles_dash();
    test_titles_site_only();
    test_stray_title();
    test_meta_names();
    test_shown_dates();
    return check_done();
}
