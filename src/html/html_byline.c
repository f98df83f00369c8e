/* html_byline.c -- what a page shows around its headline: the date line ("Updated
 * Dec 17, 2025 - 8 min read") and the byline ("By Ann Lee and Jo Doe").
 *
 * Pages that declare nothing still print these where a reader looks first, and pages
 * whose declared date is a template's (the first publication of a post rewritten since)
 * print the date they stand by.  The headline element is found again (the h1 or other
 * element whose text is the title html_title.c chose); the page is then read as lines,
 * as a browser lays it out (a block-level element or <br> ends one), from a few lines
 * above the headline to a dozen below it, and short lines are searched.  Pruned nodes
 * are read too: the rules prune bylines and date lines from the article's text, not
 * from its metadata.  The walk is bounded in nodes and lines. */
#include <libxml/tree.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "article/article.h"
#include "html/html_dom.h"
#include "meta/meta.h"

#define LINES_BEFORE 4    /* lines above the headline read (a kicker, a date above it) */
#define LINES_AFTER 14    /* lines below it */
#define WALK_NODES 1500   /* nodes visited at most */
#define LINE_CAP 160      /* longer lines are prose, not a date line or a byline */
#define START_BACK 40     /* elements before the headline where the walk starts */
#define ANYWHERE_LOOKS 8  /* marked elements read far from the headline */
#define DATE_CAP 80       /* text of a date element read far from the headline */
#define AUTHOR_CAP 120    /* a marked element with more text is an author's box, a bio */
#define GATHER_NODES 200  /* nodes read of one marked element */

typedef struct {
    char text[LINE_CAP + 1];
    size_t len;
    int overflow;     /* longer than LINE_CAP */
    char author[2 * AUTHOR_CAP + 1]; /* the text of an element on the line marked as the
                                    author's (class, id, rel, itemprop), or "" */
    const char *time; /* the datetime of a <time> on the line */
    int heading;      /* opened by a heading (h1-h6): another headline, an entry's title */
    const char *changed;   /* the date of an element on the line marked as the last
                              change (itemprop=dateModified), or NULL */
    const char *updated;   /* ... of one of class "updated" (hAtom's, which themes also
                              put on the publication date) */
    const char *published; /* ... of one marked as the publication */
} line;

/* The element whose text is the headline: an h1 first, then any element of the title's
 * length; else the first visible h1; -1 when none is. */
static int headline_index(const hdom *h, const char *title)
{
    if (!title) return -1;
    size_t tl = strlen(title);
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < h->n; i++) {
            if (pass == 0 && h->tag[i] != TG_H1) continue;
            if (h->raw[i] + 2 < tl || h->raw[i] > tl + 2) continue;
            xmlChar *c = xmlNodeGetContent(h->node[i]);
            if (!c) continue;
            size_t l = wn_text_collapse_ws((char *)c, strlen((const char *)c));
            int same = l == tl && memcmp(c, title, l) == 0;
            xmlFree(c);
            if (same) return i;
        }
    }
    /* A title from <title> that the page words otherwise: its first h1. */
    for (int i = 0; i < h->n; i++)
        if (h->tag[i] == TG_H1 && !(h->flags[i] & NF_REMOVED) && h->text[i]) return i;
    return -1;
}

static int is_alnum(char c)
{
    return (c >= '0' && c <= '9') || (unsigned char)((c | 0x20) - 'a') < 26;
}

int wn_hbyline_holds(const char *s, const char *w)
{
    return wn_article_contains(s, strlen(s), w);
}

/* Whether v holds one of the words that mark an author's element.  One pass over v:
 * a word is compared only where v has a letter one of them starts with. */
static int holds_author_word(const char *v)
{
    static const char *const words[] = {"author", "byline", "writer", "contributor",
                                        "username", "user-name", "poster", "creator", NULL};
    for (; *v; v++) {
        unsigned l = ((unsigned char)*v | 0x20) - 'a';
        if (l >= 26) continue;
        for (size_t k = 0; words[k]; k++) {
            if ((unsigned)(words[k][0] - 'a') != l) continue;
            if (strncasecmp(v, words[k], strlen(words[k])) == 0) return 1;
        }
    }
    return 0;
}

/* Whether an attribute value names the author's element: "author", "byline",
 * "writer", "contributor" in a class, id, rel or itemprop.  Read for every element the
 * byline walks pass, so its attributes are gone through once (each name's first, as
 * wn_hdom_attr finds it). */
int wn_hbyline_marks_author(const xmlNode *n)
{
    /* A link to the author's page. */
    const char *href = strcmp((const char *)n->name, "a") == 0 ? wn_hdom_attr(n, "href") : NULL;
    static const char *const paths[] = {"/author/", "/authors/", "/profile/", "/people/",
                                        "/members/", "/member/", "/users/", "/user/", NULL};
    /* Every path starts with '/': compared at each '/' of the href only. */
    for (const char *at = href ? strchr(href, '/') : NULL; at; at = strchr(at + 1, '/'))
        for (const char *const *p = paths; *p; p++)
            if (strncasecmp(at, *p, strlen(*p)) == 0) return 1;
    static const char *const attrs[] = {"class", "id", "rel", "itemprop"};
    unsigned seen = 0;
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        const char *an = (const char *)a->name;
        if (!an) continue;
        char f = (char)(*an | 0x20);
        int k = f == 'c' ? 0 : f == 'i' ? (an[1] && (an[1] | 0x20) == 'd' ? 1 : 3) : f == 'r' ? 2 : -1;
        if (k < 0 || (seen >> k & 1) || strcasecmp(an, attrs[k]) != 0) continue;
        seen |= 1u << k;
        if (holds_author_word(wn_hdom_attr_value(a))) return 1;
    }
    return 0;
}

typedef struct {
    const hdom *h;
    line lines[LINES_BEFORE + 1 + LINES_AFTER];
    int n;           /* lines kept */
    int headline;    /* index of the headline's line in lines[], or -1 */
    int after;       /* lines kept after the headline */
    int visited;
    line cur;
    const char *not_after; /* for the dates of marked elements */
    arena *a;
} walker;

static void end_line(walker *w)
{
    line *c = &w->cur;
    c->len = wn_text_collapse_ws(c->text, c->len);
    c->text[c->len] = '\0';
    if ((c->len || c->time) && w->n < (int)(sizeof w->lines / sizeof *w->lines)) {
        if (w->headline < 0 && w->n == LINES_BEFORE) { /* keep only the last few */
            memmove(w->lines, w->lines + 1, (LINES_BEFORE - 1) * sizeof *w->lines);
            w->n--;
        }
        w->lines[w->n++] = *c;
        if (w->headline >= 0) w->after++;
        memset(c, 0, sizeof *c);
        return;
    }
    /* An empty line (an author box's picture) hands its author to the next. */
    char author[sizeof c->author];
    memcpy(author, c->author, sizeof author);
    memset(c, 0, sizeof *c);
    memcpy(c->author, author, sizeof author);
}

static int is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static void add_text(walker *w, const char *s)
{
    line *c = &w->cur;
    /* Without the source's indentation around it: a padded "Nov 21, 2018" is short. */
    while (is_ascii_space(*s)) s++;
    size_t l = strlen(s);
    while (l && is_ascii_space(s[l - 1])) l--;
    if (!l) return;
    if (c->len + l + 1 > LINE_CAP) {
        c->overflow = 1;
        if (c->len + 1 >= LINE_CAP) return; /* full: only its start is read */
        l = utf8_boundary(s, LINE_CAP - c->len - 1);
    }
    if (c->len) c->text[c->len++] = ' ';
    memcpy(c->text + c->len, s, l);
    c->len += l;
}

static int breaks_line(const hdom *h, int i)
{
    return (h->flags[i] & NF_BLOCK) || h->tag[i] == TG_BR || h->tag[i] == TG_TD ||
           h->tag[i] == TG_TH;
}

/* Appends the text under n to t (at most AUTHOR_CAP bytes), a line break around each
 * block, so that "<div>Ann Lee</div><div>Staff writer</div>" reads as two parts;
 * *budget counts the nodes visited. */
static void gather_nodes(const hdom *h, const xmlNode *n, char *t, size_t *len, int *budget)
{
    for (const xmlNode *c = n->children; c && *len < AUTHOR_CAP && --*budget > 0; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) {
            size_t l = strlen((const char *)c->content);
            if (*len + l > AUTHOR_CAP) l = utf8_boundary((const char *)c->content, AUTHOR_CAP - *len);
            memcpy(t + *len, c->content, l);
            *len += l;
        } else if (c->type == XML_ELEMENT_NODE && hdom_idx(c) >= 0) {
            int brk = breaks_line(h, hdom_idx(c));
            if (brk && *len < AUTHOR_CAP) t[(*len)++] = '\n';
            gather_nodes(h, c, t, len, budget);
            if (brk && *len < AUTHOR_CAP) t[(*len)++] = '\n';
        }
    }
}

/* gather_nodes over at most GATHER_NODES nodes: an author's element with little text
 * may still hold a great many empty ones. */
static void gather(const hdom *h, const xmlNode *n, char *t, size_t *len)
{
    int budget = GATHER_NODES;
    gather_nodes(h, n, t, len, &budget);
}

/* The date element n's text gives (ISO 8601, in a), or NULL. */
static const char *element_date(const hdom *h, const xmlNode *n, const char *not_after, arena *a)
{
    char t[AUTHOR_CAP + 1];
    size_t len = 0;
    gather(h, n, t, &len);
    t[len] = '\0';
    return wn_meta_iso_date(t, not_after, a);
}

/* Keeps the text of element i, marked as the author's, on the current line: its
 * lines joined with " | " (a part boundary for wn_meta_author). */
static void keep_author(walker *w, int i)
{
    line *c = &w->cur;
    if (c->author[0] || !w->h->raw[i] || w->h->raw[i] > AUTHOR_CAP) return;
    char t[AUTHOR_CAP + 1];
    size_t l = 0;
    gather(w->h, w->h->node[i], t, &l);
    size_t o = 0;
    for (size_t k = 0; k < l && o + 3 < sizeof c->author; k++) {
        if (t[k] != '\n') {
            c->author[o++] = t[k];
        } else if (o && c->author[o - 1] != '|') {
            memcpy(c->author + o, " | ", 3);
            o += 3;
        }
    }
    c->author[o] = '\0';
    c->author[wn_text_collapse_ws(c->author, o)] = '\0';
}

/* Whether element n's class holds the token t (a whole word, in any ASCII case). */
static int class_token(const xmlNode *n, const char *t)
{
    const char *c = wn_hdom_attr(n, "class");
    size_t tl = strlen(t);
    for (const char *p = c; p && *p;) {
        while (is_ascii_space(*p)) p++;
        size_t l = 0;
        while (p[l] && !is_ascii_space(p[l])) l++;
        if (l == tl && strncasecmp(p, t, tl) == 0) return 1;
        p += l;
    }
    return 0;
}

/* What element n marks its date as, in the vocabularies publishing systems write:
 * 'C' the last change (itemprop=dateModified), 'U' hAtom's class "updated", 'P' the
 * publication (itemprop=datePublished, class "published"; "entry-date published
 * updated" is both, a publication never changed), else 0. */
static int date_role(const xmlNode *n)
{
    if (!n->properties) return 0;
    const char *ip = wn_hdom_attr(n, "itemprop");
    if (ip && strcasecmp(ip, "datePublished") == 0) return 'P';
    if (ip && strcasecmp(ip, "dateModified") == 0) return 'C';
    if (class_token(n, "published")) return 'P';
    return class_token(n, "updated") ? 'U' : 0;
}

static int done(const walker *w) { return w->after >= LINES_AFTER || w->visited >= WALK_NODES; }

/* Reads the subtree of n (an indexed element) into lines; marked says whether an
 * ancestor marks the author.  Recursion follows the DOM, whose depth is capped. */
static void walk(walker *w, const xmlNode *n, int marked, int hl)
{
    const hdom *h = w->h;
    int i = hdom_idx(n);
    if (i < 0 || done(w)) return;
    w->visited++;
    int brk = breaks_line(h, i);
    if (brk) end_line(w);
    if (i == hl) { /* the headline is a line of its own */
        w->headline = w->n;
        w->after = 0;
        return;
    }
    if (h->tag[i] >= TG_H1 && h->tag[i] <= TG_H6) w->cur.heading = 1;
    /* An author's box with more than a name in it (an avatar, a bio): its parts are
     * read for a smaller marked element. */
    if (!marked && wn_hbyline_marks_author(n) && h->raw[i] <= AUTHOR_CAP) {
        marked = 1;
        keep_author(w, i);
    }
    int role = date_role(n);
    if (role && w->a) {
        const char **slot = role == 'C'   ? &w->cur.changed
                            : role == 'U' ? &w->cur.updated
                                          : &w->cur.published;
        if (!*slot) *slot = element_date(h, n, w->not_after, w->a);
    }
    /* The line's <time>, unless it is the last change's. */
    if (strcmp((const char *)n->name, "time") == 0 && !w->cur.time && role != 'C')
        w->cur.time = wn_hdom_attr(n, "datetime");
    for (const xmlNode *c = n->children; c && !done(w); c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) add_text(w, (const char *)c->content);
        else if (c->type == XML_ELEMENT_NODE) walk(w, c, marked, hl);
    }
    if (brk) end_line(w);
}

/* Lines around the headline hl, walked from start (an element before it) on. */
static void read_lines(walker *w, int start, int hl)
{
    /* From start, on through the following siblings of it and of its ancestors. */
    const xmlNode *n = w->h->node[start];
    while (n && !done(w)) {
        if (n->type == XML_ELEMENT_NODE) walk(w, n, 0, hl);
        else if (n->type == XML_TEXT_NODE && n->content) add_text(w, (const char *)n->content);
        while (n && !n->next) {
            n = n->parent;
            /* Leaving a block ends its line. */
            if (n && hdom_idx(n) >= 0 && breaks_line(w->h, hdom_idx(n))) end_line(w);
        }
        n = n ? n->next : NULL;
    }
    end_line(w);
}

/* Words that make the date after them the last change, not the publication. */
static const char *const update_words[] = {
    "updated", "modified", "revised", "edited", "aktualisiert", "mis \xc3\xa0 jour",
    "actualizado", "aggiornato", "atualizado", "bijgewerkt", NULL};

/* Whether s[0..len) says that what follows is a change. */
static int says_update(const char *s, size_t len)
{
    for (const char *const *w = update_words; *w; w++) {
        size_t wl = strlen(*w);
        for (size_t i = 0; i + wl <= len; i++)
            if (strncasecmp(s + i, *w, wl) == 0) return 1;
    }
    return 0;
}

/* A sentence of the story that mentions a date ("The offer is valid until December 3,
 * 2025.") is no date line: many words, and a full stop after a word of four letters or
 * more ("Dec. 19" and "Dr. Lee" are abbreviations). */
static int is_prose(const line *l)
{
    int words = 1;
    for (size_t i = 0; i < l->len; i++) words += l->text[i] == ' ';
    if (words <= 10) return 0;
    for (size_t i = 4; i < l->len; i++) {
        if (l->text[i] != '.' || (i + 1 < l->len && l->text[i + 1] != ' ')) continue;
        size_t w = 0;
        while (w < i && (is_alnum(l->text[i - 1 - w]))) w++;
        if (w >= 4) return 1;
    }
    return 0;
}

/* Whether line k is the headline's own: no heading stands between them (on a page of
 * entries the first byline under the page's heading is an entry's, under its title).
 * lines[w->headline] is the line after the headline's. */
static int beside_headline(const walker *w, int k)
{
    int from = k < w->headline ? k + 1 : w->headline, to = k < w->headline ? w->headline : k;
    for (int j = from; j < to; j++)
        if (w->lines[j].heading) return 0;
    return 1;
}

/* The day number of an ISO date's first ten characters (days from 1970-01-01, by the
 * civil calendar), or 0 when s starts with none. */
static long day_number(const char *s)
{
    int y, m, d;
    if (!s || sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3) return 0;
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400, yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

/* Whether an ISO value's time carries a zone other than UTC ("T21:50:50-05:00"). */
static int local_zone(const char *iso)
{
    const char *z = strlen(iso) > 19 ? iso + strlen(iso) - 6 : NULL;
    return z && (z[0] == '+' || z[0] == '-') && strcmp(z + 1, "00:00") != 0;
}

/* Whether date d of line l is the day an element of the line marks as the last
 * change, and none as the publication: itemprop=dateModified, or class "updated" where
 * another element of the line is the published one ("<time class=updated>May
 * 21</time><time class=published>April 24</time>"); alone, themes put "updated" on the
 * publication date too. */
static int is_change(const line *l, const char *d)
{
    if (l->published && strncmp(d, l->published, 10) == 0) return 0;
    return (l->changed && strncmp(d, l->changed, 10) == 0) ||
           (l->updated && l->published && strncmp(d, l->updated, 10) == 0);
}

/* The dates of a line into out (none after not_after): a date after "Updated" is the
 * last change, any other the publication.  Its words first, else its <time>'s
 * datetime.  Returns whether it found one. */
static int line_dates(const line *l, const char *not_after, arena *a, hbyline *out)
{
    const char *had = out->date, *had_mod = out->date_modified;
    const char *p = l->text, *at, *d;
    int not_pub = 0; /* a date of the line was a member's or a latest reply's */
    if (!l->overflow && !is_prose(l)) {
        while ((d = wn_meta_next_date(p, &at, not_after, a)) != NULL) {
            const char *from = at - l->text > 24 ? at - 24 : l->text;
            if (from < p) from = p;
            /* A member's date, a latest reply's: read on. */
            if (wn_meta_date_not_publication(p, at)) {
                not_pub = 1;
                p = at + 1;
                while (is_alnum(*p)) p++;
                continue;
            }
            int changed = is_change(l, d);
            const char **slot = changed || says_update(from, (size_t)(at - from))
                                    ? &out->date_modified
                                    : &out->date;
            if (!*slot) {
                *slot = d;
                if (slot == &out->date) out->date_either_way = wn_meta_date_order(at) == '?';
            }
            if (slot == &out->date && !out->date_src) out->date_src = "date line by the headline";
            /* On past the date's first word: read from at + 1, "23 Oct 2025" would
             * give "3 Oct 2025" too. */
            p = at + 1;
            while (is_alnum(*p)) p++;
        }
    }
    /* Words a day off the line's <time>, whose datetime gives the publisher's zone: the
     * words were written in another zone (the reader's, as a script renders them), the
     * datetime's day is the page's. */
    if (out->date != had && l->time) {
        const char *t = wn_meta_iso_date(l->time, not_after, a);
        long gap = t ? day_number(t) - day_number(out->date) : 0;
        if (t && local_zone(t) && (gap == 1 || gap == -1)) {
            out->date = t;
            out->date_src = "<time datetime> by the headline, in its own zone";
        }
    }
    /* A sentence's <time> ("... available at <a>, first published <time>") is the
     * sentence's. */
    if (!out->date && !out->date_modified && l->time && !l->overflow && !is_prose(l) &&
        !not_pub) {
        out->date = wn_meta_iso_date(l->time, not_after, a);
        out->date_src = "<time datetime> by the headline";
    }
    return out->date != had || out->date_modified != had_mod;
}

/* Words before "by" that credit someone other than the author. */
static const char *const not_author[] = {"photo", "photos", "image", "images", "illustration",
                                         "photograph", "video", "reviewed", "checked",
                                         "powered", "sponsored", "presented", "courtesy",
                                         "edited", "hosted", "designed", NULL};

/* The byline's names on line l: its marked element's, else what follows a "By" (not
 * a photo's or a reviewer's credit) or an "Author:". */
static const char *line_author(const line *l, arena *a)
{
    /* The marked element's names, unless the line labels them a latest reply's
     * ("last post by <a href=/members/..>nwberm</a>"). */
    const char *pos = l->author[0] ? strstr(l->text, l->author) : NULL;
    if (l->author[0] && !(pos && wn_meta_date_not_publication(l->text, pos))) {
        const char *n = wn_meta_author(l->author, 1, a);
        if (n) return n;
    }
    if (l->overflow || is_prose(l)) return NULL;
    if (strncasecmp(l->text, "author", 6) == 0) return wn_meta_author(l->text, 1, a);
    for (size_t i = 0; i + 3 <= l->len; i++) {
        if (strncasecmp(l->text + i, "by", 2) != 0 || (i && is_alnum(l->text[i - 1])) ||
            (l->text[i + 2] != ' ' && l->text[i + 2] != ':'))
            continue;
        /* The word before it. */
        size_t e = i;
        while (e && l->text[e - 1] == ' ') e--;
        size_t b = e;
        while (b && is_alnum(l->text[b - 1])) b--;
        int credit = 0;
        for (const char *const *x = not_author; *x && !credit; x++)
            credit = e - b == strlen(*x) && strncasecmp(l->text + b, *x, e - b) == 0;
        /* "last post by nwberm": the latest reply's poster, not the author. */
        if (credit || wn_meta_date_not_publication(l->text, l->text + i)) continue;
        /* One lowercase word after "by" is a phrase ("by design"), not a handle. */
        const char *name = wn_meta_author(l->text + i, 1, a);
        if (name && !strchr(name, ' ') && !(name[0] >= 'A' && name[0] <= 'Z')) continue;
        return name;
    }
    return NULL;
}

/* A name without a "By" where the date line is: on it ("Dec 26, 2025 - Ann Lee") or
 * alone on the line above or below it, in capitalised words. */
static const char *next_to_date(const walker *w, int k, arena *a)
{
    const line *l = &w->lines[k];
    const char *name = l->overflow || is_prose(l) ? NULL : wn_meta_author(l->text, 1, a);
    for (int j = k - 1; j <= k + 1 && !name; j += 2) {
        if (j < 0 || j >= w->n || j == w->headline - 1) continue;
        const char *n = wn_meta_author(w->lines[j].text, 1, a);
        if (n && strchr(n, ' ') && strcmp(n, w->lines[j].text) == 0) name = n;
    }
    return name;
}

/* Far from the headline: the first element of the page marked as the author's (an
 * "About the author" box at the story's end, a rel=author link in a sidebar). */
static const char *anywhere(const hdom *h, arena *a, int *at)
{
    int looked = 0;
    for (int i = 0; i < h->n && looked < ANYWHERE_LOOKS; i++) {
        if (!h->node[i]->properties || !h->raw[i] || h->raw[i] > AUTHOR_CAP ||
            !wn_hbyline_marks_author(h->node[i]))
            continue;
        looked++;
        char t[AUTHOR_CAP + 1];
        size_t l = 0;
        gather(h, h->node[i], t, &l);
        for (size_t k = 0; k < l; k++)
            if (t[k] == '\n') t[k] = '|';
        t[l] = '\0';
        const char *name = wn_meta_author(t, 1, a);
        if (name) {
            if (at) *at = i;
            return name;
        }
    }
    return NULL;
}

/* Whether a text starts with a digit or a letter after blanks, and is short: a date
 * and its time, not a paragraph. */
static int lead_date(const xmlChar *t)
{
    while (is_ascii_space((char)*t)) t++;
    return is_alnum((char)*t) && strlen((const char *)t) <= DATE_CAP;
}

/* Far from the headline: the first short element of the page whose class, id or
 * itemprop says it holds a date ("post-date", "published") and that does. */
static const char *date_anywhere(const hdom *h, const char *not_after, arena *a)
{
    static const char *const words[] = {"date", "publish", "posted", "time", NULL};
    static const char *const attrs[] = {"class", "id", "itemprop", NULL};
    int looked = 0;
    for (int i = 0; i < h->n && looked < ANYWHERE_LOOKS; i++) {
        if (!h->node[i]->properties || !h->raw[i]) continue;
        /* A longer one is read only where its own first words are a date: "2019-02-23,
         * 09:14 PM (This post was last modified: 2024-01-05 ...)". */
        const xmlNode *lead = h->raw[i] > DATE_CAP ? h->node[i]->children : NULL;
        if (h->raw[i] > DATE_CAP &&
            (!lead || lead->type != XML_TEXT_NODE || !lead->content || !lead_date(lead->content)))
            continue;
        int marked = 0;
        for (const char *const *at = attrs; *at && !marked; at++) {
            const char *v = wn_hdom_attr(h->node[i], *at);
            for (const char *const *w = words; v && *w && !marked; w++)
                marked = wn_hbyline_holds(v, *w);
        }
        if (!marked) continue;
        looked++;
        const char *date = lead ? wn_meta_iso_date((const char *)lead->content, not_after, a)
                                : element_date(h, h->node[i], not_after, a);
        if (date) return date;
    }
    return NULL;
}

/* Whether s is a publication date's label and nothing else, as a heading or a term
 * over the date ("<h4>Published</h4> <time>15 November 2018</time>", "<dt>Date
 * published:</dt>"). */
static int label_alone(const char *s)
{
    static const char *const labels[] = {"published", "publish date", "date published",
                                         "published date", "publication date",
                                         "first published", "posted", "posted on", NULL};
    size_t len = strlen(s);
    while (len && (is_ascii_space(s[len - 1]) || s[len - 1] == ':')) len--;
    for (const char *const *l = labels; *l; l++)
        if (strlen(*l) == len && strncasecmp(s, *l, len) == 0) return 1;
    return 0;
}

/* The date of one of the two elements after n (a label's), or NULL. */
static const char *date_after(const hdom *h, const xmlNode *n, const char *not_after, arena *a)
{
    int seen = 0;
    for (const xmlNode *c = n->next; c && seen < 2; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        seen++;
        const char *date = element_date(h, c, not_after, a);
        if (date) return date;
    }
    return NULL;
}

/* Anywhere on the page: the first short element whose text starts with a label of a
 * date ("Posted on the 15/12/2025 at 19:00 by", "Last updated: November 13, 2025" at
 * the story's end), read when nothing nearer gave a date.  Only an element whose first
 * child is the label's text is read, so the look is one per element. */
static const char *date_labelled(const hdom *h, const char *not_after, arena *a)
{
    static const char *const labels[] = {"posted on", "published on", "published:",
                                         "last updated", "updated on", "updated:",
                                         "date:", NULL};
    for (int i = 0; i < h->n; i++) {
        const xmlNode *c = h->node[i]->children;
        if (!c || c->type != XML_TEXT_NODE || !c->content || !h->raw[i] || h->raw[i] > DATE_CAP)
            continue;
        const char *s = (const char *)c->content;
        while (is_ascii_space(*s)) s++;
        int labelled = 0;
        for (const char *const *l = labels; *l && !labelled; l++)
            labelled = strncasecmp(s, *l, strlen(*l)) == 0;
        const char *date = labelled ? element_date(h, h->node[i], not_after, a) : NULL;
        if (!date && label_alone(s)) { /* "Published <time>...", or the date after it */
            date = element_date(h, h->node[i], not_after, a);
            if (!date) date = date_after(h, h->node[i], not_after, a);
        }
        if (date) return date;
    }
    return NULL;
}

/* Reads the lines around element `at` into w (w->headline: the line of `at`) and the
 * dates of the nearest date line into out: below `at` first, then above it.  Returns
 * that line, or -1. */
static int dates_around(walker *w, int at, const char *not_after, arena *a, hbyline *out)
{
    w->headline = -1;
    w->not_after = not_after;
    w->a = a;
    read_lines(w, at > START_BACK ? at - START_BACK : 0, at);
    /* Below it up to the next heading, then above it, then below that heading: a date
     * under another heading is its section's or its entry's ("Most popular" cards),
     * one just above the headline the story's.  Where the headline has an "Updated"
     * date by it, a date further down is no publication date either. */
    int date_line = -1, next_heading = w->n;
    for (int k = w->headline; k >= 0 && k < w->n && !out->date; k++) {
        if (w->lines[k].heading) {
            next_heading = k;
            break;
        }
        if (line_dates(&w->lines[k], not_after, a, out) && date_line < 0) date_line = k;
    }
    for (int k = w->headline - 1; k >= 0 && !out->date; k--)
        if (line_dates(&w->lines[k], not_after, a, out) && date_line < 0) date_line = k;
    for (int k = next_heading; k < w->n && !out->date && !out->date_modified; k++)
        if (line_dates(&w->lines[k], not_after, a, out) && date_line < 0) date_line = k;
    return date_line;
}

/* The author element on the page, where none was seen nearer; and, where nothing
 * nearer gave a date, an element marked as a date, else the date line next to the
 * author element ("Luke Kim" over "December 17, 2025" in a card by the story, a
 * byline far below a hero image). */
static void by_author_element(const hdom *h, doc *d, const char *not_after, hbyline *out)
{
    int at = -1;
    if (!out->author) {
        out->author = anywhere(h, &d->mem, &at);
        out->author_src = "author element on the page";
    }
    if (out->date || out->date_modified) return;
    out->date_far = date_anywhere(h, not_after, &d->mem);
    out->date_far_src = "date element on the page";
    if (at >= 0 && !out->date_far) { /* the author element's own date ("Luke Kim" over
                                          "December 17, 2025" in one card) */
        out->date_far = element_date(h, h->node[at], not_after, &d->mem);
        out->date_far_src = "date in the author element";
    }
    if (at >= 0 && !out->date_far) {
        out->date_far_src = "date line by the byline";
        walker *w = calloc(1, sizeof *w);
        if (!w) {
            d->failed = 1;
            return;
        }
        w->h = h;
        hbyline near = {0};
        dates_around(w, at, not_after, &d->mem, &near);
        free(w);
        out->date_far = near.date;
    }
    if (!out->date_far) {
        out->date_far = date_labelled(h, not_after, &d->mem);
        out->date_far_src = "labelled date on the page";
    }
}

#define ORDER_LOOK 20000 /* nodes read for the page's way of writing dates */
#define ORDER_VOTES 16   /* dates enough to tell it */

/* The text node after n in document order (n NULL: the first under root), outside
 * scripts and styles, or NULL; *budget nodes are visited at most. */
static const xmlNode *next_text(const xmlNode *root, const xmlNode *n, int *budget)
{
    while (*budget > 0) {
        if (!n) {
            n = root;
        } else if (n->type == XML_ELEMENT_NODE && n->children &&
                   strcmp((const char *)n->name, "script") != 0 &&
                   strcmp((const char *)n->name, "style") != 0) {
            n = n->children;
        } else {
            while (n != root && !n->next) n = n->parent;
            if (n == root) return NULL;
            n = n->next;
        }
        (*budget)--;
        if (n->type == XML_TEXT_NODE && n->content) return n;
    }
    return NULL;
}

/* Whether a date line's date, read month first (as date, "2025-02-12"), is to be read
 * day first: the page writes that day in words or unmistakable numbers somewhere
 * ("December 02, 2025" in a card that lists the story) and not the month-first one,
 * else it writes its other dates day before month ("16 February 2026", "25/10/2023")
 * more often than month before day.  Reads the text of the first ORDER_LOOK nodes,
 * outside scripts and styles; the order is told by ORDER_VOTES dates. */
static int reads_day_first(const hdom *h, const char *date, const char *swapped, arena *a)
{
    const xmlNode *root = h->xdoc ? xmlDocGetRootElement(h->xdoc) : NULL;
    int day = 0, month = 0, budget = ORDER_LOOK, as_is = 0, other_way = 0;
    for (const xmlNode *n = NULL; root && (n = next_text(root, n, &budget)) != NULL;) {
        const char *p = (const char *)n->content, *at, *d;
        while ((d = wn_meta_next_date(p, &at, NULL, a)) != NULL) {
            int order = wn_meta_date_order(at);
            if (day + month < ORDER_VOTES) {
                day += order == 'D';
                month += order == 'M';
            }
            if (order != '?') {
                as_is |= strncmp(d, date, 10) == 0;
                other_way |= strncmp(d, swapped, 10) == 0;
            }
            p = at + 1;
            while (is_alnum(*p)) p++;
        }
    }
    if (other_way != as_is) return other_way;
    return day > month;
}

/* The date a sentence of the page gives as the first publication ("This article was
 * originally published on 26 Sep 2019 at 4:12pm but has been regularly updated"), or
 * NULL.  Reads the text of the first ORDER_LOOK nodes, outside scripts and styles. */
static const char *originally_published(const hdom *h, const char *not_after, arena *a)
{
    const xmlNode *root = h->xdoc ? xmlDocGetRootElement(h->xdoc) : NULL;
    int budget = ORDER_LOOK;
    for (const xmlNode *n = NULL; root && (n = next_text(root, n, &budget)) != NULL;) {
        const char *d = wn_meta_first_published((const char *)n->content, not_after, a);
        if (d) return d;
    }
    return NULL;
}

/* date ("2023-03-10") with its month and day swapped, in a. */
static const char *swap_day_month(const char *date, arena *a)
{
    char *t = wn_arena_strndup(a, date, strlen(date));
    if (!t || strlen(t) < 10) return date;
    char m0 = t[5], m1 = t[6];
    t[5] = t[8];
    t[6] = t[9];
    t[8] = m0;
    t[9] = m1;
    return t;
}

void wn_hbyline_find(const hdom *h, doc *d, const char *not_after, hbyline *out)
{
    memset(out, 0, sizeof *out);
    int hl = headline_index(h, d->title);
    out->author_src = "author element on the page"; /* unless one is seen nearer */
    if (hl < 0) {
        by_author_element(h, d, not_after, out);
        return;
    }
    walker *w = calloc(1, sizeof *w);
    if (!w) {
        d->failed = 1;
        return;
    }
    w->h = h;
    /* Nearest the headline first: below it, then above it. */
    int date_line = dates_around(w, hl, not_after, &d->mem, out), byline = -1;
    for (int k = w->headline; k >= 0 && k < w->n && !out->author; k++)
        if ((out->author = line_author(&w->lines[k], &d->mem)) != NULL) byline = k;
    for (int k = w->headline - 1; k >= 0 && !out->author; k--)
        if ((out->author = line_author(&w->lines[k], &d->mem)) != NULL) byline = k;
    if (out->author) out->author_src = "byline by the headline";
    if (byline >= 0 && beside_headline(w, byline)) out->shown |= SHOWN_BYLINE;
    if (date_line >= 0 && beside_headline(w, date_line)) out->shown |= SHOWN_DATE_LINE;
    if (!out->author && date_line >= 0) {
        out->author = next_to_date(w, date_line, &d->mem);
        out->author_src = "name by the date line";
    }
    free(w);
    /* A date line in numbers that read either way ("03/10/2023", read month first),
     * on a page that writes that day elsewhere, or its other dates day first: day
     * first. */
    if (out->date && out->date_either_way && out->date_src &&
        strcmp(out->date_src, "date line by the headline") == 0) {
        const char *swapped = swap_day_month(out->date, &d->mem);
        if ((!not_after || strlen(not_after) < 10 || strncmp(swapped, not_after, 10) <= 0) &&
            reads_day_first(h, out->date, swapped, &d->mem))
            out->date = swapped;
    }
    /* A shown date after the one the page says it was first published on is the last
     * revision's. */
    if (out->date) {
        const char *first = originally_published(h, not_after, &d->mem);
        if (first && strncmp(first, out->date, 10) < 0) {
            out->date = first;
            out->date_src = "\"originally published\" on the page";
        }
    }
    by_author_element(h, d, not_after, out);
}
