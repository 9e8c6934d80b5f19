#!/usr/bin/env bash
# Command-level checks of trade validate and trade cat: located messages,
# exit codes, atomic -o, stdin, --where, and the datasets themselves.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*" >&2; fail=$((fail + 1)); }
expect() { # expect CODE PATTERN -- command...
  local code=$1 pat=$2; shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"; local rc=$?
  if [ "$rc" -ne "$code" ]; then bad "$* exited $rc, want $code: $(head -3 "$tmp/err")"; return; fi
  if [ -n "$pat" ] && ! grep -qE -- "$pat" "$tmp/err"; then bad "$*: stderr lacks /$pat/: $(head -3 "$tmp/err")"; return; fi
  ok
}

hdr=reporter,partner,flow,period,value,unit,source
printf '%s\nBEL,KAZ,export,2010,100000000,EUR,a\nBEL,KAZ,export,2011,1.2e8,EUR,a\n' $hdr >"$tmp/bad3.csv"
expect 1 "^$tmp/bad3.csv:3:21: value: '1.2e8' is not a plain finite decimal number\$" -- "$TRADE" validate "$tmp/bad3.csv"
printf '%s\nBEL,KAZ,export,2010,100000000,EUR,a\nBEL,KAZ,export,2011,118000000,EUR,a\n' $hdr >"$tmp/good.csv"
expect 0 "" -- "$TRADE" validate "$tmp/good.csv"
expect 2 "cannot open" -- "$TRADE" validate "$tmp/missing.csv"
expect 2 "" -- "$TRADE" validate --no-such-option "$tmp/good.csv"
expect 0 "" -- "$TRADE" validate --help
# stdin, with '-' and with no file
expect 0 "" -- sh -c "'$TRADE' validate - <'$tmp/good.csv'"
expect 1 "^-:3:21: value" -- sh -c "'$TRADE' validate <'$tmp/bad3.csv'"
# every problem of a file, one line each
printf '%s\nBEL,KAQ,export,2010,1,EUR,a\nBEL,KAZ,export,2012-13,1,EUR,a\n' $hdr >"$tmp/two.csv"
"$TRADE" validate "$tmp/two.csv" 2>"$tmp/err"
[ "$(grep -c "^$tmp/two.csv:" "$tmp/err")" -eq 2 ] && ok || bad "two problems not both reported"
# conflicting duplicates across files, located at the later row
printf '%s\nBEL,KAZ,export,2011,119091910,EUR,a\n' $hdr >"$tmp/dup.csv"
expect 1 "^$tmp/dup.csv:2:21: conflicting duplicate" -- "$TRADE" validate "$tmp/good.csv" "$tmp/dup.csv"

# cat: -o on failure leaves the existing file intact; on success replaces it
echo precious >"$tmp/out.csv"
expect 1 "" -- "$TRADE" cat "$tmp/bad3.csv" -o "$tmp/out.csv"
[ "$(cat "$tmp/out.csv")" = precious ] && ok || bad "cat -o truncated an existing file"
expect 0 "" -- "$TRADE" cat "$tmp/good.csv" -o "$tmp/out.csv"
[ "$(wc -l <"$tmp/out.csv")" -eq 3 ] && ok || bad "cat -o did not write 3 lines"
[ -z "$(ls -A "$tmp" | grep '^\.')" ] && ok || bad "temporary file left behind"
# --where filters, columns normalised into the documented order
"$TRADE" cat --where period=2011 "$tmp/good.csv" >"$tmp/w.csv"
[ "$(cat "$tmp/w.csv")" = "$(printf 'reporter,partner,flow,period,value,unit,source\nBEL,KAZ,export,2011,118000000,EUR,a')" ] && ok || bad "cat --where: $(cat "$tmp/w.csv")"
# a full disk is an I/O error, exit 2
expect 2 "" -- "$TRADE" cat "$tmp/good.csv" -o /dev/full
expect 2 "" -- sh -c "'$TRADE' cat '$tmp/good.csv' >/dev/full"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
