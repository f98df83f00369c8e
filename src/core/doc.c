/* doc.c -- the block list of one page: blocks grow in one array, their text lives in
 * the doc's arena, and DOC_MAX_BLOCKS keeps a page of a million tiny elements bounded. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "core/doc.h"

void wn_doc_init(doc *d)
{
    memset(d, 0, sizeof *d);
    wn_arena_init(&d->mem);
}

block *wn_doc_add(doc *d, block_kind kind, const char *text, size_t len)
{
    if (d->failed) return NULL;
    if (d->n >= DOC_MAX_BLOCKS) {
        d->failed = d->too_many = 1;
        return NULL;
    }
    if (d->n == d->cap) {
        if (d->cap > SIZE_MAX / 2 / sizeof *d->blocks) { d->failed = 1; return NULL; }
        size_t cap = d->cap ? d->cap * 2 : 64;
        block *p = realloc(d->blocks, cap * sizeof *p);
        if (!p) { d->failed = 1; return NULL; }
        d->blocks = p;
        d->cap = cap;
    }
    char *t = wn_arena_strndup(&d->mem, text, len);
    if (!t) { d->failed = 1; return NULL; }
    block *b = &d->blocks[d->n++];
    memset(b, 0, sizeof *b);
    b->text = t;
    b->len = len;
    b->kind = kind;
    return b;
}

doc_image *wn_doc_add_image(doc *d, const char *url, const char *alt)
{
    if (d->failed || d->n_images >= DOC_MAX_IMAGES) return NULL;
    if (d->n_images == d->cap_images) {
        size_t cap = d->cap_images ? d->cap_images * 2 : 16;
        doc_image *p = realloc(d->images, cap * sizeof *p);
        if (!p) { d->failed = 1; return NULL; }
        d->images = p;
        d->cap_images = cap;
    }
    doc_image *im = &d->images[d->n_images++];
    memset(im, 0, sizeof *im);
    im->url = url;
    im->alt = alt;
    im->before = d->n;
    im->in_block = -1;
    return im;
}

void wn_doc_free(doc *d)
{
    free(d->images);
    d->images = NULL;
    d->n_images = d->cap_images = 0;
    free(d->blocks);
    d->blocks = NULL;
    d->n = d->cap = 0;
    wn_arena_free(&d->mem);
}

const char *wn_block_kind_name(block_kind k)
{
    static const char *names[] = {"para", "heading", "item", "quote", "pre", "table",
                                  "caption", "title"};
    return (unsigned)k < sizeof names / sizeof *names ? names[k] : "?";
}

const char *wn_block_why_name(block_why why)
{
    static const char *const names[WHY_COUNT] = {
        [WHY_NONE] = "-",
        [WHY_RULE] = "rule",
        [WHY_AFTER_CUT] = "after cut",
        [WHY_BEFORE_CUT] = "before cut",
        [WHY_ARTICLE] = "article",
        [WHY_HEADLINE] = "headline",
        [WHY_OUTSIDE_ARTICLE] = "outside article",
        [WHY_BEFORE_MAIN_RUN] = "before main run",
        [WHY_AFTER_MAIN_RUN] = "after main run",
        [WHY_REPEATED] = "repeated",
        [WHY_CAPTION] = "caption",
        [WHY_LINK_HEAVY] = "link-heavy",
        [WHY_REPEATS_ABOVE] = "repeats the line above (image alt text, caption)",
        [WHY_TABLE_ROW] = "table row",
        [WHY_DATE_LINE] = "date line",
        [WHY_BYLINE] = "byline",
        [WHY_WORD_LIST] = "word list",
        [WHY_HEADLINE_LIKE] = "headline-like line",
        [WHY_PROSE] = "prose",
        [WHY_SHORT_SENTENCE] = "short sentence",
        [WHY_SHORT_LINE] = "short line",
        [WHY_PACKED_PROSE] = "prose packed among short lines (teaser list?)",
        [WHY_TEASERS] = "teaser list or comments",
        [WHY_PROSE_OUTSIDE] = "prose outside article",
        [WHY_SHORT_INSIDE] = "short line inside article",
        [WHY_DECLARED] = "declared description (the page shows none)",
        [WHY_COMMENT] = "reader comment",
        [WHY_BARE_URL] = "bare URL",
        [WHY_FURNITURE] = "post furniture",
        [WHY_TILE] = "tile of another item",
        [WHY_EXTRA] = "around the item (reviews, questions, recommendations)",
        [WHY_WIDGET] = "list of bare numbers (rating or pager)",
        [WHY_BARE_HEADING] = "heading of a section that kept nothing",
        [WHY_NO_CONTENT] = "no content",
        [WHY_TICKER] = "a phrase said over and over (ticker)",
        [WHY_DEMO_CODE] = "code on a service page (a product's demo)",
        [WHY_INNER_MENU] = "a menu inside a page read whole",
        [WHY_REPEATED_LINE] = "line kept already above",
        [WHY_POST_FURNITURE] = "short lines packed among posts",
        [WHY_SHOP_FORM] = "a shop's form (options, report dialog)",
        [WHY_GRID_CHROME] = "around a collection's grid of items (menu, filters, footer)",
    };
    return (unsigned)why < WHY_COUNT && names[why] ? names[why] : "?";
}

char *wn_doc_keep_text(doc *d, const char *s)
{
    if (!s) return NULL;
    size_t l = strnlen(s, 2001);
    if (l > 2000) l = utf8_boundary(s, 2000);
    char *t = wn_arena_strndup(&d->mem, s, l);
    if (!t) return NULL;
    l = wn_text_collapse_ws(t, l);
    t[l] = '\0';
    return l ? t : NULL;
}

const char *wn_doc_hostname(doc *d, const char *url)
{
    const char *p = url ? strstr(url, "://") : NULL;
    if (!p) return NULL;
    p += 3;
    size_t end = strcspn(p, "/?#");
    const char *at = memchr(p, '@', end); /* user:password@ */
    if (at) {
        end -= (size_t)(at + 1 - p);
        p = at + 1;
    }
    size_t n = end;
    if (n && p[0] == '[') { /* an IPv6 literal keeps its colons */
        const char *close = memchr(p, ']', n);
        n = close ? (size_t)(close - p) + 1 : 0;
    } else {
        const char *colon = memchr(p, ':', n);
        if (colon) n = (size_t)(colon - p);
    }
    while (n && p[n - 1] == '.') n--; /* "example.com." is example.com */
    if (!n) return NULL;
    char *h = wn_arena_strndup(&d->mem, p, n);
    for (char *c = h; c && *c; c++)
        if (*c >= 'A' && *c <= 'Z') *c = (char)(*c + 32);
    return h;
}
