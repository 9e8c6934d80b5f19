#!/bin/bash
# run.sh - the import benchmark: one BACI-layout file, the job "import to
# bilateral totals, then growth and ranks" with trade, DuckDB, pandas and
# sqlite3 in the same run (runs interleaved, so they share any load), their
# totals checked against each other, and a table of median wall seconds,
# MB/s and peak RSS (GNU time's maximum resident set size).
#
# usage: bench/run.sh [ROWS [RUNS]]     (defaults 5000000 and 3)
# env:   TRADE  the trade binary (default: build/tools/trade)
#        TOOLS  which tools (default: "trade duckdb pandas sqlite")
# Needs: python3, /usr/bin/time (Debian package time), node + npm install in
# bench/ for DuckDB, python3-pandas, sqlite3.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
rows=${1:-5000000}
runs=${2:-3}
TRADE=${TRADE:-$here/../build/tools/trade}
TOOLS=${TOOLS:-trade duckdb pandas sqlite}
data=$here/data/baci_$rows.csv
res=$here/results
mkdir -p "$here/data" "$res"
[ -s "$data" ] || python3 "$here/gen_baci.py" "$rows" "$data"
bytes=$(stat -L -c %s "$data")
cat "$data" >/dev/null # page cache warm for everyone

cmd_for() {
    case $1 in
    trade) echo "$here/trade_job.sh $TRADE $data $res/trade" ;;
    trade-import) echo "$TRADE import baci $data -o $res/trade/tot.csv" ;;
    trade-growth) echo "$TRADE growth $res/trade/tot.csv -o $res/trade/growth.csv" ;;
    trade-rank) echo "$TRADE rank $res/trade/tot.csv -o $res/trade/rank.csv" ;;
    duckdb) echo "node $here/duckdb_job.mjs $data $res/duckdb 2" ;;
    pandas) echo "/usr/bin/python3 $here/pandas_job.py $data $res/pandas" ;;
    sqlite) echo "$here/sqlite_job.sh $data $res/sqlite" ;;
    esac
}

steps=""
for t in $TOOLS; do
    steps="$steps $t"
    [ "$t" = trade ] && steps="$steps trade-import trade-growth trade-rank"
done
for t in $steps; do
    mkdir -p "$res/${t%%-*}"
    : >"$res/$t.times"
done
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for r in $(seq "$runs"); do
    for t in $steps; do
        /usr/bin/time -f "%e %M" -o "$res/$t.time1" $(cmd_for "$t") >/dev/null
        cat "$res/$t.time1" >>"$res/$t.times"
    done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

printf '%s rows, %.1f MB, median of %s runs\n\n' "$rows" "$(echo "$bytes/1000000" | bc -l)" "$runs"
printf '| %-14s | %9s | %8s | %13s |\n' tool "wall s" "MB/s" "peak RSS MB"
printf '|%s|%s|%s|%s|\n' ---------------- ----------: ---------: ---------------:
for t in $steps; do
    python3 - "$res/$t.times" "$bytes" "$t" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
wall = statistics.median(float(r[0]) for r in rows)
rss = max(int(r[1]) for r in rows) / 1024
mbs = int(sys.argv[2]) / 1e6 / wall if wall > 0 else float("inf")
name = sys.argv[3] if "-" not in sys.argv[3] else "  " + sys.argv[3]
print("| %-14s | %9.2f | %8.0f | %13.0f |" % (name, wall, mbs, rss))
PY
done
echo
args=""
for t in $TOOLS; do args="$args $t=$res/$t"; done
python3 "$here/check_totals.py" $args
