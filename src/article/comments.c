/* comments.c -- reader comments, told apart from the article by their rhythm.
 *
 * A comment is a short unit of a stamp (who wrote it and when: "Posted by: ann at
 * May 3, 2012 1:05 PM", "ann - 3 days ago", "ann said,") and a text.  One stamp proves
 * nothing -- an article has a byline -- but stamps that come back every few blocks, with
 * text and no headline between them, are a thread.  A listing's entries repeat too, but
 * each starts with a headline (in rendered text a plain line: then the stamps naming the
 * article's own writer over and over tell it); a live blog's entries carry times but
 * no author cue.
 * Stamps come before their text (most platforms) or after it (Movable Type, TypePad);
 * which one is read from the end of the thread: a last stamp followed by text heads
 * its comment.  The thread needs article text before it, so a page that is all thread
 * (a forum, a guestbook) is left alone. */
#include <stdint.h>
#include <string.h>
#include "article/article.h"
#include "rules/rules.h"

#define STAMP_MAX 160      /* bytes: a stamp is a line, not a paragraph */
#define AUTHOR_LINE_MAX 60 /* "firefighter jeff said," */
#define STAMP_GAP 12       /* blocks between two stamps of one thread at most */
#define LONG_GAP 60        /* ... and after the first three, a long comment's */
#define BODY_MIN 15        /* bytes of text a comment needs between two stamps */
#define ARTICLE_MIN 200    /* bytes of kept text the article keeps before the thread */
#define AFTER_MIN 300      /* bytes of kept text a thread may have after it (a footer
                              line, a short note), or a quarter of the article's */
#define AFTER_PROSE 80     /* ... counting paragraphs, not a form's labels */

enum { ST_NONE = 0, ST_WEAK, ST_STRONG };

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static int is_alnum(int c)
{
    return is_digit(c) || (wn_article_lower(c) >= 'a' && wn_article_lower(c) <= 'z');
}

/* Whether s[0..n) holds a count of comments: "9 Comments", "1 comment", "12 replies". */
static int counts_comments(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!is_digit((unsigned char)s[i]) || (i > 0 && is_digit((unsigned char)s[i - 1])))
            continue;
        size_t k = i;
        while (k < n && is_digit((unsigned char)s[k])) k++;
        if (k < n && s[k] == ' ' &&
            (wn_article_starts(s + k + 1, n - k - 1, "comment") ||
             wn_article_starts(s + k + 1, n - k - 1, "replies") ||
             wn_article_starts(s + k + 1, n - k - 1, "responses")))
            return 1;
    }
    return 0;
}

/* The index of the first ASCII digit in s[i..n), or n: 8 bytes at a time (a byte b is
 * a digit when b ^ '0' is below 10; the word holding one goes through the byte loop,
 * whatever the byte order).  On a little-endian machine the lowest flagged byte is the
 * first digit (a borrow only flags bytes above a true one), so the byte loop, which
 * mispredicted once a digit, is left for the last bytes. */
static size_t next_digit(const char *s, size_t i, size_t n)
{
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t x = w ^ (ones * '0');
        uint64_t d = (x - ones * 10) & ~x & high; /* some byte of x is below 10 */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        if (d) return i + (size_t)__builtin_ctzll(d) / 8;
#else
        if (d) break;
#endif
    }
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (i < n && n >= 8) {
        /* The last bytes through the word of the text's last 8, those before i made
         * 0x80 in x: above 9, so neither flagged nor a borrow into the next. */
        uint64_t w;
        memcpy(&w, s + n - 8, 8);
        unsigned skip = (unsigned)(i - (n - 8)); /* 1..7 */
        uint64_t x = (w ^ (ones * '0')) | (high & ~(~0ull << (8 * skip)));
        uint64_t d = (x - ones * 10) & ~x & high;
        return d ? n - 8 + (size_t)__builtin_ctzll(d) / 8 : n;
    }
#endif
    while (i < n && !is_digit((unsigned char)s[i])) i++;
    return i;
}

int wn_article_has_date(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        i = next_digit(s, i, n);
        if (i == n) break;
        size_t k = i;
        while (k < n && is_digit((unsigned char)s[k])) k++;
        size_t digits = k - i;
        if (digits == 4 && (k == n || !is_alnum((unsigned char)s[k]))) {
            int y = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 +
                    (s[i + 3] - '0');
            if (y >= 1995 && y <= 2039) return 1;
        }
        if (digits >= 1 && digits <= 2 && k + 2 < n && s[k] == ':' &&
            is_digit((unsigned char)s[k + 1]) && is_digit((unsigned char)s[k + 2]))
            return 1;
        if (digits >= 1 && digits <= 3 && k < n && s[k] == ' ') {
            static const char *const units[] = {"minute", "hour", "day", "week", "month",
                                                "year", "min ", "hr ", NULL};
            for (const char *const *u = units; *u; u++)
                if (wn_article_starts(s + k + 1, n - k - 1, *u)) {
                    size_t rest = k + 1 + strlen(*u);
                    if (rest < n && s[rest] == 's') rest++;
                    if (wn_article_contains(s + rest, n - rest < 6 ? n - rest : 6, "ago"))
                        return 1;
                }
        }
        i = k;
    }
    return 0;
}

size_t wn_article_author_line(const char *s, size_t n)
{
    if (n > AUTHOR_LINE_MAX) return 0;
    while (n > 0 && (s[n - 1] == ':' || s[n - 1] == ',' || s[n - 1] == '.' || s[n - 1] == ' '))
        n--;
    /* Every verb ends in d, s or e: most lines end otherwise. */
    int last = n ? wn_article_lower((unsigned char)s[n - 1]) : 0;
    if (last != 'd' && last != 's' && last != 'e') return 0;
    /* With their lengths: each line that ends in d, s or e tries them all. */
    static const struct {
        const char *s;
        size_t len;
    } verbs[] = {{" said", 5}, {" says", 5}, {" wrote", 6}, {" writes", 7}};
    for (size_t v = 0; v < sizeof verbs / sizeof *verbs; v++) {
        size_t k = verbs[v].len;
        if (n > k && last == verbs[v].s[k - 1] && wn_article_starts(s + n - k, k, verbs[v].s)) {
            size_t words = 1;
            for (size_t i = 0; i < n - k; i++) words += s[i] == ' ';
            /* A name, not a clause: "It is what she said". */
            static const char *const clause[] = {"the ", "he ", "she ", "they ", "it ", "we ",
                                                 "i ", "you ", "this ", "that ", "a ", "an ",
                                                 "his ", "her ", "their ", "our ", NULL};
            for (const char *const *c = clause; *c; c++)
                if (wn_article_starts(s, n, *c)) return 0;
            return words <= 4 ? n - k : 0;
        }
    }
    return 0;
}

/* How much b looks like the stamp of a comment. */
static int stamp_of(const block *b)
{
    if (b->why == WHY_RULE && b->rule && b->rule->category &&
        strcmp(b->rule->category, "comments") == 0 && b->rule->name &&
        strncmp(b->rule->name, "comment-author", 14) == 0)
        return ST_STRONG;
    if (b->kind == BK_HEADING || b->kind == BK_TITLE || b->len == 0) return ST_NONE;
    if (wn_article_author_line(b->text, b->len)) return ST_STRONG;
    /* "Comment No. 12", "Comment #12 by ann": old news sites number their readers'. */
    if (b->len <= STAMP_MAX && (wn_article_starts(b->text, b->len, "comment no") ||
                                wn_article_starts(b->text, b->len, "comment #")))
        return ST_STRONG;
    if (b->len > STAMP_MAX || !wn_article_has_date(b->text, b->len)) return ST_NONE;
    const char *s = b->text;
    size_t n = b->len;
    if (wn_article_starts(s, n, "posted by") || wn_article_starts(s, n, "comment by") ||
        wn_article_contains(s, n, " said") || wn_article_contains(s, n, " wrote") ||
        wn_article_contains(s, n, " says"))
        return ST_STRONG;
    if (wn_article_starts(s, n, "by ") || wn_article_contains(s, n, " at ") ||
        wn_article_contains(s, n, " - ") || wn_article_contains(s, n, "reply") ||
        wn_article_contains(s, n, "permalink") || wn_article_contains(s, n, "report"))
        return ST_WEAK;
    return ST_NONE;
}

/* A thread: stamps st[a..z] and the blocks [start, end] it covers. */
typedef struct {
    size_t a, z, start, end;
    int head; /* stamps come before their text */
    size_t n; /* the blocks read: those before a section the front end marked */
    const size_t *kept;  /* kept[i]: bytes kept in blocks [0, i) */
    const size_t *prose; /* prose[i]: bytes kept in paragraphs (AFTER_PROSE) of [0, i) */
} thread;

static int headline_between(const doc *d, size_t from, size_t to)
{
    for (size_t i = from + 1; i < to; i++)
        if (d->blocks[i].kind == BK_HEADING) return 1;
    return 0;
}

static size_t body_between(const doc *d, const unsigned char *kind, size_t from, size_t to)
{
    size_t bytes = 0;
    for (size_t i = from + 1; i < to; i++)
        if (!kind[i]) bytes += d->blocks[i].len;
    return bytes;
}

/* Fills the prefix sums of kept bytes over the blocks [0, n) (arrays of n + 1), so that
 * every candidate thread is judged in constant time. */
static void prefix_sums(const doc *d, size_t *kept, size_t *prose, size_t n)
{
    kept[0] = prose[0] = 0;
    for (size_t i = 0; i < n; i++) {
        const block *b = &d->blocks[i];
        size_t k = b->dec == DEC_KEEP ? b->len : 0;
        kept[i + 1] = kept[i] + k;
        prose[i + 1] = prose[i] + (b->len >= AFTER_PROSE ? k : 0);
    }
}

/* Bytes of text per comment in the thread t. */
static size_t per_comment(const doc *d, const thread *t)
{
    size_t bytes = 0;
    for (size_t i = t->start; i <= t->end; i++) bytes += d->blocks[i].len;
    return bytes / (t->z - t->a + 1);
}

/* Where the comments of stamps st[a..z] begin and end. */
static void span_of(const doc *d, const unsigned char *kind, const size_t *st, thread *t)
{
    size_t last = st[t->z], n = t->n;
    /* Blocks per comment, for how far the first text reaches back or the last forward. */
    size_t reach = (st[t->z] - st[t->a]) / (t->z - t->a);
    size_t after = last + 1;
    while (after < n && d->blocks[after].why == WHY_LINK_HEAVY && !kind[after])
        after++; /* a reply or vote link */
    /* Text after the last stamp is its comment ("go Huston!"); a heading, a rule's
     * verdict ("Leave a reply") or a form's label ("Name:") is the page going on. */
    const block *nb = after < n ? &d->blocks[after] : NULL;
    int head = nb && !kind[after] && nb->kind != BK_HEADING && nb->why != WHY_RULE &&
               nb->len >= 2 && nb->text[nb->len - 1] != ':';
    t->head = head;
    if (head) {
        t->start = st[t->a];
        size_t e = last;
        /* The last comment may be long: it ends where the page's furniture starts. */
        for (size_t i = last + 1; i < n && i - last <= LONG_GAP; i++) {
            const block *b = &d->blocks[i];
            if (b->kind == BK_HEADING || kind[i] || b->why == WHY_RULE ||
                b->why == WHY_OUTSIDE_ARTICLE || b->why == WHY_AFTER_CUT ||
                b->why == WHY_AFTER_MAIN_RUN)
                break;
            if (b->dec == DEC_KEEP) e = i;
        }
        t->end = e;
    } else {
        t->end = last;
        /* The text before the first stamp, back to a heading: a comment's size, or the
         * article's -- whose own "Posted by" line then opened the rhythm. */
        size_t back = 0;
        for (size_t i = st[t->a]; i-- > 0 && back <= LONG_GAP; back++) {
            const block *b = &d->blocks[i];
            if (b->kind == BK_HEADING || b->kind == BK_TITLE || kind[i] || b->why == WHY_RULE ||
                b->why == WHY_HEADLINE)
                break;
        }
        t->start = back > reach ? st[t->a] + 1 : st[t->a] - back;
    }
}

/* "3 hours ago - Desktop - 9 Comments": the entries of a listing count their comments,
 * comments do not (an article's own "Posted on ... | 7 Comments" line may open a
 * thread).  Whether most of the stamps st[a..z] count comments. */
static int counted_entries(const doc *d, const size_t *st, size_t a, size_t z)
{
    size_t counted = 0;
    for (size_t k = a; k <= z; k++)
        counted += (size_t)counts_comments(d->blocks[st[k]].text, d->blocks[st[k]].len);
    return counted * 2 > z - a + 1;
}

/* The name a "Posted by ann on ..." or "By ann | ..." stamp gives: its bytes in *len, or
 * NULL for a stamp that names no one that way. */
static const char *stamp_author(const block *b, size_t *len)
{
    const char *s = b->text;
    size_t n = b->len, i;
    if (wn_article_starts(s, n, "posted by ")) i = 10;
    else if (wn_article_starts(s, n, "by ")) i = 3;
    else return NULL;
    size_t k = i;
    while (k < n && s[k] != ' ' && s[k] != ',' && s[k] != '|' && s[k] != '(') k++;
    *len = k - i;
    /* Readers without a name all sign alike. */
    if (k == i || wn_article_starts(s + i, k - i, "anonymous") ||
        wn_article_starts(s + i, k - i, "guest"))
        return NULL;
    return s + i;
}

/* "Posted by ann on ..." over and over, ann the article's own byline: a page of one
 * writer's posts (a blog's or a news desk's front page, each post a headline, a stamp
 * and its text), not readers answering.  Whether the stamp st[a] (the chain's first,
 * the article's byline) names the writer of two in three of the stamps st[from..z],
 * at least three.  wcxb-dev-other innerText listing .7415 -> .7506 (a news desk's front
 * page, .14 -> .95); no other page of the sets changes (three in four missed it: a
 * second writer's posts and a poll's line made five of fifteen). */
static int one_writers_posts(const doc *d, const size_t *st, size_t a, size_t from, size_t z)
{
    size_t len, same = 0;
    const char *who = stamp_author(&d->blocks[st[a]], &len);
    if (!who) return 0;
    for (size_t k = from; k <= z; k++) {
        size_t l;
        const char *w = stamp_author(&d->blocks[st[k]], &l);
        same += w && l == len && strncasecmp(w, who, len) == 0;
    }
    return same >= 3 && same * 3 >= (z - from + 1) * 2;
}

/* The first thread of stamps st[0..ns): each next stamp within STAMP_GAP blocks, text
 * and no headline between, three stamps or two strong ones, article text before it.
 * Returns 1 and fills t when there is one. */
static int find_thread(const doc *d, const unsigned char *kind, const size_t *st, size_t ns,
                       thread *t)
{
    for (size_t a = 0; a < ns;) {
        size_t z = a, strong = kind[st[a]] == ST_STRONG;
        while (z + 1 < ns && st[z + 1] - st[z] <= STAMP_GAP &&
               !headline_between(d, st[z], st[z + 1]) &&
               body_between(d, kind, st[z], st[z + 1]) >= BODY_MIN) {
            z++;
            strong += kind[st[z]] == ST_STRONG;
        }
        /* A long comment leaves a wider gap; once the rhythm is set, it may. */
        if (z - a >= 2 || (z - a == 1 && strong == 2))
            while (z + 1 < ns && st[z + 1] - st[z] <= LONG_GAP &&
                   !headline_between(d, st[z], st[z + 1])) {
                z++;
                strong += kind[st[z]] == ST_STRONG;
            }
        /* The article's own byline may open the chain: then try without it. */
        for (size_t from = a; from <= a + 1 && from < z; from++) {
            size_t left = z - from + 1;
            size_t strong_left = strong - (from > a && kind[st[a]] == ST_STRONG);
            if (left < 3 && !(left == 2 && strong_left == 2)) break;
            t->a = from;
            t->z = z;
            span_of(d, kind, st, t);
            size_t before = t->kept[t->start], after = t->prose[t->n] - t->prose[t->end + 1];
            /* Comments follow the article: a story that goes on after the "thread" was
             * a list of dated items inside it (events, a timeline). */
            if (before < ARTICLE_MIN || after > (before / 4 > AFTER_MIN ? before / 4 : AFTER_MIN))
                continue;
            if (counted_entries(d, st, from, z)) continue;
            if (one_writers_posts(d, st, a, from, z)) continue;
            /* On a page that leans to forum, a thread after an opening text no longer
             * than a reply is the forum's replies: its content. */
            if (d->page_type == WINNOW_PAGE_FORUM && before * 2 < per_comment(d, t) * 3) return 0;
            return 1;
        }
        a = z + 1;
    }
    return 0;
}

/* Splits a comment section the front end marked (blocks [from, to), already
 * BF_COMMENT) into comments at its stamps: each stamp opens one when the section
 * starts with its first stamp, else the block after each stamp does. */
static void split_section(doc *d, const unsigned char *kind, size_t from, size_t to)
{
    size_t first = from;
    /* Its heading ("3 thoughts on ...") and short lines do not tell. */
    while (first < to && !kind[first] &&
           (d->blocks[first].len < BODY_MIN || d->blocks[first].why == WHY_RULE ||
            d->blocks[first].kind == BK_HEADING))
        first++;
    int head = first < to && kind[first];
    for (size_t i = from + 1; i < to; i++) {
        int opens = head ? kind[i] != ST_NONE : kind[i - 1] != ST_NONE && kind[i] == ST_NONE;
        if (opens) d->blocks[i].flags |= BF_COMMENT_START;
        if (kind[i]) d->blocks[i].flags |= BF_STAMP;
    }
    if (kind[from]) d->blocks[from].flags |= BF_STAMP;
}

void wn_article_comments(doc *d)
{
    if (d->n < 3) return;
    if (!wn_article_reading(d, 0).comments) return;
    unsigned char *kind = wn_arena_alloc(&d->mem, d->n);
    size_t *st = wn_arena_alloc(&d->mem, d->n * sizeof *st);
    size_t *kept = wn_arena_alloc(&d->mem, (d->n + 1) * sizeof *kept);
    size_t *prose = wn_arena_alloc(&d->mem, (d->n + 1) * sizeof *prose);
    if (!kind || !st || !kept || !prose) {
        d->failed = 1;
        return;
    }
    size_t ns = 0, main_end = d->n;
    for (size_t i = 0; i < d->n; i++) {
        kind[i] = (unsigned char)stamp_of(&d->blocks[i]);
        if (main_end == d->n && (d->blocks[i].flags & BF_COMMENT)) main_end = i;
        if (kind[i] && i < main_end) st[ns++] = i;
    }
    /* Sections the front end read as comments (HTML: elements whose class says so,
     * pruned from the article) follow the page's blocks, each opening a comment. */
    for (size_t a = main_end, z; a < d->n; a = z) {
        for (z = a + 1; z < d->n && !(d->blocks[z].flags & BF_COMMENT_START); z++) {}
        split_section(d, kind, a, z);
    }
    if (ns < 2) return;
    prefix_sums(d, kept, prose, main_end);
    thread t;
    t.n = main_end;
    t.kept = kept;
    t.prose = prose;
    if (!find_thread(d, kind, st, ns, &t)) return;
    for (size_t i = t.start; i <= t.end; i++) {
        block *b = &d->blocks[i];
        /* A comment starts at its stamp, or (stamps last) after the one before. */
        int opens = i == t.start || (t.head ? kind[i] != ST_NONE
                                            : kind[i - 1] != ST_NONE && kind[i] == ST_NONE);
        b->flags |= BF_COMMENT | (kind[i] ? BF_STAMP : 0) | (opens ? BF_COMMENT_START : 0);
        if (b->dec == DEC_KEEP) {
            b->dec = DEC_DROP;
            b->why = WHY_COMMENT;
        }
    }
}
