/* textutil.c -- whitespace normalisation shared by the text and HTML stages. */
#include "internal.h"

/* Length of a Unicode space at s (NBSP, the U+2000 range, narrow NBSP, ideographic space,
 * zero-width ones), or 0. */
static size_t uspace(const unsigned char *s, size_t len)
{
    if (len >= 2 && s[0] == 0xC2 && s[1] == 0xA0) return 2;
    if (len >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
        ((s[2] >= 0x80 && s[2] <= 0x8B) || s[2] == 0xAF || s[2] == 0xA8 || s[2] == 0xA9))
        return 3;
    if (len >= 3 && s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0x9F) return 3;
    if (len >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80) return 3;
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) return 3; /* stray BOM */
    return 0;
}

size_t text_collapse_ws(char *s, size_t len)
{
    unsigned char *p = (unsigned char *)s;
    size_t r = 0, w = 0;
    int pending = 0;
    while (r < len) {
        unsigned char c = p[r];
        size_t n;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            pending = 1;
            r++;
        } else if (c >= 0xC2 && (n = uspace(p + r, len - r)) != 0) {
            /* Zero-width spaces join, they do not separate. */
            int zero_width = (n == 3 && p[r] == 0xE2 && p[r + 2] == 0x8B) ||
                             (n == 3 && p[r] == 0xEF);
            if (!zero_width) pending = 1;
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
