/* test_rules_filter.c -- the cheap tests that rule a rule out before PCRE2 runs
 * (rules_filter.c): prefix filters learnt by partial matching must never rule out a
 * subject that matches (checked against PCRE2 itself on many subjects, for patterns
 * with lookarounds, optional parts, case folding and empty matches), and must rule out
 * most of the rest; need= literal sets find their literals anywhere, in any ASCII case,
 * at every offset the strided scan may meet them. */
#include <stdlib.h>
#include <time.h>
#include "check.h"
#include "rules/rules_filter.h"

static pcre2_code *compile(const char *pat, uint32_t flags)
{
    int ec;
    PCRE2_SIZE eo;
    return pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, flags, &ec, &eo, NULL);
}

/* Every subject that the pattern matches passes its prefix filter (with the deep
 * filter when deep is set, folding case for a caseless pattern without "(?"); returns
 * how many of the subjects the filter ruled out. */
static size_t check_never_wrong(const char *pat, uint32_t flags, const char *const *subjects,
                                size_t n, int deep)
{
    pcre2_code *code = compile(pat, flags);
    CHECK(code != NULL);
    if (!code) return 0;
    rule_prefix p;
    CHECK(wn_prefix_probe(code, 100000, &p) == 0);
    if (deep)
        CHECK(wn_prefix_probe_deep(code, 100000,
                                   ((flags & PCRE2_CASELESS) && !strstr(pat, "(?") ? DEEP_FOLD : 0) |
                                       (wn_prefix_digits_alike(pat) ? DEEP_DIGITS : 0),
                                   &p) == 0);
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    size_t out = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(subjects[i]);
        int matches = pcre2_match(code, (PCRE2_SPTR)subjects[i], len, 0, 0, md, NULL) >= 0;
        int may = prefix_may(&p, (const unsigned char *)subjects[i], len);
        if (matches && !may) {
            fprintf(stderr, "/%s/ matches \"%s\" but its prefix filter rules it out\n", pat,
                    subjects[i]);
            check_fail_++;
        } else {
            check_pass_++;
        }
        out += !may;
    }
    pcre2_match_data_free(md);
    wn_prefix_free(&p);
    pcre2_code_free(code);
    return out;
}

static const char *const subjects[] = {
    "",          "a",           "ab",         "abc",        "Home",        "HOME",
    "home",      "hOmE page",   "Home Page",  "Menu",       "Top",         "Toggle",
    "The end",   "In the city", "Inicio",     "x",          "(photo: AP)", "(Photo",
    "Photo by",  "12 comments", "1 comment",  "no comments", "No Comments", "© 2019 X",
    "»",         "› Next",      "<< Older",   "Older posts", "zzz",         "Zebra",
    "::",        " home",       "home ",      "Share",       "share this",  "SHARE",
    "ab cd",     "Abc",         "aBc",        "\xc3\xa9t\xc3\xa9", "\xc2\xbb", "\t",
};
#define N_SUBJECTS (sizeof subjects / sizeof subjects[0])

static void test_prefix_exact_on_patterns(void)
{
    static const struct {
        const char *pat;
        uint32_t flags;
    } cases[] = {
        {"^(?:home|menu|top|toggle navigation)$", PCRE2_CASELESS},
        {"^(?:home|menu)", 0},
        {"^\\(?(?:photo|image)s?:?", PCRE2_CASELESS},
        {"^(?!(?:the|a)\\b)\\S+ \\S+$", PCRE2_CASELESS},
        {"^(?=.{3})ab", 0},
        {"^(?:\\d+|no) comments?$", PCRE2_CASELESS},
        {"^[\\s\xc2\xbb\xe2\x80\xba<>|-]+$", 0},
        {"^a?b?c?", 0},               /* matches the empty string: every subject */
        {"^(?:ab|a\\b)", 0},          /* \b at the end of a probe */
        {"^x*$", 0},
        {"^(?i:sh)are\\b", 0},
        {"^\\w{2}\\d", 0},
        {"^(?<![a-z])in", PCRE2_CASELESS},
        {"^(?:«|<<) ?older", PCRE2_CASELESS},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        for (int deep = 0; deep < 2; deep++)
            check_never_wrong(cases[i].pat, cases[i].flags, subjects, N_SUBJECTS, deep);
}

/* The deep filter goes on past three bytes ("New" may start "newer", "News" may not),
 * in any case for a caseless pattern, exactly for another; bytes past printable ASCII
 * end what it checks, and a budget too small for starts of 4 bytes leaves none. */
static void test_prefix_deep(void)
{
    pcre2_code *code = compile("^(?:older|newer) (?:posts|entries)$", PCRE2_CASELESS);
    rule_prefix p;
    CHECK(wn_prefix_probe(code, 100000, &p) == 0);
    CHECK(prefix_may(&p, (const unsigned char *)"News", 4)); /* three bytes pass */
    CHECK(wn_prefix_probe_deep(code, 100000, 1, &p) == 0);
    CHECK(p.deep != NULL && p.deep[0] == 8 && p.deep[1] == 1);
    CHECK(!prefix_may(&p, (const unsigned char *)"News", 4));
    CHECK(!prefix_may(&p, (const unsigned char *)"Newsletter", 10));
    CHECK(prefix_may(&p, (const unsigned char *)"Older post office", 17));
    CHECK(prefix_may(&p, (const unsigned char *)"NEWER POSTS", 11));
    CHECK(prefix_may(&p, (const unsigned char *)"Newe", 4));
    CHECK(!prefix_may(&p, (const unsigned char *)"Newer pages", 11));
    CHECK(prefix_may(&p, (const unsigned char *)"NeweÃ©", 6)); /* checked to "Newe" */
    /* The flat form round-trips with it. */
    unsigned char *flat = malloc(wn_prefix_flat_size(&p));
    wn_prefix_flatten(&p, flat);
    rule_prefix v;
    wn_prefix_view(&v, flat, wn_prefix_flat_flags(&p));
    CHECK(v.deep != NULL && !prefix_may(&v, (const unsigned char *)"News", 4));
    CHECK(prefix_may(&v, (const unsigned char *)"older entries", 13));
    free(flat);
    wn_prefix_free(&p);
    pcre2_code_free(code);
    /* Case-sensitive: learnt as written. */
    code = compile("^Older posts", 0);
    CHECK(wn_prefix_probe(code, 100000, &p) == 0);
    CHECK(wn_prefix_probe_deep(code, 100000, 0, &p) == 0);
    CHECK(p.deep != NULL && p.deep[1] == 0);
    CHECK(prefix_may(&p, (const unsigned char *)"Older posts", 11));
    CHECK(!prefix_may(&p, (const unsigned char *)"Oldest", 6));
    CHECK(!prefix_may(&p, (const unsigned char *)"older posts", 11)); /* first byte */
    wn_prefix_free(&p);
    /* Too small a budget: no deep filter. */
    CHECK(wn_prefix_probe(code, 100000, &p) == 0);
    CHECK(wn_prefix_probe_deep(code, 50, 0, &p) == 0);
    CHECK(p.deep == NULL);
    wn_prefix_free(&p);
    pcre2_code_free(code);
}

/* A pattern that treats all digits alike learns its deep filter with '0' alone and
 * reads every digit as '0': a column of numbers no longer multiplies its starts by ten
 * (past the budget: no filter at all), and it is never wrong on digits it did not see.
 * A digit anywhere but in a quantifier, or an escape that may name one, is unsure. */
static void test_prefix_digits(void)
{
    CHECK(wn_prefix_digits_alike("^\\d+ (?:photos|images)$"));
    CHECK(wn_prefix_digits_alike("^(?:[a-z]{3,9}\\.? \\d{1,2},? \\d{4}|level \\d{1,3})$"));
    CHECK(wn_prefix_digits_alike("^[[:digit:]]+[^a-c]{2,}$"));
    CHECK(!wn_prefix_digits_alike("^2019$"));
    CHECK(!wn_prefix_digits_alike("^[0-5]+$"));
    CHECK(wn_prefix_digits_alike("^[a-z0-9 ,.]{1,20}$"));
    CHECK(!wn_prefix_digits_alike("^[0-95]$"));
    CHECK(!wn_prefix_digits_alike("^[1-9]$"));
    CHECK(!wn_prefix_digits_alike("^[0-8]$"));
    CHECK(!wn_prefix_digits_alike("^\\x31$"));
    CHECK(!wn_prefix_digits_alike("^\\061$"));
    CHECK(!wn_prefix_digits_alike("^(a)\\1$"));
    CHECK(!wn_prefix_digits_alike("^\\Q1\\E$"));
    CHECK(!wn_prefix_digits_alike("^(?:{3})$"));
    CHECK(!wn_prefix_digits_alike("^a{x1}$"));
    CHECK(!wn_prefix_digits_alike("^[a$"));
    const char *pat = "^(?:\\d+ (?:photos|images)|page \\d+ of \\d+|\\d+:\\d\\d)$";
    pcre2_code *code = compile(pat, PCRE2_CASELESS);
    rule_prefix p;
    CHECK(wn_prefix_probe(code, 100000, &p) == 0);
    CHECK(wn_prefix_probe_deep(code, 100000, DEEP_FOLD | DEEP_DIGITS, &p) == 0);
    CHECK(p.deep != NULL && p.deep[1] == (DEEP_FOLD | DEEP_DIGITS));
    CHECK(prefix_may(&p, (const unsigned char *)"12 Photos", 9));
    CHECK(prefix_may(&p, (const unsigned char *)"987 images", 10));
    CHECK(prefix_may(&p, (const unsigned char *)"4:33", 4));
    CHECK(prefix_may(&p, (const unsigned char *)"Page 7 of 9", 11));
    CHECK(!prefix_may(&p, (const unsigned char *)"18 Nov 2019", 11));
    CHECK(!prefix_may(&p, (const unsigned char *)"2019 Elections", 14));
    CHECK(!prefix_may(&p, (const unsigned char *)"Page one", 8));
    wn_prefix_free(&p);
    pcre2_code_free(code);
    static const char *const numbers[] = {"12 photos", "3 images",  "10:45",     "99:99",
                                          "0:00",      "7 photo",   "2019",      "1 2 3",
                                          "page 3 of 12", "page 10 of 2", "PAGE 1 OF 1",
                                          "4 imagesx", "5:5",       "12 Photos", "77777777 images"};
    size_t n = sizeof numbers / sizeof *numbers;
    CHECK(check_never_wrong(pat, PCRE2_CASELESS, numbers, n, 1) >= 1); /* "1 2 3" */
    CHECK(check_never_wrong(pat, PCRE2_CASELESS, subjects, N_SUBJECTS, 1) > 0);
}

/* A rule that may start with a UTF-8 lead byte learns its deep filter over bytes from
 * 0x80 too: a line that opens with a curly quote no longer passes for one that opens
 * with a guillemet or a dash (same lead byte, E2 80). */
static void test_prefix_high(void)
{
    const char *pat = "^(?:\xE2\x80\xB9|\xC2\xAB|<)?\\s*(?:older|newer) posts$";
    pcre2_code *code = compile(pat, PCRE2_CASELESS);
    rule_prefix p;
    CHECK(wn_prefix_probe(code, 100000, &p) == 0);
    CHECK(wn_prefix_probe_deep(code, 100000, DEEP_FOLD, &p) == 0);
    CHECK(p.deep != NULL && (p.deep[1] & DEEP_HIGH));
    CHECK(prefix_may(&p, (const unsigned char *)"\xE2\x80\xB9 Older posts", 15));
    CHECK(prefix_may(&p, (const unsigned char *)"\xC2\xAB newer posts", 14));
    CHECK(!prefix_may(&p, (const unsigned char *)"\xE2\x80\x9CIf this", 10));
    CHECK(!prefix_may(&p, (const unsigned char *)"\xE2\x80\x94 David", 9));
    wn_prefix_free(&p);
    pcre2_code_free(code);
    static const char *const quoted[] = {
        "\xE2\x80\xB9 older posts", "\xE2\x80\xB9older posts", "\xC2\xAB Newer posts",
        "< older posts", "\xE2\x80\x9Colder posts", "\xE2\x80\x98Newer", "\xC2\xA9 2019",
        "\xE2\x80\xB9\xE2\x80\xB9 older posts", "older posts", "\xE2\x80\x94 older posts"};
    CHECK(check_never_wrong(pat, PCRE2_CASELESS, quoted, sizeof quoted / sizeof *quoted, 1) >= 3);
}

/* The filters do their job: most subjects that cannot match are ruled out. */
static void test_prefix_filters(void)
{
    size_t out = check_never_wrong("^(?:home|menu|top)$", PCRE2_CASELESS, subjects, N_SUBJECTS, 0);
    /* Home HOME home hOmE-page Home-Page home-space Menu Top and the empty subject */
    CHECK(out == N_SUBJECTS - 9);
    pcre2_code *code = compile("^(?:home|menu)$", PCRE2_CASELESS);
    rule_prefix p;
    CHECK(wn_prefix_probe(code, 100000, &p) == 0);
    CHECK(p.pair != NULL && p.triple != NULL);
    CHECK(wn_prefix_first_count(&p) == 4); /* h H m M */
    CHECK(prefix_may(&p, (const unsigned char *)"HoMe", 4));
    CHECK(!prefix_may(&p, (const unsigned char *)"In the", 6)); /* first byte */
    CHECK(!prefix_may(&p, (const unsigned char *)"Ha", 2));     /* pair */
    CHECK(!prefix_may(&p, (const unsigned char *)"Hot", 3));    /* triple */
    CHECK(prefix_may(&p, (const unsigned char *)"h", 1));
    CHECK(prefix_may(&p, (const unsigned char *)"", 0));
    /* Bytes outside printable ASCII are not probed past the first: let through. */
    CHECK(prefix_may(&p, (const unsigned char *)"h\xc3\xa9", 3));
    /* The flat form round-trips. */
    unsigned char *flat = malloc(wn_prefix_flat_size(&p));
    wn_prefix_flatten(&p, flat);
    rule_prefix v;
    wn_prefix_view(&v, flat, wn_prefix_flat_flags(&p));
    CHECK(prefix_may(&v, (const unsigned char *)"menu", 4));
    CHECK(!prefix_may(&v, (const unsigned char *)"mess", 4));
    free(flat);
    wn_prefix_free(&p);
    /* A small budget stops at the first byte. */
    CHECK(wn_prefix_probe(code, 10, &p) == 0);
    CHECK(p.pair == NULL && p.triple == NULL);
    CHECK(prefix_may(&p, (const unsigned char *)"Ha", 2));
    CHECK(!prefix_may(&p, (const unsigned char *)"Xa", 2));
    wn_prefix_free(&p);
    pcre2_code_free(code);
}

static uint64_t scan(const need_set *ns, const char *s) { return wn_need_scan(ns, s, strlen(s), ~0ull); }

static void test_need(void)
{
    const char *why = NULL;
    CHECK(wn_need_parse("cookies", 7, &why) == 1);
    CHECK(wn_need_parse("says:,said:,wrote", 17, &why) == 3);
    CHECK(wn_need_parse("ab", 2, &why) == -1 && why != NULL);
    CHECK(wn_need_parse("abc,,def", 8, &why) == -1);
    CHECK(wn_need_parse("abc,", 4, &why) == -1);

    need_set *ns = wn_need_set_new();
    CHECK(wn_need_set_add(ns, "cookies", 7, 0) == 0);
    CHECK(wn_need_set_add(ns, "said,wrote", 10, 3) == 0);
    CHECK(wn_need_set_finish(ns) == 0);
    CHECK(scan(ns, "We use cookies.") == 1);
    CHECK(scan(ns, "WE USE COOKIES") == 1);
    CHECK(scan(ns, "cookie") == 0);
    CHECK(scan(ns, "Jane said:") == 8);
    CHECK(scan(ns, "cookies, she said") == 9);
    CHECK(scan(ns, "") == 0);
    CHECK(scan(ns, "sai") == 0);
    /* At every offset (the scan strides over the subject). */
    char buf[64];
    for (int off = 0; off < 12; off++) {
        snprintf(buf, sizeof buf, "%.*sWrote", off, "xxxxxxxxxxxx");
        CHECK(scan(ns, buf) == 8);
        snprintf(buf, sizeof buf, "%.*sWrot", off, "xxxxxxxxxxxx");
        CHECK(scan(ns, buf) == 0);
    }
    /* want: the scan may stop once it has what was asked for. */
    CHECK(wn_need_scan(ns, "said cookies", 12, 8) & 8);
    wn_need_set_free(ns);

    /* A three-byte literal: the scan visits every byte. */
    ns = wn_need_set_new();
    CHECK(wn_need_set_add(ns, "dit", 3, 5) == 0);
    CHECK(wn_need_set_finish(ns) == 0);
    for (int off = 0; off < 6; off++) {
        snprintf(buf, sizeof buf, "%.*sdit", off, "xxxxxx");
        CHECK(scan(ns, buf) == 32);
    }
    wn_need_set_free(ns);
}

/* A pattern that backtracks exponentially on a failing subject ((a?){n}a{n}): a probe
 * ends at once where its short subject ends (partial matching), and a match limit
 * guards the rest, so loading it stays fast; the filter still lets its subjects through. */
static void test_hostile_pattern(void)
{
    pcre2_code *code = compile("^(?:a?){28}a{28}", 0);
    CHECK(code != NULL);
    rule_prefix p;
    clock_t t0 = clock();
    CHECK(wn_prefix_probe(code, 100000, &p) == 0);
    CHECK((double)(clock() - t0) / CLOCKS_PER_SEC < 2.0);
    CHECK(prefix_may(&p, (const unsigned char *)"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 30));
    wn_prefix_free(&p);
    pcre2_code_free(code);
}

int main(void)
{
    test_prefix_exact_on_patterns();
    test_prefix_filters();
    test_prefix_deep();
    test_prefix_digits();
    test_prefix_high();
    test_need();
    test_hostile_pattern();
    return check_done();
}
