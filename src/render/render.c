/* output.c -- renders the kept blocks of a doc, the last stage of the pipeline.
 * Text: the headline, a blank line, then paragraphs separated by blank lines;
 * consecutive list items and table rows stay on adjacent lines.
 * Markdown: the same layout with "# " for the headline, "## " for headings, "- " for
 * items, "> " for quotes and fences around preformatted text.
 * Either output ends with one newline (none when empty). */
#include <string.h>
#include "render/render.h"

static int tight(block_kind a, block_kind b)
{
    return (a == BK_ITEM && b == BK_ITEM) || (a == BK_TABLE && b == BK_TABLE);
}

/* Calls emit for the headline and every kept block and puts the blank lines between
 * them; the two renderers differ only in emit (title is set for the headline). */
typedef void (*emit_fn)(buf *out, const block *b, const char *title);

static int render(const doc *d, int no_title, buf *out, emit_fn emit)
{
    int have_prev = 0;
    block_kind prev = BK_PARA;
    if (!no_title && d->title && d->title[0]) {
        emit(out, NULL, d->title);
        have_prev = 1;
        prev = BK_TITLE;
    }
    for (size_t i = 0; i < d->n; i++) {
        const block *b = &d->blocks[i];
        if (b->dec != DEC_KEEP || b->kind == BK_TITLE || b->len == 0) continue;
        if (have_prev && !tight(prev, b->kind)) wn_buf_putc(out, '\n');
        emit(out, b, NULL);
        have_prev = 1;
        prev = b->kind;
    }
    return out->failed ? -1 : 0;
}

static void emit_text(buf *out, const block *b, const char *title)
{
    if (title) wn_buf_puts(out, title);
    else wn_buf_append(out, b->text, b->len);
    wn_buf_putc(out, '\n');
}

int wn_output_render_text(const doc *d, int no_title, buf *out)
{
    return render(d, no_title, out, emit_text);
}

/* Writes s[0..len) with prefix before every line (a quote's "> " on each line). */
static void put_lines(buf *out, const char *prefix, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - s) : len;
        wn_buf_puts(out, prefix);
        wn_buf_append(out, s + i, end - i);
        wn_buf_putc(out, '\n');
        i = end + 1;
    }
}

/* A paragraph that starts like Markdown block syntax ("# ", "- ", "> ", "1. ") would
 * change meaning; a backslash before the marker keeps it a paragraph.  Returns where
 * the backslash goes, or -1 for none. */
static long escape_at(const char *s, size_t len)
{
    if (!len) return -1;
    if (strchr("#>-+*=|`~", s[0])) return 0;
    size_t i = 0;
    while (i < len && i < 9 && s[i] >= '0' && s[i] <= '9') i++;
    /* A backslash before a digit is literal in CommonMark: escape the '.' or ')'. */
    return i > 0 && i + 1 < len && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ' ? (long)i : -1;
}

/* A fence longer than any backtick run inside the block, so the block cannot close it. */
static void put_fence(buf *out, const char *s, size_t len)
{
    size_t longest = 0, run = 0;
    for (size_t i = 0; i < len; i++) {
        run = s[i] == '`' ? run + 1 : 0;
        if (run > longest) longest = run;
    }
    size_t n = longest < 3 ? 3 : longest + 1;
    for (size_t i = 0; i < n && !out->failed; i++) wn_buf_putc(out, '`');
    wn_buf_putc(out, '\n');
}

static void emit_markdown(buf *out, const block *b, const char *title)
{
    if (title) {
        put_lines(out, "# ", title, strlen(title));
        return;
    }
    static const char *hashes[] = {"## ", "### ", "#### ", "##### ", "###### "};
    static const char spaces[] = "                ";
    switch (b->kind) {
    case BK_HEADING:
        put_lines(out, hashes[b->level <= 2 ? 0 : b->level >= 6 ? 4 : b->level - 2], b->text,
                  b->len);
        break;
    case BK_ITEM: {
        int depth = b->level > 0 ? b->level - 1 : 0;
        if (depth > 7) depth = 7;
        wn_buf_append(out, spaces, (size_t)depth * 2);
        wn_buf_puts(out, "- ");
        wn_buf_append(out, b->text, b->len);
        wn_buf_putc(out, '\n');
        break;
    }
    case BK_QUOTE:
        put_lines(out, "> ", b->text, b->len);
        break;
    case BK_PRE:
        put_fence(out, b->text, b->len);
        wn_buf_append(out, b->text, b->len);
        if (b->text[b->len - 1] != '\n') wn_buf_putc(out, '\n');
        put_fence(out, b->text, b->len);
        break;
    default: {
        long at = escape_at(b->text, b->len);
        if (at >= 0) {
            wn_buf_append(out, b->text, (size_t)at);
            wn_buf_putc(out, '\\');
        }
        wn_buf_append(out, b->text + (at > 0 ? at : 0), b->len - (size_t)(at > 0 ? at : 0));
        wn_buf_putc(out, '\n');
        break;
    }
    }
}

int wn_output_render_markdown(const doc *d, int no_title, buf *out)
{
    return render(d, no_title, out, emit_markdown);
}
