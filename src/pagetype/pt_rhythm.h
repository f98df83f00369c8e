/* pt_rhythm.h -- the rhythm of a page's lines (pt_rhythm.c): whether its prose comes
 * as entries -- a title line, a teaser, the next title -- or as running paragraphs.
 * pt_text.c feeds it every line of the text it scans. */
#ifndef WINNOW_PT_RHYTHM_H
#define WINNOW_PT_RHYTHM_H

#include <stddef.h>
#include "pagetype/pagetype.h"

typedef struct {
    int state;              /* where an entry stands: none, after a title, after a teaser */
    int skipped;            /* stamp or short lines between a title and its teaser */
    size_t teaser_words;    /* of the teaser being read */
    size_t entries, entry_words, prose_words, max_prose;
    size_t run_lines, run_words, run3_words; /* the current run of prose, runs of 3+ */
} pt_rhythm;

/* One non-blank line [a, b) (first to last visible byte) of `words` words; dated: it
 * shows a date; more: it starts with a "read more" link; code: it looks like code. */
void wn_pt_rhythm_line(pt_rhythm *r, const char *a, const char *b, size_t words, int dated,
                       int more, int code);

/* Ends the text: sets T_ENTRIES, T_ENTRY_PCT, T_MAXPROSE and T_RUN3_PCT. */
void wn_pt_rhythm_signals(pt_rhythm *r, pt_signals *out);

#endif
