/* html.h -- the HTML front end: parse, prune, score and cut a page into decided
 * blocks (html.c drives the stages declared in html_dom.h). */
#ifndef WINNOW_HTML_H
#define WINNOW_HTML_H

#include "core/doc.h"
#include "rules/rules.h"

/* html.c: parses UTF-8 HTML, prunes, finds the article and fills d with blocks that
 * already carry decisions, plus d->title and d->page_type (detected, unless
 * opt->page_type forces it; opt->url helps; with opt->explain, d->page_type_why).
 * Returns 0, or -1 with a message in err. */
int wn_html_extract(const char *s, size_t len, rule_matcher *m, const winnow_options *opt,
                    doc *d, char *err, size_t errlen);

#endif
