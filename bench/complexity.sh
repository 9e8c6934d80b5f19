#!/bin/bash
# complexity.sh - trade complexity against the same computation in numpy
# (bench/complexity_numpy.py), in one run, on a generated panel of
# REPORTERS x PRODUCTS (default 230 x 5000, a BACI HS6 year): wall seconds
# and peak RSS from GNU time (/usr/bin/time -v) for each, their ratios, and
# a check that both wrote the same figures (largest relative difference of
# rca, eci, pci, density, coi, cog).
#
# usage: bench/complexity.sh [REPORTERS [PRODUCTS [RUNS]]]
# env:   TRADE  the trade binary (default: build/tools/trade)
# Needs: /usr/bin/time (Debian package time), /usr/bin/python3 with numpy
# and pandas (python3-numpy, python3-pandas).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
nrep=${1:-230}
nprod=${2:-5000}
runs=${3:-3}
TRADE=${TRADE:-$here/../build/tools/trade}
PY=/usr/bin/python3
data=$here/data/panel_${nrep}x${nprod}.csv
res=$here/results/complexity
mkdir -p "$here/data" "$res"
[ -s "$data" ] || "$PY" "$here/gen_complexity_panel.py" "$nrep" "$nprod" "$data"
cat "$data" >/dev/null

measure() { # name command... -> appends "name seconds kb" to $res/times
    local name=$1
    shift
    /usr/bin/time -v "$@" 2>"$res/$name.time" >/dev/null
    local s kb
    s=$(awk -F': ' '/Elapsed/ {n = split($2, a, ":"); t = 0; for (i = 1; i <= n; i++) t = t * 60 + a[i]; print t}' "$res/$name.time")
    kb=$(awk -F': ' '/Maximum resident/ {print $2}' "$res/$name.time")
    echo "$name $s $kb" >>"$res/times"
}

: >"$res/times"
for r in $(seq "$runs"); do
    measure trade "$TRADE" complexity "$data" -o "$res/trade.csv"
    measure numpy "$PY" "$here/complexity_numpy.py" "$data" "$res/numpy.csv"
done

"$PY" - "$res/trade.csv" "$res/numpy.csv" <<'PY'
import sys
import numpy as np
import pandas as pd
a = pd.read_csv(sys.argv[1], dtype={"product": str})
b = pd.read_csv(sys.argv[2], dtype={"product": str})
m = a.merge(b, on=["period", "reporter", "product"], suffixes=("_t", "_n"))
assert len(m) == len(a) == len(b), (len(m), len(a), len(b))
out = []
for c in ["rca", "eci", "pci", "density", "coi", "cog"]:
    x, y = m[c + "_t"].to_numpy(), m[c + "_n"].to_numpy()
    out.append("%s %.1e" % (c, np.max(np.abs(x - y) / np.maximum(np.abs(y), 1))))
for c in ["mcp", "diversity", "ubiquity"]:
    assert (m[c + "_t"] == m[c + "_n"]).all(), c
print("rows %d, same mcp, diversity and ubiquity; largest difference: %s" % (len(m), ", ".join(out)))
PY

awk -v nrep="$nrep" -v nprod="$nprod" -v rows="$(($(wc -l <"$data") - 1))" '
{ n[$1]++; s[$1, n[$1]] = $2; k[$1, n[$1]] = $3 }
function median(name, arr,    i, j, t, v, m) {
    m = n[name]
    for (i = 1; i <= m; i++) v[i] = arr[name, i]
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
    return v[int((m + 1) / 2)]
}
END {
    printf "panel: %d reporters x %d products, %d rows; median of %d runs\n", nrep, nprod, rows, n["trade"]
    printf "%-8s %10s %12s\n", "tool", "seconds", "peak RSS MB"
    ts = median("trade", s); tk = median("trade", k); ns = median("numpy", s); nk = median("numpy", k)
    printf "%-8s %10.2f %12.0f\n", "trade", ts, tk / 1024
    printf "%-8s %10.2f %12.0f\n", "numpy", ns, nk / 1024
    printf "numpy / trade: time %.1f, memory %.1f\n", ns / ts, nk / tk
}' "$res/times"
