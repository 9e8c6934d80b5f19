#!/usr/bin/env bash
# CLI habits of issue 16: a usage error is one line and "see 'trade COMMAND
# --help'" (exit 2) for every command; an option a command accepts does
# something or is refused; a ';'- or tab-separated file is named as such;
# a country's ISO-2 code or name in a code column gets "did you mean ...?";
# --digits; completion of values and column names; import --where.
# Expected texts are written by hand from the issue's wording.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; lib_cleanup' EXIT
fail=0
ok() { echo "FAIL: $*"; fail=1; }
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
  [ $rc -eq 2 ] || ok "trade $cmd $*: exit $rc, want 2"
  [ "$(cat "$tmp/err")" = "$wantall" ] || ok "trade $cmd $*: stderr '$(head -c 300 "$tmp/err")', want '$wantall'"
  [ -s "$tmp/out" ] && ok "trade $cmd $*: wrote to stdout"
}

## 1. one line and a pointer to --help, for every command
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

## 2. an option accepted is used or refused (validate writes no rows, plot a
## script, extract's rows are drafts, import reads no observation CSV)
for opt in "-o:-o $tmp/x.csv" "--format:--format tsv" "--raw:--raw" "--where:--where period=2012"; do
  usage_error "trade validate: ${opt%%:*} is not used by validate (it writes no rows, only problems)" \
    validate ${opt#*:} "$tmp/in.csv"
done
usage_error "trade plot: --format is not used by plot: --terminal png|svg|pdf picks the image" \
  plot line --format jsonl -o "$tmp/p.gp" "$tmp/in.csv"
[ -e "$tmp/p.gp" ] && ok "plot --format jsonl wrote a script"
usage_error "trade plot: --raw is not used by plot: --terminal png|svg|pdf picks the image" \
  plot line --raw -o "$tmp/p.gp" "$tmp/in.csv"
usage_error "trade extract: --draft is not used by extract (its rows are drafts already)" \
  extract --draft /dev/null
usage_error "trade extract: --max-field applies to the --against files (--max-bytes limits the text)" \
  extract --max-field 100 /dev/null
usage_error "trade import: --max-field is not used by import (it reads bulk files, not observation CSV)" \
  import --max-field 100 baci /dev/null

## 3. a ';'- or tab-separated file is named as such: one located error
## (exit 1), not six "missing required column"
printf 'reporter;partner;flow;period;value;unit\nBEL;KAZ;export;2011;100;EUR\n' >"$tmp/semi.csv"
printf 'reporter\tpartner\tflow\tperiod\tvalue\tunit\nBEL\tKAZ\texport\t2011\t100\tEUR\n' >"$tmp/tab.csv"
for cmd in validate cat stats rank; do
  args=$cmd; [ $cmd = rank ] && args="rank --by value"
  "$TRADE" $args "$tmp/semi.csv" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  [ $rc -eq 1 ] || ok "$cmd on a ';' file: exit $rc, want 1"
  [ "$(cat "$tmp/err")" = "$tmp/semi.csv:1:1: the file seems to be ';'-separated: observation files are comma-separated (save it with ',' between fields)" ] ||
    ok "$cmd on a ';' file: $(cat "$tmp/err")"
done
"$TRADE" validate "$tmp/tab.csv" 2>"$tmp/err"
[ "$(cat "$tmp/err")" = "$tmp/tab.csv:1:1: the file seems to be tab-separated: observation files are comma-separated (save it with ',' between fields)" ] ||
  ok "tab file: $(cat "$tmp/err")"
# a ";" inside a cell of a comma-separated file is data
printf 'reporter,partner,flow,period,value,unit,note\nBEL,KAZ,export,2011,100,EUR,a;b\n' >"$tmp/note.csv"
"$TRADE" validate -q "$tmp/note.csv" || ok "';' in a note cell refused"

## 4. a country's ISO-2 code, name or numeric code gets a suggestion (ISO
## 3166-1: DE/DEU/276 Germany, CN/CHN China, RU/RUS Russian Federation)
cat >"$tmp/iso2.csv" <<'CSV'
reporter,partner,flow,period,value,unit
DE,CN,export,2011,100,EUR
Germany,china,export,2012,1,EUR
Russia,XYZ,export,2012,1,EUR
CSV
"$TRADE" validate "$tmp/iso2.csv" 2>"$tmp/err"
rc=$?
[ $rc -eq 1 ] || ok "ISO-2 codes: exit $rc, want 1"
cat >"$tmp/want" <<EOT
$tmp/iso2.csv:2:1: reporter: unknown country code 'DE'; did you mean DEU (Germany)?
$tmp/iso2.csv:2:4: partner: unknown country code 'CN'; did you mean CHN (China)?
$tmp/iso2.csv:3:1: reporter: unknown country code 'Germany'; did you mean DEU (Germany)?
$tmp/iso2.csv:3:9: partner: unknown country code 'china'; did you mean CHN (China)?
$tmp/iso2.csv:4:1: reporter: unknown country code 'Russia'; did you mean RUS (Russian Federation)?
$tmp/iso2.csv:4:8: partner: unknown country code 'XYZ'
EOT
diff "$tmp/want" "$tmp/err" >/dev/null || ok "suggestions: $(diff "$tmp/want" "$tmp/err")"

## 6. completion, driven as bash would: COMP_WORDS and COMP_CWORD set, then
## _trade; the values are the ones each command's --help names
comp() { # comp CWORD WORD...: what bash offers for word CWORD of "trade WORD..."
  local cw=$1; shift
  bash -c 'source "$1"; shift; COMP_CWORD=$1; shift; COMP_WORDS=("$@"); _trade
           printf "%s\n" "${COMPREPLY[@]}"' _ "$SRCDIR/tools/completion/trade.bash" "$cw" "$TRADE" "$@" |
    tr '\n' ' '
}
want() { # want EXPECTED CWORD WORD...
  local w=$1; shift
  local got; got=$(comp "$@")
  [ "$got" = "$w" ] || ok "completion of '$*': got '$got', want '$w'"
}
printf 'reporter,partner,flow,period,value,unit,"my col"\r\n' >"$tmp/head.csv"
want "total hs2 hs4 hs6 " 3 import --level ""
want "hs2 hs4 hs6 " 3 import --level hs
want "min max dense average first " 3 rank --ties ""
want "csv tsv jsonl xlsx " 3 cat --format ""
want "reporter partner flow period value unit my col " 3 rank --by "" "$tmp/head.csv"
want "partner period " 3 cat --where p "$tmp/head.csv"
want "flow,partner flow,period " 3 rank --group flow,p "$tmp/head.csv"
want "flow " 5 cat "$tmp/head.csv" --where = fl # --where=fl, split at '=' by bash
want " " 3 cat --where "flow=" "$tmp/head.csv" # the value is the user's
want " " 5 cat -o "$tmp/head.csv" --where "" # the output file is no input

## 7. import --where on the rows it writes. tests/data/import/baci_small.csv
## by hand (v in thousands of USD): BEL->FRA 2020 is 1.5 + 2.25 + 0.001 =
## 3.751 (3751 USD), FRA->BEL 2020 100 (100000), USA->IND 2020 3 (3000),
## BEL->FRA 2021 2.5 (2500); at hs2, product 01 takes 010121 and 10121 of
## BEL->FRA 2020 (1.5 + 0.001 = 1501 USD), 0101"x of USA and 2021's 010121.
baci=$SRCDIR/tests/data/import/baci_small.csv
got=$("$TRADE" import baci --where 'value>3000' "$baci" | cut -d, -f1-5 | tr '\n' ' ')
[ "$got" = "reporter,partner,flow,period,value BEL,FRA,export,2020,3751 FRA,BEL,export,2020,100000 " ] ||
  ok "import --where value>3000: $got"
got=$("$TRADE" import baci --level hs2 --where product=01 --where period=2020 "$baci" | cut -d, -f1-5,7 | tr '\n' ' ')
[ "$got" = "reporter,partner,flow,period,value,product BEL,FRA,export,2020,1501,01 USA,IND,export,2020,3000,01 " ] ||
  ok "import --level hs2 --where product=01: $got"
"$TRADE" import baci --where prodct=01 "$baci" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -eq 2 ] || ok "import --where on an unknown column: exit $rc, want 2"
[ "$(cat "$tmp/err")" = "trade: --where: no column 'prodct'; the columns are: reporter, partner, flow, period, value, unit, source" ] ||
  ok "import --where on an unknown column: $(cat "$tmp/err")"
[ -s "$tmp/out" ] && ok "import --where on an unknown column wrote rows"
usage_error "trade import: --where does not apply to --partial (a filter on partial sums changes the merged totals: filter the rows of merge)" \
  import baci --partial --where unit=t "$baci"

lib_valgrind_check || fail=1
exit $fail
