#!/usr/bin/env bash
# trade plot: every chart kind rendered with the real gnuplot as PNG (size
# checked in the PNG header), SVG and PDF; usage errors; a missing gnuplot
# (exit 2, script still written); scripts with no absolute paths.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
command -v gnuplot >/dev/null 2>&1 || { echo "FAIL: gnuplot (gnuplot-nox) is needed"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; lib_cleanup' EXIT
data="$SRCDIR/tests/data/plot/bel-kaz.csv"
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

# the PNG's width and height from its IHDR chunk, or "bad"
png_size() {
    python3 -c '
import struct, sys
b = open(sys.argv[1], "rb").read(32)
if b[:8] != b"\x89PNG\r\n\x1a\n" or b[12:16] != b"IHDR": print("bad")
else: print("%dx%d" % struct.unpack(">II", b[16:24]))' "$1" 2>/dev/null || echo bad
}

"$TRADE" growth --where reporter=BEL "$data" -o "$tmp/growth.csv" || bad "trade growth"
for kind in line bars rank growth; do
    in="$data"
    [ $kind = growth ] && in="$tmp/growth.csv"
    "$TRADE" plot $kind "$in" -o "$tmp/$kind.gp" --render png 2>"$tmp/err" || { bad "$kind: exit $?"; cat "$tmp/err"; continue; }
    [ -s "$tmp/err" ] && { bad "$kind: gnuplot said something"; cat "$tmp/err"; }
    s=$(png_size "$tmp/$kind.png")
    # 800 x 500 layout, PNG drawn at three times that (print resolution)
    [ "$s" = 2400x1500 ] && ok || bad "$kind.png is $s, not 2400x1500"
    # the same script draws SVG and PDF too
    "$TRADE" plot $kind "$in" -o "$tmp/$kind.gp" --render svg && grep -q '<svg' "$tmp/$kind.svg" && ok || bad "$kind svg"
    "$TRADE" plot $kind "$in" -o "$tmp/$kind.gp" --render pdf && [ "$(head -c 4 "$tmp/$kind.pdf")" = "%PDF" ] && ok || bad "$kind pdf"
    grep -q "$tmp" "$tmp/$kind.gp" && bad "$kind.gp holds an absolute path" || ok
done
# the script runs by itself in its folder, and out_format picks the format
(cd "$tmp" && gnuplot -e "out_format='svg'" line.gp) && grep -q '<svg' "$tmp/line.svg" && ok || bad "gnuplot line.gp"
# --size and --terminal; --log
"$TRADE" plot line --where unit=EUR --size 640,400 --log --title 'T' "$data" -o "$tmp/small.gp" --render png \
    && [ "$(png_size "$tmp/small.png")" = 1920x1200 ] && grep -q '^set logscale y' "$tmp/small.gp" && ok || bad "--size/--log"
"$TRADE" plot line --terminal svg "$data" -o "$tmp/t.gp" && grep -q "out_format = 'svg'" "$tmp/t.gp" && ok || bad "--terminal svg"
# --where reaches the chart: only Uzbekistan
"$TRADE" plot bars --where partner=UZB "$data" -o "$tmp/uzb.gp" && grep -q "set xtics ('Uzbekistan' 0)" "$tmp/uzb.gp" \
    && ! grep -q Kazakhstan "$tmp/uzb.gp" && ok || bad "--where"

# usage errors: exit 2
"$TRADE" plot --help | grep -q '^usage: trade plot' && ok || bad "--help"
"$TRADE" plot line "$data" >/dev/null 2>&1; [ $? -eq 2 ] && ok || bad "no -o: want exit 2"
"$TRADE" plot pie "$data" -o "$tmp/p.gp" 2>/dev/null; [ $? -eq 2 ] && ok || bad "unknown kind: want 2"
"$TRADE" plot line --bogus "$data" -o "$tmp/p.gp" 2>/dev/null; [ $? -eq 2 ] && ok || bad "unknown option: want 2"
"$TRADE" plot line --size 0,0 "$data" -o "$tmp/p.gp" 2>/dev/null; [ $? -eq 2 ] && ok || bad "bad --size: want 2"
"$TRADE" plot line --render gif "$data" -o "$tmp/p.gp" 2>/dev/null; [ $? -eq 2 ] && ok || bad "bad --render: want 2"
# bad data: exit 1
printf 'reporter,partner,flow,period,value,unit\nBEL,KAZ,export,2011,1e9,EUR\n' >"$tmp/badv.csv"
"$TRADE" plot line "$tmp/badv.csv" -o "$tmp/p.gp" 2>"$tmp/err"; [ $? -eq 1 ] && grep -q 'badv.csv:2:' "$tmp/err" && ok || bad "bad value: want exit 1 and line 2"
# nothing to draw: exit 1
"$TRADE" plot rank --where unit=EUR "$data" -o "$tmp/p.gp" 2>/dev/null; [ $? -eq 1 ] && ok || bad "no ranks: want 1"

# a missing gnuplot: exit 2, a clear message, the script written
rm -f "$tmp/m.gp"
TRADE_GNUPLOT=/nonexistent/gnuplot "$TRADE" plot line "$data" -o "$tmp/m.gp" --render png 2>"$tmp/err"
[ $? -eq 2 ] && grep -q gnuplot "$tmp/err" && [ -s "$tmp/m.gp" ] && ok || bad "missing gnuplot (TRADE_GNUPLOT)"
rm -f "$tmp/m.gp"
PATH=/nonexistent "$TRADE_REAL" plot line "$data" -o "$tmp/m.gp" --render png 2>"$tmp/err"
[ $? -eq 2 ] && grep -q gnuplot "$tmp/err" && [ -s "$tmp/m.gp" ] && ok || bad "missing gnuplot (PATH)"

lib_valgrind_check || bad "valgrind"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
