#!/usr/bin/env bash
# Text from data and options never runs in gnuplot. Labels, titles and (for
# growth charts, read as any CSV) period and country cells carry backquotes,
# system() calls, '!' shell lines after newlines, datablock delimiters (EOD,
# EODx), '@' macros, quote runs that try to leave a string, and markup. Each
# chart is rendered with the real gnuplot in an empty folder; every attack
# would touch a file in a marker folder: it must stay empty, and the work
# folder must hold only the input, the script and the image.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
command -v gnuplot >/dev/null 2>&1 || { echo "FAIL: gnuplot (gnuplot-nox) is needed"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; lib_cleanup' EXIT
mk="$tmp/markers"
mkdir -p "$mk"
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

python3 - "$tmp" "$mk" <<'PY'
import csv, sys
tmp, mk = sys.argv[1], sys.argv[2]
attacks = [
    f"a`touch {mk}/bq1`b",
    f'x" . system("touch {mk}/sys2") . "',
    f"q'\nsystem('touch {mk}/sys3')\n!touch {mk}/bang4\nEOD\n!touch {mk}/bang5\n",
    f"@m ^{{sup}}_x & {{y}} \\",
    f"EOD\n!touch {mk}/eod6",
    f"EODx\nprint system('touch {mk}/eodx7')",
    f"e'''');system('touch {mk}/quote8');#",
    f"''''; system('touch {mk}/quote9') ; ''''",
    f"\r!touch {mk}/cr10\r\\\nsystem('touch {mk}/cont11')",
]
partners = ["KAZ", "UZB", "TKM", "KGZ", "TJK", "RUS", "CHN", "TUR", "AZE"]
head = ["reporter", "partner", "flow", "period", "value", "unit", "qualifier", "source", "locator", "note", "label"]
with open(f"{tmp}/h.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(head)
    for i, a in enumerate(attacks):
        for y, q in ((2010, ""), (2011, "projection"), (2012, "lower_bound")):
            w.writerow(["BEL", partners[i], "export", y, 100 + 10 * i + y - 2010, "EUR", q, a, a, a, a])
            w.writerow(["BEL", partners[i], "export", y, 1 + i, "rank", "", a, a, a, a])
# a growth table (any CSV): every text cell hostile
with open(f"{tmp}/g.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["reporter", "partner", "flow", "period_from", "period_to", "growth_pct", "label"])
    for i, a in enumerate(attacks):
        w.writerow([a, a, a, a, a, 10 - 5 * i, a])
with open(f"{tmp}/title.txt", "w") as f:
    f.write(f"T`touch {mk}/t1`\n!touch {mk}/t2\nEOD\n@x ''''); system('touch {mk}/t3')")
PY
title=$(cat "$tmp/title.txt")

for kind in line bars rank growth; do
    work="$tmp/w-$kind"
    mkdir -p "$work"
    if [ $kind = growth ]; then cp "$tmp/g.csv" "$work/in.csv"; else cp "$tmp/h.csv" "$work/in.csv"; fi
    (cd "$work" && "$TRADE" plot $kind in.csv --title "$title" -o out.gp --render png) 2>"$tmp/err" \
        || { bad "$kind: trade plot exited $?"; cat "$tmp/err"; }
    # again, straight through gnuplot, as a user would re-run it
    (cd "$work" && gnuplot out.gp) 2>>"$tmp/err" || bad "$kind: gnuplot out.gp failed"
    grep -v 'warning' "$tmp/err" | grep -q . && { bad "$kind: gnuplot complained"; cat "$tmp/err"; }
    [ -z "$(ls -A "$mk")" ] && ok || { bad "$kind: something ran: $(ls "$mk")"; rm -f "$mk"/*; }
    [ "$(cd "$work" && ls -A | tr '\n' ' ')" = "in.csv out.gp out.png " ] && ok \
        || bad "$kind: unexpected files: $(ls -A "$work")"
    # the text is there, made harmless: no newline inside a string, no
    # line that starts a shell command or ends a block, enhanced text off
    grep -q '^!' "$work/out.gp" && bad "$kind: a line starts with !" || ok
    [ "$(grep -c '^EOD' "$work/out.gp")" = "$(grep -c '<< EOD$' "$work/out.gp")" ] && ok || bad "$kind: stray EOD line"
    grep -q '^set termoption noenhanced' "$work/out.gp" && ok || bad "$kind: enhanced text not off"
    grep -q "set title 'T\`touch" "$work/out.gp" && ok || bad "$kind: title missing"
done
[ -z "$(ls -A "$mk")" ] && ok || bad "markers: $(ls "$mk")"
lib_valgrind_check || bad "valgrind"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
