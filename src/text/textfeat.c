/* textfeat.c -- the shape of a block of rendered text: how many words, how many of
 * them capitalised, whether it ends like a sentence, whether it is a date or a byline.
 * One linear pass per block; the classifier (textclass.c) turns shapes into scores. */
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include "text/text_shape.h"

/* Decodes the code point at s (valid UTF-8 from charset.c); *n gets its length. */
static unsigned cp_at(const unsigned char *s, size_t len, size_t *n)
{
    unsigned c = s[0];
    if (c < 0x80 || len < 2) { *n = 1; return c; }
    if (c < 0xE0) { *n = 2; return ((c & 0x1F) << 6) | (s[1] & 0x3F); }
    if (c < 0xF0 || len < 4) {
        if (len < 3) { *n = len; return 0xFFFD; }
        *n = 3;
        return ((c & 0x0F) << 12) | ((unsigned)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    }
    *n = 4;
    return ((c & 0x07) << 18) | ((unsigned)(s[1] & 0x3F) << 12) |
           ((unsigned)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
}

static int is_cjk(unsigned c)
{
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
           (c >= 0xF900 && c <= 0xFAFF);
}

static int is_upper(unsigned c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
           (c >= 0x391 && c <= 0x3A9) || (c >= 0x410 && c <= 0x42F);
}

static int is_lower(unsigned c)
{
    return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7) ||
           (c >= 0x3B1 && c <= 0x3C9) || (c >= 0x430 && c <= 0x44F);
}

static int is_stop(unsigned c)
{
    return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x3002 || c == 0xFF01 ||
           c == 0xFF1F;
}

static int is_closer(unsigned c)
{
    return c == '"' || c == '\'' || c == ')' || c == 0x201D || c == 0x2019 || c == 0xBB ||
           c == 0x300D || c == 0x300F || c == 0xFF09;
}

static int is_sep(unsigned c)
{
    return c == '|' || c == 0xBB || c == 0x203A || c == 0xB7 || c == 0x2022 || c == 0x25BA ||
           c == '>';
}

/* The running state of one pass: whether the last code point ends a sentence (a
 * space after it counts a stop) and whether a word starts at the next non-space. */
typedef struct {
    int prev_stop;
    int at_word;
} walk;

/* One code point c of n bytes at a word start or inside a word (not a space, not a
 * lower-case ASCII letter run: those have their own loops). */
static void step_cp(tshape *s, walk *w, unsigned c)
{
    s->chars++;
    if (w->at_word) {
        s->words++;
        if (is_upper(c)) { s->alpha++; s->caps++; }
        else if (is_lower(c)) s->alpha++;
        w->at_word = 0;
    }
    if (c >= '0' && c <= '9') s->digits++;
    else if (c < 'A') { if (c == ',') s->commas++; else if (c == '>') s->seps++; }
    else if (c >= 0x80) {
        if (is_lower(c)) s->lower++;
        else if (is_cjk(c)) s->cjk++;
        else if (c == 0x3001 || c == 0xFF0C) s->commas++;
        else if (c == 0x3002) s->stops++;
        else if (is_sep(c)) s->seps++;
    } else if (c == '|') s->seps++;
    w->prev_stop = is_stop(c);
}

/* The scalar pass over p[i..len), the reference for the vector one below. */
static void walk_scalar(tshape *s, walk *w, const unsigned char *p, size_t len)
{
    size_t i = 0;
    while (i < len) {
        size_t n = 1;
        unsigned c = p[i];
        if (c == ' ') {
            i++;
            s->chars++;
            w->at_word = 1;
            if (w->prev_stop) s->stops++;
            w->prev_stop = 0;
            continue;
        }
        if ((unsigned)(c - 'a') < 26u) {
            /* Most bytes are lower-case ASCII letters: take the run in one tight loop. */
            if (w->at_word) { s->words++; s->alpha++; w->at_word = 0; }
            size_t j = i + 1;
            while (j < len && (unsigned)(p[j] - 'a') < 26u) j++;
            s->lower += (unsigned)(j - i);
            s->chars += (unsigned)(j - i);
            w->prev_stop = 0;
            i = j;
            continue;
        }
        if (c >= 0x80) c = cp_at(p + i, len - i, &n);
        i += n;
        step_cp(s, w, c);
    }
}

#ifdef __SSE2__
#include <emmintrin.h>

/* Byte counters of the vector pass: each lane counts up to 255 chunks, then is summed. */
enum { V_CHARS, V_WORDS, V_ALPHA, V_CAPS, V_LOWER, V_DIGITS, V_COMMAS, V_SEPS, V_STOPS, V_N };

static void flush(tshape *s, __m128i *acc)
{
    unsigned *dst[V_N] = {&s->chars, &s->words, &s->alpha, &s->caps, &s->lower,
                          &s->digits, &s->commas, &s->seps, &s->stops};
    for (int k = 0; k < V_N; k++) {
        __m128i t = _mm_sad_epu8(acc[k], _mm_setzero_si128());
        *dst[k] += (unsigned)(_mm_cvtsi128_si32(t) + _mm_cvtsi128_si32(_mm_srli_si128(t, 8)));
        acc[k] = _mm_setzero_si128();
    }
}

static __m128i eq(__m128i v, unsigned char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8((char)c)); }

/* Bytes of v in [lo, hi], unsigned. */
static __m128i in_range(__m128i v, unsigned char lo, unsigned char hi)
{
    __m128i x = _mm_sub_epi8(v, _mm_set1_epi8((char)lo));
    return _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8((char)(hi - lo))), x);
}

/* The lead bytes of the multi-byte characters the vector pass classifies itself, with
 * the classes step_cp() would give them: two-byte ones (Latin-1 letters, Greek and
 * Cyrillic cases, » and ·, the rest neutral) and U+2000..U+203F punctuation (curly
 * quotes, dashes) but for the separators and the ellipsis.  Most non-ASCII text on
 * the test pages is one of those; each other character ends the chunk. */
typedef struct {
    __m128i upper, lower, sep;
    unsigned l2, l3; /* bit k: a handled two- or three-byte character starts at byte k */
} multi;

static multi classify_multi(__m128i v)
{
    multi m;
    __m128i n1 = _mm_srli_si128(v, 1), n2 = _mm_srli_si128(v, 2);
    __m128i c1 = in_range(n1, 0x80, 0xBF), c2 = in_range(n2, 0x80, 0xBF);
    __m128i two = _mm_and_si128(in_range(v, 0xC2, 0xDF), c1);
    __m128i c3 = eq(v, 0xC3), ce = eq(v, 0xCE), d0 = eq(v, 0xD0);
    /* U+00C0..DE but U+00D7; U+0391..03A9; U+0410..042F. */
    m.upper = _mm_or_si128(
        _mm_or_si128(_mm_andnot_si128(eq(n1, 0x97), _mm_and_si128(c3, in_range(n1, 0x80, 0x9E))),
                     _mm_and_si128(ce, in_range(n1, 0x91, 0xA9))),
        _mm_and_si128(d0, in_range(n1, 0x90, 0xAF)));
    /* U+00DF..FF but U+00F7; U+03B1..03C9; U+0430..044F. */
    m.lower = _mm_or_si128(
        _mm_or_si128(_mm_andnot_si128(eq(n1, 0xB7), _mm_and_si128(c3, in_range(n1, 0x9F, 0xBF))),
                     _mm_or_si128(_mm_and_si128(ce, in_range(n1, 0xB1, 0xBF)),
                                  _mm_and_si128(eq(v, 0xCF), in_range(n1, 0x80, 0x89)))),
        _mm_or_si128(_mm_and_si128(d0, in_range(n1, 0xB0, 0xBF)),
                     _mm_and_si128(eq(v, 0xD1), in_range(n1, 0x80, 0x8F))));
    m.upper = _mm_and_si128(m.upper, two);
    m.lower = _mm_and_si128(m.lower, two);
    m.sep = _mm_and_si128(eq(v, 0xC2), _mm_or_si128(eq(n1, 0xBB), eq(n1, 0xB7)));
    __m128i odd3 = _mm_or_si128(_mm_or_si128(eq(n2, 0xA2), eq(n2, 0xA6)), eq(n2, 0xBA));
    __m128i three = _mm_andnot_si128(odd3, _mm_and_si128(_mm_and_si128(eq(v, 0xE2), eq(n1, 0x80)), c2));
    m.l2 = (unsigned)_mm_movemask_epi8(two);
    m.l3 = (unsigned)_mm_movemask_epi8(three);
    return m;
}

/* Counts bytes s0 .. s0 + n - 1 of v into acc: ASCII and the characters of m (whole
 * ones, by the caller's cut).  Bytes below s0 were counted already and are ignored
 * (in broken UTF-8 a space there may belong to the character before).  16 bytes in
 * some 60 instructions where the scalar loop mispredicts a branch at every word end
 * (8 cycles a byte). */
static void chunk_sse2(__m128i *acc, walk *w, __m128i v, unsigned s0, unsigned n,
                       const multi *m)
{
    static const char idx[16] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    __m128i lane = _mm_loadu_si128((const __m128i *)idx);
    __m128i own = _mm_andnot_si128(_mm_cmplt_epi8(lane, _mm_set1_epi8((char)s0)),
                                   _mm_set1_epi8(-1));
    __m128i valid = _mm_and_si128(own, _mm_cmplt_epi8(lane, _mm_set1_epi8((char)(s0 + n))));
    __m128i first = _mm_cmpeq_epi8(lane, _mm_set1_epi8((char)s0));
    __m128i cont = _mm_and_si128(in_range(v, 0x80, 0xBF), valid); /* not characters */
    __m128i sp_all = _mm_and_si128(eq(v, ' '), own), sp = _mm_and_si128(sp_all, valid);
    __m128i stop = _mm_and_si128(_mm_or_si128(_mm_or_si128(eq(v, '.'), eq(v, '!')), eq(v, '?')),
                                 own);
    __m128i lower = _mm_and_si128(_mm_or_si128(in_range(v, 'a', 'z'), m->lower), valid);
    __m128i upper = _mm_or_si128(in_range(v, 'A', 'Z'), m->upper);
    /* A word starts at a character after a space (or at the carried state). */
    __m128i after_sp = _mm_or_si128(_mm_slli_si128(sp_all, 1),
                                    _mm_and_si128(first, _mm_set1_epi8((char)-w->at_word)));
    __m128i starts = _mm_andnot_si128(_mm_or_si128(sp, cont), _mm_and_si128(after_sp, valid));
    __m128i after_stop = _mm_or_si128(_mm_slli_si128(stop, 1),
                                      _mm_and_si128(first, _mm_set1_epi8((char)-w->prev_stop)));
    __m128i seps = _mm_or_si128(_mm_or_si128(eq(v, '>'), eq(v, '|')), m->sep);
    /* Compare results are -1 per lane: subtracting them counts. */
    acc[V_CHARS] = _mm_sub_epi8(acc[V_CHARS], _mm_andnot_si128(cont, valid));
    acc[V_WORDS] = _mm_sub_epi8(acc[V_WORDS], starts);
    acc[V_ALPHA] = _mm_sub_epi8(acc[V_ALPHA], _mm_and_si128(starts, _mm_or_si128(lower, upper)));
    acc[V_CAPS] = _mm_sub_epi8(acc[V_CAPS], _mm_and_si128(starts, upper));
    acc[V_LOWER] = _mm_sub_epi8(acc[V_LOWER], lower);
    acc[V_DIGITS] = _mm_sub_epi8(acc[V_DIGITS], _mm_and_si128(in_range(v, '0', '9'), valid));
    acc[V_COMMAS] = _mm_sub_epi8(acc[V_COMMAS], _mm_and_si128(eq(v, ','), valid));
    acc[V_SEPS] = _mm_sub_epi8(acc[V_SEPS], _mm_and_si128(seps, valid));
    acc[V_STOPS] = _mm_sub_epi8(acc[V_STOPS], _mm_and_si128(sp, after_stop));
    /* The state after the last byte: a multi-byte character is neither. */
    unsigned last = s0 + n - 1;
    w->at_word = (int)((unsigned)_mm_movemask_epi8(sp) >> last & 1);
    w->prev_stop = (int)((unsigned)_mm_movemask_epi8(stop) >> last & 1);
}

/* The n < 16 bytes at p, zero-padded, without reading past them.  Blocks average 54
 * bytes, so every block has a tail: a copy through memory stalled store forwarding;
 * this builds the vector in registers from overlapping loads (x86 is little-endian). */
static __m128i load_tail(const unsigned char *p, size_t n)
{
    uint64_t lo = 0, hi = 0;
    if (n >= 8) {
        memcpy(&lo, p, 8);
        if (n > 8) {
            memcpy(&hi, p + n - 8, 8);
            hi >>= 8 * (16 - n); /* drops the bytes lo already holds */
        }
    } else if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, p, 4);
        memcpy(&b, p + n - 4, 4);
        lo = a | (uint64_t)b << 8 * (n - 4); /* overlapping bytes are equal */
    } else {
        for (size_t k = 0; k < n; k++) lo |= (uint64_t)p[k] << 8 * k;
    }
    return _mm_set_epi64x((long long)hi, (long long)lo);
}

/* 16 bytes at a time; each character classify_multi() does not handle goes through
 * step_cp().  The last bytes of a block of 16 or more go through an overlapping
 * window over its last 16 bytes, without load_tail()'s branches. */
static void walk_fast(tshape *s, walk *w, const unsigned char *p, size_t len)
{
    __m128i acc[V_N];
    for (int k = 0; k < V_N; k++) acc[k] = _mm_setzero_si128();
    multi none;
    none.upper = none.lower = none.sep = _mm_setzero_si128();
    unsigned chunks = 0;
    size_t i = 0;
    while (i < len) {
        size_t rem = len - i;
        unsigned s0 = 0, n = rem < 16 ? (unsigned)rem : 16;
        __m128i v;
        if (rem >= 16) v = _mm_loadu_si128((const __m128i *)(p + i));
        else if (len >= 16) v = _mm_loadu_si128((const __m128i *)(p + len - 16)), s0 = 16 - n;
        else v = load_tail(p + i, rem);
        /* Bytes s0 and up: the window's own. */
        unsigned own = 0xFFFFu << s0 & 0xFFFFu;
        unsigned hi = (unsigned)_mm_movemask_epi8(v) & own;
        multi m;
        const multi *mp = &none;
        int cut = 0;
        if (hi) {
            /* A character cut by the window's end (or the tail's zero padding) is not
             * covered: the window ends before the first byte not covered. */
            m = classify_multi(v);
            mp = &m;
            unsigned l2 = m.l2 & own, l3 = m.l3 & own;
            unsigned odd = hi & ~(l2 | l2 << 1 | l3 | l3 << 1 | l3 << 2);
            if (odd) {
                n = (unsigned)__builtin_ctz(odd) - s0; /* below s0 + n: a tail has no high padding */
                cut = 1;
            }
        }
        if (n) {
            chunk_sse2(acc, w, v, s0, n, mp);
            i += n;
            if (++chunks == 255) { flush(s, acc); chunks = 0; }
        }
        if (cut) { /* the character at i, the scalar way */
            size_t cn;
            unsigned c = cp_at(p + i, len - i, &cn);
            i += cn;
            step_cp(s, w, c);
        }
    }
    flush(s, acc);
}
#endif

static int dateline(const block *b, const tshape *s);
static int byline(const block *b, const tshape *s);

/* The features read off the end of the block, once the counts are in, and the date
 * and byline tests, done once here: the headline search asks them again for the same
 * blocks (both were 8% of the text path). */
static void finish(tshape *sp, const block *b)
{
    tshape s = *sp;
    const unsigned char *p = (const unsigned char *)b->text;
    size_t len = b->len;
    /* The last three code points, for the sentence end. */
    unsigned last[3] = {0, 0, 0};
    if (len >= 3 && !((p[len - 1] | p[len - 2] | p[len - 3]) & 0x80)) {
        /* ASCII, as most blocks end: no loop whose length depends on the bytes. */
        last[0] = p[len - 3];
        last[1] = p[len - 2];
        last[2] = p[len - 1];
    } else {
        for (size_t j = len, got = 0; j > 0 && got < 3;) {
            size_t st = j - 1;
            while (st > 0 && (p[st] & 0xC0) == 0x80) st--;
            size_t n;
            last[2 - got++] = cp_at(p + st, len - st, &n);
            j = st;
        }
    }
    /* A sentence ends with a stop, possibly inside closing quotes or brackets. */
    int k = 2;
    while (k > 0 && is_closer(last[k])) k--;
    s.terminal = is_stop(last[k]) && !(last[k] == '.' && k == 2 && last[1] == '.' && last[0] == '.');
    if (last[2] == 0x3002) s.stops--; /* the final one is not "inside" */
    s.colon = last[2] == ':' || last[2] == 0xFF1A;
    /* A CJK character carries about half a word; the spaces of mixed text still count. */
    s.ew = (double)s.words + (s.cjk > 1 ? s.cjk / 2.0 - 1.0 : 0.0);
    if (s.ew < s.words) s.ew = s.words;
    s.dateline = dateline(b, &s);
    s.byline = byline(b, &s);
    *sp = s;
}

tshape wn_textfeat_shape_scalar(const block *b)
{
    tshape s;
    memset(&s, 0, sizeof s);
    walk w = {0, 1};
    walk_scalar(&s, &w, (const unsigned char *)b->text, b->len);
    finish(&s, b);
    return s;
}

tshape wn_textfeat_shape(const block *b)
{
    tshape s;
    memset(&s, 0, sizeof s);
    walk w = {0, 1};
#ifdef __SSE2__
    walk_fast(&s, &w, (const unsigned char *)b->text, b->len);
#else
    walk_scalar(&s, &w, (const unsigned char *)b->text, b->len);
#endif
    finish(&s, b);
    return s;
}

double wn_textfeat_cap_share(const tshape *s)
{
    return s->alpha ? (double)s->caps / s->alpha : 0.0;
}

/* Lower-cased ASCII copy of the word at t[0..len) (letters only, up to 15 bytes). */
static size_t word_lc(const char *t, size_t len, char *out)
{
    size_t n = 0;
    while (n < len && n < 15 && t[n] != ' ' && t[n] != '.' && t[n] != ',') {
        char c = t[n];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        out[n++] = c;
    }
    out[n] = '\0';
    while (n > 0 && (out[n - 1] == '.' || out[n - 1] == ',' || out[n - 1] == ':')) out[--n] = '\0';
    return n;
}

/* What a word of a date stamp is: a month ("nov", "märz"), "ago" and its German and
 * Spanish forms, a word that may stand around a date ("Updated on Tue, Nov 19 at 6
 * pm"), a unit of an "N hours ago" stamp, a day that dates a time ("Wednesday at
 * 7:19 PM", "Yesterday at 3:30 PM", as forum software stamps this week's posts), or
 * the "at" between them.  One word may be several. */
enum { W_MONTH = 1, W_AGO = 2, W_STAMP = 4, W_UNIT = 8, W_DAY = 16, W_AT = 32 };

typedef struct {
    const char *w;
    int kind;
} stamp_word;

/* In byte order, for the reader; word_kind() finds them through a hash. */
static const stamp_word stamp_words[] = {
    {"-", W_STAMP}, {"/", W_STAMP}, {"abr", W_MONTH}, {"abril", W_MONTH},
    {"ago", W_AGO|W_MONTH}, {"agosto", W_MONTH}, {"am", W_STAMP}, {"am:", W_STAMP},
    {"août", W_MONTH}, {"apr", W_MONTH}, {"april", W_MONTH}, {"at", W_AT},
    {"aug", W_MONTH}, {"august", W_MONTH}, {"avr", W_MONTH}, {"avril", W_MONTH},
    {"bst", W_STAMP}, {"cet", W_STAMP}, {"d", W_UNIT}, {"date", W_STAMP}, {"day", W_UNIT},
    {"days", W_UNIT}, {"de", W_STAMP}, {"dec", W_MONTH}, {"december", W_MONTH},
    {"del", W_STAMP}, {"dezember", W_MONTH}, {"dic", W_MONTH}, {"diciembre", W_MONTH},
    {"déc", W_MONTH}, {"décembre", W_MONTH}, {"edt", W_STAMP}, {"el", W_STAMP},
    {"ene", W_MONTH}, {"enero", W_MONTH}, {"est", W_STAMP}, {"feb", W_MONTH},
    {"febrero", W_MONTH}, {"februar", W_MONTH}, {"february", W_MONTH}, {"fri", W_STAMP},
    {"friday", W_STAMP|W_DAY}, {"févr", W_MONTH}, {"février", W_MONTH}, {"gmt", W_STAMP},
    {"h", W_STAMP|W_UNIT}, {"hace", W_AGO}, {"hour", W_UNIT}, {"hours", W_UNIT},
    {"hr", W_UNIT}, {"hrs", W_UNIT}, {"ist", W_STAMP}, {"jan", W_MONTH},
    {"januar", W_MONTH}, {"january", W_MONTH}, {"janvier", W_MONTH}, {"juillet", W_MONTH},
    {"juin", W_MONTH}, {"jul", W_MONTH}, {"juli", W_MONTH}, {"julio", W_MONTH},
    {"july", W_MONTH}, {"jun", W_MONTH}, {"june", W_MONTH}, {"juni", W_MONTH},
    {"junio", W_MONTH}, {"last", W_STAMP}, {"le", W_STAMP}, {"m", W_UNIT},
    {"mai", W_MONTH}, {"mar", W_MONTH}, {"march", W_MONTH}, {"mars", W_MONTH},
    {"marzo", W_MONTH}, {"may", W_MONTH}, {"mayo", W_MONTH}, {"min", W_UNIT},
    {"mins", W_UNIT}, {"minute", W_UNIT}, {"minutes", W_UNIT}, {"modified", W_STAMP},
    {"mon", W_STAMP}, {"monday", W_STAMP|W_DAY}, {"month", W_UNIT}, {"months", W_UNIT},
    {"märz", W_MONTH}, {"nov", W_MONTH}, {"november", W_MONTH}, {"novembre", W_MONTH},
    {"noviembre", W_MONTH}, {"oct", W_MONTH}, {"october", W_MONTH}, {"octobre", W_MONTH},
    {"octubre", W_MONTH}, {"of", W_STAMP}, {"oktober", W_MONTH}, {"on", W_STAMP},
    {"pdt", W_STAMP}, {"pm", W_STAMP}, {"posted", W_STAMP}, {"pst", W_STAMP},
    {"published", W_STAMP}, {"sat", W_STAMP}, {"saturday", W_STAMP|W_DAY}, {"sec", W_UNIT},
    {"second", W_UNIT}, {"seconds", W_UNIT}, {"secs", W_UNIT}, {"sep", W_MONTH},
    {"sept", W_MONTH}, {"september", W_MONTH}, {"septembre", W_MONTH},
    {"septiembre", W_MONTH}, {"sun", W_STAMP}, {"sunday", W_STAMP|W_DAY}, {"the", W_STAMP},
    {"thu", W_STAMP}, {"thursday", W_STAMP|W_DAY}, {"time", W_STAMP},
    {"today", W_STAMP|W_DAY}, {"tue", W_STAMP}, {"tuesday", W_STAMP|W_DAY}, {"uhr", W_STAMP},
    {"um", W_STAMP}, {"updated", W_STAMP},
    {"utc", W_STAMP}, {"vor", W_AGO}, {"w", W_UNIT}, {"wed", W_STAMP},
    {"wednesday", W_STAMP|W_DAY}, {"week", W_UNIT}, {"weeks", W_UNIT}, {"y", W_UNIT},
    {"year", W_UNIT}, {"years", W_UNIT}, {"yesterday", W_STAMP|W_DAY}, {"|", W_STAMP},
    {"·", W_STAMP}, {"•", W_STAMP},
};

/* An open-addressing hash of the table, built once: three linear scans over the word
 * lists, then a binary search, cost 6-8% of the text path (a mispredicted branch at
 * every step).  Slots hold an index + 1; 0 is empty. */
#define STAMP_SLOTS 512 /* a power of two, well above twice the table */
static unsigned char stamp_slots[STAMP_SLOTS];
static pthread_once_t stamp_once = PTHREAD_ONCE_INIT;

static unsigned word_hash(const char *w)
{
    unsigned h = 2166136261u; /* FNV-1a */
    for (; *w; w++) h = (h ^ (unsigned char)*w) * 16777619u;
    return h ^ h >> 15;
}

_Static_assert(sizeof stamp_words / sizeof stamp_words[0] < 255 &&
                   sizeof stamp_words / sizeof stamp_words[0] * 2 < STAMP_SLOTS,
               "stamp_slots holds indexes in bytes and needs free slots");

static void stamp_build(void)
{
    for (size_t i = 0; i < sizeof stamp_words / sizeof stamp_words[0]; i++) {
        unsigned h = word_hash(stamp_words[i].w) & (STAMP_SLOTS - 1);
        while (stamp_slots[h]) h = (h + 1) & (STAMP_SLOTS - 1);
        stamp_slots[h] = (unsigned char)(i + 1);
    }
}

static int word_kind(const char *w)
{
    pthread_once(&stamp_once, stamp_build);
    for (unsigned h = word_hash(w) & (STAMP_SLOTS - 1); stamp_slots[h];
         h = (h + 1) & (STAMP_SLOTS - 1)) {
        const stamp_word *e = &stamp_words[stamp_slots[h] - 1];
        if (e->w[0] == w[0] && strcmp(e->w, w) == 0) return e->kind;
    }
    return 0;
}

static int dateline(const block *b, const tshape *s)
{
    if (s->words > 14 || s->chars > 100 || s->digits == 0) return 0;
    /* Mostly digits and separators: "2019-11-20", "20.11.2019 14:05" (not "4.7 / 5"). */
    if (s->digits >= 6 && s->digits * 2 >= s->chars - s->words + 1 && s->lower < 4) return 1;
    const char *t = b->text;
    size_t len = b->len, i = 0;
    unsigned month = 0, ago = 0, other = 0, numeric = 0, day = 0, clock = 0, at = 0;
    while (i < len) {
        char w[16];
        size_t wl = word_lc(t + i, len - i, w);
        unsigned char c0 = (unsigned char)w[0];
        int kind = wl && !(c0 >= '0' && c0 <= '9') ? word_kind(w) : 0;
        if (wl && c0 >= '0' && c0 <= '9') {
            numeric++;
            if (memchr(w, ':', wl)) clock++;
        } else if (kind & W_MONTH) month++;
        else if (kind & W_AGO) ago++;
        else if (kind & W_DAY) day++;
        else if (kind & W_AT) at++;
        else if (wl && !(kind & (W_STAMP | W_UNIT)) && ++other > 1)
            return 0; /* a stamp has at most one other word, see below */
        /* A full stop ends a word ("Nov. 5", "20.11.2019") unless a letter follows:
         * a user name such as "hayley.p" is one word. */
        while (i < len && t[i] != ' ' && t[i] != ',' &&
               !(t[i] == '.' && !(i + 1 < len && (is_lower((unsigned char)t[i + 1]) ||
                                                   is_upper((unsigned char)t[i + 1])))))
            i++;
        while (i < len && (t[i] == ' ' || t[i] == '.' || t[i] == ',')) i++;
    }
    /* "November 19, 2019 at 6:34 am", "5 hours ago", "Updated 2 days ago". */
    if (!numeric) return 0;
    if (ago) return other <= 1;
    /* A day dates one time it is "at" ("Wednesday at 7:19 PM"); a day with hours
     * ("Monday 8:00 am - 7:00 pm") is a shop's opening time. */
    return (month > 0 || (day > 0 && clock == 1 && at > 0)) && other <= 1;
}

static int byline(const block *b, const tshape *s)
{
    if (s->words < 2 || s->words > 14 || s->terminal) return 0;
    /* Every head below starts with one of these letters: skip the rest at once. */
    char c0 = (char)(b->text[0] | 0x20);
    if (c0 != 'b' && c0 != 'p' && c0 != 'w' && c0 != 'v' && c0 != 'a' && c0 != 'r') return 0;
    static const char *const heads[] = {"by ", "posted by ", "written by ", "words by ",
                                        "von ", "par ", "por ", "author: ", "autor: ",
                                        "auteur : ", "reporter: "};
    for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
        if (heads[i][0] != c0) continue; /* the rest would fail at the first letter */
        size_t n = strlen(heads[i]);
        if (b->len > n && strncasecmp(b->text, heads[i], n) == 0) {
            /* "By the time..." is a sentence: a byline's next word is a name. */
            unsigned char c = (unsigned char)b->text[n];
            return (c >= 'A' && c <= 'Z') || c >= 0xC0;
        }
    }
    return 0;
}

int wn_textfeat_is_dateline(const block *b, const tshape *s)
{
    (void)b; /* measured with s */
    return s->dateline;
}

int wn_textfeat_is_byline(const block *b, const tshape *s)
{
    (void)b;
    return s->byline;
}
