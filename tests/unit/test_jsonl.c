/* test_jsonl.c -- winnow_jsonl_parse(), the strict reader of one JSON Lines line:
 * members and their types, escapes to UTF-8 (surrogate pairs joined, lone ones
 * replaced), invalid UTF-8 and raw controls refused, last repeated key wins, null as
 * absent, the depth limit, strict numbers, and what an error keeps (the id). */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "winnow/winnow.h"

static winnow_status parse(const char *line, winnow_jsonl_input *in)
{
    return winnow_jsonl_parse(line, strlen(line), in);
}

/* The line is refused and the message mentions want. */
static void refused(const char *line, const char *want)
{
    winnow_jsonl_input in;
    winnow_status st = parse(line, &in);
    CHECK(st == WINNOW_ERR_INPUT);
    CHECK(in.content == NULL);
    if (!strstr(in.error, want)) {
        fprintf(stderr, "line %s: error \"%s\" lacks \"%s\"\n", line, in.error, want);
        CHECK(0);
    }
    winnow_jsonl_input_free(&in);
}

static void test_members(void)
{
    winnow_jsonl_input in;
    CHECK(parse("{\"id\": \"a-1\", \"url\": \"https://x.test/p\", \"date\": \"2025-01-02\", "
                "\"html\": \"<p>Hi</p>\", \"other\": [1, {\"x\": null}, true]}", &in) == WINNOW_OK);
    CHECK_STR(in.content, "<p>Hi</p>");
    CHECK(in.len == 9 && in.type == WINNOW_TYPE_HTML);
    CHECK_STR(in.id, "a-1");
    CHECK(in.id_is_number == 0);
    CHECK_STR(in.url, "https://x.test/p");
    CHECK_STR(in.date, "2025-01-02");
    winnow_jsonl_input_free(&in);
    CHECK(in.content == NULL && in.id == NULL);

    /* A number id keeps its JSON text; text content; trailing CR and blanks are JSON
     * whitespace. */
    CHECK(parse(" {\"text\":\"Plain\",\"id\":-12.50e+3} \r", &in) == WINNOW_OK);
    CHECK(in.type == WINNOW_TYPE_TEXT);
    CHECK_STR(in.id, "-12.50e+3");
    CHECK(in.id_is_number == 1);
    CHECK(in.url == NULL && in.date == NULL);
    winnow_jsonl_input_free(&in);

    /* null is absent; the last repeated key wins, also from a number to a string. */
    CHECK(parse("{\"id\":7,\"id\":\"seven\",\"url\":\"u\",\"url\":null,\"html\":null,"
                "\"html\":\"one\",\"html\":\"two\"}", &in) == WINNOW_OK);
    CHECK_STR(in.id, "seven");
    CHECK(in.id_is_number == 0 && in.url == NULL);
    CHECK_STR(in.content, "two");
    winnow_jsonl_input_free(&in);

    /* A null after a number id leaves no id, and no number flag. */
    CHECK(parse("{\"id\":7,\"id\":null,\"text\":\"x\"}", &in) == WINNOW_OK);
    CHECK(in.id == NULL && in.id_is_number == 0);
    winnow_jsonl_input_free(&in);

    /* An escaped member name is the same name. */
    CHECK(parse("{\"\\u0068tml\":\"x\"}", &in) == WINNOW_OK);
    CHECK_STR(in.content, "x");
    winnow_jsonl_input_free(&in);

    /* An empty page is a page (the extraction decides what it is worth). */
    CHECK(parse("{\"text\":\"\"}", &in) == WINNOW_OK);
    CHECK(in.content && in.len == 0);
    winnow_jsonl_input_free(&in);
}

static void test_escapes(void)
{
    winnow_jsonl_input in;
    CHECK(parse("{\"text\":\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9 \\u20AC "
                "\\ud83d\\ude00 lone \\ud800 x \\udc00 end\"}", &in) == WINNOW_OK);
    CHECK_STR(in.content, "q\" b\\ s/ \b\f\n\r\t \xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 "
                          "lone \xef\xbf\xbd x \xef\xbf\xbd end");
    winnow_jsonl_input_free(&in);
    /* Raw UTF-8 passes; U+0000 may be in a page (the library drops controls). */
    CHECK(parse("{\"text\":\"caf\xc3\xa9 \\u0000 \xf0\x9f\x98\x80\"}", &in) == WINNOW_OK);
    CHECK(in.len == 12 && memcmp(in.content, "caf\xc3\xa9 \0 \xf0\x9f\x98\x80", 12) == 0);
    winnow_jsonl_input_free(&in);

    refused("{\"text\":\"caf\xe9\"}", "column 13: invalid UTF-8");
    refused("{\"text\":\"over\xc0\xaflong\"}", "invalid UTF-8");
    refused("{\"text\":\"surrogate \xed\xa0\x80\"}", "invalid UTF-8");
    refused("{\"text\":\"tab\there\"}", "control character");
    refused("{\"text\":\"\\x41\"}", "invalid escape");
    refused("{\"text\":\"\\u12\"}", "four hex digits");
    refused("{\"text\":\"open", "unterminated string");
    refused("{\"text\":\"ends in a backslash\\", "unterminated string");
    refused("{\"html\":\"x\",\"id\":\"a\\u0000b\"}", "\"id\" contains U+0000");
}

static void test_structure(void)
{
    refused("", "empty line");
    refused("  \r", "empty line");
    refused("[1,2]", "not a JSON object");
    refused("\"html\"", "not a JSON object");
    refused("{\"html\":\"x\"} {}", "text after the object");
    refused("{\"html\":\"x\",}", "member name");
    refused("{\"html\" \"x\"}", "':' expected");
    refused("{\"html\":\"x\"", "',' or '}' expected");
    refused("{'html':'x'}", "member name");
    refused("{\"a\":[1 2],\"html\":\"x\"}", "',' or ']' expected");
    refused("{\"a\":tru,\"html\":\"x\"}", "invalid value");
    refused("{\"a\":NaN,\"html\":\"x\"}", "invalid value");
    refused("{\"id\":01,\"html\":\"x\"}", "',' or '}' expected");
    refused("{\"id\":1.,\"html\":\"x\"}", "invalid number");
    refused("{\"id\":-,\"html\":\"x\"}", "invalid number");
    refused("{\"id\":1e,\"html\":\"x\"}", "invalid number");
    refused("{\"id\":+1,\"html\":\"x\"}", "\"id\" must be a string or a number");
    refused("{}", "no \"html\" or \"text\"");
    refused("{\"html\":5}", "\"html\" must be a string");
    refused("{\"text\":[\"x\"]}", "\"text\" must be a string");
    refused("{\"html\":\"x\",\"url\":1}", "\"url\" must be a string");
    refused("{\"html\":\"x\",\"date\":{}}", "\"date\" must be a string");
    refused("{\"id\":true,\"html\":\"x\"}", "\"id\" must be a string or a number");
    refused("{\"html\":\"x\",\"text\":\"y\"}", "both \"html\" and \"text\"");

    /* Depth: 63 levels below the line's object are read, 64 are refused. */
    char deep[400];
    for (int levels = 63; levels <= 64; levels++) {
        size_t n = (size_t)sprintf(deep, "{\"html\":\"x\",\"a\":");
        for (int k = 0; k < levels; k++) deep[n++] = '[';
        for (int k = 0; k < levels; k++) deep[n++] = ']';
        deep[n++] = '}';
        deep[n] = '\0';
        winnow_jsonl_input in;
        CHECK(parse(deep, &in) == (levels == 63 ? WINNOW_OK : WINNOW_ERR_INPUT));
        if (levels == 64) CHECK(strstr(in.error, "nested too deeply") != NULL);
        winnow_jsonl_input_free(&in);
    }
}

static void test_error_keeps_id(void)
{
    /* A line that fails after its id still names it; the page is never half-kept. */
    winnow_jsonl_input in;
    CHECK(parse("{\"id\":42,\"url\":\"https://x.test/\",\"html\":7}", &in) == WINNOW_ERR_INPUT);
    CHECK_STR(in.id, "42");
    CHECK(in.id_is_number == 1);
    CHECK_STR(in.url, "https://x.test/");
    CHECK(in.content == NULL && in.len == 0);
    winnow_jsonl_input_free(&in);
    CHECK(parse("{\"html\":\"kept?\",\"id\":\"k\",\"x\":", &in) == WINNOW_ERR_INPUT);
    CHECK_STR(in.id, "k");
    CHECK(in.content == NULL);
    winnow_jsonl_input_free(&in);
    /* Not a NUL-terminated line: the length decides. */
    CHECK(winnow_jsonl_parse("{\"html\":\"ab\"}XYZ", 13, &in) == WINNOW_OK);
    CHECK_STR(in.content, "ab");
    winnow_jsonl_input_free(&in);
    CHECK(winnow_jsonl_parse(NULL, 0, &in) == WINNOW_ERR_INPUT);
    winnow_jsonl_input_free(&in);
}

/* The record of a JSON Lines input carries its id (a number unquoted), url and line. */
static void test_record_fields(void)
{
    winnow_record r = {.path = "-", .error = "bad line", .id = "12", .id_is_number = 1,
                       .url = "https://x.test/a", .line = 3};
    char *s = winnow_record_json(&r, 0, NULL);
    const char *want = "{\"path\":\"-\",\"id\":12,\"url\":\"https://x.test/a\",\"line\":3,"
                       "\"warc_date\":null,\"http_status\":null,\"content_type\":null,"
                       "\"http_charset\":null,\"file\":null,\"offset\":null,"
                       "\"status\":\"error\",\"error\":\"bad line\",";
    CHECK(s && strncmp(s, want, strlen(want)) == 0);
    free(s);
    /* A number id that is not a JSON number is written as a string, never raw. */
    r.id = "1e";
    s = winnow_record_json(&r, 0, NULL);
    CHECK(s && strstr(s, "\"id\":\"1e\","));
    free(s);
    r.id = "x\"y";
    r.id_is_number = 0;
    s = winnow_record_json(&r, 0, NULL);
    CHECK(s && strstr(s, "\"id\":\"x\\\"y\","));
    free(s);
}

int main(void)
{
    test_members();
    test_escapes();
    test_structure();
    test_error_keeps_id();
    test_record_fields();
    return check_done();
}
