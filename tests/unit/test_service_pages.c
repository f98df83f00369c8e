/* test_service_pages.c -- a service page's furniture: the boxes that stand outside the
 * page's <main> (html_main.c) and a tree of link lists (html_menus.c), which no class
 * names, on pages read whole; and the notice bars and form messages that platforms
 * name (attributes.rules). */
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
    /* An older page says it with role=main. */
    snprintf(page, sizeof page,
             "<html><body><div role=main><h1>Accounting</h1>%s</div><div class=sc-x1>"
             "<p>Stay in touch with our monthly letter about the rules that change for "
             "small firms.</p></div></body></html>",
             OFFER);
    out = run_typed(page, WINNOW_PAGE_SERVICE);
    CHECK(contains(out, "Your people are paid"));
    CHECK(!contains(out, "monthly letter"));
    free(out);
    /* A thread with no <main>: its posts are <article>s, the board's notices not. */
    snprintf(page, sizeof page,
             "<html><body><div class=p-notice><p>This board turns ten this month: thanks to "
             "everyone who has helped out here over all these years.</p></div><div>"
             "<article><p>My boiler keeps losing pressure overnight, down to half a bar by "
             "morning. No leaks that I can see anywhere.</p></article>"
             "<article><p>Check the expansion vessel first: a flat one does exactly this, "
             "and a bicycle pump on its valve will tell you.</p></article></div>"
             "</body></html>");
    out = run_typed(page, WINNOW_PAGE_FORUM);
    CHECK(contains(out, "expansion vessel"));
    CHECK(contains(out, "losing pressure"));
    CHECK(!contains(out, "board turns ten"));
    free(out);
}

/* A list of the site's sections, each over a list of its pages, all links: a menu; a
 * flat list of links (the page's forms) and a list of the offer's points stay. */
static void test_menu_tree(void)
{
    char page[6000];
    snprintf(page, sizeof page,
             "<html><body><section><ul><li><a href=/tax>Tax</a><ul>"
             "<li><a href=/tax/plan>Tax Planning Services</a></li>"
             "<li><a href=/tax/estate>Estate and Trust Tax Solutions</a></li></ul></li>"
             "<li><a href=/audit>Audit and Assurance</a><ul>"
             "<li><a href=/audit/soc>SOC and Attestation Services</a></li>"
             "<li><a href=/audit/internal>Internal Audits</a></li></ul></li></ul></section>"
             "<section><h1>Accounting</h1>%s<h2>Forms</h2><ul>"
             "<li><a href=/f1>Building permit application, fillable PDF</a></li>"
             "<li><a href=/f2>Complaint form, printable PDF</a></li>"
             "<li><a href=/f3>Temporary use permit, fillable PDF</a></li></ul>"
             "<ul><li>Monthly reports<ul><li>a plain summary of the month's money</li>"
             "<li>every account reconciled</li></ul></li></ul></section></body></html>",
             OFFER);
    char *out = run_typed(page, WINNOW_PAGE_SERVICE);
    CHECK(contains(out, "We keep your books"));
    CHECK(!contains(out, "Tax Planning Services"));
    CHECK(!contains(out, "Internal Audits"));
    CHECK(contains(out, "Complaint form, printable PDF"));
    CHECK(contains(out, "every account reconciled"));
    free(out);
    /* The same tree inside the page's <article> is its table of contents. */
    snprintf(page, sizeof page,
             "<html><body><article><h1>Accounting</h1><ul><li><a href=#tax>Tax</a><ul>"
             "<li><a href=#plan>Tax Planning Services</a></li>"
             "<li><a href=#estate>Estate and Trust Tax Solutions</a></li></ul></li>"
             "<li><a href=#audit>Audit and Assurance</a><ul>"
             "<li><a href=#soc>SOC and Attestation Services</a></li>"
             "<li><a href=#internal>Internal Audits</a></li></ul></li></ul>%s</article>"
             "</body></html>",
             OFFER);
    out = run_typed(page, WINNOW_PAGE_SERVICE);
    CHECK(contains(out, "We keep your books"));
    CHECK(contains(out, "Tax Planning Services"));
    free(out);
}

/* A plugin's notice bar over the page, a Webflow form's messages, which show only once
 * the form is sent, and an app's mock-up drawn in markup beside a feature. */
static void test_named_furniture(void)
{
    char page[4000];
    snprintf(page, sizeof page,
             "<html><body><div id=bulletinwp-bulletin-item-2 class='bulletinwp-bulletins "
             "bulletinwp-placement-top'><div>Important update: we are not affiliated with "
             "the hospital across the street. Rest assured, we are open!</div></div>"
             "<div><h1>Accounting</h1>%s<form><input name=email></form>"
             "<div class=w-form-done><div>Thank you! Your submission has been "
             "received!</div></div><div class=w-form-fail><div>Oops! Something went "
             "wrong while submitting the form.</div></div><div class="
             "PageSection_illustration__P1Yb9><div>Backlog 8</div><div>ENG-2085 Reduce UI "
             "flicker during autonomy</div></div></div></body></html>",
             OFFER);
    char *out = run_typed(page, WINNOW_PAGE_SERVICE);
    CHECK(contains(out, "We keep your books"));
    CHECK(!contains(out, "Important update"));
    CHECK(!contains(out, "submission has been received"));
    CHECK(!contains(out, "Something went wrong"));
    CHECK(!contains(out, "Reduce UI flicker"));
    free(out);
}

int main(void)
{
    winnow_global_init();
    rules = winnow_rules_new();
    char err[256];
    CHECK(winnow_rules_add_default(rules, err, sizeof err) == 0);
    test_outside_main();
    test_menu_tree();
    test_named_furniture();
    winnow_rules_free(rules);
    return check_done();
}
