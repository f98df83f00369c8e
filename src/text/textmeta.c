/* textmeta.c -- what rendered text shows about itself: the byline and the date line
 * around the headline ("By Ann Lee", "May 3, 2025"), read as the HTML path reads
 * them (meta/author.c, meta/date.c).  Rendered text declares nothing else. */
#include <string.h>
#include "meta/meta.h"
#include "text/text_shape.h"

#define BEFORE 4 /* lines looked at above the headline (or the article's first line) */
#define AFTER 6  /* ... and below it */
#define DATE_LINE_MAX 120 /* bytes: a longer line is a sentence that names a date */

/* A longer line that opens with a date's label and the date ("Posted on December 20,
 * 2025 by Ann Lee - 5 Comments on ..."): the date line of a blog's template. */
static const char *labelled_date(const block *b, const char *not_after, arena *a)
{
    static const char *const labels[] = {"Posted on ", "Published on ", "Published ", NULL};
    for (const char *const *l = labels; *l; l++) {
        size_t n = strlen(*l);
        if (b->len <= n || strncmp(b->text, *l, n) != 0) continue;
        const char *at, *date = wn_meta_next_date(b->text + n, &at, not_after, a);
        return date && at == b->text + n ? date : NULL;
    }
    return NULL;
}

void wn_textmeta_find(doc *d, const tshape *shapes, size_t bs)
{
    size_t at = bs; /* the headline, else where the article starts */
    for (size_t i = 0; i < d->n; i++)
        if (d->blocks[i].kind == BK_TITLE) {
            at = i;
            break;
        }
    if (at >= d->n) return;
    size_t from = at > BEFORE ? at - BEFORE : 0, to = at + AFTER < d->n ? at + AFTER : d->n;
    const char *fetched = wn_meta_iso_date(d->fetch_date, NULL, &d->mem);
    for (size_t i = from; i < to; i++) {
        const block *b = &d->blocks[i];
        if (i == at) continue;
        if (!d->meta.date && (wn_textfeat_is_dateline(b, &shapes[i]) || b->len <= DATE_LINE_MAX))
            d->meta.date = wn_meta_iso_date(b->text, fetched, &d->mem);
        if (!d->meta.date) d->meta.date = labelled_date(b, fetched, &d->mem);
        if (!d->meta.author && wn_textfeat_is_byline(b, &shapes[i]))
            d->meta.author = wn_meta_author(b->text, 1, &d->mem);
    }
    d->meta.src.date = "date line by the headline";
    d->meta.src.author = "byline by the headline";
    /* No date by the headline (the headline found may be a section's): the first short
     * line of the page that holds one.  Above the story and in its first lines the
     * page's own date stands more often than anything else's (measured on
     * text-innertext/: the dateline shape alone finds fewer). */
    if (!d->meta.date) d->meta.src.date = "first short line with a date";
    for (size_t i = 0; i < d->n && !d->meta.date; i++)
        if (d->blocks[i].len <= DATE_LINE_MAX)
            d->meta.date = wn_meta_iso_date(d->blocks[i].text, fetched, &d->mem);
}
