/* textlean.c -- an "article" that leans to another type and whose best run is a small
 * part of its page is that type, read whole.
 *
 * The text detector's words call many service pages (an offer's sections, each a
 * heading and a few lines, its calls to action) and some documentation pages (short
 * sections between their examples) articles by a point or two; the article's reading
 * then keeps one section.  An article's story is most of what the page says past its
 * chrome; such a page's best run is one section of several.  So an "article" whose
 * words put the type within `lag` points (2), with the type's own words (T.service:
 * "Get a quote", "Contact us", "Book now"; T.doc: "Parameters", "See also", "Edit this
 * page") said `calls` times or more, leans to it (text_pagetype.c notes it), and is
 * settled as that type, read whole, when its best run holds less than `share` of the
 * page's words (textclass.c asks once the run is found, unless the run ends at a cut
 * marker: a short story over "Most read" and its teasers is an article).
 * wcxb-dev-other innerText .7327 -> .7359 (service .7827 -> .7850, listing .7328 ->
 * .7365, documentation .8921 -> .9015, product .4833 -> .4888; 12 pages gain .06 to
 * .47, one loses: a clinic's services, 1.0 -> .48, its best run all of its content);
 * wcxb-dev-article innerText .9115 -> .9117 (a guide typed service, .47 -> .95),
 * Scrapinghub innerText and lynx unchanged.  Text page types: wcxb-dev-other .624 ->
 * .637, wcxb-dev-article .935 -> .932 (two articles typed service).  A service share
 * of a half reads a watch shop's guide whole (collection -.003); a documentation share
 * over a fifth reads a service page's FAQ whole (.89 -> .41); a tie with service
 * without its words, at a share under .3, reads two of Scrapinghub's stories whole in
 * lynx (.95 -> .84, .91 -> .84). */
#include <limits.h>
#include "article/article.h"
#include "text/textlean.h"

static const struct {
    winnow_page_type type;
    pt_signal words;
    int calls; /* the type's words said so often or more */
    int lag;   /* its score so near article's or nearer */
    double share;
} leans[] = {
    {WINNOW_PAGE_SERVICE, PS_T_SERVICE, 5, 2, 0.4},
    {WINNOW_PAGE_DOCUMENTATION, PS_T_DOC, 3, 2, 0.2},
};

void wn_text_note_lean(const pt_signals *sig, doc *d)
{
    if (d->page_type != WINNOW_PAGE_ARTICLE || d->page_type_margin == PT_FORCED_MARGIN) return;
    int best = INT_MAX;
    for (size_t k = 0; k < sizeof leans / sizeof *leans; k++) {
        int lag = d->page_type_lag[leans[k].type];
        if (lag <= leans[k].lag && lag < best && sig->v[leans[k].words] >= leans[k].calls) {
            best = lag;
            d->page_type_lean = leans[k].type;
            d->page_type_lean_share = leans[k].share;
        }
    }
}

int wn_text_settle_lean(doc *d, const tshape *shapes, size_t bs, size_t be)
{
    if (d->page_type != WINNOW_PAGE_ARTICLE || d->page_type_lean == WINNOW_PAGE_UNKNOWN ||
        d->page_type_margin == PT_FORCED_MARGIN)
        return 0;
    size_t run = 0, page = 0;
    for (size_t i = 0; i < d->n; i++) {
        page += shapes[i].words;
        if (i >= bs && i < be && d->blocks[i].dec != DEC_DROP) run += shapes[i].words;
    }
    if (!page || (double)run >= d->page_type_lean_share * (double)page) return 0;
    wn_pt_settle(d, d->page_type_lean, WN_READING_TEXT_MARGIN,
                 "leaning to it, its best run %.0f%% of the page", 100.0 * (double)run / (double)page);
    return 1;
}
