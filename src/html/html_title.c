/* html_title.c -- the headline: og:title or <title> with a " | Site" suffix removed,
 * replaced by the page's <h1> when the two agree (the h1 is the cleanest copy).  For
 * the record (page_meta.title), an h1's own " | Section" tail or leading date goes. */
#include <libxml/tree.h>
#include <string.h>
#include "html/html_dom.h"
#include "meta/meta.h"

#define H1_LOOK 8

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

/* An h1 that carries more than the headline: a section or site after a bar or dash
 * ("Best Movers in NYC 2025 | Top 19 Companies"), a date line before it ("Dec 18 2025
 * Preparing a transition").  Cut in place. */
static char *headline_only(char *t, arena *a)
{
    const char *at;
    if (wn_meta_next_date(t, &at, NULL, a) && at == t) {
        /* The date's own length: up to its year (four digits after the start). */
        const char *p = t;
        int digits = 0;
        while (*p && digits < 4) {
            digits = *p >= '0' && *p <= '9' ? digits + 1 : 0;
            p++;
        }
        while (*p == ' ' || *p == ',') p++;
        if (strlen(p) >= 10) memmove(t, p, strlen(p) + 1);
    }
    char *bar = strstr(t, " | ");
    if (bar && bar - t >= 10) *bar = '\0';
    t[strip_site(t, strlen(t))] = '\0';
    return t;
}

static char *node_text(doc *d, xmlNode *n)
{
    xmlChar *c = xmlNodeGetContent(n);
    if (!c) return NULL;
    size_t l = strlen((const char *)c);
    if (l > 2000) l = utf8_boundary((const char *)c, 2000);
    char *t = wn_arena_strndup(&d->mem, (const char *)c, l);
    xmlFree(c);
    if (!t) return NULL;
    l = wn_text_collapse_ws(t, l);
    t[l] = '\0';
    return l ? t : NULL;
}

/* The visible h1 that the metadata agrees with; else the first one inside the
 * article; else the first one.  At most H1_LOOK are read; *agree says whether the
 * metadata agreed, *count how many h1s were seen. */
static char *pick_h1(hdom *h, doc *d, const char *og, const char *title, int *agree,
                     int *count)
{
    char *first = NULL, *inside = NULL;
    int seen = 0;
    /* Visible text before each element, in document order (indices are pre-order):
     * a headline comes before the story, an h1 deep inside it is a section title. */
    uint64_t before = 0, at_top = 0;
    for (int i = 0; i < h->n && seen < H1_LOOK; i++) {
        if (i == h->top) at_top = before;
        if (!(h->flags[i] & NF_REMOVED)) before += h->own[i];
        if (h->tag[i] != TG_H1 || (h->flags[i] & NF_REMOVED) || !h->text[i]) continue;
        if (h->top >= 0 && (h->flags[i] & NF_INSIDE) && before - at_top > h->text[h->top] / 5)
            continue;
        seen++;
        (*count)++;
        char *t = node_text(d, h->node[i]);
        if (!t) continue;
        if ((og && (strstr(og, t) || strstr(t, og))) ||
            (title && (strstr(title, t) || strstr(t, title)))) {
            *agree = 1;
            return t;
        }
        if (!first) first = t;
        if (!inside && (h->flags[i] & NF_INSIDE)) inside = t;
    }
    return inside ? inside : first;
}

void wn_htitle_find(hdom *h, doc *d)
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
            const char *p = wn_hdom_attr(c, "property");
            if (!p) p = wn_hdom_attr(c, "name");
            if (p && (strcmp(p, "og:title") == 0 || strcmp(p, "twitter:title") == 0))
                og = wn_doc_keep_text(d, wn_hdom_attr(c, "content"));
        }
    }
    /* The part of <title> after " | " is the site's name. */
    const char *site = NULL;
    if (title) {
        size_t cut = strip_site(title, strlen(title));
        if (title[cut]) {
            title[cut] = '\0';
            site = title + cut + 1;
        }
    }
    if (og) og[strip_site(og, strlen(og))] = '\0';
    const char *meta = og ? og : title;
    int agree = 0, count = 0;
    h1 = pick_h1(h, d, og, title, &agree, &count);
    /* The h1 is the page's own headline unless it is the site's name: a logo h1 in
     * the title's suffix, or one too short to be a headline that the metadata does
     * not back. */
    int h1_ok = h1 && strlen(h1) >= 12 && strchr(h1, ' ');
    /* Several h1s that the metadata does not back are section headings. */
    if (count > 1 && meta) h1_ok = 0;
    if (agree) h1_ok = 1;
    if (h1 && site && strstr(site, h1)) h1_ok = 0;
    d->title = h1_ok ? h1 : meta ? meta : h1;
    /* The record's headline without what the h1 carries besides; the text keeps the
     * h1 as the page shows it. */
    if (h1_ok) {
        char *clean = wn_arena_strndup(&d->mem, h1, strlen(h1));
        if (clean && strcmp(headline_only(clean, &d->mem), h1) != 0) d->meta.title = clean;
    }
}
