#!/usr/bin/env bash
# reference.sh - growth, CAGR, fit (slope, 95 % interval, r2), stats (n,
# first, last, min, max, mean, median, sd) and rank with every tie method,
# both directions, recomputed by independent tools on generated data and
# compared with trade's output: numpy and pandas (python3), and R (Rscript:
# lm + confint, quantile type 7, rank) when it is installed.
#
# Definitions checked: growth_pct = 100 (v1/v0 - 1); cagr_pct = 100
# ((v1/v0)^(1/years) - 1), years between the periods' starts (gaps are
# annualised); log_growth = ln(v1/v0); fit: OLS of ln(value) on the start
# year, trend_pct = 100 (e^b - 1), interval 100 (e^(b -/+ t(0.975, n-2)
# se(b)) - 1), r2 = 1 - SSR/SST; sd with n - 1; median = the type 7 (R's
# default, numpy's "linear") quantile at 0.5; ranks as pandas' rank(method)
# and R's rank(ties.method), dense as pandas' "dense".
set -u
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/trade-ref.XXXXXX")
trap 'rm -rf "$tmp"; lib_cleanup' EXIT
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
"$PY" -c 'import numpy, pandas' 2>/dev/null || { echo "SKIPPED: no numpy/pandas"; exit 77; }
fail=0

# 40 series (4 reporters x 5 partners x 2 flows) of 5 to 15 years between
# 2000 and 2014 with gaps; values from a seeded generator, a third of them
# from {100, 200, 300} x 1000 so that ranks tie.
"$PY" - "$tmp/in.csv" <<'EOF_PY'
import random, sys
random.seed(12)
with open(sys.argv[1], "w") as f:
    f.write("reporter,partner,flow,period,value,unit\n")
    for r in ("BEL", "LUX", "DEU", "FRA"):
        for p in ("KAZ", "UZB", "KGZ", "TJK", "TKM"):
            for flow in ("export", "import"):
                years = sorted(random.sample(range(2000, 2015), random.randint(5, 15)))
                for y in years:
                    if random.random() < 1 / 3:
                        v = random.choice((100, 200, 300)) * 1000
                    else:
                        v = round(random.lognormvariate(13, 1.5)) + 1
                    f.write(f"{r},{p},{flow},{y},{v},EUR\n")
EOF_PY
"$TRADE" growth "$tmp/in.csv" >"$tmp/growth.csv" || { echo "FAIL: trade growth"; fail=1; }
"$TRADE" fit "$tmp/in.csv" >"$tmp/fit.csv" || { echo "FAIL: trade fit"; fail=1; }
"$TRADE" stats "$tmp/in.csv" >"$tmp/stats.csv" || { echo "FAIL: trade stats"; fail=1; }
for m in min max dense average first; do
    "$TRADE" rank --ties $m "$tmp/in.csv" >"$tmp/rank-$m-desc.csv" || { echo "FAIL: trade rank $m"; fail=1; }
    "$TRADE" rank --ties $m --ascending "$tmp/in.csv" >"$tmp/rank-$m-asc.csv" || { echo "FAIL: trade rank $m --ascending"; fail=1; }
done

"$PY" - "$tmp" <<'EOF_PY' || fail=1
import sys
import numpy as np
import pandas as pd
tmp = sys.argv[1]
bad = []
def close(got, want, what, rel=1e-9, ab=1e-12):
    if not (abs(got - want) <= max(ab, rel * abs(want))):
        bad.append(f"{what}: trade {got!r}, reference {want!r}")
inp = pd.read_csv(f"{tmp}/in.csv", dtype={"period": int})
key = ["reporter", "partner", "flow", "unit"]
# growth and CAGR: consecutive years of each series, gaps annualised
want = {}
for k, g in inp.groupby(key, sort=False):
    g = g.sort_values("period")
    v, y = g["value"].to_numpy(float), g["period"].to_numpy()
    for i in range(1, len(v)):
        ratio = v[i] / v[i - 1]
        want[k + (y[i - 1], y[i])] = (100 * (ratio - 1), 100 * (ratio ** (1 / (y[i] - y[i - 1])) - 1), np.log(ratio))
growth = pd.read_csv(f"{tmp}/growth.csv", dtype={"period_from": int, "period_to": int})
if len(growth) != len(want):
    bad.append(f"growth: {len(growth)} rows, reference {len(want)}")
for _, r in growth.iterrows():
    k = tuple(r[c] for c in key) + (r["period_from"], r["period_to"])
    if k not in want:
        bad.append(f"growth: unexpected pair {k}")
        continue
    g, c, l = want[k]
    close(r["growth_pct"], g, f"growth_pct {k}")
    close(r["cagr_pct"], c, f"cagr_pct {k}")
    close(r["log_growth"], l, f"log_growth {k}")
# fit: numpy's least squares on ln(value) against the year
fit = pd.read_csv(f"{tmp}/fit.csv")
nfit = 0
for k, g in inp.groupby(key, sort=False):
    x, y = g["period"].to_numpy(float), np.log(g["value"].to_numpy(float))
    row = fit[(fit[key] == pd.Series(k, index=key)).all(axis=1)]
    if len(row) != 1:
        bad.append(f"fit {k}: {len(row)} rows")
        continue
    row = row.iloc[0]
    b, a = np.polyfit(x, y, 1)
    ssr = float(np.sum((y - (a + b * x)) ** 2))
    sst = float(np.sum((y - y.mean()) ** 2))
    close(row["n"], len(x), f"fit n {k}")
    close(row["trend_pct"], 100 * np.expm1(b), f"fit trend_pct {k}", 1e-8)
    close(row["r2"], 1 - ssr / sst, f"fit r2 {k}", 1e-8)
    nfit += 1
# stats: numpy
st = pd.read_csv(f"{tmp}/stats.csv")
for k, g in inp.groupby(key, sort=False):
    g = g.sort_values("period")
    v = g["value"].to_numpy(float)
    row = st[(st[key] == pd.Series(k, index=key)).all(axis=1)].iloc[0]
    for name, ref in (("n", len(v)), ("first", v[0]), ("last", v[-1]), ("min", v.min()),
                      ("max", v.max()), ("mean", v.mean()), ("median", np.quantile(v, 0.5)),
                      ("sd", v.std(ddof=1))):
        close(row[name], ref, f"stats {name} {k}")
# rank: pandas, within (reporter, flow, period, unit) (product is empty)
grp = ["reporter", "flow", "period", "unit"]
for m in ("min", "max", "dense", "average", "first"):
    for d, asc in (("desc", False), ("asc", True)):
        ref = inp.groupby(grp, sort=False)["value"].rank(method=m, ascending=asc)
        got = pd.read_csv(f"{tmp}/rank-{m}-{d}.csv")["rank"]
        diff = np.flatnonzero(ref.to_numpy() != got.to_numpy())
        if len(diff):
            i = diff[0]
            bad.append(f"rank {m} {d}: row {i + 2}: trade {got[i]}, pandas {ref[i]} ({len(diff)} rows differ)")
for b in bad[:20]:
    print("FAIL:", b)
print(f"numpy/pandas: {len(growth)} growth rows, {nfit} fits, {len(st)} summaries, 10 rankings of {len(inp)} rows checked")
sys.exit(1 if bad else 0)
EOF_PY

if command -v Rscript >/dev/null; then
    Rscript - "$tmp" <<'EOF_R' || fail=1
args <- commandArgs(trailingOnly = TRUE)
tmp <- args[1]
bad <- character(0)
close <- function(got, want, what, rel = 1e-8) {
  if (!isTRUE(abs(got - want) <= max(1e-12, rel * abs(want))))
    bad <<- c(bad, sprintf("%s: trade %.17g, R %.17g", what, got, want))
}
inp <- read.csv(file.path(tmp, "in.csv"), stringsAsFactors = FALSE)
fit <- read.csv(file.path(tmp, "fit.csv"), stringsAsFactors = FALSE)
st <- read.csv(file.path(tmp, "stats.csv"), stringsAsFactors = FALSE)
key <- paste(inp$reporter, inp$partner, inp$flow, inp$unit)
for (k in unique(key)) {
  d <- inp[key == k, ]
  d <- d[order(d$period), ]
  m <- lm(log(value) ~ period, data = d)
  ci <- confint(m, "period", level = 0.95)
  f <- fit[paste(fit$reporter, fit$partner, fit$flow, fit$unit) == k, ]
  close(f$trend_pct, 100 * expm1(coef(m)[["period"]]), paste("fit trend_pct", k))
  close(f$ci_low_pct, 100 * expm1(ci[1]), paste("fit ci_low_pct", k))
  close(f$ci_high_pct, 100 * expm1(ci[2]), paste("fit ci_high_pct", k))
  close(f$r2, summary(m)$r.squared, paste("fit r2", k))
  s <- st[paste(st$reporter, st$partner, st$flow, st$unit) == k, ]
  close(s$mean, mean(d$value), paste("stats mean", k))
  close(s$median, quantile(d$value, 0.5, type = 7, names = FALSE), paste("stats median", k))
  close(s$sd, sd(d$value), paste("stats sd", k))
}
grp <- paste(inp$reporter, inp$flow, inp$period, inp$unit)
dense <- function(x) match(x, sort(unique(x)))
for (m in c("min", "max", "dense", "average", "first")) {
  for (dir in c("desc", "asc")) {
    got <- read.csv(file.path(tmp, sprintf("rank-%s-%s.csv", m, dir)))$rank
    x <- if (dir == "desc") -inp$value else inp$value
    ref <- ave(x, grp, FUN = function(v) if (m == "dense") dense(v) else rank(v, ties.method = m))
    if (any(ref != got))
      bad <- c(bad, sprintf("rank %s %s: %d rows differ from R's rank()", m, dir, sum(ref != got)))
  }
}
for (b in head(bad, 20)) cat("FAIL:", b, "\n")
cat(sprintf("R: %d fits (lm, confint), %d summaries, 10 rankings checked\n", length(unique(key)), nrow(st)))
quit(status = if (length(bad)) 1 else 0)
EOF_R
else
    echo "R not installed: the lm/confint and rank() checks are skipped"
fi
lib_valgrind_check || fail=1
[ $fail -eq 0 ] || { echo "reference: FAILED" >&2; exit 1; }
echo "reference: ok"
