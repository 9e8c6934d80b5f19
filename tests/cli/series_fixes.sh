#!/usr/bin/env bash
# series_fixes.sh - the issue-12 semantics of growth, fit, stats and rank,
# one case per numbered fix, each with its expectation worked out by hand
# in the comment above it. Each case failed before the series module.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/trade-fixes.XXXXXX")
trap 'rm -rf "$tmp"; lib_cleanup' EXIT
fail=0
ok() { :; }
bad() { echo "FAIL: $*" >&2; fail=$((fail + 1)); }
# cell FILE ROW COLUMN: the cell of data row ROW (1-based) under COLUMN
cell() {
    python3 -c 'import csv,sys
rows=list(csv.DictReader(open(sys.argv[1])))
r=int(sys.argv[2])
print(rows[r-1][sys.argv[3]] if r<=len(rows) else "<no row %d>" % r)' "$1" "$2" "$3"
}
# col FILE COLUMN: the cells of COLUMN, each followed by a space
col() { python3 -c 'import csv,sys; print("".join(r[sys.argv[2]] + " " for r in csv.DictReader(open(sys.argv[1]))))' "$1" "$2"; }
nrows() { python3 -c 'import csv,sys; print(len(list(csv.DictReader(open(sys.argv[1])))))' "$1"; }
want() { # what got expected
    [ "$2" = "$3" ] && ok || bad "$1: got '$2', want '$3'"
}
near() { # what got expected: numbers equal to 1e-12 relative (valgrind's
    # arithmetic differs from the CPU's in the last digit)
    python3 -c 'import sys
g, w = sys.argv[1], float(sys.argv[2])
sys.exit(0 if g != "" and abs(float(g) - w) <= 1e-12 * max(1, abs(w)) else 1)' "$2" "$3" && ok ||
        bad "$1: got '$2', want $3"
}
H=reporter,partner,flow,period,value,unit,precision,qualifier,source

# fix 2: 2012 (a), 2012-01/2012-12 (b), 2012 (c) are one period; all exact
# with written precision 100, so a's 200 stands for it (the first). growth:
# one row 2011 -> 2012, 100 -> 200; stats: n = 2, mean 150.
printf '%s\n' $H BEL,KAZ,export,2011,100,EUR,,,a BEL,KAZ,export,2012,200,EUR,,,a \
    BEL,KAZ,export,2012-01/2012-12,300,EUR,,,b BEL,KAZ,export,2012,400,EUR,,,c >"$tmp/f2.csv"
"$TRADE" growth "$tmp/f2.csv" >"$tmp/g2.csv" || bad "fix 2 growth: exit $?"
want "fix 2 growth rows" "$(nrows "$tmp/g2.csv")" 1
want "fix 2 growth value_to" "$(cell "$tmp/g2.csv" 1 value_to)" 200
near "fix 2 growth_pct" "$(cell "$tmp/g2.csv" 1 growth_pct)" 100
"$TRADE" stats "$tmp/f2.csv" >"$tmp/s2.csv" || bad "fix 2 stats: exit $?"
want "fix 2 stats rows" "$(nrows "$tmp/s2.csv")" 1
want "fix 2 stats n" "$(cell "$tmp/s2.csv" 1 n)" 2
near "fix 2 stats mean" "$(cell "$tmp/s2.csv" 1 mean)" 150

# fix 14: 101000000 with precision 1000000 against 100400000 with none: the
# written precision of 100400000 is 100000, finer, so it stands for 2012:
# growth from 100000000 is 0.4 % (value_to 100400000).
printf '%s\n' $H BEL,KAZ,export,2011,100000000,EUR,1000000,,a \
    BEL,KAZ,export,2012,101000000,EUR,1000000,,a BEL,KAZ,export,2012,100400000,EUR,,,b >"$tmp/f14.csv"
"$TRADE" growth "$tmp/f14.csv" >"$tmp/g14.csv" || bad "fix 14: exit $?"
want "fix 14 value_to" "$(cell "$tmp/g14.csv" 1 value_to)" 100400000

# fix 6: a stock is never annualized: fdi_stock 2011 = 100 then
# 2012-01/2012-06 = 60 would be 60 x 12/6 = 120, +20 %; it stays empty with
# a status that says why.
printf '%s\n' $H BEL,KAZ,fdi_stock,2011,100,EUR,,,a BEL,KAZ,fdi_stock,2012-01/2012-06,60,EUR,,,a \
    BEL,KAZ,export,2011,100,EUR,,,a BEL,KAZ,export,2012-01/2012-06,60,EUR,,,a >"$tmp/f6.csv"
"$TRADE" growth --annualize-partial "$tmp/f6.csv" >"$tmp/g6.csv" || bad "fix 6: exit $?"
want "fix 6 stock growth_pct" "$(cell "$tmp/g6.csv" 1 growth_pct)" ""
case "$(cell "$tmp/g6.csv" 1 status)" in *stock*) ok ;; *) bad "fix 6: stock status '$(cell "$tmp/g6.csv" 1 status)'" ;; esac
near "fix 6 flow growth_pct (60 x 2 = 120 against 100)" "$(cell "$tmp/g6.csv" 2 growth_pct)" 20

# fix 7: months 2011-01 = 100, 2011-02 = 110, 2012-01 = 120, 2012-02 = 121.
# --yoy: 2011-01 -> 2012-01 = +20 %, 2011-02 -> 2012-02 = +10 %, one year
# apart so cagr = growth. Default (month on month): 2011-01 -> 2011-02 is
# +10 % with no CAGR (not 1.1^12 - 1 = 213.8 %), and a status.
printf '%s\n' $H BEL,KAZ,export,2011-01,100,EUR,,,a BEL,KAZ,export,2011-02,110,EUR,,,a \
    BEL,KAZ,export,2012-01,120,EUR,,,a BEL,KAZ,export,2012-02,121,EUR,,,a >"$tmp/f7.csv"
"$TRADE" growth --yoy "$tmp/f7.csv" >"$tmp/g7.csv" || bad "fix 7 --yoy: exit $?"
want "fix 7 yoy rows" "$(nrows "$tmp/g7.csv")" 2
want "fix 7 yoy 1 from" "$(cell "$tmp/g7.csv" 1 period_from)" 2011-01
near "fix 7 yoy 1 growth" "$(cell "$tmp/g7.csv" 1 growth_pct)" 20
near "fix 7 yoy 2 growth" "$(cell "$tmp/g7.csv" 2 growth_pct)" 10
near "fix 7 yoy 2 cagr" "$(cell "$tmp/g7.csv" 2 cagr_pct)" 10
"$TRADE" growth "$tmp/f7.csv" >"$tmp/m7.csv" || bad "fix 7 mom: exit $?"
want "fix 7 mom cagr" "$(cell "$tmp/m7.csv" 1 cagr_pct)" ""
want "fix 7 mom status" "$(cell "$tmp/m7.csv" 1 status)" "less than a year apart: no CAGR"

# fix 9: 2010 = 100 exact, 2011 = 120 lower_bound ("over 120"), 2012 = 150
# estimate, 2013 = 160 projection. 2010 -> 2011: growth to a lower bound is
# a lower bound. 2011 -> 2012: the true 2011 figure is at least 120, so the
# growth is at most the computed one: an upper bound (the bound is kept over
# the estimate). 2012 -> 2013: a projection stays a projection. From an
# estimate: an estimate. fit leaves the projection out: n = 3 (2010..2012);
# with --projections n = 4, and the mixed qualifiers include a projection.
printf '%s\n' $H BEL,KAZ,export,2010,100,EUR,,,a BEL,KAZ,export,2011,120,EUR,,lower_bound,a \
    BEL,KAZ,export,2012,150,EUR,,estimate,a BEL,KAZ,export,2013,160,EUR,,projection,a >"$tmp/f9.csv"
"$TRADE" growth "$tmp/f9.csv" >"$tmp/g9.csv" || bad "fix 9 growth: exit $?"
want "fix 9 to a lower bound" "$(cell "$tmp/g9.csv" 1 qualifier)" lower_bound
want "fix 9 from a lower bound" "$(cell "$tmp/g9.csv" 2 qualifier)" upper_bound
want "fix 9 projection" "$(cell "$tmp/g9.csv" 3 qualifier)" projection
printf '%s\n' $H BEL,KAZ,export,2010,100,EUR,,estimate,a BEL,KAZ,export,2011,120,EUR,,,a >"$tmp/f9e.csv"
"$TRADE" growth "$tmp/f9e.csv" >"$tmp/g9e.csv"
want "fix 9 from an estimate" "$(cell "$tmp/g9e.csv" 1 qualifier)" estimate
"$TRADE" fit "$tmp/f9.csv" >"$tmp/fit9.csv" || bad "fix 9 fit: exit $?"
want "fix 9 fit n" "$(cell "$tmp/fit9.csv" 1 n)" 3
want "fix 9 fit period_to" "$(cell "$tmp/fit9.csv" 1 period_to)" 2012
"$TRADE" fit --projections "$tmp/f9.csv" >"$tmp/fit9p.csv" || bad "fix 9 fit --projections: exit $?"
want "fix 9 fit --projections n" "$(cell "$tmp/fit9p.csv" 1 n)" 4
want "fix 9 fit --projections qualifier" "$(cell "$tmp/fit9p.csv" 1 qualifier)" projection

# fix 12: two values of 1e308: the median (a + b) / 2 overflows; its cell is
# empty and the status says "overflow". The mean (GSL's running mean) is
# 1e308 and the sd 0.
big=1$(printf '0%.0s' $(seq 308))
printf '%s\n' $H BEL,KAZ,export,2011,$big,EUR,,,a BEL,KAZ,export,2012,$big,EUR,,,a >"$tmp/f12.csv"
"$TRADE" stats "$tmp/f12.csv" >"$tmp/s12.csv" || bad "fix 12: exit $?"
want "fix 12 median" "$(cell "$tmp/s12.csv" 1 median)" ""
want "fix 12 status" "$(cell "$tmp/s12.csv" 1 status)" overflow
want "fix 12 sd" "$(cell "$tmp/s12.csv" 1 sd)" 0

# issue 17: --from after --to is a usage error, not empty output
"$TRADE" growth --from 2012 --to 2010 "$tmp/f2.csv" >"$tmp/out" 2>"$tmp/err"
want "growth --from 2012 --to 2010 exit" "$?" 2
grep -q -- "--from must start before --to" "$tmp/err" || bad "growth --from after --to: message $(cat "$tmp/err")"
"$TRADE" growth --from 2011 --to 2012-01/2012-12 "$tmp/f2.csv" >"$tmp/ft.csv" || bad "from/to spelled differently: exit $?"
want "growth --to in another spelling finds 2012" "$(cell "$tmp/ft.csv" 1 value_to)" 200

# fix 3: BEL->KAZ export 2011 stated twice: 118000000 approx (the text) and
# 119091910 exact (the table). The exact one stands for the period: rank 1;
# the approx row gets no rank; UZB (27124410) is 2 (was 1, 2, 3).
printf '%s\n' $H BEL,KAZ,export,2011,118000000,EUR,1000000,approx,text \
    BEL,KAZ,export,2011,119091910,EUR,,,table BEL,UZB,export,2011,27124410,EUR,,,table >"$tmp/f3.csv"
"$TRADE" rank "$tmp/f3.csv" >"$tmp/r3.csv" || bad "fix 3: exit $?"
want "fix 3 approx duplicate" "$(cell "$tmp/r3.csv" 1 rank)" ""
want "fix 3 exact" "$(cell "$tmp/r3.csv" 2 rank)" 1
want "fix 3 UZB" "$(cell "$tmp/r3.csv" 3 rank)" 2

# fix 4: BEL aid 2010 to KGZ: total 713000 (no product), humanitarian
# 600000, technical_assistance 113000; to TJK: total 500000. With product
# in the default group the totals rank among themselves (KGZ 1, TJK 2) and
# each product alone (1); before, all four were one group (1, 2, 4, 3).
printf '%s\n' $H,product BEL,KGZ,aid,2010,713000,EUR,,,a, BEL,KGZ,aid,2010,600000,EUR,,,a,humanitarian \
    BEL,KGZ,aid,2010,113000,EUR,,,a,technical_assistance BEL,TJK,aid,2010,500000,EUR,,,a, >"$tmp/f4.csv"
"$TRADE" rank "$tmp/f4.csv" >"$tmp/r4.csv" || bad "fix 4: exit $?"
want "fix 4 ranks" "$(col "$tmp/r4.csv" rank)" "1 1 1 2 "

# fix 5: BEL exports 2011 to WLD 1000, KAZ 100, EUU 500, UZB 50: WLD and EUU
# are aggregates, not members: KAZ 1, UZB 2, the aggregates unranked. With
# --keep-aggregates: WLD 1, KAZ 3, EUU 2, UZB 4.
printf '%s\n' $H BEL,WLD,export,2011,1000,EUR,,,a BEL,KAZ,export,2011,100,EUR,,,a \
    BEL,EUU,export,2011,500,EUR,,,a BEL,UZB,export,2011,50,EUR,,,a >"$tmp/f5.csv"
"$TRADE" rank "$tmp/f5.csv" >"$tmp/r5.csv" || bad "fix 5: exit $?"
want "fix 5 ranks" "$(col "$tmp/r5.csv" rank)" " 1  2 "
"$TRADE" rank --keep-aggregates "$tmp/f5.csv" >"$tmp/r5k.csv" || bad "fix 5 --keep-aggregates: exit $?"
want "fix 5 --keep-aggregates ranks" "$(col "$tmp/r5k.csv" rank)" "1 3 2 4 "

# fix 11: rows in unit rank: KAZ 81st, UZB 120th, TJK 187th market. Rank 1
# is the smallest rank value: KAZ 1, UZB 2, TJK 3 (was 3, 2, 1).
printf '%s\n' $H BEL,KAZ,export,2011,81,rank,,,a BEL,UZB,export,2011,120,rank,,,a \
    BEL,TJK,export,2011,187,rank,,,a >"$tmp/f11.csv"
"$TRADE" rank "$tmp/f11.csv" >"$tmp/r11.csv" || bad "fix 11: exit $?"
want "fix 11 ranks" "$(col "$tmp/r11.csv" rank)" "1 2 3 "
# an absent --by or default group column is exit 2 with the list of columns:
# growth's output has period_from and period_to, no period
"$TRADE" growth "$tmp/f2.csv" >"$tmp/g.csv"
"$TRADE" rank --by growth_pct "$tmp/g.csv" >"$tmp/out" 2>"$tmp/err"
want "fix 11 default group column absent: exit" "$?" 2
grep -q "no column 'period' in the input (columns: reporter, partner, flow," "$tmp/err" ||
    bad "fix 11: message $(cat "$tmp/err")"
"$TRADE" rank --by nope "$tmp/f11.csv" >"$tmp/out" 2>"$tmp/err"
want "fix 11 --by absent: exit" "$?" 2
[ -s "$tmp/out" ] && bad "fix 11: output written on error"

lib_valgrind_check || fail=$((fail + 1))
[ $fail -eq 0 ] || { echo "series_fixes: $fail FAILED" >&2; exit 1; }
echo "series_fixes: ok"
