/* pt_phrase.c -- counting phrases in text, fast: the text is cut into tokens (runs of
 * ASCII letters, digits and apostrophes, lowercased; any other visible ASCII character
 * is a token of its own), and at each token the phrases whose first word it is are
 * tried, longest first.  A match counts once and the scan goes on after it, as a
 * regular expression's global match would.  In a phrase, "0" stands for any number
 * and a leading "^" anchors it at the first token.  Linear in the text; no regular
 * expression, so nothing to compile per process. */
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include "pagetype/pt_phrase.h"


typedef struct {
    const char *s; /* into the text (not lowercased: compare with lower_eq) */
    unsigned len;
} token;

/* Byte classes: 1 a word byte (ASCII letter, digit, apostrophe), 2 a token of its own
 * (other visible ASCII), 0 a separator (space, controls, bytes of UTF-8 sequences). */
static const unsigned char byte_class[256] = {
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

/* A word byte (class 1) lowercased, 0 for any other byte: the scan reads a word's
 * bytes, hashes them and finds its end with one look-up a byte. */
static const unsigned char word_fold[256] = {
    ['\''] = '\'', ['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4', ['5'] = '5',
    ['6'] = '6', ['7'] = '7', ['8'] = '8', ['9'] = '9', ['A'] = 'a', ['B'] = 'b', ['C'] = 'c',
    ['D'] = 'd', ['E'] = 'e', ['F'] = 'f', ['G'] = 'g', ['H'] = 'h', ['I'] = 'i', ['J'] = 'j',
    ['K'] = 'k', ['L'] = 'l', ['M'] = 'm', ['N'] = 'n', ['O'] = 'o', ['P'] = 'p', ['Q'] = 'q',
    ['R'] = 'r', ['S'] = 's', ['T'] = 't', ['U'] = 'u', ['V'] = 'v', ['W'] = 'w', ['X'] = 'x',
    ['Y'] = 'y', ['Z'] = 'z', ['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e',
    ['f'] = 'f', ['g'] = 'g', ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l',
    ['m'] = 'm', ['n'] = 'n', ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r', ['s'] = 's',
    ['t'] = 't', ['u'] = 'u', ['v'] = 'v', ['w'] = 'w', ['x'] = 'x', ['y'] = 'y', ['z'] = 'z',
};

/* The next token at or after *at, or 0 at the end.  Bytes >= 0x80 (non-ASCII letters,
 * currency signs) separate tokens without being one. */
static int next_token(const char *s, size_t len, size_t *at, token *t)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = *at;
    while (i < len && !byte_class[p[i]]) i++;
    if (i >= len) {
        *at = i;
        return 0;
    }
    size_t b = i++;
    if (byte_class[p[b]] == 1)
        while (i < len && byte_class[p[i]] == 1) i++;
    t->s = s + b;
    t->len = (unsigned)(i - b);
    *at = i;
    return 1;
}

static int is_number(const token *t)
{
    for (unsigned k = 0; k < t->len; k++)
        if (t->s[k] < '0' || t->s[k] > '9') return 0;
    return 1;
}

/* next_token() that also hashes the token as hash_bytes() does a lowercase word, a
 * number as "0", in the same pass over its bytes: the scan meets every token of a
 * page, most of them in no phrase. */
static int next_token_hashed(const char *s, size_t len, size_t *at, token *t, uint32_t *hash)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = *at;
    while (i < len && !byte_class[p[i]]) i++;
    if (i >= len) {
        *at = i;
        return 0;
    }
    size_t b = i;
    uint32_t h = 2166136261u;
    if (byte_class[p[i]] == 2) { /* one visible character, no letter nor digit */
        h = (h ^ p[i++]) * 16777619u;
    } else {
        for (unsigned c; i < len && (c = word_fold[p[i]]) != 0; i++) h = (h ^ c) * 16777619u;
    }
    t->s = s + b;
    t->len = (unsigned)(i - b);
    *at = i;
    /* Numbers hash as "0" (a number starts with a digit). */
    *hash = (unsigned)(p[b] - '0') < 10u && is_number(t) ? (2166136261u ^ '0') * 16777619u : h;
    return 1;
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

/* FNV-1a of a lowercase word, or of a token lowercased on the fly; numbers hash as
 * the wildcard "0". */
static uint32_t hash_bytes(const char *w, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t k = 0; k < n; k++) {
        unsigned char c = (unsigned char)w[k];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        h = (h ^ c) * 16777619u;
    }
    return h;
}


/* The hash next_token_hashed() gives a token (the scan's own is inlined there). */
static uint32_t hash_token(const token *t)
{
    return is_number(t) ? hash_bytes("0", 1) : hash_bytes(t->s, t->len);
}

static int cmp_compiled(const void *a, const void *b)
{
    const pt_compiled *x = a, *y = b;
    if (x->hash != y->hash) return x->hash < y->hash ? -1 : 1;
    if (x->n != y->n) return x->n > y->n ? -1 : 1;
    return x->p < y->p ? -1 : x->p > y->p;
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
            token as = {w + b, (unsigned)(k - b)};
            c->wh[c->n] = is_number(&as) ? hash_bytes("0", 1) : hash_bytes(w + b, k - b);
            c->n++;
        }
        if (!c->n) continue;
        c->hash = hash_bytes(w + c->off[0], c->wl[0]);
        set->n++;
    }
    /* Phrases with one first word sit together, longest first; the slot table maps a
     * first word's hash to the first of them. */
    qsort(set->c, set->n, sizeof *set->c, cmp_compiled);
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

/* The phrase starting at token t (at byte *at after it; first: t is the text's first
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
    uint32_t h = set->c[first_idx].hash;
    for (size_t i = first_idx; i < set->n && set->c[i].hash == h; i++) {
        const pt_compiled *c = &set->c[i];
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
                wh[have] = hash_token(&win[have]);
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

void wn_pt_phrase_scan(const pt_phrase_set *set, const char *s, size_t len,
                       const pt_phrase_hooks *hooks, void *ctx)
{
    size_t at = 0;
    token t;
    int first = 1;
    uint32_t h;
    while (next_token_hashed(s, len, &at, &t, &h)) {
        if (hooks->token) hooks->token(ctx, t.s, t.len);
        unsigned k = h & (PT_PHRASE_SLOTS - 1);
        while (set->n && set->slot[k] != 0xFFFF && set->c[set->slot[k]].hash != h)
            k = (k + 1) & (PT_PHRASE_SLOTS - 1);
        if (set->n && set->slot[k] != 0xFFFF) {
            size_t end;
            const pt_compiled *c = match_at(set, set->slot[k], &t, s, len, at, first, &end);
            if (c) {
                hooks->hit(ctx, c->p->signal, t.s);
                /* The phrase's other words are still tokens for the hook. */
                while (hooks->token && at < end && next_token(s, end, &at, &t))
                    hooks->token(ctx, t.s, t.len);
                at = end;
            }
        }
        first = 0;
    }
}

void wn_pt_phrase_count(const pt_phrase_set *set, const char *s, size_t len,
                        void (*hit)(void *ctx, int signal, const char *at), void *ctx)
{
    pt_phrase_hooks hooks = {hit, NULL};
    wn_pt_phrase_scan(set, s, len, &hooks, ctx);
}

void wn_pt_phrase_free(pt_phrase_set *set)
{
    free(set->c);
    memset(set, 0, sizeof *set);
}
