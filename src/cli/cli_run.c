/* cli_run.c -- runs each operand through libwinnow and writes the result to stdout.
 * A failing input is reported and skipped; the exit status says whether any failed. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"

void cli_config_init(cli_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    winnow_options_init(&cfg->opt);
}

/* One line per block on stderr: decision, kind, reason, where, first characters. */
static void print_explain(const char *path, const winnow_result *res)
{
    for (size_t i = 0; i < res->n_explain; i++) {
        const winnow_explain *e = &res->explain[i];
        size_t n = e->len < 72 ? e->len : 72;
        /* Do not cut a UTF-8 sequence in half. */
        while (n < e->len && n > 0 && ((unsigned char)e->text[n] & 0xC0) == 0x80) n--;
        fprintf(stderr, "%s%s%-4s %-7s %-28s %-14s | %.*s%s\n", path ? path : "",
                path ? ": " : "", e->decision == WINNOW_KEEP ? "KEEP" : "DROP", e->kind,
                e->reason, e->where, (int)n, e->text, n < e->len ? "..." : "");
    }
}

int cli_run(const cli_config *cfg, int n, char **paths)
{
    static char *stdin_only[] = {"-"};
    if (n == 0) {
        n = 1;
        paths = stdin_only;
    }
    int status = EXIT_OK;
    for (int i = 0; i < n; i++) {
        const char *path = paths[i];
        const char *shown = strcmp(path, "-") == 0 ? "(stdin)" : path;
        char *data;
        size_t len;
        char err[512];
        int big;
        if (cli_read_input(path, cfg->opt.max_size, &data, &len, err, sizeof err, &big) != 0) {
            cli_error("%s: %s", shown, err);
            status = EXIT_INPUT;
            continue;
        }
        winnow_result res;
        winnow_status st = winnow_extract(data, len, &cfg->opt, &res);
        free(data);
        if (cfg->opt.explain) print_explain(n > 1 ? shown : NULL, &res);
        if (res.warning[0]) cli_warn("%s: %s", shown, res.warning);
        if (st != WINNOW_OK) {
            cli_error("%s: %s", shown, res.error);
            status = st == WINNOW_ERR_NOMEM ? EXIT_FATAL : EXIT_INPUT;
        } else if (res.len) {
            fwrite(res.text, 1, res.len, stdout);
        }
        winnow_result_free(&res);
        if (ferror(stdout)) break;
    }
    if (cli_finish_stdout()) return EXIT_FATAL;
    return status;
}
