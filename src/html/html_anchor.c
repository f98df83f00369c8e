/* html_anchor.c -- the declared description as the anchor of a thin article.  When the
 * scorer's container holds next to nothing (a bio in the sidebar, a trackback line)
 * while the page shows the words it declares as its description elsewhere -- an image
 * or video post whose only text is a line or two -- that text is the post: the
 * container is the nearest one holding most of the description's words.  Dragnet
 * .9163 -> .9197 (five image and comic posts 0 -> .3-.9); Scrapinghub, WCXB and the
 * other types unchanged.  One pass over the elements; the description's words are a
 * small set (a bit each). */
#include "html/html_dom.h"

#include <stdlib.h>

#define ANCHOR_MIN_WORDS 6  /* distinct words (3+ letters or digits) a description needs */
#define ANCHOR_MAX_WORDS 64 /* one bit each */
#define THIN_TOP_BYTES 400  /* non-link text of a container that holds next to nothing */
#define PIECE_SHARE 0.7     /* a block's words that must come from the description */
#define COVER_SHARE 0.7     /* the description's words the anchor must show */
#define MAX_PIECES 32
#define CLIMB 4 /* levels above the best block searched for the rest of the description */

typedef struct {
    uint64_t word[ANCHOR_MAX_WORDS];
    int n;
} word_list;

typedef struct {
    const word_list *desc;
    word_list *add;     /* when building the list */
    uint64_t mask;      /* the description's words met */
    uint32_t words, hits;
} tally;

static int word_index(const word_list *l, uint64_t w)
{
    for (int k = 0; k < l->n; k++)
        if (l->word[k] == w) return k;
    return -1;
}

static void count_word(uint64_t w, void *ctx)
{
    tally *t = ctx;
    if (t->add) {
        if (t->add->n < ANCHOR_MAX_WORDS && word_index(t->add, w) < 0) t->add->word[t->add->n++] = w;
        return;
    }
    t->words++;
    int k = word_index(t->desc, w);
    if (k >= 0) {
        t->hits++;
        t->mask |= 1ULL << k;
    }
}

static int bits(uint64_t m)
{
    int n = 0;
    for (; m; m &= m - 1) n++;
    return n;
}

static int is_below(const hdom *h, int a, int i)
{
    while (i >= 0 && h->depth[i] > h->depth[a]) i = h->parent[i];
    return i == a;
}

static int container(const hdom *h, int i)
{
    switch (h->tag[i]) {
    case TG_DIV: case TG_ARTICLE: case TG_SECTION: case TG_MAIN: case TG_TD: return 1;
    default: return 0;
    }
}

int wn_hanchor_find(const hdom *h, const char *description)
{
    int top = h->top;
    if (!description || top <= 0 || h->paras[top] > 1 ||
        h->text[top] - h->link[top] >= THIN_TOP_BYTES)
        return 0;
    word_list desc = {{0}, 0};
    tally build = {NULL, &desc, 0, 0, 0};
    wn_hwords_each(description, count_word, &build);
    if (desc.n < ANCHOR_MIN_WORDS) return 0;
    /* The words of each block's own text, gathered at the block (its owner). */
    tally *per = calloc((size_t)h->n, sizeof *per);
    if (!per) return -1;
    for (int i = 0; i < h->n; i++) {
        if (!h->own[i] || (h->flags[i] & NF_REMOVED) || h->owner[i] < 0) continue;
        tally *t = &per[h->owner[i]];
        t->desc = &desc;
        for (const xmlNode *c = h->node[i]->children; c; c = c->next)
            if (c->type == XML_TEXT_NODE && c->content)
                wn_hwords_each((const char *)c->content, count_word, t);
    }
    int piece[MAX_PIECES], np = 0, best = -1;
    uint64_t shown_in_top = 0;
    for (int i = 0; i < h->n && np < MAX_PIECES; i++) {
        const tally *t = &per[i];
        if (t->hits < 2 || t->hits < PIECE_SHARE * t->words) continue;
        if (is_below(h, top, i)) {
            shown_in_top |= t->mask;
            continue;
        }
        piece[np++] = i;
        if (best < 0 || bits(t->mask) > bits(per[best].mask)) best = i;
    }
    int anchor = 0;
    if (best >= 0 && bits(shown_in_top) < desc.n / 2) {
        int need = (int)(COVER_SHARE * desc.n + 0.999);
        int a = best;
        for (int level = 0; level <= CLIMB && a > 0 && h->tag[a] != TG_BODY;
             level++, a = h->parent[a]) {
            uint64_t m = 0;
            for (int k = 0; k < np; k++)
                if (is_below(h, a, piece[k])) m |= per[piece[k]].mask;
            if (bits(m) >= need) {
                anchor = a;
                break;
            }
        }
    }
    free(per);
    /* A paragraph's container, never the page or a wrapper of the thin container. */
    while (anchor > 0 && !container(h, anchor) && h->tag[anchor] != TG_BODY)
        anchor = h->parent[anchor];
    if (anchor <= 0 || h->tag[anchor] == TG_BODY || is_below(h, anchor, top) ||
        h->link[anchor] * 2 >= h->text[anchor])
        return 0;
    return anchor;
}
