/* table_columns.c -- a column of a data table that is empty in every kept row (a
 * trailing spacer cell, the gap between two tables set side by side) is taken out of
 * the rows: as Markdown it is a column without a header or a value, and in text it
 * shifts the columns `cut -f` counts.  Run on the final decisions, so the rows a
 * reader sees decide what is empty.  The rows of one table are the kept rows with one
 * container that are written one after another (what the renderers write as one
 * table).  Linear in the rows' text. */
#include <stdint.h>
#include "article/article.h"

#define MAX_COLUMNS 256 /* a wider table is left as it is */

static int written_row(const block *b)
{
    return b->kind == BK_TABLE && (b->flags & BF_CELLS) && b->dec == DEC_KEEP && b->len > 0;
}

/* The next written block after i (d->n for none). */
static size_t next_written(const doc *d, size_t i)
{
    for (i++; i < d->n; i++) {
        const block *b = &d->blocks[i];
        if (b->dec == DEC_KEEP && b->kind != BK_TITLE && b->len > 0) return i;
    }
    return d->n;
}

/* Marks in used[] the columns of b that hold text; returns b's cells, or 0 when there
 * are more than MAX_COLUMNS. */
static size_t mark_used(const block *b, unsigned char *used)
{
    size_t col = 0, start = 0;
    for (size_t i = 0; i <= b->len; i++) {
        if (i < b->len && b->text[i] != '\t') continue;
        if (col >= MAX_COLUMNS) return 0;
        if (i > start) used[col] = 1;
        col++;
        start = i + 1;
    }
    return col;
}

/* Where the kept cells start in the old and the new text, for moving ranges: a range
 * lies inside one cell (never an empty one). */
typedef struct {
    uint32_t old_start[MAX_COLUMNS], new_start[MAX_COLUMNS];
    size_t n;
} cell_moves;

static uint32_t moved(const cell_moves *m, uint32_t o)
{
    size_t k = 0;
    while (k + 1 < m->n && m->old_start[k + 1] <= o) k++;
    return o - m->old_start[k] + m->new_start[k];
}

static const uint32_t *move_ranges(doc *d, const uint32_t *r, size_t pairs,
                                   const cell_moves *m)
{
    if (!r || !pairs) return r;
    uint32_t *out = wn_arena_alloc(&d->mem, 2 * pairs * sizeof *out);
    if (!out) return NULL;
    for (size_t k = 0; k < 2 * pairs; k++) out[k] = moved(m, r[k]);
    return out;
}

/* Rewrites b without its cells in the columns not in used[] (all empty), its inline
 * code and link ranges moved along.  On allocation failure b is left as it was. */
static void drop_columns(doc *d, block *b, const unsigned char *used)
{
    cell_moves m;
    m.n = 0;
    char *text = wn_arena_alloc(&d->mem, b->len + 1);
    if (!text) return;
    size_t w = 0, col = 0, start = 0;
    for (size_t i = 0; i <= b->len; i++) {
        if (i < b->len && b->text[i] != '\t') continue;
        if (used[col]) {
            if (m.n) text[w++] = '\t';
            m.old_start[m.n] = (uint32_t)start;
            m.new_start[m.n++] = (uint32_t)w;
            memcpy(text + w, b->text + start, i - start);
            w += i - start;
        }
        col++;
        start = i + 1;
    }
    text[w] = '\0';
    const uint32_t *code = m.n ? move_ranges(d, b->code, b->n_code, &m) : b->code;
    const uint32_t *links = m.n ? move_ranges(d, b->links, b->n_links, &m) : b->links;
    if ((b->code && !code) || (b->links && !links)) return;
    b->text = text;
    b->len = w;
    b->code = code;
    b->links = links;
}

/* The table whose first written row is blocks[first]: its columns empty in every row
 * go.  Returns the index of the block written after the table. */
static size_t trim_table(doc *d, size_t first)
{
    unsigned char used[MAX_COLUMNS] = {0};
    size_t width = 0, end = first;
    int too_wide = 0;
    int container = d->blocks[first].container;
    for (size_t i = first; i < d->n && written_row(&d->blocks[i]) &&
                           d->blocks[i].container == container;
         i = next_written(d, i)) {
        size_t c = mark_used(&d->blocks[i], used);
        if (!c) too_wide = 1;
        if (c > width) width = c;
        end = i;
    }
    size_t after = next_written(d, end);
    if (too_wide) return after;
    int any = 0;
    for (size_t c = 0; c < width && !any; c++) any = !used[c];
    if (!any) return after;
    for (size_t i = first; i <= end; i++)
        if (written_row(&d->blocks[i])) drop_columns(d, &d->blocks[i], used);
    return after;
}

void wn_article_table_columns(doc *d)
{
    size_t i = 0;
    while (i < d->n)
        i = written_row(&d->blocks[i]) ? trim_table(d, i) : i + 1;
}
