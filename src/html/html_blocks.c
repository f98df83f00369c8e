/* html_blocks.c -- block extraction: one iterative walk over the pruned body turns each
 * run of text between block-level boundaries into a doc block (paragraph, heading,
 * list item, quote, pre, table row, caption).  Inline elements never break a block;
 * <br> becomes a line break inside it; table cells of a row share one block.  Each
 * block remembers the element that owns it, which gives its DOM path for --explain and
 * whether it lies inside the article the scorer chose.  html_classify.c then decides
 * the blocks. */
#include <string.h>
#include "html/html_dom.h"

#define PATH_PARTS 7

typedef struct {
    hdom *h;
    doc *d;
    buf cur;
    size_t link;  /* bytes of cur inside links */
    int owner;    /* element owning cur, -1 before the first text */
} walker;


static block_kind kind_of(const hdom *h, int o, int *level)
{
    uint8_t t = h->tag[o];
    uint16_t f = h->flags[o];
    *level = 0;
    if (t >= TG_H1 && t <= TG_H6) {
        *level = t - TG_H1 + 1;
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
            char t[16];
            snprintf(t, sizeof t, "[%u]", (unsigned)h->nth[i]);
            wn_buf_puts(&b, t);
        }
        if (k) wn_buf_putc(&b, '>');
    }
    const char *p = b.failed ? "?" : wn_arena_strndup(&d->mem, b.data, b.len);
    wn_buf_free(&b);
    return p ? p : "?";
}

/* Whitespace squeezed per line; lines split at <br>; empty lines dropped. */
static size_t normalise(char *s, size_t len, int pre)
{
    if (pre) {
        for (size_t i = 0; i < len; i++)
            if (s[i] == BR_MARK) s[i] = '\n';
        size_t a = 0;
        while (a < len && (s[a] == '\n' || s[a] == '\r')) a++;
        while (len > a && (s[len - 1] == '\n' || s[len - 1] == ' ' || s[len - 1] == '\r' ||
                           s[len - 1] == '\t'))
            len--;
        memmove(s, s + a, len - a);
        return len - a;
    }
    size_t w = 0, r = 0;
    while (r <= len) {
        size_t e = r;
        while (e < len && s[e] != BR_MARK) e++;
        size_t l = wn_text_collapse_ws(s + r, e - r);
        if (l) {
            if (w) s[w++] = '\n';
            memmove(s + w, s + r, l);
            w += l;
        }
        r = e + 1;
    }
    return w;
}

static void flush(walker *w)
{
    buf *c = &w->cur;
    if (c->failed) w->d->failed = 1;
    if (!c->len || w->owner < 0 || c->failed) {
        c->len = 0;
        w->link = 0;
        return;
    }
    hdom *h = w->h;
    int level;
    block_kind k = kind_of(h, w->owner, &level);
    size_t raw = c->len;
    size_t l = normalise(c->data, c->len, k == BK_PRE);
    if (l) {
        block *b = wn_doc_add(w->d, k, c->data, l);
        if (b) {
            b->level = level;
            b->link_len = raw ? (size_t)((double)w->link * l / raw + 0.5) : 0;
            if (b->link_len > l) b->link_len = l;
            b->group = w->owner;
            b->path = dom_path(h, w->d, w->owner);
            if (!(h->flags[w->owner] & NF_INSIDE)) {
                b->dec = DEC_DROP;
                b->why = WHY_OUTSIDE_ARTICLE;
            }
        }
    }
    c->len = 0;
    w->link = 0;
    w->owner = -1;
}

static void enter(walker *w, int i)
{
    uint8_t t = w->h->tag[i];
    if (w->h->flags[i] & NF_BLOCK) flush(w);
    else if (t == TG_BR) wn_buf_putc(&w->cur, BR_MARK);
    else if (t == TG_TD || t == TG_TH) wn_buf_putc(&w->cur, ' ');
}

static void leave(walker *w, int i)
{
    if (w->h->flags[i] & NF_BLOCK) flush(w);
    else if (w->h->tag[i] == TG_TD || w->h->tag[i] == TG_TH) wn_buf_putc(&w->cur, ' ');
}

static void text(walker *w, const xmlNode *t)
{
    int p = hdom_idx(t->parent);
    if (p < 0 || !t->content) return;
    size_t n = strlen((const char *)t->content);
    if (w->owner < 0) {
        /* Leading whitespace alone does not open a block. */
        size_t k = 0;
        while (k < n && (t->content[k] == ' ' || t->content[k] == '\n' ||
                         t->content[k] == '\t' || t->content[k] == '\r'))
            k++;
        if (k == n) return;
        w->owner = w->h->owner[p];
    }
    wn_buf_append(&w->cur, (const char *)t->content, n);
    if (w->h->flags[p] & NF_LINK) w->link += n;
}

int wn_hblocks_emit(hdom *h, rule_matcher *m, doc *d)
{
    (void)m;
    if (!h->body || h->n == 0) return 0;
    walker w = {h, d, {0}, 0, -1};
    wn_buf_init(&w.cur, 0);
    xmlNode *root = h->body;
    xmlNode *n = root->children;
    while (n && n != root) {
        int descend = 0;
        if (n->type == XML_ELEMENT_NODE) {
            int i = hdom_idx(n);
            if (i >= 0 && !(h->flags[i] & NF_REMOVED)) {
                enter(&w, i);
                if (n->children) descend = 1;
                else leave(&w, i);
            }
        } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            text(&w, n);
        }
        if (descend) {
            n = n->children;
            continue;
        }
        while (n != root && !n->next) {
            n = n->parent;
            if (n == root) break;
            leave(&w, hdom_idx(n));
        }
        if (n == root) break;
        n = n->next;
    }
    flush(&w);
    wn_buf_free(&w.cur);
    return d->failed ? -1 : 0;
}
