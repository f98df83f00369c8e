/* test_service_pages.c -- what a service page's furniture looks like when no class
 * names it: the boxes that stand outside the page's <main> (html_main.c), on pages
 * read whole. */
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

static const char *OFFER =
    "<h2>Bookkeeping</h2><p>We keep your books every month, reconcile every account and "
    "send you a plain report of where the money went, so tax time holds no surprise.</p>"
    "<h2>Payroll</h2><p>Your people are paid on time, their taxes filed and their "
    "forms sent at the end of the year, whether you employ two people or two hundred.</p>";

/* Columns after </main> that no class names as a footer: the site's, on a page whose
 * <main> holds the offer; a <main> holding next to nothing says nothing. */
static void test_outside_main(void)
{
    char page[4000];
    snprintf(page, sizeof page,
             "<html><body><div class=top><p>Call us today at our office: we answer every "
             "call the same day, from eight to six.</p></div><main><h1>Accounting</h1>%s"
             "</main><div class=sc-x1><p>Resources</p><p>Stay in touch with our monthly "
             "letter about the rules that change for small firms.</p></div></body></html>",
             OFFER);
    char *out = run_typed(page, WINNOW_PAGE_SERVICE);
    CHECK(contains(out, "We keep your books"));
    CHECK(contains(out, "Your people are paid"));
    CHECK(!contains(out, "monthly letter"));
    CHECK(!contains(out, "Call us today"));
    free(out);
    /* The same boxes where the page has no <main>, or one that holds a line. */
    snprintf(page, sizeof page,
             "<html><body><main><p>Accounting</p></main><div>%s</div><div class=sc-x1>"
             "<p>Stay in touch with our monthly letter about the rules that change for "
             "small firms.</p></div></body></html>",
             OFFER);
    out = run_typed(page, WINNOW_PAGE_SERVICE);
    CHECK(contains(out, "We keep your books"));
    CHECK(contains(out, "monthly letter"));
    free(out);
}

int main(void)
{
    winnow_global_init();
    rules = winnow_rules_new();
    char err[256];
    CHECK(winnow_rules_add_default(rules, err, sizeof err) == 0);
    test_outside_main();
    winnow_rules_free(rules);
    return check_done();
}
