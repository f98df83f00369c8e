/* cli.h -- what the pieces of the winnow command share. */
#ifndef WINNOW_CLI_H
#define WINNOW_CLI_H

#include <stddef.h>
#include <stdio.h>
#include "../winnow.h"

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_FATAL = 2 };

typedef struct {
    winnow_options opt;
} cli_config;

void cli_config_init(cli_config *cfg);

/* cli_msg.c: every message goes to stderr prefixed "winnow: ". */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints the message plus a pointer to --help; returns EXIT_FATAL. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints the message; returns EXIT_FATAL. */
int cli_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Flushes and closes stdout; returns non-zero (after a message) when writing failed. */
int cli_finish_stdout(void);

/* cli_io.c */
/* Reads all of path ("-" = stdin) into *data, failing past max bytes.  Returns 0, or -1
 * with a message (no prefix) in err; *too_large is set when the cap was hit. */
int cli_read_input(const char *path, size_t max, char **data, size_t *len, char *err,
                   size_t errlen, int *too_large);
/* Reads and compiles a rule file into rules; reports errors itself.  0 or -1. */
int cli_load_rules(winnow_rules *rules, const char *path);

/* cli_run.c: processes the operands; returns the exit status. */
int cli_run(const cli_config *cfg, int n, char **paths);

#endif
