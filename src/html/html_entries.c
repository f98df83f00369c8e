/* html_entries.c -- the entries of a listing or a collection that the chrome rules
 * pruned.  Class words written for page chrome also name entries: Wired's story cards
 * are "hide-read-more-ad" (the "ad" rule), a shop's are "product-promo".  Chrome comes
 * one of a kind (a menu, a footer, a cookie bar) or in short pieces (ad slots, tags);
 * entries come many of one shape, each with a link to its page and a title's and
 * teaser's worth of text.  So, on a page sure to be made of entries, the outermost
 * elements a chrome rule pruned that share a shape with two more such elements, each
 * holding a link (or held in one) and ENTRY_TEXT bytes, are pruned no more.  One sweep and one sort of
 * the pruned elements: O(n log n).  The same shape tells a page made of entries: a row
 * of same-shaped siblings, each with a link, that holds half the page's text (a
 * story's box of teasers holds less, a menu is all links); and such pruned entries
 * holding more text than the page shows without them (a catalogue's courses in
 * "widget" boxes) make the page sure to be made of them.  A shop's grid in an element
 * named like a story's related box ("related-product") is the page's shelf when it
 * outweighs the rest of the page. */
#include <stdlib.h>
#include <string.h>
#include "html/html_dom.h"

#define ENTRIES_MIN 3    /* elements of one shape that make a row of entries */
#define ENTRY_TEXT 100   /* bytes of text in each: a title and a line of teaser */
#define ROWS_SHARE 0.5   /* share of the page's text a row of entries holds on a page of
                            them; a story's "more stories" box holds less */
#define ROW_LINKS 0.9    /* share of link text above which a row is a menu, not entries */

static int chrome_pruned(const hdom *h, int i)
{
    const rule_info *r = h->rule[i];
    int p = h->parent[i];
    return (h->flags[i] & NF_PRUNE) && r && r->category &&
           (strcmp(r->category, "chrome") == 0 || strcmp(r->category, "chrome-word") == 0) &&
           !(p >= 0 && (h->flags[p] & NF_REMOVED));
}

static int by_shape(const void *a, const void *b)
{
    const hsibling *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    return x->node < y->node ? -1 : x->node > y->node;
}

/* The elements pick chooses, among those holding an <a> (or, with inside, held in
 * one: a card wholly a link, its title a heading in it), as siblings with their shape
 * (unsorted); *n is how many.  NULL when out of memory. */
static hsibling *linked_siblings(const hdom *h, int (*pick)(const hdom *, int), int inside,
                                 size_t *n)
{
    hsibling *sb = malloc((size_t)h->n * sizeof *sb);
    uint8_t *linked = calloc((size_t)h->n, 1); /* the element holds an <a> */
    if (!sb || !linked) {
        free(sb);
        free(linked);
        return NULL;
    }
    /* Parents come before their children: one backward pass fills it. */
    for (int i = h->n - 1; i > 0; i--)
        if ((linked[i] & 1 || h->tag[i] == TG_A) && h->parent[i] >= 0) linked[h->parent[i]] = 1;
    /* Children come after their parents: one forward pass marks those held in a link. */
    for (int i = 1; inside && i < h->n; i++) {
        int p = h->parent[i];
        if (p >= 0 && (linked[p] & 2 || h->tag[p] == TG_A)) linked[i] |= 2;
    }
    *n = 0;
    for (int i = 1; i < h->n; i++)
        if (linked[i] && h->parent[i] >= 0 && pick(h, i))
            sb[(*n)++] = (hsibling){h->parent[i], wn_hcards_shape(h->node[i]), i};
    free(linked);
    return sb;
}

static int pruned_entry(const hdom *h, int i)
{
    return chrome_pruned(h, i) && h->raw[i] >= ENTRY_TEXT;
}

static int shown(const hdom *h, int i)
{
    return !(h->flags[i] & NF_REMOVED) && h->text[i] > 0;
}

/* The pruned entries (see the file's comment), moved to the front of the array
 * returned (NULL when out of memory); *n receives how many, *text their text. */
static hsibling *pruned_entries(const hdom *h, size_t *n, double *text)
{
    size_t all;
    hsibling *sb = linked_siblings(h, pruned_entry, 1, &all);
    if (!sb) return NULL;
    qsort(sb, all, sizeof *sb, by_shape);
    *n = 0;
    *text = 0;
    for (size_t a = 0, b; a < all; a = b) {
        for (b = a + 1; b < all && sb[b].key == sb[a].key; b++)
            ;
        if (b - a < ENTRIES_MIN) continue;
        for (size_t k = a; k < b; k++) {
            *text += h->raw[sb[k].node];
            sb[(*n)++] = sb[k];
        }
    }
    return sb;
}

int wn_hentries_spare(hdom *h, int *hidden)
{
    size_t n;
    double text;
    hsibling *sb = pruned_entries(h, &n, &text);
    if (!sb) return -1;
    if (hidden) *hidden = n > 0 && text > h->text[0]; /* wn_hentries_hidden_page, before sparing */
    for (size_t k = 0; k < n; k++) {
        int i = sb[k].node;
        h->flags[i] &= (uint16_t)~NF_PRUNE;
        h->why[i] = NULL;
        h->rule[i] = NULL;
    }
    free(sb);
    return (int)n;
}

int wn_hentries_hidden_page(const hdom *h)
{
    size_t n;
    double text;
    hsibling *sb = pruned_entries(h, &n, &text);
    if (!sb) return -1;
    free(sb);
    return n > 0 && text > h->text[0];
}

int wn_hentries_rows(const hdom *h)
{
    if (h->n < 2 || !h->text[0]) return 0;
    size_t n;
    hsibling *sb = linked_siblings(h, shown, 0, &n);
    if (!sb) return -1;
    qsort(sb, n, sizeof *sb, wn_hsibling_order);
    int members = 0;
    for (size_t a = 0, b; a < n; a = b) {
        for (b = a + 1; b < n && sb[b].parent == sb[a].parent && sb[b].key == sb[a].key; b++)
            ;
        if (b - a < ENTRIES_MIN || (int)(b - a) <= members) continue;
        double text = 0, link = 0;
        for (size_t k = a; k < b; k++) {
            text += h->text[sb[k].node];
            link += h->link[sb[k].node];
        }
        /* A table's rows are records, not a menu, however many of their cells are
         * links (a list of laureates: names linked, years not). */
        if (link > ROW_LINKS * text && h->tag[sb[a].node] != TG_TR) continue;
        /* The longest row that holds the page: a layout's three columns hold it too,
         * around the row of fifty stories in one of them (wcxb-dev-other listing
         * .714 -> .723 with the table rows above, documentation .932 -> .934). */
        if (text >= ROWS_SHARE * h->text[0]) members = (int)(b - a);
    }
    free(sb);
    return members;
}

/* The shelf a page of entries is: the largest element pruned as an article's
 * "related" box (rule category engagement) that holds more text than the page shows
 * without it, and a row of ENTRIES_MIN linked same-shaped siblings holding half its
 * text, most of them headed by their title (a blog's sidebar of archives and books,
 * in a "subscribe" box left open, has no headings in its lists). */
#define SHELF_ROW 0.5

/* Whether the elements from `from` (the shelf) to end hold such a row; marks[] per
 * element of the range: SHELF_LINKED, SHELF_HEADED. */
enum { SHELF_LINKED = 1, SHELF_HEADED = 2 };
static int shelf_row(const hdom *h, int from, int end, hsibling *sb, uint8_t *marks)
{
    for (int i = end - 1; i > from; i--) {
        if (h->tag[i] == TG_A) marks[i - from] |= SHELF_LINKED;
        if (h->tag[i] >= TG_H1 && h->tag[i] <= TG_H6) marks[i - from] |= SHELF_HEADED;
        marks[h->parent[i] - from] |= marks[i - from];
    }
    size_t n = 0;
    for (int i = from + 1; i < end; i++)
        if ((marks[i - from] & SHELF_LINKED) && h->raw[i] > 0)
            sb[n++] = (hsibling){h->parent[i], wn_hcards_shape(h->node[i]), i};
    qsort(sb, n, sizeof *sb, wn_hsibling_order);
    for (size_t a = 0, b; a < n; a = b) {
        double text = 0;
        size_t headed = 0;
        for (b = a; b < n && sb[b].parent == sb[a].parent && sb[b].key == sb[a].key; b++) {
            text += h->raw[sb[b].node];
            headed += (marks[sb[b].node - from] & SHELF_HEADED) != 0;
        }
        if (b - a >= ENTRIES_MIN && text >= SHELF_ROW * h->raw[from] && headed * 2 >= b - a)
            return 1;
    }
    return 0;
}

int wn_hentries_spare_shelf(hdom *h)
{
    int best = -1;
    for (int i = 1; i < h->n; i++)
        if (wn_hdom_pruned_top(h, i, "engagement") && (best < 0 || h->raw[i] > h->raw[best])) best = i;
    if (best < 0 || h->raw[best] <= h->text[0]) return 0;
    int end = best + 1; /* elements are numbered in document order: a subtree is a range */
    while (end < h->n && h->depth[end] > h->depth[best]) end++;
    hsibling *sb = malloc((size_t)(end - best) * sizeof *sb);
    uint8_t *marks = calloc((size_t)(end - best), 1);
    int row = sb && marks ? shelf_row(h, best, end, sb, marks) : -1;
    free(sb);
    free(marks);
    if (row <= 0) return row;
    h->flags[best] &= (uint16_t)~NF_PRUNE;
    h->why[best] = NULL;
    h->rule[best] = NULL;
    return 1;
}
