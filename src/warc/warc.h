/* warc.h -- the WARC stage: a streaming reader of WARC/1.0 and 1.1 archives behind the
 * public winnow_warc_* iterator (include/winnow/winnow.h).
 *
 *   fd ──► warc_stream.c ──► warc.c (record framing, resync) ──► warc_http.c ──► payload
 *          plain or gzip       warc_fields.c (header lines)       status, chunked,
 *          (whole or per        WARC and HTTP headers alike        gzip / deflate
 *          record), a window
 *
 * Nothing here reads a whole file: the stream keeps a window of decompressed bytes that
 * holds at most one record (bounded by the reader's max_size), and a record too large
 * for it is streamed past.  It sits on core (buffers) only. */
#ifndef WINNOW_WARC_H
#define WINNOW_WARC_H

#include <stdint.h>
#include <zlib.h>
#include "core/core.h"

/* ---- warc_stream.c: the decompressed byte window ----------------------------------- */

typedef enum {
    WARC_STREAM_OK = 0,
    WARC_STREAM_EOF,     /* no byte is left */
    WARC_STREAM_CORRUPT, /* a gzip member is corrupt, or bytes that are not gzip follow one:
                            err and bad_offset say what and where; call recover */
    WARC_STREAM_IOERR    /* read() failed: err says why; the stream is done */
} warc_stream_state;

typedef struct {
    uint64_t u; /* decompressed offset of the member's first byte */
    uint64_t c; /* file offset of its gzip header */
} warc_member;

typedef struct {
    int fd;
    int gz;                   /* the input is gzip (one member or many) */
    /* compressed (or, for plain input, raw) bytes read from fd */
    unsigned char *in;
    size_t in_pos, in_len, in_cap;
    uint64_t in_off;          /* file offset of in[0] */
    int in_eof;
    z_stream z;
    int z_live;               /* inflateInit2 done */
    int member_end;           /* the last member ended; the next bytes start a new one */
    int scanning;             /* after corruption: looking for the next gzip header */
    /* the window of decompressed bytes: w[pos..len) is unread */
    char *w;
    size_t pos, len, cap, max_cap;
    uint64_t w_off;           /* decompressed offset of w[0] */
    warc_member *members;     /* gzip member starts still relevant to the window */
    size_t n_members, cap_members;
    warc_stream_state state;
    uint64_t bad_offset;      /* file offset of the trouble, for CORRUPT */
    char err[160];
} warc_stream;

/* Sets up s to read fd, the first head_len bytes (already read from fd by a caller that
 * sniffed it) coming from head.  max_window caps the window (one record's block plus its
 * headers).  0, or -1 when out of memory. */
int wn_warc_stream_init(warc_stream *s, int fd, const char *head, size_t head_len,
                        size_t max_window);
void wn_warc_stream_free(warc_stream *s);

/* Makes at least want bytes readable at w[pos] when the input has them (and the window
 * room: want <= max_cap); returns how many are readable, fewer at the end of the input or
 * when the state is no longer OK.  May move the window (pointers into it go stale). */
size_t wn_warc_stream_fill(warc_stream *s, size_t want);

/* Consumes n bytes without keeping them (for a record too large for the window); returns
 * how many were consumed (fewer at the end of the input or on trouble). */
uint64_t wn_warc_stream_skip(warc_stream *s, uint64_t n);

/* After CORRUPT: drops the window and carries on at the next gzip header. */
void wn_warc_stream_recover(warc_stream *s);

/* The file offset of the unread byte w[pos]: itself for plain input; for gzip the offset
 * of the member that holds it (where a per-record gzip file's record starts). */
uint64_t wn_warc_stream_offset(const warc_stream *s);

/* ---- warc_fields.c: "Name: value" header blocks ------------------------------------ */

typedef struct {
    const char *name, *value; /* NUL-terminated, in the caller's storage */
} warc_field;

#define WARC_MAX_FIELDS 128

/* Splits the header block h[0..n) (lines ending in LF or CRLF, without the blank line
 * that ends it) into fields, in place: h is modified and the fields point into it.
 * Continuation lines (starting with a space or tab) join the field before.  h[n] must be
 * writable (it may receive a NUL).  Returns
 * the number of fields, or -1 when a line is no field (no colon, empty name). */
int wn_warc_fields_parse(char *h, size_t n, warc_field *f, int max);

/* The value of the first field named name (any case), or NULL. */
const char *wn_warc_field(const warc_field *f, int n, const char *name);

/* Splits a Content-Type value into the media type (lower case, no parameters) and the
 * charset parameter (quotes removed), each written NUL-terminated into its buffer
 * ("" when absent). */
void wn_warc_media_type(const char *v, char *type, size_t typelen, char *charset,
                        size_t charsetlen);

/* ---- warc_http.c: the HTTP response inside a response record ----------------------- */

typedef struct {
    int status;               /* 100..999 */
    char content_type[96];    /* media type, lower case, "" when absent */
    char charset[48];         /* charset parameter, "" when absent */
    const char *transfer_encoding, *content_encoding; /* as sent, or NULL */
    const char *content_language; /* as sent, or NULL */
    const char *body;         /* the entity body: into the block, or (decoded) into out */
    size_t body_len;
} warc_http;

/* Parses the HTTP response in block[0..n): the status line and the headers (cut into
 * strings in place); body is the raw entity body.  Returns 0, or -1 with a reason in
 * err (no status line, no end of the headers, a malformed header line). */
int wn_warc_http_parse(char *block, size_t n, warc_http *h, char *err, size_t errlen);

/* Decodes h's body: Transfer-Encoding: chunked undone (leniently: chunking that does
 * not add up leaves the raw body), then Content-Encoding gzip, deflate or br (when
 * built with libbrotlidec), into out (whose
 * storage it may replace), at most max bytes; h->body then points at the result.
 * Returns 0, or -1 with a reason in err (over max, corrupt, an unsupported coding). */
int wn_warc_http_decode(warc_http *h, size_t max, buf *out, char *err, size_t errlen);

/* 1 when the library was built with libbrotlidec (Content-Encoding: br), else 0. */
int wn_warc_have_brotli(void);

/* Undoes chunked transfer coding of in[0..n) into out.  0; 1 when the chunking is
 * malformed (out then holds nothing useful); -1 when out of memory or over out's cap. */
int wn_warc_dechunk(const char *in, size_t n, buf *out);

/* Inflates in[0..n) (gzip, zlib or raw deflate, told apart by their first bytes) into
 * out.  0, or -1 with a reason in err. */
int wn_warc_inflate(const char *in, size_t n, buf *out, char *err, size_t errlen);

#endif
