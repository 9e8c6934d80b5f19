#!/usr/bin/env bash
# reference_compare.sh - trade compare (balance, coverage, total, share, hhi, index,
# mirror) and trade convert recomputed independently on generated data:
# with pandas/numpy (every mode) and with R (share, HHI, balance, coverage,
# index, convert), agreeing to 1e-12 relative. The data are random but
# seeded: 6 reporters x 9 partners (WLD among them, an aggregate, so never
# a member of a share) x export/import x 2000..2011, some relations and
# years missing (unmatched balance and mirror sides), a product split for
# some rows, EUR and USD, one figure per period (so no duplicate rule is
# involved), values with two decimals.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; lib_cleanup' EXIT
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
"$PY" -c 'import pandas, numpy' || { echo "FAIL: python3 with pandas and numpy is needed"; exit 1; }
fail=0
cd "$tmp" || exit 2

"$PY" - <<'PY'
import numpy as np
rng = np.random.default_rng(20261201)
rep = ["BEL", "LUX", "DEU", "FRA", "KAZ", "UZB"]
par = ["BEL", "LUX", "DEU", "FRA", "KAZ", "UZB", "TKM", "KGZ", "WLD"]
rows = []
for r in rep:
    for p in par:
        if p == r:
            continue
        for f in ("export", "import"):
            if rng.random() < 0.15:
                continue
            unit = "EUR" if rng.random() < 0.85 else "USD"
            for y in range(2000, 2012):
                if rng.random() < 0.1:
                    continue
                v = round(float(rng.lognormal(16, 2)), 2)
                rows.append((r, p, f, str(y), f"{v:.2f}", unit, ""))
                if rng.random() < 0.2:
                    rows.append((r, p, f, str(y), f"{v * 0.4:.2f}", unit, "machinery"))
with open("obs.csv", "w") as out:
    out.write("reporter,partner,flow,period,value,unit,product\n")
    for row in rows:
        out.write(",".join(row) + "\n")
with open("rates.csv", "w") as out:
    out.write("period,from,to,rate\n")
    for y in range(2000, 2012):
        out.write(f"{y},EUR,USD,{1 + rng.random():.4f}\n")
PY

run() { # run NAME ARGS...
    local name=$1
    shift
    "$TRADE" "$@" >"$name.csv" 2>"$name.err" || {
        echo "FAIL: trade $*: exit $?: $(head -3 "$name.err")"
        fail=1
    }
}
run balance compare balance obs.csv
run coverage compare coverage obs.csv
run total compare total obs.csv
run share compare share obs.csv
run share_of compare share --of WLD obs.csv
run hhi compare hhi obs.csv
run index compare index --base 2005 obs.csv
run mirror compare mirror obs.csv
run convert convert --to USD --rates rates.csv obs.csv
cmp -s balance.csv coverage.csv && cmp -s balance.csv total.csv || {
    echo "FAIL: balance, coverage, total differ"
    fail=1
}

"$PY" - <<'PY' || fail=1
import sys
import numpy as np
import pandas as pd
bad = []
obs = pd.read_csv("obs.csv", dtype=str, keep_default_na=False)
obs["v"] = obs["value"].astype(float)
def out(name):
    return pd.read_csv(f"{name}.csv", dtype=str, keep_default_na=False)
def num(s):
    return pd.to_numeric(pd.Series(s).replace("", np.nan)).to_numpy(float)
def agree(got, want, what):
    got, want = np.asarray(got, float), np.asarray(want, float)
    both_nan = np.isnan(got) & np.isnan(want)
    with np.errstate(invalid="ignore"):
        ok = both_nan | (np.abs(got - want) <= 1e-12 * np.maximum(1, np.abs(want)))
    if len(got) == 0:
        bad.append(f"{what}: no rows")
    elif not ok.all():
        i = int(np.argmin(ok))
        bad.append(f"{what}: {(~ok).sum()} of {len(ok)} differ, first got {got[i]!r} want {want[i]!r}")
key = ["reporter", "partner", "period", "unit", "product"]

# balance: the exports and imports of one reporter, partner, period, unit, product
x = obs[obs.flow == "export"].set_index(key)["v"].rename("X")
m = obs[obs.flow == "import"].set_index(key)["v"].rename("M")
ref = pd.concat([x, m], axis=1).reset_index()
got = out("balance").merge(ref, on=key, how="outer", indicator=True)
if (got["_merge"] != "both").any():
    bad.append(f"balance: {(got['_merge'] != 'both').sum()} keys differ")
agree(num(got["exports"]), got["X"], "balance exports")
agree(num(got["imports"]), got["M"], "balance imports")
agree(num(got["balance"]), got["X"] - got["M"], "balance")
agree(num(got["coverage"]), got["X"] / got["M"], "coverage")
agree(num(got["total"]), got["X"] + got["M"], "total")

# share and HHI: groups reporter, flow, period, unit, product; the members
# are the partners that are not aggregates (WLD)
g = ["reporter", "flow", "period", "unit", "product"]
rk = ["reporter", "partner", "flow", "period", "unit", "product"]
mem = obs[obs.partner != "WLD"].copy()
mem["sum"] = mem.groupby(g)["v"].transform("sum")
mem["share"] = 100 * mem["v"] / mem["sum"]
j = out("share").merge(mem[rk + ["share"]], on=rk, how="left")
agree(num(j["share_pct"]), j["share"], "share_pct")
# --of WLD: the shares of the WLD row where the group has one, else of the sum
wld = obs[obs.partner == "WLD"].set_index(g)["v"].rename("T")
mo = mem.join(wld, on=g)
mo["share_of"] = np.where(mo["T"].notna(), 100 * mo["v"] / mo["T"], mo["share"])
j = out("share_of").merge(mo[rk + ["share_of"]], on=rk, how="left")
agree(num(j["share_pct"]), np.where(j["partner"] == "WLD", 100.0, j["share_of"]), "share_pct --of WLD")
hh = mem.groupby(g).apply(lambda d: pd.Series({"n_ref": len(d), "h": ((d.v / d.v.sum()) ** 2).sum()})).reset_index()
hh["norm"] = np.where(hh.n_ref > 1, (hh.h - 1 / hh.n_ref) / (1 - 1 / hh.n_ref), np.nan)
j = out("hhi").merge(hh, on=g, how="left")
agree(num(j["n"]), np.where(j["n_ref"].isna(), 0, j["n_ref"]), "hhi n")
agree(num(j["hhi"]), j["h"], "hhi")
agree(num(j["hhi_normalized"]), j["norm"], "hhi_normalized")
if len(j) != obs.groupby(g).ngroups:
    bad.append(f"hhi: {len(j)} groups, want {obs.groupby(g).ngroups}")

# index on 2005 within each series (reporter, partner, flow, unit, product)
sk = ["reporter", "partner", "flow", "unit", "product"]
base = obs[obs.period == "2005"].set_index(sk)["v"].rename("B")
ix = out("index")
j = ix.join(base, on=sk)
agree(num(ix["index"]), 100 * ix["value"].astype(float) / j["B"], "index")

# mirror: A's exports to B against B's imports from A, same unit and product
xe = obs[obs.flow == "export"].rename(columns={"v": "X"})[key + ["X"]]
mi = obs[obs.flow == "import"].rename(columns={"reporter": "partner", "partner": "reporter", "v": "M"})[key + ["M"]]
ref = xe.merge(mi, on=key, how="outer")
got = out("mirror").merge(ref, on=key, how="outer", indicator=True)
if (got["_merge"] != "both").any():
    bad.append(f"mirror: {(got['_merge'] != 'both').sum()} keys differ")
agree(num(got["exports_reported"]), got["X"], "mirror exports")
agree(num(got["imports_mirror"]), got["M"], "mirror imports")
agree(num(got["gap"]), got["M"] - got["X"], "mirror gap")
agree(num(got["gap_pct"]), 100 * (got["M"] - got["X"]) / got["X"], "mirror gap_pct")

# convert: EUR rows times the year's rate, USD rows unchanged
rates = pd.read_csv("rates.csv", dtype={"period": str}).set_index("period")["rate"]
c = out("convert")
want = np.where(obs["unit"] == "EUR", obs["v"] * obs["period"].map(rates), obs["v"])
agree(c["value"].astype(float), want, "convert value")
if (c["unit"] != "USD").any():
    bad.append("convert: a row not in USD")
for b in bad:
    print("FAIL (pandas):", b)
print(f"reference (pandas): {len(obs)} observations, {len(out('hhi'))} HHI groups, "
      f"{len(out('mirror'))} mirror rows checked")
sys.exit(1 if bad else 0)
PY

# R: share, HHI, balance, coverage, index and convert again, by another
# implementation
if command -v Rscript >/dev/null; then
    Rscript --vanilla - <<'R' || fail=1
obs <- read.csv("obs.csv", colClasses = "character")
obs$v <- as.numeric(obs$value)
bad <- character(0)
agree <- function(got, want, what) {
  got <- suppressWarnings(as.numeric(got)); want <- as.numeric(want)
  ok <- (is.na(got) & is.na(want)) |
        (!is.na(got) & !is.na(want) & abs(got - want) <= 1e-12 * pmax(1, abs(want)))
  if (length(ok) == 0 || !all(ok)) bad <<- c(bad, sprintf("%s: %d of %d differ", what, sum(!ok), length(ok)))
}
gk <- function(d) paste(d$reporter, d$flow, d$period, d$unit, d$product)
mem <- obs[obs$partner != "WLD", ]
sums <- tapply(mem$v, gk(mem), sum)
s <- read.csv("share.csv", colClasses = "character")
sm <- s$partner != "WLD"
agree(s$share_pct[sm], 100 * as.numeric(s$value[sm]) / sums[gk(s[sm, ])], "R share")
h <- read.csv("hhi.csv", colClasses = "character")
hm <- h$n != "0"
hh <- tapply(mem$v, gk(mem), function(v) sum((v / sum(v))^2))
agree(h$hhi[hm], hh[gk(h[hm, ])], "R hhi")
bk <- function(d) paste(d$reporter, d$partner, d$period, d$unit, d$product)
X <- obs[obs$flow == "export", ]; M <- obs[obs$flow == "import", ]
b <- read.csv("balance.csv", colClasses = "character")
xb <- setNames(X$v, bk(X))[bk(b)]; mb <- setNames(M$v, bk(M))[bk(b)]
agree(b$balance, xb - mb, "R balance")
agree(b$coverage, xb / mb, "R coverage")
sk <- function(d) paste(d$reporter, d$partner, d$flow, d$unit, d$product)
base <- obs[obs$period == "2005", ]
ix <- read.csv("index.csv", colClasses = "character")
agree(ix$index, 100 * as.numeric(ix$value) / setNames(base$v, sk(base))[sk(ix)], "R index")
rates <- read.csv("rates.csv", colClasses = c("character", "character", "character", "numeric"))
cv <- read.csv("convert.csv", colClasses = "character")
want <- ifelse(obs$unit == "EUR", obs$v * setNames(rates$rate, rates$period)[obs$period], obs$v)
agree(cv$value, want, "R convert")
if (length(bad)) { cat(paste("FAIL (R):", bad), sep = "\n"); quit(status = 1) }
cat("reference (R): share, hhi, balance, coverage, index, convert agree\n")
R
else
    echo "reference_compare.sh: Rscript not found: the R half is not run"
fi
lib_valgrind_check || fail=1
[ $fail -eq 0 ] && echo "reference_compare.sh: ok"
exit $fail
