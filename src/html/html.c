/* html.c -- the HTML path: parse and prune (html_dom.c), pick the article container
 * (html_score.c), find the headline (html_title.c), turn the tree into blocks
 * (html_blocks.c) and decide them (html_classify.c). */
#include "html/html_dom.h"

int wn_html_extract(const char *s, size_t len, rule_matcher *m, doc *d, char *err, size_t errlen)
{
    hdom h;
    int rc = wn_hdom_build(&h, s, len, m, &d->deadline, err, errlen);
    d->cut = h.cut;
    /* Out of time after the parse: the caller reports it; the rest is skipped. */
    if (rc == 0 && h.n && !wn_deadline_check(&d->deadline)) {
        wn_hscore_select(&h);
        wn_htitle_find(&h, d);
        wn_hmeta_find(&h, d);
        rc = wn_hblocks_emit(&h, m, d);
        if (rc == 0) wn_hclass_decide(&h, m, d);
    }
    wn_hdom_free(&h);
    return rc != 0 || d->failed ? -1 : 0;
}
