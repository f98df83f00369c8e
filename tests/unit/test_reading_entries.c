/* test_reading_entries.c -- article/reading.c for pages of entries (listings,
 * collections): from which lead they are read whole and as sure entries (and a
 * product page from which lead it is read as one), and the lead
 * their linked headings lend them (wn_article_entry_titles), and the lead a row of
 * entries holding the page lends them (wn_article_entry_rows). */
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

int main(void)
{
    test_leads();
    test_entry_titles();
    test_entry_rows();
    return check_done();
}
