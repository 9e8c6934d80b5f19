#!/usr/bin/env bash
# trade growth, fit and stats against values computed independently in
# Python (plain float arithmetic, statistics, and the Student t quantile
# from scipy or, for 1 and 2 degrees of freedom, its closed forms), on
# tests/data/stats/series.csv: gaps of several years, a zero base, negative
# bases, a partial period, a figure stated twice, quarters, n = 2..5.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
data="$SRCDIR/tests/data/stats/series.csv"
fail=0

"$TRADE" growth "$data" >"$tmp/growth.csv" || { echo "FAIL: growth exit $?"; fail=1; }
"$TRADE" growth --annualize-partial "$data" >"$tmp/growth_ann.csv" || { echo "FAIL: growth --annualize-partial"; fail=1; }
"$TRADE" growth --from 2005 --to 2008 "$data" >"$tmp/growth_span.csv" || { echo "FAIL: growth --from"; fail=1; }
"$TRADE" fit "$data" >"$tmp/fit.csv" || { echo "FAIL: fit exit $?"; fail=1; }
"$TRADE" stats "$data" >"$tmp/stats.csv" || { echo "FAIL: stats exit $?"; fail=1; }
if grep -qiE 'inf|nan' "$tmp"/growth*.csv "$tmp/fit.csv" "$tmp/stats.csv"; then
  echo "FAIL: inf or nan in the output"; fail=1
fi

"$PY" - "$tmp" <<'EOF' || fail=1
import csv, math, statistics, sys
tmp = sys.argv[1]
bad = []

def rows(name):
    with open(f"{tmp}/{name}") as f:
        return list(csv.DictReader(f))

def close(got, want, what, rel=1e-9):
    if want is None:
        if got != "":
            bad.append(f"{what}: got {got!r}, want empty")
        return
    if got == "":
        bad.append(f"{what}: empty, want {want!r}")
        return
    g = float(got)
    if abs(g - want) > rel * max(abs(want), 1e-300) and abs(g - want) > 1e-12:
        bad.append(f"{what}: got {g!r}, want {want!r}")

def key(r):
    return (r["reporter"], r["partner"], r["flow"], r["product"], r["unit"], r["period_from"], r["period_to"])

# --- growth: the expected pairs, written out from the data by hand ---------
# (v0, v1, years) per pair; None where the cells must be empty
def growth(v0, v1, years):
    if v0 <= 0:
        return None, None, None
    r = v1 / v0
    g = 100 * (r - 1)
    c = 100 * (r ** (1 / years) - 1) if r >= 0 else None
    l = math.log(r) if r > 0 else None
    return g, c, l

want = {
    ("BEL", "KAZ", "export", "", "EUR", "2005", "2006"): (120.5, 131.25, 1),  # exact figure, not the approx 130
    ("BEL", "KAZ", "export", "", "EUR", "2006", "2008"): (131.25, 160, 2),    # a gap of two years
    ("BEL", "KAZ", "export", "", "EUR", "2008", "2009"): (160, 0, 1),
    ("BEL", "KAZ", "export", "", "EUR", "2009", "2010"): (0, 50, 1),          # zero base
    ("BEL", "KAZ", "export", "", "EUR", "2010", "2011-01/2011-10"): "incomparable periods",
    ("BEL", "KAZ", "export", "", "EUR", "2011-01/2011-10", "2012-01/2012-10"): (45, 60, 1),
    ("LUX", "UZB", "export", "", "USD", "2001", "2002"): (-20, 10, 1),
    ("LUX", "UZB", "export", "", "USD", "2002", "2003"): (10, -5, 1),
    ("LUX", "UZB", "export", "", "USD", "2003", "2004"): (-5, 7, 1),
    ("KAZ", "CHN", "import", "27", "USD", "2019-Q4", "2020-Q1"): (1000, 900, 0.25),
    ("KAZ", "CHN", "import", "27", "USD", "2020-Q1", "2020-Q2"): (900, 990, 0.25),
    ("KAZ", "CHN", "import", "27", "USD", "2020-Q2", "2020-Q3"): (990, 1188, 0.25),
    ("KAZ", "CHN", "import", "72", "USD", "2020-Q2", "2021-Q2"): (990, 1485, 1),
    ("KAZ", "RUS", "trade", "", "USD", "2000", "2001"): (100, 112, 1),
    ("KAZ", "RUS", "trade", "", "USD", "2001", "2002"): (112, 119, 1),
    ("KAZ", "RUS", "trade", "", "USD", "2002", "2003"): (119, 140, 1),
    ("KAZ", "RUS", "trade", "", "USD", "2003", "2004"): (140, 151.5, 1),
    ("KAZ", "TJK", "trade", "", "USD", "2004", "2005"): (10, 20, 1),
}
got = {key(r): r for r in rows("growth.csv")}
if set(got) != set(want):
    bad.append(f"growth pairs differ: extra {set(got) - set(want)}, missing {set(want) - set(got)}")
for k, w in want.items():
    r = got.get(k)
    if r is None:
        continue
    if isinstance(w, str):
        if r["status"] != w or r["growth_pct"] != "":
            bad.append(f"growth {k}: status {r['status']!r}, want {w!r} and empty cells")
        continue
    v0, v1, years = w
    g, c, l = growth(v0, v1, years)
    if years < 1:  # less than a year apart: no CAGR (not the 4th or 12th power)
        c = None
    close(r["value_from"], v0, f"growth {k} value_from")
    close(r["value_to"], v1, f"growth {k} value_to")
    close(r["growth_pct"], g, f"growth {k} growth_pct")
    close(r["cagr_pct"], c, f"growth {k} cagr_pct")
    close(r["log_growth"], l, f"growth {k} log_growth")
    if (g is None or c is None or l is None) and not r["status"]:
        bad.append(f"growth {k}: empty cells without a status")
# carried column: the same in both rows, else empty; percent_change skipped
if got.get(("BEL", "KAZ", "export", "", "EUR", "2005", "2006"), {}).get("extra") != "x1":
    bad.append("growth: extra column not carried")
if got.get(("BEL", "KAZ", "export", "", "EUR", "2009", "2010"), {}).get("extra") != "":
    bad.append("growth: extra column carried across different values")

# annualised: 50 a year against 45 in ten months = 54 a year: +8 %
ann = {key(r): r for r in rows("growth_ann.csv")}
r = ann[("BEL", "KAZ", "export", "", "EUR", "2010", "2011-01/2011-10")]
close(r["growth_pct"], 100 * (45 * 12 / 10 / 50 - 1), "annualised growth_pct")
close(r["log_growth"], math.log(45 * 12 / 10 / 50), "annualised log_growth")
if "annualized" not in r["status"]:
    bad.append(f"annualised status {r['status']!r}")

# --from 2005 --to 2008: one row, 3 years
span = rows("growth_span.csv")
if len(span) != 1:
    bad.append(f"--from/--to gave {len(span)} rows")
else:
    close(span[0]["cagr_pct"], 100 * ((160 / 120.5) ** (1 / 3) - 1), "span cagr_pct")
    close(span[0]["growth_pct"], 100 * (160 / 120.5 - 1), "span growth_pct")

# --- fit: OLS of ln(value) on the start year -------------------------------
def tq(df):
    try:
        from scipy.stats import t
        return t.ppf(0.975, df)
    except ImportError:
        if df == 1:
            return math.tan(math.pi * 0.475)
        if df == 2:
            return 0.95 / math.sqrt(2 * 0.975 * 0.025)
        if df == 3:
            return 3.182446305284263  # scipy.stats.t.ppf(0.975, 3)
        raise

def fit(ts, vs):
    n = len(ts)
    ys = [math.log(v) for v in vs]
    mx, my = sum(ts) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in ts)
    sxy = sum((x - mx) * (y - my) for x, y in zip(ts, ys))
    b = sxy / sxx
    a = my - b * mx
    sse = sum((y - a - b * x) ** 2 for x, y in zip(ts, ys))
    sst = sum((y - my) ** 2 for y in ys)
    se = math.sqrt(sse / (n - 2) / sxx)
    q = tq(n - 2)
    return (100 * math.expm1(b), 100 * math.expm1(b - q * se), 100 * math.expm1(b + q * se), 1 - sse / sst)

fits = {key(r): r for r in rows("fit.csv")}
quarters = [2019.75, 2020.0, 2020.25, 2020.5]
wantfit = {
    ("KAZ", "CHN", "import", "27", "USD", "2019-Q4", "2020-Q3"): fit(quarters, [1000, 900, 990, 1188]),
    ("KAZ", "RUS", "trade", "", "USD", "2000", "2004"): fit([2000, 2001, 2002, 2003, 2004], [100, 112, 119, 140, 151.5]),
}
for k, w in wantfit.items():
    r = fits.get(k)
    if r is None:
        bad.append(f"fit: no row {k}")
        continue
    for col, v in zip(("trend_pct", "ci_low_pct", "ci_high_pct", "r2"), w):
        close(r[col], v, f"fit {k} {col}", 1e-7)
for k, n, status in [
    (("KAZ", "TJK", "trade", "", "USD", "2004", "2005"), "2", "fewer than 3 points"),
    (("KAZ", "CHN", "import", "72", "USD", "2020-Q2", "2021-Q2"), "2", "fewer than 3 points"),
    (("BEL", "KAZ", "export", "", "EUR", "2005", "2010"), "5", "non-positive value: no log-linear fit"),
]:
    r = fits.get(k)
    if r is None or r["n"] != n or r["status"] != status or r["trend_pct"] or r["r2"]:
        bad.append(f"fit {k}: {r}")

# --- stats: statistics module ---------------------------------------------
st = {key(r): r for r in rows("stats.csv")}
wantst = {
    ("BEL", "KAZ", "export", "", "EUR", "2005", "2010"): [120.5, 131.25, 160, 0, 50],
    ("KAZ", "CHN", "import", "27", "USD", "2019-Q4", "2020-Q3"): [1000, 900, 990, 1188],
    ("KAZ", "RUS", "trade", "", "USD", "2000", "2004"): [100, 112, 119, 140, 151.5],
    ("KAZ", "TJK", "trade", "", "USD", "2004", "2005"): [10, 20],
    ("LUX", "UZB", "export", "", "USD", "2001", "2004"): [-20, 10, -5, 7],
}
for k, v in wantst.items():
    r = st.get(k)
    if r is None:
        bad.append(f"stats: no row {k}")
        continue
    close(r["n"], len(v), f"stats {k} n")
    close(r["first"], v[0], f"stats {k} first")
    close(r["last"], v[-1], f"stats {k} last")
    close(r["min"], min(v), f"stats {k} min")
    close(r["max"], max(v), f"stats {k} max")
    close(r["mean"], statistics.mean(v), f"stats {k} mean")
    close(r["median"], statistics.median(v), f"stats {k} median")
    close(r["sd"], statistics.stdev(v), f"stats {k} sd")

for b in bad:
    print("FAIL:", b)
sys.exit(1 if bad else 0)
EOF

# stats with one point: sd empty and a status; n = 0 cannot come from data
printf 'reporter,partner,flow,period,value,unit\nBEL,KAZ,export,2010,5,EUR\n' >"$tmp/one.csv"
"$TRADE" stats "$tmp/one.csv" >"$tmp/one_out.csv"
if ! grep -q '^BEL,KAZ,export,EUR,2010,2010,1,5,5,5,5,5,5,,fewer than 2 points' "$tmp/one_out.csv"; then
  echo "FAIL: stats n=1: $(cat "$tmp/one_out.csv")"; fail=1
fi
# usage errors
"$TRADE" growth --from 2005 "$data" >/dev/null 2>&1; [ $? -eq 2 ] || { echo "FAIL: --from alone"; fail=1; }
"$TRADE" fit --bogus "$data" >/dev/null 2>&1; [ $? -eq 2 ] || { echo "FAIL: fit --bogus"; fail=1; }
"$TRADE" stats --help | grep -q '^usage: trade stats' || { echo "FAIL: stats --help"; fail=1; }
exit $fail
