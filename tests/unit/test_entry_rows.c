/* test_entry_rows.c -- the row of entries a page is made of (html_entries.c,
 * wn_hentries_rows): same-shaped siblings, each with a link, holding half the page's
 * text or more; not a story's box of teasers, not a menu.  And the shelf of headed entries
 * in an element named like a story's related box (wn_hentries_spare_shelf), and entries
 * named like chrome that outweigh the page (wn_hentries_hidden_page). */
#include <stdio.h>
#include <string.h>
#include "check.h"
#include "html/html_dom.h"
#include "winnow/winnow.h"

static winnow_rules *rules;

/* f (wn_hentries_rows, wn_hentries_spare_shelf) on the page html; -2 when the page
 * could not be read. */
static int run_on(const char *html, int (*f)(hdom *))
{
    rule_matcher *m = wn_rules_matcher_new(rules);
    hdom h;
    char err[256];
    int rows = -2;
    if (m && wn_hdom_build(&h, html, strlen(html), m, NULL, err, sizeof err) == 0) {
        rows = f(&h);
        wn_hdom_free(&h);
    }
    wn_rules_matcher_free(m);
    return rows;
}

static int rows(hdom *h) { return wn_hentries_rows(h); }
static int rows_of(const char *html) { return run_on(html, rows); }
static int shelf_of(const char *html) { return run_on(html, wn_hentries_spare_shelf); }
static int hidden(hdom *h) { return wn_hentries_hidden_page(h); }
static int hidden_page_of(const char *html) { return run_on(html, hidden); }

static const char *PROSE =
    "The council voted on Tuesday to expand the bus network, adding three routes that "
    "will link the northern suburbs with the hospital, the university and the station. ";

/* Appends count story cards of class cls to page at n; returns the new length. */
static int cards(char *page, size_t size, int n, const char *cls, int count)
{
    for (int k = 0; k < count; k++)
        n += snprintf(page + n, size - (size_t)n,
                      "<div class=\"%s %s-%d\"><h3><a href=/s%d>Story number %d of the "
                      "day</a></h3><p>What the reporters found after %d weeks, and why it "
                      "matters to the town.</p></div>",
                      cls, cls, k, k, k, k + 2);
    return n;
}

/* A section front: ten cards, their numbered classes one shape, hold the page. */
static void test_front_page(void)
{
    char page[12000];
    int n = snprintf(page, sizeof page, "<html><body><h1>Local news</h1><main>");
    n = cards(page, sizeof page, n, "card", 10);
    snprintf(page + n, sizeof page - (size_t)n, "</main></body></html>");
    CHECK(rows_of(page) == 10);
}

/* A story with a box of eight teasers under it: the teasers are a row, but hold less
 * than half of the page's text. */
static void test_story_with_teasers(void)
{
    char page[16000];
    int n = snprintf(page, sizeof page, "<html><body><main><article><h1>Buses</h1>");
    for (int k = 0; k < 8; k++)
        n += snprintf(page + n, sizeof page - (size_t)n, "<p>%s%s</p>", PROSE, PROSE);
    n += snprintf(page + n, sizeof page - (size_t)n, "</article><section>");
    n = cards(page, sizeof page, n, "teaser", 8);
    snprintf(page + n, sizeof page - (size_t)n, "</section></main></body></html>");
    CHECK(rows_of(page) == 0);
}

/* A list of links and nothing else is a menu, however long. */
static void test_menu(void)
{
    char page[6000];
    int n = snprintf(page, sizeof page, "<html><body><div><ul>");
    for (int k = 0; k < 12; k++)
        n += snprintf(page + n, sizeof page - (size_t)n,
                      "<li><a href=/c%d>Category number %d</a></li>", k, k);
    snprintf(page + n, sizeof page - (size_t)n, "</ul></div><p>Short.</p></body></html>");
    CHECK(rows_of(page) == 0);
}

/* A layout's three columns hold the page as well as the row of stories inside one of
 * them: the row with the most members is the page's. */
static void test_columns_around_row(void)
{
    char page[16000];
    int n = snprintf(page, sizeof page, "<html><body><div class=wrap>");
    for (int col = 0; col < 3; col++) {
        n += snprintf(page + n, sizeof page - (size_t)n,
                      "<div class=column><a href=/c%d>Column %d</a>", col, col);
        if (col == 1) n = cards(page, sizeof page, n, "story", 12);
        n += snprintf(page + n, sizeof page - (size_t)n, "</div>");
    }
    snprintf(page + n, sizeof page - (size_t)n, "</div></body></html>");
    CHECK(rows_of(page) == 12);
}

/* A table of records whose cells are mostly links (names linked, years not) is a row
 * of entries; the same links as a list are a menu (test_menu). */
static void test_linked_table(void)
{
    char page[12000];
    int n = snprintf(page, sizeof page, "<html><body><main><table>");
    for (int k = 0; k < 12; k++)
        n += snprintf(page + n, sizeof page - (size_t)n,
                      "<tr><td>%d</td><td><a href=/p%d>Laureate number %d of the year</a></td>"
                      "<td><a href=/q%d>Another laureate number %d of the year</a></td></tr>",
                      1901 + k, k, k, k, k);
    snprintf(page + n, sizeof page - (size_t)n, "</table></main></body></html>");
    CHECK(rows_of(page) == 12);
}

/* Two cards are no row; siblings of different shapes are not one either. */
static void test_too_few(void)
{
    char page[6000];
    int n = snprintf(page, sizeof page, "<html><body><main>");
    n = cards(page, sizeof page, n, "card", 2);
    n = cards(page, sizeof page, n, "tile", 2);
    snprintf(page + n, sizeof page - (size_t)n, "</main></body></html>");
    CHECK(rows_of(page) == 0);
    CHECK(rows_of("") == 0 || rows_of("") == -2);
}

/* A shop's category page whose grid sits in <section class=related-product>, pruned
 * as a story's related box, is the page.  A blog's "subscribe" box left open around
 * its sidebar's lists of links (no headings) is no shelf of entries, nor is a related
 * box smaller than the story. */
static void test_related_shelf(void)
{
    char page[20000];
    int n = snprintf(page, sizeof page,
                     "<html><body><main><h1>Robotic mowers</h1><p>8 results</p>"
                     "<section class=related-product>");
    n = cards(page, sizeof page, n, "items-listing", 8);
    n += snprintf(page + n, sizeof page - (size_t)n, "</section></main><footer><ul>");
    for (int k = 0; k < 24; k++)
        n += snprintf(page + n, sizeof page - (size_t)n,
                      "<li><a href=/f%d>Footer link number %d</a></li>", k, k);
    snprintf(page + n, sizeof page - (size_t)n, "</ul></footer></body></html>");
    CHECK(shelf_of(page) == 1);

    n = snprintf(page, sizeof page,
                 "<html><body><main><h1>Robotic mowers</h1><p>%s</p><p>%s</p><p>%s</p>"
                 "<p>%s</p><p>%s</p><section class=related-product>",
                 PROSE, PROSE, PROSE, PROSE, PROSE);
    n = cards(page, sizeof page, n, "items-listing", 4);
    snprintf(page + n, sizeof page - (size_t)n, "</section></main></body></html>");
    CHECK(shelf_of(page) == 0);

    n = snprintf(page, sizeof page,
                 "<html><body><main><h1>Yesterday's over</h1><p>%s</p><p>%s</p><p>%s</p>"
                 "</main><div class=module-subscribe><ul>",
                 PROSE, PROSE, PROSE);
    for (int k = 0; k < 14; k++)
        n += snprintf(page + n, sizeof page - (size_t)n,
                      "<li><a href=/a%d>Archive of month number %d</a> (%d posts)</li>", k, k, k);
    snprintf(page + n, sizeof page - (size_t)n, "</ul></div></body></html>");
    CHECK(shelf_of(page) == 0);
}

/* A programme catalogue whose courses sit in "widget" boxes inside "widget" sections
 * (the chrome-word rule prunes both): the sections, one shape, hold more text than the
 * intro the page shows -- the page is its entries.  With a longer intro they are a
 * story's boxes. */
static void test_entries_named_chrome(void)
{
    char page[30000];
    for (int intro = 1; intro <= 12; intro += 11) {
        int n = snprintf(page, sizeof page, "<html><body><main><h1>Programmes</h1>");
        for (int k = 0; k < intro; k++)
            n += snprintf(page + n, sizeof page - (size_t)n, "<p>%s</p>", PROSE);
        for (int s = 0; s < 3; s++) {
            n += snprintf(page + n, sizeof page - (size_t)n, "<section class=widget>");
            n = cards(page, sizeof page, n, "widget box", 3);
            n += snprintf(page + n, sizeof page - (size_t)n, "</section>");
        }
        snprintf(page + n, sizeof page - (size_t)n, "</main></body></html>");
        CHECK(hidden_page_of(page) == (intro == 1));
    }
}

int main(void)
{
    winnow_global_init();
    rules = winnow_rules_new();
    char err[256];
    CHECK(winnow_rules_add_default(rules, err, sizeof err) == 0);
    test_front_page();
    test_story_with_teasers();
    test_menu();
    test_columns_around_row();
    test_linked_table();
    test_too_few();
    test_related_shelf();
    test_entries_named_chrome();
    winnow_rules_free(rules);
    return check_done();
}
