/* cmd_cat.c - trade cat: merge and filter observation files and write them
 * normalized: the format's columns first in their documented order, then the
 * other columns in the order first seen; periods and values in their
 * canonical written form. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

static const char usage[] =
    "usage: trade cat [--where COLUMN=VALUE ...] [-o FILE] [FILE...]\n"
    "\n"
    "Merge, filter and write normalized observation CSV. Every input goes\n"
    "through the checks of trade validate; columns are merged by name.\n"
    "\n"
    "options:\n" CLI_COMMON_HELP "\n"
    "example:\n"
    "  trade cat --where reporter=BEL --where flow=export datasets/*.csv -o bel.csv\n";

static const char *const order[] = {"reporter", "partner",   "flow",      "period", "value",
                                    "unit",     "precision", "qualifier", "source", "locator",
                                    "product",  "note",      "label"};
#define NORDER (sizeof order / sizeof order[0])

int cmd_cat(int argc, char **argv)
{
    static const struct option longopts[] = {CLI_COMMON_OPTIONS, {NULL, 0, NULL, 0}};
    cli_common o = {0};
    int c;
    cli_getopt_reset();
    while ((c = cli_getopt(argc, argv, "o:", longopts, "cat")) != -1) {
        if (c == CLI_OPT_HELP) {
            fputs(usage, stdout);
            return CLI_OK;
        }
        int rc = c == '?' ? CLI_EUSAGE : cli_common_option(&o, "cat", c, optarg);
        if (rc) {
            cli_usage_hint("cat");
            return CLI_EUSAGE;
        }
    }
    trade_table *t = trade_table_new();
    if (!t) {
        cli_errorf("cat", "out of memory");
        return CLI_EUSAGE;
    }
    int rc = cli_read_inputs(t, "cat", argc - optind, argv + optind, &o);
    if (rc) {
        trade_table_free(t);
        return rc;
    }
    size_t ncols = trade_table_cols(t), n = 0;
    size_t *cols = malloc(ncols * sizeof *cols);
    const char **names = malloc(ncols * sizeof *names);
    const char **cells = malloc(ncols * sizeof *cells);
    trade_writer *w = NULL;
    if (!cols || !names || !cells) {
        cli_errorf("cat", "out of memory");
        rc = CLI_EUSAGE;
        goto done;
    }
    for (size_t k = 0; k < NORDER; k++) {
        long i = trade_table_col_index(t, order[k]);
        if (i >= 0)
            cols[n++] = (size_t)i;
    }
    for (size_t i = 0; i < ncols; i++) {
        size_t k = 0;
        while (k < NORDER && strcmp(trade_table_col_name(t, i), order[k]))
            k++;
        if (k == NORDER)
            cols[n++] = i;
    }
    for (size_t i = 0; i < n; i++)
        names[i] = trade_table_col_name(t, cols[i]);
    if ((rc = cli_writer_open(&w, &o)))
        goto done;
    trade_error err;
    if (trade_writer_header(w, n, names, NULL, &err)) {
        rc = cli_fail(&err);
        goto done;
    }
    long vcol = trade_table_col_index(t, "value"), pcol = trade_table_col_index(t, "period");
    for (size_t r = 0; r < trade_table_rows(t); r++) {
        const trade_obs *ob = trade_table_obs(t, r);
        char value[TRADE_NUMBER_BUFSIZE], period[TRADE_PERIOD_BUFSIZE];
        trade_number_format(ob->value, value, sizeof value);
        trade_period_format(&ob->period, period, sizeof period);
        for (size_t i = 0; i < n; i++) {
            if ((long)cols[i] == vcol)
                cells[i] = value;
            else if ((long)cols[i] == pcol)
                cells[i] = period;
            else
                cells[i] = trade_table_cell(t, r, cols[i]);
        }
        if (trade_writer_row(w, cells, &err)) {
            rc = cli_fail(&err);
            goto done;
        }
    }
    rc = cli_writer_commit(w);
    w = NULL;
done:
    trade_writer_discard(w);
    free(cols);
    free(names);
    free(cells);
    trade_table_free(t);
    return rc;
}
