#!/usr/bin/env bash
# stream.sh - growth and rank on sorted bulk input (stream.h): a file in
# import's order is streamed, the same rows read from standard input take
# the whole-table path, and both must give the same bytes; a bad cell in a
# streamed file is refused at its FILE:LINE:COLUMN, exit 1, -o left as it
# was; import of /dev/zero ends at once.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
dir=$(mktemp -d "${TMPDIR:-/tmp}/stream.XXXXXX")
trap 'rm -rf "$dir"' EXIT
fail=0
check() { # name, then a command that must succeed
    local name=$1
    shift
    if "$@"; then echo "ok: $name"; else echo "FAIL: $name"; fail=1; fi
}

# A BACI-layout panel: 4 years, 14 countries, 40 products, sparse (a
# deterministic LCG decides which (i, j, k) trade each year, so series
# start late, stop and come back), each year sorted by (i, j, k) as BACI
# ships it.
awk 'BEGIN {
    split("4 8 12 32 36 40 56 76 124 156 251 276 392 842", c, " ")
    s = 7; print "t,i,j,k,v,q"
    for (t = 2018; t <= 2021; t++)
        for (a = 1; a <= 14; a++)
            for (b = 1; b <= 14; b++) {
                if (a == b) continue
                for (p = 1; p <= 40; p++) {
                    s = (s * 1103515245 + 12345) % 2147483648
                    if (s % 10 < 4) continue
                    v = (s % 99991) / 7
                    printf "%d,%d,%d,%02d%04d,%.3f,%.3f\n", t, c[a], c[b], p % 97, p * 37, v + 0.001, v / 3
                }
            }
}' >"$dir/baci.csv"
"$TRADE" import baci --level hs6 "$dir/baci.csv" -o "$dir/imp.csv" || { echo "FAIL: import"; exit 1; }
rows=$(($(wc -l <"$dir/imp.csv") - 1))
check "the panel has rows ($rows)" test "$rows" -gt 15000

same() { # name, then trade arguments: the file streamed against stdin
    local name=$1
    shift
    "$TRADE" "$@" "$dir/imp.csv" >"$dir/streamed.csv" 2>"$dir/streamed.err" &&
        "$TRADE" "$@" <"$dir/imp.csv" >"$dir/whole.csv" 2>"$dir/whole.err" &&
        [ -s "$dir/whole.csv" ] && cmp -s "$dir/streamed.csv" "$dir/whole.csv"
    local rc=$?
    if [ $rc -eq 0 ]; then echo "ok: $name"; else echo "FAIL: $name"; cat "$dir/streamed.err" "$dir/whole.err"; fail=1; fi
}
same "growth: streamed = whole table" growth
same "growth --from/--to" growth --from 2018 --to 2021
same "growth --where" growth --where 'partner~^(AUS|CHN|USA)$'
# without its 2018 and 2019 rows a series starts later: its output part is
# that of its first row kept, not of its first record in the file
same "growth --where dropping first years" growth --where 'period~^(2019|202)'
same "rank" rank
same "rank --sort" rank --sort
same "rank --ties dense --ascending" rank --ties dense --ascending
same "rank by period,reporter,flow" rank --group period,reporter,flow
# rank streams (period, reporter) runs: a file sorted by period and reporter
# only (partners and products backwards within each run, so not in
# import's order) is streamed too, and must give the whole-table path's bytes
cp "$dir/imp.csv" "$dir/imp.keep"
{ head -1 "$dir/imp.keep"; tail -n +2 "$dir/imp.keep" | LC_ALL=C sort -t, -k4,4 -k1,1 -k2,2r -k7,7r; } >"$dir/imp.csv"
check "runs-only file: not in import's order" sh -c "! cmp -s '$dir/imp.csv' '$dir/imp.keep'"
same "rank, sorted by period and reporter only" rank
same "rank --sort, sorted by period and reporter only" rank --sort
same "growth, sorted by period and reporter only" growth
cp "$dir/imp.keep" "$dir/imp.csv"
# series that start in 2019 or later come after all those of 2018 (growth
# writes series in the order of their first row), so the rows are not in
# key order: the streamed output is put together from parts
"$TRADE" growth "$dir/imp.csv" | tail -n +2 >"$dir/g.csv"
check "growth: series that start late come after (not key order)" \
    sh -c "! LC_ALL=C sort -s -t, -k1,5 '$dir/g.csv' | cmp -s - '$dir/g.csv'"

# a bad value on a line of the streamed file: located, exit 1, -o kept
awk -F, -v OFS=, 'NR == 12345 { $5 = "12x" } { print }' "$dir/imp.csv" >"$dir/bad.csv"
echo keep >"$dir/out.csv"
"$TRADE" growth "$dir/bad.csv" -o "$dir/out.csv" 2>"$dir/bad.err"
rc=$?
check "bad value: exit 1" test $rc -eq 1
check "bad value: located at bad.csv:12345:COLUMN" grep -q "bad.csv:12345:[0-9]*: " "$dir/bad.err"
check "bad value: -o left as it was" grep -qx keep "$dir/out.csv"
"$TRADE" rank "$dir/bad.csv" -o "$dir/out.csv" 2>"$dir/bad.err"
rc=$?
check "rank, bad value: exit 1, located" test $rc -eq 1 -a -n "$(grep "bad.csv:12345:" "$dir/bad.err")"
check "rank, bad value: -o left as it was" grep -qx keep "$dir/out.csv"
# the same place as the whole-table path names (its file is "-")
"$TRADE" growth <"$dir/bad.csv" 2>"$dir/bad2.err" >/dev/null
check "bad value: the same line and column as the whole-table path" \
    test "$(sed -n 's/^[^:]*:\([0-9]*:[0-9]*\): .*/\1/p' "$dir/bad.err" | head -1)" = \
    "$(sed -n 's/^[^:]*:\([0-9]*:[0-9]*\): .*/\1/p' "$dir/bad2.err" | head -1)"

# records the scanner and the reader's fast lane leave to the general way:
# CRLF line ends (in the odd years) with a key column (product) last, so
# its CR must not be part of the key (else a series of LF and CRLF years
# falls apart); some quoted keys; a non-ASCII note. Each equal to the
# whole-table path on the same bytes.
cp "$dir/imp.csv" "$dir/imp.keep"
awk -F, -v OFS=, '{ printf "%s,%s,%s,%s,%s,%s,%s,%s%s\n", $1, $2, $3, $4, $5, $6, $8, $7,
                   $4 % 2 ? "\r" : "" }' "$dir/imp.keep" >"$dir/imp.csv"
same "growth, CRLF, product last" growth
same "rank, CRLF, product last" rank
awk -F, -v OFS=, 'NR > 1 && NR % 97 == 0 { $1 = "\"" $1 "\""; $7 = "\"" $7 "\"" } { print }' \
    "$dir/imp.keep" >"$dir/imp.csv"
same "growth, some keys quoted" growth
same "rank, some keys quoted" rank
awk -F, -v OFS=, 'NR == 1 { print $0 ",note"; next } { print $0 "," (NR % 1000 ? "" : "C\303\264te") }' \
    "$dir/imp.keep" >"$dir/imp.csv"
same "growth, a non-ASCII note" growth
cp "$dir/imp.keep" "$dir/imp.csv"

# The first pass runs on two threads over files of 16 MB and more, the
# second from the first newline past the middle. 180,180 sorted rows of
# three years (about 23 MB; the middle falls inside 2020) read on two threads must give what the whole-table path gives; so
# must the same rows with a quoted line break in every note, where the
# middle newline is almost surely inside a quoted field (the first thread
# then goes on alone), and the rows with two swapped just past the middle
# (out of order there: the whole-table path).
big() { # 1: a line break in each note
    awk -v nl="$1" 'BEGIN {
        split("ARG AUS BRA CAN CHN DEU FRA GBR IND JPN KOR MEX NLD USA ZAF", c, " ")
        pad = sprintf("%60s", ""); gsub(/ /, "x", pad)
        print "reporter,partner,flow,period,value,unit,product,source,note"
        for (t = 2019; t <= 2021; t++)
            for (a = 1; a <= 15; a++)
                for (b = 1; b <= 15; b++) {
                    if (a == b) continue
                    for (p = 1; p <= 286; p++)
                        printf "%s,%s,export,%d,%d,USD,%06d,big.csv,\"%s%s\"\n", c[a], c[b], t,
                            (a * 7919 + b * 104729 + p * 31 + t) % 100003 + 1, p * 11, pad,
                            nl ? "\nend" : ""
                }
    }'
}
cp "$dir/imp.csv" "$dir/imp.keep"
big 0 >"$dir/imp.csv"
check "the two-thread file is over 16 MB" test "$(wc -c <"$dir/imp.csv")" -gt 16777216
same "growth, first pass on two threads" growth
same "rank, first pass on two threads" rank
big 1 >"$dir/imp.csv"
same "growth, the middle newline in a quoted field" growth
same "rank, the middle newline in a quoted field" rank
big 0 | awk 'NR == 90100 { held = $0; next } { print } NR == 90101 { print held }' >"$dir/imp.csv"
same "growth, out of order just past the middle" growth
same "rank, out of order just past the middle" rank
big 0 | awk -F, -v OFS=, 'NR == 150000 { $5 = "12x" } { print }' >"$dir/bad.csv"
"$TRADE" growth "$dir/bad.csv" -o "$dir/out.csv" 2>"$dir/bad.err"
check "two threads, a bad value in the second half: located at bad.csv:150000" \
    grep -q "bad.csv:150000:[0-9]*: " "$dir/bad.err"
cp "$dir/imp.keep" "$dir/imp.csv"

# import of an endless input ends at once (no header, no rows)
for f in baci comtrade; do
    timeout 20 "$TRADE_REAL" import "$f" /dev/zero >/dev/null 2>&1
    rc=$?
    check "import $f /dev/zero ends with an error (exit $rc)" test $rc -ne 0 -a $rc -ne 124
done
lib_valgrind_check || fail=1
exit $fail
