/* html_groups.c -- decisions on a list as a whole, after the block-by-block ones
 * (html_classify.c): a list that a kept sentence introduces ("Many patches were sent
 * for review:") and that the article goes on after is part of the article, even when
 * every item is a link (sources, changelogs, reading lists) -- the items it dropped as
 * link-heavy or as outside the main run are kept.  A navigation list has no such
 * sentence before it. */
#include "html/html_dom.h"

/* The nearest block from i in direction step that the scorer put inside the article,
 * or NULL. */
static const block *article_neighbour(const doc *d, size_t i, int step)
{
    for (size_t k = i; k < d->n; k += (size_t)step) {
        const block *b = &d->blocks[k];
        if (!(b->dec == DEC_DROP && b->why == WHY_OUTSIDE_ARTICLE)) return b;
        if (k == 0 && step < 0) break;
    }
    return NULL;
}

static int introduces(const block *b)
{
    return b && b->dec == DEC_KEEP && b->kind == BK_PARA && b->len && b->text[b->len - 1] == ':';
}

static int rescuable(const block *b)
{
    return b->dec == DEC_DROP && (b->why == WHY_LINK_HEAVY || b->why == WHY_AFTER_MAIN_RUN ||
                                  b->why == WHY_BEFORE_MAIN_RUN);
}

void wn_hgroups_decide(doc *d)
{
    size_t i = 0;
    while (i < d->n) {
        if (d->blocks[i].kind != BK_ITEM || (d->blocks[i].dec == DEC_DROP &&
                                             d->blocks[i].why == WHY_OUTSIDE_ARTICLE)) {
            i++;
            continue;
        }
        size_t end = i;
        int lost = 0;
        while (end < d->n && d->blocks[end].kind == BK_ITEM &&
               !(d->blocks[end].dec == DEC_DROP && d->blocks[end].why == WHY_OUTSIDE_ARTICLE))
            lost |= rescuable(&d->blocks[end++]);
        const block *before = i ? article_neighbour(d, i - 1, -1) : NULL;
        const block *after = article_neighbour(d, end, 1);
        if (lost && introduces(before) && after && after->dec == DEC_KEEP)
            for (size_t k = i; k < end; k++)
                if (rescuable(&d->blocks[k])) {
                    d->blocks[k].dec = DEC_KEEP;
                    d->blocks[k].why = WHY_ARTICLE;
                }
        i = end;
    }
}
