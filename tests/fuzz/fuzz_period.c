/* fuzz_period.c - libFuzzer target for trade_period_parse and
 * trade_period_format.
 *
 * Properties checked: a failure has a message and a column inside the text
 * (or just past it); a success covers at least one month, first <= last,
 * formats to a string that parses back to the same period, and formatting
 * into a buffer one byte short fails cleanly. */
#include <stdint.h>
#include <string.h>

#include "trade/trade.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    trade_period p;
    trade_error err;
    memset(&err, 0, sizeof err);
    if (trade_period_parse(s, size, &p, &err) != 0) {
        if (!err.message[0] || err.column > size + 1)
            __builtin_trap();
        return 0;
    }
    if (p.first_month > p.last_month || trade_period_months(&p) < 1)
        __builtin_trap();
    if (p.start_unit == TRADE_PERIOD_NONE || p.end_unit == TRADE_PERIOD_NONE)
        __builtin_trap();
    char buf[TRADE_PERIOD_BUFSIZE];
    size_t n = trade_period_format(&p, buf, sizeof buf);
    if (n == 0 || n >= sizeof buf || strlen(buf) != n)
        __builtin_trap();
    trade_period q;
    if (trade_period_parse(buf, n, &q, &err) != 0)
        __builtin_trap();
    if (q.first_month != p.first_month || q.last_month != p.last_month ||
        q.start_unit != p.start_unit || q.end_unit != p.end_unit || q.interval != p.interval)
        __builtin_trap();
    if (trade_period_compare(&p, &q) != 0 || !trade_period_same_kind(&p, &q))
        __builtin_trap();
    char small[TRADE_PERIOD_BUFSIZE];
    if (trade_period_format(&p, small, n) != 0 || small[0] != '\0')
        __builtin_trap();
    (void)trade_period_mid_years(&p);
    (void)trade_period_years_between(&p, &q);
    return 0;
}
