#!/usr/bin/env bash
# trade import: BACI and Comtrade files with hand-computed expected output,
# unknown codes (located error, exit 1; --keep-unknown; --countries),
# split-then-merge equals one run (two and three parts, any order), output
# that trade validate accepts, usage errors (exit 2), no progress bar when
# stderr is not a terminal.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
d="$SRCDIR/tests/data/import"
fail=0
check() { # name expected-file actual-file
  if ! diff -u "$2" "$3"; then echo "FAIL: $1"; fail=1; fi
}

# baci_small.csv by hand (v in thousands of USD, q in tonnes):
# 2020 BEL->FRA 1.5 + 2.25 + 0.001 = 3.751 -> 3751 USD (q: 2, NA, empty)
# 2020 FRA->BEL 100 -> 100000; 2020 USA(842)->IND(699) 3 -> 3000 (its k
# field "0101""x" has a doubled quote); 2021 BEL->FRA 2.5 -> 2500 (CRLF)
cat >"$tmp/exp_total.csv" <<'X'
reporter,partner,flow,period,value,unit,source
BEL,FRA,export,2020,3751,USD,baci_small.csv
FRA,BEL,export,2020,100000,USD,baci_small.csv
USA,IND,export,2020,3000,USD,baci_small.csv
BEL,FRA,export,2021,2500,USD,baci_small.csv
X
"$TRADE" import baci "$d/baci_small.csv" -o "$tmp/total.csv" 2>"$tmp/err" || { echo "FAIL: baci exit"; fail=1; }
check "baci total" "$tmp/exp_total.csv" "$tmp/total.csv"
[ -s "$tmp/err" ] && { echo "FAIL: stderr not empty (progress bar without a terminal?)"; cat "$tmp/err"; fail=1; }
"$TRADE" validate "$tmp/total.csv" || { echo "FAIL: output does not validate"; fail=1; }

# hs2 with quantities: 010121 and 10121 (leading zero restored) -> 01:
# 1.5 + 0.001 = 1.501 thousand, 2 t from one of the two rows -> lower_bound
cat >"$tmp/exp_hs2.csv" <<'X'
reporter,partner,flow,period,value,unit,product,qualifier,source
BEL,FRA,export,2020,1501,USD,01,,baci_small.csv
BEL,FRA,export,2020,2,t,01,lower_bound,baci_small.csv
BEL,FRA,export,2020,2250,USD,02,,baci_small.csv
FRA,BEL,export,2020,100000,USD,84,,baci_small.csv
FRA,BEL,export,2020,1.5,t,84,,baci_small.csv
USA,IND,export,2020,3000,USD,01,,baci_small.csv
USA,IND,export,2020,4,t,01,,baci_small.csv
BEL,FRA,export,2021,2500,USD,01,,baci_small.csv
BEL,FRA,export,2021,1,t,01,,baci_small.csv
X
"$TRADE" import baci --level hs2 --with-quantity "$d/baci_small.csv" >"$tmp/hs2.csv" || fail=1
check "baci hs2 quantity" "$tmp/exp_hs2.csv" "$tmp/hs2.csv"
"$TRADE" validate "$tmp/hs2.csv" || { echo "FAIL: hs2 output does not validate"; fail=1; }

# unknown code: line 4, column 9 ("2020,56,999,..."); 490 on line 3 is
# built in as X490
"$TRADE" import baci "$d/baci_unknown.csv" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -eq 1 ] || { echo "FAIL: unknown code exit $rc, expected 1"; fail=1; }
grep -q "baci_unknown.csv:4:9: " "$tmp/err" || { echo "FAIL: unknown code location"; cat "$tmp/err"; fail=1; }
cat >"$tmp/exp_keep.csv" <<'X'
reporter,partner,flow,period,value,unit,source
BEL,FRA,export,2020,1500,USD,baci_unknown.csv
BEL,LUX,export,2020,7000,USD,baci_unknown.csv
X490,BEL,export,2020,7000,USD,baci_unknown.csv
X
"$TRADE" import baci --keep-unknown --countries "$d/country_codes_test.csv" "$d/baci_unknown.csv" >"$tmp/keep.csv" || fail=1
check "keep-unknown + countries" "$tmp/exp_keep.csv" "$tmp/keep.csv"
"$TRADE" validate "$tmp/keep.csv" || { echo "FAIL: X490 does not validate"; fail=1; }

# Comtrade: TOTAL rows; motCode 1000 is a breakdown and DX part of X
cat >"$tmp/exp_ct.csv" <<'X'
reporter,partner,flow,period,value,unit,source
BEL,FRA,export,2020,1234.5,USD,comtrade_small.csv
BEL,FRA,import,2020,200,USD,comtrade_small.csv
BEL,FRA,reexport,2020,30,USD,comtrade_small.csv
BEL,WLD,export,2020,5000,USD,comtrade_small.csv
X
"$TRADE" import comtrade "$d/comtrade_small.csv" >"$tmp/ct.csv" || fail=1
check "comtrade total" "$tmp/exp_ct.csv" "$tmp/ct.csv"

# monthly Comtrade: period YYYYMM -> YYYY-MM, sorted by period; W00 -> WLD
printf 'freqCode,refYear,refMonth,period,reporterISO,flowCode,partnerISO,cmdCode,primaryValue\nM,2020,2,202002,BEL,X,FRA,TOTAL,20\nM,2020,1,202001,BEL,X,FRA,TOTAL,10.5\nM,2020,1,202001,BEL,M,W00,TOTAL,7\n' >"$tmp/ctm.csv"
printf 'reporter,partner,flow,period,value,unit,source\nBEL,FRA,export,2020-01,10.5,USD,ctm.csv\nBEL,WLD,import,2020-01,7,USD,ctm.csv\nBEL,FRA,export,2020-02,20,USD,ctm.csv\n' >"$tmp/exp_ctm.csv"
"$TRADE" import comtrade "$tmp/ctm.csv" >"$tmp/ctm_out.csv" || fail=1
check "comtrade monthly" "$tmp/exp_ctm.csv" "$tmp/ctm_out.csv"

# fine decimals (as a generator that prints full floats writes them) stay
# exact: 0.0123456789 + 1.000000001 + 1e-3 thousand USD = 12.3456789 +
# 1000.000001 + 1 = 1013.3456799 USD; 1e-7 t from one row of three
printf 'reporter,partner,flow,period,value,unit,qualifier,source\nBEL,FRA,export,2020,1013.3456799,USD,,baci_decimals.csv\nBEL,FRA,export,2020,0.0000001,t,lower_bound,baci_decimals.csv\n' >"$tmp/exp_dec.csv"
"$TRADE" import baci --with-quantity "$d/baci_decimals.csv" >"$tmp/dec.csv" || fail=1
check "fine decimals" "$tmp/exp_dec.csv" "$tmp/dec.csv"

# several files in one call: the small file twice doubles every value
"$TRADE" import baci "$d/baci_small.csv" "$d/baci_small.csv" >"$tmp/twice.csv" || fail=1
awk -F, 'NR==1{print;next}{OFS=",";$5=$5*2;print}' "$tmp/exp_total.csv" >"$tmp/exp_twice.csv"
check "two files" "$tmp/exp_twice.csv" "$tmp/twice.csv"

# split-then-merge equals one run: a generated panel cut into parts at
# line starts (each part keeps the header), map with --partial, reduce
# with merge, in a different order
python3 "$SRCDIR/bench/gen_baci.py" 60000 "$tmp/panel.csv" 7
for level in total hs4; do
  "$TRADE" import baci --level $level --with-quantity "$tmp/panel.csv" -o "$tmp/one_$level.csv" || fail=1
  rm -f "$tmp"/part_*
  tail -n +2 "$tmp/panel.csv" | split -l 23000 - "$tmp/part_"
  for p in "$tmp"/part_*; do
    { head -1 "$tmp/panel.csv"; cat "$p"; } >"$p.csv"
    "$TRADE" import baci --partial --level $level --with-quantity --source panel.csv "$p.csv" -o "$p.partial" || fail=1
  done
  ls "$tmp"/part_*.partial | wc -l | grep -q 3 || { echo "FAIL: expected 3 parts"; fail=1; }
  "$TRADE" import merge --with-quantity $(ls "$tmp"/part_*.partial | sort -r) -o "$tmp/merged_$level.csv" || fail=1
  check "split-then-merge $level" "$tmp/one_$level.csv" "$tmp/merged_$level.csv"
  # a merge of merges (a tree reduce) too
  "$TRADE" import merge --partial "$tmp"/part_aa.partial "$tmp"/part_ab.partial -o "$tmp/ab.partial" || fail=1
  "$TRADE" import merge --with-quantity "$tmp/ab.partial" "$tmp"/part_ac.partial -o "$tmp/tree_$level.csv" || fail=1
  check "tree merge $level" "$tmp/one_$level.csv" "$tmp/tree_$level.csv"
done
# and the total agrees with an independent sum (python Decimal)
python3 - "$tmp/panel.csv" "$tmp/one_total.csv" <<'PY' || { echo "FAIL: total differs from python"; fail=1; }
import csv, sys
from decimal import Decimal
src = sum(Decimal(r["v"]) for r in csv.DictReader(open(sys.argv[1]))) * 1000
out = sum(Decimal(r["value"]) for r in csv.DictReader(open(sys.argv[2])) if r["unit"] == "USD")
sys.exit(0 if src == out else print(src, out) or 1)
PY

# the map step on stdin, parts without a header (as a streaming engine
# cuts them), and a reduce step that gets its parts concatenated and sorted
# (the header lines land in the middle)
tail -n +2 "$tmp/panel.csv" | split -l 20000 - "$tmp/raw_"
for p in "$tmp"/raw_a?; do
  "$TRADE" import baci --partial --source panel.csv <"$p" >"$p.partial" || { echo "FAIL: map on stdin"; fail=1; }
done
cat "$tmp"/raw_a?.partial | sort | "$TRADE" import merge >"$tmp/streamed.csv" || { echo "FAIL: merge on stdin"; fail=1; }
grep -v ',t,' "$tmp/one_total.csv" | cut -d, -f1-6,8 >"$tmp/one_usd.csv"
check "streaming map/reduce (sorted parts)" "$tmp/one_usd.csv" "$tmp/streamed.csv"

# usage errors
"$TRADE" import --help | grep -q "trade import baci" || { echo "FAIL: --help"; fail=1; }
"$TRADE" import baci --bogus "$d/baci_small.csv" >/dev/null 2>&1; [ $? -eq 2 ] || { echo "FAIL: bad option exit"; fail=1; }
"$TRADE" import baci --level hs3 "$d/baci_small.csv" >/dev/null 2>&1; [ $? -eq 2 ] || { echo "FAIL: bad level exit"; fail=1; }
"$TRADE" import frobnicate x >/dev/null 2>&1; [ $? -eq 2 ] || { echo "FAIL: bad kind exit"; fail=1; }
"$TRADE" import baci "$tmp/missing.csv" >/dev/null 2>&1; [ $? -eq 2 ] || { echo "FAIL: missing file exit"; fail=1; }
"$TRADE" import merge "$d/baci_small.csv" >/dev/null 2>&1; [ $? -eq 1 ] || { echo "FAIL: merge of a non-partial file"; fail=1; }
# a failed import leaves an existing -o file alone
echo keep >"$tmp/existing.csv"
"$TRADE" import baci "$d/baci_unknown.csv" -o "$tmp/existing.csv" 2>/dev/null
grep -q keep "$tmp/existing.csv" || { echo "FAIL: -o clobbered on failure"; fail=1; }

# a group sum of 20 significant digits (thousand USD 010123456789 +
# 1.000000001 + 202063 = 10123658853000.000001 USD, by hand) goes through
# --partial and merge exactly as one run writes it (found by fuzz_import)
printf 't,i,j,k,v,q\n2020,56,251,010121,010123456789,0.0000001\n2020,56,251,010121,1.000000001,\n2020,56,251,010121,202063,NA\n' >"$tmp/long.csv"
"$TRADE" import baci "$tmp/long.csv" >"$tmp/long.one" || { echo "FAIL: import of 20-digit sums"; fail=1; }
grep -q ',10123658853000.000001,USD,' "$tmp/long.one" || { echo "FAIL: 20-digit sum: $(cat "$tmp/long.one")"; fail=1; }
"$TRADE" import baci --partial "$tmp/long.csv" -o "$tmp/long.partial" &&
    "$TRADE" import merge "$tmp/long.partial" >"$tmp/long.merged" &&
    cmp -s "$tmp/long.one" "$tmp/long.merged" || { echo "FAIL: merge of a 20-digit partial sum differs"; fail=1; }

exit $fail
