/* test_sniff.c -- HTML vs text on realistic page openings, and the binary ratio. */
#include <stdlib.h>
#include "check.h"
#include "core/doc.h"
#include "input/input.h"

/* Sniffs an exact-size heap copy, so ASan catches any read past the end. */
static winnow_type sniff(const char *s)
{
    size_t n = strlen(s);
    char *p = malloc(n ? n : 1);
    memcpy(p, s, n);
    winnow_type t = wn_sniff_type(p, n);
    free(p);
    return t;
}

#define HTML WINNOW_TYPE_HTML
#define TEXT WINNOW_TYPE_TEXT

static void test_html(void)
{
    CHECK(sniff("<!DOCTYPE html>\n<html lang=\"en\"><head>") == HTML);
    CHECK(sniff("<!doctype HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">") == HTML);
    CHECK(sniff("\n\n   \t<html>\n<head><title>x</title>") == HTML);
    CHECK(sniff("\xef\xbb\xbf<!DOCTYPE html><html>") == HTML);
    CHECK(sniff("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<html xmlns=") == HTML);
    CHECK(sniff("<!-- saved from url=(0042)https://example.com/ -->\n<html>") == HTML);
    CHECK(sniff("<HEAD><TITLE>Old page</TITLE></HEAD><BODY>") == HTML);
    CHECK(sniff("<div class=\"article\"><p>A fragment without html or body.</p></div>") == HTML);
    CHECK(sniff("<p>one</p>\n<p>two</p>") == HTML);
    CHECK(sniff("<meta charset=\"utf-8\">\n<title>Hi</title>") == HTML);
    /* A saved response with headers in front of the document. */
    CHECK(sniff("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><head></head>"
                "<body><p>x</p></body></html>") == HTML);
    /* Leading prose, then markup: three structural tags are enough. */
    CHECK(sniff("Some text before <br> the <p>markup</p> with <a href=x>a link</a>") == HTML);
}

static void test_text(void)
{
    CHECK(sniff("") == TEXT);
    CHECK(sniff("   \n\t ") == TEXT);
    CHECK(sniff("A Headline\n\nThe body of the article, as innerText renders it.\n") == TEXT);
    CHECK(sniff("   A Headline\n\n   The body of the article, as lynx -dump renders it,\n"
                "   with three spaces in front.\n\nReferences\n\n   1. https://example.com/\n")
          == TEXT);
    CHECK(sniff("<3 is a heart, not a tag.") == TEXT);
    CHECK(sniff("<john@example.com> wrote:\n> quoted mail\n") == TEXT);
    CHECK(sniff("<b>Note</b>: bold is not a structural tag.") == TEXT);
    CHECK(sniff("Write <p> for a paragraph and <div> for a block.") == TEXT);
    CHECK(sniff("if (a < b && c > d) return x<y;") == TEXT);
    CHECK(sniff("<") == TEXT);
    CHECK(sniff("<p") == TEXT);
    CHECK(sniff("text <p") == TEXT);
    CHECK(sniff("\xef\xbb\xbf") == TEXT);
    CHECK(sniff("\xef\xbb") == TEXT);
}

/* Tags at the very end of the input or of the 8 KiB window must not be read past. */
static void test_edges(void)
{
    CHECK(sniff("<html") == TEXT);   /* no delimiter after the name */
    CHECK(sniff("<html>") == HTML);  /* opening with a known element is enough */
    CHECK(sniff("<html><body>") == HTML);
    CHECK(sniff("<p>x<br") == HTML);
    CHECK(sniff("x<br") == TEXT);
    CHECK(sniff("x <p> <div> <br>") == HTML);
    char big[9000];
    memset(big, 'x', sizeof big);
    memcpy(big + 8192 - 6, "<body>", 6);
    memcpy(big + 100, "<html>", 6);
    big[sizeof big - 1] = '\0';
    CHECK(sniff(big) == HTML); /* both inside the window */
    memset(big, 'x', sizeof big);
    memcpy(big + 8192 - 3, "<body>", 6);
    memcpy(big + 100, "<html>", 6);
    big[sizeof big - 1] = '\0';
    CHECK(sniff(big) == TEXT); /* <body> straddles the window */
}

static double ratio(const char *s, size_t n)
{
    char *p = malloc(n ? n : 1);
    memcpy(p, s, n);
    double r = wn_sniff_binary_ratio(p, n);
    free(p);
    return r;
}

static void test_binary(void)
{
    CHECK(ratio("", 0) == 0.0);
    const char *txt = "Plain text\twith tabs\r\nCRLF,\fform feeds and \x1b[1mANSI\x1b[0m.\n";
    CHECK(ratio(txt, strlen(txt)) == 0.0);
    const char *latin = "caf\xe9 na\xefve \x93quoted\x94 \x80 \xff";
    CHECK(ratio(latin, strlen(latin)) == 0.0); /* high bytes are windows-1252 text */
    CHECK(ratio("a\0b\0", 4) == 0.5);
    CHECK(ratio("\x01\x02\x7f\x1f", 4) == 1.0);
    CHECK(ratio("\x0b", 1) == 1.0); /* vertical tab is not page text */
    /* Pseudo-random bytes: well over the 10% the library refuses. */
    size_t n = 1 << 16;
    char *r = malloc(n);
    uint32_t x = 12345;
    for (size_t i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        r[i] = (char)(x >> 24);
    }
    double rr = ratio(r, n);
    CHECK(rr > 0.10 && rr < 0.13);
    free(r);
    /* Only the first 64 KiB are looked at. */
    size_t m = (size_t)3 << 16;
    char *z = calloc(m, 1);
    memset(z, 'a', (size_t)1 << 16);
    CHECK(wn_sniff_binary_ratio(z, m) == 0.0);
    CHECK(wn_sniff_binary_ratio(z + 1, m - 1) > 0.0);
    free(z);
}

int main(void)
{
    test_html();
    test_text();
    test_edges();
    test_binary();
    return check_done();
}
