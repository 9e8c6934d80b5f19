#!/usr/bin/env bash
# trade rank against pandas' rank (method min, max, dense, average, first;
# descending and ascending) on tests/data/stats/rank.csv, ranking of trade
# growth output by growth_pct (generic CSV), and the located errors.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
data="$SRCDIR/tests/data/stats/rank.csv"
fail=0

for ties in min max dense average first; do
  "$TRADE" rank --ties $ties "$data" >"$tmp/rank_${ties}_desc.csv" || { echo "FAIL: rank $ties"; fail=1; }
  "$TRADE" rank --ties $ties --ascending "$data" >"$tmp/rank_${ties}_asc.csv" || fail=1
done
"$TRADE" rank "$data" >"$tmp/rank_default.csv" || fail=1
"$TRADE" rank --by value --group flow --ties dense "$data" >"$tmp/rank_flow.csv" || fail=1

"$PY" - "$tmp" "$data" <<'EOF' || fail=1
import csv, sys
tmp, data = sys.argv[1], sys.argv[2]
bad = []
with open(data) as f:
    src = list(csv.DictReader(f))

def expected(method, ascending, group):
    try:
        import pandas as pd
        df = pd.DataFrame(src)
        df["v"] = df["value"].astype(float)
        return list(df.groupby(group, sort=False)["v"].rank(method=method, ascending=ascending))
    except ImportError:
        # by hand: position among the group's values sorted, ties by method
        out = []
        for i, r in enumerate(src):
            g = [(float(s["value"]), j) for j, s in enumerate(src) if all(s[c] == r[c] for c in group)]
            v = float(r["value"])
            key = (lambda x: x[0]) if ascending else (lambda x: -x[0])
            order = sorted(g, key=lambda x: (key(x), x[1]))
            pos = [k for k, x in enumerate(order, 1) if x[0] == v]
            if method == "min": out.append(pos[0])
            elif method == "max": out.append(pos[-1])
            elif method == "average": out.append(sum(pos) / len(pos))
            elif method == "first": out.append(next(k for k, x in enumerate(order, 1) if x[1] == i))
            else: out.append(len({x[0] for x in order if key(x) < key((v, 0))}) + 1)
        return out

group = ["reporter", "flow", "period", "unit"]
for method in ["min", "max", "dense", "average", "first"]:
    for asc, tag in [(False, "desc"), (True, "asc")]:
        with open(f"{tmp}/rank_{method}_{tag}.csv") as f:
            got = list(csv.DictReader(f))
        want = expected(method, asc, group)
        if len(got) != len(src):
            bad.append(f"{method} {tag}: {len(got)} rows")
            continue
        for i, (g, w) in enumerate(zip(got, want)):
            if g["note"] != src[i]["note"] or abs(float(g["rank"]) - w) > 1e-12:
                bad.append(f"{method} {tag} row {i + 2}: rank {g['rank']}, want {w}")
with open(f"{tmp}/rank_default.csv") as f:
    got = [float(r["rank"]) for r in csv.DictReader(f)]
if got != expected("min", False, group):
    bad.append(f"default is not min, descending: {got}")
with open(f"{tmp}/rank_flow.csv") as f:
    got = [float(r["rank"]) for r in csv.DictReader(f)]
if got != expected("dense", False, ["flow"]):
    bad.append(f"--group flow: {got}")
for b in bad:
    print("FAIL:", b)
sys.exit(1 if bad else 0)
EOF

# the output of trade growth, ranked by growth_pct (empty growth: empty rank)
"$TRADE" growth "$SRCDIR/tests/data/stats/series.csv" | "$TRADE" rank --by growth_pct --group unit >"$tmp/gr.csv"
rc=$?
[ $rc -eq 0 ] || { echo "FAIL: rank of growth output exit $rc"; fail=1; }
"$PY" - "$tmp/gr.csv" <<'EOF' || fail=1
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
bad = []
for r in rows:
    if r["growth_pct"] == "":
        if r["rank"] != "":
            bad.append(f"empty growth ranked: {r}")
        continue
    same = [float(s["growth_pct"]) for s in rows if s["unit"] == r["unit"] and s["growth_pct"] != ""]
    want = 1 + sum(1 for v in same if v > float(r["growth_pct"]))
    if float(r["rank"]) != want:
        bad.append(f"{r['period_from']}->{r['period_to']} {r['growth_pct']}: rank {r['rank']}, want {want}")
if not rows:
    bad.append("no rows")
for b in bad:
    print("FAIL:", b)
sys.exit(1 if bad else 0)
EOF

# errors: a non-number in --by is located; missing columns are usage errors
printf 'name,score\na,1\nb,x2\n' >"$tmp/g.csv"
"$TRADE" rank --by score --group name "$tmp/g.csv" >/dev/null 2>"$tmp/err"
rc=$?
if [ $rc -ne 1 ] || ! grep -q "^$tmp/g.csv:3:3: score: 'x2' is not a number" "$tmp/err"; then
  echo "FAIL: non-number in --by: exit $rc, $(cat "$tmp/err")"; fail=1
fi
"$TRADE" rank --by nope "$data" >/dev/null 2>"$tmp/err"
rc=$?
[ $rc -eq 2 ] && grep -q "no column 'nope'" "$tmp/err" || { echo "FAIL: missing --by column: $rc"; fail=1; }
"$TRADE" rank --group reporter,nope "$data" >/dev/null 2>"$tmp/err"
rc=$?
[ $rc -eq 2 ] && grep -q "no column 'nope'" "$tmp/err" || { echo "FAIL: missing --group column: $rc"; fail=1; }
"$TRADE" rank --ties weird "$data" >/dev/null 2>&1
[ $? -eq 2 ] || { echo "FAIL: --ties weird"; fail=1; }
# a generic CSV with exponent numbers ranks too; empty cells stay unranked
printf 'name,score\na,1e3\nb,\nc,20\n' >"$tmp/e.csv"
"$TRADE" rank --by score --group name --ascending "$tmp/e.csv" >"$tmp/e_out.csv"
if [ "$(cut -d, -f3 "$tmp/e_out.csv" | tr '\n' ' ')" != "rank 1  1 " ]; then
  echo "FAIL: generic rank: $(cat "$tmp/e_out.csv")"; fail=1
fi
exit $fail
