/* pt_phrase.h -- phrase tables and the token matcher that counts them (pt_phrase.c),
 * for the page-type signals of text, titles and headings. */
#ifndef WINNOW_PT_PHRASE_H
#define WINNOW_PT_PHRASE_H

#include <stddef.h>

#define PT_PHRASE_WORDS 6 /* words of the longest phrase */

/* words: lowercase words separated by one space; "0" is any number; a leading "^"
 * matches only at the first token.  signal: what a match counts for. */
typedef struct {
    const char *words;
    int signal;
} pt_phrase;

typedef struct {
    const pt_phrase *p;
    unsigned char n;        /* words */
    unsigned char anchored;
    unsigned short off[PT_PHRASE_WORDS]; /* word starts in p->words */
    unsigned char wl[PT_PHRASE_WORDS];
    unsigned hash;          /* of the first word */
    unsigned wh[PT_PHRASE_WORDS]; /* of each word as a token's (a number as "0") */
} pt_compiled;

#define PT_PHRASE_SLOTS 1024 /* hash slots, a power of two above the phrases of a table */

/* A table ready for matching: phrases sorted by the hash of their first word (longest
 * first among those with one first word), and an open-addressing table from that hash
 * to the first of them, so most tokens cost one hash and one probe. */
typedef struct {
    pt_compiled *c;
    size_t n;
    unsigned short slot[PT_PHRASE_SLOTS]; /* index into c, 0xFFFF: empty */
} pt_phrase_set;

/* Builds set from phrases[0..n) (which must outlive it).  Returns 0, or -1 when out of
 * memory. */
int wn_pt_phrase_compile(pt_phrase_set *set, const pt_phrase *phrases, size_t n);

/* Calls hit(ctx, signal, where) for every phrase of set in s[0..len), left to right,
 * matches not overlapping. */
void wn_pt_phrase_count(const pt_phrase_set *set, const char *s, size_t len,
                        void (*hit)(void *ctx, int signal, const char *at), void *ctx);

/* The same, also calling token(ctx, start, len) for every token of the text in order
 * (NULL: none), so one pass can measure the text's shape as well. */
typedef struct {
    void (*hit)(void *ctx, int signal, const char *at);
    void (*token)(void *ctx, const char *start, unsigned len);
} pt_phrase_hooks;
void wn_pt_phrase_scan(const pt_phrase_set *set, const char *s, size_t len,
                       const pt_phrase_hooks *hooks, void *ctx);

void wn_pt_phrase_free(pt_phrase_set *set);

#endif
