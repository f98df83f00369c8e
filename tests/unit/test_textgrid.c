/* test_textgrid.c -- on a collection page the short lines kept far from its grid of
 * priced items and its runs of filter options with counts go; the items, the prose and
 * a rule's lines stay; on a product page the item's own lines above a grid of related
 * items stay too; other kinds of page are untouched. */
#include <stdio.h>
#include <string.h>
#include "check.h"
#include "text/text.h"

static block *add(doc *d, const char *t, block_why why)
{
    block *b = wn_doc_add(d, BK_PARA, t, strlen(t));
    CHECK(b != NULL);
    b->dec = DEC_KEEP;
    b->why = why;
    return b;
}

static void test_price_lines(void)
{
    static const char *const priced[] = {"$49.99", "Regular price $1,299.00", "From £12",
                                         "12,50 \xE2\x82\xAC", "\xE2\x82\xAC 8", "30 EUR",
                                         "Sale 19.99 USD", "\xE2\x82\xB9" "499"};
    for (size_t k = 0; k < sizeof priced / sizeof *priced; k++) {
        if (!wn_textgrid_has_price(priced[k], strlen(priced[k])))
            fprintf(stderr, "no price in: %s\n", priced[k]);
        CHECK(wn_textgrid_has_price(priced[k], strlen(priced[k])));
    }
    static const char *const plain[] = {"Sony a7 V Mirrorless Camera", "4.8 / 5.0",
                                        "12 reviews", "2024-05-17", "30 Europeans"};
    for (size_t k = 0; k < sizeof plain / sizeof *plain; k++)
        CHECK(!wn_textgrid_has_price(plain[k], strlen(plain[k])));
}

static void test_facet_lines(void)
{
    static const char *const facets[] = {"Accessories1385", "Cup Style (0)",
                                         "Mirrorless Cameras1022", "Casters and Wheels245"};
    for (size_t k = 0; k < sizeof facets / sizeof *facets; k++)
        CHECK(wn_textgrid_is_facet(facets[k], strlen(facets[k])));
    static const char *const names[] = {"Sennheiser HD 600", "Galaxy S24", "MSA 4X4",
                                        "2024 (12)", "Accessories", "(12)", "Page 2 of 9"};
    for (size_t k = 0; k < sizeof names / sizeof *names; k++)
        CHECK(!wn_textgrid_is_facet(names[k], strlen(names[k])));
}

/* A menu of 8 lines, a facet list of 4, a prose introduction, a grid of 4 tiles (name,
 * price, label), 10 footer links.  Returns the index of the first tile's name. */
static size_t fill(doc *d, winnow_page_type type)
{
    wn_doc_init(d);
    d->page_type = type;
    static const char *const menu[] = {"Headphones", "Home Audio", "DACs & Amplifiers",
                                       "Accessories", "Merch", "On Sale", "Shop Brands",
                                       "Track Order"};
    for (size_t k = 0; k < 8; k++) add(d, menu[k], WHY_SHORT_INSIDE);
    add(d, "Wearing Style (0)", WHY_SHORT_INSIDE);
    add(d, "Connectivity (3)", WHY_SHORT_INSIDE);
    add(d, "Headbands12", WHY_SHORT_INSIDE);
    add(d, "Earpads25", WHY_SHORT_INSIDE);
    add(d, "Our open-back headphones, chosen by the team for the way they sound at home.",
        WHY_PROSE);
    size_t first = d->n;
    char name[64], price[64];
    for (int k = 0; k < 4; k++) {
        snprintf(name, sizeof name, "Model %d Headphones", k + 1);
        snprintf(price, sizeof price, "$%d9.95", k + 1);
        add(d, name, WHY_SHORT_INSIDE);
        add(d, price, WHY_SHORT_INSIDE);
        add(d, "Sold out", WHY_SHORT_INSIDE);
    }
    for (int k = 0; k < 10; k++) {
        snprintf(name, sizeof name, "Footer link %c", 'A' + k);
        add(d, name, WHY_SHORT_INSIDE);
    }
    add(d, "Contact us", WHY_RULE);
    return first;
}

static void test_around_the_grid(void)
{
    doc d;
    size_t first = fill(&d, WINNOW_PAGE_COLLECTION);
    wn_text_drop_grid_chrome(&d);
    CHECK(d.blocks[0].dec == DEC_DROP); /* the menu, far before the first price */
    CHECK(d.blocks[0].why == WHY_GRID_CHROME);
    CHECK(d.blocks[2].dec == DEC_DROP);
    for (size_t k = 8; k < 12; k++) CHECK(d.blocks[k].dec == DEC_DROP); /* the facets */
    CHECK(d.blocks[12].dec == DEC_KEEP); /* prose stays */
    for (size_t k = first; k < first + 12; k++) CHECK(d.blocks[k].dec == DEC_KEEP);
    size_t foot = first + 12;
    for (size_t k = foot; k < foot + 7; k++) CHECK(d.blocks[k].dec == DEC_KEEP); /* near */
    CHECK(d.blocks[foot + 9].dec == DEC_DROP); /* the footer, far after the last price */
    CHECK(d.blocks[foot + 10].dec == DEC_KEEP); /* a rule's line is the rule's */
    wn_doc_free(&d);
}

static void test_other_pages_untouched(void)
{
    winnow_page_type types[] = {WINNOW_PAGE_ARTICLE, WINNOW_PAGE_LISTING,
                                WINNOW_PAGE_FORUM};
    for (size_t t = 0; t < sizeof types / sizeof *types; t++) {
        doc d;
        fill(&d, types[t]);
        wn_text_drop_grid_chrome(&d);
        for (size_t k = 0; k < d.n; k++) CHECK(d.blocks[k].dec == DEC_KEEP);
        wn_doc_free(&d);
    }
}

/* A product page: a menu, the item (name, price, options) far above a grid of related
 * items, a footer.  The menu and the footer go; the item, from a few lines above its own
 * price, stays though it stands far before the grid. */
static void test_product_keeps_its_item(void)
{
    doc d;
    wn_doc_init(&d);
    d.page_type = WINNOW_PAGE_PRODUCT;
    char line[64];
    for (int k = 0; k < 10; k++) {
        snprintf(line, sizeof line, "Menu entry %d", k);
        add(&d, line, WHY_SHORT_INSIDE);
    }
    size_t item = d.n;
    add(&d, "Trail 25 Pack", WHY_SHORT_INSIDE);
    add(&d, "4.4 159 Reviews", WHY_SHORT_INSIDE);
    add(&d, "$99.95", WHY_SHORT_INSIDE);
    for (int k = 0; k < 40; k++) { /* more than GRID_GAP: the grid starts past them */
        snprintf(line, sizeof line, "Capacity %d L", k);
        add(&d, line, WHY_SHORT_INSIDE);
    }
    size_t grid = d.n;
    for (int k = 0; k < 4; k++) {
        snprintf(line, sizeof line, "Related pack %d", k);
        add(&d, line, WHY_SHORT_INSIDE);
        snprintf(line, sizeof line, "$%d9.00", k + 1);
        add(&d, line, WHY_SHORT_INSIDE);
    }
    for (int k = 0; k < 12; k++) {
        snprintf(line, sizeof line, "Footer link %d", k);
        add(&d, line, WHY_SHORT_INSIDE);
    }
    wn_text_drop_grid_chrome(&d);
    CHECK(d.blocks[0].dec == DEC_DROP); /* the menu, far before the item's price */
    for (size_t k = item; k < grid + 8; k++) CHECK(d.blocks[k].dec == DEC_KEEP);
    CHECK(d.blocks[d.n - 1].dec == DEC_DROP); /* the footer, far after the grid */
    wn_doc_free(&d);
}

/* Fewer than three priced lines make no grid: nothing around it goes. */
static void test_no_grid(void)
{
    doc d;
    wn_doc_init(&d);
    d.page_type = WINNOW_PAGE_COLLECTION;
    for (int k = 0; k < 20; k++) add(&d, "Menu line", WHY_SHORT_INSIDE);
    add(&d, "$10", WHY_SHORT_INSIDE);
    add(&d, "$20", WHY_SHORT_INSIDE);
    wn_text_drop_grid_chrome(&d);
    for (size_t k = 0; k < d.n; k++) CHECK(d.blocks[k].dec == DEC_KEEP);
    wn_doc_free(&d);
}

int main(void)
{
    test_price_lines();
    test_facet_lines();
    test_around_the_grid();
    test_other_pages_untouched();
    test_product_keeps_its_item();
    test_no_grid();
    return check_done();
}
