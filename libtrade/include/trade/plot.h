/* plot.h - charts as self-contained gnuplot scripts, and running gnuplot.
 *
 * trade_plot_script turns the rows of a table into a gnuplot script: the
 * data inline in datablocks (one per series, each preceded by a comment
 * saying what it holds), the y axis named with its unit at a readable scale
 * ("million EUR", "thousand t"), legends and ticks with country names (or
 * the rows' label column), qualifiers visible (estimates, projections and
 * derived figures with open markers and a dashed segment, bounds with an
 * arrow, partial periods labelled), the Okabe-Ito colour-blind-safe palette.
 *
 * Safety: no text from data or options can run or substitute in gnuplot.
 * Every text goes into a single-quoted string (no backquote substitution, no
 * '@' macro expansion there) with "'" written as U+2019 (gnuplot 5.4
 * mis-reads doubled quotes next to each other) and control characters
 * replaced by spaces (so no text can end a command line), comments lose
 * control characters and backslashes (no line continuation), datablocks hold
 * only numbers and validated codes and every data line starts with a digit
 * or '-', so no line can end a block early; enhanced text is off
 * (markup such as ^ _ @ { } & shows literally).
 *
 * The script chooses its terminal from the variable `term` ('png', 'svg' or
 * 'pdf'; default: the one chosen here) and writes NAME.<term> in its own
 * folder, NAME being the script's file name without ".gp": run it with
 * `gnuplot NAME.gp` there, or `gnuplot -e "term='svg'" NAME.gp`. It has no
 * time stamps and no absolute paths, so the same input gives the same bytes. */
#ifndef TRADE_PLOT_H
#define TRADE_PLOT_H

#include <stddef.h>

#include "error.h"
#include "table.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum trade_plot_kind {
    TRADE_PLOT_LINE = 0, /* series over time: x in decimal years, points marked */
    TRADE_PLOT_BARS,     /* grouped bars: categories (partners) x groups (flows), one period */
    TRADE_PLOT_GROWTH,   /* growth rates as bars (from trade growth output, or
                            percent_change observations); negatives in a second colour */
    TRADE_PLOT_RANK      /* rank over time (unit rank), rank 1 on top */
} trade_plot_kind;

typedef enum trade_plot_terminal {
    TRADE_PLOT_PNG = 0, /* pngcairo when gnuplot has it, else png */
    TRADE_PLOT_SVG,
    TRADE_PLOT_PDF /* pdfcairo; size in inches = pixels / 100 */
} trade_plot_terminal;

typedef struct trade_plot_options {
    trade_plot_kind kind;
    trade_plot_terminal terminal; /* the script's default terminal */
    const char *title;            /* NULL or "": a title made from the data */
    int log_y;                    /* 1: logarithmic y axis (line, bars) */
    int width, height;            /* pixels; 0: 800 x 500 (SVG; PNG at 3 x, PDF /100 in) */
    const char *name;             /* output base name, "NAME" writes NAME.png;
                                     NULL: "chart". Must not contain '/' or
                                     control characters (TRADE_EARG). */
    const unsigned char *rows;    /* NULL: every row of the table; else one
                                     entry per row, non-zero for the rows the
                                     chart may draw (borrowed) */
} trade_plot_options;

/* Values left in `used` by trade_plot_script, one per table row. */
enum {
    TRADE_PLOT_ROW_NOT_SELECTED = 0, /* not in opt->rows, or not of a kind this chart draws */
    TRADE_PLOT_ROW_DRAWN = 1,
    TRADE_PLOT_ROW_SAME_PERIOD = 2, /* another figure of its series and period was drawn
                                       (exact before qualified, then the finer precision) */
    TRADE_PLOT_ROW_OTHER_UNIT = 3,  /* the chart draws one unit; this row has another */
    TRADE_PLOT_ROW_OTHER_PERIOD = 4, /* bars draw one period; this row has another */
    TRADE_PLOT_ROW_OTHER_KIND = 5    /* a stock among flows (or a flow among stocks): the
                                        chart draws the kind with more series */
};

/* Parse "line", "bars", "growth" or "rank". Returns 0 or TRADE_EARG. */
TRADE_API int trade_plot_kind_parse(const char *name, trade_plot_kind *out);

/* Parse "png", "svg" or "pdf". Returns 0 or TRADE_EARG. */
TRADE_API int trade_plot_terminal_parse(const char *name, trade_plot_terminal *out);

/* The file extension of a terminal without the dot: "png", "svg", "pdf". */
TRADE_API const char *trade_plot_terminal_ext(trade_plot_terminal term);

/* Build the gnuplot script for the rows of t. Line, bars and rank need
 * observation rows (read without generic); growth reads columns by name
 * (growth_pct and period_to of `trade growth` output, or value of rows whose
 * unit is percent_change) so t may be read with generic set.
 *
 * Rows in several units: the unit with the most rows is drawn (level units
 * before percent, percent_change and rank, except for rank and growth), the
 * script says so in a comment. Every title ends with the period drawn
 * (", 2002–2011") unless it names it already; a source line ("Source: NAME,
 * lines 12, 14") from the source and locator columns is drawn at the bottom.
 * Lines join only consecutive periods of one kind (no line across a missing
 * year, nor from a year to ten months); points of different series that
 * would cover each other are moved apart along x; approximate figures get
 * a "≈" beside them. A series stating one period twice is drawn
 * with one figure (exact before qualified, then the finer precision). Bars
 * draw one period: the one with most rows.
 *
 * *script gets a malloc'd NUL-terminated script (free it with trade_free), *len its length
 * (len may be NULL). used, when not NULL, has one entry per table row and
 * gets one of TRADE_PLOT_ROW_* for each row (1 for the rows drawn). Returns 0; TRADE_EDATA
 * when there is nothing to draw (no rows, no rows of the needed kind);
 * TRADE_EARG for bad options; TRADE_ENOMEM. */
TRADE_API int trade_plot_script(const trade_table *t, const trade_plot_options *opt, char **script,
                                size_t *len, unsigned char *used, trade_error *err);

/* The chart's title as a script of trade_plot_script draws it (the given or
 * made title with the period it added: ", 2002–2011"), from the script's
 * svg_title line: a pointer into script and *len (may be NULL) its length,
 * not NUL-terminated; NULL (and *len 0) for a text without that line. */
TRADE_API const char *trade_plot_script_title(const char *script, size_t *len);

/* Run gnuplot on the script at script_path, with no shell (posix_spawn).
 * format: "png", "svg" or "pdf" (passed as out_format='...'): gnuplot runs
 * in a temporary folder made beside the script, and its image is checked
 * (a PNG ends with its IEND chunk, an SVG with </svg>, a PDF with %%EOF)
 * before it replaces NAME.<format> beside the script (NAME: the script's
 * file name without ".gp", exactly, quotes included) through
 * trade_file_write_atomic; a full disk or a file size limit leaves the old
 * image as it was and no temporary file. format NULL: the script's own
 * terminal, run in the script's folder, the image written by gnuplot in
 * place and not checked. The program is the TRADE_GNUPLOT environment
 * variable when set, else "gnuplot" on PATH. gnuplot's own messages go to
 * the inherited stderr. An SVG gets the chart's title (the script's
 * svg_title variable) as its <title> instead of "Gnuplot". Returns 0 when gnuplot exited with status 0 and the
 * image is whole and in place; TRADE_ENOTFOUND when gnuplot cannot be found
 * or started; TRADE_EIO when it failed (exit status or signal in the
 * message), wrote no image or a truncated one, or the image cannot be
 * written; TRADE_EARG for a bad format; TRADE_ENOMEM. */
TRADE_API int trade_plot_render(const char *script_path, const char *format, trade_error *err);

#ifdef __cplusplus
}
#endif
#endif
