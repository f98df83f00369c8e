/* html_title.c -- the headline: og:title or <title> with a " | Site" suffix removed,
 * replaced by the page's <h1> when the two agree (the h1 is the cleanest copy). */
#include <libxml/tree.h>
#include <string.h>
#include "html_dom.h"

/* Site-name separators, longest first. */
static const char *const seps[] = {" | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " :: ",
                                   " \xC2\xB7 ", " \xC2\xBB ", NULL};

/* Cuts a trailing " | Site" when the tail is shorter than the head. */
static size_t strip_site(const char *s, size_t len)
{
    for (const char *const *sep = seps; *sep; sep++) {
        size_t sl = strlen(*sep);
        for (size_t i = len; i-- > 0;) {
            if (i + sl > len || memcmp(s + i, *sep, sl) != 0) continue;
            if (len - i - sl < i && i >= 10) return i;
            break;
        }
    }
    return len;
}

static char *node_text(doc *d, xmlNode *n)
{
    xmlChar *c = xmlNodeGetContent(n);
    if (!c) return NULL;
    size_t l = strlen((const char *)c);
    if (l > 2000) l = 2000;
    char *t = arena_strndup(&d->mem, (const char *)c, l);
    xmlFree(c);
    if (!t) return NULL;
    l = text_collapse_ws(t, l);
    t[l] = '\0';
    return l ? t : NULL;
}

static char *dup_clean(doc *d, const char *s)
{
    if (!s) return NULL;
    size_t l = strnlen(s, 2000);
    char *t = arena_strndup(&d->mem, s, l);
    if (!t) return NULL;
    l = text_collapse_ws(t, l);
    t[l] = '\0';
    return l ? t : NULL;
}

void htitle_find(hdom *h, doc *d)
{
    char *title = NULL, *og = NULL, *h1 = NULL;
    xmlNode *root = h->xdoc ? xmlDocGetRootElement(h->xdoc) : NULL;
    xmlNode *head = NULL;
    for (xmlNode *c = root ? root->children : NULL; c && !head; c = c->next)
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "head") == 0) head = c;
    for (xmlNode *c = head ? head->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (!title && strcmp((const char *)c->name, "title") == 0) {
            title = node_text(d, c);
        } else if (!og && strcmp((const char *)c->name, "meta") == 0) {
            const char *p = hdom_attr(c, "property");
            if (!p) p = hdom_attr(c, "name");
            if (p && (strcmp(p, "og:title") == 0 || strcmp(p, "twitter:title") == 0))
                og = dup_clean(d, hdom_attr(c, "content"));
        }
    }
    /* The first visible h1, preferring one inside the article. */
    int best = -1;
    for (int i = 0; i < h->n; i++) {
        if (h->tag[i] != TG_H1 || (h->flags[i] & NF_REMOVED) || !h->text[i]) continue;
        if (best < 0 || ((h->flags[i] & NF_INSIDE) && !(h->flags[best] & NF_INSIDE))) best = i;
        if (h->flags[best] & NF_INSIDE) break;
    }
    if (best >= 0) h1 = node_text(d, h->node[best]);
    if (title) title[strip_site(title, strlen(title))] = '\0';
    if (og) og[strip_site(og, strlen(og))] = '\0';
    const char *meta = og ? og : title;
    if (h1 && (!meta || strstr(og ? og : "", h1) || strstr(title ? title : "", h1) ||
               strstr(h1, meta)))
        d->title = h1;
    else
        d->title = meta ? meta : h1;
}
