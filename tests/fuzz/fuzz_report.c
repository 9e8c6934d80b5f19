/* fuzz_report.c - libFuzzer target for the report's chart list
 * (trade_report_config_parse) and the charts it leads to
 * (trade_report_charts on a fixed table of observations and growth rates).
 *
 * Properties checked: a refused list has a message, is located at a line
 * of the text and gives no list; an accepted list leads to charts whose
 * callbacks are whole (a drawn chart has a script of the stated length, a
 * chart not drawn has none and a status), every chart's slug is non-empty,
 * listed charts come first and in the list's order, and every observation
 * ends with a known state (drawn, or a TRADE_PLOT_ROW_* / TRADE_REPORT_ROW_*
 * reason). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "trade/trade.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char obs_csv[] = "reporter,partner,flow,period,value,unit,qualifier,label\n"
                              "BEL,KAZ,export,2010,100,EUR,,\n"
                              "BEL,KAZ,export,2011,120,EUR,estimate,\n"
                              "BEL,KAZ,export,2011,119,EUR,,\n"
                              "BEL,KAZ,import,2011,20,EUR,,\n"
                              "BEL,UZB,export,2011,30,EUR,,\n"
                              "BEL,KAZ,fdi_stock,2011,5,EUR,,\n"
                              "BEL,KAZ,export,2011,12.5,percent_change,,\n"
                              "BEL,KAZ,import,2011,-3,percent_change,,\n"
                              "BEL,KAZ,export,2011,2,rank,,\n"
                              "BEL,KAZ,export,2011,2,rank,,\n"
                              "KAZ,WLD,export,2011/2013,9,USD,,three years\n"
                              "KAZ,WLD,export,2014/2016,11,USD,,three years\n"
                              "DEU,CHN,export,,5,EUR,,\n";

static const char growth_csv[] = "reporter,partner,flow,unit,period_from,period_to,growth_pct,status\n"
                                 "BEL,KAZ,export,EUR,2010,2011,19,\n"
                                 "BEL,KAZ,import,EUR,2010,2011,,no base\n";

typedef struct run {
    int listed_done; /* an automatic chart was seen */
    size_t nlisted;
} run;

static int on_chart(void *ctx, const trade_report_chart *c)
{
    run *r = ctx;
    if (!c->slug || !c->slug[0] || !c->title || !c->shown || !c->table || !c->used)
        __builtin_trap();
    if (c->status == 0) {
        if (!c->script || strlen(c->script) != c->len || c->err)
            __builtin_trap();
    } else if (c->script || !c->err || !c->listed) {
        __builtin_trap(); /* an automatic chart that draws nothing is not passed on */
    }
    if (c->listed) {
        if (r->listed_done)
            __builtin_trap(); /* listed charts come first */
        r->nlisted++;
    } else {
        r->listed_done = 1;
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static trade_table *obs, *growth;
    trade_error err;
    if (!obs) {
        trade_read_options ro = {0};
        ro.draft = 1;
        obs = trade_table_new();
        growth = trade_table_new();
        if (!obs || !growth ||
            trade_table_read_buffer(obs, obs_csv, sizeof obs_csv - 1, "obs.csv", &ro, &err))
            __builtin_trap();
        ro.draft = 0;
        ro.generic = 1;
        if (trade_table_read_buffer(growth, growth_csv, sizeof growth_csv - 1, "g.csv", &ro, &err))
            __builtin_trap();
    }
    trade_report_config *cf = (trade_report_config *)&err; /* must be set */
    memset(&err, 0, sizeof err);
    if (trade_report_config_parse((const char *)data, size, "r.conf", &cf, &err)) {
        if (cf || !err.message[0] || strcmp(err.file, "r.conf"))
            __builtin_trap();
        if (err.code != TRADE_ENOMEM && err.line == 0)
            __builtin_trap();
        return 0;
    }
    trade_report *rp = NULL;
    if (trade_report_new(obs, growth, cf, &rp, &err))
        __builtin_trap();
    run r = {0, 0};
    if (trade_report_charts(rp, on_chart, &r, &err))
        __builtin_trap();
    /* a listed chart of kind growth whose rates are absent is drawn or
     * skipped silently, so at most the list's count */
    if (r.nlisted > trade_report_config_count(cf))
        __builtin_trap();
    const unsigned char *st = trade_report_row_state(rp);
    for (size_t i = 0; i < trade_table_rows(obs); i++)
        if (st[i] > TRADE_PLOT_ROW_OTHER_KIND && st[i] != TRADE_REPORT_ROW_SINGLE &&
            st[i] != TRADE_REPORT_ROW_NO_PERIOD)
            __builtin_trap();
    trade_report_free(rp);
    trade_report_config_free(cf);
    return 0;
}
