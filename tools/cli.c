/* cli.c - what the subcommands share: exit codes, located error messages,
 * the common options, and reading inputs through the format's checks. */
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

int cli_exit_code(int status)
{
    switch (status) {
    case TRADE_OK:
        return CLI_OK;
    case TRADE_ECSV:
    case TRADE_EDATA:
    case TRADE_ELIMIT:
    case TRADE_EMATH:
        return CLI_EDATA;
    default:
        return CLI_EUSAGE;
    }
}

void cli_print_error(const trade_error *err)
{
    /* standard output closed by its reader (| head): nothing to tell */
    if (!strcmp(err->file, "-") && err->code == TRADE_EIO && strstr(err->message, strerror(EPIPE)))
        return;
    if (err->file[0] && err->line)
        fprintf(stderr, "%s:%lu:%lu: %s\n", err->file, err->line, err->column ? err->column : 1,
                err->message);
    else if (err->file[0])
        fprintf(stderr, "%s: %s\n", err->file, err->message);
    else
        fprintf(stderr, "trade: %s\n", err->message[0] ? err->message : trade_strerror(err->code));
}

void cli_errorf(const char *cmd, const char *fmt, ...)
{
    /* through trade_error_set, for the library's one rule on control bytes
     * (an option value quoted back is shown with '?' for them) */
    char text[TRADE_ERROR_MESSAGE_MAX];
    trade_error e;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    trade_error_set(&e, TRADE_EARG, NULL, 0, 0, "%s", text);
    fprintf(stderr, "trade %s: %s\n", cmd, e.message);
}

void cli_note_nonlevel(const char *cmd, const trade_table *t)
{
    cli_note_nonlevel_rows(cmd, trade_series_nonlevel_rows(t));
}

void cli_note_nonlevel_rows(const char *cmd, size_t n)
{
    if (n)
        cli_errorf(cmd,
                   "left out %zu row%s whose measure is not a level (growth, change, share, "
                   "...): not in a series",
                   n, n == 1 ? "" : "s");
}

int cli_fail(const trade_error *err)
{
    cli_print_error(err);
    return cli_exit_code(err->code);
}

void cli_getopt_reset(void)
{
    optind = 0; /* glibc: 0 also resets its internal state */
    opterr = 1;
}

int cli_refuse_option(const char *cmd, int c, const char *why)
{
    const char *name = c == 'o'                 ? "-o/--output"
                       : c == CLI_OPT_FORMAT    ? "--format"
                       : c == CLI_OPT_RAW       ? "--raw"
                       : c == CLI_OPT_WHERE     ? "--where"
                       : c == CLI_OPT_DRAFT     ? "--draft"
                       : c == CLI_OPT_MAX_FIELD ? "--max-field"
                                                : "this option";
    cli_errorf(cmd, "%s is not used by %s (%s)", name, cmd, why);
    cli_usage_hint(cmd);
    return CLI_EUSAGE;
}

int cli_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts,
               const char *cmd)
{
    /* a leading ':' tells a missing value (':') from an unknown option ('?') */
    char opts[64];
    snprintf(opts, sizeof opts, ":%s", shortopts);
    opterr = 0;
    int c = getopt_long(argc, argv, opts, longopts, NULL);
    if (c != '?' && c != ':')
        return c;
    const char *word = optind > 0 && optind <= argc ? argv[optind - 1] : "";
    int is_long = !strncmp(word, "--", 2);
    int len = (int)strcspn(word, "=");
    if (!is_long && optopt > 0 && optopt < 128)
        cli_errorf(cmd, c == ':' ? "option '-%c' needs a value" : "unknown option '-%c'", optopt);
    else if (c == ':')
        cli_errorf(cmd, "option '%.*s' needs a value", len, word);
    else if (optopt)
        cli_errorf(cmd, "option '%.*s' takes no value", len, word);
    else
        cli_errorf(cmd, "unknown option '%.*s'", len, word);
    return '?';
}

int cli_common_option(cli_common *o, const char *cmd, int c, const char *arg)
{
    switch (c) {
    case 'o':
        o->output = arg;
        return 0;
    case CLI_OPT_FORMAT:
        if (trade_format_parse(arg, &o->write.format)) {
            cli_errorf(cmd, "--format must be csv, tsv, jsonl or xlsx, not '%s'", arg);
            return CLI_EUSAGE;
        }
        return 0;
    case CLI_OPT_RAW:
        o->write.raw = 1;
        return 0;
    case CLI_OPT_DIGITS: {
        char *end;
        long n = strtol(arg, &end, 10);
        if (!*arg || *end || n < 1 || n > 17) {
            cli_errorf(cmd, "--digits takes 1 to 17 (significant digits), not '%s'", arg);
            return CLI_EUSAGE;
        }
        o->write.digits = (int)n;
        return 0;
    }
    case CLI_OPT_DRAFT:
        o->draft = 1;
        return 0;
    case CLI_OPT_MAX_FIELD: {
        /* digits only: strtoull takes "-1" as 2^64 - 1 and clamps 2^64 and
         * more to that, both of which would read as "no limit" */
        char *end;
        errno = 0;
        unsigned long long n = strtoull(arg, &end, 10);
        if (!*arg || *end || n == 0 || arg[0] < '0' || arg[0] > '9' || errno == ERANGE ||
            n > SIZE_MAX) {
            cli_errorf(cmd, "--max-field takes a positive number of bytes, not '%s'", arg);
            return CLI_EUSAGE;
        }
        o->max_field = (size_t)n;
        return 0;
    }
    case CLI_OPT_WHERE: {
        /* checked now, so a bad condition is a usage error before any reading */
        trade_where *w = trade_where_new();
        trade_error err;
        int rc = w ? trade_where_add(w, arg, &err) : TRADE_ENOMEM;
        trade_where_free(w);
        if (rc) {
            cli_errorf(cmd, "%s", rc == TRADE_ENOMEM ? "out of memory" : err.message);
            return CLI_EUSAGE;
        }
        if (o->nwhere == CLI_MAX_WHERE) {
            cli_errorf(cmd, "at most %d --where options", CLI_MAX_WHERE);
            return CLI_EUSAGE;
        }
        o->where[o->nwhere++] = arg;
        return 0;
    }
    }
    return -1;
}

/* Problems printed per file before the rest are only counted. */
#define CLI_MAX_PROBLEMS 100

typedef struct problem_count {
    char file[TRADE_ERROR_FILE_MAX]; /* the file of the problems counted */
    int count;
    int total;
} problem_count;

/* Print the first CLI_MAX_PROBLEMS problems of a file; keep going. */
static int print_problem(void *ctx, const trade_error *problem)
{
    problem_count *pc = ctx;
    if (strcmp(pc->file, problem->file)) {
        snprintf(pc->file, sizeof pc->file, "%s", problem->file); /* a new file: count again */
        pc->count = 0;
    }
    pc->total++;
    if (pc->count < CLI_MAX_PROBLEMS)
        cli_print_error(problem);
    else if (pc->count == CLI_MAX_PROBLEMS)
        fprintf(stderr, "%s: more than %d problems; the rest are not shown\n", problem->file,
                CLI_MAX_PROBLEMS);
    pc->count++;
    return 0;
}

int cli_where_new(trade_where **out, const cli_common *o, const char *cmd)
{
    trade_error err;
    *out = trade_where_new();
    if (!*out) {
        cli_errorf(cmd, "out of memory");
        return CLI_EUSAGE;
    }
    for (size_t i = 0; o && i < o->nwhere; i++)
        if (trade_where_add(*out, o->where[i], &err)) {
            trade_where_free(*out);
            *out = NULL;
            cli_errorf(cmd, "%s", err.message);
            return CLI_EUSAGE;
        }
    return CLI_OK;
}

/* A progress bar on a terminal while a large file is read (as import). */
typedef struct read_progress {
    int last, shown;
    char name[256];
} read_progress;

static void read_progress_fn(void *ctx, const char *name, unsigned long long done,
                             unsigned long long total)
{
    read_progress *p = ctx;
    int pct = total ? (int)(done * 100 / total) : 100;
    if (strcmp(p->name, name) != 0) {
        if (p->shown)
            fputc('\n', stderr);
        snprintf(p->name, sizeof p->name, "%s", name);
        p->last = -1;
        p->shown = 0;
    }
    if (pct == p->last || (!p->shown && pct == 100))
        return; /* a small file: no bar at all */
    p->last = pct;
    p->shown = 1;
    char bar[41];
    int n = pct * 40 / 100;
    memset(bar, '#', (size_t)n);
    memset(bar + n, '.', (size_t)(40 - n));
    bar[40] = '\0';
    fprintf(stderr, "\r%s [%s] %3d%%", name, bar, pct);
    fflush(stderr);
}

int cli_read_inputs(trade_table *t, const char *cmd, int argc, char **argv, const cli_common *o)
{
    problem_count pc = {"", 0, 0};
    trade_read_options ro = {0};
    ro.draft = o ? o->draft : 0;
    ro.generic = o ? o->generic : 0;
    ro.max_field_bytes = o ? o->max_field : 0;
    ro.on_problem = print_problem;
    ro.ctx = &pc;
    read_progress prog = {-1, 0, ""};
    if (isatty(2)) {
        ro.progress = read_progress_fn;
        ro.progress_ctx = &prog;
    }
    trade_where *w = NULL;
    int rc = cli_where_new(&w, o, cmd);
    if (rc)
        return rc;
    trade_error err;
    rc = trade_table_read_files(t, argc > 0 ? (size_t)argc : 0, (const char *const *)argv, &ro, w,
                                &err);
    if (prog.shown)
        fputc('\n', stderr);
    trade_where_free(w);
    if (rc && pc.total == 0)
        cli_print_error(&err); /* out of memory: reported through no callback */
    return cli_exit_code(rc);
}

struct cli_input_state {
    problem_count pc;
    read_progress prog;
};

int cli_input_open(cli_input *in, const char *cmd, const cli_common *o)
{
    memset(in, 0, sizeof *in);
    in->state = calloc(1, sizeof *in->state);
    if (!in->state) {
        cli_errorf(cmd, "out of memory");
        return CLI_EUSAGE;
    }
    in->state->prog.last = -1;
    in->ro.draft = o ? o->draft : 0;
    in->ro.generic = o ? o->generic : 0;
    in->ro.max_field_bytes = o ? o->max_field : 0;
    in->ro.on_problem = print_problem;
    in->ro.ctx = &in->state->pc;
    if (isatty(2)) {
        in->ro.progress = read_progress_fn;
        in->ro.progress_ctx = &in->state->prog;
    }
    int rc = cli_where_new(&in->where, o, cmd);
    if (rc) {
        free(in->state);
        in->state = NULL;
    }
    in->so.read = &in->ro;
    in->so.where = in->where;
    return rc;
}

void cli_input_progress_end(cli_input *in)
{
    if (in->state && in->state->prog.shown) {
        fputc('\n', stderr);
        in->state->prog.shown = 0;
    }
}

int cli_input_printed(const cli_input *in)
{
    return in->state && in->state->pc.total > 0;
}

void cli_input_close(cli_input *in)
{
    cli_input_progress_end(in);
    trade_where_free(in->where);
    free(in->state);
    memset(in, 0, sizeof *in);
}

int cli_writer_open(trade_writer **w, const cli_common *o)
{
    trade_error err;
    int rc = trade_writer_open(w, o->output, &o->write, &err);
    return rc ? cli_fail(&err) : CLI_OK;
}

int cli_writer_commit(trade_writer *w)
{
    trade_error err;
    int rc = trade_writer_commit(w, &err);
    return rc ? cli_fail(&err) : CLI_OK;
}

void cli_usage_hint(const char *cmd)
{
    fprintf(stderr, "see 'trade %s --help'\n", cmd);
}
