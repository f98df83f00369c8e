/* html_classify.c -- the second look, block by block, inside the chosen article: a block
 * that is mostly link text is navigation; the text rules (shared with the text path)
 * drop credits, teasers and notices and may cut the tail (comments, related); the
 * headline repeated at the top is dropped because it is printed as the title.  What
 * is left is kept. */
#include <string.h>
#include "html_dom.h"

#define LINK_DROP 0.5  /* share of link text above which a block is navigation */

static int same_text(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

void hclass_decide(hdom *h, rule_matcher *m, doc *d)
{
    (void)h;
    size_t first = d->n;
    for (size_t i = 0; i < d->n; i++) {
        block *b = &d->blocks[i];
        if (b->dec != DEC_NONE) continue;
        if (first == d->n) first = i;
        double ld = b->len ? (double)b->link_len / b->len : 0;
        if (ld > LINK_DROP && b->kind != BK_PRE) {
            b->dec = DEC_DROP;
            b->reason = "link-heavy";
            b->score = ld;
        }
    }
    rules_apply_doc(m, d);
    int seen_heading = 0;
    for (size_t i = first; i < d->n; i++) {
        block *b = &d->blocks[i];
        if (b->dec != DEC_NONE) continue;
        if (!seen_heading && b->kind == BK_HEADING && same_text(b->text, d->title)) {
            b->dec = DEC_DROP;
            b->reason = "headline";
            seen_heading = 1;
            continue;
        }
        b->dec = DEC_KEEP;
        b->reason = "article";
    }
    rules_cut(d, first, d->n);
}
