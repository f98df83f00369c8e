/* terms.c -- a page's tags and categories as one clean list: pages give them as
 * several <meta property="article:tag">, a comma-separated keywords string or a JSON
 * array, often repeating themselves in another case. */
#include <string.h>
#include <strings.h>
#include "meta/meta.h"

#define MAX_TERMS 30     /* more is a keyword-stuffed page */
#define MAX_TERM 100     /* bytes: longer is a sentence, not a tag */

static int separator(char c)
{
    return c == ',' || c == ';' || c == '|';
}

/* Whether term t[0..n) is already in the "; " list b. */
static int listed(const buf *b, const char *t, size_t n)
{
    for (size_t i = 0; i < b->len;) {
        const char *e = memchr(b->data + i, ';', b->len - i);
        size_t l = e ? (size_t)(e - (b->data + i)) : b->len - i;
        if (l == n && strncasecmp(b->data + i, t, n) == 0) return 1;
        i += l + 2;
    }
    return 0;
}

const char *wn_meta_terms(const char *s, arena *a)
{
    if (!s) return NULL;
    buf b;
    wn_buf_init(&b, 0);
    size_t count = 0;
    for (const char *p = s; *p && count < MAX_TERMS;) {
        while (*p == ' ' || separator(*p)) p++;
        size_t n = 0;
        while (p[n] && !separator(p[n])) n++;
        size_t len = n;
        while (len && p[len - 1] == ' ') len--;
        if (len && len <= MAX_TERM && !listed(&b, p, len)) {
            if (b.len) wn_buf_puts(&b, "; ");
            wn_buf_append(&b, p, len);
            count++;
        }
        p += n;
    }
    const char *r = b.len && !b.failed ? wn_arena_strndup(a, b.data, b.len) : NULL;
    wn_buf_free(&b);
    return r;
}
