#!/usr/bin/env bash
# The reproductions of issue 12 for trade compare, one block per fix; each
# failed before compare moved into the library (compare.c). Expected values
# by hand in the comments.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; lib_cleanup' EXIT
fail=0
H=reporter,partner,flow,period,value,unit
no() { echo "FAIL: $*"; fail=1; }
# field NAME: the column of that name in the CSV on stdin, rows joined by '|'
field() { python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
print("|".join(r[sys.argv[1]] for r in rows))' "$1"; }

# 1: index only same-kind periods. Base 2011 = 1500: 2011 -> 100,
# 2012 -> 100 * 1620 / 1500 = 108; the month and the ten months: empty + status
printf '%s\n' "$H" ITA,KAZ,export,2011,1500,EUR ITA,KAZ,export,2011-01,110,EUR \
  ITA,KAZ,export,2011-01/2011-10,1200,EUR ITA,KAZ,export,2012,1620,EUR >"$tmp/f1.csv"
"$TRADE" compare index --base 2011 "$tmp/f1.csv" >"$tmp/o1.csv" || no "fix 1: exit $?"
[ "$(field index <"$tmp/o1.csv")" = "100|||108" ] || no "fix 1: index $(field index <"$tmp/o1.csv")"
st=$(field status <"$tmp/o1.csv")
case $st in "|period of another kind than the base (month, not year): no index|period of another kind than the base (partial, not year): no index|") ;;
  *) no "fix 1: status '$st'" ;; esac

# 2: one period stated three times, "2012" (a), "2012-01/2012-12" (b), "2012"
# (c): one figure (a, the first). With UZB 100: shares 50 and 50, HHI n = 2,
# 0.5^2 + 0.5^2 = 0.5
printf '%s,source\n' "$H" >"$tmp/f2.csv"
printf '%s\n' BEL,KAZ,export,2012,100,EUR,a BEL,KAZ,export,2012-01/2012-12,100,EUR,b \
  BEL,KAZ,export,2012,100,EUR,c BEL,UZB,export,2012,100,EUR,d >>"$tmp/f2.csv"
"$TRADE" compare hhi "$tmp/f2.csv" >"$tmp/o2.csv" || no "fix 2: hhi exit $?"
[ "$(field n <"$tmp/o2.csv")|$(field hhi <"$tmp/o2.csv")" = "2|0.5" ] || no "fix 2: hhi $(cat "$tmp/o2.csv")"
"$TRADE" compare share "$tmp/f2.csv" >"$tmp/o2s.csv" || no "fix 2: share exit $?"
[ "$(field share_pct <"$tmp/o2s.csv")" = "50|||50" ] || no "fix 2: share $(field share_pct <"$tmp/o2s.csv")"
[ "$(field status <"$tmp/o2s.csv")" = "|duplicate: line 2 used|duplicate: line 2 used|" ] || no "fix 2: share status $(field status <"$tmp/o2s.csv")"

# 4: product is part of the default group: BEL aid 2010 to KGZ states a
# total (713800) and its two parts; the total alone is the group with an
# empty product, so n = 1
cd "$SRCDIR" || exit 2
"$TRADE" compare hhi --where flow=aid datasets/*.csv >"$tmp/o4.csv" || no "fix 4: exit $?"
got=$(python3 -c '
import csv, sys
for r in csv.DictReader(open(sys.argv[1])):
    if r["reporter"] == "BEL" and r["period"] == "2010" and r["product"] == "":
        print(r["n"])' "$tmp/o4.csv")
[ "$got" = 1 ] || no "fix 4: BEL aid 2010 n = '$got', want 1"
cd "$tmp" || exit 2

# 5: WLD is not a member by default: KAZ 120, UZB 40, TKM 40 -> 60, 20, 20;
# --keep-aggregates adds WLD 200: 120/400 = 30, 10, 10, 50. --of WLD: shares
# of 200 in share (60, 20, 20) and in HHI: 0.6^2 + 0.2^2 + 0.2^2 = 0.44
printf '%s\n' "$H" BEL,KAZ,export,2011,120,EUR BEL,UZB,export,2011,40,EUR \
  BEL,TKM,export,2011,40,EUR BEL,WLD,export,2011,200,EUR >"$tmp/f5.csv"
[ "$("$TRADE" compare share f5.csv | field share_pct)" = "60|20|20|" ] || no "fix 5: share default"
[ "$("$TRADE" compare share --keep-aggregates f5.csv | field share_pct)" = "30|10|10|50" ] || no "fix 5: --keep-aggregates"
[ "$("$TRADE" compare share --of WLD f5.csv | field share_pct)" = "60|20|20|100" ] || no "fix 5: share --of WLD"
h=$("$TRADE" compare hhi --of WLD f5.csv | field hhi)
python3 -c "import sys; sys.exit(abs(float('$h') - 0.44) > 1e-12)" || no "fix 5: hhi --of WLD = $h, want 0.44"
h=$("$TRADE" compare hhi f5.csv | field hhi) # of the members' sum 200: the same 0.44
python3 -c "import sys; sys.exit(abs(float('$h') - 0.44) > 1e-12)" || no "fix 5: hhi = $h, want 0.44"

# 10: shares outside 0..100 say why. KAZ 100, UZB -20: sum 80, shares 125
# and -25. A stated WLD 100 below its parts 80 + 40: shares 80, 40 (sum 120)
printf '%s\n' "$H" BEL,KAZ,export,2011,100,EUR BEL,UZB,export,2011,-20,EUR >"$tmp/f10.csv"
"$TRADE" compare share f10.csv >"$tmp/o10.csv"
[ "$(field share_pct <"$tmp/o10.csv")" = "125|-25" ] || no "fix 10: shares $(field share_pct <"$tmp/o10.csv")"
[ "$(field status <"$tmp/o10.csv")" = "other members negative: share above 100|negative value: share below 0" ] ||
  no "fix 10: status $(field status <"$tmp/o10.csv")"
printf '%s\n' "$H" BEL,KAZ,export,2011,80,EUR BEL,UZB,export,2011,40,EUR BEL,WLD,export,2011,100,EUR >"$tmp/f10b.csv"
st=$("$TRADE" compare share --of WLD f10b.csv | field status)
case $st in *"stated total smaller than the sum of its parts"*) ;; *) no "fix 10: --of status '$st'" ;; esac

# 12: 1e308 + 1e308 overflows: empty total with a status
big=1$(printf '%0308d' 0)
printf '%s\n' "$H" "BEL,KAZ,export,2011,$big,EUR" "BEL,KAZ,import,2011,$big,EUR" >"$tmp/f12.csv"
"$TRADE" compare total f12.csv >"$tmp/o12.csv" || no "fix 12: exit $?"
[ "$(field total <"$tmp/o12.csv")" = "" ] && [ "$(field balance <"$tmp/o12.csv")" = 0 ] || no "fix 12: $(cat "$tmp/o12.csv")"
[ "$(field status <"$tmp/o12.csv")" = "total overflows: no total" ] || no "fix 12: status '$(field status <"$tmp/o12.csv")'"

# 13: never two columns of one name: index then share validates
"$TRADE" compare index --base 2011 f5.csv | "$TRADE" compare share - >"$tmp/o13.csv" || no "fix 13: exit"
[ "$(head -1 "$tmp/o13.csv")" = "$H,index,share_pct,status" ] || no "fix 13: header $(head -1 "$tmp/o13.csv")"
"$TRADE" validate "$tmp/o13.csv" >/dev/null 2>&1 || no "fix 13: validate refuses index | share"
"$TRADE" compare share f5.csv | "$TRADE" compare share - | "$TRADE" validate - >/dev/null 2>&1 || no "fix 13: share | share"

# 15: EUR exports against USD imports: "different units"
printf '%s\n' "$H" BEL,KAZ,export,2011,100,EUR KAZ,BEL,import,2011,130,USD >"$tmp/f15.csv"
st=$("$TRADE" compare mirror f15.csv | field status)
[ "$st" = "different units: exports in EUR, the partner's imports in USD|different units: imports in USD, the exporter's exports in EUR" ] ||
  no "fix 15: status '$st'"

# every empty number of every compare output on the datasets has a status
cd "$SRCDIR" || exit 2
for m in balance share hhi mirror "index --base 2011" "share --of WLD" "hhi --of WLD"; do
  # shellcheck disable=SC2086
  "$TRADE" compare $m datasets/*.csv >"$tmp/all.csv" || no "compare $m: exit $?"
  python3 - "$tmp/all.csv" "$m" <<'PY' || fail=1
import csv, sys
num = {"exports", "imports", "balance", "coverage", "total", "share_pct", "n", "hhi",
       "hhi_normalized", "index", "exports_reported", "imports_mirror", "gap", "gap_pct"}
rows = list(csv.DictReader(open(sys.argv[1])))
names = next(csv.reader(open(sys.argv[1])))
if len(names) != len(set(names)):
    print(f"FAIL: compare {sys.argv[2]}: duplicate column names {names}"); sys.exit(1)
for i, r in enumerate(rows, 2):
    if any(r[c] == "" for c in num & set(r)) and not r["status"]:
        print(f"FAIL: compare {sys.argv[2]} line {i}: an empty number without a status"); sys.exit(1)
PY
done

lib_valgrind_check || fail=1
[ $fail -eq 0 ] && echo "compare_fixes.sh: ok"
exit $fail
