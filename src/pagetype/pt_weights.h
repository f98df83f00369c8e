/* pt_weights.h -- the scoring tables of pt_weights.c (data written by
 * bench/pagetype/fit.py from the development sets; see that script to refit). */
#ifndef WINNOW_PT_WEIGHTS_H
#define WINNOW_PT_WEIGHTS_H

#include "pagetype/pagetype.h"

extern const pt_row wn_pt_html_rows[];
extern const size_t wn_pt_html_nrows;
extern const pt_row wn_pt_text_rows[];
extern const size_t wn_pt_text_nrows;

#endif
