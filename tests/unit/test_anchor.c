/* test_anchor.c -- the declared description as the anchor of a thin article
 * (html_anchor.c, wn_hanchor_find): an image post whose one line the scorer passed over
 * for a bio in the sidebar; not when the scorer's container holds a story, not for a
 * description too short to tell, not for one the page does not show. */
#include <stdio.h>
#include <string.h>
#include "check.h"
#include "html/html_dom.h"
#include "winnow/winnow.h"

static winnow_rules *rules;

/* The id of the container wn_hanchor_find gives on html when the scorer's container is
 * the element of id top, "" for none, "?" when the page could not be read. */
static const char *anchor_id(const char *html, const char *top, const char *description,
                             char *id, size_t cap)
{
    rule_matcher *m = wn_rules_matcher_new(rules);
    hdom h;
    char err[256];
    snprintf(id, cap, "?");
    if (m && wn_hdom_build(&h, html, strlen(html), m, NULL, err, sizeof err) == 0) {
        wn_hscore_select(&h);
        for (int i = 0; i < h.n; i++) {
            const char *v = wn_hdom_attr(h.node[i], "id");
            if (v && strcmp(v, top) == 0) h.top = i;
        }
        int a = wn_hanchor_find(&h, description);
        const char *v = a > 0 ? wn_hdom_attr(h.node[a], "id") : NULL;
        snprintf(id, cap, "%s", a > 0 ? (v ? v : "(no id)") : "");
        wn_hdom_free(&h);
    }
    wn_rules_matcher_free(m);
    return id;
}

static const char *BIO =
    "<div id=col2><div id=box><p>I live. I learn. I teach. And, 140 characters on "
    "Twitter is limiting. Here I share the creativity of others.</p><p>Teacher, maker, "
    "father, runner; writing since 2009.</p></div></div>";

static const char *DESC = "via fubiz.net Repurposing food as art is wonderfully creative.";

static void image_post(char *page, size_t cap, const char *story)
{
    snprintf(page, cap,
             "<html><body><div id=outer>%s<div id=entries><div id=post><h2>Food "
             "sculptures</h2><div id=postbody><div>via <a href=/f>fubiz.net</a></div>"
             "<p>Repurposing food as art is wonderfully creative.</p></div></div>%s</div>"
             "</div></body></html>", BIO, story);
}

static void test_image_post(void)
{
    char page[4096], id[64];
    image_post(page, sizeof page, "");
    CHECK(strcmp(anchor_id(page, "box", DESC, id, sizeof id), "postbody") == 0);
}

/* A description of five words says too little; one the page never shows anchors
 * nothing; no description, nothing. */
static void test_short_or_absent(void)
{
    char page[4096], id[64];
    image_post(page, sizeof page, "");
    CHECK(strcmp(anchor_id(page, "box", "Repurposing food as art", id, sizeof id), "") == 0);
    CHECK(strcmp(anchor_id(page, "box", "A blog about the creative reuse of everyday things, "
                                 "from kitchens to studios", id, sizeof id), "") == 0);
    CHECK(strcmp(anchor_id(page, "box", NULL, id, sizeof id), "") == 0);
}

/* A container that holds a story is the article, whatever the description says. */
static void test_story_stays(void)
{
    char page[8192], id[64], story[4096];
    int n = snprintf(story, sizeof story, "<div id=story>");
    for (int k = 0; k < 4; k++)
        n += snprintf(story + n, sizeof story - (size_t)n,
                      "<p>The council voted on Tuesday to expand the bus network, adding "
                      "three routes that link the suburbs with the hospital (%d).</p>", k);
    snprintf(story + n, sizeof story - (size_t)n, "</div>");
    image_post(page, sizeof page, story);
    CHECK(strcmp(anchor_id(page, "story", DESC, id, sizeof id), "") == 0);
}

int main(void)
{
    winnow_global_init();
    rules = winnow_rules_new();
    char err[256];
    CHECK(winnow_rules_add_default(rules, err, sizeof err) == 0);
    test_image_post();
    test_short_or_absent();
    test_story_stays();
    winnow_rules_free(rules);
    return check_done();
}
