/* test_pruned_top.c -- wn_hdom_pruned_top: the outermost element of a part an
 * attribute rule of a category pruned, as the comment reader, the thin-forum check
 * and the shelf of entries find it; not what is inside it, not another category's. */
#include <string.h>
#include "check.h"
#include "html/html_dom.h"
#include "winnow/winnow.h"

static const char *PAGE =
    "<html><body><article><h1>Buses</h1>"
    "<p>The council voted on Tuesday to expand the bus network, adding three routes that "
    "will link the northern suburbs with the hospital, the university and the station.</p>"
    "<p>The council voted on Tuesday to expand the bus network, adding three routes that "
    "will link the northern suburbs with the hospital, the university and the station.</p>"
    "</article><div class=comments><div class=comment-list><p>Great news for us.</p>"
    "</div></div></body></html>";

/* Index of the first element whose class is cls, -1 if none. */
static int by_class(const hdom *h, const char *cls)
{
    for (int i = 0; i < h->n; i++) {
        const char *c = wn_hdom_attr(h->node[i], "class");
        if (c && strcmp(c, cls) == 0) return i;
    }
    return -1;
}

int main(void)
{
    winnow_global_init();
    winnow_rules *rules = winnow_rules_new();
    char err[256];
    CHECK(winnow_rules_add_default(rules, err, sizeof err) == 0);
    rule_matcher *m = wn_rules_matcher_new(rules);
    hdom h;
    int built = m && wn_hdom_build(&h, PAGE, strlen(PAGE), m, NULL, err, sizeof err) == 0;
    CHECK(built);
    int top = -1, inner = -1;
    if (built) {
        top = by_class(&h, "comments");
        inner = by_class(&h, "comment-list");
    }
    CHECK(top > 0 && inner > top);
    if (top > 0 && inner > top) {
        CHECK(wn_hdom_pruned_top(&h, top, "comments"));
        CHECK(!wn_hdom_pruned_top(&h, top, "engagement")); /* another category */
        CHECK(!wn_hdom_pruned_top(&h, inner, "comments"));  /* inside the part */
        int found = 0;
        for (int i = 0; i < h.n; i++) found += wn_hdom_pruned_top(&h, i, "comments");
        CHECK(found == 1);
    }
    if (built) wn_hdom_free(&h);
    wn_rules_matcher_free(m);
    winnow_rules_free(rules);
    return check_done();
}
