#!/usr/bin/env bash
# trade convert refuses a rate table that does not say one thing (issue 12,
# fix 8): conflicting rates for a pair and period, an inverse pair that is
# not inverse within rounding, an unknown currency and a EUR->EUR row are
# each FILE:LINE:COLUMN errors with exit 1 and no output; and it never
# writes a precision of 0 that trade validate refuses (issue 17). Positions
# are counted by hand: in "2011,EUR,USD,1.40" from is column 6, to 10, rate 14.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; lib_cleanup' EXIT
fail=0
cd "$tmp" || exit 2
printf 'reporter,partner,flow,period,value,unit,precision\nBEL,KAZ,export,2011,100,EUR,10\n' >obs.csv
refused() { # refused NAME "ERROR LINE" RATE-ROWS...
  local name=$1 want=$2; shift 2
  { echo period,from,to,rate; printf '%s\n' "$@"; } >"$name.csv"
  "$TRADE" convert --to USD --rates "$name.csv" obs.csv >out.csv 2>err.txt
  local rc=$?
  [ $rc -eq 1 ] || { echo "FAIL: $name: exit $rc, want 1"; fail=1; }
  [ "$(cat err.txt)" = "$want" ] || { echo "FAIL: $name: stderr '$(cat err.txt)', want '$want'"; fail=1; }
  [ -s out.csv ] && { echo "FAIL: $name: rows written"; fail=1; }
}
refused conflict "conflict.csv:3:14: rate table: conflicting rates for EUR to USD in 2011: 1.40 here, 1.30 at line 2" \
  2011,EUR,USD,1.30 2011,EUR,USD,1.40
refused inverse "inverse.csv:3:14: rate table: inconsistent inverse rates for 2011: USD to EUR 0.7 here, but line 2 states EUR to USD 1.25 (its inverse is 0.8)" \
  2011,EUR,USD,1.25 2011,USD,EUR,0.7
refused unknown "unknown.csv:2:10: rate table: unknown currency 'XXY' (an ISO 4217 code such as EUR)" \
  2011,EUR,XXY,1.25
refused same "same.csv:3:10: rate table: a rate from EUR to itself (leave it out: no conversion is needed)" \
  2011,EUR,USD,1.25 2011,EUR,EUR,1

# a consistent inverse pair is accepted and used: 100 EUR * 1.25 = 125 USD
printf 'period,from,to,rate\n2011,EUR,USD,1.25\n2011,USD,EUR,0.8\n' >ok.csv
got=$("$TRADE" convert --to USD --rates ok.csv obs.csv | tail -1 | cut -d, -f5-9)
[ "$got" = "125,USD,12.5,1.25,2011" ] || { echo "FAIL: convert with an inverse pair: $got"; fail=1; }

# precision 1e-200 at a rate of 1e-200 is 0 in doubles: an error, not a 0
z=$(printf '%0199d' 0)
printf 'period,from,to,rate\n2011,EUR,USD,0.%s1\n' "$z" >tiny.csv
printf 'reporter,partner,flow,period,value,unit,precision\nBEL,KAZ,export,2011,1,EUR,0.%s1\n' "$z" >tinyobs.csv
"$TRADE" convert --to USD --rates tiny.csv tinyobs.csv >out.csv 2>err.txt
rc=$?
if [ $rc -eq 0 ]; then
  "$TRADE" validate out.csv >/dev/null 2>&1 || { echo "FAIL: convert wrote what validate refuses"; fail=1; }
else
  [ $rc -eq 1 ] && grep -q '^tinyobs.csv:2:27: converted precision underflows' err.txt ||
    { echo "FAIL: precision underflow: exit $rc, $(cat err.txt)"; fail=1; }
fi

lib_valgrind_check || fail=1
[ $fail -eq 0 ] && echo "convert.sh: ok"
exit $fail
