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
head -1 "$tmp/stdin.csv" | grep -qx 'reporter,partner,flow,period,value,unit,precision,qualifier,measure,confidence,source,locator,line,column,as_written,context,note' ||
  { echo "FAIL: header"; fail=1; }
grep -q '^BEL,KAZ,export,2011,118000000,EUR,1000000,,level,1.00,stdin,line 1,1,39,' "$tmp/stdin.csv" ||
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
