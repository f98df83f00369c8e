/* render_json.c -- the JSON record of one input: the one schema of the CLI's
 * --format=json/jsonl and of winnow_record_json().  Strings are escaped per RFC 8259;
 * valid UTF-8 passes through and any invalid byte (a file name is arbitrary bytes)
 * becomes U+FFFD, so every record is valid UTF-8 and valid JSON. */
#include <stdio.h>
#include <string.h>
#include "core/core.h"
#include "winnow/winnow.h"

static void put_string(buf *b, const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    wn_buf_putc(b, '"');
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        size_t run = i;
        /* Copy runs of plain bytes at once: a text can be megabytes. */
        while (run < n && s[run] >= 0x20 && s[run] < 0x80 && s[run] != '"' && s[run] != '\\')
            run++;
        if (run > i) {
            wn_buf_append(b, str + i, run - i);
            i = run;
            continue;
        }
        char esc[8];
        const char *e = esc;
        size_t len = 1;
        switch (c) {
        case '"': e = "\\\""; break;
        case '\\': e = "\\\\"; break;
        case '\n': e = "\\n"; break;
        case '\t': e = "\\t"; break;
        case '\r': e = "\\r"; break;
        case '\b': e = "\\b"; break;
        case '\f': e = "\\f"; break;
        default:
            if (c < 0x20) {
                snprintf(esc, sizeof esc, "\\u%04x", c);
            } else {
                len = wn_utf8_seq(s + i, n - i);
                if (len) wn_buf_append(b, str + i, len);
                else wn_buf_puts(b, "\\ufffd");
                i += len ? len : 1;
                continue;
            }
        }
        wn_buf_puts(b, e);
        i += len;
    }
    wn_buf_putc(b, '"');
}

static void put_opt_string(buf *b, const char *s)
{
    if (s) put_string(b, s, strlen(s));
    else wn_buf_puts(b, "null");
}

/* One "key": value separator and key. */
static void key(buf *b, const char *k, int first, int pretty)
{
    if (!first) wn_buf_puts(b, pretty ? ",\n  " : ",");
    wn_buf_putc(b, '"');
    wn_buf_puts(b, k);
    wn_buf_puts(b, pretty ? "\": " : "\":");
}

static void put_size(buf *b, size_t v)
{
    char t[24];
    snprintf(t, sizeof t, "%zu", v);
    wn_buf_puts(b, t);
}

static void put_opt_int(buf *b, long long v)
{
    char t[24];
    snprintf(t, sizeof t, "%lld", v);
    wn_buf_puts(b, v ? t : "null");
}

/* What a WARC record says of the page: null for every field when it is not from one.
 * The HTTP charset is http_charset: "charset" is the one the page was decoded with. */
/* The reader comments: an array of {author, date, text} when they were asked for
 * (winnow_options.comments), else null; one line, even in a pretty record. */
static void put_comments(buf *b, const winnow_result *res)
{
    if (!res || !res->comments) {
        wn_buf_puts(b, "null");
        return;
    }
    wn_buf_putc(b, '[');
    for (size_t i = 0; i < res->n_comments; i++) {
        const winnow_comment *c = &res->comments[i];
        wn_buf_puts(b, i ? ",{\"author\":" : "{\"author\":");
        put_opt_string(b, c->author);
        wn_buf_puts(b, ",\"date\":");
        put_opt_string(b, c->date);
        wn_buf_puts(b, ",\"text\":");
        put_opt_string(b, c->text);
        wn_buf_putc(b, '}');
    }
    wn_buf_putc(b, ']');
}

/* The pictures the text shows: an array of {url, alt} when they were asked for
 * (winnow_options.images), else null; one line, even in a pretty record. */
static void put_images(buf *b, const winnow_result *res)
{
    if (!res || !res->images) {
        wn_buf_puts(b, "null");
        return;
    }
    wn_buf_putc(b, '[');
    for (size_t i = 0; i < res->n_images; i++) {
        wn_buf_puts(b, i ? ",{\"url\":" : "{\"url\":");
        put_opt_string(b, res->images[i].url);
        wn_buf_puts(b, ",\"alt\":");
        put_opt_string(b, res->images[i].alt);
        wn_buf_putc(b, '}');
    }
    wn_buf_putc(b, ']');
}

static void put_warc(buf *b, const winnow_warc_origin *w, int pretty)
{
    key(b, "warc_date", 0, pretty);
    put_opt_string(b, w ? w->date : NULL);
    key(b, "http_status", 0, pretty);
    put_opt_int(b, w ? w->http_status : 0);
    key(b, "content_type", 0, pretty);
    put_opt_string(b, w ? w->content_type : NULL);
    key(b, "http_charset", 0, pretty);
    put_opt_string(b, w ? w->charset : NULL);
    key(b, "file", 0, pretty);
    put_opt_string(b, w ? w->file : NULL);
    key(b, "offset", 0, pretty);
    if (w) {
        char t[24];
        snprintf(t, sizeof t, "%llu", w->offset);
        wn_buf_puts(b, t);
    } else {
        wn_buf_puts(b, "null");
    }
}

char *winnow_record_json(const winnow_record *r, int flags, size_t *len)
{
    int pretty = (flags & WINNOW_JSON_PRETTY) != 0;
    const winnow_result *res = r->error || r->skipped ? NULL : r->result;
    int truncated = res && res->status == WINNOW_ERR_TRUNCATED;
    buf b;
    wn_buf_init(&b, 0);
    wn_buf_puts(&b, pretty ? "{\n  " : "{");
    key(&b, "path", 1, pretty);
    put_opt_string(&b, r->path);
    key(&b, "id", 0, pretty);
    size_t idn = r->id ? strlen(r->id) : 0;
    if (r->id_is_number && idn && wn_json_number_len(r->id, idn) == idn)
        wn_buf_append(&b, r->id, idn); /* the input's own number text, digits kept */
    else
        put_opt_string(&b, r->id);
    /* The page's source; what it declares as canonical is canonical_url below. */
    key(&b, "url", 0, pretty);
    put_opt_string(&b, r->url);
    key(&b, "line", 0, pretty);
    if (r->line) put_size(&b, r->line);
    else wn_buf_puts(&b, "null");
    put_warc(&b, r->warc, pretty);
    /* No main content is no failure; error says why, as it does for a skipped input. */
    int empty = res && res->no_content && !truncated;
    key(&b, "status", 0, pretty);
    wn_buf_puts(&b, r->error ? "\"error\"" : r->skipped ? "\"skipped\""
                    : truncated ? "\"truncated\"" : empty ? "\"no_content\"" : "\"ok\"");
    key(&b, "error", 0, pretty);
    put_opt_string(&b, r->error ? r->error : r->skipped ? r->skipped
                       : empty ? res->no_content_why : NULL);
    /* A cut-short page still has its text; the warning says what may be missing. */
    key(&b, "warning", 0, pretty);
    put_opt_string(&b, truncated ? res->error : res && res->warning[0] ? res->warning : NULL);
    key(&b, "type", 0, pretty);
    put_opt_string(&b, !res ? NULL : res->type == WINNOW_TYPE_HTML ? "html" : "text");
    key(&b, "charset", 0, pretty);
    put_opt_string(&b, res ? res->charset : NULL);
    key(&b, "title", 0, pretty);
    put_opt_string(&b, res ? res->title : NULL);
    key(&b, "page_type", 0, pretty);
    put_opt_string(&b, res && res->page_type ? winnow_page_type_name(res->page_type) : NULL);
    const winnow_meta *m = res ? &res->meta : NULL;
    const struct {
        const char *key, *value;
    } meta[] = {{"author", m ? m->author : NULL},
                {"date", m ? m->date : NULL},
                {"date_modified", m ? m->date_modified : NULL},
                {"site_name", m ? m->site_name : NULL},
                {"canonical_url", m ? m->url : NULL},
                {"language", m ? m->language : NULL},
                {"description", m ? m->description : NULL},
                {"image", m ? m->image : NULL},
                {"hostname", m ? m->hostname : NULL},
                {"tags", m ? m->tags : NULL},
                {"categories", m ? m->categories : NULL},
                {"license", m ? m->license : NULL}};
    for (size_t i = 0; i < sizeof meta / sizeof *meta; i++) {
        key(&b, meta[i].key, 0, pretty);
        put_opt_string(&b, meta[i].value);
    }
    key(&b, "bytes_in", 0, pretty);
    put_size(&b, r->bytes_in);
    key(&b, "bytes_out", 0, pretty);
    put_size(&b, res ? res->len : 0);
    key(&b, "blocks_kept", 0, pretty);
    put_size(&b, res ? res->blocks_kept : 0);
    key(&b, "blocks_dropped", 0, pretty);
    put_size(&b, res ? res->blocks_dropped : 0);
    key(&b, "text", 0, pretty);
    if (res) put_string(&b, res->text ? res->text : "", res->len);
    else wn_buf_puts(&b, "null");
    key(&b, "comments", 0, pretty);
    put_comments(&b, res);
    key(&b, "images", 0, pretty);
    put_images(&b, res);
    wn_buf_puts(&b, pretty ? "\n}\n" : "}\n");
    if (b.failed) {
        wn_buf_free(&b);
        return NULL;
    }
    size_t n;
    char *out = wn_buf_detach(&b, &n);
    if (len) *len = n;
    return out;
}
