#!/usr/bin/env bash
# indicators.sh - trade indicator, trade deflate and the bad-input cases of
# trade complexity, on small panels whose results are derived by hand in
# the comments.
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/indicators.XXXXXX")
trap 'rm -rf "$tmp"; lib_cleanup' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

# cell FILE COLUMN KEY=VALUE... : the COLUMN of the one row matching the keys
cell() {
    "$PY" - "$@" <<'PY'
import csv, sys
f, col, keys = sys.argv[1], sys.argv[2], [k.split("=", 1) for k in sys.argv[3:]]
rows = [r for r in csv.DictReader(open(f)) if all(r[k] == v for k, v in keys)]
print(rows[0][col] if len(rows) == 1 else "<%d rows>" % len(rows))
PY
}
# near GOT WANT: equal to 1e-12 relative
near() { "$PY" -c "import sys; g, w = sys.argv[1], float(sys.argv[2]); sys.exit(0 if g not in ('', ) and not g.startswith('<') and abs(float(g) - w) <= 1e-12 * max(1, abs(w)) else 1)" "$1" "$2"; }
check() { # FILE COLUMN WANT KEY=VALUE...
    local f=$1 col=$2 want=$3
    shift 3
    local got
    got=$(cell "$f" "$col" "$@")
    near "$got" "$want" || bad "$(basename "$f") $col $*: got '$got', want $want"
}

# Three countries, two products, bilateral exports:
#   BEL->FRA 01 100, BEL->DEU 02 50, FRA->BEL 01 30, FRA->DEU 02 70,
#   DEU->BEL 02 20, DEU->FRA 01 80
# X_BEL = 150, X_FRA = 100, X_DEU = 100, X_w = 350; x_w01 = 210, x_w02 = 140
cat >"$tmp/bil.csv" <<'CSV'
reporter,partner,flow,period,value,unit,product
BEL,FRA,export,2020,100,USD,01
BEL,DEU,export,2020,50,USD,02
FRA,BEL,export,2020,30,USD,01
FRA,DEU,export,2020,70,USD,02
DEU,BEL,export,2020,20,USD,02
DEU,FRA,export,2020,80,USD,01
CSV
for k in rca intensity complementarity similarity grubel-lloyd penetration normalized-balance; do
    "$TRADE" indicator "$k" "$tmp/bil.csv" -o "$tmp/$k.csv" || bad "indicator $k: exit $?"
done
# rca BEL 01 = (100/150) / (210/350) = 10/9
check "$tmp/rca.csv" value 1.1111111111111112 reporter=BEL product=01
# rca FRA 02 = (70/100) / (140/350) = 1.75
check "$tmp/rca.csv" value 1.75 reporter=FRA product=02
# intensity BEL->FRA: x_ij = 100, world to FRA = 100 + 80 = 180:
#   (100/150) / (180/350) = 35/27
check "$tmp/intensity.csv" value 1.2962962962962963 reporter=BEL partner=FRA
# complementarity BEL->DEU: BEL export shares 01 2/3, 02 1/3; DEU imports
#   (mirror) 01 0, 02 50 + 70 = 120 -> shares 0, 1;
#   100 (1 - (|0 - 2/3| + |1 - 1/3|) / 2) = 100/3
check "$tmp/complementarity.csv" value 33.333333333333329 reporter=BEL partner=DEU
# similarity BEL, FRA: shares BEL 2/3, 1/3; FRA 0.3, 0.7: 100 (0.3 + 1/3)
check "$tmp/similarity.csv" value 63.333333333333329 reporter=BEL partner=FRA
# grubel-lloyd BEL 01: x = 100, m = 30 (from FRA): 1 - 70/130 = 6/13
check "$tmp/grubel-lloyd.csv" value 0.46153846153846156 reporter=BEL product=01
# all products BEL: 01 (130 - 70), 02 x 50 m 20: (70 - 30); (60 + 40) / 200
check "$tmp/grubel-lloyd.csv" value 0.5 reporter=BEL product=
# normalized balance BEL 02: (50 - 20) / 70 = 3/7
check "$tmp/normalized-balance.csv" value 0.42857142857142855 reporter=BEL product=02
# penetration DEU 01: serves FRA; importers of 01 other than DEU: FRA, BEL: 50
check "$tmp/penetration.csv" value 50 reporter=DEU product=01
# --world wld without WLD rows: empty cells with a status
"$TRADE" indicator rca --world wld "$tmp/bil.csv" -o "$tmp/rcaw.csv" || bad "rca --world wld exit"
[ "$(cell "$tmp/rcaw.csv" value reporter=BEL product=01)" = "" ] || bad "rca --world wld: a value without WLD rows"
[ "$(cell "$tmp/rcaw.csv" status reporter=BEL product=01)" = "no WLD rows in this period" ] || bad "rca --world wld: status"
# with a WLD reporter row, the world is that row: WLD 01 = 420, 02 = 280
#   (twice the panel): rca BEL 01 = (100/150) / (420/700) = 10/9 again, and
#   WLD 01 set to 700 of 980: (100/150) / (700/980) = 14/15
{ cat "$tmp/bil.csv"; printf 'WLD,WLD,export,2020,700,USD,01\nWLD,WLD,export,2020,280,USD,02\n'; } >"$tmp/bilw.csv"
"$TRADE" indicator rca --world wld "$tmp/bilw.csv" -o "$tmp/rcaw2.csv" || bad "rca --world wld (rows) exit"
check "$tmp/rcaw2.csv" value 0.93333333333333335 reporter=BEL product=01
# --world auto: WLD rows where the period has them (as wld), else the sum
"$TRADE" indicator rca --world auto "$tmp/bilw.csv" -o "$tmp/rcaa.csv" || bad "rca --world auto exit"
check "$tmp/rcaa.csv" value 0.93333333333333335 reporter=BEL product=01
"$TRADE" indicator rca --world auto "$tmp/bil.csv" -o "$tmp/rcab.csv" || bad "rca --world auto (no WLD) exit"
check "$tmp/rcab.csv" value 1.1111111111111112 reporter=BEL product=01
case "$(cell "$tmp/rcab.csv" method reporter=BEL product=01)" in *"world sum of the panel") ;; *) bad "auto without WLD: method" ;; esac

# a panel of WLD partners only: no imports are known, so grubel-lloyd,
# normalized-balance, intensity and complementarity are empty with a status
printf 'reporter,partner,flow,period,value,unit,product\nBEL,WLD,export,2020,5,USD,01\nFRA,WLD,export,2020,5,USD,02\n' >"$tmp/wldonly.csv"
for k in grubel-lloyd normalized-balance intensity complementarity; do
    "$TRADE" indicator "$k" "$tmp/wldonly.csv" -o "$tmp/wo.csv" || bad "$k on WLD-only: exit"
    case "$(cell "$tmp/wo.csv" status reporter=BEL)" in "the panel has no partner rows"*) ;; *) bad "$k on WLD-only: $(cell "$tmp/wo.csv" status reporter=BEL)" ;; esac
    [ "$(cell "$tmp/wo.csv" value reporter=BEL)" = "" ] || bad "$k on WLD-only: a value"
done

# unit values: BEL 01 has 100 USD and 4 t from FRA, 50 USD and no quantity
# row from DEU: 150 USD / 4 t = 37.5, an upper bound; FRA 01: 0 t
cat >"$tmp/uv.csv" <<'CSV'
reporter,partner,flow,period,value,unit,product,qualifier
BEL,FRA,export,2020,100,USD,01,
BEL,FRA,export,2020,4,t,01,
BEL,DEU,export,2020,50,USD,01,
FRA,BEL,export,2020,30,USD,01,
FRA,BEL,export,2020,0,t,01,
DEU,BEL,export,2020,20,USD,02,
DEU,BEL,export,2020,2,t,02,lower_bound
NLD,BEL,export,2020,90,USD,02,
NLD,BEL,export,2020,3,t,02,
CSV
"$TRADE" indicator unit-value "$tmp/uv.csv" -o "$tmp/uvout.csv" || bad "unit-value exit"
check "$tmp/uvout.csv" unit_value 37.5 reporter=BEL product=01
[ "$(cell "$tmp/uvout.csv" qualifier reporter=BEL product=01)" = upper_bound ] || bad "unit-value: BEL 01 not an upper bound"
[ "$(cell "$tmp/uvout.csv" qualifier reporter=DEU product=02)" = upper_bound ] || bad "unit-value: lower_bound tonnes not an upper bound"
[ "$(cell "$tmp/uvout.csv" quantity_qualifier reporter=DEU product=02)" = lower_bound ] || bad "unit-value: tonnes not marked lower_bound"
check "$tmp/uvout.csv" unit_value 30 reporter=NLD product=02
[ "$(cell "$tmp/uvout.csv" qualifier reporter=NLD product=02)" = "" ] || bad "unit-value: NLD qualified"
[ "$(cell "$tmp/uvout.csv" unit_value reporter=FRA product=01)" = "" ] || bad "unit-value: zero tonnes gave a value"
[ "$(cell "$tmp/uvout.csv" status reporter=FRA product=01)" = "quantity is zero" ] || bad "unit-value: zero tonnes status"
"$TRADE" indicator unit-value --by-partner "$tmp/uv.csv" -o "$tmp/uvp.csv" || bad "unit-value --by-partner exit"
check "$tmp/uvp.csv" unit_value 25 reporter=BEL partner=FRA product=01

# deflate: index 100 (2019), 101 (2020), 110 (2022), a gap in 2021
cat >"$tmp/defl.csv" <<'CSV'
period,currency,index
2019,USD,100
2020,USD,101
2022,USD,110
CSV
cat >"$tmp/flows.csv" <<'CSV'
reporter,partner,flow,period,value,unit
BEL,FRA,export,2019,100,USD
BEL,FRA,export,2020,110,USD
BEL,FRA,export,2021,120,USD
BEL,FRA,export,2022-Q1,30,USD
BEL,FRA,export,2022,5,t
CSV
"$TRADE" deflate --deflators "$tmp/defl.csv" --base 2020 "$tmp/flows.csv" -o "$tmp/real.csv" || bad "deflate exit"
# 2019: 100 x 101/100 = 101; 2022-Q1 takes 2022: 30 x 101/110
check "$tmp/real.csv" value 101 period=2019
check "$tmp/real.csv" value 27.545454545454547 period=2022-Q1
[ "$(cell "$tmp/real.csv" value period=2021)" = "" ] || bad "deflate: the gap kept a value"
[ "$(cell "$tmp/real.csv" status period=2021)" = "no deflator for USD in 2021 (a gap in the table between 2020 and 2022)" ] || bad "deflate: gap status"
[ "$(cell "$tmp/real.csv" value period=2022)" = 5 ] || bad "deflate: tonnes changed"
# real growth 2019 -> 2020 at 2020 prices: 110 / 101 - 1
"$TRADE" deflate --deflators "$tmp/defl.csv" --base 2020 --skip-missing "$tmp/flows.csv" 2>/dev/null |
    "$TRADE" growth - -o "$tmp/growth.csv" || bad "deflate | growth exit"
check "$tmp/growth.csv" growth_pct 8.9108910891089188 period_from=2019 period_to=2020
# a duplicate deflator: located at the second row's period
printf 'period,currency,index\n2019,USD,100\n2019,USD,101\n' >"$tmp/dup.csv"
"$TRADE" deflate --deflators "$tmp/dup.csv" --base 2019 "$tmp/flows.csv" >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] || bad "deflate duplicate: exit not 1"
grep -q "dup.csv:3:1: deflator table: a second index for USD in 2019 (first on line 2)" "$tmp/err" || bad "deflate duplicate message: $(cat "$tmp/err")"
printf 'period,currency,index\n2019,USD,0\n' >"$tmp/zero.csv"
"$TRADE" deflate --deflators "$tmp/zero.csv" --base 2019 "$tmp/flows.csv" >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] && grep -q "zero.csv:2:10: deflator table: index '0' is not a plain number above 0" "$tmp/err" || bad "deflate zero index: $(cat "$tmp/err")"
"$TRADE" deflate --deflators "$tmp/defl.csv" --base 2005 "$tmp/flows.csv" -o "$tmp/nobase.csv" || bad "deflate base missing exit"
[ "$(cell "$tmp/nobase.csv" status period=2019)" = "base year: no deflator for USD in 2005 (outside the table)" ] || bad "deflate missing base: $(cell "$tmp/nobase.csv" status period=2019)"

# a table keyed by reporter: BEL's own index (EUR values, USD ones alike)
printf 'period,reporter,index\n2019,BEL,80\n2020,BEL,100\n' >"$tmp/byrep.csv"
printf 'reporter,partner,flow,period,value,unit\nBEL,FRA,export,2019,40,EUR\nFRA,BEL,export,2019,40,EUR\n' >"$tmp/eur.csv"
"$TRADE" deflate --deflators "$tmp/byrep.csv" --base 2020 "$tmp/eur.csv" -o "$tmp/byrep_out.csv" || bad "deflate by reporter exit"
check "$tmp/byrep_out.csv" value 50 reporter=BEL
[ "$(cell "$tmp/byrep_out.csv" status reporter=FRA)" = "base year: no deflator for FRA at all" ] || bad "deflate by reporter: FRA status"

# complexity: bad input
printf 'reporter,partner,flow,period,value,unit,product\nBEL,FRA,export,2020,5,USD,01\nBEL,FRA,export,2020,-5,USD,02\n' >"$tmp/neg.csv"
"$TRADE" complexity "$tmp/neg.csv" >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] && grep -q "neg.csv:3:21: negative value -5 in a panel" "$tmp/err" || bad "negative value: $(cat "$tmp/err")"
printf 'reporter,partner,flow,period,value,unit\nBEL,FRA,export,2020,5,USD\n' >"$tmp/noprod.csv"
"$TRADE" complexity "$tmp/noprod.csv" >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] && grep -q "a panel needs a product column" "$tmp/err" || bad "no product column: $(cat "$tmp/err")"
# the same figure from two sources, and a rounded restatement with a
# qualifier: one figure per period (the series rule: exact before approx),
# so BEL 01 is 5, not 10 or 15
printf 'reporter,partner,flow,period,value,unit,product,source,qualifier\nBEL,FRA,export,2020,5,USD,01,a,\nBEL,FRA,export,2020,5,USD,01,b,\nBEL,FRA,export,2020,5,USD,01,c,approx\nFRA,BEL,export,2020,5,USD,02,a,\n' >"$tmp/twice.csv"
"$TRADE" complexity "$tmp/twice.csv" -o "$tmp/twice_out.csv" 2>"$tmp/err" || bad "same figure twice: exit $?: $(cat "$tmp/err")"
[ "$(cell "$tmp/twice_out.csv" value reporter=BEL product=01)" = 5 ] || bad "same figure twice: counted $(cell "$tmp/twice_out.csv" value reporter=BEL product=01)"
# A product no one exports (04) and a country with no exports (NLD): their
# rows have empty cells and a status; the others are computed without them:
#   BEL 01 10, 02 1; FRA 01 1, 02 10, 03 5; DEU 02 5, 03 10
cat >"$tmp/holes.csv" <<'CSV'
reporter,partner,flow,period,value,unit,product
BEL,WLD,export,2020,10,USD,01
BEL,WLD,export,2020,1,USD,02
FRA,WLD,export,2020,1,USD,01
FRA,WLD,export,2020,10,USD,02
FRA,WLD,export,2020,5,USD,03
DEU,WLD,export,2020,5,USD,02
DEU,WLD,export,2020,10,USD,03
DEU,WLD,export,2020,0,USD,04
NLD,WLD,export,2020,0,USD,01
CSV
"$TRADE" complexity "$tmp/holes.csv" -o "$tmp/holes_out.csv" || bad "complexity holes exit"
[ "$(cell "$tmp/holes_out.csv" status reporter=NLD product=02)" = "reporter has no exports in this period" ] || bad "no-export country status"
[ "$(cell "$tmp/holes_out.csv" status reporter=BEL product=04)" = "no reporter exports this product in this period" ] || bad "no-one product status"
# rca BEL 01 = (10/11) / (11/42) = 420/121
check "$tmp/holes_out.csv" rca 3.4710743801652892 reporter=BEL product=01
grep -qi nan "$tmp/holes_out.csv" && bad "NaN in the complexity output"
# population missing a country: its rows have a status, the others are computed
printf 'reporter,period,population\nBEL,2020,11\nFRA,2020,67\nDEU,2020,83\n' >"$tmp/pop.csv"
"$TRADE" complexity --presence rpop --population "$tmp/pop.csv" "$tmp/holes.csv" -o "$tmp/rpop.csv" || bad "rpop exit"
case "$(cell "$tmp/rpop.csv" status reporter=NLD product=01)" in "no population for this reporter and period"*) ;; *) bad "missing population status" ;; esac
# rpop BEL 01 = (10 / 11) / (11 / 161)
check "$tmp/rpop.csv" rpop 13.305785123966942 reporter=BEL product=01
printf 'reporter,period,population\nBEL,2020,11\nBEL,2020,12\n' >"$tmp/popdup.csv"
"$TRADE" complexity --presence rpop --population "$tmp/popdup.csv" "$tmp/holes.csv" >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] && grep -q "popdup.csv:3:1: population table: a second row for BEL in the same period" "$tmp/err" || bad "population duplicate: $(cat "$tmp/err")"
printf 'reporter,period,population\nBEL,2020,-1\n' >"$tmp/popneg.csv"
"$TRADE" complexity --presence rpop --population "$tmp/popneg.csv" "$tmp/holes.csv" >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] && grep -q "popneg.csv:2:10: population table: population '-1' is not a plain number above 0" "$tmp/err" || bad "population negative: $(cat "$tmp/err")"
"$TRADE" complexity --presence rpop "$tmp/holes.csv" >/dev/null 2>&1
[ $? -eq 2 ] || bad "rpop without --population: exit not 2"
for f in "$tmp"/*.csv; do grep -qiw nan "$f" && bad "NaN in $(basename "$f")"; done

lib_valgrind_check || fail=1
[ $fail -eq 0 ] && echo "indicators: all passed"
exit $fail
