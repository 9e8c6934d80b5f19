/* extract.c - libtrade example: find the figures of a text, with where they
 * were written.
 *
 *   extract [FILE]      a brief as plain UTF-8 text ("-" is stdin)
 *   extract             a built-in sample paragraph
 *
 * Reads the whole text, hands it to trade_extract_text and prints one CSV
 * row per figure: line and column of the figure, the value in base units
 * (EUR 118 million is 118000000), unit, precision, qualifier, the period,
 * reporter, partner and flow where the sentence states them, and the text as
 * written.
 *
 * Build against an installed libtrade:
 *   cc extract.c $(pkg-config --cflags --libs libtrade) -o extract */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <trade/trade.h>

static const char sample[] =
    "Belgium and Kazakhstan\n"
    "\n"
    "In 2011 Belgian exports to Kazakhstan reached about EUR 118 million, and\n"
    "Luxembourg's exports grew by 25% to EUR 35.2 million.\n";

/* Read all of fp into a new NUL-terminated buffer; NULL on failure. */
static char *read_all(FILE *fp, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n - 1, fp);
        if (ferror(fp))
            break;
        if (feof(fp)) {
            buf[n] = '\0';
            *len = n;
            return buf;
        }
        if (cap > ((size_t)-1) / 2)
            break;
        char *bigger = realloc(buf, cap * 2);
        if (!bigger)
            break;
        buf = bigger;
        cap *= 2;
    }
    free(buf);
    return NULL;
}

/* Write s as one CSV field (RFC 4180 quoting when needed). */
static void put_field(const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, stdout);
        return;
    }
    putchar('"');
    for (; *s; s++) {
        if (*s == '"')
            putchar('"');
        putchar(*s);
    }
    putchar('"');
}

int main(int argc, char **argv)
{
    const char *name = argc > 1 ? argv[1] : "sample";
    char *text = NULL;
    size_t len = sizeof sample - 1;

    if (argc > 1) {
        FILE *fp = strcmp(name, "-") ? fopen(name, "rb") : stdin;
        if (!fp) {
            perror(name);
            return 2;
        }
        text = read_all(fp, &len);
        if (fp != stdin)
            fclose(fp);
        if (!text) {
            fprintf(stderr, "extract: cannot read %s\n", name);
            return 2;
        }
    }

    trade_error err;
    trade_figure_list *figures = NULL;
    if (trade_extract_text(text ? text : sample, len, NULL, &figures, &err) != 0) {
        fprintf(stderr, "extract: %s\n", err.message);
        free(text);
        return 2;
    }

    puts("line,column,value,unit,precision,qualifier,period,reporter,partner,flow,as_written");
    for (size_t i = 0; i < trade_extract_count(figures); i++) {
        const trade_figure *f = trade_extract_at(figures, i);
        char value[TRADE_NUMBER_BUFSIZE], precision[TRADE_NUMBER_BUFSIZE];
        trade_number_format(f->value, value, sizeof value);
        trade_number_format(f->precision, precision, sizeof precision);
        printf("%lu,%lu,%s,%s,%s,%s,%s,%s,%s,%s,", f->line, f->column, value, f->unit, precision,
               f->qualifier, f->period, f->reporter, f->partner, f->flow);
        put_field(f->as_written);
        putchar('\n');
    }
    fprintf(stderr, "%s: %zu figures\n", name, trade_extract_count(figures));
    trade_extract_free(figures);
    free(text);
    return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 2;
}
