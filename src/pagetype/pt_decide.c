/* pt_decide.c -- page types by name, signals by name, and the decision: the scoring
 * table's rows (pt_weights.c) summed per type, the highest total wins. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "core/doc.h"
#include "pagetype/pagetype.h"
#include "pagetype/pt_weights.h"
#include "winnow/winnow.h"

/* The internal order is the public one: a page_type is handed out as it is. */
_Static_assert(PT_ARTICLE == (int)WINNOW_PAGE_ARTICLE && PT_PRODUCT == (int)WINNOW_PAGE_PRODUCT &&
                   PT_OTHER == (int)WINNOW_PAGE_OTHER && PT_FORUM == (int)WINNOW_PAGE_FORUM,
               "page_type mirrors winnow_page_type");

static const char *const type_names[PT_COUNT] = {
    "", "article", "service", "forum", "listing", "documentation", "collection", "product",
    "other"};

static const char *const signal_names[PS_COUNT] = {
#define PT_NAME(id, name) name,
    PT_SIGNAL_LIST(PT_NAME)
#undef PT_NAME
};

const char *wn_pt_name(page_type t) { return t < PT_COUNT ? type_names[t] : ""; }

page_type wn_pt_parse(const char *name)
{
    for (int t = PT_ARTICLE; name && t < PT_COUNT; t++)
        if (strcmp(name, type_names[t]) == 0) return (page_type)t;
    return PT_UNKNOWN;
}

const char *wn_pt_signal_name(pt_signal s) { return s < PS_COUNT ? signal_names[s] : "?"; }

page_type wn_pt_decide(const pt_signals *s, int html, int *score)
{
    int z[PT_SCORED] = {0};
    const pt_row *rows = html ? wn_pt_html_rows : wn_pt_text_rows;
    size_t n = html ? wn_pt_html_nrows : wn_pt_text_nrows;
    for (size_t r = 0; r < n; r++) {
        if (s->v[rows[r].signal] < rows[r].cut) continue;
        for (int k = 0; k < PT_SCORED; k++) z[k] += rows[r].w[k];
    }
    int best = 0;
    for (int k = 1; k < PT_SCORED; k++)
        if (z[k] > z[best]) best = k;
    if (score) memcpy(score, z, sizeof z);
    return (page_type)(PT_ARTICLE + best);
}

size_t wn_pt_describe(const pt_signals *s, char *out, size_t cap)
{
    size_t n = 0;
    if (cap) out[0] = 0;
    for (int k = PS_BIAS + 1; k < PS_COUNT && cap; k++) {
        if (!s->v[k]) continue;
        int w = snprintf(out + n, cap - n, "%s%s=%d", n ? " " : "", signal_names[k], s->v[k]);
        if (w < 0 || (size_t)w >= cap - n) {
            out[n] = 0;
            break;
        }
        n += (size_t)w;
    }
    return n;
}

const char *winnow_page_type_name(winnow_page_type t) { return wn_pt_name((page_type)t); }

winnow_page_type winnow_page_type_parse(const char *name)
{
    return (winnow_page_type)wn_pt_parse(name);
}

/* "TYPE (article N, service N, ...); signals: name=value ..." of a decision. */
static const char *explain(const pt_signals *s, page_type t, const int *z, int forced, arena *a)
{
    char out[4096];
    int n = snprintf(out, sizeof out, "%s%s (", forced ? "forced; detected " : "", wn_pt_name(t));
    for (int k = 0; k < PT_SCORED && n > 0 && (size_t)n < sizeof out; k++)
        n += snprintf(out + n, sizeof out - (size_t)n, "%s%s %d", k ? ", " : "",
                      wn_pt_name((page_type)(PT_ARTICLE + k)), z[k]);
    if (n > 0 && (size_t)n < sizeof out) n += snprintf(out + n, sizeof out - (size_t)n, "); signals: ");
    if (n > 0 && (size_t)n < sizeof out) wn_pt_describe(s, out + n, sizeof out - (size_t)n);
    return wn_arena_strndup(a, out, strlen(out));
}

int wn_pt_forced(const winnow_options *opt, doc *d)
{
    if (opt->page_type == WINNOW_PAGE_AUTO || opt->explain) return 0;
    d->page_type = opt->page_type;
    d->page_type_margin = PT_FORCED_MARGIN;
    return 1;
}

void wn_pt_settle(doc *d, winnow_page_type t, int margin, const char *reason, ...)
{
    d->page_type = t;
    d->page_type_margin = margin;
    if (!d->page_type_why) return;
    char r[256], why[4400];
    va_list ap;
    va_start(ap, reason);
    vsnprintf(r, sizeof r, reason, ap);
    va_end(ap);
    int k = snprintf(why, sizeof why, "%s, %s; the words said %s", winnow_page_type_name(t), r,
                     d->page_type_why);
    if (k > 0) d->page_type_why = wn_arena_strndup(&d->mem, why, strlen(why));
}

void wn_pt_assign(const pt_signals *s, int html, const winnow_options *opt, doc *d)
{
    int z[PT_SCORED];
    page_type t = wn_pt_decide(s, html, z);
    int forced = opt->page_type != WINNOW_PAGE_AUTO;
    d->page_type = forced ? opt->page_type : (winnow_page_type)t;
    d->page_type_margin = forced ? PT_FORCED_MARGIN : z[t - PT_ARTICLE] - z[0];
    for (int k = 0; k < PT_SCORED; k++)
        d->page_type_lag[PT_ARTICLE + k] = z[t - PT_ARTICLE] - z[k];
    if (opt->explain) d->page_type_why = explain(s, t, z, forced, &d->mem);
}
