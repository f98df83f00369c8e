/* parse_only.c -- the libxml2 baseline of bench/speed.sh: parses pages with
 * htmlReadMemory exactly as winnow's HTML path does (same flags, UTF-8) and frees
 * them, nothing else.  Whatever winnow spends beyond this is its own cost.
 *
 *   parse_only FILE                       one page, one process (startup included)
 *   parse_only --all [--min-cpu S] FILE...  every page in one process, repeated until
 *                                           S CPU seconds (default 1) were spent;
 *                                           prints one key=value result line */
#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>
#include "bench_util.h"

/* Keep in step with the htmlReadMemory call in src/. */
#define PARSE_FLAGS                                                                     \
    (HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
     HTML_PARSE_COMPACT)

static size_t parse(const page *p)
{
    htmlDocPtr doc = htmlReadMemory(p->data, (int)p->len, NULL, "UTF-8", PARSE_FLAGS);
    size_t ok = doc != NULL;
    xmlFreeDoc(doc);
    return ok;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: parse_only FILE | parse_only --all [--min-cpu S] FILE...\n");
        return 2;
    }
    xmlInitParser();
    if (strcmp(argv[1], "--all") != 0) {
        page p = bench_load(argv[1]);
        size_t ok = parse(&p);
        free(p.data);
        return ok ? 0 : 1;
    }
    int i = 2;
    double min_cpu = 1.0;
    if (i + 1 < argc && strcmp(argv[i], "--min-cpu") == 0) {
        min_cpu = atof(argv[i + 1]);
        i += 2;
    }
    size_t n = (size_t)(argc - i), bytes;
    page *pages = bench_load_all(argv + i, n, &bytes);
    double c0 = bench_cpu(), w0 = bench_wall();
    int passes = 0;
    size_t parsed = 0;
    do {
        for (size_t k = 0; k < n; k++) parsed += parse(&pages[k]);
        passes++;
    } while (bench_cpu() - c0 < min_cpu);
    bench_report("parse_only", n, bytes, passes, bench_cpu() - c0, bench_wall() - w0);
    bench_free(pages, n);
    xmlCleanupParser();
    return parsed == n * (size_t)passes ? 0 : 1;
}
