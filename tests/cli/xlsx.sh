#!/usr/bin/env bash
# --format xlsx and report.xlsx, read back with openpyxl (an independent
# reader): numbers are numbers, text is text (a formula-like cell stays a
# string), the header row is bold and frozen, stdout is refused, and the
# report's workbook holds one sheet per table and the sources.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; lib_cleanup' EXIT
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
if ! "$PY" -c 'import openpyxl' 2>/dev/null; then
    [ "${CI:-}" = true ] && { echo "FAIL: python3-openpyxl is needed"; exit 1; }
    echo "SKIP: python3-openpyxl not installed"; exit 77
fi
fail=0
bad() { echo "FAIL: $*"; fail=1; }

cat >"$tmp/in.csv" <<'CSV'
reporter,partner,flow,period,value,unit,precision,source,note
BEL,KAZ,export,2010,100000000,EUR,1000000,b,=1+1
BEL,KAZ,export,2011,118000000,EUR,1000000,b,"@SUM(A1)"
CSV
"$TRADE" cat "$tmp/in.csv" --format xlsx -o "$tmp/cat.xlsx" || bad "cat --format xlsx"
"$TRADE" growth "$tmp/in.csv" --format xlsx -o "$tmp/growth.xlsx" || bad "growth --format xlsx"
"$TRADE" cat "$tmp/in.csv" --format xlsx >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] && grep -q -- '-o FILE.xlsx' "$tmp/err" || bad "xlsx to stdout: rc $rc"
"$PY" - "$tmp" <<'PY' || fail=1
import sys, openpyxl
d = sys.argv[1]
bad = 0
def no(m):
    global bad
    print("FAIL:", m); bad = 1
ws = openpyxl.load_workbook(d + "/cat.xlsx").active
if ws.freeze_panes != "A2": no("header not frozen: %r" % ws.freeze_panes)
head = [c.value for c in ws[1]]
if head[:6] != ["reporter", "partner", "flow", "period", "value", "unit"]: no("header %r" % head)
if not ws["A1"].font.b: no("header not bold")
col = {n: i for i, n in enumerate(head)}
r2 = [c for c in ws[2]]
if r2[col["value"]].data_type != "n" or r2[col["value"]].value != 100000000: no("value not a number")
if r2[col["period"]].data_type != "s" or r2[col["period"]].value != "2010": no("period is not text")
# text that looks like a formula is a string cell, as written (no quote added)
if r2[col["note"]].data_type != "s" or r2[col["note"]].value != "=1+1": no("formula-like note: %r" % r2[col["note"]].value)
if ws.cell(3, col["note"] + 1).value != "@SUM(A1)": no("@ note")
# growth 2010 -> 2011: 118 / 100 - 1 = 18 %
ws = openpyxl.load_workbook(d + "/growth.xlsx").active
head = [c.value for c in ws[1]]
g = ws.cell(2, head.index("growth_pct") + 1)
if g.data_type != "n" or abs(g.value - 18) > 1e-9: no("growth_pct %r" % g.value)
sys.exit(bad)
PY

# the report's workbook: a sheet per table, and the observations
mkdir -p "$tmp/ds"; cp "$tmp/in.csv" "$tmp/ds/"
"$TRADE" report "$tmp/ds" -o "$tmp/rep" --no-render 2>/dev/null || bad "report"
"$PY" - "$tmp/rep/report.xlsx" <<'PY' || fail=1
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
names = [ws.title for ws in wb.worksheets]
want = ["growth", "ranks", "compare", "stats", "fit", "check", "sources"]
if names != want:
    print("FAIL: sheets", names); sys.exit(1)
src = wb["sources"]
# the two observations under the header, their sources named
if src.max_row != 3 or [c.value for c in src[1]].count("source") != 1:
    print("FAIL: sources sheet", src.max_row); sys.exit(1)
PY
lib_valgrind_check || fail=1
[ $fail -eq 0 ] && echo "xlsx: ok"
exit $fail
