/* html_classify.c -- the second look, block by block, inside the chosen article (or, for
 * pages that are not articles, the whole page outside its furniture): a block
 * that is mostly link text is navigation; the text rules (shared with the text path)
 * drop credits, teasers and notices and may cut the tail (comments, related); the
 * headline repeated at the top is dropped because it is printed as the title; short
 * figure captions go; the best contiguous run of prose is kept and blocks outside it
 * (teasers above, stubs below) are dropped; repeated copies of a block go; a list of
 * bare numbers (a star rating's or a pager's buttons) goes. */
#include <stdlib.h>
#include <string.h>
#include "article/article.h"
#include "html/html_dom.h"

#define LINK_DROP 0.5  /* share of link text above which a block is navigation */
#define CAPTION_PROSE 250 /* bytes from which a figure caption counts as prose */
#define CUT_KEEPS 0.3      /* share of the prose beyond a cut rule that voids the cut */
#define LONG_BLOCK 200     /* a block this long is a sentence or more ... */
#define LINK_DROP_LONG 0.75 /* ... and may link more of itself (a lead linking a story) */
#define DATA_ROW 0.1       /* prose value of a data table's row: a long table outweighs
                              the short lines around it */

/* A sentence: a paragraph ending as one. */
static int sentence_end(const block *b)
{
    char last = b->len ? b->text[b->len - 1] : 0;
    return last == '.' || last == '!' || last == '?';
}

/* The share of link text above which a block is navigation: a long block or a
 * sentence with its words linked here and there (a blogger's "we launched something
 * cute") is prose; a menu is not a sentence. */
static double link_cap(const block *b)
{
    if (b->len >= LONG_BLOCK) return LINK_DROP_LONG;
    if (b->kind == BK_PARA && b->len >= 60 && sentence_end(b)) return 0.6;
    return LINK_DROP;
}

/* A paragraph that starts with a bullet: an item of a list drawn as paragraphs. */
static int bulleted(const block *b)
{
    return b->kind == BK_PARA && wn_bullet_len(b->text, b->len) > 0;
}

/* How much a block looks like article prose: long, sentence-shaped, few links. */
static double prose_value(const block *b)
{
    double ld = b->len ? (double)b->link_len / b->len : 0;
    /* A dropped list item costs little: a list of links inside a post (a changelog,
     * sources) must not split the story in two. */
    if (b->dec == DEC_DROP) return b->kind == BK_ITEM ? -0.05 : -0.2;
    if (b->kind == BK_HEADING) return 0;
    char last = b->text[b->len - 1];
    int sentence = last == '.' || last == '!' || last == '?' || last == '"' || last == ':' ||
                   (unsigned char)last >= 0x80;
    /* Long paragraphs often link a name or two: weigh the links, do not veto. */
    if (b->len >= 100 && ld < 0.5) return (b->len >= 500 ? 5 : b->len / 100.0) * (1 - ld);
    if (b->len >= 20 && ld < 0.3 && sentence) return 0.5;
    /* A sentence linking a word or two (a blogger's short post): a little prose. */
    if (b->kind == BK_PARA && b->len >= 40 && ld <= link_cap(b) && sentence_end(b)) return 0.1;
    /* Rows, items and quotes are article furniture as often as boilerplate: neutral
     * (but see data_row). */
    if (b->kind == BK_TABLE || b->kind == BK_QUOTE) return 0;
    if (b->kind == BK_ITEM || bulleted(b)) return b->len >= 80 && ld < 0.3 ? 0.3 : -0.02 - ld / 4;
    return -0.3 - ld;
}

/* A block that is nothing but a URL, or a "name: URL" pair (an image address a shop
 * template prints as data): page data, not text to read. */
static int bare_url(const block *b)
{
    const char *s = b->text;
    size_t n = b->len;
    const char *sp = memchr(s, ' ', n);
    if (sp && sp > s && sp[-1] == ':' && !memchr(s, ' ', (size_t)(sp - s))) {
        n -= (size_t)(sp + 1 - s); /* "cat_thumb_Bone: https://..." */
        s = sp + 1;
    }
    if (!(n > 8 && (strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0)))
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == ' ' || s[i] == '\n') return 0;
    return 1;
}

/* An item that shows a widget's button, not words: one to three digits, or a symbol or
 * two ("...", ">>"); sets *number when it is a number. */
static int button_item(const block *b, int *number)
{
    size_t digits = 0;
    for (size_t i = 0; i < b->len; i++) {
        unsigned char c = (unsigned char)b->text[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ' ' || c == '\n')
            return 0;
        digits += c >= '0' && c <= '9';
    }
    *number = digits > 0;
    return digits ? digits == b->len && digits <= 3 : b->len <= 6;
}

/* Drops each list (a run of items of one container) whose items are all buttons, two
 * or more of them numbers: the stars of a rating ("1 2 3 4 5"), a pager's pages. */
static void drop_number_lists(doc *d, size_t from)
{
    for (size_t i = from; i < d->n;) {
        size_t j = i;
        int numbers = 0, buttons = 1;
        while (j < d->n && d->blocks[j].kind == BK_ITEM && d->blocks[i].container &&
               d->blocks[j].container == d->blocks[i].container) {
            int number = 0;
            buttons = buttons && button_item(&d->blocks[j], &number);
            numbers += number;
            j++;
        }
        if (j == i) {
            i++;
            continue;
        }
        for (size_t k = i; k < j && buttons && numbers >= 2; k++) {
            if (d->blocks[k].dec != DEC_NONE) continue; /* decided already */
            d->blocks[k].dec = DEC_DROP;
            d->blocks[k].why = WHY_WIDGET;
        }
        i = j;
    }
}

/* Whether 30% or more of a block's text is link text. */
static int linked(const block *b)
{
    return b->link_len * 10 >= b->len * 3;
}

/* A data table's row with few links: once a run of prose is going, it is the story's
 * data (a table of figures closing a report) and the run carries on through it; it
 * never starts a run. */
static int data_row(const block *b)
{
    return b->kind == BK_TABLE && (b->flags & BF_CELLS) && b->dec != DEC_DROP && !linked(b);
}

/* The element holding a block's element (its paragraph's parent), or -1. */
static int story_body(const hdom *h, const block *b)
{
    return b->group >= 0 && b->group < h->n ? h->parent[b->group] : -1;
}

/* A line of the story whose body is element body: kept so far, in it, not links. */
static int story_line(const hdom *h, const block *b, int body)
{
    return b->dec != DEC_DROP && story_body(h, b) == body && !linked(b);
}

/* Keeps the best-scoring contiguous run of article blocks (max-subarray): teaser lists
 * above the story and comment or related stubs below it fall outside the run. */
static void main_run(const hdom *h, doc *d, size_t from)
{
    double cur = 0, best = -1;
    size_t start = from, bs = from, be = from;
    int any = 0;
    for (size_t i = from; i < d->n; i++) {
        block *b = &d->blocks[i];
        if (b->dec == DEC_DROP && b->why == WHY_OUTSIDE_ARTICLE) continue;
        if (!any || cur < 0) {
            cur = 0;
            start = i;
        }
        any = 1;
        cur += cur > 0 && data_row(b) ? DATA_ROW : prose_value(b);
        if (cur > best) {
            best = cur;
            bs = start;
            be = i;
        }
    }
    if (!any || best <= 0) return;
    /* A list or table right after the last paragraph (the teams, the specs) is part
     * of the story when it is not made of links. */
    size_t run_end = be;
    for (size_t i = be + 1; i < d->n; i++) {
        const block *b = &d->blocks[i];
        if (b->dec == DEC_DROP && b->why == WHY_OUTSIDE_ARTICLE) continue;
        int furniture = b->kind == BK_ITEM || b->kind == BK_TABLE || b->kind == BK_HEADING ||
                        bulleted(b);
        if (!furniture || b->dec == DEC_DROP || linked(b)) break;
        be = i;
    }
    /* Short lines that are the run's paragraphs' siblings -- in the same element, the
     * story's body -- are the story's: its schedule of venues written as paragraphs
     * after it, a line that opens it; not when they are links or a rule dropped them.
     * Dragnet-train .9069 -> .9089, scrapinghub .9763 -> .9766. */
    int body = story_body(h, &d->blocks[run_end]);
    while (body >= 0 && be + 1 < d->n && story_line(h, &d->blocks[be + 1], body)) be++;
    int lead = story_body(h, &d->blocks[bs]);
    while (lead >= 0 && bs > from && story_line(h, &d->blocks[bs - 1], lead)) bs--;
    while (be > run_end && d->blocks[be].kind == BK_HEADING) be--; /* a heading needs a body */
    for (size_t i = from; i < d->n; i++) {
        block *b = &d->blocks[i];
        if (b->dec == DEC_DROP || (i >= bs && i <= be)) continue;
        b->dec = DEC_DROP;
        b->why = i < bs ? WHY_BEFORE_MAIN_RUN : WHY_AFTER_MAIN_RUN;
    }
}

/* Drops kept blocks whose text already appeared (hidden duplicates of the article,
 * repeated captions).  Open addressing over FNV-1a hashes; blocks shorter than min_len
 * exempt (an article's short lines repeat on purpose; a product page's repeat the buy
 * box for each layout: "Free Shipping & Returns", "COLOR:"). */
static void drop_repeats(const hdom *h, doc *d, size_t min_len)
{
    size_t cap = 64;
    while (cap < d->n * 2) cap *= 2;
    size_t *slot = calloc(cap, sizeof *slot); /* block index + 1 */
    if (!slot) return;
    for (size_t i = 0; i < d->n; i++) {
        block *b = &d->blocks[i];
        if (b->dec != DEC_KEEP || b->len < min_len) continue;
        uint64_t hv = 1469598103934665603ULL;
        for (size_t k = 0; k < b->len; k++) hv = (hv ^ (unsigned char)b->text[k]) * 1099511628211ULL;
        for (size_t j = hv & (cap - 1);; j = (j + 1) & (cap - 1)) {
            if (!slot[j]) {
                slot[j] = i + 1;
                break;
            }
            const block *o = &d->blocks[slot[j] - 1];
            if (o->len != b->len || memcmp(o->text, b->text, b->len) != 0) continue;
            /* Repeats among siblings are the article's own (a recipe's "1 tsp.").  Only
             * the first copy is stored: probing past equal texts made 20,000 identical
             * rows quadratic. */
            if (h->parent[o->group] != h->parent[b->group]) {
                b->dec = DEC_DROP;
                b->why = WHY_REPEATED;
            }
            break;
        }
    }
    free(slot);
}

/* On a page of entries or an item's page, a kept block that repeats the kept block
 * before it is a second copy of the same part of a tile: a shop's card writes the
 * item's name once for the picture's overlay and once under it, its price twice when
 * the sale price equals the regular one.  Rows and code repeat on purpose. */
static void drop_adjacent_repeats(doc *d, size_t first)
{
    const block *prev = NULL;
    for (size_t i = first; i < d->n; i++) {
        block *b = &d->blocks[i];
        if (b->dec != DEC_KEEP) continue;
        if (prev && b->kind != BK_TABLE && b->kind != BK_PRE && prev->kind != BK_TABLE &&
            prev->kind != BK_PRE && b->len == prev->len && memcmp(b->text, prev->text, b->len) == 0) {
            b->dec = DEC_DROP;
            b->why = WHY_REPEATED;
            continue;
        }
        prev = b;
    }
}

/* A data table that keeps rows of its own keeps the rows it shares with an earlier
 * table: the header every table of an API reference repeats, a spec line several
 * products' tables hold.  Without them the first data row would read as the header
 * and the table would lose a row.  A table whose every row is a copy (a layout's
 * hidden duplicate) stays dropped.  So does a row that is mostly a link (a company's
 * name linked, its figures beside it) in a table keeping at least as many rows as it
 * drops so: the table is data, the link its datum; a grid of links stays navigation.
 * Rows of a table are consecutive blocks. */
static void keep_table_rows(doc *d)
{
    for (size_t i = 0; i < d->n;) {
        const block *b = &d->blocks[i];
        if (b->kind != BK_TABLE || !(b->flags & BF_CELLS)) {
            i++;
            continue;
        }
        size_t end = i, own = 0, linked_rows = 0;
        for (; end < d->n && d->blocks[end].kind == BK_TABLE &&
               (d->blocks[end].flags & BF_CELLS) && d->blocks[end].container == b->container;
             end++) {
            own += d->blocks[end].dec == DEC_KEEP;
            linked_rows += d->blocks[end].why == WHY_LINK_HEAVY;
        }
        for (size_t k = i; own && k < end; k++) {
            block *r = &d->blocks[k];
            if (r->why == WHY_REPEATED || (r->why == WHY_LINK_HEAVY && linked_rows <= own)) {
                r->dec = DEC_KEEP;
                r->why = WHY_ARTICLE;
            }
        }
        i = end;
    }
}

/* A list item that is all a link, in a list of which the story keeps at least
 * LIST_OWN_PER_LINK times as many items of plain text, is one of the list's points
 * ("Great customer service" linked to a review among a product's pros), not a menu's
 * entry.  Items of a list are consecutive blocks (nested lists aside, which end a run). */
#define LIST_OWN_PER_LINK 2

static void keep_list_items(doc *d)
{
    for (size_t i = 0; i < d->n;) {
        const block *b = &d->blocks[i];
        if (b->kind != BK_ITEM) {
            i++;
            continue;
        }
        size_t end = i, own = 0, linked = 0;
        for (; end < d->n && d->blocks[end].kind == BK_ITEM && d->blocks[end].container == b->container;
             end++) {
            own += d->blocks[end].dec == DEC_KEEP;
            linked += d->blocks[end].why == WHY_LINK_HEAVY;
        }
        for (size_t k = i; linked && own >= LIST_OWN_PER_LINK * linked && k < end; k++) {
            block *r = &d->blocks[k];
            if (r->why == WHY_LINK_HEAVY) {
                r->dec = DEC_KEEP;
                r->why = WHY_ARTICLE;
            }
        }
        i = end;
    }
}

/* A "Related news" box in the middle of the story must not cut the story: a cut rule
 * whose far side still holds a good share of the article's prose only drops its own
 * block.  Prefix sums of kept prose keep this linear. */
static void soften_cuts(doc *d, size_t from)
{
    double total = 0;
    for (size_t i = from; i < d->n; i++)
        if (d->blocks[i].dec == DEC_KEEP && d->blocks[i].len >= 100) total += d->blocks[i].len;
    double before = 0;
    for (size_t i = from; i < d->n; i++) {
        block *b = &d->blocks[i];
        /* A comment section's heading ends the story however long the comments; one
         * above any of its prose is a link to them ("27 comments") and only drops. */
        int hard = b->why == WHY_RULE && b->rule && b->rule->hard && before > 0;
        if (b->ract == RA_CUT_AFTER && !hard && total - before >= CUT_KEEPS * total)
            b->ract = RA_DROP;
        if (b->ract == RA_CUT_BEFORE && before >= CUT_KEEPS * total) b->ract = RA_DROP;
        if (b->dec == DEC_KEEP && b->len >= 100) before += b->len;
    }
}

/* On a page of entries a soft cut rule's paragraph is a label on one of them (a
 * tile's "Popular" badge): it drops its own block and cuts nothing.  A heading or an
 * item ("Latest tweets", "More from NAME") still opens the page's after-matter, and a
 * hard cut (a comment section) still ends the page. */
static void entries_uncut(doc *d, size_t from)
{
    for (size_t i = from; i < d->n; i++) {
        block *b = &d->blocks[i];
        int hard = b->why == WHY_RULE && b->rule && b->rule->hard;
        if ((b->ract == RA_CUT_AFTER || b->ract == RA_CUT_BEFORE) && !hard &&
            b->kind == BK_PARA)
            b->ract = RA_DROP;
    }
}

static int same_text(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/* Drops the blocks inside rows of other items' tiles (html_cards.c): on a product page
 * the related, "also bought" and variant carousels around the item. */
static void drop_tiles(const hdom *h, doc *d)
{
    uint8_t *tile = malloc((size_t)h->n);
    if (!tile || wn_hcards_tiles(h, tile) != 0) {
        free(tile);
        d->failed = 1;
        return;
    }
    for (size_t i = 0; i < d->n; i++) {
        block *b = &d->blocks[i];
        if (b->dec == DEC_NONE && b->group >= 0 && tile[b->group]) {
            b->dec = DEC_DROP;
            b->why = WHY_TILE;
        }
    }
    free(tile);
}

/* A post's author heading, a link to the author's profile (XenForo's h4 "lgans316"),
 * and the line naming whom a quote quotes ("ann said:", the name a link): a thread's
 * content, not a menu; a reply's title ("Re: ...", phpBB's) and a site's name over
 * the page (h1, h2) are not.  (A linked
 * date line is kept by some truths and not by others: measured, keeping it loses.) */
#define STAMP_MAX 60
static int post_stamp(const block *b)
{
    if (b->len > STAMP_MAX) return 0;
    if (b->kind == BK_QUOTE) return wn_article_author_line(b->text, b->len) > 0;
    return b->kind == BK_HEADING && b->level >= 3 && !wn_article_starts(b->text, b->len, "re:");
}

/* A linked heading on a page read as a thread that no forum software made (Forem's,
 * dev.to's front page: a feed of posts, each a linked title over its author and
 * reactions): a topic's title, the entry itself (wcxb-dev-other 3014 .06 -> .78).
 * Forum software's linked headings are each reply's "Re: ..." title, which truths
 * leave out (forum -.0004 with them); a linked h1 is the site's name over the page. */
static int topic_title(const hdom *h, const block *b)
{
    return b->kind == BK_HEADING && b->level >= 2 && !h->forum_software;
}

/* On a page of entries (a listing, a collection), the scorer is sometimes drawn into
 * pages of prose that are not the page's -- a consent centre, a privacy policy in a
 * dialog -- whose element an attribute rule would prune but the prose guard kept, for
 * it might have been the article.  On such a page it is not, the entries are: that
 * element, when it holds the chosen container and not most of the page (a body of
 * class "sidebar-open"), is furniture, all of it.  Only an attribute rule's verdict
 * counts (a closed accordion's text is hidden, yet the page's), and guarded elements
 * elsewhere stay: entries too sit in markup named "hidden" (a breakpoint's copy).
 * Dropping the chosen container costs a misread article its story: only on a page
 * sure to be a listing or a collection (wn_reading.sure_entries). */
#define ASTRAY_SHARE 0.8
static int guarded_chooser(const hdom *h, int i)
{
    return h->raw[i] < ASTRAY_SHARE * h->raw[0] && (h->flags[i] & NF_PRUNE) && h->rule[i] &&
           !(h->flags[i] & NF_REMOVED);
}

/* A guarded dialog, footer, sidebar or search box (the "structure" rules): never an
 * entry, wherever it stands (a shop's privacy policy and terms, each in a dialog). */
static int guarded_structure(const hdom *h, int i)
{
    return guarded_chooser(h, i) && h->rule[i]->category &&
           strcmp(h->rule[i]->category, "structure") == 0;
}

/* A guarded element hidden from the reader: a drawer of class "hidden" a button opens
 * (a shop's "Compare products" panel repeating each tile with its full description), a
 * notice the page hides until asked (display:none: a dealer's pricing policy under its
 * grid).  The prose guard kept it (it might have been the article); on a page of
 * entries the entries are.  A class only when the chrome-word rule read it: a
 * breakpoint's copy of the entries ("hidden lg:block") is the responsive rules' and
 * stays.  wcxb-dev-other collection .7729 -> .7788 (0637 .30 -> .82) with the class,
 * .7811 -> .7824 with the page's markers (4264 .88 -> 1.0); no other page of any set
 * changes. */
static int guarded_hidden(const hdom *h, int i)
{
    static const char *const hide[] = {"hidden", NULL};
    if (h->raw[i] >= ASTRAY_SHARE * h->raw[0] || !(h->flags[i] & NF_PRUNE) ||
        (h->flags[i] & NF_REMOVED))
        return 0;
    if (wn_hdom_page_hidden(h, i)) return 1;
    return h->rule[i] && h->rule[i]->name && strcmp(h->rule[i]->name, "chrome-word") == 0 &&
           wn_hdom_has_class(wn_hdom_attr(h->node[i], "class"), hide);
}

/* A form on a service page is a contact or quote form, a plan or ZIP code picker: its
 * labels ("First Name*", "This field is for validation purposes"), consent lines and
 * buttons are not the offer.  A form holding much of the page wraps it all (ASP.NET),
 * and one with paragraphs of prose holds sections (a page builder that never closed
 * it): those stay.  wcxb-dev-other service word F1 .840 -> .841, 11 pages gain, one
 * whose truth keeps its form's labels loses.  A short page's contact form with its
 * consent paragraphs holds a fifth to a third of it (WCXB 4266, .83 -> 1.0): no
 * other page of the set changes between a share of .2 and .45. */
#define FORM_SHARE 0.3 /* of the page's text, above which a form wraps the page */
#define FORM_PARAS 2   /* paragraphs of prose a form may hold */
static int form_furniture(const hdom *h, int i)
{
    return h->tag[i] == TG_FORM && h->text[i] < FORM_SHARE * h->text[0] &&
           h->paras[i] <= FORM_PARAS;
}

/* Gives the blocks outside the chosen container back to the classifier, except those
 * in page furniture (nav, header, footer, aside); the attribute rules have pruned
 * menus and footers marked by class already.  On a page of entries an element the
 * scorer went astray into (guarded_chooser) is dropped; on a page whose forms are
 * furniture, they are (form_furniture); on one read inside its <main>, what stands
 * outside it (html_main.c). */
static void whole_page(const hdom *h, doc *d, const wn_reading *pol)
{
    int entries = pol->entries, sure = pol->sure_entries, forms = pol->forms_dropped;
    uint8_t *furniture = calloc((size_t)h->n, 1);
    if (!furniture) {
        d->failed = 1;
        return;
    }
    /* Outside a <main> that holds a fair share of the page: the site's (html_main.c).
     * wcxb-dev-other (HTML) service .8652 -> .8677 (1087 .73 -> .995), forum .8464 ->
     * .8485, product .7257 -> .7295, documentation .9407 -> .9412, no page loses more
     * than .002; wcxb-dev-article .9490 -> .9493.  role=main read as <main>: service
     * .8720 -> .8722, product .7295 -> .7306 (3058 .57 -> .66), forum +.0001, no page
     * loses.  The <article>s of a page without <main>: forum .8486 -> .8499 (0518, a
     * board's top menu, .81 -> .90; 0517 -.004), listing .7775 -> .7781 (2972, read as a
     * thread).  Listings and collections are left out: their entries often stand
     * outside <main> (0644, 0645, 4632 lose .3 to .7). */
    uint8_t *outside = pol->main_only ? calloc((size_t)h->n + 1, 1) : NULL;
    if (outside && wn_hmain_outside(h, outside) <= 0) {
        free(outside);
        outside = NULL;
    }
    /* A tree of link lists on a service page: the site's menu, which the link lines
     * a service keeps would let through (html_menus.c).  wcxb-dev-other service .8677
     * -> .8684 (3033 .60 -> .70), no page loses; documentation pages' tables of
     * contents are such trees, and in their truths, and so is a story's inside its
     * <article> (wcxb-dev-article 0127, a guide read as a service), which stays. */
    uint8_t *menu = pol->menus_dropped ? calloc((size_t)h->n + 1, 1) : NULL;
    if (menu && wn_hmenus_mark(h, menu) <= 0) {
        free(menu);
        menu = NULL;
    }
    /* A page of entries' filter form (html_facets.c) is furniture. */
    uint8_t *facet = entries ? calloc((size_t)h->n + 1, 1) : NULL;
    if (facet && wn_hfacets_mark(h, facet) < 0) memset(facet, 0, (size_t)h->n);
    int astray = -1; /* the outermost guarded element holding the chosen container */
    for (int a = h->top; sure && a >= 0; a = h->parent[a])
        if (guarded_chooser(h, a)) astray = a;
    /* A page that marks its body with <main> says a <footer> outside it and outside
     * any <article> is the site's, however much legal prose it holds (the prose guard
     * spares it from pruning): an insurer's underwriting notes, a bank's disclosures.
     * wcxb-dev-other service .8587 -> .8613 (4911 .65 -> .96), collection .7515 ->
     * .7556; no page loses. */
    int has_main = 0;
    for (int i = 0; i < h->n && !has_main; i++) has_main = h->tag[i] == TG_MAIN;
    uint8_t *inside = calloc((size_t)h->n + 1, 1); /* within <main> or <article> */
    if (!inside) {
        free(furniture);
        free(facet);
        free(outside);
        free(menu);
        d->failed = 1;
        return;
    }
    for (int i = 0; i < h->n; i++) {
        int p = h->parent[i], t = h->tag[i];
        inside[i] = (p >= 0 && inside[p]) || t == TG_MAIN || t == TG_ARTICLE;
        furniture[i] = (p >= 0 && furniture[p]) ? furniture[p]
                       : i == astray || (entries && guarded_structure(h, i)) ? 2
                       : entries && guarded_hidden(h, i) ? 2
                       : forms && form_furniture(h, i) ? 2
                       : facet && facet[i] ? 2
                       : outside && outside[i] ? 2
                       : menu && menu[i] ? 2
                       : has_main && t == TG_FOOTER && !inside[i] ? 2
                       : t == TG_NAV || t == TG_HEADER || t == TG_FOOTER || t == TG_ASIDE;
    }
    free(inside);
    free(outside);
    free(menu);
    for (size_t i = 0; i < d->n; i++) {
        block *b = &d->blocks[i];
        if (b->dec == DEC_NONE && b->group >= 0 && furniture[b->group] == 2) {
            b->dec = DEC_DROP;
            b->why = WHY_OUTSIDE_ARTICLE;
        }
    }
    for (size_t i = 0; i < d->n; i++) {
        block *b = &d->blocks[i];
        if (b->dec == DEC_DROP && b->why == WHY_OUTSIDE_ARTICLE && b->group >= 0 &&
            !furniture[b->group]) {
            b->dec = DEC_NONE;
            b->why = WHY_NONE;
        }
    }
    free(furniture);
    free(facet);
}

/* A thread on forum software calls its replies "Comments" (Vanilla) or heads them "12
 * replies": on its forum reading the cut rules written for a story's reader comments
 * only drop their own line, and a quote's "ann said:" is the post's.  A story misread
 * as a forum keeps them: it says nothing of forum software.  A caller who forces the
 * type says it is a thread. */
static void thread_cuts(const hdom *h, doc *d, const wn_reading *pol)
{
    if (!pol->spare_talk || !(h->forum_software || d->page_type_margin >= PT_FORCED_MARGIN))
        return;
    for (size_t i = 0; i < d->n; i++) {
        block *b = &d->blocks[i];
        if (!b->rule || !b->rule->category || strcmp(b->rule->category, "comments") != 0)
            continue;
        if (b->ract == RA_CUT_AFTER || b->ract == RA_CUT_BEFORE) b->ract = RA_DROP;
        /* "ann said:" heading a quote names whom a post quotes: it is the post's. */
        if (b->kind == BK_QUOTE && b->dec == DEC_DROP && b->ract == RA_DROP && b->rule->name &&
            strncmp(b->rule->name, "comment-author", 14) == 0) {
            b->dec = DEC_KEEP;
            b->why = WHY_ARTICLE;
        }
    }
}

/* On a page read whole with its link lines (a service's sections are often links), a
 * link line standing alone among the text, or one of two, is a button: "Learn more",
 * "Contact us", "Start free trial", a social icon's name.  A run of three or more is a
 * list of the offer's parts and stays, and so does a longer line (an entry's title on a
 * front page misread as a service).  On wcxb-dev-other's service pages such lines
 * outside the truth outweigh those in it four to one (word F1 .841 -> .845; runs of
 * three cost .0003, lines of up to 8 words gain .0003 more). */
#define BUTTON_RUN 2   /* link lines in a run, at most, that are buttons */
#define BUTTON_WORDS 6 /* words a button's label holds at most */

static int link_line(const block *b)
{
    return b->kind == BK_PARA && b->len && (double)b->link_len / b->len > link_cap(b);
}

static int button_words(const block *b)
{
    size_t words = 1;
    for (size_t k = 0; k < b->len; k++) words += b->text[k] == ' ';
    return words <= BUTTON_WORDS;
}

/* Runs of link lines (dropped blocks between them do not break a run); linear. */
static void drop_buttons(doc *d, size_t from)
{
    for (size_t i = from; i < d->n;) {
        if (d->blocks[i].dec == DEC_DROP || !link_line(&d->blocks[i])) {
            i++;
            continue;
        }
        size_t j = i, lines = 0, last = i;
        for (; j < d->n && (d->blocks[j].dec == DEC_DROP || link_line(&d->blocks[j])); j++)
            if (d->blocks[j].dec != DEC_DROP) {
                lines++;
                last = j;
            }
        for (size_t k = i; k <= last && lines <= BUTTON_RUN; k++) {
            block *b = &d->blocks[k];
            if (b->dec != DEC_NONE || !button_words(b)) continue;
            b->dec = DEC_DROP;
            b->why = WHY_LINK_HEAVY;
            b->score = (double)b->link_len / b->len;
        }
        i = last + 1;
    }
}

/* A service page's code is its product's demo -- an editor's mock-up, a snippet per
 * feature of a platform -- not the offer: on wcxb-dev-other four of the five service
 * pages that show code leave it out of their truth (service .8632 -> .8646; 0708, an
 * API's page whose truth keeps its samples in every language, .96 -> .79). */
static void drop_code(doc *d, size_t from)
{
    for (size_t i = from; i < d->n; i++) {
        block *b = &d->blocks[i];
        if (b->kind != BK_PRE || b->dec != DEC_NONE) continue;
        b->dec = DEC_DROP;
        b->why = WHY_DEMO_CODE;
    }
}

void wn_hclass_decide(hdom *h, rule_matcher *m, doc *d)
{
    wn_reading pol = wn_article_reading(d, 0); /* how this kind of page is read */
    if (pol.whole_page) whole_page(h, d, &pol);
    if (pol.tiles_dropped && h->n) drop_tiles(h, d);
    if (pol.tiles_dropped && h->n) wn_hproduct_extras(h, d);
    size_t first = d->n;
    for (size_t i = 0; i < d->n; i++) {
        block *b = &d->blocks[i];
        if (b->dec != DEC_NONE) continue;
        if (first == d->n) first = i;
        double ld = b->len ? (double)b->link_len / b->len : 0;
        if (b->kind == BK_CAPTION && b->len < CAPTION_PROSE) {
            /* Captions describe a picture the text does not show; both benchmark
             * ground truths leave them out.  A long one is prose and stays. */
            b->dec = DEC_DROP;
            b->why = WHY_CAPTION;
        } else if (ld > link_cap(b) && b->kind != BK_PRE &&
                   !pol.links_kept && !(pol.spare_talk && (post_stamp(b) || topic_title(h, b)))) {
            b->dec = DEC_DROP;
            b->why = WHY_LINK_HEAVY;
            b->score = ld;
        } else if (b->kind != BK_PRE && bare_url(b)) {
            b->dec = DEC_DROP;
            b->why = WHY_BARE_URL;
        } else if (b->kind != BK_PRE && b->kind != BK_TABLE &&
                   wn_article_marquee(b->text, b->len)) {
            /* A ticker's phrase, said over and over (wcxb-dev-other 0717: 350 words of
             * "Book Now"; service .8583 -> .8587, listing .7419 -> .7425).  A table's
             * row of the same cell is data (a plan table's "Order Now" per column). */
            b->dec = DEC_DROP;
            b->why = WHY_TICKER;
        }
    }
    drop_number_lists(d, first);
    if (pol.buttons_dropped) drop_buttons(d, first);
    if (pol.code_dropped) drop_code(d, first);
    wn_rules_apply_doc(m, d);
    int seen_heading = 0;
    for (size_t i = first; i < d->n; i++) {
        block *b = &d->blocks[i];
        if (b->dec != DEC_NONE) continue;
        if (!seen_heading && b->kind == BK_HEADING && same_text(b->text, d->title)) {
            b->dec = DEC_DROP;
            b->why = WHY_HEADLINE;
            seen_heading = 1;
            continue;
        }
        b->dec = DEC_KEEP;
        b->why = WHY_ARTICLE;
    }
    if (!pol.no_main_run) main_run(h, d, first);
    drop_repeats(h, d, pol.tiles_dropped ? 1 : 40);
    if (pol.entries || pol.tiles_dropped) drop_adjacent_repeats(d, first);
    keep_table_rows(d);
    if (!pol.spare_talk) keep_list_items(d); /* a forum's items are posts, not points */
    thread_cuts(h, d, &pol);
    if (pol.entries) entries_uncut(d, first);
    soften_cuts(d, first);
    if (pol.tiles_dropped) wn_hproduct_requirements(d, first);
    wn_rules_cut(d, first, d->n);
}
