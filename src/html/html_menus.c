/* html_menus.c -- a site's menu that no tag or class names: a list whose items nest
 * lists of their own (a tree of the site's sections: "Tax" over "Tax Planning", "Estate
 * & Trust Tax"), nearly all of its text in links.  A service's own lists of features
 * or steps are text, or flat; a tree of links is how a site shows its map -- but
 * inside the page's <main> or <article> it is the page's table of contents.  Three
 * sweeps: O(n). */
#include <stdlib.h>
#include <string.h>
#include "html/html_dom.h"

#define MENU_LINK_SHARE 0.9 /* of a list's text in links, from which a tree of lists is a menu */
#define MENU_MIN_TEXT 100   /* bytes: a menu's worth of text (a handful of entries) */

static int list_tag(int t) { return t == TG_UL || t == TG_OL; }

int wn_hmenus_mark(const hdom *h, uint8_t *menu)
{
    memset(menu, 0, (size_t)h->n);
    int32_t *list_above = malloc((size_t)h->n * sizeof *list_above); /* nearest list ancestor */
    uint8_t *nests = calloc((size_t)h->n + 1, 1);
    if (!list_above || !nests) {
        free(list_above);
        free(nests);
        return -1;
    }
    for (int i = 0; i < h->n; i++) {
        int p = h->parent[i];
        list_above[i] = p < 0 ? -1 : list_tag(h->tag[p]) ? p : list_above[p];
        if (list_tag(h->tag[i]) && list_above[i] >= 0) nests[list_above[i]] = 1;
    }
    /* A tree of links inside the page's <main> or <article> is its table of contents. */
    int menus = 0;
    for (int i = 0; i < h->n; i++) {
        int p = h->parent[i];
        if (h->tag[i] == TG_MAIN || h->tag[i] == TG_ARTICLE || (p >= 0 && menu[p] == 2)) {
            menu[i] = 2;
            continue;
        }
        if (p >= 0 && menu[p]) {
            menu[i] = 1;
            continue;
        }
        if (nests[i] && h->text[i] >= MENU_MIN_TEXT &&
            h->link[i] >= MENU_LINK_SHARE * h->text[i]) {
            menu[i] = 1;
            menus++;
        }
    }
    for (int i = 0; i < h->n; i++) menu[i] = menu[i] == 1;
    free(list_above);
    free(nests);
    return menus;
}
