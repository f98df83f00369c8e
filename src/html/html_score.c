/* html_score.c -- candidate selection in the spirit of Readability: every paragraph-like
 * element with prose gives points (1 + punctuation + length) to its parent and, damped,
 * to a few more ancestors; a container's score is scaled by (1 - link density), with
 * bonuses for semantic markup (article, main, itemprop=articleBody) and keep@attr
 * hints, plus a little for the mass of non-link text.  The best container moves up
 * when rival candidates show the article is split, when its parent scores as well,
 * or when an ancestor holds clearly more prose paragraphs (page builders); then
 * siblings that look like more of the same article are merged, and small <article>
 * teasers inside it are removed.  Marks NF_CHOSEN on the picked elements and
 * NF_INSIDE on everything below them; every pass is linear. */
#include "html/html_dom.h"

#define ANCESTORS 5  /* how far up a paragraph's points travel */
#define TOPN 5       /* candidates kept for the split-article vote */
#define WIDEN_LEVELS 16 /* how far up widen() looks */
#define MASS_UNIT 400.0 /* bytes of non-link text worth one point ... */
#define MASS_CAP 10.0   /* ... up to this many */
#define TEASER_LD 0.2  /* a column of teasers: this much of its text in links ... */
#define TEASER_STORY 3 /* ... beside a story of this many prose paragraphs or more */
#define KEEP_BONUS 25 /* for a keep@attr hint, the article body's */
#define SPLIT_VOTES 2 /* strong rival candidates that make the article "split" */

static double init_score(const hdom *h, int i)
{
    double s = 0;
    switch (h->tag[i]) {
    case TG_DIV: case TG_ARTICLE: case TG_MAIN: case TG_SECTION: s = 5; break;
    case TG_PRE: case TG_TD: case TG_BLOCKQUOTE: s = 3; break;
    case TG_OL: case TG_UL: case TG_DL: case TG_DD: case TG_DT: case TG_LI: case TG_FORM:
        s = -3; break;
    case TG_H1: case TG_H2: case TG_H3: case TG_H4: case TG_H5: case TG_H6: case TG_TH:
        s = -5; break;
    default: break;
    }
    if (h->flags[i] & NF_KEEP) s += KEEP_BONUS;
    if (h->flags[i] & NF_SEMANTIC) s += 10;
    return s;
}

static int paragraph_like(const hdom *h, int i)
{
    switch (h->tag[i]) {
    case TG_P: case TG_PRE: case TG_TD: case TG_BLOCKQUOTE: return h->text[i] >= 25;
    case TG_LI: case TG_DD: return h->inl[i] >= 80 && h->link[i] * 3 < h->text[i];
    default:
        /* A div with its own run of text reads as a paragraph (Readability turns such
         * divs into <p>). */
        return (h->flags[i] & NF_BLOCK) && h->inl[i] >= 25 && h->tag[i] != TG_BODY &&
               !(h->tag[i] >= TG_H1 && h->tag[i] <= TG_H6);
    }
}

static double link_density(const hdom *h, int i)
{
    return h->text[i] ? (double)h->link[i] / h->text[i] : 0;
}

/* A container marked as the article's body (keep@attr) that holds its text itself (a
 * <div> of text and <br>s, as Blogger's posts) has no paragraphs to give it points: it is
 * no candidate, and its hint would go unheard.  The one such on a page lends its hint's
 * bonus to the wrapper its points go to; several are teaser cards' excerpts.  Dragnet
 * .9197 -> .9210 (Blogger posts beside a longer profile 0 -> .6), WCXB article same. */
static int body_of_text(const hdom *h, int i)
{
    return (h->flags[i] & NF_KEEP) && h->tag[i] != TG_P && h->inl[i] * 2 >= h->text[i];
}

static void add_points(hdom *h, int i, double pts)
{
    int a = h->parent[i];
    for (int level = 0; level < ANCESTORS && a >= 0; level++, a = h->parent[a]) {
        if (!(h->flags[a] & NF_SCORED)) {
            h->flags[a] |= NF_SCORED;
            h->score[a] = (float)init_score(h, a);
        }
        double div = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        h->score[a] += (float)(pts / div);
    }
}

static int is_ancestor(const hdom *h, int a, int i)
{
    while (i >= 0 && h->depth[i] > h->depth[a]) i = h->parent[i];
    return i == a;
}

/* Siblings of the top candidate that carry more of the article. */
static void merge_siblings(hdom *h, int top)
{
    int p = h->parent[top];
    if (p < 0) return;
    double thr = h->score[top] * 0.2 > 10 ? h->score[top] * 0.2 : 10;
    for (xmlNode *c = h->node[p]->children; c; c = c->next) {
        int s = hdom_idx(c);
        if (s < 0 || s == top || (h->flags[s] & NF_REMOVED) || !h->text[s]) continue;
        double ld = link_density(h, s);
        int take = (h->flags[s] & NF_SCORED) && h->score[s] >= thr;
        /* A sibling too deep for the points to reach it, but with real paragraphs. */
        if (!take && h->paras[s] >= 3 && ld < 0.3 && h->paras[s] * 3 >= h->paras[top]) take = 1;
        if (!take && h->tag[s] == TG_P) {
            if (h->text[s] > 80 && ld < 0.25) take = 1;
            else if (h->text[s] > 0 && ld == 0 && h->punct[s] > 0) take = 1;
        }
        if (take) h->flags[s] |= NF_CHOSEN;
    }
}

/* Whether a child of a other than `from` holds as many prose paragraphs as `from`: a
 * second column (a sidebar of teasers, the next story) beside the article.  A wrapper
 * that outscores the story's own ancestors by such a column is not the story's: on
 * dragnet-train .9134 -> .9140 (a blog post under a column of dated teasers .38 ->
 * .88), documentation +.0014; wcxb-dev-article -.0001, listing -.0004.  widen() stops
 * only at a column of teasers (teaser_column()): stopping at any such column cost
 * wcxb-dev-article .001 and forums .006. */
static int rival_column(const hdom *h, int a, int from)
{
    for (const xmlNode *c = h->node[a]->children; c; c = c->next) {
        int i = hdom_idx(c);
        if (i >= 0 && i != from && h->paras[i] >= h->paras[from]) return 1;
    }
    return 0;
}

/* Whether a child of a other than `from` holds as many prose paragraphs as `from` (a
 * story of TEASER_STORY or more) with clearly more of its text in links, or is an
 * <aside>: a column of teasers beside the story (a blog's recent posts, each a linked
 * heading and a line; a sidebar of features), which widen() must not take in.
 * Dragnet .9151 -> .9163 (four blog posts .55 -> .97), wcxb-dev-article +.0001; the
 * <aside> .9210 -> .9215 (a story under a sidebar of features .13 -> .92). */
static int teaser_column(const hdom *h, int a, int from)
{
    if (h->paras[from] < TEASER_STORY) return 0;
    double ld = link_density(h, from);
    for (const xmlNode *c = h->node[a]->children; c; c = c->next) {
        int i = hdom_idx(c);
        if (i < 0 || i == from || h->paras[i] < h->paras[from]) continue;
        double li = link_density(h, i);
        if ((li >= TEASER_LD && li > 3 * ld) || h->tag[i] == TG_ASIDE) return 1;
    }
    return 0;
}

/* Page builders wrap every paragraph in its own stack of sections, deeper than the
 * points travel: when an ancestor with few links holds clearly more prose paragraphs
 * than the winner, the article is that ancestor (the lowest one holding nearly all
 * of that prose), below any column of teasers beside it. */
static int widen(const hdom *h, int top)
{
    int chain[WIDEN_LEVELS];
    int k = 0;
    uint32_t best = h->paras[top];
    for (int a = h->parent[top], from = top; a > 0 && h->tag[a] != TG_BODY && k < WIDEN_LEVELS;
         from = a, a = h->parent[a]) {
        if (link_density(h, a) >= 0.35 || teaser_column(h, a, from)) break;
        chain[k++] = a;
        if (h->paras[a] > best) best = h->paras[a];
    }
    if (best < h->paras[top] * 2 + 2) return top;
    for (int j = 0; j < k; j++)
        if (h->paras[chain[j]] * 10 >= best * 9) return chain[j];
    return top;
}

void wn_hscore_select(hdom *h)
{
    if (h->n == 0) return;
    int bodies = 0;
    for (int i = 1; i < h->n && bodies < 2; i++)
        if (!(h->flags[i] & NF_REMOVED) && paragraph_like(h, i) && body_of_text(h, i)) bodies++;
    for (int i = 1; i < h->n; i++) {
        if ((h->flags[i] & NF_REMOVED) || !paragraph_like(h, i)) continue;
        uint32_t len = h->tag[i] == TG_P || h->tag[i] == TG_PRE ? h->text[i] : h->inl[i];
        double pts = 1 + h->punct[i] + (len / 100 > 3 ? 3 : len / 100);
        if (bodies == 1 && body_of_text(h, i)) pts += KEEP_BONUS;
        add_points(h, i, pts);
    }
    int best[TOPN];
    int nb = 0;
    for (int i = 0; i < h->n; i++) {
        if (!(h->flags[i] & NF_SCORED)) continue;
        h->score[i] *= (float)(1 - link_density(h, i));
        /* Mass of non-link text breaks ties between a short story and a short footer. */
        double mass = (double)(h->text[i] - h->link[i]) / MASS_UNIT;
        h->score[i] += (float)(mass > MASS_CAP ? MASS_CAP : mass);
        int k;
        if (nb < TOPN) {
            k = nb++;
        } else {
            if (h->score[best[TOPN - 1]] >= h->score[i]) continue;
            k = TOPN - 1;
        }
        best[k] = i;
        while (k > 0 && h->score[best[k - 1]] < h->score[best[k]]) {
            int t = best[k - 1];
            best[k - 1] = best[k];
            best[k] = t;
            k--;
        }
    }
    int top = nb ? best[0] : 0;
    if (nb) {
        /* Several strong candidates under one ancestor: the article is split. */
        int common = top, votes = 0;
        for (int k = 1; k < nb; k++)
            if (h->score[best[k]] >= 0.75 * h->score[top] && !is_ancestor(h, top, best[k]) &&
                !is_ancestor(h, best[k], top))
                votes++;
        if (votes >= SPLIT_VOTES) {
            for (int a = h->parent[top]; a >= 0; a = h->parent[a]) {
                int in = 0;
                for (int k = 1; k < nb; k++)
                    if (h->score[best[k]] >= 0.75 * h->score[top] && is_ancestor(h, a, best[k]) &&
                        !is_ancestor(h, best[k], top))
                        in++;
                if (in >= SPLIT_VOTES) {
                    common = a;
                    break;
                }
            }
            top = common;
        }
        /* Walk up while the parent scores as well: the article's wrapper. */
        double last = h->score[top];
        for (int a = h->parent[top], from = top; a > 0 && h->tag[a] != TG_BODY;
             from = a, a = h->parent[a]) {
            if (!(h->flags[a] & NF_SCORED)) continue;
            if (h->score[a] < last / 3) break;
            if (h->score[a] > last && rival_column(h, a, from)) break;
            if (h->score[a] > last) {
                top = a;
                break;
            }
            last = h->score[a];
        }
        /* A wrapper with the same text is the same candidate: take the outer one. */
        while (h->parent[top] > 0 && h->tag[h->parent[top]] != TG_BODY &&
               h->text[h->parent[top]] == h->text[top])
            top = h->parent[top];
    }
    /* The container the declared description anchors, where the one scored held next
     * to nothing (html_anchor.c). */
    top = h->anchor > 0 && !(h->flags[h->anchor] & NF_REMOVED) ? h->anchor : widen(h, top);
    h->top = top;
    h->flags[top] |= NF_CHOSEN;
    merge_siblings(h, top);
    /* An <article> inside the article is a teaser card (related posts), not more of
     * the story. */
    for (int i = 0; i < h->n; i++) {
        int p = h->parent[i];
        if ((h->flags[i] & NF_CHOSEN) || (p >= 0 && (h->flags[p] & NF_INSIDE)))
            h->flags[i] |= NF_INSIDE;
        if (p >= 0 && (h->flags[p] & NF_IN_ART)) {
            h->flags[i] |= NF_IN_ART;
            if (h->tag[i] == TG_ARTICLE && (h->flags[i] & NF_INSIDE) &&
                i != top &&
                h->text[i] * 4 < h->text[top] &&
                (h->text[i] < 800 || link_density(h, i) >= 0.2) &&
                !(h->flags[i] & NF_CHOSEN) && !h->nested_kept) {
                h->flags[i] |= NF_REMOVED;
                h->why[i] = "nested article";
                h->nested_removed++;
            }
        }
        if (h->tag[i] == TG_ARTICLE) h->flags[i] |= NF_IN_ART;
        if (p >= 0 && (h->flags[p] & NF_REMOVED)) h->flags[i] |= NF_REMOVED;
    }
}
