/* texttitle.c -- finds the headline of rendered page text.
 *
 * In innerText the headline is the heading-shaped line shortly before the article
 * body, after breadcrumbs and category labels; a standfirst, byline or date may sit
 * between.  In lynx dumps headings are also less indented than the body. */
#include "text.h"

#define TITLE_WINDOW 12 /* blocks looked at before the article */

/* 0 = not a headline, higher = better. */
static int title_rank(const block *b, const tshape *s)
{
    if (b->dec == DEC_DROP && b->ract != RA_NONE) return 0; /* rule-dropped chrome */
    if (b->kind == BK_TABLE || b->kind == BK_ITEM || b->len == 0) return 0;
    if (s->chars > 250 || s->colon) return 0;
    if (s->terminal && b->text[b->len - 1] == '.') return 0;
    if (textfeat_is_dateline(b, s) || textfeat_is_byline(b, s)) return 0;
    if (s->seps > 0 && s->words <= 8) return 0; /* breadcrumbs, "Home › News" */
    if (s->ew >= 3 && s->ew <= 40) return 2;
    if (s->ew >= 2) return 1;
    return 0;
}

void texttitle_find(doc *d, const tshape *shapes, size_t bs, size_t be)
{
    if (bs >= d->n || be <= bs) return;
    int body_indent = d->blocks[bs].level;
    size_t best = (size_t)-1;
    int best_rank = 0;
    for (size_t i = bs, k = 0; i-- > 0 && k < TITLE_WINDOW; k++) {
        int r = title_rank(&d->blocks[i], &shapes[i]);
        if (!r) continue;
        /* lynx: a heading is printed left of the indented body. */
        if (body_indent > 0 && d->blocks[i].level < body_indent) r += 2;
        if (r > best_rank) {
            best_rank = r;
            best = i;
        }
        if (best_rank >= 2 && body_indent == 0) break;
    }
    if (best == (size_t)-1) return;
    block *b = &d->blocks[best];
    d->title = b->text;
    b->kind = BK_TITLE;
    b->dec = DEC_KEEP;
    b->reason = "headline";
}
