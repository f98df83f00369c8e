/* textrepeat.c -- a line said again on a page is the page's chrome or a copy.
 *
 * The rendered text of a page keeps the short lines and the prose of its article run;
 * those it shows again further on ("Add to cart", "Tags", "Click to expand...", a
 * rating label over each entry, a forum's quoted post, a description in two tabs) say
 * nothing the first copy did not: the first kept copy stays, the later ones go.  Text
 * is compared without its outer spaces and ASCII case; the kept lines are hashed and
 * sorted once (n log n).  wcxb-dev-other innerText .7230 -> .7327 (service .7758 ->
 * .7827, forum .7591 -> .7817, listing .7282 -> .7328, documentation .8920 -> .8921,
 * collection .6519 -> .6603, product .4686 -> .4833; 205 pages gain, 78 lose: an
 * entry's repeated attributes, "Remote", "Full-Time", a colour name, are in the
 * truths); wcxb-dev-article innerText .9112 -> .9115, Scrapinghub innerText .9302 ->
 * .9303, lynx .9109 -> .9110.  Short lines alone: .7269; every copy of a short line
 * said twice, the first too: .7248 (a menu's entry is also its section's heading). */
#include <stdint.h>
#include <stdlib.h>
#include "article/article.h"
#include "text/text.h"

/* An article's and a documentation page's headings and steps recur in their tables
 * of contents and their examples; they lose by it (simulated: documentation .8866 ->
 * .8814, short lines alone). */
static int repeats_told(winnow_page_type t)
{
    return t == WINNOW_PAGE_SERVICE || t == WINNOW_PAGE_FORUM || t == WINNOW_PAGE_PRODUCT ||
           t == WINNOW_PAGE_COLLECTION || t == WINNOW_PAGE_LISTING;
}

/* b's text without its outer spaces: [*a, *z). */
static void trimmed(const block *b, size_t *a, size_t *z)
{
    *a = 0, *z = b->len;
    while (*a < *z && (b->text[*a] == ' ' || b->text[*a] == '\t')) (*a)++;
    while (*z > *a && (b->text[*z - 1] == ' ' || b->text[*z - 1] == '\t')) (*z)--;
}

/* Whether x and y say the same, as line_hash() reads them (two hashes can meet). */
static int same_line(const block *x, const block *y)
{
    size_t xa, xz, ya, yz;
    trimmed(x, &xa, &xz);
    trimmed(y, &ya, &yz);
    if (xz - xa != yz - ya) return 0;
    for (size_t k = 0; k < xz - xa; k++)
        if (wn_article_lower((unsigned char)x->text[xa + k]) !=
            wn_article_lower((unsigned char)y->text[ya + k]))
            return 0;
    return 1;
}

/* The hash of a line without its outer spaces, ASCII letters folded to lower case. */
static uint32_t line_hash(const block *b)
{
    const unsigned char *s = (const unsigned char *)b->text;
    size_t a, z;
    trimmed(b, &a, &z);
    uint32_t h = 2166136261u;
    for (size_t k = a; k < z; k++) {
        h = (h ^ (uint32_t)wn_article_lower(s[k])) * 16777619u;
    }
    return h;
}

/* The reasons of the lines the page's own text keeps: the short lines of the run and
 * its prose (a forum's quoted post, a product's description shown in two tabs).  A
 * line a rule kept is the rule's. */
static int said_by_page(block_why why)
{
    return why == WHY_SHORT_INSIDE || why == WHY_PROSE || why == WHY_SHORT_SENTENCE ||
           why == WHY_PACKED_PROSE;
}

/* A kept line's hash and its place, sorted by hash and then by place. */
typedef struct {
    uint32_t hash;
    uint32_t at;
} kept_line;

static int cmp_kept(const void *a, const void *b)
{
    const kept_line *x = a, *y = b;
    if (x->hash != y->hash) return (x->hash > y->hash) - (x->hash < y->hash);
    return (x->at > y->at) - (x->at < y->at);
}

void wn_text_drop_repeated_lines(doc *d)
{
    size_t n = d->n;
    if (n < 2 || !repeats_told(d->page_type)) return;
    kept_line *k = wn_arena_alloc(&d->mem, n * sizeof *k);
    if (!k) {
        d->failed = 1;
        return;
    }
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (d->blocks[i].dec == DEC_KEEP)
            k[m++] = (kept_line){line_hash(&d->blocks[i]), (uint32_t)i};
    qsort(k, m, sizeof *k, cmp_kept);
    for (size_t j = 1, run = 0; j < m; j++) {
        if (k[j].hash != k[j - 1].hash) run = j; /* the first of the lines of this hash */
        block *b = &d->blocks[k[j].at];
        if (run == j || !said_by_page(b->why)) continue;
        /* An earlier kept line of the same hash must say the same. */
        for (size_t e = run; e < j; e++)
            if (same_line(&d->blocks[k[e].at], b)) {
                b->dec = DEC_DROP;
                b->why = WHY_REPEATED_LINE;
                break;
            }
    }
}
