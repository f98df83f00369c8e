/* test_textrepeat.c -- the later kept copies of a line go on a page that is no article
 * nor documentation; the first copy, a rule's line and other decisions stay. */
#include <string.h>
#include "check.h"
#include "text/text.h"

/* Adds a kept block of text with reason why. */
static block *kept(doc *d, const char *t, block_why why)
{
    block *b = wn_doc_add(d, BK_PARA, t, strlen(t));
    CHECK(b != NULL);
    b->dec = DEC_KEEP;
    b->why = why;
    return b;
}

static void fill(doc *d, winnow_page_type type)
{
    wn_doc_init(d);
    d->page_type = type;
    kept(d, "Add to cart", WHY_SHORT_INSIDE);                                 /* 0 */
    kept(d, "A sturdy mug, thrown on the wheel and fired twice.", WHY_PROSE); /* 1 */
    kept(d, "  add to CART ", WHY_SHORT_INSIDE);                              /* 2 */
    kept(d, "A sturdy mug, thrown on the wheel and fired twice.", WHY_PROSE); /* 3 */
    kept(d, "Ships from Ukraine", WHY_SHORT_INSIDE);                          /* 4 */
    block *b = wn_doc_add(d, BK_PARA, "Ships from Ukraine", 18);              /* 5 */
    b->dec = DEC_DROP;
    b->why = WHY_OUTSIDE_ARTICLE;
    kept(d, "Add to cart", WHY_SHORT_INSIDE);                                 /* 6 */
    kept(d, "Add to cart", WHY_RULE);                                         /* 7 */
}

static void test_later_copies_go(void)
{
    doc d;
    fill(&d, WINNOW_PAGE_PRODUCT);
    wn_text_drop_repeated_lines(&d);
    CHECK(d.blocks[0].dec == DEC_KEEP);   /* the first copy stays */
    CHECK(d.blocks[2].dec == DEC_DROP);   /* case and outer spaces do not matter */
    CHECK(d.blocks[2].why == WHY_REPEATED_LINE);
    CHECK(d.blocks[6].dec == DEC_DROP);
    CHECK(d.blocks[3].dec == DEC_DROP);   /* repeated prose (a quoted post) too */
    CHECK(d.blocks[1].dec == DEC_KEEP);
    CHECK(d.blocks[7].dec == DEC_KEEP);   /* a rule's line is the rule's */
    CHECK(d.blocks[4].dec == DEC_KEEP);   /* a dropped copy does not count */
    CHECK(d.blocks[5].why == WHY_OUTSIDE_ARTICLE);
    wn_doc_free(&d);
}

static void test_article_and_docs_untouched(void)
{
    winnow_page_type types[] = {WINNOW_PAGE_ARTICLE, WINNOW_PAGE_DOCUMENTATION};
    for (size_t t = 0; t < 2; t++) {
        doc d;
        fill(&d, types[t]);
        wn_text_drop_repeated_lines(&d);
        CHECK(d.blocks[2].dec == DEC_KEEP);
        CHECK(d.blocks[6].dec == DEC_KEEP);
        wn_doc_free(&d);
    }
}

int main(void)
{
    test_later_copies_go();
    test_article_and_docs_untouched();
    return check_done();
}
