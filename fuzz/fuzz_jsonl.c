/* fuzz_jsonl.c -- libFuzzer target for the strict JSON Lines reader (input/jsonl.c):
 * the input is one line.  A line is either read whole (a page of valid UTF-8 no longer
 * than the line, strings without NUL, a number id that is a JSON number) or refused
 * with a message and no page.  The record written for what was read (render_json.c)
 * must itself be a line the reader accepts as JSON, giving back the same id and url:
 * escaping and unescaping agree. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/core.h"
#include "input/input.h"
#include "winnow/winnow.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void require(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "fuzz_jsonl: contract broken: %s\n", what);
        abort();
    }
}

static void valid_string(const char *s)
{
    if (s) require(wn_utf8_valid_prefix(s, strlen(s)) == strlen(s), "string is valid UTF-8");
}

static int same(const char *a, const char *b) { return (!a && !b) || (a && b && strcmp(a, b) == 0); }

/* The record of in (an error record: it has no result) read back by the reader. */
static void round_trip(const winnow_jsonl_input *in)
{
    winnow_record r = {.path = "p", .error = "e", .id = in->id, .id_is_number = in->id_is_number,
                       .url = in->url, .line = 1};
    size_t n;
    char *json = winnow_record_json(&r, 0, &n);
    require(json != NULL, "record written");
    winnow_jsonl_input back;
    /* The record has "text": null, so it is refused for having no page, not for syntax. */
    require(winnow_jsonl_parse(json, n, &back) == WINNOW_ERR_INPUT, "record re-read");
    require(strstr(back.error, "no \"html\" or \"text\"") != NULL, "record is strict JSON");
    require(same(back.id, in->id) && back.id_is_number == in->id_is_number, "id round trip");
    require(same(back.url, in->url), "url round trip");
    winnow_jsonl_input_free(&back);
    free(json);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    winnow_jsonl_input in;
    winnow_status st = winnow_jsonl_parse((const char *)data, size, &in);
    require(st == WINNOW_OK || st == WINNOW_ERR_INPUT, "status");
    require(memchr(in.error, '\0', sizeof in.error) != NULL, "error is a C string");
    if (st == WINNOW_OK) {
        require(in.content != NULL && in.len <= size, "page no longer than the line");
        require(in.content[in.len] == '\0', "page NUL-terminated");
        require(wn_utf8_valid_prefix(in.content, in.len) == in.len, "page is valid UTF-8");
        require(in.type == WINNOW_TYPE_HTML || in.type == WINNOW_TYPE_TEXT, "type");
        require(in.error[0] == '\0', "no message when read");
    } else {
        require(in.content == NULL && in.len == 0, "no page when refused");
        require(in.error[0] != '\0', "a message when refused");
    }
    valid_string(in.id);
    valid_string(in.url);
    valid_string(in.date);
    if (in.id && in.id_is_number)
        require(wn_json_number_len(in.id, strlen(in.id)) == strlen(in.id), "number id");
    round_trip(&in);
    winnow_jsonl_input_free(&in);
    return 0;
}
