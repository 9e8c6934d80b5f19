#!/usr/bin/env bash
# --format jsonl for pipelines: every line of the output is one JSON object
# (parsed here with python3's json module, an independent parser), keys are
# the CSV header in order, numeric columns are JSON numbers equal to the CSV
# cell, empty cells are null, text cells are strings equal to the CSV cell
# (quotes, commas, backslashes, newlines, tabs and UTF-8 included), and there
# are exactly as many objects as CSV rows. Checked for trade cat and trade
# growth, whose growth_pct is recomputed from value_from and value_to.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*" >&2; fail=$((fail + 1)); }

# compare CSV JSONL [NUMERIC-COLUMNS]: python3 checks JSONL against CSV.
compare() {
  python3 - "$1" "$2" "$3" <<'EOF'
import csv, json, sys

csv_path, jsonl_path, numeric = sys.argv[1], sys.argv[2], set(sys.argv[3].split(","))

def no_constants(name):  # NaN, Infinity and -Infinity are not JSON
    raise ValueError("non-JSON constant " + name)

with open(csv_path, newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
header, rows = rows[0], rows[1:]
with open(jsonl_path, encoding="utf-8") as f:
    text = f.read()
if text and not text.endswith("\n"):
    sys.exit("last line is not terminated")
lines = text.split("\n")[:-1] if text else []
if len(lines) != len(rows):
    sys.exit(f"{len(lines)} JSON lines for {len(rows)} CSV rows")
for n, (line, row) in enumerate(zip(lines, rows), 1):
    try:
        obj = json.loads(line, parse_constant=no_constants)
    except ValueError as e:
        sys.exit(f"line {n}: not JSON: {e}: {line[:120]}")
    if not isinstance(obj, dict):
        sys.exit(f"line {n}: not an object")
    if list(obj) != header:
        sys.exit(f"line {n}: keys {list(obj)} != header {header}")
    for key, cell in zip(header, row):
        v = obj[key]
        if cell == "":
            if v is not None:
                sys.exit(f"line {n}: {key}: empty cell gave {v!r}, not null")
        elif key in numeric:
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                sys.exit(f"line {n}: {key}: {v!r} is not a JSON number")
            if float(v) != float(cell):
                sys.exit(f"line {n}: {key}: {v!r} != CSV {cell}")
        elif v != cell:
            sys.exit(f"line {n}: {key}: {v!r} != CSV {cell!r}")
print(len(lines))
EOF
}

# 1. trade cat on every dataset (--raw so that CSV text cells are unchanged)
"$TRADE" cat --raw "$SRCDIR"/datasets/*.csv >"$tmp/all.csv" || bad "trade cat csv"
"$TRADE" cat --raw --format jsonl "$SRCDIR"/datasets/*.csv >"$tmp/all.jsonl" || bad "trade cat jsonl"
n=$(compare "$tmp/all.csv" "$tmp/all.jsonl" value,precision) && ok || bad "cat jsonl: $n"
[ "${n:-0}" -ge 73 ] && ok || bad "cat jsonl: only ${n:-0} rows of the datasets"

# 2. awkward text and numbers
cat >"$tmp/odd.csv" <<'EOF'
reporter,partner,flow,period,value,unit,precision,note,label,extra
BEL,KAZ,export,2010,0.1,EUR,,"quote "" comma , backslash \ end",,x
BEL,KAZ,export,2011,-5,EUR,1,"two
lines	and a tab","Bruxelles – Astana €",
BEL,KAZ,export,2012,123456789012.5,EUR,0.1,,,"{""not"": ""json""}"
EOF
"$TRADE" cat --raw "$tmp/odd.csv" >"$tmp/odd.out.csv" || bad "cat odd csv"
"$TRADE" cat --raw --format jsonl "$tmp/odd.csv" >"$tmp/odd.jsonl" || bad "cat odd jsonl"
n=$(compare "$tmp/odd.out.csv" "$tmp/odd.jsonl" value,precision) && ok || bad "odd jsonl: $n"
[ "${n:-0}" -eq 3 ] && ok || bad "odd jsonl: ${n:-0} rows, want 3"
# the values by hand, straight from the JSON text
python3 -c '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert [r["value"] for r in rows] == [0.1, -5, 123456789012.5], rows
assert rows[0]["precision"] is None and rows[0]["label"] is None
assert rows[0]["note"] == "quote \" comma , backslash \\ end"
assert rows[1]["note"] == "two\nlines\tand a tab" and rows[1]["label"] == "Bruxelles – Astana €"
assert rows[1]["extra"] is None and rows[2]["extra"] == "{\"not\": \"json\"}"
' "$tmp/odd.jsonl" && ok || bad "odd jsonl values"

# 3. trade growth: every numeric column a number or null, growth_pct equal to
# 100 * (value_to / value_from - 1) computed here, status a string or null
"$TRADE" growth --raw "$SRCDIR"/datasets/*.csv >"$tmp/g.csv" || bad "trade growth csv"
"$TRADE" growth --raw --format jsonl "$SRCDIR"/datasets/*.csv >"$tmp/g.jsonl" || bad "trade growth jsonl"
n=$(compare "$tmp/g.csv" "$tmp/g.jsonl" value_from,value_to,growth_pct,cagr_pct,log_growth) && ok ||
  bad "growth jsonl: $n"
python3 -c '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert rows, "no growth rows"
checked = 0
for r in rows:
    assert r["status"] is None or isinstance(r["status"], str)
    if r["growth_pct"] is not None:
        want = 100 * (r["value_to"] / r["value_from"] - 1)
        assert abs(r["growth_pct"] - want) <= 1e-9 * max(1, abs(want)), r
        checked += 1
assert checked > 0, "no growth_pct computed"
' "$tmp/g.jsonl" && ok || bad "growth jsonl values"

# 4. a bad --format is a usage error
"$TRADE" cat --format json "$tmp/odd.csv" >/dev/null 2>&1
[ $? -eq 2 ] && ok || bad "--format json did not exit 2"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
