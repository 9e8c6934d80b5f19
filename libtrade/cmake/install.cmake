# install.cmake - what "cmake --install" puts where (included by the top
# CMakeLists.txt):
#   lib/libtrade.so.0.1.0 (+ .so.0, .so), lib/libtrade.a
#   include/trade/*.h
#   bin/trade
#   lib/pkgconfig/libtrade.pc, libtrade-static.pc (libtrade.a by name)
#   lib/cmake/libtrade/libtradeConfig.cmake, ...ConfigVersion.cmake and the
#     exported targets libtrade::libtrade (shared) and libtrade::libtrade_static
#   share/man/man1/trade.1 and trade-COMMAND.1, generated from --help
#   share/bash-completion/completions/trade
# Everything is relocatable: the .pc finds its prefix from ${pcfiledir} and
# the CMake package from its own location, so "cmake --install BUILD --prefix
# DIR" works with any DIR.
include(CMakePackageConfigHelpers)

set(TRADE_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/libtrade)
set(TRADE_PC_DIR ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# The version in the headers must be the project's.
file(STRINGS ${PROJECT_SOURCE_DIR}/libtrade/include/trade/version.h _trade_version_line
  REGEX "#define TRADE_VERSION_STRING ")
if(NOT _trade_version_line MATCHES "\"${PROJECT_VERSION}\"")
  message(FATAL_ERROR "version.h (${_trade_version_line}) disagrees with project() version ${PROJECT_VERSION}")
endif()

# Exported names: libtrade::libtrade and libtrade::libtrade_static.
set_target_properties(trade PROPERTIES EXPORT_NAME libtrade)
set_target_properties(trade_static PROPERTIES EXPORT_NAME libtrade_static)

install(TARGETS trade EXPORT libtradeTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT devel
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS trade_static EXPORT libtradeStaticTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT devel
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS trade_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/libtrade/include/trade
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT devel FILES_MATCHING PATTERN "*.h")

# CMake package.
install(EXPORT libtradeTargets NAMESPACE libtrade:: DESTINATION ${TRADE_CMAKE_DIR}
  COMPONENT devel)
install(EXPORT libtradeStaticTargets NAMESPACE libtrade:: DESTINATION ${TRADE_CMAKE_DIR}
  COMPONENT devel)
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/libtradeConfig.cmake.in
  ${PROJECT_BINARY_DIR}/libtradeConfig.cmake INSTALL_DESTINATION ${TRADE_CMAKE_DIR})
# 0.x: a new minor version may break the API, so only the same minor matches.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/libtradeConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/libtradeConfig.cmake
  ${PROJECT_BINARY_DIR}/libtradeConfigVersion.cmake
  DESTINATION ${TRADE_CMAKE_DIR} COMPONENT devel)

# pkg-config: prefix relative to the .pc file's own folder.
file(RELATIVE_PATH TRADE_PC_PREFIX_REL /prefix/${TRADE_PC_DIR} /prefix)
string(REGEX REPLACE "/$" "" TRADE_PC_PREFIX_REL "${TRADE_PC_PREFIX_REL}")
configure_file(${CMAKE_CURRENT_LIST_DIR}/libtrade.pc.in ${PROJECT_BINARY_DIR}/libtrade.pc @ONLY)
configure_file(${CMAKE_CURRENT_LIST_DIR}/libtrade-static.pc.in ${PROJECT_BINARY_DIR}/libtrade-static.pc
  @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/libtrade.pc ${PROJECT_BINARY_DIR}/libtrade-static.pc
  DESTINATION ${TRADE_PC_DIR} COMPONENT devel)

# Manual pages, generated from the help the built program prints, so they
# cannot drift from it; regenerated whenever the binary changes.
set(TRADE_MAN_DIR ${PROJECT_BINARY_DIR}/man/man1)
add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/man/stamp
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${TRADE_MAN_DIR}
  COMMAND sh ${PROJECT_SOURCE_DIR}/tools/man/gen-man.sh $<TARGET_FILE:trade_cli> ${TRADE_MAN_DIR}
    ${PROJECT_VERSION}
  COMMAND ${CMAKE_COMMAND} -E touch ${PROJECT_BINARY_DIR}/man/stamp
  DEPENDS trade_cli ${PROJECT_SOURCE_DIR}/tools/man/gen-man.sh
  COMMENT "Generating the trade manual pages from --help"
  VERBATIM)
add_custom_target(trade_man ALL DEPENDS ${PROJECT_BINARY_DIR}/man/stamp)
install(DIRECTORY ${TRADE_MAN_DIR}/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT doc
  FILES_MATCHING PATTERN "*.1")

install(FILES ${PROJECT_SOURCE_DIR}/tools/completion/trade.bash
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME trade COMPONENT runtime)
