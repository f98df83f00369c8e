/* textclass.c -- keep/drop decisions for blocks of rendered page text.
 *
 * The article is the dense run of prose.  Each block gets a value from its shape
 * (textfeat.c): prose is worth its length, short chrome lines cost a little, more the
 * shorter they are; the best-scoring contiguous run of blocks (maximum subarray) is the
 * article.  Inside it, short lines (subheadings, list items, table rows) stay because
 * they are surrounded by prose; chrome at the edges goes because a run never starts or
 * ends on a negative block.  Cut markers (comment sections, "Next article") split the
 * page: the run never crosses one, and wn_rules_cut() then drops what follows the article.
 * Around that core: prose packed in a stanza with short lines (teaser lists) is worth
 * nothing when the page spaces its paragraphs; repeating date stamps end the run at a
 * teaser list or comment thread; a closing "...:" paragraph keeps the list it
 * announces; a line repeated right after itself (lynx alt text + caption) goes.
 * The headline is picked by texttitle.c among the lines before the run.  The rules are
 * matched only where their verdicts can move the run (match_lazily()).  Everything is
 * a few linear passes over the blocks. */
#include <string.h>
#include "article/article.h"
#include "pagetype/pagetype.h"
#include "text/text.h"
#include "text/text_shape.h"
#include "text/textlean.h"

#define BARRIER (-1e9) /* value of a cut marker: no run crosses it */
#define F_DATE 1        /* block flags: a date or time stamp */
#define F_DUP 2         /* the same text as one of the two blocks before it */
#define F_NEAR 4        /* within PROSE_REACH blocks of prose (see match_lazily()) */
#define F_MATCHED 8     /* the rules were matched on it (see match_range()) */
#define F_CODE 16       /* a line of program code (textcode.c) */
#define COLON_LIST_MAX 60 /* lines a "...:" paragraph may announce */
#define TEASER_GAP 6    /* blocks between the stamps of a teaser list or comment thread */
/* Block values, tuned on the Scrapinghub innerText and lynx pages and checked on
 * WCXB: prose is worth its length in characters; the rest is negative. */
#define RULE_DROP_VALUE (-8.0)     /* chrome a rule already dropped */
#define SOFT_CUT_VALUE (-400.0)    /* "Related" etc.: only a long article goes past one */
#define DATE_VALUE (-200.0)        /* stamps separate the article from teaser lists */
#define SHORT_SENTENCE_SHARE 0.3   /* a sentence of 4 to 8 words */
#define SHORT_BASE 12.0            /* a short line costs SHORT_BASE + SHORT_PER_WORD */
#define SHORT_PER_WORD 4.0         /* per word it has fewer than 8 */
#define CODE_VALUE 0.0             /* a short line of code (textcode.c) */
#define SEGMENT_SHARE 0.35         /* see find_run() */
#define SEGMENT_MIN 150.0
#define SPACED_SHARE 0.6           /* see discount_unspaced() */
#define RULE_MARGIN 30             /* see match_lazily(); covers texttitle.c's window */
#define RULE_ROUNDS 2
#define PROSE_REACH 8
#define THREAD_STAMPS 6            /* see settle_entries() */
#define THREAD_HEAD_SHARE 0.4
#define FORUM_HEAD_SHARE 0.6
#define NUMBERED_POSTS 3
#define THREAD_LAG 3
#define TEASER_LAG 5               /* see settle_entries() */
#define TEASER_STAMPS 6
#define NUMBERED_LAG 12
#define THREAD_HEAD_MIN 300.0  /* prose value (about characters) of a page's intro */
#define THIN_PROSE 300.0       /* see settle_listing() */
#define THIN_LINES 10
#define ENTRY_WORDS 5          /* see whole_span() */
#define POST_TITLE_WORDS 8
#define TAIL_GAP 40            /* see whole_span() */
#define TAIL_SHARE 0.15
#define TAIL_WORDS_SHARE 0.4
#define SPREAD_SHARE 0.6         /* see settle_listing() */

/* The shape value of a block and its reason, measured once per page. */
typedef struct {
    double v;
    block_why why;
} bvalue;

/* Comment-section markers end the article for good (rules with cut=hard). */
static int is_hard_cut(const block *b)
{
    return b->why == WHY_RULE && b->rule->hard;
}


/* The value of a block a rule decided. */
static double rule_value(const block *b, const tshape *s)
{
    if (b->dec == DEC_DROP) {
        if (b->why == WHY_EXTRA) return BARRIER; /* a shop's reviews (textshop.c) */
        if (!wn_text_cut_marker(b)) return RULE_DROP_VALUE;
        /* A comment section never belongs to the article; a "Related" box may sit
         * inside it, so the article may go on past one if enough prose follows. */
        return is_hard_cut(b) ? BARRIER : SOFT_CUT_VALUE;
    }
    double weight = (double)s->chars + s->cjk; /* a CJK character carries more */
    return weight > 50 ? weight : 50;
}

/* The value of an undecided block from its shape, and the reason shown by --explain. */
static double shape_value(const block *b, const tshape *s, unsigned char *flags,
                          block_why *why)
{
    double weight = (double)s->chars + s->cjk; /* a CJK character carries more */
    double ew = s->ew;
    if (*flags & F_DUP) {
        *why = WHY_REPEATS_ABOVE;
        return -20.0;
    }
    if (b->kind == BK_TABLE) {
        *why = WHY_TABLE_ROW;
        return -3.0;
    }
    if (wn_textfeat_is_dateline(b, s)) {
        *flags |= F_DATE;
        *why = WHY_DATE_LINE;
        return DATE_VALUE;
    }
    if (wn_textfeat_is_byline(b, s)) {
        *why = WHY_BYLINE;
        return -10.0;
    }
    int prose = (s->terminal && ew >= 8) || ew >= 25 || (s->stops >= 1 && ew >= 12);
    if (prose && !s->terminal && !s->stops && !s->commas && ew >= 40) {
        /* Dozens of words and not one comma or full stop: a tag cloud or a menu. */
        *why = WHY_WORD_LIST;
        return -20.0;
    }
    if (prose) {
        /* Title-case runs without a full stop are teaser headlines, not sentences. */
        if (!s->terminal && s->words >= 5 && wn_textfeat_cap_share(s) > 0.7 && !s->stops) {
            *why = WHY_HEADLINE_LIKE;
            return -10.0;
        }
        *why = WHY_PROSE;
        return s->terminal ? weight : weight * 0.7;
    }
    if (s->terminal && ew >= 4) {
        *why = WHY_SHORT_SENTENCE;
        return weight * SHORT_SENTENCE_SHARE;
    }
    *why = WHY_SHORT_LINE;
    double w = ew < 8 ? ew : 8;
    return -(SHORT_BASE + SHORT_PER_WORD * (8.0 - w));
}

/* Teaser lists ("title / author / date / summary") and comment threads ("name / date /
 * text") look like prose, but their stamps repeat every few blocks, which an article's
 * text does not.  Ends the run before the first item of such a list. */
static size_t cut_teasers(const double *v, const unsigned char *flags, size_t bs, size_t be)
{
    size_t seen_prose = 0, d1 = (size_t)-1, d2 = (size_t)-1;
    for (size_t i = bs; i < be; i++) {
        if (v[i] > 0) seen_prose++;
        if (!(flags[i] & F_DATE)) continue;
        if (d2 != (size_t)-1 && i - d1 <= TEASER_GAP && d1 - d2 <= TEASER_GAP &&
            seen_prose >= 2) {
            size_t cut = d2;
            while (cut > bs && v[cut - 1] < 0) cut--;
            return cut > bs ? cut : be;
        }
        d2 = d1;
        d1 = i;
    }
    return be;
}

/* A paragraph that ends with a colon announces what follows: the list after an
 * article's last paragraph ("Tour dates:", "The volunteers list three causes:") belongs
 * to it even though its lines are short.  Returns the new end of the run. */
static size_t extend_colon_list(const doc *d, const tshape *shapes, const double *v,
                                size_t bs, size_t be)
{
    size_t n = d->n, i = be;
    if (be == 0 || be <= bs) return be;
    if (!shapes[be - 1].colon) {
        /* The announcing line may itself be just outside the run. */
        if (be >= n || !shapes[be].colon || d->blocks[be].dec != DEC_NONE) return be;
        i = be + 1;
    }
    size_t end = i, limit = i + COLON_LIST_MAX;
    for (; i < n && i < limit; i++) {
        const block *b = &d->blocks[i];
        if (v[i] <= BARRIER || wn_text_cut_marker(b)) break;
        if (b->dec == DEC_DROP) continue;       /* rule-dropped: skipped, not an end */
        if (v[i] > 0 || shapes[i].words > 30 || shapes[i].words < 2) break;
        if (b->blank_before && i > end && d->blocks[i].kind != d->blocks[end - 1].kind &&
            d->blocks[i].kind != BK_ITEM)
            break;
        end = i + 1;
    }
    return end;
}

/* Maximum-subarray search that restarts at every barrier.  The run chosen is the first
 * one that holds a good share of the best score, so that a long comment thread behind a
 * cut marker does not win over the article before it. */
static void find_run(const double *v, size_t n, size_t *bs, size_t *be)
{
    double global = 0;
    size_t gs = 0, ge = 0;
    /* Pass 1: the global best. */
    double run = 0;
    size_t rs = 0;
    for (size_t i = 0; i < n; i++) {
        if (v[i] <= BARRIER) { run = 0; rs = i + 1; continue; }
        if (run <= 0) { run = v[i]; rs = i; }
        else run += v[i];
        if (run > global) { global = run; gs = rs; ge = i + 1; }
    }
    *bs = gs;
    *be = ge;
    /* Pass 2: the first barrier-delimited segment whose best run is close enough. */
    double seg_best = 0;
    size_t ss = 0, se = 0;
    run = 0;
    rs = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || v[i] <= BARRIER) {
            if (seg_best >= global * SEGMENT_SHARE && seg_best >= SEGMENT_MIN) {
                *bs = ss;
                *be = se;
                return;
            }
            seg_best = 0;
            run = 0;
            rs = i + 1;
            continue;
        }
        if (run <= 0) { run = v[i]; rs = i; }
        else run += v[i];
        if (run > seg_best) { seg_best = run; ss = rs; se = i + 1; }
    }
}

/* innerText puts a blank line between <p> paragraphs but not between the <div>s and
 * <li>s of teaser lists and comment widgets.  When most of the page's prose is spaced
 * out by blank lines, prose lines packed against their neighbours are worth less. */
/* The end of the stanza that starts at block a: a group of lines with no blank line
 * between them. */
static size_t stanza_end(const doc *d, size_t a)
{
    size_t z = a + 1;
    while (z < d->n && !d->blocks[z].blank_before) z++;
    return z;
}

static void discount_unspaced(doc *d, double *v)
{
    double spaced = 0, total = 0;
    size_t n = d->n;
    for (size_t i = 0; i < n; i++) {
        if (v[i] <= 0) continue;
        int after = i + 1 >= n || d->blocks[i + 1].blank_before;
        total += v[i];
        if (d->blocks[i].blank_before && after) spaced += v[i];
    }
    if (total <= 0 || spaced < total * SPACED_SHARE) return;
    for (size_t a = 0, z; a < n; a = z) {
        size_t neg = 0;
        z = stanza_end(d, a);
        if (z - a < 2) continue;
        for (size_t i = a; i < z; i++) neg += v[i] <= 0 && d->blocks[i].dec == DEC_NONE;
        if (neg == 0) continue; /* an all-prose stanza: <br>-separated paragraphs */
        for (size_t i = a; i < z; i++) {
            if (v[i] <= 0 || d->blocks[i].dec != DEC_NONE) continue;
            v[i] = 0;
            d->blocks[i].score = 0;
            d->blocks[i].why = WHY_PACKED_PROSE;
        }
    }
}

/* Values every block (rule_value() or its shape_value(), discount_unspaced()) and
 * finds the article run. */
static void value_and_run(doc *d, const tshape *shapes, const bvalue *base, double *v,
                          unsigned char *flags, size_t *bs, size_t *be)
{
    for (size_t i = 0; i < d->n; i++) {
        block *b = &d->blocks[i];
        if (b->dec != DEC_NONE) {
            flags[i] &= (unsigned char)~F_DATE; /* no stamp once a rule decided */
            v[i] = rule_value(b, &shapes[i]);
        } else {
            v[i] = base[i].v;
            b->why = base[i].why;
        }
        b->score = v[i] <= BARRIER ? 0 : v[i];
    }
    discount_unspaced(d, v);
    find_run(v, d->n, bs, be);
}

/* A line that may be an entry's title: ENTRY_WORDS words or more, not a menu of
 * separated items of two words or less ("Guidelines | FAQ | Lists | API"). */
static int entry_title(const tshape *s)
{
    unsigned words = s->words > s->seps ? s->words - s->seps : 0;
    return words >= ENTRY_WORDS && !(s->seps >= 2 && words <= 2 * (s->seps + 1));
}

/* A page read whole (article/reading.c) still has a head -- menus, sign-in lines, the
 * site's blurb -- and a foot of links and legal lines, which its rendered text gives
 * no markup to tell apart.  Its content runs from the first prose block to the last
 * block of prose or a date stamp (a listing's entries end in their dates), from the
 * stamp heading the first entry if any; the headline before it is found by
 * texttitle.c.  Measured on wcxb-dev-other innerText
 * with each page's type forced: .632 read from top to bottom, .677 so (README).
 * A page with less than THIN_PROSE of prose has entries of titles and stamps only: a
 * line of ENTRY_WORDS words or more that no rule decided (a title; menu items are
 * shorter) bounds it too (innerText listing .592 -> .613). */
static void whole_span(const doc *d, const tshape *shapes, const double *v,
                       const unsigned char *flags, size_t n, size_t *bs, size_t *be)
{
    size_t first = n, first_any = n, end = 0; /* first_any: a short sentence may open */
    double all = 0;
    for (size_t i = 0; i < n; i++)
        if (v[i] > 0) all += v[i];
    int thin = all < THIN_PROSE;
    double before = 0; /* the prose value before the block being read */
    size_t cut = n;    /* the end of the body before the first long gap */
    for (size_t i = 0; i < n; i++) {
        int anchor = v[i] > 0 || (thin && d->blocks[i].dec == DEC_NONE && entry_title(&shapes[i]));
        /* A short sentence above the body is a banner's call ("A better way to browse.
         * Learn more."): the body opens at prose.  wcxb-dev-other innerText service
         * .764 -> .765, forum .698 -> .699, listing .707 -> .711, product .431 -> .435,
         * all .697 -> .699. */
        if (anchor && first == n && d->blocks[i].why != WHY_SHORT_SENTENCE) first = i;
        /* A forum question told mostly in code opens at its code (its short lead lines
         * are not prose).  Not at "# " lines: lynx's bullet of a nested menu. */
        if (first == n && (flags[i] & F_CODE) && d->page_type == WINNOW_PAGE_FORUM &&
            d->blocks[i].text[0] != '#')
            first = i;
        if (anchor && first_any == n) first_any = i;
        /* Code after the last paragraph (a reference page's examples) is body too. */
        if (!anchor && !(flags[i] & (F_DATE | F_CODE))) continue;
        if (cut == n && end > 0 && i - end >= TAIL_GAP && before >= all * (1 - TAIL_SHARE))
            cut = end;
        end = i + 1;
        if (v[i] > 0) before += v[i];
    }
    /* A country picker or a footer's menus (TAIL_GAP blocks or more with no prose),
     * then a consent banner's prose: the body ended before the gap when what follows
     * it is at most TAIL_SHARE of the prose and TAIL_WORDS_SHARE of the words (a
     * shop's or a board's entries of short lines hold most words).  wcxb-dev-other
     * innerText: service .760 -> .764, forum .692 -> .698, listing .705 -> .707,
     * documentation .889 -> .891, collection .621 -> .625, all .694 -> .697;
     * wcxb-dev-article .9067 -> .9068, Scrapinghub unchanged. */
    if (cut < end) {
        size_t kept = 0, cut_words = 0;
        for (size_t i = first < n ? first : 0; i < end; i++)
            *(i < cut ? &kept : &cut_words) += shapes[i].words;
        if ((double)cut_words <= TAIL_WORDS_SHARE * (double)(kept + cut_words)) end = cut;
    }
    /* The first entry's stamp and title may come before its text (a short sentence of
     * it too: "October 5, 2018 / Posted by X / What's new? / New tasks!"). */
    for (size_t i = first_any, k = 0; first < n && i-- > 0 && k < 3; k++)
        if (flags[i] & F_DATE) {
            first = i;
            break;
        }
    *bs = first < n ? first : 0;
    *be = end > *bs ? end : n;
}

/* A whole reading of a page told in prose (a service's sections, a forum's posts) still
 * takes in menus its prose frames: a category menu under a cookie line at the top, a
 * footer's columns of links above a newsletter blurb.  A menu is MENU_LINES lines or
 * more in a row of MENU_WORDS words or less, none a sentence; the body starts after
 * the last menu with at most MENU_PROSE_SHARE of the body's prose above it, and ends
 * before the first with at most that share below it.  Only where prose holds
 * PROSE_WORDS_SHARE of the body's words or more: a collection's items and a listing's
 * titles are short lines too, and so is a documentation page's code.  wcxb-dev-other
 * innerText service .765 -> .772, forum .704 -> .717, listing .718 -> .720, collection
 * .646 -> .649, product .452 -> .454, all .706 -> .711 (84 pages change, 75 gain);
 * wcxb-dev-article innerText .9102 -> .9105; Scrapinghub unchanged.
 * A cut marker ("Similar threads", "Trending threads", "Related") with at most
 * MARKER_PROSE_SHARE of the prose below it ends the body too: a reading that keeps the
 * markers inside its span as inline boxes would keep the other threads they head.
 * wcxb-dev-other innerText forum .717 -> .726, product .454 -> .459, all .711 ->
 * .7135 (18 pages change, all gain); Scrapinghub innerText .9289 -> .9302,
 * wcxb-dev-article .9105 -> .9107.
 * On a page of posts, sections or an item (forum, service, product) the words of the
 * menus themselves do not count against prose's share: a shop's category menu of 150
 * lines kept every menu of its page (wcxb-dev-other innerText forum .7448 -> .7460,
 * product .4606 -> .4630, no page loses).  A listing's or collection's entries are
 * short lines (with them collection lost .001), and so are an article's own lists (read
 * whole by article_spread(): wcxb-dev-article 0057 .74 -> .62). */
#define MENU_LINES 6
#define MENU_WORDS 3
#define MENU_PROSE_SHARE 0.1
#define CODE_WORD_PROSE 4.0 /* a code line's words as prose, about a sentence's per word */
#define PROSE_WORDS_SHARE 0.4
#define MARKER_PROSE_SHARE 0.6

static int menu_line(const tshape *s)
{
    return s->words > 0 && s->words <= MENU_WORDS && !s->terminal;
}

/* The page types whose whole reading tells menus from its own short lines: a forum's,
 * a service's and a product's content is sentences; a listing's or collection's
 * entries and a doc's lists are short lines themselves. */
static int menus_told(winnow_page_type t)
{
    return t == WINNOW_PAGE_FORUM || t == WINNOW_PAGE_SERVICE || t == WINNOW_PAGE_PRODUCT;
}

/* A line of code is no menu's: a forum answer's short code lines ("try:", "raise") must
 * not read as the menu that ends the page's content. */
static int menu_at(const tshape *shapes, const unsigned char *flags, size_t i)
{
    return menu_line(&shapes[i]) && !(flags[i] & F_CODE);
}

static void trim_whole_span(const doc *d, const tshape *shapes, const unsigned char *flags,
                            const double *v, size_t *bs, size_t *be)
{
    size_t lo = *bs, hi = *be, words = 0, prose_words = 0;
    double prose = 0;
    if (d->page_type == WINNOW_PAGE_DOCUMENTATION) return;
    int told = menus_told(d->page_type);
    for (size_t i = lo; i < hi;) {
        if (told && menu_line(&shapes[i])) {
            /* MENU_LINES menu lines in a row count nothing; fewer count as words (code
             * lines among them too: the share of prose is the page's, not the ends'). */
            size_t z = i;
            while (z < hi && menu_line(&shapes[z])) z++;
            if (z - i < MENU_LINES)
                for (; i < z; i++)
                    if (d->blocks[i].dec != DEC_DROP) words += shapes[i].words;
            i = z;
            continue;
        }
        if (d->blocks[i].dec != DEC_DROP) {
            words += shapes[i].words;
            if (v[i] > 0) {
                prose += v[i];
                prose_words += shapes[i].words;
            }
        }
        i++;
    }
    if (prose <= 0 || (double)prose_words < PROSE_WORDS_SHARE * (double)words) return;
    double limit = MENU_PROSE_SHARE * prose, above = 0;
    size_t start = lo, end = hi;
    /* The head: each menu that ends with little prose above it moves the start. */
    for (size_t i = lo; i < hi;) {
        if (!menu_at(shapes, flags, i)) {
            if (v[i] > 0 && d->blocks[i].dec != DEC_DROP) above += v[i];
            /* A question that is mostly its code is content above the tags' menu. */
            else if (flags[i] & F_CODE) above += CODE_WORD_PROSE * shapes[i].words;
            i++;
            continue;
        }
        size_t z = i;
        while (z < hi && menu_at(shapes, flags, z)) z++;
        if (z - i >= MENU_LINES && above <= limit) start = z;
        i = z;
    }
    /* The tail: the first menu after the start with little prose below it, or the first
     * cut marker with at most MARKER_PROSE_SHARE of it below. */
    double below = 0;
    for (size_t i = hi; i > start;) {
        if (wn_text_cut_marker(&d->blocks[i - 1]) && below <= MARKER_PROSE_SHARE * prose) end = i - 1;
        if (!menu_at(shapes, flags, i - 1)) {
            if (v[i - 1] > 0 && d->blocks[i - 1].dec != DEC_DROP) below += v[i - 1];
            i--;
            continue;
        }
        size_t a = i;
        while (a > start && menu_at(shapes, flags, a - 1)) a--;
        if (i - a >= MENU_LINES && below <= limit) end = a;
        i = a;
    }
    if (start < end) {
        *bs = start;
        *be = end;
    }
}

/* A service's page opens on a hero: a heading, a tagline or two, a call to action, then
 * the first paragraph, where whole_span() starts the body.  The HERO_LINES lines above
 * that start are the hero's when each is a short line, a short sentence or prose packed
 * among them -- not a rule's chrome, a stamp, a line of separated items, glued menu
 * items ("Book DemoSign up") or a run-on list of words, nor part of a menu of
 * MENU_LINES lines.  The headline among them is still texttitle.c's, found above the
 * first paragraph as before.  wcxb-dev-other innerText service .7903 -> .7908,
 * listing .7415 -> .7435, other types unchanged; wcxb-dev-article innerText .9170
 * unchanged (three pages read whole as services move, by -.017 to +.004); on forum
 * and product pages the hero is rarer than a sidebar's tail (forum .7818 -> .7816). */
#define HERO_LINES 4

static size_t hero_start(const doc *d, const tshape *shapes, const unsigned char *flags,
                         size_t bs)
{
    size_t start = bs;
    if (d->page_type != WINNOW_PAGE_SERVICE) return bs;
    for (size_t i = bs, k = 0; i-- > 0 && k < HERO_LINES; k++) {
        const block *b = &d->blocks[i];
        if (b->dec == DEC_DROP || (flags[i] & F_DATE) || shapes[i].seps > 0 ||
            shapes[i].words == 0 || wn_texttitle_glued_menu(b))
            break;
        if (b->why != WHY_SHORT_LINE && b->why != WHY_SHORT_SENTENCE &&
            b->why != WHY_PACKED_PROSE)
            break;
        if (menu_line(&shapes[i])) {
            size_t a = i, z = i + 1;
            while (a > 0 && menu_line(&shapes[a - 1])) a--;
            while (z < bs && menu_line(&shapes[z])) z++;
            if (z - a >= MENU_LINES) break;
        }
        start = i;
    }
    return start;
}

/* A menu inside a whole reading's span (trim_whole_span() takes those at its ends
 * only): INNER_MENU_LINES menu lines or more in one stanza -- no blank line between
 * them; the menu lines a rule dropped count, other rule-dropped lines are skipped -- on
 * a page of posts, sections or an item (forum, service, product), whose content is told
 * in sentences.  A listing's or a collection's entries are short lines themselves (with
 * them, collection -.0025), a documentation page's code too: theirs stay.
 * wcxb-dev-other innerText service .7721 -> .7734, forum .7460 -> .7471, listing .7220
 * -> .7241, product .4630 -> .4684, collection .6491 -> .6490, all .7177 -> .7193;
 * wcxb-dev-article innerText: three pages gain (.39 -> .41, .09 -> .13, .74 -> .76). */
#define INNER_MENU_LINES 8

static void drop_inner_menus(doc *d, const tshape *shapes, size_t bs, size_t be)
{
    if (!menus_told(d->page_type)) return;
    for (size_t i = bs; i < be;) {
        if (d->blocks[i].dec != DEC_NONE || !menu_line(&shapes[i])) {
            i++;
            continue;
        }
        size_t z = i, lines = 0;
        for (; z < be && !(z > i && d->blocks[z].blank_before); z++) {
            if (!menu_line(&shapes[z])) {
                if (d->blocks[z].dec == DEC_DROP) continue;
                break;
            }
            if (d->blocks[z].dec == DEC_KEEP) break;
            lines++;
        }
        if (lines >= INNER_MENU_LINES)
            for (size_t k = i; k < z; k++)
                if (d->blocks[k].dec == DEC_NONE) {
                    d->blocks[k].dec = DEC_DROP;
                    d->blocks[k].why = WHY_INNER_MENU;
                }
        i = z;
    }
}

/* A forum's posts are told in sentences, a line or a paragraph each; short lines packed
 * in a stanza (no blank line between them) of POST_STANZA_LINES lines or more, at
 * least half of them short lines or chrome a rule dropped, are a post's furniture --
 * the author's name and rank, a signature's list of parts -- or a sidebar's.  They
 * go; the stanza's prose, short sentences and lines of POST_TITLE_WORDS words or more
 * (not a menu of separated items) stay: a board of entries typed forum holds its
 * titles so.  wcxb-dev-other innerText forum .7472 -> .7540, listing .7242 -> .7239,
 * all .7200 -> .7211 (a stanza of 4 to 8 lines does as well; lines of 6 words kept,
 * forum .7513); the article sets unchanged.  Counting the rule-dropped lines: forum
 * .7576 -> .7591 (20 pages change, 18 gain). */
#define POST_STANZA_LINES 6

static void drop_post_furniture(doc *d, const tshape *shapes, size_t bs, size_t be)
{
    if (d->page_type != WINNOW_PAGE_FORUM) return;
    size_t n = d->n;
    for (size_t a = 0, z; a < n; a = z) {
        z = stanza_end(d, a);
        if (z - a < POST_STANZA_LINES || z <= bs || a >= be) continue;
        size_t shorts = 0;
        for (size_t i = a; i < z; i++) /* a rule's chrome ("Posts: 1,204") counts too */
            shorts += d->blocks[i].why == WHY_SHORT_LINE ||
                      (d->blocks[i].why == WHY_RULE && !wn_text_cut_marker(&d->blocks[i]));
        if (2 * shorts < z - a) continue;
        for (size_t i = a > bs ? a : bs; i < z && i < be; i++)
            if (d->blocks[i].dec == DEC_NONE && d->blocks[i].why == WHY_SHORT_LINE &&
                !(shapes[i].words >= POST_TITLE_WORDS && shapes[i].seps < 2)) {
                d->blocks[i].dec = DEC_DROP;
                d->blocks[i].why = WHY_POST_FURNITURE;
            }
    }
}

/* The text detector reads words; a thread or a list of entries shows in its rhythm,
 * once the lines are valued: stamps ("ann  Jan 28, 2024, 3:36pm  1", "Feb 9, 2026")
 * that open at the top and recur through the page, each followed by text.  An
 * article's comment thread has the rhythm too, but only after the article's prose.
 * So THREAD_STAMPS such stamps with at most THREAD_HEAD_SHARE of the page's prose
 * (FORUM_HEAD_SHARE on a page the words call a forum: innerText forum .666 -> .670)
 * before the second make a forum or a listing the detector leans to sure enough to
 * be read whole, and settle a near tie with "article" (within THREAD_LAG) for the
 * nearer of the two.  Posts numbered from 1 at the ends of their stamps ("epage
 * February 20, 2026, 11:05pm 4") make a thread of NUMBERED_POSTS already (forum .670
 * -> .675).  Posts numbered so settle an "article" the words put NUMBERED_LAG points
 * or less ahead of forum or listing, for the nearer of the two (XenForo's "#1", "#2"
 * under each post's stamp, "Tuesday at 4:27 AM" a stamp with text/textfeat.c's days; a
 * ranking's "#1", "#2" over its entries): innerText forum .736 -> .742,
 * wcxb-dev-article innerText .9107 -> .9112 (two rankings of colleges read whole as
 * listings, .28 -> .82 and .66 -> .93).  A news list's entries open on their stamps
 * with the teaser right under them ("November 27, 2025" / "Hot on the heels of ...");
 * TEASER_STAMPS stamps so settle an "article" the words put TEASER_LAG points or less
 * ahead of listing (and forum further) as a listing: one entry shown in full reads as
 * an article's run otherwise (wcxb-dev-other innerText listing .7620 -> .7690, all
 * .7492 -> .7502, one page .34 -> .99; Scrapinghub innerText and lynx, wcxb-dev-article
 * unchanged; a lag of 5 for stamps followed by any text, listing or forum, loses
 * Scrapinghub lynx .9111 -> .9069, innerText .9309 -> .9300, wcxb-dev-article
 * innerText .9173 -> .9161: a sidebar's dated titles and a story's related posts).
 * Measured on the WCXB and Scrapinghub innerText sets (README). */
/* A date stamp, or a post number alone on its line ("#12"), as forums number posts. */
static int entry_stamp(const block *b, unsigned char flags)
{
    if (flags & F_DATE) return 1;
    if (b->len < 2 || b->len > 6 || b->text[0] != '#') return 0;
    for (size_t k = 1; k < b->len; k++)
        if (b->text[k] < '0' || b->text[k] > '9') return 0;
    return 1;
}

/* The number a stamp ends with ("epage February 20, 2026, 11:05pm 4", "#4"), or 0. */
static unsigned post_number(const block *b)
{
    size_t k = b->len;
    while (k > 0 && b->text[k - 1] >= '0' && b->text[k - 1] <= '9') k--;
    if (k == b->len || b->len - k > 4 || (k > 0 && b->text[k - 1] != ' ' && b->text[k - 1] != '#'))
        return 0;
    unsigned v = 0;
    for (size_t i = k; i < b->len; i++) v = v * 10 + (unsigned)(b->text[i] - '0');
    return v;
}

static void settle_entries(doc *d, const bvalue *base, const unsigned char *flags)
{
    winnow_page_type t = d->page_type;
    if (d->page_type_margin >= WN_READING_TEXT_MARGIN) return; /* sure, or forced */
    int far = 0;         /* an "article" only numbered posts settle */
    int teaser_near = 0; /* ... or a listing's teasers under their stamps */
    if (t == WINNOW_PAGE_ARTICLE) {
        int fl = d->page_type_lag[WINNOW_PAGE_FORUM], ll = d->page_type_lag[WINNOW_PAGE_LISTING];
        if (fl > THREAD_LAG && ll > THREAD_LAG) {
            if (fl > NUMBERED_LAG && ll > NUMBERED_LAG) return;
            far = 1;
        }
        teaser_near = ll <= TEASER_LAG && ll < fl;
        t = fl <= ll ? WINNOW_PAGE_FORUM : WINNOW_PAGE_LISTING;
    } else if (t != WINNOW_PAGE_FORUM && t != WINNOW_PAGE_LISTING &&
               t != WINNOW_PAGE_COLLECTION) {
        /* A collection whose items come in the rhythm of entries (a shop's releases
         * with their dates) is read whole as the collection it is: innerText
         * collection .582 -> .595, no page of the other types or sets changes. */
        return;
    }
    size_t n = d->n, stamps = 0, teasers = 0;
    unsigned numbered = 0; /* stamps that number their posts 1, 2, 3 ... */
    double prose = 0, head = 0;
    for (size_t i = 0; i < n; i++) {
        if (base[i].v > 0) prose += base[i].v;
        if (!entry_stamp(&d->blocks[i], flags[i])) continue;
        int text = 0;
        for (size_t j = i + 1; j < n && j <= i + 3 && !entry_stamp(&d->blocks[j], flags[j]); j++)
            if (base[j].v > 0 || d->blocks[j].len >= 15) {
                text = 1;
                break;
            }
        if (!text) continue;
        if (++stamps == 2) head = prose;
        if (i + 1 < n && base[i + 1].v > 0) teasers++; /* the teaser right under it */
        if (post_number(&d->blocks[i]) == numbered + 1) numbered++;
    }
    /* A few sentences of introduction are no article, however little prose follows
     * (job boards and link aggregators have entries of titles and stamps only); a
     * thread the words already lean to may open with a long question. */
    double share = d->page_type == WINNOW_PAGE_FORUM ? FORUM_HEAD_SHARE : THREAD_HEAD_SHARE;
    int far_settled = numbered >= NUMBERED_POSTS || (teaser_near && teasers >= TEASER_STAMPS);
    if ((stamps < THREAD_STAMPS && numbered < NUMBERED_POSTS) || (far && !far_settled) ||
        (head > prose * share && head > THREAD_HEAD_MIN))
        return;
    wn_pt_settle(d, t, WN_READING_TEXT_MARGIN, "by the rhythm of %zu stamps from the top", stamps);
}

/* An article's best run of prose holds most of its prose; a listing's best run is one
 * entry's teaser among many.  A listing the words lean to whose best run holds at most
 * SPREAD_SHARE of the page's prose is read whole (wcxb-dev-other innerText listing
 * .514 -> .554; no page of the article sets changes: README).  So is one of THIN_LINES
 * lines or more with less than THIN_PROSE of prose in all: its entries are titles, not
 * sentences, and the article's reading would keep a line or two of them. */
static void settle_listing(doc *d, const double *v, size_t bs, size_t be)
{
    if (d->page_type != WINNOW_PAGE_LISTING || d->page_type_margin >= WN_READING_TEXT_MARGIN)
        return;
    double all = 0, run = 0;
    for (size_t i = 0; i < d->n; i++)
        if (v[i] > 0) {
            all += v[i];
            if (i >= bs && i < be) run += v[i];
        }
    if (all < THIN_PROSE && d->n >= THIN_LINES)
        wn_pt_settle(d, WINNOW_PAGE_LISTING, WN_READING_TEXT_MARGIN,
                     "its entries titles, not prose (%.0f of prose in all)", all);
    else if (all > 0 && run <= all * SPREAD_SHARE)
        wn_pt_settle(d, WINNOW_PAGE_LISTING, WN_READING_TEXT_MARGIN,
                     "its prose spread over entries (the best run holds %.0f%%)",
                     100.0 * run / all);
}

/* A shop's collection page often tells a story of its range under the grid (a buying
 * guide, questions and answers), and then the story is what it says, its items a
 * grid of names and prices.  A collection whose best run of prose holds STORY_WORDS
 * words or more, with STORY_LONG_LINES lines of LONG_LINE_CHARS characters or more
 * holding STORY_LONG_SHARE percent of the page's words, is read as an article:
 * wcxb-dev-other innerText collection .625 -> .644, listing .711 -> .712, all .699
 * -> .702; other types and the article sets unchanged.  Read so, service and listing
 * pages lose (their sections and entries are their content). */
#define STORY_WORDS 300
#define STORY_LONG_LINES 5
#define STORY_LONG_SHARE 25
#define LONG_LINE_CHARS 200

static int collection_story(const doc *d, const tshape *shapes, size_t bs, size_t be)
{
    if (d->page_type != WINNOW_PAGE_COLLECTION) return 0;
    size_t run_words = 0, words = 0, long_words = 0, longs = 0;
    for (size_t i = 0; i < d->n; i++) {
        words += shapes[i].words;
        if (i >= bs && i < be && d->blocks[i].dec != DEC_DROP) run_words += shapes[i].words;
        if (shapes[i].chars >= LONG_LINE_CHARS) {
            longs++;
            long_words += shapes[i].words;
        }
    }
    return run_words >= STORY_WORDS && longs >= STORY_LONG_LINES &&
           long_words * 100 >= STORY_LONG_SHARE * words;
}

/* An "article" whose best run of prose holds less than ARTICLE_SPREAD_SHARE of the
 * words the page keeps read whole (within the cut markers around the run: a comment
 * thread stays out) is one piece of prose among many -- a thread's first post, a
 * story of short sections each under its own furniture -- and is read whole.
 * wcxb-dev-article innerText .9069 -> .9095 (7 pages change, 6 gain), Scrapinghub
 * unchanged (at a fifth, it loses .002); wcxb-dev-other innerText forum .699 -> .703,
 * product .435 -> .439, all .702 -> .703.  So is a product (read as an article in
 * rendered text, article/reading.c) whose description is spread so: product .439 ->
 * .452, listing .712 -> .718, collection .644 -> .646, all .703 -> .706 (a share of
 * a tenth to a fifth does as well; a quarter loses).  So is a page that leans to
 * service by less than article/reading.c's margin when its best run holds less than
 * SERVICE_SPREAD_SHARE: its sections spread further than an article's parts (a
 * service's plans and features over a few lines of small print read as its article).
 * wcxb-dev-other innerText service .7864 -> .7903, product .5043 -> .5068, collection
 * .6743 -> .6746 (6 pages change, all gain: .22 -> .70, .56 -> .71, .03 -> .16); the
 * article sets unchanged.  At half, six pages more change and four lose (service
 * .7893, collection .6717, listing .7395). */
#define ARTICLE_SPREAD_SHARE 0.15
#define SERVICE_SPREAD_SHARE 0.3

/* The run ends where the page says the article ends: the next block past the
 * rule-dropped chrome after it is a cut marker ("Related links", "Most read").  What
 * follows is the box of other stories the marker heads, not more of this one, however
 * short the run (a 96-word agency story over a page of teasers: Scrapinghub lynx .9088
 * -> .9109, wcxb-dev-article innerText .9096 -> .9102; no other page of the sets
 * changes). */
static int run_ends_at_marker(const doc *d, size_t be)
{
    size_t i = be;
    while (i < d->n && d->blocks[i].dec == DEC_DROP && !wn_text_cut_marker(&d->blocks[i])) i++;
    return i < d->n && wn_text_cut_marker(&d->blocks[i]);
}

static int article_spread(const doc *d, const tshape *shapes, const double *v,
                          const unsigned char *flags, size_t bs, size_t be)
{
    if ((d->page_type != WINNOW_PAGE_ARTICLE && d->page_type != WINNOW_PAGE_PRODUCT &&
         d->page_type != WINNOW_PAGE_SERVICE) ||
        d->page_type_margin == PT_FORCED_MARGIN || run_ends_at_marker(d, be))
        return 0;
    size_t ws, we, run = 0, span = 0, lo = bs, hi = be;
    whole_span(d, shapes, v, flags, d->n, &ws, &we);
    while (lo > 0 && v[lo - 1] > BARRIER) lo--;
    while (hi < d->n && v[hi] > BARRIER) hi++;
    if (ws < lo) ws = lo;
    if (we > hi) we = hi;
    for (size_t i = 0; i < d->n; i++) {
        if (d->blocks[i].dec == DEC_DROP) continue;
        if (i >= bs && i < be) run += shapes[i].words;
        if (i >= ws && i < we) span += shapes[i].words;
    }
    double share =
        d->page_type == WINNOW_PAGE_SERVICE ? SERVICE_SPREAD_SHARE : ARTICLE_SPREAD_SHARE;
    return (double)run < share * (double)span;
}

/* Matches the text rules against the undecided blocks [lo, hi) not matched yet (only
 * those near prose when near_only), as wn_rules_apply_doc() does for the whole page.
 * Returns non-zero when a keep rule matched one; sets *changed when any rule matched. */
static int match_range(rule_matcher *m, doc *d, size_t lo, size_t hi, unsigned char *flags,
                       int near_only, int *changed)
{
    int kept = 0;
    for (size_t i = lo; i < hi; i++) {
        block *b = &d->blocks[i];
        if (b->dec != DEC_NONE || (flags[i] & F_MATCHED) || (near_only && !(flags[i] & F_NEAR)))
            continue;
        flags[i] |= F_MATCHED;
        rule_action a = wn_rules_apply_block(m, b);
        if (a == RA_NONE) continue;
        kept |= a == RA_KEEP;
        *changed = 1;
    }
    return kept;
}

/* Flags the blocks within PROSE_REACH blocks of a block the first valuation found prose. */
static void mark_near_prose(const double *v, unsigned char *flags, size_t n)
{
    size_t last = (size_t)-1; /* the last prose block seen */
    for (size_t i = 0; i < n; i++) {
        if (v[i] > 0) last = i;
        if (last != (size_t)-1 && i - last <= PROSE_REACH) flags[i] |= F_NEAR;
    }
    last = (size_t)-1;
    for (size_t i = n; i-- > 0;) {
        if (v[i] > 0) last = i;
        if (last != (size_t)-1 && last - i <= PROSE_REACH) flags[i] |= F_NEAR;
    }
}

/* Rules only matter near the article: a verdict on a menu line far above it or on a
 * footer line far below changes nothing, and matching the short lines of a page is
 * most of the text path's time.  So the run is found first without rules; the rules
 * run on it, on RULE_MARGIN blocks either side (the headline, cut markers and comment
 * headers right after an article; a comment thread the first run took in is inside
 * it) and on the blocks before it within PROSE_REACH of any prose (a comment header
 * between the article and a longer thread the first run took); then the run is found
 * again with their verdicts.  Past the run, a verdict changes nothing unless the run
 * grows into it.
 * Should it come near an unmatched part, that part is matched too (RULE_ROUNDS times,
 * then all of the page).  A rule set with a keep rule is matched on the whole page at
 * once: keep rules exist to override the classifier anywhere.  A block left unmatched
 * is "outside article". */
static void match_lazily(rule_matcher *m, doc *d, const tshape *shapes, const bvalue *base,
                         double *v, unsigned char *flags, size_t *bs, size_t *be)
{
    size_t n = d->n;
    int changed = 0;
    if (wn_rules_has_keep(m, RT_TEXT)) {
        match_range(m, d, 0, n, flags, 0, &changed);
        value_and_run(d, shapes, base, v, flags, bs, be);
        return;
    }
    value_and_run(d, shapes, base, v, flags, bs, be);
    mark_near_prose(v, flags, n);
    size_t lo = *bs > RULE_MARGIN ? *bs - RULE_MARGIN : 0;
    size_t hi = n - *be > RULE_MARGIN ? *be + RULE_MARGIN : n;
    int keep = match_range(m, d, 0, lo, flags, 1, &changed) |
               match_range(m, d, lo, hi, flags, 0, &changed);
    for (int round = 0; lo > 0 || hi < n; round++) {
        /* Valuing again is only needed when a rule decided a block since. */
        if (changed) value_and_run(d, shapes, base, v, flags, bs, be);
        changed = 0;
        int all = keep || round >= RULE_ROUNDS;
        size_t nlo = lo, nhi = hi;
        if (lo > 0 && (all || *bs < lo + RULE_MARGIN / 2))
            nlo = all || *bs < RULE_MARGIN ? 0 : *bs - RULE_MARGIN;
        if (hi < n && (all || *be + RULE_MARGIN / 2 > hi))
            nhi = all || n - *be <= RULE_MARGIN ? n : *be + RULE_MARGIN;
        if (nlo >= lo && nhi <= hi) return;
        if (nlo < lo) keep |= match_range(m, d, nlo, lo, flags, 0, &changed);
        if (nhi > hi) keep |= match_range(m, d, hi, nhi, flags, 0, &changed);
        lo = nlo < lo ? nlo : lo;
        hi = nhi > hi ? nhi : hi;
    }
    if (changed) value_and_run(d, shapes, base, v, flags, bs, be);
}

/* m: the rules to match lazily, or NULL when the caller already applied them.  A page
 * whose content spreads over it (article/reading.c) is read whole: the run is all of
 * its text, and the rules still drop and cut. */
void wn_textclass_classify_rules(doc *d, rule_matcher *m)
{
    size_t n = d->n;
    if (!n) return;
    tshape *shapes = wn_arena_alloc(&d->mem, n * sizeof *shapes);
    double *v = wn_arena_alloc(&d->mem, n * sizeof *v);
    unsigned char *flags = wn_arena_alloc(&d->mem, n);
    bvalue *base = wn_arena_alloc(&d->mem, n * sizeof *base);
    if (!shapes || !v || !flags || !base) {
        d->failed = 1;
        return;
    }
    memset(flags, 0, n);
    wn_text_drop_shop_chrome(d); /* a product page's reviews and dialogs */
    unsigned char *code = wn_arena_alloc(&d->mem, n);
    if (!code) {
        d->failed = 1;
        return;
    }
    wn_textcode_mark(d, code);
    for (size_t i = 0; i < n; i++) {
        shapes[i] = wn_textfeat_shape(&d->blocks[i]);
        /* lynx prints an image's alt text and then its caption, often the same words;
         * an article does not repeat a line verbatim.  The first copy stays. */
        for (size_t j = i > 2 ? i - 2 : 0; j < i; j++)
            if (d->blocks[j].len == d->blocks[i].len && d->blocks[i].len > 20 &&
                memcmp(d->blocks[j].text, d->blocks[i].text, d->blocks[i].len) == 0)
                flags[i] |= F_DUP;
        base[i].v = shape_value(&d->blocks[i], &shapes[i], &flags[i], &base[i].why);
        /* A line of code is neither chrome nor prose: it does not split a run (nor is
         * it a stamp: to="+15558675310"). */
        if (code[i] && (base[i].why == WHY_SHORT_LINE || base[i].why == WHY_DATE_LINE)) {
            flags[i] = (unsigned char)((flags[i] & ~F_DATE) | F_CODE);
            base[i].why = WHY_SHORT_LINE;
            base[i].v = CODE_VALUE;
        }
    }
    settle_entries(d, base, flags);
    size_t bs, be, hero_bs = (size_t)-1;
    if (m) match_lazily(m, d, shapes, base, v, flags, &bs, &be);
    else value_and_run(d, shapes, base, v, flags, &bs, &be);
    be = extend_colon_list(d, shapes, v, bs, be);
    be = wn_text_extend_specs(d, bs, be);
    settle_listing(d, v, bs, be);
    /* A page read whole keeps its entries: a listing's teasers and a forum's posts are
     * its content. */
    int whole = wn_article_reading(d, 1).whole_page && !collection_story(d, shapes, bs, be);
    if (!whole && article_spread(d, shapes, v, flags, bs, be)) whole = 1;
    if (!whole && !run_ends_at_marker(d, be) && wn_text_settle_lean(d, shapes, bs, be)) whole = 1;
    if (whole && m) {
        /* The rules were matched near the article's run only; the whole page is the
         * content now, and its furniture is theirs to drop. */
        int changed = 0;
        match_range(m, d, 0, n, flags, 0, &changed);
        if (changed) value_and_run(d, shapes, base, v, flags, &bs, &be);
    }
    if (whole) {
        whole_span(d, shapes, v, flags, n, &bs, &be);
        trim_whole_span(d, shapes, flags, v, &bs, &be);
        wn_text_extend_entries(d, &bs, &be);
        hero_bs = hero_start(d, shapes, flags, bs);
        drop_inner_menus(d, shapes, bs, be);
        drop_post_furniture(d, shapes, bs, be);
    }
    size_t teaser = whole ? be : cut_teasers(v, flags, bs, be);
    if (teaser < be) {
        for (size_t i = teaser; i < be; i++)
            if (d->blocks[i].dec == DEC_NONE) {
                d->blocks[i].dec = DEC_DROP;
                d->blocks[i].why = WHY_TEASERS;
            }
        be = teaser;
    }
    size_t title_bs = bs; /* the headline and byline are looked for above the paragraph */
    if (hero_bs < bs) bs = hero_bs;
    /* Soft cut markers inside the article were inline boxes: only drop them, so that
     * wn_rules_cut() cuts at the first marker after the article. */
    for (size_t i = bs; i < be; i++)
        if (wn_text_cut_marker(&d->blocks[i])) d->blocks[i].ract = RA_DROP;
    wn_rules_cut(d, bs, be);
    for (size_t i = 0; i < n; i++) {
        block *b = &d->blocks[i];
        if (b->dec != DEC_NONE) continue;
        if (i < bs || i >= be) {
            b->dec = DEC_DROP;
            b->why = v[i] > 0 ? WHY_PROSE_OUTSIDE : WHY_OUTSIDE_ARTICLE;
        } else if (flags[i] & F_DUP) {
            b->dec = DEC_DROP;
        } else {
            b->dec = DEC_KEEP;
            if (v[i] < 0) b->why = WHY_SHORT_INSIDE;
        }
    }
    wn_text_drop_repeated_lines(d);
    wn_text_drop_grid_chrome(d);
    wn_texttitle_find(d, shapes, title_bs, be);
    wn_textmeta_find(d, shapes, title_bs);
}
