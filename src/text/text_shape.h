/* text_shape.h -- types shared by the stages of the text path (textfeat.c, textclass.c,
 * texttitle.c).  The rest of the library only sees wn_textseg_segment() and
 * wn_textclass_classify_rules() from text.h. */
#ifndef WINNOW_TEXT_SHAPE_H
#define WINNOW_TEXT_SHAPE_H

#include "text/text.h"

/* The shape of one block, measured in one pass over its bytes. */
typedef struct {
    unsigned chars;    /* code points */
    unsigned words;    /* space-separated tokens */
    unsigned cjk;      /* CJK ideographs, kana, hangul: a word each is too much */
    unsigned alpha;    /* words that start with a letter */
    unsigned caps;     /* ... of which start with an upper-case letter */
    unsigned lower;    /* lower-case letters */
    unsigned digits;   /* digit characters */
    unsigned stops;    /* sentence ends inside the block (". X", "。") */
    unsigned commas;
    unsigned seps;     /* separators typical of menus and bylines: | » › · • */
    int terminal;      /* ends like a sentence: . ! ? … 。 or a closing quote after one */
    int colon;         /* ends with ':' */
    double ew;         /* effective words: words, with CJK text counted by characters */
    int dateline;      /* see wn_textfeat_is_dateline() */
    int byline;        /* see wn_textfeat_is_byline() */
} tshape;

/* textfeat.c: measures b (16 bytes at a time where SSE2 is there). */
tshape wn_textfeat_shape(const block *b);

/* The same with the byte-at-a-time loop only: the reference the unit tests compare the
 * fast path with. */
tshape wn_textfeat_shape_scalar(const block *b);

/* Share of capitalised words among the words that start with a letter (0..1). */
double wn_textfeat_cap_share(const tshape *s);

/* Non-zero when the block reads like a date, time or "N hours ago" stamp (s is its
 * shape from wn_textfeat_shape(), which holds the answer). */
int wn_textfeat_is_dateline(const block *b, const tshape *s);

/* Non-zero when the block reads like a byline ("By Jane Doe", "Posted by ..."); s as
 * above. */
int wn_textfeat_is_byline(const block *b, const tshape *s);

/* texttitle.c: picks the headline among the blocks before the article run [bs, be)
 * (and its first block), marks it BK_TITLE and sets d->title. */
void wn_texttitle_find(doc *d, const tshape *shapes, size_t bs, size_t be);
/* Whether b is a menu's items run together by innerText ("B2B CommerceSales Rep AppWhy Us"). */
int wn_texttitle_glued_menu(const block *b);

/* textmeta.c: the author and date the text shows around its headline (or around the
 * article's first block, bs) into d->meta; dates after d->fetch_date are passed over. */
void wn_textmeta_find(doc *d, const tshape *shapes, size_t bs);
/* Whether block i is a byline in any form textmeta.c reads one in (a label over the
 * name, a name alone over the date ...); names are made in a. */
int wn_textmeta_is_byline(const doc *d, size_t i, const tshape *shapes, arena *a);

/* textcode.c: whether s[0..len) reads as a line of program code (a statement's end, a
 * keyword or prompt opening it, an operator no sentence uses). */
int wn_textcode_is_code(const char *s, size_t len);
/* code[i] (d->n of them): 1 for a line of code, 2 for a line number beside one, else 0. */
void wn_textcode_mark(const doc *d, unsigned char *code);

#endif
