/* reading.c -- how each kind of page is read, one table for both front ends.
 *
 * An article is one container's (HTML) or one run's (text) best prose.  Forums,
 * listings, collections, products, docs and services spread their content over the
 * page -- posts, entries, items, sections -- so they are read whole outside the page's
 * furniture; those whose entries are links (listings, collections) or whose sections
 * are (docs, services) keep link lines too; a forum's posts carry the class names of
 * reader comments.  A page read this way when it is an article loses its story, so
 * the type must lead "article" by a margin: 6 for HTML; for rendered text, whose
 * detector is weaker, a margin per type, by what a wrong reading costs: an article
 * read as documentation, a collection or a service loses little (its prose is most
 * of its text), one read as a forum or listing loses its story to their entries --
 * those are settled by their stamps' rhythm (text/textclass.c) or a lead of 12.
 * Measured per type on wcxb-dev-other, with no loss on the article sets (README). */
#include "article/article.h"

#define HTML_MARGIN 6
/* The lead from which a listing or collection is read as nothing but its entries:
 * CNN's story pages lean to listing by 6 and carry their story in a "right rail",
 * their video rows in carousels. */
#define HTML_SURE_MARGIN 11

/* A product page's lead over article is often small -- its description is prose, its
 * specifications read like an article's lists -- and few articles lean to product at
 * all: on the article sets one page does, by 3 (dragnet-train's car review, whose text
 * sits in "review" markup the product reading drops).  From a lead of 4 a page is read
 * as a product: wcxb-dev-other product word F1 +.006 (a chair's specifications kept,
 * .07 -> .74; a camera page .83 -> .70). */
#define HTML_PRODUCT_MARGIN 4

static int html_margin(winnow_page_type t)
{
    return t == WINNOW_PAGE_PRODUCT ? HTML_PRODUCT_MARGIN : HTML_MARGIN;
}

static int text_margin(winnow_page_type t)
{
    switch (t) {
    case WINNOW_PAGE_DOCUMENTATION: return 1;
    case WINNOW_PAGE_COLLECTION: return 4;
    case WINNOW_PAGE_SERVICE: return 6;
    default: return WN_READING_TEXT_MARGIN;
    }
}

wn_reading wn_article_reading(const doc *d, int rendered_text)
{
    wn_reading r = {.comments = 1};
    /* Reader comments are told apart unless the page is clearly something else (a
     * forum's replies are its content); the comment finder has its own guard for
     * pages that lean to forum. */
    if (d->page_type != WINNOW_PAGE_ARTICLE && d->page_type != WINNOW_PAGE_UNKNOWN &&
        d->page_type_margin >= HTML_MARGIN)
        r.comments = 0;
    if (d->page_type_margin < (rendered_text ? text_margin(d->page_type) : html_margin(d->page_type)))
        return r;
    switch (d->page_type) {
    case WINNOW_PAGE_FORUM:
        r.whole_page = r.no_main_run = r.spare_talk = 1;
        r.main_only = !rendered_text;
        break;
    case WINNOW_PAGE_PRODUCT:
        /* Rendered text has no furniture to leave out: a product page's text is mostly
         * other products, and the article's reading does better there (unless its
         * prose spreads thin: text/textclass.c, article_spread()). */
        if (!rendered_text) r.whole_page = r.no_main_run = r.tiles_dropped = r.main_only = 1;
        break;
    case WINNOW_PAGE_LISTING: case WINNOW_PAGE_COLLECTION:
        r.whole_page = r.no_main_run = r.links_kept = r.entries = 1;
        if (!rendered_text && d->page_type_margin >= HTML_SURE_MARGIN) r.sure_entries = 1;
        break;
    case WINNOW_PAGE_DOCUMENTATION:
        r.whole_page = r.no_main_run = r.links_kept = 1;
        r.main_only = !rendered_text;
        break;
    case WINNOW_PAGE_SERVICE:
        r.whole_page = r.no_main_run = r.links_kept = 1;
        /* Their forms, buttons and code samples are furniture: html/html_classify.c. */
        if (!rendered_text)
            r.forms_dropped = r.buttons_dropped = r.code_dropped = r.main_only =
                r.menus_dropped = 1;
        break;
    default:
        break;
    }
    return r;
}

/* Measured on the pages whose type leads article by 1 to 5 (the development sets): the
 * listings with 20 or more linked headings (front pages of blogs and magazines, a
 * podcast directory) read whole gain .03 to .54 word F1 each; the articles of that
 * lead show at most 15 (dragnet-train's old news pages, their "more stories" boxes). */
static int entries_lead_below(const doc *d, int margin)
{
    return (d->page_type == WINNOW_PAGE_LISTING || d->page_type == WINNOW_PAGE_COLLECTION) &&
           d->page_type_margin > 0 && d->page_type_margin < margin;
}

int wn_article_entries_pending(const doc *d) { return entries_lead_below(d, HTML_MARGIN); }

void wn_article_entry_titles(doc *d, int entry_titles)
{
    if (wn_article_entries_pending(d) && entry_titles >= WN_READING_ENTRY_TITLES)
        d->page_type_margin = HTML_MARGIN;
}

int wn_article_entries_unsure(const doc *d) { return entries_lead_below(d, HTML_SURE_MARGIN); }

/* Measured on wcxb-dev-other (HTML): of the listings and collections leading article by
 * 1 to 5, those with a row of 8 entries or more holding half the text gain .03 to .85
 * word F1 each (listing .700 -> .714, collection .696 -> .701), two lose .05 and .01;
 * at that lead no page of the article sets has such a row but wcxb-dev-article's 0313
 * and 0267, lists themselves (.9447 unchanged).  Read whole rather than as sure
 * entries, wcxb-dev-article lost .0001.  A lead of 6 to 10 reads the page whole
 * already; the row makes it sure as well: listing .7232 -> .7248 (2908, a reader's
 * list of 100 books: .74 -> .88), no page of the article sets changes (with the row
 * the longest that holds the page, html/html_entries.c). */
void wn_article_entry_rows(doc *d, int rows)
{
    if (wn_article_entries_unsure(d) && rows >= WN_READING_ENTRY_ROWS)
        d->page_type_margin = HTML_SURE_MARGIN;
}

/* Measured on the development sets (HTML): the listings an article reading keeps
 * next to nothing of -- an awards page's 600 winners under a WordPress post's markup,
 * a club's trails in a page builder's call-to-action boxes, whose intro line is the
 * "story" -- keep 1% to 10.5% of their page's text; the nearest article keeps 11.8%
 * (dragnet-train T19, its story among long link lists), and one post under a long
 * sidebar keeps 2.6% and has a comment form (R264).  wcxb-dev-other listing .725 ->
 * .740 (0203 .03 -> .95, 4627 .23 -> .99; 2914, an intro over a podcast's episode grid,
 * .42 -> .17), product .706 -> .712 (0620, typed collection, .07 -> .56); no page of
 * the article sets changes. */
winnow_page_type wn_article_thin_reading(const doc *d, size_t page_text)
{
    static const winnow_page_type spread[] = {WINNOW_PAGE_SERVICE, WINNOW_PAGE_LISTING,
                                              WINNOW_PAGE_COLLECTION};
    if (wn_article_reading(d, 0).whole_page) return WINNOW_PAGE_UNKNOWN;
    size_t kept = 0;
    for (size_t i = 0; i < d->n; i++)
        if (d->blocks[i].dec == DEC_KEEP) kept += d->blocks[i].len;
    /* Nothing kept: no content to speak of (a page of navigation), which
     * pagetype/pt_nocontent.c tells. */
    if (!kept || (double)kept >= WN_READING_THIN_SHARE * (double)page_text)
        return WINNOW_PAGE_UNKNOWN;
    winnow_page_type best = WINNOW_PAGE_UNKNOWN;
    int lag = d->page_type_lag[WINNOW_PAGE_ARTICLE] + 1; /* as high as article: a tie too */
    for (size_t k = 0; k < sizeof spread / sizeof *spread; k++)
        if (d->page_type_lag[spread[k]] < lag) {
            best = spread[k];
            lag = d->page_type_lag[spread[k]];
        }
    return best;
}

/* A service that leads article by SERVICE_MARKUP_LEAD to 5 is read as one when its
 * class names speak of an offer's parts (faq, pricing, features, testimonials, hero,
 * cta ...) at least as often as of a story's (byline, author, entry, tags, share,
 * related ...).  Measured on every page of the development sets so typed: on
 * wcxb-dev-other service .8501 -> .856, listing +.008, documentation +.002, collection
 * -.001 (4261, a shop typed service); no page of dragnet-train passes (its blog posts and
 * old news pages that lean to service name their story's parts), so dragnet-train keeps
 * .9109 where a lead of 3 alone cost it .0014. */
#define SERVICE_MARKUP_LEAD 2
void wn_article_service_markup(doc *d, int service_classes, int article_classes)
{
    if (d->page_type == WINNOW_PAGE_SERVICE && d->page_type_margin >= SERVICE_MARKUP_LEAD &&
        d->page_type_margin < HTML_MARGIN && service_classes >= article_classes)
        d->page_type_margin = HTML_MARGIN;
}
