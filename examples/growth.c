/* growth.c - libtrade example: load observations and print the growth of
 * each series between consecutive periods.
 *
 *   growth [FILE...]      observation CSV files ("-" is stdin)
 *   growth                a small built-in sample
 *
 * Reads the files through every check of the observation format, groups the
 * rows into series (same reporter, partner, flow, unit and product, ordered
 * by period) and prints, as CSV, the growth between each pair of consecutive
 * periods of the same kind (two years, two quarters, ...): the percentage
 * change, and the compound annual growth rate over the years between them,
 * from trade_stats_growth. An undefined rate (a zero or negative base) is an
 * empty cell, and the status column says why.
 *
 * Build against an installed libtrade:
 *   cc growth.c $(pkg-config --cflags --libs libtrade) -o growth */
#include <stdio.h>
#include <string.h>

#include <trade/trade.h>

static const char sample[] =
    "reporter,partner,flow,period,value,unit,source\n"
    "BEL,KAZ,export,2010,200000000,EUR,sample\n"
    "BEL,KAZ,export,2011,250000000,EUR,sample\n"
    "BEL,KAZ,export,2012,187500000,EUR,sample\n"
    "LUX,KAZ,export,2010,40000000,EUR,sample\n"
    "LUX,KAZ,export,2012,90000000,EUR,sample\n";

static void print_error(const trade_error *err)
{
    if (err->file[0])
        fprintf(stderr, "%s:%lu:%lu: %s\n", err->file, err->line, err->column, err->message);
    else
        fprintf(stderr, "growth: %s\n", err->message);
}

/* Units in which a percentage change means something. */
static int is_amount(const char *unit)
{
    return strcmp(unit, "percent") && strcmp(unit, "percent_change") && strcmp(unit, "pp") &&
           strcmp(unit, "rank");
}

/* A rate as a CSV cell: the shortest exact decimal, or "" when undefined
 * (trade_number_format writes nothing for NAN). */
static const char *cell(double v, char *buf, size_t size)
{
    if (trade_number_format(v, buf, size) == 0)
        buf[0] = '\0';
    return buf;
}

int main(int argc, char **argv)
{
    trade_error err;
    trade_table *t = trade_table_new();
    trade_series_list *series = NULL;
    int rc = 0;

    trade_init();
    if (!t) {
        fputs("growth: out of memory\n", stderr);
        return 2;
    }
    if (argc < 2)
        rc = trade_table_read_buffer(t, sample, strlen(sample), "sample", NULL, &err);
    for (int i = 1; i < argc && rc == 0; i++)
        rc = trade_table_read_file(t, argv[i], NULL, &err);
    if (rc == 0)
        rc = trade_series_group(t, &series, &err);
    if (rc != 0) {
        print_error(&err);
        trade_table_free(t);
        return rc == TRADE_EIO || rc == TRADE_ENOMEM ? 2 : 1;
    }

    puts("reporter,partner,flow,unit,from,to,growth_pct,cagr_pct,status");
    for (size_t s = 0; s < trade_series_count(series); s++) {
        size_t n;
        const size_t *rows = trade_series_rows(series, s, &n);
        for (size_t k = 1; k < n; k++) {
            const trade_obs *a = trade_table_obs(t, rows[k - 1]);
            const trade_obs *b = trade_table_obs(t, rows[k]);
            if (!is_amount(b->unit) || !trade_period_same_kind(&a->period, &b->period) ||
                trade_period_compare(&a->period, &b->period) == 0)
                continue;
            char from[TRADE_PERIOD_BUFSIZE], to[TRADE_PERIOD_BUFSIZE];
            char pct[TRADE_NUMBER_BUFSIZE], cagr[TRADE_NUMBER_BUFSIZE];
            trade_growth g;
            trade_stats_growth(a->value, b->value,
                               trade_period_years_between(&a->period, &b->period), &g);
            trade_period_format(&a->period, from, sizeof from);
            trade_period_format(&b->period, to, sizeof to);
            printf("%s,%s,%s,%s,%s,%s,%s,%s,%s\n", b->reporter, b->partner, b->flow, b->unit, from,
                   to, cell(g.growth_pct, pct, sizeof pct),
                   cell(g.cagr_pct, cagr, sizeof cagr), g.status ? g.status : "");
        }
    }
    trade_series_list_free(series);
    trade_table_free(t);
    return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 2;
}
