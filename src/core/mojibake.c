/* mojibake.c -- UTF-8 read as Latin-1 or Windows-1252 and written out again as UTF-8
 * ("Investor\xC3\xA2\xC2\x80\xC2\x99s" for "Investor\xE2\x80\x99s"): a page that
 * declares the right charset can still hold a title its publisher mangled so.  Each
 * run of characters whose single-byte codes spell a whole UTF-8 sequence of two bytes
 * or more is put back as that sequence. */
#include <string.h>
#include "core/core.h"

/* The code point of the UTF-8 sequence of n bytes at s. */
static unsigned code_point(const unsigned char *s, size_t n)
{
    if (n == 1) return s[0];
    unsigned cp = s[0] & (0xFF >> (n + 1));
    for (size_t i = 1; i < n; i++) cp = cp << 6 | (s[i] & 0x3F);
    return cp;
}

/* The single byte that the character at s (a sequence of n bytes) was read from, as
 * Latin-1 or Windows-1252, or -1 when it was none. */
static int single_byte(const unsigned char *s, size_t n)
{
    unsigned cp = code_point(s, n);
    if (cp < 0x100) return (int)cp;
    for (int b = 0x80; b < 0xA0; b++)
        if (wn_cp1252_high((unsigned char)b) == cp) return b;
    return -1;
}

/* The bytes that the characters at s[0..len) were read from, up to want of them, in
 * out; how many of s's bytes they took, or 0 when one of them was no single byte. */
static size_t read_back(const unsigned char *s, size_t len, unsigned char *out, size_t want)
{
    size_t used = 0;
    for (size_t k = 0; k < want; k++) {
        size_t n = used < len ? wn_utf8_seq(s + used, len - used) : 0;
        int b = n ? single_byte(s + used, n) : -1;
        if (b < 0) return 0;
        out[k] = (unsigned char)b;
        used += n;
    }
    return used;
}

const char *wn_text_unmangle(arena *a, const char *t)
{
    size_t len = strlen(t);
    char *out = NULL;
    size_t o = 0;
    const unsigned char *s = (const unsigned char *)t;
    for (size_t i = 0; i < len;) {
        size_t n = wn_utf8_seq(s + i, len - i);
        if (n == 0) n = 1;
        unsigned char b[4];
        size_t used = 0, want = 0;
        /* A lead byte of 0xC2..0xF4 read as a character of two bytes (U+00C2..U+00F4). */
        if (n == 2 && s[i] == 0xC3) {
            unsigned lead = code_point(s + i, 2);
            want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
            if (want) used = read_back(s + i, len - i, b, want);
            if (used && wn_utf8_seq(b, want) != want) used = 0;
        }
        if (used) {
            if (!out && !(out = wn_arena_strndup(a, t, len))) return t;
            memcpy(out + o, b, want); /* want <= used: the copy never overtakes i */
            o += want;
            i += used;
            continue;
        }
        if (out) memmove(out + o, s + i, n);
        o += n;
        i += n;
    }
    if (!out) return t;
    out[o] = '\0';
    return out;
}
