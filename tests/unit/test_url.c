/* test_url.c -- link URLs for --links (html_url.c): RFC 3986's reference resolution
 * examples (section 5.4), what a Markdown link cannot hold bare, and the hrefs that
 * give no link. */
#include <string.h>
#include "check.h"
#include "html/html_dom.h"

static doc d;

static const char *res(const char *base, const char *href)
{
    return wn_hurl_resolve(&d, base, href);
}

static void test_rfc3986_normal(void)
{
    const char *b = "http://a/b/c/d;p?q";
    static const char *const cases[][2] = {
        {"g:h", "g:h"}, {"g", "http://a/b/c/g"}, {"./g", "http://a/b/c/g"},
        {"g/", "http://a/b/c/g/"}, {"/g", "http://a/g"}, {"//g", "http://g"},
        {"?y", "http://a/b/c/d;p?y"}, {"g?y", "http://a/b/c/g?y"},
        {"g#s", "http://a/b/c/g#s"}, {"g?y#s", "http://a/b/c/g?y#s"},
        {";x", "http://a/b/c/;x"}, {"g;x", "http://a/b/c/g;x"}, {".", "http://a/b/c/"},
        {"./", "http://a/b/c/"}, {"..", "http://a/b/"}, {"../", "http://a/b/"},
        {"../g", "http://a/b/g"}, {"../..", "http://a/"}, {"../../", "http://a/"},
        {"../../g", "http://a/g"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) CHECK_STR(res(b, cases[i][0]), cases[i][1]);
}

static void test_rfc3986_abnormal(void)
{
    const char *b = "http://a/b/c/d;p?q";
    static const char *const cases[][2] = {
        {"../../../g", "http://a/g"}, {"../../../../g", "http://a/g"}, {"/./g", "http://a/g"},
        {"/../g", "http://a/g"}, {"g.", "http://a/b/c/g."}, {".g", "http://a/b/c/.g"},
        {"g..", "http://a/b/c/g.."}, {"..g", "http://a/b/c/..g"}, {"./../g", "http://a/b/g"},
        {"./g/.", "http://a/b/c/g/"}, {"g/./h", "http://a/b/c/g/h"},
        {"g/../h", "http://a/b/c/h"}, {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
        {"g;x=1/../y", "http://a/b/c/y"}, {"g?y/./x", "http://a/b/c/g?y/./x"},
        {"g#s/../x", "http://a/b/c/g#s/../x"}, {"http:g", "http:g"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) CHECK_STR(res(b, cases[i][0]), cases[i][1]);
}

static void test_markdown_safe(void)
{
    /* Edges trimmed, tabs and line breaks dropped, the rest percent-encoded. */
    CHECK_STR(res("https://s.test/", "  /a b\t/c\n(d)<e>\\f  "), "https://s.test/a%20b/c%28d%29%3Ce%3E%5Cf");
    CHECK_STR(res("https://s.test", "x"), "https://s.test/x"); /* no path: the root */
    CHECK_STR(res(NULL, "https://o.test/p?q=1&r=2"), "https://o.test/p?q=1&r=2");
}

static void test_no_link(void)
{
    CHECK(res("https://s.test/", "#top") == NULL);            /* in the page */
    CHECK(res("https://s.test/", "JavaScript:go()") == NULL);  /* a script */
    CHECK(res(NULL, "guide.html") == NULL);                    /* no base */
    CHECK(res("relative/base/", "guide.html") == NULL);       /* a base that is not absolute */
    CHECK(res("https://s.test/", "   ") == NULL);
    CHECK(res("https://s.test/", NULL) == NULL);
    static char longest[5000];
    memset(longest, 'a', sizeof longest - 1);
    CHECK(res("https://s.test/", longest) == NULL); /* a blob, not a link */
    CHECK(!d.failed);
}

int main(void)
{
    wn_doc_init(&d);
    test_rfc3986_normal();
    test_rfc3986_abnormal();
    test_markdown_safe();
    test_no_link();
    wn_doc_free(&d);
    return check_done();
}
