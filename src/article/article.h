/* article.h -- decisions on the content model that both front ends share: they read
 * only the block sequence (text, kind, decision), never the DOM or the raw lines, so
 * an HTML page and its rendered text are judged alike. */
#ifndef WINNOW_ARTICLE_H
#define WINNOW_ARTICLE_H

#include "core/doc.h"

/* comments.c: finds a thread of reader comments after the article -- units of an
 * author/date stamp and a text, repeating -- and takes it out of the article: its
 * blocks get BF_COMMENT (stamps also BF_STAMP), kept ones become DEC_DROP with
 * WHY_COMMENT.  Pages whose type is clearly not an article (a forum's posts are its
 * content) are left alone.  Linear in the blocks. */
void wn_article_comments(doc *d);

#endif
