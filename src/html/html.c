/* html.c -- the HTML path: parse and prune (html_dom.c), pick the article container
 * (html_score.c), find the headline (html_title.c), turn the tree into blocks
 * (html_blocks.c) and decide them (html_classify.c). */
#include "html/html_dom.h"

int html_extract(const char *s, size_t len, rule_matcher *m, doc *d, char *err, size_t errlen)
{
    hdom h;
    int rc = hdom_build(&h, s, len, m, err, errlen);
    d->cut = h.cut;
    if (rc == 0 && h.n) {
        hscore_select(&h);
        htitle_find(&h, d);
        rc = hblocks_emit(&h, m, d);
        if (rc == 0) hclass_decide(&h, m, d);
    }
    hdom_free(&h);
    return rc != 0 || d->failed ? -1 : 0;
}
