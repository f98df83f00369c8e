/* json_escape.c -- JSON's lexical pieces that more than one stage needs: the \uXXXX
 * escapes of strings and the UTF-8 they stand for (the tolerant JSON-LD reader,
 * meta/jsonld.c, and the strict JSON Lines reader, input/jsonl.c, must turn
 * "\ud83d\ude00" into the same four bytes), and the number grammar (the JSON Lines
 * reader checks ids with it; the record writer, render/render_json.c, will not write an
 * unquoted id that is not a number). */
#include "core/core.h"

static size_t digits(const char *s, size_t len, size_t i)
{
    while (i < len && s[i] >= '0' && s[i] <= '9') i++;
    return i;
}

size_t wn_json_number_len(const char *s, size_t len)
{
    size_t i = 0, d;
    if (i < len && s[i] == '-') i++;
    if (i < len && s[i] == '0') i++;
    else if ((d = digits(s, len, i)) > i) i = d;
    else return 0;
    if (i < len && s[i] == '.') {
        if ((d = digits(s, len, i + 1)) == i + 1) return 0;
        i = d;
    }
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < len && (s[i] == '+' || s[i] == '-')) i++;
        if ((d = digits(s, len, i)) == i) return 0;
        i = d;
    }
    return i;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* The 4 hex digits at s[0..len), or -1. */
static long hex4(const char *s, size_t len)
{
    if (len < 4) return -1;
    long v = 0;
    for (int k = 0; k < 4; k++) {
        int h = hexval((unsigned char)s[k]);
        if (h < 0) return -1;
        v = v * 16 + h;
    }
    return v;
}

long wn_json_u_escape(const char *s, size_t len, size_t *used)
{
    long u = hex4(s, len);
    if (u < 0) return -1;
    *used = 4;
    if (u >= 0xD800 && u <= 0xDBFF && len >= 10 && s[4] == '\\' && s[5] == 'u') {
        long lo = hex4(s + 6, len - 6);
        if (lo >= 0xDC00 && lo <= 0xDFFF) {
            *used = 10;
            return 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
        }
    }
    /* A lone half of a pair has no UTF-8 form. */
    return u >= 0xD800 && u <= 0xDFFF ? 0xFFFD : u;
}

int wn_utf8_put(buf *b, unsigned long cp)
{
    char t[4];
    size_t n;
    if (cp < 0x80) {
        t[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        t[0] = (char)(0xC0 | cp >> 6);
        t[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        t[0] = (char)(0xE0 | cp >> 12);
        t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        t[0] = (char)(0xF0 | cp >> 18);
        t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return wn_buf_append(b, t, n);
}
