/* cli_lines.c -- a stream read line by line with a cap per line: a JSON Lines input of
 * any length goes through in constant memory, and a line over the cap is skipped
 * (counted, never buffered whole) so the lines after it still come.  gzip data is
 * recognised by its magic bytes, as for whole files (cli_io.c), and inflated on the
 * way.  Reads return what the pipe has, so a producer that waits for each answer is
 * answered. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include "cli.h"

#define CHUNK 65536

struct cli_lines {
    int fd, close_fd;
    int gzip;                  /* the stream is gzip data */
    int at_start;              /* nothing read yet: the magic bytes decide */
    int eof;
    z_stream z;
    int z_live;
    unsigned char raw[CHUNK];  /* gzip bytes not inflated yet */
    char buf[CHUNK];           /* the stream's bytes (inflated) */
    size_t pos, end;
    char err[256];
};

cli_lines *cli_lines_open(const char *path, char *err, size_t errlen)
{
    int is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "%s", strerror(errno));
        return NULL;
    }
    cli_lines *lr = calloc(1, sizeof *lr);
    if (!lr) {
        snprintf(err, errlen, "out of memory");
        if (!is_stdin) close(fd);
        return NULL;
    }
    lr->fd = fd;
    lr->close_fd = !is_stdin;
    lr->at_start = 1;
    return lr;
}

void cli_lines_close(cli_lines *lr)
{
    if (!lr) return;
    if (lr->z_live) inflateEnd(&lr->z);
    if (lr->close_fd) close(lr->fd);
    free(lr);
}

/* read(2) into p[0..cap) until something came, the end, or an error (-1). */
static ssize_t read_some(cli_lines *lr, void *p, size_t cap)
{
    for (;;) {
        ssize_t r = read(lr->fd, p, cap);
        if (r >= 0 || errno != EINTR) {
            if (r < 0) snprintf(lr->err, sizeof lr->err, "read error: %s", strerror(errno));
            return r;
        }
    }
}

/* Inflates more of the gzip stream into buf.  1, 0 at the end, -1 on error. */
static int fill_gzip(cli_lines *lr)
{
    for (;;) {
        if (lr->z.avail_in == 0) {
            ssize_t r = read_some(lr, lr->raw, sizeof lr->raw);
            if (r < 0) return -1;
            if (r == 0) {
                if (lr->z_live) break; /* a member is unfinished */
                return 0;
            }
            lr->z.next_in = lr->raw;
            lr->z.avail_in = (uInt)r;
        }
        if (!lr->z_live) { /* a new member: `cat a.gz b.gz` is one stream */
            if (lr->z.next_in[0] != 0x1f) return 0; /* trailing zeros or junk: the end */
            if (inflateReset(&lr->z) != Z_OK) break;
            lr->z_live = 1;
        }
        lr->z.next_out = (unsigned char *)lr->buf;
        lr->z.avail_out = sizeof lr->buf;
        int rc = inflate(&lr->z, Z_NO_FLUSH);
        if (rc == Z_STREAM_END) lr->z_live = 0;
        else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            snprintf(lr->err, sizeof lr->err, "corrupt gzip data: %s",
                     lr->z.msg ? lr->z.msg : "invalid stream");
            return -1;
        }
        lr->pos = 0;
        lr->end = sizeof lr->buf - lr->z.avail_out;
        if (lr->end) return 1;
    }
    snprintf(lr->err, sizeof lr->err, "truncated gzip data");
    return -1;
}

/* Makes buf hold unread bytes.  1, 0 at the end, -1 on error (message in err). */
static int fill(cli_lines *lr)
{
    if (lr->pos < lr->end) return 1;
    if (lr->eof) return 0;
    int rc;
    if (lr->gzip) {
        rc = fill_gzip(lr);
    } else {
        ssize_t r = read_some(lr, lr->buf, sizeof lr->buf);
        lr->pos = 0;
        lr->end = r > 0 ? (size_t)r : 0;
        rc = r < 0 ? -1 : r > 0;
        /* One byte may be all a pipe has yet: the second decides gzip or not. */
        if (lr->at_start && r == 1 && (unsigned char)lr->buf[0] == 0x1f) {
            ssize_t r2 = read_some(lr, lr->buf + 1, sizeof lr->buf - 1);
            if (r2 < 0) return -1;
            lr->end += (size_t)r2;
        }
        if (lr->at_start && lr->end >= 2 && (unsigned char)lr->buf[0] == 0x1f &&
            (unsigned char)lr->buf[1] == 0x8b) {
            lr->gzip = 1;
            memcpy(lr->raw, lr->buf, lr->end);
            if (inflateInit2(&lr->z, 16 + MAX_WBITS) != Z_OK) {
                snprintf(lr->err, sizeof lr->err, "out of memory");
                return -1;
            }
            lr->z.next_in = lr->raw;
            lr->z.avail_in = (uInt)lr->end;
            lr->z_live = 1;
            lr->pos = lr->end = 0;
            lr->at_start = 0;
            rc = fill_gzip(lr);
        }
        lr->at_start = 0;
    }
    if (rc == 0) lr->eof = 1;
    return rc;
}

int cli_lines_next(cli_lines *lr, size_t max, cli_line *line)
{
    memset(line, 0, sizeof *line);
    size_t cap = 0;
    int any = 0, rc;
    while ((rc = fill(lr)) > 0) {
        any = 1;
        char *start = lr->buf + lr->pos;
        char *nl = memchr(start, '\n', lr->end - lr->pos);
        size_t take = nl ? (size_t)(nl - start) : lr->end - lr->pos;
        lr->pos += take + (nl != NULL);
        line->bytes += take;
        /* One byte over the cap is allowed for a CR before the newline. */
        if (!line->too_long && line->bytes > max + 1) {
            line->too_long = 1;
            free(line->data);
            line->data = NULL;
            line->len = 0;
        }
        if (!line->too_long && take) {
            if (line->len + take + 1 > cap) {
                size_t nc = cap ? cap * 2 : 4096;
                while (nc < line->len + take + 1) nc *= 2;
                char *q = realloc(line->data, nc);
                if (!q) {
                    free(line->data);
                    snprintf(lr->err, sizeof lr->err, "out of memory");
                    return -1;
                }
                line->data = q;
                cap = nc;
            }
            memcpy(line->data + line->len, start, take);
            line->len += take;
        }
        if (nl) break;
    }
    if (rc < 0) {
        free(line->data);
        line->data = NULL;
        return -1;
    }
    if (!any) return 0;
    if (line->len && line->data[line->len - 1] == '\r') line->len--;
    if (!line->too_long && line->len > max) {
        line->too_long = 1;
        free(line->data);
        line->data = NULL;
        line->len = 0;
    }
    if (!line->too_long && !line->data && !(line->data = malloc(1))) {
        snprintf(lr->err, sizeof lr->err, "out of memory");
        return -1;
    }
    if (line->data) line->data[line->len] = '\0';
    return 1;
}

const char *cli_lines_error(const cli_lines *lr) { return lr->err; }
