/* pt_phrase.h -- phrase tables and the token matcher that counts them (pt_phrase.c),
 * for the page-type signals of text, titles and headings. */
#ifndef WINNOW_PT_PHRASE_H
#define WINNOW_PT_PHRASE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define PT_PHRASE_WORDS 6 /* words of the longest phrase */

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define PT_LITTLE_ENDIAN_LOADS 1
#else
#define PT_LITTLE_ENDIAN_LOADS 0
#endif

/* Up to 8 bytes of p[0..n) as a number, the first byte lowest; avail bytes may be read
 * from p (at least n), so a word far from the text's end costs one load. */
static inline uint64_t wn_pt_low_bytes(const unsigned char *p, size_t n, size_t avail)
{
    uint64_t v = 0;
    if (PT_LITTLE_ENDIAN_LOADS && avail >= 8 && n) {
        memcpy(&v, p, 8);
        /* The mask without a branch on the length (one mispredicted per few words). */
        unsigned m = n < 8 ? (unsigned)n : 8u;
        return v & ((2ull << (8 * m - 1)) - 1);
    }
    for (size_t k = 0; k < n && k < 8; k++) v |= (uint64_t)p[k] << (8 * k);
    return v;
}

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
    /* Of the phrases with this first word: the index of the first of one word (after
     * those of more, longest first), and a bit per low 6 bits of their second words'
     * hashes, so a token whose next one is none of them skips to the one-word ones. */
    unsigned short singles;
    unsigned long long seconds;
} pt_compiled;

#define PT_PHRASE_SLOTS 1024 /* hash slots, a power of two above the phrases of a table */

/* A table ready for matching: phrases sorted by the hash of their first word (longest
 * first among those with one first word), and an open-addressing table from that hash
 * to the first of them, so most tokens cost one hash and one probe. */
typedef struct {
    pt_compiled *c;
    size_t n;
    unsigned short slot[PT_PHRASE_SLOTS]; /* index into c, 0xFFFF: empty */
    /* The first words' shapes: for their first two bytes (5 low bits of each) a bit per
     * length (31: 31 or more), so most tokens are told to start no phrase before they
     * are hashed. */
    unsigned starts[32 * 32];
} pt_phrase_set;

/* Builds set from phrases[0..n) (which must outlive it).  Returns 0, or -1 when out of
 * memory. */
int wn_pt_phrase_compile(pt_phrase_set *set, const pt_phrase *phrases, size_t n);

/* Calls hit(ctx, signal, where) for every phrase of set in s[0..len), left to right,
 * matches not overlapping. */
void wn_pt_phrase_count(const pt_phrase_set *set, const char *s, size_t len,
                        void (*hit)(void *ctx, int signal, const char *at), void *ctx);

/* A token of the text: a word (a run of ASCII letters, digits and apostrophes) or a
 * mark (one other visible ASCII character), with the phrase that starts at it. */
typedef struct {
    const char *s;
    unsigned len;
    unsigned char word;    /* 1: a word, 0: a mark */
    unsigned char newline; /* a newline stands between the token before and this one */
    unsigned char hit;     /* a phrase starts here, counting for signal */
    int signal;
} pt_token;

/* The tokens of a text in order, read in batches with the phrases of a set: one pass
 * over the bytes gives the phrase counts and what a caller measures of the tokens
 * (pt_text.c: the text's lines and words). */
typedef struct {
    const pt_phrase_set *set;
    const char *s;
    size_t len, at;
    size_t skip; /* the end of the phrase matched last: tokens before it start none */
    int first;
} pt_phrase_reader;

void wn_pt_phrase_begin(pt_phrase_reader *r, const pt_phrase_set *set, const char *s,
                        size_t len);

/* Fills t[0..cap) (64 at most a call) with the next tokens; returns how many, 0 at the
 * end of the text. */
size_t wn_pt_phrase_read(pt_phrase_reader *r, pt_token *t, size_t cap);

void wn_pt_phrase_free(pt_phrase_set *set);

#endif
