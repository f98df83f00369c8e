/* html_slug.c -- whether an element's id is its own text made into an anchor: the
 * "h-what-is-social-shopping" a blog generator gives <h2>What is Social Shopping?</h2>,
 * the "Social_media" of a wiki's headline span.  Such an id names the section, not the
 * element's part of the page, so the attribute rules (which read "social", "related",
 * "share" as furniture) must not prune the heading by it (html_dom.c). */
#include <string.h>
#include "article/article.h"
#include "html/html_dom.h"

#define SLUG_MIN_WORDS 2 /* a one-word id ("share", "related") is as often the furniture's
                            own name as its heading's */
/* One word of the id may be missing from the text, a heading reworded after its anchor
 * was made ("popular-full-ev-models-2025" over "Popular Full EV Cars and SUVs in
 * 2025"), when more than twice as many are there. */
#define SLUG_TEXT 512    /* bytes of the element's text compared: a heading, no more */

static int alnum(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Whether word w[0..n) (lower case) is a whole word of text t (lower case, words of
 * ASCII letters and digits; other bytes separate them). */
static int has_word(const char *t, const char *w, size_t n)
{
    for (const char *p = strstr(t, w); p; p = strstr(p + 1, w)) {
        if ((p == t || !alnum((unsigned char)p[-1])) && !alnum((unsigned char)p[n])) return 1;
    }
    return 0;
}

int wn_hdom_id_is_slug(const char *id, const char *text)
{
    if (!id || !text) return 0;
    char t[SLUG_TEXT + 1];
    size_t tn = 0;
    for (const char *p = text; *p && tn < SLUG_TEXT; p++)
        t[tn++] = (char)wn_article_lower((unsigned char)*p);
    t[tn] = '\0';
    size_t words = 0, missing = 0;
    for (const char *p = id; *p;) {
        while (*p && !alnum((unsigned char)*p)) p++;
        char w[64];
        size_t n = 0;
        int digits = 1;
        for (; alnum((unsigned char)*p); p++) {
            if (n + 1 < sizeof w) w[n++] = (char)wn_article_lower((unsigned char)*p);
            if (!(*p >= '0' && *p <= '9')) digits = 0;
        }
        w[n] = '\0';
        /* a generator's one-letter prefix ("h-") and a counter ("-2") are no words */
        if (n < 2 || digits) continue;
        if (n + 1 >= sizeof w || !has_word(t, w, n)) {
            if (++missing > 1) return 0;
            continue;
        }
        words++;
    }
    return words >= SLUG_MIN_WORDS && words > missing * 2;
}
