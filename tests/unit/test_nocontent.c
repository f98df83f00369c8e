/* test_nocontent.c -- the "no main content" verdict (pagetype/pt_nocontent.c): each
 * reason on a doc made by hand, the guards that keep a page with content from being
 * called empty (prose kept, prose on the page, a password field alone, cookie talk
 * beside a page of other text), the blocks it drops, and the result a caller gets
 * through winnow_extract (status WINNOW_OK, empty text, no_content_why). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "core/doc.h"
#include "pagetype/pagetype.h"
#include "winnow/winnow.h"

/* A block of d, kept or dropped; links: bytes of it inside links. */
static block *add(doc *d, block_kind kind, const char *text, decision dec, size_t links)
{
    block *b = wn_doc_add(d, kind, text, strlen(text));
    if (!b) return NULL;
    b->dec = dec;
    b->why = dec == DEC_KEEP ? WHY_ARTICLE : WHY_OUTSIDE_ARTICLE;
    b->link_len = links;
    return b;
}

/* What the HTML front end would have measured of the whole page. */
static void html_page(doc *d, int passwords, size_t text, size_t links, size_t prose)
{
    page_whole w = {1, passwords, text, links, prose};
    d->whole = w;
}

static size_t kept(const doc *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++) n += d->blocks[i].dec == DEC_KEEP;
    return n;
}

static void test_empty_and_navigation(void)
{
    doc d;
    wn_doc_init(&d);
    html_page(&d, 0, 0, 0, 0);
    CHECK(wn_pt_nc_candidate(&d));
    wn_pt_nc_decide(&d);
    CHECK(d.no_content == NC_EMPTY);
    CHECK(d.no_content_why && strstr(d.no_content_why, "nothing kept"));
    wn_doc_free(&d);

    /* Nothing kept from a page of links: navigation. */
    wn_doc_init(&d);
    add(&d, BK_ITEM, "Catalog", DEC_DROP, 7);
    add(&d, BK_ITEM, "Events", DEC_DROP, 6);
    html_page(&d, 0, 300, 250, 0);
    wn_pt_nc_decide(&d);
    CHECK(d.no_content == NC_NAVIGATION);
    CHECK(d.no_content_why && strstr(d.no_content_why, "83% of the page's 300 bytes"));
    wn_doc_free(&d);

    /* Nothing kept, but the page holds paragraphs of prose: the article was missed, and
     * the page is not called empty. */
    wn_doc_init(&d);
    html_page(&d, 0, 5000, 1000, 2500);
    wn_pt_nc_decide(&d);
    CHECK(d.no_content == NC_NONE && d.no_content_why == NULL);
    wn_doc_free(&d);

    /* Rendered text: the page is its blocks; short lines stand for menus. */
    wn_doc_init(&d);
    add(&d, BK_PARA, "Home", DEC_DROP, 0);
    add(&d, BK_PARA, "Products", DEC_DROP, 0);
    add(&d, BK_PARA, "Contact us", DEC_DROP, 0);
    wn_pt_nc_decide(&d);
    CHECK(d.no_content == NC_NAVIGATION);
    CHECK(d.no_content_why && strstr(d.no_content_why, "short lines"));
    wn_doc_free(&d);
}

static void test_error_page(void)
{
    doc d;
    wn_doc_init(&d);
    d.title = "Page not found";
    add(&d, BK_PARA, "Sorry, we could not find it. Try the home page instead.", DEC_KEEP, 0);
    html_page(&d, 0, 400, 100, 0);
    wn_pt_nc_decide(&d);
    CHECK(d.no_content == NC_ERROR_PAGE);
    CHECK(kept(&d) == 0);
    CHECK(d.blocks[0].why == WHY_NO_CONTENT);
    wn_doc_free(&d);

    /* The apology alone, in the text. */
    wn_doc_init(&d);
    add(&d, BK_PARA, "The page you are looking for doesn't exist.", DEC_KEEP, 0);
    html_page(&d, 0, 400, 100, 0);
    wn_pt_nc_decide(&d);
    CHECK(d.no_content == NC_ERROR_PAGE);
    wn_doc_free(&d);

    /* An article about 404 errors has prose: it stays. */
    wn_doc_init(&d);
    d.title = "Why your shop shows 404 Page Not Found";
    add(&d, BK_PARA, "When a shop moves to a new platform, old product addresses often stop "
        "working, and every visitor who follows an old link lands on an error page instead "
        "of the product they wanted.", DEC_KEEP, 0);
    add(&d, BK_PARA, "The fix is a list of permanent redirects from each old address to its "
        "new one, which keeps both visitors and search engines on the right page.", DEC_KEEP, 0);
    html_page(&d, 0, 400, 100, 0);
    wn_pt_nc_decide(&d);
    CHECK(d.no_content == NC_NONE);
    CHECK(kept(&d) == 2);
    wn_doc_free(&d);
}

static void test_login_wall(void)
{
    doc d;
    wn_doc_init(&d);
    add(&d, BK_PARA, "Email address", DEC_KEEP, 0);
    add(&d, BK_PARA, "Password", DEC_KEEP, 0);
    add(&d, BK_PARA, "Forgot your password?", DEC_KEEP, 21);
    html_page(&d, 1, 300, 100, 0);
    wn_pt_nc_decide(&d);
    CHECK(d.no_content == NC_LOGIN_WALL);
    CHECK(d.no_content_why && strstr(d.no_content_why, "1 password field"));
    wn_doc_free(&d);

    /* A password field somewhere (a sign-in form hidden in a menu) beside a short
     * article that never speaks of signing in: content. */
    wn_doc_init(&d);
    add(&d, BK_HEADING, "Web Designs", DEC_KEEP, 0);
    add(&d, BK_PARA, "Shiny, new, optimized websites completed by our team", DEC_KEEP, 0);
    html_page(&d, 1, 300, 100, 0);
    wn_pt_nc_decide(&d);
    CHECK(d.no_content == NC_NONE);
    wn_doc_free(&d);

    /* A headline that speaks of signing in but says more is an article's. */
    wn_doc_init(&d);
    d.title = "How to sign in to your bank from a new phone without losing your codes";
    add(&d, BK_PARA, "Open the app, choose Sign in and confirm with the code your old phone "
        "shows.", DEC_KEEP, 0);
    html_page(&d, 1, 300, 100, 0);
    wn_pt_nc_decide(&d);
    CHECK(d.no_content == NC_NONE);
    wn_doc_free(&d);

    /* Rendered text: no password field to see, but the headline asks to sign in. */
    wn_doc_init(&d);
    d.title = "Sign in to continue";
    add(&d, BK_PARA, "This story is for subscribers.", DEC_KEEP, 0);
    wn_pt_nc_decide(&d);
    CHECK(d.no_content == NC_LOGIN_WALL);
    wn_doc_free(&d);
}

static void test_cookie_wall(void)
{
    static const char notice[] = "We use cookies to run this site and, with your consent, "
                                 "to show personalised ads. Accept all or Reject all.";
    doc d;
    wn_doc_init(&d);
    add(&d, BK_PARA, notice, DEC_KEEP, 0);
    html_page(&d, 0, sizeof notice + 40, 0, sizeof notice);
    wn_pt_nc_decide(&d);
    CHECK(d.no_content == NC_COOKIE_WALL);
    wn_doc_free(&d);

    /* The same notice kept from a page that holds much else (a listing the classifier
     * did not keep): not a wall. */
    wn_doc_init(&d);
    add(&d, BK_PARA, notice, DEC_KEEP, 0);
    html_page(&d, 0, 4000, 3000, sizeof notice);
    wn_pt_nc_decide(&d);
    CHECK(d.no_content == NC_NONE);
    wn_doc_free(&d);
}

static void test_candidate(void)
{
    doc d;
    wn_doc_init(&d);
    static char para[5000];
    size_t n = 0;
    while (n + 6 < sizeof para) n += (size_t)snprintf(para + n, sizeof para - n, "word ");
    add(&d, BK_PARA, para, DEC_KEEP, 0);
    CHECK(!wn_pt_nc_candidate(&d)); /* ~1000 words kept: not even measured */
    d.blocks[0].len = 1000;          /* 200 words in 1000 bytes: measured, and content */
    CHECK(wn_pt_nc_candidate(&d));
    wn_pt_nc_decide(&d);
    CHECK(d.no_content == NC_NONE && d.blocks[0].dec == DEC_KEEP);
    d.blocks[0].len = strlen(para);
    d.blocks[0].dec = DEC_DROP;
    CHECK(wn_pt_nc_candidate(&d));
    d.cut = "too many elements";
    CHECK(!wn_pt_nc_candidate(&d)); /* cut short: the article may lie past the cut */
    wn_doc_free(&d);

    /* CJK text has no spaces: its characters count, so 480 of them under a "404"
     * headline are an article (as one space-less "word" they would be no prose). */
    wn_doc_init(&d);
    d.title = "404";
    char ja[1600] = ""; /* 120 x 12 bytes */
    for (int k = 0; k < 120; k++) strcat(ja, "日本語の");
    add(&d, BK_PARA, ja, DEC_KEEP, 0);
    html_page(&d, 0, strlen(ja), 0, strlen(ja));
    CHECK(wn_pt_nc_candidate(&d));
    wn_pt_nc_decide(&d);
    CHECK(d.no_content == NC_NONE);
    wn_doc_free(&d);
}

static winnow_status run(const char *page, winnow_type type, int explain, winnow_result *res)
{
    winnow_options opt;
    winnow_options_init(&opt);
    opt.type = type;
    opt.explain = explain;
    return winnow_extract(page, strlen(page), &opt, res);
}

static void test_extract(void)
{
    winnow_result res;
    CHECK(run("", WINNOW_TYPE_AUTO, 0, &res) == WINNOW_OK);
    CHECK(res.no_content && res.len == 0);
    CHECK_STR(res.no_content_why, "empty page: the input is empty");
    winnow_result_free(&res);

    static const char wall[] =
        "<html><head><title>Sign in | Northwind</title></head><body>"
        "<nav><a href=/>Home</a> <a href=/news>News</a></nav><main><h1>Sign in to continue</h1>"
        "<form><label>Email</label><input type=email><label>Password</label>"
        "<input type=password><button>Sign in</button></form>"
        "<p><a href=/forgot>Forgot your password?</a></p></main></body></html>";
    CHECK(run(wall, WINNOW_TYPE_HTML, 1, &res) == WINNOW_OK);
    CHECK(res.status == WINNOW_OK && res.no_content);
    CHECK(res.len == 0 && res.text && res.text[0] == '\0');
    CHECK(res.blocks_kept == 0 && res.blocks_dropped > 0);
    CHECK(res.title != NULL); /* the headline stays in the result, not in the text */
    CHECK(res.no_content_why && strncmp(res.no_content_why, "sign-in wall: 1 password field", 30) == 0);
    int dropped_as_empty = 0;
    for (size_t i = 0; i < res.n_explain; i++)
        dropped_as_empty += strcmp(res.explain[i].reason, "no content") == 0;
    CHECK(dropped_as_empty > 0);
    winnow_result_free(&res);

    static const char article[] =
        "<html><head><title>Budget passes</title></head><body><article><h1>Budget passes</h1>"
        "<p>The council approved the budget on Tuesday after a long debate about the schools "
        "of the city and the cost of the new bridge over the river.</p></article>"
        "<form><input type=password></form></body></html>";
    CHECK(run(article, WINNOW_TYPE_HTML, 0, &res) == WINNOW_OK);
    CHECK(!res.no_content && res.no_content_why == NULL && res.len > 0);
    winnow_result_free(&res);

    CHECK(run("Page not found\n\nSorry, the page you are looking for does not exist.\n",
              WINNOW_TYPE_TEXT, 0, &res) == WINNOW_OK);
    CHECK(res.no_content && res.len == 0);
    winnow_result_free(&res);
}

int main(void)
{
    winnow_global_init();
    test_empty_and_navigation();
    test_error_page();
    test_login_wall();
    test_cookie_wall();
    test_candidate();
    test_extract();
    return check_done();
}
