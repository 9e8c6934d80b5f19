/* growth.c - libtrade example: what `trade growth` computes, in a few lines
 * on <trade/trade.h>: read observation files and write, as CSV, the growth
 * of each series between its periods (trade_growth_table: one figure per
 * period, level units only, periods paired with the same kind, CAGR and
 * qualifiers by the library's rules).
 *
 *   growth [FILE...]      observation CSV files ("-" is stdin)
 *   growth                a small built-in sample
 *
 * The columns are the series key and the module's own columns
 * (trade_growth_columns); `trade growth` writes the same cells, plus the
 * input columns it carries.
 *
 * Build against an installed libtrade:
 *   cc growth.c $(pkg-config --cflags --libs libtrade) -o growth */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <trade/trade.h>

static const char sample[] = "reporter,partner,flow,period,value,unit,source\n"
                             "BEL,KAZ,export,2010,200000000,EUR,sample\n"
                             "BEL,KAZ,export,2011,250000000,EUR,sample\n"
                             "BEL,KAZ,export,2012,187500000,EUR,sample\n"
                             "LUX,KAZ,export,2010,40000000,EUR,sample\n"
                             "LUX,KAZ,export,2012,90000000,EUR,sample\n";

typedef struct out {
    trade_writer *w;
    const trade_table *t;
} out;

/* A number as a cell: "" when undefined (NAN). */
static const char *num(double v, char *buf)
{
    buf[0] = '\0';
    if (!isnan(v))
        trade_number_format(v, buf, TRADE_NUMBER_BUFSIZE);
    return buf;
}

static int row(void *ctx, const trade_growth_row *r)
{
    out *o = ctx;
    const trade_obs *b = trade_table_obs(o->t, r->row_to);
    char p0[TRADE_PERIOD_BUFSIZE], p1[TRADE_PERIOD_BUFSIZE], n[6][TRADE_NUMBER_BUFSIZE];
    trade_period_format(r->period_from, p0, sizeof p0);
    trade_period_format(r->period_to, p1, sizeof p1);
    const char *cells[] = {b->reporter, b->partner, b->flow, b->product, b->unit, p0, p1,
                           num(r->value_from, n[0]), num(r->value_to, n[1]),
                           num(r->growth.growth_pct, n[2]), num(r->growth.cagr_pct, n[3]),
                           num(r->growth.log_growth, n[4]), r->growth.status, r->qualifier};
    trade_error err;
    return trade_writer_row(o->w, cells, &err) ? -1 : 0;
}

int main(int argc, char **argv)
{
    trade_error err;
    trade_table *t = trade_table_new();
    int rc = t ? 0 : TRADE_ENOMEM;
    if (!rc && argc < 2)
        rc = trade_table_read_buffer(t, sample, strlen(sample), "sample", NULL, &err);
    for (int i = 1; i < argc && !rc; i++)
        rc = trade_table_read_file(t, argv[i], NULL, &err);
    /* the header: the series key, the module's columns, the qualifier */
    size_t nm;
    const trade_column *m = trade_growth_columns(&nm);
    if (nm > 26) /* the arrays below hold the key, 26 columns and the qualifier */
        return 1;
    const char *names[32] = {"reporter", "partner", "flow", "product", "unit"};
    unsigned char numeric[32] = {0};
    for (size_t i = 0; i < nm; i++) {
        names[5 + i] = m[i].name;
        numeric[5 + i] = (unsigned char)m[i].numeric;
    }
    names[5 + nm] = "qualifier";
    out o = {NULL, t};
    if (!rc && !(rc = trade_writer_open(&o.w, NULL, NULL, &err)) &&
        !(rc = trade_writer_header(o.w, 6 + nm, names, numeric, &err)) &&
        !(rc = trade_growth_table(t, NULL, row, &o, &err)))
        rc = trade_writer_commit(o.w, &err);
    else
        trade_writer_discard(o.w);
    if (rc)
        fprintf(stderr, "growth: %s%s%s\n", err.file, err.file[0] ? ": " : "", err.message);
    trade_table_free(t);
    return rc == 0 ? 0 : rc == TRADE_EIO || rc == TRADE_ENOMEM ? 2 : 1;
}
