#!/usr/bin/env bash
# trade compare (balance, share with and without --of, hhi, index, mirror)
# and trade convert against values computed independently in Python from
# tests/data/stats/flows.csv; a missing exchange rate is a located error.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
data="$SRCDIR/tests/data/stats/flows.csv"
fail=0
run() { # run NAME ARGS...
  local name=$1; shift
  "$TRADE" "$@" >"$tmp/$name.csv" 2>"$tmp/$name.err" || { echo "FAIL: $* exit $?: $(cat "$tmp/$name.err")"; fail=1; }
}
run balance compare balance "$data"
run coverage compare coverage "$data"
run share compare share "$data"
run share_of compare share --of WLD "$data"
run hhi compare hhi "$data"
run hhi_of compare hhi --of WLD "$data"
run index compare index --base 2010 "$data"
run mirror compare mirror "$data"
printf 'period,from,to,rate\n2011,EUR,USD,1.25\n2010,USD,EUR,0.8\n2012,EUR,USD,1.5\n' >"$tmp/rates.csv"
run convert convert --to USD --rates "$tmp/rates.csv" "$data"
if grep -qiE 'inf|nan' "$tmp"/*.csv; then echo "FAIL: inf or nan in the output"; fail=1; fi
cmp -s "$tmp/balance.csv" "$tmp/coverage.csv" || { echo "FAIL: balance and coverage differ"; fail=1; }

"$PY" - "$tmp" "$data" <<'EOF' || fail=1
import csv, sys
tmp, data = sys.argv[1], sys.argv[2]
bad = []
src = list(csv.DictReader(open(data)))
def out(name):
    return list(csv.DictReader(open(f"{tmp}/{name}.csv")))
def close(got, want, what):
    if want is None:
        if got != "":
            bad.append(f"{what}: got {got!r}, want empty")
        return
    if got == "" or abs(float(got) - want) > 1e-9 * max(1, abs(want)):
        bad.append(f"{what}: got {got!r}, want {want!r}")

# the rows used: the approx 118 is the second statement of BEL-KAZ 2011
# exports (the exact 120 wins); rank rows are not levels
used = [r for r in src if r["locator"] not in ("2", "13")]
val = lambda r: float(r["value"])

# balance: X, M per reporter, partner, period
x = {(r["reporter"], r["partner"], r["period"]): val(r) for r in used if r["flow"] == "export"}
m = {(r["reporter"], r["partner"], r["period"]): val(r) for r in used if r["flow"] == "import"}
rows = out("balance")
if len(rows) != len(set(x) | set(m)):
    bad.append(f"balance: {len(rows)} rows")
for r in rows:
    k = (r["reporter"], r["partner"], r["period"])
    X, M = x.get(k), m.get(k)
    close(r["exports"], X, f"balance {k} exports")
    close(r["imports"], M, f"balance {k} imports")
    both = X is not None and M is not None
    close(r["balance"], X - M if both else None, f"balance {k} balance")
    close(r["total"], X + M if both else None, f"balance {k} total")
    close(r["coverage"], X / M if both and M != 0 else None, f"balance {k} coverage")
    if (not both or M == 0) and not r["status"]:
        bad.append(f"balance {k}: empty cells without status")
    if r.get("flow") != "trade":
        bad.append(f"balance {k}: flow {r.get('flow')!r}, want 'trade'")

# share: value / group sum, group reporter, flow, period, unit (no product
# column here); members leave out the aggregate partner WLD (issue 12 fix 5),
# whose own row has no share unless it is the --of total
AGG = {"WLD"}
def groups(rows_):
    g = {}
    for r in rows_:
        g.setdefault((r["reporter"], r["flow"], r["period"], r["unit"]), []).append(r)
    return g
g = groups(used)
for name, of in (("share", None), ("share_of", "WLD")):
    rows = out(name)
    if len(rows) != len(src):
        bad.append(f"{name}: {len(rows)} rows")
    for r in rows:
        if r["locator"] in ("2", "13"):
            if r["share_pct"] != "" or not r["status"]:
                bad.append(f"{name} line {r['locator']}: {r['share_pct']!r} {r['status']!r}")
            continue
        group = g[(r["reporter"], r["flow"], r["period"], r["unit"])]
        members = [s for s in group if s["partner"] not in AGG]
        totals = [val(s) for s in group if s["partner"] == of]
        if r["partner"] in AGG and r["partner"] != of:
            if r["share_pct"] != "" or "aggregate" not in r["status"]:
                bad.append(f"{name} line {r['locator']}: aggregate {r['share_pct']!r} {r['status']!r}")
            continue
        if of and totals:
            want = 100 * val(r) / totals[0]
        else:
            want = 100 * val(r) / sum(val(s) for s in members)
        close(r["share_pct"], want, f"{name} line {r['locator']}")

# hhi: sum of squared shares of the members' sum; with --of, of the stated
# total (the same meaning as in share), and no normalized HHI
for name, of in (("hhi", None), ("hhi_of", "WLD")):
    rows = out(name)
    for r in rows:
        k = (r["reporter"], r["flow"], r["period"], r["unit"])
        v = [val(s) for s in g[k] if s["partner"] not in AGG]
        totals = [val(s) for s in g[k] if s["partner"] == of]
        T = totals[0] if of and totals else sum(v)
        h = sum((a / T) ** 2 for a in v)
        close(r["n"], len(v), f"{name} {k} n")
        close(r["hhi"], h, f"{name} {k} hhi")
        norm = (h - 1 / len(v)) / (1 - 1 / len(v)) if len(v) > 1 and not (of and totals) else None
        close(r["hhi_normalized"], norm, f"{name} {k} normalized")
        if not r["hhi_normalized"] and not r["status"]:
            bad.append(f"{name} {k}: empty hhi_normalized without status")
    if len(rows) != len(g):
        bad.append(f"{name}: {len(rows)} groups, want {len(g)}")

# index: 100 * value / value at 2010 of the same series (only BEL-KAZ export has 2010)
for r in out("index"):
    if r["reporter"] == "BEL" and r["partner"] == "KAZ" and r["flow"] == "export" and r["unit"] == "EUR":
        close(r["index"], 100 * float(r["value"]) / 100, f"index line {r['locator']}")
    else:
        close(r["index"], None, f"index line {r['locator']}")

# mirror: A's exports to B against B's imports from A
rows = out("mirror")
for r in rows:
    X = x.get((r["reporter"], r["partner"], r["period"]))
    M = m.get((r["partner"], r["reporter"], r["period"]))
    close(r["exports_reported"], X, f"mirror {r['reporter']}-{r['partner']} exports")
    close(r["imports_mirror"], M, f"mirror {r['reporter']}-{r['partner']} imports")
    both = X is not None and M is not None
    close(r["gap"], M - X if both else None, f"mirror gap")
    close(r["gap_pct"], 100 * (M - X) / X if both and X else None, f"mirror gap_pct")
pairs = {(r["reporter"], r["partner"], r["period"]) for r in rows if r["exports_reported"] and r["imports_mirror"]}
if pairs != {("BEL", "KAZ", "2011"), ("BEL", "UZB", "2011"), ("KAZ", "BEL", "2011")}:
    bad.append(f"mirror pairs {pairs}")

# convert: EUR to USD with 2011 1.25, 2010 1 / 0.8 (inverse pair), 2012 1.5
rate = {"2011": 1.25, "2010": 1 / 0.8, "2012": 1.5}
rows = out("convert")
for s, r in zip(src, rows):
    if s["unit"] == "EUR":
        close(r["value"], float(s["value"]) * rate[s["period"]], f"convert line {s['locator']}")
        close(r["rate"], rate[s["period"]], f"convert rate {s['locator']}")
        if r["unit"] != "USD" or r["rate_period"] != s["period"]:
            bad.append(f"convert line {s['locator']}: {r['unit']} {r['rate_period']}")
    else:
        if r["value"] != s["value"] or r["unit"] != s["unit"] or r["rate"] != "":
            bad.append(f"convert changed a {s['unit']} row")
for b in bad:
    print("FAIL:", b)
sys.exit(1 if bad else 0)
EOF

# a missing exchange rate: exit 1, the row's period cell named, nothing written
printf 'period,from,to,rate\n2011,EUR,USD,1.25\n' >"$tmp/rates2011.csv"
echo keep >"$tmp/target.csv"
"$TRADE" convert --to USD --rates "$tmp/rates2011.csv" -o "$tmp/target.csv" "$data" 2>"$tmp/err"
rc=$?
if [ $rc -ne 1 ] || ! grep -q "^$data:9:16: no EUR to USD rate for period 2010" "$tmp/err"; then
  echo "FAIL: missing rate: exit $rc: $(cat "$tmp/err")"; fail=1
fi
[ "$(cat "$tmp/target.csv")" = keep ] || { echo "FAIL: -o touched on failure"; fail=1; }
# a bad rate is located in the rate table
printf 'period,from,to,rate\n2011,EUR,USD,abc\n' >"$tmp/badrate.csv"
"$TRADE" convert --to USD --rates "$tmp/badrate.csv" "$data" >/dev/null 2>"$tmp/err"
rc=$?
[ $rc -eq 1 ] && grep -q "^$tmp/badrate.csv:2:14: rate" "$tmp/err" || { echo "FAIL: bad rate: $rc $(cat "$tmp/err")"; fail=1; }
"$TRADE" convert --rates "$tmp/rates.csv" "$data" >/dev/null 2>&1
[ $? -eq 2 ] || { echo "FAIL: convert without --to"; fail=1; }
"$TRADE" compare index "$data" >/dev/null 2>&1
[ $? -eq 2 ] || { echo "FAIL: index without --base"; fail=1; }
"$TRADE" compare nonsense "$data" >/dev/null 2>&1
[ $? -eq 2 ] || { echo "FAIL: unknown comparison"; fail=1; }
"$TRADE" compare share --group reporter,nope "$data" >/dev/null 2>&1
[ $? -eq 2 ] || { echo "FAIL: missing --group column"; fail=1; }
exit $fail
