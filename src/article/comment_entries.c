/* comment_entries.c -- the comments of a marked thread as entries: who, when, what.
 * The stamp is read loosely, as pages write it: "Posted by: ann at May 3, 2012 1:05
 * PM", "12. ann - Springfield - May 3, 2012", "ann | 3 days ago", "ann said,".  The
 * author is what stands before the last separator that has a date after it and none
 * before; the date is read as the page's own dates are (meta/date.c), as ISO 8601, and
 * left out when it is only an age ("3 days ago"). */
#include <string.h>
#include "article/article.h"
#include "meta/meta.h"

#define AUTHOR_MAX 80 /* bytes: longer is not a name */

static int trim_char(int c)
{
    return c == ' ' || c == ':' || c == ',' || c == '|' || c == '-';
}

static const char *copy(doc *d, const char *s, size_t n)
{
    while (n > 0 && trim_char((unsigned char)*s)) s++, n--;
    while (n > 0 && trim_char((unsigned char)s[n - 1])) n--;
    return n ? wn_arena_strndup(&d->mem, s, n) : NULL;
}

static const char *const separators[] = {
    " says: ", " said: ", " wrote: ", " says ", " said ", " wrote ", " at ", " on ", " | ",
    " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " \xe2\x80\xa2 ", NULL};

/* The length of the separator at s[0..n), or 0. */
static size_t separator_at(const char *s, size_t n)
{
    for (const char *const *p = separators; *p; p++)
        if (wn_article_starts(s, n, *p)) return strlen(*p);
    return 0;
}

/* Cuts what follows the date: "May 3, 2012 | Reply" -> "May 3, 2012". */
static size_t date_end(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t k = separator_at(s + i, n - i);
        if (k && !wn_article_has_date(s + i + k, n - i - k)) return i;
    }
    return n;
}

static const char *copy_text(doc *d, const buf *text)
{
    return wn_arena_strndup(&d->mem, text->data ? text->data : "", text->len);
}

static void read_stamp(doc *d, const char *s, size_t n, winnow_comment *c)
{
    size_t name = wn_article_author_line(s, n);
    if (name) {
        c->author = name <= AUTHOR_MAX ? copy(d, s, name) : NULL;
        return;
    }
    /* A comment's number first: "12. ", "3) ", "#12 "; a bare leading number is the
     * date's own. */
    size_t hash = n > 0 && s[0] == '#', i = hash;
    while (i < n && s[i] >= '0' && s[i] <= '9') i++;
    if (i > hash && i < n && !hash && (s[i] == '.' || s[i] == ')')) i++;
    else if (!(i > hash && hash)) i = 0;
    if (i < n && s[i] != ' ') i = 0;
    while (i < n && s[i] == ' ') i++;
    static const char *const lead[] = {"posted by", "comment by", "written by", "reply by",
                                       "by ", "by:", NULL};
    for (const char *const *p = lead; *p; p++)
        if (wn_article_starts(s + i, n - i, *p)) {
            i += strlen(*p);
            break;
        }
    size_t cut = 0, cut_len = 0;
    for (size_t k = i; k < n; k++) {
        size_t len = separator_at(s + k, n - k);
        if (!len || !wn_article_has_date(s + k + len, n - k - len) ||
            wn_article_has_date(s + i, k - i))
            continue;
        cut = k;
        cut_len = len;
    }
    if (cut_len) {
        c->author = cut - i <= AUTHOR_MAX ? copy(d, s + i, cut - i) : NULL;
        s += cut + cut_len;
        n -= cut + cut_len;
    } else {
        s += i;
        n -= i;
    }
    /* As ISO 8601, like the page's own date; "3 days ago" is no date. */
    const char *shown = copy(d, s, date_end(s, n));
    c->date = shown ? wn_meta_iso_date(shown, NULL, &d->mem) : NULL;
}

long wn_article_comment_list(doc *d, winnow_comment **out)
{
    *out = NULL;
    size_t count = 0;
    for (size_t i = 0; i < d->n; i++) count += (d->blocks[i].flags & BF_COMMENT_START) != 0;
    if (!count) return 0;
    winnow_comment *list = wn_arena_alloc(&d->mem, count * sizeof *list);
    buf text;
    wn_buf_init(&text, 0);
    if (!list) return -1;
    long k = -1;
    for (size_t i = 0; i < d->n; i++) {
        const block *b = &d->blocks[i];
        if (!(b->flags & BF_COMMENT)) continue;
        if (b->flags & BF_COMMENT_START) {
            if (k >= 0) list[k].text = copy_text(d, &text);
            k++;
            list[k] = (winnow_comment){NULL, NULL, NULL};
            text.len = 0;
        }
        if (k < 0) continue;
        if (b->flags & BF_STAMP) {
            if (!list[k].author && !list[k].date) read_stamp(d, b->text, b->len, &list[k]);
        } else if (wn_block_comment_text(b)) {
            if (text.len) wn_buf_puts(&text, "\n\n");
            wn_buf_append(&text, b->text, b->len);
        }
    }
    if (k >= 0) list[k].text = copy_text(d, &text);
    /* A section's heading alone, a stamp without a word under it: no comment. */
    long kept = 0;
    for (long i = 0; i <= k; i++)
        if (list[i].text && list[i].text[0]) list[kept++] = list[i];
    k = kept - 1;
    int failed = text.failed || d->mem.failed;
    wn_buf_free(&text);
    if (failed) return -1;
    *out = k >= 0 ? list : NULL;
    return k + 1;
}
