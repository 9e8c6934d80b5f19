#!/usr/bin/env bash
# The command line's manners, for every command "trade --help" lists: one
# line each there; "trade COMMAND --help" prints a usage line, the options and
# an example on stdout and exits 0; an unknown option prints a message on
# stderr, nothing on stdout, and exits 2. Also: no arguments and an unknown
# command are usage errors; --version prints "trade VERSION".
set -u
: "${TRADE:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*" >&2; fail=$((fail + 1)); }

"$TRADE" --help >"$tmp/help" 2>"$tmp/err" && ok || bad "trade --help exited $?"
[ -s "$tmp/err" ] && bad "trade --help wrote to stderr" || ok
cmds=$(awk '/^commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }' "$tmp/help")
[ "$(echo "$cmds" | wc -w)" -ge 13 ] && ok || bad "trade --help lists $(echo $cmds)"
# one line each: name, spaces, a summary
awk '/^commands:/ { on = 1; next } on && /^$/ { on = 0 } on && !/^  [a-z]+  *[^ ].*$/ { exit 1 }' "$tmp/help" &&
  ok || bad "a command line in trade --help is not 'name summary'"

for c in $cmds; do
  "$TRADE" "$c" --help >"$tmp/out" 2>"$tmp/err"
  rc=$?
  if [ $rc -ne 0 ]; then bad "trade $c --help exited $rc: $(head -2 "$tmp/err")"; continue; fi
  grep -q "^usage: trade $c" "$tmp/out" && ok || bad "trade $c --help: no 'usage: trade $c' line"
  grep -qE -- '^ +(-[a-zA-Z], )?--[a-z]' "$tmp/out" && ok || bad "trade $c --help: no options listed"
  awk '/^[Ee]xamples?:/ { on = 1; next } on && /^[^ ]/ { on = 0 } on' "$tmp/out" | grep -q "trade $c" && ok ||
    bad "trade $c --help: no example"

  "$TRADE" "$c" --no-such-option >"$tmp/out" 2>"$tmp/err" </dev/null
  rc=$?
  [ $rc -eq 2 ] && ok || bad "trade $c --no-such-option exited $rc, want 2"
  [ -s "$tmp/err" ] && ok || bad "trade $c --no-such-option: no message on stderr"
  [ -s "$tmp/out" ] && bad "trade $c --no-such-option wrote to stdout" || ok
done

"$TRADE" >/dev/null 2>&1
[ $? -eq 2 ] && ok || bad "trade with no command did not exit 2"
"$TRADE" no-such-command >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && [ -s "$tmp/err" ] && ok || bad "an unknown command did not exit 2 with a message"
"$TRADE" --version >"$tmp/out" && grep -qxE 'trade [0-9]+\.[0-9]+\.[0-9]+' "$tmp/out" && ok ||
  bad "trade --version: $(cat "$tmp/out")"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
