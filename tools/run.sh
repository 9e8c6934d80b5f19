#!/usr/bin/env bash
# tools/run.sh - the two commands of the README, in either order, on any clone.
#   bash tools/run.sh report   install what is missing, build the command, and
#                              write the report of datasets/ into report/
#   bash tools/run.sh test     install what is missing, build everything, run
#                              every test (ctest fails when it finds none)
# Both use one build folder that is always configured with the tests on:
# `report` builds only the command, `test` builds everything, so neither run
# can disable what the other needs.
# BUILD_DIR (default build) and REPORT_DIR (default report) can be overridden.
# Tests that need the briefs read ../shared/briefs beside the clone; without it
# they are reported as skipped, and with CI=true its absence is a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}

need=(cmake make gcc pkg-config libgsl-dev libcsv-dev libarchive-dev libxlsxwriter-dev
      gnuplot-nox iso-codes libcmocka-dev)
if [ "${1:-}" = test ]; then
  # the reference checks recompute with numpy, pandas and R; the Dask job
  # runs on a local cluster
  need+=(chromium python3 python3-openpyxl python3-numpy python3-pandas r-base-core
         python3-dask python3-distributed valgrind strace)
fi

install_missing() {
  local missing=()
  for p in "${need[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing: ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

configure() {
  # -DTRADE_TESTS=ON every time: an older cache with the tests off is corrected.
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTRADE_TESTS=ON "$@" >/dev/null
}

jobs=$(nproc)
case "${1:-}" in
  report)
    install_missing
    configure
    cmake --build "$build" -j"$jobs" --target trade_cli
    out=${REPORT_DIR:-report}
    "$build/tools/trade" validate datasets/*.csv
    "$build/tools/trade" report datasets -o "$out"
    echo "report written to $out/index.html" >&2
    ;;
  test)
    install_missing
    configure -DTRADE_WERROR=ON
    cmake --build "$build" -j"$jobs"
    ctest --test-dir "$build" --output-on-failure --no-tests=error -j"$jobs"
    ;;
  *)
    echo "usage: bash tools/run.sh report|test" >&2
    exit 2
    ;;
esac
