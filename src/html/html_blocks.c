/* html_blocks.c -- block extraction: one iterative walk over the pruned body turns each
 * run of text between block-level boundaries into a doc block (paragraph, heading,
 * list item, quote, pre, table row, caption).  Inline elements never break a block;
 * <br> becomes a line break inside it.  Structure is kept where it is content: a row
 * of a data table (html_tables.c) is one block whatever its cells hold, cells split by
 * '\t'; a <pre> is one block with its whitespace exact, its language and without a
 * line-number gutter (html_code.c); list items carry their depth, their number in an
 * ordered list, and later paragraphs of an item are marked as its continuation.  Each
 * block remembers the element that owns it, which gives its DOM path for --explain and
 * whether it lies inside the article the scorer chose.  html_classify.c then decides
 * the blocks. */
#include <stdlib.h>
#include <string.h>
#include "html/html_dom.h"

#define PATH_PARTS 7
#define LIST_STACK 32 /* open lists whose numbering is tracked; deeper ones are bullets */
/* Between the cells of a data-table row while it is collected (C0 controls cannot be
 * input, see BR_MARK); '\t' in the block. */
#define CELL_MARK '\x02'
#define CODE_MARK '\x03' /* around inline code while a block is collected */
#define LINK_OPEN '\x04'  /* where a link's text starts and ends (--links) */
#define LINK_CLOSE '\x05'
#define MAX_SPANS 64     /* inline code spans kept per block; later ones are plain text */
#define MAX_LINKS 64     /* links kept per block; later ones are plain text */
/* Empty cells a colspan adds, per page: 20 bytes of <td colspan=64> must not become
 * 64 cells (256 bytes of Markdown) a million times over. */
#define PAD_BUDGET ((size_t)1 << 20)
#define SPAN_COLUMNS 64 /* columns whose rowspans are followed; further right, cells shift */

typedef struct {
    hdom *h;
    doc *d;
    hdom_tables tables;
    buf cur;
    size_t link;  /* bytes of cur inside links */
    int owner;    /* element owning cur, -1 before the first text */
    int row;      /* the data-table row being collected, -1 for none */
    int cells;    /* cells of that row met so far */
    int in_pre;   /* <pre> elements open */
    int pre_break;  /* a block boundary inside <pre> just ended a line */
    const char *lang; /* the open <pre>'s language */
    int lists;    /* <ul>, <ol>, <dl> open */
    int next_number[LIST_STACK]; /* per open list: the next item's number, 0 for bullets */
    int list_el[LIST_STACK];     /* per open list: its element index */
    int item_open;   /* the open item has had no block yet: the next one carries its marker */
    int item_number; /* that marker's number (0: a bullet) */
    int in_code;     /* inline code elements open (outside <pre>) */
    size_t pad_left; /* empty cells colspans and rowspans may still add (PAD_BUDGET) */
    int span_table;  /* the data table whose rowspans span_rows follows, -1 for none */
    int col;         /* the column the next cell of the row stands in */
    int span_cols;   /* columns of span_rows in use */
    int span_rows[SPAN_COLUMNS]; /* per column: rows below a cell above still covers */
    int links;       /* links wanted (winnow_options.links) */
    const char *base; /* what relative hrefs resolve against, or NULL */
    int in_link;     /* the <a> elements open; a link is marked for the outermost */
    const char *urls[MAX_LINKS]; /* the URLs of the links opened in cur, in order */
    size_t n_urls;
    size_t link_marks; /* bytes of link marks in cur: not text, left out of its length */
    int section;     /* walking a comment section the rules pruned (see skipped()) */
    int images;      /* images wanted (winnow_options.images) */
    int text_el;     /* the element whose text cur ends with, -1 for none */
    size_t text_n;   /* the length of that text node */
} walker;

/* doc_image.in_block of an image met in the text of the block being collected, until
 * the block is made. */
#define IN_CUR (-2)

#define HEADING_REACH 4  /* levels a block may sit below the heading that wraps it */
#define HEADING_TEXT 300 /* bytes a heading wrapping blocks may hold: more is a section */

/* The heading element (h1-h6) o is or sits in -- "<h3><p>Title</p></h3>", a page
 * builder's markup -- or -1. */
static int heading_of(const hdom *h, int o)
{
    for (int k = 0; o >= 0 && k <= HEADING_REACH; k++, o = h->parent[o])
        if (h->tag[o] >= TG_H1 && h->tag[o] <= TG_H6)
            return k == 0 || h->text[o] <= HEADING_TEXT ? o : -1;
    return -1;
}

static block_kind kind_of(const hdom *h, int o, int *level)
{
    uint8_t t = h->tag[o];
    uint16_t f = h->flags[o];
    *level = 0;
    int hd = heading_of(h, o);
    if (hd >= 0) {
        *level = h->tag[hd] - TG_H1 + 1;
        return BK_HEADING;
    }
    if (f & NF_IN_PRE) return BK_PRE;
    if (f & NF_IN_CAPTION) return BK_CAPTION;
    if (f & NF_IN_LI) return BK_ITEM;
    if (f & NF_IN_QUOTE) return BK_QUOTE;
    if ((f & NF_IN_TABLE) && (t == TG_TR || t == TG_TABLE || t == TG_BLOCK)) return BK_TABLE;
    return BK_PARA;
}

/* "html>body>div#main>article>p[3]": the owner's last ancestors; [n] is the position
 * among element siblings, given when it is not the first. */
static const char *dom_path(hdom *h, doc *d, int o)
{
    int chain[PATH_PARTS];
    int k = 0;
    for (int i = o; i >= 0 && k < PATH_PARTS; i = h->parent[i]) chain[k++] = i;
    int cut = chain[k - 1] != 0;
    buf b;
    wn_buf_init(&b, 1024);
    if (cut) wn_buf_puts(&b, "...>");
    while (k-- > 0) {
        int i = chain[k];
        const xmlNode *n = h->node[i];
        wn_buf_puts(&b, (const char *)n->name);
        const char *id = wn_hdom_attr(n, "id");
        if (id && *id) {
            wn_buf_putc(&b, '#');
            wn_buf_append(&b, id, strnlen(id, 40));
        } else if (h->nth[i] > 1) {
            /* "[n]" by hand: every block's path is made, snprintf was a tenth of it. */
            char t[16];
            size_t at = sizeof t;
            t[--at] = ']';
            for (unsigned v = (unsigned)h->nth[i]; v; v /= 10) t[--at] = (char)('0' + v % 10);
            t[--at] = '[';
            wn_buf_append(&b, t + at, sizeof t - at);
        }
        if (k) wn_buf_putc(&b, '>');
    }
    const char *p = b.failed ? "?" : wn_arena_strndup(&d->mem, b.data, b.len);
    wn_buf_free(&b);
    return p ? p : "?";
}

/* A data-table row: each cell's whitespace squeezed (line breaks joined), cells
 * split by '\t', empty cells kept so the columns line up.  0 when every cell is empty. */
static size_t normalise_row(char *s, size_t len)
{
    size_t w = 0, r = 0;
    int any = 0;
    while (r <= len) {
        size_t e = r;
        while (e < len && s[e] != CELL_MARK) e++;
        for (size_t k = r; k < e; k++)
            if (s[k] == BR_MARK) s[k] = ' ';
        size_t l = wn_text_collapse_ws(s + r, e - r);
        if (r) s[w++] = '\t';
        memmove(s + w, s + r, l);
        for (size_t k = 0; k < l && !any; k++) /* a link's marks alone are no text */
            any = s[w + k] != LINK_OPEN && s[w + k] != LINK_CLOSE;
        w += l;
        r = e + 1;
    }
    return any ? w : 0;
}

/* Whitespace squeezed per line; lines split at <br>; empty lines dropped.  In <pre>
 * only the blank lines around the code go. */
static size_t normalise(char *s, size_t len, int pre)
{
    if (pre) {
        /* Line ends as the text path reads them: CRLF is one, a bare CR ends a line. */
        size_t o = 0;
        for (size_t i = 0; i < len; i++) {
            if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n') continue;
            s[o++] = s[i] == BR_MARK || s[i] == '\r' ? '\n' : s[i];
        }
        len = o;
        size_t a = 0, line = 0; /* leading blank lines go, the first line's indent stays */
        while (a < len && (s[a] == '\n' || s[a] == '\r' || s[a] == ' ' || s[a] == '\t')) {
            a++;
            if (s[a - 1] == '\n') line = a;
        }
        a = line;
        while (len > a && (s[len - 1] == '\n' || s[len - 1] == ' ' || s[len - 1] == '\r' ||
                           s[len - 1] == '\t'))
            len--;
        memmove(s, s + a, len - a);
        return len - a;
    }
    size_t w = 0, r = 0;
    while (r <= len) {
        const char *br = r < len ? memchr(s + r, BR_MARK, len - r) : NULL;
        size_t e = br ? (size_t)(br - s) : len;
        size_t l = wn_text_collapse_ws(s + r, e - r);
        size_t marks = 0; /* a line of link marks alone (an image's link) is empty */
        while (marks < l && (s[r + marks] == LINK_OPEN || s[r + marks] == LINK_CLOSE)) marks++;
        if (marks == l) l = 0;
        if (l) {
            if (w) s[w++] = '\n';
            memmove(s + w, s + r, l);
            w += l;
        }
        r = e + 1;
    }
    return w;
}

/* The links of a block while its marks are taken out: ranges[2k, 2k+1) is the text of
 * the k-th link opened, urls[k] its URL (NULL when the range is to be dropped). */
typedef struct {
    uint32_t ranges[2 * MAX_LINKS];
    const char *const *urls; /* the walker's, one per LINK_OPEN */
    size_t opened, n_urls;
    size_t open_at[MAX_LINKS]; /* per link opened: where its text starts */
    int depth;
} link_marks;

/* A LINK_OPEN or LINK_CLOSE at output offset w; ranges with spaces at their edges
 * trimmed, empty ones and ones crossing a line break or cell left out. */
static void link_mark(link_marks *lm, char c, const char *s, size_t w)
{
    if (c == LINK_OPEN) {
        if (lm->depth++ == 0 && lm->opened < MAX_LINKS) lm->open_at[lm->opened] = w;
        lm->opened++;
        return;
    }
    if (lm->depth == 0 || --lm->depth > 0) return;
    size_t k = lm->opened - 1;
    if (k >= MAX_LINKS || k >= lm->n_urls) return;
    size_t a = lm->open_at[k], e = w;
    while (a < e && s[a] == ' ') a++;
    while (e > a && s[e - 1] == ' ') e--;
    if (e > a && !memchr(s + a, '\n', e - a) && !memchr(s + a, '\t', e - a)) {
        lm->ranges[2 * k] = (uint32_t)a;
        lm->ranges[2 * k + 1] = (uint32_t)e;
    }
}

/* Takes the CODE_MARKs (and link marks) out of s[0..len) and returns the new length;
 * with spans, records the inline code ranges between pairs of marks (spaces at their
 * edges left outside, the space doubled by a removed mark dropped, empty ones and ones
 * crossing a line break or a cell left out) in spans[0..*n), at most MAX_SPANS; with
 * lm, the links' ranges likewise. */
static size_t take_code(char *s, size_t len, uint32_t *spans, size_t *n, link_marks *lm)
{
    size_t w = 0, open = 0;
    int in = 0, marks = 0;
    *n = 0;
    for (size_t r = 0; r < len; r++) {
        char c = s[r];
        if (c == LINK_OPEN || c == LINK_CLOSE) {
            if (lm) {
                marks = 1;
                link_mark(lm, c, s, w);
            }
            continue;
        }
        if (c == CODE_MARK) {
            marks = 1;
            if (!in) {
                open = w;
            } else if (spans && *n < MAX_SPANS) {
                size_t a = open, e = w;
                while (a < e && s[a] == ' ') a++;
                while (e > a && s[e - 1] == ' ') e--;
                if (e > a && !memchr(s + a, '\n', e - a) && !memchr(s + a, '\t', e - a)) {
                    if (*n && spans[2 * *n - 1] == a) { /* <code>x</code><code>y</code> */
                        spans[2 * *n - 1] = (uint32_t)e;
                    } else {
                        spans[2 * *n] = (uint32_t)a;
                        spans[2 * *n + 1] = (uint32_t)e;
                        (*n)++;
                    }
                }
            }
            in = !in;
            continue;
        }
        if (marks && c == ' ' && (w == 0 || s[w - 1] == ' ' || s[w - 1] == '\n' ||
                                  s[w - 1] == '\t' || r + 1 == len))
            continue;
        /* A space a removed mark kept from the line's or cell's end. */
        if (marks && (c == '\n' || c == '\t') && w && s[w - 1] == ' ') w--;
        s[w++] = c;
    }
    while (marks && w && s[w - 1] == ' ') w--;
    /* Trimming may have cut into the last span. */
    while (*n && spans[2 * *n - 1] > w) {
        if (spans[2 * *n - 2] >= w) (*n)--;
        else spans[2 * *n - 1] = (uint32_t)w;
    }
    if (lm)
        for (size_t k = 0; k < lm->opened && k < MAX_LINKS; k++)
            if (lm->ranges[2 * k + 1] > w) {
                if (lm->ranges[2 * k] >= w) lm->ranges[2 * k + 1] = 0;
                else lm->ranges[2 * k + 1] = (uint32_t)w;
            }
    return w;
}

/* Keeps the links of lm whose range is set and does not cut into a code span, in
 * b's arena arrays. */
static void keep_links(doc *d, block *b, const link_marks *lm)
{
    size_t n = lm->opened < MAX_LINKS ? lm->opened : MAX_LINKS;
    if (n > lm->n_urls) n = lm->n_urls;
    size_t keep = 0;
    uint32_t ranges[2 * MAX_LINKS];
    const char *urls[MAX_LINKS];
    for (size_t k = 0; k < n; k++) {
        uint32_t a = lm->ranges[2 * k], e = lm->ranges[2 * k + 1];
        if (e <= a || !lm->urls[k]) continue;
        if (keep && a < ranges[2 * keep - 1]) continue; /* overlaps the one before */
        int cuts = 0;
        for (size_t c = 0; c < b->n_code && !cuts; c++) {
            uint32_t ca = b->code[2 * c], ce = b->code[2 * c + 1];
            cuts = ca < e && a < ce && !(a <= ca && ce <= e);
        }
        if (cuts) continue;
        ranges[2 * keep] = a;
        ranges[2 * keep + 1] = e;
        urls[keep++] = lm->urls[k];
    }
    if (!keep) return;
    uint32_t *r = wn_arena_alloc(&d->mem, keep * 2 * sizeof *r);
    const char **u = wn_arena_alloc(&d->mem, keep * sizeof *u);
    if (!r || !u) {
        d->failed = 1;
        return;
    }
    memcpy(r, ranges, keep * 2 * sizeof *r);
    memcpy(u, urls, keep * sizeof *u);
    b->links = r;
    b->urls = u;
    b->n_links = keep;
}

#define NAME_SCAN 6 /* elements of a heading looked at for an author's mark */

/* Whether heading element hd names a person: all its text is a link's, and it, the
 * link or an element inside is marked as an author's (a forum post's "<h4
 * class=message-name><a href=/members/ann.5/ class=username>").  Such a heading is
 * who wrote, not what a section is about. */
static int name_heading(const hdom *h, int hd)
{
    if (h->text[hd] == 0 || h->link[hd] < h->text[hd]) return 0;
    if (wn_hbyline_marks_author(h->node[hd])) return 1;
    int left = NAME_SCAN;
    const xmlNode *n = h->node[hd]->children;
    while (n && left > 0) {
        if (n->type == XML_ELEMENT_NODE) {
            if (wn_hbyline_marks_author(n)) return 1;
            left--;
            if (n->children) {
                n = n->children;
                continue;
            }
        }
        while (n && !n->next && n->parent != h->node[hd]) n = n->parent;
        n = n ? n->next : NULL;
    }
    return 0;
}

/* The structure a block gets from the walker's state: a data-table row, a list item
 * (its depth and number, or a continuation), a heading or code inside an item, the
 * language of code. */
static void structure(walker *w, block *b)
{
    if (w->row >= 0) {
        b->kind = BK_TABLE;
        b->flags |= BF_CELLS;
        b->container = w->tables.table[w->row] + 1;
        return;
    }
    if (b->kind == BK_PRE) b->lang = w->lang;
    if (b->kind == BK_HEADING) {
        int hd = heading_of(w->h, w->owner);
        if (hd >= 0 && name_heading(w->h, hd)) b->flags |= BF_NAME;
    }
    if (!w->lists) return;
    int top = (w->lists < LIST_STACK ? w->lists : LIST_STACK) - 1;
    if (b->kind == BK_HEADING || b->kind == BK_PRE) {
        /* A heading or code under an item's text belongs to the item (a step's command,
         * an entry's title); the first block of an item stays before its marker. */
        if (!w->item_open && (w->h->flags[w->owner] & NF_IN_LI)) {
            b->flags |= BF_IN_ITEM;
            b->container = w->list_el[top] + 1;
        }
        return;
    }
    if (b->kind != BK_ITEM) return;
    b->level = w->lists;
    b->container = w->list_el[top] + 1;
    if (w->h->tag[w->list_el[top]] == TG_DL) b->flags |= BF_TERMS;
    if (w->item_open) {
        b->number = w->item_number;
        w->item_open = 0;
    } else {
        b->flags |= BF_CONTINUES;
    }
}

/* The images met in the text of the block being collected follow block b (NULL: no
 * block was made of that text; they stand between blocks). */
static void settle_images(doc *d, const block *b)
{
    for (size_t k = d->n_images; k > 0 && d->images[k - 1].in_block == IN_CUR; k--) {
        doc_image *im = &d->images[k - 1];
        im->in_block = b ? (long)(b - d->blocks) : -1;
        im->before = d->n;
    }
}

static void flush(walker *w)
{
    buf *c = &w->cur;
    if (c->failed) w->d->failed = 1;
    if (!c->len || w->owner < 0 || c->failed) {
        settle_images(w->d, NULL);
        c->len = 0;
        /* An owner set before any text (an empty <pre>) owns none: the text after it
         * is not its. */
        w->owner = -1;
        w->link = 0;
        w->n_urls = 0;
        w->link_marks = 0;
        return;
    }
    hdom *h = w->h;
    int level;
    block_kind k = kind_of(h, w->owner, &level);
    size_t raw = c->len - w->link_marks; /* link density as without --links */
    size_t l = w->row >= 0 ? normalise_row(c->data, c->len) : normalise(c->data, c->len, k == BK_PRE);
    uint32_t spans[2 * MAX_SPANS];
    size_t n_spans = 0;
    link_marks lm;
    lm.opened = 0;
    lm.depth = 0;
    lm.urls = w->urls;
    lm.n_urls = w->n_urls;
    memset(lm.ranges, 0, sizeof lm.ranges);
    int with_links = w->n_urls && k != BK_PRE;
    l = take_code(c->data, l, k == BK_PRE ? NULL : spans, &n_spans, with_links ? &lm : NULL);
    if (!l) settle_images(w->d, NULL);
    if (l) {
        block *b = wn_doc_add(w->d, k, c->data, l);
        if (b && n_spans) {
            uint32_t *keep = wn_arena_alloc(&w->d->mem, n_spans * 2 * sizeof *keep);
            if (keep) {
                memcpy(keep, spans, n_spans * 2 * sizeof *keep);
                b->code = keep;
                b->n_code = n_spans;
            }
        }
        if (b && with_links) keep_links(w->d, b, &lm);
        if (b) {
            b->level = level;
            structure(w, b);
            b->link_len = raw ? (size_t)((double)w->link * l / raw + 0.5) : 0;
            if (b->link_len > l) b->link_len = l;
            b->group = w->owner;
            b->path = dom_path(h, w->d, w->owner);
            if (!(h->flags[w->owner] & NF_INSIDE)) {
                b->dec = DEC_DROP;
                b->why = WHY_OUTSIDE_ARTICLE;
            }
        }
        settle_images(w->d, b);
    }
    c->len = 0;
    w->link = 0;
    w->owner = -1;
    w->n_urls = 0;
    w->link_marks = 0;
}

/* Inside <pre> a block boundary is a line break, never a new block. */
static void pre_line_break(walker *w)
{
    buf *c = &w->cur;
    if (c->len && c->data[c->len - 1] != '\n' && c->data[c->len - 1] != BR_MARK) {
        wn_buf_putc(c, '\n');
        w->pre_break = 1;
    }
}

static void open_list(walker *w, int i)
{
    int top = w->lists++;
    if (top >= LIST_STACK) return;
    w->list_el[top] = i;
    w->next_number[top] = 0;
    if (w->h->tag[i] == TG_OL) {
        const char *st = wn_hdom_attr(w->h->node[i], "start");
        long n = st ? strtol(st, NULL, 10) : 1;
        w->next_number[top] = n >= 1 && n < 1000000000 ? (int)n : 1;
    }
}

static void open_item(walker *w, int i)
{
    w->item_open = w->h->tag[i] != TG_DD; /* a definition continues its term */
    w->item_number = 0;
    if (!w->lists || w->lists > LIST_STACK || w->h->tag[i] != TG_LI) return;
    int *next = &w->next_number[w->lists - 1];
    if (!*next) return;
    const char *v = wn_hdom_attr(w->h->node[i], "value");
    long n = v ? strtol(v, NULL, 10) : 0;
    if (n >= 1 && n < 1000000000) *next = (int)n;
    w->item_number = *next;
    if (*next < 999999999) (*next)++;
}

/* Marks where link i's text starts, with its URL (NULL when it resolves to none: its
 * text stays plain).  A block boundary inside the link drops the link: the marks of one
 * block are read alone. */
static void open_link(walker *w, int i)
{
    wn_buf_putc(&w->cur, LINK_OPEN);
    w->link_marks++;
    if (w->n_urls < MAX_LINKS)
        w->urls[w->n_urls++] = wn_hurl_resolve(w->d, w->base, wn_hdom_attr(w->h->node[i], "href"));
}

/* An image (element img, inside picture or NULL; el: the element whose place it takes)
 * met in the walk: in the text of the block being collected (or of a list item, before
 * or after its text), which it follows, or between blocks.  Inside code and data-table rows images are left out: a line of its
 * own would break the code or the table. */
static void add_image(walker *w, const xmlNode *img, const xmlNode *picture, int el)
{
    if (w->in_pre || w->row >= 0) return;
    const char *url = wn_himage_url(img, picture, w->d, w->base);
    if (!url) return;
    doc_image *im = wn_doc_add_image(w->d, url, wn_doc_keep_text(w->d, wn_hdom_attr(img, "alt")));
    if (!im) return;
    im->inside = (w->h->flags[el] & NF_INSIDE) != 0;
    /* Before a list item's text it is the item's too: between the items it would cut
     * the list in two. */
    if (w->owner >= 0 || w->item_open) {
        im->in_block = IN_CUR;
    } else if (w->lists && w->lists <= LIST_STACK && w->d->n &&
               (w->h->flags[el] & NF_IN_LI)) {
        /* After an item's text, still inside the list: the item's last line. */
        const block *last = &w->d->blocks[w->d->n - 1];
        if (last->kind == BK_ITEM && last->container == w->list_el[w->lists - 1] + 1)
            im->in_block = (long)(w->d->n - 1);
    }
}

/* The <img> of a <picture> (which the index leaves out: it holds no text). */
static void add_picture(walker *w, const xmlNode *picture)
{
    int parent = hdom_idx(picture->parent);
    const xmlNode *img = wn_himage_picture_img(picture);
    if (parent >= 0 && img) add_image(w, img, picture, parent);
}

static int is_img(const hdom *h, int i)
{
    return h->tag[i] == TG_INLINE && strcmp((const char *)h->node[i]->name, "img") == 0;
}

/* A cell of a data-table row: an empty one for each column from w->col on that a cell
 * of a row above still covers (rowspan), so the cells after it keep their columns
 * (rowspans are left empty, as colspans are).  to_end (the row is over): up to the
 * last column covered, the row's missing cells before it empty too; else up to the
 * first column not covered. */
static void fill_spanned(walker *w, int to_end)
{
    int last = w->col - 1;
    if (to_end)
        for (int c = w->col; c < w->span_cols; c++)
            if (w->span_rows[c] > 0) last = c;
    for (; w->col < w->span_cols; w->col++) {
        if (w->span_rows[w->col] > 0) w->span_rows[w->col]--;
        else if (!to_end || w->col > last) break;
        if (w->pad_left) {
            if (w->cells++) wn_buf_putc(&w->cur, CELL_MARK);
            w->pad_left--;
        }
    }
}

/* Notes the columns cell takes from w->col on and the rows below it covers. */
static void span_cell(walker *w, const xmlNode *cell)
{
    int cols = wn_htables_colspan(cell), below = wn_htables_rowspan(cell) - 1;
    for (int k = 0; k < cols && w->col + k < SPAN_COLUMNS; k++) {
        w->span_rows[w->col + k] = below;
        if (below > 0 && w->col + k >= w->span_cols) w->span_cols = w->col + k + 1;
    }
    w->col += cols;
}

/* Inline code outside <pre>: <code>, <kbd>, <samp>, <tt>. */
static int inline_code(const hdom *h, int i)
{
    if (h->tag[i] != TG_INLINE) return 0;
    const char *n = (const char *)h->node[i]->name;
    return strcmp(n, "code") == 0 || strcmp(n, "kbd") == 0 || strcmp(n, "samp") == 0 ||
           strcmp(n, "tt") == 0;
}

static int enter(walker *w, int i)
{
    hdom *h = w->h;
    uint8_t t = h->tag[i];
    if ((w->in_pre || t == TG_PRE || t == TG_TD) && wn_hcode_gutter(h->node[i])) return 0;
    if (w->in_pre && t == TG_INLINE && wn_hcode_hidden_lines(h->node[i])) return 0;
    if (w->in_pre && t == TG_A && wn_hcode_button(h->node[i])) return 0;
    if (w->images && is_img(h, i)) add_image(w, h->node[i], NULL, i);
    if (!w->in_pre && (inline_code(h, i) || (w->row >= 0 && t == TG_PRE)) && w->in_code++ == 0)
        wn_buf_putc(&w->cur, CODE_MARK); /* a one-line <pre> in a cell is code too */
    if (w->links && t == TG_A && !w->in_pre && w->in_link++ == 0) open_link(w, i);
    if (w->row >= 0) { /* inside a data-table row: cells split, blocks joined */
        if ((t == TG_TD || t == TG_TH) && h->parent[i] == w->row) {
            fill_spanned(w, 0);
            span_cell(w, h->node[i]);
            if (w->cells++) wn_buf_putc(&w->cur, CELL_MARK);
            w->owner = w->row;
            const char *mark = wn_htables_mark(h, i);
            if (!mark) mark = wn_htables_alt(h, i);
            if (mark) wn_buf_puts(&w->cur, mark);
        } else if ((h->flags[i] & NF_BLOCK) || t == TG_BR) {
            wn_buf_putc(&w->cur, ' ');
        }
        return 1;
    }
    if (w->in_pre) {
        if (t == TG_PRE) w->in_pre++;
        if (h->flags[i] & NF_BLOCK) pre_line_break(w);
        else if (t == TG_BR) wn_buf_putc(&w->cur, BR_MARK);
        return 1;
    }
    if (h->flags[i] & NF_BLOCK) flush(w);
    else if (t == TG_BR) wn_buf_putc(&w->cur, BR_MARK);
    else if (t == TG_TD || t == TG_TH) wn_buf_putc(&w->cur, ' ');
    switch (t) {
    case TG_TR: {
        int tb = w->tables.table[i];
        if (tb >= 0 && w->tables.data[tb]) {
            w->row = i;
            w->cells = 0;
            w->owner = -1;
            w->col = 0;
            if (w->span_table != tb) {
                memset(w->span_rows, 0, sizeof w->span_rows);
                w->span_cols = 0;
                w->span_table = tb;
            }
        }
        break;
    }
    case TG_PRE:
        w->in_pre = 1;
        w->in_code = 0; /* a <code> around the <pre> is the block's, not inline */
        w->pre_break = 0;
        w->owner = i; /* whitespace before the first text is indentation */
        w->lang = wn_hcode_lang(h, i, w->d);
        break;
    case TG_UL: case TG_OL: case TG_DL: open_list(w, i); break;
    case TG_LI: case TG_DT: case TG_DD: open_item(w, i); break;
    default: break;
    }
    return 1;
}

static void leave(walker *w, int i)
{
    hdom *h = w->h;
    uint8_t t = h->tag[i];
    if (w->links && t == TG_A && w->in_link > 0 && --w->in_link == 0) {
        wn_buf_putc(&w->cur, LINK_CLOSE);
        w->link_marks++;
    }
    if (!w->in_pre && w->in_code && (inline_code(h, i) || (w->row >= 0 && t == TG_PRE)) &&
        --w->in_code == 0)
        wn_buf_putc(&w->cur, CODE_MARK);
    if (w->row >= 0) {
        if (i == w->row) {
            fill_spanned(w, 1);
            flush(w);
            w->row = -1;
        } else if ((t == TG_TD || t == TG_TH) && h->parent[i] == w->row) {
            for (int k = wn_htables_colspan(h->node[i]); k > 1 && w->pad_left; k--) {
                wn_buf_putc(&w->cur, CELL_MARK);
                w->pad_left--;
            }
        } else if (h->flags[i] & NF_BLOCK) {
            wn_buf_putc(&w->cur, ' ');
        }
        return;
    }
    if (w->in_pre) {
        if (t == TG_PRE && --w->in_pre == 0) {
            flush(w);
            w->lang = NULL;
        } else if ((h->flags[i] & NF_BLOCK) || (t == TG_INLINE && wn_hcode_line(h->node[i]))) {
            pre_line_break(w);
        }
        return;
    }
    if (h->flags[i] & NF_BLOCK) flush(w);
    else if (t == TG_TD || t == TG_TH) wn_buf_putc(&w->cur, ' ');
    if ((t == TG_UL || t == TG_OL || t == TG_DL) && w->lists > 0) {
        w->lists--;
        w->item_open = 0;
    }
    if (t == TG_LI || t == TG_DT || t == TG_DD) w->item_open = 0;
}

/* Whether one of elements a and b holds the other (the walk up is bounded by the depth). */
static int nested(const hdom *h, int a, int b)
{
    if (h->depth[a] < h->depth[b]) {
        int t = a;
        a = b;
        b = t;
    }
    while (a >= 0 && h->depth[a] > h->depth[b]) a = h->parent[a];
    return a == b;
}

static int is_lower(char c) { return c >= 'a' && c <= 'z'; }
static int is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_alnum(char c) { return is_lower(c) || is_upper(c) || is_digit(c); }

static int sub_or_sup(const xmlNode *n)
{
    return strcmp((const char *)n->name, "sub") == 0 || strcmp((const char *)n->name, "sup") == 0;
}

/* Whether the text s of element e, coming straight after the text of another element
 * that neither holds e nor sits in it, starts a new word: "<span>Merrell</span><span>
 * Moab 3</span>", a label and its value ("Publication Year" "2013"), a count and its
 * unit.  The page's style sets such parts apart (blocks, grid cells, margins) where
 * the markup does not; a word never changes case, nor turns from letters to digits,
 * between two elements of its own.  Each side's text holds two characters or more
 * (letters or digits before the junction), so text split into single letters for an
 * animation stays whole; <sub> and <sup> ("H2O", "1st") are written against their
 * word. */
static int glued(const walker *w, int e, const char *s)
{
    const buf *c = &w->cur;
    size_t k = c->len;
    while (k && (c->data[k - 1] == LINK_OPEN || c->data[k - 1] == LINK_CLOSE ||
                 c->data[k - 1] == CODE_MARK))
        k--;
    if (k < 2 || w->text_n < 2 || w->text_el < 0 || w->text_el == e || w->in_pre) return 0;
    char a0 = c->data[k - 2], a = c->data[k - 1], b = s[0], b1 = b ? s[1] : 0;
    if (!is_alnum(a0) || !is_alnum(a) || !is_alnum(b) || !b1 || b1 == ' ' || b1 == '\n')
        return 0;
    int turn = (is_lower(a) && is_upper(b)) || (is_upper(a0) && is_upper(a) && is_upper(b) &&
                                                is_lower(b1)) ||
               (is_digit(a) != is_digit(b));
    const hdom *h = w->h;
    return turn && !nested(h, w->text_el, e) && !sub_or_sup(h->node[e]) &&
           !sub_or_sup(h->node[w->text_el]);
}

/* Whether the text s (n bytes) of element e repeats, byte for byte, the text node
 * written just before it by another element, nothing between them: a screen reader's
 * copy next to the shown one ("EUR 163.12<span class="clipped">EUR 163.12</span>",
 * eBay's item pages), which the page shows once.  Four bytes or more, with a letter
 * or digit, so a word's syllables split for an effect ("ha" "ha") and the whitespace
 * between tags stay. */
#define TWIN_MIN 4
static int twin_text(const walker *w, int e, const char *s, size_t n)
{
    const buf *c = &w->cur;
    if (n < TWIN_MIN || n != w->text_n || w->text_el < 0 || w->text_el == e || w->in_pre)
        return 0;
    size_t k = c->len;
    while (k && (c->data[k - 1] == LINK_OPEN || c->data[k - 1] == LINK_CLOSE)) k--;
    if (k < n || memcmp(c->data + k - n, s, n) != 0) return 0;
    for (size_t i = 0; i < n; i++) /* whitespace between tags repeats, and counts */
        if (is_alnum(s[i])) return 1;
    return 0;
}

static void text(walker *w, const xmlNode *t)
{
    int p = hdom_idx(t->parent);
    if (p < 0 || !t->content) return;
    const char *s = (const char *)t->content;
    size_t n = strlen(s);
    if (w->in_pre && w->pre_break && n && s[0] == '\n') {
        /* The newline after a line's element repeats the break already made. */
        s++;
        n--;
    }
    if (n) w->pre_break = 0;
    if (w->owner < 0) {
        /* Leading whitespace alone does not open a block. */
        size_t k = 0;
        while (k < n && (s[k] == ' ' || s[k] == '\n' || s[k] == '\t' || s[k] == '\r')) k++;
        if (k == n) return;
        w->owner = w->row >= 0 ? w->row : w->h->owner[p];
    }
    if (twin_text(w, p, s, n)) return;
    if (glued(w, p, s)) wn_buf_putc(&w->cur, ' ');
    wn_buf_append(&w->cur, s, n);
    w->text_el = p;
    w->text_n = n;
    if (w->h->flags[p] & NF_LINK) w->link += n;
}

/* Whether the attribute rule that pruned element i is of one of the categories. */
static int pruned_by(const hdom *h, int i, const char *const *categories)
{
    const rule_info *r = h->rule[i];
    if (!r || !r->category) return 0;
    for (const char *const *c = categories; *c; c++)
        if (strcmp(r->category, *c) == 0) return 1;
    return 0;
}

/* Inside a comment section, a <footer> or itemprop=author is the comment's stamp. */
static const char *const section_cats[] = {"comments", "structure", "metadata", NULL};

/* The page is read without what was pruned; a comment section is read without what
 * was pruned inside it for another reason (a share bar, a form, hidden markup). */
static int skipped(const walker *w, int i)
{
    const hdom *h = w->h;
    if (!w->section) return (h->flags[i] & NF_REMOVED) != 0;
    return (h->flags[i] & NF_PRUNE) && !pruned_by(h, i, section_cats);
}

static int walk_begin(walker *w, hdom *h, doc *d)
{
    memset(w, 0, sizeof *w);
    w->h = h;
    w->d = d;
    w->owner = w->row = w->span_table = w->text_el = -1;
    w->pad_left = PAD_BUDGET;
    if (wn_htables_classify(h, &w->tables) != 0) {
        d->failed = 1;
        return -1;
    }
    wn_buf_init(&w->cur, 0);
    return 0;
}

static void walk_end(walker *w)
{
    wn_buf_free(&w->cur);
    wn_htables_free(&w->tables);
}

/* Makes blocks of the descendants of root, in document order. */
static void walk(walker *w, xmlNode *root)
{
    xmlNode *n = root->children;
    while (n && n != root) {
        int descend = 0;
        if (n->type == XML_ELEMENT_NODE) {
            int i = hdom_idx(n);
            if (i >= 0 && !skipped(w, i) && enter(w, i)) {
                if (n->children) descend = 1;
                else leave(w, i);
            } else if (i < 0 && w->images && strcmp((const char *)n->name, "picture") == 0) {
                add_picture(w, n);
            }
        } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            text(w, n);
        }
        if (descend) {
            n = n->children;
            continue;
        }
        while (n != root && !n->next) {
            n = n->parent;
            if (n == root) break;
            leave(w, hdom_idx(n));
        }
        if (n == root) break;
        n = n->next;
    }
    flush(w);
}

int wn_hblocks_emit(hdom *h, const winnow_options *opt, doc *d)
{
    if (!h->body || h->n == 0) return 0;
    walker w;
    if (walk_begin(&w, h, d) != 0) return -1;
    w.links = opt && opt->links;
    w.images = opt && opt->images;
    if (w.links || w.images) w.base = wn_hurl_base(h, d, opt->url);
    walk(&w, h->body);
    walk_end(&w);
    return d->failed ? -1 : 0;
}

int wn_hblocks_emit_comments(hdom *h, rule_matcher *m, doc *d)
{
    if (!h->body || h->n == 0) return 0;
    uint8_t *inside = calloc((size_t)h->n, 1); /* in a section already read */
    if (!inside) {
        d->failed = 1;
        return -1;
    }
    walker w;
    if (walk_begin(&w, h, d) != 0) {
        free(inside);
        return -1;
    }
    w.section = 1;
    for (int i = 0; i < h->n && !d->failed; i++) {
        int p = h->parent[i];
        if (p >= 0 && inside[p]) {
            inside[i] = 1;
            continue;
        }
        /* Pruned for being comments, and not for something around it. */
        if (!wn_hdom_pruned_top(h, i, "comments")) continue;
        inside[i] = 1;
        size_t first = d->n;
        if (enter(&w, i)) {
            walk(&w, h->node[i]);
            leave(&w, i);
        }
        flush(&w);
        for (size_t k = first; k < d->n; k++) {
            block *b = &d->blocks[k];
            /* The text rules tell its heading, "Reply" links and author lines. */
            if (wn_rules_apply_block(m, b) == RA_NONE || b->dec != DEC_DROP) {
                b->dec = DEC_DROP;
                b->why = WHY_COMMENT;
            }
            b->flags |= BF_COMMENT | (k == first ? BF_COMMENT_START : 0);
        }
    }
    walk_end(&w);
    free(inside);
    return d->failed ? -1 : 0;
}
