/* html_title.c -- the headline: og:title or <title> with a " | Site" suffix removed,
 * replaced by the page's <h1> when the two agree (the h1 is the cleanest copy).  For
 * the record (page_meta.title), an h1's own " | Section" tail or leading date goes; on
 * a service page the declared title is the name, and on pages other than articles a
 * name before a dash goes without what follows it. */
#include <libxml/tree.h>
#include <string.h>
#include <strings.h>
#include "html/html_dom.h"
#include "meta/meta.h"

#define H1_LOOK 8
#define CARD_TITLE_MAX 150 /* bytes: longer is a description */

/* Site-name separators, longest first. */
static const char *const seps[] = {" | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " :: ",
                                   " \xC2\xB7 ", " \xC2\xBB ", " \xE2\x80\xA2 ", NULL};

/* Whether s[0..n) holds an ASCII letter or a multi-byte character. */
static int has_letter(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)((s[i] | 0x20) - 'a') < 26 || (unsigned char)s[i] >= 0x80) return 1;
    return 0;
}

/* Cuts a trailing " | Site" when the tail is shorter than the head; a tail of digits
 * alone ("Squad 2024 - 2025") names no site. */
static size_t strip_site(const char *s, size_t len)
{
    for (const char *const *sep = seps; *sep; sep++) {
        size_t sl = strlen(*sep);
        for (size_t i = len; i-- > 0;) {
            if (i + sl > len || memcmp(s + i, *sep, sl) != 0) continue;
            if (len - i - sl < i && i >= 10 && has_letter(s + i + sl, len - i - sl)) return i;
            break;
        }
    }
    return len;
}

/* A byte of a word for comparing headlines: an ASCII letter or digit, or any byte of a
 * multi-byte character. */
static int word_byte(unsigned char c)
{
    return (c >= '0' && c <= '9') || (unsigned char)((c | 0x20) - 'a') < 26 || c >= 0x80;
}

static unsigned char fold(unsigned char c) { return c >= 'A' && c <= 'Z' ? c | 0x20 : c; }

/* p past the bytes that are no letters: ASCII punctuation and spaces, and the
 * punctuation of Latin-1 (U+00A0..U+00BF: no-break space, "\xC2\xBB") and of
 * U+2000..U+203F (dashes, curly quotes, bullets): "Cameras \xE2\x80\x93 Top" reads
 * as "Cameras - Top". */
static const unsigned char *past_nonletters(const unsigned char *p)
{
    for (;;) {
        if (p[0] == 0xC2 && p[1] >= 0xA0 && p[1] <= 0xBF) p += 2;
        else if (p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0x80 && p[2] <= 0xBF) p += 3;
        else if (*p && !word_byte(*p)) p++;
        else return p;
    }
}

/* Whether a and b hold the same letters and digits, whatever the case, spaces and
 * punctuation: "WEEKENDCODING AGENT" (an h1 broken over two elements) and "Weekend
 * Coding Agent"; with b_may_run_on, whether b starts with a's. */
static int letters_match(const char *a, const char *b, int b_may_run_on)
{
    const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
    for (;;) {
        p = past_nonletters(p);
        q = past_nonletters(q);
        if (!*p || !*q) return !*p && (!*q || b_may_run_on);
        if (fold(*p++) != fold(*q++)) return 0;
    }
}

static int same_letters(const char *a, const char *b) { return letters_match(a, b, 0); }

/* Whether s starts with the letters and digits of p, whatever lies between them. */
static int starts_with_letters(const char *s, const char *p) { return letters_match(p, s, 1); }

/* The letters and digits of s, in bytes. */
static size_t letter_bytes(const char *s)
{
    size_t n = 0;
    for (const unsigned char *p = past_nonletters((const unsigned char *)s); *p;
         p = past_nonletters(p + 1))
        n++;
    return n;
}

/* s past its first skip letters and digits (and what follows them up to the next). */
static const unsigned char *past_letters(const char *s, size_t skip)
{
    const unsigned char *p = (const unsigned char *)s;
    for (; skip; skip--) {
        p = past_nonletters(p);
        if (!*p) break;
        p++;
    }
    return p;
}

/* The words of s[0..len). */
static size_t count_words_in(const char *s, size_t len)
{
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    for (;;) {
        p = past_nonletters(p);
        if (p >= end || !*p) return n;
        n++;
        while (p < end && *p && past_nonletters(p) == p) p++;
    }
}

static size_t count_words(const char *s) { return count_words_in(s, strlen(s)); }

/* Whether t was cut short ("... Grown in The Lab For The..."). */
static int ends_in_ellipsis(const char *t)
{
    size_t n = strlen(t);
    return (n > 3 && strcmp(t + n - 3, "...") == 0) ||
           (n > 3 && strcmp(t + n - 3, "\xE2\x80\xA6") == 0);
}

#define SHARED_WORDS_MAX 64

/* Whether the word w[0..n) is one of the words of s, in any case. */
static int has_word(const char *s, const char *w, size_t n)
{
    for (const char *p = s; p && *p;) {
        while (*p && !word_byte((unsigned char)*p)) p++;
        const char *e = p;
        while (*e && word_byte((unsigned char)*e)) e++;
        if ((size_t)(e - p) == n) {
            size_t k = 0;
            while (k < n && fold((unsigned char)p[k]) == fold((unsigned char)w[k])) k++;
            if (k == n) return 1;
        }
        p = e;
    }
    return 0;
}

/* The share, in tenths, of h's words (the first SHARED_WORDS_MAX) found among the
 * words of a or b. */
static int shared_tenths(const char *h, const char *a, const char *b)
{
    int words = 0, found = 0;
    for (const char *p = h; *p && words < SHARED_WORDS_MAX;) {
        while (*p && !word_byte((unsigned char)*p)) p++;
        const char *e = p;
        while (*e && word_byte((unsigned char)*e)) e++;
        if (e == p) break;
        words++;
        found += has_word(a, p, (size_t)(e - p)) || has_word(b, p, (size_t)(e - p));
        p = e;
    }
    return words ? found * 10 / words : 10;
}

#define PIECES_LOOK 64

/* Whether the text of n runs two lines together: a text that ends in a letter, a digit
 * or ")" and a text of another element that starts with a capital, with no space
 * between ("Top MBA Programs of 2025 (US)<br>Your Guide to the Best Business
 * Schools"): a headline and a kicker or subtitle set as one h1.  Reads the first
 * PIECES_LOOK nodes under n. */
static int runs_lines_together(xmlNode *n)
{
    unsigned char last = ' ';
    xmlNode *last_parent = NULL;
    int seen = 0, broke = 0; /* a <br> since the last text */
    for (xmlNode *c = n ? n->children : NULL; c && seen < PIECES_LOOK; seen++) {
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "br") == 0) broke = 1;
        if (c->type == XML_TEXT_NODE && c->content && c->content[0]) {
            const unsigned char *t = c->content;
            if ((broke || c->parent != last_parent) && (t[0] >= 'A' && t[0] <= 'Z') &&
                (word_byte(last) || last == ')'))
                return 1;
            last = t[strlen((const char *)t) - 1];
            last_parent = c->parent;
            broke = 0;
        }
        if (c->type == XML_ELEMENT_NODE && c->children) {
            c = c->children;
            continue;
        }
        while (c && c != n && !c->next) c = c->parent;
        if (!c || c == n) break;
        c = c->next;
    }
    return 0;
}

/* Whether t is written in capitals: two words or more, every letter a capital. */
static int in_capitals(const char *t)
{
    int upper = 0;
    for (const char *p = t; *p; p++) {
        if (*p >= 'a' && *p <= 'z') return 0;
        upper += *p >= 'A' && *p <= 'Z';
    }
    return upper >= 4 && strchr(t, ' ') != NULL;
}

/* Whether s holds w, whatever the case of its ASCII letters. */
static int holds_text(const char *s, const char *w)
{
    size_t n = strlen(w);
    for (; n && *s; s++)
        if (strncasecmp(s, w, n) == 0) return 1;
    return 0;
}

/* Whether h is t with characters lost to "?" ("Event Planning? Beginner? Guide" for
 * "Event Planning: Beginner's Guide"): a page written through a charset that lacked
 * them.  Word for word, every word that differs has a "?" in h after the same start. */
static int lost_to_question_marks(const char *h, const char *t)
{
    int lost = 0;
    for (;;) {
        while (*h == ' ') h++;
        while (*t == ' ') t++;
        if (!*h || !*t) return !*h && !*t && lost;
        size_t hn = strcspn(h, " "), tn = strcspn(t, " ");
        if (hn != tn || strncmp(h, t, hn) != 0) {
            const char *q = memchr(h, '?', hn);
            if (!q || q == h || (size_t)(q - h) > tn || strncasecmp(h, t, (size_t)(q - h)) != 0)
                return 0;
            lost = 1;
        }
        h += hn;
        t += tn;
    }
}

/* Whether h runs to a description's length, sentences and all, where t is a
 * headline's ("Learn which home renovations have the best ROI? Get expert tips on
 * ..."). */
static int description_length(const char *h, const char *t)
{
    if (strlen(h) <= CARD_TITLE_MAX || strlen(t) > CARD_TITLE_MAX) return 0;
    for (const char *p = h; (p = strpbrk(p, ".?!")) != NULL; p++)
        if (p[1] == ' ' && p[2] >= 'A' && p[2] <= 'Z') return 1;
    return 0;
}

#define NODE_TEXT_MAX 2000 /* bytes */

/* The text under element n, whitespace collapsed, with a space for each <br>: a line
 * break in a headline parts two words ("Rebuilding the Legacy<br>of American Made"). */
static char *node_text(doc *d, xmlNode *n)
{
    char text[NODE_TEXT_MAX + 1];
    size_t l = 0;
    for (xmlNode *c = n->children; c && l < NODE_TEXT_MAX;) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            size_t k = c->content ? strlen((const char *)c->content) : 0;
            if (k > NODE_TEXT_MAX - l) k = utf8_boundary((const char *)c->content, NODE_TEXT_MAX - l);
            memcpy(text + l, c->content, k);
            l += k;
        } else if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "br") == 0) {
            text[l++] = ' ';
        }
        if (c->type == XML_ELEMENT_NODE && c->children) {
            c = c->children;
            continue;
        }
        while (c && c != n && !c->next) c = c->parent;
        if (!c || c == n) break;
        c = c->next;
    }
    text[l] = '\0';
    l = wn_text_collapse_ws(text, l);
    return l ? wn_arena_strndup(&d->mem, text, l) : NULL;
}

/* The text of heading i without its permalink (wn_hdom_heading_anchor) at either end:
 * "Advanced Usage", not "Advanced Usage¶". */
static char *heading_text(hdom *h, doc *d, int i)
{
    char *t = node_text(d, h->node[i]);
    for (int j = i + 1; t && j < h->n && h->depth[j] > h->depth[i]; j++) {
        if (!wn_hdom_heading_anchor(h, j)) continue;
        char *a = node_text(d, h->node[j]);
        size_t tl = strlen(t), al = a ? strlen(a) : 0;
        if (!al || al >= tl) continue;
        if (strcmp(t + tl - al, a) == 0) t[tl - al] = '\0';
        else if (strncmp(t, a, al) == 0) t += al;
        tl = wn_text_collapse_ws(t, strlen(t)); /* the space the mark stood after */
        t[tl] = '\0';
    }
    return t && *t ? t : NULL;
}

/* The visible h1 that the metadata agrees with; else the first one inside the
 * article; else the first one.  At most H1_LOOK are read; *agree says whether the
 * metadata agreed, *count how many h1s were seen. */
static char *pick_h1(hdom *h, doc *d, const char *og, const char *title, int *agree,
                     int *count, xmlNode **node)
{
    char *first = NULL, *inside = NULL;
    xmlNode *first_node = NULL, *inside_node = NULL;
    int seen = 0;
    /* The texts seen: an h1 set twice (one for narrow screens, one for wide) is one. */
    const char *texts[H1_LOOK];
    int n_texts = 0;
    /* Visible text before each element, in document order (indices are pre-order):
     * a headline comes before the story, an h1 deep inside it is a section title. */
    uint64_t before = 0, at_top = 0;
    for (int i = 0; i < h->n && seen < H1_LOOK; i++) {
        if (i == h->top) at_top = before;
        if (!(h->flags[i] & NF_REMOVED)) before += h->own[i];
        if (h->tag[i] != TG_H1 || (h->flags[i] & NF_REMOVED) || !h->text[i]) continue;
        if (h->top >= 0 && (h->flags[i] & NF_INSIDE) && before - at_top > h->text[h->top] / 5)
            continue;
        seen++;
        char *t = heading_text(h, d, i);
        int again = 0;
        for (int k = 0; t && k < n_texts && !again; k++) again = strcmp(texts[k], t) == 0;
        if (!again) (*count)++;
        if (!t || again) continue;
        texts[n_texts++] = t;
        if ((og && (strstr(og, t) || strstr(t, og))) ||
            (title && (strstr(title, t) || strstr(t, title)))) {
            *agree = 1;
            *node = h->node[i];
            return t;
        }
        if (!first) {
            first = t;
            first_node = h->node[i];
        }
        if (!inside && (h->flags[i] & NF_INSIDE)) {
            inside = t;
            inside_node = h->node[i];
        }
    }
    *node = inside ? inside_node : first_node;
    return inside ? inside : first;
}

#define H2_LOOK 16

/* Whether a visible heading of the tag given (h2, h3) among the first H2_LOOK of them
 * says what t says, letter for letter: the page shows the declared title as its
 * headline under an h1 that is something else (a section's name, "Recycle by City"; a
 * teaser, "Toddler Sleep Training"). */
static int shown_as(hdom *h, doc *d, const char *t, int tag)
{
    int seen = 0;
    for (int i = 0; t && i < h->n && seen < H2_LOOK; i++) {
        if (h->tag[i] != tag || (h->flags[i] & NF_REMOVED) || !h->text[i]) continue;
        seen++;
        const char *x = heading_text(h, d, i);
        if (x && same_letters(x, t)) return 1;
    }
    return 0;
}

static int shown_as_h2(hdom *h, doc *d, const char *t) { return shown_as(h, d, t, TG_H2); }

#define PART_MIN 10 /* bytes: a shorter part shown as a heading is a logo's ("Git") */

/* The part of t before or after a separator (" / " too: "Topic / Board / Forum") that
 * a heading shows as the page's headline (a head as an h2 or h3, a tail as an h2) ("What is Ownership?" of "What is
 * Ownership? - The Rust Programming Language"; "Football Season: MLS is Back!" of
 * "NationStates \xE2\x80\xA2 View topic - Football Season: MLS is Back!"), copied; NULL
 * where no heading shows one.  The rest names the site, the book or the board. */
static const char *part_shown_as_heading(hdom *h, doc *d, const char *t)
{
    static const char *const part_seps[] = {" / ", NULL};
    for (int list = 0; list < 2; list++) {
        for (const char *const *sep = list ? part_seps : seps; *sep; sep++) {
            const char *at = strstr(t, *sep);
            if (!at) continue;
            const char *tail = at + strlen(*sep);
            char *head = at - t >= PART_MIN ? wn_arena_strndup(&d->mem, t, (size_t)(at - t)) : NULL;
            if (head && (shown_as_h2(h, d, head) || shown_as(h, d, head, TG_H3))) return head;
            /* A tail under an h3 is as often a byline's name ("... - Mark Denney"). */
            if (strlen(tail) >= PART_MIN && count_words(tail) >= 2 && shown_as_h2(h, d, tail))
                return tail;
        }
    }
    return NULL;
}

/* Words that label a headline rather than belong to it ("Thread: Which host?"). */
static const char *const labels[] = {"title:", "thread:", "topic:", "blog:", "re:",
                                     "collection:", NULL};

/* t without a leading label, or t. */
static const char *without_label(const char *t)
{
    for (const char *const *l = labels; *l; l++) {
        size_t n = strlen(*l);
        if (strncasecmp(t, *l, n) != 0) continue;
        const char *r = t + n;
        while (*r == ' ') r++;
        return strlen(r) >= 10 ? r : t;
    }
    return t;
}


/* The words a search's results are shown under: "Results for \xE2\x80\x9CMirrorless
 * Cameras\xE2\x80\x9D", "Search results for 'tents'" -- the words searched, in quotes,
 * name the shelf.  Copied into a's memory; NULL where t is no such heading. */
static const char *searched_words(const char *t, arena *a)
{
    static const char *const leads[] = {"search results for ", "results for ", NULL};
    static const char *const quotes[][2] = {{"\xE2\x80\x9C", "\xE2\x80\x9D"},
                                            {"\xE2\x80\x98", "\xE2\x80\x99"},
                                            {"\"", "\""},
                                            {"'", "'"}};
    for (const char *const *l = leads; *l; l++) {
        size_t n = strlen(*l);
        if (strncasecmp(t, *l, n) != 0) continue;
        const char *r = t + n;
        size_t rl = strlen(r);
        for (size_t q = 0; q < sizeof quotes / sizeof quotes[0]; q++) {
            size_t ol = strlen(quotes[q][0]), cl = strlen(quotes[q][1]);
            if (rl > ol + cl && strncmp(r, quotes[q][0], ol) == 0 &&
                strcmp(r + rl - cl, quotes[q][1]) == 0)
                return wn_arena_strndup(a, r + ol, rl - ol - cl);
        }
    }
    return NULL;
}

/* Whether t is a date of a word or three that ends in a year ("March 2026", "Q1
 * 2025"): the edition of a page that is updated, part of its name. */
static int dated_tail(const char *t)
{
    size_t n = strlen(t);
    if (count_words(t) > 3 || n < 4) return 0;
    const char *y = t + n - 4;
    return (y == t || y[-1] == ' ') && (strncmp(y, "19", 2) == 0 || strncmp(y, "20", 2) == 0) &&
           y[2] >= '0' && y[2] <= '9' && y[3] >= '0' && y[3] <= '9';
}

/* Whether t is h run on with its edition's year and no separator ("15 Best Tutoring
 * Platforms 2025", "... for Seniors in 2025", "... Jobs (March 2026)"): the declared
 * title names the edition the headline leaves to the page. */
static int with_edition(const char *t, const char *h)
{
    if (!starts_with_letters(t, h)) return 0;
    const char *rest = (const char *)past_letters(t, letter_bytes(h));
    if (*rest != ' ') return 0;
    while (*rest == ' ' || *rest == '(' || *rest == '[') rest++;
    char tail[32];
    size_t n = strlen(rest);
    if (n >= sizeof tail) return 0;
    memcpy(tail, rest, n);
    if (n && (tail[n - 1] == ')' || tail[n - 1] == ']')) n--;
    tail[n] = '\0';
    return *tail && dated_tail(tail);
}

/* Whether the part t after a separator goes on with the headline rather than name a
 * site or a section: it starts in small letters ("... diet \xE2\x80\x93 tips and
 * tricks") or ends in an exclamation ("... \xE2\x80\x93 My Favorites!"). */
static int runs_on(const char *t)
{
    size_t n = strlen(t);
    return (*t >= 'a' && *t <= 'z') || (n && t[n - 1] == '!');
}

#define SUBTITLE_MIN_WORDS 6

/* An h1 that carries more than the headline: a section or site after a bar or dash
 * ("Best Movers in NYC 2025 | Top 19 Companies"), a date line before it ("Dec 18 2025
 * Preparing a transition").  Cut in place; with keep_tail (the declared title holds the
 * h1 whole) a tail of SUBTITLE_MIN_WORDS words or more stays: a subtitle ("... Cameras
 * of 2025 | The Best Mirrorless Cameras on the Market"), too long for a site's name. */
static char *headline_only(char *t, int keep_tail, arena *a)
{
    const char *at;
    if (wn_meta_next_date(t, &at, NULL, a) && at == t) {
        /* The date's own length: up to its year (four digits after the start). */
        const char *p = t;
        int digits = 0;
        while (*p && digits < 4) {
            digits = *p >= '0' && *p <= '9' ? digits + 1 : 0;
            p++;
        }
        /* Only a date that ends there: "2024.4.4 -> 2024.5.0 issue" starts with a
         * version, not a date line. */
        int ends = *p == ' ' || *p == ',' || *p == '\0';
        while (*p == ' ' || *p == ',') p++;
        if (ends && strlen(p) >= 10) memmove(t, p, strlen(p) + 1);
    }
    char *bar = strstr(t, " | ");
    size_t cut = strip_site(t, bar && bar - t >= 10 ? (size_t)(bar - t) : strlen(t));
    /* The tail past the separator: a date there is the edition's ("- March 2026"). */
    const char *tail = t + cut;
    while (*tail && (*tail == ' ' || !word_byte((unsigned char)*tail))) tail++;
    if (tail > t + cut && dated_tail(tail)) return t;
    if (!keep_tail || (count_words(t + cut) < SUBTITLE_MIN_WORDS && !runs_on((const char *)past_nonletters((const unsigned char *)t + cut)))) t[cut] = '\0';
    return t;
}

/* The declared title (meta: og:title, else <title>; title: <title>, both without their
 * site suffix) where the h1 chosen is not the page's headline: a site's name before
 * the title ("RogerBW's Blog: Advent of Code", og:title "Advent of Code"), a word or
 * two that the title merely contains ("Discord" in "How we pwned ... Discord, and
 * ..."), or the title with a byline or a source run on ("... Jobs (latimes.com) 87",
 * "... Security Posted on July 1, 2024 by infuy").  NULL where the h1 stands. */
static const char *declared_over_h1(doc *d, const char *h1, const char *meta,
                                    const char *title, int agree)
{
    size_t hl = strlen(h1), ml = strlen(meta);
    /* <title> is the h1 and more, og:title the more alone. */
    if (title && meta != title && strncmp(title, h1, hl) == 0 && (title[hl] == ':' || title[hl] == ' ') &&
        !strstr(meta, h1))
        return meta;
    if (agree && count_words(h1) <= 2 && hl * 3 < ml && strstr(meta, h1)) return meta;
    if (ml >= 20 && hl > ml && strncmp(h1, meta, ml) == 0 && h1[ml] == ' ' &&
        (h1[ml + 1] == '(' || wn_meta_iso_date(h1 + ml, NULL, &d->mem)))
        return meta;
    return NULL;
}

#define STRAY_LOOK 4096

/* The text of the first <title> outside <head> and outside an <svg> (whose <title> is
 * an icon's), among the first STRAY_LOOK elements: a <title> written after something
 * that closed the head early is still the page's. */
static char *stray_title(doc *d, xmlNode *root)
{
    int seen = 0;
    for (xmlNode *n = root; n && seen < STRAY_LOOK;) {
        int skip = n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, "svg") == 0;
        if (!skip) {
            seen++;
            if (strcmp((const char *)n->name, "title") == 0) return node_text(d, n);
        }
        if (!skip && n->children) {
            n = n->children;
            continue;
        }
        while (n && n != root && !n->next) n = n->parent;
        if (!n || n == root) break;
        n = n->next;
    }
    return NULL;
}

/* Whether s[0..n) says only "Home" or "Homepage": the page's place in its site's menu,
 * no title. */
static int names_home(const char *s, size_t n)
{
    char piece[16];
    if (n >= sizeof piece) return 0;
    memcpy(piece, s, n);
    piece[n] = '\0';
    return same_letters(piece, "home") || same_letters(piece, "homepage");
}

/* Whether t ends in the word "Homepage" or "Home page", after a word of its own. */
static int ends_in_homepage(const char *t)
{
    size_t n = strlen(t);
    return (n > 9 && strcasecmp(t + n - 9, " homepage") == 0) ||
           (n > 10 && strcasecmp(t + n - 10, " home page") == 0);
}

/* t without a part that says only "Home" ("Home - The GitHub Blog", "Best Stones |
 * Home Page"): a home page's title is the rest, its site's name.  NULL where t is
 * that part alone. */
static char *without_home(char *t)
{
    if (!t) return NULL;
    size_t len = strlen(t);
    if (names_home(t, len)) return NULL;
    for (const char *const *sep = seps; *sep; sep++) {
        size_t sl = strlen(*sep);
        const char *at = strstr(t, *sep);
        if (at && names_home(t, (size_t)(at - t))) return t + (at - t) + sl;
        const char *last = NULL;
        for (const char *p = at; p; p = strstr(p + 1, *sep)) last = p;
        if (last && names_home(last + sl, len - (size_t)(last - t) - sl)) {
            t[last - t] = '\0';
            return t;
        }
    }
    return t;
}

/* Sets the record's title to t, taken from where src says, with cut (or NULL) cut from
 * it: the labels are for --explain. */
static int shown_as_h1(const hdom *h, doc *d, const char *t);

static void set_title(doc *d, const char *t, const char *src, const char *cut)
{
    d->meta.title = t;
    d->meta.src.title = src;
    d->meta.src.title_cut = cut;
}

void wn_htitle_find(hdom *h, doc *d)
{
    char *title = NULL, *og = NULL, *h1 = NULL;
    char *og_card = NULL, *tw_card = NULL;
    const char *site_meta = NULL;
    xmlNode *root = h->xdoc ? xmlDocGetRootElement(h->xdoc) : NULL;
    xmlNode *head = NULL;
    for (xmlNode *c = root ? root->children : NULL; c && !head; c = c->next)
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "head") == 0) head = c;
    for (xmlNode *c = head ? head->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (!title && strcmp((const char *)c->name, "title") == 0) {
            title = node_text(d, c);
        } else if (strcmp((const char *)c->name, "meta") == 0) {
            const char *p = wn_hdom_attr(c, "property");
            if (!p) p = wn_hdom_attr(c, "name");
            char **slot = NULL;
            if (p && strcmp(p, "og:title") == 0) slot = &og_card;
            else if (p && strcmp(p, "twitter:title") == 0) slot = &tw_card;
            else if (p && !site_meta && strcmp(p, "og:site_name") == 0)
                site_meta = wn_hdom_attr(c, "content");
            if (slot && !*slot) {
                *slot = wn_doc_keep_text(d, wn_hdom_attr(c, "content"));
                if (!og) og = *slot;
            }
        }
    }
    /* A card title that is only the site's name ("Bombas" on a shelf of socks) names
     * no page where neither <title> nor an h1 names the site too: the other card, or
     * <title>, does.  (A home page's <title> or h1 holds the site's name: there the
     * name is its title.) */
    if (!title) title = stray_title(d, root);
    if (site_meta && *site_meta && title && !holds_text(title, site_meta)) {
        if (og_card && same_letters(og_card, site_meta) && !shown_as_h1(h, d, og_card))
            og_card = NULL;
        if (tw_card && same_letters(tw_card, site_meta) && !shown_as_h1(h, d, tw_card))
            tw_card = NULL;
        if (og && !og_card && !tw_card) og = NULL;
        else if (og && og != og_card && og != tw_card) og = og_card ? og_card : tw_card;
    }
    /* The first card title, unless it runs to a description's length where the other
     * is a headline's ("Kroll ... Insights aims to identify trends and provide
     * insights across the sector, ..."). */
    char *other = og == og_card ? tw_card : og_card;
    if (og && other && strlen(og) > CARD_TITLE_MAX && strlen(other) <= CARD_TITLE_MAX)
        og = other;
    /* A card title cut short yields to the other where that one runs on from it. */
    other = og == og_card ? tw_card : og_card;
    if (og && other && ends_in_ellipsis(og) && !ends_in_ellipsis(other) &&
        starts_with_letters(other, og))
        og = other;
    const char *og_src = og == og_card ? "<meta og:title>" : "<meta twitter:title>";
    /* As declared, before the site's name is cut: an h1 these start with shows its own
     * tail after a separator, which is then no site's name. */
    const char *og_whole = og ? wn_arena_strndup(&d->mem, og, strlen(og)) : NULL;
    const char *title_whole = title ? wn_arena_strndup(&d->mem, title, strlen(title)) : NULL;
    h->title_tag = title_whole;
    /* The part of <title> after " | " is the site's name. */
    const char *site = NULL;
    if (title) {
        size_t cut = strip_site(title, strlen(title));
        if (title[cut]) {
            title[cut] = '\0';
            site = title + cut + 1;
        }
    }
    if (og) og[strip_site(og, strlen(og))] = '\0';
    const char *meta = og ? og : title;
    d->meta.src.declared_title = og ? og_src : "<title>";
    int agree = 0, count = 0;
    xmlNode *h1_node = NULL;
    h1 = pick_h1(h, d, og, title, &agree, &count, &h1_node);
    /* The h1 is the page's own headline unless it is the site's name: a logo h1 in
     * the title's suffix, or one too short to be a headline that the metadata does
     * not back. */
    int h1_ok = h1 && strlen(h1) >= 12 && strchr(h1, ' ');
    /* Several h1s that the metadata does not back are section headings. */
    if (count > 1 && meta) h1_ok = 0;
    if (agree) h1_ok = 1;
    if (h1 && site && strstr(site, h1)) h1_ok = 0;
    d->title = h1_ok ? h1 : meta ? meta : h1;
    d->meta.src.headline = h1_ok || !meta ? "<h1>" : d->meta.src.declared_title;
    /* An h1 that is a host name ("davidbau.com") run on before the declared title with
     * a space: the site's name; the record's title is what follows it (the text keeps
     * the page's h1). */
    size_t hl = h1 ? strlen(h1) : 0;
    int host_h1 = hl && !strchr(h1, ' ') && strchr(h1, '.') && h1[hl - 1] != '.';
    if (host_h1 && meta && strncasecmp(meta, h1, hl) == 0 && meta[hl] == ' ' &&
        count_words(meta + hl + 1) >= 2) {
        set_title(d, meta + hl + 1, d->meta.src.declared_title, "the site's name");
        return;
    }
    /* No h1 taken, or one that the declared title merely ends with (the site's or
     * the book's name in a menu): the declared title's first part, where an h2 shows
     * it. */
    const char *shown_head = NULL, *shown_src = d->meta.src.declared_title;
    if (meta && (!h1_ok || (agree && !strstr(h1, meta)))) {
        shown_head = part_shown_as_heading(h, d, meta);
        if (!shown_head && title && title != meta) {
            shown_head = part_shown_as_heading(h, d, title);
            shown_src = "<title>";
        }
    }
    if (shown_head) {
        set_title(d, shown_head, shown_src, "the site's name");
        return;
    }
    /* The record's headline without what the h1 carries besides; the text keeps the
     * h1 as the page shows it. */
    if (h1_ok) {
        char *clean = wn_arena_strndup(&d->mem, h1, strlen(h1));
        int declared_whole = (og_whole && starts_with_letters(og_whole, h1)) ||
                             (title_whole && starts_with_letters(title_whole, h1));
        if (clean && strcmp(headline_only(clean, declared_whole, &d->mem), h1) != 0)
            set_title(d, clean, "<h1>", "its date or tail");
        /* The declared title where the h1 is a poor copy of it, the same words run
         * together or in capitals; or, on a page other than an article, an h1 that
         * shares few of its words (a slogan: "Your content. Your canvas."). */
        if (meta && !agree && shared_tenths(h1, og, title) <= 3) h->title_declared = meta;
        /* wn_htitle_settle(): a service's name as declared, unless the h1 says it in
         * nearly the same words ("Online Graphic Design Course" and "Graphic Design
         * Course Online"), the name as the page shows it. */
        if (meta && !same_letters(h1, meta) &&
            !(shared_tenths(h1, meta, NULL) >= 8 && shared_tenths(meta, h1, NULL) >= 8))
            h->title_service = meta;
        const char *rec = d->meta.title ? d->meta.title : h1;
        /* An h1 set in capitals that words the declared title otherwise is a display
         * line ("SUPPORTING GAAP COMPLIANCE" over "GAAP Compliance: Applying Accounting
         * Best Practices"): the declared title, where the two share most words.  So
         * too an h1 that lost characters to "?" or runs to a description's length; and
         * a declared title in the h1's letters, the h1's words run together or in
         * capitals, but not one that runs the h1's words together itself ("30 1/8x57"
         * over "301/8x575/8"). */
        if (meta && !agree && ((in_capitals(h1) && shared_tenths(h1, og, title) >= 5) ||
                               runs_lines_together(h1_node) || lost_to_question_marks(h1, meta) ||
                               description_length(h1, meta)))
            set_title(d, meta, d->meta.src.declared_title, NULL);
        else if (meta && same_letters(rec, meta) && count_words(meta) >= count_words(rec))
            set_title(d, meta, d->meta.src.declared_title, NULL);
        else if (title && same_letters(rec, title) && count_words(title) >= count_words(rec))
            set_title(d, title, "<title>", NULL);
        else if (meta && with_edition(meta, rec)) set_title(d, meta, d->meta.src.declared_title, NULL);
        else if (title && with_edition(title, rec)) set_title(d, title, "<title>", NULL);
        if (meta) h->title_article = declared_over_h1(d, h1, meta, title, agree);
        /* An h1 the metadata does not back, over an h2 that repeats the declared
         * title: the h2 is the headline and the declared title its clean copy. */
        if (!agree && !d->meta.title) {
            if (meta && shown_as_h2(h, d, meta)) set_title(d, meta, d->meta.src.declared_title, NULL);
            else if (title && title != meta && shown_as_h2(h, d, title)) set_title(d, title, "<title>", NULL);
        }
    }
}

/* Whether s[0..n) names the site: its declared name, or the host's name in its URL
 * ("todoist" of "todoist.com"), compared by letters and digits ("Pest~R~Us" is
 * "Pest-R-Us"). */
static int names_site(const char *s, size_t n, const char *site, const char *host)
{
    char piece[256];
    if (n >= sizeof piece) return 0;
    memcpy(piece, s, n);
    piece[n] = '\0';
    if (site && same_letters(piece, site)) return 1;
    if (!host) return 0;
    if (strncmp(host, "www.", 4) == 0) host += 4;
    const char *dot = strchr(host, '.');
    size_t hl = dot ? (size_t)(dot - host) : strlen(host);
    char label[64];
    if (hl < 3 || hl >= sizeof label) return 0;
    memcpy(label, host, hl);
    label[hl] = '\0';
    return same_letters(piece, label);
}

/* The title without a first or last part that names the site ("Render | The cloud for
 * builders", "Auth | Supabase Docs"): a site's name is cut whatever its length. */
static const char *without_site_part(doc *d, const char *t, const char *site, const char *host)
{
    size_t len = strlen(t);
    for (const char *const *sep = seps; *sep; sep++) {
        size_t sl = strlen(*sep);
        const char *first = strstr(t, *sep);
        if (!first) continue;
        const char *last = first;
        for (const char *p = first; (p = strstr(p + 1, *sep)) != NULL;) last = p;
        if (names_site(last + sl, len - (size_t)(last - t) - sl, site, host))
            return wn_arena_strndup(&d->mem, t, (size_t)(last - t));
    }
    return t;
}

/* t past a first part that is the site's declared name and a separator run on to it
 * ("TFH Online Forum-What to look for ..."), a template's join, where two words or
 * more follow; else t.  (With a space before the separator, "Figma: The Collaborative
 * Interface Design Tool", the name is as often the page's.) */
static const char *without_site_prefix(const char *t, const char *site)
{
    /* A name of two words or more: one word and a hyphen make a compound
     * ("Apple-shaped"). */
    if (!site || count_words(site) < 2 || !starts_with_letters(t, site)) return t;
    const unsigned char *p = past_letters(t, letter_bytes(site));
    if (*p == '-' || *p == '|') p++;
    else if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x93 || p[2] == 0x94)) p += 3;
    else return t;
    while (*p == ' ') p++;
    return count_words((const char *)p) >= 2 ? (const char *)p : t;
}

/* t without the site's declared name run on after it with a space alone ("Trails
 * GHORBA") where an h1 shows the rest: the page shows its own name without the
 * site's.  (Without an h1 to say so, a title may end in its subject's name, "Get
 * started with Tailwind CSS".)  Else t. */
static const char *without_site_run_on(const hdom *h, doc *d, const char *t, const char *site)
{
    size_t tl = strlen(t), sl = site ? strlen(site) : 0;
    if (!sl || tl <= sl + 1 || t[tl - sl - 1] != ' ' || strcasecmp(t + tl - sl, site) != 0)
        return t;
    char *head = wn_arena_strndup(&d->mem, t, tl - sl - 1);
    return head && shown_as_h1(h, d, head) ? head : t;
}

/* Where t is a brand's name and its slogan ("Talkspace - #1 Rated Online Therapy"), a
 * first part of a word or two before a separator and a longer rest: the length of that
 * first part; else 0. */
static size_t brand_first(const char *t)
{
    const char *at = NULL;
    size_t sl = 0;
    for (const char *const *sep = seps; *sep; sep++) {
        const char *p = strstr(t, *sep);
        if (p && (!at || p < at)) {
            at = p;
            sl = strlen(*sep);
        }
    }
    if (!at) return 0;
    size_t hl = (size_t)(at - t);
    return count_words_in(t, hl) <= 2 && strlen(at + sl) > hl + 3 ? hl : 0;
}

/* Whether s starts with the words of w[0..n), whatever the case ("IAM overview Stay
 * organized" and "IAM overview"). */
static int starts_with_words(const char *s, const char *w, size_t n)
{
    return strncasecmp(s, w, n) == 0 && !word_byte((unsigned char)s[n]);
}

#define NAME_MIN_WORDS 3


/* Where a dash parts a name of NAME_MIN_WORDS words or more from what describes it
 * ("Crusher ANC 2 - Bass Headphones with Noise Canceling", "In The News - Reading
 * Corps, Math Corps"), the dash; else NULL.  A shorter first part is a brand's name
 * whose slogan follows ("SuiteCRM - Open Source CRM"), both the page's title. */
static const char *dash_tail(const char *t)
{
    static const char *const dashes[] = {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", NULL};
    const char *at = NULL;
    for (const char *const *dash = dashes; *dash; dash++) {
        const char *p = strstr(t, *dash);
        if (p && (!at || p < at)) at = p;
    }
    if (!at || count_words_in(t, (size_t)(at - t)) < NAME_MIN_WORDS) return NULL;
    return dated_tail(at + 3) ? NULL : at;
}

/* ld, the JSON-LD article's headline, where t is a label and ld ("News - Digital
 * Cameras: ...", an h1 "Player Squad 2024 - 2025"): letter for letter, after a word or
 * two that are shorter than half of it.  Else NULL. */
static const char *labelled_headline(const char *t, const char *ld)
{
    if (!ld || count_words(ld) < 2) return NULL;
    size_t tl = letter_bytes(t), ll = letter_bytes(ld);
    if (tl <= ll || (tl - ll) * 2 > ll) return NULL;
    const unsigned char *rest = past_letters(t, tl - ll);
    /* The label ends where a word does, and is a word, not a number ("8 Recent
     * Trends in Photography"). */
    if (past_nonletters(rest) == rest) return NULL;
    const unsigned char *p = (const unsigned char *)t;
    while (p < rest && !((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z') && *p < 0x80) p++;
    if (p == rest) return NULL;
    return same_letters((const char *)rest, ld) ? ld : NULL;
}

/* Whether one of the first H1_LOOK visible h1s says t, letter for letter. */
static int shown_as_h1(const hdom *h, doc *d, const char *t)
{
    int seen = 0;
    for (int i = 0; t && i < h->n && seen < H1_LOOK; i++) {
        if (h->tag[i] != TG_H1 || (h->flags[i] & NF_REMOVED) || !h->text[i]) continue;
        seen++;
        const char *x = node_text(d, h->node[i]);
        if (x && same_letters(x, t)) return 1;
    }
    return 0;
}

/* The JSON-LD article's headline where the page shows it as one of its h1s but no h1
 * was taken: several h1s that the declared title does not back ("The Blog", then the
 * post's own), the one the publisher names is the headline.  Else NULL. */
static const char *ld_shown_as_h1(const hdom *h, doc *d)
{
    const char *ld = d->meta.ld_headline;
    return ld && count_words(ld) >= 2 && shown_as_h1(h, d, ld) ? ld : NULL;
}

/* t without a last part in brackets where an h1 shows the rest ("The Fold-and-Cut
 * Problem (Erik Demaine)", "searching [Zotero Documentation]"): the site's or the
 * author's name.  Else t. */
static const char *without_bracketed(const hdom *h, doc *d, const char *t)
{
    size_t n = strlen(t);
    if (n < 4 || (t[n - 1] != ')' && t[n - 1] != ']')) return t;
    const char *open = strrchr(t, t[n - 1] == ')' ? '(' : '[');
    if (!open || open < t + 2 || open[-1] != ' ') return t;
    /* A date there is the edition's ("... Jobs (March 2026)"), no name. */
    char inside[32];
    size_t il = n - (size_t)(open - t) - 2;
    if (il < sizeof inside) {
        memcpy(inside, open + 1, il);
        inside[il] = '\0';
        if (dated_tail(inside)) return t;
    }
    char *head = wn_arena_strndup(&d->mem, t, (size_t)(open - 1 - t));
    return head && shown_as_h1(h, d, head) ? head : t;
}

/* t without a first part that is only a number ("15 - Tutorial: Sweep, Loft, and
 * Extrude", "2024 - Pros & Cons ..."): a chapter's or an issue's, not the page's name;
 * with section_numbers, or where the page's <title> (title_tag) lacks the number, also
 * without a section's number before the words ("3.1 Git Branching" under <title> "Git
 * - Branches in a Nutshell").  Else t. */
static const char *without_number(const char *t, int section_numbers, const char *title_tag)
{
    const char *p = t;
    int dots = 0;
    while ((*p >= '0' && *p <= '9') || (*p == '.' && p > t && p[1] >= '0' && p[1] <= '9'))
        dots += *p++ == '.';
    if (p == t) return t;
    const char *rest = NULL;
    for (const char *const *sep = seps; *sep && !rest; sep++)
        if (strncmp(p, *sep, strlen(*sep)) == 0) rest = p + strlen(*sep);
    if (!rest && !section_numbers && dots && title_tag) {
        /* The number, with its dots, written in <title> too: part of the name. */
        char number[32];
        size_t n = (size_t)(p - t);
        if (n < sizeof number) {
            memcpy(number, t, n);
            number[n] = '\0';
            section_numbers = !strstr(title_tag, number);
        }
    }
    if (!rest && section_numbers && dots && *p == ' ') rest = p + 1;
    return rest && count_words(rest) >= 2 ? rest : t;
}

/* t without the site's host name run on before it with a space alone ("davidbau.com
 * Vibe Coding"), else t.  (A name run on after the title is left: a title can end in
 * its subject's name, "Get started with Tailwind CSS".) */
static const char *without_host(const char *t, const char *host)
{
    if (!host) return t;
    if (strncmp(host, "www.", 4) == 0) host += 4;
    size_t n = strlen(host);
    if (!strchr(host, '.') || strncasecmp(t, host, n) != 0 || t[n] != ' ' ||
        !word_byte((unsigned char)t[n + 1]))
        return t;
    return count_words(t + n + 1) >= 2 ? t + n + 1 : t;
}

/* Where the record's title says only "Home" (a card title, <title>'s first part) or is
 * an h1 "InfoQ Homepage", the page is its site's home: its title is the rest of
 * <title>, the site's name and slogan ("Home - The GitHub Blog").  Else NULL. */
static const char *home_title(const hdom *h, doc *d, const char *rec)
{
    if (!h->title_tag || (!names_home(rec, strlen(rec)) && !ends_in_homepage(rec))) return NULL;
    char *t = without_home(wn_arena_strndup(&d->mem, h->title_tag, strlen(h->title_tag)));
    if (!t) return NULL;
    t[strip_site(t, strlen(t))] = '\0';
    return *t && !same_letters(t, rec) ? t : NULL;
}

static void settle_parts(const hdom *h, doc *d);

void wn_htitle_settle(const hdom *h, doc *d)
{
    if (!d->meta.title && d->meta.src.headline && strcmp(d->meta.src.headline, "<h1>") != 0) {
        const char *ld = ld_shown_as_h1(h, d);
        if (ld) set_title(d, ld, d->meta.src.ld_headline, NULL);
    }
    settle_parts(h, d);
    const char *rec = d->meta.title ? d->meta.title : d->title;
    if (!rec) return;
    const char *src = d->meta.title ? d->meta.src.title : d->meta.src.headline;
    const char *cut = d->meta.title ? d->meta.src.title_cut : NULL;
    const char *fixed = wn_text_unmangle(&d->mem, wn_text_unescape(&d->mem, rec));
    if (fixed != rec) set_title(d, rec = fixed, src, cut);
    const char *rest = without_bracketed(h, d, rec);
    if (rest != rec) set_title(d, rec = rest, src, "the site's name");
    rest = without_number(rec, d->page_type == WINNOW_PAGE_DOCUMENTATION, h->title_tag);
    if (rest != rec) set_title(d, rec = rest, src, "its number");
    rest = without_host(rec, wn_doc_hostname(d, d->meta.url));
    if (rest != rec) set_title(d, rec = rest, src, "the site's name");
}

/* The record's title by the page's type, without a label, the site's name or, other
 * than on articles, a section's name. */
static void settle_parts(const hdom *h, doc *d)
{
    const char *host = wn_doc_hostname(d, d->meta.url);
    const char *declared = d->meta.src.declared_title;
    /* A declared title that is only a brand and its slogan names the site, not a
     * thread or a shelf of it: the h1 stands there, but not on a service page, whose
     * h1 is the slogan's kin. */
    size_t brand = h->title_declared ? brand_first(h->title_declared) : 0;
    int site_only = brand && d->page_type != WINNOW_PAGE_SERVICE && d->title &&
                    !starts_with_words(d->title, h->title_declared, brand);
    if (h->title_declared && d->page_type != WINNOW_PAGE_ARTICLE && !site_only)
        set_title(d, h->title_declared, declared, NULL);
    /* A service page's declared title is its name, written for the search result;
     * its h1 says the same for the eye, in other words ("Pet Insurance" under "Pet
     * Insurance for Dogs & Cats") or as a slogan. */
    if (h->title_service && d->page_type == WINNOW_PAGE_SERVICE &&
        !brand_first(h->title_service))
        set_title(d, h->title_service, declared, NULL);
    if (h->title_article && d->page_type == WINNOW_PAGE_ARTICLE)
        set_title(d, h->title_article, declared, NULL);
    const char *rec = d->meta.title ? d->meta.title : d->title;
    if (!rec) return;
    const char *home = home_title(h, d, rec);
    if (home) set_title(d, rec = home, "<title>", "its \"Home\"");
    const char *src = d->meta.title ? d->meta.src.title : d->meta.src.headline;
    const char *ld = labelled_headline(rec, d->meta.ld_headline);
    if (ld) set_title(d, rec = ld, src = d->meta.src.ld_headline, NULL);
    if (without_label(rec) != rec) set_title(d, rec = without_label(rec), src, "its label");
    const char *searched = searched_words(rec, &d->mem);
    if (searched && *searched) set_title(d, rec = searched, src, "its label");
    const char *cut = without_site_part(d, rec, d->meta.site_name, host);
    if (cut && cut != rec && *cut) set_title(d, rec = cut, src, "the site's name");
    cut = without_site_prefix(rec, d->meta.site_name);
    if (cut != rec) set_title(d, rec = cut, src, "the site's name");
    cut = without_site_run_on(h, d, rec, d->meta.site_name);
    if (cut != rec) set_title(d, rec = cut, src, "the site's name");
    /* A bar still left parts a page's name from its section's or product line's
     * ("Middleware | Django documentation"), on pages other than articles, whose
     * headlines can hold a bar or a dash of their own; without a bar, a dash may. */
    if (d->page_type == WINNOW_PAGE_ARTICLE) return;
    const char *bar = strstr(rec, " | ");
    if (!bar || bar == rec) {
        const char *tail = dash_tail(rec);
        if (tail)
            set_title(d, wn_arena_strndup(&d->mem, rec, (size_t)(tail - rec)), src,
                      "what follows a dash");
        return;
    }
    /* The site's name first ("Render | The cloud for builders"): the rest. */
    if (names_site(rec, (size_t)(bar - rec), d->meta.site_name, host)) {
        const char *rest = bar + 3, *next = strstr(rest, " | ");
        if (*rest)
            set_title(d, wn_arena_strndup(&d->mem, rest, next ? (size_t)(next - rest) : strlen(rest)),
                      src, "the site's name");
    } else if (has_letter(bar + 3, strlen(bar + 3))) {
        /* (A model's number after the bar, "Staple Tee | 5001", is the name's.) */
        set_title(d, wn_arena_strndup(&d->mem, rec, (size_t)(bar - rec)), src, "what follows a bar");
    }
}
