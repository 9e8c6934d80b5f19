#!/usr/bin/env bash
# run.sh - build the libFuzzer harnesses tests/fuzz/fuzz_<target>.c (extract,
# import, number, period, plot, report, table) with
# clang -fsanitize=fuzzer,address,undefined against the library sources and
# run each for SECONDS (default 30).
#
#   tests/fuzz/run.sh [SECONDS] [TARGET...]      e.g. tests/fuzz/run.sh 600 table
#
# Environment: FUZZ_BUILD (build and working-corpus folder, default
# $TMPDIR/trade-fuzz), CC (default clang), FUZZ_JOBS (parallel fuzzing
# processes per target, default 1), FUZZ_FLAGS (extra libFuzzer flags).
# The seed corpus tests/fuzz/corpus/<target>/ is read, never written; new
# inputs go to $FUZZ_BUILD/corpus/<target>. Crashes are saved as
# $FUZZ_BUILD/crash-<target>-* and the script exits 1 if any target failed.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
secs=${1:-30}
shift $(($# > 0 ? 1 : 0))
build=${FUZZ_BUILD:-${TMPDIR:-/tmp}/trade-fuzz}
cc=${CC:-clang}
jobs=${FUZZ_JOBS:-1}
case $secs in '' | *[!0-9]*) echo "run.sh: SECONDS must be a number, not '$secs'" >&2; exit 2 ;; esac
command -v "$cc" >/dev/null || { echo "run.sh: $cc not found (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in "$here"/fuzz_*.c; do
    t=${f##*/fuzz_}
    t=${t%.c}
    # a harness whose module (libtrade/src/<target>.c) has not landed waits
    if [ ! -f "$root/libtrade/src/$t.c" ]; then echo "run.sh: skipping $t: no libtrade/src/$t.c yet"; continue; fi
    targets+=("$t")
  done
fi

mkdir -p "$build/obj" "$build/corpus" || exit 2
build=$(cd "$build" && pwd)
san=(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
cflags=(-std=c11 -g -O1 -Wall -Wextra -D_POSIX_C_SOURCE=200809L -DTRADE_BUILDING
  -I"$root/libtrade/include" -I"$root/libtrade/src")
libs=(-lcsv -larchive -lxlsxwriter -lgsl -lgslcblas -lm -lpthread)

# the library, instrumented for coverage but without libFuzzer's main
objs=()
for src in "$root"/libtrade/src/*.c; do
  o="$build/obj/$(basename "${src%.c}").o"
  if [ ! -e "$o" ] || [ "$src" -nt "$o" ] || [ "$0" -nt "$o" ] ||
    [ -n "$(find "$root/libtrade" -name '*.h' -newer "$o" -print -quit)" ]; then
    "$cc" "${cflags[@]}" "${san[@]}" -fsanitize=fuzzer-no-link -c "$src" -o "$o" || exit 2
  fi
  objs+=("$o")
done

status=0
summary=()
for t in "${targets[@]}"; do
  src="$here/fuzz_$t.c"
  [ -f "$src" ] || { echo "run.sh: no harness $src" >&2; exit 2; }
  bin="$build/fuzz_$t"
  "$cc" "${cflags[@]}" -Werror "${san[@]}" -fsanitize=fuzzer "$src" "${objs[@]}" "${libs[@]}" -o "$bin" || exit 2
  mkdir -p "$build/corpus/$t"
  dict=()
  [ -f "$here/$t.dict" ] && dict=(-dict="$here/$t.dict")
  seeds=()
  [ -d "$here/corpus/$t" ] && seeds=("$here/corpus/$t")
  log="$build/fuzz_$t.log"
  echo "== fuzz_$t: $secs s (log $log)"
  # -max_len 65536 covers the reader's chunk boundary (64 KiB); ASan and a
  # 2 GB RSS limit catch runaway memory; -timeout catches hangs.
  par=()
  [ "$jobs" -gt 1 ] && par=(-jobs="$jobs" -workers="$jobs")
  # run in the build folder: with -jobs libFuzzer writes fuzz-N.log there
  # shellcheck disable=SC2086
  (cd "$build" && rm -f fuzz-*.log && exec "$bin" "$build/corpus/$t" "${seeds[@]}" "${dict[@]}" \
    -max_total_time="$secs" -max_len=70000 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$build/crash-$t-" "${par[@]}" ${FUZZ_FLAGS:-}) \
    >"$log" 2>&1
  rc=$?
  if [ "$jobs" -gt 1 ]; then cat "$build"/fuzz-*.log >>"$log" 2>/dev/null; rm -f "$build"/fuzz-*.log; fi
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{s += $2} END {print s + 0}')
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
  if [ $rc -ne 0 ]; then
    status=1
    echo "!! fuzz_$t FAILED (exit $rc); see $log" >&2
    grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -5 >&2
  fi
  summary+=("fuzz_$t: $execs executions in $secs s, $cov, exit $rc")
done
printf '%s\n' "${summary[@]}"
exit $status
