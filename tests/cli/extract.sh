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
head -1 "$tmp/stdin.csv" | grep -qx 'reporter,partner,flow,period,value,unit,precision,qualifier,source,locator,line,column,as_written,context,note' ||
  { echo "FAIL: header"; fail=1; }
grep -q '^BEL,KAZ,export,2011,118000000,EUR,1000000,,stdin,line 1,1,39,' "$tmp/stdin.csv" ||
  { echo "FAIL: stdin row"; cat "$tmp/stdin.csv"; fail=1; }

# --source, -o, jsonl
printf 'Imports from Russia were 9.4 billion EUR in 2017.\n' >"$tmp/brief-x.txt"
"$TRADE" extract "$tmp/brief-x.txt" -o "$tmp/x.csv" || fail=1
grep -q ',brief-x,line 1,' "$tmp/x.csv" || { echo "FAIL: default source"; fail=1; }
"$TRADE" extract --source mine --format jsonl "$tmp/brief-x.txt" >"$tmp/x.jsonl" || fail=1
grep -q '"source":"mine"' "$tmp/x.jsonl" || { echo "FAIL: --source/jsonl"; cat "$tmp/x.jsonl"; fail=1; }
grep -q '"value":9400000000' "$tmp/x.jsonl" || { echo "FAIL: jsonl value"; fail=1; }

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
