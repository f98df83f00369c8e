/* html_dom.h -- the per-node tables the HTML stages share.
 *
 * html_dom.c parses the page and numbers every element it keeps in document order
 * (node->_private = index + 1; an element without a number is not content: script,
 * style, form controls, past the depth or node cap).  Every statistic lives in flat
 * arrays indexed by that number, filled by a few linear passes (children always have
 * larger numbers than their parent, so a reverse sweep is a post-order sweep).  The
 * scorer (html_score.c) marks the article containers, the block walker
 * (html_blocks.c) turns the tree into doc blocks, html_title.c finds the headline. */
#ifndef WINNOW_HTML_DOM_H
#define WINNOW_HTML_DOM_H

#include <libxml/tree.h>
#include <stdint.h>
#include "html/html.h"
#include "pagetype/pagetype.h"

#define HTML_MAX_DEPTH 400      /* deeper elements are unwrapped into their ancestor at
                                   this depth: their text stays, their nesting goes */
#define HTML_MAX_NODES 1100000  /* elements indexed per page; later ones are unwrapped
                                   (text kept) and the page is reported as cut short */
#define HTML_MAX_PARSE 2200000  /* nodes (elements, text runs) libxml2 may build; each
                                   costs ~300 bytes with the blocks made from it.  Past
                                   it, tags are ignored (text kept) and the page is
                                   reported as cut short */
#define HTML_MAX_ATTRS 256      /* attributes kept per start tag (html_attrs.c) */

/* A line break inside a block's text: a <br>, or a block-level tag past a limit that
 * could not stay an element.  charset.c strips C0 controls, so it cannot be input. */
#define BR_MARK '\x01'

/* Tag classes, from the tag table in html_dom.c. */
enum {
    TG_OTHER = 0, TG_A, TG_ARTICLE, TG_ASIDE, TG_BLOCKQUOTE, TG_BODY, TG_BR, TG_DD,
    TG_DIV, TG_DL, TG_DT, TG_FIGCAPTION, TG_FIGURE, TG_FOOTER, TG_FORM, TG_H1, TG_H2,
    TG_H3, TG_H4, TG_H5, TG_H6, TG_HEADER, TG_HR, TG_LI, TG_MAIN, TG_NAV, TG_OL, TG_P,
    TG_PRE, TG_SECTION, TG_TABLE, TG_TD, TG_TH, TG_TR, TG_UL, TG_BLOCK, TG_CELLISH,
    TG_SKIP, TG_INLINE,
    TG_CONTROL /* form controls: pruned, but a parser that never closed one may have
                  put the rest of the page inside, so the prose guard applies */
};

/* Per-node flags. */
enum {
    NF_LINK = 1 << 0,     /* inside an <a> */
    NF_PRUNE = 1 << 1,    /* an attribute rule or hidden marker wants it gone */
    NF_REMOVED = 1 << 2,  /* pruned (itself or an ancestor) */
    NF_KEEP = 1 << 3,     /* a keep@attr rule matched: article-body hint */
    NF_IN_LI = 1 << 4,
    NF_IN_QUOTE = 1 << 5,
    NF_IN_PRE = 1 << 6,
    NF_IN_TABLE = 1 << 7,
    NF_IN_CAPTION = 1 << 8,
    NF_CHOSEN = 1 << 9,   /* the scorer picked it as (part of) the article */
    NF_INSIDE = 1 << 10,  /* it or an ancestor is chosen */
    NF_BLOCK = 1 << 11,   /* block-level: text inside starts a new block */
    NF_SEMANTIC = 1 << 12, /* article, main, role=main, itemprop=articleBody */
    NF_SCORED = 1 << 13,   /* has a content score (html_score.c) */
    NF_HOLDS = 1 << 14,    /* holds an article-body hint with prose: never pruned */
    NF_IN_ART = 1 << 15    /* inside an <article> (html_score.c) */
};

typedef struct {
    xmlDocPtr xdoc;
    xmlNode *body;     /* the root of the walk: <html> (index 0) */
    int n, cap;
    xmlNode **node;
    int32_t *parent;   /* element index of the parent, -1 for the root */
    int32_t *owner;    /* nearest block-level ancestor (or itself), -1 */
    uint8_t *tag;      /* TG_* */
    uint16_t *flags;   /* NF_* */
    uint16_t *depth;
    uint16_t *nth;     /* position among element siblings, 1-based (for paths) */
    uint32_t *own;     /* visible text bytes in direct text children */
    uint32_t *inl;     /* text not inside a block-level descendant (the element's own
                          paragraph), after pruning */
    uint32_t *raw;     /* subtree text before pruning */
    uint32_t *prose;   /* subtree text in paragraphs of >= 80 bytes, before pruning */
    uint32_t *text;    /* subtree text after pruning */
    uint32_t *link;    /* subtree text inside links after pruning */
    uint32_t *punct;   /* commas and sentence ends in the subtree after pruning */
    uint32_t *paras;   /* paragraph-like descendants with >= 80 bytes of prose */
    float *score;      /* content score (html_score.c) */
    const char **why;  /* the rule or marker that pruned the node, or NULL */
    const struct rule_info **rule; /* the attribute rule that pruned it, or NULL */
    int top;           /* chosen main container or -1 */
    int nested_kept;   /* <article>s inside the chosen container are a thread's posts
                          (XenForo nests each post's body in one more) or a listing's
                          or a collection's entries, not teasers: html_score.c keeps them */
    int nested_removed; /* how many html_score.c removed as teasers */
    int anchor;        /* the container the declared description anchors (html_anchor.c),
                          0 for none: the scorer takes it */
    int forum_software; /* the page says it is forum software's (html.c): its thread's
                           "Comments" heading opens the replies, not a story's comments */
    int comment_form;   /* the page holds a form to comment on it (html.c): one post */
    const char *cut;   /* why the page was cut short by a limit (static), or NULL */
    xmlNode *ldjson[16];   /* <script type="application/ld+json"> met in the walk */
    int n_ldjson;
    const char *title_declared; /* the declared title, where the h1 chosen over it shares
                                   few of its words (html_title.c), else NULL */
    const char *title_article; /* the declared title where the h1 chosen over it is a
                                  site's name or a word of it, or runs on past it */
    const char *title_service; /* the declared title where the h1 chosen over it words
                                  it otherwise: a service page's name (html_title.c) */
    const char *title_tag; /* the page's <title> as written, site's name and all
                              (html_title.c), or NULL */
    struct verdict *cache; /* attr-rule verdicts by subject, while indexing */
    int cache_used;
} hdom;

/* html_dom.c: parses s (UTF-8), indexes, prunes (attr rules in m, hidden markers) and
 * fills the statistics.  Returns 0, or -1 with a message in err. */
int wn_hdom_build(hdom *h, const char *s, size_t len, rule_matcher *m, wn_deadline *dl,
                  char *err, size_t errlen);
void wn_hdom_free(hdom *h);

/* For a second reading: nodes pruned by an attribute rule of one of categories (a
 * NULL-terminated list of rule-file section names) are pruned no more.  Returns how
 * many nodes were spared; the caller then reads again (wn_hdom_reread), scores and
 * emits. */
int wn_hdom_spare(hdom *h, const char *const *categories);
/* Forgets the scorer's reading (its flags and removals; the rules' verdicts stay) and
 * prunes and counts again, for a reading that scores anew. */
void wn_hdom_reread(hdom *h);
/* wn_hdom_spare for the panels the page hides until a click opens them -- elements hidden
 * by the hidden attribute, aria-hidden or an inline style that are a tab panel
 * (role=tabpanel) or whose class or id names one (tab, panel, accordion, collapse,
 * answer, toggle): a service's or product's sections; and a disclosure's parts -- a
 * hidden element right after its toggle (a button, aria-expanded), the button that
 * holds or heads an accordion's question.  Returns how many were spared, -1 when out
 * of memory. */
int wn_hdom_spare_panels(hdom *h);

/* Whether element i is a heading's permalink to itself ("¶", "#", "#section2" beside
 * the heading's words), pruned with the markup. */
int wn_hdom_heading_anchor(const hdom *h, int i);

/* Index of an element, or -1 when it is not indexed (not content). */
static inline int hdom_idx(const xmlNode *n)
{
    return n && n->type == XML_ELEMENT_NODE && n->_private
               ? (int)((intptr_t)n->_private - 1) : -1;
}

/* Value of attribute name on n (first text child), without allocating; NULL if none. */
const char *wn_hdom_attr(const xmlNode *n, const char *name);
/* The type of an <input> element n as written ("" when it has none: a text field), to
 * compare without case; NULL when n is not an <input> element. */
const char *wn_hdom_input_type(const xmlNode *n);

/* An attribute's value as the parser holds it ("" for one without). */
static inline const char *wn_hdom_attr_value(const xmlAttr *a)
{
    return a->children && a->children->content ? (const char *)a->children->content : "";
}
/* Whether a class attribute's value cls (NULL: none) holds one of names (NULL-ended)
 * as a whole class, between whitespace or the value's ends. */
int wn_hdom_has_class(const char *cls, const char *const *names);
/* Whether the page itself hides element i: the hidden attribute, aria-hidden, an inline
 * display:none, popover (html_dom.c's markers, not a class a rule read). */
int wn_hdom_page_hidden(const hdom *h, int i);
/* Whether element i is the outermost of a part an attribute rule of category pruned:
 * removed for that rule (NF_PRUNE, NF_REMOVED) inside an element that was kept. */
int wn_hdom_pruned_top(const hdom *h, int i, const char *category);

/* Appends the visible text of text node t with whitespace runs squeezed; helpers for
 * statistics count bytes the same way. */
size_t wn_hdom_text_len(const char *s, uint32_t *punct);

/* html_slug.c: whether id (NULL: none) is text made into an anchor: two or more of its
 * words are words of text, and one other at most, when three are (one-letter prefixes
 * and counters aside). */
int wn_hdom_id_is_slug(const char *id, const char *text);

/* html_attrs.c: when some start tag of s[0..len) has more than HTML_MAX_ATTRS
 * attributes, writes into out (which it initialises) a copy of the page with those
 * tags capped and returns 1; returns 0 (out untouched) when no tag needs it, -1 when
 * out of memory (out to be freed). */
int wn_hattrs_cap(const char *s, size_t len, buf *out);

/* html_meta.c: fills d->meta from the page's JSON-LD, <meta> tags, canonical link and
 * lang attribute, its byline and date line; fetch_date (NULL: unknown) bounds the
 * dates. */
void wn_hmeta_find(hdom *h, doc *d, const char *fetch_date);

/* html_score.c: scores candidates and marks NF_CHOSEN / NF_INSIDE; sets h->top.  Small
 * <article>s inside the chosen container are teasers and removed, unless
 * h->nested_kept. */
void wn_hscore_select(hdom *h);
/* html_words.c: calls f(hash, ctx) for each word of s (ASCII letters and digits,
 * lowercased, 3 or more; other bytes split words, so quotes' typography does not
 * matter). */
void wn_hwords_each(const char *s, void (*f)(uint64_t, void *), void *ctx);
/* html_anchor.c: when the scorer's container (h->top) holds next to nothing and
 * another element shows most words of the declared description, that element's
 * container; 0 for none, -1 when out of memory. */
int wn_hanchor_find(const hdom *h, const char *description);

/* html_tables.c: which tables hold data (rows and columns) rather than page layout. */
typedef struct {
    int32_t *table; /* per element: its nearest <table> ancestor, -1 for none */
    uint8_t *data;  /* per element: 1 for a <table> that is a data table */
} hdom_tables;
/* Fills t for h (arrays of h->n entries); returns 0, or -1 when out of memory. */
int wn_htables_classify(const hdom *h, hdom_tables *t);
void wn_htables_free(hdom_tables *t);
/* A cell's colspan, 1 when absent or invalid, capped. */
int wn_htables_colspan(const xmlNode *cell);
/* A cell's rowspan, 1 when absent, invalid or 0, capped. */
int wn_htables_rowspan(const xmlNode *cell);
/* What a cell (element index) without text shows by an icon -- "Yes" for one named a
 * check mark or tick, "No" for a cross -- or NULL: an icon is its cell's value. */
const char *wn_htables_mark(const hdom *h, int cell);
/* The alt text of the image a cell (element index) without text shows -- a logo heading
 * a column, an icon saying "Available" -- or NULL: the picture is the cell's value,
 * as a reader sees it.  (Read only in data tables: which tables hold data does not
 * count on it.) */
const char *wn_htables_alt(const hdom *h, int cell);

/* html_code.c: the language a <pre> (index pre) declares in its class, its <code>'s
 * or a wrapper's, copied into d's arena, or NULL; whether element n is a line-number
 * gutter (its numbers are not code). */
const char *wn_hcode_lang(const hdom *h, int pre, doc *d);
int wn_hcode_gutter(const xmlNode *n);
/* Whether n is one line of highlighted code drawn as an inline element (class "line"). */
int wn_hcode_line(const xmlNode *n);
/* html_code.c: whether element n (inside a <pre>) holds lines the page hides until the
 * reader asks (mdBook's "boring" lines). */
int wn_hcode_hidden_lines(const xmlNode *n);
/* Whether element n is a link drawn over a <pre>'s code (a playground's "Run"): a
 * button, not a line of the code. */
int wn_hcode_button(const xmlNode *n);

/* html_blocks.c: walks the body and appends a block per paragraph-level run of text,
 * deciding each (outside the article, link-heavy, rules, ...). */
int wn_hblocks_emit(hdom *h, const winnow_options *opt, doc *d);
/* Appends the blocks of each comment section the attribute rules pruned (category
 * "comments", outermost ones), dropped as WHY_COMMENT with BF_COMMENT, the first block
 * of each section BF_COMMENT_START, for article/comments.c to split; the text rules
 * in m tell its headings, controls and author lines.  Returns 0, or -1
 * when memory ran out. */
int wn_hblocks_emit_comments(hdom *h, rule_matcher *m, doc *d);

/* html_classify.c: decides the undecided blocks (inside the article): link-heavy
 * lines, the text rules, the headline repeated, cut rules; the rest are kept. */
void wn_hclass_decide(hdom *h, rule_matcher *m, doc *d);

/* html_url.c: the absolute URL (percent-encoded for a Markdown link, in d's arena) that
 * href names against base (absolute, or NULL), or NULL: an in-page or script link, a
 * relative one without a base, an over-long one.  Out of memory sets d->failed. */
const char *wn_hurl_resolve(doc *d, const char *base, const char *href);
/* The base of the page's links: its first <base href> resolved against url, else url
 * (the caller's, may be NULL). */
const char *wn_hurl_base(const hdom *h, doc *d, const char *url);

/* html_images.c (--images): the absolute http(s) URL (in d's arena) of the picture
 * element img shows -- its src, or when src is missing or a placeholder a lazy
 * loader's data-src, data-lazy-src, data-original, data-lazy, data-url, the largest
 * candidate of data-srcset or srcset, else the srcset of a <source> of picture (its
 * <picture>, or NULL) -- resolved against base; NULL when it shows no picture of the
 * content (a pixel or icon of 32 px or less or in an icons folder, an emoji, a
 * decoration, a spacer) or no usable address. */
const char *wn_himage_url(const xmlNode *img, const xmlNode *picture, doc *d,
                          const char *base);
/* The <img> of a <picture> (it may sit inside a <source>), or NULL. */
const xmlNode *wn_himage_picture_img(const xmlNode *picture);
/* Whether an image address is a placeholder a lazy loader swaps out: missing, a data:
 * or about: URI, or a file named only for it ("blank.gif", "spacer.gif", "1x1.png",
 * "lazy-placeholder.svg"). */
int wn_himage_placeholder(const char *src);
/* The largest candidate of a srcset (by width descriptor, else pixel density; data:
 * URIs skipped): its URL's start in srcset, its length in *len; NULL for none. */
const char *wn_himage_srcset_best(const char *srcset, size_t *len);

/* html_cards.c: whether text t shows a price (a currency sign next to a digit); marks
 * in tile[] (h->n entries) the elements inside a row of other items' tiles: >= 3
 * siblings of one shape, each with a link, most with a price, little text each.
 * Returns 0, or -1 when out of memory (tile[] all 0). */
int wn_hcards_price(const char *t);
/* A sibling of a group of same-shaped siblings; sorted by wn_hsibling_order, a group's
 * members are consecutive, in document order. */
typedef struct {
    int32_t parent;
    uint32_t key;  /* the shape: tag and class words */
    int32_t node;
} hsibling;
int wn_hsibling_order(const void *a, const void *b);
int wn_hcards_tiles(const hdom *h, uint8_t *tile);
/* The shape of an element: its tag name and its class words without digits, in any
 * order ("card card-3" and "card card-7" are one shape). */
uint32_t wn_hcards_shape(const xmlNode *n);

/* html_entries.c: on a page of entries, the elements a chrome rule pruned that are its
 * entries -- three or more of one shape over the page, each with a link and a title's
 * and teaser's worth of text ("hide-read-more-ad" cards) -- are pruned no more (their
 * NF_PRUNE cleared).  Returns how many; the caller reads the page again
 * (wn_hdom_reread), or -1 when out of memory.  hidden (NULL: not asked): set to what
 * wn_hentries_hidden_page would have said before the sparing, from the same sort. */
int wn_hentries_spare(hdom *h, int *hidden);
/* Whether the entries wn_hentries_spare would spare hold more text than the rest of
 * the page shows: the page is its entries, named like chrome.  -1 when out of memory. */
int wn_hentries_hidden_page(const hdom *h);
/* The row of entries a page is made of: among the groups of three or more same-shaped
 * sibling elements (wn_hcards_shape), each holding a link and not pruned, that hold
 * half the page's text or more and are not nearly all links (a menu; table rows are
 * never one), the one with the most members.  Returns its count of members, 0 when
 * there is no such row, -1 when out of memory.  O(n log n). */
int wn_hentries_rows(const hdom *h);
/* On a page of entries, the largest element pruned as a story's related box (rule
 * category engagement, "related-product") that holds more text than the rest of the
 * page and a row of ENTRIES_MIN linked same-shaped siblings, most of them headed,
 * holding half its text: the page's grid, pruned no more.  Returns 1 when spared, 0
 * when none, -1 when out of memory. */
int wn_hentries_spare_shelf(hdom *h);

/* html_facets.c: marks in facet (h->n entries) the forms that filter a listing or a
 * catalogue -- FACET_CHOICES checkboxes or radio buttons or more, a label's text each
 * -- and the elements named a filter panel that hold as many controls of any kind and
 * no form.  Returns how many, -1 when out of memory. */
int wn_hfacets_mark(const hdom *h, uint8_t *facet);

/* html_main.c: marks in outside (h->n entries) the elements that stand outside every
 * <main> (or role=main element; on a page with none that holds text, every <article>)
 * of the page -- neither within one nor holding one -- when they hold MAIN_SHARE of its
 * text or more.  Returns 1 when marked, 0 when the
 * page has no such <main> (outside all 0). */
int wn_hmain_outside(const hdom *h, uint8_t *outside);

/* html_menus.c: marks in menu (h->n entries) the lists whose items nest lists and whose
 * text is nearly all links (MENU_LINK_SHARE), a menu's worth of it -- a site's map
 * that no tag or class names -- and everything in them; not inside a <main> or an
 * <article>, where such a tree is the page's table of contents.  Returns how many such lists
 * (outermost), -1 when out of memory. */
int wn_hmenus_mark(const hdom *h, uint8_t *menu);

/* html_product.c: on a page read as a product, drops the undecided blocks around the
 * item (WHY_EXTRA): inside elements whose class or id names reviews, questions,
 * recommendations, an error or feedback panel, inside a footer or nav element or the
 * buy box's form -- unless they hold the headline --; under headings that open such a
 * part ("Customer reviews", "You may also like"), within the element the heading
 * heads, down to the next heading of the same or a higher level; and a shop
 * template's field keys ("cat_thumb_Bone:"). */
void wn_hproduct_extras(const hdom *h, doc *d);

/* html_product.c: lifts the cut the rules made at a "Recommended:" label that follows
 * a "Minimum:" or "Required:" one from block first on -- a program's requirement
 * columns, not a recommendation shelf -- and keeps the label. */
void wn_hproduct_requirements(doc *d, size_t first);

/* html_groups.c: keeps the link-heavy items of a list a kept sentence introduces and
 * the article goes on after, and the linked headings kept text goes on under (after
 * wn_hclass_decide). */
void wn_hgroups_decide(const hdom *h, rule_matcher *m, doc *d);

/* html_pagetype.c: the page-type signals (pagetype/pagetype.h) of the parsed page, its
 * blocks and metadata; url (may be NULL) is the caller's, else the canonical one is
 * used.  Returns 0, or -1 when out of memory (the signals read so far are set). */
int wn_hpagetype_signals(const hdom *h, const doc *d, const char *url, pt_signals *s);

/* html_byline.c: the date line and the byline a page shows around its headline (in
 * d's arena: dates as ISO 8601, none after not_after; names as wn_meta_author gives
 * them), else a date or author element elsewhere on the page; NULL where none is
 * seen.  Called after the title is found. */
typedef struct {
    const char *date;          /* a date line's date, unless it says "Updated" */
    const char *date_modified; /* the date after "Updated", "Last modified" ... */
    const char *date_far;      /* neither: a date line by the byline or a date element
                                  elsewhere on the page, that a declared date beats */
    const char *author;
    const char *date_src, *author_src, *date_far_src; /* where each was seen (--explain) */
    unsigned shown; /* SHOWN_*: what was seen by the headline (not far from it) */
    int date_either_way; /* date was written in numbers that read either way ("03/10/2023") */
} hbyline;
void wn_hbyline_find(const hdom *h, doc *d, const char *not_after, hbyline *out);
/* Whether element n is marked as an author's: a link to a profile page (/author/,
 * /members/, ...), or "author", "byline", "username" ... in its class, id, rel or
 * itemprop. */
int wn_hbyline_marks_author(const xmlNode *n);
/* Whether s holds w, in any ASCII case ("post-Date" holds "date"). */
int wn_hbyline_holds(const char *s, const char *w);

/* html_title.c: the headline from og:title, <title> (site suffix removed) and <h1>. */
void wn_htitle_find(hdom *h, doc *d);
/* Once the page's type is known: a page other than an article whose h1 shares few words
 * with its declared title (a slogan over a product or service page) is recorded under
 * the declared title; an article keeps its h1, its own headline. */
void wn_htitle_settle(const hdom *h, doc *d);

#endif
