/* html_classify.c -- the second look, block by block, inside the chosen article: a block
 * that is mostly link text is navigation; the text rules (shared with the text path)
 * drop credits, teasers and notices and may cut the tail (comments, related); the
 * headline repeated at the top is dropped because it is printed as the title.  What
 * is left is kept. */
#include <stdlib.h>
#include <string.h>
#include "html_dom.h"

#define LINK_DROP 0.5  /* share of link text above which a block is navigation */

/* How much a block looks like article prose: long, sentence-shaped, few links. */
static double prose_value(const block *b)
{
    double ld = b->len ? (double)b->link_len / b->len : 0;
    if (b->dec == DEC_DROP) return -0.2;
    if (b->kind == BK_HEADING) return 0;
    char last = b->text[b->len - 1];
    int sentence = last == '.' || last == '!' || last == '?' || last == '"' || last == ':' ||
                   (unsigned char)last >= 0x80;
    if (b->len >= 100 && ld < 0.3) return b->len >= 500 ? 5 : b->len / 100.0;
    if (b->len >= 20 && ld < 0.3 && sentence) return 0.5;
    /* Rows, items and quotes are article furniture as often as boilerplate: neutral. */
    if (b->kind == BK_TABLE || b->kind == BK_QUOTE) return 0;
    if (b->kind == BK_ITEM) return b->len >= 80 && ld < 0.3 ? 0.3 : -0.02 - ld / 4;
    return -0.3 - ld;
}

/* Keeps the best-scoring contiguous run of article blocks (max-subarray): teaser lists
 * above the story and comment or related stubs below it fall outside the run. */
static void main_run(doc *d, size_t from)
{
    double cur = 0, best = -1;
    size_t start = from, bs = from, be = from;
    int any = 0;
    for (size_t i = from; i < d->n; i++) {
        block *b = &d->blocks[i];
        if (b->reason && b->dec == DEC_DROP && b->reason == hblocks_outside) continue;
        if (!any || cur < 0) {
            cur = 0;
            start = i;
        }
        any = 1;
        cur += prose_value(b);
        if (cur > best) {
            best = cur;
            bs = start;
            be = i;
        }
    }
    if (!any || best <= 0) return;
    for (size_t i = from; i < d->n; i++) {
        block *b = &d->blocks[i];
        if (b->dec == DEC_DROP || (i >= bs && i <= be)) continue;
        b->dec = DEC_DROP;
        b->reason = i < bs ? "before main run" : "after main run";
    }
}

/* Drops kept blocks whose text already appeared (hidden duplicates of the article,
 * repeated captions).  Open addressing over FNV-1a hashes; short blocks exempt. */
static void drop_repeats(const hdom *h, doc *d)
{
    size_t cap = 64;
    while (cap < d->n * 2) cap *= 2;
    size_t *slot = calloc(cap, sizeof *slot); /* block index + 1 */
    if (!slot) return;
    for (size_t i = 0; i < d->n; i++) {
        block *b = &d->blocks[i];
        if (b->dec != DEC_KEEP || b->len < 40) continue;
        uint64_t hv = 1469598103934665603ULL;
        for (size_t k = 0; k < b->len; k++) hv = (hv ^ (unsigned char)b->text[k]) * 1099511628211ULL;
        for (size_t j = hv & (cap - 1);; j = (j + 1) & (cap - 1)) {
            if (!slot[j]) {
                slot[j] = i + 1;
                break;
            }
            const block *o = &d->blocks[slot[j] - 1];
            /* Repeats among siblings are the article's own (a recipe's "1 tsp."). */
            if (o->len == b->len && memcmp(o->text, b->text, b->len) == 0 &&
                h->parent[o->group] != h->parent[b->group]) {
                b->dec = DEC_DROP;
                b->reason = "repeated";
                break;
            }
        }
    }
    free(slot);
}

static int same_text(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

void hclass_decide(hdom *h, rule_matcher *m, doc *d)
{
    size_t first = d->n;
    for (size_t i = 0; i < d->n; i++) {
        block *b = &d->blocks[i];
        if (b->dec != DEC_NONE) continue;
        if (first == d->n) first = i;
        double ld = b->len ? (double)b->link_len / b->len : 0;
        if (ld > LINK_DROP && b->kind != BK_PRE) {
            b->dec = DEC_DROP;
            b->reason = "link-heavy";
            b->score = ld;
        }
    }
    rules_apply_doc(m, d);
    int seen_heading = 0;
    for (size_t i = first; i < d->n; i++) {
        block *b = &d->blocks[i];
        if (b->dec != DEC_NONE) continue;
        if (!seen_heading && b->kind == BK_HEADING && same_text(b->text, d->title)) {
            b->dec = DEC_DROP;
            b->reason = "headline";
            seen_heading = 1;
            continue;
        }
        b->dec = DEC_KEEP;
        b->reason = "article";
    }
    main_run(d, first);
    drop_repeats(h, d);
    rules_cut(d, first, d->n);
}
