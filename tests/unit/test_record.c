/* test_record.c -- winnow_record_json(), the one JSON schema of the library and the
 * CLI's json/jsonl: field order and values for ok, truncated and failed inputs,
 * compact (one line) and pretty forms, and escaping (controls, quotes, invalid UTF-8
 * in a path become \ufffd). */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "winnow/winnow.h"

static char *record(const char *path, const winnow_result *res, const char *error,
                    size_t bytes_in, int flags)
{
    winnow_record r = {.path = path, .result = res, .error = error, .bytes_in = bytes_in};
    size_t len = 0;
    char *s = winnow_record_json(&r, flags, &len);
    CHECK(s != NULL && strlen(s) == len);
    return s;
}

static void test_ok_record(void)
{
    const char *page = "<html><head><title>A \"quoted\" title</title></head><body>"
                       "<p>First paragraph of the article, long enough to count as prose "
                       "for the extractor.\tTabbed.</p></body></html>";
    winnow_options opt;
    winnow_options_init(&opt);
    winnow_result res;
    CHECK(winnow_extract(page, strlen(page), &opt, &res) == WINNOW_OK);
    CHECK(res.status == WINNOW_OK);
    char *s = record("dir/p\"age.html", &res, NULL, strlen(page), 0);
    char want[1024];
    snprintf(want, sizeof want,
             "{\"path\":\"dir/p\\\"age.html\",\"id\":null,\"url\":null,\"line\":null,\"warc_date\":null,"
             "\"http_status\":null,\"content_type\":null,\"http_charset\":null,\"file\":null,"
             "\"offset\":null,\"status\":\"ok\",\"error\":null,"
             "\"warning\":null,\"type\":\"html\",\"charset\":\"utf-8\","
             "\"title\":\"A \\\"quoted\\\" title\",\"page_type\":\"article\",\"author\":null,\"date\":null,\"date_modified\":null,\"site_name\":null,\"canonical_url\":null,\"language\":null,\"description\":null,\"image\":null,\"hostname\":null,\"tags\":null,\"categories\":null,\"license\":null,"
             "\"bytes_in\":%zu,\"bytes_out\":%zu,"
             "\"blocks_kept\":%zu,\"blocks_dropped\":%zu,\"text\":\"A \\\"quoted\\\" title\\n\\n"
             "First paragraph of the article, long enough to count as prose for the "
             "extractor. Tabbed.\\n\",\"comments\":null,\"images\":null}\n",
             strlen(page), res.len, res.blocks_kept, res.blocks_dropped);
    CHECK_STR(s, want);
    CHECK(strchr(s, '\n') == s + strlen(s) - 1); /* JSON Lines: one line */
    free(s);
    /* Pretty: the same fields, one per line, two-space indent. */
    s = record(NULL, &res, NULL, 5, WINNOW_JSON_PRETTY);
    const char *head = "{\n  \"path\": null,\n  \"id\": null,\n  \"url\": null,\n  \"line\": null,\n";
    CHECK(s && strncmp(s, head, strlen(head)) == 0);
    CHECK(s && strstr(s, "\n  \"offset\": null,\n  \"status\": \"ok\",\n") != NULL);
    CHECK(s && strstr(s, "\n  \"bytes_in\": 5,\n") != NULL);
    const char *tail = "\n  \"comments\": null,\n  \"images\": null\n}\n";
    CHECK(s && strlen(s) > strlen(tail) && strcmp(s + strlen(s) - strlen(tail), tail) == 0);
    free(s);
    winnow_result_free(&res);
}

static void test_error_record(void)
{
    /* A failed input: status error, the message, null text and metadata. */
    char *s = record("bad\xff\x01.html", NULL, "binary input", 12, 0);
    CHECK_STR(s, "{\"path\":\"bad\\ufffd\\u0001.html\",\"id\":null,\"url\":null,\"line\":null,\"warc_date\":null,"
                 "\"http_status\":null,\"content_type\":null,\"http_charset\":null,\"file\":null,"
                 "\"offset\":null,\"status\":\"error\","
                 "\"error\":\"binary input\",\"warning\":null,\"type\":null,\"charset\":null,"
                 "\"title\":null,\"page_type\":null,\"author\":null,\"date\":null,\"date_modified\":null,\"site_name\":null,\"canonical_url\":null,\"language\":null,\"description\":null,\"image\":null,\"hostname\":null,\"tags\":null,\"categories\":null,\"license\":null,"
                 "\"bytes_in\":12,\"bytes_out\":0,\"blocks_kept\":0,"
                 "\"blocks_dropped\":0,\"text\":null,\"comments\":null,\"images\":null}\n");
    free(s);
    /* An error wins over a result handed in with it. */
    winnow_result res;
    winnow_extract("<p>x</p>", 8, NULL, &res);
    s = record("x", &res, "write error", 8, 0);
    CHECK(s && strstr(s, "\"status\":\"error\"") && strstr(s, "\"text\":null"));
    free(s);
    winnow_result_free(&res);
}

static void test_warc_record(void)
{
    /* A page from a WARC record: the record's id and URL, and what the archive says,
     * apart from the page's own canonical URL and decoded charset. */
    winnow_result res;
    const char *page = "<html><head><link rel=canonical href=\"http://c/\"></head><body><p>"
                       "Some words of an archived page, enough to be kept as text.</p></body></html>";
    winnow_extract(page, strlen(page), NULL, &res);
    winnow_warc_origin w = {"2026-12-06T03:00:00Z", 200, "text/html", "iso-8859-1", "a.warc.gz", 1234};
    winnow_record r = {.path = "a.warc.gz", .result = &res, .bytes_in = strlen(page),
                       .id = "<urn:uuid:1>", .url = "http://h/\"q", .warc = &w};
    char *s = winnow_record_json(&r, 0, NULL);
    CHECK(s && strstr(s, "{\"path\":\"a.warc.gz\",\"id\":\"<urn:uuid:1>\",\"url\":\"http://h/\\\"q\",\"line\":null,"
                         "\"warc_date\":\"2026-12-06T03:00:00Z\",\"http_status\":200,"
                         "\"content_type\":\"text/html\",\"http_charset\":\"iso-8859-1\","
                         "\"file\":\"a.warc.gz\",\"offset\":1234,\"status\":\"ok\"") == s);
    CHECK(s && strstr(s, "\"charset\":\"utf-8\"") != NULL);             /* as decoded */
    CHECK(s && strstr(s, "\"canonical_url\":\"http://c/\"") != NULL); /* as declared */
    free(s);
    /* A skipped record: status skipped, the reason, no text; absent fields are null. */
    winnow_warc_origin bare = {NULL, 0, NULL, NULL, "a.warc", 0};
    winnow_record k = {.path = "a.warc", .result = &res, .warc = &bare, .skipped = "HTTP status 404"};
    s = winnow_record_json(&k, 0, NULL);
    CHECK(s && strstr(s, "\"id\":null,\"url\":null,\"line\":null,\"warc_date\":null,\"http_status\":null,"
                         "\"content_type\":null,\"http_charset\":null,\"file\":\"a.warc\","
                         "\"offset\":0,\"status\":\"skipped\",\"error\":\"HTTP status 404\""));
    CHECK(s && strstr(s, "\"text\":null,\"comments\":null,\"images\":null}") != NULL);
    free(s);
    winnow_result_free(&res);
}

static void test_warc_conversion(void)
{
    /* The text as a conversion record referring to its source; the same input gives the
     * same record, another text another id. */
    winnow_result res;
    const char *page = "<html><body><p>Some words of an archived page, enough to be kept "
                       "as text.</p></body></html>";
    winnow_extract(page, strlen(page), NULL, &res);
    winnow_record r = {.path = "a.warc.gz", .result = &res, .id = "<urn:uuid:src-1>",
                       .url = "http://h/a b\r\nX-Injected: 1"};
    size_t n = 0;
    char *s = winnow_record_warc(&r, "2026-12-06T04:00:00Z", &n);
    CHECK(s && strlen(s) == n);
    const char head[] = "WARC/1.1\r\nWARC-Type: conversion\r\nWARC-Record-ID: <urn:uuid:";
    CHECK(s && strncmp(s, head, sizeof head - 1) == 0);
    CHECK(s && strstr(s, "\r\nWARC-Date: 2026-12-06T04:00:00Z\r\n") != NULL);
    /* A header value stays on its line: CR, LF and spaces of the URI are encoded. */
    CHECK(s && strstr(s, "\r\nWARC-Target-URI: http://h/a%20b%0D%0AX-Injected:%201\r\n") != NULL);
    CHECK(s && strstr(s, "\r\nWARC-Refers-To: <urn:uuid:src-1>\r\n") != NULL);
    CHECK(s && strstr(s, "\r\nContent-Type: text/plain; charset=utf-8\r\n") != NULL);
    char want[64];
    snprintf(want, sizeof want, "\r\nContent-Length: %zu\r\n\r\n", res.len);
    const char *body = s ? strstr(s, want) : NULL;
    CHECK(body && memcmp(body + strlen(want), res.text, res.len) == 0);
    CHECK(body && strcmp(body + strlen(want) + res.len, "\r\n\r\n") == 0);
    char *again = winnow_record_warc(&r, "2026-12-06T04:00:00Z", NULL);
    CHECK(s && again && strcmp(s, again) == 0);
    free(again);
    /* Another source: another record id; an id that is no record id is not referred to. */
    winnow_record other = {.path = "b.html", .result = &res, .id = "line-7"};
    again = winnow_record_warc(&other, NULL, NULL);
    CHECK(again && strncmp(s, again, 88) != 0);
    CHECK(again && strstr(again, "WARC-Refers-To") == NULL);
    CHECK(again && strstr(again, "\r\nWARC-Target-URI: b.html\r\n") != NULL);
    free(again);
    free(s);
    /* No result, or a failed or skipped input: no record. */
    winnow_record failed = {.path = "c", .result = &res, .error = "binary"};
    CHECK(winnow_record_warc(&failed, NULL, NULL) == NULL);
    winnow_record none = {.path = "c"};
    CHECK(winnow_record_warc(&none, NULL, NULL) == NULL);
    winnow_result_free(&res);
}

static void test_truncated_record(void)
{
    /* A page past the element limit keeps its text and says so. */
    size_t n = 2300000, len = 0;
    const char *head = "<html><body>", *tail = "<p>THE END paragraph of the article.</p></body></html>";
    char *page = malloc(strlen(head) + n * 7 + strlen(tail) + 1);
    if (!page) return;
    len += (size_t)sprintf(page, "%s", head);
    for (size_t i = 0; i < n; i++) memcpy(page + len + i * 7, "<i></i>", 7);
    len += n * 7;
    len += (size_t)sprintf(page + len, "%s", tail);
    winnow_result res;
    CHECK(winnow_extract(page, len, NULL, &res) == WINNOW_ERR_TRUNCATED);
    CHECK(res.status == WINNOW_ERR_TRUNCATED);
    char *s = record("big.html", &res, NULL, len, 0);
    CHECK(s && strstr(s, "\"status\":\"truncated\",\"error\":null,\"warning\":\"page cut short"));
    CHECK(s && strstr(s, "THE END paragraph"));
    free(s);
    winnow_result_free(&res);
    free(page);
}

static void test_comments_record(void)
{
    /* Comments asked for: an array of {author, date, text}, absent parts null, strings
     * escaped; asked for and none found: an empty array. */
    winnow_result res;
    const char *page = "<p>A paragraph of an article, long enough to be kept as its text.</p>";
    winnow_extract(page, strlen(page), NULL, &res);
    winnow_comment list[2] = {{"ann", "May 3, 2012", "Hi \"there\"\n\nand more"},
                              {NULL, NULL, "anonymous"}};
    res.comments = list;
    res.n_comments = 2;
    winnow_record r = {.path = "p.html", .result = &res, .bytes_in = strlen(page)};
    char *s = winnow_record_json(&r, 0, NULL);
    CHECK(s && strstr(s, ",\"comments\":[{\"author\":\"ann\",\"date\":\"May 3, 2012\","
                         "\"text\":\"Hi \\\"there\\\"\\n\\nand more\"},{\"author\":null,"
                         "\"date\":null,\"text\":\"anonymous\"}],") != NULL);
    free(s);
    res.n_comments = 0;
    s = winnow_record_json(&r, 0, NULL);
    CHECK(s && strstr(s, ",\"comments\":[],\"images\":null}\n") != NULL);
    free(s);
    res.comments = NULL;
    /* Images asked for: an array of {url, alt}, a missing alt null; none: empty. */
    winnow_image pics[2] = {{"https://a.test/x.jpg", "A \"view\""}, {"https://a.test/y.png", NULL}};
    res.images = pics;
    res.n_images = 2;
    s = winnow_record_json(&r, 0, NULL);
    CHECK(s && strstr(s, ",\"images\":[{\"url\":\"https://a.test/x.jpg\",\"alt\":\"A \\\"view\\\"\"},"
                         "{\"url\":\"https://a.test/y.png\",\"alt\":null}]}\n") != NULL);
    free(s);
    res.n_images = 0;
    s = winnow_record_json(&r, 0, NULL);
    CHECK(s && strstr(s, ",\"images\":[]}\n") != NULL);
    free(s);
    res.images = NULL;
    winnow_result_free(&res);
}

int main(void)
{
    test_ok_record();
    test_error_record();
    test_warc_record();
    test_warc_conversion();
    test_truncated_record();
    test_comments_record();
    return check_done();
}
