/* text_pagetype.c -- the kind of page behind rendered text: its words and line shape
 * (pagetype/pt_text.c), its first line as the title, the caller's URL, scored with the
 * text table.  Rendered text declares nothing and shows no markup, so this is the
 * weaker of the two detectors. */
#include <string.h>
#include "pagetype/pagetype.h"
#include "text/text.h"

void wn_text_pagetype(const char *text, size_t len, const winnow_options *opt, doc *d)
{
    if (wn_pt_forced(opt, d)) return;
    pt_signals sig;
    memset(&sig, 0, sizeof sig);
    sig.v[PS_BIAS] = 1;
    wn_pt_text_signals(text, len, &sig);
    /* The first line of a rendered page is most often its <title> or headline. */
    size_t a = 0;
    while (a < len && (text[a] == '\n' || text[a] == ' ' || text[a] == '\t')) a++;
    size_t b = a;
    while (b < len && text[b] != '\n' && b - a < 300) b++;
    char first[301];
    memcpy(first, text + a, b - a);
    first[b - a] = 0;
    wn_pt_title_signals(first, &sig);
    wn_pt_url_signals(opt->url, &sig);
    wn_pt_assign(&sig, 0, opt, d);
}
