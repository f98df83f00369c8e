/* test_charset.c -- bytes -> UTF-8: BOMs, UTF-16 with and without BOM, <meta charset>
 * labels per the WHATWG table (UTF-16/UTF-32/EBCDIC labels on ASCII pages ignored),
 * and http-equiv, a meta that lies, Latin-1 pages, iconv charsets (Shift_JIS,
 * KOI8-R), invalid bytes and control characters. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "input/input.h"

static const char *cs;

/* Decodes in[0..len) and returns a malloc'd NUL-terminated copy (caller frees). */
static char *dec(const char *in, size_t len, int is_html)
{
    buf b;
    wn_buf_init(&b, 0);
    cs = NULL;
    if (wn_charset_to_utf8(in, len, is_html, &b, &cs) != 0) {
        wn_buf_free(&b);
        return NULL;
    }
    char *s = malloc(b.len + 1);
    if (s) {
        if (b.len) memcpy(s, b.data, b.len);
        s[b.len] = '\0';
    }
    wn_buf_free(&b);
    return s;
}

static void expect(const char *in, size_t len, int is_html, const char *want,
                   const char *want_cs)
{
    char *got = dec(in, len, is_html);
    CHECK_STR(got, want);
    CHECK_STR(cs, want_cs);
    free(got);
}

int main(void)
{
    /* UTF-8 BOM stripped. */
    expect("\xEF\xBB\xBFh\xC3\xA9", 6, 0, "h\xC3\xA9", "utf-8");
    /* UTF-16 with BOMs, including a surrogate pair (U+1F600). */
    expect("\xFF\xFEh\0\xE9\0", 6, 0, "h\xC3\xA9", "utf-16le");
    expect("\xFE\xFF\0h\0\xE9", 6, 0, "h\xC3\xA9", "utf-16be");
    expect("\xFF\xFE\x3D\xD8\x00\xDE", 6, 0, "\xF0\x9F\x98\x80", "utf-16le");
    /* A lone surrogate becomes U+FFFD. */
    expect("\xFF\xFE\x3D\xD8x\0", 6, 0, "\xEF\xBF\xBDx", "utf-16le");
    /* UTF-16LE without a BOM: every other byte NUL. */
    expect("<\0p\0>\0h\0i\0<\0/\0p\0>\0", 18, 1, "<p>hi</p>", "utf-16le");

    /* Plain UTF-8 stays; stray bytes read as windows-1252 (0x93 0x94 = curly quotes). */
    expect("caf\xC3\xA9", 5, 0, "caf\xC3\xA9", "utf-8");
    expect("caf\xC3\xA9 \x93x\x94", 9, 0, "caf\xC3\xA9 \xE2\x80\x9Cx\xE2\x80\x9D",
           "utf-8+windows-1252");
    /* A Latin-1 page without a declaration. */
    expect("<p>caf\xE9 na\xEFve</p>", 17, 1, "<p>caf\xC3\xA9 na\xC3\xAFve</p>", "windows-1252");
    /* Declared Latin-1, and it is. */
    const char *l1 = "<meta charset=\"iso-8859-1\"><p>\xE9t\xE9</p>";
    expect(l1, strlen(l1), 1, "<meta charset=\"iso-8859-1\"><p>\xC3\xA9t\xC3\xA9</p>",
           "windows-1252");
    /* A lying meta: says Latin-1, bytes are UTF-8 (re-encoded on the way). */
    const char *liar = "<meta charset=latin1><p>\xC3\xA9t\xC3\xA9</p>";
    expect(liar, strlen(liar), 1, "<meta charset=latin1><p>\xC3\xA9t\xC3\xA9</p>", "utf-8");
    /* Says UTF-8, has Latin-1 bytes: the bytes win per sequence. */
    const char *liar2 = "<meta charset=utf-8><p>\xE9t\xE9</p>";
    expect(liar2, strlen(liar2), 1, "<meta charset=utf-8><p>\xC3\xA9t\xC3\xA9</p>",
           "windows-1252");

    /* iconv charsets: Shift_JIS (nihon = E6 97 A5 E6 9C AC) via http-equiv, KOI8-R. */
    const char *sj = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">"
                     "\x93\xFA\x96\x7B";
    char *got = dec(sj, strlen(sj), 1);
    CHECK(got && strstr(got, "\xE6\x97\xA5\xE6\x9C\xAC") != NULL);
    CHECK_STR(cs, "shift_jis");
    free(got);
    const char *koi = "<meta charset=koi8-r><p>\xF0\xD2\xC9\xD7\xC5\xD4</p>"; /* Privet */
    got = dec(koi, strlen(koi), 1);
    CHECK(got && strstr(got, "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82") != NULL);
    CHECK_STR(cs, "koi8-r");
    free(got);
    /* Only HTML honours the meta. */
    got = dec(koi, strlen(koi), 0);
    CHECK(got && strstr(got, "\xD0\x9F") == NULL);
    free(got);
    /* An unknown label falls back to sniffing. */
    const char *bogus = "<meta charset=x-no-such-charset><p>caf\xC3\xA9</p>";
    expect(bogus, strlen(bogus), 1, "<meta charset=x-no-such-charset><p>caf\xC3\xA9</p>", "utf-8");

    /* WHATWG labels: the standard's names, whitespace and case do not matter. */
    CHECK(wn_charset_labels_sorted());
    CHECK(wn_charset_lookup("  Latin1 ", 9) && strcmp(wn_charset_lookup("  Latin1 ", 9)->name,
                                                   "windows-1252") == 0);
    CHECK(wn_charset_lookup("GB2312", 6) && strcmp(wn_charset_lookup("GB2312", 6)->name, "gbk") == 0);
    CHECK(wn_charset_lookup("utf-32", 6) == NULL);
    CHECK(wn_charset_lookup("ebcdic-cp-us", 12) == NULL);
    CHECK(wn_charset_lookup("", 0) == NULL);
    /* A meta naming UTF-16 on a page read as ASCII means UTF-8 (per sequence, so the
     * Latin-1 bytes stay readable); UTF-32 and EBCDIC labels are not the standard's
     * and are ignored.  The text stays text instead of turning into CJK garbage. */
    static const char *const not_ascii_compatible[] = {"utf-16", "UTF-16LE", "utf-16be",
                                                       "unicode", "utf-32", "ibm037",
                                                       "ebcdic-cp-us", "cp500"};
    for (size_t i = 0; i < sizeof not_ascii_compatible / sizeof *not_ascii_compatible; i++) {
        char page[160], want[160];
        snprintf(page, sizeof page, "<meta charset=\"%s\"><p>Caf\xE9 na\xEFve</p>",
                 not_ascii_compatible[i]);
        snprintf(want, sizeof want, "<meta charset=\"%s\"><p>Caf\xC3\xA9 na\xC3\xAFve</p>",
                 not_ascii_compatible[i]);
        expect(page, strlen(page), 1, want, "windows-1252");
    }
    /* An unknown label in the first meta does not hide a good one in the next. */
    const char *two = "<meta charset=utf-32><meta http-equiv=content-type "
                      "content='text/html; charset=KOI8-R'><p>\xF0\xD2\xC9\xD7\xC5\xD4</p>";
    got = dec(two, strlen(two), 1);
    CHECK(got && strstr(got, "\xD0\x9F\xD1\x80\xD0\xB8") != NULL);
    CHECK_STR(cs, "koi8-r");
    free(got);
    /* x-user-defined is read as windows-1252; the standard's aliases name their
     * encoding (iso-8859-9 is windows-1254: 0xFD is dotless i). */
    const char *xud = "<meta charset=x-user-defined><p>\xE9</p>";
    expect(xud, strlen(xud), 1, "<meta charset=x-user-defined><p>\xC3\xA9</p>", "windows-1252");
    const char *tr = "<meta charset=iso-8859-9><p>\xFD</p>";
    expect(tr, strlen(tr), 1, "<meta charset=iso-8859-9><p>\xC4\xB1</p>", "windows-1254");
    /* Labels the standard maps to a superset: gb2312 pages decode as GBK/GB18030. */
    const char *gb = "<meta charset=gb2312><p>\xD6\xD0\xCE\xC4</p>"; /* zhongwen */
    got = dec(gb, strlen(gb), 1);
    CHECK(got && strstr(got, "\xE4\xB8\xAD\xE6\x96\x87") != NULL);
    CHECK_STR(cs, "gbk");
    free(got);

    /* Invalid bytes: overlong, surrogate, truncated sequences never pass through raw. */
    got = dec("a\xC0\xAF" "b\xED\xA0\x80" "c\xE2\x82", 10, 0);
    CHECK(got != NULL);
    if (got) CHECK(wn_utf8_valid_prefix(got, strlen(got)) == strlen(got));
    free(got);
    /* Controls dropped, whitespace kept. */
    expect("a\x01\x02" "b\tc\nd\x7F", 9, 0, "ab\tc\nd", "utf-8");
    /* Empty input. */
    expect("", 0, 1, "", "utf-8");
    return check_done();
}
