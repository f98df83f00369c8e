/* test_entries.c -- the HTML reading of pages made of entries (listings, collections):
 * their posts in <article>s are entries, not teasers; a consent centre or a dialog of
 * prose that a rule would prune but the prose guard kept is not content, nor is a
 * drawer of class "hidden" or a notice of display:none the guard kept; a tile's
 * "Popular" badge cuts nothing, and its stock and shipping notes go (default.rules);
 * cards and carousels named like boilerplate are kept, and so are story cards named
 * like ads (html_entries.c); a hidden dialog (a cookie banner's settings centre) is
 * never content, however long (html_dom.c); a filter form of checkboxes is a
 * listing's furniture (html_facets.c); utility CSS's "hidden lg:block" is hidden on
 * phones only (attributes.rules, responsive-shown).  Each case is checked against the
 * article reading of the same page, which must keep its behaviour. */
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

static const char *PROSE =
    "The council voted on Tuesday to expand the bus network, adding three routes that "
    "will link the northern suburbs with the hospital, the university and the station.";

/* A blog's front page in an <article>: an introduction of prose and the posts, each an
 * <article> inside it.  Read as an article the small <article>s are teasers; read as
 * a listing they are its entries. */
static void test_nested_articles(void)
{
    char page[8000];
    int n = snprintf(page, sizeof page,
                     "<html><body><div class=menu><a href=/>Home</a></div><main><article>"
                     "<p>%s</p><p>%s</p><p>%s</p>",
                     PROSE, PROSE, PROSE);
    static const char *const posts[] = {"Kettlepost", "Toasterpost", "Ovenpost", "Fridgepost"};
    for (int k = 0; k < 4; k++)
        n += snprintf(page + n, sizeof page - (size_t)n,
                      "<article><h2><a href=/p%d>%s is out</a></h2><p>What we made of it "
                      "after %d weeks in the kitchen.</p></article>",
                      k, posts[k], k + 2);
    snprintf(page + n, sizeof page - (size_t)n, "</article></main></body></html>");
    char *article = run_typed(page, WINNOW_PAGE_ARTICLE);
    char *listing = run_typed(page, WINNOW_PAGE_LISTING);
    CHECK(contains(article, "expand the bus network"));
    CHECK(!contains(article, "Toasterpost")); /* teasers under the story */
    for (int k = 0; k < 4; k++) CHECK(contains(listing, posts[k]));
    CHECK(contains(listing, "after 4 weeks in the kitchen"));
    free(article);
    free(listing);
}

/* Appends six paragraphs "MARK k: text" to page at n; returns the new length. */
static int six_paragraphs(char *page, size_t size, int n, const char *mark, const char *text)
{
    for (int k = 0; k < 6; k++)
        n += snprintf(page + n, size - (size_t)n, "<p>%s %d: %s</p>", mark, k, text);
    return n;
}

/* A shop's category page with a consent centre and a privacy policy in a dialog: each
 * holds half of the page's prose, so the prose guard keeps the elements the "consent"
 * and "structure" rules would prune, and the scorer chooses one of them.  The listing
 * reading drops both; the items stay. */
static void test_consent_centre(void)
{
    char page[20000];
    int n = snprintf(page, sizeof page,
                     "<html><body><main><h1>Kettles</h1><ul class=grid>");
    static const char *const items[] = {"Blue Kettle", "Red Kettle", "Steel Kettle",
                                        "Glass Kettle"};
    for (int k = 0; k < 12; k++)
        n += snprintf(page + n, sizeof page - (size_t)n,
                      "<li><a href=/k%d>%s number %d, 1.7 litres, stainless steel</a> "
                      "<span>$%d.99</span></li>",
                      k, items[k % 4], k, 20 + k);
    n += snprintf(page + n, sizeof page - (size_t)n, "</ul></main><div role=dialog>");
    n = six_paragraphs(page, sizeof page, n, "Privacypolicy",
                       "we keep the details of your order for as long as "
                       "the law asks us to, and no longer than that, in a database in the "
                       "country where you shop with us.");
    n += snprintf(page + n, sizeof page - (size_t)n,
                  "</div><div id=site-consent-centre><div id=settings>");
    n = six_paragraphs(page, sizeof page, n, "Consentcentre",
                       "these cookies let us count visits and traffic "
                       "sources, so that we can measure and improve the performance of our "
                       "site, and they help us know which pages are the most popular.");
    snprintf(page + n, sizeof page - (size_t)n, "</div></div></body></html>");
    char *article = run_typed(page, WINNOW_PAGE_ARTICLE);
    char *listing = run_typed(page, WINNOW_PAGE_LISTING);
    CHECK(contains(article, "Consentcentre")); /* the guard keeps it for an article */
    CHECK(!contains(listing, "Consentcentre"));
    CHECK(!contains(listing, "Privacypolicy"));
    for (int k = 0; k < 4; k++) CHECK(contains(listing, items[k]));
    free(article);
    free(listing);
}

/* A shop's "Compare products" drawer of class "hidden" repeating each item with a long
 * description, and a dealer's notice the page hides with display:none: the prose guard
 * keeps either for an article; a collection drops them and keeps its tiles. */
static void test_hidden_drawer(void)
{
    static const char *const drawers[] = {"class=\"comparison-section hidden\"",
                                          "style=\"display: none\""};
    for (int d = 0; d < 2; d++) {
        char page[20000];
        int n = snprintf(page, sizeof page,
                         "<html><body><main><h1>Headphones</h1><p>%s</p><ul class=grid>", PROSE);
        for (int k = 0; k < 8; k++)
            n += snprintf(page + n, sizeof page - (size_t)n,
                          "<li><a href=/h%d>Studio headphones model %d</a> <span>$%d.99</span></li>",
                          k, k, 60 + k);
        n += snprintf(page + n, sizeof page - (size_t)n, "</ul></main><div %s><h5>Compare</h5>",
                      drawers[d]);
        for (int k = 0; k < 3; k++)
            n += snprintf(page + n, sizeof page - (size_t)n, "<p>Drawercopy %d: %s</p>", k,
                          "the closed-back design keeps the sound in and the noise out, and "
                          "the soft ear cushions stay comfortable through a long session in "
                          "the studio or on the train home.");
        snprintf(page + n, sizeof page - (size_t)n, "</div></body></html>");
        char *article = run_typed(page, WINNOW_PAGE_ARTICLE);
        char *collection = run_typed(page, WINNOW_PAGE_COLLECTION);
        CHECK(contains(article, "Drawercopy")); /* the guard keeps it for an article */
        CHECK(!contains(collection, "Drawercopy"));
        CHECK(contains(collection, "Studio headphones model 5"));
        free(article);
        free(collection);
    }
}

/* A tile's badge that reads like the start of a "Popular" box: on a collection it
 * drops itself and cuts nothing (the category's prose above would let the cut stand). */
static void test_badge_cuts_nothing(void)
{
    char page[4000];
    snprintf(page, sizeof page,
             "<html><body><main><h1>Desks</h1><p>%s</p><div class=grid>"
             "<div class=tile><a href=/a>Oak Desk with Drawer</a><p>$289</p></div>"
             "<div class=tile><p>Popular</p><a href=/b>Walnut Desk with Shelf</a><p>$319</p></div>"
             "<div class=tile><a href=/c>Maple Desk for Two</a><p>$349</p></div>"
             "<div class=tile><a href=/d>Birch Corner Desk</a><p>$379</p></div></div>"
             "</main></body></html>",
             PROSE);
    char *collection = run_typed(page, WINNOW_PAGE_COLLECTION);
    CHECK(contains(collection, "expand the bus network"));
    CHECK(contains(collection, "Oak Desk with Drawer"));
    CHECK(contains(collection, "Walnut Desk with Shelf"));
    CHECK(contains(collection, "Birch Corner Desk"));
    CHECK(!contains(collection, "Popular"));
    free(collection);
}

/* A grid's sort bar and count, and each tile's stock, shipping and colour notes: a
 * collection's chrome, its items' names and prices stay. */
static void test_tile_notes(void)
{
    char page[4000];
    snprintf(page, sizeof page,
             "<html><body><main><p>Free shipping on orders over $75. Easy returns.</p>"
             "<h1>Desks</h1><p>%s</p><p>Sort: Best Match</p>"
             "<p>Showing 1–4 of 4 results</p><div class=grid>"
             "<div class=tile><a href=/a>Oak Desk with Drawer</a><p>$289</p><p>In stock</p></div>"
             "<div class=tile><a href=/b>Walnut Desk with Shelf</a><p>$319</p><p>3 Colors</p></div>"
             "<div class=tile><a href=/c>Maple Desk for Two</a><p>$349</p><p>Free shipping</p></div>"
             "<div class=tile><a href=/d>Birch Corner Desk</a><p>$379</p><p>Low stock</p></div></div>"
             "</main></body></html>",
             PROSE);
    char *collection = run_typed(page, WINNOW_PAGE_COLLECTION);
    CHECK(contains(collection, "Oak Desk with Drawer"));
    CHECK(contains(collection, "$379"));
    static const char *const notes[] = {"Best Match", "Showing", "In stock", "3 Colors",
                                        "Free shipping", "Low stock", "Easy returns"};
    for (size_t k = 0; k < sizeof notes / sizeof notes[0]; k++)
        CHECK(!contains(collection, notes[k]));
    free(collection);
}

/* A shop's cards named like a newsletter box ("subscription-eligible", pruned by the
 * engagement rules) and a row of items in a carousel: a collection's content; its
 * share bar is not. */
static void test_entry_classes(void)
{
    char page[6000];
    int n = snprintf(page, sizeof page, "<html><body><main><h1>Coffee</h1><p>%s</p>", PROSE);
    static const char *const beans[] = {"Dark Roast Beans", "Light Roast Beans",
                                        "Decaf Beans", "Espresso Beans"};
    for (int k = 0; k < 4; k++)
        n += snprintf(page + n, sizeof page - (size_t)n,
                      "<div class=\"card-wrapper subscription-eligible\"><a href=/b%d>%s, "
                      "one pound bag</a><span>$%d.99</span></div>",
                      k, beans[k], 15 + k);
    n += snprintf(page + n, sizeof page - (size_t)n, "<div class=carousel>");
    for (int k = 0; k < 3; k++)
        n += snprintf(page + n, sizeof page - (size_t)n,
                      "<div class=slide><a href=/m%d>Mug number %d, stoneware</a>"
                      "<span>$%d.00</span></div>",
                      k, k + 1, 10 + k);
    snprintf(page + n, sizeof page - (size_t)n,
             "</div><div class=share-bar><a href=/s>Sharethis page with a friend by "
             "email</a></div></main></body></html>");
    char *article = run_typed(page, WINNOW_PAGE_ARTICLE);
    char *collection = run_typed(page, WINNOW_PAGE_COLLECTION);
    CHECK(!contains(collection, "Sharethis")); /* a share bar is never an entry */
    CHECK(!contains(article, "Decaf Beans"));
    CHECK(!contains(article, "Mug number 2"));
    for (int k = 0; k < 4; k++) CHECK(contains(collection, beans[k]));
    CHECK(contains(collection, "Mug number 2"));
    free(article);
    free(collection);
}

/* A magazine's story cards named "read-more-ad" (the chrome rule's "ad"): three or more
 * of one shape, each a link and a teaser, are a listing's entries; ad slots of that
 * shape with a line of text each are not. */
static void test_cards_named_chrome(void)
{
    char page[6000];
    int n = snprintf(page, sizeof page, "<html><body><main><h1>Science</h1>");
    static const char *const stories[] = {"Lefthanded people", "Sleep apnea", "Data centres",
                                          "Fertilizer prices"};
    for (int k = 0; k < 4; k++)
        n += snprintf(page + n, sizeof page - (size_t)n,
                      "<div class=\"story-card read-more-ad\"><h3><a href=/s%d>%s, in a "
                      "study</a></h3><p>What a team of researchers found after %d years of "
                      "measurements, and why it matters.</p></div>",
                      k, stories[k], k + 3);
    for (int k = 0; k < 3; k++)
        n += snprintf(page + n, sizeof page - (size_t)n,
                      "<div class=\"slot ad\"><a href=/ad%d>Adslot</a></div>", k);
    snprintf(page + n, sizeof page - (size_t)n, "</main></body></html>");
    char *article = run_typed(page, WINNOW_PAGE_ARTICLE);
    char *listing = run_typed(page, WINNOW_PAGE_LISTING);
    CHECK(!contains(article, "Sleep apnea"));
    for (int k = 0; k < 4; k++) CHECK(contains(listing, stories[k]));
    CHECK(contains(listing, "after 5 years of measurements"));
    CHECK(!contains(listing, "Adslot"));
    free(article);
    free(listing);
}

static const char *COOKIE_PROSE =
    "Cookies and similar technologies are used to improve your experience, to remember "
    "your login and your regional preferences, and to personalise what you are shown.";

/* Appends count entries of class cls, each a linked heading, a teaser and a price. */
static int entries(char *page, size_t size, int n, const char *cls, int count)
{
    for (int k = 0; k < count; k++)
        n += snprintf(page + n, size - (size_t)n,
                      "<div class=\"%s\"><a href=/m%d><h3>Mower model %d</h3><p>A quiet "
                      "robotic mower for lawns of %d acres</p><span>$ %d99.99</span></a></div>",
                      cls, k, k, k + 1, k + 2);
    return n;
}

/* A cookie banner's settings centre, hidden until a footer link opens it, holds most
 * of the page's prose: the prose guard would keep it; a hidden dialog goes whatever
 * its size.  A dialog shown (no hidden marker) is left to the rules as before. */
static void test_hidden_dialog(void)
{
    char page[20000];
    int n = snprintf(page, sizeof page, "<html><body><main><h1>Wallets</h1><ul>");
    for (int k = 0; k < 6; k++)
        n += snprintf(page + n, sizeof page - (size_t)n,
                      "<li><a href=/w%d>Leather wallet number %d, handmade</a></li>", k, k);
    n += snprintf(page + n, sizeof page - (size_t)n,
                  "</ul></main><div id=privacy-settings role=dialog aria-hidden=true>");
    for (int k = 0; k < 8; k++)
        n += snprintf(page + n, sizeof page - (size_t)n, "<p>Settingsline %d: %s</p>", k, COOKIE_PROSE);
    snprintf(page + n, sizeof page - (size_t)n, "</div></body></html>");
    for (int t = 0; t < 2; t++) {
        char *out = run_typed(page, t ? WINNOW_PAGE_LISTING : WINNOW_PAGE_ARTICLE);
        CHECK(!contains(out, "Settingsline"));
        free(out);
    }
    char *listing = run_typed(page, WINNOW_PAGE_LISTING);
    CHECK(contains(listing, "Leather wallet number 3"));
    free(listing);
}

/* A course catalogue's filter form -- checkboxes by subject and price -- beside its
 * entries: on a listing the labels go, the entries stay.  A form wrapping the entries
 * themselves (a "compare" checkbox on each) is no filter. */
static void test_filter_form(void)
{
    static const char *const subjects[] = {"Artdesign", "Businessy", "Computing", "Healthy",
                                           "Humanities", "Mathsy", "Sciencey", "Socialy"};
    char page[20000];
    int n = snprintf(page, sizeof page, "<html><body><main><h1>Courses</h1><form method=get>");
    for (int k = 0; k < 8; k++)
        n += snprintf(page + n, sizeof page - (size_t)n,
                      "<div><input type=checkbox id=s%d><label for=s%d>%s</label></div>", k, k,
                      subjects[k]);
    n += snprintf(page + n, sizeof page - (size_t)n, "</form><div class=results>");
    n = entries(page, sizeof page, n, "course", 8);
    snprintf(page + n, sizeof page - (size_t)n, "</div></main></body></html>");
    char *listing = run_typed(page, WINNOW_PAGE_LISTING);
    CHECK(!contains(listing, "Humanities"));
    CHECK(contains(listing, "Mower model 5"));
    free(listing);

    n = snprintf(page, sizeof page, "<html><body><main><h1>Mowers</h1><form method=get>");
    for (int k = 0; k < 8; k++)
        n += snprintf(page + n, sizeof page - (size_t)n,
                      "<div class=row><input type=checkbox name=compare%d><a href=/m%d>"
                      "<h3>Mower model %d</h3></a><p>A quiet robotic mower for lawns of %d "
                      "acres, with a rain sensor</p></div>",
                      k, k, k, k + 1);
    snprintf(page + n, sizeof page - (size_t)n, "</form></main></body></html>");
    listing = run_typed(page, WINNOW_PAGE_LISTING);
    CHECK(contains(listing, "Mower model 5"));
    free(listing);
}

/* A filter sidebar that is no form (a script sends it): drop-downs, a price range and
 * two radio buttons in an element named a filter panel.  On a listing its labels go,
 * the entries stay; the same controls in an element not so named stay, and so does a
 * shop theme's "facets" wrapper around its filter form and the grid. */
static void test_filter_panel(void)
{
    static const char *const wrappers[] = {"<div id=filterAccordion class=accordion>",
                                           "<div class=accordion>"};
    char page[20000];
    for (int w = 0; w < 2; w++) {
        int n = snprintf(page, sizeof page, "<html><body><main><h1>Rankings</h1>%s", wrappers[w]);
        static const char *const labels[] = {"Yearpick", "Regionpick", "Countrypick", "Subjectpick"};
        for (int k = 0; k < 4; k++)
            n += snprintf(page + n, sizeof page - (size_t)n,
                          "<div class=card><p>%s</p><select id=s%d><option>Select</option>"
                          "</select></div>", labels[k], k);
        n += snprintf(page + n, sizeof page - (size_t)n,
                      "<div class=card><p>Feespick</p><input type=text id=min><input "
                      "type=text id=max><input type=range></div><div class=card><p>"
                      "Scholarshippick</p><input type=radio name=y>Yes<input type=radio "
                      "name=y>No<input type=hidden name=t></div></div><div class=results>");
        n = entries(page, sizeof page, n, "course", 8);
        snprintf(page + n, sizeof page - (size_t)n, "</div></main></body></html>");
        char *listing = run_typed(page, WINNOW_PAGE_LISTING);
        CHECK(contains(listing, "Regionpick") == (w == 1));
        CHECK(contains(listing, "Scholarshippick") == (w == 1));
        CHECK(contains(listing, "Mower model 5"));
        free(listing);
    }

    /* A panel of links, each a brand and its count. */
    int n = snprintf(page, sizeof page,
                     "<html><body><main><h1>Lenses</h1><div class=ProductList_filtersDesktop>"
                     "<p>Brandpick</p>");
    for (int k = 0; k < 8; k++)
        n += snprintf(page + n, sizeof page - (size_t)n, "<a href=/b%d>Brand%d (%d)</a>", k, k,
                      k * 7 + 3);
    n += snprintf(page + n, sizeof page - (size_t)n, "</div><div class=results>");
    n = entries(page, sizeof page, n, "lens", 8);
    snprintf(page + n, sizeof page - (size_t)n, "</div></main></body></html>");
    char *links = run_typed(page, WINNOW_PAGE_COLLECTION);
    CHECK(!contains(links, "Brandpick"));
    CHECK(!contains(links, "Brand3"));
    CHECK(contains(links, "Mower model 5"));
    free(links);

    n = snprintf(page, sizeof page,
                 "<html><body><main><h1>Mowers</h1><div class=facets-vertical>"
                 "<form id=FacetFiltersForm><p>Colourpick</p>");
    for (int k = 0; k < 8; k++)
        n += snprintf(page + n, sizeof page - (size_t)n,
                      "<label><input type=checkbox name=c%d>Colour %d</label>", k, k);
    n += snprintf(page + n, sizeof page - (size_t)n, "</form><div class=grid>");
    n = entries(page, sizeof page, n, "tile", 8);
    snprintf(page + n, sizeof page - (size_t)n, "</div></div></main></body></html>");
    char *collection = run_typed(page, WINNOW_PAGE_COLLECTION);
    CHECK(!contains(collection, "Colourpick"));
    CHECK(contains(collection, "Mower model 5"));
    free(collection);
}

/* A search's sponsored entries: cards wholly a link, each titled by a heading whose id
 * names it an ad ("ad-listing-title-123"), among unsponsored ones of the same shape.
 * On a listing they are entries too (the chrome rule's "ad" names them); an article
 * leaves them out. */
static void test_sponsored_titles(void)
{
    char page[20000];
    int n = snprintf(page, sizeof page, "<html><body><main><h1>Wallets</h1><ol>");
    for (int k = 0; k < 8; k++)
        n += snprintf(page + n, sizeof page - (size_t)n,
                      "<li><a href=/l%d class=listing-link><div class=card-info><h2 "
                      "id=%s-listing-title-%d>Handmade leather wallet number %d, personalised "
                      "front pocket card holder in brown leather, a gift for him or her</h2><p>Sale price %d9.99</p>"
                      "</div></a></li>",
                      k, k < 4 ? "ad" : "plain", 1000 + k, k, k + 2);
    snprintf(page + n, sizeof page - (size_t)n, "</ol></main></body></html>");
    char *article = run_typed(page, WINNOW_PAGE_ARTICLE);
    char *listing = run_typed(page, WINNOW_PAGE_LISTING);
    CHECK(!contains(article, "wallet number 2,"));
    CHECK(contains(listing, "wallet number 2,"));
    CHECK(contains(listing, "wallet number 6,"));
    free(article);
    free(listing);
}

/* A front page's grid drawn for wide screens only ("hidden lg:block"): read with a
 * page of entries, left out of an article as utility CSS's other breakpoint variants
 * are.  A plain "hidden" stays hidden. */
static void test_hidden_on_phones(void)
{
    char page[20000];
    int n = snprintf(page, sizeof page,
                     "<html><body><main><h1>Latest</h1><div class=\"hidden lg:block\">");
    n = entries(page, sizeof page, n, "story", 6);
    n += snprintf(page + n, sizeof page - (size_t)n, "</div><div class=hidden>");
    n += snprintf(page + n, sizeof page - (size_t)n,
                  "<p>Phonecopy of the menu with its many links</p>");
    snprintf(page + n, sizeof page - (size_t)n, "</div></main></body></html>");
    char *listing = run_typed(page, WINNOW_PAGE_LISTING);
    CHECK(contains(listing, "Mower model 4"));
    CHECK(!contains(listing, "Phonecopy"));
    free(listing);
}

int main(void)
{
    winnow_global_init();
    rules = winnow_rules_new();
    char err[256];
    CHECK(winnow_rules_add_default(rules, err, sizeof err) == 0);
    test_nested_articles();
    test_consent_centre();
    test_hidden_drawer();
    test_badge_cuts_nothing();
    test_tile_notes();
    test_entry_classes();
    test_cards_named_chrome();
    test_hidden_dialog();
    test_filter_form();
    test_filter_panel();
    test_sponsored_titles();
    test_hidden_on_phones();
    winnow_rules_free(rules);
    return check_done();
}
