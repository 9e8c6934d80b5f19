#!/usr/bin/env bash
# ci-snippet.sh - the hardening steps of CI, run from .ci/run (or by hand from
# anywhere): the command-level tests and the unit tests under valgrind
# memcheck, then every fuzz target for a short time.
#
#   bash tests/fuzz/ci-snippet.sh [FUZZ_SECONDS]     (default 30)
#
# Needs valgrind, clang and libclang-rt-14-dev (Debian packages).
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-30}

echo "== valgrind: command-level tests (every trade run under memcheck)"
# TRADE_VALGRIND is read when CMake configures the tests, so configure with it
TRADE_VALGRIND=1 cmake -S . -B build-valgrind -DTRADE_WERROR=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-valgrind -j"$(nproc)"
ctest --test-dir build-valgrind -R '^cli_' --output-on-failure -j"$(nproc)"

echo "== valgrind: unit tests"
for t in build-valgrind/tests/test_*; do
    [ -x "$t" ] || continue
    # valgrind computes long double in 64 bits, and stats_number.c's fast
    # formatter relies on the 64-bit mantissa of x87 long double, so its
    # exactness check fails under valgrind only
    [ "${t##*/}" = test_stats ] && continue
    TRADE="$PWD/build-valgrind/tools/trade" valgrind -q --error-exitcode=99 --leak-check=full \
        --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
        "$t" >/dev/null
    echo "valgrind clean: ${t##*/}"
done

# every tests/fuzz/fuzz_<target>.c: extract, import, number, period, plot, report, table
echo "== fuzzing: each target for $secs s"
FUZZ_BUILD="$PWD/build-fuzz" bash tests/fuzz/run.sh "$secs"
