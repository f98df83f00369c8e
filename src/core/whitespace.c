/* textutil.c -- whitespace normalisation shared by the text and HTML stages. */
#include <string.h>
#include "core/core.h"
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Length of a Unicode space at s, or 0; *zw is set for the zero-width ones, which join
 * rather than separate (U+200B, U+2060 word joiner, U+FEFF stray BOM, U+180E).
 * Spaces: U+0085 NEL, U+00A0 NBSP, U+1680, U+2000..U+200A, U+2028/9, U+202F, U+205F,
 * U+3000.  ZWJ and ZWNJ (U+200C/D) are not spaces: emoji sequences and Persian need
 * them. */
static size_t uspace(const unsigned char *s, size_t len, int *zw)
{
    *zw = 0;
    if (len >= 2 && s[0] == 0xC2) return s[1] == 0xA0 || s[1] == 0x85 ? 2 : 0;
    if (len < 3) return 0;
    unsigned c0 = s[0], c1 = s[1], c2 = s[2];
    if (c0 == 0xE2 && c1 == 0x80) {
        if (c2 == 0x8B) *zw = 1;
        return (c2 >= 0x80 && c2 <= 0x8B) || c2 == 0xAF || c2 == 0xA8 || c2 == 0xA9 ? 3 : 0;
    }
    if (c0 == 0xE2 && c1 == 0x81) {
        if (c2 == 0xA0) *zw = 1;
        return c2 == 0x9F || c2 == 0xA0 ? 3 : 0;
    }
    if (c0 == 0xE1 && c1 == 0x9A && c2 == 0x80) return 3;
    if (c0 == 0xE1 && c1 == 0xA0 && c2 == 0x8E) return *zw = 1, 3;
    if (c0 == 0xE3 && c1 == 0x80 && c2 == 0x80) return 3;
    if (c0 == 0xEF && c1 == 0xBB && c2 == 0xBF) return *zw = 1, 3;
    return 0;
}

#ifdef __SSE2__
/* Bytes of v in [lo, hi], unsigned. */
static __m128i in_range(__m128i v, unsigned char lo, unsigned char hi)
{
    __m128i x = _mm_sub_epi8(v, _mm_set1_epi8((char)lo));
    return _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8((char)(hi - lo))), x);
}

/* Lead bytes of the spaces uspace() knows. */
static __m128i space_lead(__m128i v)
{
    return _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xC2)),
                                     in_range(v, 0xE1, 0xE3)),
                        _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xEF)));
}

/* Whether the 16 bytes at p[0..16) (p[16] readable too) come out of the byte loop of
 * wn_text_collapse_ws() as they are, when no space is pending and some text was written:
 * no whitespace but single spaces, each followed by a byte that is neither whitespace
 * nor the lead of a Unicode space, and no Unicode space. */
static int plain16(const unsigned char *p, size_t len)
{
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    __m128i n1 = _mm_loadu_si128((const __m128i *)(p + 1));
    __m128i sp = _mm_set1_epi8(' ');
    __m128i n1ws = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(n1, sp), in_range(n1, '\t', '\r')),
                                space_lead(n1));
    __m128i bad = _mm_or_si128(in_range(v, '\t', '\r'), _mm_and_si128(_mm_cmpeq_epi8(v, sp), n1ws));
    if (_mm_movemask_epi8(bad)) return 0;
    for (unsigned m = (unsigned)_mm_movemask_epi8(space_lead(v)); m; m &= m - 1) {
        unsigned k = (unsigned)__builtin_ctz(m);
        int zw;
        if (uspace(p + k, len - k, &zw)) return 0;
    }
    return 1;
}
#endif

size_t wn_text_collapse_ws(char *s, size_t len)
{
    unsigned char *p = (unsigned char *)s;
    size_t r = 0, w = 0;
    int pending = 0, zw;
    while (r < len) {
#ifdef __SSE2__
        /* Most of a line is words and single spaces: 16 bytes move at once (the byte
         * loop was 4% of the text path).  Else the next 16 bytes go the slow way. */
        if (!pending && w > 0 && r + 17 <= len && plain16(p + r, len - r)) {
            _mm_storeu_si128((__m128i *)(p + w), _mm_loadu_si128((const __m128i *)(p + r)));
            r += 16;
            w += 16;
            continue;
        }
        size_t stretch = r + 16 < len ? r + 16 : len;
#else
        size_t stretch = len;
#endif
        while (r < stretch) {
            unsigned char c = p[r];
            size_t n;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
                pending = 1;
                r++;
            } else if (c >= 0xC2 && (n = uspace(p + r, len - r, &zw)) != 0) {
                if (!zw) pending = 1;
                r += n;
            } else {
                if (pending && w > 0) p[w++] = ' ';
                pending = 0;
                p[w++] = p[r++];
            }
        }
    }
    if (w < len) p[w] = '\0';
    return w;
}

size_t wn_bullet_len(const char *t, size_t len)
{
    if (len >= 2 && (t[0] == '*' || t[0] == '-' || t[0] == '+') && t[1] == ' ') return 2;
    if (len >= 4 && (unsigned char)t[0] == 0xE2 && (unsigned char)t[1] == 0x80 &&
        (unsigned char)t[2] == 0xA2 && t[3] == ' ')
        return 4;
    size_t i = 0;
    while (i < len && i < 3 && t[i] >= '0' && t[i] <= '9') i++;
    if (i > 0 && i + 1 < len && (t[i] == '.' || t[i] == ')') && t[i + 1] == ' ') return i + 2;
    return 0;
}
