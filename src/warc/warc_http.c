/* warc_http.c -- the HTTP response a `response` record holds: the status line, the
 * headers, and the entity body as the page's bytes: chunked transfer coding undone,
 * then gzip or deflate content coding.  Crawlers store what went over the wire, and
 * what went over the wire is often wrong, so chunking that does not add up leaves the
 * raw body (it is usually the page, de-chunked by a proxy that kept the header) and a
 * gzip body cut short gives what it holds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "warc/warc.h"
#ifdef WINNOW_HAVE_BROTLI
#include <brotli/decode.h>
#endif

/* The size line of a chunk: hex digits, then extensions or spaces up to LF.  The size,
 * or -1 when the line is no size line. */
static long long chunk_size(const char *p, size_t n, size_t *line_len)
{
    const char *nl = memchr(p, '\n', n);
    if (!nl) return -1;
    long long v = 0;
    size_t i = 0, digits = 0;
    for (; p + i < nl; i++, digits++) {
        char c = p[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) break;
        if (v > (1LL << 40)) return -1; /* no chunk is a terabyte */
        v = v * 16 + d;
    }
    if (!digits) return -1;
    if (p + digits < nl && p[digits] != ';' && p[digits] != ' ' && p[digits] != '\t' &&
        p[digits] != '\r')
        return -1;
    *line_len = (size_t)(nl - p) + 1;
    return v;
}

int wn_warc_dechunk(const char *in, size_t n, buf *out)
{
    size_t i = 0;
    out->len = 0;
    while (i < n) {
        size_t ll;
        long long sz = chunk_size(in + i, n - i, &ll);
        if (sz < 0) return 1;
        i += ll;
        if (sz == 0) return 0; /* trailers, if any, carry nothing we use */
        if ((unsigned long long)sz > n - i) return 1;
        if (wn_buf_append(out, in + i, (size_t)sz) != 0) return -1;
        i += (size_t)sz;
        /* The CRLF after the data. */
        if (i < n && in[i] == '\r') i++;
        if (i < n && in[i] == '\n') i++;
        else if (i < n) return 1;
    }
    /* Cut after a whole chunk, before the last one: keep what came. */
    return 0;
}

int wn_warc_inflate(const char *in, size_t n, buf *out, char *err, size_t errlen)
{
    const unsigned char *p = (const unsigned char *)in;
    int bits = -MAX_WBITS; /* raw deflate, as some servers send for "deflate" */
    if (n >= 2 && p[0] == 0x1f && p[1] == 0x8b) bits = 16 + MAX_WBITS;
    else if (n >= 2 && (p[0] & 0x0f) == 8 && ((p[0] << 8) | p[1]) % 31 == 0) bits = MAX_WBITS;
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, bits) != Z_OK) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    out->len = 0;
    z.next_in = (unsigned char *)(uintptr_t)in;
    z.avail_in = n > (1u << 30) ? (1u << 30) : (uInt)n;
    size_t in_left = n - z.avail_in;
    int rc = Z_OK;
    while (rc == Z_OK) {
        size_t room = out->limit - out->len < 65536 ? out->limit - out->len : 65536;
        if (room == 0 || wn_buf_reserve(out, room) != 0) {
            snprintf(err, errlen, "decoded body is larger than the limit of %zu bytes",
                     out->limit);
            inflateEnd(&z);
            return -1;
        }
        if (z.avail_in == 0 && in_left) {
            z.avail_in = in_left > (1u << 30) ? (1u << 30) : (uInt)in_left;
            in_left -= z.avail_in;
        }
        z.next_out = (unsigned char *)out->data + out->len;
        z.avail_out = (uInt)room;
        rc = inflate(&z, Z_NO_FLUSH);
        out->len += room - z.avail_out;
        if (rc == Z_STREAM_END && bits > MAX_WBITS && (z.avail_in || in_left) &&
            z.next_in[0] == 0x1f)
            rc = inflateReset(&z); /* another gzip member */
        if (rc == Z_BUF_ERROR && z.avail_in == 0 && !in_left) break; /* cut short */
        if (rc == Z_BUF_ERROR) rc = Z_OK;
    }
    inflateEnd(&z);
    out->data[out->len] = '\0';
    if (rc == Z_STREAM_END || (rc == Z_BUF_ERROR && out->len)) return 0;
    snprintf(err, errlen, "corrupt %s body: %s", bits > MAX_WBITS ? "gzip" : "deflate",
             z.msg ? z.msg : rc == Z_BUF_ERROR ? "no data" : "invalid data");
    return -1;
}

int wn_warc_have_brotli(void)
{
#ifdef WINNOW_HAVE_BROTLI
    return 1;
#else
    return 0;
#endif
}

/* Brotli (Content-Encoding: br), when the library was built with libbrotlidec.  The
 * output is capped like inflate's: a bomb fails at the limit, never past it. */
static int unbrotli(const char *in, size_t n, buf *out, char *err, size_t errlen)
{
#ifdef WINNOW_HAVE_BROTLI
    BrotliDecoderState *st = BrotliDecoderCreateInstance(NULL, NULL, NULL);
    if (!st) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    out->len = 0;
    const uint8_t *next_in = (const uint8_t *)in;
    size_t avail_in = n;
    BrotliDecoderResult r = BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT;
    while (r == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) {
        size_t room = out->limit - out->len < 65536 ? out->limit - out->len : 65536;
        if (room == 0 || wn_buf_reserve(out, room) != 0) {
            snprintf(err, errlen, "decoded body is larger than the limit of %zu bytes", out->limit);
            BrotliDecoderDestroyInstance(st);
            return -1;
        }
        uint8_t *next_out = (uint8_t *)out->data + out->len;
        size_t avail_out = room;
        r = BrotliDecoderDecompressStream(st, &avail_in, &next_in, &avail_out, &next_out, NULL);
        out->len += room - avail_out;
    }
    if (out->data) out->data[out->len] = '\0';
    int ok = r == BROTLI_DECODER_RESULT_SUCCESS ||
             (r == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT && out->len); /* cut short: keep it */
    if (!ok)
        snprintf(err, errlen, "corrupt br body: %s",
                 r == BROTLI_DECODER_RESULT_ERROR
                     ? BrotliDecoderErrorString(BrotliDecoderGetErrorCode(st))
                     : "no data");
    BrotliDecoderDestroyInstance(st);
    return ok ? 0 : -1;
#else
    (void)in;
    (void)n;
    (void)out;
    snprintf(err, errlen, "Content-Encoding br is not supported (built without libbrotlidec)");
    return -1;
#endif
}

/* "HTTP/x.y NNN reason": the status, or -1. */
static int status_line(const char *s)
{
    if (strncmp(s, "HTTP/", 5) != 0) return -1;
    s += 5;
    while (*s && *s != ' ') s++;
    while (*s == ' ') s++;
    if (s[0] < '1' || s[0] > '9' || s[1] < '0' || s[1] > '9' || s[2] < '0' || s[2] > '9')
        return -1;
    if (s[3] && s[3] != ' ' && s[3] != '\r') return -1;
    return (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
}

/* Applies the content coding named by enc to body into out. */
static int decode_content(const char *enc, const char *body, size_t n, buf *out, warc_http *h,
                          char *err, size_t errlen)
{
    if (!enc || !enc[0] || strcasecmp(enc, "identity") == 0) {
        h->body = body;
        h->body_len = n;
        return 0;
    }
    if (strcasecmp(enc, "gzip") == 0 || strcasecmp(enc, "x-gzip") == 0 ||
        strcasecmp(enc, "deflate") == 0 || strcasecmp(enc, "x-deflate") == 0) {
        if (n == 0) { /* an empty body is empty whatever its coding */
            h->body = body;
            h->body_len = 0;
            return 0;
        }
        if (wn_warc_inflate(body, n, out, err, errlen) != 0) return -1;
        h->body = out->data;
        h->body_len = out->len;
        return 0;
    }
    if (strcasecmp(enc, "br") == 0) {
        if (n == 0 || unbrotli(body, n, out, err, errlen) != 0) {
            if (n == 0) snprintf(err, errlen, "corrupt br body: no data");
            return -1;
        }
        h->body = out->data;
        h->body_len = out->len;
        return 0;
    }
    snprintf(err, errlen, "Content-Encoding %.40s is not supported", enc);
    return -1;
}

int wn_warc_http_parse(char *block, size_t n, warc_http *h, char *err, size_t errlen)
{
    memset(h, 0, sizeof *h);
    /* The header ends at the first empty line. */
    size_t hend = 0, body = 0;
    for (size_t i = 0; i < n; i++) {
        if (block[i] != '\n') continue;
        if (i + 1 < n && block[i + 1] == '\n') { hend = i + 1; body = i + 2; break; }
        if (i + 2 < n && block[i + 1] == '\r' && block[i + 2] == '\n') { hend = i + 1; body = i + 3; break; }
    }
    if (!body) {
        snprintf(err, errlen, "HTTP response without the end of its headers");
        return -1;
    }
    char *eol = memchr(block, '\n', hend);
    size_t sl = (size_t)(eol - block);
    block[sl] = '\0';
    h->status = status_line(block);
    if (h->status < 0) {
        snprintf(err, errlen, "no HTTP status line");
        return -1;
    }
    warc_field f[WARC_MAX_FIELDS];
    /* The blank line ends the block we parse, so block[hend] is ours to write. */
    int nf = wn_warc_fields_parse(block + sl + 1, hend - sl - 1, f, WARC_MAX_FIELDS);
    if (nf < 0) {
        snprintf(err, errlen, "malformed HTTP header line");
        return -1;
    }
    wn_warc_media_type(wn_warc_field(f, nf, "Content-Type"), h->content_type,
                       sizeof h->content_type, h->charset, sizeof h->charset);
    h->transfer_encoding = wn_warc_field(f, nf, "Transfer-Encoding");
    h->content_encoding = wn_warc_field(f, nf, "Content-Encoding");
    h->content_language = wn_warc_field(f, nf, "Content-Language");
    h->body = block + body;
    h->body_len = n - body;
    return 0;
}

int wn_warc_http_decode(warc_http *h, size_t max, buf *out, char *err, size_t errlen)
{
    out->limit = max;
    out->failed = 0;
    out->len = 0;
    const char *te = h->transfer_encoding, *ce = h->content_encoding;
    int chunked = 0;
    for (const char *t = te; t && *t && !chunked; t++) chunked = strncasecmp(t, "chunked", 7) == 0;
    if (!chunked) return decode_content(ce, h->body, h->body_len, out, h, err, errlen);
    buf plain;
    wn_buf_init(&plain, max);
    int rc = wn_warc_dechunk(h->body, h->body_len, &plain);
    if (rc < 0) {
        snprintf(err, errlen, "decoded body is larger than the limit of %zu bytes", max);
        wn_buf_free(&plain);
        return -1;
    }
    if (rc == 0 && (!ce || !ce[0] || strcasecmp(ce, "identity") == 0)) {
        /* The de-chunked bytes become the body: they take out's place. */
        wn_buf_free(out);
        *out = plain;
        h->body = out->data ? out->data : "";
        h->body_len = out->len;
        return 0;
    }
    const char *src = rc == 0 ? (plain.data ? plain.data : "") : h->body;
    size_t len = rc == 0 ? plain.len : h->body_len;
    rc = decode_content(ce, src, len, out, h, err, errlen);
    wn_buf_free(&plain);
    return rc;
}
