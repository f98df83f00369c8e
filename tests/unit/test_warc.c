/* test_warc.c -- the WARC reader: header fields, chunked and gzip bodies, framing, and
 * above all the broken archives -- each must lose only its broken record. */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>
#include "check.h"
#include "core/core.h"
#include "warc/warc.h"
#include "winnow/winnow.h"

/* ---- building archives ----------------------------------------------------------------- */

static void add_record(buf *b, const char *type, const char *uri, const char *ctype,
                       const char *block, long long cl_delta)
{
    size_t n = strlen(block);
    char h[512];
    snprintf(h, sizeof h,
             "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
             "WARC-Target-URI: <%s>\r\nWARC-Date: 2026-12-06T03:00:00Z\r\n"
             "Content-Type: %s\r\nContent-Length: %lld\r\n\r\n",
             type, uri, uri, ctype, (long long)n + cl_delta);
    wn_buf_puts(b, h);
    wn_buf_append(b, block, n);
    wn_buf_puts(b, "\r\n\r\n");
}

static const char *page(int i)
{
    static char p[4][300];
    snprintf(p[i], sizeof p[i],
             "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
             "<html><body><p>Page %d has a paragraph of text.</p></body></html>", i);
    return p[i];
}

/* gzip of in[0..n) as one member appended to out. */
static void gz_member(buf *out, const char *in, size_t n)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    wn_buf_reserve(out, deflateBound(&z, n) + 64);
    z.next_in = (unsigned char *)(uintptr_t)in;
    z.avail_in = (uInt)n;
    z.next_out = (unsigned char *)out->data + out->len;
    z.avail_out = (uInt)(out->cap - out->len - 1);
    deflate(&z, Z_FINISH);
    out->len = out->cap - 1 - z.avail_out;
    deflateEnd(&z);
}

/* Reads an archive given as bytes through a pipe (so nothing seeks) and writes one
 * letter per record into got: P page, S skipped, E error; the records' URIs (pages)
 * go to uris, one per line. */
static void read_all(const char *data, size_t n, size_t max, char *got, size_t gotlen,
                     char *uris, size_t urilen, unsigned long long *offsets)
{
    int fds[2];
    if (pipe(fds) != 0) return;
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        size_t off = 0;
        while (off < n) {
            ssize_t w = write(fds[1], data + off, n - off);
            if (w <= 0) _exit(1);
            off += (size_t)w;
        }
        _exit(0);
    }
    close(fds[1]);
    winnow_warc_options o;
    winnow_warc_options_init(&o);
    if (max) o.max_size = max;
    char err[200];
    winnow_warc *w = winnow_warc_open_fd(fds[0], "test", &o, err, sizeof err);
    size_t k = 0;
    uris[0] = '\0';
    winnow_warc_record r;
    int rc;
    while ((rc = winnow_warc_next(w, &r, err, sizeof err)) == 1 && k + 1 < gotlen) {
        if (offsets) offsets[k] = r.offset;
        got[k++] = r.kind == WINNOW_WARC_PAGE ? 'P' : r.kind == WINNOW_WARC_SKIPPED ? 'S' : 'E';
        if (r.kind == WINNOW_WARC_PAGE && r.target_uri) {
            strncat(uris, r.target_uri, urilen - strlen(uris) - 1);
            strncat(uris, "\n", urilen - strlen(uris) - 1);
        }
        if (getenv("WARC_TEST_DEBUG"))
            fprintf(stderr, "%c %llu %s\n", got[k - 1], r.offset, r.reason ? r.reason : "");
    }
    got[k] = '\0';
    CHECK(rc == 0);
    winnow_warc_close(w);
    close(fds[0]);
    int st;
    waitpid(pid, &st, 0);
}

/* ---- header fields ---------------------------------------------------------------------- */

static void test_fields(void)
{
    char h[] = "WARC-Type: response\r\nContent-Length:  12 \r\nX-Long: a\r\n  b\r\n\tc\r\n";
    warc_field f[8];
    int n = wn_warc_fields_parse(h, sizeof h - 1, f, 8);
    CHECK(n == 3);
    CHECK_STR(wn_warc_field(f, n, "warc-type"), "response");
    CHECK_STR(wn_warc_field(f, n, "Content-Length"), "12");
    CHECK_STR(wn_warc_field(f, n, "X-Long"), "a b c");
    CHECK(wn_warc_field(f, n, "Missing") == NULL);
    char bad[] = "no colon here\r\n";
    CHECK(wn_warc_fields_parse(bad, sizeof bad - 1, f, 8) == -1);
    char empty_name[] = ": value\r\n";
    CHECK(wn_warc_fields_parse(empty_name, sizeof empty_name - 1, f, 8) == -1);
    char many[] = "a: 1\nb: 2\nc: 3\n";
    CHECK(wn_warc_fields_parse(many, sizeof many - 1, f, 2) == -1); /* over the cap */

    char type[32], cs[16];
    wn_warc_media_type("Text/HTML; Charset=\"ISO-8859-1\"", type, sizeof type, cs, sizeof cs);
    CHECK_STR(type, "text/html");
    CHECK_STR(cs, "ISO-8859-1");
    wn_warc_media_type("text/plain", type, sizeof type, cs, sizeof cs);
    CHECK_STR(cs, "");
    wn_warc_media_type("application/http;msgtype=response", type, sizeof type, cs, sizeof cs);
    CHECK_STR(type, "application/http");
}

/* Parse, then decode: what the reader does with a 2xx response. */
static int http_both(const char *block, size_t n, size_t max, buf *out, warc_http *h, char *err,
                     size_t errlen)
{
    static char copy[4096]; /* the parser cuts the headers in place */
    if (n > sizeof copy) return -2;
    memcpy(copy, block, n);
    if (wn_warc_http_parse(copy, n, h, err, errlen) != 0) return -1;
    return wn_warc_http_decode(h, max, out, err, errlen);
}

/* ---- HTTP bodies ------------------------------------------------------------------------- */

static void test_chunked(void)
{
    buf out;
    wn_buf_init(&out, 0);
    const char ok[] = "5\r\nHello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n";
    CHECK(wn_warc_dechunk(ok, sizeof ok - 1, &out) == 0);
    CHECK(out.len == 12 && memcmp(out.data, "Hello, world", 12) == 0);
    /* A size that runs past the data, a size line that is not hex: malformed. */
    const char over[] = "ff\r\nHello\r\n0\r\n\r\n";
    CHECK(wn_warc_dechunk(over, sizeof over - 1, &out) == 1);
    const char nothex[] = "<html>\r\n";
    CHECK(wn_warc_dechunk(nothex, sizeof nothex - 1, &out) == 1);
    /* Cut before the last chunk: what came is kept. */
    const char cut[] = "5\r\nHello\r\n";
    CHECK(wn_warc_dechunk(cut, sizeof cut - 1, &out) == 0 && out.len == 5);
    /* Data not followed by its CRLF. */
    const char nocrlf[] = "2\r\nHello\r\n0\r\n\r\n";
    CHECK(wn_warc_dechunk(nocrlf, sizeof nocrlf - 1, &out) == 1);
    wn_buf_free(&out);

    /* Through the HTTP parser: malformed chunking falls back to the raw body. */
    char resp[] = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n<p>not chunked</p>";
    warc_http h;
    char err[128];
    buf body;
    wn_buf_init(&body, 0);
    CHECK(http_both(resp, sizeof resp - 1, 1 << 20, &body, &h, err, sizeof err) == 0);
    CHECK(h.status == 200 && h.body_len == 18 && memcmp(h.body, "<p>not chunked</p>", 18) == 0);
    wn_buf_free(&body);
}

static void test_gzip_body(void)
{
    const char html[] = "<html><body><p>compressed page</p></body></html>";
    buf gz;
    wn_buf_init(&gz, 0);
    gz_member(&gz, html, sizeof html - 1);
    buf resp;
    wn_buf_init(&resp, 0);
    wn_buf_puts(&resp, "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Type: text/html\r\n\r\n");
    wn_buf_append(&resp, gz.data, gz.len);
    warc_http h;
    char err[128];
    buf body;
    wn_buf_init(&body, 0);
    CHECK(http_both(resp.data, resp.len, 1 << 20, &body, &h, err, sizeof err) == 0);
    CHECK(h.body_len == sizeof html - 1 && memcmp(h.body, html, h.body_len) == 0);
    CHECK_STR(h.content_type, "text/html");
    /* The cap on the decoded size holds (a gzip bomb is refused, not inflated). */
    CHECK(http_both(resp.data, resp.len, 10, &body, &h, err, sizeof err) == -1);
    CHECK(strstr(err, "limit") != NULL);
    /* Corrupt gzip: an error, not garbage. */
    resp.data[resp.len - 12] ^= 0x55;
    resp.data[resp.len - 20] ^= 0x55;
    CHECK(http_both(resp.data, resp.len, 1 << 20, &body, &h, err, sizeof err) == -1);
    /* br: decoded when built with libbrotlidec, else named as unsupported. */
    const char br_page[] = "<html><body><p>brotli page</p></body></html>";
    const char br[] = "HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n"
                      "\x1b\x2b\x00\xf8\x8d\xd4\x61\xcd\x9d\x07\x72\x1b\x5b\xb7\x35\xc4\x37\x5a"
                      "\x05\x46\x12\xc5\x4b\xd2\x22\x8e\x40\x99\x04\x26\xc0\x80\xfa\x11\xe7\x81"
                      "\x99\xb7\xaf\x0e\x01\xb3\x01";
    int br_rc = http_both(br, sizeof br - 1, 1 << 20, &body, &h, err, sizeof err);
    if (wn_warc_have_brotli()) {
        CHECK(br_rc == 0 && h.body_len == sizeof br_page - 1 &&
              memcmp(h.body, br_page, h.body_len) == 0);
        CHECK(http_both(br, sizeof br - 1, 10, &body, &h, err, sizeof err) == -1); /* the cap */
        CHECK(strstr(err, "limit") != NULL);
        char bad_br[] = "HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n\xff\xff\xff\xff";
        CHECK(http_both(bad_br, sizeof bad_br - 1, 1 << 20, &body, &h, err, sizeof err) == -1);
        CHECK(strstr(err, "corrupt br body") != NULL);
    } else {
        CHECK(br_rc == -1 && strstr(err, "br is not supported") != NULL);
    }
    char unknown[] = "HTTP/1.1 200 OK\r\nContent-Encoding: zstd\r\n\r\nxxxx";
    CHECK(http_both(unknown, sizeof unknown - 1, 1 << 20, &body, &h, err, sizeof err) == -1);
    CHECK(strstr(err, "zstd is not supported") != NULL);
    char nostatus[] = "HTTP/1.1 OK\r\n\r\nx";
    CHECK(http_both(nostatus, sizeof nostatus - 1, 1 << 20, &body, &h, err, sizeof err) == -1);
    wn_buf_free(&body);
    wn_buf_free(&gz);
    wn_buf_free(&resp);
}

/* ---- archives ----------------------------------------------------------------------------- */

static void test_good_archive(void)
{
    buf a;
    wn_buf_init(&a, 0);
    add_record(&a, "warcinfo", "x", "application/warc-fields", "software: test\r\n", 0);
    add_record(&a, "request", "http://h/0", "application/http;msgtype=request", "GET / HTTP/1.1\r\n\r\n", 0);
    add_record(&a, "response", "http://h/0", "application/http;msgtype=response", page(0), 0);
    add_record(&a, "response", "http://h/404", "application/http;msgtype=response",
               "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\ngone", 0);
    add_record(&a, "response", "http://h/img", "application/http;msgtype=response",
               "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG", 0);
    add_record(&a, "resource", "file:///r", "text/plain", "plain text resource", 0);
    add_record(&a, "metadata", "http://h/0", "application/warc-fields", "via: x\r\n", 0);
    char got[64], uris[512];
    read_all(a.data, a.len, 0, got, sizeof got, uris, sizeof uris, NULL);
    CHECK_STR(got, "SSPSSPS");
    CHECK_STR(uris, "http://h/0\nfile:///r\n");

    /* The fields of a page, and the counts. */
    int fds[2];
    CHECK(pipe(fds) == 0);
    CHECK(write(fds[1], a.data, a.len) == (ssize_t)a.len);
    close(fds[1]);
    char err[128];
    winnow_warc *w = winnow_warc_open_fd(fds[0], "p", NULL, err, sizeof err);
    winnow_warc_record r;
    int pages = 0;
    while (winnow_warc_next(w, &r, err, sizeof err) == 1) {
        if (r.kind != WINNOW_WARC_PAGE || pages++) continue;
        CHECK_STR(r.type, "response");
        CHECK_STR(r.record_id, "<urn:uuid:http://h/0>");
        CHECK_STR(r.date, "2026-12-06T03:00:00Z");
        CHECK(r.http_status == 200);
        CHECK_STR(r.content_type, "text/html");
        CHECK_STR(r.charset, "utf-8");
        CHECK(r.payload_len > 6 && memcmp(r.payload, "<html>", 6) == 0);
    }
    winnow_warc_counts c;
    winnow_warc_get_counts(w, &c);
    CHECK(c.records == 7 && c.pages == 2 && c.errors == 0);
    CHECK(c.skipped[WINNOW_WARC_SKIP_HTTP_STATUS] == 1 && c.skipped[WINNOW_WARC_SKIP_CONTENT_TYPE] == 1);
    CHECK(c.skipped[WINNOW_WARC_SKIP_WARCINFO] == 1 && c.skipped[WINNOW_WARC_SKIP_REQUEST] == 1);
    CHECK_STR(winnow_warc_skip_name(WINNOW_WARC_SKIP_HTTP_STATUS), "http-status");
    winnow_warc_close(w);
    close(fds[0]);
    CHECK(winnow_warc_sniff(a.data, a.len) == 1);
    wn_buf_free(&a);
}

/* Three pages with a broken record (made by `breaker`) in the middle: the pages around
 * it survive.  want: the letters expected. */
static void broken_case(const char *name, void (*breaker)(buf *), const char *want)
{
    buf a;
    wn_buf_init(&a, 0);
    add_record(&a, "response", "http://h/1", "application/http;msgtype=response", page(1), 0);
    breaker(&a);
    add_record(&a, "response", "http://h/3", "application/http;msgtype=response", page(3), 0);
    char got[64], uris[512];
    read_all(a.data, a.len, 0, got, sizeof got, uris, sizeof uris, NULL);
    if (strcmp(got, want) != 0) fprintf(stderr, "case %s:\n", name);
    CHECK_STR(got, want);
    CHECK(strstr(uris, "http://h/1\n") && strstr(uris, "http://h/3\n"));
    wn_buf_free(&a);
}

static void cl_short(buf *a) { add_record(a, "response", "http://h/2", "application/http", page(2), -10); }
static void cl_long(buf *a) { add_record(a, "response", "http://h/2", "application/http", page(2), 40); }
static void cl_huge(buf *a) { add_record(a, "response", "http://h/2", "application/http", page(2), 100000); }
static void garbage(buf *a) { wn_buf_puts(a, "this is junk\r\nand more junk WARC/1.0 not at a line start\r\n"); }
static void no_headers(buf *a) { wn_buf_puts(a, "WARC/1.0\r\n\r\n"); }
static void bad_version(buf *a) { wn_buf_puts(a, "WARC/0.17\r\nContent-Length: 0\r\n\r\n\r\n\r\n"); }
static void bad_cl(buf *a) { wn_buf_puts(a, "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 12x\r\n\r\nabc\r\n\r\n"); }
static void bad_line(buf *a) { wn_buf_puts(a, "WARC/1.0\r\nthis line has no colon\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n"); }
static void bad_http(buf *a) { add_record(a, "response", "http://h/2", "application/http", "no status line\r\n\r\nbody", 0); }

static void test_broken_archives(void)
{
    broken_case("Content-Length too short", cl_short, "PEP");
    broken_case("Content-Length too long", cl_long, "PEP");
    broken_case("Content-Length past the end", cl_huge, "PEP");
    broken_case("garbage between records", garbage, "PEP");
    broken_case("record without headers", no_headers, "PEP");
    broken_case("unsupported version", bad_version, "PEP");
    broken_case("bad Content-Length", bad_cl, "PEP");
    broken_case("header line without colon", bad_line, "PEP");
    broken_case("response without HTTP status", bad_http, "PEP");

    /* Cut in the middle of the last record. */
    buf a;
    wn_buf_init(&a, 0);
    add_record(&a, "response", "http://h/1", "application/http", page(1), 0);
    add_record(&a, "response", "http://h/2", "application/http", page(2), 0);
    char got[64], uris[512];
    read_all(a.data, a.len - 30, 0, got, sizeof got, uris, sizeof uris, NULL);
    CHECK_STR(got, "PE");
    /* A header cut short, and an empty archive. */
    read_all(a.data, 20, 0, got, sizeof got, uris, sizeof uris, NULL);
    CHECK_STR(got, "E");
    read_all("", 0, 0, got, sizeof got, uris, sizeof uris, NULL);
    CHECK_STR(got, "");
    /* An ARC file is refused by name, once. */
    const char arc[] = "filedesc://x.arc 0.0.0.0 20260101000000 text/plain 76\n1 0 test\n";
    read_all(arc, sizeof arc - 1, 0, got, sizeof got, uris, sizeof uris, NULL);
    CHECK_STR(got, "E");
    CHECK(winnow_warc_sniff(arc, sizeof arc - 1) == 2);
    CHECK(winnow_warc_sniff("<html>", 6) == 0);
    /* A record over max_size is skipped (streamed past) and the next one still read. */
    read_all(a.data, a.len, 100, got, sizeof got, uris, sizeof uris, NULL);
    CHECK_STR(got, "EE");
    wn_buf_free(&a);
}

static void test_gzip_archives(void)
{
    buf plain, per, whole;
    wn_buf_init(&plain, 0);
    wn_buf_init(&per, 0);
    wn_buf_init(&whole, 0);
    size_t starts[3];
    for (int i = 0; i < 3; i++) {
        buf one;
        wn_buf_init(&one, 0);
        add_record(&one, "response", i == 0 ? "http://h/0" : i == 1 ? "http://h/1" : "http://h/2",
                   "application/http", page(i), 0);
        starts[i] = per.len;
        gz_member(&per, one.data, one.len);
        wn_buf_append(&plain, one.data, one.len);
        wn_buf_free(&one);
    }
    gz_member(&whole, plain.data, plain.len);
    char got[64], uris[512];
    unsigned long long offs[8];
    read_all(per.data, per.len, 0, got, sizeof got, uris, sizeof uris, offs);
    CHECK_STR(got, "PPP");
    /* Per-record gzip: each record's offset is its member's. */
    CHECK(offs[0] == starts[0] && offs[1] == starts[1] && offs[2] == starts[2]);
    CHECK(winnow_warc_sniff(per.data, per.len) == 1);
    read_all(whole.data, whole.len, 0, got, sizeof got, uris, sizeof uris, NULL);
    CHECK_STR(got, "PPP");
    /* A corrupt middle member costs that record only. */
    buf bad;
    wn_buf_init(&bad, 0);
    wn_buf_append(&bad, per.data, per.len);
    for (size_t k = starts[1] + 20; k < starts[1] + 40; k++) bad.data[k] ^= 0x5a;
    read_all(bad.data, bad.len, 0, got, sizeof got, uris, sizeof uris, NULL);
    CHECK_STR(got, "PEP");
    CHECK_STR(uris, "http://h/0\nhttp://h/2\n");
    /* Junk between members, and a file cut inside its last member. */
    bad.len = 0;
    wn_buf_append(&bad, per.data, starts[1]);
    wn_buf_puts(&bad, "junk between members");
    wn_buf_append(&bad, per.data + starts[1], per.len - starts[1]);
    read_all(bad.data, bad.len, 0, got, sizeof got, uris, sizeof uris, NULL);
    CHECK_STR(got, "PEPP");
    read_all(per.data, per.len - 60, 0, got, sizeof got, uris, sizeof uris, NULL);
    CHECK(got[0] == 'P' && got[1] == 'P' && got[2] == 'E' && got[3] == '\0');
    wn_buf_free(&bad);
    wn_buf_free(&plain);
    wn_buf_free(&per);
    wn_buf_free(&whole);
}

static void test_charset_hint(void)
{
    /* windows-1252 bytes with an HTTP label: the hint decides over the <meta>. */
    const char html[] = "<html><head><meta charset=\"koi8-r\"></head><body><p>caf\xe9 cr\xe8me and "
                        "more words to make a paragraph of text</p></body></html>";
    winnow_options o;
    winnow_options_init(&o);
    o.charset_hint = "windows-1252";
    winnow_result r;
    CHECK(winnow_extract(html, sizeof html - 1, &o, &r) == WINNOW_OK);
    CHECK_STR(r.charset, "windows-1252");
    CHECK(strstr(r.text, "caf\xc3\xa9") != NULL);
    winnow_result_free(&r);
    /* A label the standard does not know counts as none: the <meta> speaks. */
    o.charset_hint = "no-such-charset";
    CHECK(winnow_extract(html, sizeof html - 1, &o, &r) == WINNOW_OK);
    CHECK_STR(r.charset, "koi8-r");
    winnow_result_free(&r);
}

int main(void)
{
    test_fields();
    test_chunked();
    test_gzip_body();
    test_good_archive();
    test_broken_archives();
    test_gzip_archives();
    test_charset_hint();
    return check_done();
}
