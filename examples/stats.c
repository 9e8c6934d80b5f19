/* stats.c - libtrade example: what `trade stats` computes, on <trade/trade.h>:
 * n, first, last, min, max, mean, median and sd per series and kind of
 * period (trade_summary_run).
 *
 *   stats [FILE...]     observation CSV files; no FILE: a built-in sample
 *
 * Build: cc stats.c $(pkg-config --cflags --libs libtrade) -o stats */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <trade/trade.h>

/* 100, 200, 400, 800: mean 375, median 300 */
static const char sample[] = "reporter,partner,flow,period,value,unit\n"
                             "BEL,KAZ,export,2010,100,EUR\n"
                             "BEL,KAZ,export,2011,200,EUR\n"
                             "BEL,KAZ,export,2012,400,EUR\n"
                             "BEL,KAZ,export,2013,800,EUR\n";

typedef struct out {
    trade_writer *w;
    const trade_table *t;
} out;

static const char *num(double v, char *buf)
{
    buf[0] = '\0';
    if (!isnan(v))
        trade_number_format(v, buf, TRADE_NUMBER_BUFSIZE);
    return buf;
}

static int row(void *ctx, const trade_summary_row *r)
{
    out *o = ctx;
    const trade_obs *a = trade_table_obs(o->t, r->rows[0]);
    const trade_summary *s = &r->summary;
    char p0[TRADE_PERIOD_BUFSIZE], p1[TRADE_PERIOD_BUFSIZE], n[8][TRADE_NUMBER_BUFSIZE];
    trade_period_format(r->period_from, p0, sizeof p0);
    trade_period_format(r->period_to, p1, sizeof p1);
    const char *cells[] = {a->reporter, a->partner, a->flow, a->product, a->unit, p0, p1,
                           num((double)r->n, n[0]), num(s->first, n[1]), num(s->last, n[2]),
                           num(s->min, n[3]), num(s->max, n[4]), num(s->mean, n[5]),
                           num(s->median, n[6]), num(s->sd, n[7]), s->status, r->qualifier};
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
    size_t nm;
    const trade_column *m = trade_summary_columns(&nm);
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
        !(rc = trade_summary_run(t, row, &o, &err)))
        rc = trade_writer_commit(o.w, &err);
    else
        trade_writer_discard(o.w);
    if (rc)
        fprintf(stderr, "stats: %s%s%s\n", err.file, err.file[0] ? ": " : "", err.message);
    trade_table_free(t);
    return rc == 0 ? 0 : rc == TRADE_EIO || rc == TRADE_ENOMEM ? 2 : 1;
}
