/* panel_opts.c - options and inputs shared by `trade complexity` and
 * `trade proximity` (panel_opts.h). */
#include <string.h>

#include "panel_opts.h"

void panel_opts_init(panel_opts *p)
{
    trade_complexity_options_init(&p->opt);
    p->popfile = NULL;
    p->flow = "export";
}

static int bad(const char *cmd)
{
    cli_usage_hint(cmd);
    return -1;
}

int panel_opts_option(panel_opts *p, const char *cmd, int c, const char *arg)
{
    switch (c) {
    case PANEL_OPT_THRESHOLD:
        if (trade_number_parse(arg, strlen(arg), &p->opt.threshold)) {
            cli_errorf(cmd, "--threshold: '%s' is not a plain number", arg);
            return bad(cmd);
        }
        return 1;
    case PANEL_OPT_PRESENCE:
        if (trade_presence_parse(arg, &p->opt.presence)) {
            cli_errorf(cmd, "--presence: rca or rpop, not '%s'", arg);
            return bad(cmd);
        }
        return 1;
    case PANEL_OPT_POPULATION:
        p->popfile = arg;
        return 1;
    case PANEL_OPT_PROXIMITY:
        if (trade_proximity_parse(arg, &p->opt.proximity)) {
            cli_errorf(cmd, "--proximity: symmetric, asymmetric or continuous, not '%s'", arg);
            return bad(cmd);
        }
        return 1;
    case PANEL_OPT_FLOW:
        p->flow = arg;
        return 1;
    default:
        return 0;
    }
}

int panel_opts_check(const panel_opts *p, const char *cmd)
{
    if (p->opt.presence == TRADE_PRESENCE_RPOP && !p->popfile) {
        cli_errorf(cmd, "--presence rpop needs --population FILE");
        cli_usage_hint(cmd);
        return CLI_EUSAGE;
    }
    if (p->popfile && p->opt.presence != TRADE_PRESENCE_RPOP) {
        cli_errorf(cmd, "--population is only used with --presence rpop");
        cli_usage_hint(cmd);
        return CLI_EUSAGE;
    }
    return 0;
}

int panel_opts_load(const panel_opts *p, const char *cmd, trade_table *t, int argc, char **argv,
                    const cli_common *o, trade_panel **panel, trade_table **pt,
                    trade_population **pop)
{
    trade_error err;
    *panel = NULL;
    *pt = NULL;
    *pop = NULL;
    int rc = cli_read_inputs(t, cmd, argc, argv, o);
    if (rc)
        return rc;
    if (trade_panel_build(t, p->flow, panel, &err))
        return cli_fail(&err);
    if (p->popfile) {
        trade_read_options ro = {0};
        ro.generic = 1;
        if (!(*pt = trade_table_new())) {
            cli_errorf(cmd, "out of memory");
            return CLI_EUSAGE;
        }
        if (trade_table_read_file(*pt, p->popfile, &ro, &err) ||
            trade_population_new(*pt, pop, &err))
            return cli_fail(&err);
    }
    return 0;
}
