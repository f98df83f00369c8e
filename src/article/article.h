/* article.h -- decisions on the content model that both front ends share: they read
 * only the block sequence (text, kind, decision), never the DOM or the raw lines, so
 * an HTML page and its rendered text are judged alike. */
#ifndef WINNOW_ARTICLE_H
#define WINNOW_ARTICLE_H

#include <string.h>
#include <strings.h>
#include "core/doc.h"
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* c folded to ASCII lower case. */
static inline int wn_article_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Whether s[0..n) starts with prefix, ASCII case ignored (stamps, separators). The first
 * byte is compared before strncasecmp: callers try a prefix at every byte of a block. */
static inline int wn_article_starts(const char *s, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    return n >= k &&
           (k == 0 || wn_article_lower((unsigned char)s[0]) ==
                          wn_article_lower((unsigned char)prefix[0])) &&
           strncasecmp(s, prefix, k) == 0;
}

/* Whether s[0..n) holds the ASCII needle, case ignored: the needle's length once, its
 * first byte before a whole comparison, made here (a call of strncasecmp per matching
 * first byte cost more than the scan). */
static inline int wn_article_contains(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    if (k == 0) return n > 0;
    if (n < k) return 0;
    int first = wn_article_lower((unsigned char)needle[0]);
    size_t i = 0;
#ifdef __SSE2__
    /* 16 places at once by the needle's first two bytes (" s", "re"): a branch per byte
     * on the first alone mispredicted at every space.  A letter is compared with 0x20
     * set in the text's byte, which folds exactly the two cases of that letter. */
    if (k >= 2) {
        int second = wn_article_lower((unsigned char)needle[1]);
        const __m128i f0 = _mm_set1_epi8((char)((unsigned)(first - 'a') < 26u ? 0x20 : 0));
        const __m128i f1 = _mm_set1_epi8((char)((unsigned)(second - 'a') < 26u ? 0x20 : 0));
        const __m128i c0 = _mm_set1_epi8((char)first), c1 = _mm_set1_epi8((char)second);
        for (; i + 17 <= n; i += 16) {
            __m128i a = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            __m128i b = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 1));
            unsigned m = (unsigned)_mm_movemask_epi8(
                _mm_and_si128(_mm_cmpeq_epi8(_mm_or_si128(a, f0), c0),
                              _mm_cmpeq_epi8(_mm_or_si128(b, f1), c1)));
            for (; m; m &= m - 1) {
                size_t j = i + (size_t)__builtin_ctz(m);
                if (j + k > n) return 0; /* so is every later place */
                size_t q = 2;
                while (q < k && wn_article_lower((unsigned char)s[j + q]) ==
                                    wn_article_lower((unsigned char)needle[q]))
                    q++;
                if (q == k) return 1;
            }
        }
    }
#endif
    for (; i + k <= n; i++) {
        if (wn_article_lower((unsigned char)s[i]) != first) continue;
        size_t m = 1;
        while (m < k && wn_article_lower((unsigned char)s[i + m]) ==
                            wn_article_lower((unsigned char)needle[m]))
            m++;
        if (m == k) return 1;
    }
    return 0;
}

/* reading.c: how a page of d's type is read (d->page_type and its margin over
 * "article"); rendered_text: for the text path, whose type is less sure. */
typedef struct {
    unsigned char whole_page;   /* blocks outside the article container / run count */
    unsigned char no_main_run;  /* HTML: no cut to the best run of prose */
    unsigned char links_kept;   /* link-heavy lines are content (entries, sections) */
    unsigned char spare_talk;   /* HTML: the attribute rules written for reader comments
                                   are lifted (a forum's posts carry their classes) */
    unsigned char comments;     /* reader comments are told apart from the content */
    unsigned char tiles_dropped; /* HTML: rows of other items' tiles (priced, linked,
                                    same-shaped siblings) are not the page's content */
    unsigned char entries;      /* HTML: <article>s inside the content are its entries
                                   (a listing's posts, a collection's items), not
                                   teasers */
    unsigned char sure_entries; /* HTML: a page of entries by a wide lead: the rules for
                                   related items and carousels are lifted (its entries
                                   carry their classes), and prose the scorer chose in a
                                   guarded element is not its content */
    unsigned char buttons_dropped; /* HTML: with links_kept, a short link line alone or
                                      in pairs is a button ("Learn more", "Contact us") */
    unsigned char forms_dropped; /* HTML: a form holding a small share of the page and
                                    little prose (a contact or quote form, a plan
                                    picker) is furniture */
    unsigned char code_dropped; /* HTML: preformatted code is a product's demo */
    unsigned char main_only;    /* HTML: what stands outside a <main> that holds a fair
                                   share of the text is the site's (html/html_main.c) */
    unsigned char menus_dropped; /* HTML: a tree of link lists is the site's menu, even
                                    with links_kept (html/html_menus.c) */
} wn_reading;
wn_reading wn_article_reading(const doc *d, int rendered_text);
/* reading.c: a listing or collection that leads article by less than the HTML
 * reading's margin is read as one all the same when the page shows entry_titles
 * headings that are links or more (WN_READING_ENTRY_TITLES): no story has twenty
 * linked headings, a front page or a category page does.  Raises the margin. */
#define WN_READING_ENTRY_TITLES 20
void wn_article_entry_titles(doc *d, int entry_titles);
/* reading.c: whether d is a listing or collection that leads article by less than the
 * HTML reading's margin (so wn_article_entry_rows may settle it). */
int wn_article_entries_pending(const doc *d);
/* reading.c: whether d is a listing or collection that leads article, but by less than
 * the lead from which it is read as nothing but its entries (so wn_article_entry_rows
 * may settle it). */
int wn_article_entries_unsure(const doc *d);
/* reading.c: such a page whose text is mostly one row of rows or more entries
 * (WN_READING_ENTRY_ROWS: a front page's stories, a shop's items, a search's results)
 * is read as nothing but its entries, as one with a wide lead is.  Raises the margin. */
#define WN_READING_ENTRY_ROWS 8
void wn_article_entry_rows(doc *d, int rows);
/* reading.c: a page read as an article whose kept blocks hold some text but less than
 * WN_READING_THIN_SHARE of page_text (the page's text after pruning, in bytes) while a
 * page of entries or sections -- service, listing, collection -- scores as high as
 * article: the "story" is the line above a list.  Returns that type (the highest
 * scoring; ties in that order), or WINNOW_PAGE_UNKNOWN when the reading stands.  The
 * caller leaves out a type it was given and a page with a form to comment on it: one
 * post under a long sidebar. */
#define WN_READING_THIN_SHARE 0.11
winnow_page_type wn_article_thin_reading(const doc *d, size_t page_text);
/* reading.c: a service that leads article by less than the HTML reading's margin, but
 * by 2 or more, is read as one when the page's class names speak of an offer's parts
 * (service_classes) at least as often as of a story's (article_classes).  Raises the
 * margin. */
void wn_article_service_markup(doc *d, int service_classes, int article_classes);
/* The margin over "article" from which rendered text is read as a forum or listing
 * (other types need less: reading.c). */
#define WN_READING_TEXT_MARGIN 12

/* furniture.c: on a forum read whole, drops each post's furniture -- kept lines with
 * no letter, short kept lines the page repeats -- as WHY_FURNITURE.  Linear. */
void wn_article_furniture(doc *d, int rendered_text);

/* comments.c: finds a thread of reader comments after the article -- units of an
 * author/date stamp and a text, repeating -- and takes it out of the article: its
 * blocks get BF_COMMENT (stamps also BF_STAMP, each comment's first block
 * BF_COMMENT_START), kept ones become DEC_DROP with
 * WHY_COMMENT.  Pages whose type is clearly not an article (a forum's posts are its
 * content) are left alone.  Linear in the blocks. */
void wn_article_comments(doc *d);

/* headings.c: on a page read as a story, drops each kept heading whose section kept
 * nothing (the next kept block is a heading of a higher rank, or none) as
 * WHY_BARE_HEADING, but for a run of titles and a page of little else.  Linear. */
void wn_article_bare_headings(doc *d);

/* Whether s[0..n) holds a year from 1995 to 2039 standing alone, a clock time
 * (12:56) or an age ("3 days ago"). */
int wn_article_has_date(const char *s, size_t n);
/* "ann said,", "Bob wrote:", "carol says" -- a name and a verb of speech alone on a
 * line: the length of the name, else 0. */
size_t wn_article_author_line(const char *s, size_t n);

/* marquee.c: whether s is one short phrase said over and over -- a scrolling
 * ticker's text ("Book Now * Book Now * ..."), which reads as nothing.  Linear. */
int wn_article_marquee(const char *s, size_t n);

/* images.c: decides which of d's images are shown (doc_image.shown), after every block
 * is decided: those that sit in the kept content, each address once. */
void wn_article_images(doc *d);

/* table_columns.c: takes the columns empty in every kept row of a data table out of
 * its rows (text and inline ranges rewritten in d's arena).  Run on the final
 * decisions.  Linear. */
void wn_article_table_columns(doc *d);

/* comment_entries.c: the comments wn_article_comments() marked, one entry per comment
 * in page order: the author and date read from its stamp (NULL when it shows none)
 * and its text, paragraphs joined by blank lines; strings and array in d's arena.
 * Returns how many (*out NULL for none), or -1 when memory ran out. */
long wn_article_comment_list(doc *d, winnow_comment **out);

#endif
