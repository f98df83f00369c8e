/* test_pipeline.c -- winnow_extract through the public header only: limits, refusals,
 * charset repair, titles, explain entries, rules and result ownership.  The checks are
 * invariants (same article whatever the encoding, explain adds up), not golden text:
 * the golden fixtures own the exact output. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include "check.h"
#include "winnow/winnow.h"

typedef struct {
    char *data;
    size_t len;
} bytes;

static bytes slurp(const char *path)
{
    bytes b = {NULL, 0};
    FILE *f = fopen(path, "rb");
    if (!f) return b;
    size_t cap = 1 << 16;
    b.data = malloc(cap);
    size_t n;
    while (b.data && (n = fread(b.data + b.len, 1, cap - b.len, f)) > 0) {
        b.len += n;
        if (b.len == cap) b.data = realloc(b.data, cap *= 2);
    }
    fclose(f);
    return b;
}

/* The seed article (fixtures/seed-text/input.txt): real page text with chrome. */
static bytes seed(void)
{
    char path[4096];
    const char *root = getenv("WINNOW_SOURCE_DIR");
    if (root) {
        snprintf(path, sizeof path, "%s/fixtures/seed-text/input.txt", root);
    } else {
        /* __FILE__ is SOURCE/tests/unit/test_pipeline.c */
        snprintf(path, sizeof path, "%s", __FILE__);
        char *cut = strstr(path, "tests/unit/test_pipeline.c");
        if (cut) strcpy(cut, "fixtures/seed-text/input.txt");
    }
    return slurp(path);
}

static int valid_utf8(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        unsigned c = p[i];
        size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
                 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (!n || i + n > len || (n == 2 && c < 0xC2) || (n == 4 && c > 0xF4)) return 0;
        for (size_t k = 1; k < n; k++)
            if ((p[i + k] & 0xC0) != 0x80) return 0;
        if (n == 3 && c == 0xE0 && p[i + 1] < 0xA0) return 0;      /* overlong */
        if (n == 3 && c == 0xED && p[i + 1] >= 0xA0) return 0;     /* surrogate */
        if (n == 4 && c == 0xF0 && p[i + 1] < 0x90) return 0;      /* overlong */
        if (n == 4 && c == 0xF4 && p[i + 1] >= 0x90) return 0;     /* > U+10FFFF */
        i += n;
    }
    return 1;
}

/* Runs one extraction and checks what must hold for every successful result. */
static winnow_status extract(const char *data, size_t len, const winnow_options *opt,
                             winnow_result *res)
{
    winnow_status st = winnow_extract(data, len, opt, res);
    if (st == WINNOW_OK) {
        CHECK(res->text != NULL);
        if (!res->text) return st;
        CHECK(strlen(res->text) == res->len);
        CHECK(valid_utf8(res->text, res->len));
        CHECK(res->len == 0 || res->text[res->len - 1] == '\n');
        CHECK(res->len < 2 || res->text[res->len - 2] != '\n');
        CHECK(res->error[0] == '\0');
        CHECK(res->charset != NULL);
        CHECK(res->type == WINNOW_TYPE_HTML || res->type == WINNOW_TYPE_TEXT);
        if (res->title) CHECK(valid_utf8(res->title, strlen(res->title)));
    } else {
        CHECK(res->error[0] != '\0');
        CHECK(res->text == NULL);
    }
    return st;
}

static void init(winnow_options *opt, const winnow_rules *rules)
{
    winnow_options_init(opt);
    opt->rules = rules;
}

static void test_empty(const winnow_rules *rules)
{
    winnow_options opt;
    init(&opt, rules);
    winnow_result res;
    CHECK(extract("", 0, &opt, &res) == WINNOW_OK);
    CHECK(res.len == 0 && res.text && res.text[0] == '\0');
    CHECK(res.title == NULL);
    CHECK(res.blocks_kept == 0 && res.blocks_dropped == 0);
    winnow_result_free(&res);
    /* NULL options mean the defaults. */
    CHECK(extract("", 0, NULL, &res) == WINNOW_OK);
    winnow_result_free(&res);
    /* Only whitespace, and only an empty document: nothing to print, but no error. */
    CHECK(extract(" \n\n\t \r\n", 7, &opt, &res) == WINNOW_OK);
    CHECK(res.len == 0);
    winnow_result_free(&res);
    opt.type = WINNOW_TYPE_HTML;
    const char *html = "<html><body></body></html>";
    winnow_status st = extract(html, strlen(html), &opt, &res);
    CHECK(st == WINNOW_OK || st == WINNOW_ERR_INPUT);
    if (st == WINNOW_OK) CHECK(res.len == 0);
    winnow_result_free(&res);
}

static void test_max_size(const winnow_rules *rules, bytes page)
{
    winnow_options opt;
    init(&opt, rules);
    CHECK(opt.max_size == (size_t)64 << 20);
    opt.max_size = page.len - 1;
    winnow_result res;
    CHECK(extract(page.data, page.len, &opt, &res) == WINNOW_ERR_TOO_LARGE);
    CHECK(strstr(res.error, "limit") != NULL);
    CHECK(strcmp(winnow_status_str(WINNOW_ERR_TOO_LARGE), "input too large") == 0);
    winnow_result_free(&res);
    /* The limit itself is allowed. */
    opt.max_size = page.len;
    CHECK(extract(page.data, page.len, &opt, &res) == WINNOW_OK);
    winnow_result_free(&res);
}

static void test_binary(const winnow_rules *rules)
{
    winnow_options opt;
    init(&opt, rules);
    winnow_result res;
    /* A PNG-like header followed by compressed-looking junk. */
    char junk[4096];
    static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    memcpy(junk, png, sizeof png - 1);
    uint32_t x = 2463534242u;
    for (size_t i = sizeof png - 1; i < sizeof junk; i++) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5; /* xorshift: deterministic noise */
        junk[i] = (char)(x & 0xFF);
    }
    CHECK(extract(junk, sizeof junk, &opt, &res) == WINNOW_ERR_INPUT);
    winnow_result_free(&res);
    /* Forcing a type does not make junk a page. */
    opt.type = WINNOW_TYPE_TEXT;
    CHECK(extract(junk, sizeof junk, &opt, &res) == WINNOW_ERR_INPUT);
    winnow_result_free(&res);
    opt.type = WINNOW_TYPE_HTML;
    CHECK(extract(junk, sizeof junk, &opt, &res) == WINNOW_ERR_INPUT);
    winnow_result_free(&res);
    /* All NUL bytes. */
    memset(junk, 0, sizeof junk);
    opt.type = WINNOW_TYPE_AUTO;
    CHECK(extract(junk, sizeof junk, &opt, &res) == WINNOW_ERR_INPUT);
    winnow_result_free(&res);
}

/* The output of page under opt, as a malloc'ed string (NULL on failure). */
static char *output_of(const char *data, size_t len, const winnow_options *opt)
{
    winnow_result res;
    char *out = NULL;
    if (extract(data, len, opt, &res) == WINNOW_OK) out = strdup(res.text);
    winnow_result_free(&res);
    return out;
}

static void check_same(const char *what, const char *got, const char *want)
{
    if (got && want && strcmp(got, want) == 0) {
        check_pass_++;
        return;
    }
    check_fail_++;
    fprintf(stderr, "%s: output differs from the plain UTF-8 page\n--- got:\n%s\n--- want:\n%s\n",
            what, got ? got : "(failed)", want ? want : "(failed)");
}

static void test_nul_bytes(const winnow_rules *rules, bytes page, const char *want)
{
    winnow_options opt;
    init(&opt, rules);
    /* A NUL inside every 200th word position: dropped, so the words come back whole. */
    char *s = malloc(page.len * 2);
    size_t n = 0;
    for (size_t i = 0; i < page.len; i++) {
        s[n++] = page.data[i];
        if (i % 200 == 100 && page.data[i] != ' ' && page.data[i] != '\n') s[n++] = '\0';
    }
    char *got = output_of(s, n, &opt);
    check_same("NUL bytes", got, want);
    free(got);
    free(s);
}

static void test_invalid_utf8(const winnow_rules *rules, bytes page)
{
    winnow_options opt;
    init(&opt, rules);
    opt.explain = 1;
    static const char *const bad[] = {"\xff", "\xc3(", "\xe2\x80", "\xed\xa0\x80",
                                      "\xf8\x88\x80\x80\x80", "\xc0\xaf", "\x80\x81\x82"};
    char *s = malloc(page.len * 6 + 16); /* at most 5 bad bytes per input byte */
    size_t n = 0, k = 0;
    for (size_t i = 0; i < page.len; i++) {
        s[n++] = page.data[i];
        if (page.data[i] == ' ' && i % 97 == 0) {
            const char *b = bad[k++ % (sizeof bad / sizeof *bad)];
            memcpy(s + n, b, strlen(b));
            n += strlen(b);
        }
    }
    winnow_result res;
    CHECK(extract(s, n, &opt, &res) == WINNOW_OK);
    CHECK(res.len > 0);
    for (size_t i = 0; i < res.n_explain; i++)
        CHECK(valid_utf8(res.explain[i].text, res.explain[i].len));
    winnow_result_free(&res);
    /* The same bytes inside HTML. */
    char *html = malloc(n + 128);
    int h = sprintf(html, "<html><body><p>");
    memcpy(html + h, s, n);
    strcpy(html + h + n, "</p></body></html>");
    opt.type = WINNOW_TYPE_HTML;
    CHECK(extract(html, strlen(html), &opt, &res) == WINNOW_OK);
    CHECK(res.type == WINNOW_TYPE_HTML);
    winnow_result_free(&res);
    free(html);
    free(s);
}

/* UTF-8 -> UTF-16 (le or be) with a BOM. */
static bytes to_utf16(const char *s, size_t len, int big_endian)
{
    bytes b = {malloc(len * 4 + 4), 0};
    unsigned char *o = (unsigned char *)b.data;
    uint32_t units[2];
    uint32_t bom = 0xFEFF;
    size_t i = 0;
    int first = 1;
    while (i < len || first) {
        uint32_t cp;
        if (first) {
            cp = bom;
            first = 0;
        } else {
            unsigned char c = (unsigned char)s[i];
            size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
            for (size_t k = 1; k < n; k++) cp = (cp << 6) | ((unsigned char)s[i + k] & 0x3F);
            i += n;
        }
        size_t nu = 1;
        units[0] = cp;
        if (cp >= 0x10000) {
            units[0] = 0xD800 + ((cp - 0x10000) >> 10);
            units[1] = 0xDC00 + ((cp - 0x10000) & 0x3FF);
            nu = 2;
        }
        for (size_t k = 0; k < nu; k++) {
            o[b.len + (big_endian ? 0 : 1)] = (unsigned char)(units[k] >> 8);
            o[b.len + (big_endian ? 1 : 0)] = (unsigned char)(units[k] & 0xFF);
            b.len += 2;
        }
    }
    return b;
}

static void test_utf16(const winnow_rules *rules, bytes page, const char *want)
{
    winnow_options opt;
    init(&opt, rules);
    for (int be = 0; be < 2; be++) {
        bytes u = to_utf16(page.data, page.len, be);
        winnow_result res;
        CHECK(extract(u.data, u.len, &opt, &res) == WINNOW_OK);
        CHECK(res.charset && strncmp(res.charset, "utf-16", 6) == 0);
        CHECK(res.type == WINNOW_TYPE_TEXT);
        check_same(be ? "UTF-16BE" : "UTF-16LE", res.text, want);
        winnow_result_free(&res);
        free(u.data);
    }
    /* An HTML page in UTF-16 is still recognised as HTML. */
    const char *html = "<!DOCTYPE html><html><head><title>Caf\xc3\xa9 news</title></head>"
                       "<body><p>Le caf\xc3\xa9 est ouvert depuis ce matin, et les clients "
                       "attendent d\xc3\xa9j\xc3\xa0 devant la porte pour entrer.</p></body></html>";
    bytes u = to_utf16(html, strlen(html), 0);
    winnow_result res;
    CHECK(extract(u.data, u.len, &opt, &res) == WINNOW_OK);
    CHECK(res.type == WINNOW_TYPE_HTML);
    CHECK(res.text && strstr(res.text, "Le caf\xc3\xa9 est ouvert") != NULL);
    winnow_result_free(&res);
    free(u.data);
}

static void test_title(const winnow_rules *rules, bytes page)
{
    winnow_options opt;
    init(&opt, rules);
    winnow_result with, without;
    CHECK(extract(page.data, page.len, &opt, &with) == WINNOW_OK);
    opt.no_title = 1;
    CHECK(extract(page.data, page.len, &opt, &without) == WINNOW_OK);
    CHECK(with.title != NULL);
    if (with.title && with.text && without.text) {
        /* With a title: "TITLE\n\nBODY"; without: "BODY". */
        size_t tl = strlen(with.title);
        CHECK(with.len == tl + 2 + without.len);
        CHECK(strncmp(with.text, with.title, tl) == 0);
        CHECK(strncmp(with.text + tl, "\n\n", 2) == 0);
        CHECK(strcmp(with.text + tl + 2, without.text) == 0);
        CHECK(strstr(without.text, with.title) != without.text);
    }
    winnow_result_free(&with);
    winnow_result_free(&without);
}

static void check_explain(const winnow_result *res)
{
    CHECK(res->n_explain == res->blocks_kept + res->blocks_dropped);
    CHECK(res->n_explain > 0 && res->explain != NULL);
    size_t kept = 0;
    for (size_t i = 0; i < res->n_explain; i++) {
        const winnow_explain *e = &res->explain[i];
        CHECK(e->decision == WINNOW_KEEP || e->decision == WINNOW_DROP);
        CHECK(e->kind && e->kind[0] && e->reason && e->reason[0] && e->where && e->where[0]);
        CHECK(e->text && strlen(e->text) == e->len);
        if (e->decision == WINNOW_KEEP) {
            kept++;
            /* Every kept block is in the output (the title possibly as the headline). */
            CHECK(e->len == 0 || strstr(res->text, e->text) != NULL);
        }
    }
    CHECK(kept == res->blocks_kept);
}

static void test_explain(const winnow_rules *rules, bytes page, const char *want)
{
    winnow_options opt;
    init(&opt, rules);
    opt.explain = 1;
    winnow_result res;
    CHECK(extract(page.data, page.len, &opt, &res) == WINNOW_OK);
    check_explain(&res);
    /* Explaining does not change the output. */
    check_same("explain", res.text, want);
    winnow_result_free(&res);
    const char *html = "<html><head><title>A headline for the test page</title></head><body>"
                       "<nav><a href=/>Home</a> <a href=/n>News</a></nav><article><h1>A "
                       "headline for the test page</h1><p>The first paragraph of the story "
                       "is long enough to be read as prose by any classifier, with a full "
                       "stop.</p><p>A second paragraph follows it and says a little more "
                       "about the matter at hand.</p></article><footer>Copyright</footer>"
                       "</body></html>";
    CHECK(extract(html, strlen(html), &opt, &res) == WINNOW_OK);
    CHECK(res.type == WINNOW_TYPE_HTML);
    check_explain(&res);
    CHECK(res.text && strstr(res.text, "The first paragraph of the story") != NULL);
    winnow_result_free(&res);
    /* Without explain there are no entries, but the counts are still there. */
    opt.explain = 0;
    CHECK(extract(page.data, page.len, &opt, &res) == WINNOW_OK);
    CHECK(res.explain == NULL && res.n_explain == 0);
    CHECK(res.blocks_kept > 0 && res.blocks_dropped > 0);
    winnow_result_free(&res);
    winnow_result_free(&res); /* freeing twice is harmless: the result is zeroed */
}

static void test_rules_and_types(bytes page, const char *want)
{
    char err[256];
    winnow_rules *r = winnow_rules_new();
    const char *src = "drop /^Moving forward, Microsoft has urged/ test-drop\n";
    CHECK(winnow_rules_add_source(r, "test.rules", src, strlen(src), err, sizeof err) == 0);
    winnow_options opt;
    init(&opt, r);
    opt.explain = 1;
    winnow_result res;
    CHECK(extract(page.data, page.len, &opt, &res) == WINNOW_OK);
    CHECK(res.text && strstr(res.text, "Moving forward, Microsoft") == NULL);
    CHECK(want && strstr(want, "Moving forward, Microsoft") != NULL);
    int seen = 0;
    for (size_t i = 0; i < res.n_explain; i++)
        if (strcmp(res.explain[i].reason, "rule:test-drop") == 0 ||
            strncmp(res.explain[i].reason, "rule:test-drop ", 15) == 0)
            seen += res.explain[i].decision == WINNOW_DROP;
    CHECK(seen == 1);
    winnow_result_free(&res);
    winnow_rules_free(r);

    /* A forced type is used as given; AUTO sniffs. */
    winnow_options o2;
    winnow_options_init(&o2);
    o2.type = WINNOW_TYPE_TEXT;
    const char *html = "<html><body><p>Hello there, this is a page.</p></body></html>";
    CHECK(extract(html, strlen(html), &o2, &res) == WINNOW_OK);
    CHECK(res.type == WINNOW_TYPE_TEXT);
    winnow_result_free(&res);
    o2.type = WINNOW_TYPE_AUTO;
    CHECK(extract(html, strlen(html), &o2, &res) == WINNOW_OK);
    CHECK(res.type == WINNOW_TYPE_HTML);
    winnow_result_free(&res);
    CHECK(extract(page.data, page.len, &o2, &res) == WINNOW_OK);
    CHECK(res.type == WINNOW_TYPE_TEXT);
    winnow_result_free(&res);
}

static void test_line_endings(const winnow_rules *rules, bytes page, const char *want)
{
    winnow_options opt;
    init(&opt, rules);
    char *s = malloc(page.len * 2 + 3);
    size_t n = 0;
    memcpy(s, "\xef\xbb\xbf", 3); /* and a UTF-8 BOM */
    n = 3;
    for (size_t i = 0; i < page.len; i++) {
        if (page.data[i] == '\n') s[n++] = '\r';
        s[n++] = page.data[i];
    }
    char *got = output_of(s, n, &opt);
    check_same("CRLF + BOM", got, want);
    free(got);
    free(s);
}

typedef struct {
    const winnow_rules *rules;
    bytes page;
    const char *want;
    int ok;
} job;

static void *worker(void *arg)
{
    job *j = arg;
    winnow_options opt;
    winnow_options_init(&opt);
    opt.rules = j->rules;
    j->ok = 1;
    for (int i = 0; i < 20; i++) {
        winnow_result res;
        if (winnow_extract(j->page.data, j->page.len, &opt, &res) != WINNOW_OK ||
            strcmp(res.text, j->want) != 0)
            j->ok = 0;
        winnow_result_free(&res);
    }
    return NULL;
}

/* One compiled rule set shared by threads (the documented contract). */
static void test_threads(bytes page, const char *want)
{
    char err[256];
    winnow_rules *r = winnow_rules_new();
    CHECK(winnow_rules_add_default(r, err, sizeof err) == 0);
    job jobs[4];
    pthread_t th[4];
    for (int i = 0; i < 4; i++) {
        jobs[i] = (job){r, page, want, 0};
        CHECK(pthread_create(&th[i], NULL, worker, &jobs[i]) == 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        CHECK(jobs[i].ok);
    }
    winnow_rules_free(r);
}

int main(void)
{
    winnow_global_init();
    bytes page = seed();
    CHECK(page.data != NULL && page.len > 1000);
    if (!page.data) return check_done();
    char err[256];
    winnow_rules *rules = winnow_rules_new();
    CHECK(winnow_rules_add_default(rules, err, sizeof err) == 0);
    winnow_options opt;
    init(&opt, rules);
    char *want = output_of(page.data, page.len, &opt);
    CHECK(want != NULL && strlen(want) > 1000);

    test_empty(rules);
    test_max_size(rules, page);
    test_binary(rules);
    test_nul_bytes(rules, page, want);
    test_invalid_utf8(rules, page);
    test_utf16(rules, page, want);
    test_title(rules, page);
    test_explain(rules, page, want);
    test_rules_and_types(page, want);
    test_line_endings(rules, page, want);
    test_threads(page, want);

    free(want);
    winnow_rules_free(rules);
    free(page.data);
    return check_done();
}
