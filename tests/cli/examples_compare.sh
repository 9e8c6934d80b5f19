#!/usr/bin/env bash
# examples/compare.c and examples/convert.c, programs on <trade/trade.h>
# only, write byte for byte what `trade compare` and `trade convert` write,
# on the datasets and on the test data (every compare mode, with options).
set -u
: "${TRADE:?}" "${SRCDIR:?}" "${BINDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; lib_cleanup' EXIT
fail=0
ex=$BINDIR/examples
for e in compare convert; do
  [ -x "$ex/$e" ] || { echo "FAIL: $ex/$e not built"; exit 1; }
done
cd "$SRCDIR" || exit 2
D=$(ls datasets/*.csv)
S=tests/data/stats/flows.csv
same() { # same NAME EXAMPLE-ARGS -- TRADE-ARGS
  local name=$1; shift
  local eargs=()
  while [ "$1" != -- ]; do eargs+=("$1"); shift; done
  shift
  "$ex/${eargs[0]}" "${eargs[@]:1}" >"$tmp/ex.out" 2>"$tmp/ex.err"; local erc=$?
  "$TRADE" "$@" >"$tmp/cmd.out" 2>/dev/null; local crc=$?
  [ $erc -eq $crc ] || { echo "FAIL: $name: example exit $erc, trade exit $crc: $(head -2 "$tmp/ex.err")"; fail=1; }
  cmp -s "$tmp/ex.out" "$tmp/cmd.out" || { echo "FAIL: $name: outputs differ"; diff "$tmp/ex.out" "$tmp/cmd.out" | head -5; fail=1; }
  [ -s "$tmp/cmd.out" ] || [ $crc -ne 0 ] || { echo "FAIL: $name: empty output"; fail=1; }
}
for files in "$D" "$S"; do
  # shellcheck disable=SC2086
  {
    for m in balance coverage total share hhi mirror; do
      same "compare $m" compare $m $files -- compare $m $files
    done
    same "compare index" compare index --base 2011 $files -- compare index --base 2011 $files
    same "compare share --of WLD" compare share --of WLD $files -- compare share --of WLD $files
    same "compare hhi --of WLD" compare hhi --of WLD $files -- compare hhi --of WLD $files
    same "compare share --keep-aggregates" compare share --keep-aggregates $files -- compare share --keep-aggregates $files
    same "compare share --group" compare share --group reporter,period $files -- compare share --group reporter,period $files
  }
done
printf 'period,from,to,rate\n2010,EUR,USD,1.3\n2011,USD,EUR,0.8\n2012,EUR,USD,1.25\n2012-01/2012-10,EUR,USD,1.2\n' >"$tmp/rates.csv"
# shellcheck disable=SC2086
same "convert datasets" convert USD tests/data/golden/rates.csv $D -- convert --to USD --rates tests/data/golden/rates.csv $D
same "convert flows" convert USD "$tmp/rates.csv" $S -- convert --to USD --rates "$tmp/rates.csv" $S
same "convert golden rates" convert USD tests/data/golden/rates.csv $S -- convert --to USD --rates tests/data/golden/rates.csv $S
printf 'period,from,to,rate\n2011,EUR,USD,1.30\n2011,EUR,USD,1.40\n' >"$tmp/conflict.csv"
same "convert conflicting rates" convert USD "$tmp/conflict.csv" $S -- convert --to USD --rates "$tmp/conflict.csv" $S
lib_valgrind_check || fail=1
[ $fail -eq 0 ] && echo "examples_compare.sh: ok"
exit $fail
