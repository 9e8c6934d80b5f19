/* import.h - placeholder: the import module's public API is being written. */
#ifndef TRADE_IMPORT_H
#define TRADE_IMPORT_H

#include "error.h"
#include "table.h"

#endif
