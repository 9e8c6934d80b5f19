/* fuzz_plot.c - libFuzzer target for the gnuplot writer (trade_plot_script).
 *
 * Input: one mode byte (kind, log y axis, generic read, terminal), then an
 * optional title ending at the first NUL byte, then observation CSV. When
 * the CSV reads, the script is built and checked for what would let text
 * from the data run or substitute in gnuplot (gnuplot substitutes `...`
 * outside single quotes, even inside double quotes, and expands @macros;
 * a trailing backslash continues a line, a comment included):
 *  - no control characters other than newline and tab, no NUL inside the script;
 *  - no comment or data line ends with a backslash;
 *  - outside datablocks, every line's single quotes are balanced, and no
 *    '`' or '@' appears outside single-quoted strings and comments;
 *  - inside a datablock every line starts with a digit or '-', so nothing
 *    can end the block early;
 *  - used[] marks rows within range. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "trade/trade.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_script(const char *s, size_t len)
{
    if (strlen(s) != len)
        __builtin_trap();
    int in_block = 0;
    const char *line = s, *end = s + len;
    while (line < end) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        size_t n = nl ? (size_t)(nl - line) : (size_t)(end - line);
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)line[i];
            if ((c < 0x20 && c != '\t') || c == 0x7f)
                __builtin_trap(); /* a control character */
        }
        int backslash_end = n && line[n - 1] == '\\';
        if (in_block) {
            if (backslash_end)
                __builtin_trap();
            if (n == 3 && !memcmp(line, "EOD", 3))
                in_block = 0;
            else if (n && !((line[0] >= '0' && line[0] <= '9') || line[0] == '-'))
                __builtin_trap(); /* a data line that could end the block (an
                                     empty line is a break in a line: allowed) */
        } else {
            int quoted = 0;
            for (size_t i = 0; i < n; i++) {
                char c = line[i];
                if (c == '\'') {
                    quoted = !quoted;
                } else if (!quoted && c == '#') {
                    /* a comment: gnuplot substitutes nothing there, but a
                       trailing backslash would continue it onto the next line */
                    if (backslash_end)
                        __builtin_trap();
                    break;
                } else if (!quoted && (c == '`' || c == '@')) {
                    __builtin_trap(); /* substitution outside single quotes */
                }
            }
            if (quoted)
                __builtin_trap(); /* an unterminated single-quoted string */
            if (n >= 6 && line[0] == '$' && !memcmp(line + n - 6, "<< EOD", 6))
                in_block = 1;
        }
        line += n + 1;
    }
    if (in_block)
        __builtin_trap(); /* a datablock never closed */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    uint8_t mode = data[0];
    data++;
    size--;
    char *title = NULL;
    const uint8_t *nul = memchr(data, 0, size);
    if (nul) {
        size_t tl = (size_t)(nul - data);
        title = malloc(tl + 1);
        if (!title)
            return 0;
        memcpy(title, data, tl);
        title[tl] = '\0';
        size -= tl + 1;
        data = nul + 1;
    }
    trade_plot_options po;
    memset(&po, 0, sizeof po);
    po.kind = (trade_plot_kind)(mode & 3);
    po.log_y = (mode >> 2) & 1;
    po.terminal = (trade_plot_terminal)(((mode >> 4) & 3) % 3);
    po.title = title;
    po.width = (mode & 64) ? 1 : 0;
    po.height = (mode & 64) ? 100000 : 0;
    trade_read_options ro;
    memset(&ro, 0, sizeof ro);
    ro.generic = (mode & 8) ? TRADE_READ_AUTO : 0;
    ro.draft = (mode >> 7) & 1;
    trade_table *t = trade_table_new();
    trade_error err;
    if (t && trade_table_read_buffer(t, (const char *)data, size, "fuzz.csv", &ro, &err) == 0) {
        size_t rows = trade_table_rows(t);
        unsigned char *used = malloc(rows + 1);
        char *script = NULL;
        size_t len = 0;
        if (used) {
            memset(used, 7, rows + 1);
            int rc = trade_plot_script(t, &po, &script, &len, used, &err);
            if (rc == 0) {
                if (!script)
                    __builtin_trap();
                check_script(script, len);
                for (size_t r = 0; r < rows; r++) /* one of TRADE_PLOT_ROW_* */
                    if (used[r] > TRADE_PLOT_ROW_OTHER_KIND)
                        __builtin_trap();
                if (used[rows] != 7)
                    __builtin_trap(); /* written past the rows */
            } else if (script || !err.message[0]) {
                __builtin_trap();
            }
        }
        free(script);
        free(used);
    }
    trade_table_free(t);
    free(title);
    return 0;
}
