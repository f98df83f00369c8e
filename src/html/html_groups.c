/* html_groups.c -- decisions on a list as a whole, after the block-by-block ones
 * (html_classify.c): a list that a kept sentence introduces ("Many patches were sent
 * for review:") and that the article goes on after is part of the article, even when
 * every item is a link (sources, changelogs, reading lists) -- the items it dropped as
 * link-heavy or as outside the main run are kept.  A navigation list has no such
 * sentence before it.  Likewise a heading that is a link (an entry of a round-up, an
 * event, a product: "<h2><a>Name</a></h2>") and that the kept text goes on under is
 * that text's heading, not a menu line -- unless a text rule would drop it ("Related
 * posts"), which the link-heavy drop ran before; and a round-up's entries whose name
 * stands over short lines before their text (entry_titles). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "article/article.h"
#include "html/html_dom.h"

/* The nearest block from i in direction step that the scorer put inside the article,
 * or NULL. */
static const block *article_neighbour(const doc *d, size_t i, int step)
{
    for (size_t k = i; k < d->n; k += (size_t)step) {
        const block *b = &d->blocks[k];
        if (!(b->dec == DEC_DROP && b->why == WHY_OUTSIDE_ARTICLE)) return b;
        if (k == 0 && step < 0) break;
    }
    return NULL;
}

static int introduces(const block *b)
{
    return b && b->dec == DEC_KEEP && b->kind == BK_PARA && b->len && b->text[b->len - 1] == ':';
}

static int rescuable(const block *b)
{
    return b->dec == DEC_DROP && (b->why == WHY_LINK_HEAVY || b->why == WHY_AFTER_MAIN_RUN ||
                                  b->why == WHY_BEFORE_MAIN_RUN);
}

/* s[0..len) without a reply's "Re: " prefix. */
static const char *unreplied(const char *s, size_t *len)
{
    if (*len > 4 && strncasecmp(s, "re: ", 4) == 0) {
        *len -= 4;
        return s + 4;
    }
    return s;
}

typedef struct {
    const char *s;
    size_t len;
    size_t i;
} heading_text;

static int by_text(const void *a, const void *b)
{
    const heading_text *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->s, y->s, n);
    if (c) return c;
    return x->len < y->len ? -1 : x->len > y->len;
}

/* Marks in repeated[] the headings of d whose text another heading has, "Re: " aside:
 * the title of a thread above each of its posts, a product's name above each offer.
 * Sorted, so a page of many headings costs n log n.  -1 when out of memory. */
static int repeated_headings(const doc *d, unsigned char *repeated)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++) n += d->blocks[i].kind == BK_HEADING;
    if (n < 2) return 0;
    heading_text *t = malloc(n * sizeof *t);
    if (!t) return -1;
    n = 0;
    for (size_t i = 0; i < d->n; i++)
        if (d->blocks[i].kind == BK_HEADING) {
            t[n].len = d->blocks[i].len;
            t[n].s = unreplied(d->blocks[i].text, &t[n].len);
            t[n++].i = i;
        }
    qsort(t, n, sizeof *t, by_text);
    for (size_t k = 1; k < n; k++)
        if (by_text(&t[k - 1], &t[k]) == 0) repeated[t[k - 1].i] = repeated[t[k].i] = 1;
    free(t);
    return 0;
}

/* A round-up's entries, each in its own element, put short lines between the linked
 * name and its text: a "map" or "Book now" link, dropped, and a rating or a
 * neighbourhood, kept.  A link-heavy heading is an entry's title when, past such lines
 * (dropped ones of TITLE_GAP bytes at most, kept ones under TITLE_PROSE), the next
 * block of the article is kept prose and something of the story is kept before it;
 * the titles are kept when there are two or more (one alone is a teaser's title over
 * a kept notice as often).  A reply's "Re:" title is a post's.  wcxb-dev-article
 * heading F1 .868 -> .873, word and shingle F1 as high or higher on every set. */
#define TITLE_GAP 60
#define TITLE_PROSE 100
#define TITLES_MIN 2

static int entry_title(const doc *d, size_t i)
{
    const block *b = &d->blocks[i];
    if (b->kind != BK_HEADING || b->dec != DEC_DROP || b->why != WHY_LINK_HEAVY ||
        strncasecmp(b->text, "re:", 3) == 0)
        return 0;
    const block *next = article_neighbour(d, i + 1, 1);
    while (next && next->kind != BK_HEADING &&
           (next->dec == DEC_DROP ? next->len <= TITLE_GAP
                                  : next->kind == BK_PARA && next->len < TITLE_PROSE))
        next = article_neighbour(d, (size_t)(next - d->blocks) + 1, 1);
    return next && next->dec == DEC_KEEP && next->kind == BK_PARA;
}

static void entry_titles(doc *d)
{
    size_t titles = 0, start = d->n;
    for (size_t i = 0; i < d->n; i++) {
        if (start == d->n && d->blocks[i].dec == DEC_KEEP) start = i;
        if (start < i && entry_title(d, i)) titles++;
    }
    for (size_t i = start; titles >= TITLES_MIN && i < d->n; i++)
        if (entry_title(d, i)) {
            d->blocks[i].dec = DEC_KEEP;
            d->blocks[i].why = WHY_ARTICLE;
        }
}

/* Keeps the link-heavy headings inside the chosen container whose next block in the
 * article is kept.  Not on a product or service page: there linked headings are the
 * titles of reviews, of other products' tiles and of cards leading to the site's other
 * pages (case studies, courses), whose text is kept only as the page is. */
static void linked_headings(const hdom *h, rule_matcher *m, doc *d)
{
    if (d->page_type == WINNOW_PAGE_PRODUCT || d->page_type == WINNOW_PAGE_SERVICE) return;
    unsigned char *repeated = d->n ? calloc(d->n, 1) : NULL;
    if (d->n && (!repeated || repeated_headings(d, repeated) != 0)) {
        free(repeated);
        d->failed = 1;
        return;
    }
    for (size_t i = 0; i + 1 < d->n; i++) {
        block *b = &d->blocks[i];
        if (b->kind != BK_HEADING || b->dec != DEC_DROP || b->why != WHY_LINK_HEAVY) continue;
        if (repeated[i] || b->group < 0 || !(h->flags[b->group] & NF_INSIDE)) continue;
        const block *next = article_neighbour(d, i + 1, 1);
        if (!next || next->dec != DEC_KEEP || next->kind == BK_HEADING) continue;
        if (wn_rules_match(m, RT_TEXT, b->text, b->len, NULL) != RA_NONE) continue;
        b->dec = DEC_KEEP;
        b->why = WHY_ARTICLE;
    }
    free(repeated);
}

void wn_hgroups_decide(const hdom *h, rule_matcher *m, doc *d)
{
    if (!wn_article_reading(d, 0).links_kept) entry_titles(d);
    linked_headings(h, m, d);
    size_t i = 0;
    while (i < d->n) {
        if (d->blocks[i].kind != BK_ITEM || (d->blocks[i].dec == DEC_DROP &&
                                             d->blocks[i].why == WHY_OUTSIDE_ARTICLE)) {
            i++;
            continue;
        }
        size_t end = i;
        int lost = 0;
        while (end < d->n && d->blocks[end].kind == BK_ITEM &&
               !(d->blocks[end].dec == DEC_DROP && d->blocks[end].why == WHY_OUTSIDE_ARTICLE))
            lost |= rescuable(&d->blocks[end++]);
        const block *before = i ? article_neighbour(d, i - 1, -1) : NULL;
        const block *after = article_neighbour(d, end, 1);
        if (lost && introduces(before) && after && after->dec == DEC_KEEP)
            for (size_t k = i; k < end; k++)
                if (rescuable(&d->blocks[k])) {
                    d->blocks[k].dec = DEC_KEEP;
                    d->blocks[k].why = WHY_ARTICLE;
                }
        i = end;
    }
}
