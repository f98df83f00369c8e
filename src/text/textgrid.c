/* textgrid.c -- a shop's grid of items, and the chrome around it.
 *
 * The rendered text of a collection page runs from the menu through the filter panel,
 * the grid of items (a name, a price, a tile's labels) and on to the footer; its best
 * run of lines often holds all of it, since every part is short lines.  The truths
 * keep the items, the heading and the shop's prose about them, not the menu nor the
 * filters nor the footer's links.  Two shapes tell them:
 *
 * - the grid's reach: the first and the last line of its cluster of priced lines.
 *   The short lines kept well before the first (two tiles back stand the first
 *   tiles' names and labels) or well after the last are the menu, the filter panel,
 *   the sort bar, the footer's links.  Prose stays wherever it stands (a category's
 *   introduction, its guide below).
 * - a filter panel's options, each with its count of items ("Accessories1385",
 *   "Cup Style (0)"): a run of such lines is a facet list wherever it stands.
 *
 * Only the short lines of the run are dropped (WHY_SHORT_INSIDE), never prose nor a
 * line a rule kept, whatever its length (a word limit of 10 gave collection .6723).
 * wcxb-dev-other innerText (with tiles.rules' +.0021 on collection) collection .6603
 * -> .6743, listing .7328 -> .7343, product .4833 -> .4854, service .7827 -> .7838,
 * all .7327 -> .7354; the article sets do not change (only pages read as collections
 * are touched).  Pages read as listings would lose by it (simulated -.001: their
 * entries' prices are sparse), so they are left.
 *
 * A product page shows the same chrome around a grid of related items, above which
 * stands the item itself with its own price: there the reach before starts at the
 * page's first priced line, so the item's name, price and specifications stay while the
 * menus above them go (product .5122 -> .5158, all .7492 -> .7497; a grid's own first
 * line made the item's head go: 0628 .567 -> .402). */
#include <stddef.h>
#include <stdint.h>
#include "text/text.h"

/* Kept lines counted back from the grid's first priced line (a tile's name, badges and
 * labels stand over its price) and on from its last one (the last tile's labels): at
 * least these, and two tiles either way (the first and last items may show no price:
 * "Free To Play"), a tile being the mean distance between its priced lines. */
enum { GRID_BEFORE = 5, GRID_AFTER = 8 };
/* A grid is at least this many priced lines, each at most GRID_GAP kept lines after
 * the one before. */
enum { GRID_PRICES = 3, GRID_GAP = 30 };
/* A priced line is this long at most: past it, the price is in a sentence. */
enum { PRICE_LINE_MAX = 200 };
/* A facet list is at least this many options in a row. */
enum { FACET_RUN = 4 };

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }

/* The length of the currency sign ending at s[i] ($ £ ¥ € ₹), or 0. */
static size_t sign_ending_at(const unsigned char *s, size_t i)
{
    if (s[i] == '$') return 1;
    if (i >= 1 && s[i - 1] == 0xC2 && (s[i] == 0xA3 || s[i] == 0xA5)) return 2;
    if (i >= 2 && s[i - 2] == 0xE2 && s[i - 1] == 0x82 && (s[i] == 0xAC || s[i] == 0xB9))
        return 3;
    return 0;
}

/* Whether s[i..len) starts with a currency sign (£ €) or code (EUR, USD) after a
 * space at most. */
static int sign_starting_at(const unsigned char *s, size_t i, size_t len)
{
    if (i < len && s[i] == ' ') i++;
    if (len - i >= 2 && s[i] == 0xC2 && s[i + 1] == 0xA3) return 1;
    if (len - i >= 3 && s[i] == 0xE2 && s[i + 1] == 0x82 && s[i + 2] == 0xAC) return 1;
    if (len - i >= 3) {
        unsigned char a = s[i] | 0x20, b = s[i + 1] | 0x20, c = s[i + 2] | 0x20;
        if ((a == 'e' && b == 'u' && c == 'r') || (a == 'u' && b == 's' && c == 'd'))
            return i + 3 == len || !is_lower(s[i + 3] | 0x20);
    }
    return 0;
}

/* Whether the line shows a price: a sign before a number ("$49.99", "€ 12") or after
 * it ("12,50 €", "30 EUR"). */
int wn_textgrid_has_price(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; i < len; i++) {
        if (!is_digit(s[i]) || (i > 0 && is_digit(s[i - 1]))) continue;
        size_t j = i;
        if (j > 0 && s[j - 1] == ' ') j--;
        if (j > 0 && sign_ending_at(s, j - 1)) return 1;
        size_t e = i;
        while (e < len && (is_digit(s[e]) || s[e] == ',' || s[e] == '.')) e++;
        if (sign_starting_at(s, e, len)) return 1;
        i = e;
    }
    return 0;
}

/* Whether the line is a filter option with its count: words, then digits glued to a
 * lower-case letter ("Accessories1385") or a count in parentheses ("Cup Style (0)").
 * Starts with no digit, so a price or a date is none. */
int wn_textgrid_is_facet(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t')) len--;
    size_t a = 0;
    while (a < len && (s[a] == ' ' || s[a] == '\t')) a++;
    if (len - a < 3 || len - a > 64 || is_digit(s[a])) return 0;
    size_t e = len;
    if (s[e - 1] == ')') {
        size_t k = e - 1;
        while (k > a && is_digit(s[k - 1])) k--;
        return k < e - 1 && e - 1 - k <= 6 && k >= a + 3 && s[k - 1] == '(' && s[k - 2] == ' ';
    }
    size_t k = e;
    while (k > a && is_digit(s[k - 1])) k--;
    return k < e && e - k <= 6 && k > a && is_lower(s[k - 1]);
}

static int droppable(const block *b)
{
    return b->dec == DEC_KEEP && b->why == WHY_SHORT_INSIDE;
}

static void drop(block *b)
{
    b->dec = DEC_DROP;
    b->why = WHY_GRID_CHROME;
}

/* The runs of FACET_RUN or more kept filter options in a row. */
static void drop_facet_runs(doc *d)
{
    size_t run = 0, first = 0;
    for (size_t i = 0; i <= d->n; i++) {
        block *b = i < d->n ? &d->blocks[i] : NULL;
        if (b && b->dec != DEC_KEEP) continue;
        if (b && droppable(b) && wn_textgrid_is_facet(b->text, b->len)) {
            if (run++ == 0) first = i;
            continue;
        }
        if (run >= FACET_RUN)
            for (size_t k = first; k < i; k++)
                if (droppable(&d->blocks[k])) drop(&d->blocks[k]);
        run = 0;
    }
}

/* The short lines kept far before the grid's first priced line and far after its
 * last.  The grid is the longest cluster of priced lines, each within GRID_GAP kept
 * lines of the one before: a cart's "0 Item(s) ($0.00)" in the header or a shipping
 * offer's "$75" in the footer stands apart from it (wcxb-dev-other innerText
 * collection .6679 -> .6700 over the first and last priced lines of the page). */
static void drop_around_grid(doc *d)
{
    size_t kept = 0, best_n = 0, best_first = 0, best_last = 0, n = 0, first = 0, last = 0;
    size_t page_first = SIZE_MAX; /* the page's first priced line */
    for (size_t i = 0; i < d->n; i++) {
        const block *b = &d->blocks[i];
        if (b->dec != DEC_KEEP) continue;
        if (b->len <= PRICE_LINE_MAX && wn_textgrid_has_price(b->text, b->len)) {
            if (page_first == SIZE_MAX) page_first = kept;
            if (n > 0 && kept - last > GRID_GAP) n = 0;
            if (n++ == 0) first = kept;
            last = kept;
            if (n > best_n) best_n = n, best_first = first, best_last = last;
        }
        kept++;
    }
    if (best_n < GRID_PRICES) return;
    size_t tile = (best_last - best_first) / (best_n - 1);
    size_t before = 2 * tile > GRID_BEFORE ? 2 * tile : GRID_BEFORE;
    size_t start = d->page_type == WINNOW_PAGE_PRODUCT ? page_first : best_first;
    size_t from = start > before ? start - before : 0;
    size_t to = best_last + (2 * tile > GRID_AFTER ? 2 * tile : GRID_AFTER);
    kept = 0;
    for (size_t i = 0; i < d->n; i++) {
        block *b = &d->blocks[i];
        if (b->dec != DEC_KEEP) continue;
        if ((kept < from || kept > to) && droppable(b)) drop(b);
        kept++;
    }
}

void wn_text_drop_grid_chrome(doc *d)
{
    if (d->page_type != WINNOW_PAGE_COLLECTION && d->page_type != WINNOW_PAGE_PRODUCT) return;
    drop_facet_runs(d); /* first: a facet list's prices are no part of the grid */
    drop_around_grid(d);
}
