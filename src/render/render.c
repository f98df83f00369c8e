/* render.c -- renders the kept blocks of a doc, the last stage of the pipeline.
 * Text: the headline, a blank line, then paragraphs separated by blank lines;
 * consecutive list items and table rows stay on adjacent lines, a data table's cells
 * separated by a tab (so `cut -f2` takes a column).
 * Markdown: "# " for the headline, "## " to "###### " for headings, "- " and "N. "
 * items nested by indent (a later paragraph, heading or code block of an item indented
 * under it), "> " for
 * quotes, one fence per code block with its language, GitHub tables (the first row
 * kept of a table is its header; a colspan became empty cells in html/), inline code
 * in backticks, "\" line breaks.
 * Either output ends with one newline (none when empty). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "render/render.h"

static int is_row(const block *b)
{
    return b->kind == BK_TABLE && (b->flags & BF_CELLS);
}

static int tight(const block *a, const block *b)
{
    if (a->kind == BK_ITEM && b->kind == BK_ITEM) return !(b->flags & (BF_CONTINUES | BF_TERMS));
    if (a->kind == BK_TABLE && b->kind == BK_TABLE)
        return is_row(a) == is_row(b) && a->container == b->container;
    return 0;
}

/* Whether a block of the body is written out. */
static int written(const block *b)
{
    return b->dec == DEC_KEEP && b->kind != BK_TITLE && b->len > 0;
}

/* Calls emit for the headline and every kept block and puts the blank lines between
 * them; the renderers differ only in emit (title is set for the headline, prev is the
 * block emitted before b or NULL) and in image (an image shown, a paragraph of its
 * own, or in_flow a line among the lines around it -- in an item, under its text;
 * returns whether the lines go on after it). */
typedef void (*emit_fn)(buf *out, const block *b, const block *prev, const char *title,
                        void *state);
typedef int (*image_fn)(buf *out, const doc_image *im, int in_flow, void *state);

static int render(const doc *d, int no_title, buf *out, emit_fn emit, image_fn image,
                  void *state)
{
    const block *prev = NULL;
    int have_prev = 0;
    if (!no_title && d->title && d->title[0]) {
        emit(out, NULL, NULL, d->title, state);
        have_prev = 1;
    }
    size_t k = 0;  /* the next image: images stand in block order (doc_image.before) */
    size_t nk = 0; /* the first kept block at or after i */
    for (size_t i = 0; i <= d->n; i++) {
        for (; k < d->n_images && d->images[k].before <= i; k++) {
            const doc_image *im = &d->images[k];
            if (!im->shown) continue;
            if (nk < i) nk = i;
            while (nk < d->n && !written(&d->blocks[nk])) nk++;
            const block *next = nk < d->n ? &d->blocks[nk] : NULL;
            int in_item = im->in_block >= 0 && prev == &d->blocks[im->in_block] &&
                          prev->kind == BK_ITEM;
            /* Between lines that stay together (list items, a layout table's rows) it
             * stays with them: the list remains one list, and without the image line
             * the output is the same.  (None stands inside a data table: images.c.) */
            int flow = in_item || (prev && next && tight(prev, next));
            if (have_prev && !flow) wn_buf_putc(out, '\n');
            if (!image(out, im, flow, state)) prev = NULL;
            have_prev = 1;
        }
        if (i == d->n) break;
        const block *b = &d->blocks[i];
        if (!written(b)) continue;
        if (have_prev && !(prev && tight(prev, b))) wn_buf_putc(out, '\n');
        emit(out, b, prev, NULL, state);
        have_prev = 1;
        prev = b;
    }
    return out->failed ? -1 : 0;
}

/* Text: "[image: ALT] URL" ("[image] URL" without alt text); the URL, which holds no
 * space, is the line's last field. */
static int image_text(buf *out, const doc_image *im, int in_flow, void *state)
{
    (void)state;
    wn_buf_puts(out, "[image");
    if (im->alt) {
        wn_buf_puts(out, ": ");
        wn_buf_puts(out, im->alt);
    }
    wn_buf_puts(out, "] ");
    wn_buf_puts(out, im->url);
    wn_buf_putc(out, '\n');
    return in_flow;
}

static void emit_text(buf *out, const block *b, const block *prev, const char *title,
                      void *state)
{
    (void)prev;
    (void)state;
    if (title) {
        wn_buf_puts(out, title);
    } else {
        /* A number rendered text showed ("3. Results") is the page's words; an <ol>'s
         * numbers are its markup's, which plain text leaves out. */
        if (b->marker) {
            wn_buf_puts(out, b->marker);
            wn_buf_putc(out, ' ');
        }
        wn_buf_append(out, b->text, b->len);
    }
    wn_buf_putc(out, '\n');
}

int wn_output_render_text(const doc *d, int no_title, buf *out)
{
    return render(d, no_title, out, emit_text, image_text, NULL);
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

static void put_repeated(buf *out, char c, size_t n)
{
    for (size_t i = 0; i < n && !out->failed; i++) wn_buf_putc(out, c);
}

static void put_spaces(buf *out, size_t n)
{
    put_repeated(out, ' ', n);
}

/* The longest run of character c in s[0..len). */
static size_t longest_run(const char *s, size_t len, char c)
{
    size_t longest = 0, run = 0;
    for (size_t i = 0; i < len; i++) {
        run = s[i] == c ? run + 1 : 0;
        if (run > longest) longest = run;
    }
    return longest;
}

static size_t longest_ticks(const char *s, size_t len)
{
    return longest_run(s, len, '`');
}

static void put_ticks(buf *out, size_t n)
{
    put_repeated(out, '`', n);
}

/* Closes the link open at offset i of a block's text, if it ends there. */
static void close_link(buf *out, const block *b, size_t *l, int *in_link, size_t i)
{
    if (!*in_link || b->links[2 * *l + 1] != i) return;
    wn_buf_puts(out, "](");
    wn_buf_puts(out, b->urls[*l]);
    wn_buf_putc(out, ')');
    *in_link = 0;
    (*l)++;
}

/* Writes s[from, to) of a block's text (b: the block, or NULL for plain text) with its
 * inline code (b's [start, end) ranges of offsets into s) in backticks, more of them
 * than any run inside, and its links as [text](URL) (brackets in the text escaped); a
 * backslash goes before offset esc (none: SIZE_MAX) and before a '(' right after a
 * ']' of the text; with pipes, '|' is escaped (table cells). */
static void put_inline(buf *out, const char *s, size_t from, size_t to, const block *b,
                       size_t esc, int pipes)
{
    const uint32_t *code = b ? b->code : NULL;
    size_t n = b ? b->n_code : 0, nl = b ? b->n_links : 0;
    size_t k = 0, l = 0;
    int in_link = 0;
    while (k < n && code[2 * k] < from) k++;
    while (l < nl && b->links[2 * l] < from) l++;
    for (size_t i = from; i < to; i++) {
        close_link(out, b, &l, &in_link, i);
        if (!in_link && l < nl && b->links[2 * l] == i && b->links[2 * l + 1] <= to) {
            wn_buf_putc(out, '[');
            in_link = 1;
        }
        if (k < n && code[2 * k] == i && code[2 * k + 1] <= to) {
            size_t e = code[2 * k + 1], ticks = longest_ticks(s + i, e - i) + 1;
            /* A span that starts or ends with a backtick needs a space inside. */
            int pad = s[i] == '`' || s[e - 1] == '`';
            put_ticks(out, ticks);
            if (pad) wn_buf_putc(out, ' ');
            for (; i < e; i++) {
                if (pipes && s[i] == '|') wn_buf_putc(out, '\\');
                wn_buf_putc(out, s[i]);
            }
            if (pad) wn_buf_putc(out, ' ');
            put_ticks(out, ticks);
            i--;
            k++;
            continue;
        }
        /* A page's own "[ref](note)" is text: a backslash before the '(' keeps a
         * Markdown reader from taking it for a link. */
        int paren = s[i] == '(' && i > from && s[i - 1] == ']' && !in_link;
        if (i == esc || paren || (pipes && s[i] == '|') ||
            (in_link && (s[i] == '[' || s[i] == ']')))
            wn_buf_putc(out, '\\');
        wn_buf_putc(out, s[i]);
    }
    close_link(out, b, &l, &in_link, to);
}

/* Writes the lines of s[from..len) (split at the <br> breaks), each after indent spaces
 * and prefix; the first line's after first instead when first is not NULL (a list
 * marker).  Every line is escaped as a paragraph's start, and all but the last end in
 * a "\" hard line break; b (or NULL) holds the inline code and links (see put_inline). */
static void put_lines_from(buf *out, size_t indent, const char *prefix, const char *first,
                           const char *s, size_t from, size_t len, const block *b)
{
    size_t i = from;
    while (i < len) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - s) : len;
        if (i == from && first) {
            wn_buf_puts(out, first);
        } else {
            put_spaces(out, indent);
            wn_buf_puts(out, prefix);
        }
        long at = escape_at(s + i, end - i);
        put_inline(out, s, i, end, b, at >= 0 ? i + (size_t)at : SIZE_MAX, 0);
        if (nl && end + 1 < len) wn_buf_putc(out, '\\');
        wn_buf_putc(out, '\n');
        i = end + 1;
    }
}

static void put_lines(buf *out, size_t indent, const char *prefix, const char *first,
                      const char *s, size_t len, const block *b)
{
    put_lines_from(out, indent, prefix, first, s, 0, len, b);
}

/* Lists a page types instead of marking up: a line of a paragraph that starts with a
 * bullet glyph, or one of two or more lines starting with a dash (a hyphen or asterisk
 * also in the paragraph beside it), or a line numbered N next to one numbered N-1 or
 * N+1 (in the same paragraph or the paragraph beside it)
 * shows a list item, and Markdown writes it as one.  Text output keeps the line as it
 * is; a lone "- " or "3. " line stays an escaped paragraph. */
typedef enum { MK_NONE, MK_GLYPH, MK_HYPHEN, MK_DASH, MK_NUMBER } mark_kind;

typedef struct {
    mark_kind kind;
    int number; /* MK_NUMBER */
    size_t skip; /* bytes of the marker and the spaces after it */
} line_mark;

static line_mark mark_of(const char *s, size_t len)
{
    /* Round, square and pointing bullets and check marks, in UTF-8. */
    static const char *const glyphs[] = {
        "\xE2\x80\xA2", "\xE2\x97\x8F", "\xE2\x96\xAA", "\xE2\x96\xA0", "\xE2\x97\xA6",
        "\xE2\x80\xA3", "\xE2\x88\x99", "\xE2\x96\xBA", "\xE2\x96\xB8", "\xE2\x9E\xA4",
        "\xE2\x9C\x93", "\xE2\x9C\x94", NULL};
    /* Hyphen and asterisk (MK_HYPHEN), en and em dash: a list only when lines repeat
     * them. */
    static const char *const dashes[] = {"-", "*", "\xE2\x80\x93", "\xE2\x80\x94", NULL};
    line_mark m = {MK_NONE, 0, 0};
    size_t at = 0;
    for (int g = 0; glyphs[g] && !at; g++)
        if (len > strlen(glyphs[g]) && memcmp(s, glyphs[g], strlen(glyphs[g])) == 0) {
            at = strlen(glyphs[g]);
            m.kind = MK_GLYPH;
        }
    for (int g = 0; dashes[g] && !at; g++)
        if (len > strlen(dashes[g]) + 1 && memcmp(s, dashes[g], strlen(dashes[g])) == 0 &&
            s[strlen(dashes[g])] == ' ') {
            at = strlen(dashes[g]);
            m.kind = g < 2 ? MK_HYPHEN : MK_DASH;
        }
    if (!at) {
        size_t i = 0;
        int n = 0;
        while (i < len && i < 3 && s[i] >= '0' && s[i] <= '9') n = n * 10 + (s[i++] - '0');
        if (i > 0 && i + 1 < len && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ') {
            at = i + 1;
            m.kind = MK_NUMBER;
            m.number = n;
        }
    }
    while (at < len && s[at] == ' ') at++;
    if (at >= len) m.kind = MK_NONE; /* a marker alone marks nothing */
    m.skip = at;
    return m;
}

static size_t line_end(const char *s, size_t len, size_t from)
{
    const char *nl = from < len ? memchr(s + from, '\n', len - from) : NULL;
    return nl ? (size_t)(nl - s) : len;
}

/* A neighbouring paragraph's line as seen from another paragraph: only a number or a
 * typed hyphen counts (a dash opening two paragraphs is an attribution -- "-- Ann" --
 * as often as a list). */
static line_mark across(line_mark m)
{
    if (m.kind != MK_NUMBER && m.kind != MK_HYPHEN) m.kind = MK_NONE;
    return m;
}

/* The mark of the line of b starting at from; past b's end, of next's first line
 * (see across; MK_NONE when next is NULL or not a paragraph). */
static line_mark mark_at(const block *b, size_t from, const block *next)
{
    if (from >= b->len) {
        line_mark none = {MK_NONE, 0, 0};
        return next && next->kind == BK_PARA ? across(mark_at(next, 0, NULL)) : none;
    }
    return mark_of(b->text + from, line_end(b->text, b->len, from) - from);
}

/* The mark of the last line of a paragraph, seen from the next (see across; MK_NONE
 * for NULL or another kind). */
static line_mark last_mark(const block *b)
{
    line_mark none = {MK_NONE, 0, 0};
    if (!b || b->kind != BK_PARA) return none;
    size_t from = b->len;
    while (from > 0 && b->text[from - 1] != '\n') from--;
    return across(mark_at(b, from, NULL));
}

/* Whether a line marked m, between lines marked before and after, shows an item. */
static int shows_item(line_mark m, line_mark before, line_mark after)
{
    switch (m.kind) {
    case MK_GLYPH:
        return 1;
    case MK_HYPHEN:
    case MK_DASH:
        return before.kind == m.kind || after.kind == m.kind;
    case MK_NUMBER:
        return (before.kind == MK_NUMBER && before.number + 1 == m.number) ||
               (after.kind == MK_NUMBER && after.number == m.number + 1);
    default:
        return 0;
    }
}

/* A paragraph (prev and next: the blocks written before and after it, or NULL) with
 * the lines that show list items written as items; a blank line parts items from the
 * paragraph's other lines, which keep their "\" breaks among themselves. */
static void put_para(buf *out, const block *b, const block *prev, const block *next)
{
    const char *s = b->text;
    size_t len = b->len;
    line_mark before = last_mark(prev);
    int was_item = -1; /* the line written before: -1 none, 0 text, 1 item */
    line_mark cur = mark_at(b, 0, next);
    for (size_t i = 0; i < len && !out->failed;) {
        size_t end = line_end(s, len, i), nstart = end + 1;
        line_mark after = mark_at(b, nstart, next);
        int item = shows_item(cur, before, after);
        if (was_item >= 0 && was_item != item) wn_buf_putc(out, '\n');
        size_t from = item ? i + cur.skip : i;
        if (item) {
            char marker[16];
            if (cur.kind == MK_NUMBER) snprintf(marker, sizeof marker, "%d. ", cur.number);
            else snprintf(marker, sizeof marker, "- ");
            wn_buf_puts(out, marker);
        }
        long at = escape_at(s + from, end - from);
        put_inline(out, s, from, end, b, at >= 0 ? from + (size_t)at : SIZE_MAX, 0);
        /* A hard break only between two text lines of the paragraph. */
        if (!item && nstart < len &&
            !shows_item(after, cur, mark_at(b, line_end(s, len, nstart) + 1, next)))
            wn_buf_putc(out, '\\');
        wn_buf_putc(out, '\n');
        was_item = item;
        before = cur;
        cur = after;
        i = nstart;
    }
}

/* A heading: its first line after the hashes; the lines after a <br> (a subtitle, a
 * price, a plant's Latin name) as a paragraph's lines under it, for an ATX heading
 * cannot go on to a second line and each line written with hashes would be a heading
 * of its own. */
static void put_heading(buf *out, size_t indent, const char *hashes, const block *b)
{
    size_t end = line_end(b->text, b->len, 0);
    put_spaces(out, indent);
    wn_buf_puts(out, hashes);
    long at = escape_at(b->text, end);
    put_inline(out, b->text, 0, end, b, at >= 0 ? (size_t)at : SIZE_MAX, 0);
    wn_buf_putc(out, '\n');
    if (end + 1 >= b->len) return;
    wn_buf_putc(out, '\n');
    put_lines_from(out, indent, "", NULL, b->text, end + 1, b->len, b);
}

/* A block's text as lines (see put_lines). */
static void put_block(buf *out, size_t indent, const char *prefix, const char *first,
                      const block *b)
{
    put_lines(out, indent, prefix, first, b->text, b->len, b);
}

/* A fence the block cannot close: ``` when the code holds no run of three backticks;
 * ~~~ when it does (code quoting a Markdown fence) and holds no run of three tildes,
 * which readers that close a fence on any ``` line also keep whole; else backticks
 * longer than any run inside.  lang (or NULL) names the code's language on the
 * opening fence. */
static void put_fence(buf *out, size_t indent, const char *s, size_t len, const char *lang)
{
    size_t longest = longest_ticks(s, len);
    put_spaces(out, indent);
    if (longest >= 3 && longest_run(s, len, '~') < 3) put_repeated(out, '~', 3);
    else put_ticks(out, longest < 3 ? 3 : longest + 1);
    if (lang) wn_buf_puts(out, lang);
    wn_buf_putc(out, '\n');
}

#define MD_DEPTH 8 /* deepest list nesting written; deeper items stay at this depth */

typedef struct {
    const doc *d;
    int base;                  /* list level of the first item of the list being written */
    int depth;                 /* depth (1-based) of the item written last, 0 outside lists */
    size_t indent[MD_DEPTH + 1]; /* indent[k]: where the text of an item at depth k starts */
    int list[MD_DEPTH + 1];      /* list[k]: the container of the items at depth k */
    int in_list;                 /* the block written last is an item or inside one */
    int card;                    /* the container of the card (see card_item) being
                                    written, 0 for none */
} md_state;

/* Items nest by their level relative to the list's first item, at most one deeper than
 * the item above: a list whose outer items were dropped still starts at the margin, and
 * no item is indented into a code block. */
static void emit_item(buf *out, const block *b, const block *prev, md_state *st)
{
    int level = b->level > 0 ? b->level : 1;
    if (!prev || !st->in_list) {
        st->base = level;
        st->depth = 0;
    }
    int depth = level - st->base + 1;
    if (depth < 1) depth = 1;
    if (depth > st->depth + 1) depth = st->depth + 1;
    if (depth > MD_DEPTH) depth = MD_DEPTH;
    if ((b->flags & BF_CONTINUES) && st->depth > 0) {
        int at = depth > st->depth ? st->depth : depth;
        /* Only an item of its own list is continued; else it is an item itself. */
        if (st->list[at] == b->container) {
            put_block(out, st->indent[at], "", NULL, b);
            return;
        }
    }
    /* Another list at the same depth (a <dl> after an <ol>) needs a blank line, or it
     * would read as more items of the list above. */
    if (st->depth >= depth && st->list[depth] != b->container && !(b->flags & BF_CONTINUES))
        wn_buf_putc(out, '\n'); /* (render() put one before a continuation) */
    st->list[depth] = b->container;
    char marker[48];
    size_t col = st->indent[depth - 1];
    if (col > sizeof marker - 16) col = sizeof marker - 16;
    memset(marker, ' ', col);
    if (b->number > 0) snprintf(marker + col, sizeof marker - col, "%d. ", b->number);
    else snprintf(marker + col, sizeof marker - col, "- ");
    st->indent[depth] = strlen(marker);
    st->depth = depth;
    put_block(out, st->indent[depth], "", marker, b);
}

/* Writes one row of cells (split at '\t') padded to at least cols cells; pipes in a
 * cell are escaped. */
static void put_row(buf *out, const block *b, size_t cols)
{
    const char *s = b->text;
    size_t len = b->len, n = 0, i = 0;
    wn_buf_putc(out, '|');
    for (;;) {
        const char *tab = memchr(s + i, '\t', len - i);
        size_t end = tab ? (size_t)(tab - s) : len;
        wn_buf_putc(out, ' ');
        put_inline(out, s, i, end, b, SIZE_MAX, 1);
        wn_buf_puts(out, " |");
        n++;
        if (!tab) break;
        i = end + 1;
    }
    for (; n < cols && !out->failed; n++) wn_buf_puts(out, "  |");
    wn_buf_putc(out, '\n');
}

static size_t cells_of(const block *b)
{
    size_t n = 1;
    for (size_t i = 0; i < b->len; i++) n += b->text[i] == '\t';
    return n;
}

/* The first kept row of a table is its header: the header and the delimiter row have
 * as many cells as the widest row of the table. */
static void emit_row(buf *out, const block *b, const block *prev, const md_state *st)
{
    if (prev && is_row(prev) && prev->container == b->container) {
        put_row(out, b, 0);
        return;
    }
    size_t cols = 0;
    for (size_t i = (size_t)(b - st->d->blocks); i < st->d->n; i++) {
        const block *r = &st->d->blocks[i];
        if (r->dec != DEC_KEEP || r->len == 0) continue;
        if (!is_row(r) || r->container != b->container) break;
        size_t c = cells_of(r);
        if (c > cols) cols = c;
    }
    put_row(out, b, cols);
    wn_buf_putc(out, '|');
    for (size_t i = 0; i < cols && !out->failed; i++) wn_buf_puts(out, " --- |");
    wn_buf_putc(out, '\n');
}

/* Where a block inside a list item (BF_IN_ITEM) starts: the text column of the deepest
 * item written of its list, which becomes the item written last; -1 when that list is
 * not the one being written (its item was dropped): the block stands at the margin. */
static long in_item_indent(const block *b, md_state *st)
{
    if (!(b->flags & BF_IN_ITEM) || !st->in_list) return -1;
    for (int k = st->depth; k > 0; k--)
        if (st->list[k] == b->container) {
            st->depth = k;
            return (long)st->indent[k];
        }
    return -1;
}

/* Code lines, each after indent spaces (blank lines left blank), so that code inside a
 * list item stays in it; the code's own whitespace follows the indent unchanged. */
static void put_code(buf *out, size_t indent, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && !out->failed) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - s) : len;
        if (end > i) put_spaces(out, indent);
        wn_buf_append(out, s + i, end - i);
        wn_buf_putc(out, '\n');
        i = end + 1;
    }
}

/* The block written after b, or NULL. */
static const block *next_written(const doc *d, const block *b)
{
    for (size_t i = (size_t)(b - d->blocks) + 1; i < d->n; i++)
        if (written(&d->blocks[i])) return &d->blocks[i];
    return NULL;
}

/* Whether the items of an ordered list may be cards: on a page of other items (a shop's
 * best sellers, a forum's numbered posts, a listing's ranked stories) an <ol> lays out
 * tiles; in an article or documentation it numbers steps, which stay items. */
static int numbered_cards(const doc *d)
{
    return d->page_type != WINNOW_PAGE_UNKNOWN && d->page_type != WINNOW_PAGE_ARTICLE &&
           d->page_type != WINNOW_PAGE_DOCUMENTATION;
}

/* Whether item b opens a card: a list item whose next block is more of it, a
 * paragraph or a heading (an event's date over its title and teaser, a product's name
 * over its price).  A grid of cards is laid out with list markup but is not a list:
 * its blocks are written as paragraphs.  (Numbered steps -- see numbered_cards -- and
 * an item with its code stay items.)  b may be a later paragraph of an item whose
 * first was dropped (a teaser under a dropped byline): it opens what is written. */
static int card_item(const doc *d, const block *b)
{
    if ((b->number > 0 && !numbered_cards(d)) || (b->flags & BF_TERMS)) return 0;
    const block *n = next_written(d, b);
    if (!n || n->container != b->container || n->kind == BK_PRE) return 0;
    /* A later paragraph of the item's own depth, not of an outer item's. */
    return (n->kind == BK_ITEM && (n->flags & BF_CONTINUES) && n->level == b->level) ||
           (n->flags & BF_IN_ITEM);
}

/* Whether item b, written after prev (or NULL), is a list of one on a page that is not
 * an article: no item of its list, nor one of a list nested in or around it, is written
 * next to it.  On a shop's, a service's, a forum's or a listing's page such an item is a
 * tile's line (a blurb under its title, a price, a byline, "3 months later..."), and
 * it is written as a paragraph; an article's list of one (the only "Cons" of a review)
 * stays a list, and so does a numbered step (see numbered_cards). */
static int lone_item(const doc *d, const block *b, const block *prev)
{
    if (d->page_type == WINNOW_PAGE_UNKNOWN || d->page_type == WINNOW_PAGE_ARTICLE) return 0;
    if ((b->flags & BF_TERMS) || (b->number > 0 && !numbered_cards(d))) return 0;
    if (prev && prev->kind == BK_ITEM && (prev->container == b->container || prev->level != b->level))
        return 0;
    const block *n = next_written(d, b);
    return !(n && n->kind == BK_ITEM && (n->container == b->container || n->level != b->level));
}

/* Whether item b starts what is written of an item: its first paragraph, or a later one
 * with no item of its list open above it (emit_item writes it with a marker). */
static int opens_item(const block *b, const block *prev, const md_state *st)
{
    if (!(b->flags & BF_CONTINUES)) return 1;
    if (st->card == b->container) return 0; /* more of the card being written */
    if (!prev || !st->in_list) return 1;
    for (int k = st->depth; k > 0; k--)
        if (st->list[k] == b->container) return 0;
    return 1;
}

static void emit_markdown(buf *out, const block *b, const block *prev, const char *title,
                          void *state)
{
    md_state *st = state;
    if (title) {
        put_lines(out, 0, "# ", NULL, title, strlen(title), NULL);
        st->in_list = 0;
        return;
    }
    static const char *hashes[] = {"## ", "### ", "#### ", "##### ", "###### "};
    if (b->kind == BK_ITEM && opens_item(b, prev, st))
        st->card = card_item(st->d, b) || lone_item(st->d, b, prev) ? b->container : 0;
    if (st->card && b->container == st->card) { /* a card's block: at the margin */
        st->in_list = 0;
        st->depth = 0;
    }
    long in_item = in_item_indent(b, st);
    size_t indent = in_item > 0 ? (size_t)in_item : 0;
    switch (b->kind) {
    case BK_HEADING:
        if (b->flags & BF_NAME) { /* a post's author: a line of its own */
            put_block(out, indent, "", NULL, b);
            break;
        }
        put_heading(out, indent, hashes[b->level <= 2 ? 0 : b->level >= 6 ? 4 : b->level - 2], b);
        break;
    case BK_ITEM:
        if (st->card && b->container == st->card) {
            /* Items stand on adjacent lines; a paragraph needs a blank line. */
            if (prev && tight(prev, b)) wn_buf_putc(out, '\n');
            put_para(out, b, NULL, NULL);
            st->in_list = 0;
            return;
        }
        if (b->flags & BF_TERMS) { /* a term, its definition under it */
            if (b->flags & BF_CONTINUES) put_block(out, 4, "", ":   ", b);
            else put_block(out, 0, "", NULL, b);
            st->depth = 0;
            st->in_list = 0;
            return;
        }
        emit_item(out, b, prev, st);
        break;
    case BK_QUOTE:
        put_block(out, 0, "> ", NULL, b);
        break;
    case BK_PRE:
        put_fence(out, indent, b->text, b->len, b->lang);
        put_code(out, indent, b->text, b->len);
        put_fence(out, indent, b->text, b->len, NULL);
        break;
    case BK_TABLE:
        if (is_row(b)) {
            emit_row(out, b, prev, st);
            break;
        }
        put_block(out, 0, "", NULL, b); /* a layout table's row: a line */
        break;
    case BK_PARA:
        put_para(out, b, prev, next_written(st->d, b));
        break;
    default:
        put_block(out, 0, "", NULL, b);
        break;
    }
    st->in_list = b->kind == BK_ITEM || in_item >= 0;
}

/* Markdown: "![ALT](URL)" (brackets and backslashes in the alt text escaped); in the
 * flow of a list, a line of the item's paragraph, indented under its text. */
static int image_markdown(buf *out, const doc_image *im, int in_flow, void *state)
{
    md_state *st = state;
    if (in_flow && st->in_list && st->depth > 0) put_spaces(out, st->indent[st->depth]);
    else if (!in_flow) st->in_list = 0;
    wn_buf_puts(out, "![");
    for (const char *a = im->alt; a && *a; a++) {
        if (*a == '[' || *a == ']' || *a == '\\') wn_buf_putc(out, '\\');
        wn_buf_putc(out, *a);
    }
    wn_buf_puts(out, "](");
    wn_buf_puts(out, im->url);
    wn_buf_puts(out, ")\n");
    return in_flow;
}

int wn_output_render_markdown(const doc *d, int no_title, buf *out)
{
    md_state st;
    memset(&st, 0, sizeof st);
    st.d = d;
    return render(d, no_title, out, emit_markdown, image_markdown, &st);
}

int wn_output_render_comments(const doc *d, int markdown, buf *out)
{
    int any = 0;
    for (size_t i = 0; i < d->n; i++) {
        const block *b = &d->blocks[i];
        if (!(b->flags & BF_COMMENT) || !((b->flags & BF_STAMP) || wn_block_comment_text(b)))
            continue;
        if (!any) {
            if (out->len) wn_buf_putc(out, '\n');
            wn_buf_puts(out, markdown ? "---\n\n## Comments\n" : "--- comments ---\n");
            any = 1;
        }
        wn_buf_putc(out, '\n');
        if (markdown) {
            put_block(out, 0, "", NULL, b);
        } else {
            wn_buf_append(out, b->text, b->len);
            wn_buf_putc(out, '\n');
        }
    }
    return out->failed ? -1 : 0;
}
