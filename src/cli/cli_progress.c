/* cli_progress.c -- "files done/total, MB/s, failures" on one redrawn stderr line, and
 * only when stderr is a terminal and -q was not given: logs and pipes never see it. */
#include <time.h>
#include <unistd.h>
#include "cli.h"

static int enabled, shown;
static size_t total;
static double t_start, t_last;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cli_progress_start(size_t n)
{
    total = n;
    enabled = n > 1 && cli_verbose_level >= VERB_NORMAL && isatty(STDERR_FILENO);
    t_start = t_last = now();
}

void cli_progress_update(size_t done, size_t failed, uint64_t bytes_in)
{
    if (!enabled) return;
    double t = now();
    if (t - t_last < 0.1 && done < total) return;
    t_last = t;
    double secs = t - t_start > 1e-3 ? t - t_start : 1e-3;
    fprintf(stderr, "\rwinnow: %zu/%zu files, %.1f MB/s, %zu failed\033[K", done, total,
            (double)bytes_in / 1e6 / secs, failed);
    fflush(stderr);
    shown = 1;
}

void cli_progress_clear(void)
{
    if (!shown) return;
    fputs("\r\033[K", stderr);
    shown = 0;
}
