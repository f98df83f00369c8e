/* test_forum.c -- forum threads on the HTML path: every post is kept, in order, whatever
 * the forum software wraps it in, and what it shows around each post is not. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "html_check.h"
#include "winnow/winnow.h"

static winnow_rules *rules;

/* The page read as type (WINNOW_PAGE_AUTO: detected), without its headline; the output
 * (caller frees), NULL on failure. */
static char *run_typed(const char *html, winnow_page_type type)
{
    return html_output(rules, html, 1, WINNOW_FORMAT_TEXT, type);
}

static const char *const POSTS[] = {
    "Postone: how do I stop my kettle from switching off before the water boils?",
    "Posttwo: check the thermostat contacts under the base; mine were corroded.",
    "Postthree: descale it with citric acid, the sensor reads the scale as heat.",
    "Postfour: a new kettle costs less than the time you spend on this one.",
};
#define N_POSTS (sizeof POSTS / sizeof *POSTS)

/* Appends each post, a <div class=post> of one paragraph, to page (cap bytes). */
static void append_posts(char *page, size_t cap)
{
    for (size_t k = 0; k < N_POSTS; k++) {
        size_t n = strlen(page);
        snprintf(page + n, cap - n, "<div class=post><p>%s</p></div>", POSTS[k]);
    }
}

/* Whether out holds every post, in page order. */
static int all_posts_in_order(const char *out)
{
    const char *at = out;
    for (size_t k = 0; k < N_POSTS; k++) {
        at = at ? strstr(at, POSTS[k]) : NULL;
        if (!at) return 0;
    }
    return 1;
}

/* XenForo wraps each post in an <article> and the post's text in a second one
 * (article.message-body): both are the thread, not teaser cards inside an article. */
static void test_nested_post_articles(void)
{
    char page[8000] = "<html><head><title>Kettle switches off early</title></head><body>"
                      "<div class=p-nav><a href=/>Home</a> <a href=/f>Forums</a></div>"
                      "<div class=p-body><h1>Kettle switches off early</h1>"
                      "<div class=block-body>";
    for (size_t k = 0; k < N_POSTS; k++) {
        size_t n = strlen(page);
        snprintf(page + n, sizeof page - n,
                 "<article class='message message--post'><div class=message-cell--user>"
                 "<h4 class=message-name><a href=/m/%zu>member%zu</a></h4>"
                 "<h5 class='userTitle message-userTitle'>Senior Rank</h5></div>"
                 "<div class=message-main><header class=message-attribution>"
                 "<time>May %zu, 2024</time></header>"
                 "<article class=message-body><div class=bbWrapper>%s%s The kettle is two "
                 "years old and sits on a level counter; the water is hard here.</div>"
                 "</article></div></article>",
                 k, k, k + 1,
                 k == 2 ? "<blockquote class=bbCodeBlock><div><a href=/p/1>member0 said:</a>"
                          "</div><div>the thermostat contacts</div></blockquote>"
                        : "",
                 POSTS[k]);
    }
    strcat(page, "</div></div></body></html>");
    char *out = run_typed(page, WINNOW_PAGE_FORUM);
    CHECK(all_posts_in_order(out));
    CHECK(!contains(out, "Forums"));
    CHECK(contains(out, "member2"));      /* the author's heading, a link, stays */
    CHECK(!contains(out, "Senior Rank")); /* the author's rank goes */
    CHECK(contains(out, "member0 said:"));  /* whom a quote quotes stays */
    free(out);
}

/* A consent platform's preference centre (OneTrust) holds more prose than a thread of
 * short posts; the size guard that keeps a big element from pruning does not save it. */
static void test_consent_dialog(void)
{
    char page[12000] = "<html><head><title>Kettle switches off early</title></head><body>"
                       "<div class=thread>";
    append_posts(page, sizeof page);
    strcat(page, "</div><div id=onetrust-consent-sdk><div id=onetrust-pc-sdk>"
                 "<h2>Privacy Preference Center</h2>");
    for (int k = 0; k < 6; k++) {
        size_t n = strlen(page);
        snprintf(page + n, sizeof page - n,
                 "<p>Policyword%d: these technologies are used by or on behalf of our "
                 "advertising partners, and the data they collect may be combined with "
                 "information they hold about you to build a profile of your interests and "
                 "show you relevant advertising on other sites, as described in our notice.</p>",
                 k);
    }
    strcat(page, "</div></div></body></html>");
    char *out = run_typed(page, WINNOW_PAGE_FORUM);
    CHECK(all_posts_in_order(out));
    CHECK(!contains(out, "Policyword"));
    CHECK(!contains(out, "Privacy Preference Center"));
    free(out);
}

/* A moderator's signature (Invision's ipsEntry__signature) may hold more prose than a
 * thread of short posts: the prose guard that keeps a big element from pruning does not
 * save it. */
static void test_long_signature(void)
{
    char page[16000] = "<html><head><title>Kettle switches off early</title></head><body><nav>";
    for (int k = 0; k < 40; k++) {
        size_t n = strlen(page);
        snprintf(page + n, sizeof page - n, "<a href=/f/%d>Board number %d</a> ", k, k);
    }
    strcat(page, "</nav><div class=thread>");
    for (size_t k = 0; k < N_POSTS; k++) {
        size_t n = strlen(page);
        snprintf(page + n, sizeof page - n,
                 "<article class=post><div class=ipsRichText><p>%s The kettle is two years "
                 "old and sits on a level counter.</p></div>%s</article>",
                 POSTS[k],
                 k != 1 ? ""
                        : "<div class='ipsEntry__signature '><p>Sigword: community leader "
                          "and software engineer; design should be simple and communication "
                          "honest, and I advocate for both on behalf of everyone who builds "
                          "a store with us.</p><p>Buying me a coffee is a generous way to "
                          "say thanks, never expected, always appreciated, and it keeps the "
                          "plugins I write maintained for the years to come.</p><p>Tip of the "
                          "week: be careful with snippets you copy from a forum, they stop "
                          "working within a few months; buy plugins that are maintained.</p>"
                          "</div>");
    }
    strcat(page, "</div></body></html>");
    char *out = run_typed(page, WINNOW_PAGE_FORUM);
    CHECK(all_posts_in_order(out));
    CHECK(!contains(out, "Sigword"));
    free(out);
}

/* Vanilla heads the replies of a thread "Comments": on a thread that rule does not end
 * the page (it does on an article: its reader comments are not the story). */
static void test_comments_heading(void)
{
    char page[8000] = "<html><head><title>Kettle switches off early</title></head><body>"
                      "<main><div class=Item><h1>Kettle switches off early</h1>";
    for (size_t k = 0; k < N_POSTS; k++) {
        size_t n = strlen(page);
        if (k == 1) strcat(page, "</div><h2>Comments</h2><ul class=MessageList>");
        n = strlen(page);
        snprintf(page + n, sizeof page - n,
                 "<li class=ItemComment><div class=Author>member%zu</div><div "
                 "class=Message><p>%s The kettle is two years old and sits on a level "
                 "counter; the water is hard here.</p></div></li>",
                 k, POSTS[k]);
    }
    strcat(page, "</ul></main></body></html>");
    char *forum = run_typed(page, WINNOW_PAGE_FORUM);
    CHECK(all_posts_in_order(forum));
    free(forum);
    char *article = run_typed(page, WINNOW_PAGE_ARTICLE);
    CHECK(contains(article, POSTS[0]));
    CHECK(!contains(article, POSTS[2]));
    free(article);
}

/* A thread a script draws shows no post; the opening post's beginning it declares
 * stands in, on a forum only (an empty article stays empty). */
static void test_script_drawn_thread(void)
{
    static const char page[] =
        "<html><head><title>Kettle switches off early</title><meta name=description "
        "content='Openingpost: my kettle switches off before the water boils, every time "
        "and whatever it holds.'></head><body><div id=main-outlet></div>"
        "<script>render()</script></body></html>";
    char *forum = run_typed(page, WINNOW_PAGE_FORUM);
    CHECK(contains(forum, "Openingpost: my kettle switches off"));
    free(forum);
    char *article = run_typed(page, WINNOW_PAGE_ARTICLE);
    CHECK(!contains(article, "Openingpost"));
    free(article);
}

/* A feed of posts read as a thread (Forem's front page: each post a linked title
 * between its author's link and its reactions): the titles are the topics, kept (they
 * were dropped as links); a linked h1 is the site's name.  (Forum software's linked
 * headings, each reply's "Re: ..." line, stay dropped: its markup is told only when
 * the type is detected.) */
static void test_topic_titles(void)
{
    char page[8000];
    int n = snprintf(page, sizeof page, "<html><body><h1><a href=/>Devsite</a></h1><main>");
    for (int k = 0; k < 4; k++)
        n += snprintf(page + n, sizeof page - (size_t)n,
                      "<div class=story><div><a href=/u%d>Authorname%d</a></div><h2><a "
                      "href=/t%d>Topictitle %d about kettles that switch off</a></h2><div>"
                      "<a href=/r%d>%d reactions</a> <a href=/c%d>3 comments</a></div></div>",
                      k, k, k, k, k, k + 4, k);
    snprintf(page + n, sizeof page - (size_t)n, "</main></body></html>");
    char *out = run_typed(page, WINNOW_PAGE_FORUM);
    CHECK(contains(out, "Topictitle 2"));
    CHECK(!contains(out, "Devsite"));
    free(out);
}

/* A sign-in box over the thread (vBulletin's "User Name / Password / Remember Me?") is
 * a form with a password field: never the thread.  Another form stays. */
static void test_sign_in_form(void)
{
    char page[8000] = "<html><head><title>Kettle switches off early</title></head><body>"
                      "<table><tr><td><form action=login.php method=post><table><tr><td>"
                      "<label for=u>Loginword User Name</label></td><td><input type=text "
                      "id=u></td><td><label><input type=checkbox>Remember Me?</label></td>"
                      "</tr><tr><td><label for=p>Loginword Password</label></td><td><input "
                      "type=password id=p></td></tr></table></form></td></tr></table>"
                      "<div class=thread>";
    append_posts(page, sizeof page);
    strcat(page, "<form action=/search><p>Searchword: find threads about kettles and "
                 "their thermostats</p><input type=text name=q></form></div></body></html>");
    char *out = run_typed(page, WINNOW_PAGE_FORUM);
    CHECK(all_posts_in_order(out));
    CHECK(!contains(out, "Loginword"));
    CHECK(contains(out, "Searchword"));
    free(out);
}

/* Invision Community 5 draws each post's author in an <aside> beside it: its name
 * stays, its group and counts go; GameFAQs' poster's name is the toggle of a menu. */
static void test_author_names(void)
{
    char page[12000] = "<html><head><title>Kettle switches off early</title></head><body>"
                       "<div class=thread>";
    for (size_t k = 0; k < N_POSTS; k++) {
        size_t n = strlen(page);
        snprintf(page + n, sizeof page - n,
                 "<article class='ipsEntry js-ipsEntry'><aside class=ipsEntry__author-column>"
                 "<h3 class=ipsEntry__username><a href=/profile/%zu>Membername%zu</a></h3>"
                 "<div class=ipsEntry__group><span>Groupword</span></div><ul "
                 "class=ipsEntry__authorStats><li><a href=/c/%zu>2.6k Statword</a></li></ul>"
                 "</aside><div class=ipsEntry__post><div class=ipsRichText><p>%s</p></div>"
                 "</div><div class=msg_infobox><span class=user><a class='name menu_toggle'>"
                 "<b>Togglename%zu</b></a></span><span class=post_time>2 years ago</span>"
                 "<span class=message_num>#%zu</span></div></article>",
                 k, k, k, POSTS[k], k, k + 1);
    }
    strcat(page, "</div></body></html>");
    char *out = run_typed(page, WINNOW_PAGE_FORUM);
    CHECK(all_posts_in_order(out));
    CHECK(contains(out, "Membername2"));
    CHECK(contains(out, "Togglename3"));
    CHECK(!contains(out, "Groupword"));
    CHECK(!contains(out, "Statword"));
    free(out);
}

int main(void)
{
    winnow_global_init();
    rules = winnow_rules_new();
    char err[256];
    CHECK(winnow_rules_add_default(rules, err, sizeof err) == 0);
    test_nested_post_articles();
    test_consent_dialog();
    test_long_signature();
    test_comments_heading();
    test_script_drawn_thread();
    test_topic_titles();
    test_sign_in_form();
    test_author_names();
    winnow_rules_free(rules);
    return check_done();
}
