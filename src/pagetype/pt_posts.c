/* pt_posts.c -- the posts of a thread.  Rendered text shows no markup, but a thread's
 * posts end (or open) with their buttons, each alone on its line: "Share", "Reply",
 * "Quote", "Report", "Like", "Improve this answer", "Add a comment".  An article shows
 * such lines too -- share buttons above and below the story, "Reply" under each reader
 * comment -- but there one stretch of prose, the story, holds most of the page's prose;
 * a thread's prose spreads over its posts.  Lines are read one at a time:
 *   T.posts          runs of button lines (a post's "Share / Improve this answer /
 *                    Follow" is one run);
 *   T.post_max_pct   the share of the page's prose words (lines of PROSE_MIN_WORDS
 *                    words or more) in the longest stretch between two runs or a run
 *                    and an end of the text (0 without runs or prose: not measured).
 * On the WCXB development pages 3 runs or more with at most half the prose in one
 * stretch tell Q&A pages and threads from articles (text/text_pagetype.c). */
#include <pthread.h>
#include <string.h>
#include "pagetype/pt_posts.h"

#define PROSE_MIN_WORDS 8
#define BUTTON_MAX_BYTES 40

/* The buttons of a post, lower case, one space between words. */
static const char *const buttons[] = {
    "share", "reply", "quote", "report", "like", "follow", "flag", "permalink", "add a comment",
    "add comment", "upvote", "downvote", "vote", "helpful", "not helpful", "improve this answer",
    "improve this question", "reply with quote", "share this post", "report post", "multi-quote",
    "multiquote", "like reply", "reply quote", "quote reply", "copy link", "share link"};

/* For each first byte of a button, a bit per byte that follows it in some button: one
 * per lowercase letter, one for any other byte.  Most short lines are no button, told
 * by one look-up instead of a pass over the list. */
static unsigned second_bytes[256];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static unsigned second_bit(unsigned char c)
{
    return c >= 'a' && c <= 'z' ? (unsigned)(c - 'a') : 26u;
}

static void index_buttons(void)
{
    for (size_t k = 0; k < sizeof buttons / sizeof *buttons; k++) {
        const unsigned char *b = (const unsigned char *)buttons[k];
        second_bytes[b[0]] |= 1u << second_bit(b[1]);
    }
}

/* Whether some button may start with the two bytes s[0], s[1]. */
static int button_start(const char *s)
{
    return second_bytes[(unsigned char)s[0]] >> second_bit((unsigned char)s[1]) & 1;
}

int wn_pt_post_button(const char *a, const char *b)
{
    if (b - a > BUTTON_MAX_BYTES) return 0;
    pthread_once(&once, index_buttons);
    char s[BUTTON_MAX_BYTES + 1];
    size_t n = 0;
    int space = 0, started = 0;
    /* A count before the word ("2 Likes", "12 Reply") is the post's, not the word. */
    const char *p = a;
    while (p < b && *p >= '0' && *p <= '9') p++;
    if (p > a && p < b && (*p == ' ' || (unsigned char)*p == 0xC2)) a = p;
    for (p = a; p < b; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == 0xC2 && p + 1 < b && (unsigned char)p[1] == 0xA0) { /* no-break space */
            p++;
            c = ' ';
        }
        if (c == ' ' || c == '\t' || c == '|') {
            space = n > 0;
            continue;
        }
        if (space) s[n++] = ' ';
        space = 0;
        s[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        /* Most short lines start as no button does: done after two bytes (the "s"
         * taken off below leaves them, or leaves one byte, no button). */
        if (!started && n >= 2) {
            if (!button_start(s)) return 0;
            started = 1;
        }
    }
    s[n] = 0;
    /* "Likes", "Replies": the same buttons with their counts. */
    if (n > 1 && s[n - 1] == 's') {
        if (n > 3 && strcmp(s + n - 3, "ies") == 0) strcpy(s + n - 3, "y");
        else s[n - 1] = 0;
    }
    /* Only buttons with the line's first two bytes need a strcmp (s is NUL-terminated,
     * so s[1] is read only after s[0] matched a letter). */
    for (size_t k = 0; k < sizeof buttons / sizeof *buttons; k++)
        if (s[0] == buttons[k][0] && s[1] == buttons[k][1] && strcmp(s, buttons[k]) == 0)
            return 1;
    return 0;
}

static void end_stretch(pt_posts *p)
{
    if (p->seg_words > p->max_seg) p->max_seg = p->seg_words;
    p->seg_words = 0;
}

void wn_pt_posts_line(pt_posts *p, const char *a, const char *b, size_t words)
{
    if (b <= a) return;
    if (words <= 4 && wn_pt_post_button(a, b)) {
        if (!p->in_group) {
            p->groups++;
            end_stretch(p);
        }
        p->in_group = 1;
        return;
    }
    p->in_group = 0;
    if (words >= PROSE_MIN_WORDS) {
        p->seg_words += words;
        p->prose_words += words;
    }
}

void wn_pt_posts_signals(pt_posts *p, pt_signals *out)
{
    end_stretch(p);
    out->v[PS_T_POSTS] = (int)(p->groups > 1000000 ? 1000000 : p->groups);
    out->v[PS_T_POST_MAX_PCT] =
        p->groups && p->prose_words ? (int)(100 * p->max_seg / p->prose_words) : 0;
}
