#!/usr/bin/env bash
# The command line's manners: a usage error is one line and a pointer to
# --help (exit 2); --digits; a ';'- or tab-separated file gets one hint; an
# ISO-2 code or a country name gets "did you mean"; options that would do
# nothing are refused.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; lib_cleanup' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

# usage errors: the problem and "see 'trade CMD --help'", nothing more
for cmd in growth fit stats rank cat check validate plot report convert compare extract import; do
    "$TRADE" $cmd --no-such-option </dev/null >/dev/null 2>"$tmp/err"; rc=$?
    [ $rc -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 2 ] && [ "$(tail -1 "$tmp/err")" = "see 'trade $cmd --help'" ] \
        && ok || { bad "$cmd usage error (rc $rc):"; cat "$tmp/err"; }
done
"$TRADE" nosuch 2>"$tmp/err"; [ $? -eq 2 ] && [ "$(cat "$tmp/err")" = "trade: unknown command 'nosuch'; see 'trade --help'" ] && ok || bad "unknown command"

cat >"$tmp/g.csv" <<'CSV'
reporter,partner,flow,period,value,unit
BEL,KAZ,export,2010,100000000,EUR
BEL,KAZ,export,2011,119091910,EUR
CSV
# growth 100 * (119091910 / 100000000 - 1): the double is what python3's
# repr(100*(119091910/100000000-1)) prints, 19.09190999999999 (the shortest
# text that reads back the same, 16 digits) by default; 4 significant digits
# with --digits 4
"$TRADE" growth "$tmp/g.csv" | cut -d, -f9 | tail -1 | grep -qx '19.09190999999999' && ok || bad "default digits"
"$TRADE" growth --digits 4 "$tmp/g.csv" | cut -d, -f7-9 | tail -1 | grep -qx '100000000,119100000,19.09' && ok || bad "--digits 4"
"$TRADE" growth --digits 0 "$tmp/g.csv" >/dev/null 2>&1; [ $? -eq 2 ] && ok || bad "--digits 0 must be refused"

# a semicolon- or tab-separated file: one message that says so
printf 'reporter;partner;flow;period;value;unit\nDEU;CHN;export;2020;1;EUR\n' >"$tmp/semi.csv"
"$TRADE" validate "$tmp/semi.csv" 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q "semi.csv:1:1: .*semicolon-separated" "$tmp/err" && ok || { bad "semicolons (rc $rc)"; cat "$tmp/err"; }
printf 'reporter\tpartner\tflow\tperiod\tvalue\tunit\n' >"$tmp/tab.csv"
"$TRADE" validate "$tmp/tab.csv" 2>"$tmp/err"; [ $? -eq 1 ] && grep -q "tab-separated" "$tmp/err" && ok || bad "tabs"

# ISO-2 codes and names: did you mean
printf 'reporter,partner,flow,period,value,unit\nDE,China,export,2020,1,EUR\n' >"$tmp/iso.csv"
"$TRADE" validate "$tmp/iso.csv" 2>"$tmp/err"
grep -qx "$tmp/iso.csv:2:1: reporter: unknown country code 'DE': did you mean DEU?" "$tmp/err" && ok || { bad "DE"; cat "$tmp/err"; }
grep -q "partner: unknown country code 'China': did you mean CHN?" "$tmp/err" && ok || bad "China"

# options that would do nothing are refused
"$TRADE" validate --format tsv "$tmp/g.csv" 2>/dev/null; [ $? -eq 2 ] && ok || bad "validate --format"
"$TRADE" plot line --format jsonl "$tmp/g.csv" -o "$tmp/p.gp" 2>/dev/null; [ $? -eq 2 ] && ok || bad "plot --format"

# completion: values of --format, --level, --ties; column names of the file
# on the command line for --by and --where
comp() { # WORDS... : prints the completions of the last word
    bash -c '. "$SRCDIR/tools/completion/trade.bash"; PATH=$(dirname "$TRADE"):$PATH
             COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _trade; echo "${COMPREPLY[*]}"' comp "$@"
}
[ "$(comp trade cat --format '')" = "csv tsv jsonl xlsx" ] && ok || bad "complete --format"
[ "$(comp trade import comtrade --level '')" = "total hs2 hs4 hs6" ] && ok || bad "complete --level"
[ "$(comp trade rank --ties a)" = "average" ] && ok || bad "complete --ties"
[ "$(comp trade rank "$tmp/g.csv" --by p)" = "partner period" ] && ok || bad "complete --by: $(comp trade rank "$tmp/g.csv" --by p)"
[ "$(comp trade growth "$tmp/g.csv" --where fl)" = "flow" ] && ok || bad "complete --where"

lib_valgrind_check || bad "valgrind"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
