/* cli_msg.c -- diagnostics: one place decides the "winnow: " prefix and stderr. */
#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include "cli.h"

static void vmsg(const char *kind, const char *fmt, va_list ap)
{
    fputs("winnow: ", stderr);
    if (kind) fputs(kind, stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmsg(NULL, fmt, ap);
    va_end(ap);
}

void cli_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmsg("warning: ", fmt, ap);
    va_end(ap);
}

int cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmsg(NULL, fmt, ap);
    va_end(ap);
    fputs("Try 'winnow --help' for more information.\n", stderr);
    return EXIT_FATAL;
}

int cli_fatal(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmsg(NULL, fmt, ap);
    va_end(ap);
    return EXIT_FATAL;
}

int cli_finish_stdout(void)
{
    int bad = fflush(stdout) != 0 || ferror(stdout);
    int e = errno;
    if (fclose(stdout) != 0 && !bad) {
        bad = 1;
        e = errno;
    }
    if (bad) cli_error("write error on standard output: %s", strerror(e ? e : EIO));
    return bad;
}
