# package.cmake - the example programs, built in the tree against the shared
# library exactly as a user would build them (only <trade/...> headers, the
# libtrade::libtrade target), and run by ctest. tests/cli/package.sh builds
# the same files again against an installed copy through pkg-config.
foreach(name compare convert extract fit growth rank report stats validate)
  add_executable(example_${name} ${PROJECT_SOURCE_DIR}/examples/${name}.c)
  set_target_properties(example_${name} PROPERTIES OUTPUT_NAME ${name}
    RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/examples)
  target_compile_options(example_${name} PRIVATE ${TRADE_WARNINGS})
  target_link_libraries(example_${name} PRIVATE libtrade::libtrade)
  if(TRADE_TESTS)
    # Each example runs on its built-in sample (no arguments) and must succeed.
    add_test(NAME example_${name} COMMAND example_${name})
  endif()
endforeach()
