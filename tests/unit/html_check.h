/* html_check.h -- what the HTML path's tests share: a page run through winnow_extract,
 * and a substring test that takes a failed run (NULL) as containing nothing. */
#ifndef WINNOW_HTML_CHECK_H
#define WINNOW_HTML_CHECK_H
#include <stdlib.h>
#include <string.h>
#include "winnow/winnow.h"

/* The output of the HTML page html with rules in format, its page type forced unless
 * WINNOW_PAGE_AUTO (caller frees); NULL when the run failed. */
static inline char *html_output(const winnow_rules *rules, const char *html, int no_title,
                                winnow_format format, winnow_page_type page_type)
{
    winnow_options o;
    winnow_options_init(&o);
    o.type = WINNOW_TYPE_HTML;
    o.no_title = no_title;
    o.format = format;
    o.rules = rules;
    o.page_type = page_type;
    winnow_result r;
    winnow_status st = winnow_extract(html, strlen(html), &o, &r);
    char *out = st == WINNOW_OK ? strdup(r.text) : NULL;
    winnow_result_free(&r);
    return out;
}

static inline int contains(const char *hay, const char *needle)
{
    return hay && strstr(hay, needle) != NULL;
}
#endif
