/* warc.c -- the public WARC reader (winnow_warc_*): frames records in the byte window of
 * warc_stream.c, parses their headers (warc_fields.c) and the HTTP inside responses
 * (warc_http.c), and sorts each record into a page, a skipped record or an error.
 *
 * A record is "WARC/1.x" CRLF, header lines, CRLF, Content-Length bytes of block, CRLF
 * CRLF.  Whatever breaks that -- a missing or wrong Content-Length, a cut, bytes
 * between records, a corrupt gzip member -- costs one error record, and reading goes on
 * at the next line that starts with "WARC/1." (or the next gzip member): a broken
 * record never takes its neighbours with it. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include "warc/warc.h"
#include "winnow/winnow.h"

#define WARC_MAX_HEADER 65536 /* bytes of one record's WARC header block */
#define WARC_DEFAULT_MAX ((size_t)64 << 20)
#define VERSION_PREFIX "WARC/1."

struct winnow_warc {
    warc_stream s;
    int own_fd;
    char *name;
    size_t max_size;
    int started; /* a record was framed: an ARC header is only looked for before */
    int done;    /* the archive ended (or cannot be read on) */
    int fatal;   /* winnow_warc_next keeps failing */
    char fatal_err[200];
    char *hdr;   /* the current record's header block, cut into fields */
    warc_field f[WARC_MAX_FIELDS];
    int nf;
    buf body;    /* a decoded payload */
    warc_http http;
    char media[96], charset[48];
    char reason[256];
    winnow_warc_counts counts;
};

void winnow_warc_options_init(winnow_warc_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->max_size = WARC_DEFAULT_MAX;
}

static const char *const skip_names[WINNOW_WARC_SKIP_COUNT] = {
    "none", "warcinfo", "request", "metadata", "revisit", "conversion",
    "continuation", "other-type", "http-status", "content-type"};

const char *winnow_warc_skip_name(winnow_warc_skip skip)
{
    return (unsigned)skip < WINNOW_WARC_SKIP_COUNT ? skip_names[skip] : "unknown";
}

static winnow_warc *open_common(int fd, int own_fd, const char *name, const winnow_warc_options *opt,
                                char *err, size_t errlen)
{
    winnow_warc_options defaults;
    if (!opt) {
        winnow_warc_options_init(&defaults);
        opt = &defaults;
    }
    winnow_warc *w = calloc(1, sizeof *w);
    size_t max = opt->max_size ? opt->max_size : WARC_DEFAULT_MAX;
    if (max > SIZE_MAX / 2) max = SIZE_MAX / 2;
    if (w) {
        w->max_size = max;
        w->own_fd = own_fd;
        w->name = strdup(name ? name : "-");
        w->hdr = malloc(WARC_MAX_HEADER + 1);
        wn_buf_init(&w->body, max);
    }
    if (!w || !w->name || !w->hdr ||
        wn_warc_stream_init(&w->s, fd, opt->head, opt->head_len, max + WARC_MAX_HEADER + 8) != 0) {
        if (w) {
            free(w->name);
            free(w->hdr);
            free(w);
        }
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    return w;
}

winnow_warc *winnow_warc_open(const char *path, const winnow_warc_options *opt, char *err,
                              size_t errlen)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "%s", strerror(errno));
        return NULL;
    }
    winnow_warc_options o;
    if (opt) o = *opt;
    else winnow_warc_options_init(&o);
    o.head = NULL; /* nothing was read from our own fd */
    o.head_len = 0;
    winnow_warc *w = open_common(fd, 1, path, &o, err, errlen);
    if (!w) close(fd);
    return w;
}

winnow_warc *winnow_warc_open_fd(int fd, const char *name, const winnow_warc_options *opt,
                                 char *err, size_t errlen)
{
    return open_common(fd, 0, name, opt, err, errlen);
}

void winnow_warc_close(winnow_warc *w)
{
    if (!w) return;
    if (w->own_fd) close(w->s.fd);
    wn_warc_stream_free(&w->s);
    wn_buf_free(&w->body);
    free(w->hdr);
    free(w->name);
    free(w);
}

void winnow_warc_get_counts(const winnow_warc *w, winnow_warc_counts *counts)
{
    *counts = w->counts;
}

/* ---- framing -------------------------------------------------------------------------- */

static const char *win(const winnow_warc *w) { return w->s.w + w->s.pos; }

/* Moves on to the next line that starts with "WARC/1." at or after `from` bytes into the
 * window (the window's first byte counts as a line start only when from is 0), or to the
 * end.  Returns how many bytes were passed over. */
static uint64_t resync(winnow_warc *w, size_t from)
{
    const size_t k = sizeof VERSION_PREFIX - 1;
    uint64_t passed = 0;
    for (;;) {
        size_t avail = wn_warc_stream_fill(&w->s, from + k + 4096);
        const char *p = win(w);
        if (from > avail) from = avail;
        if (from == 0 && avail >= k && memcmp(p, VERSION_PREFIX, k) == 0) return passed;
        /* A line start is the byte after a '\n' at j; the prefix must fit after it. */
        size_t j = from ? from - 1 : 0;
        while (j + k + 1 <= avail) {
            const char *nl = memchr(p + j, '\n', avail - k - j);
            if (!nl) break;
            j = (size_t)(nl - p);
            if (memcmp(p + j + 1, VERSION_PREFIX, k) == 0) {
                w->s.pos += j + 1;
                return passed + j + 1;
            }
            j++;
        }
        /* Not here: keep the last k bytes, where a line start may be cut by the refill. */
        size_t drop = avail > k ? avail - k : 0;
        w->s.pos += drop;
        passed += drop;
        size_t kept = avail - drop;
        if (wn_warc_stream_fill(&w->s, kept + 4096) <= kept) {
            w->s.pos += kept; /* the end (or trouble the caller sees in the state) */
            return passed + kept;
        }
        from = drop ? 1 : from; /* byte 0 of what is kept follows a scanned byte */
    }
}

/* Fills rec as an error at offset off. */
__attribute__((format(printf, 4, 5)))
static int error_record(winnow_warc *w, winnow_warc_record *rec, uint64_t off, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(w->reason, sizeof w->reason, fmt, ap);
    va_end(ap);
    rec->kind = WINNOW_WARC_ERROR;
    rec->reason = w->reason;
    rec->offset = off;
    w->counts.errors++;
    w->counts.records++;
    return 1;
}

/* The stream hit trouble: a corrupt gzip member becomes an error record (and reading goes
 * on after it); a read error stops the reader. */
static int stream_trouble(winnow_warc *w, winnow_warc_record *rec, char *err, size_t errlen)
{
    if (w->s.state == WARC_STREAM_CORRUPT) {
        uint64_t off = w->s.bad_offset;
        error_record(w, rec, off, "%s", w->s.err);
        wn_warc_stream_recover(&w->s);
        return 1;
    }
    w->fatal = 1;
    snprintf(w->fatal_err, sizeof w->fatal_err, "%s", w->s.err);
    snprintf(err, errlen, "%s", w->fatal_err);
    return -1;
}

/* Finds the blank line that ends the header block starting at the window; its length
 * with the blank line, or 0 when there is none within WARC_MAX_HEADER. */
static size_t header_end(winnow_warc *w)
{
    size_t avail = wn_warc_stream_fill(&w->s, 4096);
    size_t scanned = 0;
    for (;;) {
        const char *p = win(w);
        for (size_t i = scanned ? scanned - 1 : 0; i < avail; i++) {
            if (p[i] != '\n') continue;
            if (i + 1 < avail && p[i + 1] == '\n') return i + 2;
            if (i + 2 < avail && p[i + 1] == '\r' && p[i + 2] == '\n') return i + 3;
        }
        scanned = avail > 2 ? avail - 2 : 0;
        if (avail >= WARC_MAX_HEADER) return 0;
        size_t more = wn_warc_stream_fill(&w->s, avail * 2 < WARC_MAX_HEADER ? avail * 2 : WARC_MAX_HEADER);
        if (more <= avail) return 0;
        avail = more;
    }
}

/* Content-Length as a number, or -1. */
static long long content_length(const char *v)
{
    if (!v || !*v) return -1;
    long long n = 0;
    for (; *v; v++) {
        if (*v < '0' || *v > '9' || n > (1LL << 50)) return -1;
        n = n * 10 + (*v - '0');
    }
    return n;
}

/* The length of the CRLF CRLF that follows a block ending `at` bytes into the window
 * (at the end of the input, a missing or partial one is forgiven: the block is whole),
 * or -1 when other bytes follow: the Content-Length was wrong. */
static int trailer_len(winnow_warc *w, size_t at)
{
    size_t avail = wn_warc_stream_fill(&w->s, at + 4);
    if (avail < at) return -1;
    const char *p = win(w) + at;
    size_t left = avail - at, n = 0;
    while (n < left && n < 4 && (p[n] == '\r' || p[n] == '\n')) n++;
    if (n == 4 && memcmp(p, "\r\n\r\n", 4) == 0) return 4;
    if (n >= 2 && p[0] == '\n' && p[1] == '\n') return 2;
    if (n == left && left < 4) return (int)n; /* the archive ends here */
    return -1;
}

/* ---- sorting records -------------------------------------------------------------------- */

static int html_or_text(const char *media)
{
    return !media[0] || strcmp(media, "text/html") == 0 ||
           strcmp(media, "application/xhtml+xml") == 0 || strcmp(media, "text/plain") == 0;
}

__attribute__((format(printf, 4, 5)))
static int skipped(winnow_warc *w, winnow_warc_record *rec, winnow_warc_skip why, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(w->reason, sizeof w->reason, fmt, ap);
    va_end(ap);
    rec->kind = WINNOW_WARC_SKIPPED;
    rec->skip = why;
    rec->reason = w->reason;
    w->counts.skipped[why]++;
    w->counts.records++;
    return 1;
}

static winnow_warc_skip type_skip(const char *type)
{
    static const struct {
        const char *name;
        winnow_warc_skip skip;
    } types[] = {{"warcinfo", WINNOW_WARC_SKIP_WARCINFO},     {"request", WINNOW_WARC_SKIP_REQUEST},
                 {"metadata", WINNOW_WARC_SKIP_METADATA},     {"revisit", WINNOW_WARC_SKIP_REVISIT},
                 {"conversion", WINNOW_WARC_SKIP_CONVERSION}, {"continuation", WINNOW_WARC_SKIP_CONTINUATION}};
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (strcasecmp(type, types[i].name) == 0) return types[i].skip;
    return WINNOW_WARC_SKIP_OTHER_TYPE;
}

/* A record whose block[0..n) is whole: a page, skipped, or an error. */
static int classify(winnow_warc *w, winnow_warc_record *rec, char *block, size_t n)
{
    const char *type = rec->type;
    int is_response = strcasecmp(type, "response") == 0;
    if (!is_response && strcasecmp(type, "resource") != 0)
        return skipped(w, rec, type_skip(type), "WARC-Type %.60s", type);
    wn_warc_media_type(wn_warc_field(w->f, w->nf, "Content-Type"), w->media, sizeof w->media,
                       w->charset, sizeof w->charset);
    /* A response holds HTTP unless its Content-Type says otherwise (dns: records). */
    if (is_response && (!w->media[0] || strcmp(w->media, "application/http") == 0)) {
        char err[160];
        if (wn_warc_http_parse(block, n, &w->http, err, sizeof err) != 0)
            return error_record(w, rec, rec->offset, "%s", err);
        rec->http_status = w->http.status;
        rec->content_type = w->http.content_type[0] ? w->http.content_type : NULL;
        rec->charset = w->http.charset[0] ? w->http.charset : NULL;
        rec->content_language = w->http.content_language;
        if (w->http.status < 200 || w->http.status > 299) {
            return skipped(w, rec, WINNOW_WARC_SKIP_HTTP_STATUS, "HTTP status %d", w->http.status);
        }
        if (!html_or_text(w->http.content_type))
            return skipped(w, rec, WINNOW_WARC_SKIP_CONTENT_TYPE, "content type %s",
                           w->http.content_type);
        if (wn_warc_http_decode(&w->http, w->max_size, &w->body, err, sizeof err) != 0)
            return error_record(w, rec, rec->offset, "%s", err);
        rec->payload = w->http.body;
        rec->payload_len = w->http.body_len;
    } else {
        rec->content_type = w->media[0] ? w->media : NULL;
        rec->charset = w->charset[0] ? w->charset : NULL;
        if (!html_or_text(w->media))
            return skipped(w, rec, WINNOW_WARC_SKIP_CONTENT_TYPE, "content type %s", w->media);
        rec->payload = block;
        rec->payload_len = n;
    }
    rec->kind = WINNOW_WARC_PAGE;
    w->counts.pages++;
    w->counts.records++;
    return 1;
}

/* Fills the record's WARC fields from the parsed header. */
static void take_fields(winnow_warc *w, winnow_warc_record *rec)
{
    rec->type = wn_warc_field(w->f, w->nf, "WARC-Type");
    rec->record_id = wn_warc_field(w->f, w->nf, "WARC-Record-ID");
    rec->date = wn_warc_field(w->f, w->nf, "WARC-Date");
    char *uri = (char *)(uintptr_t)wn_warc_field(w->f, w->nf, "WARC-Target-URI");
    size_t n = uri ? strlen(uri) : 0;
    if (n >= 2 && uri[0] == '<' && uri[n - 1] == '>') { /* as WARC/1.0 writers (wget) put it */
        uri[n - 1] = '\0';
        uri++;
    }
    rec->target_uri = uri;
}

/* Frames the record at the window (its version line is there).  Returns as next does. */
static int read_record(winnow_warc *w, winnow_warc_record *rec, char *err, size_t errlen)
{
    size_t hlen = header_end(w);
    if (hlen == 0 && (w->s.state == WARC_STREAM_CORRUPT || w->s.state == WARC_STREAM_IOERR))
        return stream_trouble(w, rec, err, errlen);
    if (hlen == 0) {
        error_record(w, rec, rec->offset, "%s", "WARC header without its end (no blank line)");
        resync(w, 1);
        return 1;
    }
    /* The version line, then the fields, cut in a copy (the window moves on filling). */
    const char *p = win(w);
    const char *eol = memchr(p, '\n', hlen);
    size_t vlen = (size_t)(eol - p);
    if (vlen > 0 && p[vlen - 1] == '\r') vlen--;
    if (vlen != 8 || (memcmp(p, "WARC/1.0", 8) != 0 && memcmp(p, "WARC/1.1", 8) != 0)) {
        error_record(w, rec, rec->offset, "unsupported WARC version '%.*s'", (int)(vlen < 16 ? vlen : 16), p);
        resync(w, 1);
        return 1;
    }
    size_t flen = hlen - (size_t)(eol + 1 - p);
    memcpy(w->hdr, eol + 1, flen);
    w->hdr[flen] = '\0';
    w->nf = wn_warc_fields_parse(w->hdr, flen, w->f, WARC_MAX_FIELDS);
    if (w->nf < 0) {
        w->nf = 0;
        error_record(w, rec, rec->offset, "%s", "malformed WARC header line");
        resync(w, 1);
        return 1;
    }
    take_fields(w, rec);
    long long cl = content_length(wn_warc_field(w->f, w->nf, "Content-Length"));
    if (cl < 0) {
        error_record(w, rec, rec->offset, "%s", "record without a valid Content-Length");
        resync(w, 1);
        return 1;
    }
    if (!rec->type) {
        error_record(w, rec, rec->offset, "%s", "record without a WARC-Type");
        resync(w, 1);
        return 1;
    }
    if ((unsigned long long)cl > w->max_size) {
        /* Streamed past, never held: the limit bounds memory whatever the archive says. */
        w->s.pos += hlen;
        uint64_t got = wn_warc_stream_skip(&w->s, (uint64_t)cl);
        error_record(w, rec, rec->offset, "record too large (%lld bytes, over the limit of %zu): skipped",
                     cl, w->max_size);
        int t = got == (uint64_t)cl ? trailer_len(w, 0) : 0;
        if (got < (uint64_t)cl && w->s.state == WARC_STREAM_CORRUPT) wn_warc_stream_recover(&w->s);
        else if (t < 0) resync(w, 0);
        else w->s.pos += (size_t)t;
        return 1;
    }
    size_t need = hlen + (size_t)cl;
    size_t avail = wn_warc_stream_fill(&w->s, need + 4);
    if (avail < need) {
        if (w->s.state == WARC_STREAM_CORRUPT || w->s.state == WARC_STREAM_IOERR)
            return stream_trouble(w, rec, err, errlen); /* the member holding it is bad */
        error_record(w, rec, rec->offset,
                     "record cut short: the archive ends after %zu of the %lld bytes of its block",
                     avail - hlen, cl);
        resync(w, 1); /* a Content-Length too long may hide whole records */
        return 1;
    }
    int t = trailer_len(w, need);
    if (t < 0) {
        error_record(w, rec, rec->offset, "%s",
                     "Content-Length does not match the block (no CRLF CRLF after it)");
        resync(w, 1);
        return 1;
    }
    /* The block stays in the window until the next call: the payload can point into it. */
    char *block = w->s.w + w->s.pos + hlen;
    w->s.pos += need + (size_t)t;
    return classify(w, rec, block, (size_t)cl);
}

int winnow_warc_next(winnow_warc *w, winnow_warc_record *rec, char *err, size_t errlen)
{
    memset(rec, 0, sizeof *rec);
    if (w->fatal) {
        snprintf(err, errlen, "%s", w->fatal_err);
        return -1;
    }
    if (w->done) return 0;
    w->body.len = 0;
    /* Blank lines between records are padding. */
    for (;;) {
        size_t avail = wn_warc_stream_fill(&w->s, 1);
        if (avail == 0) break;
        const char *p = win(w);
        size_t i = 0;
        while (i < avail && (p[i] == '\r' || p[i] == '\n')) i++;
        w->s.pos += i;
        if (i < avail) break;
    }
    size_t avail = wn_warc_stream_fill(&w->s, 16);
    if (avail < 16 && (w->s.state == WARC_STREAM_CORRUPT || w->s.state == WARC_STREAM_IOERR))
        return stream_trouble(w, rec, err, errlen);
    if (avail == 0) {
        w->done = 1;
        return 0;
    }
    rec->offset = wn_warc_stream_offset(&w->s);
    const char *p = win(w);
    if (!w->started && avail >= 11 && memcmp(p, "filedesc://", 11) == 0) {
        w->done = 1;
        return error_record(w, rec, rec->offset, "%s",
                            "an ARC file (the format before WARC): not supported, only WARC is");
    }
    w->started = 1;
    if (avail < 5 || memcmp(p, "WARC/", 5) != 0) {
        uint64_t off = rec->offset;
        unsigned long long n = (unsigned long long)resync(w, 0);
        return error_record(w, rec, off, "%llu bytes that are not a WARC record", n);
    }
    return read_record(w, rec, err, errlen);
}

int winnow_warc_sniff(const char *data, size_t len)
{
    char plain[64];
    const unsigned char *p = (const unsigned char *)data;
    if (len >= 2 && p[0] == 0x1f && p[1] == 0x8b) {
        z_stream z;
        memset(&z, 0, sizeof z);
        if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) return 0;
        z.next_in = (unsigned char *)(uintptr_t)data;
        z.avail_in = len > (1u << 30) ? (1u << 30) : (uInt)len;
        z.next_out = (unsigned char *)plain;
        z.avail_out = sizeof plain;
        inflate(&z, Z_SYNC_FLUSH);
        len = sizeof plain - z.avail_out;
        inflateEnd(&z);
        data = plain;
    }
    if (len >= 7 && memcmp(data, VERSION_PREFIX, 7) == 0) return 1;
    if (len >= 11 && memcmp(data, "filedesc://", 11) == 0) return 2;
    return 0;
}
