/* html.c -- the HTML path: parse and prune (html_dom.c), pick the article container
 * (html_score.c), find the headline (html_title.c) and the declared metadata
 * (html_meta.c), turn the tree into blocks (html_blocks.c), tell the kind of page
 * (html_pagetype.c) and decide the blocks (html_classify.c block by block,
 * html_groups.c lists as a whole). */
#include <string.h>
#include "html/html_dom.h"

#define SPARE_MARGIN 6 /* the margin of the page type (as for the policy in
                          html_classify.c) before its rules are relaxed */

/* The page type, detected unless the caller forces one. */
static int decide_type(const hdom *h, const winnow_options *opt, doc *d)
{
    if (wn_pt_forced(opt, d)) return 0;
    pt_signals sig;
    int rc = wn_hpagetype_signals(h, d, opt->url, &sig);
    wn_pt_assign(&sig, 1, opt, d);
    return rc;
}

/* Rules written for articles prune what some kinds of page are made of: a forum's posts
 * are "comments", "replies" and carry itemprop=author.  When the page type is clear,
 * nodes pruned by those rule categories (sections of attributes.rules) are read again,
 * and the page is scored and cut into blocks anew.  Forum word F1 on wcxb-dev-other
 * .539 -> .670; listings, collections and services gained under .01 and cost
 * Scrapinghub articles .0006, so they keep the rules. */
static const char *const *spared_categories(const doc *d)
{
    static const char *const talk[] = {"comments", "engagement", "metadata", NULL};
    if (d->page_type_margin < SPARE_MARGIN) return NULL;
    switch (d->page_type) {
    case WINNOW_PAGE_FORUM:
        return talk;
    default:
        return NULL;
    }
}

static int reread(hdom *h, const winnow_options *opt, doc *d)
{
    const char *const *cats = spared_categories(d);
    if (!cats || wn_hdom_spare(h, cats) == 0) return 0;
    d->n = 0; /* the blocks of the first reading; their text stays in the arena */
    wn_hscore_select(h);
    return wn_hblocks_emit(h, opt, d);
}

/* A product page whose visible description is empty (drawn by a script) still
 * declares one -- JSON-LD Product, og:description: it stands in, after what was kept. */
#define THIN_PRODUCT_WORDS 30
static void declared_description(doc *d)
{
    if (d->page_type != WINNOW_PAGE_PRODUCT || !d->meta.description) return;
    size_t words = 0;
    for (size_t i = 0; i < d->n && words < THIN_PRODUCT_WORDS; i++) {
        const block *b = &d->blocks[i];
        if (b->dec != DEC_KEEP) continue;
        for (size_t k = 0; k < b->len; k++)
            if (b->text[k] == ' ' && k + 1 < b->len && b->text[k + 1] != ' ') words++;
        words++;
    }
    if (words >= THIN_PRODUCT_WORDS) return;
    block *b = wn_doc_add(d, BK_PARA, d->meta.description, strlen(d->meta.description));
    if (!b) return;
    b->dec = DEC_KEEP;
    b->why = WHY_DECLARED;
}

int wn_html_extract(const char *s, size_t len, rule_matcher *m, const winnow_options *opt,
                    doc *d, char *err, size_t errlen)
{
    hdom h;
    int rc = wn_hdom_build(&h, s, len, m, &d->deadline, err, errlen);
    d->cut = h.cut;
    /* Out of time after the parse: the caller reports it; the rest is skipped. */
    if (rc == 0 && h.n && !wn_deadline_check(&d->deadline)) {
        wn_hscore_select(&h);
        wn_htitle_find(&h, d);
        wn_hmeta_find(&h, d);
        rc = wn_hblocks_emit(&h, opt, d);
        if (rc == 0) rc = decide_type(&h, opt, d);
        if (rc == 0) rc = reread(&h, opt, d);
        if (rc == 0) {
            wn_hclass_decide(&h, m, d);
            wn_hgroups_decide(&h, m, d);
            declared_description(d);
            /* Comment sections pruned by class are read only when asked for: their
             * blocks follow the page's and change none of its decisions. */
            if (opt->comments) rc = wn_hblocks_emit_comments(&h, m, d);
        }
    }
    wn_hdom_free(&h);
    return rc != 0 || d->failed ? -1 : 0;
}
