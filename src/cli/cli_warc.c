/* cli_warc.c -- WARC archives as inputs: each page record of an archive becomes one
 * output, through the same workers and in the same order guarantees as files.  The
 * calling thread reads the archive (libwinnow's winnow_warc reader, one record at a
 * time) and delivers; the workers extract.  A broken record gets an error (a record in
 * JSON, a message on stderr) and the rest go on; skipped records are counted, and shown
 * with --warc-skipped. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"

#define SNIFF_BYTES 4096
/* Bytes of pages read ahead of delivery (more only when one record alone is larger). */
#define WARC_BUDGET ((size_t)256 << 20)

int cli_warc_detect(const cli_config *cfg, const char *path, char **head, size_t *head_len)
{
    *head = NULL;
    *head_len = 0;
    if (cfg->input_format == IN_WARC) return 1;
    int is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return 0; /* the reading that follows reports it */
    struct stat st;
    if (!is_stdin && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) {
        /* A FIFO operand would lose what was read to tell: it is a page (unless
         * --input-format=warc says otherwise); directories are for the walk. */
        close(fd);
        return 0;
    }
    char *p = malloc(SNIFF_BYTES);
    size_t n = 0;
    while (p && n < SNIFF_BYTES) {
        ssize_t r = read(fd, p + n, SNIFF_BYTES - n);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        n += (size_t)r;
        if (!is_stdin) break; /* a file: the first read is enough to tell */
    }
    if (!is_stdin) close(fd);
    int kind = p ? winnow_warc_sniff(p, n) : 0;
    if (is_stdin && p) { /* what was read from stdin is read first by the next reader */
        *head = p;
        *head_len = n;
    } else {
        free(p);
    }
    return kind != 0; /* an ARC file goes to the reader too, which names it */
}

/* One record in flight: copied out of the reader, then the worker's outcome. */
typedef struct {
    winnow_warc_kind kind;
    char *payload;
    size_t payload_len;
    char *id, *uri, *date, *content_type, *charset, *content_language, *reason;
    int http_status;
    unsigned long long offset;
    int status;          /* EXIT_OK, EXIT_INPUT or EXIT_FATAL */
    int no_content;      /* the page has no main content: its output is empty */
    char msg[512];       /* why the page failed */
    char warning[256];
    char *out;
    size_t out_len, bytes_out;
    char *explain;
    size_t explain_len;
} warc_slot;

typedef struct {
    const cli_config *cfg;
    const char *path;
    winnow_warc *reader;
    warc_slot *slots;
    size_t window;
    cli_tally *tally;
    int json;
    char fatal[256];
} warc_ctx;

static void slot_clear(warc_slot *s)
{
    free(s->payload);
    free(s->id);
    free(s->uri);
    free(s->date);
    free(s->content_type);
    free(s->charset);
    free(s->content_language);
    free(s->reason);
    free(s->out);
    free(s->explain);
    memset(s, 0, sizeof *s);
}

static int dup_field(char **dst, const char *src)
{
    *dst = src ? strdup(src) : NULL;
    return src && !*dst ? -1 : 0;
}

/* next, on the pool's reader thread: the next record worth an output (pages, errors,
 * and skipped records when they are shown), copied into its slot.  A reader that cannot
 * go on ends the stream, the reason kept in fatal. */
static int next(void *ctxp, size_t i, size_t *bytes)
{
    warc_ctx *c = ctxp;
    warc_slot *s = &c->slots[i % c->window];
    winnow_warc_record r;
    *bytes = 0;
    for (;;) {
        int rc = winnow_warc_next(c->reader, &r, c->fatal, sizeof c->fatal);
        if (rc <= 0) return 0;
        if (r.kind != WINNOW_WARC_SKIPPED || c->cfg->warc_skipped) break;
    }
    slot_clear(s);
    s->kind = r.kind;
    s->http_status = r.http_status;
    s->offset = r.offset;
    int bad = dup_field(&s->id, r.record_id) | dup_field(&s->uri, r.target_uri) |
              dup_field(&s->date, r.date) | dup_field(&s->content_type, r.content_type) |
              dup_field(&s->charset, r.charset) | dup_field(&s->reason, r.reason) |
              dup_field(&s->content_language, r.content_language);
    if (r.kind == WINNOW_WARC_PAGE) {
        s->payload = malloc(r.payload_len + 1);
        if (s->payload) memcpy(s->payload, r.payload, r.payload_len);
        else bad = -1;
        s->payload_len = r.payload_len;
    }
    if (bad) {
        snprintf(c->fatal, sizeof c->fatal, "out of memory");
        slot_clear(s);
        return 0;
    }
    *bytes = r.payload_len;
    return 1;
}

static void work(void *ctxp, size_t i)
{
    warc_ctx *c = ctxp;
    warc_slot *s = &c->slots[i % c->window];
    winnow_result res;
    memset(&res, 0, sizeof res);
    int truncated = 0;
    if (s->kind == WINNOW_WARC_PAGE) {
        winnow_options opt = c->cfg->opt;
        opt.charset_hint = s->charset;
        if (s->uri) opt.url = s->uri; /* where it was fetched: a hint of its page type */
        if (s->date) opt.fetch_date = s->date; /* no page date after it */
        opt.content_language = s->content_language; /* the page's language if it says none */
        winnow_status st = winnow_extract(s->payload, s->payload_len, &opt, &res);
        truncated = st == WINNOW_ERR_TRUNCATED;
        if (st != WINNOW_OK && !truncated) {
            s->status = st == WINNOW_ERR_NOMEM ? EXIT_FATAL : EXIT_INPUT;
            snprintf(s->msg, sizeof s->msg, "%s", res.error);
        } else if (truncated) {
            snprintf(s->msg, sizeof s->msg, "%s", res.error);
        }
        snprintf(s->warning, sizeof s->warning, "%s", res.warning);
        s->no_content = res.no_content;
        if (opt.explain) {
            FILE *f = open_memstream(&s->explain, &s->explain_len);
            if (f) {
                cli_print_explain(f, s->uri ? s->uri : c->path, &res);
                fclose(f);
            }
        }
    } else if (s->kind == WINNOW_WARC_ERROR) {
        s->status = EXIT_INPUT;
        snprintf(s->msg, sizeof s->msg, "%s", s->reason ? s->reason : "broken record");
    }
    free(s->payload); /* the page is extracted: its bytes are no longer needed */
    s->payload = NULL;
    if (c->json) {
        winnow_warc_origin origin = {s->date, s->http_status, s->content_type, s->charset,
                                     c->path, s->offset};
        winnow_record r = {.path = c->path,
                           .result = s->status == EXIT_OK ? &res : NULL,
                           .error = s->status != EXIT_OK ? s->msg : NULL,
                           .bytes_in = s->payload_len,
                           .id = s->id,
                           .url = s->uri,
                           .warc = &origin,
                           .skipped = s->kind == WINNOW_WARC_SKIPPED ? s->reason : NULL};
        s->out = winnow_record_json(&r, 0, &s->out_len);
        if (!s->out) s->status = EXIT_FATAL, snprintf(s->msg, sizeof s->msg, "out of memory");
    } else if (c->cfg->format == FMT_WARC && s->kind == WINNOW_WARC_PAGE && s->status == EXIT_OK) {
        winnow_warc_origin origin = {s->date, s->http_status, s->content_type, s->charset,
                                     c->path, s->offset};
        winnow_record r = {.path = c->path, .result = &res, .bytes_in = s->payload_len,
                           .id = s->id, .url = s->uri, .warc = &origin};
        s->out = winnow_record_warc(&r, c->cfg->now, &s->out_len);
        if (!s->out) s->status = EXIT_FATAL, snprintf(s->msg, sizeof s->msg, "out of memory");
    } else if (s->kind == WINNOW_WARC_PAGE && s->status == EXIT_OK) {
        s->out = malloc(res.len + 1);
        if (s->out) memcpy(s->out, res.text, res.len), s->out_len = res.len;
        else s->status = EXIT_FATAL, snprintf(s->msg, sizeof s->msg, "out of memory");
    }
    if (s->status == EXIT_OK) s->bytes_out = res.len;
    if (truncated && s->status == EXIT_OK) s->status = EXIT_INPUT;
    winnow_result_free(&res);
}

static int deliver(void *ctxp, size_t i)
{
    warc_ctx *c = ctxp;
    warc_slot *s = &c->slots[i % c->window];
    cli_tally *t = c->tally;
    const char *shown = strcmp(c->path, "-") == 0 ? "(stdin)" : c->path;
    if (s->explain) {
        cli_progress_clear();
        fwrite(s->explain, 1, s->explain_len, stderr);
    }
    if (s->warning[0]) cli_warn("%s: offset %llu: %s", shown, s->offset, s->warning);
    if (s->kind == WINNOW_WARC_SKIPPED && !c->json)
        cli_note("%s: offset %llu%s%s: %s -- skipped", shown, s->offset, s->uri ? " " : "",
                 s->uri ? s->uri : "", s->reason ? s->reason : "");
    if (s->status != EXIT_OK) {
        cli_error("%s: offset %llu%s%s: %s%s", shown, s->offset, s->uri ? " " : "",
                  s->uri ? s->uri : "", s->msg, s->kind == WINNOW_WARC_ERROR ? " -- skipped" : "");
        t->failed++;
        if (s->status > t->status) t->status = s->status;
    } else if (s->no_content) {
        t->no_content++;
    }
    int stop = s->out ? cli_put_output(c->cfg, t, s->out, s->out_len) : 0;
    t->done++;
    t->bytes_in += s->payload_len;
    t->bytes_out += s->bytes_out;
    slot_clear(s);
    return stop;
}

/* -v: what the archive held, and why records were skipped. */
static void summary(const char *path, const winnow_warc *reader)
{
    winnow_warc_counts n;
    winnow_warc_get_counts(reader, &n);
    char why[512] = "";
    size_t used = 0;
    for (int k = 1; k < WINNOW_WARC_SKIP_COUNT && used < sizeof why; k++) {
        if (!n.skipped[k]) continue;
        used += (size_t)snprintf(why + used, sizeof why - used, "%s%s %zu", used ? ", " : "",
                                 winnow_warc_skip_name((winnow_warc_skip)k), n.skipped[k]);
    }
    size_t skipped = n.records - n.pages - n.errors;
    cli_info("%s: %zu records: %zu pages, %zu broken, %zu skipped%s%s%s",
             strcmp(path, "-") == 0 ? "(stdin)" : path, n.records, n.pages, n.errors, skipped,
             used ? " (" : "", why, used ? ")" : "");
}

int cli_warc_run(const cli_config *cfg, const char *path, const char *head, size_t head_len,
                 cli_tally *tally)
{
    winnow_warc_options o;
    winnow_warc_options_init(&o);
    o.max_size = cfg->opt.max_size;
    o.head = head;
    o.head_len = head_len;
    char err[256];
    int is_stdin = strcmp(path, "-") == 0;
    winnow_warc *reader = is_stdin ? winnow_warc_open_fd(STDIN_FILENO, path, &o, err, sizeof err)
                                   : winnow_warc_open(path, &o, err, sizeof err);
    if (!reader) {
        cli_error("%s: %s%s", path, err, " -- skipped");
        tally->failed++;
        if (tally->status < EXIT_INPUT) tally->status = EXIT_INPUT;
        return 0;
    }
    warc_ctx c = {.cfg = cfg, .path = path, .reader = reader, .tally = tally,
                  .json = cfg->format == FMT_JSON || cfg->format == FMT_JSONL};
    c.window = (size_t)cfg->jobs * 4 + 16;
    c.slots = calloc(c.window, sizeof *c.slots);
    int rc = 0;
    if (!c.slots) {
        cli_error("out of memory");
        tally->status = EXIT_FATAL;
        winnow_warc_close(reader);
        return -1;
    }
    if (cli_jobs_stream(cfg->jobs, c.window, WARC_BUDGET, next, work, deliver, &c) != 0) {
        rc = -1; /* stdout failed */
    } else if (c.fatal[0]) {
        /* The archive cannot be read on (a read error): what came before stands. */
        cli_error("%s: %s -- the rest of the archive is lost", is_stdin ? "(stdin)" : path, c.fatal);
        tally->failed++;
        if (tally->status < EXIT_INPUT) tally->status = EXIT_INPUT;
    }
    summary(path, reader);
    for (size_t i = 0; i < c.window; i++) slot_clear(&c.slots[i]);
    free(c.slots);
    winnow_warc_close(reader);
    return rc;
}
