/* jsonl.c -- one line of a JSON Lines stream read as one page: a strict RFC 8259
 * reader (unlike meta/jsonld.c, which keeps what it can of a page's broken JSON-LD: a
 * stream's lines come from programs, and a line we half-understood would become a
 * record with the wrong text).
 *
 * The line is one object; "html" or "text" (a string) is the page, "id" (a string or
 * a number), "url" and "date" (strings) are optional, null counts as absent, other
 * members are checked and skipped.  Choices the RFC leaves open:
 * - a byte sequence that is not UTF-8 is an error, not replaced: a stream in another
 *   charset must fail loudly instead of turning into mojibake;
 * - a lone surrogate escape ("\ud800", which some encoders emit) becomes U+FFFD;
 * - a repeated key: the last one wins, as in JavaScript's and Python's parsers;
 * - nesting deeper than JSONL_MAX_DEPTH in a skipped member is an error.
 * Every byte is read once; the decoded strings are never longer than the line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/core.h"
#include "winnow/winnow.h"

#define JSONL_MAX_DEPTH 64

typedef struct {
    const char *s;
    size_t len, i;
    winnow_jsonl_input *in;
    int nomem;
} reader;

/* Fails with "column N: why" (1-based byte column); returns -1 for the caller. */
static int bad(reader *r, const char *why)
{
    snprintf(r->in->error, sizeof r->in->error, "column %zu: %s", r->i + 1, why);
    return -1;
}

static void skip_ws(reader *r)
{
    while (r->i < r->len &&
           (r->s[r->i] == ' ' || r->s[r->i] == '\t' || r->s[r->i] == '\n' || r->s[r->i] == '\r'))
        r->i++;
}

static int at(reader *r) { return r->i < r->len ? (unsigned char)r->s[r->i] : -1; }

/* One escape after the backslash at r->i; decoded into out when out is not NULL. */
static int read_escape(reader *r, buf *out)
{
    if (r->i + 1 >= r->len) return bad(r, "unterminated string");
    char e = r->s[r->i + 1], c;
    switch (e) {
    case '"': case '\\': case '/': c = e; break;
    case 'b': c = '\b'; break;
    case 'f': c = '\f'; break;
    case 'n': c = '\n'; break;
    case 'r': c = '\r'; break;
    case 't': c = '\t'; break;
    case 'u': {
        size_t used;
        long cp = wn_json_u_escape(r->s + r->i + 2, r->len - r->i - 2, &used);
        if (cp < 0) return bad(r, "\\u needs four hex digits");
        r->i += 2 + used;
        return out ? wn_utf8_put(out, (unsigned long)cp) : 0;
    }
    default: return bad(r, "invalid escape in a string");
    }
    r->i += 2;
    return out ? wn_buf_putc(out, c) : 0;
}

/* The string at r->i (a '"'), decoded into out (reset first) unless out is NULL. */
static int read_string(reader *r, buf *out)
{
    if (out) out->len = 0;
    r->i++;
    const unsigned char *s = (const unsigned char *)r->s;
    for (;;) {
        size_t run = r->i;
        /* Plain ASCII first: pages are long and mostly that. */
        while (run < r->len && s[run] >= 0x20 && s[run] < 0x80 && s[run] != '"' && s[run] != '\\')
            run++;
        while (run < r->len && s[run] >= 0x80) {
            size_t n = wn_utf8_seq(s + run, r->len - run);
            if (!n) {
                r->i = run;
                return bad(r, "invalid UTF-8 in a string");
            }
            run += n;
        }
        if (run > r->i && out && wn_buf_append(out, r->s + r->i, run - r->i) != 0) return -1;
        r->i = run;
        if (r->i >= r->len) return bad(r, "unterminated string");
        unsigned char c = s[r->i];
        if (c == '"') {
            r->i++;
            return 0;
        }
        if (c == '\\') {
            if (read_escape(r, out) != 0) return -1;
        } else if (c < 0x20) {
            return bad(r, "control character in a string (must be escaped)");
        }
    }
}

static int read_number(reader *r)
{
    size_t n = wn_json_number_len(r->s + r->i, r->len - r->i);
    if (!n) return bad(r, "invalid number");
    r->i += n;
    return 0;
}

static int read_word(reader *r, const char *w)
{
    size_t n = strlen(w);
    if (r->len - r->i < n || memcmp(r->s + r->i, w, n) != 0) return bad(r, "invalid value");
    r->i += n;
    return 0;
}

static int skip_value(reader *r, int depth);

/* The members or items after the '{' or '[' at r->i, up to the closing one. */
static int skip_container(reader *r, int depth)
{
    int object = r->s[r->i] == '{';
    char close = object ? '}' : ']';
    if (depth >= JSONL_MAX_DEPTH) return bad(r, "nested too deeply");
    r->i++;
    skip_ws(r);
    if (at(r) == close) {
        r->i++;
        return 0;
    }
    for (;;) {
        skip_ws(r);
        if (object) {
            if (at(r) != '"') return bad(r, "member name (a string) expected");
            if (read_string(r, NULL) != 0) return -1;
            skip_ws(r);
            if (at(r) != ':') return bad(r, "':' expected after a member name");
            r->i++;
        }
        if (skip_value(r, depth + 1) != 0) return -1;
        skip_ws(r);
        if (at(r) == close) {
            r->i++;
            return 0;
        }
        if (at(r) != ',') return bad(r, object ? "',' or '}' expected" : "',' or ']' expected");
        r->i++;
    }
}

/* Checks and steps over one value of any kind. */
static int skip_value(reader *r, int depth)
{
    skip_ws(r);
    switch (at(r)) {
    case '"': return read_string(r, NULL);
    case '{': case '[': return skip_container(r, depth);
    case 't': return read_word(r, "true");
    case 'f': return read_word(r, "false");
    case 'n': return read_word(r, "null");
    case -1: return bad(r, "value expected");
    default:
        if (at(r) == '-' || (at(r) >= '0' && at(r) <= '9')) return read_number(r);
        return bad(r, "invalid value");
    }
}

/* A decoded string value as a new NUL-terminated string in *dst (replacing an earlier
 * one: the last key wins); when nul_ok is 0, a U+0000 in it is refused. */
static int take_string(reader *r, buf *tmp, char **dst, size_t *dst_len, int nul_ok,
                       const char *name)
{
    size_t start = r->i;
    if (read_string(r, tmp) != 0) return -1;
    if (!nul_ok && tmp->len && memchr(tmp->data, '\0', tmp->len)) {
        r->i = start;
        snprintf(r->in->error, sizeof r->in->error, "column %zu: \"%s\" contains U+0000",
                 start + 1, name);
        return -1;
    }
    free(*dst);
    *dst = wn_buf_detach(tmp, dst_len);
    if (!*dst) r->nomem = 1;
    return *dst ? 0 : -1;
}

/* Whether the value at r->i is null (then read). */
static int take_null(reader *r)
{
    if (at(r) != 'n') return 0;
    return read_word(r, "null") == 0 ? 1 : -1;
}

/* The value of one member named key (decoded). */
static int read_member(reader *r, const char *key, buf *tmp, int *content_key)
{
    winnow_jsonl_input *in = r->in;
    skip_ws(r);
    int html = strcmp(key, "html") == 0, text = strcmp(key, "text") == 0;
    int id = strcmp(key, "id") == 0, url = strcmp(key, "url") == 0;
    int date = strcmp(key, "date") == 0;
    if (!html && !text && !id && !url && !date) return skip_value(r, 1);
    int isnull = take_null(r);
    if (isnull < 0) return -1;
    if (html || text) {
        if (isnull) return 0;
        if (*content_key && *content_key != (html ? 1 : 2))
            return bad(r, "both \"html\" and \"text\": give one");
        *content_key = html ? 1 : 2;
        if (at(r) != '"') return bad(r, html ? "\"html\" must be a string" : "\"text\" must be a string");
        in->type = html ? WINNOW_TYPE_HTML : WINNOW_TYPE_TEXT;
        return take_string(r, tmp, &in->content, &in->len, 1, key);
    }
    char **dst = id ? &in->id : url ? &in->url : &in->date;
    if (isnull) {
        free(*dst);
        *dst = NULL;
        if (id) in->id_is_number = 0;
        return 0;
    }
    if (id && (at(r) == '-' || (at(r) >= '0' && at(r) <= '9'))) {
        size_t start = r->i;
        if (read_number(r) != 0) return -1;
        free(*dst);
        if (!(*dst = strndup(r->s + start, r->i - start))) r->nomem = 1;
        in->id_is_number = 1;
        return *dst ? 0 : -1;
    }
    if (at(r) != '"')
        return bad(r, id ? "\"id\" must be a string or a number"
                      : url ? "\"url\" must be a string" : "\"date\" must be a string");
    if (id) in->id_is_number = 0;
    size_t n;
    return take_string(r, tmp, dst, &n, 0, key);
}

/* The object that is the whole line. */
static int read_object(reader *r, buf *key, buf *tmp)
{
    int content_key = 0;
    skip_ws(r);
    if (at(r) != '{') return bad(r, at(r) < 0 ? "empty line (a JSON object expected)"
                                              : "not a JSON object");
    r->i++;
    skip_ws(r);
    if (at(r) == '}') {
        r->i++;
    } else {
        for (;;) {
            skip_ws(r);
            if (at(r) != '"') return bad(r, "member name (a string) expected");
            if (read_string(r, key) != 0 || wn_buf_putc(key, '\0') != 0) return -1;
            skip_ws(r);
            if (at(r) != ':') return bad(r, "':' expected after a member name");
            r->i++;
            /* A name with U+0000 in it is none of ours: strcmp sees it cut short. */
            const char *k = memchr(key->data, '\0', key->len - 1) ? "" : key->data;
            if (read_member(r, k, tmp, &content_key) != 0) return -1;
            skip_ws(r);
            if (at(r) == '}') {
                r->i++;
                break;
            }
            if (at(r) != ',') return bad(r, "',' or '}' expected");
            r->i++;
        }
    }
    skip_ws(r);
    if (r->i < r->len) return bad(r, "text after the object");
    if (!content_key) {
        snprintf(r->in->error, sizeof r->in->error, "no \"html\" or \"text\" string in the object");
        return -1;
    }
    return 0;
}

winnow_status winnow_jsonl_parse(const char *line, size_t len, winnow_jsonl_input *in)
{
    memset(in, 0, sizeof *in);
    reader r = {.s = line ? line : "", .len = line ? len : 0, .in = in};
    buf key, tmp;
    wn_buf_init(&key, 0);
    wn_buf_init(&tmp, 0);
    int rc = read_object(&r, &key, &tmp);
    int nomem = r.nomem || key.failed || tmp.failed;
    wn_buf_free(&key);
    wn_buf_free(&tmp);
    if (rc == 0) return WINNOW_OK;
    if (nomem) snprintf(in->error, sizeof in->error, "out of memory");
    /* What was read stays (the id names the line in an error record); the page goes. */
    free(in->content);
    in->content = NULL;
    in->len = 0;
    return nomem ? WINNOW_ERR_NOMEM : WINNOW_ERR_INPUT;
}

void winnow_jsonl_input_free(winnow_jsonl_input *in)
{
    if (!in) return;
    free(in->content);
    free(in->id);
    free(in->url);
    free(in->date);
    in->content = in->id = in->url = in->date = NULL;
}
