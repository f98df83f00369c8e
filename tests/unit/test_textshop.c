/* test_textshop.c -- a product page's rendered text around its item: runs of reviews,
 * long alphabetical option lists, report dialogs and cookie dialogs go before the
 * article's run is looked for; a page of another type, a lone mark and a short list
 * stay. */
#include <string.h>
#include "check.h"
#include "text/text.h"

static void line(doc *d, const char *t)
{
    CHECK(wn_doc_add(d, BK_PARA, t, strlen(t)) != NULL);
}

static int dropped(const doc *d, size_t i, block_why why)
{
    return d->blocks[i].dec == DEC_DROP && d->blocks[i].why == why;
}

static int undecided(const doc *d, size_t a, size_t z)
{
    for (size_t i = a; i < z; i++)
        if (d->blocks[i].dec != DEC_NONE) return 0;
    return 1;
}

static void test_review_marks(void)
{
    const char *yes[] = {"Verified Purchase", "Reviewed in Germany on 1 January 2026",
                         "4.0 out of 5 stars Passt, völlig ausreichend", "Rated 5.0 out of 5 stars",
                         "Helpful?211Report as inappropriate", "12 people found this helpful",
                         "m***a (61)- Feedback left by buyer.", "Report", "  Sort by: ",
                         "5 stars 80%", "407 reviews", "Write a review"};
    const char *no[] = {"Body: Alder", "The sound is very clear.", "Reviews of the best amps",
                        "5 out of 10 people agree", "Report on the 2025 season", ""};
    doc d;
    wn_doc_init(&d);
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) line(&d, yes[i]);
    for (size_t i = 0; i < sizeof no / sizeof *no; i++) line(&d, no[i]);
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) CHECK(wn_textshop_review_mark(&d.blocks[i]));
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        CHECK(!wn_textshop_review_mark(&d.blocks[sizeof yes / sizeof *yes + i]));
    wn_doc_free(&d);
}

static void reviews_page(doc *d, winnow_page_type type)
{
    wn_doc_init(d);
    d->page_type = type;
    line(d, "Electric Guitar");                                                   /* 0 */
    line(d, "Body: Alder");                                                       /* 1 */
    line(d, "A solid guitar for every stage, with a modern C neck and three coils."); /* 2 */
    line(d, "Saul Gil");                                                          /* 3 */
    line(d, "5.0 out of 5 stars Durable and great");                              /* 4 */
    line(d, "Reviewed in the United States on 10 February 2026");                 /* 5 */
    line(d, "Verified Purchase");                                                 /* 6 */
    line(d, "Great guitar. Very durable and it stays in tune for weeks.");        /* 7 */
    line(d, "Mieze");                                                             /* 8 */
    line(d, "4.0 out of 5 stars Passt");                                          /* 9 */
    line(d, "Verified Purchase");                                                 /* 10 */
    line(d, "It does what it should, and the case is a nice extra for the road.");  /* 11 */
    line(d, "Customers also bought");                                             /* 12 */
}

static void test_reviews_go(void)
{
    doc d;
    reviews_page(&d, WINNOW_PAGE_PRODUCT);
    wn_text_drop_shop_chrome(&d);
    CHECK(undecided(&d, 0, 3));           /* the item's own lines stay */
    for (size_t i = 3; i < 12; i++) CHECK(dropped(&d, i, WHY_EXTRA)); /* name to last text */
    CHECK(d.blocks[12].dec == DEC_NONE);  /* the text ends at a short line */
    wn_doc_free(&d);
}

static void test_reviews_only_on_products(void)
{
    doc d;
    reviews_page(&d, WINNOW_PAGE_ARTICLE);
    wn_text_drop_shop_chrome(&d);
    CHECK(undecided(&d, 0, d.n));
    wn_doc_free(&d);
}

static void test_lone_marks_stay(void)
{
    doc d;
    wn_doc_init(&d);
    d.page_type = WINNOW_PAGE_PRODUCT;
    line(&d, "4.7 out of 5 stars");
    line(&d, "Write a review");
    for (int i = 0; i < 40; i++) line(&d, "A paragraph of the description that goes on.");
    line(&d, "Verified Purchase");
    wn_text_drop_reviews(&d);
    CHECK(undecided(&d, 0, d.n)); /* two marks, then one 40 blocks on: no run of reviews */
    wn_doc_free(&d);
}

static const char *const countries[] = {
    "Afghanistan", "Åland Islands", "Albania", "Algeria", "American Samoa", "Andorra",
    "Angola", "Argentina", "Armenia", "Australia", "Austria", "Bahamas", "Belgium",
    "Bolivia", "Bosnia and Herzegovina", "Brazil", "British Indian Ocean Territory",
    "Bulgaria", "Canada", "Chile", "China", "Colombia", "Croatia", "Cyprus", "Denmark",
    "Egypt", "Estonia", "Finland", "France", "Germany", "Greece", "Heard Island and McDonald Islands",
    "Holy See (Vatican City State)", "Hungary", "Iceland", "India", "Ireland", "Italy",
    "Japan", "Kenya", "Latvia", "Mexico", "Norway", "Poland", "Portugal", "Spain",
};
#define N_COUNTRIES (sizeof countries / sizeof *countries)

static void test_option_lists_go(void)
{
    doc d;
    wn_doc_init(&d);
    d.page_type = WINNOW_PAGE_PRODUCT;
    line(&d, "Deliver to");
    for (size_t i = 0; i < N_COUNTRIES; i++) line(&d, countries[i]);
    line(&d, "Materials: Ceramic");
    wn_text_drop_option_lists(&d);
    CHECK(d.blocks[0].dec == DEC_NONE);
    for (size_t i = 1; i <= N_COUNTRIES; i++) CHECK(dropped(&d, i, WHY_SHOP_FORM));
    CHECK(d.blocks[N_COUNTRIES + 1].dec == DEC_NONE);
    wn_doc_free(&d);
}

static void test_short_or_unsorted_lists_stay(void)
{
    doc d;
    wn_doc_init(&d);
    d.page_type = WINNOW_PAGE_PRODUCT;
    for (size_t i = 0; i < 20; i++) line(&d, countries[i]); /* sorted, but short */
    line(&d, "Delivery and returns:");
    for (size_t i = N_COUNTRIES; i-- > 0;) line(&d, countries[i]); /* long, not sorted */
    wn_text_drop_option_lists(&d);
    CHECK(undecided(&d, 0, d.n));
    wn_doc_free(&d);
}

static void test_report_dialog_goes(void)
{
    doc d;
    wn_doc_init(&d);
    d.page_type = WINNOW_PAGE_PRODUCT;
    line(&d, "Click to zoom");
    line(&d, "Report this item to Etsy");
    line(&d, "Choose a reason…");
    line(&d, "It's dangerous or hazardous");
    line(&d, "Next Submit report");
    line(&d, "Handmade stoneware mug, thrown on the wheel.");
    line(&d, "Report this item");          /* no closer within reach: stays */
    line(&d, "Size: 350 ml");
    wn_text_drop_report_dialogs(&d);
    CHECK(d.blocks[0].dec == DEC_NONE);
    for (size_t i = 1; i <= 4; i++) CHECK(dropped(&d, i, WHY_SHOP_FORM));
    CHECK(undecided(&d, 5, d.n));
    wn_doc_free(&d);
}

static void test_cookie_dialog_goes(void)
{
    doc d;
    wn_doc_init(&d);
    d.page_type = WINNOW_PAGE_PRODUCT;
    line(&d, "A mug for coffee or tea, dishwasher safe.");
    line(&d, "Etsy uses cookies and similar technologies to give you a better experience.");
    line(&d, "Required Cookies & Technologies");
    line(&d, "Always on");
    line(&d, "Cookies and similar technologies are used to improve your experience.");
    line(&d, "Done");
    for (int i = 0; i < 12; i++) line(&d, "Dishwasher safe.");
    line(&d, "We bake cookies too.");   /* one line alone, 13 blocks on: stays */
    wn_text_drop_cookie_dialogs(&d);
    CHECK(d.blocks[0].dec == DEC_NONE);
    for (size_t i = 1; i <= 4; i++) CHECK(dropped(&d, i, WHY_EXTRA));
    CHECK(undecided(&d, 5, d.n));
    wn_doc_free(&d);
}

static void row(doc *d, const char *t)
{
    CHECK(wn_doc_add(d, BK_TABLE, t, strlen(t)) != NULL);
}

static void test_specs_extend_the_run(void)
{
    doc d;
    wn_doc_init(&d);
    d.page_type = WINNOW_PAGE_PRODUCT;
    line(&d, "The ergonomic handle and flexible steel blade make it easy to open.");  /* 0 */
    line(&d, "Specifications");                                                 /* 1 */
    row(&d, "Handle Material\tPolymer Core");                                  /* 2 */
    row(&d, "Material\t301 Stainless Steel");                                  /* 3 */
    row(&d, "Dimensions\t8.25 x 2.4 in");                                      /* 4 */
    line(&d, "Kit Contents");                                                   /* 5 */
    row(&d, "Jimmy\t1");                                                       /* 6 */
    row(&d, "Spudger\t2");                                                     /* 7 */
    row(&d, "Tweezers\t1");                                                    /* 8 */
    line(&d, "Featured Products");                                              /* 9 */
    row(&d, "Spudger\t$3.99");                                                 /* 10 */
    line(&d, "Add to cart");                                                    /* 11 */
    CHECK(wn_text_extend_specs(&d, 0, 1) == 9); /* both tables, not the shelf's row */
    CHECK(wn_text_extend_specs(&d, 0, 9) == 9);
    d.page_type = WINNOW_PAGE_ARTICLE;
    CHECK(wn_text_extend_specs(&d, 0, 1) == 1);
    wn_doc_free(&d);
}

int main(void)
{
    test_review_marks();
    test_reviews_go();
    test_reviews_only_on_products();
    test_lone_marks_stay();
    test_option_lists_go();
    test_short_or_unsorted_lists_stay();
    test_report_dialog_goes();
    test_cookie_dialog_goes();
    test_specs_extend_the_run();
    return check_done();
}
