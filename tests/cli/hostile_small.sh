#!/usr/bin/env bash
# hostile_small.sh - the smaller cases of issue 17: control bytes in every
# message shown as '?', a plain decimal of more than 400 characters read,
# --max-field -1 and 2^64 refused (not "no limit"), UTF-16 input named as
# such, the same country as reporter and partner refused (but for freight
# and aggregates), and a quote in a script name kept in the image name.
# Expected messages are written out by hand from the inputs below.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; lib_cleanup' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*" >&2; fail=$((fail + 1)); }
# run CODE FIXED-STRING -- command...: exit code and a stderr line holding
# FIXED-STRING (grep -F)
run() {
    local code=$1 want=$2
    shift 3
    "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    local rc=$?
    [ "$rc" -eq "$code" ] || { bad "$* exited $rc, want $code: $(head -3 "$tmp/err" | cat -v)"; return 1; }
    if [ -n "$want" ] && ! grep -qF -- "$want" "$tmp/err"; then
        bad "$*: stderr lacks '$want': $(head -3 "$tmp/err" | cat -v)"
        return 1
    fi
    ok
}
# no byte below 0x20 but newline, no DEL, no C1 control (C2 80-9F) in stderr
clean_err() {
    if LC_ALL=C grep -qP '[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]' "$tmp/err"; then
        bad "$1: raw control bytes in the message: $(cat -v "$tmp/err" | head -2)"
    else
        ok
    fi
}
hdr=reporter,partner,flow,period,value,unit,source

# ---- control bytes: one rule (shown as '?') in every message ----
esc=$(printf 'a\033[2J\033]0;x\007b')
run 2 "a?[2J?]0;x?b.csv: cannot open" -- "$TRADE" validate "$tmp/$esc.csv"
clean_err "validate of a file named with escapes"
run 2 "a?[2J?]0;x?b.csv: cannot open" -- "$TRADE" growth "$tmp/$esc.csv"
clean_err "growth of a file named with escapes"
run 2 "not '?[31m'" -- "$TRADE" cat --format "$(printf '\033[31m')" "$tmp/x.csv"
clean_err "cat --format with an escape"
# a C1 control (U+009B, CSI in UTF-8) and a lone 9B byte in a code
printf '%s\n%s\n' "$hdr" "$(printf 'BEL,KAZ,export,2010,1,EUR,s\n\xc2\x9b[2J,KAZ,export,2010,1,EUR,s')" >"$tmp/c1.csv"
run 1 "c1.csv:3:1: reporter: unknown country code '?[2J'" -- "$TRADE" validate "$tmp/c1.csv"
clean_err "validate of a C1 control"
printf '%s\nBEL,KAZ,export,2010,1,EUR,s\nBEL,KAZ,\033[2Jexport,2010,1,EUR,s\n' "$hdr" >"$tmp/esc.csv"
run 1 "esc.csv:3:9: flow: unknown flow '?[2Jexport'" -- "$TRADE" cat "$tmp/esc.csv"
clean_err "cat of an escape in a flow"

# ---- a plain decimal of any length (the field limit bounds it) ----
# 12.5 followed by 450 zeros is 12.5; 500 ones is 1.1e499, not finite
long=12.5$(printf '0%.0s' $(seq 450))
printf '%s\nBEL,KAZ,export,2010,%s,EUR,s\n' "$hdr" "$long" >"$tmp/long.csv"
run 0 "" -- "$TRADE" cat "$tmp/long.csv"
[ "$(sed -n 2p "$tmp/out")" = "BEL,KAZ,export,2010,12.5,EUR,s" ] && ok || bad "cat of a 454-character value: $(sed -n 2p "$tmp/out" | head -c 80)"
ones=$(printf '1%.0s' $(seq 500))
printf '%s\nBEL,KAZ,export,2010,%s,EUR,s\n' "$hdr" "$ones" >"$tmp/ones.csv"
run 1 "ones.csv:2:21: value: '1111111111111111111111111111111111111111...' is not a plain finite decimal number" -- "$TRADE" validate "$tmp/ones.csv"

# ---- --max-field: digits only, within size_t ----
for v in -1 18446744073709551616 99999999999999999999999 +5 " 5" 0 1k; do
    run 2 "--max-field takes a positive number of bytes, not '$v'" -- "$TRADE" validate --max-field "$v" "$tmp/long.csv"
done
run 0 "" -- "$TRADE" validate --max-field 18446744073709551615 "$tmp/long.csv"
# 454 bytes in a field over a limit of 100: refused at the field (line 2, column 21)
run 1 "long.csv:2:21: field longer than the limit of 100 bytes" -- "$TRADE" validate --max-field 100 "$tmp/long.csv"

# ---- UTF-16: say so ----
printf '%s\nBEL,KAZ,export,2010,1,EUR,s\n' "$hdr" >"$tmp/utf8.csv"
iconv -f UTF-8 -t UTF-16 "$tmp/utf8.csv" >"$tmp/u16bom.csv"     # BOM FF FE, then LE
iconv -f UTF-8 -t UTF-16BE "$tmp/utf8.csv" >"$tmp/u16be.csv"    # no BOM: 00 72 ...
iconv -f UTF-8 -t UTF-16LE "$tmp/utf8.csv" >"$tmp/u16le.csv"    # no BOM: 72 00 ...
{ printf '\xfe\xff'; cat "$tmp/u16be.csv"; } >"$tmp/u16bebom.csv"
run 1 "u16bom.csv:1:1: UTF-16LE text: convert to UTF-8" -- "$TRADE" validate "$tmp/u16bom.csv"
run 1 "u16be.csv:1:1: UTF-16BE text: convert to UTF-8" -- "$TRADE" validate "$tmp/u16be.csv"
run 1 "u16le.csv:1:1: UTF-16LE text: convert to UTF-8" -- "$TRADE" cat "$tmp/u16le.csv"
run 1 "u16bebom.csv:1:1: UTF-16BE text: convert to UTF-8" -- "$TRADE" growth "$tmp/u16bebom.csv"
run 1 "-:1:1: UTF-16LE text: convert to UTF-8" -- sh -c "exec '$TRADE' validate - <'$tmp/u16bom.csv'"
# (a NUL further in is still a NUL byte)
printf '%s\nBEL,KAZ,export,2010,1\000,EUR,s\n' "$hdr" >"$tmp/nul.csv"
run 1 "nul.csv:2:22: NUL byte in input" -- "$TRADE" validate "$tmp/nul.csv"

# ---- reporter and partner alike: refused but for freight and aggregates ----
printf '%s\nBEL,KAZ,export,2010,1,EUR,s\nBEL,BEL,export,2010,1,EUR,s\n' "$hdr" >"$tmp/self_export.csv"
run 1 "self_export.csv:3:5: partner: the same as the reporter ('BEL')" -- "$TRADE" validate "$tmp/self_export.csv"
printf '%s\nKAZ,KAZ,import,2010,1,EUR,s\n' "$hdr" >"$tmp/self_import.csv"
run 1 "self_import.csv:2:5: partner: the same as the reporter ('KAZ')" -- "$TRADE" cat "$tmp/self_import.csv"
printf '%s\nBEL,BEL,trade,2010,1,EUR,s\n' "$hdr" >"$tmp/self_trade.csv"
run 1 "self_trade.csv:2:5: partner: the same as the reporter ('BEL')" -- "$TRADE" growth "$tmp/self_trade.csv"
printf '%s\nBEL,BEL,freight,2010,1,t,s\nXCA,XCA,trade,2010,1,USD,s\nEUU,EUU,export,2010,1,EUR,s\n' "$hdr" >"$tmp/self_ok.csv"
run 0 "" -- "$TRADE" validate "$tmp/self_ok.csv"
# --draft: empty reporter and partner are not "alike"
printf '%s\n,,,,1,EUR,s\n' "$hdr" >"$tmp/draft.csv"
run 0 "" -- "$TRADE" validate --draft "$tmp/draft.csv"
# the datasets still validate
run 0 "" -- sh -c "exec '$TRADE' validate '$SRCDIR'/datasets/*.csv"

lib_valgrind_check || fail=$((fail + 1))
echo "hostile_small: $pass passed, $fail failed"
[ $fail -eq 0 ]
