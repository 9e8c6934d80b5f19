# dask.cmake - tools/trade-dask (the Dask driver of trade import) is
# installed beside the trade command.
install(PROGRAMS ${PROJECT_SOURCE_DIR}/tools/trade-dask DESTINATION ${CMAKE_INSTALL_BINDIR}
  COMPONENT runtime)
