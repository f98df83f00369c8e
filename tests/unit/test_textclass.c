/* test_textclass.c -- keep/drop decisions and the headline on small synthetic pages:
 * navigation, credits and comment threads go; a subheading and a list inside the
 * article stay. */
#include <stdio.h>
#include <stdlib.h>
#include "check.h"
#include "core/doc.h"

static winnow_rules *rules;

/* Runs the whole text path and returns the output (caller frees); *title gets a copy. */
static char *extract(const char *page, int no_title, char **title)
{
    winnow_options o;
    winnow_options_init(&o);
    o.type = WINNOW_TYPE_TEXT;
    o.no_title = no_title;
    o.rules = rules;
    winnow_result r;
    CHECK(winnow_extract(page, strlen(page), &o, &r) == WINNOW_OK);
    char *out = malloc(r.len + 1);
    if (out) {
        if (r.len) memcpy(out, r.text, r.len);
        out[r.len] = '\0';
    }
    if (title) *title = r.title ? strdup(r.title) : NULL;
    winnow_result_free(&r);
    return out;
}

static const char *page =
    "Skip to content\n"
    "Home\nNews\nSport\nWeather\nComments\nSign in\n"
    "\n"
    "News › Science\n"
    "\n"
    "Volunteers count the last wild bees of the valley\n"
    "\n"
    "By Jane Doe\n"
    "November 19, 2019 at 6:34 am\n"
    "\n"
    "Every spring for thirty years, a group of retired teachers has walked the same "
    "meadows above the village to count the bees that still live there.\n"
    "\n"
    "Their notebooks, kept in a shoebox at the town hall, now form one of the longest "
    "records of wild pollinators anywhere in the region, researchers say.\n"
    "\n"
    "A bee on a clover flower, image via Shutterstock\n"
    "\n"
    "What the notebooks show\n"
    "\n"
    "The counts fall in most years, but not evenly. The volunteers list three causes:\n"
    "* fewer hedges along the fields\n"
    "* earlier mowing of the meadows\n"
    "* wetter springs\n"
    "\n"
    "\"We did not set out to be scientists,\" said one of the founders, who still joins "
    "the walk every May with a notebook and a pencil.\n"
    "\n"
    "The university will publish the full data set next year, and the group hopes that "
    "younger people in the valley will take over the walks.\n"
    "\n"
    "Share this:\nFacebook\nTwitter\n"
    "\n"
    "3 Comments\n"
    "\n"
    "beefan says:\n"
    "November 19, 2019 at 8:00 am\n"
    "\n"
    "This is a wonderful project and I hope it goes on for many more years to come.\n"
    "\n"
    "Privacy Policy\nContact us\n\xC2\xA9 2019 Valley News. All rights reserved.\n";

static void test_synthetic_page(void)
{
    char *title = NULL;
    char *out = extract(page, 0, &title);
    CHECK_STR(title, "Volunteers count the last wild bees of the valley");
    /* Headline, blank line, body. */
    const char *head = "Volunteers count the last wild bees of the valley\n\nEvery spring";
    CHECK(strncmp(out, head, strlen(head)) == 0);
    CHECK(strstr(out, "What the notebooks show\n") != NULL);       /* subheading stays */
    CHECK(strstr(out, "fewer hedges along the fields\nearlier mowing") != NULL); /* list */
    CHECK(strstr(out, "take over the walks.\n") != NULL);
    CHECK(strstr(out, "Shutterstock") == NULL);                    /* image credit */
    CHECK(strstr(out, "Skip to content") == NULL);                 /* navigation */
    CHECK(strstr(out, "Sign in") == NULL);
    CHECK(strstr(out, "Share this") == NULL);
    CHECK(strstr(out, "beefan") == NULL);                          /* comments */
    CHECK(strstr(out, "wonderful project") == NULL);
    CHECK(strstr(out, "All rights reserved") == NULL);             /* footer */
    CHECK(strstr(out, "By Jane Doe") == NULL);
    free(out);
    free(title);

    out = extract(page, 1, NULL);
    CHECK(strncmp(out, "Every spring", 12) == 0);
    free(out);
}

static void test_menu_comments_link_does_not_cut(void)
{
    /* "Comments" in the top menu is a cut marker, but it comes before the article. */
    char *out = extract(page, 1, NULL);
    CHECK(strstr(out, "thirty years") != NULL);
    free(out);
}

static void test_explain_reasons(void)
{
    winnow_options o;
    winnow_options_init(&o);
    o.type = WINNOW_TYPE_TEXT;
    o.rules = rules;
    o.explain = 1;
    winnow_result r;
    CHECK(winnow_extract(page, strlen(page), &o, &r) == WINNOW_OK);
    size_t with_reason = 0;
    for (size_t i = 0; i < r.n_explain; i++)
        with_reason += r.explain[i].reason && strcmp(r.explain[i].reason, "-") != 0;
    CHECK(r.n_explain > 20);
    CHECK(with_reason == r.n_explain);
    winnow_result_free(&r);
}

static void test_empty_and_tiny(void)
{
    char *out = extract("Home\nAbout\n", 0, NULL);
    CHECK(strstr(out, "About") == NULL);
    free(out);
    out = extract("\n\n   \n", 0, NULL);
    CHECK_STR(out, "");
    free(out);
}

static void test_cjk_prose(void)
{
    /* Japanese sentences have no spaces: they must still count as prose. */
    const char *jp =
        "ホーム\nブログ\n\n"
        "商品の改造が商標法違反に\n\n"
        "先日、不正に改造したスマートフォンを販売したとして、商標法違反の疑いで男性が逮捕されました。\n\n"
        "商標には、同じ商標が付された商品は同じ提供元のものであるという、商品の出所を表示する機能があります。\n\n"
        "関連記事\n";
    char *out = extract(jp, 1, NULL);
    CHECK(strstr(out, "先日") != NULL);
    CHECK(strstr(out, "ホーム") == NULL);
    free(out);
}

/* Appends n numbered short lines "<stem> <i>" to b. */
static void add_lines(buf *b, const char *stem, int n)
{
    char line[64];
    for (int i = 0; i < n; i++) {
        int l = snprintf(line, sizeof line, "%s %d\n", stem, i);
        CHECK(wn_buf_append(b, line, (size_t)l) == 0);
    }
}

/* Appends n paragraphs of prose to b: head, a number, tail (the same text twice in a
 * row would be a repeated line, as lynx prints image alt text, not prose). */
static void add_paras(buf *b, const char *head, const char *tail, int n)
{
    char p[400];
    for (int i = 0; i < n; i++) {
        int l = snprintf(p, sizeof p, "%s%d%s", head, i + 1, tail);
        CHECK(l > 0 && (size_t)l < sizeof p && wn_buf_append(b, p, (size_t)l) == 0);
    }
}

static const char *para_head = "The council met on Tuesday to discuss plan ";
static const char *para_tail =
    " for the new bridge, which would link the two halves of the old town for the first time in a century. Engineers "
    "said that the work could start next spring if the budget is approved in time.\n\n";

/* The rules are matched lazily (near the article): a comment header between a short
 * article and a longer thread that the first run search took must still cut. */
static void test_comment_header_before_longer_thread(void)
{
    buf b;
    wn_buf_init(&b, 0);
    add_lines(&b, "Menu entry", 50);
    CHECK(wn_buf_puts(&b, "\n") == 0);
    add_paras(&b, para_head, para_tail, 3);
    CHECK(wn_buf_puts(&b, "Comments\n\n") == 0);
    add_lines(&b, "Vote up", 45);
    CHECK(wn_buf_puts(&b, "\n") == 0);
    add_paras(&b, "I have lived next to that river for forty years, and nobody has ever "
                  "asked the people who cross it every day what they need (",
              "). Another study will not change anything at all for us.\n\n", 8);
    CHECK(wn_buf_putc(&b, '\0') == 0);
    char *out = extract(b.data, 1, NULL);
    CHECK(strstr(out, "The council met") != NULL);
    CHECK(strstr(out, "forty years") == NULL);
    free(out);
    wn_buf_free(&b);
}

/* Extracts (no title) a page of 80 menu lines, four article paragraphs and, when
 * footer is set, 80 footer lines, with the built-in rules plus the rule source src.
 * The caller frees the result. */
static char *extract_with_rule(const char *src, int footer)
{
    winnow_rules *own = winnow_rules_new();
    char err[256];
    CHECK(winnow_rules_add_default(own, err, sizeof err) == 0);
    CHECK(winnow_rules_add_source(own, "test", src, strlen(src), err, sizeof err) == 0);
    buf b;
    wn_buf_init(&b, 0);
    add_lines(&b, "Menu entry", 80);
    CHECK(wn_buf_puts(&b, "\n") == 0);
    add_paras(&b, para_head, para_tail, 4);
    if (footer) add_lines(&b, "Footer entry", 80);
    CHECK(wn_buf_putc(&b, '\0') == 0);
    winnow_rules *saved = rules;
    rules = own;
    char *out = extract(b.data, 1, NULL);
    rules = saved;
    wn_buf_free(&b);
    winnow_rules_free(own);
    return out;
}

/* A keep rule wins over the classifier anywhere on the page, next to the article or
 * far from it: a set with a keep rule is matched on the whole page, even though the
 * rules otherwise run only near the article. */
static void test_keep_rule_far_from_article(void)
{
    char *out = extract_with_rule("keep /^Menu entry (?:3|78)$/ keep-two\n", 1);
    CHECK(strstr(out, "Menu entry 78\n") != NULL); /* next to the article */
    CHECK(strstr(out, "Menu entry 3\n") != NULL);  /* far above it */
    CHECK(strstr(out, "Menu entry 4\n") == NULL);
    CHECK(strstr(out, "The council met") != NULL);
    free(out);

    out = extract_with_rule("keep /^Menu entry 3$/ keep-far\n", 0); /* only far */
    CHECK(strstr(out, "Menu entry 3\n") != NULL);
    CHECK(strstr(out, "Menu entry 4\n") == NULL);
    CHECK(strstr(out, "The council met") != NULL);
    free(out);
}

/* cut=hard is data, not a rule name: the same cut line with the same long prose
 * after it ends the article when its rule is hard, and is stepped over when soft (a
 * "Related" box inside a long story).  The rule names say nothing about comments. */
static void test_hard_cut_is_rule_data(void)
{
    static const char *const sets[2] = {"cut-after /^Zzyzx marker$/ box-a cut=hard\n",
                                        "cut-after /^Zzyzx marker$/ box-b\n"};
    for (int hard = 0; hard < 2; hard++) {
        winnow_rules *own = winnow_rules_new();
        char err[256];
        const char *src = sets[hard ? 0 : 1];
        CHECK(winnow_rules_add_source(own, "test", src, strlen(src), err, sizeof err) == 0);
        buf b;
        wn_buf_init(&b, 0);
        add_paras(&b, para_head, para_tail, 3);
        CHECK(wn_buf_puts(&b, "Zzyzx marker\n\n") == 0);
        add_paras(&b, "Later in the same story, the mayor said that plan ",
                  " would be put to a vote of all the residents before the end of the year, and that "
                  "the council would publish every study it had paid for since the flood.\n\n", 6);
        CHECK(wn_buf_putc(&b, '\0') == 0);
        winnow_rules *saved = rules;
        rules = own;
        char *out = extract(b.data, 1, NULL);
        rules = saved;
        CHECK(out && strstr(out, "The council met") != NULL);
        CHECK(out && (strstr(out, "Later in the same story") == NULL) == hard);
        free(out);
        wn_buf_free(&b);
        winnow_rules_free(own);
    }
}

/* Replies of a thread, each under a stamp "userN  DATE  N" and over a "Reply" line. */
static const char *replies[] = {
    "I am away for three weeks in May and nobody can feed my starter at home, so what should I do with it before I leave?",
    "Put it in the fridge after a feed with a stiff dough, it will sleep for a month without any trouble at all in my experience.",
    "You can also dry a thin layer on baking paper, break it into flakes and keep them in a jar until you come back home.",
    "Drying works well for me too, and the flakes wake up within two or three feeds once you add flour and warm water again.",
    "Thanks, I will try the fridge first because it sounds simpler, and dry a little as a backup in case it goes wrong.",
    "Whatever you do, give it a couple of regular feeds at room temperature when you return before you bake any bread with it.",
    "A friend of mine even took hers on the plane in a small jar, but the security staff asked her a lot of questions about it.",
    "Update: the fridge worked, the starter was sluggish for two days and then it doubled again as if nothing had happened.",
};
#define N_REPLIES (sizeof replies / sizeof *replies)

/* A thread page: menu, headline, article_paras paragraphs of a story (0 for a forum
 * thread), the replies, a footer.  numbered: each reply under "userN" and "#N" (no
 * date) instead of a dated stamp. */
static void thread_page(buf *b, int article_paras, int numbered)
{
    const char *menu = "Community Forums\nHome\nLatest\nCategories\nSign in\n\n";
    CHECK(wn_buf_append(b, menu, strlen(menu)) == 0);
    const char *head = article_paras ? "Bridge plan approved after a long night of debate\n\n"
                                     : "How do I keep my sourdough starter alive while travelling?\n\n";
    CHECK(wn_buf_append(b, head, strlen(head)) == 0);
    add_paras(b, para_head, para_tail, article_paras);
    for (size_t i = 0; i < N_REPLIES; i++) {
        char stamp[80];
        int l = numbered ? snprintf(stamp, sizeof stamp, "user%zu\nMember\n#%zu\n", i, i + 1)
                         : snprintf(stamp, sizeof stamp, "user%zu  January %zu, 2024, 3:%02zupm  %zu\n\n",
                                    i, i + 2, i + 10, i + 1);
        CHECK(wn_buf_append(b, stamp, (size_t)l) == 0);
        CHECK(wn_buf_append(b, replies[i], strlen(replies[i])) == 0);
        CHECK(wn_buf_append(b, "\n\nReply\n\n", 9) == 0);
    }
    const char *foot = "Related topics\nPowered by a forum engine\nPrivacy\nTerms\n";
    CHECK(wn_buf_append(b, foot, strlen(foot)) == 0);
}

/* The page type of rendered text, and its output. */
static winnow_page_type typed(const char *text, char **out)
{
    winnow_options o;
    winnow_options_init(&o);
    o.type = WINNOW_TYPE_TEXT;
    o.rules = rules;
    winnow_result r;
    CHECK(winnow_extract(text, strlen(text), &o, &r) == WINNOW_OK);
    winnow_page_type t = r.page_type;
    *out = strndup(r.text ? r.text : "", r.len);
    winnow_result_free(&r);
    return t;
}

/* Stamps that open at the top and recur, each over a reply, make a thread: a forum,
 * read whole from its headline to its last post, menu and footer left out.  The same
 * replies after a story are the story's comment thread. */
static void test_post_rhythm_settles_forum(void)
{
    buf b;
    char *out = NULL;
    for (int numbered = 0; numbered <= 1; numbered++) {
        wn_buf_init(&b, 0);
        thread_page(&b, 0, numbered);
        CHECK(typed(b.data, &out) == WINNOW_PAGE_FORUM);
        for (size_t i = 0; out && i < N_REPLIES; i++) CHECK(strstr(out, replies[i]) != NULL);
        CHECK(out && strstr(out, "How do I keep my sourdough starter") != NULL);
        CHECK(out && strstr(out, "Community Forums") == NULL);
        CHECK(out && strstr(out, "Powered by") == NULL);
        CHECK(out && strstr(out, "\n#3\n") == NULL); /* post numbers are furniture */
        CHECK(out && strstr(out, "Member") == NULL);   /* so is what each post repeats */
        free(out);
        wn_buf_free(&b);
    }

    wn_buf_init(&b, 0);
    thread_page(&b, 8, 0);
    CHECK(typed(b.data, &out) == WINNOW_PAGE_ARTICLE);
    CHECK(out && strstr(out, "plan 8 for the new bridge") != NULL);
    for (size_t i = 0; out && i < N_REPLIES; i++) CHECK(strstr(out, replies[i]) == NULL);
    free(out);
    wn_buf_free(&b);
}

/* Reply i under a Discourse-like stamp, numbered as post i + 1 when numbered, and its
 * like count when likes (a post's button: pagetype/pt_posts.c). */
static void add_post(buf *b, size_t i, int numbered, int likes)
{
    char stamp[80];
    int l = snprintf(stamp, sizeof stamp, "user%zu  January %zu, 2024, 3:%02zupm%s%.0zu\n\n", i,
                     i + 2, i + 10, numbered ? "  " : "", numbered ? i + 1 : 0);
    CHECK(wn_buf_append(b, stamp, (size_t)l) == 0);
    CHECK(wn_buf_append(b, replies[i], strlen(replies[i])) == 0);
    CHECK(wn_buf_append(b, likes ? "\n\n2 Likes\n" : "\n\n", likes ? 10 : 2) == 0);
}

static void add_forum_foot(buf *b)
{
    const char *foot = "Related topics\nPowered by a forum engine\nPrivacy\nTerms\n";
    CHECK(wn_buf_append(b, foot, strlen(foot) + 1) == 0);
}

/* A thread that opens with a long question, most of the page's prose: its replies are
 * still the thread's, when the words lean to forum. */
static void test_long_question_thread(void)
{
    buf b;
    wn_buf_init(&b, 0);
    const char *head = "Community Forums\nHome\nLatest\nCategories\nSign in\n\n"
                       "How do I keep my sourdough starter alive while travelling?\n"
                       "Baking\nsourdough\n\nbaker_ann  January 1, 2024, 9:02am  1\n\n";
    CHECK(wn_buf_append(&b, head, strlen(head)) == 0);
    static const char *question[] = {
        "I have kept the same starter for six years now, fed twice a day on the kitchen counter, and it has never let me down once.",
        "In May I am away for three weeks, first for work and then with family, and there is nobody who could come round to feed it.",
        "I have read that a starter can sleep in the fridge, but also that it can die there, and the advice I find online disagrees.",
        "Some people say to dry it, others to freeze it, and a few say to give it to a neighbour, which I would rather not do at all.",
        "What would you do, and how long does it take to bring it back to full strength after the trip so that the bread rises well?",
        "Any experience with very old starters is welcome, since mine came from my grandmother and I really do not want to lose it.",
    };
    for (size_t i = 0; i < sizeof question / sizeof *question; i++) {
        CHECK(wn_buf_append(&b, question[i], strlen(question[i])) == 0);
        CHECK(wn_buf_append(&b, "\n\n", 2) == 0);
    }
    CHECK(wn_buf_append(&b, "3 Likes\n", 8) == 0);
    for (size_t i = 1; i < 7; i++) add_post(&b, i, 1, 1);
    add_forum_foot(&b);
    char *out = NULL;
    CHECK(typed(b.data, &out) == WINNOW_PAGE_FORUM);
    for (size_t i = 1; out && i < 7; i++) CHECK(strstr(out, replies[i]) != NULL);
    CHECK(out && strstr(out, question[5]) != NULL);
    free(out);
    wn_buf_free(&b);
}

/* Four posts are too few for a rhythm, unless their stamps number them from 1 (their
 * buttons would tell them: test_post_buttons_settle_forum()). */
static void test_numbered_posts_settle_forum(void)
{
    for (int numbers = 0; numbers <= 1; numbers++) {
        buf b;
        wn_buf_init(&b, 0);
        const char *head = "Community Forums\nHome\nLatest\nCategories\nSign in\n\n"
                           "Keeping a sourdough starter while travelling\nhelp\n\n";
        CHECK(wn_buf_append(&b, head, strlen(head)) == 0);
        for (size_t i = 0; i < 4; i++) add_post(&b, i, numbers, 0);
        add_forum_foot(&b);
        char *out = NULL;
        winnow_page_type t = typed(b.data, &out);
        CHECK((t == WINNOW_PAGE_FORUM) == numbers);
        if (numbers)
            for (size_t i = 0; out && i < 4; i++) CHECK(strstr(out, replies[i]) != NULL);
        free(out);
        wn_buf_free(&b);
    }
}

/* A thread read whole has its furniture dropped by the rules everywhere, also in the
 * long runs of short lines (user cards, vote and badge lines) far from any prose,
 * where the article's reading leaves the rules unmatched. */
static void test_whole_thread_rules_everywhere(void)
{
    buf b;
    wn_buf_init(&b, 0);
    const char *head = "Community Forums\nHome\nLatest\nCategories\nSign in\n\n"
                       "How do I keep my sourdough starter alive while travelling?\n\n";
    CHECK(wn_buf_append(&b, head, strlen(head)) == 0);
    for (size_t i = 0; i < 7; i++) {
        add_post(&b, i, 1, 1);
        /* Each card differs: furniture.c drops only lines the page repeats. */
        char card[300];
        int l = snprintf(card, sizeof card, "Share\nFollow\nbaker%zu\nJoined 20%02zu\nTop Contributor\n"
                         "%zu posts\nLevel %zu\nBerlin\nEdit\n%zu.4k%zu gold badges14%zu silver badges\n\n",
                         i, i + 10, i * 7 + 3, i + 1, i + 1, i + 2, i);
        CHECK(l > 0 && wn_buf_append(&b, card, (size_t)l) == 0);
    }
    add_forum_foot(&b);
    char *out = NULL;
    CHECK(typed(b.data, &out) == WINNOW_PAGE_FORUM);
    for (size_t i = 0; out && i < 7; i++) CHECK(strstr(out, replies[i]) != NULL);
    CHECK(out && strstr(out, "gold badges") == NULL);
    free(out);
    wn_buf_free(&b);
}

/* An entry of a list page: its text for entry i with teaser t, appended to b. */
typedef int (*entry_fn)(char *out, size_t cap, size_t i, const char *t);

static int blog_entry(char *out, size_t cap, size_t i, const char *t)
{
    return snprintf(out, cap, "Feb %zu, 2026\nNotes from the platform team, part %zu\n%s\n"
                    "Developer Tools\n\n", 20 - i, i + 1, t);
}

static int route_entry(char *out, size_t cap, size_t i, const char *t)
{
    return snprintf(out, cap, "Route %zu\n%s\nRead more\nSave\nShare\n4.5 km\nEasy\n\n", i + 1, t);
}

/* head, one entry per teaser, foot (caller frees). */
static char *entries_page(const char *head, entry_fn entry, const char *const *teasers, size_t n,
                          const char *foot)
{
    buf b;
    wn_buf_init(&b, 0);
    CHECK(wn_buf_append(&b, head, strlen(head)) == 0);
    for (size_t i = 0; i < n; i++) {
        char e[400];
        int l = entry(e, sizeof e, i, teasers[i]);
        CHECK(l > 0 && (size_t)l < sizeof e && wn_buf_append(&b, e, (size_t)l) == 0);
    }
    CHECK(wn_buf_append(&b, foot, strlen(foot) + 1) == 0);
    return b.data;
}

static void check_all_in(const char *out, const char *const *texts, size_t n)
{
    for (size_t i = 0; out && i < n; i++) CHECK(strstr(out, texts[i]) != NULL);
}

/* A blog's posts' teasers. */
static const char *const blog_teasers[] = {
    "When we kicked this off, we were not trying to ship a feature; we wanted a system that plans campaigns end to end.",
    "In part two we peek under the hood at the tooling that makes the weekly release train run on time for every platform.",
    "Established three years ago to support the open source projects we depend on, the fund names this year's recipients.",
    "The technical and practical reasons for keeping the two systems apart, and what it cost us to run both of them.",
    "The system we built to make sure our agents produce predictable, trustworthy changes across thousands of repositories.",
    "We explore how much context an agent needs, where it comes from, and what happens when it is wrong or out of date.",
    "Shuffle has always been one of the most used features, and also one of the most misunderstood by our listeners.",
    "What a year of blameless reviews taught us about on-call load, alert fatigue and writing useful runbooks for teams.",
};
#define N_BLOG (sizeof blog_teasers / sizeof *blog_teasers)

/* A blog's list of posts: a date, a title, a teaser, a category line, from the top. */
static void test_entry_rhythm_settles_listing(void)
{
    const char *const *teasers = blog_teasers;
    char *list = entries_page("Skip to content\nEngineering\nAll categories\nSign in\n\n"
                              "Engineering blog\n\n", blog_entry, teasers, N_BLOG,
                              "Older posts\nPrivacy\nTerms\n");
    char *out = NULL;
    CHECK(typed(list, &out) == WINNOW_PAGE_LISTING);
    check_all_in(out, teasers, N_BLOG);
    CHECK(out && strstr(out, "Feb 20, 2026\n\nNotes from the platform team, part 1\n") != NULL);
    CHECK(out && strstr(out, "Notes from the platform team, part 8") != NULL);
    CHECK(out && strstr(out, "Sign in") == NULL && strstr(out, "Privacy") == NULL);
    free(out);
    free(list);
}

/* The blog's list with a footer of TAIL_GAP short lines or more (a country picker),
 * then a paragraph of small print: a small share of the prose, it is left out; as long
 * as the list's prose, it stays (no body ends before a gap with so much after it); so
 * does a gap that holds most of the words (a shop's items, a line each). */
static void test_whole_reading_ends_before_gap(void)
{
    static const struct {
        int lines, paras, kept;
    } cases[] = {{60, 1, 0}, {60, 8, 1}, {400, 1, 1}};
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        int long_tail = cases[c].kept;
        buf foot;
        wn_buf_init(&foot, 0);
        CHECK(wn_buf_append(&foot, "Older posts\nCountry\n", 20) == 0);
        for (int k = 0; k < cases[c].lines; k++) {
            char line[32];
            int l = snprintf(line, sizeof line, "Country %c%c\n", 'A' + k / 26, 'a' + k % 26);
            CHECK(l > 0 && wn_buf_append(&foot, line, (size_t)l) == 0);
        }
        for (int k = 0; k < cases[c].paras; k++) {
            char para[256];
            int l = snprintf(para, sizeof para,
                             "Part %d of the small print: the people who write here build and "
                             "run the platform, and what they say about it is their own view "
                             "and not the company's.\n\n",
                             k + 1);
            CHECK(l > 0 && (size_t)l < sizeof para && wn_buf_append(&foot, para, (size_t)l) == 0);
        }
        CHECK(wn_buf_append(&foot, "Privacy\nTerms\n", 14 + 1) == 0); /* with the NUL */
        char *list = entries_page("Skip to content\nEngineering\nAll categories\nSign in\n\n"
                                  "Engineering blog\n\n", blog_entry, blog_teasers, N_BLOG,
                                  foot.data);
        char *out = NULL;
        CHECK(typed(list, &out) == WINNOW_PAGE_LISTING);
        check_all_in(out, blog_teasers, N_BLOG);
        CHECK(out && (strstr(out, "Country Ab") != NULL) == long_tail);
        CHECK(out && (strstr(out, "the small print") != NULL) == long_tail);
        free(out);
        free(list);
        wn_buf_free(&foot);
    }
}

/* A list of routes without dates: each entry a title, a teaser and a few short lines.
 * The best run of prose is one teaser; the page's prose is spread over six. */
static void test_spread_prose_settles_listing(void)
{
    static const char *teasers[] = {
        "A walk through the old harbour district, with its fish market, warehouses turned into studios and the ferry that still runs every hour.",
        "The lake trail climbs gently through beech woods to a hut where the keeper serves soup and bread to walkers until late in the afternoon.",
        "Three days on the coast road, stopping at villages where the bakeries open at five and the boats come back with their catch before nine.",
        "An easy family route along the river, flat all the way, with a playground halfway and a cafe at the lock that sells homemade lemonade.",
        "The ridge walk is for clear days only: the path is narrow in places, but the view across both valleys is the best in the whole region.",
        "A circular route from the station through vineyards and orchards, best in October when the grapes are picked and the cellars are open.",
    };
    char *list = entries_page("Skip to content\nHome\nTrails\nRegions\nSign in\n\nWalking routes\n"
                              "Showing 1-6 of 42 routes\nSort by: newest\n\n", route_entry, teasers,
                              sizeof teasers / sizeof *teasers, "Next page\nPrivacy\nTerms\n");
    char *out = NULL;
    CHECK(typed(list, &out) == WINNOW_PAGE_LISTING);
    check_all_in(out, teasers, sizeof teasers / sizeof *teasers);
    CHECK(out && strstr(out, "Privacy") == NULL);
    free(out);
    free(list);
}

static int job_entry(char *out, size_t cap, size_t i, const char *t)
{
    return snprintf(out, cap, "%zu.\t\t%s\n%zu hours ago\n\n", i + 1, t, i + 2);
}

static int link_entry(char *out, size_t cap, size_t i, const char *t)
{
    return snprintf(out, cap, "%zu.\n%s\n%zu points by user%zu %zu minutes ago | hide | past | discuss\n\n",
                    i + 1, t, i + 3, i, i * 4 + 2);
}

/* A board of links: entries of a title and a line of points or an age, no teasers.
 * A sentence of introduction above the first is no article, and with no prose at all
 * the titles bound what is kept. */
static void test_title_entries_settle_listing(void)
{
    static const char *titles[] = {
        "Northwind Robotics (W21) is hiring engineers for its warehouse fleet",
        "A field guide to reading compiler output for performance work",
        "Show: a terminal spreadsheet that fits in one small binary",
        "Why the old mainframe batch jobs still run every bank in town",
        "Lessons from ten years of running a small open source mailing list",
        "The quiet comeback of paper maps among long distance cyclists",
        "How a city library digitised a century of local newspapers",
        "Measuring the carbon cost of a continuous integration pipeline",
    };
    size_t n = sizeof titles / sizeof *titles;
    char *jobs = entries_page("Board\tnew | past | ask | show | jobs\tlogin\n\n"
                              "These are jobs at startups from our programme. See more on the jobs page.\n\n",
                              job_entry, titles, n, "More\nGuidelines | FAQ | Lists | API\n");
    char *out = NULL;
    CHECK(typed(jobs, &out) == WINNOW_PAGE_LISTING);
    check_all_in(out, titles, n);
    free(out);
    free(jobs);

    char *links = entries_page("Board\tnew | past | comments | ask | show | jobs\tlogin\n\n", link_entry,
                               titles, n, "More\nGuidelines | FAQ | Lists | API | Contact\nSearch:\n");
    CHECK(typed(links, &out) == WINNOW_PAGE_LISTING);
    check_all_in(out, titles, n);
    CHECK(out && strstr(out, "Guidelines") == NULL && strstr(out, "login") == NULL);
    free(out);
    free(links);
}

/* A news list: each entry a title, its stamp, the teaser right under the stamp, a
 * "Comment" link; the second entry shown in full.  The words call it an article by a
 * few points, its full story the best run; the teasers under their stamps make it a
 * listing, read whole.  With each stamp over its title instead (a sidebar's dated
 * titles), the story stays an article. */
static const char *const news_teasers[] = {
    "The city council approved a plan on Monday to rebuild the old harbour bridge, which has been closed to lorries since the spring.",
    "A survey of two thousand households found that most of them now shop for groceries online at least once a month.",
    "The regional airport said passenger numbers rose by a fifth last year, helped by new routes to the south and the east.",
    "Farmers in the valley warned that the dry summer could cut the harvest of wheat and barley by as much as a third.",
    "The university opened a new laboratory for the study of batteries, funded by a grant from the national research council.",
    "Two of the largest banks in the country agreed to merge their branch networks in the smaller towns of the north.",
    "The museum of modern art will close for renovation in the autumn and reopen with a new wing for photography.",
    "A court ruled that the port must pay the fishermen who lost their moorings in the storm; I think it was right, said one.",
};
#define N_NEWS (sizeof news_teasers / sizeof *news_teasers)

static const char *const news_story[] = {
    "The new office in the harbour district becomes the firm's seventeenth worldwide and follows its expansion into two other cities earlier this year, the partners said on Tuesday.",
    "\"The city's role as a hub for trade offers connections, efficiency and access to people that make it an ideal place to serve our clients across the region,\" said one of the founding partners.",
    "Established in 2020 through a merger of two advisory firms, the company advises chief executives and investors on strategy, operations and the deals they are weighing.",
    "Other members of the senior team in the region include two partners who joined from rival firms last year and a director who leads the work on energy and utilities.",
    "In the coming months the firm plans to hire a dozen consultants locally and to open a second office in the capital, where it already counts several large clients.",
    "The move comes as demand for advice on digital projects grows in the region and as governments push large programmes to diversify their economies away from oil.",
};

static char *news_page(int stamp_first)
{
    buf b;
    wn_buf_init(&b, 0);
    const char *head = "Home\nAbout Us\nOur team\nContact Us\n\n";
    CHECK(wn_buf_append(&b, head, strlen(head)) == 0);
    for (size_t i = 0; i < N_NEWS; i++) {
        char e[400];
        int l = stamp_first ? snprintf(e, sizeof e, "November %zu, 2025\nHarbour item number %zu of the week\n%s\nComment\n\n",
                                       28 - i, i + 1, news_teasers[i])
                            : snprintf(e, sizeof e, "Harbour item number %zu of the week\nNovember %zu, 2025\n%s\nComment\n\n",
                                       i + 1, 28 - i, news_teasers[i]);
        CHECK(l > 0 && (size_t)l < sizeof e && wn_buf_append(&b, e, (size_t)l) == 0);
        for (size_t k = 0; i == 1 && k < 15; k++) {
            CHECK(wn_buf_append(&b, news_story[k % 6], strlen(news_story[k % 6])) == 0);
            CHECK(wn_buf_append(&b, "\n", 1) == 0);
        }
        if (i == 1) CHECK(wn_buf_append(&b, "\n", 1) == 0);
    }
    CHECK(wn_buf_append(&b, "Privacy\nTerms\n", 15) == 0);
    return b.data;
}

static void test_teasers_under_stamps_settle_listing(void)
{
    char *list = news_page(0), *out = NULL;
    CHECK(typed(list, &out) == WINNOW_PAGE_LISTING);
    check_all_in(out, news_teasers, N_NEWS);
    CHECK(out && strstr(out, news_story[0]) != NULL && strstr(out, "Our team") == NULL);
    free(out);
    free(list);

    char *titled = news_page(1);
    CHECK(typed(titled, &out) == WINNOW_PAGE_ARTICLE);
    CHECK(out && strstr(out, news_story[0]) != NULL && strstr(out, news_teasers[7]) == NULL);
    free(out);
    free(titled);
}

/* The headline the text path picks for text, or "(none)". */
static const char *headline_of(const char *text)
{
    static char got[256];
    char *title = NULL;
    char *out = extract(text, 0, &title);
    snprintf(got, sizeof got, "%s", title ? title : "(none)");
    free(title);
    free(out);
    return got;
}

/* The headline of a story: not the author's name over the date (a byline without
 * "By"), nor a subheading of a word or three nearer the body. */
static void test_headline_not_name_or_label(void)
{
    static const char *story =
        "Skip to content\nHOME\nMEAL PREP\nCOMPANY\nLOGIN\n\n"
        "Andrew King\nSeptember 4, 2025\n"
        "Top nutrition trends for fall and what fitness experts are eating now\n\n"
        "Overview\n\n"
        "Fall is not just pumpkin spice season; it is also a time when nutrition and wellness "
        "trends take a turn towards warm, hearty food that still fits a training plan.\n\n"
        "At our kitchen we keep a finger on the pulse of the nutrition world, so that you do "
        "not have to, and this season three trends stand out above all the others.\n\n"
        "The first is protein at breakfast, which coaches now ask of nearly every athlete "
        "they train, from sprinters to people who simply want to feel stronger.\n\n"
        "Privacy\nTerms\n";
    CHECK_STR(headline_of(story),
              "Top nutrition trends for fall and what fitness experts are eating now");
}

/* A post's stamp, a date with a clock time, is no headline: the question above it is. */
static void test_headline_not_time_stamp(void)
{
    static const char *thread =
        "Skip to content\nHOME\nFORUMS\nLOGIN\n\n"
        "Would you ever consider a career in childcare and why\n\n"
        "13 answers /\n\nLast post: 01/12/2025 at 6:49 pm\n\nMod Sharon\n"
        "28/11/2025 at 7:07 pm\n\n"
        "I have been thinking about a change of career for a while now, and working with "
        "young children keeps coming back to me as something I would enjoy doing.\n\n"
        "The pay is not great where I live, but the hours are regular and the work seems to "
        "matter, which is more than I can say about the office job I have now.\n\n"
        "Has anyone here made the same move, and would you do it again if you could?\n\n"
        "Privacy\nTerms\n";
    CHECK_STR(headline_of(thread), "Would you ever consider a career in childcare and why");
}

/* The output of rendered text read as the given type (forced). */
static char *as_type(const char *text, winnow_page_type type)
{
    winnow_options o;
    winnow_options_init(&o);
    o.type = WINNOW_TYPE_TEXT;
    o.no_title = 1;
    o.page_type = type;
    o.rules = rules;
    winnow_result r;
    CHECK(winnow_extract(text, strlen(text), &o, &r) == WINNOW_OK);
    char *out = strndup(r.text ? r.text : "", r.len);
    winnow_result_free(&r);
    return out;
}

/* A page read whole opens at its prose, not at a banner's short sentence above the
 * menu; a short sentence of the first entry under its stamp still opens it. */
static void test_whole_reading_opens_at_prose(void)
{
    static const char *doc_page =
        "A better way to browse. Learn more.\n\nGuides\nAPI reference\nReleases\nSign in\n\n"
        "Installing the tool\n\n"
        "The tool ships as a single binary for each platform, so installing it is a matter "
        "of downloading the file and putting it somewhere on your path.\n\n"
        "On systems with a package manager you can also install it from the official "
        "repository, which keeps it up to date with the rest of the system.\n\n"
        "Check the installation by asking the tool for its version: it prints its number, "
        "the date it was built and the features it was built with.\n\n"
        "Privacy\nTerms\n";
    char *out = as_type(doc_page, WINNOW_PAGE_DOCUMENTATION);
    CHECK(out && strstr(out, "single binary for each platform") != NULL);
    CHECK(out && strstr(out, "official repository") != NULL);
    CHECK(out && strstr(out, "A better way to browse") == NULL);
    CHECK(out && strstr(out, "Releases") == NULL);
    free(out);

    static const char *news_page =
        "Home\nNews\nGames\n\n"
        "October 5, 2018\nPosted by Vortex\nWhat is new in the September pack?\n\n"
        "New tasks for the game!\n\n"
        "The September pack brings forty new questions for your opponent, a set of tasks for "
        "two players and a timer that you can switch off for slower games at home.\n\n"
        "September 2, 2018\nPosted by Vortex\nThe August pack\n\n"
        "The August pack was about holidays, with questions about beaches, mountains and "
        "the long trips in the car that every family remembers from its summers.\n\n"
        "August 1, 2018\nPosted by Vortex\nThe July pack\n\n"
        "The July pack had questions about sport for the world cup, and a quick mode for "
        "playing on the train, where a round lasts only as long as two stations.\n\n"
        "Privacy\nTerms\n";
    out = as_type(news_page, WINNOW_PAGE_LISTING);
    CHECK(out && strstr(out, "New tasks for the game!") != NULL);
    CHECK(out && strstr(out, "October 5, 2018") != NULL);
    CHECK(out && strstr(out, "Games") == NULL);
    free(out);
}

static const char *story_paras[] = {
    "Choosing a desk starts with the room it will stand in: measure the wall, the window and the way the door opens, and leave at least a metre behind the chair so that you can push it back and stand up without hitting the shelf or the radiator behind you.",
    "Height matters more than most people think, since a desk that is a few centimetres too high tires the shoulders within an hour, and one that is too low makes you lean forward; an adjustable frame or legs that can be cut to length solve both problems for years.",
    "Solid wood tops age well and can be sanded and oiled again when they are scratched, while laminate tops are lighter, cheaper and easier to wipe clean, which makes them the better choice for a child's room or a desk that is also used for crafts and painting.",
    "Storage is the other half of a good desk: drawers keep the surface clear, an open shelf under the top holds the things you reach for every day, and a few hooks or a rail for cables stop the wires from tangling behind the legs and gathering dust on the floor.",
    "If you work standing for part of the day, choose an electric frame with a memory for two heights, check how much weight it lifts, and make sure the top is deep enough for a monitor arm, since the screen should sit an arm's length away from your eyes.",
    "Every desk in our range comes with assembly instructions, spare fittings and a ten year guarantee on the frame, and our staff in the stores will help you plan a whole workspace, from the chair and the lamp to the boxes that keep your papers in order.",
    "Delivery to your door takes three to five working days, and for a small fee our team carries the boxes to the room you choose, builds the desk there and takes the packaging away with them.",
};
#define N_STORY (sizeof story_paras / sizeof *story_paras)

/* A shop's collection of desks with a long buying guide under its grid is read as the
 * guide; with a short introduction only, its grid is what it shows. */
static void test_collection_story(void)
{
    for (size_t paras = 2; paras <= N_STORY; paras += N_STORY - 2) {
        buf b;
        wn_buf_init(&b, 0);
        const char *head = "Home\nFurniture\nOffice\nSign in\nCart\n\nDesks\n\n"
                           "Desks for every room, from compact corners to wide workbenches.\n\n";
        CHECK(wn_buf_append(&b, head, strlen(head)) == 0);
        for (int k = 0; k < 12; k++) {
            char item[96];
            int l = snprintf(item, sizeof item, "Oak desk model %c\n$%d.00\nAdd to cart\n\n", 'A' + k,
                             149 + 20 * k);
            CHECK(l > 0 && wn_buf_append(&b, item, (size_t)l) == 0);
        }
        for (size_t k = 0; k < paras; k++) {
            CHECK(wn_buf_append(&b, story_paras[k], strlen(story_paras[k])) == 0);
            CHECK(wn_buf_append(&b, "\n\n", 2) == 0);
        }
        CHECK(wn_buf_append(&b, "Privacy\nTerms\n", 15) == 0);
        char *out = as_type(b.data, WINNOW_PAGE_COLLECTION);
        int story = paras == N_STORY;
        for (size_t k = 0; out && k < paras; k++) CHECK(strstr(out, story_paras[k]) != NULL);
        CHECK(out && (strstr(out, "Oak desk model C") != NULL) == !story);
        free(out);
        wn_buf_free(&b);
    }
}

static const char *walk_paras[] = {
    "The first stop on the walk is the old mill by the river, where the wheel still turns in spring when the water is high and the miller's family sells flour from a small shop at the door.",
    "From the mill the path climbs through an oak wood to the chapel on the hill, a plain stone building with a bell that the village rings on Sundays and on the evening before every wedding.",
    "Behind the chapel a stile leads into the sheep fields, and on a clear day you can see the sea from the top of the second field, a thin grey line beyond the roofs of the market town.",
    "The descent follows a sunken lane between high hedges, muddy after rain, to the ford at the bottom, where a footbridge crosses the stream for those who would rather keep their boots dry.",
    "On the far bank the route turns along the old railway line, now a level track for walkers and cyclists, past the ruins of the station master's house and a row of railway cottages.",
    "Where the track meets the road, the pub by the green serves lunch until two, and its garden looks over the cricket pitch, where the village team plays on Saturday afternoons in summer.",
    "The last mile runs back along the river meadows to the mill, flat and easy walking, with herons in the shallows and, if you are lucky and quiet, a kingfisher on the branches over the water.",
    "The whole walk is about seven miles and takes most people three to four hours with a stop for lunch, and good boots are worth wearing at any time of year because of the lane and the ford.",
};

/* A story told in stages, each a paragraph under its own card of short lines: its
 * best run is one stage, a small share of what the page holds, so it is read whole. */
static int stage_entry(char *out, size_t cap, size_t i, const char *t)
{
    return snprintf(out, cap, "Stage %zu\nDistance\n%zu miles\nClimb\n%zu m\nTerrain\nPath\nMap\n"
                              "Photos\nSave\n\n%s\n\n", i + 1, i + 1, 20 * i + 10, t);
}

static void test_spread_article_read_whole(void)
{
    size_t n = sizeof walk_paras / sizeof *walk_paras;
    char *text = entries_page("Home\nNews\nMaps\nShop\nSign in\n\nThe mill and chapel circular walk\n\n"
                              "By Jane Doe\nNovember 19, 2019\n\n", stage_entry, walk_paras, n,
                              "Privacy\nTerms\n");
    char *out = NULL;
    CHECK(typed(text, &out) == WINNOW_PAGE_ARTICLE);
    check_all_in(out, walk_paras, n);
    CHECK(out && strstr(out, "Sign in") == NULL && strstr(out, "Privacy") == NULL);
    free(out);
    free(text);
}

/* A service page read whole: a banner's line, then the site's menu, the offer's sections,
 * a footer's column of links and the company's blurb.  The menu and the footer (six
 * short lines or more, with little of the prose beyond them) bound the body; a list
 * of short lines between the sections is the offer's own. */
static void test_whole_reading_bounded_by_menus(void)
{
    static const char *service_page =
        "New: the spring release brings holiday pay to every plan.\n\n"
        "Products\nSolutions\nPricing\nCustomers\nResources\nPartners\nCompany\nSign in\n\n"
        "Payroll for small teams\n\n"
        "Run payroll in minutes: we file the taxes, pay your people on time and keep every "
        "record you need for the end of the year, whatever the size of your team.\n\n"
        "Every plan includes direct deposit, tax filing in all fifty states, and a place where "
        "your people see their pay slips and change their own bank details.\n\n"
        "What every plan includes\n"
        "Direct deposit\nTax filing\nPay slips\nTime off\nBenefits\nReports\nSupport\n\n"
        "Teams that move to us from spreadsheets save about four hours of work every month, "
        "and they make fewer mistakes because the numbers are checked before each run.\n\n"
        "Our support team answers by phone and chat on working days, and the help centre "
        "holds a guide for each task, from the first payroll to the last one of the year.\n\n"
        "Product\nPayroll\nBenefits\nTime tracking\nHiring\nIntegrations\nSecurity\n\n"
        "At Acme we believe every team deserves simple payroll.\n\n"
        "Privacy\nTerms\n";
    char *out = as_type(service_page, WINNOW_PAGE_SERVICE);
    CHECK(out && strstr(out, "Run payroll in minutes") != NULL);
    CHECK(out && strstr(out, "the last one of the year") != NULL);
    CHECK(out && strstr(out, "Direct deposit") != NULL && strstr(out, "Reports") != NULL);
    CHECK(out && strstr(out, "spring release") == NULL && strstr(out, "Solutions") == NULL);
    CHECK(out && strstr(out, "Time tracking") == NULL && strstr(out, "At Acme") == NULL);
    free(out);
}

/* A page of sections read whole drops a menu of INNER_MENU_LINES short lines or more in
 * one stanza inside its span, counting the items a rule dropped ("Careers", "Help");
 * a list of fewer lines stays. */
static void test_whole_reading_drops_inner_menu(void)
{
    static const char *service_page =
        "Free delivery on orders over fifty pounds.\n\n"
        "Shop\nFlour\nNuts\nSeeds\nGrains\nPasta\nRice\nTea\nCoffee\nSnacks\nSpices\n"
        "Honey\nOils\nDried fruit\nChocolate\nSauces\nBeans\nSoups\nCereal\nSugar\n\n"
        "Bread baking classes\n\n"
        "Our baking classes teach you to make a loaf from flour, water and salt: you knead, "
        "shape and bake your own bread in a morning, with a baker at your side all along.\n\n"
        "Each class holds eight people, so that the baker has time for every question, and "
        "you take home your bread, a jar of starter and the recipes of the day.\n\n"
        "What you bake\nWhite loaf\nRye bread\nFocaccia\nBagels\nBrioche\n\n"
        "Classes run on Saturdays and Sundays from nine to one, and gift vouchers are valid "
        "for a year from the day you buy them, for any class you like.\n\n"
        "About us\nOur story\nCareers\nPress\nStores\nContact\nHelp\nDelivery\nReturns\n"
        "Gift cards\n\n"
        "We answer every message within a working day, by phone, mail or chat, and most of "
        "our customers hear from us within the hour.\n\n"
        "Privacy\nTerms\n";
    char *out = as_type(service_page, WINNOW_PAGE_SERVICE);
    CHECK(out && strstr(out, "Our baking classes") != NULL);
    CHECK(out && strstr(out, "We answer every message") != NULL);
    CHECK(out && strstr(out, "Focaccia") != NULL && strstr(out, "Brioche") != NULL);
    CHECK(out && strstr(out, "Careers") == NULL && strstr(out, "Gift cards") == NULL);
    CHECK(out && strstr(out, "Free delivery") == NULL && strstr(out, "Spices") == NULL);
    free(out);
}

/* A forum read whole drops the short lines of a stanza of POST_STANZA_LINES lines or
 * more, half of them short or a rule's chrome ("Posts: 1,204") -- a post's furniture
 * packed against its text -- and keeps the stanza's sentences, a line of eight words
 * or more, and short lines spaced apart. */
static void test_forum_drops_post_furniture(void)
{
    static const char *thread =
        "Which bench vise should a beginner buy for a small garage shop?\n\n"
        "rook\nSenior member\nGarage tinkerer\nPosts: 1,204\nJoined: March 2019\n"
        "I bought a cast iron vise with four inch jaws last year, and it has held every "
        "piece of oak and steel I clamped in it since then without any play at all.\n"
        "Thanks, that helped a lot.\n"
        "Bolt it to the bench near a leg, where the top flexes least under a hammer.\n\n"
        "Second hand vises from estate sales work just as well as new ones, and they cost "
        "a third of the price if you look for them over a few weekends in the spring.\n\n"
        "Jaw width\n\nFour inches\n\n"
        "A cheap vise cracks at the slide, so check the casting before you pay for one.\n";
    char *out = as_type(thread, WINNOW_PAGE_FORUM);
    CHECK(out && strstr(out, "I bought a cast iron vise") != NULL);
    CHECK(out && strstr(out, "Thanks, that helped") != NULL);
    CHECK(out && strstr(out, "Bolt it to the bench near a leg") != NULL);
    CHECK(out && strstr(out, "Second hand vises") != NULL);
    CHECK(out && strstr(out, "Jaw width") != NULL && strstr(out, "Four inches") != NULL);
    CHECK(out && strstr(out, "Senior member") == NULL && strstr(out, "Garage tinkerer") == NULL);
    CHECK(out && strstr(out, "Posts: 1,204") == NULL);
    free(out);
}

/* A shop's category menu of two hundred lines under a banner holds most of the page's
 * words; they do not count against the prose's share of the body, so the menu bounds
 * its head and the banner above it goes with it. */
static void test_whole_reading_long_menu_bounds_head(void)
{
    buf b;
    wn_buf_init(&b, 0);
    wn_buf_puts(&b, "Free delivery on every order over fifty pounds.\n\n");
    for (int i = 0; i < 200; i++) {
        char line[32];
        snprintf(line, sizeof line, "Category %c%c\n", 'A' + i / 26, 'a' + i % 26);
        wn_buf_puts(&b, line);
    }
    wn_buf_puts(&b,
        "\nOrganic sunflower seeds\n\n"
        "Our sunflower seeds come from organic farms in the south of Europe, hulled and "
        "packed in paper bags that you can put in the compost once they are empty.\n\n"
        "Add them to bread, salads and muesli, or roast them in a dry pan for a few minutes "
        "and eat them as a snack: they keep for a year in a cool and dry place.\n\n"
        "A handful of seeds gives you protein, fibre and vitamin E, and the oil in them is "
        "mostly the kind of fat that doctors advise us to eat instead of butter.\n\n"
        "Each bag holds half a kilo, enough for a loaf a week for two months, and we send "
        "it on the day you order when the order reaches us before noon.\n");
    wn_buf_putc(&b, '\0');
    char *out = as_type(b.data, WINNOW_PAGE_SERVICE);
    CHECK(out && strstr(out, "Our sunflower seeds") != NULL && strstr(out, "as a snack") != NULL);
    CHECK(out && strstr(out, "Free delivery") == NULL && strstr(out, "Category Ah") == NULL);
    free(out);
    wn_buf_free(&b);
}

/* A thread read whole, then "Similar threads" and other threads' openings: the marker
 * ends the body, with less than the thread's prose below it. */
static void test_whole_reading_ends_at_marker(void)
{
    static const char *thread =
        "Forums\nWorkshop\nNew posts\n\nHow did you get into woodworking?\n\n"
        "oakleaf\nFeb 24, 2006\n"
        "I am curious how people here got started, whether it was a class, a relative or a "
        "piece of furniture they could not afford to buy.\n\n"
        "cheatah\nFeb 24, 2006\n"
        "My wife and I had a cabinet built for the living room, and I was so taken with it "
        "that I bought a saw and made the shelf next to it myself.\n\n"
        "jec\nFeb 25, 2006\n"
        "My grandfather was a finish carpenter, and I spent my summers sweeping his shop and "
        "learning to sharpen his chisels before I was allowed to use them.\n\n"
        "Similar threads\n\n"
        "Which bench vise should a beginner buy for a small garage shop?\nStarted by rook\n"
        "Replies: 12\n\n"
        "Is a table saw worth the space when a track saw does most of the work?\nStarted by wren\n"
        "Replies: 30\n\n"
        "Privacy\nTerms\n";
    char *out = as_type(thread, WINNOW_PAGE_FORUM);
    CHECK(out && strstr(out, "could not afford to buy") != NULL);
    CHECK(out && strstr(out, "sharpen his chisels") != NULL);
    CHECK(out && strstr(out, "bench vise") == NULL && strstr(out, "track saw") == NULL);
    free(out);
}

/* A short wire story, then "Most read" and a page of teasers, each a photo's short
 * caption over its headline: the story is a small share of the words the page holds,
 * but its run ends at the marker heading the teasers, so only the story is read. */
static void test_spread_stops_at_marker(void)
{
    static const char *story[] = {
        "BERLIN -- The space agency says putting astronauts into a deep sleep could make it easier to reach other planets.",
        "Its researchers examined how hibernation would change the design of a crewed mission to Mars and found a smaller ship would do.",
        "Slowing a human's metabolism the way animals do is not possible yet, the head of the research team says.",
    };
    size_t n = sizeof story / sizeof *story;
    buf b;
    wn_buf_init(&b, 0);
    const char *head = "Home\nNews\nWorld\nSci-Tech\nSign in\n\nSleep study for astronauts\n\n"
                       "The Associated Press\nNovember 18, 2019\n\n";
    CHECK(wn_buf_append(&b, head, strlen(head)) == 0);
    for (size_t i = 0; i < n; i++)
        CHECK(wn_buf_append(&b, story[i], strlen(story[i])) == 0 && wn_buf_append(&b, "\n\n", 2) == 0);
    const char *marker = "Most read\n\n", *foot = "Privacy\nTerms\n";
    CHECK(wn_buf_append(&b, marker, strlen(marker)) == 0);
    for (size_t i = 0; i < 24; i++) {
        char e[200];
        int l = snprintf(e, sizeof e, "Crews clear roads after storm %zu.\n"
                                      "Council weighs a new plan for the old bridge, part %zu\n\n", i + 1, i + 1);
        CHECK(l > 0 && (size_t)l < sizeof e && wn_buf_append(&b, e, (size_t)l) == 0);
    }
    CHECK(wn_buf_append(&b, foot, strlen(foot) + 1) == 0); /* with its NUL: b.data is a string */
    char *out = NULL;
    CHECK(typed(b.data, &out) == WINNOW_PAGE_ARTICLE);
    check_all_in(out, story, n);
    CHECK(out && strstr(out, "storm") == NULL && strstr(out, "bridge") == NULL);
    free(out);
    wn_buf_free(&b);
}

static const char *desk_paras[] = {
    "This oak desk is made from solid European oak with a hard wax oil finish that brings out the grain and protects the top from water rings and everyday scratches.",
    "The frame is powder coated steel in black or white, with adjustable feet that keep the desk level on old wooden floors and uneven tiles alike.",
    "Two shallow drawers under the top slide on soft close runners and hold pens, notebooks and cables, while keeping the front of the desk clean and simple.",
    "Each desk is built to order in our workshop and delivered flat packed with all fittings, a hex key and clear instructions; assembly takes about thirty minutes.",
    "The top is one hundred and twenty centimetres wide and sixty deep, large enough for a laptop, a monitor and a lamp, and it stands seventy four centimetres high.",
    "Care is simple: wipe with a damp cloth, avoid harsh cleaners, and refresh the oil once a year to keep the surface smooth and the colour warm for decades.",
};

/* A product whose description comes in short paragraphs under cards of labels: its
 * best run is one paragraph, so it is read whole, as the article above. */
static int feature_entry(char *out, size_t cap, size_t i, const char *t)
{
    return snprintf(out, cap, "Feature %zu\nDetails\nSize\nWeight\n%zu kg\nShipping\nReturns\nShare\n\n"
                              "%s\n\n", i + 1, 10 + i, t);
}

static void test_spread_product_read_whole(void)
{
    size_t n = sizeof desk_paras / sizeof *desk_paras;
    char *text = entries_page("Home\nShop\nDesks\nSign in\nCart (0)\n\nOak writing desk\n$449.00\n"
                              "In stock\nQuantity\n1\nAdd to cart\nAdd to wishlist\nSKU: OWD-120\n"
                              "Free shipping on orders over $200\n\n", feature_entry, desk_paras, n,
                              "Privacy\nTerms\n");
    char *out = NULL;
    CHECK(typed(text, &out) == WINNOW_PAGE_PRODUCT);
    check_all_in(out, desk_paras, n);
    CHECK(out && strstr(out, "Privacy") == NULL);
    free(out);
    free(text);
}

/* A service page read whole opens on its hero: the heading and tagline over the first
 * paragraph are its own; the menu above them, and menu items run together on one line
 * ("Book a demoSign upLog in"), are not. */
static void test_whole_reading_keeps_hero(void)
{
    static const char *body =
        "Run payroll in minutes: we file the taxes, pay your people on time and keep every "
        "record you need for the end of the year, whatever the size of your team.\n\n"
        "Every plan includes direct deposit, tax filing in all fifty states, and a place "
        "where your people see their pay slips and change their own bank details.\n\n"
        "Teams that move to us from spreadsheets save about four hours of work every month, "
        "and they make fewer mistakes because the numbers are checked before each run.\n\n"
        "Privacy\nTerms\n";
    static const char *heads[] = {
        "Products\nSolutions\nPricing\nCustomers\nResources\nPartners\nCompany\nSign in\n\n",
        "Products\nSolutions\nPricing\nCustomers\nResources\nPartners\nCompany\n\n"
        "Book a demoSign upLog inContact sales\n",
    };
    for (size_t k = 0; k < 2; k++) {
        buf b;
        wn_buf_init(&b, 0);
        const char *hero = "Payroll for small teams\n\nPay your people on time, every time\n\n";
        CHECK(wn_buf_append(&b, heads[k], strlen(heads[k])) == 0);
        CHECK(wn_buf_append(&b, hero, strlen(hero)) == 0);
        CHECK(wn_buf_append(&b, body, strlen(body)) == 0);
        char *out = as_type(b.data, WINNOW_PAGE_SERVICE);
        CHECK(out && strstr(out, "Payroll for small teams\n\nRun payroll") != NULL);
        CHECK(out && strstr(out, "Company") == NULL && strstr(out, "Sign up") == NULL);
        free(out);
        wn_buf_free(&b);
    }
}

static const char *plan_paras[] = {
    "Bookkeeping covers every account each month, reconciled against the bank, with a plain report of where the money went so that tax time holds no surprise.",
    "Payroll is run on time, taxes are filed and the year-end forms are sent, whether the business employs two people or two hundred of them.",
    "Advisers meet each client every quarter to plan cash, hiring and taxes, and they answer questions by phone or mail within a working day.",
    "Letters from the tax office are answered on the client's behalf, and every record is kept for seven years along with the calls and forms that follow.",
    "Invoices are sent and chased for each client, and late payers get a polite reminder a week after the due date and a call a week after that.",
    "Annual accounts are prepared and filed before the deadline, with a meeting to go through the figures and the plans for the coming year.",
    "Moving from another provider takes a week: past records are brought over, accounts are set up and the first month is run step by step.",
};

/* A service's plans, each a card of short lines over a paragraph, above a paragraph of
 * the firm's history: the page leans to service by less than the margin that reads it
 * whole, and its best run (the last plan and the history) is under a third of its
 * words, so it is read whole all the same. */
static int plan_entry(char *out, size_t cap, size_t i, const char *t)
{
    return snprintf(out, cap, "Plan %zu\nStarter\n$%zu/mo\nBilled monthly\nSave 16%%\nGet started\n"
                              "What's included\nBookkeeping\nPayroll\nSupport\n\n%s\n\n",
                    i + 1, 29 + 20 * i, t);
}

static void test_spread_service_read_whole(void)
{
    size_t n = sizeof plan_paras / sizeof *plan_paras;
    char *text = entries_page(
        "Home\nServices\nPricing\nAbout us\nContact\nSign in\n\nAccounting for small business\n\n",
        plan_entry, plan_paras, n,
        "The accounting firm was founded in 1998 by two partners who had worked for the large "
        "audit houses in the city and wanted to serve the owners of small shops, workshops and "
        "practices, who until then had kept their books in shoeboxes and paid dearly for the "
        "mistakes that followed.\n\nPrivacy\nTerms\n");
    char *out = NULL;
    CHECK(typed(text, &out) == WINNOW_PAGE_SERVICE);
    check_all_in(out, plan_paras, n);
    CHECK(out && strstr(out, "founded in 1998") != NULL);
    CHECK(out && strstr(out, "Sign in") == NULL && strstr(out, "Privacy") == NULL);
    free(out);
    free(text);
}

int main(void)
{
    char err[256];
    rules = winnow_rules_new();
    CHECK(winnow_rules_add_default(rules, err, sizeof err) == 0);
    test_synthetic_page();
    test_headline_not_name_or_label();
    test_headline_not_time_stamp();
    test_menu_comments_link_does_not_cut();
    test_explain_reasons();
    test_empty_and_tiny();
    test_cjk_prose();
    test_comment_header_before_longer_thread();
    test_keep_rule_far_from_article();
    test_hard_cut_is_rule_data();
    test_post_rhythm_settles_forum();
    test_long_question_thread();
    test_numbered_posts_settle_forum();
    test_whole_thread_rules_everywhere();
    test_whole_reading_ends_before_gap();
    test_entry_rhythm_settles_listing();
    test_spread_prose_settles_listing();
    test_title_entries_settle_listing();
    test_teasers_under_stamps_settle_listing();
    test_whole_reading_opens_at_prose();
    test_whole_reading_bounded_by_menus();
    test_whole_reading_drops_inner_menu();
    test_forum_drops_post_furniture();
    test_whole_reading_long_menu_bounds_head();
    test_whole_reading_ends_at_marker();
    test_collection_story();
    test_spread_article_read_whole();
    test_spread_stops_at_marker();
    test_spread_product_read_whole();
    test_whole_reading_keeps_hero();
    test_spread_service_read_whole();
    winnow_rules_free(rules);
    return check_done();
}
