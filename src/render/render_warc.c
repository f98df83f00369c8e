/* render_warc.c -- the WARC record of one input's text (winnow_record_warc): a WARC/1.1
 * `conversion` record whose WARC-Refers-To names the record the page came from, so
 * that what winnow writes from an archive is itself an archive, each text tied to its
 * source.  The record id is derived from the source and the text, so the same input
 * gives the same record whatever -j. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "core/core.h"
#include "winnow/winnow.h"

/* FNV-1a over s[0..n), continuing from h. */
static uint64_t fnv1a(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* A version-8 (RFC 9562: custom) UUID from two hashes of the parts. */
static void record_id(char *out, size_t outlen, const char *const *parts, size_t nparts,
                      const char *text, size_t textlen)
{
    uint64_t a = 0xcbf29ce484222325ULL, b = 0x84222325cbf29ce4ULL;
    for (size_t i = 0; i < nparts; i++) {
        const char *p = parts[i] ? parts[i] : "";
        a = fnv1a(a, p, strlen(p) + 1); /* the NUL keeps "ab"+"c" apart from "a"+"bc" */
        b = fnv1a(b ^ 0x9e3779b97f4a7c15ULL, p, strlen(p) + 1);
    }
    a = fnv1a(a, text, textlen);
    b = fnv1a(b, text, textlen);
    snprintf(out, outlen, "<urn:uuid:%08x-%04x-8%03x-%04x-%012llx>", (unsigned)(a >> 32),
             (unsigned)(a >> 16) & 0xffff, (unsigned)a & 0xfff,
             (unsigned)(0x8000 | ((b >> 48) & 0x3fff)), (unsigned long long)(b & 0xffffffffffffULL));
}

/* A header value on one line: control bytes (a CR or LF would end the header) are
 * percent-encoded, and so are spaces in a URI. */
static void put_value(buf *b, const char *v, int uri)
{
    for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
        if (*p < 0x20 || *p == 0x7f || (uri && *p == ' ')) {
            char t[4];
            snprintf(t, sizeof t, "%%%02X", *p);
            wn_buf_puts(b, t);
        } else {
            wn_buf_putc(b, (char)*p);
        }
    }
}

static void put_field(buf *b, const char *name, const char *value)
{
    wn_buf_puts(b, name);
    wn_buf_puts(b, ": ");
    put_value(b, value, strcmp(name, "WARC-Target-URI") == 0);
    wn_buf_puts(b, "\r\n");
}

char *winnow_record_warc(const winnow_record *r, const char *date, size_t *len)
{
    const winnow_result *res = r->error || r->skipped ? NULL : r->result;
    if (!res) return NULL;
    const char *text = res->text ? res->text : "";
    const char *target = r->url ? r->url : r->path ? r->path : "";
    /* Only a record id (a URI in angle brackets) can be referred to. */
    size_t idn = r->id ? strlen(r->id) : 0;
    const char *refers = idn >= 2 && r->id[0] == '<' && r->id[idn - 1] == '>' ? r->id : NULL;
    const char *parts[] = {refers, target, r->path};
    char id[64];
    record_id(id, sizeof id, parts, sizeof parts / sizeof *parts, text, res->len);
    buf b;
    wn_buf_init(&b, 0);
    wn_buf_puts(&b, "WARC/1.1\r\n");
    put_field(&b, "WARC-Type", "conversion");
    put_field(&b, "WARC-Record-ID", id);
    put_field(&b, "WARC-Date", date && date[0] ? date : "1970-01-01T00:00:00Z");
    put_field(&b, "WARC-Target-URI", target);
    if (refers) put_field(&b, "WARC-Refers-To", refers);
    put_field(&b, "Content-Type", "text/plain; charset=utf-8");
    char n[24];
    snprintf(n, sizeof n, "%zu", res->len);
    put_field(&b, "Content-Length", n);
    wn_buf_puts(&b, "\r\n");
    wn_buf_append(&b, text, res->len);
    wn_buf_puts(&b, "\r\n\r\n");
    if (b.failed) {
        wn_buf_free(&b);
        return NULL;
    }
    size_t total;
    char *out = wn_buf_detach(&b, &total);
    if (len) *len = total;
    return out;
}
