/* textlean.h -- an "article" the words lean to another type for, read as that type
 * when its best run holds little of the page (textlean.c). */
#ifndef WINNOW_TEXTLEAN_H
#define WINNOW_TEXTLEAN_H

#include "pagetype/pagetype.h"
#include "text/text_shape.h"

/* Sets d->page_type_lean when d, typed "article" (not forced), leans to a type its
 * signals sig speak for; text_pagetype.c calls it last. */
void wn_text_note_lean(const pt_signals *sig, doc *d);

/* Settles an "article" with a lean as the type it leans to when its best run [bs, be)
 * holds less than the type's share of the page's words; returns 1 when it did (the
 * page is then read whole). */
int wn_text_settle_lean(doc *d, const tshape *shapes, size_t bs, size_t be);

#endif
