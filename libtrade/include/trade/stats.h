/* stats.h - placeholder: the stats module's public API is being written. */
#ifndef TRADE_STATS_H
#define TRADE_STATS_H

#include "error.h"
#include "table.h"

#endif
