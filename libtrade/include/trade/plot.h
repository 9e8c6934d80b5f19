/* plot.h - placeholder: the plot module's public API is being written. */
#ifndef TRADE_PLOT_H
#define TRADE_PLOT_H

#include "error.h"
#include "table.h"

#endif
