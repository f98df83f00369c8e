/* textutil.c -- whitespace normalisation shared by the text and HTML stages. */
#include "internal.h"

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

size_t text_collapse_ws(char *s, size_t len)
{
    unsigned char *p = (unsigned char *)s;
    size_t r = 0, w = 0;
    int pending = 0, zw;
    while (r < len) {
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
    if (w < len) p[w] = '\0';
    return w;
}
