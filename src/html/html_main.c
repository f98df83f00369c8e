/* html_main.c -- what stands outside a page's <main>.  A page that marks its body with
 * <main> says the rest is the site's: its menus, banners, newsletter and contact
 * boxes, footer columns that no class names as such.  Pages read whole (a service's
 * sections, a thread's posts, a product's parts, a manual's page) leave all that out
 * when their <main> holds a fair share of the text; a <main> holding next to nothing
 * (a script's shell around a hero line) says nothing.  Two sweeps: O(n). */
#include <string.h>
#include "html/html_dom.h"

#define MAIN_SHARE 0.3 /* of the page's text after pruning, that its <main>s hold at least */

enum { MAIN_NONE = 0, MAIN_WITHIN = 1, MAIN_HOLDS = 2 };

int wn_hmain_outside(const hdom *h, uint8_t *outside)
{
    memset(outside, 0, (size_t)h->n);
    if (h->n == 0) return 0;
    /* Document order: a <main> and everything in it, the outermost <main>s' text. */
    uint64_t main_text = 0;
    for (int i = 0; i < h->n; i++) {
        int p = h->parent[i];
        int parent_within = p >= 0 && outside[p] == MAIN_WITHIN;
        if (parent_within || h->tag[i] == TG_MAIN) outside[i] = MAIN_WITHIN;
        if (h->tag[i] == TG_MAIN && !parent_within) main_text += h->text[i];
    }
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
