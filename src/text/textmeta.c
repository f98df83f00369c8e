/* textmeta.c -- what rendered text shows about itself: the byline and the date line
 * around the headline ("By Ann Lee", "May 3, 2025"), read as the HTML path reads
 * them (meta/author.c, meta/date.c).  Rendered text declares nothing else. */
#include <string.h>
#include <strings.h>
#include "meta/meta.h"
#include "text/text_shape.h"

#define BEFORE 4 /* lines looked at above the headline (or the article's first line) */
#define AFTER 6  /* ... and below it */
#define DATE_LINE_MAX 120 /* bytes: a longer line is a sentence that names a date */

#define POSTER_MAX 40 /* bytes of a poster's name in "Posted by NAME on DATE" */

/* A line that opens with a publication date's label and the date ("Posted on December
 * 20, 2025 by Ann Lee - 5 Comments on ...", a thread's "Start date Jul 9, 2022", a
 * question's "asked Feb 11, 2011 at 23:49"), or names the poster between ("Posted by
 * johnanddoc on 07/03/24 02:57 PM"): the date line of a blog's or a forum's template. */
static const char *labelled_date(const block *b, const char *not_after, arena *a)
{
    static const char *const labels[] = {"Posted on ", "Published on ", "Published ",
                                         "Start date ", "asked ", "Asked ", NULL};
    const char *at, *date;
    char c = b->text[0];
    if (c != 'P' && c != 'S' && c != 'a' && c != 'A') return NULL; /* most lines */
    for (const char *const *l = labels; *l; l++) {
        if ((*l)[0] != c) continue;
        size_t n = strlen(*l);
        if (b->len <= n || strncmp(b->text, *l, n) != 0) continue;
        date = wn_meta_next_date(b->text + n, &at, not_after, a);
        return date && at == b->text + n ? date : NULL;
    }
    if (b->len <= 10 || strncmp(b->text, "Posted by ", 10) != 0) return NULL;
    const char *end = b->text + (b->len < 10 + POSTER_MAX + 4 ? b->len : 10 + POSTER_MAX + 4);
    for (const char *p = b->text + 10; p + 4 < end; p++) {
        if (memcmp(p, " on ", 4) != 0) continue;
        date = wn_meta_next_date(p + 4, &at, not_after, a);
        return date && at == p + 4 ? date : NULL;
    }
    return NULL;
}

/* The first date of block i that is not a member's or a latest reply's ("Joined Jul
 * 2012", "last post by ggery Sep 26, 2024", or a date under a "Joined" line). */
static const char *line_date(const doc *d, size_t i, const char *not_after, arena *a)
{
    const block *b = &d->blocks[i];
    if (i > 0 && wn_meta_label_not_publication(d->blocks[i - 1].text, d->blocks[i - 1].len))
        return NULL;
    const char *p = b->text, *at, *date;
    while ((date = wn_meta_next_date(p, &at, not_after, a)) != NULL) {
        if (!wn_meta_date_not_publication(b->text, at)) return date;
        p = at + 1;
        while ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z') p++;
        while (*p >= '0' && *p <= '9') p++;
    }
    return NULL;
}

#define BYLINE_LOOK 200 /* blocks searched from the top for a byline, where none is by
                           the headline */
#define LABEL_MAX 11 /* bytes: the longest label of byline_label(), "authored by" */
#define NAME_LINE_MAX 60 /* bytes: a name on a line of its own under a byline's label */

/* Whether b is a byline's label on a line of its own ("By", "Written by:", "Author"),
 * the names on the next line. */
static int byline_label(const block *b)
{
    static const char *const labels[] = {"by", "written by", "posted by", "author",
                                         "authored by", "words by", "article by", NULL};
    size_t len = b->len;
    while (len && (b->text[len - 1] == ':' || b->text[len - 1] == ' ')) len--;
    if (len > LABEL_MAX) return 0; /* most lines: longer than any label */
    for (const char *const *l = labels; *l; l++)
        if ((*l)[0] == (b->text[0] | 0x20) && strlen(*l) == len &&
            strncasecmp(b->text, *l, len) == 0)
            return 1;
    return 0;
}

/* A byline in a form the block shape does not take for one: "By: Ann Lee", "Written
 * by: Ann Lee", "ByAnn Lee" (innerText runs a label's element into the name's). */
static int loose_byline(const block *b)
{
    static const char *const heads[] = {"by:", "written by:", "posted by:", NULL};
    if (!b->len) return 0;
    char c = (char)(b->text[0] | 0x20);
    if (c != 'b' && c != 'w' && c != 'p') return 0;
    for (const char *const *h = heads; *h; h++)
        if (b->len > strlen(*h) && strncasecmp(b->text, *h, strlen(*h)) == 0) return 1;
    return b->len > 4 && b->text[0] == 'B' && b->text[1] == 'y' && b->text[2] >= 'A' &&
           b->text[2] <= 'Z' && b->text[3] >= 'a' && b->text[3] <= 'z';
}

/* The byline's text with a label innerText ran into the name cut off: "BY KORIN
 * MILLERPUBLISHED: JAN 29, 2025" is "BY KORIN MILLER". */
static const char *unglued(const block *b, arena *a)
{
    static const char *const glued[] = {"PUBLISHED", "UPDATED", "LAST UPDATED", NULL};
    for (size_t i = 1; i < b->len; i++) {
        if (b->text[i - 1] < 'A' || b->text[i - 1] > 'Z') continue;
        for (const char *const *g = glued; *g; g++)
            if (strncmp(b->text + i, *g, strlen(*g)) == 0)
                return wn_arena_strndup(a, b->text, i);
    }
    return b->text;
}

/* Whether s[0..len) holds one of the words of a page's chrome that stand over a date
 * in a sidebar or a menu ("Recent Posts", "Contact Us") or name a menu's facet ("By
 * Company Size", "By Event Type"): no person's name. */
static int chrome_word(const char *s, size_t len)
{
    static const char *const words[] = {
        "recent", "posts", "post", "related", "popular", "latest", "more", "contact", "us",
        "search", "back", "home", "menu", "all", "view", "read", "call", "today", "sign",
        "login", "log", "get", "started", "shop", "online", "blog", "archives",
        "category", "categories", "topics", "topic", "type", "size", "industry", "role",
        "region", "location", "press", "release", "insights", "resources", "services",
        "solutions", "products", "product", "help", "welcome", "free", "top", "best",
        "comments", "share", "follow", "subscribe", "newsletter", "select", "month", "use",
        "case", "service", "solution", NULL};
    for (size_t i = 0; i < len;) {
        while (i < len && !((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')) i++;
        size_t w = i;
        while (w < len && (s[w] | 0x20) >= 'a' && (s[w] | 0x20) <= 'z') w++;
        for (const char *const *c = words; *c && w > i; c++)
            if ((*c)[0] == (s[i] | 0x20) && strlen(*c) == w - i && strncasecmp(s + i, *c, w - i) == 0)
                return 1;
        i = w;
    }
    return 0;
}

/* Whether b's text is a name alone, as a byline prints it: two to four capitalised
 * words ("Kelia Losa Reinoso", "Dr. Allen"), no digits, no word of the page's chrome
 * (a single word over a date is a menu's or a card's label as often as a name). */
static int name_shaped(const block *b, const tshape *s)
{
    return b->len <= NAME_LINE_MAX && s->words >= 2 && s->words <= 4 && !s->digits &&
           !s->terminal && !s->seps && s->caps == s->alpha && s->alpha == s->words;
}

/* The names of b when it is a name alone (name_shaped), else NULL. */
static const char *name_alone(const block *b, arena *a)
{
    if (chrome_word(b->text, b->len)) return NULL;
    const char *n = wn_meta_author(b->text, 1, a);
    /* nothing of it dropped as a role or a label */
    return n && strlen(n) + 2 >= b->len ? n : NULL;
}

/* Whether b opens with a date ("Dec 18, 2025", "August 25, 2025 · 5 min read"). */
static int opens_with_date(const block *b, const tshape *s, arena *a)
{
    const char *at;
    if (wn_textfeat_is_dateline(b, s)) return 1;
    return b->len <= DATE_LINE_MAX && wn_meta_next_date(b->text, &at, NULL, a) && at - b->text <= 1;
}

/* The author a byline shows on block i (i + 1: the line after a label), or NULL; near
 * the headline (near), a name alone over a date too. */
static const char *shown_author(const doc *d, size_t i, const tshape *shapes, int near, arena *a)
{
    const block *b = &d->blocks[i];
    if (wn_textfeat_is_byline(b, &shapes[i]) || loose_byline(b)) {
        const char *t = unglued(b, a);
        if (t == b->text && b->text[0] == 'B' && b->text[1] == 'y' && b->text[2] != ' ' &&
            b->text[2] != ':')
            t = wn_arena_strndup(a, b->text + 2, b->len - 2); /* "ByAnn Lee" */
        return t ? wn_meta_author(t, 1, a) : NULL;
    }
    if (byline_label(b) && i + 1 < d->n && d->blocks[i + 1].len <= NAME_LINE_MAX)
        return wn_meta_author(unglued(&d->blocks[i + 1], a), 1, a);
    /* A name on a line of its own over the date ("Kelia Losa Reinoso", then "August
     * 25, 2025"), a separator line between them at most. */
    if (!near || !name_shaped(b, &shapes[i])) return NULL;
    /* The date under it first: reading the names is what costs. */
    for (size_t j = i + 1; j < d->n && j <= i + 2; j++) {
        if (opens_with_date(&d->blocks[j], &shapes[j], a)) return name_alone(b, a);
        if (shapes[j].alpha) break;
    }
    return NULL;
}

#define FIRST_LOOK 2000 /* blocks read for an "originally published" date */
#define POSTER_LOOK 300 /* blocks searched from the top for a post's stamp */
#define HANDLE_MAX 32    /* bytes of a user's name in a post's stamp */

/* The user's name that opens s and ends at one of the bytes of stops (or s's end
 * where stops is NULL): one word of HANDLE_MAX bytes at most ("amondale",
 * "hayley.p"), as a string in a, or NULL. */
static const char *handle(const char *s, size_t len, const char *stops, arena *a)
{
    size_t n = 0;
    while (n < len && n <= HANDLE_MAX && s[n] != ' ' && !(stops && strchr(stops, s[n]))) n++;
    if (!n || n > HANDLE_MAX) return NULL;
    if (n < len && s[n] != ' ' && !(stops && strchr(stops, s[n]))) return NULL;
    if (!stops && n != len) return NULL;
    /* A word, not a label's punctuation or a post's number ("#1", "Joined:"). */
    char first = (char)(s[0] | 0x20), last = s[n - 1];
    if (!((first >= 'a' && first <= 'z') || (unsigned char)s[0] >= 0x80) || last == ':' ||
        last == ',' || last == '.' || last == ';')
        return NULL;
    return wn_arena_strndup(a, s, n);
}

/* Whether w[0..n) is a word a post's stamp opens with other than a name: its verb
 * ("edited Feb 12, 2011"), a day's name ("Sun Mar 3, 2024"). */
static int stamp_word(const char *w, size_t n)
{
    static const char *const words[] = {
        "posted", "published", "updated", "edited", "asked", "answered", "commented", "created",
        "modified", "joined", "reviewed", "written", "on", "at", "by", "date", "last",
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "today", "yesterday", NULL};
    for (const char *const *k = words; *k; k++)
        if (strlen(*k) == n && strncasecmp(w, *k, n) == 0) return 1;
    return 0;
}

/* The poster a forum's or a Q&A page's stamp names on block i: "Thread starter NAME",
 * "Discussion in 'Help' started by NAME, May 26, 2025.", "Post by NAME \xc2\xbb 11. Sep
 * 2024", "Posted by NAME on ...", a name alone under "asked Feb 11, 2011", or a post's
 * stamp that opens with the name before its date ("amondale (Amondale) November 8,
 * 2024, 7:33pm 1"), else NULL. */
static const char *poster(const doc *d, size_t i, const tshape *shapes, const char *not_after,
                          arena *a)
{
    const block *b = &d->blocks[i];
    static const struct {
        const char *label, *stops;
        size_t len;
    } labels[] = {{"Thread starter ", NULL, 15}, {"Post by ", " ", 8}, {"Posted by ", " ", 10}};
    /* Each form is tried only where the line can hold it (a first letter, a year's
     * digits): the look runs over the top of most pages. */
    for (size_t k = 0; k < sizeof labels / sizeof *labels && (b->text[0] == 'T' || b->text[0] == 'P'); k++)
        if (b->len > labels[k].len && strncmp(b->text, labels[k].label, labels[k].len) == 0)
            return handle(b->text + labels[k].len, b->len - labels[k].len, labels[k].stops, a);
    int dated = shapes[i].digits >= 4 && b->len <= DATE_LINE_MAX;
    const char *by = dated ? strstr(b->text, " started by ") : NULL;
    if (by) return handle(by + 12, b->len - (size_t)(by + 12 - b->text), ",", a);
    const char *at;
    if (i > 0 && d->blocks[i - 1].text[0] == 'a' && strncmp(d->blocks[i - 1].text, "asked ", 6) == 0 &&
        wn_meta_next_date(d->blocks[i - 1].text, &at, not_after, a))
        return handle(b->text, b->len, NULL, a);
    /* The stamp: a name, its display name in brackets at most, then the date; on a
     * forum only (an article's "Lifestyle March 3, 2025" is a section's label). */
    if (d->page_type != WINNOW_PAGE_FORUM || !dated || !wn_meta_next_date(b->text, &at, not_after, a))
        return NULL;
    const char *sp = memchr(b->text, ' ', b->len);
    if (!sp || sp == b->text || stamp_word(b->text, (size_t)(sp - b->text))) return NULL;
    const char *after = sp + 1;
    if (*after == '(') {
        const char *close = memchr(after, ')', b->len - (size_t)(after - b->text));
        if (!close) return NULL;
        after = close + (close[1] == ' ' ? 2 : 1);
    }
    return at == after ? handle(b->text, (size_t)(sp - b->text), NULL, a) : NULL;
}

int wn_textmeta_is_byline(const doc *d, size_t i, const tshape *shapes, arena *a)
{
    const char *n = shown_author(d, i, shapes, 1, a);
    return n && !chrome_word(n, strlen(n));
}

void wn_textmeta_find(doc *d, const tshape *shapes, size_t bs)
{
    size_t at = bs; /* the headline, else where the article starts */
    for (size_t i = 0; i < d->n; i++)
        if (d->blocks[i].kind == BK_TITLE) {
            at = i;
            break;
        }
    if (at >= d->n) return;
    size_t from = at > BEFORE ? at - BEFORE : 0, to = at + AFTER < d->n ? at + AFTER : d->n;
    const char *fetched = wn_meta_iso_date(d->fetch_date, NULL, &d->mem);
    /* Below the headline first, then up from it: a date above the headline is as
     * often a section's or the previous entry's. */
    for (size_t k = 0; k + 1 < to - from; k++) {
        size_t i = at + 1 + k < to ? at + 1 + k : at - 1 - (k - (to - at - 1));
        const block *b = &d->blocks[i];
        if (!d->meta.date && (wn_textfeat_is_dateline(b, &shapes[i]) || b->len <= DATE_LINE_MAX))
            d->meta.date = line_date(d, i, fetched, &d->mem);
        if (!d->meta.date) d->meta.date = labelled_date(b, fetched, &d->mem);
        const char *n = d->meta.author ? NULL : shown_author(d, i, shapes, 1, &d->mem);
        if (n && !chrome_word(n, strlen(n))) d->meta.author = n;
    }
    d->meta.src.date = "date line by the headline";
    d->meta.src.author = "byline by the headline";
    /* No byline by the headline (the headline found may be a section's, or the
     * byline sits under a hero image): the first byline of the page. */
    if (!d->meta.author) d->meta.src.author = "first byline on the page";
    for (size_t i = 0; i < d->n && i < BYLINE_LOOK && !d->meta.author; i++) {
        const char *n = shown_author(d, i, shapes, 0, &d->mem);
        /* Far from the headline a one-word name or a menu's facet is no author. */
        if (n && strchr(n, ' ') && !chrome_word(n, strlen(n))) d->meta.author = n;
    }
    /* No byline anywhere: the first post's stamp (a forum's, a Q&A page's). */
    if (!d->meta.author) d->meta.src.author = "first post's stamp";
    for (size_t i = 0; i < d->n && i < POSTER_LOOK && !d->meta.author; i++)
        d->meta.author = poster(d, i, shapes, fetched, &d->mem);
    /* No date by the headline (the headline found may be a section's): the first short
     * line of the page that holds one.  Above the story and in its first lines the
     * page's own date stands more often than anything else's (measured on
     * text-innertext/: the dateline shape alone finds fewer). */
    /* A date by the headline after the one a sentence gives as the first publication
     * is the last revision's. */
    for (size_t i = 0; i < d->n && i < FIRST_LOOK && d->meta.date; i++) {
        /* Shorter than the phrase and a date, or without a year's four digits. */
        if (d->blocks[i].len < 24 || shapes[i].digits < 4) continue;
        const char *first = wn_meta_first_published(d->blocks[i].text, fetched, &d->mem);
        if (first && strncmp(first, d->meta.date, 10) < 0) {
            d->meta.date = first;
            d->meta.src.date = "\"originally published\" on the page";
            break;
        }
    }
    if (!d->meta.date) d->meta.src.date = "labelled date line on the page";
    for (size_t i = 0; i < d->n && !d->meta.date; i++)
        d->meta.date = labelled_date(&d->blocks[i], fetched, &d->mem);
    if (!d->meta.date) d->meta.src.date = "first short line with a date";
    for (size_t i = 0; i < d->n && !d->meta.date; i++)
        if (d->blocks[i].len <= DATE_LINE_MAX)
            d->meta.date = line_date(d, i, fetched, &d->mem);
}
