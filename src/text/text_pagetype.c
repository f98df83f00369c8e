/* text_pagetype.c -- the kind of page behind rendered text: its words and line shape
 * (pagetype/pt_text.c), its first line as the title, the caller's URL, scored with the
 * text table.  Rendered text declares nothing and shows no markup, so this is the
 * weaker of the two detectors. */
#include <string.h>
#include "article/article.h"
#include "pagetype/pagetype.h"
#include "text/text.h"
#include "text/textlean.h"

#define CODE_LINES 20 /* see settle_code() */
#define CODE_DOC_LAG 5

/* Words tell a tutorial from a reference page poorly; its code shows, as lines of it.
 * A page with CODE_LINES lines of code or more whose words put documentation within
 * CODE_DOC_LAG points of "article" is documentation (read whole, article/reading.c):
 * wcxb-dev-other innerText documentation .865 -> .878, wcxb-dev-article innerText
 * .9054 -> .9060, Scrapinghub unchanged (README). */
static void settle_code(const pt_signals *sig, doc *d)
{
    if (d->page_type != WINNOW_PAGE_ARTICLE || d->page_type_margin == PT_FORCED_MARGIN) return;
    if (sig->v[PS_T_CODE] < CODE_LINES || d->page_type_lag[WINNOW_PAGE_DOCUMENTATION] > CODE_DOC_LAG)
        return;
    /* Margin 1: the least lead, which documentation's reading asks. */
    wn_pt_settle(d, WINNOW_PAGE_DOCUMENTATION, 1, "by its %d lines of code", sig->v[PS_T_CODE]);
}

/* Forum software signs its pages ("Powered by Discourse", "Reply to this topic"): on
 * the development pages no page but a forum shows a signature (37 pages), and the
 * words of a thread with a long first post often say "article".  A signed page is a
 * forum, read whole (wcxb-dev-other innerText forum .675 -> .676;
 * article sets unchanged). */
static void settle_platform(const pt_signals *sig, doc *d)
{
    if (sig->v[PS_T_PLAT_FORUM] < 1 || d->page_type_margin == PT_FORCED_MARGIN) return;
    if (d->page_type == WINNOW_PAGE_FORUM && d->page_type_margin >= WN_READING_TEXT_MARGIN) return;
    wn_pt_settle(d, WINNOW_PAGE_FORUM, WN_READING_TEXT_MARGIN, "by its forum software's signature");
}

/* A listing's prose comes as entries, an article's as running paragraphs
 * (pagetype/pt_rhythm.c).  Prose whose teasers hold ENTRY_SHARE percent or more, with no
 * line over PROSE_MAX words and at most RUN_SHARE percent of it in runs of paragraphs,
 * is read whole: a listing, service or collection page the words leaned to without the
 * lead their readings ask, as the type it is; an "article" within ENTRY_LAG points of
 * listing, as a listing.  wcxb-dev-other innerText listing .616 -> .678, collection
 * .595 -> .618, service .752 -> .760, all .674 -> .689; the article sets gain
 * (wcxb-dev-article innerText .9060 -> .9067, Scrapinghub innerText .9276 -> .9289,
 * lynx .9093 -> .9142: README).  Products in this rhythm gain nothing read whole. */
#define ENTRY_SHARE 20
#define PROSE_MAX 80
#define RUN_SHARE 10
#define ENTRY_LAG 4
/* An "article" near listing whose prose is half teasers or more may run for up to a
 * third of it (a section's introduction, a long first entry): wcxb-dev-other innerText
 * listing .697 -> .705.  Service and collection pages stay at RUN_SHARE (they lose). */
#define TEASER_MAJORITY 50
#define RUN_SHARE_MAJORITY 35

/* Whether the words put d, typed "article", within ENTRY_LAG points of listing and
 * nearer listing than forum: a thread's posts come dated and in the rhythm of entries
 * too, and when forum is as near, the thread's stamps decide (text/textclass.c). */
static int article_near_listing(const doc *d)
{
    int ll = d->page_type_lag[WINNOW_PAGE_LISTING];
    return d->page_type == WINNOW_PAGE_ARTICLE && ll <= ENTRY_LAG &&
           ll < d->page_type_lag[WINNOW_PAGE_FORUM];
}

static void settle_rhythm(const pt_signals *sig, doc *d)
{
    if (d->page_type_margin >= WN_READING_TEXT_MARGIN) return; /* sure, or forced */
    int runs = d->page_type == WINNOW_PAGE_ARTICLE && sig->v[PS_T_ENTRY_PCT] >= TEASER_MAJORITY
                   ? RUN_SHARE_MAJORITY
                   : RUN_SHARE;
    if (sig->v[PS_T_ENTRY_PCT] < ENTRY_SHARE || sig->v[PS_T_MAXPROSE] > PROSE_MAX ||
        sig->v[PS_T_RUN3_PCT] > runs)
        return;
    winnow_page_type t = d->page_type;
    if (article_near_listing(d)) t = WINNOW_PAGE_LISTING;
    else if (t != WINNOW_PAGE_LISTING && t != WINNOW_PAGE_SERVICE && t != WINNOW_PAGE_COLLECTION)
        return;
    wn_pt_settle(d, t, WN_READING_TEXT_MARGIN, "by the rhythm of its %d entries",
                 sig->v[PS_T_ENTRIES]);
}

/* A listing of dated entries whose teasers are long (a podcast's notes) or few (prices
 * between the dates) misses the rhythm above, but its dates show: DATED_MIN dated lines
 * or more, with at most RUN_SHARE percent of the prose in runs, on an "article" near
 * listing (article_near_listing), make it a listing.  Articles with as many dates
 * (timelines, live blogs) are ones the words put further from listing.  wcxb-dev-other
 * innerText listing .678 -> .697, all .690 -> .693; article sets and other types
 * unchanged. */
#define DATED_MIN 20

static void settle_dated(const pt_signals *sig, doc *d)
{
    if (d->page_type_margin >= WN_READING_TEXT_MARGIN || !article_near_listing(d) ||
        sig->v[PS_T_DATE] < DATED_MIN || sig->v[PS_T_RUN3_PCT] > RUN_SHARE)
        return;
    wn_pt_settle(d, WINNOW_PAGE_LISTING, WN_READING_TEXT_MARGIN, "by its %d dates",
                 sig->v[PS_T_DATE]);
}

/* A thread's posts end in their buttons ("Share", "Improve this answer", "Reply",
 * "Quote"), and its prose spreads over the posts; an article's prose is its story, most
 * of it in one stretch however many reader comments follow with their "Reply"
 * (pagetype/pt_posts.c).  An "article" with POSTS_MIN runs of buttons or more, no
 * stretch between two of them holding over POST_SHARE percent of the prose, and forum
 * within POSTS_LAG points is a thread, read whole: Q&A pages lose their answers under
 * the article's reading, which keeps the longest one.  wcxb-dev-other innerText forum
 * .726 -> .737 (a Q&A page .26 -> .89), listing .720 -> .722, all .714 -> .716; of the
 * article sets one page passes, a software directory's user comments (wcxb-dev-article
 * 2976, .34 -> .39): their comment threads follow a story of half the prose or more,
 * or the words put forum 12 points or more behind. */
#define POSTS_MIN 3
#define POST_SHARE 50
#define POSTS_LAG 11

static void settle_posts(const pt_signals *sig, doc *d)
{
    if (d->page_type != WINNOW_PAGE_ARTICLE || d->page_type_margin == PT_FORCED_MARGIN ||
        d->page_type_lag[WINNOW_PAGE_FORUM] > POSTS_LAG || sig->v[PS_T_POSTS] < POSTS_MIN ||
        sig->v[PS_T_POST_MAX_PCT] > POST_SHARE)
        return;
    wn_pt_settle(d, WINNOW_PAGE_FORUM, WN_READING_TEXT_MARGIN,
                 "by the buttons of its %d posts", sig->v[PS_T_POSTS]);
}

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
    settle_code(&sig, d);
    settle_platform(&sig, d);
    settle_rhythm(&sig, d);
    settle_dated(&sig, d);
    settle_posts(&sig, d);
    wn_text_note_lean(&sig, d);
}
