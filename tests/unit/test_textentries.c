/* test_textentries.c -- a page read whole goes on past its last prose over entries whose
 * lines open as its last entries' do, and stops where they stop coming, at a cut
 * marker, or on kinds of page whose repeated furniture is no content; and back over
 * the entries before its first prose. */
#include <string.h>
#include "check.h"
#include "text/text.h"

static void test_keys(void)
{
    char k[WN_ENTRY_KEY_MAX];
    size_t n = wn_textentries_key("[25] arXiv:2603.05028 [pdf]", 27, k);
    CHECK(n == 3 && memcmp(k, "[0]", 3) == 0);
    n = wn_textentries_key("Title: Survive at All Costs", 27, k);
    CHECK(n == 6 && memcmp(k, "title:", 6) == 0);
    CHECK(wn_textentries_key("42", 2, k) == 0); /* a lone number */
    CHECK(wn_textentries_key("Go 1.22 is released", 19, k) == 0); /* a short word */
    n = wn_textentries_key("Honoree", 7, k);
    CHECK(n == 7 && memcmp(k, "honoree", 7) == 0);
}

/* An arXiv-like listing: entries 1-3 inside the span (the last with a sentence), 4-6
 * after it, then the footer. */
static void make(doc *d, winnow_page_type t, int marker)
{
    static const char *const lines[] = {
        "[1] arXiv:2603.05001", "Title: First", "Ann Lee, Bo Chen",
        "[2] arXiv:2603.05002", "Title: Second", "Cy Dunn",
        "[3] arXiv:2603.05003", "Title: Third",
        "Comments: 8 pages. We study how agents behave when their survival is at stake.",
        "[4] arXiv:2603.05004", "Title: Fourth", "Di Eng",
        "[5] arXiv:2603.05005", "Title: Fifth", "Ed Fox",
        "[6] arXiv:2603.05006", "Title: Sixth", "Flo Gray",
        "About", "Help", "Contact", "Subscribe", "Copyright", "Privacy", "Accessibility",
        "Status", "Mailings", "Operational"};
    wn_doc_init(d);
    d->page_type = t;
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
        wn_doc_add(d, BK_PARA, lines[i], strlen(lines[i]));
    if (marker) d->blocks[12].ract = RA_CUT_BEFORE;
}

static size_t end_of(doc *d, size_t bs, size_t be)
{
    wn_text_extend_entries(d, &bs, &be);
    CHECK(bs == 0);
    return be;
}

static void test_extends(void)
{
    doc d;
    make(&d, WINNOW_PAGE_LISTING, 0);
    CHECK(end_of(&d, 0, 9) == 17); /* through "Title: Sixth" */
    wn_doc_free(&d);
    make(&d, WINNOW_PAGE_LISTING, 1);
    CHECK(end_of(&d, 0, 9) == 11); /* up to the marker */
    wn_doc_free(&d);
    make(&d, WINNOW_PAGE_DOCUMENTATION, 0);
    CHECK(end_of(&d, 0, 9) == 9);
    wn_doc_free(&d);
    /* With no repeated furniture the span stays. */
    make(&d, WINNOW_PAGE_LISTING, 0);
    CHECK(end_of(&d, 0, 4) == 4);
    wn_doc_free(&d);
    /* Back over the first entries, from a span starting at the third. */
    make(&d, WINNOW_PAGE_FORUM, 0);
    size_t bs = 6, be = 18;
    wn_text_extend_entries(&d, &bs, &be);
    CHECK(bs == 0 && be == 18);
    wn_doc_free(&d);
}

int main(void)
{
    test_keys();
    test_extends();
    return check_done();
}
