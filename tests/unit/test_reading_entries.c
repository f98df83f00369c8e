/* test_reading_entries.c -- article/reading.c for pages of entries (listings,
 * collections): from which lead they are read whole and as sure entries (and a
 * product page from which lead it is read as one), and the lead
 * their linked headings lend them (wn_article_entry_titles), and the lead a row of
 * entries holding the page lends them (wn_article_entry_rows); the type a page read as
 * an article that kept next to nothing is read as (wn_article_thin_reading); and the
 * lead a service page's markup lends it (wn_article_service_markup). */
#include <string.h>
#include "article/article.h"
#include "check.h"

static doc typed(winnow_page_type t, int margin)
{
    doc d;
    wn_doc_init(&d);
    d.page_type = t;
    d.page_type_margin = margin;
    return d;
}

static void test_leads(void)
{
    doc d = typed(WINNOW_PAGE_LISTING, 5);
    CHECK(!wn_article_reading(&d, 0).whole_page);
    d.page_type_margin = 6;
    wn_reading r = wn_article_reading(&d, 0);
    CHECK(r.whole_page && r.links_kept && r.entries && !r.sure_entries);
    d.page_type_margin = 11;
    CHECK(wn_article_reading(&d, 0).sure_entries);
    CHECK(!wn_article_reading(&d, 1).sure_entries); /* rendered text: no HTML to spare */
    d.page_type = WINNOW_PAGE_DOCUMENTATION;
    r = wn_article_reading(&d, 0);
    CHECK(r.whole_page && !r.entries && !r.sure_entries);
    wn_doc_free(&d);
    /* A product page is read as one from a smaller lead, in HTML only. */
    d = typed(WINNOW_PAGE_PRODUCT, 3);
    CHECK(!wn_article_reading(&d, 0).whole_page);
    d.page_type_margin = 4;
    r = wn_article_reading(&d, 0);
    CHECK(r.whole_page && r.tiles_dropped && !r.entries);
    CHECK(!wn_article_reading(&d, 1).whole_page);
    d.page_type = WINNOW_PAGE_SERVICE;
    CHECK(!wn_article_reading(&d, 0).whole_page);
    wn_doc_free(&d);
}

static void test_entry_titles(void)
{
    doc d = typed(WINNOW_PAGE_LISTING, 3);
    wn_article_entry_titles(&d, WN_READING_ENTRY_TITLES - 1);
    CHECK(d.page_type_margin == 3);
    wn_article_entry_titles(&d, WN_READING_ENTRY_TITLES);
    CHECK(wn_article_reading(&d, 0).whole_page && wn_article_reading(&d, 0).entries);
    CHECK(!wn_article_reading(&d, 0).sure_entries);
    wn_doc_free(&d);

    d = typed(WINNOW_PAGE_COLLECTION, 1);
    wn_article_entry_titles(&d, 50);
    CHECK(wn_article_reading(&d, 0).entries);
    wn_doc_free(&d);

    /* Only a listing or a collection that leads article, and only up to the margin. */
    static const winnow_page_type others[] = {WINNOW_PAGE_ARTICLE, WINNOW_PAGE_FORUM,
                                              WINNOW_PAGE_DOCUMENTATION, WINNOW_PAGE_SERVICE,
                                              WINNOW_PAGE_PRODUCT};
    for (size_t k = 0; k < sizeof others / sizeof *others; k++) {
        d = typed(others[k], 3);
        wn_article_entry_titles(&d, 100);
        CHECK(d.page_type_margin == 3);
        wn_doc_free(&d);
    }
    d = typed(WINNOW_PAGE_LISTING, 0);
    wn_article_entry_titles(&d, 100);
    CHECK(d.page_type_margin == 0);
    wn_doc_free(&d);
    d = typed(WINNOW_PAGE_LISTING, 9);
    wn_article_entry_titles(&d, 100);
    CHECK(d.page_type_margin == 9);
    wn_doc_free(&d);
}

static void test_entry_rows(void)
{
    doc d = typed(WINNOW_PAGE_COLLECTION, 5);
    CHECK(wn_article_entries_pending(&d));
    wn_article_entry_rows(&d, WN_READING_ENTRY_ROWS - 1);
    CHECK(d.page_type_margin == 5);
    wn_article_entry_rows(&d, WN_READING_ENTRY_ROWS);
    CHECK(wn_article_reading(&d, 0).sure_entries); /* read as nothing but its entries */
    CHECK(!wn_article_entries_pending(&d));
    wn_doc_free(&d);

    /* Not a page that does not lean to entries, nor one read so already. */
    static const winnow_page_type others[] = {WINNOW_PAGE_ARTICLE, WINNOW_PAGE_FORUM,
                                              WINNOW_PAGE_SERVICE, WINNOW_PAGE_PRODUCT};
    for (size_t k = 0; k < sizeof others / sizeof *others; k++) {
        d = typed(others[k], 3);
        wn_article_entry_rows(&d, 100);
        CHECK(d.page_type_margin == 3);
        wn_doc_free(&d);
    }
    d = typed(WINNOW_PAGE_LISTING, 0);
    CHECK(!wn_article_entries_unsure(&d));
    wn_article_entry_rows(&d, 100);
    CHECK(d.page_type_margin == 0);
    CHECK(!wn_article_reading(&d, 0).sure_entries);
    wn_doc_free(&d);
    d = typed(WINNOW_PAGE_LISTING, 13);
    CHECK(!wn_article_entries_unsure(&d));
    wn_article_entry_rows(&d, 100);
    CHECK(d.page_type_margin == 13);
    wn_doc_free(&d);

    /* Read whole already (a lead of 6 to 10), the row makes it sure as well. */
    static const int whole[] = {6, 10};
    for (size_t k = 0; k < sizeof whole / sizeof *whole; k++) {
        d = typed(WINNOW_PAGE_LISTING, whole[k]);
        CHECK(wn_article_entries_unsure(&d) && !wn_article_entries_pending(&d));
        wn_article_entry_rows(&d, WN_READING_ENTRY_ROWS - 1);
        CHECK(!wn_article_reading(&d, 0).sure_entries);
        wn_article_entry_rows(&d, WN_READING_ENTRY_ROWS);
        CHECK(wn_article_reading(&d, 0).sure_entries);
        wn_doc_free(&d);
    }
}

/* A doc of the given scores (by type, article first as in winnow_page_type), typed as
 * the highest, with one kept block of kept bytes and one dropped block of 1000. */
static doc scored(const int *score, size_t kept)
{
    static const winnow_page_type types[] = {
        WINNOW_PAGE_ARTICLE, WINNOW_PAGE_SERVICE, WINNOW_PAGE_FORUM, WINNOW_PAGE_LISTING,
        WINNOW_PAGE_DOCUMENTATION, WINNOW_PAGE_COLLECTION, WINNOW_PAGE_PRODUCT};
    size_t best = 0;
    for (size_t k = 1; k < 7; k++)
        if (score[k] > score[best]) best = k;
    doc d = typed(types[best], score[best] - score[0]);
    for (size_t k = 0; k < 7; k++) d.page_type_lag[types[k]] = score[best] - score[k];
    static char text[1000];
    memset(text, 'x', sizeof text);
    block *b = wn_doc_add(&d, BK_PARA, text, kept);
    if (b) b->dec = DEC_KEEP;
    b = wn_doc_add(&d, BK_PARA, text, sizeof text);
    if (b) b->dec = DEC_DROP;
    return d;
}

static void test_thin_reading(void)
{
    /* article 7, service -1, forum 3, listing 7 (a tie: read as an article), docs 1,
     * collection 5, product 6 */
    static const int awards[] = {7, -1, 3, 7, 1, 5, 6};
    doc d = scored(awards, 60);
    CHECK(d.page_type == WINNOW_PAGE_ARTICLE);
    CHECK(wn_article_thin_reading(&d, 10000) == WINNOW_PAGE_LISTING);
    /* Keeping a ninth of the page's text or more, the story stands. */
    CHECK(wn_article_thin_reading(&d, 540) == WINNOW_PAGE_UNKNOWN);
    wn_doc_free(&d);
    /* Keeping nothing, it has no content to speak of (pagetype/pt_nocontent.c). */
    d = scored(awards, 0);
    CHECK(wn_article_thin_reading(&d, 10000) == WINNOW_PAGE_UNKNOWN);
    wn_doc_free(&d);

    /* Service and listing tie ahead of article: service, first in the table. */
    static const int trails[] = {4, 6, -3, 6, 0, 1, -2};
    d = scored(trails, 20);
    CHECK(wn_article_thin_reading(&d, 1000) == WINNOW_PAGE_SERVICE);
    wn_doc_free(&d);
    static const int shop[] = {3, 2, 0, 6, -2, 8, 7};
    d = scored(shop, 20);
    CHECK(wn_article_thin_reading(&d, 1000) == WINNOW_PAGE_COLLECTION);
    wn_doc_free(&d);

    /* Nothing but article scores as high: a short story stays one; so does a page
     * leaning to forum or documentation. */
    static const int story[] = {9, 8, 3, 8, 1, 5, 6};
    d = scored(story, 20);
    CHECK(wn_article_thin_reading(&d, 100000) == WINNOW_PAGE_UNKNOWN);
    wn_doc_free(&d);
    static const int thread[] = {3, -1, 9, 2, 1, 0, 0};
    d = scored(thread, 20);
    d.page_type_margin = 3; /* below a forum reading's margin: read as an article */
    CHECK(wn_article_thin_reading(&d, 100000) == WINNOW_PAGE_UNKNOWN);
    wn_doc_free(&d);

    /* A page read whole already is left as it is. */
    static const int listing[] = {2, 1, 0, 12, 0, 3, 0};
    d = scored(listing, 20);
    CHECK(wn_article_reading(&d, 0).whole_page);
    CHECK(wn_article_thin_reading(&d, 100000) == WINNOW_PAGE_UNKNOWN);
    wn_doc_free(&d);
}

/* A service leading by 2 to 5 is read whole when its class names speak of an offer's
 * parts at least as often as of a story's; not by a lead of 1, nor with a story's
 * markup, nor another type. */
static void test_service_markup(void)
{
    doc d = typed(WINNOW_PAGE_SERVICE, 2);
    CHECK(!wn_article_reading(&d, 0).whole_page);
    wn_article_service_markup(&d, 3, 4);
    CHECK(!wn_article_reading(&d, 0).whole_page);
    wn_article_service_markup(&d, 4, 4);
    wn_reading r = wn_article_reading(&d, 0);
    CHECK(r.whole_page && r.links_kept && r.buttons_dropped && r.forms_dropped);
    wn_doc_free(&d);
    d = typed(WINNOW_PAGE_SERVICE, 1);
    wn_article_service_markup(&d, 20, 0);
    CHECK(d.page_type_margin == 1);
    wn_doc_free(&d);
    d = typed(WINNOW_PAGE_SERVICE, 8);
    wn_article_service_markup(&d, 20, 0);
    CHECK(d.page_type_margin == 8); /* read whole already: the lead stays */
    wn_doc_free(&d);
    d = typed(WINNOW_PAGE_DOCUMENTATION, 3);
    wn_article_service_markup(&d, 20, 0);
    CHECK(d.page_type_margin == 3);
    wn_doc_free(&d);
}

int main(void)
{
    test_leads();
    test_entry_titles();
    test_entry_rows();
    test_thin_reading();
    test_service_markup();
    return check_done();
}
