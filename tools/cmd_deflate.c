/* cmd_deflate.c - trade deflate: money values at constant prices of a base
 * year with a deflator table (trade/deflate.h). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

static const char usage[] =
    "usage: trade deflate --deflators FILE --base YEAR [OPTIONS] [FILE...]\n"
    "\n"
    "Money values at constant prices of YEAR:\n"
    "  value = current value x index(key, YEAR) / index(key, period)\n"
    "The deflator table has the columns period, index and currency (the\n"
    "index applies to every value in that currency) or reporter (one index\n"
    "per reporter). A period without a row of its own takes the row of the\n"
    "calendar year that holds it (2012-Q3: 2012). Every input column is kept;\n"
    "added: value_current (the value read), deflator (index of the period),\n"
    "base_index, price_base (YEAR) and status. A value with no index for its\n"
    "period (a gap, outside the table, no row for the base year) is an empty\n"
    "cell with a status, never the current value (--skip-missing leaves those\n"
    "rows out instead, counted on stderr). Rows that are not money (t,\n"
    "percent, ...) pass unchanged with status \"not money: not deflated\".\n"
    "Real growth: trade deflate --deflators D --base Y FILE | trade growth -\n"
    "\n"
    "options:\n"
    "      --deflators FILE  the deflator table (CSV)\n"
    "      --base YEAR       the price base year\n"
    "      --skip-missing    leave out the rows that have no deflator\n" CLI_COMMON_HELP "\n"
    "example:\n"
    "  trade deflate --deflators datasets/us-gdp-deflator.csv --base 2017 flows.csv\n";

enum { OPT_DEFLATORS = 1, OPT_BASE, OPT_SKIP };

static const char *const added[] = {"value_current", "deflator", "base_index", "price_base",
                                    "status"};
#define NADDED (sizeof added / sizeof added[0])

int cmd_deflate(int argc, char **argv)
{
    static const struct option longopts[] = {{"deflators", required_argument, NULL, OPT_DEFLATORS},
                                             {"base", required_argument, NULL, OPT_BASE},
                                             {"skip-missing", no_argument, NULL, OPT_SKIP},
                                             CLI_COMMON_OPTIONS,
                                             {NULL, 0, NULL, 0}};
    cli_common o = {0};
    const char *dfile = NULL;
    long base = 0;
    int have_base = 0, skip = 0, c;
    cli_getopt_reset();
    while ((c = cli_getopt(argc, argv, "o:", longopts, "deflate")) != -1) {
        char *end;
        switch (c) {
        case CLI_OPT_HELP:
            fputs(usage, stdout);
            return CLI_OK;
        case OPT_DEFLATORS:
            dfile = optarg;
            break;
        case OPT_BASE:
            base = strtol(optarg, &end, 10);
            if (*end || base < 1 || base > 9999) {
                cli_errorf("deflate", "--base: a year (1 to 9999), not '%s'", optarg);
                cli_usage_hint("deflate");
                return CLI_EUSAGE;
            }
            have_base = 1;
            break;
        case OPT_SKIP:
            skip = 1;
            break;
        default:
            if (c == '?' || cli_common_option(&o, "deflate", c, optarg)) {
                cli_usage_hint("deflate");
                return CLI_EUSAGE;
            }
        }
    }
    if (!dfile || !have_base) {
        cli_errorf("deflate", "--deflators FILE and --base YEAR are required");
        cli_usage_hint("deflate");
        return CLI_EUSAGE;
    }
    trade_table *t = trade_table_new(), *dt = trade_table_new();
    trade_deflators *d = NULL;
    trade_writer *w = NULL;
    const char **names = NULL, **cells = NULL;
    size_t *src = NULL;
    trade_error err;
    int rc;
    if (!t || !dt) {
        cli_errorf("deflate", "out of memory");
        rc = CLI_EUSAGE;
        goto done;
    }
    if ((rc = cli_read_inputs(t, "deflate", argc - optind, argv + optind, &o)))
        goto done;
    trade_read_options ro = {0};
    ro.generic = 1;
    if (trade_table_read_file(dt, dfile, &ro, &err) || trade_deflators_new(dt, &d, &err)) {
        rc = cli_fail(&err);
        goto done;
    }
    size_t nin = trade_table_cols(t), nout = 0;
    names = malloc((nin + NADDED) * sizeof *names);
    cells = malloc((nin + NADDED) * sizeof *cells);
    src = malloc((nin + NADDED) * sizeof *src); /* input column, or (size_t)-1 - added index */
    if (!names || !cells || !src) {
        cli_errorf("deflate", "out of memory");
        rc = CLI_EUSAGE;
        goto done;
    }
    long vcol = trade_table_col_index(t, "value");
    for (size_t i = 0; i < nin; i++) {
        int dup = 0;
        for (size_t a = 0; a < NADDED; a++)
            dup |= !strcmp(trade_table_col_name(t, i), added[a]);
        if (dup)
            continue; /* replaced by ours */
        names[nout] = trade_table_col_name(t, i);
        src[nout++] = i;
    }
    for (size_t a = 0; a < NADDED; a++) {
        names[nout] = added[a];
        src[nout++] = (size_t)-1 - a;
    }
    if ((rc = cli_writer_open(&w, &o)))
        goto done;
    if (trade_writer_header(w, nout, names, NULL, &err)) {
        rc = cli_fail(&err);
        goto fail;
    }
    char basestr[16];
    snprintf(basestr, sizeof basestr, "%ld", base);
    size_t skipped = 0;
    for (size_t r = 0; r < trade_table_rows(t); r++) {
        const trade_obs *ob = trade_table_obs(t, r);
        char val[TRADE_NUMBER_BUFSIZE], idx[TRADE_NUMBER_BUFSIZE], bidx[TRADE_NUMBER_BUFSIZE];
        const char *ex[NADDED] = {trade_table_cell(t, r, (size_t)vcol), "", "", basestr, ""};
        const char *value = ex[0];
        trade_deflate_result res;
        if (trade_deflate_obs(d, ob, (int)base, &res)) {
            trade_number_format_fast(res.index, idx, sizeof idx);
            trade_number_format_fast(res.base_index, bidx, sizeof bidx);
            trade_number_format_fast(res.value, val, sizeof val);
            ex[1] = idx;
            ex[2] = bidx;
            ex[4] = res.status;
            value = val;
            if (res.status[0] && skip) {
                skipped++;
                continue;
            }
        } else {
            ex[3] = "";
            ex[4] = res.status;
        }
        for (size_t i = 0; i < nout; i++) {
            if (src[i] < nin)
                cells[i] = (long)src[i] == vcol ? value : trade_table_cell(t, r, src[i]);
            else
                cells[i] = ex[(size_t)-1 - src[i]];
        }
        if (trade_writer_row(w, cells, &err)) {
            rc = cli_fail(&err);
            goto fail;
        }
    }
    if (skipped)
        cli_errorf("deflate", "left out %zu row%s without a deflator (--skip-missing)", skipped,
                   skipped == 1 ? "" : "s");
    rc = cli_writer_commit(w);
    w = NULL;
    goto done;
fail:
    trade_writer_discard(w);
done:
    free(names);
    free(cells);
    free(src);
    trade_deflators_free(d);
    trade_table_free(dt);
    trade_table_free(t);
    return rc;
}
