/* cli_run.c -- runs every input through libwinnow on the worker pool and delivers the
 * results in input order: output to stdout or to a file below -o DIR, explain lines,
 * warnings and errors to stderr, the progress line and the -v summary.  A failing input
 * is reported and skipped; the exit status says whether any failed. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cli.h"

void cli_config_init(cli_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    winnow_options_init(&cfg->opt);
    cfg->jobs = 1;
}

/* What a worker hands back for one input; all strings are its own. */
typedef struct {
    int status;          /* EXIT_OK, EXIT_INPUT or EXIT_FATAL */
    char reason[512];    /* why it failed, when status is not EXIT_OK */
    char warning[256];   /* a non-fatal warning from the library, or "" */
    int truncated;       /* a limit cut the page short: output kept, status EXIT_INPUT */
    int no_content;      /* the page has no main content: the output is empty */
    char *out;           /* bytes for stdout, or NULL */
    size_t out_len;
    char *explain;       /* --explain lines for stderr, or NULL */
    size_t explain_len;
    size_t bytes_in, bytes_out;
} outcome;

typedef struct {
    const cli_config *cfg;
    const cli_list *list;
    outcome *outs;
    int several;  /* more than one input: messages say "-- skipped", outputs separated */
    int pretty;   /* JSON objects indented (one input, or one file per input) */
    size_t base;  /* the list index of the pool's item 0 (inputs run in segments) */
    const char *stdin_head; /* bytes of stdin read to tell a WARC, read first ... */
    size_t stdin_head_len;
    size_t stdin_item;      /* ... by this input, the first "-" */
    cli_tally t;
} run_ctx;

static const char *shown(const char *path) { return strcmp(path, "-") == 0 ? "(stdin)" : path; }

/* Bytes of a field's value --explain shows (a description runs to 2000). */
#define EXPLAIN_VALUE 100

/* The length of s shown in at most max bytes: not cutting a UTF-8 sequence in half. */
static size_t shown_len(const char *s, size_t len, size_t max)
{
    size_t n = len < max ? len : max;
    while (n < len && n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
    return n;
}

/* One line per field of the record that has a value: its name, the value, and where
 * it came from when the library knows it ("date: 2024-05-17 (JSON-LD datePublished)");
 * the language with how it was chosen, even when none was. */
static void print_meta(FILE *f, const char *path, const winnow_result *res)
{
    const winnow_meta *m = &res->meta, *s = &res->meta_source;
    const struct {
        const char *name, *value, *source;
    } fields[] = {
        {"title", res->title, res->title_source}, {"author", m->author, s->author},
        {"date", m->date, s->date}, {"date_modified", m->date_modified, s->date_modified},
        {"site_name", m->site_name, s->site_name}, {"url", m->url, s->url},
        {"language", m->language, res->language_why},
        {"description", m->description, s->description}, {"image", m->image, s->image},
        {"hostname", m->hostname, s->hostname}, {"tags", m->tags, s->tags},
        {"categories", m->categories, s->categories}, {"license", m->license, s->license},
    };
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        const char *v = fields[i].value, *src = fields[i].source;
        int language = strcmp(fields[i].name, "language") == 0;
        if (!v && !(language && src)) continue;
        fprintf(f, "%s%s%s: ", path ? path : "", path ? ": " : "", fields[i].name);
        if (v) {
            size_t len = strlen(v), n = shown_len(v, len, EXPLAIN_VALUE);
            fprintf(f, "\"%.*s%s\"", (int)n, v, n < len ? "..." : "");
        } else {
            fputs("none", f);
        }
        if (src) fprintf(f, " (%s)", src);
        fputc('\n', f);
    }
}

/* The page type, the record's fields, the no-content verdict, then one line per block:
 * decision, kind, reason, where, first characters. */
void cli_print_explain(FILE *f, const char *path, const winnow_result *res)
{
    if (res->page_type_why)
        fprintf(f, "%s%spage type: %s\n", path ? path : "", path ? ": " : "", res->page_type_why);
    print_meta(f, path, res);
    if (res->no_content)
        fprintf(f, "%s%sno content: %s\n", path ? path : "", path ? ": " : "",
                res->no_content_why);
    for (size_t i = 0; i < res->n_explain; i++) {
        const winnow_explain *e = &res->explain[i];
        size_t n = shown_len(e->text, e->len, 72);
        fprintf(f, "%s%s%-4s %-7s %-28s %-14s | %.*s%s\n", path ? path : "", path ? ": " : "",
                e->decision == WINNOW_KEEP ? "KEEP" : "DROP", e->kind, e->reason, e->where,
                (int)n, e->text, n < e->len ? "..." : "");
    }
}

static void fail(outcome *o, int status, const char *reason)
{
    o->status = status;
    snprintf(o->reason, sizeof o->reason, "%s", reason);
}

/* The JSON (or WARC) record of one input in a new buffer (NULL when out of memory). */
static char *json_record(const run_ctx *c, const cli_item *it, const winnow_result *res,
                         const outcome *o, size_t *len)
{
    winnow_record r = {.path = it->path, .result = res, .error = o->status ? o->reason : NULL,
                       .bytes_in = o->bytes_in};
    if (c->cfg->format == FMT_WARC) return winnow_record_warc(&r, c->cfg->now, len);
    return winnow_record_json(&r, c->pretty ? WINNOW_JSON_PRETTY : 0, len);
}

/* Hands the output of one input to its file, or keeps it in o for stdout. */
static void emit(const run_ctx *c, const cli_item *it, const winnow_result *res, outcome *o)
{
    /* Records (JSON, WARC) are rendered here; text is the result's own. */
    int json = c->cfg->format == FMT_JSON || c->cfg->format == FMT_JSONL ||
               c->cfg->format == FMT_WARC;
    char err[512];
    size_t n = res->len;
    char *p = json ? json_record(c, it, o->status == EXIT_OK ? res : NULL, o, &n) : NULL;
    if (json && !p) {
        fail(o, EXIT_FATAL, "out of memory");
    } else if (it->out_path) {
        /* Text goes straight from the result to the file. */
        if (cli_out_write(it->out_path, p ? p : res->text, n, err, sizeof err) != 0)
            fail(o, EXIT_INPUT, err);
        free(p);
    } else if (!p && !(p = malloc(n + 1))) {
        fail(o, EXIT_FATAL, "out of memory");
    } else {
        if (!json) memcpy(p, res->text, n);
        o->out = p;
        o->out_len = n;
    }
}

static void work(void *ctxp, size_t i)
{
    run_ctx *c = ctxp;
    i += c->base;
    const cli_item *it = &c->list->items[i];
    outcome *o = &c->outs[i];
    const winnow_options *opt = &c->cfg->opt;
    char *data = NULL;
    size_t len = 0;
    winnow_result res;
    memset(&res, 0, sizeof res);
    char err[512];
    if (it->error) {
        fail(o, EXIT_INPUT, it->error);
    } else if (cli_read_input_head(it->path, i == c->stdin_item ? c->stdin_head : NULL,
                                   i == c->stdin_item ? c->stdin_head_len : 0, opt->max_size,
                                   "--max-size", &data, &len, err, sizeof err) != 0) {
        fail(o, EXIT_INPUT, err);
    } else {
        o->bytes_in = len;
        winnow_status st = winnow_extract(data, len, opt, &res);
        free(data);
        if (st == WINNOW_ERR_TRUNCATED) {
            o->truncated = 1; /* the output stands; the status is set once it is out */
            snprintf(o->reason, sizeof o->reason, "%s", res.error);
        } else if (st != WINNOW_OK) {
            fail(o, st == WINNOW_ERR_NOMEM ? EXIT_FATAL : EXIT_INPUT, res.error);
        }
        snprintf(o->warning, sizeof o->warning, "%s", res.warning);
        o->no_content = res.no_content;
        if (opt->explain) {
            FILE *f = open_memstream(&o->explain, &o->explain_len);
            if (f) {
                cli_print_explain(f, c->several ? shown(it->path) : NULL, &res);
                fclose(f);
            }
        }
    }
    /* A failed input gets a JSON record on stdout; with -o it gets no file. */
    int json = c->cfg->format == FMT_JSON || c->cfg->format == FMT_JSONL;
    if (o->status == EXIT_OK || (json && !it->out_path)) emit(c, it, &res, o);
    if (o->status == EXIT_OK) o->bytes_out = res.len;
    if (o->truncated && o->status == EXIT_OK) o->status = EXIT_INPUT;
    winnow_result_free(&res);
}

int cli_put_output(const cli_config *cfg, cli_tally *t, const char *out, size_t len)
{
    cli_progress_clear(); /* stdout may be the same terminal */
    /* Text outputs of several inputs are told apart by a form-feed line. */
    int text = cfg->format == FMT_TEXT || cfg->format == FMT_MARKDOWN;
    if (text && t->written++) fputs("\f\n", stdout);
    fwrite(out, 1, len, stdout);
    return ferror(stdout) != 0;
}

static int deliver(void *ctxp, size_t i)
{
    run_ctx *c = ctxp;
    i += c->base;
    const cli_item *it = &c->list->items[i];
    outcome *o = &c->outs[i];
    int stop = 0;
    if (o->explain) {
        cli_progress_clear();
        fwrite(o->explain, 1, o->explain_len, stderr);
    }
    if (o->warning[0]) cli_warn("%s: %s", shown(it->path), o->warning);
    if (o->status != EXIT_OK) {
        cli_error("%s: %s%s", shown(it->path), o->reason,
                  c->several && !o->truncated ? " -- skipped" : "");
        c->t.failed++;
        if (o->status > c->t.status) c->t.status = o->status;
    } else {
        cli_info("%s%s%s (%zu bytes in, %zu out%s)", shown(it->path), it->out_path ? " -> " : "",
                 it->out_path ? it->out_path : "", o->bytes_in, o->bytes_out,
                 o->no_content ? ", no main content" : "");
        c->t.no_content += o->no_content != 0;
    }
    if (o->out && cli_put_output(c->cfg, &c->t, o->out, o->out_len)) stop = 1;
    c->t.done++;
    c->t.bytes_in += o->bytes_in;
    c->t.bytes_out += o->bytes_out;
    cli_progress_update(c->t.done, c->t.failed, c->t.bytes_in);
    free(o->out);
    free(o->explain);
    o->out = o->explain = NULL;
    return stop;
}

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A WARC input cannot go to -o DIR: its pages have no files of their own. */
static void refuse_warc_out(run_ctx *c, const cli_item *it)
{
    cli_error("%s: a WARC archive: its pages go to standard output, not to -o DIR -- skipped",
              shown(it->path));
    c->t.failed++;
    if (c->t.status < EXIT_INPUT) c->t.status = EXIT_INPUT;
}

/* Runs the inputs in order: each WARC archive on its own (its records streamed through
 * the workers), the files between them as one batch.  Non-zero when stdout failed. */
static int run_segments(run_ctx *c, const cli_list *list)
{
    unsigned char *warc = calloc(list->n, 1);
    if (!warc) return cli_fatal("out of memory"), 1;
    /* Tell archives from pages first.  stdin is looked at once; the bytes read to tell go
     * to its first reader. */
    char *head = NULL;
    size_t head_len = 0;
    int stdin_seen = 0, stdin_warc = 0;
    for (size_t i = 0; i < list->n; i++) {
        const cli_item *it = &list->items[i];
        if (it->error) continue;
        if (strcmp(it->path, "-") == 0) {
            if (!stdin_seen) {
                stdin_warc = cli_warc_detect(c->cfg, it->path, &head, &head_len);
                c->stdin_item = i;
            }
            stdin_seen = 1;
            warc[i] = (unsigned char)stdin_warc;
        } else {
            char *unused = NULL;
            size_t unused_len = 0;
            warc[i] = (unsigned char)cli_warc_detect(c->cfg, it->path, &unused, &unused_len);
            free(unused);
        }
    }
    c->stdin_head = head;
    c->stdin_head_len = head_len;
    size_t window = (size_t)c->cfg->jobs * 4 + 16;
    int stopped = 0;
    for (size_t i = 0; i < list->n && !stopped;) {
        const cli_item *it = &list->items[i];
        if (warc[i]) {
            int first_stdin = strcmp(it->path, "-") == 0 && i == c->stdin_item;
            if (c->cfg->out_dir) refuse_warc_out(c, it);
            else stopped = cli_warc_run(c->cfg, it->path, first_stdin ? head : NULL,
                                        first_stdin ? head_len : 0, &c->t) != 0;
            i++;
            continue;
        }
        size_t j = i;
        while (j < list->n && !warc[j]) j++;
        c->base = i;
        stopped = cli_jobs_run(j - i, c->cfg->jobs, window, work, deliver, c) != 0;
        i = j;
    }
    free(head);
    free(warc);
    return stopped;
}

int cli_run(const cli_config *cfg, int n, char **operands)
{
    static char *stdin_only[] = {"-"};
    if (n == 0) {
        n = 1;
        operands = stdin_only;
    }
    double t0 = seconds();
    cli_list list;
    int status = EXIT_OK;
    memset(&list, 0, sizeof list);
    /* The output directory exists before the walk, so the walk can leave it out. */
    if (cfg->out_dir && cli_out_prepare(cfg->out_dir) != 0) status = EXIT_FATAL;
    else if (cli_walk(cfg, n, operands, &list) != 0) status = cli_fatal("out of memory");
    else if (cfg->out_dir && cli_out_check(&list) != 0) status = cli_fatal("out of memory");
    else if (cfg->out_dir && cli_out_guard_signals() != 0)
        status = cli_fatal("cannot set up signal handling");
    if (status != EXIT_OK || list.n == 0) {
        cli_list_free(&list);
        return cli_finish_stdout() ? EXIT_FATAL : status;
    }

    run_ctx c = {.cfg = cfg, .list = &list, .several = list.n > 1};
    c.pretty = cfg->format == FMT_JSON && (list.n == 1 || cfg->out_dir);
    c.outs = calloc(list.n, sizeof *c.outs);
    if (!c.outs) {
        cli_list_free(&list);
        return cli_fatal("out of memory");
    }
    cli_progress_start(list.n);
    int stopped = run_segments(&c, &list);
    cli_progress_clear();
    for (size_t i = 0; i < list.n; i++) { /* what a stopped run never delivered */
        free(c.outs[i].out);
        free(c.outs[i].explain);
    }
    free(c.outs);
    status = c.t.status;
    if (cli_finish_stdout() || stopped) status = EXIT_FATAL;
    cli_info("%zu file%s, %zu failed, %zu without main content, %llu bytes in, %llu bytes out, "
             "%.2f s", c.t.done, c.t.done == 1 ? "" : "s", c.t.failed, c.t.no_content,
             (unsigned long long)c.t.bytes_in, (unsigned long long)c.t.bytes_out,
             seconds() - t0);
    cli_list_free(&list);
    return status;
}
