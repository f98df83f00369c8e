/* test_textutil.c -- wn_text_collapse_ws: ASCII whitespace, CRLF, tabs, NBSP and the other
 * Unicode spaces, zero-width characters, trimming, and bytes that only look like spaces. */
#include <stdlib.h>
#include "check.h"
#include "core/core.h"

/* Collapses an exact-size heap copy (ASan catches overreads) and returns it. */
static char out[4096];
static const char *collapse(const char *s)
{
    size_t n = strlen(s);
    char *p = malloc(n + 1);
    memcpy(p, s, n + 1);
    size_t l = wn_text_collapse_ws(p, n);
    memcpy(out, p, l);
    out[l] = '\0';
    /* The result is terminated in place when it shrank. */
    if (l < n && p[l] != '\0') strcpy(out, "(not terminated)");
    free(p);
    return out;
}

static void test_ascii(void)
{
    CHECK_STR(collapse(""), "");
    CHECK_STR(collapse("word"), "word");
    CHECK_STR(collapse("  two   words  "), "two words");
    CHECK_STR(collapse("tab\tseparated\t\tvalues\t"), "tab separated values");
    CHECK_STR(collapse("line one\r\nline two\r\n"), "line one line two");
    CHECK_STR(collapse("a\rb\nc\fd\ve"), "a b c d e");
    CHECK_STR(collapse(" \t\r\n\f\v "), "");
}

static void test_unicode_spaces(void)
{
    CHECK_STR(collapse("non\xc2\xa0" "breaking"), "non breaking");        /* U+00A0 */
    CHECK_STR(collapse("\xc2\xa0\xc2\xa0lead and trail\xc2\xa0"), "lead and trail");
    CHECK_STR(collapse("em\xe2\x80\x83space"), "em space");               /* U+2003 */
    CHECK_STR(collapse("thin\xe2\x80\x89space"), "thin space");           /* U+2009 */
    CHECK_STR(collapse("narrow\xe2\x80\xaf" "nbsp"), "narrow nbsp");      /* U+202F */
    CHECK_STR(collapse("math\xe2\x81\x9fspace"), "math space");           /* U+205F */
    CHECK_STR(collapse("ideographic\xe3\x80\x80space"), "ideographic space");
    CHECK_STR(collapse("line\xe2\x80\xa8sep\xe2\x80\xa9para"), "line sep para");
    CHECK_STR(collapse("next\xc2\x85line"), "next line");                 /* U+0085 */
    CHECK_STR(collapse("ogham\xe1\x9a\x80space"), "ogham space");         /* U+1680 */
    CHECK_STR(collapse(" \xc2\xa0 \t\xe2\x80\x83\n"), "");
}

static void test_zero_width(void)
{
    /* Zero-width spaces and joiners between letters vanish without splitting a word. */
    CHECK_STR(collapse("zero\xe2\x80\x8bwidth"), "zerowidth");            /* U+200B */
    CHECK_STR(collapse("word\xe2\x81\xa0joiner"), "wordjoiner");          /* U+2060 */
    CHECK_STR(collapse("stray\xef\xbb\xbf" "bom"), "straybom");           /* U+FEFF */
    CHECK_STR(collapse("\xe2\x80\x8b\xe2\x80\x8b"), "");
    CHECK_STR(collapse("\xef\xbb\xbfStart"), "Start");
    CHECK_STR(collapse("a \xe2\x80\x8b b"), "a b");
    CHECK_STR(collapse("a\xe2\x80\x8b b"), "a b");
    /* ZWJ and ZWNJ carry meaning (emoji sequences, Persian): they stay. */
    CHECK_STR(collapse("\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb"),
              "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb");
    CHECK_STR(collapse("\xd9\x85\xe2\x80\x8c\xd9\x8a"), "\xd9\x85\xe2\x80\x8c\xd9\x8a");
}

static void test_not_spaces(void)
{
    /* Characters that share lead bytes with spaces are left alone. */
    CHECK_STR(collapse("caf\xc3\xa9 \xc2\xa9 2024"), "caf\xc3\xa9 \xc2\xa9 2024");
    CHECK_STR(collapse("dash \xe2\x80\x94 quote \xe2\x80\x9c"), "dash \xe2\x80\x94 quote \xe2\x80\x9c");
    CHECK_STR(collapse("\xe3\x80\x81\xe3\x80\x82"), "\xe3\x80\x81\xe3\x80\x82"); /* CJK punct */
    /* Truncated sequences at the end are copied, never read past. */
    CHECK_STR(collapse("end\xc2"), "end\xc2");
    CHECK_STR(collapse("end\xe2\x80"), "end\xe2\x80");
    CHECK_STR(collapse("end\xe3"), "end\xe3");
    CHECK_STR(collapse("end \xef\xbb"), "end \xef\xbb");
}

static void test_length_only(void)
{
    /* Only s[0..len) is looked at and the return value is the new length. */
    char s[] = "a  b  c  d";
    size_t l = wn_text_collapse_ws(s, 4); /* "a  b" */
    CHECK(l == 3);
    CHECK(memcmp(s, "a b", 3) == 0);
    char t[] = "abc";
    CHECK(wn_text_collapse_ws(t, 3) == 3);
    CHECK_STR(t, "abc");
}

int main(void)
{
    test_ascii();
    test_unicode_spaces();
    test_zero_width();
    test_not_spaces();
    test_length_only();
    return check_done();
}
