/* html_main.c -- what stands outside a page's <main> (or role=main; without one, its
 * <article>s).  A page that marks its body so says the rest is the site's: its menus,
 * banners, newsletter and contact boxes, footer columns that no class names as such.
 * Pages read whole (a service's sections, a thread's posts, a product's parts, a
 * manual's page) leave all that out when their <main> holds a fair share of the text;
 * a <main> holding next to nothing (a script's shell around a hero line) says
 * nothing.  Three sweeps at most: O(n). */
#include <string.h>
#include <strings.h>
#include "html/html_dom.h"

#define MAIN_SHARE 0.3 /* of the page's text after pruning, that its <main>s hold at least */

enum { MAIN_NONE = 0, MAIN_WITHIN = 1, MAIN_HOLDS = 2 };

static int is_main(const hdom *h, int i)
{
    if (h->tag[i] == TG_MAIN) return 1;
    if (!(h->flags[i] & NF_SEMANTIC)) return 0;
    const char *role = wn_hdom_attr(h->node[i], "role");
    return role && strcasecmp(role, "main") == 0;
}

/* Marks MAIN_WITHIN the body's markers (<main>s, or <article>s) and all in them, in
 * document order; returns the outermost ones' text. */
static uint64_t mark_within(const hdom *h, uint8_t *outside, int articles)
{
    memset(outside, 0, (size_t)h->n);
    uint64_t text = 0;
    for (int i = 0; i < h->n; i++) {
        int p = h->parent[i];
        int parent_within = p >= 0 && outside[p] == MAIN_WITHIN;
        int m = articles ? h->tag[i] == TG_ARTICLE : is_main(h, i);
        if (parent_within || m) outside[i] = MAIN_WITHIN;
        if (m && !parent_within) text += h->text[i];
    }
    return text;
}

int wn_hmain_outside(const hdom *h, uint8_t *outside)
{
    if (h->n == 0) return 0;
    /* Without a <main>, the <article>s the page is made of say the same (a forum's
     * posts, each an <article>, under the board's menus and notices). */
    uint64_t main_text = mark_within(h, outside, 0);
    if (!main_text) main_text = mark_within(h, outside, 1);
    if (!main_text || main_text < MAIN_SHARE * h->text[0]) {
        memset(outside, 0, (size_t)h->n);
        return 0;
    }
    /* Children come after their parent: a reverse sweep marks every <main>'s ancestors. */
    for (int i = h->n - 1; i > 0; i--) {
        int p = h->parent[i];
        if (p >= 0 && outside[i] != MAIN_NONE && outside[p] == MAIN_NONE) outside[p] = MAIN_HOLDS;
    }
    for (int i = 0; i < h->n; i++) outside[i] = outside[i] == MAIN_NONE;
    return 1;
}
