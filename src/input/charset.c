/* charset.c -- turns input bytes into UTF-8, the only encoding later stages see.
 *
 * Order of evidence: a byte-order mark; the transport's label (an HTTP charset= passed
 * as a hint); for HTML a <meta charset> / http-equiv (labels
 * per the WHATWG Encoding Standard, charset_labels.c) in the
 * first bytes; then the bytes themselves: valid UTF-8 stays UTF-8 and every byte that
 * is not part of a valid UTF-8 sequence is read as windows-1252.  Decoding per
 * sequence rather than per document keeps pages that mix the two readable.  Control
 * characters other than whitespace are dropped so the output is always clean text. */
#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>
#include "input/input.h"
#ifdef __SSE2__
#include <emmintrin.h>
#endif

static int put_cp(buf *out, uint32_t cp)
{
    char t[4];
    size_t n;
    if (cp < 0x80) {
        /* Controls other than tab, LF, FF and CR are noise in text output. */
        if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r' && cp != '\f') return 0;
        if (cp == 0x7F) return 0;
        t[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        t[0] = (char)(0xC0 | (cp >> 6));
        t[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
        t[0] = (char)(0xE0 | (cp >> 12));
        t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else if (cp <= 0x10FFFF) {
        t[0] = (char)(0xF0 | (cp >> 18));
        t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    } else {
        return put_cp(out, 0xFFFD);
    }
    return wn_buf_append(out, t, n);
}

static uint32_t cp1252(unsigned char c)
{
    /* The five bytes windows-1252 leaves unassigned become U+FFFD. */
    if (c >= 0x80 && c < 0xA0) return wn_cp1252_high(c) ? wn_cp1252_high(c) : 0xFFFD;
    return c;
}

size_t wn_utf8_valid_prefix(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
#ifdef __SSE2__
        /* 16 ASCII bytes at a time: most pages are mostly ASCII. */
        if (len - i >= 16) {
            unsigned hi = (unsigned)_mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(p + i)));
            if (!hi) { i += 16; continue; }
            i += (size_t)__builtin_ctz(hi);
        }
#endif
        if (p[i] < 0x80) { i++; continue; }
        size_t n = wn_utf8_seq(p + i, len - i);
        if (!n) break;
        i += n;
    }
    return i;
}

#ifdef __SSE2__
/* Bytes of v in [lo, hi], unsigned. */
static __m128i in_range(__m128i v, unsigned char lo, unsigned char hi)
{
    __m128i x = _mm_sub_epi8(v, _mm_set1_epi8((char)lo));
    return _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8((char)(hi - lo))), x);
}

/* Bit k set when byte k of p[0..16) may not simply be copied by decode_utf8_or_1252():
 * clear for printable ASCII (0x20..0x7E), tab, LF and CR, and for the bytes of the
 * two-byte sequences and of the three-byte ones with a lead E1..EC or EE..EF (the
 * others need wn_utf8_seq()'s checks) that lie whole in the 16 bytes.  A clear bit at a
 * continuation byte always belongs to a sequence whose lead is clear too, so the
 * bytes before the first set bit are whole characters. */
static unsigned plain_mask(const unsigned char *p)
{
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    __m128i ok = _mm_or_si128(in_range(v, 0x20, 0x7E),
                              _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
                                                        _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))),
                                           _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
    unsigned plain = (unsigned)_mm_movemask_epi8(ok);
    unsigned hi = (unsigned)_mm_movemask_epi8(v);
    if (hi) {
        /* The shifts bring zeros in: a sequence cut by the window's end is not clear. */
        __m128i c1 = in_range(_mm_srli_si128(v, 1), 0x80, 0xBF);
        __m128i c2 = in_range(_mm_srli_si128(v, 2), 0x80, 0xBF);
        __m128i two = _mm_and_si128(in_range(v, 0xC2, 0xDF), c1);
        __m128i three = _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xED)),
                                         _mm_and_si128(in_range(v, 0xE1, 0xEF), _mm_and_si128(c1, c2)));
        unsigned l2 = (unsigned)_mm_movemask_epi8(two), l3 = (unsigned)_mm_movemask_epi8(three);
        plain |= l2 | l2 << 1 | l3 | l3 << 1 | l3 << 2;
    }
    return ~plain & 0xFFFFu;
}
#endif

/* UTF-8 where valid, windows-1252 for each stray byte.  *mixed is set when a stray
 * byte was seen. */
static int decode_utf8_or_1252(const unsigned char *p, size_t len, buf *out, int *mixed)
{
    if (wn_buf_reserve(out, len) != 0) return -1;
    size_t i = 0;
    while (i < len) {
        /* Fast path: copy a run of clean ASCII / valid UTF-8 at once. */
        size_t start = i;
        while (i < len) {
#ifdef __SSE2__
            /* 16 bytes at a time while they are printable ASCII, line ends or
             * common UTF-8 sequences: the byte loop was 8% of the text path, and a
             * tenth of the bytes of the test pages are not ASCII. */
            if (len - i >= 16) {
                unsigned odd = plain_mask(p + i);
                if (!odd) { i += 16; continue; }
                i += (size_t)__builtin_ctz(odd);
            }
#endif
            unsigned char c = p[i];
            if (c >= 0x20 && c < 0x7F) { i++; continue; }
            if (c == '\n' || c == '\t' || c == '\r') { i++; continue; }
            if (c < 0x80) break;
            size_t n = wn_utf8_seq(p + i, len - i);
            if (!n) break;
            i += n;
        }
        if (i > start && wn_buf_append(out, (const char *)p + start, i - start) != 0) return -1;
        if (i >= len) break;
        if (p[i] < 0x80) {
            if (put_cp(out, p[i]) != 0) return -1; /* control: put_cp filters */
        } else {
            *mixed = 1;
            if (put_cp(out, cp1252(p[i])) != 0) return -1;
        }
        i++;
    }
    return 0;
}

static int decode_1252(const unsigned char *p, size_t len, buf *out)
{
    if (wn_buf_reserve(out, len) != 0) return -1;
    for (size_t i = 0; i < len; i++)
        if (put_cp(out, cp1252(p[i])) != 0) return -1;
    return 0;
}

static int decode_utf16(const unsigned char *p, size_t len, int big_endian, buf *out)
{
    if (wn_buf_reserve(out, len) != 0) return -1;
    size_t i = 0;
    while (i + 1 < len) {
        uint32_t u = big_endian ? (uint32_t)(p[i] << 8 | p[i + 1]) : (uint32_t)(p[i + 1] << 8 | p[i]);
        i += 2;
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < len) {
            uint32_t v = big_endian ? (uint32_t)(p[i] << 8 | p[i + 1])
                                    : (uint32_t)(p[i + 1] << 8 | p[i]);
            if (v >= 0xDC00 && v <= 0xDFFF) {
                u = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
                i += 2;
            } else {
                u = 0xFFFD;
            }
        } else if (u >= 0xD800 && u <= 0xDFFF) {
            u = 0xFFFD;
        }
        if (put_cp(out, u) != 0) return -1;
    }
    return 0;
}

/* Any other charset libc knows (Shift_JIS, KOI8-R, GB2312, ...).  Returns 1 when the
 * label is unknown to iconv, so the caller falls back to sniffing. */
static int decode_iconv(const char *label, const char *in, size_t len, buf *out)
{
    iconv_t cd = iconv_open("UTF-8", label);
    if (cd == (iconv_t)-1) return 1;
    char *src = (char *)in;
    size_t left = len;
    char tmp[4096];
    int rc = 0;
    while (left > 0) {
        char *dst = tmp;
        size_t room = sizeof tmp;
        size_t r = iconv(cd, &src, &left, &dst, &room);
        /* iconv output is UTF-8 already; run it through the filter for controls. */
        int m = 0;
        if (decode_utf8_or_1252((unsigned char *)tmp, sizeof tmp - room, out, &m) != 0) {
            rc = -1;
            break;
        }
        if (r == (size_t)-1) {
            if (errno == E2BIG) continue;
            /* EILSEQ or EINVAL (truncated at the end): one replacement char, skip a byte. */
            if (put_cp(out, 0xFFFD) != 0) { rc = -1; break; }
            src++;
            left--;
        }
    }
    iconv_close(cd);
    return rc;
}

/* The encoding named by the first <meta> tag in the first bytes of an HTML page whose
 * charset=... (attribute or http-equiv content) is a label of the standard; labels it
 * does not know are passed over, as a browser's prescan does.  NULL when none. */
static const charset_enc *meta_encoding(const char *s, size_t len)
{
    size_t lim = len < 4096 ? len : 4096;
    for (size_t i = 0; i + 5 < lim; i++) {
        if (s[i] != '<' || strncasecmp(s + i + 1, "meta", 4) != 0) continue;
        size_t end = i + 5;
        while (end < lim && s[end] != '>') end++;
        for (size_t j = i + 5; j + 8 <= end; j++) {
            if (strncasecmp(s + j, "charset", 7) != 0) continue;
            size_t k = j + 7;
            while (k < end && isspace((unsigned char)s[k])) k++;
            if (k >= end || s[k] != '=') continue;
            k++;
            while (k < end && (isspace((unsigned char)s[k]) || s[k] == '"' || s[k] == '\''))
                k++;
            size_t m = k;
            while (m < end && (isalnum((unsigned char)s[m]) || s[m] == '-' || s[m] == '_' ||
                               s[m] == ':' || s[m] == '.'))
                m++;
            const charset_enc *e = m > k ? wn_charset_lookup(s + k, m - k) : NULL;
            if (e) return e;
        }
        i = end;
    }
    return NULL;
}

/* Whether bytes without a BOM look like UTF-16 (markup or text with every other byte
 * NUL).  Returns 1 for little-endian, 2 for big-endian, 0 for neither. */
static int looks_utf16(const unsigned char *p, size_t len)
{
    size_t n = len < 512 ? len & ~(size_t)1 : 512;
    if (n < 8) return 0;
    size_t even0 = 0, odd0 = 0;
    for (size_t i = 0; i < n; i += 2) {
        even0 += p[i] == 0;
        odd0 += p[i + 1] == 0;
    }
    if (odd0 * 10 >= n / 2 * 9 && even0 * 10 < n / 2) return 1;
    if (even0 * 10 >= n / 2 * 9 && odd0 * 10 < n / 2) return 2;
    return 0;
}

int wn_charset_to_utf8(const char *in, size_t len, int is_html, buf *out, const char **charset)
{
    return wn_charset_to_utf8_hinted(in, len, is_html, NULL, out, charset);
}

int wn_charset_to_utf8_hinted(const char *in, size_t len, int is_html, const char *hint,
                              buf *out, const char **charset)
{
    const unsigned char *p = (const unsigned char *)in;
    int mixed = 0;

    if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        *charset = "utf-8";
        if (decode_utf8_or_1252(p + 3, len - 3, out, &mixed) != 0) return -1;
        if (mixed) *charset = "utf-8+windows-1252";
        return 0;
    }
    if (len >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) {
        int be = p[0] == 0xFE;
        *charset = be ? "utf-16be" : "utf-16le";
        return decode_utf16(p + 2, len - 2, be, out);
    }
    int u16 = looks_utf16(p, len);
    if (u16) {
        *charset = u16 == 2 ? "utf-16be" : "utf-16le";
        return decode_utf16(p, len, u16 == 2, out);
    }

    /* The transport's label comes before the page's own, as in the WHATWG sniffing
     * algorithm; one the standard does not know counts as none. */
    const charset_enc *enc = hint && hint[0] ? wn_charset_lookup(hint, strlen(hint)) : NULL;
    if (!enc && is_html) enc = meta_encoding(in, len);
    if (enc && enc->kind == CS_1252) {
        /* A page that declares Latin-1 but is valid UTF-8 with non-ASCII text was
         * re-encoded on the way; the bytes win over the label. */
        int has_multibyte = 0;
        for (size_t i = 0; i < len && !has_multibyte; i++) has_multibyte = p[i] >= 0x80;
        if (has_multibyte && wn_utf8_valid_prefix(in, len) == len) {
            *charset = "utf-8";
            return decode_utf8_or_1252(p, len, out, &mixed);
        }
        *charset = "windows-1252";
        return decode_1252(p, len, out);
    }
    /* Valid UTF-8 wins over any other label, for the same reason. */
    if (enc && enc->kind == CS_ICONV && wn_utf8_valid_prefix(in, len) != len) {
        size_t before = out->len;
        int r = decode_iconv(enc->iconv_name, in, len, out);
        if (r == 0) {
            *charset = enc->name;
            return 0;
        }
        if (r < 0) return -1;
        out->len = before; /* iconv does not know it: sniff the bytes */
    }
    if (decode_utf8_or_1252(p, len, out, &mixed) != 0) return -1;
    /* The valid prefix only names a mixed input: no second pass over clean UTF-8. */
    *charset = !mixed ? "utf-8"
               : (wn_utf8_valid_prefix(in, len) == 0 || !len) ? "windows-1252"
                                                             : "utf-8+windows-1252";
    /* No valid multi-byte sequence at all but stray high bytes: plain windows-1252. */
    if (mixed) {
        int any_seq = 0;
        for (size_t i = 0; i < len && !any_seq; i++)
            if (p[i] >= 0xC2) any_seq = wn_utf8_seq(p + i, len - i) > 1;
        if (!any_seq) *charset = "windows-1252";
    }
    return 0;
}
