#!/usr/bin/env bash
# trade extract: help and usage errors, stdin, --source, -o, jsonl, the
# output columns, trade validate --draft on every output, and recall and
# precision against hand lists: the genre texts written for the tests
# (tests/data/extract/genre*.txt, thresholds 90 % / 90 %) and, when the
# briefs are beside the checkout (../shared/briefs), the five briefs
# (recall at least 95 %).
set -u
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
data="$SRCDIR/tests/data/extract"
fail=0

"$TRADE" extract --help >"$tmp/help" || { echo "FAIL: --help exit"; fail=1; }
grep -q '^example:' "$tmp/help" || { echo "FAIL: --help has no example"; fail=1; }
"$TRADE" extract --bogus </dev/null >/dev/null 2>&1
[ $? -eq 2 ] || { echo "FAIL: unknown option must exit 2"; fail=1; }
"$TRADE" extract "$tmp/missing.txt" >/dev/null 2>&1
[ $? -eq 2 ] || { echo "FAIL: missing file must exit 2"; fail=1; }

# stdin, default source "stdin", the exact header, one figure
printf 'Belgian exports to Kazakhstan reached \xe2\x82\xac118 million in 2011.\n' |
  "$TRADE" extract >"$tmp/stdin.csv" || { echo "FAIL: stdin"; fail=1; }
head -1 "$tmp/stdin.csv" | grep -qx 'reporter,partner,flow,period,value,unit,precision,qualifier,measure,product,confidence,source,locator,line,column,as_written,context,note' ||
  { echo "FAIL: header"; fail=1; }
grep -q '^BEL,KAZ,export,2011,118000000,EUR,1000000,,level,,1.00,stdin,line 1,1,39,' "$tmp/stdin.csv" ||
  { echo "FAIL: stdin row"; cat "$tmp/stdin.csv"; fail=1; }

# --source, -o, jsonl
printf 'Imports from Russia were 9.4 billion EUR in 2017.\n' >"$tmp/brief-x.txt"
"$TRADE" extract "$tmp/brief-x.txt" -o "$tmp/x.csv" || fail=1
grep -q ',brief-x,line 1,' "$tmp/x.csv" || { echo "FAIL: default source"; fail=1; }
"$TRADE" extract --source mine --format jsonl "$tmp/brief-x.txt" >"$tmp/x.jsonl" || fail=1
grep -q '"source":"mine"' "$tmp/x.jsonl" || { echo "FAIL: --source/jsonl"; cat "$tmp/x.jsonl"; fail=1; }
grep -q '"value":9400000000' "$tmp/x.jsonl" || { echo "FAIL: jsonl value"; fail=1; }

# a text without figures: a header-only draft that validates (0 observations)
printf 'No figures in this text at all.\n' | "$TRADE" extract | "$TRADE" validate --draft - 2>"$tmp/v0" ||
  { echo "FAIL: header-only draft does not validate"; cat "$tmp/v0"; fail=1; }
grep -q '^0 observations' "$tmp/v0" || { echo "FAIL: header-only draft: $(cat "$tmp/v0")"; fail=1; }

# bytes that are not UTF-8 (an overlong '/', a surrogate, a cut sequence)
# never reach the output: the draft validates
printf 'Exports reached \xc0\xafEUR 5 million\xed\xa0\x80 in 2011 \xe2\x82.\n' |
  "$TRADE" extract >"$tmp/bad8.csv" || { echo "FAIL: extract of bad UTF-8"; fail=1; }
"$TRADE" validate --draft "$tmp/bad8.csv" 2>/dev/null || { echo "FAIL: bad UTF-8 leaks"; fail=1; }
grep -q ',5000000,EUR,' "$tmp/bad8.csv" || { echo "FAIL: bad UTF-8 loses the figure"; fail=1; }

# an endless input ends at the bound with a located error, exit 1
timeout 20 "$TRADE" extract /dev/zero >/dev/null 2>"$tmp/zero.err"
rc=$?
[ $rc -eq 1 ] || { echo "FAIL: extract /dev/zero exit $rc"; fail=1; }
grep -q '^/dev/zero:1:16777217: ' "$tmp/zero.err" || { echo "FAIL: /dev/zero message: $(cat "$tmp/zero.err")"; fail=1; }
printf 'line one\nline two is longer\n' >"$tmp/long.txt"
"$TRADE" extract --max-bytes 12 "$tmp/long.txt" >/dev/null 2>"$tmp/long.err"
[ $? -eq 1 ] && grep -q "long.txt:2:4: " "$tmp/long.err" ||
  { echo "FAIL: --max-bytes: $(cat "$tmp/long.err")"; fail=1; }
"$TRADE" extract --date 2023-02-30 "$tmp/long.txt" >/dev/null 2>&1
[ $? -eq 2 ] || { echo "FAIL: a bad --date must exit 2"; fail=1; }

# context: who, with whom, which flow and when, on short texts written for
# these tests (one construction each; the rows were keyed by hand in
# expected-context.csv): every figure complete
"$PY" "$SRCDIR/tests/cli/extract_score.py" "$TRADE" "$data/expected-context.csv" "$data/context" \
  --min-recall 1 --min-complete 1 --min-precision 1 -v >"$tmp/ctx.out" ||
  { echo "FAIL: context resolution"; cat "$tmp/ctx.out"; fail=1; }

# a route through an emirate is a named place, the part's label (an emirate
# stands for the UAE, but "via Dubai" is no transit country); the total
# before it has none
"$TRADE" extract "$data/context/who-emirate-route.txt" >"$tmp/route.csv" || fail=1
grep -q '^IND,IRN,export,2023,300000000,USD,[0-9]*,,level,via Dubai,' "$tmp/route.csv" &&
  grep -q '^IND,IRN,export,2023,1200000000,USD,[0-9]*,,level,,' "$tmp/route.csv" ||
  { echo "FAIL: route via an emirate"; cat "$tmp/route.csv"; fail=1; }

# a CFA franc in a text that names no land of either franc: the West
# African franc, and the note says it is assumed; a named Central African
# land gives XAF and no such note
printf 'Exports of the franc zone reached 850 billion CFA francs in 2020.\n' |
  "$TRADE" extract >"$tmp/cfa0.csv" || fail=1
grep -q ',850000000000,XOF,.*XOF assumed' "$tmp/cfa0.csv" &&
  "$TRADE" validate --draft -q "$tmp/cfa0.csv" ||
  { echo "FAIL: CFA franc without a land"; cat "$tmp/cfa0.csv"; fail=1; }
printf 'Exports of Chad reached CFA 850 billion in 2020.\n' |
  "$TRADE" extract >"$tmp/cfa1.csv" || fail=1
grep -q ',850000000000,XAF,' "$tmp/cfa1.csv" && ! grep -q 'assumed' "$tmp/cfa1.csv" ||
  { echo "FAIL: CFA franc of Chad"; cat "$tmp/cfa1.csv"; fail=1; }

# two growth rates of one period over different bases (month before, year
# before): one keeps the flow, the other says why it has none
printf '2017-10-20\nIn September 2017, Canadian exports rose 0.4%% from August. In September 2017, Canadian exports rose 2.1%% from September 2016.\n' |
  "$TRADE" extract >"$tmp/bases.csv" || fail=1
grep -q ',2.1,percent_change,.*another growth rate of the same period (0.4): over another base period' "$tmp/bases.csv" &&
  grep -q '^CAN,WLD,export,2017-09,0.4,percent_change,' "$tmp/bases.csv" ||
  { echo "FAIL: growth over two bases"; cat "$tmp/bases.csv"; fail=1; }

# a list of rates in parentheses after one verb of change: every one is a
# growth rate ("(26.8%)" after "and" was read as a share)
printf "India's exports to the United States increased by 46.1%% in June 2022. The better performance was led by an increase in exports of apparel (29.6%%) and coconut-based products (26.8%%).\n" |
  "$TRADE" extract >"$tmp/plist.csv" || fail=1
grep -q ',26.8,percent_change,' "$tmp/plist.csv" && grep -q ',29.6,percent_change,' "$tmp/plist.csv" ||
  { echo "FAIL: rates in parentheses"; cat "$tmp/plist.csv"; fail=1; }

# noise left out: an index base "(Jan 2022 = 100%)", "the initial 7 months"
# as a count, a share that "more than doubled" as growth; and the
# qualifiers of "surpassed" and "seeking to increase ... to"
"$TRADE" extract "$data/context/noise.txt" >"$tmp/noise.csv" || fail=1
[ "$(wc -l <"$tmp/noise.csv")" = 8 ] || { echo "FAIL: noise: not 7 rows"; cat "$tmp/noise.csv"; fail=1; }
grep -q ',3000000000,USD,1000000000,lower_bound,' "$tmp/noise.csv" || { echo "FAIL: surpassed"; fail=1; }
grep -q ',10000000000,USD,1000000000,projection,' "$tmp/noise.csv" || { echo "FAIL: seeking to"; fail=1; }

# "the first three quarters", "the last two quarters": a span of time in
# words, no count figure
printf "In the first three quarters of 2024, exports to Armenia reached \$500 million, and in the last two quarters of 2023 \$300 million.\n" |
  "$TRADE" extract >"$tmp/quarters.csv" || fail=1
[ "$(wc -l <"$tmp/quarters.csv")" = 3 ] && ! grep -q ',count,' "$tmp/quarters.csv" ||
  { echo "FAIL: quarters in words read as a count"; cat "$tmp/quarters.csv"; fail=1; }

# a capital's dateline in capitals, a hyphen in the name: the text's country
printf 'Exports in 2019\n\nNUR-SULTAN. KAZINFORM - Exports reached $57.7 billion in 2019.\n' |
  "$TRADE" extract | grep -q '^KAZ,WLD,export,2019,57700000000,USD,' ||
  { echo "FAIL: dateline NUR-SULTAN"; fail=1; }

# a freight word before a money figure ("Kazakh transit brought $5
# billion") is no freight flow, and the country before it still reads
printf 'Kazakh transit brought $5 billion in 2022.\n' | "$TRADE" extract >"$tmp/transit.csv" ||
  { echo "FAIL: transit with money"; fail=1; }
grep -q '^KAZ,.*,2022,5000000000,USD,' "$tmp/transit.csv" || { echo "FAIL: transit row"; cat "$tmp/transit.csv"; fail=1; }

# "this year" / "last year" from --date when the text has no date line
printf 'Exports to Chile reached EUR 5 million last year.\n' >"$tmp/rel.txt"
"$TRADE" extract --date 2024-02-01 "$tmp/rel.txt" | grep -q '^,CHL,export,2023,5000000,EUR,' ||
  { echo "FAIL: --date: $("$TRADE" extract --date 2024-02-01 "$tmp/rel.txt")"; fail=1; }
# a date line of the text does the same ("2024/02/01 10:00", "1 February 2024")
printf '2024/02/01 10:00\nExports to Chile reached EUR 5 million last year.\n' | "$TRADE" extract |
  grep -q '^,CHL,export,2023,5000000,EUR,' || { echo "FAIL: date line YYYY/MM/DD"; fail=1; }
printf 'Santiago, 1 February 2024\nExports to Chile reached EUR 5 million last year.\n' | "$TRADE" extract |
  grep -q '^,CHL,export,2023,5000000,EUR,' || { echo "FAIL: date line D Month YYYY"; fail=1; }
printf 'Exports to Chile reached EUR 5 million this year.\n' >"$tmp/rel.txt"
"$TRADE" extract --date 2024-02-01 "$tmp/rel.txt" | grep -q '^,CHL,export,2024,' ||
  { echo "FAIL: --date this year"; fail=1; }

# an absolute change is measure=change (never a level), with the sign of a fall
printf 'In 2021 exports to Peru fell by EUR 12 million.\n' | "$TRADE" extract |
  grep -q ',PER,export,2021,-12000000,EUR,1000000,,change,' ||
  { echo "FAIL: change measure"; fail=1; }

# --against: same, conflict and new against a dataset written here
cat >"$tmp/ds.csv" <<'CSV'
reporter,partner,flow,period,value,unit,source
PRT,CHL,export,2020,5000000,EUR,older
PRT,CHL,import,2020,9000000,EUR,older
CSV
printf 'Portuguese exports to Chile reached EUR 5 million in 2020. Portuguese imports from Chile were EUR 8 million in 2020. Portuguese exports to Peru were EUR 2 million in 2020. It rose 4%% in 2020.\n' >"$tmp/rev.txt"
"$TRADE" extract "$tmp/rev.txt" --against "$tmp/ds.csv" >"$tmp/rev.csv" || { echo "FAIL: --against exit"; fail=1; }
head -1 "$tmp/rev.csv" | grep -q ',note,review$' || { echo "FAIL: --against header"; fail=1; }
grep -q '^PRT,CHL,export,2020,5000000,.*,same: .*ds.csv line 2$' "$tmp/rev.csv" ||
  { echo "FAIL: --against same"; cat "$tmp/rev.csv"; fail=1; }
grep -q '^PRT,CHL,import,2020,8000000,.*,conflict: .*ds.csv line 3 has 9000000$' "$tmp/rev.csv" ||
  { echo "FAIL: --against conflict"; fail=1; }
grep -q '^PRT,PER,export,2020,2000000,.*,new$' "$tmp/rev.csv" || { echo "FAIL: --against new"; fail=1; }
mkdir -p "$tmp/dsdir" && cp "$tmp/ds.csv" "$tmp/dsdir/a.csv"
"$TRADE" extract "$tmp/rev.txt" --against "$tmp/dsdir" --where review=new >"$tmp/rev2.csv" ||
  { echo "FAIL: --against DIR"; fail=1; }
# the Peru level and its growth rate (same sides, carried) are new
[ "$(grep -c ',new$' "$tmp/rev2.csv")" = 2 ] && [ "$(wc -l <"$tmp/rev2.csv")" = 3 ] ||
  { echo "FAIL: --against DIR --where"; cat "$tmp/rev2.csv"; fail=1; }
"$TRADE" extract "$tmp/rev.txt" --against "$tmp/missing" >/dev/null 2>&1
[ $? -eq 2 ] || { echo "FAIL: --against a missing path must exit 2"; fail=1; }

mkdir -p "$tmp/emptydir"
"$TRADE" extract "$tmp/rev.txt" --against "$tmp/emptydir" >/dev/null 2>"$tmp/empty.err"
[ $? -eq 2 ] && grep -q "emptydir: no .csv file" "$tmp/empty.err" ||
  { echo "FAIL: --against a folder with no CSV: $(cat "$tmp/empty.err")"; fail=1; }

# two files of one source: a figure read twice with two values (EUR 5 and
# EUR 6 million, both to the million) is one row with the flow and one
# without, whose note names the other file; the draft validates
printf 'Portuguese exports to Chile reached EUR 6 million in 2020.\n' >"$tmp/rev-b.txt"
"$TRADE" extract --source rev "$tmp/rev.txt" "$tmp/rev-b.txt" >"$tmp/two.csv" || { echo "FAIL: two files"; fail=1; }
grep -q '^PRT,CHL,export,2020,5000000,' "$tmp/two.csv" &&
  grep -q "^PRT,CHL,,2020,6000000,.*conflict: read as export like .*rev.txt line 1 column 37" "$tmp/two.csv" ||
  { echo "FAIL: two files of one source"; cat "$tmp/two.csv"; fail=1; }
"$TRADE" validate --draft -q "$tmp/two.csv" || { echo "FAIL: two files: draft invalid"; fail=1; }
# without --source they are two sources: no conflict
"$TRADE" extract "$tmp/rev.txt" "$tmp/rev-b.txt" | grep -q '^PRT,CHL,export,2020,6000000,' ||
  { echo "FAIL: two sources"; fail=1; }

# every output validates as a draft
for f in "$data"/*.txt; do
  b=$(basename "$f" .txt)
  "$TRADE" extract "$f" -o "$tmp/$b.csv" || { echo "FAIL: extract $b"; fail=1; }
  "$TRADE" validate --draft "$tmp/$b.csv" >/dev/null || { echo "FAIL: validate --draft $b"; fail=1; }
done
grep -q ',"Table 1, line 26",' "$tmp/genre3.csv" || { echo "FAIL: table locator"; fail=1; }

"$PY" "$SRCDIR/tests/cli/extract_recall.py" "$TRADE" "$data/expected-genre.csv" "$data" 0.9 0.9 ||
  { echo "FAIL: recall/precision on the genre texts"; fail=1; }

if lib_shared_briefs; then
  briefs=$SHARED_BRIEFS
  for f in "$briefs"/*.txt; do
    b=$(basename "$f" .txt)
    "$TRADE" extract "$f" -o "$tmp/brief-$b.csv" || { echo "FAIL: extract $b"; fail=1; }
    "$TRADE" validate --draft "$tmp/brief-$b.csv" >/dev/null || { echo "FAIL: validate --draft $b"; fail=1; }
  done
  "$PY" "$SRCDIR/tests/cli/extract_recall.py" "$TRADE" "$data/expected-briefs.csv" "$briefs" 0.95 0.9 ||
    { echo "FAIL: recall on the briefs"; fail=1; }
else
  lib_skip_exit $fail
fi
exit $fail
