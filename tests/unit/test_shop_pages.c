/* test_shop_pages.c -- what shops' pages repeat or mislabel: a product grid inside a
 * wrapper named "pagination" (html_dom.c), a screen reader's copy of a price written
 * right after the shown one (html_blocks.c), a card's name written twice on a
 * collection page (html_classify.c), a game's table of languages and its requirement
 * columns, whose "Recommended:" is no recommendation shelf (html_product.c), a
 * carousel's first slide named apart from the other tiles (html_cards.c), class names
 * in camel case, a shop's FAQ, value propositions, comparison tables, "Customers say"
 * and return policy (html_product.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "html_check.h"
#include "winnow/winnow.h"

static winnow_rules *rules;

/* The text output of the HTML path with the page type forced (caller frees). */
static char *run_typed(const char *html, winnow_page_type type)
{
    return html_output(rules, html, 1, WINNOW_FORMAT_TEXT, type);
}

static int count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; p && (p = strstr(p, needle)) != NULL; p += strlen(needle)) n++;
    return n;
}

static const char *PROSE =
    "<p>Our tees are cut from combed cotton in a regular fit, washed before they are "
    "sewn so they keep their shape, and dyed in forty colours that last.</p>";

/* A React shop names the wrapper of its whole product grid after the pager component
 * ("pagination_pagination__x"): the grid stays, under a shop's text longer than it;
 * a real pager ("1 2 3 Next") goes. */
static void test_paginated_grid(void)
{
    char page[16000];
    snprintf(page, sizeof page, "<html><body><main><h1>T-Shirts</h1>%s"
                                "<div class='pagination_pagination__rI_ag'><div role=list>",
             PROSE);
    for (int k = 0; k < 16; k++) {
        size_t n = strlen(page);
        snprintf(page + n, sizeof page - n,
                 "<article class=product-card><a href=/p%d>Seamless Training Tee %d</a>"
                 "<p>slim fit, storm blue and black, knit from combed cotton</p><span>$%d</span></article>",
                 k, k, 20 + k);
    }
    strcat(page, "</div></div><div class=pagination><a href=?p=2>2</a> <a href=?p=3>3</a> "
                 "<a href=?p=2>Next page</a></div><div class=about>");
    for (int k = 0; k < 12; k++) strcat(page, PROSE);
    strcat(page, "</div></main></body></html>");
    char *out = run_typed(page, WINNOW_PAGE_COLLECTION);
    CHECK(contains(out, "Seamless Training Tee 0"));
    CHECK(contains(out, "Seamless Training Tee 15"));
    CHECK(!contains(out, "Next page"));
    free(out);
}

/* "EUR 163.12<span class=clipped>EUR 163.12</span>": shown once, on any page; a word
 * split for an effect and a name written twice with a space stay. */
static void test_screen_reader_twin(void)
{
    char page[4000];
    snprintf(page, sizeof page,
             "<html><body><main><h1>Chain 520</h1>%s"
             "<div class=price><span>EUR 163.12<span class=clipped>EUR 163.12</span></span></div>"
             "<p>Sold by <a href=/s>Moto Parts</a><span class=clipped>Moto Parts</span>"
             " in Milan.</p><p>The crowd shouted <b>ha</b><b>ha</b> and "
             "<i>Walla</i> <i>Walla</i> all night long at the track.</p></main></body></html>",
             PROSE);
    char *out = run_typed(page, WINNOW_PAGE_PRODUCT);
    CHECK(count(out, "EUR 163.12") == 1);
    CHECK(count(out, "Moto Parts") == 1);
    CHECK(contains(out, "hahaand") || contains(out, "haha and"));
    CHECK(contains(out, "Walla Walla"));
    free(out);
    char *article = run_typed(page, WINNOW_PAGE_ARTICLE);
    CHECK(count(article, "EUR 163.12") <= 1);
    free(article);
}

/* A collection's card writes its item's name for the picture and under it, its price
 * twice when the sale price is the regular one: each once.  An article keeps what it
 * repeats. */
static void test_card_repeats(void)
{
    char page[12000] = "<html><body><main><h1>Coffee</h1><ul class=grid>";
    for (int k = 0; k < 8; k++) {
        size_t n = strlen(page);
        snprintf(page + n, sizeof page - n,
                 "<li><div class=media><div>Dark Roast %d</div></div>"
                 "<div class=info><h3><a href=/p%d>Dark Roast %d</a></h3>"
                 "<div class=price><div>$19.%02d</div><div>$19.%02d</div></div></div></li>",
                 k, k, k, k, k);
    }
    strcat(page, "</ul></main></body></html>");
    char *out = run_typed(page, WINNOW_PAGE_COLLECTION);
    CHECK(count(out, "Dark Roast 3") == 1);
    CHECK(count(out, "$19.03") == 1);
    CHECK(count(out, "Dark Roast 7") == 1);
    free(out);
}

static const char *GAME =
    "<html><body><main><h1>Star Miner</h1><p>Dig through a hundred planets, trade what "
    "you find with the guilds, and build a fleet that can reach the galaxy's core before "
    "the storms close the lanes for good.</p>";

/* A game's table of supported languages, a row per language and a mark per kind of
 * support, is dropped on a product page; a table of specifications stays. */
static void test_language_table(void)
{
    char page[6000];
    snprintf(page, sizeof page,
             "%s<div>Languages:</div><table class=langs>"
             "<tr><th></th><th>Interface</th><th>Full Audio</th><th>Subtitles</th></tr>"
             "<tr><td>English</td><td>&#10004;</td><td>&#10004;</td><td></td></tr>"
             "<tr><td>Czech</td><td>&#10004;</td><td></td><td></td></tr>"
             "<tr><td>Spanish - Latin America</td><td>&#10004;</td><td></td><td>&#10004;</td></tr>"
             "<tr><td>Simplified Chinese</td><td>&#10004;</td><td></td><td></td></tr></table>"
             "<table><tr><td>Storage</td><td>20 GB</td></tr><tr><td>Memory</td><td>8 GB</td></tr>"
             "<tr><td>English manual</td><td>included</td></tr></table></main></body></html>",
             GAME);
    char *out = run_typed(page, WINNOW_PAGE_PRODUCT);
    CHECK(contains(out, "Dig through a hundred planets"));
    CHECK(!contains(out, "Czech"));
    CHECK(!contains(out, "Latin America"));
    CHECK(contains(out, "20 GB"));
    CHECK(contains(out, "English manual"));
    free(out);
}

/* "Minimum:" then "Recommended:": a game's requirement columns, kept on a product page;
 * a "Recommended" shelf with no "Minimum" before it still ends the item. */
static void test_requirement_columns(void)
{
    char page[6000];
    snprintf(page, sizeof page,
             "%s<h2>System Requirements</h2><div><strong>Minimum:</strong><ul>"
             "<li>OS: Windows 10</li><li>Memory: 4 GB RAM</li></ul></div>"
             "<div><strong>Recommended:</strong><ul><li>OS: Windows 11</li>"
             "<li>Memory: 16 GB RAM</li></ul></div></main></body></html>",
             GAME);
    char *out = run_typed(page, WINNOW_PAGE_PRODUCT);
    CHECK(contains(out, "Memory: 4 GB RAM"));
    CHECK(contains(out, "Memory: 16 GB RAM"));
    free(out);
    snprintf(page, sizeof page,
             "%s<h2>Recommended</h2><ul><li>Moon Digger, a game of tunnels and ore</li>"
             "<li>Ring Trader, a game of ships and guilds</li></ul></main></body></html>",
             GAME);
    out = run_typed(page, WINNOW_PAGE_PRODUCT);
    CHECK(contains(out, "Dig through a hundred planets"));
    CHECK(!contains(out, "Moon Digger"));
    free(out);
}

/* A carousel of similar items whose first slide carries a class the others lack
 * ("carousel__snap-point"): the first is a tile of the row as the others are. */
static void test_carousel_first_slide(void)
{
    char page[12000];
    snprintf(page, sizeof page, "<html><body><main><h1>Chain 520</h1>%s%s<ul class=carousel__list>",
             PROSE, PROSE);
    for (int k = 0; k < 5; k++) {
        size_t n = strlen(page);
        snprintf(page + n, sizeof page - n,
                 "<li%s><a href=/i%d><h3>Gold chain kit number %d</h3></a>"
                 "<div>New &middot; Business</div><div>$%d.40</div><div>+ $23.12 delivery</div></li>",
                 k ? "" : " class=carousel__snap-point", k, k, 100 + k);
    }
    strcat(page, "</ul></main></body></html>");
    char *out = run_typed(page, WINNOW_PAGE_PRODUCT);
    CHECK(contains(out, "combed cotton"));
    CHECK(!contains(out, "$100.40"));
    CHECK(!contains(out, "$103.40"));
    CHECK(!contains(out, "delivery"));
    free(out);
}

/* Class names in camel case (CSS modules, React): "ProductReviews-styled__List" holds
 * "reviews", around the item; Amazon's "editorialReviews" are the publisher's blurbs. */
static void test_camel_case_classes(void)
{
    char page[4000];
    snprintf(page, sizeof page,
             "<html><body><main><h1>Atomic Habits</h1>%s"
             "<div id=editorialReviews_feature_div><h2>Editorial Reviews</h2>"
             "<p>A supremely practical and useful book that will change how you spend your days.</p></div>"
             "<div class='ProductReviews-styled__List-sc-1 abc'><p>Loved it, five stars, bought "
             "another copy for my brother and he loved it as well.</p></div></main></body></html>",
             PROSE);
    char *out = run_typed(page, WINNOW_PAGE_PRODUCT);
    CHECK(contains(out, "supremely practical"));
    CHECK(!contains(out, "my brother"));
    free(out);
}

/* The shop's own parts around the item, named by class (a FAQ accordion, its value
 * propositions, a comparison table of its other kits) or opened by a heading
 * ("Customers say", "30-Day Return Policy"): dropped on a product page; the
 * description stays. */
static void test_shop_parts(void)
{
    char page[6000];
    snprintf(page, sizeof page,
             "<html><body><main><h1>Trail Pack 25</h1>%s"
             "<div class=product-faq><h2>FAQ</h2><p>When will my order arrive? Orders ship "
             "within two working days from our warehouse.</p></div>"
             "<div class=value-propositions><p>Fast shipping and a lifetime guarantee on "
             "every tool</p></div>"
             "<table class=kit-comparison><tr><td>Pro kit</td><td>64 bits</td></tr>"
             "<tr><td>Mini kit</td><td>16 bits</td></tr></table>"
             "<h2>Customers say</h2><p>Shoppers like the pockets and the straps, and say "
             "it fits a day's gear.</p>"
             "<h2>30-Day Return Policy</h2><p>Send it back unused within thirty days for a "
             "full refund.</p></main></body></html>",
             PROSE);
    char *out = run_typed(page, WINNOW_PAGE_PRODUCT);
    CHECK(contains(out, "combed cotton"));
    CHECK(!contains(out, "my order arrive"));
    CHECK(!contains(out, "lifetime guarantee"));
    CHECK(!contains(out, "Mini kit"));
    CHECK(!contains(out, "the pockets"));
    CHECK(!contains(out, "full refund"));
    free(out);
}

int main(void)
{
    winnow_global_init();
    rules = winnow_rules_new();
    char err[256];
    CHECK(winnow_rules_add_default(rules, err, sizeof err) == 0);
    test_paginated_grid();
    test_screen_reader_twin();
    test_card_repeats();
    test_language_table();
    test_requirement_columns();
    test_carousel_first_slide();
    test_camel_case_classes();
    test_shop_parts();
    winnow_rules_free(rules);
    return check_done();
}
