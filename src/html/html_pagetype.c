/* html_pagetype.c -- what kind of page an HTML page is.  Measures the signals of
 * pagetype/pagetype.h on the parsed tree and decides with the HTML table:
 * - what the page declares: JSON-LD and microdata types, og:type, the generator,
 *   body classes, author/date meta, <title>;
 * - its structure: tag counts, class and id words of forum, shop, grid, doc, article
 *   and service markup (platform class names are data in class_words below), link
 *   density, the largest run of paragraphs, links in headings, and groups of sibling
 *   elements of one shape -- posts, cards, entries, priced items;
 * - its visible text (pagetype/pt_text.c) and its URL (pagetype/pt_url.c).
 * One walk over the elements, one reverse sweep for subtree counts and one sort of the
 * sibling keys: O(n log n) in the number of elements. */
#include <libxml/tree.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "html/html_dom.h"
#include "meta/meta.h"
#include "pagetype/pagetype.h"

/* Class and id words, by what they mark.  A word may mark several things. */
enum {
    CW_FORUM = 1 << 0, CW_PRODUCT = 1 << 1, CW_GRID = 1 << 2, CW_DOC = 1 << 3,
    CW_ARTICLE = 1 << 4, CW_SERVICE = 1 << 5,
    CW_PLAT_FORUM = 1 << 6, /* forum software's own class names */
    CW_PLAT_DOC = 1 << 7,   /* documentation generators' own class names */
    CW_PLAT_SHOP = 1 << 8,
    CW_BREADCRUMB = 1 << 9,
    CW_CHROME = 1 << 10,    /* page furniture: nav, menu, header, footer, sidebar */
    CW_NAVLIST = 1 << 11    /* lists of links: sidebar, toc, menu */
};

typedef struct {
    const char *word;
    unsigned marks;
} class_word;

/* Looked up by hash (index_words below); kept in alphabetical order for reading. */
static const class_word class_words[] = {
    {"accordion", CW_SERVICE}, {"add", CW_PLAT_SHOP}, {"addtocart", CW_PRODUCT | CW_PLAT_SHOP},
    {"admonition", CW_DOC | CW_PLAT_DOC}, {"anchor", CW_DOC}, {"answer", CW_FORUM},
    {"answercell", CW_PLAT_FORUM}, {"answers", CW_FORUM}, {"api", CW_DOC},
    {"archive", CW_GRID}, {"author", CW_ARTICLE}, {"avatar", CW_FORUM},
    {"banner", CW_SERVICE}, {"bbcode", CW_PLAT_FORUM}, {"bbcodeblock", CW_PLAT_FORUM},
    {"bbwrapper", CW_PLAT_FORUM}, {"bd", CW_PLAT_DOC}, {"benefits", CW_SERVICE},
    {"breadcrumb", CW_BREADCRUMB}, {"breadcrumbs", CW_BREADCRUMB}, {"buy", CW_PRODUCT},
    {"byline", CW_ARTICLE}, {"card", CW_GRID}, {"cards", CW_GRID},
    {"cart", CW_PRODUCT | CW_PLAT_SHOP}, {"catalog", CW_GRID}, {"checkout", CW_PRODUCT | CW_PLAT_SHOP},
    {"code", CW_DOC}, {"comment", CW_FORUM}, {"commentarea", CW_PLAT_FORUM},
    {"comments", CW_FORUM}, {"contact", CW_SERVICE}, {"cpost", CW_PLAT_FORUM},
    {"cta", CW_SERVICE}, {"dateline", CW_ARTICLE}, {"discourse", CW_PLAT_FORUM},
    {"doc", CW_DOC | CW_PLAT_DOC}, {"docmainwrapper", CW_PLAT_DOC}, {"docs", CW_DOC | CW_PLAT_DOC},
    {"docsearch", CW_PLAT_DOC}, {"documentation", CW_DOC}, {"docusaurus", CW_PLAT_DOC},
    {"docutils", CW_DOC | CW_PLAT_DOC}, {"edit", CW_DOC}, {"entry", CW_ARTICLE},
    {"excerpt", CW_ARTICLE}, {"facet", CW_GRID}, {"facets", CW_GRID}, {"faq", CW_SERVICE},
    {"feature", CW_SERVICE}, {"features", CW_SERVICE}, {"filter", CW_GRID},
    {"filters", CW_GRID}, {"footer", CW_CHROME}, {"forum", CW_FORUM}, {"gitbook", CW_PLAT_DOC},
    {"grid", CW_GRID}, {"header", CW_CHROME}, {"headerlink", CW_DOC | CW_PLAT_DOC},
    {"hentry", CW_ARTICLE}, {"hero", CW_SERVICE}, {"highlight", CW_DOC}, {"hljs", CW_DOC},
    {"ipsforum", CW_PLAT_FORUM}, {"item", CW_GRID}, {"items", CW_GRID},
    {"language", CW_DOC}, {"listing", CW_GRID}, {"logos", CW_SERVICE}, {"loop", CW_GRID},
    {"markdown", CW_DOC}, {"md", CW_PLAT_DOC}, {"menu", CW_CHROME | CW_NAVLIST},
    {"message", CW_FORUM}, {"messagecontent", CW_PLAT_FORUM}, {"messages", CW_FORUM},
    {"meta", CW_ARTICLE}, {"minicart", CW_PLAT_SHOP}, {"mkdocs", CW_PLAT_DOC},
    {"mw", CW_PLAT_DOC}, {"mwparseroutput", CW_PLAT_DOC}, {"mybb", CW_PLAT_FORUM},
    {"nav", CW_CHROME}, {"pager", CW_GRID}, {"pagination", CW_GRID}, {"partners", CW_SERVICE},
    {"pdp", CW_PRODUCT | CW_PLAT_SHOP}, {"phpbb", CW_PLAT_FORUM}, {"plan", CW_SERVICE},
    {"plans", CW_SERVICE}, {"plp", CW_GRID | CW_PLAT_SHOP}, {"post", CW_FORUM},
    {"postbit", CW_PLAT_FORUM}, {"postbody", CW_PLAT_FORUM}, {"postcell", CW_PLAT_FORUM},
    {"postmeta", CW_ARTICLE}, {"postprofile", CW_PLAT_FORUM}, {"posts", CW_FORUM},
    {"price", CW_PRODUCT}, {"pricing", CW_SERVICE}, {"prism", CW_DOC}, {"product", CW_PRODUCT},
    {"pubdate", CW_ARTICLE}, {"published", CW_ARTICLE}, {"qty", CW_PRODUCT},
    {"quantity", CW_PRODUCT}, {"quote", CW_FORUM}, {"rating", CW_PRODUCT},
    {"reaction", CW_FORUM}, {"readtime", CW_ARTICLE}, {"related", CW_ARTICLE},
    {"replies", CW_FORUM}, {"reply", CW_FORUM}, {"result", CW_GRID}, {"results", CW_GRID},
    {"rst", CW_PLAT_DOC}, {"rustdoc", CW_PLAT_DOC}, {"services", CW_SERVICE},
    {"share", CW_ARTICLE}, {"shipping", CW_PRODUCT}, {"shopify", CW_PLAT_SHOP},
    {"sidebar", CW_DOC | CW_CHROME | CW_NAVLIST}, {"signature", CW_FORUM}, {"sku", CW_PRODUCT | CW_PLAT_SHOP},
    {"smfpost", CW_PLAT_FORUM}, {"solutions", CW_SERVICE}, {"sort", CW_GRID},
    {"specifications", CW_PRODUCT}, {"specs", CW_PRODUCT}, {"sphinxsidebar", CW_PLAT_DOC},
    {"steps", CW_SERVICE}, {"stock", CW_PRODUCT}, {"swatch", CW_PRODUCT | CW_PLAT_SHOP},
    {"syntax", CW_DOC}, {"tags", CW_ARTICLE}, {"teaser", CW_GRID}, {"testimonial", CW_SERVICE},
    {"testimonials", CW_SERVICE}, {"thread", CW_FORUM}, {"threadbit", CW_PLAT_FORUM},
    {"tile", CW_GRID}, {"tiles", CW_GRID}, {"toc", CW_DOC | CW_NAVLIST},
    {"toctree", CW_PLAT_DOC}, {"topic", CW_FORUM}, {"topicpost", CW_PLAT_FORUM},
    {"userinfo", CW_FORUM}, {"username", CW_FORUM}, {"variant", CW_PRODUCT},
    {"version", CW_DOC}, {"vitepress", CW_PLAT_DOC}, {"vote", CW_FORUM}, {"votes", CW_FORUM},
    {"vp", CW_PLAT_DOC}, {"vbulletin", CW_PLAT_FORUM}, {"woocommerce", CW_PLAT_SHOP},
    {"wy", CW_PLAT_DOC}, {"xenforo", CW_PLAT_FORUM}, {"zoom", CW_PRODUCT},
};
#define N_WORDS (sizeof class_words / sizeof *class_words)

/* FNV-1a, as read_classes computes it while it reads a word. */
static uint32_t word_hash(const char *w)
{
    return wn_hash_bytes(w, strlen(w));
}

/* Class words by hash (open addressing; 0 = empty, else index + 1), filled once: most
 * words of a page are in no table, and a miss costs one probe. */
#define WORD_SLOTS 1024
static unsigned short word_slot[WORD_SLOTS];
static pthread_once_t words_once = PTHREAD_ONCE_INIT;
static void index_words(void)
{
    for (size_t k = 0; k < N_WORDS; k++) {
        uint32_t j = word_hash(class_words[k].word) & (WORD_SLOTS - 1);
        while (word_slot[j]) j = (j + 1) & (WORD_SLOTS - 1);
        word_slot[j] = (unsigned short)(k + 1);
    }
}

static const class_word *find_word(const char *w, uint32_t h)
{
    for (uint32_t j = h & (WORD_SLOTS - 1); word_slot[j]; j = (j + 1) & (WORD_SLOTS - 1)) {
        const class_word *cw = &class_words[word_slot[j] - 1];
        if (strcmp(cw->word, w) == 0) return cw;
    }
    return NULL;
}

typedef struct {
    unsigned marks_seen;       /* CW_* met anywhere */
    int count[6];              /* words met per CW_FORUM .. CW_SERVICE */
    int plat_doc_words;        /* distinct doc-generator words */
    unsigned char seen_word[N_WORDS];
} class_counts;

/* Splits class and id values into lowercase words of letters and digits (a word starts
 * with a letter) and looks each up.  Returns the CW_ marks of the element's words;
 * hash gets an order-free hash of its class words without digits, for sibling shape. */
static unsigned read_classes(const char *v, class_counts *cc, uint32_t *hash)
{
    unsigned marks = 0;
    char w[26];
    /* (c | 0x20) - 'a' < 26 for ASCII letters alone: one compare per byte. */
#define IS_LETTER(c) ((unsigned)(((unsigned char)(c) | 0x20) - 'a') < 26)
#define IS_DIGIT(c) ((unsigned)((unsigned char)(c) - '0') < 10)
    while (v && *v) {
        while (*v && !IS_LETTER(*v)) v++;
        size_t n = 0, full = 0;
        uint32_t h = 2166136261u, hw = 2166136261u; /* without digits (shape), whole word */
        for (;; v++) {
            unsigned char c;
            if (IS_LETTER(*v)) {
                c = (unsigned char)*v | 0x20;
                h = (h ^ c) * 16777619u;
            } else if (IS_DIGIT(*v)) {
                c = (unsigned char)*v;
            } else {
                break;
            }
            if (n < sizeof w - 1) w[n++] = (char)c;
            full++;
            hw = (hw ^ c) * 16777619u;
        }
        if (!full) continue;
        if (hash) *hash += h * 2654435761u; /* a sum: the order of words does not matter */
        if (full > 25) continue;
        w[n] = 0;
        const class_word *cw = find_word(w, hw);
        if (!cw) continue;
        marks |= cw->marks;
        if (!cc) continue;
        for (int g = 0; g < 6; g++)
            if (cw->marks & (1u << g)) cc->count[g]++;
        size_t k = (size_t)(cw - class_words);
        if ((cw->marks & CW_PLAT_DOC) && !cc->seen_word[k]) cc->plat_doc_words++;
        cc->seen_word[k] = 1;
        cc->marks_seen |= cw->marks;
    }
    return marks;
#undef IS_LETTER
#undef IS_DIGIT
}

static void body_signals(const char *cls, pt_signals *s)
{
    static const char *const post[] = {"single-post", "post-template-default",
                                       "single-format-standard", "blog-post", "article-page",
                                       "node--type-article", "page-node-type-article", NULL};
    static const char *const archive[] = {"archive", "category", "tag", "search",
                                          "search-results", "blog", "paged",
                                          "post-type-archive", NULL};
    static const char *const product[] = {"single-product", "product-template-default", NULL};
    static const char *const shop[] = {"woocommerce-page", "woocommerce", NULL};
    static const char *const page[] = {"page-template-default", "page-template", "page", "home",
                                       "front-page", NULL};
    if (wn_hdom_has_class(cls, post)) s->v[PS_S_BODY_POST] = 1;
    int arch = wn_hdom_has_class(cls, archive);
    for (const char *p = cls; *p && !arch; p++)
        if ((p == cls || p[-1] == ' ') &&
            (!strncmp(p, "tax-", 4) || !strncmp(p, "category-", 9) || !strncmp(p, "tag-", 4)))
            arch = 1;
    if (arch) s->v[PS_S_BODY_ARCHIVE] = 1;
    if (wn_hdom_has_class(cls, product)) s->v[PS_S_BODY_PRODUCT] = 1;
    else if (wn_hdom_has_class(cls, shop)) s->v[PS_S_BODY_SHOP] = 1;
    if (wn_hdom_has_class(cls, page) && !s->v[PS_S_BODY_POST]) s->v[PS_S_BODY_PAGE] = 1;
}

/* Per-element counts over its subtree. */
typedef struct {
    uint32_t links, imgs, times, prices, link_text;
} subtree;

#define MAX_INT(a, b) ((a) > (b) ? (a) : (b))

/* Groups of >= 3 siblings of one shape under a parent that is not page furniture:
 * posts (long, few links), cards (image and link), entries (a link and a teaser),
 * priced and dated items, and the share of the page's text the largest group holds. */
static void sibling_signals(const hdom *h, const subtree *st, const uint8_t *chrome,
                            const uint32_t *key, pt_signals *s)
{
    hsibling *sb = malloc((size_t)h->n * sizeof *sb);
    if (!sb) return;
    size_t n = 0;
    for (int i = 1; i < h->n; i++) {
        int p = h->parent[i];
        if (p < 0 || chrome[p] || h->raw[i] < 15) continue;
        sb[n++] = (hsibling){p, key[i], i};
    }
    qsort(sb, n, sizeof *sb, wn_hsibling_order);
    double total = h->raw[0] ? (double)h->raw[0] : 1.0;
    int posts = 0, cards = 0, items = 0, priced = 0, dated = 0, share = 0;
    for (size_t a = 0, b; a < n; a = b) {
        for (b = a + 1; b < n && sb[b].parent == sb[a].parent && sb[b].key == sb[a].key; b++)
            ;
        int m = (int)(b - a);
        if (m < 3) continue;
        double text = 0, ltext = 0;
        int with_img = 0, with_link = 0, with_price = 0, with_time = 0;
        for (size_t k = a; k < b; k++) {
            const subtree *t = &st[sb[k].node];
            text += h->raw[sb[k].node];
            ltext += t->link_text;
            with_img += t->imgs > 0;
            with_link += t->links > 0;
            with_price += t->prices > 0;
            with_time += t->times > 0;
        }
        double avg = text / m, ld = ltext / (text > 0 ? text : 1);
        if (avg >= 150 && ld < 0.3) posts = MAX_INT(posts, m);
        if (with_img * 10 >= m * 6 && with_link * 10 >= m * 6 && avg < 300) cards = MAX_INT(cards, m);
        if (with_link * 10 >= m * 8 && avg >= 30 && avg <= 600 && ld >= 0.2) items = MAX_INT(items, m);
        if (with_price * 2 >= m) priced = MAX_INT(priced, m);
        if (with_time * 2 >= m) dated = MAX_INT(dated, m);
        if (m >= 4) share = MAX_INT(share, (int)(100 * text / total));
    }
    free(sb);
    s->v[PS_H_REP_POSTS] = posts;
    s->v[PS_H_REP_CARDS] = cards;
    s->v[PS_H_REP_ITEMS] = items;
    s->v[PS_H_REP_PRICED] = priced;
    s->v[PS_H_REP_DATED] = dated;
    s->v[PS_H_REP_SHARE] = share;
}

static int contains_nocase(const char *s, const char *w)
{
    size_t n = strlen(w);
    for (; *s; s++)
        if (!strncasecmp(s, w, n)) return 1;
    return 0;
}

/* A form to comment on the page, or its text box (WordPress' "commentform", Blogger's
 * and TypePad's "comment-form", "respond", a textarea named "comment"). */
static int comment_form(const xmlNode *n)
{
    static const char *const attrs[] = {"id", "class", "name", "action", NULL};
    for (int k = 0; n->properties && attrs[k]; k++) {
        const char *v = wn_hdom_attr(n, attrs[k]);
        if (v && (contains_nocase(v, "comment") || contains_nocase(v, "respond"))) return 1;
    }
    return 0;
}

/* What <head> says: og:type, generator, article:published_time, product prices, the
 * <title>, rel=next/prev. */
static void head_signals(xmlNode *head, pt_signals *s)
{
    for (xmlNode *c = head ? head->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        const char *name = (const char *)c->name;
        if (!strcmp(name, "title") && !s->v[PS_S_TITLE_LIST]) {
            xmlChar *t = xmlNodeGetContent(c);
            if (t) wn_pt_title_signals((const char *)t, s);
            xmlFree(t);
        } else if (!strcmp(name, "link")) {
            const char *rel = wn_hdom_attr(c, "rel");
            if (rel && (!strcasecmp(rel, "next") || !strcasecmp(rel, "prev")))
                s->v[PS_H_RELNEXT] = 1;
        } else if (!strcmp(name, "meta")) {
            const char *k = wn_hdom_attr(c, "property");
            if (!k) k = wn_hdom_attr(c, "name");
            const char *v = wn_hdom_attr(c, "content");
            if (!k || !v) continue;
            if (!strcasecmp(k, "generator")) wn_pt_generator_signals(v, s);
            else if (!strcasecmp(k, "article:published_time")) s->v[PS_S_PUBLISHED] = 1;
            else if (!strncasecmp(k, "product:", 8) || !strncasecmp(k, "og:price", 8))
                s->v[PS_S_PRICE_META] = 1;
            else if (!strcasecmp(k, "og:type") && v[0]) {
                if (!strncasecmp(v, "article", 7) || !strcasecmp(v, "blog") || !strcasecmp(v, "news"))
                    s->v[PS_S_OG_ARTICLE] = 1;
                else if (contains_nocase(v, "product") || (strlen(v) > 5 && !strcasecmp(v + strlen(v) - 5, ":item")))
                    s->v[PS_S_OG_PRODUCT] = 1;
                else if (!strcasecmp(v, "website"))
                    s->v[PS_S_OG_WEBSITE] = 1;
            }
        }
    }
    if (!s->v[PS_S_OG_ARTICLE] && !s->v[PS_S_OG_PRODUCT] && !s->v[PS_S_OG_WEBSITE])
        s->v[PS_S_OG_NONE] = 1;
}

/* Microdata: itemtype groups, itemprops of offers, authors and posts. */
typedef struct {
    unsigned types;
    int price, author, text;
} microdata;

static void read_microdata(const char *it, const char *ip, microdata *md)
{
    if (it) md->types |= wn_meta_schema_group(it);
    if (!ip) return;
    if (!strcasecmp(ip, "price") || !strcasecmp(ip, "offers")) md->price++;
    else if (!strcasecmp(ip, "author") || !strcasecmp(ip, "datePublished")) md->author++;
    else if (!strcasecmp(ip, "text")) md->text++;
}

static int is_heading(int tag) { return tag >= TG_H1 && tag <= TG_H6; }

/* The attributes the walk reads, each the first of its name (as wn_hdom_attr finds
 * it), in one pass over the element's attributes instead of one per name. */
typedef struct {
    const char *cls, *id, *itemtype, *itemprop;
} walk_attrs;

static void read_walk_attrs(const xmlNode *n, walk_attrs *wa)
{
    memset(wa, 0, sizeof *wa);
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        const char *an = (const char *)a->name;
        if (!an) continue;
        const char *v = wn_hdom_attr_value(a);
        switch (an[0] | 0x20) {
        case 'c':
            if (!wa->cls && !strcasecmp(an, "class")) wa->cls = v;
            break;
        case 'i':
            if (!wa->id && !strcasecmp(an, "id")) wa->id = v;
            else if (!wa->itemtype && !strcasecmp(an, "itemtype")) wa->itemtype = v;
            else if (!wa->itemprop && !strcasecmp(an, "itemprop")) wa->itemprop = v;
            break;
        default: break;
        }
    }
}

/* The elements' walk: tag counts, class words, controls, microdata, prices, and the
 * per-element flags the sweeps below need. */
static void walk_elements(const hdom *h, pt_signals *s, class_counts *cc, microdata *md,
                          uint8_t *chrome, uint8_t *navlist, uint32_t *key, subtree *st)
{
    int inputs = 0;
    for (int i = 0; i < h->n; i++) {
        const xmlNode *n = h->node[i];
        int t = h->tag[i], p = h->parent[i];
        const char *name = (const char *)n->name;
        uint32_t hash = 0;
        unsigned marks = 0;
        if (n->properties) {
            walk_attrs wa;
            read_walk_attrs(n, &wa);
            marks = read_classes(wa.cls, cc, &hash);
            marks |= read_classes(wa.id, cc, NULL);
            read_microdata(wa.itemtype, wa.itemprop, md);
            if (t == TG_BODY && !strcmp(name, "body") && wa.cls) body_signals(wa.cls, s);
            if ((t == TG_H2 || t == TG_H3 || t == TG_H4) && wa.id) s->v[PS_H_HIDS]++;
        }
        uint32_t tag_hash = wn_hash_bytes(name, strlen(name)); /* names are not interned */
        key[i] = hash ^ tag_hash * 2246822519u;
        chrome[i] = (p >= 0 && chrome[p]) || t == TG_NAV || t == TG_HEADER || t == TG_FOOTER ||
                    t == TG_ASIDE || (marks & CW_CHROME);
        navlist[i] = t == TG_NAV || t == TG_ASIDE || (marks & CW_NAVLIST);
        switch (t) {
        case TG_ARTICLE: s->v[PS_H_ARTICLE]++; break;
        case TG_PRE: s->v[PS_H_PRE]++; break;
        case TG_TABLE: s->v[PS_H_TABLE]++; break;
        case TG_FORM:
            s->v[PS_H_FORM]++;
            if (comment_form(n)) s->v[PS_H_COMMENT_FORM] = 1;
            break;
        case TG_H1: s->v[PS_H_H1]++; break;
        case TG_H2: s->v[PS_H_H2]++; break;
        case TG_H3: s->v[PS_H_H3]++; break;
        case TG_P: s->v[PS_H_P]++; break;
        case TG_BLOCKQUOTE: s->v[PS_H_BLOCKQUOTE]++; break;
        case TG_DL: s->v[PS_H_DL]++; break;
        case TG_A: st[i].links++; break;
        default: /* the first letter before the compare: most elements are none */
            if (name[0] == 'c' && !strcmp(name, "code")) s->v[PS_H_CODE]++;
            else if (name[0] == 't' && !strcmp(name, "textarea")) {
                s->v[PS_H_TEXTAREA]++;
                if (comment_form(n)) s->v[PS_H_COMMENT_FORM] = 1;
            }
            else if (name[0] == 't' && !strcmp(name, "time")) { s->v[PS_H_TIME]++; st[i].times++; }
            else if (name[0] == 'i' && !strcmp(name, "img")) { s->v[PS_H_IMG]++; st[i].imgs++; }
            break;
        }
        /* Children that are not indexed: form controls (counted here) and text. */
        for (const xmlNode *c = n->children; c; c = c->next) {
            if (c->type == XML_TEXT_NODE) {
                if (c->content && wn_hcards_price((const char *)c->content)) st[i].prices++;
                continue;
            }
            if (c->type != XML_ELEMENT_NODE || hdom_idx(c) >= 0) continue;
            const char *cn = (const char *)c->name;
            if (cn[0] == 't' && !strcmp(cn, "textarea")) s->v[PS_H_TEXTAREA]++;
            else if (cn[0] == 's' && !strcmp(cn, "select")) s->v[PS_H_SELECT]++;
            else if (cn[0] == 'i' && !strcmp(cn, "img")) { s->v[PS_H_IMG]++; st[i].imgs++; }
            else if (cn[0] == 'i') {
                const char *ty = wn_hdom_input_type(c);
                if (ty && strcasecmp(ty, "hidden") && strcasecmp(ty, "submit") &&
                    strcasecmp(ty, "button"))
                    inputs++;
            }
        }
    }
    s->v[PS_H_INPUTS] = inputs;
}

/* Reverse sweep (children have larger indices): subtree counts, then the signals read
 * off them -- link density, links of lists of links, the largest run of paragraphs,
 * long links outside the furniture, links in headings. */
static void sweep_signals(const hdom *h, const uint8_t *chrome, const uint8_t *navlist,
                          subtree *st, pt_signals *s)
{
    uint32_t *psum = calloc((size_t)h->n, sizeof *psum);
    uint16_t *pn = calloc((size_t)h->n, sizeof *pn);
    uint8_t *in_heading = calloc((size_t)h->n, 1);
    if (!psum || !pn || !in_heading) goto done;
    for (int i = 0; i < h->n; i++) {
        int p = h->parent[i];
        in_heading[i] = (p >= 0 && in_heading[p]) || is_heading(h->tag[i]);
        if (h->tag[i] == TG_A) {
            st[i].link_text = h->raw[i];
            if (in_heading[i]) {
                s->v[PS_H_HLINKS]++;
                const char *href = wn_hdom_attr(h->node[i], "href");
                if (href && href[0] == '#') s->v[PS_H_HANCHORS]++;
            }
            if (h->raw[i] >= 35 && !chrome[i]) s->v[PS_H_LONGLINKS]++;
        } else if (is_heading(h->tag[i]) && (h->flags[i] & NF_LINK)) {
            s->v[PS_H_HLINKS]++;
        }
        if (h->tag[i] == TG_P && p >= 0 && h->raw[i] >= 40) {
            psum[p] += h->raw[i];
            if (pn[p] < UINT16_MAX) pn[p]++;
        }
    }
    uint32_t best = 0, best_n = 0, navlinks = 0;
    for (int i = h->n - 1; i >= 0; i--) {
        if (psum[i] > best) {
            best = psum[i];
            best_n = pn[i];
        }
        if (navlist[i] && st[i].links > navlinks) navlinks = st[i].links;
        int p = h->parent[i];
        if (p < 0) continue;
        st[p].links += st[i].links;
        st[p].imgs += st[i].imgs;
        st[p].times += st[i].times;
        st[p].prices += st[i].prices;
        if (h->tag[i] != TG_A) st[p].link_text += st[i].link_text;
        else st[p].link_text += h->raw[i];
    }
    s->v[PS_H_PBLOCK] = (int)(best > 1000000 ? 1000000 : best);
    s->v[PS_H_PBLOCK_N] = (int)best_n;
    s->v[PS_H_NAVLINKS] = (int)navlinks;
    s->v[PS_H_LINKDENS] = h->raw[0] ? (int)(100.0 * st[0].link_text / h->raw[0]) : 0;
done:
    free(psum);
    free(pn);
    free(in_heading);
}

/* The visible text of the page's blocks, one per line, and what its headings say. */
static int text_signals(const doc *d, pt_signals *s)
{
    buf b;
    wn_buf_init(&b, 0);
    for (size_t i = 0; i < d->n; i++) {
        const block *bl = &d->blocks[i];
        if (bl->kind == BK_TITLE) continue;
        wn_buf_append(&b, bl->text, bl->len);
        wn_buf_putc(&b, '\n');
        if (bl->kind == BK_HEADING) wn_pt_heading_signals(bl->text, s);
    }
    if (b.failed) {
        wn_buf_free(&b);
        return -1;
    }
    wn_pt_text_signals(b.data ? b.data : "", b.len, s);
    wn_buf_free(&b);
    return 0;
}

int wn_hpagetype_signals(const hdom *h, const doc *d, const char *url, pt_signals *s)
{
    memset(s, 0, sizeof *s);
    s->v[PS_BIAS] = 1;
    pthread_once(&words_once, index_words);
    xmlNode *root = h->xdoc ? xmlDocGetRootElement(h->xdoc) : NULL;
    xmlNode *head = NULL;
    for (xmlNode *c = root ? root->children : NULL; c && !head; c = c->next)
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "head") == 0) head = c;
    head_signals(head, s);

    unsigned sc = d->meta.schema;
    if (!(sc & SCHEMA_ANY)) s->v[PS_S_LD_NONE] = 1;
    s->v[PS_S_LD_ARTICLE] = !!(sc & SCHEMA_ARTICLE);
    s->v[PS_S_LD_PRODUCT] = !!(sc & SCHEMA_PRODUCT);
    s->v[PS_S_LD_FORUM] = !!(sc & SCHEMA_FORUM);
    s->v[PS_S_LD_LIST] = !!(sc & SCHEMA_LIST);
    s->v[PS_S_LD_DOC] = !!(sc & SCHEMA_DOC);
    s->v[PS_S_LD_SERVICE] = !!(sc & SCHEMA_SERVICE);
    s->v[PS_S_LD_OFFER] = (sc & SCHEMA_OFFER) && (sc & SCHEMA_PRODUCT);
    s->v[PS_S_LD_BREADCRUMB] = !!(sc & SCHEMA_BREADCRUMB);
    s->v[PS_S_AUTHOR] = !!(d->meta.declared & DECLARED_AUTHOR);
    s->v[PS_S_DATE] = !!(d->meta.declared & DECLARED_DATE);

    int rc = 0;
    if (h->n) {
        class_counts *cc = calloc(1, sizeof *cc);
        uint8_t *flags = calloc((size_t)h->n, 2);
        uint32_t *key = calloc((size_t)h->n, sizeof *key);
        subtree *st = calloc((size_t)h->n, sizeof *st);
        microdata md = {0};
        if (cc && flags && key && st) {
            walk_elements(h, s, cc, &md, flags, flags + h->n, key, st);
            sweep_signals(h, flags, flags + h->n, st, s);
            sibling_signals(h, st, flags, key, s);
            static const pt_signal groups[6] = {PS_H_CT_FORUM, PS_H_CT_PRODUCT, PS_H_CT_GRID,
                                                PS_H_CT_DOC, PS_H_CT_ARTICLE, PS_H_CT_SERVICE};
            for (int g = 0; g < 6; g++) s->v[groups[g]] = cc->count[g];
            s->v[PS_H_PLAT_FORUM] = !!(cc->marks_seen & CW_PLAT_FORUM);
            s->v[PS_H_PLAT_DOC] = cc->plat_doc_words >= 2;
            s->v[PS_H_BREADCRUMB] = !!(cc->marks_seen & CW_BREADCRUMB);
            s->v[PS_S_MD_ARTICLE] = !!(md.types & SCHEMA_ARTICLE);
            s->v[PS_S_MD_PRODUCT] = !!(md.types & SCHEMA_PRODUCT);
            s->v[PS_S_MD_FORUM] = !!(md.types & SCHEMA_FORUM);
            s->v[PS_S_MD_LIST] = !!(md.types & SCHEMA_LIST);
            s->v[PS_S_MD_SERVICE] = !!(md.types & SCHEMA_SERVICE);
            s->v[PS_H_IP_PRICE] = md.price > 0;
            s->v[PS_H_IP_AUTHOR] = md.author > 0;
            s->v[PS_H_IP_POSTS] = md.text > 0 && md.author >= 3;
            if (md.types & SCHEMA_BREADCRUMB) s->v[PS_S_LD_BREADCRUMB] = 1;
        } else {
            rc = -1;
        }
        free(cc);
        free(flags);
        free(key);
        free(st);
    }
    if (text_signals(d, s) != 0) rc = -1;
    wn_pt_url_signals(url && *url ? url : d->meta.url, s);
    return rc;
}
