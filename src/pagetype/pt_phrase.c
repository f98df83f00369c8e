/* pt_phrase.c -- counting phrases in text, fast: the text is cut into tokens (runs of
 * ASCII letters, digits and apostrophes, lowercased; any other visible ASCII character
 * is a token of its own), and at each token the phrases whose first word it is are
 * tried, longest first.  A match counts once and the scan goes on after it, as a
 * regular expression's global match would.  In a phrase, "0" stands for any number
 * and a leading "^" anchors it at the first token.  The reader hands the tokens out in
 * batches, each with the phrase that starts at it and whether a newline precedes it,
 * so one pass over the bytes also serves what pt_text.c measures of the lines.  Linear
 * in the text; no regular expression, so nothing to compile per process. */
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include "pagetype/pt_phrase.h"
#ifdef __SSE2__
#include <emmintrin.h>
#endif


typedef struct {
    const char *s; /* into the text (not lowercased: compare with lower_eq) */
    unsigned len;
} token;

/* Byte classes: WORD a word byte (ASCII letter, digit, apostrophe), MARK a token of its
 * own (other visible ASCII), 0 a separator (space, controls, bytes of UTF-8 sequences),
 * NEWLINE a separator the reader reports (pt_token.newline). */
enum { SEP = 0, WORD = 1, MARK = 2, TOKEN = 3, NEWLINE = 4 };
static const unsigned char byte_class[256] = {
    ['\n'] = NEWLINE,
    ['!'] = 2, ['"'] = 2, ['#'] = 2, ['$'] = 2, ['%'] = 2, ['&'] = 2, ['\''] = 1, ['('] = 2,
    [')'] = 2, ['*'] = 2, ['+'] = 2, [','] = 2, ['-'] = 2, ['.'] = 2, ['/'] = 2,
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1, [':'] = 2, [';'] = 2, ['<'] = 2, ['='] = 2, ['>'] = 2, ['?'] = 2,
    ['@'] = 2, ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1,
    ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1,
    ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1,
    ['X'] = 1, ['Y'] = 1, ['Z'] = 1, ['['] = 2, ['\\'] = 2, [']'] = 2, ['^'] = 2, ['_'] = 2,
    ['`'] = 2, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1,
    ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1,
    ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1,
    ['x'] = 1, ['y'] = 1, ['z'] = 1, ['{'] = 2, ['|'] = 2, ['}'] = 2, ['~'] = 2,
};

/* The next token at or after *at, or 0 at the end.  Bytes >= 0x80 (non-ASCII letters,
 * currency signs) separate tokens without being one. */
static inline int next_span(const unsigned char *p, size_t len, size_t *at, size_t *b,
                            int *word, int *newline);

static int next_token(const char *s, size_t len, size_t *at, token *t)
{
    size_t b;
    int word, newline;
    /* The reader's tokenizer: 16 bytes a step, not a branch per byte. */
    if (!next_span((const unsigned char *)s, len, at, &b, &word, &newline)) return 0;
    t->s = s + b;
    t->len = (unsigned)(*at - b);
    return 1;
}

static int is_number(const token *t)
{
    for (unsigned k = 0; k < t->len; k++)
        if (t->s[k] < '0' || t->s[k] > '9') return 0;
    return 1;
}

/* A word's hash, ASCII case folded (0x20 set in every byte: a word's letters
 * lowercased; a mark may share the hash of another, which the comparison of the words
 * tells apart): its first and last 8 bytes and its length, mixed by one
 * multiplication.  A token costs one or two loads, not a step per byte. */
static inline uint32_t word_hash(const unsigned char *p, size_t n, size_t avail)
{
    const uint64_t fold = 0x2020202020202020ull;
    uint64_t v = (wn_pt_low_bytes(p, n, avail) | fold) ^ n;
    if (n > 8) {
        uint64_t w = wn_pt_low_bytes(p + n - 8, 8, avail - (n - 8)) | fold;
        v ^= (w << 29) | (w >> 35);
    }
    return (uint32_t)((v * 0x9E3779B97F4A7C15ull) >> 32);
}

/* The hash a token gets: its word's, a number's that of the wildcard "0". */
static inline uint32_t token_hash(const unsigned char *p, size_t n, size_t avail)
{
    if ((unsigned)(p[0] - '0') < 10u) {
        token t = {(const char *)p, (unsigned)n};
        if (is_number(&t)) return word_hash((const unsigned char *)"0", 1, 1);
    }
    return word_hash(p, n, avail);
}

/* Token t equals the lowercase word w[0..n). */
static int lower_eq(const token *t, const char *w, size_t n)
{
    if (t->len != n) return 0;
    for (size_t k = 0; k < n; k++) {
        char c = t->s[k];
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        if (c != w[k]) return 0;
    }
    return 1;
}

/* One word of a phrase matches one token. */
static int word_matches(const token *t, const char *w, size_t n)
{
    if (n == 1 && w[0] == '0') return is_number(t);
    return lower_eq(t, w, n);
}

/* A group of one first word holds its phrases of more words by their second word's
 * hash, then longest first, and its phrases of one word after them.  Two phrases of
 * more words can both match only when their second words hash alike, so the order
 * among those that can match is still longest first, then the table's. */
static int cmp_compiled(const void *a, const void *b)
{
    const pt_compiled *x = a, *y = b;
    if (x->hash != y->hash) return x->hash < y->hash ? -1 : 1;
    if ((x->n > 1) != (y->n > 1)) return x->n > 1 ? -1 : 1;
    if (x->n > 1 && x->wh[1] != y->wh[1]) return x->wh[1] < y->wh[1] ? -1 : 1;
    if (x->n != y->n) return x->n > y->n ? -1 : 1;
    return x->p < y->p ? -1 : x->p > y->p;
}

/* Each group of phrases with one first word: where its one-word phrases start, and the
 * bits of its second words. */
static void mark_groups(pt_phrase_set *set)
{
    for (size_t g = 0; g < set->n;) {
        size_t e = g;
        unsigned long long seconds = 0;
        size_t singles = 0;
        int have_singles = 0;
        for (; e < set->n && set->c[e].hash == set->c[g].hash; e++) {
            if (set->c[e].n > 1) seconds |= 1ull << (set->c[e].wh[1] & 63);
            else if (!have_singles) {
                singles = e;
                have_singles = 1;
            }
        }
        if (!have_singles) singles = e;
        for (size_t i = g; i < e; i++) {
            set->c[i].singles = (unsigned short)singles;
            set->c[i].seconds = seconds;
        }
        g = e;
    }
}

/* Where a word of n bytes at w falls in pt_phrase_set.starts: its first two bytes,
 * case folded with the rest of their 5 low bits (a one-byte word's second is 0). */
static unsigned start_index(const unsigned char *w, size_t n)
{
    unsigned two = n > 1; /* w[two] is in the word: no branch on its length */
    return (w[0] & 31u) << 5 | (w[two] & 31u & -two);
}

static unsigned length_bit(size_t n) { return n < 31 ? (unsigned)n : 31u; }

/* Whether a token of n bytes at w may start a phrase of set: a number always may (a
 * phrase's "0" is any number). */
static int may_start(const pt_phrase_set *set, const unsigned char *w, size_t n)
{
    return ((unsigned)(w[0] - '0') < 10u) | (set->starts[start_index(w, n)] >> length_bit(n) & 1);
}

int wn_pt_phrase_compile(pt_phrase_set *set, const pt_phrase *phrases, size_t n)
{
    memset(set, 0, sizeof *set);
    set->c = calloc(n ? n : 1, sizeof *set->c);
    if (!set->c) return -1;
    for (size_t i = 0; i < n; i++) {
        pt_compiled *c = &set->c[set->n];
        const char *w = phrases[i].words;
        size_t k = 0;
        c->p = &phrases[i];
        if (w[0] == '^') {
            c->anchored = 1;
            k = 1;
        }
        while (w[k] && c->n < PT_PHRASE_WORDS) {
            while (w[k] == ' ') k++;
            if (!w[k]) break;
            size_t b = k;
            while (w[k] && w[k] != ' ') k++;
            c->off[c->n] = (unsigned short)b;
            c->wl[c->n] = (unsigned char)(k - b);
            c->wh[c->n] = token_hash((const unsigned char *)w + b, k - b, k - b);
            c->n++;
        }
        if (!c->n) continue;
        /* A first word of digits other than "0" is never a number's hash, as before. */
        c->hash = word_hash((const unsigned char *)w + c->off[0], c->wl[0], c->wl[0]);
        set->n++;
    }
    /* Phrases with one first word sit together, longest first; the slot table maps a
     * first word's hash to the first of them. */
    qsort(set->c, set->n, sizeof *set->c, cmp_compiled);
    mark_groups(set);
    for (size_t i = 0; i < set->n; i++) {
        const pt_compiled *c = &set->c[i];
        const unsigned char *w = (const unsigned char *)c->p->words + c->off[0];
        set->starts[start_index(w, c->wl[0])] |= 1u << length_bit(c->wl[0]);
    }
    memset(set->slot, 0xFF, sizeof set->slot);
    for (size_t i = set->n; i-- > 0;) {
        uint32_t h = set->c[i].hash;
        unsigned k = h & (PT_PHRASE_SLOTS - 1);
        while (set->slot[k] != 0xFFFF && set->c[set->slot[k]].hash != h)
            k = (k + 1) & (PT_PHRASE_SLOTS - 1);
        set->slot[k] = (unsigned short)i;
    }
    return 0;
}

/* The hash of token t of the text s[0..len). */
static uint32_t hash_in(const token *t, const char *s, size_t len)
{
    return token_hash((const unsigned char *)t->s, t->len, len - (size_t)(t->s - s));
}

/* The phrase starting at token t (at byte at after it; first: t is the text's first
 * token), or NULL.  Only tokens that begin some phrase get this far. */
static const pt_compiled *match_at(const pt_phrase_set *set, unsigned first_idx, const token *t,
                                   const char *s, size_t len, size_t at, int first,
                                   size_t *end)
{
    token win[PT_PHRASE_WORDS];
    uint32_t wh[PT_PHRASE_WORDS]; /* the tokens' hashes */
    win[0] = *t;
    int have = 1;
    size_t pos[PT_PHRASE_WORDS];
    pos[0] = at;
    const pt_compiled *group = &set->c[first_idx];
    uint32_t h = group->hash;
    size_t i = first_idx;
    /* The next token, which every phrase of more words needs: when its hash is no
     * second word's of the group, only the phrases of one word are left to try. */
    if (group->n > 1) {
        size_t a = at;
        if (next_token(s, len, &a, &win[1])) {
            wh[1] = hash_in(&win[1], s, len);
            pos[have++] = a;
        }
        if (have < 2 || !(group->seconds >> (wh[1] & 63) & 1)) {
            i = group->singles;
        } else {
            /* The first phrase whose second word has the token's hash. */
            size_t hi = group->singles;
            while (i < hi) {
                size_t mid = i + (hi - i) / 2;
                if (set->c[mid].wh[1] < wh[1]) i = mid + 1;
                else hi = mid;
            }
        }
    }
    for (; i < set->n && set->c[i].hash == h; i++) {
        const pt_compiled *c = &set->c[i];
        /* Past the phrases of the token's second word: on to those of one word. */
        if (c->n > 1 && have > 1 && c->wh[1] != wh[1]) {
            i = (size_t)group->singles - 1;
            continue;
        }
        if (c->anchored && !first) continue;
        /* A word matches only a token of its hash, so most phrases cost a comparison
         * of hashes; the tokens are read only as far as the phrase still matches (40
         * phrases start with a number); the first word, whose hash brought the scan
         * here, is compared last. */
        int ok = 1;
        for (int w = 1; w < c->n && ok; w++) {
            if (have <= w) {
                size_t a = pos[have - 1];
                if (!next_token(s, len, &a, &win[have])) {
                    ok = 0;
                    break;
                }
                wh[have] = hash_in(&win[have], s, len);
                pos[have++] = a;
            }
            ok = c->wh[w] == wh[w] && word_matches(&win[w], c->p->words + c->off[w], c->wl[w]);
        }
        ok = ok && word_matches(&win[0], c->p->words + c->off[0], c->wl[0]);
        if (ok) {
            *end = pos[c->n - 1];
            return c;
        }
    }
    return NULL;
}

void wn_pt_phrase_begin(pt_phrase_reader *r, const pt_phrase_set *set, const char *s,
                        size_t len)
{
    r->set = set;
    r->s = s;
    r->len = len;
    r->at = r->skip = 0;
    r->first = 1;
}

#ifdef __SSE2__
/* 16 bytes at q as bit masks (bit k: q[k]): word bytes, token bytes (visible ASCII:
 * words and marks), newlines.  Compares are signed: bytes >= 0x80 fall below every
 * bound. */
static inline void classify16(const unsigned char *q, unsigned *word, unsigned *visible,
                              unsigned *newline)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)q);
    __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
    __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)),
                                   _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1)));
    __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
                                  _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
    __m128i w = _mm_or_si128(_mm_or_si128(letter, digit), _mm_cmpeq_epi8(v, _mm_set1_epi8('\'')));
    __m128i shown = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(' ')),
                                  _mm_cmplt_epi8(v, _mm_set1_epi8(0x7F)));
    *word = (unsigned)_mm_movemask_epi8(w);
    *visible = (unsigned)_mm_movemask_epi8(shown);
    *newline = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')));
}
#endif

/* The next token from byte *at: its start *b, whether it is a word, whether a newline
 * precedes it; *at moves past it.  Returns 0 at the end of the text. */
static inline int next_span(const unsigned char *p, size_t len, size_t *at, size_t *b,
                            int *word, int *newline)
{
    size_t i = *at;
    unsigned gap = 0;
#ifdef __SSE2__
    /* Most tokens, and the gap before them, lie in the 16 bytes from the last one's
     * end: one load tells where each starts and ends. */
    while (len - i >= 16) {
        unsigned w, t, nl;
        classify16(p + i, &w, &t, &nl);
        if (!t) {
            gap |= nl;
            i += 16;
            continue;
        }
        unsigned s = (unsigned)__builtin_ctz(t);
        *newline = (gap | (nl & ((1u << s) - 1))) != 0;
        *b = i + s;
        *word = (int)(w >> s & 1);
        /* A word's end, or a mark's own byte plus one, without a branch on which: at a
         * mark, ~w's first set bit from s is s itself. */
        unsigned e = (unsigned)__builtin_ctz(~w & (~0u << s)) + (unsigned)!*word;
        i += e;
        if ((e == 16) & *word) /* a word that runs on past the 16 bytes */
            while (i < len && byte_class[p[i]] == WORD) i++;
        *at = i;
        return 1;
    }
#endif
    unsigned c = SEP;
    while (i < len && !((c = byte_class[p[i]]) & TOKEN)) {
        gap |= c;
        i++;
    }
    if (i >= len) {
        *at = i;
        return 0;
    }
    *newline = gap != 0;
    *b = i++;
    *word = c == WORD;
    if (*word)
        while (i < len && byte_class[p[i]] == WORD) i++;
    *at = i;
    return 1;
}

size_t wn_pt_phrase_read(pt_phrase_reader *r, pt_token *out, size_t cap)
{
    const pt_phrase_set *set = r->set;
    const unsigned char *p = (const unsigned char *)r->s;
    size_t len = r->len, i = r->at, n = 0, b;
    int word, newline;
    if (cap > 64) cap = 64;
    /* The tokens first, with a bit for each that may start a phrase; then only those
     * are tried, in order: no branch per token on whether it may (a mispredict on
     * every few words). */
    uint64_t may = 0;
    while (n < cap && next_span(p, len, &i, &b, &word, &newline)) {
        pt_token *t = &out[n];
        t->s = r->s + b;
        t->len = (unsigned)(i - b);
        t->word = (unsigned char)word;
        t->newline = (unsigned char)newline;
        t->hit = 0;
        may |= (uint64_t)may_start(set, p + b, i - b) << n;
        n++;
    }
    if (!set->n) may = 0;
    for (; may; may &= may - 1) {
        pt_token *t = &out[__builtin_ctzll(may)];
        b = (size_t)(t->s - r->s);
        /* A match counts once and the scan goes on after it: the phrase's other words
         * start none. */
        if (b < r->skip) continue;
        uint32_t h = token_hash(p + b, t->len, len - b);
        unsigned k = h & (PT_PHRASE_SLOTS - 1);
        while (set->slot[k] != 0xFFFF && set->c[set->slot[k]].hash != h)
            k = (k + 1) & (PT_PHRASE_SLOTS - 1);
        if (set->slot[k] != 0xFFFF) {
            token tk = {t->s, t->len};
            size_t end;
            const pt_compiled *m = match_at(set, set->slot[k], &tk, r->s, len, b + t->len,
                                            r->first && t == out, &end);
            if (m) {
                t->hit = 1;
                t->signal = m->p->signal;
                r->skip = end;
            }
        }
    }
    if (n) r->first = 0;
    r->at = i;
    return n;
}

void wn_pt_phrase_count(const pt_phrase_set *set, const char *s, size_t len,
                        void (*hit)(void *ctx, int signal, const char *at), void *ctx)
{
    pt_phrase_reader r;
    pt_token t[64];
    size_t n;
    wn_pt_phrase_begin(&r, set, s, len);
    while ((n = wn_pt_phrase_read(&r, t, sizeof t / sizeof *t)) > 0)
        for (size_t k = 0; k < n; k++)
            if (t[k].hit) hit(ctx, t[k].signal, t[k].s);
}

void wn_pt_phrase_free(pt_phrase_set *set)
{
    free(set->c);
    memset(set, 0, sizeof *set);
}
