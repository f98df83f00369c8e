/* html_product.c -- what a product page shows around its item that is not the item:
 * the reviews, the shoppers' questions, "recently viewed" and recommendation shelves,
 * error and feedback pop-overs, the buy box's form (variant pickers, quantity, "Add to
 * cart"), the footer.  Shops mark them by class and id (review widgets by their
 * platform's name: Bazaarvoice, Yotpo, Judge.me, Stamped, Okendo, Trustpilot ...) or
 * open them with a heading ("Customer reviews", "Customers also viewed").  The item's
 * name, description and specifications stay (a "modal" is no word here: IKEA's product
 * details are one).  Read only on pages read as products (article/reading.c): one walk
 * over the elements, one over the blocks, each block's climb bounded by the depth.
 * wcxb-dev-other product word F1 .611 -> .681 with the repeats html_classify.c drops;
 * .690 -> .700 with the buy box's notes (cart, delivery, returns, payment plans), words
 * joined by a dash, shelves headed inside a wrapper with their links and a few more
 * shelf headings ("Others like you also bought").  .7392 -> .7511 with the shop's
 * FAQ accordions, banners, carousels, pop-ups, value propositions and comparison tables
 * named by class, and the "Customers say" and "30-Day Return Policy" headings: ten
 * pages gain .05 to .31; one loses .25 (0591, whose truth keeps its FAQ: a shop's
 * questions are as often about the item as about orders, and the markup does not tell
 * them apart). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "html/html_dom.h"
#include "rules/rules.h"

/* Class and id words of the parts around the item (lowercase, words split at anything
 * that is not a letter or digit: "product-reviews__list" holds "reviews").  Sorted for
 * bsearch. */
static const char *const extra_words[] = {
    "afterpay", "banner", "bazaarvoice", "bundle", "bundles", "buybox", "bv", "carousel",
    "cart", "comparison", "crosssell", "delivery", "error", "errors", "faq", "faqs",
    "feedback", "feefo", "jdgm", "judgeme", "klarna", "klaviyo", "loox", "newsletter",
    "okendo", "payment", "payments", "popover", "popup", "popups", "powerreviews", "qna",
    "questions", "ratings", "recently", "recentlyviewed", "recommendation",
    "recommendations", "recommended", "reevoo", "returns", "review", "reviews", "stamped",
    "testimonial", "testimonials", "trust", "trustpilot", "ugc", "upsell", "upsells",
    "usp", "usps", "valueproposition", "valuepropositions", "wishlist", "yotpo",
};

#define BUY_FORM_SHARE 0.2 /* of the page's text, above which a form is no buy box */

static int word_cmp(const void *k, const void *e)
{
    return strcmp((const char *)k, *(const char *const *)e);
}

static int extra_word(const char *w)
{
    return bsearch(w, extra_words, sizeof extra_words / sizeof *extra_words,
                   sizeof *extra_words, word_cmp) != NULL;
}

static int upper(char c) { return c >= 'A' && c <= 'Z'; }
static int lower_or_digit(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

/* Whether a class or id value holds one of extra_words, alone or as two words joined
 * ("cross-sell", "recently_viewed", "up-sell" name what "crosssell" names).  A word
 * also ends where a capital follows a small letter: CSS modules and React components
 * write their names in camel case ("ProductReviews-styled__List").  "Editorial reviews"
 * are the publisher's blurbs about the item (Amazon's "editorialReviews_feature_div"). */
static int extra_value(const char *v)
{
    char w[24], prev[24] = "";
    while (v && *v) {
        size_t n = 0, full = 0;
        for (; lower_or_digit(*v) || upper(*v); v++, full++) {
            if (full && upper(*v) && lower_or_digit(v[-1])) break;
            if (n < sizeof w - 1) w[n++] = (char)(upper(*v) ? *v + 32 : *v);
        }
        if (full && full < sizeof w) {
            w[n] = 0;
            size_t p = strlen(prev);
            int own = p == 9 && strcmp(prev, "editorial") == 0; /* a book's blurbs */
            if (extra_word(w) && !own) return 1;
            if (p && p + n < sizeof w) {
                memcpy(prev + p, w, n + 1);
                if (extra_word(prev)) return 1;
            }
            memcpy(prev, w, n + 1);
        } else {
            prev[0] = 0;
        }
        if (*v && !upper(*v)) v++;
    }
    return 0;
}

static int extra_element(const hdom *h, int i)
{
    int t = h->tag[i];
    if (t == TG_FOOTER || t == TG_NAV) return 1;
    /* The buy box's form: variant pickers, quantity, "Add to cart".  A form holding
     * much of the page wraps it all (ASP.NET pages). */
    if (t == TG_FORM && h->text[i] < BUY_FORM_SHARE * h->text[0]) return 1;
    const xmlNode *n = h->node[i];
    if (!n->properties) return 0;
    return extra_value(wn_hdom_attr(n, "class")) || extra_value(wn_hdom_attr(n, "id"));
}

/* The element of the headline's heading block (the item's name), or -1. */
static int headline_element(const doc *d)
{
    if (!d->title) return -1;
    for (size_t i = 0; i < d->n; i++) {
        const block *b = &d->blocks[i];
        if (b->kind == BK_HEADING && b->group >= 0 && strcmp(b->text, d->title) == 0)
            return b->group;
    }
    return -1;
}

/* Headings that open a part of the page about other things than the item. */
static int extra_heading(const block *b)
{
    static const char *const starts[] = {
        "reviews", "customer reviews", "customer review", "ratings & reviews",
        "ratings and reviews", "reviews & ratings", "product reviews", "customer ratings",
        "questions & answers", "questions and answers", "customer questions",
        "q&a", "customers also", "customers who", "people who viewed", "people also",
        "you may also like", "you might also like", "you may also", "you might also",
        "similar items", "similar products", "related products", "related items",
        "recently viewed", "frequently bought together", "more from this", "complete the look",
        "shop the look", "explore related", "sponsored products", "featured products",
        "best sellers", "bestsellers", "more to explore", "this is what customers",
        "buy a bundle", "meet your seller", "top search terms", "recent events",
        "others like you", "need help", "product support", "shopping cart",
        /* The buy box's back-in-stock sign-up and the shop's "which product is right
         * for you?" pointer.  ("FAQ" is not here: as often the item's own questions
         * as the shop's about orders.) */
        "notify me when", "still not sure",
        /* What shoppers say in sum, and the shop's terms for sending it back. */
        "customers say", "return policy", "day return policy",
        NULL};
    if (b->len > 80) return 0;
    /* "7,672 Reviews", "Reviews (12)", "30-Day Return Policy": a count before or after
     * is the same heading. */
    const char *s = b->text;
    while (*s && ((*s >= '0' && *s <= '9') || strchr(",. -", *s))) s++;
    for (const char *const *p = starts; *p; p++)
        if (strncasecmp(s, *p, strlen(*p)) == 0) return 1;
    return 0;
}

/* "cat_thumb_Bone:", "retail_price_tier1:" -- the key of a shop template's custom
 * field printed as a label: snake_case is a name for programs, never text to read. */
static int field_key(const block *b)
{
    return b->len >= 3 && b->len <= 60 && b->text[b->len - 1] == ':' &&
           memchr(b->text, '_', b->len) != NULL;
}

/* A software or game page's table of the languages it supports, a row per language
 * and a mark per kind of support ("English  ✔  ✔", under "Interface  Full Audio
 * Subtitles"): the item's spec sheet, not its text.  English names, lowercase, sorted
 * for bsearch; a cell names a language by its last word before a region ("Spanish -
 * Latin America", "Simplified Chinese"). */
static const char *const language_names[] = {
    "arabic", "bulgarian", "chinese", "czech", "danish", "dutch", "english", "finnish",
    "french", "german", "greek", "hebrew", "hindi", "hungarian", "indonesian", "italian",
    "japanese", "korean", "norwegian", "polish", "portuguese", "romanian", "russian",
    "spanish", "swedish", "thai", "turkish", "ukrainian", "vietnamese",
};

#define LANGUAGE_ROWS 3 /* rows naming a language, at least, and half the table's */

static int alnum(char c)
{
    return lower_or_digit(c) || upper(c);
}

/* Whether a table row is a language and its marks: the text up to its last letter
 * names a language (its last word before a " - " or "("), a mark or more follow. */
static int language_row(const block *b)
{
    if (b->kind != BK_TABLE) return 0;
    const char *s = b->text, *end = b->text + b->len;
    while (end > s && !alnum(end[-1])) end--;
    int marked = 0;
    for (const char *c = end; c < b->text + b->len; c++)
        if (*c != ' ' && *c != '\t') marked = 1;
    if (!marked) return 0;
    for (const char *c = s; c < end; c++)
        if (*c == '(' || *c == '\t' || (c + 2 < end && c[0] == ' ' && c[1] == '-' && c[2] == ' ')) {
            end = c;
            break;
        }
    while (end > s && end[-1] == ' ') end--;
    const char *w = end;
    while (w > s && w[-1] != ' ') w--;
    char name[16];
    size_t n = (size_t)(end - w);
    if (n < 4 || n >= sizeof name) return 0;
    for (size_t k = 0; k < n; k++) name[k] = (char)(w[k] >= 'A' && w[k] <= 'Z' ? w[k] + 32 : w[k]);
    name[n] = 0;
    return bsearch(name, language_names, sizeof language_names / sizeof *language_names,
                   sizeof *language_names, word_cmp) != NULL;
}

/* 1 + the table a row block sits in: a data table's is its container; a layout
 * table's, the nearest <table> above its element (a climb bounded by the depth). */
static int row_table(const hdom *h, const block *b)
{
    if (b->kind != BK_TABLE) return 0;
    if (b->container) return b->container;
    for (int e = b->group; e >= 0 && e < h->n; e = h->parent[e])
        if (h->tag[e] == TG_TABLE) return e + 1;
    return 0;
}

/* Drops the rows of each table that is mostly languages and marks (its rows are
 * consecutive blocks). */
static void drop_language_tables(const hdom *h, doc *d)
{
    for (size_t i = 0; i < d->n;) {
        size_t j = i;
        int rows = 0, langs = 0;
        int c = row_table(h, &d->blocks[i]);
        while (j < d->n && c && row_table(h, &d->blocks[j]) == c) {
            rows++;
            langs += language_row(&d->blocks[j]);
            j++;
        }
        if (j == i) {
            i++;
            continue;
        }
        if (langs >= LANGUAGE_ROWS && 2 * langs >= rows)
            for (size_t k = i; k < j; k++)
                if (d->blocks[k].dec == DEC_NONE) {
                    d->blocks[k].dec = DEC_DROP;
                    d->blocks[k].why = WHY_EXTRA;
                }
        i = j;
    }
}

/* The element a heading heads: its nearest ancestor that holds more text than the
 * heading and its links (a wrapper around the heading alone, or around the heading
 * and its "See all" link, heads nothing: the shelf is the wrapper's sibling). */
static int headed_part(const hdom *h, int e)
{
    int p = h->parent[e];
    while (p > 0 && h->text[p] - h->link[p] <= h->text[e]) p = h->parent[p];
    return p;
}

/* Whether element e is part inside (or is it); the walk up is bounded by the depth. */
static int inside(const hdom *h, int e, int part)
{
    for (; e >= 0 && e >= part; e = h->parent[e])
        if (e == part) return 1;
    return 0;
}

void wn_hproduct_extras(const hdom *h, doc *d)
{
    uint8_t *extra = calloc((size_t)h->n, 1);
    if (!extra) {
        d->failed = 1;
        return;
    }
    /* The headline's ancestors are the item's own: never extras, whatever their
     * class says (a page wrapper "has-reviews"). */
    for (int e = headline_element(d); e >= 0; e = h->parent[e]) extra[e] = 2;
    for (int i = 1; i < h->n; i++) {
        if (extra[i] == 2) continue;
        int p = h->parent[i];
        if ((p >= 0 && extra[p] == 1) || extra_element(h, i)) extra[i] = 1;
    }
    /* A part a heading opened: its level (0: none) and the element it heads. */
    int level = 0, part = -1;
    for (size_t i = 0; i < d->n; i++) {
        block *b = &d->blocks[i];
        if (level && !inside(h, b->group, part)) level = 0;
        if (b->kind == BK_HEADING) {
            if (level && b->level <= level) level = 0;
            if (!level && extra_heading(b) && b->group > 0) {
                level = b->level ? b->level : 1;
                part = headed_part(h, b->group);
            }
        }
        int in_extra = b->group >= 0 && b->group < h->n && extra[b->group] == 1;
        if (b->dec == DEC_NONE && (level || in_extra || field_key(b))) {
            b->dec = DEC_DROP;
            b->why = WHY_EXTRA;
        }
    }
    free(extra);
    drop_language_tables(h, d);
}

/* Whether a block is the label word (any case), alone or with a colon. */
static int label(const block *b, const char *word)
{
    size_t n = strlen(word), len = b->len;
    if (len && b->text[len - 1] == ':') len--;
    while (len && b->text[len - 1] == ' ') len--;
    return len == n && strncasecmp(b->text, word, n) == 0;
}

void wn_hproduct_requirements(doc *d, size_t first)
{
    int minimum = 0;
    for (size_t i = first; i < d->n; i++) {
        block *b = &d->blocks[i];
        if (label(b, "minimum") || label(b, "required") || label(b, "minimum requirements")) {
            minimum = 1;
        } else if (minimum && b->ract == RA_CUT_AFTER && (label(b, "recommended") ||
                                                         label(b, "recommended requirements"))) {
            b->ract = RA_NONE;
            b->rule = NULL;
            b->dec = DEC_KEEP;
            b->why = WHY_ARTICLE;
        }
    }
}
