/* entities.c -- character references left in text that was escaped twice: a page that
 * writes "TFC8&amp;reg;" in its <title>, or a JSON-LD string that holds HTML
 * ("Tools &#8211; Spreadsheet"), reads "&reg;" and "&#8211;" once parsed.  Numeric
 * references and the named ones such text holds are put back as their characters. */
#include <string.h>
#include "core/core.h"

/* The named references met in titles and names, by name. */
static const struct {
    const char *name;
    unsigned cp;
} named[] = {
    {"amp", '&'},      {"lt", '<'},        {"gt", '>'},        {"quot", '"'},
    {"apos", '\''},    {"nbsp", 0xA0},     {"reg", 0xAE},      {"copy", 0xA9},
    {"trade", 0x2122}, {"ndash", 0x2013},  {"mdash", 0x2014},  {"lsquo", 0x2018},
    {"rsquo", 0x2019}, {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"hellip", 0x2026},
    {"laquo", 0xAB},   {"raquo", 0xBB},    {"bull", 0x2022},   {"middot", 0xB7},
    {"deg", 0xB0},     {"euro", 0x20AC},   {"pound", 0xA3},    {"times", 0xD7},
    {"eacute", 0xE9},  {"egrave", 0xE8},   {"aacute", 0xE1},   {"agrave", 0xE0},
    {"iacute", 0xED},  {"oacute", 0xF3},   {"uacute", 0xFA},   {"ntilde", 0xF1},
    {"ccedil", 0xE7},  {"auml", 0xE4},     {"ouml", 0xF6},     {"uuml", 0xFC},
    {"szlig", 0xDF},   {"Eacute", 0xC9},   {"Auml", 0xC4},     {"Ouml", 0xD6},
    {"Uuml", 0xDC},    {NULL, 0}};

#define REF_MAX 10 /* bytes of a reference between '&' and ';' */

/* The code point of the reference at s ("&...;"), its length in *n; 0 where s holds
 * none this knows. */
static unsigned reference(const char *s, size_t *n)
{
    const char *end = s + 1;
    while (*end && *end != ';' && end - s <= REF_MAX) end++;
    if (*end != ';' || end - s < 3) return 0;
    *n = (size_t)(end - s) + 1;
    unsigned long cp = 0;
    if (s[1] == '#') {
        const char *p = s + 2;
        int hex = *p == 'x' || *p == 'X';
        if (hex) p++;
        if (p == end) return 0;
        for (; p < end; p++) {
            int v = *p >= '0' && *p <= '9' ? *p - '0'
                    : hex && (*p | 0x20) >= 'a' && (*p | 0x20) <= 'f' ? (*p | 0x20) - 'a' + 10
                                                                      : -1;
            if (v < 0 || cp > 0x10FFFF) return 0;
            cp = cp * (hex ? 16 : 10) + (unsigned long)v;
        }
        /* No controls, surrogates or code points past Unicode's. */
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0xD800 && cp <= 0xDFFF) ||
            cp > 0x10FFFF)
            return 0;
        return (unsigned)cp;
    }
    for (int i = 0; named[i].name; i++)
        if (strlen(named[i].name) == (size_t)(end - s - 1) &&
            memcmp(named[i].name, s + 1, (size_t)(end - s - 1)) == 0)
            return named[i].cp;
    return 0;
}

const char *wn_text_unescape(arena *a, const char *t)
{
    const char *amp = strchr(t, '&');
    size_t n = 0;
    while (amp && !reference(amp, &n)) amp = strchr(amp + 1, '&');
    if (!amp) return t;
    size_t len = strlen(t);
    buf b;
    wn_buf_init(&b, 0);
    int fail = 0;
    for (size_t i = 0; i < len && !fail;) {
        unsigned cp = t[i] == '&' ? reference(t + i, &n) : 0;
        if (cp) {
            fail = wn_utf8_put(&b, cp) != 0;
            i += n;
        } else {
            fail = wn_buf_putc(&b, t[i++]) != 0;
        }
    }
    const char *out = fail || !b.len ? t : wn_arena_strndup(a, b.data, b.len);
    wn_buf_free(&b);
    return out ? out : t;
}
