#!/usr/bin/env bash
# Large inputs, where the reader reads on two threads (a file of 4 MB or more)
# and growth and rank write the second half of their rows on a second thread:
# every output row is checked against Python's own computation, in order,
# and a bad row past the middle of the file is still reported at its line;
# a closed output pipe is exit 2, not a signal.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; lib_cleanup' EXIT
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
fail=0

# 142,500 rows, 4.8 MB: 28,500 series (reporter x another partner x flow) of
# 5 years, in year order as a BACI import writes them, values from a fixed LCG
# (no row from a country to itself: the format refuses those)
"$PY" - "$tmp/big.csv" <<'EOF_PY'
import sys
codes = ["BEL", "LUX", "KAZ", "UZB", "TKM", "KGZ", "TJK", "RUS", "CHN", "DEU",
         "FRA", "NLD", "ITA", "ESP", "POL", "TUR", "IND", "USA", "JPN", "KOR"]
x = 12345
with open(sys.argv[1], "w") as f:
    f.write("reporter,partner,flow,period,value,unit,note\n")
    for year in range(2015, 2020):
        for r in codes:
            for p in codes:
                if p == r:
                    continue
                for k in range(75):
                    flow = ("export", "import", "trade")[k % 3]
                    x = (x * 1103515245 + 12345) % 2**31
                    v = x % 10**9 + 1
                    f.write(f"{r},{p},{flow},{year},{v},USD,k{k // 3}\n")
EOF_PY
# the generator writes one row per (reporter, partner, flow, k/3): make the
# series keys unique with the product column instead of note
sed -i '1s/,note$/,product/' "$tmp/big.csv"
[ "$(stat -c %s "$tmp/big.csv")" -gt 4194304 ] || { echo "FAIL: test file too small"; fail=1; }

"$TRADE" growth "$tmp/big.csv" -o "$tmp/growth.csv" || { echo "FAIL: growth"; fail=1; }
"$TRADE" rank "$tmp/big.csv" -o "$tmp/rank.csv" || { echo "FAIL: rank"; fail=1; }
"$TRADE" validate "$tmp/big.csv" >/dev/null || { echo "FAIL: validate"; fail=1; }

"$PY" - "$tmp" <<'EOF_PY' || fail=1
import csv, math, sys
from collections import OrderedDict
tmp = sys.argv[1]
rows = list(csv.DictReader(open(f"{tmp}/big.csv")))
bad = []
# growth: series in order of their first row, consecutive years
series = OrderedDict()
for r in rows:
    series.setdefault((r["reporter"], r["partner"], r["flow"], r["product"]), []).append(r)
want = []
for key, rs in series.items():
    for a, b in zip(rs, rs[1:]):
        v0, v1 = float(a["value"]), float(b["value"])
        want.append((key, a["period"], b["period"], 100 * (v1 / v0 - 1), math.log(v1 / v0)))
got = list(csv.DictReader(open(f"{tmp}/growth.csv")))
if len(got) != len(want):
    bad.append(f"growth: {len(got)} rows, want {len(want)}")
for g, (key, p0, p1, pct, lg) in zip(got, want):
    k = (g["reporter"], g["partner"], g["flow"], g["product"])
    if k != key or (g["period_from"], g["period_to"]) != (p0, p1):
        bad.append(f"growth: row {k} {g['period_from']}-{g['period_to']}, want {key} {p0}-{p1}")
        break
    if abs(float(g["growth_pct"]) - pct) > 1e-9 * max(1, abs(pct)) or \
       abs(float(g["log_growth"]) - lg) > 1e-12 * max(1, abs(lg)):
        bad.append(f"growth: {k} {p0}-{p1}: {g['growth_pct']} {g['log_growth']}, want {pct} {lg}")
        break
# rank: in file order, rank within (reporter, flow, period, unit, product),
# descending, ties min (product is part of the default group: issue 12 fix 4)
groups = {}
for r in rows:
    groups.setdefault((r["reporter"], r["flow"], r["period"], r["unit"], r["product"]), []).append(float(r["value"]))
got = list(csv.DictReader(open(f"{tmp}/rank.csv")))
if len(got) != len(rows):
    bad.append(f"rank: {len(got)} rows, want {len(rows)}")
for i, (g, r) in enumerate(zip(got, rows)):
    vals = groups[(r["reporter"], r["flow"], r["period"], r["unit"], r["product"])]
    want_rank = 1 + sum(1 for v in vals if v > float(r["value"]))
    if g["value"] != r["value"] or g["product"] != r["product"] or int(g["rank"]) != want_rank:
        bad.append(f"rank: row {i + 2}: {g['value']} rank {g['rank']}, want {r['value']} rank {want_rank}")
        break
for b in bad:
    print("FAIL:", b)
sys.exit(1 if bad else 0)
EOF_PY

# a bad value on line 120,002 (past the middle): exit 1, that line, growth and
# validate alike; an existing -o file stays as it was
"$PY" - "$tmp/big.csv" "$tmp/bad.csv" <<'EOF_PY'
import sys
lines = open(sys.argv[1]).read().split("\n")
f = lines[120001].split(",")
f[4] = "12x"
lines[120001] = ",".join(f)
open(sys.argv[2], "w").write("\n".join(lines))
EOF_PY
echo keep >"$tmp/out.csv"
"$TRADE" growth "$tmp/bad.csv" -o "$tmp/out.csv" 2>"$tmp/err"
rc=$?
[ $rc -eq 1 ] || { echo "FAIL: bad row: exit $rc"; fail=1; }
grep -q "^$tmp/bad.csv:120002:[0-9]*: value: '12x'" "$tmp/err" || { echo "FAIL: bad row message:"; cat "$tmp/err"; fail=1; }
[ "$(cat "$tmp/out.csv")" = keep ] || { echo "FAIL: -o file changed"; fail=1; }

# a reader that stops early (| head): exit 2, no signal, nothing on stderr
"$TRADE" growth "$tmp/big.csv" 2>"$tmp/pipe_err" | head -1 >/dev/null
rc=${PIPESTATUS[0]}
[ "$rc" -eq 2 ] || { echo "FAIL: growth | head: exit $rc, want 2 (no SIGPIPE)"; fail=1; }
[ ! -s "$tmp/pipe_err" ] || { echo "FAIL: growth | head said:"; cat "$tmp/pipe_err"; fail=1; }

lib_valgrind_check || fail=1
[ $fail -eq 0 ] && echo "large: ok"
exit $fail
