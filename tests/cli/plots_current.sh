#!/usr/bin/env bash
# plots/ holds the report's chart scripts and their PNG renders. Regenerate
# the scripts from datasets/ into a temporary folder and compare: the
# committed .gp files must be current (same names, same bytes), and each
# must have its PNG beside it. To refresh plots/ after a change:
#   trade report datasets -o /tmp/report --plots-dir plots
set -u
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; lib_cleanup' EXIT
fail=0
"$TRADE" report "$SRCDIR/datasets" -o "$tmp/rep" --plots-dir "$tmp/plots" --no-render 2>"$tmp/err" \
    || { echo "FAIL: trade report exited $?"; cat "$tmp/err"; exit 1; }
want=$(cd "$tmp/plots" && ls *.gp | sort)
have=$(cd "$SRCDIR/plots" && ls *.gp 2>/dev/null | sort)
if [ "$want" != "$have" ]; then
    echo "FAIL: plots/ does not hold the report's charts"
    diff <(echo "$have") <(echo "$want")
    fail=1
fi
for f in $want; do
    if ! cmp -s "$tmp/plots/$f" "$SRCDIR/plots/$f"; then
        echo "FAIL: plots/$f is out of date:"
        diff "$SRCDIR/plots/$f" "$tmp/plots/$f" | head -20
        fail=1
    fi
    png="$SRCDIR/plots/${f%.gp}.png"
    [ "$(head -c 8 "$png" 2>/dev/null | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] \
        || { echo "FAIL: ${png#$SRCDIR/} missing or not a PNG"; fail=1; }
done
lib_valgrind_check || fail=1
[ $fail -eq 0 ] && echo "$(echo "$want" | wc -l) chart scripts current, each with its PNG"
exit $fail
