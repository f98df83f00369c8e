/* cli.h -- what the pieces of the winnow command share.
 *
 * main.c parses arguments into a cli_config; cli_walk.c turns the operands into a list
 * of inputs (cli_item); cli_run.c processes them through libwinnow on the worker pool of
 * cli_jobs.c and delivers each result in input order (stdout, or a file written by
 * cli_out.c); with --input-format=jsonl, cli_stream.c does the same for every line of
 * the operands (read by cli_lines.c); cli_msg.c and cli_progress.c own stderr. */
#ifndef WINNOW_CLI_H
#define WINNOW_CLI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include <winnow/winnow.h>

/* Exit statuses (also listed in --help and the man page). */
enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_FATAL = 2 };

#define CLI_MAX_JOBS 256

typedef enum { FMT_TEXT = 0, FMT_MARKDOWN, FMT_JSON, FMT_JSONL, FMT_WARC } cli_format;

/* What an operand holds (--input-format): one page (AUTO: HTML or text, or a WARC
 * archive, told by its bytes), a WARC archive whatever its bytes, or a JSON Lines
 * stream of pages. */
typedef enum { IN_AUTO = 0, IN_WARC, IN_JSONL } cli_input_format;

typedef struct {
    winnow_options opt;
    cli_format format;
    int format_given;    /* -f was on the command line */
    int recursive;
    const char *out_dir; /* NULL: everything goes to stdout */
    int jobs;            /* worker threads, >= 1 */
    cli_input_format input_format;
    int warc_skipped;    /* --warc-skipped: an output record for each skipped record */
    char now[32];        /* the run's start, ISO 8601 UTC: the WARC-Date of -f warc */
} cli_config;

void cli_config_init(cli_config *cfg);

/* ---- cli_msg.c: every message goes to stderr prefixed "winnow: " ---------------- */

typedef enum { VERB_QUIET = -1, VERB_NORMAL = 0, VERB_VERBOSE = 1 } cli_verbosity;
extern cli_verbosity cli_verbose_level;

void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Warnings and notes are silenced by -q; cli_info only speaks under -v. */
void cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints the message plus a pointer to --help; returns EXIT_FATAL. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints the message; returns EXIT_FATAL. */
int cli_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Flushes and closes stdout; returns non-zero (after a message) when writing failed. */
int cli_finish_stdout(void);

/* ---- cli_progress.c: the progress line, only on a terminal ----------------------- */

void cli_progress_start(size_t total);
/* Redraws at most a few times a second. */
void cli_progress_update(size_t done, size_t failed, uint64_t bytes_in);
/* Erases the line (before any other message, and at the end). */
void cli_progress_clear(void);

/* ---- cli_io.c: reading with a size cap; gzip by magic bytes ---------------------- */

/* Reads all of path ("-" = stdin) into *data, gunzipping gzip data; fails when the
 * (decompressed) size passes max, naming the limit by what ("--max-size").  Returns 0,
 * or -1 with a message (no prefix) in err. */
int cli_read_input(const char *path, size_t max, const char *what, char **data, size_t *len,
                   char *err, size_t errlen);
/* The same, for an input whose first head_len bytes were already read (stdin, sniffed). */
int cli_read_input_head(const char *path, const char *head, size_t head_len, size_t max,
                        const char *what, char **data, size_t *len, char *err, size_t errlen);

#define CLI_MAX_RULE_FILE ((size_t)16 << 20) /* bytes of one rule file, decompressed */
/* Reads and compiles a rule file into rules; reports errors itself.  0 or -1. */
int cli_load_rules(winnow_rules *rules, const char *path);

/* ---- cli_walk.c: operands -> inputs ---------------------------------------------- */

typedef struct {
    char *path;     /* what is read: the operand, or operand/relative for a walked file */
    char *out_rel;  /* output name relative to the output dir, with the format's extension */
    char *out_path; /* out_dir/out_rel, or NULL when writing to stdout */
    char *error;    /* decided before reading (directory without -r, collision), or NULL */
    dev_t dev;      /* identity of the input, to refuse writing an output over it */
    ino_t ino;
    int have_id;
} cli_item;

typedef struct {
    cli_item *items;
    size_t n, cap;
} cli_list;

/* Expands the operands in order (directories walked, entries sorted by name, when
 * cfg->recursive; the output directory, if it exists, is never entered) and maps each
 * input to its output path.  Returns 0, or -1 when out of memory.  Items that cannot
 * be processed carry an error. */
int cli_walk(const cli_config *cfg, int n, char **operands, cli_list *list);
void cli_list_free(cli_list *list);

/* ---- cli_out.c: output files ------------------------------------------------------ */

/* Creates the output directory (with parents).  0, or -1 after a message. */
int cli_out_prepare(const char *dir);
/* Refuses (sets item->error) outputs that are an input or the output of an earlier
 * input.  Returns 0, or -1 when out of memory. */
int cli_out_check(cli_list *list);
/* Writes data to path through a temporary file in the same directory and a rename,
 * creating parent directories.  Returns 0, or -1 with a message in err. */
int cli_out_write(const char *path, const char *data, size_t len, char *err, size_t errlen);
/* From now on SIGINT, SIGTERM and SIGHUP remove the temporary files in flight and end
 * the process by the same signal.  Call before starting threads. */
int cli_out_guard_signals(void);

/* ---- cli_jobs.c: the worker pool ------------------------------------------------- */

/* work(ctx, i) runs on a worker thread for every i in [0, n); deliver(ctx, i) runs on
 * the calling thread, strictly in order of i, once work(ctx, i) is done.  A non-zero
 * return from deliver stops the run (the rest is neither started nor delivered).
 * At most `window` items are done but not yet delivered, which bounds memory. */
typedef void (*cli_work_fn)(void *ctx, size_t i);
typedef int (*cli_deliver_fn)(void *ctx, size_t i);
int cli_jobs_run(size_t n, int jobs, size_t window, cli_work_fn work, cli_deliver_fn deliver,
                 void *ctx);
/* Streams, whose length is known only at the end: next(ctx, i, &bytes) runs on a
 * reader thread, in order of i, and makes item i (holding `bytes` of memory) ready,
 * returning 1, or 0 at the end (or on an error it keeps for itself).  work and deliver
 * are as above.  At most `window` items, and at most `budget` bytes unless a single item
 * is larger, are read but not delivered.  0, or -1 when deliver stopped the run (the
 * reader may then be cancelled inside next(); items read but never delivered are the
 * caller's to free). */
typedef int (*cli_next_fn)(void *ctx, size_t i, size_t *bytes);
int cli_jobs_stream(int jobs, size_t window, size_t budget, cli_next_fn next, cli_work_fn work,
                    cli_deliver_fn deliver, void *ctx);
/* Number of online processors (at least 1). */
int cli_jobs_cores(void);

/* ---- cli_lines.c: a stream of lines, each capped ---------------------------------- */

typedef struct cli_lines cli_lines;
typedef struct {
    char *data;     /* the line without its LF (or CRLF), NUL-terminated; NULL when too_long */
    size_t len;
    size_t bytes;   /* bytes the line had, line end excluded (also when too long) */
    int too_long;   /* longer than the cap: skipped, not buffered */
} cli_line;

/* Opens path ("-" = stdin) for reading lines; NULL with a message in err. */
cli_lines *cli_lines_open(const char *path, char *err, size_t errlen);
/* The next line into *line (its data is the caller's to free): 1, 0 at the end, or -1
 * on a read error (cli_lines_error says which).  A last line without LF counts. */
int cli_lines_next(cli_lines *lr, size_t max, cli_line *line);
const char *cli_lines_error(const cli_lines *lr);
void cli_lines_close(cli_lines *lr);

/* ---- cli_stream.c: --input-format=jsonl -------------------------------------------- */

/* Runs every line of every operand, one JSON record out per line in order; returns the
 * exit status. */
int cli_stream_run(const cli_config *cfg, int n, char **operands);

/* ---- cli_run.c ------------------------------------------------------------------ */

/* What has been delivered so far, for the exit status and the -v summary. */
typedef struct {
    size_t done, failed, written; /* written: outputs on stdout (for separators) */
    size_t no_content;            /* pages with no main content (empty outputs) */
    uint64_t bytes_in, bytes_out;
    int status;
} cli_tally;

/* Processes the operands; returns the exit status. */
int cli_run(const cli_config *cfg, int n, char **operands);
/* Writes one output to stdout, after a form-feed line when text outputs came before.
 * Non-zero when stdout failed. */
int cli_put_output(const cli_config *cfg, cli_tally *t, const char *out, size_t len);
/* The --explain lines of res, each prefixed with "label: " when label is not NULL. */
void cli_print_explain(FILE *f, const char *label, const winnow_result *res);

/* ---- cli_warc.c: WARC archives ------------------------------------------------------ */

/* Whether the input at path ("-": stdin) is a WARC archive (or an ARC file, which the
 * reader refuses by name): by its first bytes, or because --input-format=warc says so.
 * For stdin the bytes read to tell are handed back in *head (to free), to be read
 * before the rest.  1 or 0. */
int cli_warc_detect(const cli_config *cfg, const char *path, char **head, size_t *head_len);
/* Extracts every page record of the archive at path (head: bytes of stdin already
 * read), delivering to stdout in order.  0, or -1 when stdout failed. */
int cli_warc_run(const cli_config *cfg, const char *path, const char *head, size_t head_len,
                 cli_tally *tally);

#endif
