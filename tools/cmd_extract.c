/* cmd_extract.c - trade extract: draft observations from the prose and
 * tables of briefs (plain UTF-8 text), one row per figure, with provenance.
 * Reading (bounded) and scanning are trade_extract_file's, the figures of
 * several files of one source are joined (their conflicts settled) by
 * trade_extract_merge, the review against a dataset is
 * trade_extract_dataset_files' and trade_extract_against's; this file
 * parses options, names the source and writes the rows. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

static const char usage[] =
    "usage: trade extract [--source ID] [OPTIONS] [FILE...]\n"
    "\n"
    "Figures from brief text (stdin when no FILE or '-'): money (EUR 118\n"
    "million, $96.4m, USD 87.3 bn, 3.9 billion EUR), quantities (tonnes, cubic\n"
    "metres, containers, TEU), percentages (shares as percent, growth as\n"
    "percent_change, pp), numbers written as words, and the cells of aligned\n"
    "tables (unit and scale from the caption or header). Output: draft\n"
    "observation rows with value in base units, unit, precision, qualifier\n"
    "(over, nearly, up to, expected, ...), measure (level, growth, change,\n"
    "share, rank, count), product, reporter, partner, flow and period as the\n"
    "sentence, the sentence before, the figure before or the document's title\n"
    "state them (else empty: check with 'trade validate --draft'), a\n"
    "confidence (0 to 1), and line, column, as_written, context and a note\n"
    "saying where a field came from (\"reporter from line 3\"). Years, dates,\n"
    "times, footnote marks, page and article numbers and URLs are not figures.\n"
    "\n"
    "options:\n"
    "      --source ID       the source column (default: file name without extension)\n"
    "      --no-tables       read table lines as prose\n"
    "      --no-counts       leave out bare counts (\"29 areas\")\n"
    "      --date YYYY-MM-DD the document's date, for \"this year\" and \"last year\"\n"
    "                        (default: a date line of the text)\n"
    "      --max-bytes N     refuse a text longer than N bytes (default 16 MiB)\n"
    "      --against PATH    review against a dataset (a CSV file, or a folder of\n"
    "                        them): a 'review' column says same, new, conflict (same\n"
    "                        key, another value) or incomplete, with the row met\n" CLI_COMMON_HELP
    "\n"
    "example:\n"
    "  trade extract brief.txt -o brief-draft.csv && trade validate --draft brief-draft.csv\n"
    "  trade extract new-brief.txt --against datasets/ --where review=conflict\n";

enum { OPT_SOURCE = 1, OPT_NO_TABLES, OPT_NO_COUNTS, OPT_MAX_BYTES, OPT_DATE, OPT_AGAINST };

static const char *const columns[] = {"reporter",   "partner",   "flow",      "period",  "value",
                                      "unit",       "precision", "qualifier", "measure", "product",
                                      "confidence", "source",    "locator",   "line",    "column",
                                      "as_written", "context",   "note",      "review"};
enum {
    C_REPORTER,
    C_PARTNER,
    C_FLOW,
    C_PERIOD,
    C_VALUE,
    C_UNIT,
    C_PRECISION,
    C_QUALIFIER,
    C_MEASURE,
    C_PRODUCT,
    C_CONFIDENCE,
    C_SOURCE,
    C_LOCATOR,
    C_LINE,
    C_COLUMN,
    C_AS_WRITTEN,
    C_CONTEXT,
    C_NOTE,
    C_REVIEW
};
#define NCOLS (sizeof columns / sizeof columns[0])

/* The figures of one source: the files read under it, merged. */
typedef struct ex_part {
    char *source;
    trade_figure_list *list;
} ex_part;

static char *dupstr(const char *s)
{
    size_t l = strlen(s);
    char *d = malloc(l + 1);
    if (d)
        memcpy(d, s, l + 1);
    return d;
}

/* The file name without folder and extension. */
static char *source_of(const char *path)
{
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    char *s = dupstr(b);
    if (!s)
        return NULL;
    char *dot = strrchr(s, '.');
    if (dot && dot != s)
        *dot = '\0';
    return s;
}

/* The review cell of figure i: "same: FILE line N", "conflict: FILE line N
 * has V", "new", "incomplete[: value as in FILE line N]". */
static void review_cell(const trade_table *t, const trade_extract_review *rv, char *out,
                        size_t size)
{
    const char *name = trade_extract_review_name(rv->status);
    const trade_obs *o = rv->row != (size_t)-1 ? trade_table_obs(t, rv->row) : NULL;
    char v[TRADE_NUMBER_BUFSIZE] = "";
    if (o && !trade_number_format(o->value, v, sizeof v))
        v[0] = '\0';
    if (!o)
        snprintf(out, size, "%s", name);
    else if (rv->status == TRADE_EXTRACT_CONFLICT)
        snprintf(out, size, "conflict: %s line %lu has %s", o->file, o->line, v);
    else if (rv->status == TRADE_EXTRACT_INCOMPLETE)
        snprintf(out, size, "incomplete: value as in %s line %lu", o->file, o->line);
    else
        snprintf(out, size, "%s: %s line %lu", name, o->file, o->line);
}

/* Write the rows of l (source src) that pass where. Returns a CLI code;
 * on failure w has been discarded (*w NULL). */
static int write_figures(trade_writer **w, const trade_where *where, const trade_figure_list *l,
                         const char *source, const trade_table *against)
{
    size_t n = trade_extract_count(l);
    trade_extract_review *rv = NULL;
    trade_error err;
    if (against) {
        rv = malloc((n ? n : 1) * sizeof *rv);
        if (!rv || trade_extract_against(l, against, rv, &err)) {
            free(rv);
            trade_writer_discard(*w);
            *w = NULL;
            cli_errorf("extract", "out of memory");
            return CLI_EUSAGE;
        }
    }
    int rc = CLI_OK;
    for (size_t i = 0; i < n && rc == CLI_OK; i++) {
        const trade_figure *f = trade_extract_at(l, i);
        char review[1200] = "";
        if (rv)
            review_cell(against, &rv[i], review, sizeof review);
        char value[TRADE_NUMBER_BUFSIZE], prec[TRADE_NUMBER_BUFSIZE];
        if (!trade_number_format(f->value, value, sizeof value) ||
            !trade_number_format(f->precision, prec, sizeof prec))
            continue;
        char locator[128], line[32], col[32], conf[16];
        snprintf(conf, sizeof conf, "%.2f", f->confidence);
        if (f->table[0])
            snprintf(locator, sizeof locator, "%s, line %lu", f->table, f->line);
        else
            snprintf(locator, sizeof locator, "line %lu", f->line);
        snprintf(line, sizeof line, "%lu", f->line);
        snprintf(col, sizeof col, "%lu", f->column);
        const char *cells[NCOLS] = {f->reporter,   f->partner, f->flow,      f->period,  value,
                                    f->unit,       prec,       f->qualifier, f->measure, f->product,
                                    conf,          source,     locator,      line,       col,
                                    f->as_written, f->context, f->note,      review};
        if (!trade_where_match(where, cells))
            continue;
        if (trade_writer_row(*w, cells, &err)) {
            trade_writer_discard(*w);
            *w = NULL;
            rc = cli_fail(&err);
        }
    }
    free(rv);
    return rc;
}

int cmd_extract(int argc, char **argv)
{
    static const struct option longopts[] = {{"source", required_argument, NULL, OPT_SOURCE},
                                             {"no-tables", no_argument, NULL, OPT_NO_TABLES},
                                             {"no-counts", no_argument, NULL, OPT_NO_COUNTS},
                                             {"max-bytes", required_argument, NULL, OPT_MAX_BYTES},
                                             {"date", required_argument, NULL, OPT_DATE},
                                             {"against", required_argument, NULL, OPT_AGAINST},
                                             CLI_COMMON_OPTIONS,
                                             {NULL, 0, NULL, 0}};
    cli_common o = {0};
    trade_extract_options xo = {0};
    const char *source = NULL;
    const char *against_path = NULL;
    int c;
    cli_getopt_reset();
    while ((c = cli_getopt(argc, argv, "o:", longopts, "extract")) != -1) {
        int rc = 0;
        if (c == CLI_OPT_HELP) {
            fputs(usage, stdout);
            return CLI_OK;
        } else if (c == OPT_SOURCE) {
            source = optarg;
        } else if (c == OPT_NO_TABLES) {
            xo.no_tables = 1;
        } else if (c == OPT_NO_COUNTS) {
            xo.no_counts = 1;
        } else if (c == OPT_AGAINST) {
            against_path = optarg;
        } else if (c == OPT_MAX_BYTES) {
            char *e;
            errno = 0;
            unsigned long long v = strtoull(optarg, &e, 10);
            if (errno || *e || e == optarg || v == 0 || optarg[0] == '-' || v > SIZE_MAX / 2) {
                cli_errorf("extract", "--max-bytes takes a positive number of bytes, not '%s'",
                           optarg);
                rc = CLI_EUSAGE;
            }
            xo.max_bytes = (size_t)v;
        } else if (c == OPT_DATE) {
            int y, m, d;
            char tail;
            static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
            if (sscanf(optarg, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || strlen(optarg) != 10 ||
                y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1]) {
                cli_errorf("extract", "--date takes YYYY-MM-DD, not '%s'", optarg);
                rc = CLI_EUSAGE;
            }
            xo.date_year = y;
            xo.date_month = m;
            xo.date_day = d;
        } else if (c == CLI_OPT_DRAFT) {
            return cli_refuse_option("extract", c, "its rows are drafts already");
        } else {
            rc = c == '?' ? CLI_EUSAGE : cli_common_option(&o, "extract", c, optarg);
        }
        if (rc) {
            cli_usage_hint("extract");
            return CLI_EUSAGE;
        }
    }
    if (o.max_field && !against_path) {
        cli_errorf("extract", "--max-field applies to the --against files (--max-bytes limits "
                              "the text)");
        cli_usage_hint("extract");
        return CLI_EUSAGE;
    }
    int nfiles = argc - optind;
    char **files = argv + optind;
    static char *stdin_name[] = {"-"};
    if (nfiles == 0) {
        nfiles = 1;
        files = stdin_name;
    }
    int rc = CLI_OK;
    trade_table *against = NULL;
    if (against_path) {
        char **names = NULL;
        size_t nn = 0;
        trade_error err;
        against = trade_table_new();
        if (!against) {
            cli_errorf("extract", "out of memory");
            return CLI_EUSAGE;
        }
        if (trade_extract_dataset_files(against_path, &names, &nn, &err)) {
            rc = cli_fail(&err);
        } else {
            cli_common ro = o;
            ro.draft = 1;
            ro.nwhere = 0;
            rc = cli_read_inputs(against, "extract", (int)nn, names, &ro);
        }
        trade_extract_files_free(names, nn);
        if (rc != CLI_OK) {
            trade_table_free(against);
            return rc;
        }
    }
    /* the files of one source are one text: their figures are merged */
    ex_part *parts = calloc((size_t)nfiles, sizeof *parts);
    size_t nparts = 0;
    if (!parts) {
        cli_errorf("extract", "out of memory");
        rc = CLI_EUSAGE;
    }
    for (int i = 0; i < nfiles && rc == CLI_OK; i++) {
        const char *path = files[i];
        int is_stdin = strcmp(path, "-") == 0;
        char *src = source ? dupstr(source) : source_of(is_stdin ? "stdin" : path);
        trade_figure_list *l = NULL;
        trade_error err;
        trade_error_clear(&err);
        size_t k = 0;
        while (src && k < nparts && strcmp(parts[k].source, src))
            k++;
        if (!src) {
            cli_errorf("extract", "out of memory");
            rc = CLI_EUSAGE;
        } else if (trade_extract_file(path, &xo, &l, &err) != 0) {
            rc = cli_fail(&err);
        } else if (k == nparts) {
            parts[nparts].source = src;
            parts[nparts++].list = l;
            src = NULL;
            l = NULL;
        } else if (trade_extract_merge(parts[k].list, &l, &err)) {
            rc = cli_fail(&err);
        }
        trade_extract_free(l);
        free(src);
    }
    if (rc == CLI_OK) {
        trade_writer *w = NULL;
        trade_error err;
        rc = cli_writer_open(&w, &o);
        if (rc == CLI_OK) {
            size_t ncols = against ? NCOLS : NCOLS - 1;
            trade_where *where = NULL;
            if ((rc = cli_where_new(&where, &o, "extract")) ||
                trade_where_bind(where, ncols, columns, &err)) {
                trade_writer_discard(w);
                rc = rc ? rc : cli_fail(&err);
            } else if (trade_writer_header(w, ncols, columns, NULL, &err)) {
                trade_writer_discard(w);
                rc = cli_fail(&err);
            } else {
                for (size_t k = 0; k < nparts && rc == CLI_OK; k++)
                    rc = write_figures(&w, where, parts[k].list, parts[k].source, against);
                if (w)
                    rc = cli_writer_commit(w);
            }
            trade_where_free(where);
        }
    }
    for (size_t k = 0; k < nparts; k++) {
        free(parts[k].source);
        trade_extract_free(parts[k].list);
    }
    free(parts);
    trade_table_free(against);
    return rc;
}
