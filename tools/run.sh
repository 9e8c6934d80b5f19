#!/usr/bin/env bash
# tools/run.sh - the two commands of the README.
#   bash tools/run.sh report   install what is missing, build, and write the
#                              report of datasets/ into report/
#   bash tools/run.sh test     install what is missing, build, run every test
# BUILD_DIR (default build) and REPORT_DIR (default report) can be overridden.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}

need=(cmake make gcc pkg-config libgsl-dev libcsv-dev libarchive-dev gnuplot-nox iso-codes)
if [ "${1:-}" = test ]; then
  need+=(libcmocka-dev chromium python3 valgrind)
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

build() {
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  cmake --build "$build" -j"$(nproc)"
}

case "${1:-}" in
  report)
    install_missing
    build -DTRADE_TESTS=OFF
    out=${REPORT_DIR:-report}
    "$build/tools/trade" validate datasets/*.csv
    "$build/tools/trade" report datasets -o "$out"
    echo "report written to $out/index.html" >&2
    ;;
  test)
    install_missing
    build -DTRADE_WERROR=ON
    ctest --test-dir "$build" --output-on-failure -j"$(nproc)"
    ;;
  *)
    echo "usage: bash tools/run.sh report|test" >&2
    exit 2
    ;;
esac
