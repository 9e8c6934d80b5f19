/* report.c - libtrade example: the charts `trade report` draws for a set of
 * observation files, on <trade/trade.h>: the report's model (report.h)
 * chooses one chart per reporter, flow, unit, label and kind of period (or
 * those of a chart list), the plot module writes each chart's gnuplot
 * script, and every figure no chart draws comes back with the reason.
 *
 *   report [--config LIST] [FILE...]   observation CSV files; no FILE: a
 *                                      built-in sample
 *
 * Prints one line per chart (slug, kind, title as drawn, figures drawn,
 * script bytes), then one per figure not drawn (file:line and why). Charts
 * of kind growth need the growth table and are left out here.
 *
 * Build: cc report.c $(pkg-config --cflags --libs libtrade) -o report */
#include <stdio.h>
#include <string.h>

#include <trade/trade.h>

/* Belgium's exports to Kazakhstan over three years: one chart; its one
 * import figure is alone (not drawn), as is the row without a period */
static const char sample[] = "reporter,partner,flow,period,value,unit\n"
                             "BEL,KAZ,export,2010,100,EUR\n"
                             "BEL,KAZ,export,2011,120,EUR\n"
                             "BEL,KAZ,export,2012,90,EUR\n"
                             "BEL,KAZ,import,2011,20,EUR\n";

static const char *const kinds[] = {"line", "bars", "growth", "rank"};

static int on_chart(void *ctx, const trade_report_chart *c)
{
    (void)ctx;
    if (c->status) { /* a listed chart with nothing to draw, or a failure */
        printf("%s\t-\t%s\tnot drawn: %s\n", c->slug, c->title, c->err->message);
        return 0;
    }
    size_t drawn = 0;
    for (size_t r = 0; r < trade_table_rows(c->table); r++)
        drawn += c->used[r] == TRADE_PLOT_ROW_DRAWN;
    printf("%s\t%s\t%s\t%zu figures\t%zu bytes of gnuplot\n", c->slug, kinds[c->kind], c->shown,
           drawn, c->len);
    return 0;
}

int main(int argc, char **argv)
{
    trade_error err;
    trade_table *t = trade_table_new();
    trade_report_config *cf = NULL;
    trade_report *rp = NULL;
    int rc = t ? 0 : TRADE_ENOMEM, first = 1;
    if (argc > 2 && !strcmp(argv[1], "--config")) {
        rc = trade_report_config_read(argv[2], &cf, &err);
        first = 3;
    }
    if (!rc && argc <= first)
        rc = trade_table_read_buffer(t, sample, strlen(sample), "sample", NULL, &err);
    for (int i = first; i < argc && !rc; i++)
        rc = trade_table_read_file(t, argv[i], NULL, &err);
    if (!rc)
        rc = trade_report_new(t, NULL, cf, &rp, &err);
    if (!rc)
        rc = trade_report_charts(rp, on_chart, NULL, &err);
    if (!rc) {
        const unsigned char *state = trade_report_row_state(rp);
        for (size_t r = 0; r < trade_table_rows(t); r++) {
            const trade_obs *o = trade_table_obs(t, r);
            if (state[r] != TRADE_PLOT_ROW_DRAWN)
                printf("not drawn\t%s:%lu\t%s\n", o->file, o->line,
                       trade_report_why_text(state[r]));
        }
    }
    if (rc)
        fprintf(stderr, "%s:%lu: %s\n", err.file[0] ? err.file : "report", err.line, err.message);
    trade_report_free(rp);
    trade_report_config_free(cf);
    trade_table_free(t);
    return rc ? 1 : 0;
}
