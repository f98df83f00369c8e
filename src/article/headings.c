/* headings.c -- a heading heads a section: on a page read as a story, one whose
 * section kept nothing -- the next kept block is a heading of a higher rank, or there
 * is none -- names what the page left out (a "Related posts" box whose links went, a
 * widget's "Tools", "Disclaimer" over a dropped notice, a table of contents drawn with
 * heading markup) and goes too (WHY_BARE_HEADING).  A heading whose only subsections
 * were bare is bare as well.  What stays:
 * - a heading followed by one of its own rank: two in a row are as often one set in
 *   two (a testimonial's name over the role) as a section emptied;
 * - a run of three or more bare headings in a row: a list of titles drawn as headings
 *   (a gallery's, a listing's), unless half of them repeat headings kept elsewhere (a
 *   table of contents over the sections it names);
 * - every heading of a page that keeps little else (a post of pictures under headings);
 * - pages read whole (services, products, listings ...), whose page builders set
 *   sentences and whole offers in heading markup;
 * - a post's author in heading markup (BF_NAME, a line, not a section) and reader
 *   comments' blocks (comments.c).
 * wcxb-dev-article heading F1 (bench/structure.sh) .865 -> .868; word and shingle F1
 * no lower anywhere (scrapinghub +.0001, wcxb-dev-article +.0002).  Runs on the final
 * decisions, before the images and the no-content verdict read them.  Linear but for
 * the repeats, hashed (in the doc's arena). */
#include "article/article.h"

#define TITLE_RUN 3       /* bare headings in a row from which they are a list of titles */
#define BODY_BYTES 200    /* kept text outside headings below which headings are the page */

/* Whether b is a section heading this pass may judge. */
static int section_heading(const block *b)
{
    return b->kind == BK_HEADING && b->dec == DEC_KEEP && b->len > 0 &&
           !(b->flags & (BF_NAME | BF_COMMENT));
}

/* A heading's text hashed, never 0 (0 marks an empty slot). */
static uint32_t text_hash(const block *b)
{
    return wn_hash_bytes(b->text, b->len) | 1;
}

/* Marks bare[i] for each kept heading whose section kept nothing -- the next kept
 * block not bare is a heading of a higher rank (a lower level), or none -- from the end,
 * so a heading over bare subsections only is bare; returns how many. */
static size_t find_bare(const doc *d, unsigned char *bare)
{
    const block *next = NULL; /* the next kept block not found bare, or NULL */
    size_t n = 0;
    for (size_t i = d->n; i-- > 0;) {
        const block *b = &d->blocks[i];
        if (b->dec != DEC_KEEP || b->len == 0) continue;
        if (section_heading(b) && (!next || (next->kind == BK_HEADING && next->level < b->level))) {
            bare[i] = 1;
            n++;
            continue;
        }
        next = b;
    }
    return n;
}

/* Whether half or more of the bare headings of the run [from, to) repeat the text of
 * a kept heading that is not bare (seen: hashes of those, open addressing over cap
 * slots): a table of contents, under its own heading, over the sections it names. */
static int run_repeats(const doc *d, const unsigned char *bare, size_t from, size_t to,
                       const uint32_t *seen, size_t cap)
{
    size_t count = 0, repeats = 0;
    for (size_t i = from; i < to; i++) {
        if (!bare[i]) continue;
        uint32_t h = text_hash(&d->blocks[i]);
        size_t j = h & (cap - 1);
        while (seen[j] && seen[j] != h) j = (j + 1) & (cap - 1);
        count++;
        repeats += seen[j] != 0;
    }
    return repeats * 2 >= count;
}

/* Hashes of the kept headings that are not bare, in the doc's arena; NULL when out of
 * memory. */
static uint32_t *kept_headings(doc *d, const unsigned char *bare, size_t *cap)
{
    *cap = 64;
    while (*cap < d->n * 2) *cap *= 2;
    uint32_t *seen = wn_arena_alloc(&d->mem, *cap * sizeof *seen);
    if (!seen) return NULL;
    memset(seen, 0, *cap * sizeof *seen);
    for (size_t i = 0; i < d->n; i++) {
        if (!section_heading(&d->blocks[i]) || bare[i]) continue;
        uint32_t h = text_hash(&d->blocks[i]);
        size_t j = h & (*cap - 1);
        while (seen[j] && seen[j] != h) j = (j + 1) & (*cap - 1);
        seen[j] = h;
    }
    return seen;
}

/* Kept bytes outside headings, counted up to cap. */
static size_t body_bytes(const doc *d, size_t cap)
{
    size_t bytes = 0;
    for (size_t i = 0; i < d->n && bytes < cap; i++) {
        const block *b = &d->blocks[i];
        if (b->dec == DEC_KEEP && b->kind != BK_HEADING && b->kind != BK_TITLE) bytes += b->len;
    }
    return bytes;
}

void wn_article_bare_headings(doc *d)
{
    if (!d->n || wn_article_reading(d, 0).whole_page || body_bytes(d, BODY_BYTES) < BODY_BYTES)
        return;
    unsigned char *bare = wn_arena_alloc(&d->mem, d->n);
    if (!bare) {
        d->failed = 1;
        return;
    }
    memset(bare, 0, d->n);
    if (!find_bare(d, bare)) return;
    size_t cap = 0;
    const uint32_t *seen = kept_headings(d, bare, &cap);
    if (!seen) {
        d->failed = 1;
        return;
    }
    for (size_t i = 0; i < d->n;) {
        if (!bare[i]) {
            i++;
            continue;
        }
        /* The run: bare headings with only dropped blocks between them. */
        size_t j = i, count = 0, end = i;
        for (; j < d->n && (bare[j] || d->blocks[j].dec != DEC_KEEP); j++)
            if (bare[j]) {
                count++;
                end = j + 1;
            }
        if (count < TITLE_RUN || run_repeats(d, bare, i, end, seen, cap))
            for (size_t k = i; k < end; k++) {
                if (!bare[k]) continue;
                d->blocks[k].dec = DEC_DROP;
                d->blocks[k].why = WHY_BARE_HEADING;
            }
        i = end;
    }
}
