/* cli_io.c -- reading inputs and rule files, with a hard cap so a 1 GB stream or
 * /dev/zero fails cleanly instead of exhausting memory. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"

int cli_read_input(const char *path, size_t max, char **data, size_t *len, char *err,
                   size_t errlen, int *too_large)
{
    *data = NULL;
    *len = 0;
    *too_large = 0;
    int is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "%s", strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "is a directory");
        if (!is_stdin) close(fd);
        return -1;
    }
    size_t cap = 0, n = 0;
    if (S_ISREG(st.st_mode) && st.st_size > 0) {
        if ((unsigned long long)st.st_size > max) {
            *too_large = 1;
            snprintf(err, errlen, "input is larger than the limit of %zu bytes (--max-size)", max);
            if (!is_stdin) close(fd);
            return -1;
        }
        cap = (size_t)st.st_size + 1;
    }
    if (cap < 65536) cap = 65536;
    char *p = malloc(cap);
    int rc = 0;
    if (!p) {
        snprintf(err, errlen, "out of memory");
        rc = -1;
    }
    while (rc == 0) {
        if (n == cap) {
            size_t nc = cap * 2;
            if (nc > max + 1) nc = max + 1;
            if (nc <= cap) nc = cap + 1;
            char *q = realloc(p, nc);
            if (!q) {
                snprintf(err, errlen, "out of memory");
                rc = -1;
                break;
            }
            p = q;
            cap = nc;
        }
        ssize_t r = read(fd, p + n, cap - n);
        if (r < 0) {
            if (errno == EINTR) continue;
            snprintf(err, errlen, "read error: %s", strerror(errno));
            rc = -1;
            break;
        }
        if (r == 0) break;
        n += (size_t)r;
        if (n > max) {
            /* Stop reading at once: the rest of the stream is never buffered. */
            *too_large = 1;
            snprintf(err, errlen, "input is larger than the limit of %zu bytes (--max-size)", max);
            rc = -1;
        }
    }
    if (!is_stdin) close(fd);
    if (rc != 0) {
        free(p);
        return -1;
    }
    *data = p;
    *len = n;
    return 0;
}

int cli_load_rules(winnow_rules *rules, const char *path)
{
    char *src;
    size_t len;
    char err[512];
    int big;
    if (cli_read_input(path, (size_t)16 << 20, &src, &len, err, sizeof err, &big) != 0) {
        cli_error("%s: %s", path, err);
        return -1;
    }
    int rc = winnow_rules_add_source(rules, path, src, len, err, sizeof err);
    free(src);
    if (rc != 0) cli_error("%s", err);
    return rc;
}
