/* trade.h - everything libtrade offers, in one include. */
#ifndef TRADE_TRADE_H
#define TRADE_TRADE_H

#include "version.h"
#include "error.h"
#include "number.h"
#include "period.h"
#include "codes.h"
#include "table.h"
#include "writer.h"
#include "stats.h"
#include "plot.h"
#include "extract.h"
#include "import.h"

#endif
