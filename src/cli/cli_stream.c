/* cli_stream.c -- --input-format=jsonl: every line of an operand is one page (a JSON
 * object with "html" or "text", and "id", "url", "date"), and exactly one JSON record
 * goes out per line, in input order, whatever -j: a bad line (not JSON, no page, too
 * long, an extraction that failed) gets an error record on its line and the stream
 * goes on.  This is the contract of map steps that pipe a partition through a command
 * (Spark's RDD.pipe, Hadoop Streaming, GNU parallel --pipe).  Lines are read on a
 * reader thread and extracted on the worker pool (cli_jobs.c); the window bounds what is
 * in memory, so a stream of any length runs in constant memory. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"

/* Bytes of lines read ahead of the output, at most (one longer line is still read). */
#define STREAM_BUDGET ((size_t)256 << 20)

typedef struct {
    cli_line line;
    int status;          /* EXIT_OK, EXIT_INPUT or EXIT_FATAL */
    int truncated;       /* a limit cut the page short: record kept, exit status 1 */
    int no_content;      /* the page has no main content: its record's text is empty */
    char reason[512];    /* why it failed, or the truncation message */
    char warning[256];
    char *out;           /* the JSON record, with its newline */
    size_t out_len;
    size_t bytes_in;
} stream_item;

typedef struct {
    const cli_config *cfg;
    const char *path;    /* the operand, as records and messages name it */
    cli_lines *lr;
    stream_item *items;  /* window slots: item i is items[i % window] */
    size_t window;
    char read_error[256];
    size_t lines, failed, no_content;
    uint64_t bytes_in;
    int status;
} stream_ctx;

static const char *shown(const char *path) { return strcmp(path, "-") == 0 ? "(stdin)" : path; }

static int next(void *ctxp, size_t i, size_t *bytes)
{
    stream_ctx *c = ctxp;
    stream_item *it = &c->items[i % c->window];
    memset(it, 0, sizeof *it);
    int rc = cli_lines_next(c->lr, c->cfg->opt.max_size, &it->line);
    if (rc < 0) snprintf(c->read_error, sizeof c->read_error, "%s", cli_lines_error(c->lr));
    /* The line, then its page and its record are about as big again. */
    *bytes = it->line.len * 3;
    return rc > 0;
}

static void fail(stream_item *it, int status, const char *reason)
{
    it->status = status;
    snprintf(it->reason, sizeof it->reason, "%s", reason);
}

/* The page of one parsed line through the library; res is filled for the record. */
static void extract(const stream_ctx *c, stream_item *it, winnow_jsonl_input *in,
                    winnow_result *res)
{
    winnow_options opt = c->cfg->opt;
    opt.type = in->type; /* the member's name says what the page is */
    if (in->url) opt.url = in->url; /* where it was fetched: a hint of its page type */
    if (in->date) opt.fetch_date = in->date; /* no page date after it */
    it->bytes_in = in->len;
    winnow_status st = winnow_extract(in->content, in->len, &opt, res);
    free(in->content);
    in->content = NULL;
    if (st == WINNOW_ERR_TRUNCATED) {
        it->truncated = 1;
        snprintf(it->reason, sizeof it->reason, "%s", res->error);
    } else if (st != WINNOW_OK) {
        fail(it, st == WINNOW_ERR_NOMEM ? EXIT_FATAL : EXIT_INPUT, res->error);
    }
    snprintf(it->warning, sizeof it->warning, "%s", res->warning);
    it->no_content = res->no_content;
}

static void work(void *ctxp, size_t i)
{
    stream_ctx *c = ctxp;
    stream_item *it = &c->items[i % c->window];
    winnow_jsonl_input in;
    winnow_result res;
    memset(&in, 0, sizeof in);
    memset(&res, 0, sizeof res);
    if (it->line.too_long) {
        char why[160];
        snprintf(why, sizeof why, "line is longer than the limit of %zu bytes (--max-size)",
                 c->cfg->opt.max_size);
        fail(it, EXIT_INPUT, why);
        it->bytes_in = it->line.bytes;
    } else {
        winnow_status st = winnow_jsonl_parse(it->line.data, it->line.len, &in);
        it->bytes_in = it->line.len;
        free(it->line.data);
        it->line.data = NULL;
        if (st != WINNOW_OK) fail(it, st == WINNOW_ERR_NOMEM ? EXIT_FATAL : EXIT_INPUT, in.error);
        else extract(c, it, &in, &res);
    }
    winnow_record r = {.path = c->path,
                       .result = it->status == EXIT_OK ? &res : NULL,
                       .error = it->status == EXIT_OK ? NULL : it->reason,
                       .bytes_in = it->bytes_in,
                       .id = in.id,
                       .id_is_number = in.id_is_number,
                       .url = in.url,
                       .line = i + 1};
    it->out = winnow_record_json(&r, 0, &it->out_len);
    if (!it->out) fail(it, EXIT_FATAL, "out of memory");
    if (it->truncated && it->status == EXIT_OK) it->status = EXIT_INPUT;
    winnow_jsonl_input_free(&in);
    winnow_result_free(&res);
}

static int deliver(void *ctxp, size_t i)
{
    stream_ctx *c = ctxp;
    stream_item *it = &c->items[i % c->window];
    if (it->warning[0]) cli_warn("%s:%zu: %s", shown(c->path), i + 1, it->warning);
    if (it->status != EXIT_OK) {
        cli_error("%s:%zu: %s", shown(c->path), i + 1, it->reason);
        c->failed++;
        if (it->status > c->status) c->status = it->status;
    } else if (it->no_content) {
        c->no_content++;
    }
    int stop = 0;
    if (it->out) {
        fwrite(it->out, 1, it->out_len, stdout);
        /* A producer may wait for each record before it sends the next line. */
        if (fflush(stdout) != 0 || ferror(stdout)) stop = 1;
    }
    c->lines++;
    c->bytes_in += it->bytes_in;
    free(it->out);
    it->out = NULL;
    return stop;
}

/* One operand's lines; 0, or -1 when the output failed (the run stops). */
static int run_one(stream_ctx *c, const char *path)
{
    char err[256];
    size_t lines_before = c->lines;
    c->path = path;
    c->read_error[0] = '\0';
    c->lr = cli_lines_open(path, err, sizeof err);
    if (!c->lr) {
        cli_error("%s: %s -- skipped", shown(path), err);
        if (c->status < EXIT_INPUT) c->status = EXIT_INPUT;
        return 0;
    }
    size_t window = (size_t)c->cfg->jobs * 4 + 16;
    c->window = c->cfg->jobs > 1 ? window : 1;
    int rc = cli_jobs_stream(c->cfg->jobs, c->window, STREAM_BUDGET, next, work, deliver, c);
    for (size_t k = 0; k < c->window; k++) { /* what a stopped run never delivered */
        free(c->items[k].line.data);
        free(c->items[k].out);
        memset(&c->items[k], 0, sizeof c->items[k]);
    }
    if (c->read_error[0]) {
        /* Lines after this point are lost: never silently. */
        cli_error("%s: %s (after line %zu)", shown(path), c->read_error,
                  c->lines - lines_before);
        if (c->status < EXIT_INPUT) c->status = EXIT_INPUT;
    }
    cli_lines_close(c->lr);
    c->lr = NULL;
    return rc;
}

int cli_stream_run(const cli_config *cfg, int n, char **operands)
{
    static char *stdin_only[] = {"-"};
    if (n == 0) {
        n = 1;
        operands = stdin_only;
    }
    stream_ctx c = {.cfg = cfg};
    c.items = calloc((size_t)cfg->jobs * 4 + 16, sizeof *c.items);
    if (!c.items) return cli_fatal("out of memory");
    int stopped = 0;
    for (int k = 0; k < n && !stopped; k++) stopped = run_one(&c, operands[k]) != 0;
    free(c.items);
    int status = c.status;
    if (cli_finish_stdout() || stopped) status = EXIT_FATAL;
    cli_info("%zu line%s, %zu failed, %zu without main content, %llu bytes in", c.lines,
             c.lines == 1 ? "" : "s", c.failed, c.no_content, (unsigned long long)c.bytes_in);
    return status;
}
