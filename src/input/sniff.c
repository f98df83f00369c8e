/* sniff.c -- decides whether input is HTML or rendered text, and whether it is text at
 * all.  Only the first bytes are looked at, so the cost does not grow with the input. */
#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include "input/input.h"
#ifdef __SSE2__
#include <emmintrin.h>
#endif

static int has_tag(const char *s, size_t len, const char *tag)
{
    size_t n = strlen(tag);
    /* '<', the name and one delimiter byte must all lie inside s[0..len). */
    for (size_t i = 0; i + n + 1 < len; i++)
        if (s[i] == '<' && strncasecmp(s + i + 1, tag, n) == 0) {
            char c = s[i + 1 + n];
            if (c == '>' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/')
                return 1;
        }
    return 0;
}

winnow_type wn_sniff_type(const char *s, size_t len)
{
    size_t lim = len < 8192 ? len : 8192;
    size_t i = 0;
    /* Skip a BOM (UTF-8 or UTF-16 decoded already) and leading whitespace. */
    if (lim >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB &&
        (unsigned char)s[2] == 0xBF)
        i = 3;
    while (i < lim && isspace((unsigned char)s[i])) i++;
    if (i < lim && s[i] == '<') {
        const char *p = s + i + 1;
        size_t rest = lim - i - 1;
        if (rest >= 8 && strncasecmp(p, "!doctype", 8) == 0) return WINNOW_TYPE_HTML;
        if (rest >= 3 && strncmp(p, "!--", 3) == 0) return WINNOW_TYPE_HTML;
        if (rest >= 4 && strncmp(p, "?xml", 4) == 0) return WINNOW_TYPE_HTML;
        if (rest >= 1 && isalpha((unsigned char)p[0])) {
            /* Text can start with a tag-like word ("<3", "<john@example.com>"), so
             * ask for a known element there or further on. */
            static const char *tags[] = {"html", "head", "body", "div", "p", "meta", "title",
                                         "script", "article", "span", "a", "table", "br",
                                         "link", "section", "main", "h1", "h2", "ul", NULL};
            for (const char **t = tags; *t; t++)
                if (has_tag(s + i, lim - i, *t)) return WINNOW_TYPE_HTML;
        }
    }
    /* Text that embeds a full document (a saved page preceded by junk). */
    static const char *strong[] = {"html", "body", "head", NULL};
    int n = 0;
    for (const char **t = strong; *t; t++) n += has_tag(s, lim, *t);
    if (n >= 2) return WINNOW_TYPE_HTML;
    int tags = 0;
    for (const char *t2[] = {"p", "div", "br", "a", NULL}, **t = t2; *t; t++)
        tags += has_tag(s, lim, *t);
    return tags >= 3 ? WINNOW_TYPE_HTML : WINNOW_TYPE_TEXT;
}

double wn_sniff_binary_ratio(const char *s, size_t len)
{
    size_t lim = len < 65536 ? len : 65536;
    if (!lim) return 0.0;
    /* Bit c of `binary` (c < 0x20) marks a control byte that text does not use; ESC
     * stays allowed: terminal dumps keep their colour codes. */
    const uint32_t binary = ~((1u << '\t') | (1u << '\n') | (1u << '\r') | (1u << '\f') |
                              (1u << 0x1B));
    const unsigned char *p = (const unsigned char *)s;
    size_t bad = 0, i = 0;
#ifdef __SSE2__
    /* 16 bytes at a time: the byte loop took 1.7 cycles a byte over the first 64 KB of
     * every page (3-8% of the text path). */
    for (; i + 16 <= lim; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
        /* Signed bytes 0..0x1F are the controls; high bytes are negative. */
        __m128i ctl = _mm_andnot_si128(_mm_cmplt_epi8(v, _mm_setzero_si128()),
                                       _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)));
        __m128i fine = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')),
                         _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\r')),
                                      _mm_cmpeq_epi8(v, _mm_set1_epi8('\f'))),
                         _mm_cmpeq_epi8(v, _mm_set1_epi8(0x1B))));
        __m128i b = _mm_or_si128(_mm_andnot_si128(fine, ctl),
                                 _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
        unsigned m = (unsigned)_mm_movemask_epi8(b);
        for (; m; m &= m - 1) bad++; /* rare in text: no popcount instruction needed */
    }
#endif
    for (; i < lim; i++) {
        unsigned c = p[i];
        bad += (c < 0x20 && (binary >> (c & 31) & 1)) | (c == 0x7F);
    }
    return (double)bad / (double)lim;
}
