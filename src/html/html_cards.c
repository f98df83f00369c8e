/* html_cards.c -- prices in text, and the tiles of other items a page shows: groups of
 * three or more sibling elements of one shape (tag and class words) that each hold a
 * link, most of them a price, and little text -- "customers also bought", a carousel
 * of variants, "similar items".  A product page's own item is not one of several
 * same-shaped priced siblings; a collection page is made of them, so the product
 * reading alone drops them (article/reading.c).  One sweep for subtree counts and one
 * sort of the sibling keys: O(n log n) in the number of elements. */
#include <stdlib.h>
#include <string.h>
#include "html/html_dom.h"

#define TILES_MIN 3        /* siblings of one shape that make a row of tiles */
#define TILE_TEXT_MAX 400  /* bytes of text a tile holds on average: a name, a price, a
                              line of teaser; a section of the page holds more */

int wn_hcards_price(const char *t)
{
    /* Every text node of the page is read: strpbrk skips to the bytes a sign may
     * start with ('$', and the lead bytes of the euro, rupee, pound and yen). */
    for (const unsigned char *p = (const unsigned char *)strpbrk(t, "$\xE2\xC2"); p && *p;
         p = (const unsigned char *)strpbrk((const char *)p + 1, "$\xE2\xC2")) {
        int sign = *p == '$' ? 1
                   : (p[0] == 0xE2 && p[1] == 0x82 && (p[2] == 0xAC || p[2] == 0xB9)) ? 3
                   : (p[0] == 0xC2 && (p[1] == 0xA3 || p[1] == 0xA5)) ? 2 : 0;
        if (!sign) continue;
        const unsigned char *a = p + sign;
        if (*a == ' ') a++;
        if (*a >= '0' && *a <= '9') return 1;
        if (p > (const unsigned char *)t && ((p[-1] >= '0' && p[-1] <= '9') ||
                                             (p[-1] == ' ' && p - 1 > (const unsigned char *)t &&
                                              p[-2] >= '0' && p[-2] <= '9')))
            return 1;
        p += sign - 1;
    }
    return 0;
}

uint32_t wn_hcards_shape(const xmlNode *n)
{
    uint32_t key = wn_hash_bytes(n->name, strlen((const char *)n->name));
    const char *v = n->properties ? wn_hdom_attr(n, "class") : NULL;
    uint32_t words = 0;
    while (v && *v) {
        uint32_t w = 2166136261u;
        int letters = 0;
        for (; *v && *v != ' ' && *v != '\t' && *v != '\n'; v++)
            if (!(*v >= '0' && *v <= '9')) {
                w = (w ^ (unsigned char)*v) * 16777619u;
                letters = 1;
            }
        if (letters) words += w * 2654435761u; /* a sum: the order does not matter */
        while (*v == ' ' || *v == '\t' || *v == '\n') v++;
    }
    return key ^ words * 2246822519u;
}

int wn_hsibling_order(const void *a, const void *b)
{
    const hsibling *x = a, *y = b;
    if (x->parent != y->parent) return x->parent < y->parent ? -1 : 1;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    return x->node < y->node ? -1 : x->node > y->node;
}

/* Per element, over its subtree: links, text nodes with a price. */
typedef struct {
    uint32_t links, prices;
} tile_counts;

static void count_subtrees(const hdom *h, tile_counts *c)
{
    for (int i = 0; i < h->n; i++) {
        if (h->tag[i] == TG_A) c[i].links++;
        for (const xmlNode *t = h->node[i]->children; t; t = t->next)
            if (t->type == XML_TEXT_NODE && t->content &&
                wn_hcards_price((const char *)t->content))
                c[i].prices++;
    }
    for (int i = h->n - 1; i > 0; i--) {
        int p = h->parent[i];
        if (p < 0) continue;
        c[p].links += c[i].links;
        c[p].prices += c[i].prices;
    }
}

/* Marks the siblings of each group that is a row of tiles, and returns how many. */
static int mark_groups(const hdom *h, const tile_counts *c, const hsibling *sb, size_t n,
                       uint8_t *tile)
{
    int groups = 0;
    for (size_t a = 0, b; a < n; a = b) {
        for (b = a + 1; b < n && sb[b].parent == sb[a].parent && sb[b].key == sb[a].key; b++)
            ;
        size_t m = b - a;
        if (m < TILES_MIN) continue;
        size_t linked = 0, priced = 0;
        double text = 0;
        for (size_t k = a; k < b; k++) {
            linked += c[sb[k].node].links > 0;
            priced += c[sb[k].node].prices > 0;
            text += h->text[sb[k].node];
        }
        if (linked * 10 < m * 8 || priced * 2 < m || text / (double)m > TILE_TEXT_MAX) continue;
        for (size_t k = a; k < b; k++) tile[sb[k].node] = 1;
        groups++;
    }
    return groups;
}

/* A carousel's first or current slide often carries a class its siblings lack
 * ("carousel__snap-point", "is-active"): a sibling of a row's tiles with their tag, a
 * link, a price and a tile's little text is one of them.  row[p]: 1 + a tile child of
 * element p, or 0. */
static void mark_odd_tiles(const hdom *h, const tile_counts *c, uint8_t *tile, int *row)
{
    for (int i = 1; i < h->n; i++)
        if (tile[i] && h->parent[i] >= 0 && !tile[h->parent[i]]) row[h->parent[i]] = i + 1;
    for (int i = 1; i < h->n; i++) {
        int p = h->parent[i];
        if (tile[i] || p < 0 || !row[p] || h->text[i] == 0 || (h->flags[i] & NF_REMOVED))
            continue;
        const xmlNode *t = h->node[row[p] - 1];
        if (strcmp((const char *)t->name, (const char *)h->node[i]->name) == 0 &&
            c[i].links && c[i].prices && h->text[i] <= TILE_TEXT_MAX)
            tile[i] = 1;
    }
}

int wn_hcards_tiles(const hdom *h, uint8_t *tile)
{
    memset(tile, 0, (size_t)h->n);
    tile_counts *c = calloc((size_t)h->n, sizeof *c);
    hsibling *sb = malloc((size_t)h->n * sizeof *sb);
    if (!c || !sb) {
        free(c);
        free(sb);
        return -1;
    }
    count_subtrees(h, c);
    size_t n = 0;
    for (int i = 1; i < h->n; i++)
        if (h->parent[i] >= 0 && h->text[i] > 0 && !(h->flags[i] & NF_REMOVED))
            sb[n++] = (hsibling){h->parent[i], wn_hcards_shape(h->node[i]), i};
    qsort(sb, n, sizeof *sb, wn_hsibling_order);
    int groups = mark_groups(h, c, sb, n, tile);
    free(sb);
    int *row = groups ? calloc((size_t)h->n, sizeof *row) : NULL;
    if (groups && !row) {
        free(c);
        return -1;
    }
    if (row) mark_odd_tiles(h, c, tile, row);
    free(row);
    free(c);
    /* Parents come before their children: one forward pass marks every descendant. */
    for (int i = 1; groups && i < h->n; i++)
        if (h->parent[i] >= 0 && tile[h->parent[i]]) tile[i] = 1;
    return 0;
}
