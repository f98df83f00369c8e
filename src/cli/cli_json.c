/* cli_json.c -- one JSON record per input for --format=json/jsonl.  Strings are
 * escaped per RFC 8259; valid UTF-8 passes through and any invalid byte (a file name
 * is arbitrary bytes) becomes U+FFFD, so every record is valid UTF-8 and valid JSON. */
#include <string.h>
#include "cli.h"

/* Length of the UTF-8 sequence at s[0..n), or 0 when it is not valid UTF-8. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t len;
    unsigned min;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) len = 2, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF) len = 3, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4) len = 4, min = 0x10000;
    else return 0;
    if (n < len) return 0;
    unsigned cp = c & (0x3F >> (len - 1));
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        cp = cp << 6 | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

static void put_string(FILE *f, const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    fputc('"', f);
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        size_t run = i;
        /* Copy runs of plain bytes in one call: output can be megabytes. */
        while (run < n && s[run] >= 0x20 && s[run] < 0x80 && s[run] != '"' && s[run] != '\\')
            run++;
        if (run > i) {
            fwrite(s + i, 1, run - i, f);
            i = run;
            continue;
        }
        if (c == '"' || c == '\\') fprintf(f, "\\%c", c);
        else if (c == '\n') fputs("\\n", f);
        else if (c == '\t') fputs("\\t", f);
        else if (c == '\r') fputs("\\r", f);
        else if (c == '\b') fputs("\\b", f);
        else if (c == '\f') fputs("\\f", f);
        else if (c < 0x20) fprintf(f, "\\u%04x", c);
        else {
            size_t len = utf8_seq(s + i, n - i);
            if (len) fwrite(s + i, 1, len, f);
            else fputs("\\ufffd", f);
            i += len ? len : 1;
            continue;
        }
        i++;
    }
    fputc('"', f);
}

static void put_opt_string(FILE *f, const char *s)
{
    if (s) put_string(f, s, strlen(s));
    else fputs("null", f);
}

void cli_json_record(FILE *f, const cli_record *r, int pretty)
{
    const winnow_result *res = r->error ? NULL : r->res;
    const char *sep = pretty ? ",\n  " : ",";
    const char *colon = pretty ? ": " : ":";
    fputs(pretty ? "{\n  " : "{", f);
    fprintf(f, "\"path\"%s", colon);
    put_opt_string(f, r->path);
    fprintf(f, "%s\"status\"%s\"%s\"", sep, colon,
            r->error ? "error" : r->truncated ? "truncated" : "ok");
    fprintf(f, "%s\"error\"%s", sep, colon);
    put_opt_string(f, r->error);
    /* A cut-short page still has its text; the warning says what may be missing. */
    fprintf(f, "%s\"warning\"%s", sep, colon);
    put_opt_string(f, r->truncated ? r->truncated : r->warning);
    fprintf(f, "%s\"type\"%s", sep, colon);
    put_opt_string(f, !res ? NULL : res->type == WINNOW_TYPE_HTML ? "html" : "text");
    fprintf(f, "%s\"charset\"%s", sep, colon);
    put_opt_string(f, res ? res->charset : NULL);
    fprintf(f, "%s\"title\"%s", sep, colon);
    put_opt_string(f, res ? res->title : NULL);
    fprintf(f, "%s\"bytes_in\"%s%zu", sep, colon, r->bytes_in);
    fprintf(f, "%s\"bytes_out\"%s%zu", sep, colon, res ? res->len : 0);
    fprintf(f, "%s\"blocks_kept\"%s%zu", sep, colon, res ? res->blocks_kept : 0);
    fprintf(f, "%s\"blocks_dropped\"%s%zu", sep, colon, res ? res->blocks_dropped : 0);
    fprintf(f, "%s\"text\"%s", sep, colon);
    if (res) put_string(f, res->text ? res->text : "", res->len);
    else fputs("null", f);
    fputs(pretty ? "\n}\n" : "}\n", f);
}
