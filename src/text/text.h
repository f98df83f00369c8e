/* text.h -- the rendered-text front end: segmentation into blocks (textseg.c) and the
 * text classifier (textclass.c, with textfeat.c and texttitle.c behind it). */
#ifndef WINNOW_TEXT_H
#define WINNOW_TEXT_H

#include "core/doc.h"
#include "rules/rules.h"

/* textseg.c: splits UTF-8 text into blocks (lines / paragraphs), normalising
 * whitespace.  Returns 0 or -1 on out of memory. */
int wn_textseg_segment(const char *s, size_t len, doc *d);

/* A cut marker ("Related", "Most read", a comment section's header): a rule that ends
 * the article at it (cut=after or cut=before). */
static inline int wn_text_cut_marker(const block *b)
{
    return b->ract == RA_CUT_AFTER || b->ract == RA_CUT_BEFORE;
}

/* textclass.c: decides keep/drop for each block of a text doc and finds the headline
 * (d->title), matching the rules of m only where their verdicts can matter (m NULL:
 * the caller applied them to every block already). */
void wn_textclass_classify_rules(doc *d, rule_matcher *m);

/* text_pagetype.c: sets d->page_type for the UTF-8 text s[0..len) (forced by
 * opt->page_type, else detected, with opt->url), and d->page_type_why with
 * opt->explain. */
void wn_text_pagetype(const char *s, size_t len, const winnow_options *opt, doc *d);

/* textrepeat.c: drops the later kept copies of a line on a page that is no article
 * nor documentation (its buttons and labels said again, a quoted post). */
void wn_text_drop_repeated_lines(doc *d);

/* textshop.c: on a product page, drops what its text shows around the item before the
 * article's run is looked for: runs of customers' reviews and cookie dialogs (WHY_EXTRA,
 * barriers to the run), report dialogs and long alphabetical option lists
 * (WHY_SHOP_FORM).  The detectors below it run on any page they are given; the mark of
 * a review is a line of its furniture ("Verified Purchase", "Helpful?", "4.0 out of 5
 * stars"). */
void wn_text_drop_shop_chrome(doc *d);
void wn_text_drop_reviews(doc *d);
void wn_text_drop_option_lists(doc *d);
void wn_text_drop_report_dialogs(doc *d);
void wn_text_drop_cookie_dialogs(doc *d);
int wn_textshop_review_mark(const block *b);
/* textshop.c: on a product page, the end of the run [bs, be) past the tables of the
 * item's specifications right after it. */
size_t wn_text_extend_specs(const doc *d, size_t bs, size_t be);
/* textentries.c: on a page read whole, its span [bs, be) widened over the entries
 * before its first prose and after its last whose lines open as the span's first and
 * last entries' do (a listing of titles and fields); the key of a line (its first word, lower-cased, digits as one
 * '0', in key[WN_ENTRY_KEY_MAX]; its length, 0 for none) is public for the tests. */
#define WN_ENTRY_KEY_MAX 16
void wn_text_extend_entries(const doc *d, size_t *bs, size_t *be);
size_t wn_textentries_key(const char *s, size_t n, char *key);
/* textgrid.c: on a collection page, drops the short lines kept far from its grid of
 * priced items (menu, filter panel, footer links) and its runs of filter options with
 * their counts.  The two line tests are public for the unit tests. */
void wn_text_drop_grid_chrome(doc *d);
int wn_textgrid_has_price(const char *text, size_t len);
int wn_textgrid_is_facet(const char *text, size_t len);

#endif
