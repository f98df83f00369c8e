/* extract.c -- the smallest program on libwinnow: prints the article of one page.
 *   cc extract.c $(pkg-config --cflags --libs winnow) -o extract && ./extract page.html */
#include <stdio.h>
#include <stdlib.h>
#include <winnow/winnow.h>

int main(int argc, char **argv)
{
    if (argc != 2) return fprintf(stderr, "usage: extract FILE\n"), 2;
    FILE *f = fopen(argv[1], "rb");
    if (!f) return perror(argv[1]), 1;
    static char page[1 << 22];
    size_t len = fread(page, 1, sizeof page, f);
    fclose(f);

    char err[256];
    winnow_rules *rules = winnow_rules_new();
    if (!rules || winnow_rules_add_default(rules, err, sizeof err) != 0)
        return fprintf(stderr, "rules: %s\n", rules ? err : "out of memory"), 1;
    winnow_options opt;
    winnow_options_init(&opt);
    opt.rules = rules;
    winnow_result res;
    winnow_status st = winnow_extract(page, len, &opt, &res);
    if (st == WINNOW_OK) fwrite(res.text, 1, res.len, stdout);
    else fprintf(stderr, "%s: %s\n", argv[1], res.error);
    winnow_result_free(&res);
    winnow_rules_free(rules);
    return st == WINNOW_OK ? 0 : 1;
}
