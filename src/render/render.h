/* render.h -- the last stage: the kept blocks of a doc written out as text or Markdown
 * (render.c).  The JSON record around a result is public API (winnow_record_json() in
 * winnow.h, render_json.c). */
#ifndef WINNOW_RENDER_H
#define WINNOW_RENDER_H

#include "core/doc.h"

/* Renders the kept blocks of d (title first unless no_title) into out. */
int wn_output_render_text(const doc *d, int no_title, buf *out);
/* Renders the kept blocks of d as Markdown (see winnow_format) into out. */
int wn_output_render_markdown(const doc *d, int no_title, buf *out);

/* Appends the reader comments of d (blocks of a thread, article/comments.c) after a
 * separator line -- "--- comments ---" in text, a rule and "## Comments" in Markdown --
 * one paragraph per block, each comment opening with its author/date line; appends
 * nothing when d has none. */
int wn_output_render_comments(const doc *d, int markdown, buf *out);

#endif
