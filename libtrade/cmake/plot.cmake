# plot.cmake - the headless-Chromium check of the report. It lives outside
# tests/cli (whose *.sh are globbed without properties) because it exits 77
# when chromium is missing, and only here can ctest be told that 77 means
# "skipped" (CMake 3.25 cannot set test properties of another directory).
if(TRADE_TESTS)
  add_test(NAME cli_report_chromium
    COMMAND bash ${PROJECT_SOURCE_DIR}/tests/chromium/report_chromium.sh)
  set_tests_properties(cli_report_chromium PROPERTIES
    SKIP_RETURN_CODE 77
    TIMEOUT 300
    ENVIRONMENT "TRADE=$<TARGET_FILE:trade_cli>;SRCDIR=${PROJECT_SOURCE_DIR};BINDIR=${PROJECT_BINARY_DIR}")
endif()
