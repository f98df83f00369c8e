/* main.c -- the winnow command: parses arguments into a cli_config, loads the rules
 * (a bad rule stops the run before any input is read) and hands the operands to
 * cli_run.c.  Nothing else happens here. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cli.h"

/* Keep in step with doc/winnow.1 (tests/cli/test_cli.sh checks every long option). */
static const char usage_text[] =
    "Usage: winnow [OPTIONS] [FILE|DIR ...]\n"
    "Strip boilerplate from web pages (HTML or rendered text) and print the article:\n"
    "headline, a blank line, then the body.  With no FILE, or when FILE is -, read stdin.\n"
    "gzip-compressed inputs are decompressed.  WARC archives are read record by\n"
    "record: each HTML or text page in them is one output.  A page without main\n"
    "content (empty, an error page, a sign-in or cookie wall, navigation only) prints\n"
    "nothing and is no failure: status \"no_content\" in JSON, exit status 0.\n"
    "\n"
    "Extraction:\n"
    "  -t, --type=TYPE          input type: auto (default), html or text\n"
    "      --input-format=FORMAT\n"
    "                           what a FILE holds: auto (default; one page, or a WARC\n"
    "                           archive told by its bytes, plain or gzipped), warc, or\n"
    "                           jsonl (a JSON object per line with \"html\" or \"text\",\n"
    "                           and \"id\", \"url\"): one JSON record out per line, in order\n"
    "      --warc-skipped       an output record (status \"skipped\") for each WARC\n"
    "                           record that holds no page (request, 404, image ...)\n"
    "  -T, --no-title           print the body only, without the headline\n"
    "      --comments           also print the reader comments found after an article,\n"
    "                           below a \"--- comments ---\" line (json: a \"comments\"\n"
    "                           array of {author, date, text}; null without this option)\n"
    "  -e, --explain            print every block, its decision and the reason on stderr\n"
    "  -R, --rules=FILE         add the rules in FILE (repeatable)\n"
    "      --no-default-rules   do not load the built-in rules\n"
    "      --max-size=BYTES     refuse inputs larger than BYTES after decompression\n"
    "                           (K, M, G suffixes; default 64M); for WARC inputs, the\n"
    "                           limit of one record\n"
    "      --page-time-limit=SECONDS\n"
    "                           fail a page that takes longer than SECONDS (a\n"
    "                           decimal number; default 0 = no limit)\n"
    "      --page-type=TYPE     the kind of page: auto (default: detected), article,\n"
    "                           forum, listing, collection, product, documentation,\n"
    "                           service or other\n"
    "      --url=URL            the page's address, when known (helps tell its type;\n"
    "                           the base of relative links and images)\n"
    "Output:\n"
    "  -f, --format=FORMAT      text (default), markdown, json, jsonl or warc; several\n"
    "                           inputs on stdout: text outputs are separated by a\n"
    "                           form-feed line, json becomes JSON Lines (one record per\n"
    "                           input); warc: a WARC conversion record per page, each\n"
    "                           referring to its source record\n"
    "      --links              Markdown: keep an HTML page's links as [text](URL),\n"
    "                           relative ones resolved against <base href> or --url\n"
    "      --images             an HTML page's pictures in the kept text, a line each:\n"
    "                           ![alt](URL) in Markdown, [image: alt] URL in text\n"
    "  -o, --output-dir=DIR     write one file per input below DIR (mirroring the tree\n"
    "                           under a directory operand; extension .txt, .md or .json);\n"
    "                           - means stdout\n"
    "Batch:\n"
    "  -r, --recursive          process the files below directory operands, sorted by\n"
    "                           name (symbolic links and special files are skipped)\n"
    "  -j, --jobs=N             use N worker threads (0 = all cores, the default);\n"
    "                           output order is input order whatever N\n"
    "  -q, --quiet              no notes or warnings (errors are still shown)\n"
    "  -v, --verbose            a note per file and a summary at the end\n"
    "Other:\n"
    "  -h, --help               show this help and exit\n"
    "  -V, --version            show the version and exit\n"
    "      --                   end of options\n"
    "\n"
    "Exit status: 0 ok, 1 an input failed (the others were processed), 2 usage or fatal\n"
    "error; killed by SIGINT/SIGTERM: 128+signal, temporary outputs removed.\n"
    "Rule syntax: ACTION[@TARGET] /PATTERN/FLAGS [NAME]; see winnow(1).\n";

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
    if (*end || v > SIZE_MAX / mul || v * mul == SIZE_MAX) return -1;
    *out = (size_t)(v * mul);
    return *out ? 0 : -1;
}

/* Looks s up in a NULL-terminated list of names; the index, or -1. */
static int pick(const char *s, const char *const *names)
{
    for (int i = 0; names[i]; i++)
        if (strcmp(s, names[i]) == 0) return i;
    return -1;
}

static int parse_jobs(const char *s, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < 0) return -1;
    *out = v == 0 || v > CLI_MAX_JOBS ? (v == 0 ? cli_jobs_cores() : CLI_MAX_JOBS) : (int)v;
    return 0;
}

enum { OPT_NO_DEFAULT = 256, OPT_MAX_SIZE, OPT_PAGE_TYPE, OPT_URL, OPT_LINKS, OPT_IMAGES,
       OPT_INPUT_FORMAT, OPT_WARC_SKIPPED, OPT_TIME_LIMIT, OPT_COMMENTS };

/* Seconds: a finite decimal number, 0 (no limit) up to a year. */
static int parse_seconds(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !(v >= 0) || v > 366.0 * 86400) return -1;
    *out = v;
    return 0;
}

/* --input-format: the names and what they mean, in one table. */
static const struct {
    const char *name;
    cli_input_format value;
} input_formats[] = {{"auto", IN_AUTO}, {"warc", IN_WARC}, {"jsonl", IN_JSONL}};

static int parse_input_format(const char *s, cli_input_format *out)
{
    for (size_t i = 0; i < sizeof input_formats / sizeof *input_formats; i++)
        if (strcmp(s, input_formats[i].name) == 0) {
            *out = input_formats[i].value;
            return 0;
        }
    return -1;
}

/* Options that do not fit a stream of records; 0, or the usage error's status. */
static int check_stream_options(cli_config *cfg)
{
    if (cfg->input_format != IN_JSONL) return 0;
    if (cfg->format_given && cfg->format != FMT_JSON && cfg->format != FMT_JSONL)
        return cli_usage_error("--input-format=jsonl writes JSON Lines: --format must be "
                               "json or jsonl");
    if (cfg->out_dir) return cli_usage_error("--output-dir does not apply to --input-format=jsonl");
    if (cfg->recursive) return cli_usage_error("--recursive does not apply to --input-format=jsonl");
    if (cfg->opt.explain) return cli_usage_error("--explain does not apply to --input-format=jsonl");
    cfg->format = FMT_JSONL;
    return 0;
}
static const struct option longopts[] = {
    {"type", required_argument, NULL, 't'},
    {"no-title", no_argument, NULL, 'T'},
    {"comments", no_argument, NULL, OPT_COMMENTS},
    {"explain", no_argument, NULL, 'e'},
    {"rules", required_argument, NULL, 'R'},
    {"no-default-rules", no_argument, NULL, OPT_NO_DEFAULT},
    {"max-size", required_argument, NULL, OPT_MAX_SIZE},
    {"input-format", required_argument, NULL, OPT_INPUT_FORMAT},
    {"page-time-limit", required_argument, NULL, OPT_TIME_LIMIT},
    {"page-type", required_argument, NULL, OPT_PAGE_TYPE},
    {"url", required_argument, NULL, OPT_URL},
    {"links", no_argument, NULL, OPT_LINKS},
    {"images", no_argument, NULL, OPT_IMAGES},
    {"warc-skipped", no_argument, NULL, OPT_WARC_SKIPPED},
    {"format", required_argument, NULL, 'f'},
    {"output-dir", required_argument, NULL, 'o'},
    {"recursive", no_argument, NULL, 'r'},
    {"jobs", required_argument, NULL, 'j'},
    {"quiet", no_argument, NULL, 'q'},
    {"verbose", no_argument, NULL, 'v'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0}};

/* Parses the options into cfg and the rule file list; returns -1 to go on, or the exit
 * status when the command is done (help, version, usage error). */
static int parse_args(int argc, char **argv, cli_config *cfg, const char **rule_files,
                      size_t *n_rule_files, int *default_rules)
{
    static const char *const types[] = {"auto", "html", "text", NULL};
    static const char *const formats[] = {"text", "markdown", "json", "jsonl", "warc", NULL};
    opterr = 0;
    int c, k;
    while ((c = getopt_long(argc, argv, ":t:TeR:f:o:rj:qvhV", longopts, NULL)) != -1) {
        switch (c) {
        case 't':
            if ((k = pick(optarg, types)) < 0)
                return cli_usage_error("invalid --type '%s' (expected auto, html or text)", optarg);
            cfg->opt.type = k == 0   ? WINNOW_TYPE_AUTO
                            : k == 1 ? WINNOW_TYPE_HTML
                                     : WINNOW_TYPE_TEXT;
            break;
        case 'T': cfg->opt.no_title = 1; break;
        case OPT_COMMENTS: cfg->opt.comments = 1; break;
        case 'e': cfg->opt.explain = 1; break;
        case 'R': rule_files[(*n_rule_files)++] = optarg; break;
        case OPT_NO_DEFAULT: *default_rules = 0; break;
        case OPT_MAX_SIZE:
            if (parse_size(optarg, &cfg->opt.max_size) != 0)
                return cli_usage_error("invalid --max-size '%s' (expected a positive number "
                                       "of bytes, optionally with K, M or G)", optarg);
            break;
        case OPT_PAGE_TYPE:
            cfg->opt.page_type = strcmp(optarg, "auto") == 0 ? WINNOW_PAGE_AUTO
                                                             : winnow_page_type_parse(optarg);
            if (strcmp(optarg, "auto") != 0 && cfg->opt.page_type == WINNOW_PAGE_UNKNOWN)
                return cli_usage_error("invalid --page-type '%s' (expected auto, article, "
                                       "forum, listing, collection, product, documentation, "
                                       "service or other)", optarg);
            break;
        case OPT_LINKS:
            cfg->opt.links = 1;
            break;
        case OPT_IMAGES:
            cfg->opt.images = 1;
            break;
        case OPT_URL:
            if (!optarg[0]) return cli_usage_error("empty --url");
            cfg->opt.url = optarg;
            break;
        case OPT_INPUT_FORMAT:
            if (parse_input_format(optarg, &cfg->input_format) != 0)
                return cli_usage_error("invalid --input-format '%s' (expected auto, warc or "
                                       "jsonl)",
                                       optarg);
            break;
        case OPT_WARC_SKIPPED: cfg->warc_skipped = 1; break;
        case 'f':
            if ((k = pick(optarg, formats)) < 0)
                return cli_usage_error("invalid --format '%s' (expected text, markdown, json, "
                                       "jsonl or warc)", optarg);
            cfg->format = (cli_format)k;
            cfg->format_given = 1;
            cfg->opt.format = k == FMT_MARKDOWN ? WINNOW_FORMAT_MARKDOWN : WINNOW_FORMAT_TEXT;
            break;
        case OPT_TIME_LIMIT:
            if (parse_seconds(optarg, &cfg->opt.time_limit) != 0)
                return cli_usage_error("invalid --page-time-limit '%s' (expected seconds, "
                                       "such as 2 or 0.5; 0 = no limit)", optarg);
            break;
        case 'o':
            if (!optarg[0]) return cli_usage_error("empty --output-dir");
            cfg->out_dir = strcmp(optarg, "-") == 0 ? NULL : optarg;
            break;
        case 'r': cfg->recursive = 1; break;
        case 'j':
            if (parse_jobs(optarg, &cfg->jobs) != 0)
                return cli_usage_error("invalid --jobs '%s' (expected a number, 0 = all cores)",
                                       optarg);
            break;
        case 'q': cli_verbose_level = VERB_QUIET; break;
        case 'v': cli_verbose_level = VERB_VERBOSE; break;
        case 'h':
            fputs(usage_text, stdout);
            return cli_finish_stdout() ? EXIT_FATAL : EXIT_OK;
        case 'V':
            printf("winnow %s\n", WINNOW_VERSION);
            /* Tests and users can tell whether "language" is ever more than declared. */
            printf("language detection: %s\n", winnow_language_detector()
                                                   ? winnow_language_detector()
                                                   : "none (built without libcld2)");
            return cli_finish_stdout() ? EXIT_FATAL : EXIT_OK;
        case ':':
            return cli_usage_error("option '%s' needs an argument", argv[optind - 1]);
        default:
            if (optopt) return cli_usage_error("unknown option '-%c'", optopt);
            return cli_usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    return check_stream_options(cfg) ? EXIT_FATAL : -1;
}

int main(int argc, char **argv)
{
    /* `winnow big.html | head` must end quietly even if our parent ignored SIGPIPE. */
    signal(SIGPIPE, SIG_DFL);
    cli_config cfg;
    cli_config_init(&cfg);
    cfg.jobs = cli_jobs_cores();
    const char **rule_files = calloc((size_t)argc + 1, sizeof *rule_files);
    size_t n_rule_files = 0;
    int default_rules = 1;
    if (!rule_files) return cli_fatal("out of memory");
    int done = parse_args(argc, argv, &cfg, rule_files, &n_rule_files, &default_rules);
    if (done >= 0) {
        free(rule_files);
        return done;
    }
    /* Only records show the page's language: text and Markdown skip the detector. */
    cfg.opt.no_language_detection = cfg.format != FMT_JSON && cfg.format != FMT_JSONL;
    /* A JSON record's text stays the article: its comments have their own field. */
    if (cfg.opt.comments)
        cfg.opt.comments = cfg.format == FMT_JSON || cfg.format == FMT_JSONL
                               ? WINNOW_COMMENTS_LIST
                               : WINNOW_COMMENTS_LIST | WINNOW_COMMENTS_TEXT;

    time_t now = time(NULL);
    struct tm utc;
    if (gmtime_r(&now, &utc)) strftime(cfg.now, sizeof cfg.now, "%Y-%m-%dT%H:%M:%SZ", &utc);
    winnow_global_init();
    winnow_rules *rules = winnow_rules_new();
    char err[512];
    int status = EXIT_OK;
    if (!rules) status = cli_fatal("out of memory");
    else if (default_rules && winnow_rules_add_default(rules, err, sizeof err) != 0)
        status = cli_fatal("%s", err);
    for (size_t i = 0; status == EXIT_OK && i < n_rule_files; i++)
        if (cli_load_rules(rules, rule_files[i]) != 0) status = EXIT_FATAL;
    free(rule_files);
    if (status == EXIT_OK) {
        cfg.opt.rules = rules;
        status = cfg.input_format == IN_JSONL ? cli_stream_run(&cfg, argc - optind, argv + optind)
                                              : cli_run(&cfg, argc - optind, argv + optind);
    }
    winnow_rules_free(rules);
    return status;
}
