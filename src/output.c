/* output.c -- renders the kept blocks as plain text: the headline, a blank line, then
 * paragraphs separated by blank lines; consecutive list items and table rows stay on
 * adjacent lines.  The output always ends with one newline (none when empty). */
#include "internal.h"

static int tight(block_kind a, block_kind b)
{
    return (a == BK_ITEM && b == BK_ITEM) || (a == BK_TABLE && b == BK_TABLE);
}

int output_render_text(const doc *d, int no_title, buf *out)
{
    int have_prev = 0;
    block_kind prev = BK_PARA;
    if (!no_title && d->title && d->title[0]) {
        buf_puts(out, d->title);
        buf_putc(out, '\n');
        have_prev = 1;
        prev = BK_TITLE;
    }
    for (size_t i = 0; i < d->n; i++) {
        const block *b = &d->blocks[i];
        if (b->dec != DEC_KEEP || b->kind == BK_TITLE || b->len == 0) continue;
        if (have_prev) buf_puts(out, tight(prev, b->kind) ? "" : "\n");
        buf_append(out, b->text, b->len);
        buf_putc(out, '\n');
        have_prev = 1;
        prev = b->kind;
    }
    return out->failed ? -1 : 0;
}
