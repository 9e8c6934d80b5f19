#!/usr/bin/env bash
# examples.sh - each examples/*.c analysis, written only against
# <trade/trade.h>, prints what its command writes on datasets/: growth,
# fit and stats write the series key, the module's columns and the
# qualifier (the command's output cut to those columns must be the same
# bytes); rank writes every row as trade rank does. And the README's C
# library example: compiled against the build tree and run on datasets/,
# each of its CAGR lines must agree with `trade growth --from --to` for
# that series (rounded as printed, same qualifier), on calendar years of a
# level unit only.
set -u
: "${TRADE:?}" "${SRCDIR:?}" "${BINDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/trade-examples.XXXXXX")
trap 'rm -rf "$tmp"; lib_cleanup' EXIT
fail=0
bad() { echo "FAIL: $*" >&2; fail=$((fail + 1)); }
cd "$SRCDIR" || exit 2
D=$(ls datasets/*.csv)

# project CSV $1 onto the header of CSV $2 (same column order), as CSV
project() {
    python3 - "$1" "$2" <<'EOF_PY'
import csv, sys
want = next(csv.reader(open(sys.argv[2])))
w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(want)
for r in csv.DictReader(open(sys.argv[1])):
    w.writerow([r.get(c, "") for c in want])
EOF_PY
}

for ex in growth fit stats; do
    bin=$BINDIR/examples/$ex
    [ -x "$bin" ] || { bad "$ex: no example binary $bin"; continue; }
    # shellcheck disable=SC2086
    "$bin" $D >"$tmp/$ex.ex" || bad "$ex example: exit $?"
    # shellcheck disable=SC2086
    "$TRADE" $ex $D >"$tmp/$ex.cmd" || bad "trade $ex: exit $?"
    [ "$(wc -l <"$tmp/$ex.ex")" -gt 2 ] || bad "$ex example: fewer than 2 rows"
    project "$tmp/$ex.cmd" "$tmp/$ex.ex" >"$tmp/$ex.cut"
    cmp -s "$tmp/$ex.ex" "$tmp/$ex.cut" || { bad "$ex example differs from trade $ex:"; diff "$tmp/$ex.cut" "$tmp/$ex.ex" | head >&2; }
done
# shellcheck disable=SC2086
"$BINDIR/examples/rank" $D >"$tmp/rank.ex" || bad "rank example: exit $?"
# shellcheck disable=SC2086
"$TRADE" rank $D >"$tmp/rank.cmd" || bad "trade rank: exit $?"
cmp -s "$tmp/rank.ex" "$tmp/rank.cmd" || { bad "rank example differs from trade rank:"; diff "$tmp/rank.cmd" "$tmp/rank.ex" | head >&2; }

# the README's program, as written there
python3 - README.md "$tmp" <<'EOF_PY' || bad "README C example not found"
import sys
s = open(sys.argv[1]).read()
a = s.index("## Using the library")
b = s.index("```c\n", a) + 5
open(sys.argv[2] + "/cagr.c", "w").write(s[b:s.index("```\n", b)])
EOF_PY
san="" # a sanitizer build's library needs the sanitizers at link time too
grep -q '^TRADE_SANITIZE:BOOL=ON' "$BINDIR/CMakeCache.txt" 2>/dev/null && san="-fsanitize=address,undefined"
# shellcheck disable=SC2086
cc -std=c11 -Wall -Wextra -Wpedantic -Werror $san -I"$SRCDIR/libtrade/include" "$tmp/cagr.c" \
    -L"$BINDIR" -ltrade -lm -o "$tmp/cagr" || bad "README example does not compile"
# shellcheck disable=SC2086
LD_LIBRARY_PATH=$BINDIR "$tmp/cagr" $D >"$tmp/cagr.out" || bad "README example: exit $?"
[ "$(wc -l <"$tmp/cagr.out")" -ge 3 ] || bad "README example: fewer than 3 lines: $(cat "$tmp/cagr.out")"
n=0
while IFS= read -r line; do
    n=$((n + 1))
    # "R P FLOW [PRODUCT] UNIT Y0-Y1: X % a year[, QUALIFIER]"
    read -r -a w <<<"${line%%:*}"
    nw=${#w[@]}
    r=${w[0]} p=${w[1]} f=${w[2]} u=${w[nw - 2]} span=${w[nw - 1]}
    prod=""
    [ "$nw" -eq 6 ] && prod=${w[3]}
    y0=${span%-*} y1=${span#*-}
    rest=${line#*: }
    pct=${rest%% %*}
    q=""
    case "$rest" in *", "*) q=${rest##*, } ;; esac
    case "$u" in percent | percent_change | pp | rank) bad "README example: a rate unit: $line" ;; esac
    [[ $y0 =~ ^[0-9]{4}$ && $y1 =~ ^[0-9]{4}$ ]] || bad "README example: not calendar years: $line"
    # shellcheck disable=SC2086
    "$TRADE" growth --from "$y0" --to "$y1" --where reporter="$r" --where partner="$p" \
        --where flow="$f" --where unit="$u" --where product="$prod" $D >"$tmp/g.csv" 2>/dev/null
    want=$(python3 -c 'import csv,sys
rows=list(csv.DictReader(open(sys.argv[1])))
print("%.1f|%s" % (float(rows[0]["cagr_pct"]), rows[0]["qualifier"]) if len(rows)==1 else "rows=%d" % len(rows))' "$tmp/g.csv")
    [ "$want" = "$pct|$q" ] || bad "README example: '$line': trade growth --from $y0 --to $y1 gives $want"
done <"$tmp/cagr.out"
lib_valgrind_check || fail=$((fail + 1))
[ $fail -eq 0 ] || { echo "examples: $fail FAILED" >&2; exit 1; }
echo "examples: ok ($n README lines checked)"
