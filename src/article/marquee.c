/* marquee.c -- a block that is one short phrase said over and over ("Book Now * Book
 * Now * Book Now ..."): the text of a scrolling ticker, which a page writes many times
 * so the band never runs out.  It reads as nothing, whatever the page. */
#include <ctype.h>
#include "article/article.h"

#define MARQUEE_MAX_PERIOD 6  /* words in the repeated phrase, at most */
#define MARQUEE_MIN_REPEATS 4 /* times it is said, at least */
/* A ticker fills a band, a few hundred repeats at most: a longer block of one word
 * over and over is filler or data, whose text a caller wants kept (tests/adversarial's
 * 10 MB node). */
#define MARQUEE_MAX_BYTES 16384

typedef struct {
    const char *s;
    size_t n;
} word_span;

/* The bytes of the character at s[0] (UTF-8, valid: the input stage made it so). */
static size_t char_len(unsigned char c)
{
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Whether the character led by c is part of a word: ASCII letters and digits, and
 * beyond ASCII all but Latin-1's signs (U+0080-U+00BF: "·", "»") and the block of
 * punctuation, arrows and dingbats (U+2000-U+2FFF: "—", "•", "→", "★") a ticker puts
 * between its phrases. */
static int word_char(unsigned char c)
{
    return isalnum(c) || (c >= 0xC3 && c != 0xE2);
}

static int same_word(word_span a, word_span b)
{
    return a.n == b.n && strncasecmp(a.s, b.s, a.n) == 0;
}

/* The next word of s from *i on, or a span of length 0 at the end. */
static word_span next_word(const char *s, size_t n, size_t *i)
{
    while (*i < n && !word_char((unsigned char)s[*i])) *i += char_len((unsigned char)s[*i]);
    size_t start = *i;
    while (*i < n && word_char((unsigned char)s[*i])) *i += char_len((unsigned char)s[*i]);
    if (*i > n) *i = n;
    return (word_span){s + start, *i - start};
}

int wn_article_marquee(const char *s, size_t n)
{
    /* The phrase's length is where its first word comes back ... */
    if (n > MARQUEE_MAX_BYTES) return 0;
    word_span head[MARQUEE_MAX_PERIOD + 1];
    size_t i = 0, period = 0;
    for (size_t k = 0; k <= MARQUEE_MAX_PERIOD && !period; k++) {
        head[k] = next_word(s, n, &i);
        if (!head[k].n) return 0;
        if (k && same_word(head[k], head[0])) period = k;
    }
    if (!period) return 0;
    /* ... and every word after is the one a period earlier, to the end (the same word
     * as the phrase's own: same_word is an equivalence). */
    size_t total = period + 1;
    for (word_span w = head[period];; total++) {
        if (!same_word(w, head[(total - 1) % period])) return 0;
        w = next_word(s, n, &i);
        if (!w.n) break;
    }
    return total >= MARQUEE_MIN_REPEATS * period && total >= 2 * MARQUEE_MIN_REPEATS;
}
