/* textclass.c -- keep/drop decisions for blocks of rendered page text.
 *
 * The article is the dense run of prose.  Each block gets a prose score from its
 * shape (length, words, terminal punctuation); the best-scoring contiguous run of
 * blocks (maximum subarray) is the article; inside it, short lines that look like
 * subheadings or list items stay, chrome at its edges goes.  The headline is the
 * heading-shaped line just before the run. */
#include <string.h>
#include "internal.h"

typedef struct {
    size_t words;
    int terminal; /* ends like a sentence */
} shape;

static shape shape_of(const block *b)
{
    shape s = {0, 0};
    int in = 0;
    for (size_t i = 0; i < b->len; i++) {
        int sp = b->text[i] == ' ';
        if (!sp && !in) s.words++;
        in = !sp;
    }
    if (b->len) {
        const unsigned char *e = (const unsigned char *)b->text + b->len;
        unsigned char c = e[-1];
        if (c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == ')') s.terminal = 1;
        /* ” ’ … in UTF-8 */
        if (b->len >= 3 && e[-3] == 0xE2 && e[-2] == 0x80 &&
            (c == 0x9D || c == 0x99 || c == 0xA6))
            s.terminal = 1;
    }
    return s;
}

static double prose_value(const block *b, shape s)
{
    if (b->dec == DEC_DROP) return -40.0;
    if (b->dec == DEC_KEEP) return (double)b->len;
    if (s.words >= 12 && s.terminal) return (double)b->len;
    if (s.words >= 25) return (double)b->len * 0.7;
    if (s.words >= 6 && s.terminal) return (double)b->len * 0.3;
    return -25.0;
}

void textclass_classify(doc *d)
{
    size_t n = d->n;
    if (!n) return;
    double best = -1e300, run = 0;
    size_t bs = 0, be = 0, rs = 0;
    for (size_t i = 0; i < n; i++) {
        block *b = &d->blocks[i];
        shape s = shape_of(b);
        double v = prose_value(b, s);
        b->score = v;
        if (run <= 0) {
            run = v;
            rs = i;
        } else {
            run += v;
        }
        if (run > best) {
            best = run;
            bs = rs;
            be = i + 1;
        }
    }
    rules_cut(d, bs, be);
    for (size_t i = 0; i < n; i++) {
        block *b = &d->blocks[i];
        if (b->dec != DEC_NONE) continue;
        if (i < bs || i >= be) {
            b->dec = DEC_DROP;
            b->reason = "outside article";
        } else {
            b->dec = DEC_KEEP;
            b->reason = "in article";
        }
    }
    /* Headline: a heading-shaped line shortly before the article. */
    for (size_t i = bs, k = 0; i-- > 0 && k < 8; k++) {
        block *b = &d->blocks[i];
        shape s = shape_of(b);
        if (b->ract == RA_DROP || b->ract == RA_CUT_AFTER) continue;
        if (s.words >= 3 && s.words <= 25 && !(b->text[b->len - 1] == '.')) {
            d->title = b->text;
            b->kind = BK_TITLE;
            b->dec = DEC_KEEP;
            b->reason = "headline";
            break;
        }
    }
}
