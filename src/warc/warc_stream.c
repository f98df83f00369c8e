/* warc_stream.c -- the bytes of an archive as a window of decompressed data, read from a
 * file descriptor a block at a time (stdin and pipes included: nothing seeks).
 *
 * Plain and gzip input are told apart by the first two bytes.  gzip is inflated member
 * after member, so a file gzipped whole and one gzipped per record (Common Crawl) read
 * alike; the start of every member is remembered with its file offset, which is how a
 * record's offset is known.  A corrupt member, or bytes that are no gzip after one,
 * stops the stream in the CORRUPT state until the reader has reported it and called
 * recover, which skips to the next gzip header. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "warc/warc.h"

#define IN_CHUNK 65536
#define WINDOW_MIN 65536

int wn_warc_stream_init(warc_stream *s, int fd, const char *head, size_t head_len,
                        size_t max_window)
{
    memset(s, 0, sizeof *s);
    s->fd = fd;
    s->max_cap = max_window < WINDOW_MIN ? WINDOW_MIN : max_window;
    s->in_cap = head_len > IN_CHUNK ? head_len : IN_CHUNK;
    s->in = malloc(s->in_cap);
    s->cap = WINDOW_MIN;
    s->w = malloc(s->cap);
    if (!s->in || !s->w) {
        wn_warc_stream_free(s);
        return -1;
    }
    if (head_len) memcpy(s->in, head, head_len);
    s->in_len = head_len;
    s->member_end = 1; /* for gzip: the first header starts a member */
    return 0;
}

void wn_warc_stream_free(warc_stream *s)
{
    if (s->z_live) inflateEnd(&s->z);
    free(s->in);
    free(s->w);
    free(s->members);
    memset(s, 0, sizeof *s);
    s->fd = -1;
}

static void set_state(warc_stream *s, warc_stream_state st, uint64_t where, const char *msg)
{
    s->state = st;
    s->bad_offset = where;
    snprintf(s->err, sizeof s->err, "%s", msg);
}

/* Reads more raw bytes into in[], keeping the unread ones.  0 when some came, 1 at the
 * end of the input, -1 on a read error (state set). */
static int read_more(warc_stream *s)
{
    if (s->in_eof) return 1;
    if (s->in_pos > 0) {
        memmove(s->in, s->in + s->in_pos, s->in_len - s->in_pos);
        s->in_off += s->in_pos;
        s->in_len -= s->in_pos;
        s->in_pos = 0;
    }
    for (;;) {
        ssize_t r = read(s->fd, s->in + s->in_len, s->in_cap - s->in_len);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            char msg[128];
            snprintf(msg, sizeof msg, "read error: %s", strerror(errno));
            set_state(s, WARC_STREAM_IOERR, s->in_off + s->in_len, msg);
            return -1;
        }
        if (r == 0) {
            s->in_eof = 1;
            return 1;
        }
        s->in_len += (size_t)r;
        return 0;
    }
}

/* At least n raw bytes unread in in[] (fewer at the end of the input). */
static size_t in_avail(warc_stream *s, size_t n)
{
    while (s->in_len - s->in_pos < n && s->state == WARC_STREAM_OK)
        if (read_more(s) != 0) break;
    return s->in_len - s->in_pos;
}

static int is_gz_header(const unsigned char *p) { return p[0] == 0x1f && p[1] == 0x8b && p[2] == 8; }

/* Moves in_pos to the next gzip header (magic and the deflate method byte).  1 when
 * one was found, 0 at the end of the input. */
static int seek_gz_header(warc_stream *s)
{
    for (;;) {
        if (in_avail(s, 3) < 3) {
            s->in_pos = s->in_len;
            return 0;
        }
        const unsigned char *p = s->in + s->in_pos;
        size_t n = s->in_len - s->in_pos;
        for (size_t i = 0; i + 2 < n; i++) {
            const unsigned char *q = memchr(p + i, 0x1f, n - 2 - i);
            if (!q) break;
            i = (size_t)(q - p);
            if (is_gz_header(q)) {
                s->in_pos += i;
                return 1;
            }
        }
        s->in_pos += n - 2; /* a header may straddle the refill */
    }
}

/* Remembers that a member starts now (decompressed offset: the window's end). */
static int note_member(warc_stream *s)
{
    uint64_t u = s->w_off + s->len;
    /* Members the window has left behind are no longer asked about; keep the one that
     * holds w[0]. */
    size_t drop = 0;
    while (drop + 1 < s->n_members && s->members[drop + 1].u <= s->w_off) drop++;
    if (drop) {
        memmove(s->members, s->members + drop, (s->n_members - drop) * sizeof *s->members);
        s->n_members -= drop;
    }
    if (s->n_members == s->cap_members) {
        size_t nc = s->cap_members ? s->cap_members * 2 : 16;
        warc_member *m = realloc(s->members, nc * sizeof *m);
        if (!m) return -1;
        s->members = m;
        s->cap_members = nc;
    }
    s->members[s->n_members++] = (warc_member){u, s->in_off + s->in_pos};
    return 0;
}

/* Starts the member at in[in_pos]: returns 0, 1 at the clean end of the input, -1 when
 * the state turned CORRUPT or IOERR. */
static int start_member(warc_stream *s)
{
    size_t n = in_avail(s, 3);
    if (n == 0) return 1;
    const unsigned char *p = s->in + s->in_pos;
    if (n < 3 || !is_gz_header(p)) {
        /* Zero padding after the last member is harmless; anything else is reported. */
        size_t z = 0;
        while (z < n && p[z] == 0) z++;
        if (z == n && s->in_eof) {
            s->in_pos = s->in_len;
            return 1;
        }
        set_state(s, WARC_STREAM_CORRUPT, s->in_off + s->in_pos,
                  "bytes that are not gzip data follow a gzip member");
        return -1;
    }
    if (note_member(s) != 0) {
        set_state(s, WARC_STREAM_IOERR, s->in_off + s->in_pos, "out of memory");
        return -1;
    }
    int rc = s->z_live ? inflateReset(&s->z) : inflateInit2(&s->z, 16 + MAX_WBITS);
    if (rc != Z_OK) {
        set_state(s, WARC_STREAM_IOERR, s->in_off + s->in_pos, "out of memory");
        return -1;
    }
    s->z_live = 1;
    s->member_end = 0;
    return 0;
}

/* Appends up to room decompressed bytes at w[len]; the number added (0 at the end of
 * the input or on trouble). */
static size_t produce_gz(warc_stream *s, size_t room)
{
    size_t got = 0;
    while (got == 0 && s->state == WARC_STREAM_OK) {
        if (s->scanning) {
            if (!seek_gz_header(s)) return 0;
            s->member_end = 1;
        }
        if (s->member_end) {
            int r = start_member(s);
            if (r != 0) return 0;
        }
        if (s->in_pos == s->in_len && read_more(s) != 0) {
            /* The input ends inside a member (or could not be read). */
            if (s->scanning || s->state != WARC_STREAM_OK) return 0;
            set_state(s, WARC_STREAM_CORRUPT, s->members[s->n_members - 1].c,
                      "gzip data cut short (truncated file)");
            return 0;
        }
        s->z.next_in = s->in + s->in_pos;
        s->z.avail_in = (uInt)(s->in_len - s->in_pos);
        s->z.next_out = (unsigned char *)s->w + s->len;
        s->z.avail_out = (uInt)(room > (1u << 30) ? (1u << 30) : room);
        uInt before_out = s->z.avail_out;
        int rc = inflate(&s->z, Z_NO_FLUSH);
        s->in_pos = s->in_len - s->z.avail_in;
        got = before_out - s->z.avail_out;
        s->len += got;
        if (rc == Z_STREAM_END) {
            s->member_end = 1;
            s->scanning = 0;
        } else if (rc == Z_OK || rc == Z_BUF_ERROR) {
            if (got) s->scanning = 0;
        } else if (s->scanning) {
            /* A false header while looking for the next member: look on from just
             * after it (or from here, when the input has moved past it). */
            uint64_t next = s->members[--s->n_members].c + 1;
            if (next >= s->in_off && next - s->in_off <= s->in_len) s->in_pos = (size_t)(next - s->in_off);
            s->len -= got;
            got = 0;
            s->member_end = 1;
        } else {
            char msg[128];
            snprintf(msg, sizeof msg, "corrupt gzip member: %s",
                     s->z.msg ? s->z.msg : "invalid data");
            set_state(s, WARC_STREAM_CORRUPT, s->members[s->n_members - 1].c, msg);
            return 0;
        }
    }
    return got;
}

static size_t produce_plain(warc_stream *s, size_t room)
{
    if (s->in_pos == s->in_len && read_more(s) != 0) return 0;
    size_t n = s->in_len - s->in_pos;
    if (n > room) n = room;
    memcpy(s->w + s->len, s->in + s->in_pos, n);
    s->in_pos += n;
    s->len += n;
    return n;
}

/* Decides plain or gzip from the first bytes. */
static void detect(warc_stream *s)
{
    if (s->w_off || s->len || s->n_members || s->gz) return;
    size_t n = in_avail(s, 2);
    s->gz = n >= 2 && s->in[s->in_pos] == 0x1f && s->in[s->in_pos + 1] == 0x8b;
}

size_t wn_warc_stream_fill(warc_stream *s, size_t want)
{
    if (want > s->max_cap) want = s->max_cap;
    if (s->w_off == 0 && s->len == 0 && s->pos == 0) detect(s);
    while (s->len - s->pos < want && s->state == WARC_STREAM_OK) {
        if (s->cap - s->pos < want || s->len == s->cap) {
            /* Slide the unread bytes to the front before growing. */
            if (s->pos) {
                memmove(s->w, s->w + s->pos, s->len - s->pos);
                s->w_off += s->pos;
                s->len -= s->pos;
                s->pos = 0;
            }
            if (s->cap < want || s->len == s->cap) {
                size_t nc = s->cap * 2;
                while (nc < want) nc *= 2;
                if (nc > s->max_cap) nc = s->max_cap;
                if (nc <= s->cap) break;
                char *w = realloc(s->w, nc);
                if (!w) {
                    set_state(s, WARC_STREAM_IOERR, wn_warc_stream_offset(s), "out of memory");
                    break;
                }
                s->w = w;
                s->cap = nc;
            }
        }
        size_t room = s->cap - s->len;
        size_t got = s->gz ? produce_gz(s, room) : produce_plain(s, room);
        if (got == 0) {
            if (s->state == WARC_STREAM_OK && s->len - s->pos == 0) s->state = WARC_STREAM_EOF;
            break;
        }
    }
    if (s->state == WARC_STREAM_EOF && s->len > s->pos) s->state = WARC_STREAM_OK;
    return s->len - s->pos;
}

uint64_t wn_warc_stream_skip(warc_stream *s, uint64_t n)
{
    uint64_t done = 0;
    while (done < n) {
        size_t avail = s->len - s->pos;
        if (avail == 0) {
            /* Reuse the window from its start: nothing before pos is wanted. */
            s->w_off += s->len;
            s->pos = s->len = 0;
            avail = wn_warc_stream_fill(s, 1);
            if (avail == 0) break;
        }
        size_t take = n - done < avail ? (size_t)(n - done) : avail;
        s->pos += take;
        done += take;
    }
    return done;
}

void wn_warc_stream_recover(warc_stream *s)
{
    s->w_off += s->len;
    s->pos = s->len = 0;
    if (s->state != WARC_STREAM_CORRUPT) return;
    s->state = WARC_STREAM_OK;
    /* Step past the bad header so the search finds the next one. */
    if (s->in_off + s->in_pos <= s->bad_offset) {
        uint64_t skip = s->bad_offset + 1 - s->in_off;
        s->in_pos = skip < s->in_len ? (size_t)skip : s->in_len;
    }
    s->scanning = 1;
    s->member_end = 1;
}

uint64_t wn_warc_stream_offset(const warc_stream *s)
{
    uint64_t u = s->w_off + s->pos;
    if (!s->gz) return u;
    uint64_t c = 0;
    for (size_t i = 0; i < s->n_members && s->members[i].u <= u; i++) c = s->members[i].c;
    return c;
}
