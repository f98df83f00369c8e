/* test_textlean.c -- an "article" whose words lean to service or documentation is read
 * as that type when its best run holds a small part of the page, and only then. */
#include <string.h>
#include "check.h"
#include "article/article.h"
#include "text/textlean.h"

static void article(doc *d)
{
    wn_doc_init(d);
    d->page_type = WINNOW_PAGE_ARTICLE;
    for (int t = 0; t <= WINNOW_PAGE_OTHER; t++) d->page_type_lag[t] = 9;
    d->page_type_lag[WINNOW_PAGE_ARTICLE] = 0;
}

static void test_note_lean(void)
{
    pt_signals sig;
    memset(&sig, 0, sizeof sig);
    doc d;
    article(&d);
    sig.v[PS_T_SERVICE] = 6;
    wn_text_note_lean(&sig, &d);
    CHECK(d.page_type_lean == WINNOW_PAGE_UNKNOWN); /* service far behind */
    d.page_type_lag[WINNOW_PAGE_SERVICE] = 2;
    wn_text_note_lean(&sig, &d);
    CHECK(d.page_type_lean == WINNOW_PAGE_SERVICE);
    CHECK(d.page_type_lean_share > 0.3 && d.page_type_lean_share < 0.5);
    d.page_type_lean = WINNOW_PAGE_UNKNOWN;
    sig.v[PS_T_SERVICE] = 2; /* near, but few calls to action */
    wn_text_note_lean(&sig, &d);
    CHECK(d.page_type_lean == WINNOW_PAGE_UNKNOWN);
    /* The nearer of two types the words speak for. */
    sig.v[PS_T_SERVICE] = 6;
    sig.v[PS_T_DOC] = 4;
    d.page_type_lag[WINNOW_PAGE_DOCUMENTATION] = 1;
    wn_text_note_lean(&sig, &d);
    CHECK(d.page_type_lean == WINNOW_PAGE_DOCUMENTATION);
    CHECK(d.page_type_lean_share > 0.1 && d.page_type_lean_share < 0.3);
    /* A forced type is the caller's. */
    d.page_type_lean = WINNOW_PAGE_UNKNOWN;
    d.page_type_margin = PT_FORCED_MARGIN;
    wn_text_note_lean(&sig, &d);
    CHECK(d.page_type_lean == WINNOW_PAGE_UNKNOWN);
    wn_doc_free(&d);
}

/* Ten blocks of ten words each; the best run is [bs, be). */
static void page(doc *d, tshape *shapes)
{
    for (int i = 0; i < 10; i++) {
        const char *t = "one two three four five six seven eight nine ten";
        CHECK(wn_doc_add(d, BK_PARA, t, strlen(t)) != NULL);
        memset(&shapes[i], 0, sizeof shapes[i]);
        shapes[i].words = 10;
    }
}

static void test_settle_lean(void)
{
    tshape shapes[10];
    doc d;
    article(&d);
    page(&d, shapes);
    CHECK(!wn_text_settle_lean(&d, shapes, 0, 2)); /* no lean */
    d.page_type_lean = WINNOW_PAGE_SERVICE;
    d.page_type_lean_share = 0.4;
    CHECK(!wn_text_settle_lean(&d, shapes, 0, 5)); /* the run is half the page */
    CHECK(d.page_type == WINNOW_PAGE_ARTICLE);
    CHECK(wn_text_settle_lean(&d, shapes, 2, 5)); /* three tenths */
    CHECK(d.page_type == WINNOW_PAGE_SERVICE);
    CHECK(d.page_type_margin == WN_READING_TEXT_MARGIN);
    wn_doc_free(&d);

    /* A smaller share (documentation's: a fifth) asks for a smaller run. */
    article(&d);
    page(&d, shapes);
    d.page_type_lean = WINNOW_PAGE_DOCUMENTATION;
    d.page_type_lean_share = 0.2;
    CHECK(!wn_text_settle_lean(&d, shapes, 2, 5));
    CHECK(!wn_text_settle_lean(&d, shapes, 2, 4));
    CHECK(wn_text_settle_lean(&d, shapes, 2, 3));
    CHECK(d.page_type == WINNOW_PAGE_DOCUMENTATION);
    wn_doc_free(&d);

    /* Blocks the rules dropped inside the run are no part of it. */
    article(&d);
    page(&d, shapes);
    d.page_type_lean = WINNOW_PAGE_SERVICE;
    d.page_type_lean_share = 0.4;
    d.blocks[3].dec = DEC_DROP;
    CHECK(wn_text_settle_lean(&d, shapes, 0, 4)); /* 30 of 100 words */
    wn_doc_free(&d);
}

int main(void)
{
    test_note_lean();
    test_settle_lean();
    return check_done();
}
