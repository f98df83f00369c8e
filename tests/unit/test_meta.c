/* test_meta.c -- declared metadata: dates in the forms pages write them (date.c),
 * schema.org JSON-LD in its common shapes and broken (jsonld.c), and a whole page's
 * <meta> tags, canonical link and lang through winnow_extract (html_meta.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "core/doc.h"
#include "meta/meta.h"

static arena a;

static const char *iso(const char *s) { return wn_meta_iso_date(s, NULL, &a); }

static void test_dates(void)
{
    CHECK_STR(iso("2025-09-25T11:38:00Z"), "2025-09-25T11:38:00Z");
    CHECK_STR(iso("2025-09-25"), "2025-09-25");
    CHECK_STR(iso("Thu, 09/25/2025 - 11:38"), "2025-09-25");
    CHECK_STR(iso("13/11/2025 09:21:40"), "2025-11-13"); /* day first: 13 is no month */
    CHECK_STR(iso("25.09.2025"), "2025-09-25");          /* dotted: European */
    CHECK_STR(iso("Sep 25, 2025"), "2025-09-25");
    CHECK_STR(iso("Published: September 5 2025"), "2025-09-05");
    CHECK_STR(iso("25 September 2025"), "2025-09-25");
    CHECK_STR(iso("Thu, 25 Sep 2025 11:38:00 +0000"), "2025-09-25");
    CHECK(iso("1994-05-01") == NULL);  /* before the web had dated pages */
    CHECK(iso("2025-02-30") == NULL);  /* no such day */
    CHECK(iso("2023-02-29") == NULL);
    CHECK_STR(iso("2024-02-29"), "2024-02-29");
    CHECK(iso("yesterday") == NULL);
    CHECK(iso("March 2025") == NULL);  /* no day */
    CHECK(iso(NULL) == NULL);
    /* Declared values keep their time, written the ISO way. */
    CHECK_STR(iso("2025-11-25 08:33:24"), "2025-11-25T08:33:24");
    CHECK_STR(iso("2024-05-09 00:00:00 +0000"), "2024-05-09T00:00:00+00:00");
    CHECK_STR(iso("2015-04-06T13:52:00.000-04:00"), "2015-04-06T13:52:00-04:00");
    CHECK_STR(iso("2024-04-05T00:00:00-0400"), "2024-04-05T00:00:00-04:00");
    CHECK_STR(iso("2025-12-19T22:02:58.705Z"), "2025-12-19T22:02:58Z");
    CHECK_STR(iso("2025-12-19T25:00"), "2025-12-19"); /* no such hour: the date only */
    /* Visible date lines, in the forms and languages pages print. */
    CHECK_STR(iso("Dec. 19, 2025 \xc2\xb7 Niko on behalf of the group"), "2025-12-19");
    CHECK_STR(iso("September 1st, 2023 By Emily"), "2023-09-01");
    CHECK_STR(iso("OCTOBER 13, 2025"), "2025-10-13");
    CHECK_STR(iso("Faith K.\xe2\x80\xa2Oct 20, 2025"), "2025-10-20");
    CHECK_STR(iso("Dec 17, 2025Julian K. Arni"), "2025-12-17");
    CHECK_STR(iso("by Jeffrey ZeldmanNovember 20, 2007"), "2007-11-20"); /* run together */
    CHECK_STR(iso("[Submitted on 18 Dec 2025]"), "2025-12-18");
    CHECK_STR(iso("23.07.2025 \xc2\xb7 6 min read"), "2025-07-23");
    CHECK_STR(iso("Posted on the 15/12/2025 at 19:00"), "2025-12-15");
    CHECK_STR(iso("Almost Timely News (2025-09-21)"), "2025-09-21");
    CHECK_STR(iso("2025/09/21"), "2025-09-21");
    CHECK_STR(iso("the 15th of May, 2025"), "2025-05-15");
    CHECK_STR(iso("15-Dec-2025"), "2025-12-15");
    CHECK_STR(iso("19. Dezember 2025"), "2025-12-19");
    CHECK_STR(iso("3 m\xc3\xa4rz 2024"), "2024-03-03");
    CHECK_STR(iso("1er janvier 2025"), "2025-01-01");
    CHECK_STR(iso("12 d\xc3\xa9\x63\x65mbre 2025"), "2025-12-12");
    CHECK_STR(iso("25 de diciembre de 2025"), "2025-12-25");
    CHECK_STR(iso("4 settembre 2025"), "2025-09-04");
    CHECK_STR(iso("By: Ann on 04-ago-2021 5:11:10"), "2021-08-04");
    /* A time right after the year (two elements' text side by side). */
    CHECK_STR(iso("October 17, 20236:01 PM ET"), "2023-10-17");
    CHECK_STR(iso("9 November 202211:01 AM ET"), "2022-11-09");
    CHECK(iso("October 17, 202360") == NULL);
    /* ... or a reading time. */
    CHECK_STR(iso("Mar 27, 20255 mins"), "2025-03-27");
    CHECK_STR(iso("May 2nd 202511 min read"), "2025-05-02");
    CHECK(iso("Mar 27, 202555 miles") == NULL);
    /* A dotted date whose second number cannot be a month: month first. */
    CHECK_STR(iso("06.18.2025"), "2025-06-18");
    CHECK_STR(iso("7 de mar\xc3\xa7o de 2024"), "2024-03-07");
    CHECK_STR(iso("12 maart 2024"), "2024-03-12");
    CHECK_STR(iso("5 maja 2023"), "2023-05-05");
    CHECK_STR(iso("19 \xd0\xb4\xd0\xb5\xd0\xba\xd0\xb0\xd0\xb1\xd1\x80\xd1\x8f 2025"), "2025-12-19");
    CHECK_STR(iso("2025\xe5\xb9\xb4" "9\xe6\x9c\x88" "25\xe6\x97\xa5"), "2025-09-25");
    CHECK_STR(iso("2025\xeb\x85\x84 9\xec\x9b\x94 25\xec\x9d\xbc"), "2025-09-25");
    /* No date: relative ones, a month word inside another word, no day or year. */
    CHECK(iso("3 days ago") == NULL);
    CHECK(iso("Updated 2 hours ago") == NULL);
    CHECK(iso("posted 3 ago") == NULL);
    CHECK(iso("Mayor 12, 2025") == NULL);
    CHECK(iso("Top 10 tools of 2025") == NULL);
    CHECK(iso("12/19/25") == NULL);
    CHECK(iso("1/2/1990") == NULL);
    /* Nothing after the day the page was fetched. */
    CHECK(wn_meta_iso_date("2026-03-01", "2025-12-20T10:00:00Z", &a) == NULL);
    CHECK_STR(wn_meta_iso_date("2025-12-20", "2025-12-20T10:00:00Z", &a), "2025-12-20");
    CHECK_STR(wn_meta_iso_date("March 1, 2026, first posted Dec 1, 2025", "2025-12-20", &a),
              "2025-12-01");
    /* The dates of a line one by one, and where each starts. */
    const char *line = "Published Oct 21, 2025 Updated on Mar 9, 2026", *at = NULL;
    CHECK_STR(wn_meta_next_date(line, &at, NULL, &a), "2025-10-21");
    CHECK(at == line + 10);
    CHECK_STR(wn_meta_next_date(at + 1, &at, NULL, &a), "2026-03-09");
    CHECK(at == line + 34);
    /* Lines without four digits in a row are passed over: the year is never split. */
    CHECK(iso("Sep 25, 20 25") == NULL);
    CHECK(iso("Sep 25, 202") == NULL);
    CHECK(iso("25 Sep 2o25") == NULL);
    CHECK_STR(iso("1 of 3 -- Sep 25, 2025"), "2025-09-25"); /* the run after other digits */
    CHECK_STR(iso("Room 1234, Sep 5, 2025"), "2025-09-05");
    CHECK_STR(iso("2025-01-02 at the start"), "2025-01-02");
    CHECK_STR(iso("at the end 2 Jan 2025"), "2025-01-02");
}

static const char *who(const char *s) { return wn_meta_author(s, 0, &a); }
static const char *shown(const char *s) { return wn_meta_author(s, 1, &a); }

static void test_authors(void)
{
    CHECK_STR(who("By Ann Lee"), "Ann Lee");
    CHECK_STR(who("by: Ziyi Xu, Dec 17, 2025"), "Ziyi Xu");
    CHECK_STR(who("By Ann Lee, Staff Writer | Reuters"), "Ann Lee");
    CHECK_STR(who("Written by Jo Doe and Kim Park on May 3, 2025"), "Jo Doe; Kim Park");
    CHECK_STR(who("Author: Jo Doe & Kim Park; Lu Chen"), "Jo Doe; Kim Park; Lu Chen");
    CHECK_STR(who("Doris Munoz-Mantilla, MD, FOMA, DABOM"), "Doris Munoz-Mantilla");
    CHECK_STR(who("By David Kim \xe2\x80\xa2 December 17, 2025 \xe2\x80\xa2 11 min read"), "David Kim");
    CHECK_STR(who("Mahua Das in Project Management"), "Mahua Das");
    CHECK_STR(who("Colin Gray Colin Gray"), "Colin Gray");           /* link and text */
    CHECK_STR(who("Joshua Waller."), "Joshua Waller");
    CHECK_STR(who("Martin Luther King Jr."), "Martin Luther King Jr.");
    CHECK_STR(who("\"Aoife O\xe2\x80\x99Riordan\""), "Aoife O\xe2\x80\x99Riordan");
    CHECK_STR(who("Podium Staff"), "Podium Staff");   /* an organisation's staff */
    CHECK_STR(who("par Jeanne Roux"), "Jeanne Roux");
    CHECK_STR(who("Von Miller"), "Von Miller");       /* a name, not "von" */
    CHECK(who("Staff Writer") == NULL);                /* a role only */
    CHECK(who("jo@example.com") == NULL);
    CHECK(who("https://x.test/author/jo") == NULL);
    CHECK(who("262588213843476") == NULL);
    CHECK(who("") == NULL && who(NULL) == NULL);
    /* A byline the page shows: names look like names. */
    CHECK_STR(shown("Nick van Mead"), "Nick van Mead");
    CHECK(shown("the way the logo is drawn") == NULL);
    CHECK_STR(shown("ibby"), "ibby");
    CHECK(shown("#development #git") == NULL);        /* hashtags by a date line */
}

static page_meta read_ld(const char *json)
{
    page_meta m;
    memset(&m, 0, sizeof m);
    CHECK(wn_jsonld_read(json, strlen(json), &m, &a) == 0);
    return m;
}

static void test_jsonld(void)
{
    /* The article in a @graph, authors by reference (as WordPress SEO plugins write). */
    page_meta m = read_ld(
        "{\"@context\":\"https://schema.org\",\"@graph\":["
        "{\"@type\":\"WebSite\",\"name\":\"Bee News\",\"inLanguage\":\"en-GB\"},"
        "{\"@type\":\"WebPage\",\"datePublished\":\"2020-01-01\"},"
        "{\"@type\":[\"Article\",\"NewsArticle\"],\"headline\":\"Bees\","
        "\"datePublished\":\"2025-09-25T08:00:00Z\",\"dateModified\":\"2025-10-01\","
        "\"author\":[{\"@id\":\"#p1\"},{\"@type\":\"Person\",\"name\":\"Ann \\u00c9z\"}],"
        "\"image\":{\"@type\":\"ImageObject\",\"url\":\"https://x.test/b.jpg\"},"
        "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Bee Media\"}},"
        "{\"@type\":\"Person\",\"@id\":\"#p1\",\"name\":\"Jo Doe\"}]}");
    CHECK_STR(m.date, "2025-09-25T08:00:00Z");
    CHECK_STR(m.date_modified, "2025-10-01");
    CHECK_STR(m.author, "Jo Doe; Ann \xc3\x89z");
    CHECK_STR(m.site_name, "Bee Media");
    CHECK_STR(m.language, "en-GB");
    CHECK_STR(m.image, "https://x.test/b.jpg");
    CHECK_STR(m.ld_headline, "Bees"); /* the article's, not the WebSite's name */
    /* Each field's source, for --explain: the main entity's property, else the entity
     * that filled it. */
    CHECK_STR(m.src.date, "JSON-LD datePublished");
    CHECK_STR(m.src.date_modified, "JSON-LD dateModified");
    CHECK_STR(m.src.author, "JSON-LD author");
    CHECK_STR(m.src.site_name, "JSON-LD publisher");
    CHECK_STR(m.src.language, "JSON-LD inLanguage");
    CHECK(m.src.description == NULL); /* no value, no source */
    m = read_ld("{\"@type\":\"VideoObject\",\"uploadDate\":\"2021-04-05\"}");
    CHECK_STR(m.src.date, "JSON-LD uploadDate");
    m = read_ld("[{\"@type\":\"WebSite\",\"name\":\"Bee News\"},{\"@type\":\"Article\","
                "\"dateCreated\":\"2021-04-05\"}]");
    CHECK_STR(m.src.date, "JSON-LD dateCreated");
    CHECK_STR(m.src.site_name, "JSON-LD site's name");
    CHECK(m.ld_headline == NULL); /* no article headline: a name is none */
    /* A top-level array, an author as a bare string, a full type URL. */
    m = read_ld("[{\"@type\":\"BreadcrumbList\"},{\"@type\":\"http://schema.org/BlogPosting\","
                "\"author\":\"Kim  Lee\",\"datePublished\":\"2024-03-01\"}]");
    CHECK_STR(m.author, "Kim Lee");
    CHECK_STR(m.date, "2024-03-01");
    /* Broken JSON: what was read before the break stands. */
    m = read_ld("{\"@type\":\"NewsArticle\",\"datePublished\":\"2023-05-06\",\"author\":{\"name\":\"Al\" ,,, ");
    CHECK_STR(m.date, "2023-05-06");
    /* Fields already known are not overwritten (the caller's order of trust). */
    page_meta k;
    memset(&k, 0, sizeof k);
    k.date = "2001-01-01";
    const char *j = "{\"@type\":\"Article\",\"datePublished\":\"2025-01-01\"}";
    CHECK(wn_jsonld_read(j, strlen(j), &k, &a) == 0);
    CHECK_STR(k.date, "2001-01-01");
    /* Deep nesting is skipped, not recursed into without end; junk is no crash. */
    size_t n = 100000;
    char *deep = malloc(2 * n + 64);
    if (deep) {
        size_t l = (size_t)sprintf(deep, "{\"@type\":\"Article\",\"x\":");
        memset(deep + l, '[', n);
        memset(deep + l + n, ']', n);
        strcpy(deep + l + 2 * n, ",\"datePublished\":\"2022-02-02\"}");
        m = read_ld(deep);
        CHECK(m.date == NULL); /* the reader stopped at the nest */
        free(deep);
    }
    m = read_ld("\"\\ud800\\u");
    CHECK(m.date == NULL);
    m = read_ld("");
    CHECK(m.author == NULL);
}

static void test_page(void)
{
    const char *page =
        "<html lang=\"pt-BR\"><head><title>Abelhas | Site</title>"
        "<meta property=\"og:site_name\" content=\"Jornal\">"
        "<meta name=\"author\" content=\"https://x.test/author/ana\">"
        "<meta name=\"author\" content=\"Ana Souza\">"
        "<meta property=\"article:published_time\" content=\"Sep 25, 2025\">"
        "<link rel=\"canonical\" href=\"https://x.test/2025/09/25/abelhas/\">"
        "<script type=\"application/ld+json\">{\"@type\":\"WebSite\",\"name\":\"Jornal X\"}</script>"
        "</head><body><article><h1>Abelhas voltam ao vale</h1><p>As abelhas selvagens "
        "voltaram ao vale este ano, contaram os voluntarios que as observam todos os dias.</p>"
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"name\":"
        "\"Ana S.\"}}</script></article></body></html>";
    winnow_result r;
    CHECK(winnow_extract(page, strlen(page), NULL, &r) == WINNOW_OK);
    CHECK_STR(r.meta.author, "Ana S.");      /* JSON-LD first, even from the body */
    CHECK_STR(r.meta.site_name, "Jornal X"); /* the WebSite's name */
    CHECK_STR(r.meta.date, "2025-09-25");    /* the meta tag's date, made ISO */
    CHECK_STR(r.meta.url, "https://x.test/2025/09/25/abelhas/");
    CHECK_STR(r.meta.language, "pt-BR");
    winnow_result_free(&r);
    /* JSON-LD strings written from HTML: their references put back. */
    const char *p4 =
        "<html><head><script type=\"application/ld+json\">{\"@type\":\"WebSite\",\"name\":"
        "\"Bees &amp; Honey\",\"description\":\"Bees shouldn&#x27;t wait\"}</script>"
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"name\":"
        "\"Maria &amp; Se&#xe1;n O&#x27;Brien\"}}</script></head>"
        "<body><article><h1>Abelhas voltam ao vale</h1><p>As abelhas selvagens voltaram ao "
        "vale este ano, contaram os voluntarios que as observam todos os dias.</p></article>"
        "</body></html>";
    CHECK(winnow_extract(p4, strlen(p4), NULL, &r) == WINNOW_OK);
    CHECK_STR(r.meta.site_name, "Bees & Honey");
    CHECK_STR(r.meta.author, "Maria; Se\xc3\xa1n O'Brien"); /* not cut at "&#x27;" */
    winnow_result_free(&r);
    /* Text declares nothing. */
    CHECK(winnow_extract("A line of text.\n", 16, NULL, &r) == WINNOW_OK);
    CHECK(r.meta.author == NULL && r.meta.date == NULL && r.meta.language == NULL);
    winnow_result_free(&r);
    /* No declared date: the URL's /YYYY/MM/DD/ path. */
    const char *p2 = "<html><head><link rel=canonical href=\"https://x.test/news/2024/05/17/bees\">"
                     "</head><body><p>Bees came back to the valley this year, the volunteers "
                     "who count them every morning said on Tuesday.</p></body></html>";
    CHECK(winnow_extract(p2, strlen(p2), NULL, &r) == WINNOW_OK);
    CHECK_STR(r.meta.date, "2024-05-17");
    winnow_result_free(&r);
    /* The byline and date line under the headline: an avatar before the name, a
     * marked author box, a shown date beating a template's declared one. */
    const char *p3 =
        "<html><head><title>Bees return | Bee News</title>"
        "<meta property=\"og:site_name\" content=\"Bee News\">"
        "<meta name=\"author\" content=\"Bee News\">"
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
        "\"datePublished\":\"2013-01-01T00:00:00Z\"}</script></head><body>"
        "<h1>Bees return</h1><div class=\"byline\"><div><img src=a.png></div>"
        "<p>By <a href=\"/author/ann\">Ann Lee</a> and Jo Doe, Staff Writers</p></div>"
        "<p>Posted Sep. 25th, 2025 \xc2\xb7 4 min read</p>"
        "<p>Bees came back to the valley this year, the volunteers who count them every "
        "morning said on Tuesday, and they came earlier than in years before.</p></body></html>";
    CHECK(winnow_extract(p3, strlen(p3), NULL, &r) == WINNOW_OK);
    CHECK_STR(r.meta.author, "Ann Lee; Jo Doe"); /* not the site's own name */
    CHECK_STR(r.meta.date, "2025-09-25");
    winnow_result_free(&r);
    /* Fetched before the shown date: the declared one stands. */
    winnow_options o;
    winnow_options_init(&o);
    o.fetch_date = "Mon, 01 Jan 2024 10:00:00 GMT";
    CHECK(winnow_extract(p3, strlen(p3), &o, &r) == WINNOW_OK);
    CHECK_STR(r.meta.date, "2013-01-01T00:00:00Z");
    winnow_result_free(&r);
    /* Hostile bylines: author boxes of many empty elements each, and a line far longer
     * than a byline -- read in bounded time, the line's start only. */
    buf big;
    wn_buf_init(&big, 0);
    wn_buf_puts(&big, "<html><body><h1>A headline of some length</h1>");
    for (int k = 0; k < 2000; k++) {
        wn_buf_puts(&big, "<div class=author>");
        for (int e = 0; e < 50; e++) wn_buf_puts(&big, "<i></i>");
        wn_buf_puts(&big, "By Kim Lee</div>");
    }
    for (int k = 0; k < 5000; k++) wn_buf_puts(&big, "word ");
    wn_buf_puts(&big, "May 3, 2025</body></html>");
    CHECK(!big.failed);
    CHECK(winnow_extract(big.data, big.len, NULL, &r) == WINNOW_OK);
    CHECK_STR(r.meta.author, "Kim Lee");
    CHECK(r.meta.date == NULL); /* the date is past the line's first 160 bytes */
    winnow_result_free(&r);
    wn_buf_free(&big);
}

static void test_terms_license_host(void)
{
    /* keywords as a string or an array, sections, a license as a URL or an object. */
    page_meta m = read_ld("{\"@type\":\"BlogPosting\",\"keywords\":\"garlic, Garden,garden\","
                          "\"articleSection\":[\"Allotments\",\"Kitchen\"],"
                          "\"license\":\"https://creativecommons.org/licenses/by/4.0/\"}");
    CHECK_STR(wn_meta_terms(m.tags, &a), "garlic; Garden");
    CHECK_STR(wn_meta_terms(m.categories, &a), "Allotments; Kitchen");
    CHECK_STR(m.license, "https://creativecommons.org/licenses/by/4.0/");
    m = read_ld("{\"@type\":\"Article\",\"keywords\":[\"a\",\"b\"],"
                "\"license\":{\"@type\":\"CreativeWork\",\"url\":\"https://l.test/\"}}");
    CHECK_STR(m.tags, "a; b");
    CHECK_STR(m.license, "https://l.test/");
    CHECK(wn_meta_terms(" ; ,, ", &a) == NULL);
    CHECK(wn_meta_terms(NULL, &a) == NULL);
    /* Thirty terms at most. */
    char many[400] = "";
    for (int i = 0; i < 40; i++) snprintf(many + strlen(many), sizeof many - strlen(many), "t%d,", i);
    const char *t = wn_meta_terms(many, &a);
    size_t n = 1;
    for (const char *p = t; p && *p; p++) n += *p == ';';
    CHECK(t && n == 30);
    /* The host of a URL: lowercased, without user, port or a trailing dot. */
    doc d;
    wn_doc_init(&d);
    CHECK_STR(wn_doc_hostname(&d, "https://User:pw@News.Example.COM.:8080/a?b#c"),
              "news.example.com");
    CHECK_STR(wn_doc_hostname(&d, "http://[::1]:80/"), "[::1]");
    CHECK(wn_doc_hostname(&d, "/relative/path") == NULL);
    CHECK(wn_doc_hostname(&d, "https:///x") == NULL);
    wn_doc_free(&d);
}

/* The title_source and meta_source of page, extracted with explain. */
typedef struct {
    char title[160], date[160], author[160], url[160];
} sources;

static sources sources_of(const char *page, winnow_page_type type)
{
    sources got;
    memset(&got, 0, sizeof got);
    winnow_options opt;
    winnow_options_init(&opt);
    opt.explain = 1;
    opt.page_type = type;
    winnow_result r;
    CHECK(winnow_extract(page, strlen(page), &opt, &r) == WINNOW_OK);
    snprintf(got.title, sizeof got.title, "%s", r.title_source ? r.title_source : "(null)");
    snprintf(got.date, sizeof got.date, "%s", r.meta_source.date ? r.meta_source.date : "(null)");
    snprintf(got.author, sizeof got.author, "%s",
             r.meta_source.author ? r.meta_source.author : "(null)");
    snprintf(got.url, sizeof got.url, "%s", r.meta_source.url ? r.meta_source.url : "(null)");
    winnow_result_free(&r);
    return got;
}

#define PROSE "<p>The council met on a rainy evening to weigh the plan for the river park, " \
              "and most members voted to fund the first stage of the work this spring.</p>"

/* Where the HTML front end took each field from, as --explain says it. */
static void test_sources(void)
{
    /* An h1 with a date line run into it: the record's title is the h1 without it. */
    sources s = sources_of("<html><head><title>Park</title></head><body><article><h1>Dec 18 "
                           "2025 Preparing the river park plan</h1>" PROSE PROSE
                           "</article></body></html>", WINNOW_PAGE_AUTO);
    CHECK_STR(s.title, "<h1>, without its date or tail");
    /* og:title where there is no h1; microdata's datePublished; og:url. */
    s = sources_of("<html><head><meta property=\"og:title\" content=\"The river park plan\">"
                   "<meta property=\"og:url\" content=\"https://paper.test/park\"></head><body>"
                   "<article><span itemprop=\"datePublished\" content=\"2024-02-03\"></span>"
                   PROSE PROSE "</article></body></html>", WINNOW_PAGE_AUTO);
    CHECK_STR(s.title, "<meta og:title>");
    CHECK_STR(s.date, "itemprop=datePublished");
    CHECK_STR(s.url, "<meta og:url>");
    /* A page other than an article: the site's name cut from its <title>. */
    s = sources_of("<html><head><title>Render | The cloud for builders</title>"
                   "<meta property=\"og:site_name\" content=\"Render\"></head><body><main>"
                   PROSE "</main></body></html>", WINNOW_PAGE_SERVICE);
    CHECK_STR(s.title, "<title>, without the site's name");
    /* No headline shown: an element marked as the author's, one marked as a date. */
    s = sources_of("<html><head><title>Park</title></head><body><article>" PROSE PROSE
                   "</article><aside><span class=\"post-date\">May 2, 2024</span></aside>"
                   "<footer><a rel=\"author\" href=\"/kim\">Kim Park</a></footer></body>"
                   "</html>", WINNOW_PAGE_AUTO);
    CHECK_STR(s.author, "author element on the page");
    CHECK_STR(s.date, "date element on the page");
    /* No headline shown, no date marked: the date line next to the author element. */
    s = sources_of("<html><head><title>Park</title></head><body><article>" PROSE PROSE
                   "</article><div><p class=\"author-name\">Kim Park</p><p>May 2, 2024</p>"
                   "</div></body></html>", WINNOW_PAGE_AUTO);
    CHECK_STR(s.author, "author element on the page");
    CHECK_STR(s.date, "date line by the byline");
    /* A byline and a <time> on the line under the headline. */
    s = sources_of("<html><head><title>Park</title></head><body><article><h1>The river park "
                   "plan</h1><p class=\"meta\">By Jo Doe, <time datetime=\"2024-06-07\">last "
                   "week</time></p>" PROSE PROSE "</article></body></html>", WINNOW_PAGE_AUTO);
    CHECK_STR(s.author, "byline by the headline");
    CHECK_STR(s.date, "<time datetime> by the headline");
}

int main(void)
{
    wn_arena_init(&a);
    test_sources();
    test_terms_license_host();
    test_dates();
    test_authors();
    test_jsonld();
    test_page();
    wn_arena_free(&a);
    return check_done();
}
