/* test_pagetype.c -- the page-type detector: each signal family on its own (text
 * phrases and shape, URL paths, titles, generators), the HTML signals of small pages
 * through winnow_extract (--explain's "signals:" part), the decision on pages that say
 * clearly what they are, forcing a type, and the names. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "pagetype/pagetype.h"
#include "pagetype/pt_phrase.h"
#include "pagetype/pt_posts.h"
#include "winnow/winnow.h"

static pt_signals text_sig(const char *t)
{
    pt_signals s;
    memset(&s, 0, sizeof s);
    wn_pt_text_signals(t, strlen(t), &s);
    return s;
}

static void test_text_signals(void)
{
    pt_signals s = text_sig("Blue Kettle\n$49.99\nAdd to cart\nIn stock\nSKU: 1234\nFree shipping "
                            "on orders over 50 EUR\nQuantity\n4.5 out of 5 stars\n");
    CHECK(s.v[PS_T_CART] == 2);  /* add to cart, in stock */
    CHECK(s.v[PS_T_SKU] == 1);
    CHECK(s.v[PS_T_QTY] == 1);
    CHECK(s.v[PS_T_SHIP] == 1);
    CHECK(s.v[PS_T_STARS] == 1);
    CHECK(s.v[PS_T_PRICE] == 2); /* $49.99 and 50 EUR */
    CHECK(s.v[PS_T_FORUM_USER] == 0);

    s = text_sig("jdoe\nJoined: Mar 2019\nMessages: 412\nI tried that and my build still "
                 "fails.\nReply\nQuote\n3 replies\n");
    CHECK(s.v[PS_T_FORUM_USER] == 2);
    CHECK(s.v[PS_T_FORUM_ACT] == 3);
    CHECK(s.v[PS_T_I] > 0 && s.v[PS_T_WE] == 0);
    CHECK(s.v[PS_T_CART] == 0);

    s = text_sig("Posted by Jane Smith on May 3, 2024\nBy Jane Smith\n5 min read\n");
    CHECK(s.v[PS_T_BYLINE] == 3);
    CHECK(s.v[PS_T_DATE] == 1);
    s = text_sig("by jane smith\n"); /* a byline names a person: capitals */
    CHECK(s.v[PS_T_BYLINE] == 0);

    s = text_sig("$ pip install foo\nimport foo\nfoo.run() {\n}\nEdit this page\nParameters\n");
    CHECK(s.v[PS_T_CODE] >= 3);
    CHECK(s.v[PS_T_DOC] == 2);

    /* Shape: one long paragraph and a few short lines. */
    char para[700];
    memset(para, 'a', sizeof para);
    for (size_t k = 5; k < sizeof para - 1; k += 6) para[k] = ' ';
    para[sizeof para - 1] = 0;
    char t[900];
    snprintf(t, sizeof t, "Home\nNews\n%s\nShare\n", para);
    s = text_sig(t);
    CHECK(s.v[PS_T_LONGPARA] == 1);
    CHECK(s.v[PS_T_RUN] == (int)strlen(para));
    CHECK(s.v[PS_T_SHORTFRAC] == 75);
    s = text_sig("");
    CHECK(s.v[PS_T_WORDS] == 0 && s.v[PS_T_RUN] == 0);
}

static pt_signals url_sig(const char *u)
{
    pt_signals s;
    memset(&s, 0, sizeof s);
    wn_pt_url_signals(u, &s);
    return s;
}

/* Teasers of entries, in the rhythm of a listing or run together as an article. */
static const char *const teasers[] = {
    "The city council voted on Tuesday to build a new bridge over the river after years of debate.",
    "A local bakery has won a national prize for its rye bread, baked in the same oven since 1952.",
    "Schools will open an hour later this winter, the education board said in a short statement.",
    "The museum reopens its north wing with a show of maps drawn by sailors in the last century.",
    "Volunteers planted four hundred trees along the canal on Saturday, despite the rain and wind.",
    "A new night bus links the station and the hospital from next month, the transport office says.",
};
static const char *const titles[] = {
    "Council approves new bridge", "Bakery wins national bread prize", "Schools to open later",
    "Museum reopens its north wing", "Volunteers plant trees by the canal", "New night bus to the hospital",
};
#define N_ENTRIES (sizeof teasers / sizeof *teasers)

/* entries: title, date, teaser, "Read more" for each; else one headline and the teasers
 * as running paragraphs. */
static char *news_page(int entries)
{
    buf b;
    wn_buf_init(&b, 0);
    const char *head = "Home\nNews\nSport\nWeather\n\nLatest news\n\n";
    CHECK(wn_buf_append(&b, head, strlen(head)) == 0);
    for (size_t k = 0; k < N_ENTRIES; k++) {
        const char *parts[] = {entries ? titles[k] : "", entries ? "\nMay 3, 2024\n" : "",
                               teasers[k], entries ? "\nRead more\n\n" : "\n\n"};
        for (size_t p = 0; p < 4; p++) CHECK(wn_buf_append(&b, parts[p], strlen(parts[p])) == 0);
    }
    CHECK(wn_buf_append(&b, "About us\nContact\n", 18) == 0);
    CHECK(wn_buf_append(&b, "", 1) == 0); /* the NUL */
    return b.data;
}

/* The news page's titles and teasers, without dates, after intro_lines lines of
 * introduction run together. */
static char *news_intro_page(int intro_lines)
{
    static const char *const intro[] = {
        "The news from the town this week was mostly good, as the stories below show in brief.",
        "Many of them began with a letter from a reader to the editor of the paper last month.",
        "The council, the schools and the museum all had something to say about the new season.",
    };
    buf b;
    wn_buf_init(&b, 0);
    const char *head = "Home\nNews\nSport\nWeather\n\nLatest news\n\n";
    CHECK(wn_buf_append(&b, head, strlen(head)) == 0);
    for (int k = 0; k < intro_lines; k++) {
        CHECK(wn_buf_append(&b, intro[k % 3], strlen(intro[k % 3])) == 0);
        CHECK(wn_buf_append(&b, "\n", 1) == 0);
    }
    for (size_t k = 0; k < N_ENTRIES; k++) {
        const char *parts[] = {"\n", titles[k], "\n", teasers[k], "\n"};
        for (size_t p = 0; p < 5; p++) CHECK(wn_buf_append(&b, parts[p], strlen(parts[p])) == 0);
    }
    CHECK(wn_buf_append(&b, "\nAbout us\nContact\n", 19) == 0);
    CHECK(wn_buf_append(&b, "", 1) == 0); /* the NUL */
    return b.data;
}

static void test_rhythm_signals(void)
{
    char *page = news_page(1);
    pt_signals s = text_sig(page);
    CHECK(s.v[PS_T_ENTRIES] == (int)N_ENTRIES);
    CHECK(s.v[PS_T_ENTRY_PCT] == 100);
    CHECK(s.v[PS_T_RUN3_PCT] == 0);
    CHECK(s.v[PS_T_MAXPROSE] >= 15 && s.v[PS_T_MAXPROSE] <= 20);
    free(page);

    page = news_page(0); /* running paragraphs: no entry, all prose in one run */
    s = text_sig(page);
    CHECK(s.v[PS_T_ENTRIES] == 0 && s.v[PS_T_ENTRY_PCT] == 0);
    CHECK(s.v[PS_T_RUN3_PCT] == 100);
    free(page);

    /* A title followed by two paragraphs opens no entry; a "read more" line between
     * paragraphs does not break their run; a title ending in a full stop is no title. */
    s = text_sig("Council approves new bridge\nThe city council voted on Tuesday to build a new "
                 "bridge over the river.\nRead more\nThe bridge will cost about forty million and "
                 "open in two years.\nWork on the approaches starts this autumn, the mayor said.\n");
    CHECK(s.v[PS_T_ENTRIES] == 0 && s.v[PS_T_RUN3_PCT] == 100);
    s = text_sig("The council approves a bridge.\nThe city council voted on Tuesday to build a new "
                 "bridge over the river.\n");
    CHECK(s.v[PS_T_ENTRIES] == 0);
    s = text_sig("The council approves a bridge\nThe city council voted on Tuesday to build a new "
                 "bridge over the river.\n");
    CHECK(s.v[PS_T_ENTRIES] == 1 && s.v[PS_T_ENTRY_PCT] == 100);
}

static void test_url_signals(void)
{
    pt_signals s = url_sig("https://forum.example.org/t/why-does-my-build-fail/1234");
    CHECK(s.v[PS_U_FORUM] && s.v[PS_U_HOST_FORUM] && !s.v[PS_U_DOC]);
    s = url_sig("https://docs.example.com/en/latest/api/");
    CHECK(s.v[PS_U_DOC] && s.v[PS_U_HOST_DOC] && !s.v[PS_U_ROOT]);
    s = url_sig("https://www.example.com/");
    CHECK(s.v[PS_U_ROOT] && !s.v[PS_U_DEPTH1]);
    s = url_sig("https://example.com/2024/05/17/a-long-slug-for-this-story.html");
    CHECK(s.v[PS_U_DATE] && s.v[PS_U_LONGSLUG] && s.v[PS_U_EXT_HTML]);
    s = url_sig("https://shop.example.com/collections/kettles?page=2");
    CHECK(s.v[PS_U_COLLECTION] && s.v[PS_U_HOST_SHOP] && s.v[PS_U_QUERY] && s.v[PS_U_DEPTH1] == 0);
    s = url_sig("https://example.com/products/blue-kettle");
    CHECK(s.v[PS_U_PRODUCT] && !s.v[PS_U_COLLECTION]);
    s = url_sig("https://example.com/lighting/pdp/blue-kettle-bk1026.html"); /* "product detail page" */
    CHECK(s.v[PS_U_PRODUCT] && !s.v[PS_U_COLLECTION]);
    s = url_sig("HTTPS://EXAMPLE.COM/SERVICES");  /* case does not matter */
    CHECK(s.v[PS_U_SERVICE] && s.v[PS_U_DEPTH1]);
    s = url_sig(NULL);
    CHECK(s.v[PS_U_NONE]);
    s = url_sig("not a url at all");
    CHECK(!s.v[PS_U_NONE]); /* read as a path; nothing breaks */
    char longurl[5000];
    memset(longurl, 'a', sizeof longurl - 1);
    longurl[sizeof longurl - 1] = 0;
    memcpy(longurl, "https://x.org/docs/", 19);
    s = url_sig(longurl);  /* cut at URL_MAX, no overflow */
    CHECK(s.v[PS_U_DOC]);
}

static void test_title_and_generator(void)
{
    pt_signals s;
    memset(&s, 0, sizeof s);
    wn_pt_title_signals("How do I reset my password? - Community Forum", &s);
    CHECK(s.v[PS_S_TITLE_FORUM] && s.v[PS_S_TITLE_HOWTO] && !s.v[PS_S_TITLE_SHOP]);
    memset(&s, 0, sizeof s);
    wn_pt_generator_signals("Discourse 3.2.0", &s);
    CHECK(s.v[PS_S_GEN_FORUM] && !s.v[PS_S_GEN_DOC]);
    memset(&s, 0, sizeof s);
    wn_pt_generator_signals("Docutils 0.19 (Sphinx 7.1)", &s);
    CHECK(s.v[PS_S_GEN_DOC]);
    memset(&s, 0, sizeof s);
    wn_pt_generator_signals("WooCommerce 8.1", &s);
    CHECK(s.v[PS_S_GEN_SHOP]);
    wn_pt_generator_signals(NULL, &s);
    wn_pt_title_signals(NULL, &s);
}

/* Runs winnow_extract with --explain and returns the detected type; why gets the
 * explanation (caller frees). */
static winnow_page_type run(const char *page, winnow_page_type force, const char *url, char **why)
{
    winnow_options opt;
    winnow_options_init(&opt);
    opt.explain = 1;
    opt.page_type = force;
    opt.url = url;
    winnow_result res;
    CHECK(winnow_extract(page, strlen(page), &opt, &res) == WINNOW_OK);
    winnow_page_type t = res.page_type;
    if (why) *why = res.page_type_why ? strdup(res.page_type_why) : NULL;
    winnow_result_free(&res);
    return t;
}

static int has_signal(const char *why, const char *sig)
{
    const char *p = why ? strstr(why, "signals: ") : NULL;
    size_t n = strlen(sig);
    for (p = p ? strstr(p, sig) : NULL; p; p = strstr(p + 1, sig))
        if ((p[-1] == ' ') && (p[n] == ' ' || p[n] == 0)) return 1;
    return 0;
}

static void test_html_signals(void)
{
    /* Five posts of one shape under one parent, a breadcrumb, forum markup. */
    char page[8000] = "<html><head><title>Kettle won't boil - Forum</title>"
                      "<meta name=generator content='phpBB'></head><body>"
                      "<nav class=breadcrumb><a href=/>Home</a></nav><div id=posts>";
    for (int k = 0; k < 5; k++) {
        size_t n = strlen(page);
        snprintf(page + n, sizeof page - n,
                 "<div class='post bg%d'><div class=postprofile>user%d</div>"
                 "<div class=postbody><p>I have had the same trouble with my kettle for weeks "
                 "now, and nothing in the manual helped: the light comes on, the water warms, "
                 "and then it stops long before it boils.</p></div></div>",
                 k % 2, k);
    }
    strcat(page, "</div></body></html>");
    char *why = NULL;
    winnow_page_type t = run(page, WINNOW_PAGE_AUTO, NULL, &why);
    CHECK(has_signal(why, "H.rep_posts=5"));
    CHECK(has_signal(why, "H.plat_forum=1"));
    CHECK(has_signal(why, "S.gen_forum=1"));
    CHECK(has_signal(why, "H.breadcrumb=1"));
    CHECK(has_signal(why, "S.title_forum=1"));
    CHECK(has_signal(why, "U.none=1"));
    CHECK(!has_signal(why, "H.rep_priced=5"));
    CHECK(t == WINNOW_PAGE_FORUM);
    if (t != WINNOW_PAGE_FORUM) fprintf(stderr, "forum page: %s\n", why ? why : "(null)");
    free(why);
}

static void test_declared_types(void)
{
    static const char product[] =
        "<html><head><title>Blue Kettle 1.7 L</title><meta property='og:type' content='product'>"
        "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@type\":"
        "\"Product\",\"name\":\"Blue Kettle\",\"offers\":{\"@type\":\"Offer\",\"price\":\"49.99\"}}"
        "</script></head><body><h1>Blue Kettle 1.7 L</h1><p class=price>$49.99</p>"
        "<button>Add to cart</button><p>In stock. Free shipping.</p><p>SKU: BK-17</p>"
        "<p>A stainless kettle that boils 1.7 litres in three minutes, with a blue light and "
        "an automatic switch-off when the water boils or the base runs dry.</p></body></html>";
    char *why = NULL;
    winnow_page_type t = run(product, WINNOW_PAGE_AUTO, "https://example.com/products/blue-kettle", &why);
    CHECK(has_signal(why, "S.ld_product=1") && has_signal(why, "S.ld_offer=1"));
    CHECK(has_signal(why, "S.og_product=1"));
    CHECK(t == WINNOW_PAGE_PRODUCT);
    if (t != WINNOW_PAGE_PRODUCT) fprintf(stderr, "product page: %s\n", why ? why : "(null)");
    free(why);

    static const char article[] =
        "<html><head><title>Council approves new bridge</title>"
        "<meta property='og:type' content='article'>"
        "<meta property='article:published_time' content='2024-05-17T08:00:00Z'>"
        "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"Council "
        "approves new bridge\",\"author\":{\"@type\":\"Person\",\"name\":\"Jane Smith\"}}</script>"
        "</head><body><article><h1>Council approves new bridge</h1><p>By Jane Smith</p>"
        "<p>The city council voted on Tuesday to build a new bridge over the river, ending a "
        "debate that has run for more than a decade and split the town in two.</p>"
        "<p>The bridge will cost about 40 million and open in 2027, the mayor said after the "
        "vote, adding that work on the approaches would start this autumn.</p></article>"
        "</body></html>";
    t = run(article, WINNOW_PAGE_AUTO, "https://news.example.com/2024/05/17/council-approves-new-bridge",
            &why);
    CHECK(has_signal(why, "S.ld_article=1") && has_signal(why, "S.published=1"));
    CHECK(t == WINNOW_PAGE_ARTICLE);
    if (t != WINNOW_PAGE_ARTICLE) fprintf(stderr, "article page: %s\n", why ? why : "(null)");
    free(why);

    /* Forcing: the result is the forced type; --explain still shows what was detected. */
    t = run(article, WINNOW_PAGE_FORUM, NULL, &why);
    CHECK(t == WINNOW_PAGE_FORUM);
    CHECK(why && strncmp(why, "forced; detected article (", 26) == 0);
    free(why);

    /* Rendered text: the text table. */
    t = run("Blue Kettle 1.7 L\n$49.99\nAdd to cart\nIn stock\nSKU: BK-17\nFree shipping\n"
            "Quantity\n4.5 out of 5 stars\n12 reviews\n",
            WINNOW_PAGE_AUTO, "https://example.com/products/blue-kettle", &why);
    CHECK(t == WINNOW_PAGE_PRODUCT);
    if (t != WINNOW_PAGE_PRODUCT) fprintf(stderr, "product text: %s\n", why ? why : "(null)");
    free(why);
}

static void test_names(void)
{
    for (int t = WINNOW_PAGE_ARTICLE; t <= WINNOW_PAGE_OTHER; t++)
        CHECK((int)winnow_page_type_parse(winnow_page_type_name((winnow_page_type)t)) == t);
    CHECK_STR(winnow_page_type_name(WINNOW_PAGE_DOCUMENTATION), "documentation");
    CHECK_STR(winnow_page_type_name(WINNOW_PAGE_UNKNOWN), "");
    CHECK(winnow_page_type_parse("Forum") == WINNOW_PAGE_UNKNOWN); /* names are lowercase */
    CHECK(winnow_page_type_parse("") == WINNOW_PAGE_UNKNOWN);
    CHECK(winnow_page_type_parse(NULL) == WINNOW_PAGE_UNKNOWN);
    CHECK_STR(wn_pt_signal_name(PS_H_REP_POSTS), "H.rep_posts");
}

/* A tutorial in rendered text: three paragraphs, each followed by a CSS sample of
 * code_lines lines, under a small menu. */
static char *tutorial(int code_lines)
{
    static const char *const paras[] = {
        "Flexbox is a one-dimensional layout method for arranging items in rows or columns. Items flex to fill additional space or shrink to fit into smaller spaces, and this article explains the fundamentals.",
        "To start with, we need to select which elements are to be laid out as flexible boxes. To do this, we set a special value of display on the parent element of the elements you want to affect.",
        "This causes the section element to become a flex container and its children become flex items. This single declaration gives us everything we need to start, and the rest of this page builds on it.",
    };
    static const char *const css[] = {"section {", "  display: flex;", "  flex-direction: row;",
                                      "  gap: 1rem;", "}", "article {", "  flex: 1;",
                                      "  min-width: 0;", "}", ".box > * {", "  flex: 1 1 200px;", "}"};
    buf b;
    wn_buf_init(&b, 0);
    const char *head = "Docs\nGuides\nAPI\nSearch\n\nLaying out items with flexbox\n\n";
    CHECK(wn_buf_append(&b, head, strlen(head)) == 0);
    for (int p = 0; p < 3; p++) {
        CHECK(wn_buf_append(&b, paras[p], strlen(paras[p])) == 0);
        CHECK(wn_buf_append(&b, "\n\n", 2) == 0);
        for (int k = 0; k < code_lines; k++) {
            CHECK(wn_buf_append(&b, css[k % 12], strlen(css[k % 12])) == 0);
            CHECK(wn_buf_append(&b, "\n", 1) == 0);
        }
        CHECK(wn_buf_append(&b, "\n", 1) == 0);
    }
    CHECK(wn_buf_append(&b, "Previous\nNext\nEdit this page\n", 29) == 0);
    CHECK(wn_buf_append(&b, "", 1) == 0); /* the NUL */
    return b.data;
}

/* Rendered text: words that lean to "article" but lines of code that say documentation. */
static void test_code_settles_documentation(void)
{
    char *why = NULL, *page = tutorial(12);
    CHECK(run(page, WINNOW_PAGE_AUTO, NULL, &why) == WINNOW_PAGE_DOCUMENTATION);
    CHECK(why && strstr(why, "lines of code") != NULL);
    free(why);
    free(page);
    page = tutorial(2); /* six lines: a snippet in an article */
    CHECK(run(page, WINNOW_PAGE_AUTO, NULL, NULL) == WINNOW_PAGE_ARTICLE);
    free(page);
    page = tutorial(12); /* a forced type stands */
    CHECK(run(page, WINNOW_PAGE_ARTICLE, NULL, NULL) == WINNOW_PAGE_ARTICLE);
    free(page);
}

/* Rendered text: the same news read as a listing's entries or as one article. */
static void test_rhythm_settles_listing(void)
{
    char *why = NULL, *page = news_page(1);
    winnow_page_type t = run(page, WINNOW_PAGE_AUTO, NULL, &why);
    CHECK(t == WINNOW_PAGE_LISTING);
    CHECK(why && strstr(why, "rhythm of its 6 entries") != NULL);
    if (t != WINNOW_PAGE_LISTING) fprintf(stderr, "entries: %s\n", why ? why : "(null)");
    free(why);
    free(page);
    page = news_page(0);
    t = run(page, WINNOW_PAGE_AUTO, NULL, &why);
    CHECK(t == WINNOW_PAGE_ARTICLE);
    if (t != WINNOW_PAGE_ARTICLE) fprintf(stderr, "paragraphs: %s\n", why ? why : "(null)");
    free(why);
    free(page);
    page = news_page(1); /* a forced type stands */
    CHECK(run(page, WINNOW_PAGE_ARTICLE, NULL, NULL) == WINNOW_PAGE_ARTICLE);
    free(page);
}

/* Checks that page (freed here) is detected as want, with reason in the explanation
 * when reason is not NULL; shows the explanation when it is not. */
static void expect_type(char *page, winnow_page_type want, const char *reason)
{
    char *why = NULL;
    winnow_page_type t = run(page, WINNOW_PAGE_AUTO, NULL, &why);
    CHECK(t == want);
    if (reason) CHECK(why && strstr(why, reason) != NULL);
    if (t != want) fprintf(stderr, "page type: %s\n", why ? why : "(null)");
    free(why);
    free(page);
}

/* Rendered text: teasers that are most of the prose allow an introduction that runs for
 * a third of it; twice as long an introduction makes an article. */
static void test_rhythm_allows_introduction(void)
{
    expect_type(news_intro_page(3), WINNOW_PAGE_LISTING, "rhythm of its 6 entries");
    expect_type(news_intro_page(6), WINNOW_PAGE_ARTICLE, NULL);
}

/* A podcast's episodes: a date, a title and notes of 84 words each, too long a line for
 * the rhythm of teasers.  (Notes right under their dates would make the rhythm of
 * stamps text/textclass.c reads, whatever the count: the dates over the titles keep
 * this test to the dates' count.) */
static char *episodes_page(int n)
{
    static const char notes[] =
        "In this episode the three of us look back at the season so far, the new coach and "
        "his ideas for the spring, the young players who came up from the academy, the "
        "injuries that kept two of the starters out for a month, the cup final in the capital "
        "and what the fans can expect from the club in the summer window, with questions sent "
        "in by listeners from all over the country and a short quiz at the end of the show.";
    buf b;
    wn_buf_init(&b, 0);
    const char *head = "Home\nEpisodes\nAbout\nSubscribe\n\nAll episodes\n\n";
    CHECK(wn_buf_append(&b, head, strlen(head)) == 0);
    for (int k = 1; k <= n; k++) {
        char entry[128];
        int len = snprintf(entry, sizeof entry,
                           "May %d, 2024\nEpisode %d: Looking back at the season\n", k, k);
        CHECK(len > 0 && wn_buf_append(&b, entry, (size_t)len) == 0);
        CHECK(wn_buf_append(&b, notes, sizeof notes - 1) == 0);
        CHECK(wn_buf_append(&b, "\n\n", 2) == 0);
    }
    CHECK(wn_buf_append(&b, "About us\nContact\n", 18) == 0);
    CHECK(wn_buf_append(&b, "", 1) == 0); /* the NUL */
    return b.data;
}

/* Rendered text: twenty dated entries with long notes make a listing; nineteen do not. */
static void test_dates_settle_listing(void)
{
    expect_type(episodes_page(22), WINNOW_PAGE_LISTING, "by its 22 dates");
    expect_type(episodes_page(19), WINNOW_PAGE_ARTICLE, NULL);
    char *page = episodes_page(22); /* a forced type stands */
    CHECK(run(page, WINNOW_PAGE_ARTICLE, NULL, NULL) == WINNOW_PAGE_ARTICLE);
    free(page);
}

/* Rendered text: a thread whose long first post reads as an article, signed by its
 * forum software at the foot. */
/* The signatures of forum and Q&A platforms count, a story's own words do not. */
static void test_forum_platform_phrases(void)
{
    pt_signals s = text_sig("Sign In or Register to comment.\nHowdy, Stranger!\nIt looks like "
                            "you're new here.\n");
    CHECK(s.v[PS_T_PLAT_FORUM] == 2);
    s = text_sig("Stack Exchange network consists of 183 Q&A communities\n");
    CHECK(s.v[PS_T_PLAT_FORUM] == 1);
    s = text_sig("\"Howdy,\" the stranger said, and sat down to comment on the weather.\n");
    CHECK(s.v[PS_T_PLAT_FORUM] == 0);
}

static void test_forum_signature_settles_forum(void)
{
    for (int signed_page = 0; signed_page <= 1; signed_page++) {
        char *why = NULL, *page = tutorial(0);
        size_t n = strlen(page);
        const char *foot = signed_page ? "Powered by Discourse, best viewed with JavaScript enabled\n"
                                       : "Powered by our own team, best viewed with JavaScript enabled\n";
        char *all = malloc(n + strlen(foot) + 1);
        CHECK(all != NULL);
        memcpy(all, page, n);
        strcpy(all + n, foot);
        winnow_page_type t = run(all, WINNOW_PAGE_AUTO, NULL, &why);
        CHECK((t == WINNOW_PAGE_FORUM) == signed_page);
        if (signed_page) CHECK(why && strstr(why, "forum software") != NULL);
        free(why);
        free(all);
        free(page);
    }
}

/* Appends n entries to page: a linked title in a `heading` element and a teaser. */
static void append_entries(char *page, size_t size, int n, const char *heading)
{
    for (int k = 0; k < n; k++) {
        size_t len = strlen(page);
        snprintf(page + len, size - len,
                 "<div class=entry><%s><a href=/post-%d>Entry number %d of the archive</a>"
                 "</%s><p>A short teaser of the entry, a sentence or so long.</p></div>",
                 heading, k, k, heading);
    }
}

/* Twelve linked entry headings with teasers: a listing, unless the page carries a form
 * to comment on it, which one post has and a page of entries has not (html.c). */
static void test_comment_form_settles_article(void)
{
    for (int form = 0; form <= 1; form++) {
        char page[6000] = "<html><head><title>Archive - A blog</title></head><body><div class=posts>";
        append_entries(page, sizeof page, 12, "h2");
        strcat(page, form ? "</div><form id=commentform action=/post><textarea name=comment>"
                            "</textarea></form></body></html>"
                          : "</div><form id=search action=/find><input name=q></form></body></html>");
        char *why = NULL;
        winnow_page_type t = run(page, WINNOW_PAGE_AUTO, NULL, &why);
        CHECK(t == (form ? WINNOW_PAGE_ARTICLE : WINNOW_PAGE_LISTING));
        CHECK(has_signal(why, "H.comment_form=1") == form);
        CHECK(has_signal(why, "H.textarea=1") == form);
        free(why);
    }
}

/* A news story ("news" in its title) beside a sidebar of 18 linked headlines with
 * teasers leans to listing; its headline with a byline and a date line under it says it
 * is one story (html.c).
 * A listing whose first byline and date sit under its first entry's title keeps its
 * type, as does the story without them. */
static void test_story_stamp_settles_article(void)
{
    for (int kind = 0; kind < 3; kind++) { /* 0 stamped story, 1 bare story, 2 listing */
        char page[9000];
        snprintf(page, sizeof page, "<html><head><title>%s</title></head><body>",
                 kind == 2 ? "Latest news" : "Talks resume on Tuesday - Hockey news");
        if (kind == 2)
            strcat(page, "<h1>Latest news</h1><h2><a href=/talks>Talks resume on Tuesday</a>"
                         "</h2><p>By Jo Reed</p><p>June 11, 2012</p><p>A teaser of the talks.</p>");
        else
            strcat(page, kind == 0 ? "<h1>Talks resume on Tuesday</h1><p>By Jo Reed</p>"
                                     "<p>June 11, 2012</p>"
                                   : "<h1>Talks resume on Tuesday</h1>");
        if (kind != 2)
            strcat(page, "<p>Talks between the league and the players resumed on Tuesday at an "
                         "undisclosed place in the city, the first meeting in three weeks.</p>");
        strcat(page, "<div class=headlines>");
        append_entries(page, sizeof page, 18, "h3");
        strcat(page, "</div></body></html>");
        char *why = NULL;
        winnow_page_type t = run(page, WINNOW_PAGE_AUTO, NULL, &why);
        CHECK(t == (kind == 0 ? WINNOW_PAGE_ARTICLE : WINNOW_PAGE_LISTING));
        CHECK((why && strstr(why, "a byline and a date line")) == (kind == 0));
        if (t != (kind == 0 ? WINNOW_PAGE_ARTICLE : WINNOW_PAGE_LISTING))
            fprintf(stderr, "story page, kind %d: %s\n", kind, why ? why : "(null)");
        free(why);
    }
}

/* Six tiles of a shop's lineup (picture, name, a line, "Shop now") and a word on the
 * shop's service lean to service, collection close behind: when the class names speak
 * of products the page is a shop's and read as a collection (html.c); named as
 * services, the same tiles are an offer's. */
static void test_shop_lineup_settles_collection(void)
{
    for (int shop = 0; shop <= 1; shop++) {
        const char *tile = shop ? "product-card" : "service-card";
        char page[6000];
        snprintf(page, sizeof page,
                 "<html><head><title>Fire Pits</title></head><body><main>"
                 "<h1>Smokeless Fire Pits</h1><p>Find the right size of fire pit for your "
                 "backyard, your campsite and your patio.</p><div class=%s>",
                 shop ? "product-grid" : "plan-grid");
        for (int k = 0; k < 6; k++) {
            size_t n = strlen(page);
            snprintf(page + n, sizeof page - n,
                     "<div class='%s'><img src=/p%d.jpg><h3>Ranger model %d</h3><p>Enjoy with "
                     "2-4 people. Our most portable fire pit, great for camping.</p>"
                     "<a class=button href=/p/%d>Shop now</a></div>",
                     tile, k, k, k);
        }
        strcat(page, "</div><section class=service-features><h2>Why choose us</h2><p>Free "
                     "shipping on every order and a lifetime warranty on every fire pit.</p>"
                     "</section></main></body></html>");
        char *why = NULL;
        winnow_page_type t = run(page, WINNOW_PAGE_AUTO, NULL, &why);
        CHECK(t == (shop ? WINNOW_PAGE_COLLECTION : WINNOW_PAGE_SERVICE));
        CHECK((why && strstr(why, "the words said service")) == shop);
        if (t != (shop ? WINNOW_PAGE_COLLECTION : WINNOW_PAGE_SERVICE))
            fprintf(stderr, "lineup page: %s\n", why ? why : "(null)");
        free(why);
    }
}

/* A product page (JSON-LD Product, one price, a cart form) over a shelf of priced
 * tiles: a shelf of 16 is a product page's, a row of 24 a category page's (html.c). */
static void test_priced_grid_settles_collection(void)
{
    for (int tiles = 16; tiles <= 24; tiles += 8) {
        char page[8000] = "<html><head><title>Steel Kettle 1.7 L</title><script "
                          "type=\"application/ld+json\">{\"@type\":\"Product\",\"name\":"
                          "\"Steel Kettle\"}</script></head><body><main><div class=product-main>"
                          "<h1>Steel Kettle 1.7 L</h1><p class=price>$49.00</p><p>SKU: KT-17. In "
                          "stock, ships in 2 days. Free shipping.</p><p>A quiet kettle of brushed "
                          "steel that boils a litre in three minutes and keeps warm.</p><form "
                          "class=cart><input name=qty value=1><button>Add to cart</button></form>"
                          "</div><div class=related><h2>You may also like</h2><ul class=products>";
        for (int k = 0; k < tiles; k++) {
            size_t n = strlen(page);
            snprintf(page + n, sizeof page - n,
                     "<li class=product><a href=/p/%d><img src=/i%d.jpg><h3>Kettle model %d</h3>"
                     "</a><span class=price>$%d.00</span></li>",
                     k, k, k, 10 + k);
        }
        strcat(page, "</ul></div></main></body></html>");
        char *why = NULL;
        winnow_page_type t = run(page, WINNOW_PAGE_AUTO, NULL, &why);
        winnow_page_type want = tiles >= 20 ? WINNOW_PAGE_COLLECTION : WINNOW_PAGE_PRODUCT;
        CHECK(t == want);
        CHECK((why && strstr(why, "the words said product")) == (want == WINNOW_PAGE_COLLECTION));
        if (t != want) fprintf(stderr, "kettle page, %d tiles: %s\n", tiles, why ? why : "(null)");
        free(why);
    }
}

/* A post's buttons, alone on their lines, in any case, with their counts. */
static void test_post_buttons(void)
{
    static const struct {
        const char *t;
        int want;
    } cases[] = {{"Reply", 1}, {"2 Likes", 1}, {"Improve this answer", 1}, {"Add a comment |", 1},
                 {"Share\xc2\xa0", 1}, {"QUOTE", 1}, {"12 Replies", 1}, {"Replying", 0},
                 {"Share your thoughts", 0}, {"Report a problem with this article", 0},
                 {"", 0}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *t = cases[i].t;
        int got = wn_pt_post_button(t, t + strlen(t));
        if (got != cases[i].want) fprintf(stderr, "post button \"%s\": %d\n", t, got);
        CHECK(got == cases[i].want);
    }
}

static const char *const answers[] = {
    "Keep the starter in the fridge after a stiff feed and it will sleep for a month without any trouble at all. When you come back, take it out the evening before, give it two feeds at room temperature, and it will be as lively as it was before you left, in my experience of many years with the same one.",
    "Dry a thin layer on baking paper, break it into flakes and keep them in a jar until you come back home again. The flakes wake up within two or three feeds once you add flour and warm water, and you can keep a few in the cupboard as a backup for the next time that you need to travel for a while.",
    "A friend took hers on the plane in a small jar, and the security staff only asked her a few questions about it. She fed it at the hotel with flour from a shop around the corner, which worked well enough, although it is more trouble than simply leaving it to sleep in the fridge at home for the trip.",
};

/* A question and its answers, each under its buttons ("Share / Improve this answer /
 * Follow"); story: a long story first, the answers as its comments under "Reply". */
static char *qa_page(int story)
{
    buf b;
    wn_buf_init(&b, 0);
    const char *head = "Questions\nTags\nUsers\n\nHow do I keep my starter alive while I travel?\n\n";
    CHECK(wn_buf_append(&b, head, strlen(head)) == 0);
    const char *q = "I am away for three weeks in May and nobody can feed my starter, so what should I do with it before I leave home? It is the one that I have kept for years, and I would not like to lose it while I am away.";
    for (int i = 0; i < (story ? 12 : 1); i++) {
        CHECK(wn_buf_append(&b, q, strlen(q)) == 0);
        CHECK(wn_buf_append(&b, "\n\n", 2) == 0);
    }
    const char *qb = story ? "Share\n\n" : "Share\nImprove this question\nFollow\n\n";
    CHECK(wn_buf_append(&b, qb, strlen(qb)) == 0);
    for (size_t i = 0; i < sizeof answers / sizeof *answers; i++) {
        CHECK(wn_buf_append(&b, answers[i], strlen(answers[i])) == 0);
        const char *ab = story ? "\nReply\n\n" : "\nShare\nImprove this answer\nFollow\n\n";
        CHECK(wn_buf_append(&b, ab, strlen(ab)) == 0);
    }
    CHECK(wn_buf_append(&b, "About\nPrivacy\n", 15) == 0);
    CHECK(wn_buf_append(&b, "", 1) == 0); /* the NUL */
    return b.data;
}

static void test_post_signals(void)
{
    char *page = qa_page(0);
    pt_signals s = text_sig(page);
    CHECK(s.v[PS_T_POSTS] == 4); /* the question's buttons and three answers' */
    CHECK(s.v[PS_T_POST_MAX_PCT] > 0 && s.v[PS_T_POST_MAX_PCT] <= 40); /* headline and question */
    free(page);
    page = qa_page(1); /* the story holds most of the prose */
    s = text_sig(page);
    CHECK(s.v[PS_T_POSTS] == 4 && s.v[PS_T_POST_MAX_PCT] >= 70);
    free(page);
    s = text_sig("A story of one paragraph that runs on for more than eight words.\n");
    CHECK(s.v[PS_T_POSTS] == 0 && s.v[PS_T_POST_MAX_PCT] == 0);
}

/* Rendered text: answers under their buttons make a thread the words may call an
 * article; the same buttons under a story's comments leave it an article. */
static void test_post_buttons_settle_forum(void)
{
    expect_type(qa_page(0), WINNOW_PAGE_FORUM, "buttons of its 4 posts");
    expect_type(qa_page(1), WINNOW_PAGE_ARTICLE, NULL);
}

typedef struct {
    int got[16];
    int n;
} phrase_hits;

static void phrase_hit(void *ctx, int signal, const char *at)
{
    (void)at;
    phrase_hits *h = ctx;
    if (h->n < 16) h->got[h->n++] = signal;
}

static int phrases_seen(const pt_phrase_set *set, const char *s, const char *want)
{
    phrase_hits h = {{0}, 0};
    wn_pt_phrase_count(set, s, strlen(s), phrase_hit, &h);
    char got[17] = {0};
    for (int k = 0; k < h.n; k++) got[k] = (char)('0' + h.got[k]);
    if (strcmp(got, want) != 0) fprintf(stderr, "phrases of \"%s\": %s, want %s\n", s, got, want);
    return strcmp(got, want) == 0;
}

static void test_phrase_matcher(void)
{
    /* Phrases of one first word, longest first; tokens read only as far as a phrase
     * still matches: either case, at the start, middle and end, near misses. */
    static const pt_phrase phrases[] = {
        {"0 comments", 1}, {"0 min read", 2}, {"0 people found this helpful", 3},
        {"^posted by", 4}, {"read more", 5},  {"read", 6}};
    pt_phrase_set set;
    CHECK(wn_pt_phrase_compile(&set, phrases, sizeof phrases / sizeof *phrases) == 0);
    CHECK(phrases_seen(&set, "12 Comments and 3 MIN READ.", "12"));
    CHECK(phrases_seen(&set, "5 people found this. Read more Read posted by", "56"));
    CHECK(phrases_seen(&set, "so 4 People Found This Helpful", "3"));
    CHECK(phrases_seen(&set, "Posted by ann, 2 comments", "41"));
    CHECK(phrases_seen(&set, "2 min", ""));        /* the text ends inside the phrase */
    CHECK(phrases_seen(&set, "2 min reads", ""));  /* a near miss at the end */
    CHECK(phrases_seen(&set, "x 2 commentsx", ""));
    CHECK(phrases_seen(&set, "re ad REad", "6"));
    wn_pt_phrase_free(&set);
}

/* Phrases of one first word that part at their second word: each token tries only
 * those of its next token's word, longest first, then those of one word. */
static void test_phrase_groups(void)
{
    static const pt_phrase phrases[] = {{"0 out of 5", 1}, {"0 out", 2}, {"0 . 0 out of 5", 3},
                                        {"0 reviews", 4},  {"0", 5},     {"read more", 6},
                                        {"read", 7}};
    pt_phrase_set set;
    CHECK(wn_pt_phrase_compile(&set, phrases, sizeof phrases / sizeof *phrases) == 0);
    CHECK(phrases_seen(&set, "4 out of 5", "1"));
    CHECK(phrases_seen(&set, "4 out of 6", "25"));
    CHECK(phrases_seen(&set, "4.5 out of 5", "3"));
    CHECK(phrases_seen(&set, "4.5", "55"));
    CHECK(phrases_seen(&set, "12 Reviews, read more", "46"));
    CHECK(phrases_seen(&set, "3 stars, read", "57"));
    wn_pt_phrase_free(&set);
}

int main(void)
{
    winnow_global_init();
    test_phrase_matcher();
    test_phrase_groups();
    test_text_signals();
    test_rhythm_signals();
    test_post_buttons();
    test_post_signals();
    test_url_signals();
    test_title_and_generator();
    test_html_signals();
    test_declared_types();
    test_names();
    test_code_settles_documentation();
    test_forum_platform_phrases();
    test_forum_signature_settles_forum();
    test_comment_form_settles_article();
    test_story_stamp_settles_article();
    test_shop_lineup_settles_collection();
    test_priced_grid_settles_collection();
    test_rhythm_settles_listing();
    test_dates_settle_listing();
    test_rhythm_allows_introduction();
    test_post_buttons_settle_forum();
    return check_done();
}
