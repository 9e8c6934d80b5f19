/* commands.h - one entry point per subcommand, each in tools/cmd_<name>.c.
 * argv[0] is the subcommand's name; the return value is the exit code. */
#ifndef TRADE_COMMANDS_H
#define TRADE_COMMANDS_H

int cmd_validate(int argc, char **argv);
int cmd_cat(int argc, char **argv);
int cmd_growth(int argc, char **argv);
int cmd_fit(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_rank(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_convert(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_plot(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_complexity(int argc, char **argv);
int cmd_proximity(int argc, char **argv);
int cmd_indicator(int argc, char **argv);
int cmd_deflate(int argc, char **argv);

#endif
