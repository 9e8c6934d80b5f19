/* interval.c - precision and interval arithmetic (interval.h). */
#include <math.h>
#include <string.h>

#include "trade/interval.h"

double trade_interval_written_precision(const char *text)
{
    if (!text)
        return 1;
    const char *dot = strchr(text, '.');
    if (dot) {
        size_t decimals = strlen(dot + 1);
        return pow(10.0, -(double)decimals);
    }
    size_t len = strlen(text), zeros = 0;
    while (len > 0 && text[len - 1] == '0') {
        len--;
        zeros++;
    }
    if (len == 0 || (len == 1 && text[0] == '-'))
        return 1; /* "0" */
    return pow(10.0, (double)zeros);
}

trade_interval trade_interval_from(double value, double precision)
{
    trade_interval r = {value - precision / 2.0, value + precision / 2.0};
    return r;
}

trade_interval trade_interval_add(trade_interval a, trade_interval b)
{
    trade_interval r = {a.low + b.low, a.high + b.high};
    return r;
}

trade_interval trade_interval_growth_pct(trade_interval a, trade_interval b)
{
    trade_interval r = {NAN, NAN};
    if (!(a.low > 0) || !isfinite(a.high) || !isfinite(b.low) || !isfinite(b.high))
        return r;
    /* b / a over a in [a.low, a.high] > 0: smallest b.low / (a.high or a.low) */
    double lo = b.low >= 0 ? b.low / a.high : b.low / a.low;
    double hi = b.high >= 0 ? b.high / a.low : b.high / a.high;
    r.low = 100.0 * (lo - 1.0);
    r.high = 100.0 * (hi - 1.0);
    return r;
}

trade_verdict trade_interval_compare(trade_interval a, double b_value, trade_interval b,
                                     double *gap)
{
    double g = NAN;
    trade_verdict v = TRADE_VERDICT_UNDEFINED;
    if (isfinite(a.low) && isfinite(a.high) && isfinite(b.low) && isfinite(b.high) &&
        isfinite(b_value)) {
        g = b.low > a.high ? b.low - a.high : a.low > b.high ? a.low - b.high : 0.0;
        if (g > 0)
            v = TRADE_INCONSISTENT;
        else if (b_value >= a.low && b_value <= a.high)
            v = TRADE_CONSISTENT;
        else
            v = TRADE_CONSISTENT_ROUNDING;
    }
    if (gap)
        *gap = g;
    return v;
}

const char *trade_interval_verdict_name(trade_verdict v)
{
    switch (v) {
    case TRADE_CONSISTENT:
        return "consistent";
    case TRADE_CONSISTENT_ROUNDING:
        return "consistent within rounding";
    case TRADE_INCONSISTENT:
        return "inconsistent";
    case TRADE_VERDICT_UNDEFINED:
        return "undefined";
    }
    return "undefined";
}
