/* trade.h - everything libtrade offers, in one include. */
#ifndef TRADE_TRADE_H
#define TRADE_TRADE_H

#include "check.h"
#include "codes.h"
#include "compare.h"
#include "complexity.h"
#include "deflate.h"
#include "error.h"
#include "extract.h"
#include "fit.h"
#include "group.h"
#include "growth.h"
#include "import.h"
#include "indicators.h"
#include "interval.h"
#include "number.h"
#include "panel.h"
#include "period.h"
#include "plot.h"
#include "rank.h"
#include "rates.h"
#include "report.h"
#include "series.h"
#include "stats.h"
#include "summary.h"
#include "table.h"
#include "table_read.h"
#include "version.h"
#include "workbook.h"
#include "writer.h"

#endif
