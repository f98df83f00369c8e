/* html_entries.c -- the entries of a listing or a collection that the chrome rules
 * pruned.  Class words written for page chrome also name entries: Wired's story cards
 * are "hide-read-more-ad" (the "ad" rule), a shop's are "product-promo".  Chrome comes
 * one of a kind (a menu, a footer, a cookie bar) or in short pieces (ad slots, tags);
 * entries come many of one shape, each with a link to its page and a title's and
 * teaser's worth of text.  So, on a page sure to be made of entries, the outermost
 * elements a chrome rule pruned that share a shape with two more such elements, each
 * holding a link and ENTRY_TEXT bytes, are pruned no more.  One sweep and one sort of
 * the pruned elements: O(n log n). */
#include <stdlib.h>
#include <string.h>
#include "html/html_dom.h"

#define ENTRIES_MIN 3    /* elements of one shape that make a row of entries */
#define ENTRY_TEXT 100   /* bytes of text in each: a title and a line of teaser */

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

int wn_hentries_spare(hdom *h)
{
    hsibling *sb = malloc((size_t)h->n * sizeof *sb);
    uint8_t *linked = calloc((size_t)h->n, 1); /* the element holds an <a> */
    if (!sb || !linked) {
        free(sb);
        free(linked);
        return -1;
    }
    for (int i = h->n - 1; i > 0; i--)
        if ((linked[i] || h->tag[i] == TG_A) && h->parent[i] >= 0) linked[h->parent[i]] = 1;
    size_t n = 0;
    for (int i = 1; i < h->n; i++)
        if (chrome_pruned(h, i) && h->raw[i] >= ENTRY_TEXT && linked[i])
            sb[n++] = (hsibling){h->parent[i], wn_hcards_shape(h->node[i]), i};
    qsort(sb, n, sizeof *sb, by_shape);
    int spared = 0;
    for (size_t a = 0, b; a < n; a = b) {
        for (b = a + 1; b < n && sb[b].key == sb[a].key; b++)
            ;
        if (b - a < ENTRIES_MIN) continue;
        for (size_t k = a; k < b; k++) {
            int i = sb[k].node;
            h->flags[i] &= (uint16_t)~NF_PRUNE;
            h->why[i] = NULL;
            h->rule[i] = NULL;
            spared++;
        }
    }
    free(sb);
    free(linked);
    return spared;
}
