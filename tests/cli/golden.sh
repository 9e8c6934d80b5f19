#!/usr/bin/env bash
# golden.sh - pins the output (stdout and exit code) of every command on
# datasets/ and tests/data/ inputs, so that a refactoring that changes an
# output shows up here. Each case is "NAME|ARGS": ARGS run as `trade ARGS`
# in the source folder (relative paths, so file names in the output are
# stable); NAME.out and NAME.rc under tests/data/golden/ hold the expected
# stdout (for validate, stdout then stderr: its findings) and exit code. A case whose ARGS contain @OUT writes a file there
# (plot scripts): that file's content is pinned instead of stdout.
#
# Update the pinned files only for an intended change, and say why in the
# commit that changes them:
#   TRADE=build/tools/trade SRCDIR=. bash tests/cli/golden.sh --update
set -u
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
cd "$SRCDIR" || exit 2
gold=tests/data/golden
update=0
[ "${1:-}" = --update ] && update=1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/trade-golden.XXXXXX")
trap 'rm -rf "$tmp"; lib_cleanup' EXIT
export LC_ALL=C

D=$(ls datasets/*.csv | tr '\n' ' ')
S=tests/data/stats
cases=(
    "growth-datasets|growth $D"
    "growth-from-to|growth --from 2002 --to 2011 $D"
    "growth-from-to-2010-2012|growth --from 2010 --to 2012 $D"
    "growth-annualize|growth --annualize-partial $D"
    "growth-series|growth $S/series.csv"
    "growth-flows|growth $S/flows.csv"
    "growth-plot|growth tests/data/plot/bel-kaz.csv"
    "growth-tsv|growth --format tsv $S/series.csv"
    "growth-jsonl|growth --format jsonl $S/series.csv"
    "fit-datasets|fit $D"
    "fit-series|fit $S/series.csv"
    "fit-plot|fit tests/data/plot/bel-kaz.csv"
    "stats-datasets|stats $D"
    "stats-series|stats $S/series.csv"
    "stats-flows|stats $S/flows.csv"
    "rank-datasets|rank $D"
    "rank-rank|rank $S/rank.csv"
    "rank-min|rank --ties min $S/rank.csv"
    "rank-max|rank --ties max $S/rank.csv"
    "rank-dense|rank --ties dense $S/rank.csv"
    "rank-average|rank --ties average $S/rank.csv"
    "rank-first|rank --ties first $S/rank.csv"
    "rank-ascending|rank --ascending $S/rank.csv"
    "rank-group|rank --group flow,period $D"
    "rank-where|rank --where flow=export --where period=2011 $D"
    "compare-balance|compare balance $D"
    "compare-coverage|compare coverage $D"
    "compare-total|compare total $D"
    "compare-share|compare share $D"
    "compare-share-of|compare share --of WLD $D"
    "compare-hhi|compare hhi $D"
    "compare-hhi-aid|compare hhi --where flow=aid $D"
    "compare-index|compare index --base 2011 $D"
    "compare-mirror|compare mirror $D"
    "compare-balance-flows|compare balance $S/flows.csv"
    "compare-share-flows|compare share $S/flows.csv"
    "compare-mirror-flows|compare mirror $S/flows.csv"
    "convert-datasets|convert --to USD --rates $gold/rates.csv $D"
    "convert-missing-rate|convert --to USD --rates $gold/rates-2011.csv $D"
    "check-datasets|check $D"
    "check-series|check $S/series.csv"
    "cat-datasets|cat $D"
    "cat-where|cat --where reporter=BEL $D"
    "validate-datasets|validate $D"
    "plot-line|plot line --where reporter=BEL --where partner=KAZ --where flow=export -o @OUT $D"
    "plot-bars|plot bars --where period=2011 --where reporter=BEL -o @OUT $D"
    "plot-rank|plot rank -o @OUT $D"
    "complexity|complexity tests/data/indicators/panel.csv"
    "complexity-knn|complexity --knn 2 --proximity asymmetric tests/data/indicators/panel.csv"
    "complexity-continuous|complexity --proximity continuous tests/data/indicators/panel.csv"
    "complexity-rpop|complexity --presence rpop --population tests/data/indicators/population.csv tests/data/indicators/panel.csv"
    "proximity|proximity tests/data/indicators/panel.csv"
    "indicator-unit-value|indicator unit-value tests/data/indicators/unit-values.csv"
    "deflate|deflate --deflators datasets/deflators/us-gdp-deflator.csv --base 2017 tests/data/indicators/flows-usd.csv"
)
for k in rca intensity complementarity similarity grubel-lloyd penetration normalized-balance; do
    cases+=("indicator-$k|indicator $k tests/data/indicators/panel.csv")
done
for f in $S/*.csv tests/data/plot/*.csv; do
    b=$(basename "$f" .csv)
    cases+=("validate-$b|validate $f" "cat-$b|cat $f")
done
for f in tests/data/hostile/*.csv; do
    cases+=("validate-hostile-$(basename "$f" .csv)|validate $f")
done
for f in tests/data/extract/*.txt; do
    cases+=("extract-$(basename "$f" .txt)|extract $f")
done

fail=0 n=0
run_case() { # name args: writes $tmp/out and $tmp/rc
    local args=$1
    if [[ $args == *@OUT* ]]; then
        rm -f "$tmp/plot.gp"
        # shellcheck disable=SC2086
        "$TRADE" ${args//@OUT/$tmp/plot.gp} >/dev/null 2>"$tmp/err"
        echo $? >"$tmp/rc"
        cat "$tmp/plot.gp" >"$tmp/out" 2>/dev/null || : >"$tmp/out"
    else
        # shellcheck disable=SC2086
        "$TRADE" $args >"$tmp/out" 2>"$tmp/err"
        echo $? >"$tmp/rc"
    fi
    # validate's findings are its output: they go to stderr
    if [[ $args == validate* ]]; then cat "$tmp/err" >>"$tmp/out"; fi
}
# the growth rows piped into plot growth
growth_plot() {
    "$TRADE" growth --where reporter=BEL --where partner=KAZ $D >"$tmp/g.csv" 2>/dev/null
    "$TRADE" plot growth -o "$tmp/plot.gp" "$tmp/g.csv" >/dev/null 2>"$tmp/err"
    echo $? >"$tmp/rc"
    cat "$tmp/plot.gp" >"$tmp/out" 2>/dev/null || : >"$tmp/out"
}
# Under valgrind (TRADE_VALGRIND=1) long double is computed in double, so
# GSL's variance (long double sums) can differ in the 17th digit: there,
# and only there, numbers of 16 or 17 significant digits are compared at 15.
vg_same() {
    [ "${TRADE_VALGRIND:-0}" = 1 ] || return 1
    python3 - "$1" "$2" <<'EOF_PY'
import re, sys
num = re.compile(r"-?\d+\.\d+(?:e-?\d+)?")
def norm(path):
    def r(m):
        t = m.group(0)
        digits = len(re.sub(r"[^0-9]", "", t.split("e")[0]).lstrip("0"))
        return "%.15g" % float(t) if digits >= 16 else t
    return [num.sub(r, line) for line in open(path, encoding="utf-8", errors="replace")]
sys.exit(0 if norm(sys.argv[1]) == norm(sys.argv[2]) else 1)
EOF_PY
}
check_one() {
    local name=$1
    n=$((n + 1))
    if [ $update = 1 ]; then
        cp "$tmp/out" "$gold/$name.out"
        cp "$tmp/rc" "$gold/$name.rc"
        return
    fi
    if [ ! -f "$gold/$name.out" ]; then
        echo "FAIL: $name: no pinned output ($gold/$name.out)" >&2
        fail=$((fail + 1))
        return
    fi
    if ! cmp -s "$tmp/rc" "$gold/$name.rc"; then
        echo "FAIL: $name: exit $(cat "$tmp/rc"), pinned $(cat "$gold/$name.rc")" >&2
        fail=$((fail + 1))
    fi
    if ! cmp -s "$tmp/out" "$gold/$name.out" && ! vg_same "$gold/$name.out" "$tmp/out"; then
        echo "FAIL: $name: output differs from $gold/$name.out:" >&2
        diff "$gold/$name.out" "$tmp/out" | head -20 >&2
        fail=$((fail + 1))
    fi
}
for c in "${cases[@]}"; do
    run_case "${c#*|}"
    check_one "${c%%|*}"
done
growth_plot
check_one plot-growth
# trade report on a folder: its page, its six tables and the names of the
# files it wrote (without rendering: the scripts are pinned by plot's cases
# and plots/), one after the other with a line naming each
report_case() {
    rm -rf "$tmp/rep"
    "$TRADE" report "$1" -o "$tmp/rep" --no-render >/dev/null 2>"$tmp/err"
    echo $? >"$tmp/rc"
    : >"$tmp/out"
    for f in index.html growth.csv ranks.csv compare.csv stats.csv fit.csv check.csv .trade-report; do
        echo "==> $f" >>"$tmp/out"
        cat "$tmp/rep/$f" >>"$tmp/out" 2>/dev/null
    done
}
report_case datasets
check_one report-datasets
report_case tests/data/stats
check_one report-stats
report_case tests/data/plot
check_one report-plot

lib_valgrind_check || fail=$((fail + 1))
if [ $update = 1 ]; then
    echo "golden: $n cases written to $gold"
    exit 0
fi
[ $fail -eq 0 ] || { echo "golden: $fail of $n cases FAILED" >&2; exit 1; }
echo "golden: ok ($n cases)"
