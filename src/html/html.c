/* html.c -- the HTML path: parse and prune (html_dom.c), pick the article container
 * (html_score.c), find the headline (html_title.c) and the declared metadata
 * (html_meta.c), turn the tree into blocks (html_blocks.c), tell the kind of page
 * (html_pagetype.c) and decide the blocks (html_classify.c block by block,
 * html_groups.c lists as a whole). */
#include <string.h>
#include <strings.h>
#include "article/article.h"
#include "html/html_dom.h"

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
 * nodes pruned by those rule categories (sections of attributes.rules) are read again
 * (article/reading.c says when),
 * and the page is scored and cut into blocks anew.  Forum word F1 on wcxb-dev-other
 * .539 -> .670; listings, collections and services gained under .01 and cost
 * Scrapinghub articles .0006, so they keep the rules. */
static const char *const *spared_categories(const doc *d)
{
    static const char *const talk[] = {"comments", "engagement", "metadata", NULL};
    return wn_article_reading(d, 0).spare_talk ? talk : NULL;
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

/* Password fields anywhere on the page (form controls are not indexed: they are the
 * children of indexed elements), pruned parts included: a sign-in form is often in a
 * part the rules prune. */
static int password_fields(const hdom *h)
{
    int n = 0;
    for (int i = 0; i < h->n; i++)
        for (const xmlNode *c = h->node[i]->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE || hdom_idx(c) >= 0) continue;
            if (strcmp((const char *)c->name, "input") != 0) continue;
            const char *type = wn_hdom_attr(c, "type");
            if (type && strcasecmp(type, "password") == 0) n++;
        }
    return n;
}

/* What the page holds as a whole, pruned parts included (for the no-content verdict):
 * all its text, the text in links (menus), its prose -- runs of PROSE_RUN bytes or
 * more straight inside one element (a <p>, or a <div> of text and <br>s) -- and its
 * password fields.  One pass over the elements. */
#define PROSE_RUN 80
static void measure_whole(const hdom *h, page_whole *w)
{
    memset(w, 0, sizeof *w);
    w->measured = 1;
    w->password_fields = password_fields(h);
    w->text = h->n ? h->raw[0] : 0;
    for (int i = 0; i < h->n; i++) {
        if (h->own[i] >= PROSE_RUN) w->prose += h->own[i];
        if (h->flags[i] & NF_LINK) w->links += h->own[i];
    }
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
        wn_hmeta_find(&h, d, opt->fetch_date);
        rc = wn_hblocks_emit(&h, opt, d);
        if (rc == 0) rc = decide_type(&h, opt, d);
        if (rc == 0) wn_htitle_settle(&h, d);
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
    if (rc == 0) measure_whole(&h, &d->whole); /* also for a page with no element at all */
    wn_hdom_free(&h);
    return rc != 0 || d->failed ? -1 : 0;
}
