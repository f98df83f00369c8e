/* html.c -- the HTML path: parse and prune (html_dom.c), pick the article container
 * (html_score.c), find the headline (html_title.c) and the declared metadata
 * (html_meta.c), turn the tree into blocks (html_blocks.c), tell the kind of page
 * (html_pagetype.c) and decide the blocks (html_classify.c block by block,
 * html_groups.c lists as a whole). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "article/article.h"
#include "html/html_dom.h"

/* Whether the page says it is forum software's: a DiscussionForumPosting or QAPage in
 * its JSON-LD or microdata, a forum platform's class names or generator. */
static int declared_forum(const pt_signals *s)
{
    return s->v[PS_S_LD_FORUM] || s->v[PS_S_MD_FORUM] || s->v[PS_H_PLAT_FORUM] ||
           s->v[PS_S_GEN_FORUM];
}

/* How far a page's forum score may trail article's when its schema says it is a thread
 * (DiscussionForumPosting or QAPage in JSON-LD or microdata) for it to be read as one.
 * On the development sets the articles that declare a thread (a blog's comments marked
 * up as posts) trail by 10 or more; wcxb-dev-other's 0576, a thread of 13 posts, trails
 * by 1 (word F1 .36 -> .96); the next thread trails by 3 and reads better as an
 * article. */
#define SCHEMA_FORUM_LAG 1

static int schema_forum(const pt_signals *s)
{
    return s->v[PS_S_LD_FORUM] || s->v[PS_S_MD_FORUM];
}

/* How far a service may lead collection and still be read as a shop's: past it, a
 * service page that names products in its classes (its plans, "product features") keeps
 * its type. */
#define SHOP_COLLECTION_LAG 3

/* Whether a page typed service, with collection close behind, is a shop's category
 * page: its title or body class says shop, or its class names speak of products more
 * than of services.  An offer's page names its services; a shop's grid of products (a
 * lineup of models, a category of gear) reads as a service by its short blurbs and
 * buttons.  On wcxb-dev-article and wcxb-dev-other, of the 14 pages typed service
 * with collection within 3, 8 are collections: the rule moves 6 of them and a product
 * page typed service, none of the 4 services nor the listing (collection word F1
 * .708 -> .724).  Rows of priced tiles do not tell them apart: 5 of the 8 show no price
 * the page keeps (a sale price is aria-hidden, a lineup has none), and an offer's
 * page shows its plans' prices.  Read as sure, as the caller's --page-type would. */
static int shop_page_read_as_service(const doc *d, const pt_signals *s)
{
    if (d->page_type != WINNOW_PAGE_SERVICE ||
        d->page_type_lag[WINNOW_PAGE_COLLECTION] > SHOP_COLLECTION_LAG)
        return 0;
    return s->v[PS_S_TITLE_SHOP] || s->v[PS_S_BODY_SHOP] ||
           s->v[PS_H_CT_PRODUCT] > s->v[PS_H_CT_SERVICE];
}

/* A product page's own price is one buy box, its shelves of other products ("you may
 * also like") a row or two of a few tiles: on wcxb-dev-other the product pages show at
 * most 18 priced tiles of one shape under one parent. */
#define SHELF_PRICED_MAX 20

/* Whether a page typed product, with collection close behind, is a grid of priced
 * tiles too long for a product page's shelf: a category page (wcxb-dev-other's one
 * such page, 100 tiles, word F1 .02 -> .63; no other page typed product has the row). */
static int priced_grid_read_as_product(const doc *d, const pt_signals *s)
{
    return d->page_type == WINNOW_PAGE_PRODUCT &&
           d->page_type_lag[WINNOW_PAGE_COLLECTION] <= SHOP_COLLECTION_LAG &&
           s->v[PS_H_REP_PRICED] >= SHELF_PRICED_MAX;
}

/* Whether the detector (not the caller) made the page a listing or a collection. */
static int detected_entries(const doc *d)
{
    return (d->page_type == WINNOW_PAGE_LISTING || d->page_type == WINNOW_PAGE_COLLECTION) &&
           d->page_type_margin != PT_FORCED_MARGIN;
}

/* Whether the page opens as one story does: its headline with a byline and a date line
 * by it, no other heading between (html/html_byline.c); a listing's first byline sits
 * under its first entry's title.  On the development sets no listing or collection
 * shows it; 14 articles typed listing by 6 to 12 do (dragnet-train's sports news under
 * a sidebar of headlines and scores, read whole: shingle F1 .25-.61 -> .89-.97; dragnet
 * .9109 -> .9134, Scrapinghub .9766 -> .9793), 18 more at leads of 1 to 5.  Forum
 * threads show it too, their first post's: only listings and collections settle by it. */
static int story_stamp(const doc *d)
{
    unsigned both = SHOWN_BYLINE | SHOWN_DATE_LINE;
    return (d->meta.shown & both) == both;
}

/* The page type, detected unless the caller forces one.  A page that leans to forum by
 * less than the margin a reading needs, and says it is a forum's, is read as the
 * thread: the article's reading keeps one post (the longest, or the opening one with
 * the replies pruned as comments or teasers).  On wcxb-dev-other forum .799 -> .807;
 * no page of the article sets leans to forum and says so. */
static int decide_type(hdom *h, const winnow_options *opt, doc *d)
{
    if (wn_pt_forced(opt, d)) return 0;
    pt_signals sig;
    int rc = wn_hpagetype_signals(h, d, opt->url, &sig);
    wn_pt_assign(&sig, 1, opt, d);
    h->forum_software = declared_forum(&sig);
    h->comment_form = sig.v[PS_H_COMMENT_FORM] > 0;
    if (d->page_type == WINNOW_PAGE_ARTICLE && schema_forum(&sig) &&
        d->page_type_lag[WINNOW_PAGE_FORUM] <= SCHEMA_FORUM_LAG)
        wn_pt_settle(d, WINNOW_PAGE_FORUM, PT_FORCED_MARGIN,
                     "a thread by its schema, trailing article by %d",
                     d->page_type_lag[WINNOW_PAGE_FORUM]);
    if (d->page_type == WINNOW_PAGE_FORUM && d->page_type_margin > 0 &&
        !wn_article_reading(d, 0).whole_page && declared_forum(&sig))
        wn_pt_settle(d, WINNOW_PAGE_FORUM, PT_FORCED_MARGIN,
                     "leaning to forum by %d and marked up by forum software",
                     d->page_type_margin);
    /* A page of entries has no form to comment on it; one post has (a blog's post under
     * a sidebar of archives and "popular posts" leans to listing): dragnet-train, all
     * single posts, had 122 pages typed listing, 53 of them with a comment form; of
     * wcxb-dev-other's 180 listings and collections, one has one. */
    if (detected_entries(d) && sig.v[PS_H_COMMENT_FORM])
        wn_pt_settle(d, WINNOW_PAGE_ARTICLE, 0, "a page of entries with a form to comment on it");
    if (detected_entries(d) && story_stamp(d))
        wn_pt_settle(d, WINNOW_PAGE_ARTICLE, 0,
                     "a page of entries with a byline and a date line under its headline");
    if (shop_page_read_as_service(d, &sig))
        wn_pt_settle(d, WINNOW_PAGE_COLLECTION, PT_FORCED_MARGIN,
                     "a shop's page leaning to service by %d over collection",
                     d->page_type_lag[WINNOW_PAGE_COLLECTION]);
    if (priced_grid_read_as_product(d, &sig))
        wn_pt_settle(d, WINNOW_PAGE_COLLECTION, PT_FORCED_MARGIN,
                     "a row of %d priced tiles, more than a product page's shelf",
                     sig.v[PS_H_REP_PRICED]);
    /* A form to comment on the page makes it a story, whatever its class names say. */
    if (!sig.v[PS_H_COMMENT_FORM])
        wn_article_service_markup(d, sig.v[PS_H_CT_SERVICE], sig.v[PS_H_CT_ARTICLE]);
    return rc;
}

/* Rules written for articles prune what some kinds of page are made of: a forum's posts
 * are "comments", "replies" and carry itemprop=author; a listing's or a collection's
 * entries sit in "related-product" sections, carousels and cards named
 * "subscription-eligible".  When the page type is clear, nodes pruned by those rule
 * categories (sections of attributes.rules) are read again (article/reading.c says
 * when), and the page is scored and cut into blocks anew.  Forum word F1 on
 * wcxb-dev-other .539 -> .670; listings and collections read as sure entries
 * (wn_reading.sure_entries) .667 -> .675 and .669 -> .673.  A share bar ("share")
 * stays pruned on those: it is never an entry. */
static const char *const *spared_categories(const doc *d, wn_reading r)
{
    static const char *const talk[] = {"comments", "engagement", "share", "metadata",
                                       "responsive", NULL};
    static const char *const entries[] = {"engagement", "metadata", "responsive", NULL};
    /* A page read whole, but documentation, is read again with what utility CSS hides
     * at some screen widths only (a service's FAQ answers, opened by a script) and
     * what a "hide" class holds until a click (rules [toggled]: a market's rows of
     * details per location, wcxb-dev-other 4848 .44 -> .79);
     * services, products and collections also with their carousels and galleries
     * (testimonials, use cases, slides of items): wcxb-dev-other service .836 -> .841,
     * collection .676 -> .683, product +.001.  Listings not sure to be ones keep them
     * pruned: an article misread as one gets its video carousel back (Scrapinghub
     * .9760 -> .9754).  Documentation's hidden copies are the phone's navigation
     * (.9304 -> .9292). */
    static const char *const shown[] = {"responsive", "toggled", NULL};
    static const char *const slides[] = {"responsive", "metadata", "toggled", NULL};
    if (r.spare_talk) return talk;
    if (r.sure_entries) return entries;
    if (!r.whole_page) return NULL;
    switch (d->page_type) {
    case WINNOW_PAGE_SERVICE: case WINNOW_PAGE_PRODUCT: case WINNOW_PAGE_COLLECTION:
        return slides;
    case WINNOW_PAGE_DOCUMENTATION:
        return NULL;
    default:
        return shown;
    }
}

/* A page read whole is read with the panels it hides until a click -- tabs,
 * accordions, collapsed answers: a service's offer, a product's details, a doc's
 * examples per language, a collection's filters' pages (wcxb-dev-other word F1: service
 * +.007, product +.005, documentation +.007, listing +.004, collection +.017).  An
 * article's hidden panels stay pruned: a story shows what it means to say. */
static int panels_shown(wn_reading r)
{
    return r.whole_page && !r.spare_talk; /* forum threads lost .001 with them */
}

/* The entries a chrome rule pruned on a page sure to be made of them
 * (wn_hentries_spare).  Entries named like chrome inside a wrapper named so too
 * ("widget" boxes in "widget" sections) where they are the page
 * (wn_hentries_hidden_page): spared a level at a time, the page pruned anew between
 * (wcxb-dev-other 0076, a catalogue's 60 programmes, .25 -> .99).  Elsewhere one
 * level: a header's menu panels hold more menus (3016 lost .13 with them).  Returns
 * how many were spared, -1 when out of memory. */
#define SPARE_LEVELS 4
static int spare_entries(hdom *h)
{
    int rows = 0, levels = 1;
    for (int level = 0; level < levels; level++) {
        int hidden = 0, spared = wn_hentries_spare(h, level ? NULL : &hidden);
        if (spared < 0) return -1;
        if (hidden) levels = SPARE_LEVELS;
        if (!spared) break;
        rows += spared;
        if (level + 1 < levels) wn_hdom_reread(h);
    }
    return rows;
}

/* Prunes and scores the page anew and emits its blocks again. */
static int emit_again(hdom *h, const winnow_options *opt, doc *d)
{
    wn_hdom_reread(h);
    d->n = 0;
    d->n_images = 0;
    wn_hscore_select(h);
    return wn_hblocks_emit(h, opt, d);
}

/* Reads the page again with d's reading: the blocks of the first reading are replaced
 * (their text stays in the arena).  fresh: also when nothing changed.  A listing's
 * posts and a collection's items are often <article>s, which the first reading took
 * for teasers when inside the chosen container: a page of entries is read again with
 * them. */
static int reread(hdom *h, const winnow_options *opt, doc *d, int fresh)
{
    wn_reading r = wn_article_reading(d, 0);
    const char *const *cats = spared_categories(d, r);
    /* A thread's posts are <article>s, and XenForo nests each post's body in one more;
     * a listing's posts and a collection's items often are too: none is a teaser card. */
    int posts = d->page_type == WINNOW_PAGE_FORUM && r.whole_page;
    int nested = posts ? !h->nested_kept : r.entries && h->nested_removed;
    h->nested_kept = posts || nested;
    int rows = r.sure_entries ? spare_entries(h) : 0;
    if (rows < 0) return -1;
    int spared = cats ? wn_hdom_spare(h, cats) : 0;
    if (panels_shown(r)) {
        int panels = wn_hdom_spare_panels(h);
        if (panels < 0) return -1;
        spared += panels;
    }
    if (!spared && !rows && !nested && !fresh) return 0;
    return emit_again(h, opt, d); /* what was spared left */
}

/* Words in the kept blocks, counted up to cap. */
static size_t kept_words(const doc *d, size_t cap)
{
    size_t words = 0;
    for (size_t i = 0; i < d->n && words < cap; i++) {
        const block *b = &d->blocks[i];
        if (b->dec != DEC_KEEP) continue;
        for (size_t k = 0; k < b->len; k++)
            if (b->text[k] == ' ' && k + 1 < b->len && b->text[k + 1] != ' ') words++;
        words++;
    }
    return words;
}

/* Text in the outermost elements the reader-comment rules pruned, in bytes. */
static size_t comment_bytes(const hdom *h)
{
    size_t bytes = 0;
    for (int i = 1; i < h->n; i++)
        if (wn_hdom_pruned_top(h, i, "comments")) bytes += h->raw[i];
    return bytes;
}

/* A page that leans to forum, but by less than the margin a reading needs, is read as
 * an article; when that keeps next to nothing and the reader-comment rules pruned a
 * thread's worth of text -- the first post sits in markup named like the replies,
 * "comments" -- the lean is taken and the page is read as a forum thread.  An article
 * keeps its story (on dragnet-train, at 150 words a dozen short stories with comments
 * read as threads; at 20 words, one with two comments, which THREAD_BYTES leaves). */
#define THIN_ARTICLE_WORDS 20
#define THREAD_BYTES 2000
static int thin_forum(const hdom *h, const doc *d)
{
    return d->page_type == WINNOW_PAGE_FORUM && d->page_type_margin > 0 &&
           !wn_article_reading(d, 0).whole_page &&
           kept_words(d, THIN_ARTICLE_WORDS) < THIN_ARTICLE_WORDS &&
           comment_bytes(h) >= THREAD_BYTES;
}

/* Headings that are links -- entry titles -- outside the pruned parts. */
static int linked_headings(const hdom *h)
{
    int n = 0;
    for (int i = 0; i < h->n; i++) {
        int t = h->tag[i];
        if (t < TG_H1 || t > TG_H6 || (h->flags[i] & NF_REMOVED)) continue;
        if (h->text[i] >= 10 && h->link[i] * 2 > h->text[i]) n++;
    }
    return n;
}

/* A listing's or collection's own grid in an element named like an article's related
 * box ("related-product"), pruned as one, but holding more text than the rest of the
 * page (wn_hentries_spare_shelf): read again with it. */
static int shelf_settle(hdom *h, const winnow_options *opt, doc *d)
{
    if ((d->page_type != WINNOW_PAGE_LISTING && d->page_type != WINNOW_PAGE_COLLECTION) ||
        d->page_type_margin <= 0)
        return 0;
    int spared = wn_hentries_spare_shelf(h);
    if (spared <= 0) return spared;
    return emit_again(h, opt, d);
}

/* A listing or collection that leads article by less than the reading's margin, but
 * shows twenty linked headings or more, is read as a page of entries; one whose text
 * is mostly one row of entries (wn_hentries_rows) is read as nothing but its entries
 * (article/reading.c), and so is one read whole whose entries, named like chrome,
 * hold more text than the rest of the page (wn_hentries_hidden_page).  Other pages
 * skip the counting. */
static int entries_settle(const hdom *h, doc *d)
{
    if (wn_article_entries_pending(d)) wn_article_entry_titles(d, linked_headings(h));
    if (!wn_article_entries_unsure(d)) return 0;
    int rows = wn_hentries_rows(h);
    if (rows < 0) return -1;
    if (rows < WN_READING_ENTRY_ROWS && wn_article_reading(d, 0).whole_page) {
        int hidden = wn_hentries_hidden_page(h);
        if (hidden < 0) return -1;
        if (hidden) rows = WN_READING_ENTRY_ROWS;
    }
    wn_article_entry_rows(d, rows);
    return 0;
}

static void decide(hdom *h, rule_matcher *m, doc *d)
{
    wn_hclass_decide(h, m, d);
    wn_hgroups_decide(h, m, d);
}

/* A product page whose visible description is empty or missing (drawn by a script)
 * still declares one -- JSON-LD Product, og:description: it stands in, after what was
 * kept, when few words were kept, or when it is a full description (FULL_DESCRIPTION
 * bytes or more) and most of its words appear in no block of the page (a short
 * declared one is a shop's slogan, not the text the page lacks). */
#define THIN_PRODUCT_WORDS 30
#define FULL_DESCRIPTION 300
#define SHOWN_SHARE 0.5

typedef struct {
    uint64_t *slot;
    size_t cap;
    size_t words, found;
} word_set;

static void add_word(uint64_t h, void *ctx)
{
    word_set *w = ctx;
    for (size_t j = h & (w->cap - 1);; j = (j + 1) & (w->cap - 1)) {
        if (w->slot[j] == h) return;
        if (!w->slot[j]) {
            w->slot[j] = h;
            return;
        }
    }
}

static void find_word(uint64_t h, void *ctx)
{
    word_set *w = ctx;
    w->words++;
    for (size_t j = h & (w->cap - 1); w->slot[j]; j = (j + 1) & (w->cap - 1))
        if (w->slot[j] == h) {
            w->found++;
            return;
        }
}

/* Whether most words of desc are in the page's blocks; -1 when out of memory. */
static int shown_on_page(const doc *d, const char *desc)
{
    size_t bytes = 0;
    for (size_t i = 0; i < d->n; i++) bytes += d->blocks[i].len;
    word_set w = {NULL, 64, 0, 0};
    while (w.cap < bytes) w.cap *= 2; /* a word takes 4 bytes or more: under half full */
    w.slot = calloc(w.cap, sizeof *w.slot);
    if (!w.slot) return -1;
    for (size_t i = 0; i < d->n; i++) wn_hwords_each(d->blocks[i].text, add_word, &w);
    wn_hwords_each(desc, find_word, &w);
    free(w.slot);
    return w.found >= SHOWN_SHARE * (double)w.words;
}

/* The page's declared description, kept after its blocks. */
static void add_declared(doc *d)
{
    block *b = wn_doc_add(d, BK_PARA, d->meta.description, strlen(d->meta.description));
    if (!b) return;
    b->dec = DEC_KEEP;
    b->why = WHY_DECLARED;
}

/* A forum thread drawn by a script (Discourse without its <noscript> copy) shows no
 * post; what it declares is the opening post's beginning. */
static void declared_opening_post(doc *d)
{
    if (d->page_type != WINNOW_PAGE_FORUM || !d->meta.description ||
        !wn_article_reading(d, 0).whole_page || kept_words(d, 1) > 0)
        return;
    add_declared(d);
}

/* A shop's collection drawn by a script shows no tile and no intro, only its search
 * box's prompt ("What can we help you find?"): what it declares is its intro. */
#define THIN_COLLECTION_WORDS 12

static void declared_intro(doc *d)
{
    if (!d->meta.description || !strchr(d->meta.description, ' ') ||
        !wn_article_reading(d, 0).whole_page ||
        kept_words(d, THIN_COLLECTION_WORDS) >= THIN_COLLECTION_WORDS)
        return;
    add_declared(d);
}

static void declared_description(doc *d)
{
    if (d->page_type == WINNOW_PAGE_FORUM) declared_opening_post(d);
    if (d->page_type == WINNOW_PAGE_COLLECTION) declared_intro(d);
    if (d->page_type != WINNOW_PAGE_PRODUCT || !d->meta.description) return;
    if (kept_words(d, THIN_PRODUCT_WORDS) >= THIN_PRODUCT_WORDS) {
        /* A description without a space is data (percent-encoded, an id), not text. */
        if (strlen(d->meta.description) < FULL_DESCRIPTION || !strchr(d->meta.description, ' '))
            return;
        int shown = shown_on_page(d, d->meta.description);
        if (shown < 0) d->failed = 1;
        if (shown != 0) return;
    }
    add_declared(d);
}

/* Password fields anywhere on the page (form controls are not indexed: they are the
 * children of indexed elements), pruned parts included: a sign-in form is often in a
 * part the rules prune. */
static int password_fields(const hdom *h)
{
    int n = 0;
    for (int i = 0; i < h->n; i++)
        for (const xmlNode *c = h->node[i]->children; c; c = c->next) {
            if (hdom_idx(c) >= 0) continue;
            const char *type = wn_hdom_input_type(c);
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
        /* JSON-LD strings written from HTML hold its references ("shouldn&#x27;t");
         * the site's name is also compared with the title's parts. */
        if (d->meta.site_name) d->meta.site_name = wn_text_unescape(&d->mem, d->meta.site_name);
        if (d->meta.description)
            d->meta.description = wn_text_unescape(&d->mem, d->meta.description);
        /* A thin container while the page shows its description elsewhere: that is the
         * post (html_anchor.c); the page is scored again with it. */
        int anchor = wn_hanchor_find(&h, d->meta.description);
        if (anchor < 0) rc = -1;
        if (anchor > 0) {
            h.anchor = anchor;
            wn_hdom_reread(&h);
            wn_hscore_select(&h);
        }
        if (rc == 0) rc = wn_hblocks_emit(&h, opt, d);
        if (rc == 0) rc = decide_type(&h, opt, d);
        if (rc == 0) rc = shelf_settle(&h, opt, d);
        if (rc == 0) rc = entries_settle(&h, d);
        if (rc == 0) wn_htitle_settle(&h, d);
        if (rc == 0) rc = reread(&h, opt, d, 0);
        if (rc == 0) decide(&h, m, d);
        if (rc == 0 && thin_forum(&h, d)) {
            d->page_type_margin = PT_FORCED_MARGIN;
            rc = reread(&h, opt, d, 1);
            if (rc == 0) decide(&h, m, d);
        }
        /* An article reading that kept next to nothing of a page that scores as a page
         * of entries or sections as well (article/reading.c). */
        winnow_page_type spread = rc == 0 && h.n && !h.comment_form &&
                                          opt->page_type == WINNOW_PAGE_AUTO
                                      ? wn_article_thin_reading(d, h.text[0])
                                      : WINNOW_PAGE_UNKNOWN;
        if (spread != WINNOW_PAGE_UNKNOWN) {
            wn_pt_settle(d, spread, PT_FORCED_MARGIN,
                         "its article reading kept under %d%% of the page's text",
                         (int)(WN_READING_THIN_SHARE * 100 + 0.5));
            rc = reread(&h, opt, d, 1);
            if (rc == 0) decide(&h, m, d);
        }
        if (rc == 0) {
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
