/* cli.h - what every trade subcommand shares: exit codes, error printing,
 * the common options (-o, --format, --raw, --where, --draft, --help) and
 * reading the input files through the format's checks. Uses only the public
 * libtrade API. */
#ifndef TRADE_CLI_H
#define TRADE_CLI_H

#include <getopt.h>
#include <pthread.h>
#include <stdio.h>

#include "trade/trade.h"

/* Exit codes: 0 ok, 1 bad input data, 2 usage or I/O. */
enum { CLI_OK = 0, CLI_EDATA = 1, CLI_EUSAGE = 2 };

/* The exit code for a library status. */
int cli_exit_code(int status);

/* Print err as "FILE:LINE:COLUMN: message" (or "trade: message" when it
 * has no file) on stderr. */
void cli_print_error(const trade_error *err);

/* printf-style "trade CMD: message" on stderr. */
void cli_errorf(const char *cmd, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* The note of the series commands on rows left out for their measure
 * (trade_series_nonlevel_rows): "trade CMD: left out N rows whose measure
 * is not a level" on stderr, nothing when there are none. */
void cli_note_nonlevel(const char *cmd, const trade_table *t);
/* The same note for a count of such rows (trade_stream_stats.nonlevel). */
void cli_note_nonlevel_rows(const char *cmd, size_t n);

#define CLI_MAX_WHERE 32

/* Options shared by the commands that read observations and write rows. */
typedef struct cli_common {
    const char *output; /* -o FILE; NULL is stdout */
    trade_write_options write;
    int draft;        /* --draft */
    int generic; /* read mode: 0, TRADE_READ_GENERIC or TRADE_READ_AUTO */
    size_t max_field; /* --max-field BYTES; 0 default */
    size_t nwhere;
    const char *where[CLI_MAX_WHERE]; /* --where COLUMN OP VALUE, checked */
} cli_common;

/* Long options every row-writing command accepts; append them to a
 * command's own table with CLI_COMMON_OPTIONS and handle them with
 * cli_common_option(). Option values 0x1000 and up are reserved here. */
enum {
    CLI_OPT_FORMAT = 0x1000,
    CLI_OPT_RAW,
    CLI_OPT_WHERE,
    CLI_OPT_DRAFT,
    CLI_OPT_MAX_FIELD,
    CLI_OPT_DIGITS,
    CLI_OPT_HELP
};
#define CLI_COMMON_OPTIONS                                                                         \
    {"output", required_argument, NULL, 'o'}, {"format", required_argument, NULL, CLI_OPT_FORMAT}, \
        {"raw", no_argument, NULL, CLI_OPT_RAW},                                                   \
        {"where", required_argument, NULL, CLI_OPT_WHERE},                                         \
        {"draft", no_argument, NULL, CLI_OPT_DRAFT},                                               \
        {"max-field", required_argument, NULL, CLI_OPT_MAX_FIELD},                                 \
        {"digits", required_argument, NULL, CLI_OPT_DIGITS},                                       \
    {                                                                                              \
        "help", no_argument, NULL, CLI_OPT_HELP                                                    \
    }

/* Help text lines for the common options, for a command's usage(). */
#define CLI_COMMON_HELP                                                                            \
    "  -o, --output FILE     write to FILE (atomically) instead of stdout\n"                       \
    "      --format FMT      csv (default), tsv, jsonl or xlsx (Excel, with -o FILE)\n"            \
    "      --digits N        numbers to N significant digits (1 to 17; default: the\n"            \
    "                        shortest text that reads back as the same number)\n"                  \
    "      --raw             do not neutralise spreadsheet formulas in text cells\n"               \
    "      --where COND      keep only rows where COND holds: COL=VAL, COL!=VAL, COL<N,\n"        \
    "                        COL<=N, COL>N, COL>=N (numbers), COL~REGEX (POSIX extended);\n"  \
    "                        repeated on one column means OR, on different columns AND;\n"    \
    "                        an unknown COL is an error listing the columns (exit 2)\n"         \
    "      --draft           accept empty reporter, partner, flow and period\n"                    \
    "      --max-field N     refuse fields longer than N bytes (default 1 MiB)\n"                  \
    "      --help            show this help\n"

/* Handle a common option c (from getopt_long) with its optarg. Returns 0 if
 * handled, -1 if c is not a common option, 2 (usage error, message printed)
 * for a bad value. CLI_OPT_HELP is not handled here. */
int cli_common_option(cli_common *o, const char *cmd, int c, const char *arg);

/* Read the files argv[0..argc) (none: stdin) into t through every check,
 * printing each problem, then check duplicates and apply --where
 * (trade_table_read_files). Returns an exit code (0, 1 or 2). */
int cli_read_inputs(trade_table *t, const char *cmd, int argc, char **argv, const cli_common *o);

/* The reading of a command that makes one library call on its inputs
 * (growth, rank): so (stream options) reads with ro, problems printed as
 * cli_read_inputs prints them, a progress bar on a terminal, and o's
 * --where conditions. cli_input_open returns an exit code (message printed);
 * cli_input_printed says whether a problem was printed already (else the
 * caller prints the error it got); cli_input_close ends the bar and frees. */
typedef struct cli_input {
    trade_read_options ro;
    trade_where *where;
    trade_stream_options so;
    struct cli_input_state *state;
} cli_input;
int cli_input_open(cli_input *in, const char *cmd, const cli_common *o);
int cli_input_printed(const cli_input *in);
void cli_input_progress_end(cli_input *in);
void cli_input_close(cli_input *in);

/* The --where conditions of o as a new trade_where (free it with
 * trade_where_free). Returns an exit code (message printed). */
int cli_where_new(trade_where **out, const cli_common *o, const char *cmd);

/* Open the output writer of o. Returns an exit code; on error prints it. */
int cli_writer_open(trade_writer **w, const cli_common *o);

/* Commit w, printing any error. Returns an exit code. */
int cli_writer_commit(trade_writer *w);

/* Print a library error and return its exit code. */
int cli_fail(const trade_error *err);

/* After a usage error (its one-line message printed): "see 'trade CMD
 * --help'" on stderr. The whole help is for --help only. */
void cli_usage_hint(const char *cmd);

/* Standard getopt_long prologue helpers: reset getopt for a subcommand. */
void cli_getopt_reset(void);

/* getopt_long for subcommand cmd, with its own messages: an unknown
 * option, a missing value or a value given to a flag prints one line
 * ("trade CMD: unknown option '--x'") and returns '?' (the caller ends
 * with cli_usage_hint). Otherwise as getopt_long. */
int cli_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts,
               const char *cmd);

/* Refuse common option c (from getopt_long) that does nothing in cmd:
 * "trade CMD: --format is not used by CMD (WHY)" and the pointer to
 * --help. Returns CLI_EUSAGE. */
int cli_refuse_option(const char *cmd, int c, const char *why);

#endif
