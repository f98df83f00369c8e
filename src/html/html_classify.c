/* html_classify.c -- the second look, block by block, inside the chosen article (or, for
 * pages that are not articles, the whole page outside its furniture): a block
 * that is mostly link text is navigation; the text rules (shared with the text path)
 * drop credits, teasers and notices and may cut the tail (comments, related); the
 * headline repeated at the top is dropped because it is printed as the title; short
 * figure captions go; the best contiguous run of prose is kept and blocks outside it
 * (teasers above, stubs below) are dropped; repeated copies of a block go. */
#include <stdlib.h>
#include <string.h>
#include "article/article.h"
#include "html/html_dom.h"

#define LINK_DROP 0.5  /* share of link text above which a block is navigation */
#define CAPTION_PROSE 250 /* bytes from which a figure caption counts as prose */
#define CUT_KEEPS 0.3      /* share of the prose beyond a cut rule that voids the cut */
#define LONG_BLOCK 200     /* a block this long is a sentence or more ... */
#define LINK_DROP_LONG 0.75 /* ... and may link more of itself (a lead linking a story) */

/* How much a block looks like article prose: long, sentence-shaped, few links. */
static double prose_value(const block *b)
{
    double ld = b->len ? (double)b->link_len / b->len : 0;
    /* A dropped list item costs little: a list of links inside a post (a changelog,
     * sources) must not split the story in two. */
    if (b->dec == DEC_DROP) return b->kind == BK_ITEM ? -0.05 : -0.2;
    if (b->kind == BK_HEADING) return 0;
    char last = b->text[b->len - 1];
    int sentence = last == '.' || last == '!' || last == '?' || last == '"' || last == ':' ||
                   (unsigned char)last >= 0x80;
    /* Long paragraphs often link a name or two: weigh the links, do not veto. */
    if (b->len >= 100 && ld < 0.5) return (b->len >= 500 ? 5 : b->len / 100.0) * (1 - ld);
    if (b->len >= 20 && ld < 0.3 && sentence) return 0.5;
    /* Rows, items and quotes are article furniture as often as boilerplate: neutral. */
    if (b->kind == BK_TABLE || b->kind == BK_QUOTE) return 0;
    if (b->kind == BK_ITEM) return b->len >= 80 && ld < 0.3 ? 0.3 : -0.02 - ld / 4;
    return -0.3 - ld;
}

/* A block that is nothing but a URL, or a "name: URL" pair (an image address a shop
 * template prints as data): page data, not text to read. */
static int bare_url(const block *b)
{
    const char *s = b->text;
    size_t n = b->len;
    const char *sp = memchr(s, ' ', n);
    if (sp && sp > s && sp[-1] == ':' && !memchr(s, ' ', (size_t)(sp - s))) {
        n -= (size_t)(sp + 1 - s); /* "cat_thumb_Bone: https://..." */
        s = sp + 1;
    }
    if (!(n > 8 && (strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0)))
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == ' ' || s[i] == '\n') return 0;
    return 1;
}

/* Keeps the best-scoring contiguous run of article blocks (max-subarray): teaser lists
 * above the story and comment or related stubs below it fall outside the run. */
static void main_run(doc *d, size_t from)
{
    double cur = 0, best = -1;
    size_t start = from, bs = from, be = from;
    int any = 0;
    for (size_t i = from; i < d->n; i++) {
        block *b = &d->blocks[i];
        if (b->dec == DEC_DROP && b->why == WHY_OUTSIDE_ARTICLE) continue;
        if (!any || cur < 0) {
            cur = 0;
            start = i;
        }
        any = 1;
        cur += prose_value(b);
        if (cur > best) {
            best = cur;
            bs = start;
            be = i;
        }
    }
    if (!any || best <= 0) return;
    /* A list or table right after the last paragraph (the teams, the specs) is part
     * of the story when it is not made of links. */
    size_t run_end = be;
    for (size_t i = be + 1; i < d->n; i++) {
        const block *b = &d->blocks[i];
        if (b->dec == DEC_DROP && b->why == WHY_OUTSIDE_ARTICLE) continue;
        int furniture = b->kind == BK_ITEM || b->kind == BK_TABLE || b->kind == BK_HEADING;
        if (!furniture || b->dec == DEC_DROP || b->link_len * 10 >= b->len * 3) break;
        be = i;
    }
    while (be > run_end && d->blocks[be].kind == BK_HEADING) be--; /* a heading needs a body */
    for (size_t i = from; i < d->n; i++) {
        block *b = &d->blocks[i];
        if (b->dec == DEC_DROP || (i >= bs && i <= be)) continue;
        b->dec = DEC_DROP;
        b->why = i < bs ? WHY_BEFORE_MAIN_RUN : WHY_AFTER_MAIN_RUN;
    }
}

/* Drops kept blocks whose text already appeared (hidden duplicates of the article,
 * repeated captions).  Open addressing over FNV-1a hashes; blocks shorter than min_len
 * exempt (an article's short lines repeat on purpose; a product page's repeat the buy
 * box for each layout: "Free Shipping & Returns", "COLOR:"). */
static void drop_repeats(const hdom *h, doc *d, size_t min_len)
{
    size_t cap = 64;
    while (cap < d->n * 2) cap *= 2;
    size_t *slot = calloc(cap, sizeof *slot); /* block index + 1 */
    if (!slot) return;
    for (size_t i = 0; i < d->n; i++) {
        block *b = &d->blocks[i];
        if (b->dec != DEC_KEEP || b->len < min_len) continue;
        uint64_t hv = 1469598103934665603ULL;
        for (size_t k = 0; k < b->len; k++) hv = (hv ^ (unsigned char)b->text[k]) * 1099511628211ULL;
        for (size_t j = hv & (cap - 1);; j = (j + 1) & (cap - 1)) {
            if (!slot[j]) {
                slot[j] = i + 1;
                break;
            }
            const block *o = &d->blocks[slot[j] - 1];
            if (o->len != b->len || memcmp(o->text, b->text, b->len) != 0) continue;
            /* Repeats among siblings are the article's own (a recipe's "1 tsp.").  Only
             * the first copy is stored: probing past equal texts made 20,000 identical
             * rows quadratic. */
            if (h->parent[o->group] != h->parent[b->group]) {
                b->dec = DEC_DROP;
                b->why = WHY_REPEATED;
            }
            break;
        }
    }
    free(slot);
}

/* A "Related news" box in the middle of the story must not cut the story: a cut rule
 * whose far side still holds a good share of the article's prose only drops its own
 * block.  Prefix sums of kept prose keep this linear. */
static void soften_cuts(doc *d, size_t from)
{
    double total = 0;
    for (size_t i = from; i < d->n; i++)
        if (d->blocks[i].dec == DEC_KEEP && d->blocks[i].len >= 100) total += d->blocks[i].len;
    double before = 0;
    for (size_t i = from; i < d->n; i++) {
        block *b = &d->blocks[i];
        /* A comment section's heading ends the story however long the comments; one
         * above any of its prose is a link to them ("27 comments") and only drops. */
        int hard = b->why == WHY_RULE && b->rule && b->rule->hard && before > 0;
        if (b->ract == RA_CUT_AFTER && !hard && total - before >= CUT_KEEPS * total)
            b->ract = RA_DROP;
        if (b->ract == RA_CUT_BEFORE && before >= CUT_KEEPS * total) b->ract = RA_DROP;
        if (b->dec == DEC_KEEP && b->len >= 100) before += b->len;
    }
}

static int same_text(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/* Drops the blocks inside rows of other items' tiles (html_cards.c): on a product page
 * the related, "also bought" and variant carousels around the item. */
static void drop_tiles(const hdom *h, doc *d)
{
    uint8_t *tile = malloc((size_t)h->n);
    if (!tile || wn_hcards_tiles(h, tile) != 0) {
        free(tile);
        d->failed = 1;
        return;
    }
    for (size_t i = 0; i < d->n; i++) {
        block *b = &d->blocks[i];
        if (b->dec == DEC_NONE && b->group >= 0 && tile[b->group]) {
            b->dec = DEC_DROP;
            b->why = WHY_TILE;
        }
    }
    free(tile);
}

/* Gives the blocks outside the chosen container back to the classifier, except those
 * in page furniture (nav, header, footer, aside); the attribute rules have pruned
 * menus and footers marked by class already. */
static void whole_page(const hdom *h, doc *d)
{
    uint8_t *furniture = calloc((size_t)h->n, 1);
    if (!furniture) {
        d->failed = 1;
        return;
    }
    for (int i = 0; i < h->n; i++) {
        int p = h->parent[i], t = h->tag[i];
        furniture[i] = (p >= 0 && furniture[p]) || t == TG_NAV || t == TG_HEADER ||
                       t == TG_FOOTER || t == TG_ASIDE;
    }
    for (size_t i = 0; i < d->n; i++) {
        block *b = &d->blocks[i];
        if (b->dec == DEC_DROP && b->why == WHY_OUTSIDE_ARTICLE && b->group >= 0 &&
            !furniture[b->group]) {
            b->dec = DEC_NONE;
            b->why = WHY_NONE;
        }
    }
    free(furniture);
}

void wn_hclass_decide(hdom *h, rule_matcher *m, doc *d)
{
    wn_reading pol = wn_article_reading(d, 0); /* how this kind of page is read */
    if (pol.whole_page) whole_page(h, d);
    if (pol.tiles_dropped && h->n) drop_tiles(h, d);
    if (pol.tiles_dropped && h->n) wn_hproduct_extras(h, d);
    size_t first = d->n;
    for (size_t i = 0; i < d->n; i++) {
        block *b = &d->blocks[i];
        if (b->dec != DEC_NONE) continue;
        if (first == d->n) first = i;
        double ld = b->len ? (double)b->link_len / b->len : 0;
        if (b->kind == BK_CAPTION && b->len < CAPTION_PROSE) {
            /* Captions describe a picture the text does not show; both benchmark
             * ground truths leave them out.  A long one is prose and stays. */
            b->dec = DEC_DROP;
            b->why = WHY_CAPTION;
        } else if (ld > (b->len >= LONG_BLOCK ? LINK_DROP_LONG : LINK_DROP) && b->kind != BK_PRE &&
                   !pol.links_kept) {
            b->dec = DEC_DROP;
            b->why = WHY_LINK_HEAVY;
            b->score = ld;
        } else if (b->kind != BK_PRE && bare_url(b)) {
            b->dec = DEC_DROP;
            b->why = WHY_BARE_URL;
        }
    }
    wn_rules_apply_doc(m, d);
    int seen_heading = 0;
    for (size_t i = first; i < d->n; i++) {
        block *b = &d->blocks[i];
        if (b->dec != DEC_NONE) continue;
        if (!seen_heading && b->kind == BK_HEADING && same_text(b->text, d->title)) {
            b->dec = DEC_DROP;
            b->why = WHY_HEADLINE;
            seen_heading = 1;
            continue;
        }
        b->dec = DEC_KEEP;
        b->why = WHY_ARTICLE;
    }
    if (!pol.no_main_run) main_run(d, first);
    drop_repeats(h, d, pol.tiles_dropped ? 1 : 40);
    soften_cuts(d, first);
    wn_rules_cut(d, first, d->n);
}
