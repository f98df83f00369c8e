/* bench_inproc.c -- winnow_extract over many pages in one process, the way a
 * long-running service or `winnow -j` uses the library: pages are loaded first, then
 * extracted (with the default rules) again and again until --min-cpu CPU seconds were
 * spent.  Prints one key=value result line (pages/s, MB/s, CPU s, peak RSS).
 *
 *   bench_inproc [--type=html|text|auto] [--min-cpu S] [--rules FILE] [--time-limit S]
 *                [--language] FILE...
 *
 * As `winnow` writing text, the language detector is not run; --language runs it, as
 * for JSON records (winnow_options.no_language_detection), to measure what it costs.
 * --rules FILE replaces the built-in rules with FILE's (an empty file: no rules), to
 * measure what a rule set costs; --time-limit S sets winnow_options.time_limit, to
 * measure what watching the clock costs (a limit no page reaches). */
#include <stdlib.h>
#include <string.h>
#include "bench_util.h"
#include <winnow/winnow.h>

int main(int argc, char **argv)
{
    winnow_options opt;
    winnow_options_init(&opt);
    opt.no_title = 1;
    opt.no_language_detection = 1;
    double min_cpu = 1.0;
    const char *rules_file = NULL;
    int i = 1;
    for (; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
        if (strcmp(argv[i], "--type=html") == 0) opt.type = WINNOW_TYPE_HTML;
        else if (strcmp(argv[i], "--type=text") == 0) opt.type = WINNOW_TYPE_TEXT;
        else if (strcmp(argv[i], "--type=auto") == 0) opt.type = WINNOW_TYPE_AUTO;
        else if (strcmp(argv[i], "--min-cpu") == 0 && i + 1 < argc) min_cpu = atof(argv[++i]);
        else if (strcmp(argv[i], "--rules") == 0 && i + 1 < argc) rules_file = argv[++i];
        else if (strcmp(argv[i], "--time-limit") == 0 && i + 1 < argc) opt.time_limit = atof(argv[++i]);
        else if (strcmp(argv[i], "--language") == 0) opt.no_language_detection = 0;
        else {
            fprintf(stderr, "usage: bench_inproc [--type=html|text|auto] [--min-cpu S] [--rules FILE] "
                            "[--time-limit S] [--language] FILE...\n");
            return 2;
        }
    }
    winnow_global_init();
    char err[512];
    winnow_rules *rules = winnow_rules_new();
    int bad;
    if (!rules) {
        snprintf(err, sizeof err, "out of memory");
        bad = 1;
    } else if (rules_file) {
        page rf = bench_load(rules_file);
        bad = winnow_rules_add_source(rules, rules_file, rf.data, rf.len, err, sizeof err) != 0;
        free(rf.data);
    } else {
        bad = winnow_rules_add_default(rules, err, sizeof err) != 0;
    }
    if (bad) {
        fprintf(stderr, "bench_inproc: %s\n", err);
        return 2;
    }
    opt.rules = rules;
    size_t n = (size_t)(argc - i), bytes;
    page *pages = bench_load_all(argv + i, n, &bytes);
    double c0 = bench_cpu(), w0 = bench_wall();
    int passes = 0;
    size_t failed = 0, out_bytes = 0;
    do {
        for (size_t k = 0; k < n; k++) {
            winnow_result res;
            if (winnow_extract(pages[k].data, pages[k].len, &opt, &res) != WINNOW_OK) failed++;
            out_bytes += res.len;
            winnow_result_free(&res);
        }
        passes++;
    } while (bench_cpu() - c0 < min_cpu);
    bench_report(opt.type == WINNOW_TYPE_TEXT ? "winnow_text" : "winnow", n, bytes, passes,
                 bench_cpu() - c0, bench_wall() - w0);
    if (failed)
        fprintf(stderr, "bench_inproc: %zu extractions failed\n", failed / (size_t)passes);
    bench_free(pages, n);
    winnow_rules_free(rules);
    return out_bytes ? 0 : 1;
}
