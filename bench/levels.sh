#!/bin/bash
# levels.sh - trade against DuckDB at total, hs2, hs4 and hs6 on the same
# BACI panel (bench/gen_panel.py), in the same run: trade import --level L,
# then trade growth and trade rank on its output, against the same job in
# DuckDB (duckdb_levels.mjs, 2 threads). Prints wall seconds, CPU seconds
# (user + system: the fairer figure on a loaded machine) and peak RSS (GNU
# time) side by side, and checks that both found the same number of
# groups and the same total per year (check_levels.py).
#
# usage: bench/levels.sh [ROWS [YEARS [LEVELS]]]  (defaults 22000000, 2, "total hs2 hs4 hs6")
# env:   TRADE the trade binary (default build/tools/trade)
#        MEM   a cap on each process's address space in KB (default 12000000),
#              so that a run out of hand does not take the machine down
set -eu
here=$(cd "$(dirname "$0")" && pwd)
rows=${1:-22000000}
years=${2:-2}
levels=${3:-total hs2 hs4 hs6}
TRADE=${TRADE:-$here/../build/tools/trade}
MEM=${MEM:-12000000}
data=$here/data/panel_${rows}_$years.csv
res=$here/results/levels
mkdir -p "$here/data" "$res"
[ -s "$data" ] || /usr/bin/python3 "$here/gen_panel.py" "$rows" "$data" "$years"
cat "$data" >/dev/null
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
run() { # name command... -> "seconds KB" in $res/name.time
    local name=$1
    shift
    ( ulimit -v "$MEM"; /usr/bin/time -f "%e %M %U %S" -o "$res/$name.time" "$@" >/dev/null 2>"$res/$name.err" ) ||
        echo "fail fail fail fail" >"$res/$name.time"
}
printf '%s rows, %s years, %.0f MB\n\n' "$rows" "$years" "$(echo "$(stat -L -c %s "$data")/1000000" | bc -l)"
printf '| level | groups | trade import | trade growth | trade rank | trade job | DuckDB job (2 threads) | ratio wall | ratio CPU |\n'
printf '|---|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for l in $levels; do
    d=$res/$l
    mkdir -p "$d/trade" "$d/duckdb"
    run "$l.import" "$TRADE" import baci --level "$l" "$data" -o "$d/trade/tot.csv"
    run "$l.growth" "$TRADE" growth "$d/trade/tot.csv" -o "$d/trade/growth.csv"
    run "$l.rank" "$TRADE" rank "$d/trade/tot.csv" -o "$d/trade/rank.csv"
    run "$l.duckdb" node "$here/duckdb_levels.mjs" "$data" "$d/duckdb" "$l" 2
    groups=$(($(wc -l <"$d/duckdb/tot.csv") - 1))
    /usr/bin/python3 - "$res" "$l" "$groups" <<'PY'
import sys
res, l, groups = sys.argv[1:4]
def t(n):
    a, b, u, s = open(f"{res}/{l}.{n}.time").read().split()
    return (None, None, None) if a == "fail" else (float(a), int(b) / 1024, float(u) + float(s))
steps = [t(s) for s in ("import", "growth", "rank")]
dk = t("duckdb")
cell = lambda x: "failed" if x[0] is None else f"{x[0]:.1f} s ({x[2]:.1f} CPU), {x[1]:.0f} MB"
if all(s[0] is not None for s in steps):
    tot = (sum(s[0] for s in steps), max(s[1] for s in steps), sum(s[2] for s in steps))
    rw = f"{dk[0] / tot[0]:.2f}" if dk[0] else "-"
    rc = f"{dk[2] / tot[2]:.2f}" if dk[0] else "-"
else:
    tot, rw, rc = (None, None, None), "-", "-"
print(f"| {l} | {int(groups):,} | " + " | ".join(cell(s) for s in steps) + f" | {cell(tot)} | {cell(dk)} | {rw} | {rc} |")
PY
    /usr/bin/python3 "$here/check_levels.py" "$d/trade/tot.csv" "$d/duckdb/tot.csv" >&2 || echo "check failed at $l" >&2
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
