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
# a --group list, --where=COL as bash splits it, a name with a space, the
# -o file not taken for the input, a gzipped input, the other value lists
printf 'reporter,partner,flow,period,value,unit,"my col"\r\n' >"$tmp/head.csv"
gzip -c "$tmp/head.csv" >"$tmp/head.csv.gz"
[ "$(comp trade rank "$tmp/head.csv" --group flow,p)" = "flow,partner flow,period" ] && ok || bad "complete --group list: $(comp trade rank "$tmp/head.csv" --group flow,p)"
[ "$(comp trade cat "$tmp/head.csv" --where = fl)" = "flow" ] && ok || bad "complete --where=: $(comp trade cat "$tmp/head.csv" --where = fl)"
[ "$(comp trade rank "$tmp/head.csv" --by m)" = "my col" ] && ok || bad "complete a name with a space"
[ "$(comp trade cat -o "$tmp/head.csv" --where '')" = "" ] && ok || bad "completion read the -o file"
[ "$(comp trade cat "$tmp/head.csv.gz" --where fl)" = "flow" ] && ok || bad "complete from a .csv.gz"
[ "$(comp trade complexity --proximity a)" = "asymmetric" ] && ok || bad "complete --proximity"
[ "$(comp trade indicator rca --world '')" = "panel wld auto" ] && ok || bad "complete --world"

# every usage error exactly: its one line, then the pointer (exit 2, nothing
# on stdout), for every command, unknown options, missing values, values
# given to flags and bad values alike
cat >"$tmp/in.csv" <<'CSV'
reporter,partner,flow,period,value,unit
BEL,KAZ,export,2011,100,EUR
BEL,KAZ,export,2012,150,EUR
CSV
# usage_error WANT_LINE CMD ARGS... (trade CMD ARGS...): exit 2, no output, exactly two lines on
# stderr: WANT_LINE and "see 'trade CMD --help'"
usage_error() {
  local want=$1 cmd=$2; shift 2
  "$TRADE" "$cmd" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
  local rc=$?
  local wantall
  wantall=$(printf '%s\n%s' "$want" "see 'trade $cmd --help'")
  [ $rc -eq 2 ] || bad "trade $cmd $*: exit $rc, want 2"
  [ "$(cat "$tmp/err")" = "$wantall" ] || bad "trade $cmd $*: stderr '$(head -c 300 "$tmp/err")', want '$wantall'"
  [ -s "$tmp/out" ] && bad "trade $cmd $*: wrote to stdout"
}

# one line and a pointer to --help, for every command
for cmd in validate cat growth fit stats rank compare convert check plot report extract import \
  complexity proximity deflate; do
  usage_error "trade $cmd: unknown option '--bogus'" $cmd --bogus "$tmp/in.csv"
done
usage_error "trade indicator: unknown option '--bogus'" indicator rca --bogus "$tmp/in.csv"
usage_error "trade cat: option '--format' needs a value" cat "$tmp/in.csv" --format
usage_error "trade cat: option '-o' needs a value" cat "$tmp/in.csv" -o
usage_error "trade stats: option '--help' takes no value" stats --help=yes
usage_error "trade validate: unknown option '-x'" validate -x
usage_error "trade cat: --format must be csv, tsv, jsonl or xlsx, not 'xml'" cat --format xml
usage_error "trade rank: --ties must be min, max, dense, average or first" rank --ties top
usage_error "trade import: --level must be total, hs2, hs4 or hs6, not 'hs8'" import --level hs8
usage_error "trade convert: --to CURRENCY and --rates FILE are required" convert "$tmp/in.csv"

# more options that would do nothing: extract's rows are drafts, import
# reads no observation CSV
usage_error "trade validate: -o is not used by validate (it writes no rows, only problems)" \
  validate -o "$tmp/x.csv" "$tmp/in.csv"
usage_error "trade validate: --digits is not used by validate (it writes no rows, only problems)" \
  validate --digits 3 "$tmp/in.csv"
usage_error "trade plot: --digits is not used by plot: --terminal png|svg|pdf picks the image" \
  plot line --digits 3 -o "$tmp/p.gp" "$tmp/in.csv"
usage_error "trade extract: --draft is not used by extract (its rows are drafts already)" \
  extract --draft /dev/null
usage_error "trade extract: --max-field applies to the --against files (--max-bytes limits the text)" \
  extract --max-field 100 /dev/null
usage_error "trade import: --max-field is not used by import (it reads bulk files, not observation CSV)" \
  import --max-field 100 baci /dev/null

# options of another mode of the same command
usage_error "trade compare: --of is not used by compare balance (share and hhi only)" \
  compare balance --of WLD "$tmp/in.csv"
usage_error "trade compare: --group is not used by compare mirror (share and hhi only)" \
  compare mirror --group flow "$tmp/in.csv"
usage_error "trade compare: --keep-aggregates is not used by compare index (share and hhi only)" \
  compare index --base 2011 --keep-aggregates "$tmp/in.csv"
usage_error "trade compare: --base is not used by compare share (index only)" \
  compare share --base 2011 "$tmp/in.csv"
usage_error "trade indicator: --by-partner is not used by rca (unit-value only)" \
  indicator rca --by-partner "$tmp/in.csv"
usage_error "trade indicator: --world is not used by unit-value (unit values take every flow and no world)" \
  indicator unit-value --world wld "$tmp/in.csv"
usage_error "trade indicator: --flow is not used by unit-value (unit values take every flow and no world)" \
  indicator unit-value --flow import "$tmp/in.csv"

# did you mean: an ISO numeric code, the start of one name (ISO 3166-1: 276
# is DEU, the Russian Federation is RUS); "Domini" starts two names
printf 'reporter,partner,flow,period,value,unit\n276,Russia,export,2020,1,EUR\nDomini,KAZ,export,2020,1,EUR\n' >"$tmp/iso3.csv"
"$TRADE" validate "$tmp/iso3.csv" 2>"$tmp/err"
grep -qx "$tmp/iso3.csv:2:1: reporter: unknown country code '276': did you mean DEU?" "$tmp/err" && ok || { bad "276"; cat "$tmp/err"; }
grep -qx "$tmp/iso3.csv:2:5: partner: unknown country code 'Russia': did you mean RUS?" "$tmp/err" && ok || bad "Russia"
grep -qx "$tmp/iso3.csv:3:1: reporter: unknown country code 'Domini'" "$tmp/err" && ok || bad "Domini"

# import --where on the rows it writes. tests/data/import/baci_small.csv
# by hand (v in thousands of USD): BEL->FRA 2020 is 1.5 + 2.25 + 0.001 =
# 3.751 (3751 USD), FRA->BEL 2020 100 (100000), USA->IND 2020 3 (3000),
# BEL->FRA 2021 2.5 (2500); at hs2, product 01 takes 010121 and 10121 of
# BEL->FRA 2020 (1.5 + 0.001 = 1501 USD), 0101"x of USA and 2021's 010121.
baci=$SRCDIR/tests/data/import/baci_small.csv
got=$("$TRADE" import baci --where 'value>3000' "$baci" | cut -d, -f1-5 | tr '\n' ' ')
[ "$got" = "reporter,partner,flow,period,value BEL,FRA,export,2020,3751 FRA,BEL,export,2020,100000 " ] ||
  bad "import --where value>3000: $got"
got=$("$TRADE" import baci --level hs2 --where product=01 --where period=2020 "$baci" | cut -d, -f1-5,7 | tr '\n' ' ')
[ "$got" = "reporter,partner,flow,period,value,product BEL,FRA,export,2020,1501,01 USA,IND,export,2020,3000,01 " ] ||
  bad "import --level hs2 --where product=01: $got"
"$TRADE" import baci --where prodct=01 "$baci" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -eq 2 ] || bad "import --where on an unknown column: exit $rc, want 2"
[ "$(cat "$tmp/err")" = "trade: --where: no column 'prodct'; the columns are: reporter, partner, flow, period, value, unit, source" ] ||
  bad "import --where on an unknown column: $(cat "$tmp/err")"
[ -s "$tmp/out" ] && bad "import --where on an unknown column wrote rows"
usage_error "trade import: --where does not apply to --partial (a filter on partial sums changes the merged totals: filter the rows of merge)" \
  import baci --partial --where unit=t "$baci"

lib_valgrind_check || bad "valgrind"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
