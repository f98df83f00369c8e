/* test_texttitle.c -- the headline rendered text shows off articles (texttitle.c),
 * through winnow_extract with the page type forced: a thread's title over the forum's
 * header of it ("Thread starter", "Asked ... ago", "1.9K views 11 replies"), also
 * inside the run; a Discourse thread's title over its category; no line of controls
 * ("Previous carousel slide", "Get the Fora App"); the run's first line; a product's
 * name repeated under itself, far above the body.  A headline taken from the body is
 * printed first and not again, and stays in its place without the headline. */
#include <stdio.h>
#include <string.h>
#include "check.h"
#include "core/doc.h"

#define POST                                                                               \
    "I have been thinking about a change of career for a while now, and working with "    \
    "young children keeps coming back to me as something I would enjoy doing every "      \
    "day.\n\n"                                                                             \
    "The pay is not great where I live, but the hours are regular and the work seems to " \
    "matter, which is more than I can say about the office job I have now.\n\n"           \
    "Has anyone here made the same move, and would you do it again if you could, "        \
    "knowing what you know about the long days and the small wages?\n\n"

#define OFFER                                                                              \
    "Our crews have repaired gas and charcoal grills across the county for twenty years, " \
    "and every visit starts with a full inspection of the burners and the lines.\n\n"      \
    "We clean the grates, replace worn igniters and test every valve for leaks, so that "  \
    "your grill is safe before the summer parties begin in earnest.\n\n"                   \
    "Call us for a quote, or book a visit online; most repairs are done in a single "      \
    "visit, with parts we carry in the van for every common brand.\n\n"

static char title[256];
static char text[4096];

/* The headline of a rendered text page read as type, or "(none)"; text gets the
 * output (without the headline when no_title). */
static const char *extract_as(const char *page, winnow_page_type type, int no_title)
{
    winnow_options o;
    winnow_options_init(&o);
    o.type = WINNOW_TYPE_TEXT;
    o.page_type = type;
    o.no_title = no_title;
    winnow_result r;
    snprintf(title, sizeof title, "(none)");
    text[0] = '\0';
    CHECK(winnow_extract(page, strlen(page), &o, &r) == WINNOW_OK);
    if (r.title) snprintf(title, sizeof title, "%s", r.title);
    if (r.text) snprintf(text, sizeof text, "%.*s", (int)r.len, r.text);
    winnow_result_free(&r);
    return title;
}

static const char *title_as(const char *page, winnow_page_type type)
{
    return extract_as(page, type, 0);
}

/* A thread's title over its starter and start date, not a member's rank under it. */
static void test_thread_starter(void)
{
    CHECK_STR(title_as("Skip to content\nForums\nWhat's new\nLog in\nRegister\nHome\nForums\n"
                       "Health\nEarly ALS symptoms?\nThread starter lulug30\n"
                       "Start date Apr 12, 2024\nStatus\nNot open for further replies.\n"
                       "lulug30\nNew member\nApr 12, 2024\n#1\n" POST "Reply\nShare:\n",
                       WINNOW_PAGE_FORUM),
              "Early ALS symptoms?");
}

/* A question under a banner's prose (which opens the run) and over "Ask Question",
 * "Asked ... ago": not the product name the banner repeats. */
static void test_question_inside_run(void)
{
    CHECK_STR(title_as("Skip to main content\nStack Exchange Network\nLog in\nSign up\nHome\n"
                       "Questions\nTags\nUsers\nStack Internal\n"
                       "Stack Overflow for Teams is now called Stack Internal. Bring the best "
                       "of human thought and AI automation together at your work, with answers "
                       "your whole company can find.\n"
                       "Try for free Learn more\nExplore Stack Internal\n"
                       "How to book flights when moving to another country?\nAsk Question\n"
                       "Asked 11 years, 9 months ago\nModified 11 years, 6 months ago\n"
                       "Viewed 4k times\n11\n" POST "Share\nFollow\n",
                       WINNOW_PAGE_FORUM),
              "How to book flights when moving to another country?");
}

/* The question, a line of the run, printed first and once; without the headline, in
 * its place under the banner. */
static void test_title_from_run_printed_once(void)
{
    static const char *page =
        "Skip to main content\nLog in\nHome\nQuestions\n"
        "Stack Overflow for Teams is now called Stack Internal. Bring the best of human "
        "thought and AI automation together at your work, with answers your whole company "
        "can find.\n"
        "How to book flights when moving to another country?\nAsk Question\n"
        "Asked 11 years, 9 months ago\n" POST "Share\n";
    static const char *q = "How to book flights when moving to another country?";
    CHECK_STR(extract_as(page, WINNOW_PAGE_FORUM, 0), q);
    CHECK(strncmp(text, q, strlen(q)) == 0);
    CHECK(strstr(text + 1, q) == NULL);
    extract_as(page, WINNOW_PAGE_FORUM, 1);
    const char *at = strstr(text, q), *banner = strstr(text, "Stack Overflow for Teams");
    CHECK(at != NULL && banner != NULL && banner < at);
}

/* A thread's title over its counts; "Get the Fora App" above is a control. */
static void test_thread_counts_not_app(void)
{
    CHECK_STR(title_as("Skip to content\nMenu\nSearch\nGet the Fora App\nDark Mode\nHome\n"
                       "Forums\nWatches\n"
                       "What do you guys think will be the trend in the watch market in 2024?\n"
                       "Jump to Latest\n"
                       "1.9K views 11 replies 12 participants last post by Aard Jan 18, 2024\n"
                       "sanmartinwatch Discussion starter\n" POST,
                       WINNOW_PAGE_FORUM),
              "What do you guys think will be the trend in the watch market in 2024?");
}

/* Discourse: the site's name, the thread's title in sentence case, its category in
 * capitals, a tag, the first post's stamp. */
static void test_title_over_category(void)
{
    CHECK_STR(title_as("Docker Community Forums\nConfusing resolver structure\nDocker Desktop\n"
                       "networking\namondale (Amondale) November 8, 2024, 7:33pm 1\n" POST
                       "Powered by Discourse\n",
                       WINNOW_PAGE_FORUM),
              "Confusing resolver structure");
}

/* A carousel's buttons between the heading and the body are no headline. */
static void test_controls_not_headline(void)
{
    CHECK_STR(title_as("Skip to content\nHome\nServices\nAbout\nContact\n"
                       "Grill Repair and Cleaning\nPrevious carousel slide Next carousel slide\n"
                       OFFER "Privacy\nTerms\n",
                       WINNOW_PAGE_PRODUCT),
              "Grill Repair and Cleaning");
}

/* A service page whose run opens at its heading. */
static void test_run_opens_at_headline(void)
{
    CHECK_STR(title_as("Skip to content\nHome\nServices\nAbout\nContact\n"
                       "Free CRM Software for Small Business Teams\n" OFFER "Privacy\nTerms\n",
                       WINNOW_PAGE_SERVICE),
              "Free CRM Software for Small Business Teams");
}

/* A product's name twice (the breadcrumb's last step, the heading) over a long list of
 * sizes: further up than the window, still the page's name. */
static void test_doubled_name_far_up(void)
{
    char page[4096];
    size_t n = (size_t)snprintf(page, sizeof page,
                                "Skip to content\nHome\nShop\nMen\nShoes\n"
                                "Wool Runner Sneakers for Men\nWool Runner Sneakers for Men\n"
                                "Select a size\n");
    for (int size = 5; size < 35; size++)
        n += (size_t)snprintf(page + n, sizeof page - n, "%d\n", size);
    snprintf(page + n, sizeof page - n, "%sRefund policy\nPrivacy\n", OFFER);
    CHECK_STR(title_as(page, WINNOW_PAGE_PRODUCT), "Wool Runner Sneakers for Men");
}

int main(void)
{
    test_thread_starter();
    test_question_inside_run();
    test_title_from_run_printed_once();
    test_thread_counts_not_app();
    test_title_over_category();
    test_controls_not_headline();
    test_run_opens_at_headline();
    test_doubled_name_far_up();
    return check_done();
}
