/* fuzz_warc.c -- libFuzzer target for the WARC reader (src/warc/): the input, after a
 * first byte that picks the record limit, is an archive read to its end through
 * winnow_warc_next.  The reader must end (no more records than bytes, after gzip's at
 * most 1032-fold expansion: a repeated malformed header compresses well), never return a
 * payload larger than its limit, give offsets inside the input, and count what it
 * returned; the chunked and gzip decoders also get the raw bytes. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "warc/warc.h"
#include "winnow/winnow.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void require(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "fuzz_warc: contract broken: %s\n", what);
        abort();
    }
}

static void str_ok(const char *s)
{
    if (s) require(strlen(s) < (1u << 20), "field is a string");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    static int devnull = -1;
    if (devnull < 0) devnull = open("/dev/null", O_RDONLY);
    size_t max = (size_t)(data[0] & 0x3f) * 64 + 16; /* small limits reach the skip path */
    const char *in = (const char *)data + 1;
    size_t n = size - 1;

    /* The archive is all in head; the fd (at its end at once) adds nothing. */
    winnow_warc_options o;
    winnow_warc_options_init(&o);
    o.max_size = max;
    o.head = in;
    o.head_len = n;
    char err[200];
    winnow_warc *w = winnow_warc_open_fd(devnull, "fuzz", &o, err, sizeof err);
    if (!w) return 0;
    winnow_warc_record r;
    size_t records = 0;
    int rc;
    while ((rc = winnow_warc_next(w, &r, err, sizeof err)) == 1) {
        records++;
        require(records <= (n + 1) * 1032, "the reader ends");
        require(r.offset <= n, "offset inside the input");
        str_ok(r.type);
        str_ok(r.record_id);
        str_ok(r.target_uri);
        str_ok(r.date);
        str_ok(r.content_type);
        str_ok(r.charset);
        if (r.kind == WINNOW_WARC_PAGE) {
            require(r.payload != NULL || r.payload_len == 0, "a page has its bytes");
            require(r.payload_len <= max, "payload within the limit");
            volatile char sum = 0;
            for (size_t i = 0; i < r.payload_len; i++) sum ^= r.payload[i];
            (void)sum;
        } else {
            require(r.reason && r.reason[0], "a skip or an error says why");
        }
    }
    require(rc == 0, "a memory stream ends cleanly");
    winnow_warc_counts c;
    winnow_warc_get_counts(w, &c);
    require(c.records == records, "every record counted");
    winnow_warc_close(w);

    buf out;
    wn_buf_init(&out, max * 4);
    wn_warc_dechunk(in, n, &out);
    wn_warc_inflate(in, n, &out, err, sizeof err);
    wn_buf_free(&out);
    return 0;
}
