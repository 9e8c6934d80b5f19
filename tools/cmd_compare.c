/* cmd_compare.c - trade compare: balance, coverage and total of exports and
 * imports; shares and concentration within groups; an index on a base
 * period; mirror flows. The work is trade_compare_run (compare.h); this
 * file parses options and writes the rows it gives. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

static const char usage[] =
    "usage: trade compare balance|coverage|total|share|hhi|index|mirror [OPTIONS] [FILE...]\n"
    "\n"
    "balance, coverage, total: one row per reporter, partner, period, unit (and\n"
    "  product) with flows export and import: flow (always 'trade', the\n"
    "  vocabulary's exports + imports), exports, imports, balance = X - M,\n"
    "  coverage = X / M (a ratio, empty when M is 0), total = X + M, status. The\n"
    "  three modes write the same columns. Rows in percent, percent_change, pp\n"
    "  or rank are left out here and in mirror.\n"
    "share: every row plus share_pct = 100 * value / group total and status.\n"
    "  Groups: --group, default reporter,flow,period,unit,product (a total and\n"
    "  its parts are never one group; periods group by the months covered). The\n"
    "  group total is the sum of the group's rows; with --of VALUE, the group's\n"
    "  row whose partner is VALUE (e.g. WLD) is the stated total instead: the\n"
    "  other rows' shares are of it, it is not summed, and its own share_pct is\n"
    "  100. A group without such a row falls back to the sum (status says so).\n"
    "  Rows in percent, percent_change, pp or rank get no share. Aggregate\n"
    "  partners (WLD, EUU, XCA, ...) are not members unless --keep-aggregates.\n"
    "  A share below 0 or above 100 says why in its status.\n"
    "hhi: per group: n, hhi = sum of squared shares (fractions of the group\n"
    "  sum), hhi_normalized = (hhi - 1/n) / (1 - 1/n) (empty for n = 1), status.\n"
    "  With --of VALUE the shares are of the group's row whose partner is VALUE,\n"
    "  as in share (hhi_normalized is then empty); groups in percent,\n"
    "  percent_change, pp or rank are skipped. Members as in share.\n"
    "index --base PERIOD: every row plus index = 100 * value / value of its\n"
    "  series at PERIOD (same reporter, partner, flow, unit, product), status.\n"
    "  Only periods of the base's kind are indexed (a month is not indexed on a\n"
    "  year: empty cell, status says why).\n"
    "mirror: A's exports to B against B's imports from A (services_export\n"
    "  against services_import likewise): reporter (A), partner (B), flow,\n"
    "  period, unit, [product], exports_reported, imports_mirror,\n"
    "  gap = imports_mirror - exports_reported, gap_pct = 100 * gap /\n"
    "  exports_reported, status. An unmatched side leaves its cells empty;\n"
    "  sides in different units say \"different units\".\n"
    "A figure stated twice is used once (exact before qualified, then the finer\n"
    "precision); the other rows are marked 'duplicate' where rows are written.\n"
    "Every empty number has a status; an input column named like one written\n"
    "here (share_pct, index, status) is replaced, never repeated.\n"
    "\n"
    "options:\n"
    "      --group COLUMNS   share, hhi: comma-separated grouping columns\n"
    "      --of VALUE        share, hhi: the partner code of the stated total row\n"
    "      --keep-aggregates share, hhi: count aggregate partners as members\n"
    "      --base PERIOD     index: the base period\n" CLI_COMMON_HELP "\n"
    "example:\n"
    "  trade compare share --of WLD --where flow=export datasets/*.csv\n";

enum { OPT_GROUP = 1, OPT_OF, OPT_BASE, OPT_KEEP_AGGREGATES };

typedef struct write_ctx {
    trade_writer *w;
    int rc;
} write_ctx;

static int write_row(void *vctx, const trade_compare_row *row)
{
    write_ctx *c = vctx;
    trade_error err;
    if (trade_writer_row(c->w, row->cells, &err)) {
        c->rc = cli_fail(&err);
        return 1;
    }
    return 0;
}

int cmd_compare(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"group", required_argument, NULL, OPT_GROUP},
        {"of", required_argument, NULL, OPT_OF},
        {"base", required_argument, NULL, OPT_BASE},
        {"keep-aggregates", no_argument, NULL, OPT_KEEP_AGGREGATES},
        CLI_COMMON_OPTIONS,
        {NULL, 0, NULL, 0}};
    cli_common o = {0};
    trade_compare_options co = {0};
    int ch;
    cli_getopt_reset();
    while ((ch = cli_getopt(argc, argv, "o:", longopts, "compare")) != -1) {
        int bad = 0;
        if (ch == CLI_OPT_HELP) {
            fputs(usage, stdout);
            return CLI_OK;
        } else if (ch == OPT_GROUP) {
            co.group = optarg;
        } else if (ch == OPT_OF) {
            co.of = optarg;
        } else if (ch == OPT_BASE) {
            co.base = optarg;
        } else if (ch == OPT_KEEP_AGGREGATES) {
            co.keep_aggregates = 1;
        } else {
            bad = ch == '?' || cli_common_option(&o, "compare", ch, optarg);
        }
        if (bad) {
            cli_usage_hint("compare");
            return CLI_EUSAGE;
        }
    }
    if (optind >= argc) {
        cli_errorf("compare", "which comparison? balance, coverage, total, share, hhi, index or "
                              "mirror");
        cli_usage_hint("compare");
        return CLI_EUSAGE;
    }
    const char *what = argv[optind++];
    trade_compare_mode mode;
    if (trade_compare_mode_parse(what, &mode)) {
        cli_errorf("compare", "unknown comparison '%s'", what);
        cli_usage_hint("compare");
        return CLI_EUSAGE;
    }
    /* an option of another mode would do nothing here: refused */
    int grouped = mode == TRADE_COMPARE_SHARE || mode == TRADE_COMPARE_HHI;
    const char *unused = !grouped && co.group                     ? "--group"
                         : !grouped && co.of                      ? "--of"
                         : !grouped && co.keep_aggregates         ? "--keep-aggregates"
                         : mode != TRADE_COMPARE_INDEX && co.base ? "--base"
                                                                  : NULL;
    if (unused) {
        cli_errorf("compare", "%s is not used by compare %s (%s)", unused, what,
                   strcmp(unused, "--base") ? "share and hhi only" : "index only");
        cli_usage_hint("compare");
        return CLI_EUSAGE;
    }
    if (mode == TRADE_COMPARE_INDEX && !co.base) {
        cli_errorf("compare", "index needs --base PERIOD");
        cli_usage_hint("compare");
        return CLI_EUSAGE;
    }
    trade_table *t = trade_table_new();
    if (!t) {
        cli_errorf("compare", "out of memory");
        return CLI_EUSAGE;
    }
    write_ctx c = {NULL, CLI_OK};
    const char **names = NULL;
    unsigned char *numeric = NULL;
    trade_error err;
    size_t ncols;
    int rc = cli_read_inputs(t, "compare", argc - optind, argv + optind, &o);
    if (rc)
        goto done;
    cli_note_nonlevel("compare", t);
    names = malloc((trade_table_cols(t) + 16) * sizeof *names);
    numeric = malloc(trade_table_cols(t) + 16);
    if (!names || !numeric) {
        cli_errorf("compare", "out of memory");
        rc = CLI_EUSAGE;
        goto done;
    }
    if (trade_compare_columns(t, mode, &co, names, numeric, &ncols, &err)) {
        cli_errorf("compare", "%s", err.message);
        rc = cli_exit_code(err.code);
        goto done;
    }
    if ((rc = cli_writer_open(&c.w, &o)))
        goto done;
    if (trade_writer_header(c.w, ncols, names, numeric, &err)) {
        rc = cli_fail(&err);
        goto done;
    }
    rc = trade_compare_run(t, mode, &co, write_row, &c, &err);
    if (rc) {
        rc = c.rc ? c.rc : cli_fail(&err);
        goto done;
    }
    rc = cli_writer_commit(c.w);
    c.w = NULL;
done:
    trade_writer_discard(c.w);
    free(names);
    free(numeric);
    trade_table_free(t);
    return rc;
}
