/* bench_util.h -- what the two speed benchmarks share: loading files into memory and
 * reading the clocks, so winnow and the libxml2 baseline are timed the same way. */
#ifndef WINNOW_BENCH_UTIL_H
#define WINNOW_BENCH_UTIL_H
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

typedef struct {
    char *data;
    size_t len;
} page;

/* Reads path whole; exits with a message on failure (a benchmark has no partial result). */
static page bench_load(const char *path)
{
    page p = {NULL, 0};
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(2);
    }
    size_t cap = 1 << 16;
    for (;;) {
        char *d = realloc(p.data, cap);
        if (!d) {
            fprintf(stderr, "%s: out of memory\n", path);
            exit(2);
        }
        p.data = d;
        p.len += fread(p.data + p.len, 1, cap - p.len, f);
        if (p.len < cap) break;
        cap *= 2;
    }
    if (ferror(f)) {
        perror(path);
        exit(2);
    }
    fclose(f);
    /* The library reads bytes as they are; the CLI inflates .gz, a benchmark would time
     * the library failing on compressed bytes and report a speed no page has. */
    if (p.len >= 2 && (unsigned char)p.data[0] == 0x1f && (unsigned char)p.data[1] == 0x8b) {
        fprintf(stderr, "%s: gzip-compressed; gunzip the pages first\n", path);
        exit(2);
    }
    return p;
}

/* Loads the n files of paths[]; *bytes receives their total size; free with bench_free. */
static page *bench_load_all(char **paths, size_t n, size_t *bytes)
{
    page *pages = calloc(n ? n : 1, sizeof *pages);
    if (!pages) exit(2);
    *bytes = 0;
    for (size_t k = 0; k < n; k++) {
        pages[k] = bench_load(paths[k]);
        *bytes += pages[k].len;
    }
    return pages;
}

static void bench_free(page *pages, size_t n)
{
    for (size_t k = 0; k < n; k++) free(pages[k].data);
    free(pages);
}

/* CPU seconds (user + system) this process used so far. */
static double bench_cpu(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
           (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

static double bench_wall(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long bench_maxrss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* The one result line bench/speed.sh parses: key=value pairs. */
static void bench_report(const char *what, size_t pages, size_t bytes, int passes, double cpu,
                         double wall)
{
    double mb = (double)bytes * passes / 1e6;
    printf("%s pages=%zu bytes=%zu passes=%d cpu=%.4f wall=%.4f pages_per_s=%.1f "
           "mb_per_s=%.2f maxrss_kb=%ld\n",
           what, pages, bytes, passes, cpu, wall, cpu > 0 ? (double)pages * passes / cpu : 0.0,
           cpu > 0 ? mb / cpu : 0.0, bench_maxrss_kb());
}
#endif
