/* panel_opts.h - the options and inputs that `trade complexity` and
 * `trade proximity` share: the presence (--threshold, --presence,
 * --population), the proximity kind, the flow of the panel, and reading the
 * panel and the population table. */
#ifndef TRADE_TOOLS_PANEL_OPTS_H
#define TRADE_TOOLS_PANEL_OPTS_H

#include "cli.h"

enum {
    PANEL_OPT_THRESHOLD = 0x1100,
    PANEL_OPT_PRESENCE,
    PANEL_OPT_POPULATION,
    PANEL_OPT_PROXIMITY,
    PANEL_OPT_FLOW
};

#define PANEL_OPTIONS                                                                              \
    {"threshold", required_argument, NULL, PANEL_OPT_THRESHOLD},                                   \
        {"presence", required_argument, NULL, PANEL_OPT_PRESENCE},                                 \
        {"population", required_argument, NULL, PANEL_OPT_POPULATION},                             \
        {"proximity", required_argument, NULL, PANEL_OPT_PROXIMITY},                               \
    {                                                                                              \
        "flow", required_argument, NULL, PANEL_OPT_FLOW                                            \
    }

#define PANEL_OPTIONS_HELP                                                                         \
    "      --threshold X     RCA or RPOP cut-off (default 1)\n"                                    \
    "      --presence P      rca (default) or rpop\n"                                              \
    "      --population FILE CSV with reporter, period, population (for rpop)\n"                   \
    "      --proximity K     symmetric (default), asymmetric or continuous\n"

typedef struct panel_opts {
    trade_complexity_options opt; /* trade_complexity_options_init'ed by panel_opts_init */
    const char *popfile;          /* --population, or NULL */
    const char *flow;             /* --flow, default "export" */
} panel_opts;

void panel_opts_init(panel_opts *p);

/* Handle option c (getopt's value) if it is one of PANEL_OPTIONS: 1 when
 * handled, 0 when it is not one of them, -1 for a bad value (message and
 * usage hint printed: exit CLI_EUSAGE). */
int panel_opts_option(panel_opts *p, const char *cmd, int c, const char *arg);

/* After the options: --presence rpop and --population go together. 0, or
 * CLI_EUSAGE with the message and usage hint printed. */
int panel_opts_check(const panel_opts *p, const char *cmd);

/* Read the inputs into t and build the panel of p->flow, and the population
 * table when --population was given (*pop NULL otherwise; *pt holds its
 * table). 0 or a CLI_* exit code with the error printed; the caller frees
 * *panel, *pop and *pt (set or NULL) in every case. */
int panel_opts_load(const panel_opts *p, const char *cmd, trade_table *t, int argc, char **argv,
                    const cli_common *o, trade_panel **panel, trade_table **pt,
                    trade_population **pop);

#endif
