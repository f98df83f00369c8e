/* cli_io.c -- reading inputs and rule files, with a hard cap so a 1 GB stream,
 * /dev/zero or a gzip bomb fails cleanly instead of exhausting memory.  gzip data is
 * recognised by its magic bytes (whatever the name) and inflated; the cap applies to
 * the inflated size. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include "cli.h"

/* what names the limit for the user: "--max-size", or the rule files' fixed cap. */
static void too_large(char *err, size_t errlen, size_t max, const char *what)
{
    snprintf(err, errlen, "input is larger than the limit of %zu bytes (%s)", max, what);
}

/* Grows *p (capacity *cap) towards at most max + 1 bytes, so passing max is seen
 * without ever buffering more.  0, or -1 when out of memory. */
static int grow(char **p, size_t *cap, size_t max)
{
    size_t nc = *cap * 2;
    if (nc > max + 1) nc = max + 1;
    if (nc <= *cap) nc = *cap + 1;
    char *q = realloc(*p, nc);
    if (!q) return -1;
    *p = q;
    *cap = nc;
    return 0;
}

/* Reads fd to the end into a new buffer, after the head_len bytes at head; -1 with err
 * on failure or past max. */
static int read_fd(int fd, const char *head, size_t head_len, size_t max, const char *what,
                   size_t hint, char **data, size_t *len, char *err, size_t errlen)
{
    size_t cap = hint < 65536 ? 65536 : hint, n = head_len;
    if (cap < head_len) cap = head_len;
    char *p = malloc(cap);
    if (!p) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    if (head_len) memcpy(p, head, head_len);
    if (n > max) { /* the head alone passes the cap */
        too_large(err, errlen, max, what);
        free(p);
        return -1;
    }
    for (;;) {
        if (n == cap && grow(&p, &cap, max) != 0) {
            snprintf(err, errlen, "out of memory");
            break;
        }
        ssize_t r = read(fd, p + n, cap - n);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            snprintf(err, errlen, "read error: %s", strerror(errno));
            break;
        }
        if (r == 0) {
            *data = p;
            *len = n;
            return 0;
        }
        n += (size_t)r;
        if (n > max) { /* stop at once: the rest of the stream is never buffered */
            too_large(err, errlen, max, what);
            break;
        }
    }
    free(p);
    return -1;
}

static int is_gzip(const char *p, size_t n)
{
    return n >= 2 && (unsigned char)p[0] == 0x1f && (unsigned char)p[1] == 0x8b;
}

/* Inflates gzip in[0..n) (concatenated members too) into a new buffer of at most max
 * bytes.  0, or -1 with err (truncated, corrupt, too large, out of memory). */
static int gunzip(const char *in, size_t n, size_t max, const char *what, char **data,
                  size_t *len, char *err, size_t errlen)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    size_t cap = n < max / 4 ? n * 4 + 1024 : max + 1, out = 0;
    char *p = malloc(cap);
    int rc = p ? Z_OK : Z_MEM_ERROR;
    z.next_in = (unsigned char *)(uintptr_t)in;
    /* zlib counts in uInt; feed huge inputs in slices. */
    size_t in_left = n;
    while (rc == Z_OK) {
        if (z.avail_in == 0 && in_left) {
            z.avail_in = in_left > (1u << 30) ? (1u << 30) : (uInt)in_left;
            in_left -= z.avail_in;
        }
        if (out == cap) {
            if (out > max) break;
            if (grow(&p, &cap, max) != 0) {
                rc = Z_MEM_ERROR;
                break;
            }
        }
        size_t room = cap - out > (1u << 30) ? (1u << 30) : cap - out;
        z.next_out = (unsigned char *)p + out;
        z.avail_out = (uInt)room;
        rc = inflate(&z, Z_NO_FLUSH);
        out += room - z.avail_out;
        if (out > max) break;
        if (rc == Z_STREAM_END && (z.avail_in || in_left)) {
            /* Another member follows (as `cat a.gz b.gz` makes); trailing zeros do not. */
            if (z.avail_in < 2 || z.next_in[0] != 0x1f || z.next_in[1] != 0x8b) break;
            rc = inflateReset(&z) == Z_OK ? Z_OK : Z_DATA_ERROR;
        }
        if (rc == Z_BUF_ERROR && z.avail_in == 0 && !in_left) break; /* input ended early */
        if (rc == Z_BUF_ERROR && z.avail_out == 0) rc = Z_OK;
    }
    inflateEnd(&z);
    if (out > max) too_large(err, errlen, max, what);
    else if (rc == Z_STREAM_END) {
        *data = p;
        *len = out;
        return 0;
    } else if (rc == Z_MEM_ERROR) snprintf(err, errlen, "out of memory");
    else if (rc == Z_BUF_ERROR || rc == Z_OK) snprintf(err, errlen, "truncated gzip data");
    else snprintf(err, errlen, "corrupt gzip data: %s", z.msg ? z.msg : "invalid stream");
    free(p);
    return -1;
}

int cli_read_input(const char *path, size_t max, const char *what, char **data, size_t *len,
                   char *err, size_t errlen)
{
    return cli_read_input_head(path, NULL, 0, max, what, data, len, err, errlen);
}

int cli_read_input_head(const char *path, const char *head, size_t head_len, size_t max,
                        const char *what, char **data, size_t *len, char *err, size_t errlen)
{
    *data = NULL;
    *len = 0;
    int is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "%s", strerror(errno));
        return -1;
    }
    struct stat st;
    size_t hint = 0;
    int rc = 0;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "is a directory");
        rc = -1;
    } else if (S_ISREG(st.st_mode) && st.st_size > 0) {
        hint = (unsigned long long)st.st_size > max ? max + 1 : (size_t)st.st_size + 1;
        /* A plain file over the cap is refused without reading (or allocating) a byte of
         * it; gzip is the exception, as its decompressed size is what counts. */
        char magic[2];
        if ((unsigned long long)st.st_size > max &&
            !(pread(fd, magic, 2, 0) == 2 && is_gzip(magic, 2))) {
            too_large(err, errlen, max, what);
            rc = -1;
        }
    }
    char *raw = NULL;
    size_t n = 0;
    if (rc == 0) rc = read_fd(fd, head, head_len, max, what, hint, &raw, &n, err, errlen);
    if (!is_stdin) close(fd);
    if (rc != 0) return -1;
    if (!is_gzip(raw, n)) {
        *data = raw;
        *len = n;
        return 0;
    }
    rc = gunzip(raw, n, max, what, data, len, err, errlen);
    free(raw);
    return rc;
}

int cli_load_rules(winnow_rules *rules, const char *path)
{
    char *src;
    size_t len;
    char err[512];
    /* Rule files have a fixed cap of their own: --max-size is for pages. */
    if (cli_read_input(path, CLI_MAX_RULE_FILE, "the size limit for rule files", &src, &len,
                       err, sizeof err) != 0) {
        cli_error("%s: %s", path, err);
        return -1;
    }
    int rc = winnow_rules_add_source(rules, path, src, len, err, sizeof err);
    free(src);
    if (rc != 0) cli_error("%s", err);
    return rc;
}
