#!/usr/bin/env bash
# --where on the command line: every operator, OR on one column and AND
# across columns, the exit code and message of an unknown column (cat, a
# series command and extract, which filters its own rows). The expected
# rows are read off the inline input by hand.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; lib_cleanup' EXIT
fail=0
cat >"$tmp/in.csv" <<'CSV'
reporter,partner,flow,period,value,unit
BEL,KAZ,export,2011,100,EUR
BEL,KAZ,import,2011,250,EUR
LUX,KAZ,export,2011,1000,EUR
KAZ,BEL,export,2011,-5,EUR
CSV
values() { "$TRADE" cat "$@" "$tmp/in.csv" | tail -n +2 | cut -d, -f5 | tr '\n' ' '; }
check() { # check WANT ARGS...
  local want=$1; shift
  local got; got=$(values "$@")
  [ "$got" = "$want" ] || { echo "FAIL: cat $*: got '$got', want '$want'"; fail=1; }
}
check "100 1000 -5 " --where flow=export
check "250 " --where 'flow!=export'
check "-5 " --where 'value<0'
check "100 -5 " --where 'value<=100'
check "1000 " --where 'value>250'
check "250 1000 " --where 'value>=250'
check "1000 -5 " --where 'reporter~^(LUX|KAZ)$'
check "100 250 1000 " --where reporter=BEL --where reporter=LUX
check "250 1000 " --where flow=export --where flow=import --where 'value>100'

"$TRADE" cat --where flw=export "$tmp/in.csv" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -eq 2 ] || { echo "FAIL: unknown column: exit $rc, want 2"; fail=1; }
grep -qx "trade: --where: no column 'flw'; the columns are: reporter, partner, flow, period, value, unit" "$tmp/err" ||
  { echo "FAIL: unknown column message: $(cat "$tmp/err")"; fail=1; }
[ -s "$tmp/out" ] && { echo "FAIL: rows written despite the error"; fail=1; }
"$TRADE" growth --where flw=export "$tmp/in.csv" >/dev/null 2>&1
[ $? -eq 2 ] || { echo "FAIL: growth with an unknown --where column: not exit 2"; fail=1; }
"$TRADE" cat --where 'value>lots' "$tmp/in.csv" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "not a number" "$tmp/err" || { echo "FAIL: value>lots not refused"; fail=1; }

# extract filters its own rows with the same conditions
printf 'Belgian exports to Kazakhstan were EUR 120 million in 2011 and EUR 90 million in 2010.\n' >"$tmp/t.txt"
n=$("$TRADE" extract --where 'value>100000000' "$tmp/t.txt" | tail -n +2 | wc -l)
[ "$n" -eq 1 ] || { echo "FAIL: extract --where value>1e8: $n rows, want 1"; fail=1; }
"$TRADE" extract --where nope=1 "$tmp/t.txt" >/dev/null 2>&1
[ $? -eq 2 ] || { echo "FAIL: extract with an unknown --where column: not exit 2"; fail=1; }

lib_valgrind_check || fail=1
[ $fail -eq 0 ] && echo "where.sh: ok"
exit $fail
