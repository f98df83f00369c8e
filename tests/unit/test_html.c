/* test_html.c -- the HTML path: pruning (attr rules, hidden markers, prose guard),
 * article selection, output formatting (br, lists, headings, inline spacing,
 * entities), the title, --explain paths, and pathological inputs (deep nesting,
 * a 20 MB page) that must finish fast without overflowing the stack. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "check.h"
#include "winnow/winnow.h"

static winnow_rules *rules;

/* Runs the HTML path with the default rules; returns the output (caller frees). */
static char *run(const char *html, int no_title)
{
    winnow_options o;
    winnow_options_init(&o);
    o.type = WINNOW_TYPE_HTML;
    o.no_title = no_title;
    o.rules = rules;
    winnow_result r;
    winnow_status st = winnow_extract(html, strlen(html), &o, &r);
    char *out = st == WINNOW_OK ? strdup(r.text) : NULL;
    winnow_result_free(&r);
    return out;
}

static int contains(const char *hay, const char *needle)
{
    return hay && strstr(hay, needle) != NULL;
}

static const char *PROSE =
    "The council voted on Tuesday to expand the bus network, adding three routes that "
    "will link the northern suburbs with the hospital, the university and the station.";

/* A page of the usual shape: nav, sidebar, the article, comments, footer. */
static void test_article_wins(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<html><head><title>Buses expand | City News</title></head><body>"
             "<nav><ul><li><a href=/>Home</a></li><li><a href=/n>News</a></li></ul></nav>"
             "<div class=sidebar><h3>Popular</h3><p>%s</p></div>"
             "<div id=main><article><h1>Buses expand</h1>"
             "<p>%s</p><p>Officials said the routes, which cost 4 million, start in May.</p>"
             "<p>%s</p></article>"
             "<div class=comments><h3>3 comments</h3><p>First! %s</p></div></div>"
             "<footer><p>Copyright 2024 City News. All rights reserved.</p></footer>"
             "</body></html>",
             "Sidebar text that is long enough to look like prose, with commas, and more, "
             "but it lives in a sidebar, so it must go.",
             PROSE, PROSE, "I think this is a comment, and comments are not the article.");
    char *out = run(page, 0);
    CHECK(out != NULL);
    CHECK(contains(out, "Buses expand\n\nThe council voted"));
    CHECK(contains(out, "start in May."));
    CHECK(!contains(out, "Sidebar text"));
    CHECK(!contains(out, "First!"));
    CHECK(!contains(out, "Copyright"));
    CHECK(!contains(out, "Home"));
    free(out);
}

static void test_hidden_and_rules(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<body><article><p>%s</p>"
             "<p hidden>Hidden attribute text.</p>"
             "<p aria-hidden=\"true\">Aria hidden text.</p>"
             "<p style=\"display: none\">Display none text.</p>"
             "<div style=\"visibility:hidden\">Invisible text.</div>"
             "<div class=\"share-bar\">Share on Facebook</div>"
             "<div class=\"newsletter-signup\">Subscribe to our newsletter</div>"
             "<div class=\"commentary\"><p>Commentary is prose, not comments: %s</p></div>"
             "<div class=\"shadow-box\"><p>A shadow box is not an ad, keep me. %s</p></div>"
             "<script>var x = 'script text';</script><style>p{}</style>"
             "<noscript>Enable JavaScript</noscript>"
             "<form><select><option>Option text</option></select><button>Go</button></form>"
             "<p>By Jane Doe and John Smith</p><p>Read more: Another story entirely</p>"
             "<p>%s</p></article></body>",
             PROSE, PROSE, PROSE, PROSE);
    char *out = run(page, 1);
    CHECK(out != NULL);
    CHECK(!contains(out, "Jane Doe"));
    CHECK(!contains(out, "Another story"));
    CHECK(!contains(out, "Hidden attribute"));
    CHECK(!contains(out, "Aria hidden"));
    CHECK(!contains(out, "Display none"));
    CHECK(!contains(out, "Invisible"));
    CHECK(!contains(out, "Share on"));
    CHECK(!contains(out, "Subscribe"));
    CHECK(contains(out, "Commentary is prose"));
    CHECK(contains(out, "A shadow box"));
    CHECK(!contains(out, "script text"));
    CHECK(!contains(out, "Enable JavaScript"));
    CHECK(!contains(out, "Option text"));
    free(out);
}

/* A body class naming a sidebar must not take the whole article with it. */
static void test_prose_guard(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<body><div class=\"layout sidebar-open\"><div class=post>"
             "<p>%s</p><p>%s</p><p>%s</p></div></div></body>",
             PROSE, PROSE, PROSE);
    char *out = run(page, 1);
    CHECK(contains(out, "The council voted"));
    free(out);
}

static void test_formatting(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<body><article><h2>Sub  heading</h2>"
             "<p>Some <b>bold</b><i>italic</i> text, <a href=x>a link</a> and "
             "caf&eacute; &amp; cr&egrave;me &lt;tag&gt; in a sentence that is long enough.</p>"
             "<p>Line one<br>Line two<br/>Line three, and the sentence goes on for a while.</p>"
             "<ul><li>First item of the list</li><li>Second item of the list</li></ul>"
             "<p>%s</p><p>%s</p></article></body>",
             PROSE, PROSE);
    char *out = run(page, 1);
    CHECK(out != NULL);
    CHECK(contains(out, "Sub heading\n\nSome boldialic") == 0); /* no bogus joins */
    CHECK(contains(out, "Sub heading\n\n"));
    CHECK(contains(out, "Some bolditalic text, a link and caf\xC3\xA9 & cr\xC3\xA8me <tag> in"));
    CHECK(contains(out, "Line one\nLine two\nLine three"));
    CHECK(contains(out, "First item of the list\nSecond item of the list\n"));
    free(out);
}

static void test_title(void)
{
    char page[4096];
    snprintf(page, sizeof page,
             "<html><head><title>A long headline here - The Daily Site</title></head>"
             "<body><article><p>%s</p><p>%s</p></article></body></html>",
             PROSE, PROSE);
    char *out = run(page, 0);
    CHECK(out && strncmp(out, "A long headline here\n\n", 22) == 0);
    free(out);
    snprintf(page, sizeof page,
             "<html><head><meta property=\"og:title\" content=\"OG headline\">"
             "<title>Other | Site</title></head>"
             "<body><article><p>%s</p><p>%s</p></article></body></html>",
             PROSE, PROSE);
    out = run(page, 0);
    CHECK(out && strncmp(out, "OG headline\n", 12) == 0);
    free(out);
}

static void test_explain_path(void)
{
    char page[4096];
    snprintf(page, sizeof page,
             "<body><div id=main><article><p>%s</p><p>%s Again.</p></article></div></body>",
             PROSE, PROSE);
    winnow_options o;
    winnow_options_init(&o);
    o.type = WINNOW_TYPE_HTML;
    o.explain = 1;
    o.rules = rules;
    winnow_result r;
    CHECK(winnow_extract(page, strlen(page), &o, &r) == WINNOW_OK);
    CHECK(r.n_explain == 2);
    if (r.n_explain == 2) {
        CHECK_STR(r.explain[1].where, "html>body>div#main>article>p[2]");
        CHECK(r.explain[1].decision == WINNOW_KEEP);
    }
    winnow_result_free(&r);
}

/* The time limit is for a normal build; sanitizers make everything several times slower. */
#ifdef __SANITIZE_ADDRESS__
#define LIMIT 10.0
#else
#define LIMIT 2.0
#endif

static double secs(clock_t a, clock_t b) { return (double)(b - a) / CLOCKS_PER_SEC; }

static void test_deep_nesting(void)
{
    size_t depth = 100000;
    size_t cap = depth * 11 + 1024;
    char *page = malloc(cap);
    size_t n = 0;
    n += (size_t)sprintf(page + n, "<html><body>");
    for (size_t i = 0; i < depth; i++) n += (size_t)sprintf(page + n, "<div>");
    n += (size_t)sprintf(page + n, "deep text");
    for (size_t i = 0; i < depth; i++) n += (size_t)sprintf(page + n, "</div>");
    n += (size_t)sprintf(page + n, "</body></html>");
    clock_t t0 = clock();
    char *out = run(page, 1);
    double t = secs(t0, clock());
    CHECK(out != NULL);
    CHECK(t < LIMIT);
    free(out);
    free(page);
}

static void test_huge_page(void)
{
    size_t paras = 200000;
    size_t cap = (size_t)32 << 20;
    char *page = malloc(cap);
    size_t n = (size_t)sprintf(page, "<html><body><div class=content>");
    for (size_t i = 0; i < paras && n + 200 < cap; i++)
        n += (size_t)sprintf(page + n,
                             "<p>Paragraph %zu of the long page, with a comma, some words, "
                             "and a full stop to look like prose for the scorer.</p>\n", i);
    n += (size_t)sprintf(page + n, "</div></body></html>");
    CHECK(n > ((size_t)19 << 20));
    clock_t t0 = clock();
    char *out = run(page, 1);
    double t = secs(t0, clock());
    CHECK(out != NULL);
    CHECK(contains(out, "Paragraph 199999 of the long page"));
    CHECK(t < LIMIT);
    if (t >= LIMIT) fprintf(stderr, "huge page took %.2fs\n", t);
    free(out);
    free(page);
}

int main(void)
{
    winnow_global_init();
    rules = winnow_rules_new();
    char err[256];
    CHECK(winnow_rules_add_default(rules, err, sizeof err) == 0);
    test_article_wins();
    test_hidden_and_rules();
    test_prose_guard();
    test_formatting();
    test_title();
    test_explain_path();
    test_deep_nesting();
    test_huge_page();
    winnow_rules_free(rules);
    return check_done();
}
