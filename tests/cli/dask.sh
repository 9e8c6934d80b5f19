#!/usr/bin/env bash
# tools/trade-dask on a distributed.LocalCluster of 2 worker processes:
# its -o output is byte-identical to trade import with the same arguments
# (BACI at total and at hs4 with quantities, files cut into byte ranges
# and a gzipped file read whole; Comtrade), the reduce is partitioned (each
# of 3 reducers holds a part of the groups, the parts add up), and the
# same file given twice is refused, not doubled. SKIPPED (77) without
# python3-dask and python3-distributed, FAIL in CI.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; lib_cleanup' EXIT
PY=/usr/bin/python3
if ! "$PY" -c "import dask.distributed" 2>/dev/null; then
  if [ "${CI:-}" = true ]; then echo "FAIL: python3-dask/python3-distributed missing in CI"; exit 1; fi
  echo "SKIPPED: no dask.distributed for $PY"
  exit 77
fi
dask="$SRCDIR/tools/trade-dask"
fail=0
python3 "$SRCDIR/bench/gen_baci.py" 30000 "$tmp/a.csv" 11
python3 "$SRCDIR/bench/gen_baci.py" 8000 "$tmp/b.csv" 12
gzip -c "$tmp/b.csv" >"$tmp/b.csv.gz"
python3 "$SRCDIR/bench/gen_baci.py" 5000 "$tmp/c.csv" 13

# total, BACI: a.csv in byte ranges of 100 kB, b.csv.gz whole
"$TRADE" import baci "$tmp/a.csv" "$tmp/b.csv.gz" -o "$tmp/one.csv" || fail=1
"$PY" "$dask" baci --trade "$TRADE" --workers 2 --reducers 3 --split-bytes 100000 --verbose \
  -o "$tmp/dask.csv" "$tmp/a.csv" "$tmp/b.csv.gz" 2>"$tmp/log" || { echo "FAIL: dask exit"; cat "$tmp/log"; fail=1; }
cmp "$tmp/one.csv" "$tmp/dask.csv" || { echo "FAIL: dask total differs from one run"; fail=1; }
grep -q "map tasks, 3 reduce tasks" "$tmp/log" || { echo "FAIL: no task summary"; cat "$tmp/log"; fail=1; }
maps=$(sed -n 's/.*: \([0-9]*\) map tasks.*/\1/p' "$tmp/log")
[ "${maps:-0}" -ge 4 ] || { echo "FAIL: expected a.csv cut in ranges ($maps map tasks)"; fail=1; }
# the reduce is partitioned: every reducer writes some of the groups, none all
total=$(($(wc -l <"$tmp/one.csv") - 1))
sum=0
for r in 0 1 2; do
  n=$(sed -n "s/.*reducer $r: .* \([0-9]*\) rows out/\1/p" "$tmp/log")
  [ -n "$n" ] && [ "$n" -gt 0 ] && [ "$n" -lt "$total" ] || { echo "FAIL: reducer $r holds $n of $total"; fail=1; }
  sum=$((sum + ${n:-0}))
done
[ "$sum" -eq "$total" ] || { echo "FAIL: reducers wrote $sum rows, one run $total"; fail=1; }

# hs4 with quantities, three files
"$TRADE" import baci --level hs4 --with-quantity "$tmp/a.csv" "$tmp/b.csv" "$tmp/c.csv" -o "$tmp/one4.csv" || fail=1
"$PY" "$dask" baci --level hs4 --with-quantity --trade "$TRADE" --workers 2 --reducers 2 \
  --split-bytes 300000 -o "$tmp/dask4.csv" "$tmp/a.csv" "$tmp/b.csv" "$tmp/c.csv" || fail=1
cmp "$tmp/one4.csv" "$tmp/dask4.csv" || { echo "FAIL: dask hs4 differs from one run"; fail=1; }

# Comtrade
"$TRADE" import comtrade "$SRCDIR/tests/data/import/comtrade_small.csv" -o "$tmp/ct1.csv" || fail=1
"$PY" "$dask" comtrade --trade "$TRADE" --workers 2 --reducers 2 -o "$tmp/ct2.csv" \
  "$SRCDIR/tests/data/import/comtrade_small.csv" || fail=1
cmp "$tmp/ct1.csv" "$tmp/ct2.csv" || { echo "FAIL: dask comtrade differs"; fail=1; }

# the same file twice: refused by merge (same content hash), exit 1, no output
"$PY" "$dask" baci --trade "$TRADE" --workers 2 --reducers 2 -o "$tmp/twice.csv" \
  "$tmp/c.csv" "$tmp/c.csv" 2>"$tmp/err"
rc=$?
[ $rc -eq 1 ] || { echo "FAIL: same file twice exit $rc"; fail=1; }
grep -q "merged already" "$tmp/err" || { echo "FAIL: same file twice message"; cat "$tmp/err"; fail=1; }
[ -e "$tmp/twice.csv" ] && { echo "FAIL: output written for a refused job"; fail=1; }
ls "$tmp"/.trade-dask.* >/dev/null 2>&1 && { echo "FAIL: temporary file left"; fail=1; }
exit $fail
