/* textseg.c -- splits rendered page text into blocks.
 *
 * A block is one line of innerText-style input; hard-wrapped text (lynx -dump, mail
 * quoting) is re-joined into paragraphs first, so that a paragraph is one block whatever
 * the renderer.  A line ends at LF, CRLF or a CR alone.  Whitespace is normalised here
 * (tabs, NBSP, lines of spaces) and list bullets are recognised, so the classifier sees
 * clean blocks with their kind. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "text/text.h"
#ifdef __SSE2__
#include <emmintrin.h>
#endif

typedef struct {
    const char *s;
    size_t len;    /* raw length, without the newline */
    size_t indent; /* leading spaces (tabs count 8) */
    size_t cols;   /* display columns: code points, tabs as 8 */
    size_t word1;  /* columns of the first word after the indent */
    int measured;  /* cols and word1 are exact */
} rawline;

/* UTF-8 continuation bytes (10xxxxxx) in p[0..n), 8 bytes at a time (SWAR): lines
 * are measured by code points, and a byte loop cost 4% of the text path. */
static size_t count_cont(const unsigned char *p, size_t n)
{
    const uint64_t hi = 0x8080808080808080ull, ones = 0x0101010101010101ull;
    size_t cnt = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        /* Bit 7 set and bit 6 clear; the shift moves bit 6 of each byte to its bit 7. */
        uint64_t t = (w & ~(w << 1) & hi) >> 7;
        cnt += (size_t)((t * ones) >> 56); /* sums the eight 0/1 bytes */
    }
    for (; i < n; i++) cnt += (p[i] & 0xC0) == 0x80;
    return cnt;
}

/* Counts the display columns of a line and of its first word. */
static void measure(rawline *r)
{
    const unsigned char *p = (const unsigned char *)r->s;
    size_t k = 0;
    while (k < r->len && (p[k] == ' ' || p[k] == '\t')) k++;
    size_t cols = r->indent + (r->len - k) - count_cont(p + k, r->len - k);
    /* The first word ends at the first space after at least one code point (a second
     * space at most is looked for, and only in invalid UTF-8). */
    size_t w1 = 0, from = k;
    const unsigned char *sp;
    while (!w1 && (sp = memchr(p + from, ' ', r->len - from)) != NULL) {
        size_t j = (size_t)(sp - p);
        w1 = (j - k) - count_cont(p + k, j - k);
        from = j + 1;
    }
    r->cols = cols;
    r->word1 = w1 ? w1 : cols - r->indent;
    r->measured = 1;
}

/* lynx prints an image as its file name in brackets before the text that follows it
 * ("[label_red.gif] Top stories"); returns the length of such a prefix, or 0. */
static size_t image_tag_len(const char *t, size_t len)
{
    if (len < 4 || t[0] != '[') return 0;
    size_t dot = 0;
    for (size_t i = 1; i < len && i < 100; i++) {
        char c = t[i];
        if (c == ' ') return 0;
        if (c == '.') dot = i;
        if (c != ']') continue;
        /* A file name: something, a dot, an extension of letters ("[...]" is not). */
        size_t ext = i - dot - 1;
        if (dot < 2 || ext < 2 || ext > 4) return 0;
        for (size_t j = dot + 1; j < i; j++)
            if (!((t[j] >= 'a' && t[j] <= 'z') || (t[j] >= 'A' && t[j] <= 'Z'))) return 0;
        return i + 2 < len && t[i + 1] == ' ' ? i + 2 : 0;
    }
    return 0;
}

#ifdef __SSE2__
/* Bit k set when p[k] (k < 16) is LF or CR. */
static unsigned nl_mask(const char *p)
{
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    return (unsigned)_mm_movemask_epi8(
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
}
#endif

/* The index of the first line end (LF or CR) in s[pos..len), or len.  A CR alone ends
 * a line as LF does (old Mac files, some exports); read_line() takes CRLF as one.
 * Lines average 54 bytes: a memchr() call per line (twice per line, with
 * looks_wrapped()) cost more than this inline scan (7% of the text path). */
static size_t find_nl(const char *s, size_t pos, size_t len)
{
#ifdef __SSE2__
    /* 64 bytes a step while they last: most lines end in the first, so the loop's exit
     * is predicted; 16 bytes a step mispredicted it once a line. */
    for (; pos + 64 <= len; pos += 64) {
        uint64_t m = (uint64_t)nl_mask(s + pos) | (uint64_t)nl_mask(s + pos + 16) << 16 |
                     (uint64_t)nl_mask(s + pos + 32) << 32 | (uint64_t)nl_mask(s + pos + 48) << 48;
        if (m) return pos + (size_t)__builtin_ctzll(m);
    }
    for (; pos + 16 <= len; pos += 16) {
        unsigned m = nl_mask(s + pos);
        if (m) return pos + (size_t)__builtin_ctz(m);
    }
    if (pos < len && len >= 16) {
        /* The last bytes, through a window over the input's last 16 bytes. */
        unsigned m = nl_mask(s + len - 16) & (0xFFFFu << (pos - (len - 16)));
        return m ? len - 16 + (size_t)__builtin_ctz(m) : len;
    }
#else
    /* 8 bytes at a time (SWAR): a word that holds a line end goes through the byte
     * loop, which finds it whatever the byte order.  Not memchr(): a CR-only file
     * would be searched to its end for an LF at every line. */
    const uint64_t lo = 0x0101010101010101ull, hi = 0x8080808080808080ull;
    for (; pos + 8 <= len; pos += 8) {
        uint64_t w, x, y;
        memcpy(&w, s + pos, 8);
        x = w ^ (lo * '\n');
        y = w ^ (lo * '\r');
        if (((x - lo) & ~x & hi) | ((y - lo) & ~y & hi)) break; /* a zero byte in x or y */
    }
#endif
    while (pos < len && s[pos] != '\n' && s[pos] != '\r') pos++;
    return pos;
}

/* Reads the line at *pos into r and moves *pos past it; returns 0 at the end.  Lines
 * are read on the fly, never tabled: 64 MB of one-letter lines is 33M lines.  wide 1:
 * the width of lines that may fall in looks_wrapped's window is exact (a line of over
 * 404 bytes is over 100 columns either way); wide 2: every line that may reach a wrap
 * width is measured; 0: none, continues() measures the few it looks at. */
static int read_line(const char *s, size_t len, size_t *pos, rawline *r, int wide)
{
    if (*pos >= len) return 0;
    size_t e = find_nl(s, *pos, len);
    r->s = s + *pos;
    r->len = e - *pos;
    size_t ind = 0, k = 0;
    while (k < r->len && (r->s[k] == ' ' || r->s[k] == '\t')) {
        ind += r->s[k] == '\t' ? 8 : 1;
        k++;
    }
    r->indent = ind;
    r->cols = ind + (r->len - k); /* bytes: exact for ASCII, measured below if needed */
    r->word1 = 0;
    r->measured = 0;
    /* Only lines that may reach a wrap width (54+ columns) matter to looks_wrapped().
     * Its first pass needs only the width, not the first word's. */
    if (wide == 1 && r->len >= 54 && r->len <= 404)
        r->cols -= count_cont((const unsigned char *)r->s + k, r->len - k);
    else if (wide == 2 && r->len >= 54)
        measure(r);
    *pos = e + 1 + (e + 1 < len && s[e] == '\r' && s[e + 1] == '\n'); /* CRLF: one end */
    return 1;
}

/* Hard-wrapped input: most long lines end near the same width.  lynx wraps at 79 with
 * 3 leading spaces; we look for a mode of line lengths in 60..100 holding a good share
 * of the long lines. */
static int looks_wrapped(const char *s, size_t len, size_t *width)
{
    size_t hist[101] = {0}, longs = 0, pos = 0;
    rawline r;
    while (read_line(s, len, &pos, &r, 1)) {
        size_t l = r.cols;
        if (l >= 60) longs++;
        if (l >= 60 && l <= 100) hist[l]++;
    }
    size_t best = 0, bw = 0;
    for (size_t w = 60; w <= 100; w++) {
        size_t near = hist[w] + hist[w - 1] + hist[w - 2] + hist[w - 3] + hist[w - 4] +
                      hist[w - 5] + hist[w - 6];
        if (near >= best) { best = near; bw = w; } /* ties: the wider */
    }
    /* The width is the longest line length in that window. */
    while (bw > 60 && hist[bw] == 0) bw--;
    *width = bw;
    if (longs < 4 || best * 2 < longs) return 0;
    /* Wrapping breaks lines mid-sentence; lines that end a sentence near the width are
     * paragraphs that merely happen to be that long. */
    size_t over = 0, near = 0, ends = 0;
    pos = 0;
    while (read_line(s, len, &pos, &r, 2)) {
        size_t l = r.cols;
        /* A line without a space (a long URL) could not have been wrapped. */
        over += l > bw + 1 && r.word1 + r.indent < l;
        if (l + 6 >= bw && l <= bw && l > 0) {
            char c = r.s[r.len - 1];
            near++;
            ends += c == '.' || c == '!' || c == '?' || c == '"' || c == ':';
        }
    }
    return over * 10 < longs && ends * 2 < near;
}

/* Did the renderer break line a before the first word of b for lack of room? */
static int continues(rawline *a, rawline *b, size_t width)
{
    if (!a->measured) measure(a);
    if (!b->measured) measure(b);
    /* A word longer than half a line (a rule of underscores, a URL) gets a line of its
     * own whatever came before. */
    if (b->cols == b->indent || b->word1 * 2 > width) return 0;
    return a->cols + 1 + b->word1 + 1 >= width;
}

/* Whether the bytes at p start one of the Unicode spaces wn_text_collapse_ws() knows.
 * Only those need work; curly quotes and dashes share the E2 lead byte and are very
 * common. */
static int is_uspace(const unsigned char *p, size_t len)
{
    unsigned char c = p[0], c1 = len > 1 ? p[1] : 0, c2 = len > 2 ? p[2] : 0;
    return (c == 0xC2 && c1 == 0xA0) ||
           (c == 0xE2 && c1 == 0x80 && ((c2 >= 0x80 && c2 <= 0x8B) || c2 == 0xA8 ||
                                        c2 == 0xA9 || c2 == 0xAF)) ||
           (c == 0xE2 && c1 == 0x81 && c2 == 0x9F) || (c == 0xE3 && c1 == 0x80 && c2 == 0x80) ||
           (c == 0xEF && c1 == 0xBB && c2 == 0xBF);
}

#ifdef __SSE2__
/* The vector test of line_is_clean() on the bytes of v (at p[base..]) selected by
 * lanes; n1 holds the byte after each. */
static void scan16(const unsigned char *p, size_t len, size_t base, __m128i v, __m128i n1,
                   unsigned lanes, int *clean, int *table)
{
    __m128i sp = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t');
    /* Controls (0x00..0x1F, signed 0..31), tabs among them. */
    __m128i ctl = _mm_andnot_si128(_mm_cmplt_epi8(v, _mm_setzero_si128()), _mm_cmplt_epi8(v, sp));
    __m128i n1ws = _mm_or_si128(_mm_cmpeq_epi8(n1, sp), _mm_cmpeq_epi8(n1, tab));
    __m128i dbl = _mm_and_si128(_mm_cmpeq_epi8(v, sp), n1ws);
    __m128i lead = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xC2)),
                                             _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE2))),
                                _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE3)),
                                             _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xEF))));
    unsigned any = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(ctl, dbl), lead)) & lanes;
    if (!any) return; /* the common case */
    if ((unsigned)_mm_movemask_epi8(_mm_or_si128(ctl, dbl)) & lanes) *clean = 0;
    __m128i tabs = _mm_cmpeq_epi8(v, tab);
    if ((unsigned)_mm_movemask_epi8(_mm_andnot_si128(n1ws, tabs)) & lanes) *table = 1;
    /* A lead byte of a space-like character: the scalar test, byte by byte. */
    for (unsigned m = (unsigned)_mm_movemask_epi8(lead) & lanes; m && *clean; m &= m - 1) {
        size_t j = base + (size_t)__builtin_ctz(m);
        if (is_uspace(p + j, len - j)) *clean = 0;
    }
}
#endif

/* Most lines need no whitespace work: no tab, no double or trailing space, no byte
 * that may start a Unicode space.  Those are copied as they are, which is most of the
 * cost of segmentation saved.  *table is set when a tab separates two cells (innerText
 * renders table cells that way). */
static int line_is_clean(const char *t, size_t len, int *table)
{
    const unsigned char *p = (const unsigned char *)t;
    int clean = 1;
    size_t i = 0;
#ifdef __SSE2__
    /* 16 bytes at a time, each with the byte after it; the last byte, which has none,
     * goes through the loop below.  The byte loop was the biggest part of segmentation
     * (2.5 cycles a byte, a mispredicted branch at many spaces).  Testing a byte twice
     * changes nothing, so the last window may overlap the one before. */
    if (len >= 17) {
        for (; i + 17 <= len; i += 16)
            scan16(p, len, i, _mm_loadu_si128((const __m128i *)(p + i)),
                   _mm_loadu_si128((const __m128i *)(p + i + 1)), 0xFFFF, &clean, table);
        if (i + 1 < len)
            scan16(p, len, len - 17, _mm_loadu_si128((const __m128i *)(p + len - 17)),
                   _mm_loadu_si128((const __m128i *)(p + len - 16)), 0xFFFF, &clean, table);
        i = len - 1;
    } else if (len > 1) {
        /* A short line, through a padded copy: its bytes but the last are tested. */
        unsigned char pad[32];
        memset(pad, 'x', sizeof pad);
        memcpy(pad, p, len);
        scan16(p, len, 0, _mm_loadu_si128((const __m128i *)pad),
               _mm_loadu_si128((const __m128i *)(pad + 1)), (1u << (len - 1)) - 1, &clean, table);
        i = len - 1;
    }
#endif
    for (; i < len; i++) {
        unsigned char c = p[i];
        if (c > ' ' && c < 0xC2) continue; /* the common case: one test */
        if (c == ' ') {
            if (i + 1 == len || p[i + 1] == ' ' || p[i + 1] == '\t') clean = 0;
        } else if (c == '\t') {
            clean = 0;
            if (i + 1 < len && p[i + 1] != '\t' && p[i + 1] != ' ') *table = 1;
        } else if (c < ' ') {
            clean = 0;
        } else if (is_uspace(p + i, len - i)) {
            clean = 0;
        }
    }
    return clean;
}

/* A table line (cells separated by tabs, as innerText renders them): each cell's
 * whitespace squeezed, cells joined by one tab, trailing empty cells dropped.  Returns
 * the new length; *cells is the number of cells. */
static size_t squeeze_cells(char *s, size_t len, int *cells)
{
    size_t w = 0, r = 0, kept = 0;
    int n = 0;
    *cells = 0;
    while (r <= len) {
        size_t e = r;
        while (e < len && s[e] != '\t') e++;
        size_t l = wn_text_collapse_ws(s + r, e - r);
        if (r) s[w++] = '\t';
        memmove(s + w, s + r, l);
        w += l;
        n++;
        if (l) { /* trailing empty cells (the tab after the last cell) are dropped */
            kept = w;
            *cells = n;
        }
        r = e + 1;
    }
    return kept;
}

int wn_textseg_segment(const char *s, size_t len, doc *d)
{
    size_t width = 0;
    int wrapped = looks_wrapped(s, len, &width);

    /* In wrapped input a line continues into the next one when the next one's first
     * word would not have fitted after it (the renderer broke the line there), unless
     * the next one starts a new item or is blank.  a is the line at hand, b the next. */
    buf cur;
    wn_buf_init(&cur, 0);
    int tables = 0; /* tables met so far: the container of their rows */
    int blank = 1, rc = 0;
    size_t pos = 0, lineno = 0;
    rawline a, b;
    int has_a = read_line(s, len, &pos, &a, 0), has_b = has_a && read_line(s, len, &pos, &b, 0);
    for (; has_a && rc == 0;
         a = b, has_a = has_b, has_b = has_a && read_line(s, len, &pos, &b, 0), lineno++) {
        size_t k = 0;
        while (k < a.len && (a.s[k] == ' ' || a.s[k] == '\t')) k++;
        if (k == a.len) {
            blank = 1;
            continue;
        }
        const char *t = a.s + k;
        size_t tl = a.len - k, indent = a.indent;
        int start_line = (int)lineno + 1, table = 0;
        int clean = line_is_clean(t, tl, &table);
        if (wrapped && has_b && continues(&a, &b, width)) clean = 0;
        if (!clean) {
            /* Lines of only NBSP and friends are blank too: check after collapsing. */
            cur.len = 0;
            if (wn_buf_append(&cur, t, tl) != 0) { rc = -1; break; }
            while (wrapped && has_b && continues(&a, &b, width)) {
                size_t j = 0;
                while (j < b.len && (b.s[j] == ' ' || b.s[j] == '\t')) j++;
                if (j == b.len || wn_bullet_len(b.s + j, b.len - j)) break;
                if (wn_buf_putc(&cur, ' ') != 0 || wn_buf_append(&cur, b.s + j, b.len - j) != 0) {
                    rc = -1;
                    break;
                }
                a = b;
                has_b = read_line(s, len, &pos, &b, 0);
                lineno++;
            }
            if (rc) break;
            int cells = 0;
            tl = table ? squeeze_cells(cur.data, cur.len, &cells) : cur.len;
            if (cells < 2) {
                /* squeeze_cells() worked in place: what it left (one cell) is the
                 * line, not the bytes past it ("Kohler<TAB><NBSP>" gave a NUL). */
                table = 0;
                tl = wn_text_collapse_ws(cur.data, tl);
            }
            t = cur.data;
        }
        size_t cl = tl;
        if (cl == 0) {
            blank = 1;
            continue;
        }
        size_t il = image_tag_len(t, cl);
        t += il;
        cl -= il;
        size_t bl = wn_bullet_len(t, cl);
        block_kind kind = bl ? BK_ITEM : table ? BK_TABLE : BK_PARA;
        block *bk = wn_doc_add(d, kind, t + bl, cl - bl);
        if (!bk) { rc = -1; break; }
        bk->line = start_line;
        bk->level = (int)(indent / 2);
        if (kind == BK_TABLE) {
            /* Rows one after another are one table. */
            if (!(d->n >= 2 && (d->blocks[d->n - 2].flags & BF_CELLS))) tables++;
            bk->flags |= BF_CELLS;
            bk->container = tables;
        }
        if (bl && t[0] >= '0' && t[0] <= '9') {
            bk->number = atoi(t); /* at most three digits (wn_bullet_len) */
            /* The page shows it, so it is text, not markup: kept as written. */
            bk->marker = wn_arena_strndup(&d->mem, t, bl - 1);
            if (!bk->marker) { d->failed = 1; rc = -1; break; }
        }
        bk->blank_before = blank;
        blank = 0;
        if (bk->len == 0) d->n--; /* a lone bullet */
    }
    wn_buf_free(&cur);
    return rc;
}
