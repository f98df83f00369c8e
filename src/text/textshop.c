/* textshop.c -- what a product page's rendered text shows around its item.
 *
 * A shop's page tells its item in a description and a list of specifications, short
 * lines mostly; the longest prose it shows is often not the item's: its customers'
 * reviews, a dialog to report it, a cookie dialog -- which the article's reading then
 * takes for the article (the truths of WCXB leave them out).  These go before the run
 * is looked for, as barriers it does not cross (WHY_EXTRA, textclass.c):
 * - a run of reviews: a review shows its furniture -- "Verified Purchase", "Reviewed
 *   in Germany on 1 January 2026", "Rated 4.0 out of 5 stars", "Helpful?", "Report as
 *   inappropriate", "Feedback left by buyer." -- and its section its counts and sort
 *   bar ("5 stars 80%", "Sort by", "Write a review"): REVIEW_MARKS such lines, each
 *   within REVIEW_GAP blocks of the one before, with the reviewer's name above the
 *   first and the last review's text after the last;
 * - a cookie dialog: lines naming cookies close together and what stands between.
 * And as lines only (a barrier there would split a page whose item follows its menus):
 * - a report dialog, from "Report this item" to its "Submit report" (WHY_SHOP_FORM);
 * - a form's long list of options in alphabetical order, the countries it ships to.
 * And the run, once found, takes in the tables of specifications right after it.
 * Only on pages whose type says product: a review of a product on a story's page is
 * its story (on pages typed collection, listing, service or article they lose).
 * wcxb-dev-other innerText product .4833 -> .5021 (reviews .4940, options .4943, report
 * dialogs .4999, cookie dialogs .5004, specifications .5021; 14 pages change, 0614
 * loses -- an auction whose truth keeps its buyers' feedback); no other type, no other
 * set changes. */
#include <string.h>
#include "article/article.h"
#include "text/text.h"
#include "text/text_shape.h"

#define REVIEW_MARKS 3   /* furniture lines in a run of reviews */
#define REVIEW_GAP 30    /* blocks at most between two marks of one run */
#define MARK_MAX 120     /* bytes: a mark is a short line */
#define HEAD_LINES 2     /* a review's name and title above its first mark */
#define TAIL_LINES 12    /* the last review's text after its last mark */
#define ENTRY_MARKS 2    /* marks of reviews' own (not the section's) for their text */
#define MARK_ENTRY 1     /* wn_textshop_review_mark(): a review's own furniture */
#define MARK_SECTION 2   /* ... the section's: its counts, sort bar, call to write one */

/* b's text without its outer spaces: s[0..*n). */
static const char *trimmed(const block *b, size_t *n)
{
    const char *s = b->text;
    size_t a = 0, z = b->len;
    while (a < z && (s[a] == ' ' || s[a] == '\t')) a++;
    while (z > a && (s[z - 1] == ' ' || s[z - 1] == '\t')) z--;
    *n = z - a;
    return s + a;
}

/* "4.0 out of 5 stars", "5 out of 5 stars Title", "Rated 4.0 out of 5 stars": a
 * single review's stars (a page's average says "based on 407 reviews" or shows a
 * count, which this does not read). */
static int stars_line(const char *s, size_t n)
{
    if (wn_article_starts(s, n, "rated ")) s += 6, n -= 6;
    size_t i = 0;
    while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == ',')) i++;
    if (i == 0 || i > 4) return 0;
    return wn_article_starts(s + i, n - i, " out of 5 stars") ||
           wn_article_starts(s + i, n - i, " of 5 stars");
}

/* Whether s[0..n) is one of the phrases of list, ASCII case ignored, with at most a
 * closing '.', '!' or ':'. */
static int is_phrase(const char *s, size_t n, const char *const *list, size_t count)
{
    if (n && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == ':')) n--;
    for (size_t k = 0; k < count; k++)
        if (strlen(list[k]) == n && wn_article_starts(s, n, list[k])) return 1;
    return 0;
}

/* "5 stars", "4 star", "5 stars 80%", "12 reviews", "407 customer reviews": a rating
 * summary's histogram and counts. */
static int count_line(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == ',' || s[i] == '.')) i++;
    if (i == 0 || i == n || s[i] != ' ') return 0;
    s += i + 1, n -= i + 1;
    static const char *const what[] = {"star", "stars", "reviews", "review",
                                       "customer reviews", "ratings"};
    for (size_t k = 0; k < sizeof what / sizeof *what; k++) {
        size_t l = strlen(what[k]);
        if (!wn_article_starts(s, n, what[k])) continue;
        size_t j = l;
        while (j < n && (s[j] == ' ' || s[j] == '%' || (s[j] >= '0' && s[j] <= '9'))) j++;
        if (j == n) return 1;
    }
    return 0;
}

int wn_textshop_review_mark(const block *b)
{
    size_t n;
    const char *s = trimmed(b, &n);
    if (n == 0 || n > MARK_MAX) return 0;
    static const char *const entry[] = {
        "verified purchase", "verified buyer", "verified reviewer", "verified owner",
        "verified customer", "helpful", "report", "report abuse", "report review",
        "report this review", "report as inappropriate", "show translation",
        "show original", "translate review to english", "was this review helpful?",
        "was this helpful?", "did you find this review helpful?", "is this review helpful?",
        "yes, i recommend this product", "no, i do not recommend this product",
        "i recommend this product", "recommends this product",
    };
    if (is_phrase(s, n, entry, sizeof entry / sizeof *entry)) return MARK_ENTRY;
    static const char *const starts[] = {
        "helpful?", "helpful (", "was this review helpful", "was this helpful",
        "report as inappropriate", "verified purchase", "verified buyer",
    };
    for (size_t k = 0; k < sizeof starts / sizeof *starts; k++)
        if (wn_article_starts(s, n, starts[k])) return MARK_ENTRY;
    /* Amazon's stamp: "Reviewed in the United States on 4 March 2026". */
    if (wn_article_starts(s, n, "reviewed in ") && wn_article_contains(s, n, " on "))
        return MARK_ENTRY;
    if (wn_article_contains(s, n, "found this helpful") ||
        wn_article_contains(s, n, "found this review helpful") ||
        wn_article_contains(s, n, "feedback left by buyer"))
        return MARK_ENTRY;
    if (stars_line(s, n)) return MARK_ENTRY;
    static const char *const section[] = {
        "sort by", "sort reviews by", "most helpful", "most recent", "newest", "oldest",
        "highest rating", "lowest rating", "highest rated", "lowest rated", "top reviews",
        "most relevant", "filter reviews", "review type", "write a review", "write review",
        "see more reviews", "see all reviews", "read all reviews", "read more reviews",
        "customer reviews", "reviews", "ratings & reviews", "ratings and reviews",
        "review this product", "show reviews in selected display order",
        "be the first to write a review", "no reviews yet",
    };
    if (is_phrase(s, n, section, sizeof section / sizeof *section) || count_line(s, n))
        return MARK_SECTION;
    return 0;
}

/* A line of a review's head: the reviewer's name, the review's title -- short, no
 * sentence. */
static int head_line(const block *b)
{
    tshape s = wn_textfeat_shape(b);
    return s.words > 0 && s.words <= 8 && !s.terminal;
}

/* A line of a review's text: a sentence. */
static int text_line(const block *b)
{
    tshape s = wn_textfeat_shape(b);
    return s.terminal || s.words >= 12;
}

static void drop_extra(doc *d, size_t a, size_t z, block_why why)
{
    for (size_t i = a; i < z; i++) {
        block *b = &d->blocks[i];
        if (b->dec != DEC_NONE) continue;
        b->dec = DEC_DROP;
        b->why = why;
    }
}

/* A form's list of options shown as text -- the countries a shop ships to, its
 * states, languages or brands: OPTIONS_RUN short lines or more in a row in
 * alphabetical order, starting with OPTIONS_LETTERS different letters or more (a
 * description's lists are in no such order).  A line that starts with a letter beyond
 * ASCII ("Åland Islands") stays in the run without being compared. */
#define OPTIONS_RUN 40
#define OPTIONS_LETTERS 6
#define OPTION_WORDS 8
#define OPTION_BYTES 64

/* The sort key of an option line (its first three bytes, ASCII folded to lower
 * case), 0 when it is no option line, 1 when it starts beyond ASCII. */
static unsigned option_key(const block *b)
{
    size_t n;
    const char *s = trimmed(b, &n);
    if (n == 0 || n > OPTION_BYTES) return 0;
    unsigned char c = (unsigned char)s[0];
    if (c >= 0x80) return 1;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return 0;
    tshape sh = wn_textfeat_shape(b);
    if (sh.words > OPTION_WORDS || sh.terminal || sh.colon) return 0;
    unsigned k = 0;
    for (size_t i = 0; i < 3; i++)
        k = k << 8 | (i < n ? (unsigned)wn_article_lower((unsigned char)s[i]) : 0);
    return k;
}

static void drop_sorted_run(doc *d, size_t a, size_t z, unsigned letters)
{
    unsigned count = 0;
    for (unsigned m = letters; m; m &= m - 1) count++;
    if (z - a >= OPTIONS_RUN && count >= OPTIONS_LETTERS) drop_extra(d, a, z, WHY_SHOP_FORM);
}

void wn_text_drop_option_lists(doc *d)
{
    size_t n = d->n, a = 0;
    unsigned prev = 0, letters = 0; /* a bit per first letter a..z in the run */
    for (size_t i = 0; i <= n; i++) {
        unsigned k = i < n ? option_key(&d->blocks[i]) : 0;
        if (k == 1) continue; /* beyond ASCII: stays in the run */
        if (k && k >= prev && i > a) {
            prev = k;
            letters |= 1u << ((k >> 16) - 'a');
            continue;
        }
        drop_sorted_run(d, a, i, letters);
        a = k ? i : i + 1;
        prev = k;
        letters = k ? 1u << ((k >> 16) - 'a') : 0;
    }
}

/* A dialog to report the item, its seller or a review, shown as text: from "Report
 * this item to Etsy" to its "Submit report" within REPORT_SPAN blocks -- the reasons to
 * choose from, the policies they point to. */
#define REPORT_SPAN 60
#define REPORT_OPENER_MAX 60

static int report_opener(const block *b)
{
    size_t n;
    const char *s = trimmed(b, &n);
    return n <= REPORT_OPENER_MAX &&
           (wn_article_starts(s, n, "report this ") || wn_article_starts(s, n, "report item") ||
            wn_article_starts(s, n, "report listing") || wn_article_starts(s, n, "report a listing"));
}

static int report_closer(const block *b)
{
    size_t n;
    const char *s = trimmed(b, &n);
    return n <= REPORT_OPENER_MAX && wn_article_contains(s, n, "submit report");
}

void wn_text_drop_report_dialogs(doc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        if (!report_opener(&d->blocks[i])) continue;
        for (size_t j = i + 1; j < d->n && j - i <= REPORT_SPAN; j++)
            if (report_closer(&d->blocks[j])) {
                drop_extra(d, i, j + 1, WHY_SHOP_FORM);
                i = j;
                break;
            }
    }
}

/* A cookie dialog shown as text: COOKIE_LINES lines or more that name cookies, each
 * within COOKIE_GAP blocks of the one before, with what stands between them (the kinds
 * of cookies, their switches, the partners' list).  A barrier like the reviews: its
 * paragraphs are prose the article's run would take. */
#define COOKIE_LINES 3
#define COOKIE_GAP 12

void wn_text_drop_cookie_dialogs(doc *d)
{
    size_t n = d->n, first = 0, last = 0, lines = 0;
    for (size_t i = 0; i <= n; i++) {
        int named = i < n && wn_article_contains(d->blocks[i].text, d->blocks[i].len, "cookie");
        if (i < n && !named) continue;
        if (i < n && lines && i - last <= COOKIE_GAP) {
            lines++;
            last = i;
            continue;
        }
        if (lines >= COOKIE_LINES) drop_extra(d, first, last + 1, WHY_EXTRA);
        first = last = i;
        lines = 1;
    }
}

void wn_text_drop_reviews(doc *d)
{
    size_t n = d->n, first = 0, last = 0, marks = 0, entries = 0;
    for (size_t i = 0; i <= n; i++) {
        int mark = i < n && d->blocks[i].dec != DEC_DROP ? wn_textshop_review_mark(&d->blocks[i]) : 0;
        if (i < n && !mark) continue;
        if (i < n && marks && i - last <= REVIEW_GAP) {
            marks++;
            entries += mark == MARK_ENTRY;
            last = i;
            continue;
        }
        /* The run of marks [first, last] ended: drop it, with its reviews' heads and
         * the last one's text when it holds reviews. */
        if (marks >= REVIEW_MARKS) {
            size_t a = first, z = last + 1;
            if (entries >= ENTRY_MARKS) {
                for (size_t h = 0; h < HEAD_LINES && a > 0 && head_line(&d->blocks[a - 1]); h++)
                    a--;
                while (z < n && z - last <= TAIL_LINES && text_line(&d->blocks[z])) z++;
            }
            drop_extra(d, a, z, WHY_EXTRA);
        }
        first = last = i;
        marks = 1;
        entries = mark == MARK_ENTRY;
    }
}

/* A product's specifications follow its description as a table ("Material<TAB>301
 * Stainless Steel") under a heading or two ("Specifications"): short lines the run
 * leaves out, which the item's truth holds.  SPEC_ROWS rows or more right after the run,
 * past at most SPEC_HEADS short lines, extend it; so does the next table after them. */
#define SPEC_ROWS 3
#define SPEC_HEADS 2
#define SPEC_HEAD_WORDS 4

size_t wn_text_extend_specs(const doc *d, size_t bs, size_t be)
{
    if (d->page_type != WINNOW_PAGE_PRODUCT || be <= bs) return be;
    for (;;) {
        size_t i = be, heads = 0;
        while (i < d->n && heads < SPEC_HEADS && d->blocks[i].kind != BK_TABLE) {
            tshape s = wn_textfeat_shape(&d->blocks[i]);
            if (s.words > SPEC_HEAD_WORDS || s.terminal) break;
            i++, heads++;
        }
        size_t j = i;
        while (j < d->n && d->blocks[j].kind == BK_TABLE) j++;
        if (j - i < SPEC_ROWS) return be;
        be = j;
    }
}

void wn_text_drop_shop_chrome(doc *d)
{
    if (d->page_type != WINNOW_PAGE_PRODUCT) return;
    wn_text_drop_reviews(d);
    wn_text_drop_option_lists(d);
    wn_text_drop_report_dialogs(d);
    wn_text_drop_cookie_dialogs(d);
}
