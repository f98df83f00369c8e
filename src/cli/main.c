/* main.c -- the winnow command: parses arguments, loads rules, and hands each input to
 * libwinnow.  Reading files lives in cli_io.c, messages in cli_msg.c. */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static const char usage_text[] =
    "Usage: winnow [OPTIONS] [FILE ...]\n"
    "Strip boilerplate from a web page (HTML or rendered text) and print the article:\n"
    "headline, a blank line, then the body.  With no FILE, or when FILE is -, read stdin.\n"
    "\n"
    "  -t, --type=TYPE          input type: auto (default), html or text\n"
    "  -T, --no-title           print the body only, without the headline\n"
    "  -e, --explain            print every block, its decision and the reason on stderr\n"
    "  -R, --rules=FILE         add the rules in FILE (repeatable)\n"
    "      --no-default-rules   do not load the built-in rules\n"
    "      --max-size=BYTES     refuse inputs larger than BYTES (K, M, G suffixes;\n"
    "                           default 64M)\n"
    "  -h, --help               show this help and exit\n"
    "  -V, --version            show the version and exit\n"
    "      --                   end of options\n"
    "\n"
    "Exit status: 0 ok, 1 an input failed, 2 usage or fatal error.\n"
    "Rule syntax: ACTION[@TARGET] /PATTERN/FLAGS [NAME]; see README.md.\n";

static int parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || s[0] == '-') return -1;
    unsigned long long mul = 1;
    switch (*end) {
    case '\0': break;
    case 'k': case 'K': mul = 1ULL << 10; end++; break;
    case 'm': case 'M': mul = 1ULL << 20; end++; break;
    case 'g': case 'G': mul = 1ULL << 30; end++; break;
    default: return -1;
    }
    if (*end == 'B' || *end == 'b') end++;
    if (*end || (mul > 1 && v > SIZE_MAX / mul)) return -1;
    *out = (size_t)(v * mul);
    return *out ? 0 : -1;
}

int main(int argc, char **argv)
{
    cli_config cfg;
    cli_config_init(&cfg);
    enum { OPT_NO_DEFAULT = 256, OPT_MAX_SIZE };
    static const struct option longopts[] = {
        {"type", required_argument, NULL, 't'},
        {"no-title", no_argument, NULL, 'T'},
        {"explain", no_argument, NULL, 'e'},
        {"rules", required_argument, NULL, 'R'},
        {"no-default-rules", no_argument, NULL, OPT_NO_DEFAULT},
        {"max-size", required_argument, NULL, OPT_MAX_SIZE},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0}};
    const char **rule_files = calloc((size_t)argc + 1, sizeof *rule_files);
    size_t n_rule_files = 0;
    int default_rules = 1;
    if (!rule_files) return cli_fatal("out of memory");

    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":t:TeR:hV", longopts, NULL)) != -1) {
        switch (c) {
        case 't':
            if (strcmp(optarg, "auto") == 0) cfg.opt.type = WINNOW_TYPE_AUTO;
            else if (strcmp(optarg, "html") == 0) cfg.opt.type = WINNOW_TYPE_HTML;
            else if (strcmp(optarg, "text") == 0) cfg.opt.type = WINNOW_TYPE_TEXT;
            else return cli_usage_error("invalid --type '%s' (expected auto, html or text)", optarg);
            break;
        case 'T': cfg.opt.no_title = 1; break;
        case 'e': cfg.opt.explain = 1; break;
        case 'R': rule_files[n_rule_files++] = optarg; break;
        case OPT_NO_DEFAULT: default_rules = 0; break;
        case OPT_MAX_SIZE:
            if (parse_size(optarg, &cfg.opt.max_size) != 0)
                return cli_usage_error("invalid --max-size '%s' (expected a positive number "
                                       "of bytes, optionally with K, M or G)", optarg);
            break;
        case 'h':
            fputs(usage_text, stdout);
            return cli_finish_stdout() ? 2 : 0;
        case 'V':
            printf("winnow %s\n", WINNOW_VERSION);
            return cli_finish_stdout() ? 2 : 0;
        case ':':
            return cli_usage_error("option '%s' needs an argument", argv[optind - 1]);
        default:
            if (optopt) return cli_usage_error("unknown option '-%c'", optopt);
            return cli_usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }

    winnow_global_init();
    winnow_rules *rules = winnow_rules_new();
    if (!rules) return cli_fatal("out of memory");
    char err[512];
    if (default_rules && winnow_rules_add_default(rules, err, sizeof err) != 0) {
        winnow_rules_free(rules);
        return cli_fatal("%s", err);
    }
    for (size_t i = 0; i < n_rule_files; i++) {
        if (cli_load_rules(rules, rule_files[i]) != 0) {
            winnow_rules_free(rules);
            free(rule_files);
            return 2;
        }
    }
    free(rule_files);
    cfg.opt.rules = rules;

    int status = cli_run(&cfg, argc - optind, argv + optind);
    winnow_rules_free(rules);
    return status;
}
