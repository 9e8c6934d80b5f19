/* trade.h - everything libtrade offers, in one include. */
#ifndef TRADE_TRADE_H
#define TRADE_TRADE_H

#include "codes.h"
#include "error.h"
#include "extract.h"
#include "import.h"
#include "number.h"
#include "period.h"
#include "plot.h"
#include "stats.h"
#include "table.h"
#include "version.h"
#include "workbook.h"
#include "writer.h"

#endif
