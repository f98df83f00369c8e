/* texttitle.c -- finds the headline of rendered page text.
 *
 * In innerText the headline is the heading-shaped line shortly before the article
 * body, after breadcrumbs and category labels; a standfirst, byline or date may sit
 * between.  Each line in a window before the body is scored: heading shape (a few
 * words, no full stop, not all capitals), a byline or date right after it, the same
 * text repeated above it (breadcrumbs, the page title), and nearness to the body.  In
 * lynx dumps headings are also printed left of the indented body.  On an article, a
 * line of HEADLINE_WORDS words or more gains over shorter labels, and a name of
 * NAME_WORDS words over a date is a byline (wcxb-dev-article innerText titles .475 ->
 * .551, the other pages unchanged).  A byline is any form textmeta.c reads ("Written
 * by:" over the name, a name alone over the date); further up than the window, a line
 * with a byline under it is still a candidate (.595 -> .616); a breadcrumb trail of
 * any length is none (.619).
 *
 * Pages other than articles (wcxb-dev-other innerText titles .196 -> .245, articles
 * .619 -> .625): a line of a page's controls ("Previous carousel slide", "Get the
 * Fora App") is never a headline; a thread's title is the line over the forum's
 * header of it ("Thread starter", "Asked 2 years ago", "1.9K views 11 replies"), which
 * may stand inside the run; a forum's thread title, in sentence case, outranks the
 * category in names under it; a line repeated right under itself (a breadcrumb's last
 * step over the heading) is the page's name; and the run's first line is a candidate
 * itself (the author and date read around the headline: .458 -> .466, .672 -> .697).
 * A headline taken from the run's lines is printed first or, without the headline,
 * where it stands (BF_TITLE_IN_BODY): word F1 unchanged. */
#include <string.h>
#include <strings.h>
#include "meta/meta.h"
#include "text/text_shape.h"
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define TITLE_WINDOW 25 /* blocks looked at before the article */
#define FAR_WINDOW 100  /* ... and further up, lines with a byline under them */
#define ECHO_WINDOW 60  /* blocks searched above a candidate for the same text */
#define ECHO_MAX_LEN 1000 /* ... of which only short ones: breadcrumbs, titles */
#define NAME_WORDS 3      /* see wn_texttitle_find() */
#define HEADLINE_WORDS 6
#define TITLE_CASE_SHARE 0.7 /* capitalised words among those starting with a letter */
#define GLUED_MIN 3 /* words run together ("AppWhy UsComparisonBlueCart") that make a menu */
#define THREAD_WINDOW 40 /* blocks of the run searched for a thread's title over its header */
#define DOUBLED_REACH 3  /* blocks under a line searched for its repeat */
#define FIRST_LINE_COST 1.0 /* the run's first line as headline, against the lines above */

static int digit(char c) { return c >= '0' && c <= '9'; }

/* Whether b holds a clock time ("7:33pm", "17:33") and a year (19xx, 20xx): a post's
 * stamp, its author's name or a label before it ("amondale (Amondale) November 8,
 * 2024, 7:33pm 1"), not a headline. */
static int time_stamped(const block *b)
{
    int clock = 0, year = 0;
    if (!memchr(b->text, ':', b->len)) return 0; /* no clock: most lines */
    for (size_t i = 1; i + 2 < b->len && !(clock && year); i++) {
        const char *t = b->text + i;
        if (t[0] == ':' && digit(t[-1]) && digit(t[1]) && digit(t[2]) &&
            (i + 3 == b->len || !digit(t[3])))
            clock = 1;
        if (i + 4 <= b->len && !digit(t[-1]) && (t[0] == '1' || t[0] == '2') &&
            (t[1] == '9' || t[1] == '0') && digit(t[2]) && digit(t[3]) &&
            (i + 4 == b->len || !digit(t[4])))
            year = 1;
    }
    return clock && year;
}

/* Whether b is the byline's or the stamp's line under a headline in a form the block
 * features do not take for one: a date with its month named, with a name ("September
 * 1st, 2023 By Emily Norwood", "JONATHAN JONESLAST UPDATED NOV 6, 2025"), or "Written
 * by: Sean Peek", "Edited by Marie White". */
static int stamp_line(const block *b, arena *a)
{
    static const char *const heads[] = {"written by", "by:", "edited by", "reviewed by", NULL};
    for (const char *const *h = heads; *h; h++)
        if ((*h)[0] == (b->text[0] | 0x20) && strncasecmp(b->text, *h, strlen(*h)) == 0)
            return 1;
    /* A date written with its month's name; numeric dates are in threads' titles
     * ("Lemmy Development Update 2024-10-04"). */
    const char *at;
    if (!wn_meta_next_date(b->text, &at, NULL, a)) return 0;
    return ((*at | 0x20) >= 'a' && (*at | 0x20) <= 'z');
}

/* Whether b is a breadcrumb trail ("Home \xc2\xbb Blogs \xc2\xbb Smartphone Basics for Older
 * Adults", "Articles / Cleaning / Cleaning Industry Trends"): two of its separators
 * between spaces or more, whatever its length (the shape's test stops at 12 words). */
static int breadcrumb(const block *b)
{
    static const char *const seps[] = {" / ", " > ", " \xc2\xbb ", " \xe2\x80\xba ", NULL};
    static const size_t sep_len[] = {3, 3, 4, 5};
    int n[sizeof sep_len / sizeof *sep_len] = {0};
    /* One pass over the line, each separator counted where a space starts it. */
    for (const char *p = b->text, *end = b->text + b->len;
         (p = memchr(p, ' ', (size_t)(end - p))) != NULL; p++)
        for (size_t k = 0; seps[k]; k++)
            if ((size_t)(end - p) >= sep_len[k] && p[1] == seps[k][1] &&
                memcmp(p, seps[k], sep_len[k]) == 0 && ++n[k] >= 2)
                return 1;
    return 0;
}

/* Whether b is a menu's items run together by innerText: GLUED_MIN places or more
 * where a small letter meets a capital ("B2B CommerceSales Rep AppWhy Us"); a
 * headline has a brand's one or two ("YouTube vs TikTok"). */
int wn_texttitle_glued_menu(const block *b)
{
    int glued = 0;
    const unsigned char *t = (const unsigned char *)b->text;
    size_t i = 1;
    /* Counted without a branch on the bytes (one on the capital mispredicted at many):
     * 16 places at once, each with the byte before it, then one by one. */
#ifdef __SSE2__
    for (; i + 16 <= b->len && glued < GLUED_MIN; i += 16) {
        __m128i cur = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
        __m128i prev = _mm_loadu_si128((const __m128i *)(const void *)(t + i - 1));
        __m128i cap = _mm_and_si128(_mm_cmpgt_epi8(cur, _mm_set1_epi8('A' - 1)),
                                    _mm_cmplt_epi8(cur, _mm_set1_epi8('Z' + 1)));
        __m128i low = _mm_and_si128(_mm_cmpgt_epi8(prev, _mm_set1_epi8('a' - 1)),
                                    _mm_cmplt_epi8(prev, _mm_set1_epi8('z' + 1)));
        glued += __builtin_popcount((unsigned)_mm_movemask_epi8(_mm_and_si128(cap, low)));
    }
#endif
    for (; i < b->len && glued < GLUED_MIN; i++)
        glued += ((unsigned char)(t[i] - 'A') < 26) & ((unsigned char)(t[i - 1] - 'a') < 26);
    return glued >= GLUED_MIN;
}

/* Whether w occurs in b at a word's start (case aside); *at gets where. */
static int word_at(const block *b, const char *w, size_t *at)
{
    size_t n = strlen(w);
    for (size_t i = 0; i + n <= b->len; i++)
        if ((b->text[i] | 0x20) == w[0] && (i == 0 || b->text[i - 1] == ' ') &&
            strncasecmp(b->text + i, w, n) == 0) {
            if (at) *at = i;
            return 1;
        }
    return 0;
}

/* Whether b holds the words of a page's controls ("Previous carousel slide Next
 * carousel slide", "Get the Fora App", "Reaction score", "move to sidebar hide",
 * "Toggle sidebar"): chrome rendered as text, never a headline. */
static int control_words(const block *b)
{
    /* Lengths kept with the words: this runs on every line near the headline. */
#define CW(w) {w, sizeof w - 1}
    static const struct {
        const char *w;
        size_t n;
    } words[] = {
        CW("carousel slide"), CW("move to sidebar"), CW("toggle sidebar"), CW("submenu"),
        CW("reaction score"), CW("copy item path"), CW("skip images"), CW("skip to "),
        CW("opens in new tab"), CW("add to cart"), CW("added to cart"),
        CW("summarize this article"), CW("try new site"), CW("shift + alt"),
        CW("reply with quote"), CW("advanced search"), CW("jump to latest"),
        CW("original poster"), CW("ask about this section"), CW("page actions"),
        CW("quick view"), CW("quick shop"), CW("write a review"), CW("notify me when"),
        CW("dropdown"), CW("expand user menu"), CW("dark mode"), CW("light mode")};
#undef CW
    if (b->len > 80) return 0;
    /* "Get the Fora App", "Download the app" */
    if (b->len > 4 && strncasecmp(b->text + b->len - 4, " app", 4) == 0 &&
        (strncasecmp(b->text, "get ", 4) == 0 || strncasecmp(b->text, "download ", 9) == 0))
        return 1;
    /* One pass over the line's word starts, each tried against the words opening with
     * its letter (all of them open with a small letter). */
    for (size_t i = 0; i < b->len; i++) {
        if (i > 0 && b->text[i - 1] != ' ') continue;
        unsigned char c = (unsigned char)b->text[i] | 0x20;
        if (c < 'a' || c > 'z') continue;
        for (size_t k = 0; k < sizeof words / sizeof *words; k++)
            if (words[k].w[0] == (char)c && i + words[k].n <= b->len &&
                strncasecmp(b->text + i, words[k].w, words[k].n) == 0)
                return 1;
    }
    /* The account's buttons ("Join / Sign in", "Log in Get a Demo"), but not a wall's
     * heading that says what signing in is for ("Sign in to continue"). */
    static const char *const account[] = {"sign in", "log in", "sign up", NULL};
    static const char *const purpose[] = {" to ", " for ", " with ", NULL};
    for (const char *const *w = account; *w; w++) {
        size_t at;
        if (!word_at(b, *w, &at)) continue;
        at += strlen(*w);
        int says_why = 0;
        for (const char *const *p = purpose; *p && !says_why; p++)
            says_why = b->len - at >= strlen(*p) && strncasecmp(b->text + at, *p, strlen(*p)) == 0;
        if (!says_why) return 1;
    }
    return 0;
}

/* Non-zero when needle[0..nl) occurs in hay[0..hl) (memmem is not in C11/POSIX). */
static int contains(const char *hay, size_t hl, const char *needle, size_t nl)
{
    for (const char *p = hay; nl && hl >= nl && (size_t)(p - hay) <= hl - nl; p++) {
        p = memchr(p, needle[0], hl - nl + 1 - (size_t)(p - hay));
        if (!p) return 0;
        if (memcmp(p, needle, nl) == 0) return 1;
    }
    return 0;
}

/* Whether b is a line a forum prints under a thread's title: its starter, its age or
 * its counts ("Thread starter paulb203", "Asked 11 years, 9 months ago", "Jump to
 * Latest", "1.9K views 11 replies 12 participants"). */
static int thread_header(const block *b)
{
    static const char *const heads[] = {"thread starter", "ask question", "asked ",
                                        "jump to latest", "start date", NULL};
    if (b->len > 160) return 0;
    for (const char *const *h = heads; *h; h++)
        if ((*h)[0] == (b->text[0] | 0x20) && strncasecmp(b->text, *h, strlen(*h)) == 0)
            return 1;
    return digit(b->text[0]) && contains(b->text, b->len, " views ", 7) &&
           contains(b->text, b->len, " replies", 8);
}

/* The heading shape of a block, or a negative number when it cannot be a headline. */
static double shape_score(const block *b, const tshape *s, arena *a)
{
    if (b->dec == DEC_DROP && b->ract != RA_NONE) return -1; /* rule-dropped chrome */
    if (b->kind == BK_TABLE || b->kind == BK_ITEM || b->len == 0) return -1;
    if (s->chars > 250 || s->colon || s->words == 0) return -1;
    if (s->terminal && b->text[b->len - 1] == '.') return -1;
    if (wn_textfeat_is_dateline(b, s) || wn_textfeat_is_byline(b, s) || time_stamped(b))
        return -1;
    if (s->seps > 0 && s->words <= 12) return -1; /* breadcrumbs, "Posted in X | 3 Comments" */
    if (stamp_line(b, a) || wn_texttitle_glued_menu(b) || breadcrumb(b) || control_words(b) ||
        thread_header(b))
        return -1;
    double sc;
    if (s->ew >= 4 && s->ew <= 15) sc = 2.0;
    else if (s->ew > 15 && s->ew <= 30) sc = 1.2; /* more like a standfirst */
    else if (s->ew >= 2 && s->ew <= 40) sc = 0.7;
    else return -1;
    /* SECTION LABELS are in capitals; headlines rarely are. */
    if (s->lower == 0 && s->cjk == 0) sc -= 1.0;
    return sc;
}

/* Non-zero when the text of b appears inside one of the ECHO_WINDOW blocks above it,
 * as happens with breadcrumbs ("Home > News > <headline>") and duplicated titles. */
static int echoed(const doc *d, size_t i)
{
    const block *b = &d->blocks[i];
    if (b->len < 12) return 0;
    size_t lo = i > ECHO_WINDOW ? i - ECHO_WINDOW : 0;
    for (size_t j = lo; j < i; j++) {
        const block *o = &d->blocks[j];
        if (o->len <= ECHO_MAX_LEN && contains(o->text, o->len, b->text, b->len)) return 1;
    }
    return 0;
}

/* Whether one of the two lines under block i is a thread's header. */
static int over_thread_header(const doc *d, size_t i)
{
    for (size_t j = i + 1; j < d->n && j <= i + 2; j++)
        if (thread_header(&d->blocks[j])) return 1;
    return 0;
}

/* Whether the text of block i is repeated within DOUBLED_REACH blocks under it: a
 * breadcrumb's last step over the page's heading, a product's name over its gallery. */
static int doubled(const doc *d, size_t i)
{
    const block *b = &d->blocks[i];
    for (size_t j = i + 1; j < d->n && j <= i + DOUBLED_REACH; j++) {
        const block *o = &d->blocks[j];
        if (o->len == b->len && strncasecmp(o->text, b->text, b->len) == 0) return 1;
    }
    return 0;
}

/* The score of block i as the headline, k blocks above the article's start, or a
 * negative number.  Where far (further up than TITLE_WINDOW: a long standfirst, a
 * table of contents, a hero's captions before the body) only a line with a byline
 * under it is a candidate; lines under it are read up to end. */
/* Whether block j is a byline, in any form; memo[j - lo] keeps the answer (-1: not yet
 * asked), as each line is asked by the three candidates above it. */
static int byline_at(doc *d, const tshape *shapes, size_t j, signed char *memo, size_t lo)
{
    signed char *m = &memo[j - lo];
    if (*m < 0)
        *m = (signed char)(wn_textfeat_is_byline(&d->blocks[j], &shapes[j]) ||
                           wn_textmeta_is_byline(d, j, shapes, &d->mem));
    return *m;
}

static double headline_score(doc *d, const tshape *shapes, size_t i, size_t k, size_t end,
                             int far, int body_indent, signed char *memo, size_t lo)
{
    double sc = shape_score(&d->blocks[i], &shapes[i], &d->mem);
    if (sc < 0) return sc;
    /* A byline or date under it is the usual headline furniture; under a name
     * ("Andrew King", then the date) it is the byline's own date. */
    int byline = 0, dated = 0;
    for (size_t j = i + 1; j < end && j <= i + 3 && shapes[i].ew > NAME_WORDS; j++) {
        if (byline_at(d, shapes, j, memo, lo)) {
            byline = 1;
            break;
        }
        if (wn_textfeat_is_dateline(&d->blocks[j], &shapes[j])) {
            dated = 1;
            break;
        }
    }
    /* A thread's header is a byline and more: a forum's title has it, a category not. */
    if (over_thread_header(d, i)) {
        byline = 1;
        sc += 2.0;
    }
    int page_name = d->page_type != WINNOW_PAGE_ARTICLE && doubled(d, i);
    if (page_name) sc += 1.0;
    if (far && !byline && !page_name) return -1;
    if (byline || dated) sc += 1.5;
    /* A story's headline says something; a section label or a subheading above
     * the body names a topic in a word or three. */
    if (d->page_type == WINNOW_PAGE_ARTICLE && shapes[i].ew >= HEADLINE_WORDS &&
        shapes[i].ew <= 30 && shapes[i].lower > 0)
        sc += 0.6;
    /* A story's headline is most often set in title case; a standfirst, a
     * teaser or a byline's role in sentence case. */
    if (d->page_type == WINNOW_PAGE_ARTICLE && shapes[i].alpha >= 4 && shapes[i].lower > 0 &&
        wn_textfeat_cap_share(&shapes[i]) >= TITLE_CASE_SHARE)
        sc += 0.5;
    /* A forum's thread is titled in sentence case by its poster; the category over or
     * under it is a name in capitals ("Docker Desktop"). */
    if (d->page_type == WINNOW_PAGE_FORUM && shapes[i].alpha >= 3 && shapes[i].lower > 0 &&
        wn_textfeat_cap_share(&shapes[i]) < TITLE_CASE_SHARE)
        sc += 0.5;
    if (echoed(d, i)) sc += 1.5;
    /* lynx: a heading is printed left of the indented body. */
    if (body_indent > 0 && d->blocks[i].level < body_indent) sc += 1.5;
    return sc - 0.08 * (double)(k < TITLE_WINDOW ? k : TITLE_WINDOW);
}

void wn_texttitle_find(doc *d, const tshape *shapes, size_t bs, size_t be)
{
    if (bs >= d->n || be <= bs) return;
    int body_indent = d->blocks[bs].level;
    size_t best = (size_t)-1;
    double best_score = 0.5;
    signed char memo[FAR_WINDOW + THREAD_WINDOW + 4]; /* blocks lo .. bs + THREAD_WINDOW + 3 */
    size_t lo = bs > FAR_WINDOW ? bs - FAR_WINDOW : 0;
    memset(memo, -1, sizeof memo);
    for (size_t i = bs, k = 0; i-- > 0 && k < FAR_WINDOW; k++) {
        double sc =
            headline_score(d, shapes, i, k, bs, k >= TITLE_WINDOW, body_indent, memo, lo);
        if (sc > best_score) {
            best_score = sc;
            best = i;
        }
    }
    /* Off articles the run may open at the headline, or hold a thread's title over its
     * header below the question's preamble (a forum's teaser, a product's pitch).  The
     * lines below are kept already: taking one moves it to the top. */
    for (size_t i = bs; d->page_type != WINNOW_PAGE_ARTICLE && i < be && i < bs + THREAD_WINDOW;
         i++) {
        int first = i == bs;
        if (!first && !over_thread_header(d, i)) continue;
        double sc = headline_score(d, shapes, i, 0, be, 0, body_indent, memo, lo) -
                    (first ? FIRST_LINE_COST : 0);
        if (sc > best_score) {
            best_score = sc;
            best = i;
        }
    }
    if (best == (size_t)-1) return;
    block *b = &d->blocks[best];
    d->title = b->text;
    d->meta.src.headline = best < bs ? "heading-shaped line before the article"
                                     : "heading-shaped line of the article's run";
    if (best >= bs) {
        b->flags |= BF_TITLE_IN_BODY; /* a line of the body; printed first or in place */
        return;
    }
    b->kind = BK_TITLE;
    b->dec = DEC_KEEP;
    b->why = WHY_HEADLINE;
}
