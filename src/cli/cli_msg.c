/* cli_msg.c -- diagnostics: one place decides the "winnow: " prefix, stderr, and what
 * -q / -v let through.  Messages come from the main thread only (workers hand theirs
 * back with their result), so they never interleave. */
#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include "cli.h"

cli_verbosity cli_verbose_level = VERB_NORMAL;

__attribute__((format(printf, 2, 0)))
static void vmsg(const char *kind, const char *fmt, va_list ap)
{
    cli_progress_clear();
    fputs("winnow: ", stderr);
    if (kind) fputs(kind, stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

#define MSG_BODY(kind)     \
    va_list ap;            \
    va_start(ap, fmt);     \
    vmsg(kind, fmt, ap);   \
    va_end(ap)

void cli_error(const char *fmt, ...) { MSG_BODY(NULL); }

void cli_warn(const char *fmt, ...)
{
    if (cli_verbose_level < VERB_NORMAL) return;
    MSG_BODY("warning: ");
}

void cli_note(const char *fmt, ...)
{
    if (cli_verbose_level < VERB_NORMAL) return;
    MSG_BODY("note: ");
}

void cli_info(const char *fmt, ...)
{
    if (cli_verbose_level < VERB_VERBOSE) return;
    MSG_BODY(NULL);
}

int cli_usage_error(const char *fmt, ...)
{
    MSG_BODY(NULL);
    fputs("Try 'winnow --help' for more information.\n", stderr);
    return EXIT_FATAL;
}

int cli_fatal(const char *fmt, ...)
{
    MSG_BODY(NULL);
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
