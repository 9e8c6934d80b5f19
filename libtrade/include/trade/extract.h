/* extract.h - placeholder: the extract module's public API is being written. */
#ifndef TRADE_EXTRACT_H
#define TRADE_EXTRACT_H

#include "error.h"
#include "table.h"

#endif
