/* images.c -- which of a page's images (winnow_options.images) are shown: those that
 * sit in the kept content, decided from the final block decisions, so that images
 * never change what is kept.  An image in the text of a block is shown with a kept
 * block; an image between blocks (a figure, a picture on its own line) when the
 * article goes on around it: a kept block (or the headline) before and after it, past
 * the short furniture a figure is framed by -- its dropped caption, a byline, a share
 * line a rule dropped.  An image outside the article container, in a comment, between
 * two rows of a data table, or one already shown (a carousel repeating a picture) is
 * not. */
#include "article/article.h"

#define FURNITURE_MAX 80 /* a line a rule dropped, this short, is furniture to look past */

/* Whether b counts as kept content around an image: kept, or the headline (printed as
 * the title). */
static int content(const block *b)
{
    if (b->flags & BF_COMMENT) return 0;
    return (b->dec == DEC_KEEP && b->len > 0) || b->why == WHY_HEADLINE;
}

/* Whether an image's neighbourhood looks past b: a caption left out, or a short line a
 * rule dropped (a byline, a date, "Share"). */
static int furniture(const block *b)
{
    if (content(b) || (b->flags & BF_COMMENT)) return 0;
    return b->kind == BK_CAPTION || b->why == WHY_CAPTION ||
           (b->why == WHY_RULE && b->len <= FURNITURE_MAX);
}

static int data_row(const block *b)
{
    return b->kind == BK_TABLE && (b->flags & BF_CELLS);
}

/* Whether an image standing before block `before` has content on both sides (and does
 * not stand between two rows of one data table, which a line would cut). */
static int between_content(const doc *d, size_t before)
{
    if (before > 0 && before < d->n && data_row(&d->blocks[before - 1]) &&
        data_row(&d->blocks[before]) &&
        d->blocks[before - 1].container == d->blocks[before].container)
        return 0;
    size_t a = before;
    while (a > 0 && furniture(&d->blocks[a - 1])) a--;
    if (a == 0 || !content(&d->blocks[a - 1])) return 0;
    size_t z = before;
    while (z < d->n && furniture(&d->blocks[z])) z++;
    return z < d->n && content(&d->blocks[z]) && d->blocks[z].why != WHY_HEADLINE;
}

static int shown_before(const doc *d, size_t k)
{
    const char *url = d->images[k].url;
    for (size_t j = 0; j < k; j++)
        if (d->images[j].shown && strcmp(d->images[j].url, url) == 0) return 1;
    return 0;
}

void wn_article_images(doc *d)
{
    for (size_t k = 0; k < d->n_images; k++) {
        doc_image *im = &d->images[k];
        im->shown = 0;
        if (!im->inside || d->no_content) continue;
        if (im->in_block >= 0) {
            const block *b = &d->blocks[im->in_block];
            im->shown = content(b) && b->why != WHY_HEADLINE;
        } else {
            im->shown = between_content(d, im->before);
        }
        if (im->shown && shown_before(d, k)) im->shown = 0;
    }
}
