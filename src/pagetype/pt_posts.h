/* pt_posts.h -- the posts of a thread in a page's lines (pt_posts.c): the buttons
 * under each post ("Share", "Reply", "Quote", "Improve this answer") and how the prose
 * spreads between them.  pt_text.c feeds it every line of the text it scans. */
#ifndef WINNOW_PT_POSTS_H
#define WINNOW_PT_POSTS_H

#include <stddef.h>
#include "pagetype/pagetype.h"

typedef struct {
    int in_group;          /* the last line was a post's button */
    size_t groups;         /* runs of button lines */
    size_t seg_words;      /* prose words since the last run */
    size_t max_seg;        /* the most prose words between two runs (or an end) */
    size_t prose_words;
} pt_posts;

/* One non-blank line [a, b) (first to last visible byte) of `words` words. */
void wn_pt_posts_line(pt_posts *p, const char *a, const char *b, size_t words);

/* Whether [a, b) is a post's button alone on its line ("Reply", "2 Likes", "Add a
 * comment |"); exposed for the unit tests. */
int wn_pt_post_button(const char *a, const char *b);

/* Ends the text: sets T_POSTS and T_POST_MAX_PCT. */
void wn_pt_posts_signals(pt_posts *p, pt_signals *out);

#endif
