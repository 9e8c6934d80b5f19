#!/usr/bin/env bash
# series_measure.sh - rows whose measure is not a level (growth, change,
# share, ... from extraction) never enter a series as a level, in every
# analysis: growth, fit, stats, rank and compare, each with a note on
# stderr counting them, and compare with a status on each such row.
# Expectations worked out by hand in the comments.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/trade-measure.XXXXXX")
trap 'rm -rf "$tmp"; lib_cleanup' EXIT
fail=0
bad() { echo "FAIL: $*" >&2; fail=$((fail + 1)); }
cell() {
    python3 -c 'import csv,sys
rows=list(csv.DictReader(open(sys.argv[1])))
r=int(sys.argv[2])
print(rows[r-1][sys.argv[3]] if r<=len(rows) else "<no row %d>" % r)' "$1" "$2" "$3"
}
nrows() { python3 -c 'import csv,sys; print(len(list(csv.DictReader(open(sys.argv[1])))))' "$1"; }
want() { [ "$2" = "$3" ] || bad "$1: got '$2', want '$3'"; }
near() {
    python3 -c 'import sys
g, w = sys.argv[1], float(sys.argv[2])
sys.exit(0 if g != "" and abs(float(g) - w) <= 1e-12 * max(1, abs(w)) else 1)' "$2" "$3" ||
        bad "$1: got '$2', want $3"
}

# The BEL->KAZ levels are 100, 110, 121 (10 % a year). A change of 11 USD
# for 2012 comes first in the file (as a level it would stand for 2012,
# the first row read of equal precision, and give 110 -> 11: -90 %); a
# growth of 10 percent is a rate-unit row with measure growth; FRA has only
# a change row of 500 USD (as a level it would lead the 2012 ranking and
# take 500 / 821 of the shares).
cat >"$tmp/m.csv" <<'CSV'
reporter,partner,flow,period,value,unit,measure
BEL,KAZ,export,2010,100,USD,
BEL,KAZ,export,2011,110,USD,level
BEL,KAZ,export,2012,11,USD,change
BEL,KAZ,export,2012,121,USD,
BEL,KAZ,export,2012,10,percent,growth
BEL,DEU,export,2012,200,USD,
BEL,FRA,export,2012,500,USD,change
CSV
note="left out 3 rows whose measure is not a level (growth, change, share, ...): not in a series"

# growth: 100 -> 110 and 110 -> 121, both 10 %
"$TRADE" growth "$tmp/m.csv" >"$tmp/g.csv" 2>"$tmp/g.err" || bad "growth: exit $?"
grep -qF "trade growth: $note" "$tmp/g.err" || bad "growth: no note: $(cat "$tmp/g.err")"
want "growth rows" "$(nrows "$tmp/g.csv")" 2
want "growth 2012 value_to" "$(cell "$tmp/g.csv" 2 value_to)" 121
near "growth 2012 pct" "$(cell "$tmp/g.csv" 2 growth_pct)" 10

# fit: ln of 100, 110, 121 on 2010..2012 is a straight line of slope ln 1.1:
# trend 10 % a year, r2 = 1, from the 3 levels
"$TRADE" fit "$tmp/m.csv" >"$tmp/f.csv" 2>"$tmp/f.err" || bad "fit: exit $?"
grep -qF "trade fit: $note" "$tmp/f.err" || bad "fit: no note"
want "fit n" "$(cell "$tmp/f.csv" 1 n)" 3
python3 -c 'import sys; sys.exit(0 if abs(float(sys.argv[1]) - 10) < 1e-9 else 1)' \
    "$(cell "$tmp/f.csv" 1 trend_pct)" || bad "fit trend: $(cell "$tmp/f.csv" 1 trend_pct)"

# stats: n = 3, mean 331 / 3, median 110, max 121 (not the change of 500 or the 10 percent)
"$TRADE" stats "$tmp/m.csv" >"$tmp/s.csv" 2>"$tmp/s.err" || bad "stats: exit $?"
grep -qF "trade stats: $note" "$tmp/s.err" || bad "stats: no note"
want "stats n" "$(cell "$tmp/s.csv" 1 n)" 3
near "stats mean" "$(cell "$tmp/s.csv" 1 mean)" 110.33333333333333
want "stats median" "$(cell "$tmp/s.csv" 1 median)" 110
want "stats rows" "$(nrows "$tmp/s.csv")" 2 # BEL->KAZ and BEL->DEU only

# rank: 2012 exports, DEU 200 first, KAZ 121 second; the change rows get no rank
"$TRADE" rank "$tmp/m.csv" >"$tmp/r.csv" 2>"$tmp/r.err" || bad "rank: exit $?"
grep -qF "trade rank: $note" "$tmp/r.err" || bad "rank: no note"
want "rank DEU" "$(cell "$tmp/r.csv" 6 rank)" 1
want "rank KAZ 2012" "$(cell "$tmp/r.csv" 4 rank)" 2
want "rank FRA change" "$(cell "$tmp/r.csv" 7 rank)" ""
want "rank KAZ change" "$(cell "$tmp/r.csv" 3 rank)" ""

# compare share: 2012 members DEU 200 and KAZ 121 of 321: 62.305... % and 37.694... %
"$TRADE" compare share "$tmp/m.csv" >"$tmp/c.csv" 2>"$tmp/c.err" || bad "share: exit $?"
grep -qF "trade compare: $note" "$tmp/c.err" || bad "share: no note"
near "share DEU" "$(cell "$tmp/c.csv" 6 share_pct)" "$(python3 -c 'print(100*200/321)')"
near "share KAZ" "$(cell "$tmp/c.csv" 4 share_pct)" "$(python3 -c 'print(100*121/321)')"
st="measure is not a level: not in a series"
for r in 3 5 7; do
    want "share row $r share" "$(cell "$tmp/c.csv" $r share_pct)" ""
    want "share row $r status" "$(cell "$tmp/c.csv" $r status)" "$st"
done

# compare hhi 2012: shares 200/321 and 121/321, n = 2
"$TRADE" compare hhi "$tmp/m.csv" >"$tmp/h.csv" 2>/dev/null || bad "hhi: exit $?"
want "hhi n" "$(cell "$tmp/h.csv" 3 n)" 2
near "hhi" "$(cell "$tmp/h.csv" 3 hhi)" "$(python3 -c 'print((200/321)**2 + (121/321)**2)')"

# compare index on 2011 (110): 2012 is 121 / 110 = 110; the change row has no index
"$TRADE" compare index --base 2011 "$tmp/m.csv" >"$tmp/i.csv" 2>/dev/null || bad "index: exit $?"
near "index 2012" "$(cell "$tmp/i.csv" 4 index)" 110
want "index change" "$(cell "$tmp/i.csv" 3 index)" ""
want "index change status" "$(cell "$tmp/i.csv" 3 status)" "$st"

# no measure column, or only levels: no note
printf 'reporter,partner,flow,period,value,unit\nBEL,KAZ,export,2010,1,USD\nBEL,KAZ,export,2011,2,USD\n' >"$tmp/l.csv"
"$TRADE" growth "$tmp/l.csv" >/dev/null 2>"$tmp/l.err" || bad "levels: exit $?"
[ -s "$tmp/l.err" ] && bad "levels only: a note: $(cat "$tmp/l.err")"

lib_valgrind_check || fail=$((fail + 1))
[ $fail -eq 0 ] || { echo "series_measure: $fail FAILED" >&2; exit 1; }
echo "series_measure: ok"
