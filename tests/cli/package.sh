#!/usr/bin/env bash
# The installed library as other programs see it: install the build into a
# temporary prefix, then use only that copy: libtrade.pc with pkg-config (every
# examples/*.c compiled and run, shared and static), the CMake package from a
# tiny find_package(libtrade) project, the man pages, the bash completion,
# the trade binary, the exported symbols, SONAME and version.
set -u
: "${SRCDIR:?}" "${BINDIR:?}"
cc=${CC:-cc}
# A sanitized build installs a sanitized library: its users need the runtime.
san=""
grep -q '^TRADE_SANITIZE:BOOL=ON' "$BINDIR/CMakeCache.txt" 2>/dev/null && san="-fsanitize=address,undefined"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*" >&2; fail=$((fail + 1)); }
check() { # check DESCRIPTION -- command...
  local what=$1; shift 2
  if "$@" >"$tmp/out" 2>"$tmp/err"; then ok; else bad "$what: $(head -5 "$tmp/err")"; fi
}

p=$tmp/prefix
if ! cmake --install "$BINDIR" --prefix "$p" >"$tmp/install.log" 2>&1; then
  cat "$tmp/install.log" >&2
  echo "FAIL: cmake --install" >&2
  exit 1
fi

# --- the files a user expects --------------------------------------------
pc=$(find "$p" -name libtrade.pc | head -1)
config=$(find "$p" -name libtradeConfig.cmake | head -1)
[ -n "$pc" ] && ok || bad "no libtrade.pc under $p"
[ -n "$config" ] && ok || bad "no libtradeConfig.cmake under $p"
[ -n "$(find "$p" -name libtradeConfigVersion.cmake)" ] && ok || bad "no CMake version file"
libdir=$(dirname "$(dirname "$pc")")
for f in bin/trade include/trade/trade.h include/trade/version.h share/man/man1/trade.1 \
  share/man/man1/trade-growth.1 share/bash-completion/completions/trade; do
  [ -s "$p/$f" ] && ok || bad "$f not installed"
done
for f in libtrade.a libtrade.so libtrade.so.0 libtrade.so.0.1.0; do
  [ -e "$libdir/$f" ] && ok || bad "$libdir/$f not installed"
done
# every public header of the source tree is installed
for h in "$SRCDIR"/libtrade/include/trade/*.h; do
  cmp -s "$h" "$p/include/trade/$(basename "$h")" && ok || bad "header $(basename "$h") not installed"
done

# --- the shared library: SONAME, and only trade_* symbols exported --------
readelf -d "$libdir/libtrade.so.0.1.0" | grep -q 'SONAME.*\[libtrade\.so\.0\]' && ok ||
  bad "SONAME is not libtrade.so.0"
leaks=$(nm -D --defined-only "$libdir/libtrade.so" | awk '{ print $NF }' | grep -v '^trade_' |
  grep -vE '^(_init|_fini|_edata|_end|__bss_start)$')
[ -z "$leaks" ] && ok || bad "symbols exported outside the trade_ API: $(echo $leaks)"
# the static library prints nothing and never exits (the library's contract)
forbidden=$(nm -u "$libdir/libtrade.a" | awk '{ print $NF }' | grep -xE 'exit|_exit|abort|printf|fprintf|puts|perror' | sort -u)
[ -z "$forbidden" ] && ok || bad "libtrade.a calls $(echo $forbidden)"

# --- pkg-config ------------------------------------------------------------
export PKG_CONFIG_PATH=$(dirname "$pc")
# The version, read independently from version.h's macros.
hv=$(awk '/#define TRADE_VERSION_(MAJOR|MINOR|PATCH) / { v = v (v == "" ? "" : ".") $3 } END { print v }' \
  "$p/include/trade/version.h")
[ "$(pkg-config --modversion libtrade)" = 0.1.0 ] && ok || bad "pkg-config --modversion: $(pkg-config --modversion libtrade)"
[ "$hv" = 0.1.0 ] && ok || bad "version.h says $hv"
cflags=$(pkg-config --cflags libtrade) libs=$(pkg-config --libs libtrade)
# static: libtrade-static.pc names libtrade.a (libtrade.pc's -ltrade finds
# libtrade.so, under --static too); with and without --static
slibs=$(pkg-config --static --libs libtrade-static)
[ "$(pkg-config --modversion libtrade-static)" = 0.1.0 ] && ok || bad "no libtrade-static.pc"
sa=$(printf '%s\n' $slibs | grep '/libtrade\.a$' | head -1)
[ -n "$sa" ] && [ "$(readlink -f "$sa")" = "$(readlink -f "$libdir/libtrade.a")" ] && ok ||
  bad "libtrade-static names no $libdir/libtrade.a: $slibs"
case " $cflags $libs " in *"$SRCDIR"* | *"$BINDIR"*) bad "pkg-config points into the tree: $cflags $libs" ;; *) ok ;; esac

# every public header compiles on its own, in C11 and in C++
for h in "$p"/include/trade/*.h; do
  printf '#include <trade/%s>\nint main(void) { return 0; }\n' "$(basename "$h")" >"$tmp/h.c"
  check "$(basename "$h") alone" -- $cc -std=c11 -Wall -Wextra -Wpedantic -Werror $san $cflags -c "$tmp/h.c" -o "$tmp/h.o"
done
if command -v c++ >/dev/null; then
  printf '#include <trade/trade.h>\nint main() { return trade_version()[0] == 0; }\n' >"$tmp/h.cc"
  check "trade.h from C++" -- c++ -Wall -Wextra -Werror $san $cflags "$tmp/h.cc" $libs -o "$tmp/hcc"
fi

# every example, against the installed copy only: shared, and static with
# Libs.private / Requires.private (no libtrade.so needed at run time)
n=0
for src in "$SRCDIR"/examples/*.c; do
  name=$(basename "$src" .c)
  n=$((n + 1))
  check "compile $name (shared)" -- $cc -std=c11 -Wall -Wextra -Wpedantic -Werror $san $cflags "$src" $libs -o "$tmp/$name"
  check "run $name (shared)" -- env LD_LIBRARY_PATH="$libdir" "$tmp/$name"
  cp "$tmp/out" "$tmp/$name.out"
  LD_LIBRARY_PATH=$libdir ldd "$tmp/$name" | grep -q "libtrade.so.0 => $libdir/" && ok ||
    bad "$name does not load $libdir/libtrade.so.0"
  check "compile $name (static)" -- $cc -std=c11 $san $cflags "$src" $slibs -o "$tmp/$name.static"
  readelf -d "$tmp/$name.static" | grep -q 'NEEDED.*libtrade' && bad "$name.static needs libtrade.so" || ok
  ldd "$tmp/$name.static" | grep -q libtrade && bad "ldd: $name.static loads libtrade.so" || ok
  check "compile $name (static, no --static)" -- $cc -std=c11 $san $cflags "$src" \
    $(pkg-config --libs libtrade-static) -o "$tmp/$name.static2"
  readelf -d "$tmp/$name.static2" | grep -q 'NEEDED.*libtrade' && bad "$name.static2 needs libtrade.so" || ok
  check "run $name (static)" -- "$tmp/$name.static"
  cmp -s "$tmp/out" "$tmp/$name.out" && ok || bad "$name: static and shared outputs differ"
done
[ "$n" -ge 2 ] && ok || bad "fewer than two examples"
# growth on its built-in sample (by hand): BEL 200e6 -> 250e6 -> 187.5e6 is
# +25 % then -25 % in one year each; LUX 40e6 -> 90e6 from 2010 to 2012 is
# +125 %, and 90/40 = 2.25 = 1.5^2, so 50 % a year.
# (The status column is the library's wording, not compared.)
printf '%s\n' reporter,partner,flow,product,unit,period_from,period_to,growth_pct,cagr_pct \
  BEL,KAZ,export,,EUR,2010,2011,25,25 BEL,KAZ,export,,EUR,2011,2012,-25,-25 \
  LUX,KAZ,export,,EUR,2010,2012,125,50 >"$tmp/growth.want"
cut -d, -f1-7,10,11 "$tmp/growth.out" | cmp -s - "$tmp/growth.want" && ok ||
  bad "growth example: $(cat "$tmp/growth.out")"
# extract on its built-in sample (by hand): "about EUR 118 million" on line 3
# is 118000000 EUR, last digit a million, approx; "EUR 35.2 million" on line
# 4 is 35200000 EUR, last digit 100000. (columns line,value,unit,precision,qualifier)
if [ -f "$tmp/extract.out" ]; then
  cut -d, -f1,3-6 "$tmp/extract.out" | grep -qx '3,118000000,EUR,1000000,approx' && ok ||
    bad "extract example: no EUR 118 million: $(cat "$tmp/extract.out")"
  cut -d, -f1,3-5 "$tmp/extract.out" | grep -qx '4,35200000,EUR,100000' && ok ||
    bad "extract example: no EUR 35.2 million: $(cat "$tmp/extract.out")"
fi
# and on a file of the datasets: exit 0, the header, one line per pair
check "growth example on datasets" -- env LD_LIBRARY_PATH="$libdir" "$tmp/growth" "$SRCDIR"/datasets/*.csv
head -1 "$tmp/out" | grep -qx 'reporter,partner,flow,product,unit,period_from,period_to,value_from,value_to,growth_pct,cagr_pct,log_growth,status,qualifier' && ok || bad "growth example header"

# --- the CMake package -----------------------------------------------------
mkdir -p "$tmp/proj"
cat >"$tmp/proj/CMakeLists.txt" <<'EOF'
cmake_minimum_required(VERSION 3.16)
project(uses_libtrade C)
find_package(libtrade 0.1 REQUIRED)
add_executable(shared main.c)
target_link_libraries(shared PRIVATE libtrade::libtrade)
add_executable(static main.c)
target_link_libraries(static PRIVATE libtrade::libtrade_static)
file(WRITE ${CMAKE_BINARY_DIR}/found.txt "${libtrade_VERSION}")
EOF
# "2012-01/2012-10" covers ten months (the format's own example).
cat >"$tmp/proj/main.c" <<'EOF'
#include <stdio.h>
#include <string.h>
#include <trade/trade.h>
int main(void)
{
    trade_period p;
    trade_error err;
    if (trade_period_parse("2012-01/2012-10", 15, &p, &err) != 0)
        return 1;
    printf("%s %d\n", trade_version(), trade_period_months(&p));
    return strcmp(trade_version(), TRADE_VERSION_STRING) != 0;
}
EOF
check "cmake configure with find_package(libtrade)" -- cmake -S "$tmp/proj" -B "$tmp/proj/build" \
  -DCMAKE_PREFIX_PATH="$p" -DCMAKE_C_COMPILER="$cc" -DCMAKE_C_FLAGS="$san"
check "cmake build against libtrade::libtrade" -- cmake --build "$tmp/proj/build"
[ "$(cat "$tmp/proj/build/found.txt" 2>/dev/null)" = 0.1.0 ] && ok || bad "libtrade_VERSION not 0.1.0"
for v in shared static; do
  out=$("$tmp/proj/build/$v" 2>&1)
  [ "$out" = "0.1.0 10" ] && ok || bad "CMake-built $v program printed '$out'"
done
readelf -d "$tmp/proj/build/shared" | grep -q 'NEEDED.*libtrade\.so\.0' && ok || bad "shared program does not need libtrade.so.0"
# a version the package does not claim to satisfy is refused
sed -i 's/find_package(libtrade 0.1 REQUIRED)/find_package(libtrade 1.0 REQUIRED)/' "$tmp/proj/CMakeLists.txt"
cmake -S "$tmp/proj" -B "$tmp/proj/build2" -DCMAKE_PREFIX_PATH="$p" >/dev/null 2>&1 &&
  bad "find_package(libtrade 1.0) accepted 0.1.0" || ok

# --- the installed trade command -------------------------------------------
check "trade --help" -- "$p/bin/trade" --help
grep -qE '^  growth +[a-z]' "$tmp/out" && ok || bad "trade --help does not list growth"
check "trade growth --help" -- "$p/bin/trade" growth --help
grep -qi '^usage: trade growth' "$tmp/out" && ok || bad "trade growth --help has no usage line"
grep -qi '^example' "$tmp/out" && ok || bad "trade growth --help has no example"
check "trade --version" -- "$p/bin/trade" --version
[ "$(cat "$tmp/out")" = "trade 0.1.0" ] && ok || bad "trade --version: $(cat "$tmp/out")"

# --- man pages ---------------------------------------------------------------
man1=$p/share/man/man1
# the troff source as plain text (\- is a minus, \fB..\fR fonts)
plain() { sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\e/\\/g' -e 's/\\&//g' "$1"; }
if command -v groff >/dev/null; then # not on every machine: CI may lack it
  for page in "$man1"/*.1; do
    groff -man -Tutf8 -ww -z "$page" 2>"$tmp/err" && [ ! -s "$tmp/err" ] && ok ||
      bad "$(basename "$page"): groff warnings: $(head -3 "$tmp/err")"
  done
fi
# one page per command of trade --help, each naming every option of its help
for c in $("$p/bin/trade" --help | awk '/^commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 }'); do
  [ -s "$man1/trade-$c.1" ] && ok || { bad "no man page for $c"; continue; }
  plain "$man1/trade-$c.1" >"$tmp/page.txt"
  grep -q "^\.TH TRADE-${c^^} 1" "$tmp/page.txt" && ok || bad "trade-$c.1 has no .TH"
  for opt in $("$p/bin/trade" "$c" --help 2>/dev/null | grep -oE -- '--[a-z][a-z0-9-]+' | sort -u); do
    grep -qF -- "$opt" "$tmp/page.txt" || bad "trade-$c.1 lacks $opt"
  done
done
plain "$man1/trade.1" | grep -q '^\.BR trade-growth (1)' && ok || bad "trade.1 does not refer to trade-growth(1)"
plain "$man1/trade-growth.1" | grep -A1 '^\.SH SYNOPSIS' | grep -q '^\.nf' && ok || bad "trade-growth.1 has no synopsis"
plain "$man1/trade-growth.1" | grep -q '^trade growth ' && ok || bad "trade-growth.1 synopsis lacks 'trade growth'"

# --- bash completion, driven as bash would -----------------------------------
comp() { # comp WORD... : the completions bash would offer for the last word
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _trade
           printf "%s\n" "${COMPREPLY[@]}"' _ "$p/share/bash-completion/completions/trade" "$@"
}
bash -c 'source "$1"; complete -p trade' _ "$p/share/bash-completion/completions/trade" | grep -q -- '-F _trade' &&
  ok || bad "completion does not register for trade"
[ "$(comp "$p/bin/trade" gro)" = growth ] && ok || bad "completion of 'trade gro': $(comp "$p/bin/trade" gro)"
comp "$p/bin/trade" "" | grep -qx validate && ok || bad "completion of commands lacks validate"
comp "$p/bin/trade" growth --f | grep -qx -- --format && ok || bad "completion of 'trade growth --f' lacks --format"
[ "$(comp "$p/bin/trade" cat --format j)" = jsonl ] && ok || bad "completion of --format j"
comp "$p/bin/trade" compare "" | grep -qx balance && ok || bad "completion of compare's modes lacks balance"
[ -z "$(comp "$p/bin/trade" validate "")" ] && ok || bad "completion after validate is not file names"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
