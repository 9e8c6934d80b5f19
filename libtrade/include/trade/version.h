/* version.h - libtrade's version and the export macro every public header uses.
 *
 * TRADE_VERSION_* give the version the program was compiled against;
 * trade_version() gives the version of the library it runs with. */
#ifndef TRADE_VERSION_H
#define TRADE_VERSION_H

#define TRADE_VERSION_MAJOR 0
#define TRADE_VERSION_MINOR 1
#define TRADE_VERSION_PATCH 0
#define TRADE_VERSION_STRING "0.1.0"

/* Only symbols marked TRADE_API are exported from the shared library. */
#if defined(TRADE_BUILDING) && defined(__GNUC__)
#define TRADE_API __attribute__((visibility("default")))
#else
#define TRADE_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* The run-time version as "MAJOR.MINOR.PATCH"; a static string. */
TRADE_API const char *trade_version(void);

#ifdef __cplusplus
}
#endif
#endif
