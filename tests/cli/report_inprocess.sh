#!/usr/bin/env bash
# trade report computes every table and chart in-process on the one table it
# reads: it runs no other command (no argv arrays, no cmd_* entry point, no
# program but gnuplot), writes no temporary CSV and reads none back, reads
# each input file once and matches no status text.
#   - the source: tools/cmd_report.c calls no other command's entry point,
#     builds no argv, makes no temporary file, reads no table file and has no
#     strstr;
#   - a run under strace: each input CSV is opened once, no other .csv is
#     opened for reading, nothing is opened under TMPDIR (an empty folder
#     that must stay empty), and the only program started is gnuplot;
#   - the tables are byte for byte what the commands write on the same
#     files, with and without --where;
#   - examples/report.c (the report's model through the public API) names
#     the same charts and counts the same figures not drawn.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"; lib_cleanup' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

src="$SRCDIR/tools/cmd_report.c"
for pat in 'cmd_growth(' 'cmd_rank(' 'cmd_stats(' 'cmd_fit(' 'cmd_check(' 'cmd_compare(' \
           'cmd_plot(' 'run_cmd' 'mkstemp' 'tmpfile' 'tmpnam' 'trade_table_read_file' \
           'trade_table_read_buffer' 'strstr(' '"-o"'; do
    if grep -nF -- "$pat" "$src" >"$tmp/hits"; then
        bad "tools/cmd_report.c has $pat:"; cat "$tmp/hits"
    else
        ok
    fi
done
# the table-writing block is one function, called once per table
[ "$(grep -c 'trade_writer_open(' "$src")" -eq 1 ] && ok || bad "more than one table writer in cmd_report.c"

# the run: TMPDIR an empty folder that must stay empty
mkdir "$tmp/tmpdir"
if command -v strace >/dev/null 2>&1; then
    # LeakSanitizer cannot run under ptrace: leaks are checked by the other runs
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
        TMPDIR="$tmp/tmpdir" strace -f -qq -e trace=open,openat,creat,execve -o "$tmp/log" \
        "$TRADE_REAL" report "$SRCDIR/datasets" -o "$tmp/out" 2>"$tmp/err"
    rc=$?
    [ $rc -eq 0 ] && ok || { bad "report under strace: exit $rc"; cat "$tmp/err"; }
    for f in "$SRCDIR"/datasets/*.csv; do
        n=$(grep -cF "\"$f\", O_RDONLY" "$tmp/log")
        [ "$n" -eq 1 ] && ok || bad "$f opened $n times (once expected)"
    done
    # no other CSV opened for reading (the tables are not read back)
    grep -E 'open(at)?\(.*\.csv", O_RDONLY' "$tmp/log" | grep -vF "$SRCDIR/datasets/" >"$tmp/reread"
    [ -s "$tmp/reread" ] && { bad "a CSV read that is not an input:"; cat "$tmp/reread"; } || ok
    grep -F "$tmp/tmpdir" "$tmp/log" >"$tmp/intmp"
    [ -s "$tmp/intmp" ] && { bad "files opened under TMPDIR:"; head "$tmp/intmp"; } || ok
    # programs started: trade itself, then gnuplot only
    grep -F 'execve(' "$tmp/log" | grep -v ' = -1 ' | tail -n +2 | grep -vE 'execve\("[^"]*/gnuplot"' >"$tmp/exec"
    [ -s "$tmp/exec" ] && { bad "a program other than gnuplot was run:"; head "$tmp/exec"; } || ok
    [ "$(grep -F 'execve(' "$tmp/log" | grep -v ' = -1 ' | grep -c '/gnuplot"')" -gt 0 ] && ok ||
        bad "gnuplot was not run"
else
    [ "${CI:-}" = true ] && bad "strace is needed in CI" || echo "note: no strace; the syscall checks are skipped"
    TMPDIR="$tmp/tmpdir" "$TRADE" report "$SRCDIR/datasets" -o "$tmp/out" --no-render 2>"$tmp/err"
    [ $? -eq 0 ] && ok || { bad "report exited non-zero"; cat "$tmp/err"; }
fi
[ -z "$(ls -A "$tmp/tmpdir")" ] && ok || { bad "TMPDIR is not empty:"; ls -A "$tmp/tmpdir"; }
# no temporary file left beside the outputs either
[ -z "$(find "$tmp/out" -name '.trade-*' ! -name .trade-report)" ] && ok || bad "temporary files left in the output"
# a read-only TMPDIR (for a user other than root) changes nothing
chmod 555 "$tmp/tmpdir"
TMPDIR="$tmp/tmpdir" "$TRADE" report "$SRCDIR/datasets" -o "$tmp/out2" --no-render 2>"$tmp/err"
[ $? -eq 0 ] && ok || { bad "report with a read-only TMPDIR"; cat "$tmp/err"; }
for f in growth ranks compare stats fit check; do
    cmp -s "$tmp/out/$f.csv" "$tmp/out2/$f.csv" && ok || bad "$f.csv differs between runs"
done

# the tables are the commands' rows on the same input, byte for byte (the
# commands read the files themselves; the report computed them from its one
# table), also for a selection with --where
files=$(ls "$SRCDIR"/datasets/*.csv)
for f in growth:growth rank:ranks stats:stats fit:fit check:check; do
    cmd=${f%%:*} out=${f##*:}
    "$TRADE" $cmd $files >"$tmp/$cmd.csv" 2>/dev/null
    cmp -s "$tmp/$cmd.csv" "$tmp/out/$out.csv" && ok || bad "$out.csv is not what trade $cmd writes"
done
"$TRADE" report "$SRCDIR/datasets" -o "$tmp/bel" --no-render --where reporter=BEL --where flow~port 2>"$tmp/err"
[ $? -eq 0 ] && ok || { bad "report --where"; cat "$tmp/err"; }
for f in growth:growth rank:ranks stats:stats fit:fit check:check; do
    cmd=${f%%:*} out=${f##*:}
    "$TRADE" $cmd --where reporter=BEL --where flow~port $files >"$tmp/$cmd.csv" 2>/dev/null
    cmp -s "$tmp/$cmd.csv" "$tmp/bel/$out.csv" && ok || bad "--where: $out.csv is not what trade $cmd --where writes"
done
# every row of the selection is BEL's export or import (and there are some)
python3 - "$tmp/bel/ranks.csv" <<'PY' && ok || bad "report --where kept other rows"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
sys.exit(0 if rows and all(r["reporter"] == "BEL" and "port" in r["flow"] for r in rows) else 1)
PY
grep -q ' observations in 5 files' "$tmp/bel/index.html" && ok || bad "page count with --where"
"$TRADE" report "$SRCDIR/datasets" -o "$tmp/badw" --where nosuchcol=1 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "no column 'nosuchcol'" "$tmp/err" && [ ! -e "$tmp/badw" ] && ok ||
    { bad "--where on an absent column: exit 2, nothing written"; cat "$tmp/err"; }

# examples/report.c, only on <trade/trade.h>, names the charts the report
# draws for the same files, and as many figures not drawn as its page lists
ex="${BINDIR:-}/examples/report"
if [ -x "$ex" ]; then
    "$TRADE" report "$SRCDIR/tests/data/stats" -o "$tmp/st" --no-render 2>"$tmp/err" || bad "report of tests/data/stats"
    "$ex" "$SRCDIR"/tests/data/stats/*.csv >"$tmp/ex.txt" || bad "examples/report: exit $?"
    got=$(grep -v '^not drawn' "$tmp/ex.txt" | cut -f1 | sort | tr '\n' ' ')
    want=$(cd "$tmp/st" && ls *.gp | sed 's/\.gp$//' | sort | tr '\n' ' ')
    [ -n "$got" ] && [ "$got" = "$want" ] && ok || bad "examples/report charts '$got', the report's '$want'"
    n=$(grep -c '^not drawn' "$tmp/ex.txt")
    grep -q "; these $n are not" "$tmp/st/index.html" && ok || bad "examples/report: $n figures not drawn, not the page's count"
else
    bad "no examples/report binary (BINDIR=${BINDIR:-unset})"
fi

lib_valgrind_check || fail=$((fail + 1))
echo "report_inprocess: $pass passed, $fail failed"
[ $fail -eq 0 ]
