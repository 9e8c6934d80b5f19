#!/usr/bin/env bash
# hostile_output.sh - where -o writes (issue 17, items 1, 2 and 7): through a
# symbolic link the target is replaced and the link kept; /dev/stdout,
# /proc/self/fd/N, FIFOs and devices are written in place; a 254-byte name
# works; -o '' and a read-only output are refused with a clear message;
# SIGINT, SIGTERM, SIGHUP and SIGQUIT during a long -o write leave the
# existing output as it was and no temporary file; timeout -s INT at any
# moment leaves either the old file or the whole new one.
#
# Expected output is the same command's output on stdout (cmp), which the
# rest of the suite checks; what is tested here is only where it lands.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
good=$SRCDIR/tests/data/hostile/good_bom_crlf.csv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; lib_cleanup' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*" >&2; fail=$((fail + 1)); }
check() { if eval "$1"; then ok; else bad "$2"; fi; }
# no file of the folder but the ones named
only() {
    local d=$1
    shift
    local want have
    want=$(printf '%s\n' "$@" | sort | tr '\n' ' ')
    have=$(ls -A "$d" | sort | tr '\n' ' ')
    [ "$have" = "$want" ] && ok || bad "$d holds '$have', want '$want'"
}

"$TRADE" cat "$good" >"$tmp/want.csv" || { echo "FAIL: trade cat $good"; exit 1; }

# a link to a file beside it: the file is replaced, the link kept
mkdir "$tmp/l" && echo old >"$tmp/l/target.csv" && ln -s target.csv "$tmp/l/link.csv"
"$TRADE" cat "$good" -o "$tmp/l/link.csv" 2>"$tmp/err"
rc=$?
check '[ $rc -eq 0 ]' "cat -o link: $(cat "$tmp/err")"
check '[ -L "$tmp/l/link.csv" ] && [ "$(readlink "$tmp/l/link.csv")" = target.csv ]' "cat -o link: the link was replaced"
check 'cmp -s "$tmp/l/target.csv" "$tmp/want.csv"' "cat -o link: target.csv not updated"
only "$tmp/l" link.csv target.csv

# a chain of links, relative to each link's own folder, into another folder
mkdir -p "$tmp/c/a" "$tmp/c/b" && echo old >"$tmp/c/b/t.csv"
ln -s ../b/t.csv "$tmp/c/a/l1" && ln -s a/l1 "$tmp/c/l2"
"$TRADE" cat "$good" -o "$tmp/c/l2" 2>"$tmp/err"
rc=$?
check '[ $rc -eq 0 ] && cmp -s "$tmp/c/b/t.csv" "$tmp/want.csv"' "cat -o through two links: $(cat "$tmp/err")"
check '[ -L "$tmp/c/l2" ] && [ -L "$tmp/c/a/l1" ]' "cat -o through two links: a link was replaced"
only "$tmp/c/b" t.csv
only "$tmp/c/a" l1

# a dangling link: its target is created
mkdir "$tmp/d" && ln -s new.csv "$tmp/d/link.csv"
"$TRADE" cat "$good" -o "$tmp/d/link.csv" 2>"$tmp/err"
rc=$?
check '[ $rc -eq 0 ] && [ -L "$tmp/d/link.csv" ] && cmp -s "$tmp/d/new.csv" "$tmp/want.csv"' "cat -o dangling link: $(cat "$tmp/err")"
only "$tmp/d" link.csv new.csv

# a loop of links: refused, nothing created
mkdir "$tmp/loop" && ln -s b "$tmp/loop/a" && ln -s a "$tmp/loop/b"
"$TRADE" cat "$good" -o "$tmp/loop/a" 2>"$tmp/err"
rc=$?
check '[ $rc -eq 2 ] && grep -q "^$tmp/loop/a: cannot write: too many levels of symbolic links" "$tmp/err"' "cat -o link loop: $(cat "$tmp/err")"
only "$tmp/loop" a b

# /dev/stdout and /proc/self/fd/N: written through, never renamed over
devstdout=$(readlink /dev/stdout)
"$TRADE" cat "$good" -o /dev/stdout >"$tmp/f1.csv" 2>"$tmp/err"
rc=$?
check '[ $rc -eq 0 ] && cmp -s "$tmp/f1.csv" "$tmp/want.csv"' "cat -o /dev/stdout: $(cat "$tmp/err")"
check '[ -L /dev/stdout ] && [ "$(readlink /dev/stdout)" = "$devstdout" ]' "cat -o /dev/stdout replaced /dev/stdout"
# (a broken build running as root has just replaced the system's link: put it back)
if [ -n "$devstdout" ] && ! [ -L /dev/stdout ]; then rm -f /dev/stdout && ln -s "$devstdout" /dev/stdout; fi
"$TRADE" cat "$good" -o /proc/self/fd/3 3>"$tmp/f3.csv" 2>"$tmp/err"
rc=$?
check '[ $rc -eq 0 ] && cmp -s "$tmp/f3.csv" "$tmp/want.csv"' "cat -o /proc/self/fd/3: $(cat "$tmp/err")"
"$TRADE" cat "$good" -o /dev/stdout | cat >"$tmp/f4.csv"
check 'cmp -s "$tmp/f4.csv" "$tmp/want.csv"' "cat -o /dev/stdout into a pipe"
ls -A "$tmp" | grep -q '^\.trade-' && bad "a temporary file left in $tmp" || ok
# a link of ours to /dev/stdout
ln -s /dev/stdout "$tmp/tostdout"
"$TRADE" cat "$good" -o "$tmp/tostdout" >"$tmp/f5.csv" 2>"$tmp/err"
rc=$?
check '[ $rc -eq 0 ] && [ -L "$tmp/tostdout" ] && cmp -s "$tmp/f5.csv" "$tmp/want.csv"' "cat -o link to /dev/stdout: $(cat "$tmp/err")"

# a FIFO and a character device
mkfifo "$tmp/fifo"
cat "$tmp/fifo" >"$tmp/fromfifo.csv" &
reader=$!
timeout 20 "$TRADE" cat "$good" -o "$tmp/fifo" 2>"$tmp/err"
rc=$?
check '[ $rc -eq 0 ]' "cat -o FIFO: $(cat "$tmp/err")"
wait $reader
check '[ -p "$tmp/fifo" ] && cmp -s "$tmp/fromfifo.csv" "$tmp/want.csv"' "cat -o FIFO: not written through"
"$TRADE" cat "$good" -o /dev/null 2>"$tmp/err"
rc=$?
check '[ $rc -eq 0 ] && [ -c /dev/null ]' "cat -o /dev/null: $(cat "$tmp/err")"

# a 254-byte name (255 is the usual limit of one name)
mkdir "$tmp/long"
name=$(printf 'n%.0s' $(seq 250)).csv
"$TRADE" cat "$good" -o "$tmp/long/$name" 2>"$tmp/err"
rc=$?
check '[ $rc -eq 0 ] && cmp -s "$tmp/long/$name" "$tmp/want.csv"' "cat -o 254-byte name: $(cat "$tmp/err")"
echo old >"$tmp/long/$name"
"$TRADE" cat "$good" -o "$tmp/long/$name" 2>"$tmp/err"
rc=$?
check '[ $rc -eq 0 ] && cmp -s "$tmp/long/$name" "$tmp/want.csv"' "cat -o over a 254-byte name: $(cat "$tmp/err")"
only "$tmp/long" "$name"

# -o '': a usage error that says what is wrong
"$TRADE" cat "$good" -o '' 2>"$tmp/err"
rc=$?
check '[ $rc -eq 2 ] && grep -q "output file name is empty" "$tmp/err"' "cat -o '': $(cat "$tmp/err")"
"$TRADE" growth "$good" -o '' 2>"$tmp/err"
rc=$?
check '[ $rc -eq 2 ] && grep -q "output file name is empty" "$tmp/err"' "growth -o '': $(cat "$tmp/err")"

# a read-only output is not replaced (as cp without -f), even by root
mkdir "$tmp/ro" && echo precious >"$tmp/ro/out.csv" && chmod 0444 "$tmp/ro/out.csv"
"$TRADE" cat "$good" -o "$tmp/ro/out.csv" 2>"$tmp/err"
rc=$?
check '[ $rc -eq 2 ] && grep -q "^$tmp/ro/out.csv: not replaced: the file is read-only (mode 0444)" "$tmp/err"' "cat -o read-only: $(cat "$tmp/err")"
check '[ "$(cat "$tmp/ro/out.csv")" = precious ] && [ "$(stat -c %a "$tmp/ro/out.csv")" = 444 ]' "cat -o read-only: the file changed"
only "$tmp/ro" out.csv
# ... also through a link
ln -s out.csv "$tmp/ro/link.csv"
"$TRADE" cat "$good" -o "$tmp/ro/link.csv" 2>"$tmp/err"
rc=$?
check '[ $rc -eq 2 ] && grep -q "read-only" "$tmp/err" && [ -L "$tmp/ro/link.csv" ]' "cat -o link to read-only: $(cat "$tmp/err")"
# a folder
"$TRADE" cat "$good" -o "$tmp/ro" 2>"$tmp/err"
rc=$?
check '[ $rc -eq 2 ] && grep -q "^$tmp/ro: cannot write: is a directory" "$tmp/err"' "cat -o folder: $(cat "$tmp/err")"

# xlsx follows the same rules: through a link, a 254-byte name, read-only
mkdir "$tmp/x" && echo old >"$tmp/x/t.xlsx" && ln -s t.xlsx "$tmp/x/l.xlsx"
"$TRADE" cat "$good" --format xlsx -o "$tmp/x/l.xlsx" 2>"$tmp/err"
rc=$?
check '[ $rc -eq 0 ] && [ -L "$tmp/x/l.xlsx" ] && [ "$(head -c 2 "$tmp/x/t.xlsx")" = PK ]' "cat --format xlsx -o link: exit $rc: $(cat "$tmp/err")"
"$TRADE" cat "$good" --format xlsx -o "$tmp/x/${name%.csv}.xlsx" 2>"$tmp/err"
rc=$?
check '[ $rc -eq 0 ] && [ "$(head -c 2 "$tmp/x/${name%.csv}.xlsx")" = PK ]' "cat --format xlsx -o 254-byte name: exit $rc: $(cat "$tmp/err")"
chmod 0444 "$tmp/x/t.xlsx"
cp "$tmp/x/t.xlsx" "$tmp/x.before"
"$TRADE" cat "$good" --format xlsx -o "$tmp/x/l.xlsx" 2>"$tmp/err"
rc=$?
check '[ $rc -eq 2 ] && grep -q "read-only" "$tmp/err" && cmp -s "$tmp/x/t.xlsx" "$tmp/x.before"' "cat --format xlsx -o read-only: exit $rc: $(cat "$tmp/err")"
only "$tmp/x" l.xlsx t.xlsx "${name%.csv}.xlsx"

# Signals during a long -o write. The command runs with SIGINT and SIGQUIT
# at their default (a background job of a script has them ignored, and an
# ignored signal stays ignored, as nohup wants); once its temporary file
# exists it is stopped, signalled and continued: it must die of the signal
# (exit 128 + n), leave out.csv as it was, and no temporary file.
awk 'BEGIN { print "reporter,partner,flow,period,value,unit,source"
    for (i = 1; i <= 600000; i++) printf "BEL,KAZ,export,%d,%d,EUR,s%d\n", 1000 + i % 1000, i, i }' >"$tmp/big.csv"
dfl() {
    exec python3 -c 'import os, signal, sys
for s in (signal.SIGINT, signal.SIGQUIT, signal.SIGTERM, signal.SIGHUP):
    signal.signal(s, signal.SIG_DFL)
os.execvp(sys.argv[1], sys.argv[1:])' "$@"
}
mkdir "$tmp/s"
for sig in INT TERM HUP QUIT; do
    echo precious >"$tmp/s/out.csv"
    for attempt in 1 2 3; do
        dfl "$TRADE_REAL" cat "$tmp/big.csv" --format jsonl -o "$tmp/s/out.csv" 2>/dev/null &
        pid=$!
        seen=0
        for _ in $(seq 2000); do
            set -- "$tmp"/s/.trade-*
            [ -e "$1" ] && { seen=1; break; }
            kill -0 $pid 2>/dev/null || break
            sleep 0.005
        done
        kill -STOP $pid 2>/dev/null
        set -- "$tmp"/s/.trade-*
        if [ $seen = 1 ] && [ -e "$1" ]; then
            kill -s $sig $pid
            kill -CONT $pid
            wait $pid 2>/dev/null
            rc=$?
            break
        fi
        kill -CONT $pid 2>/dev/null
        wait $pid 2>/dev/null
        rc=none
        echo precious >"$tmp/s/out.csv"
    done
    if [ "$rc" = none ]; then
        bad "SIG$sig: never caught the temporary file of a long write"
        continue
    fi
    want=$((128 + $(kill -l $sig)))
    check '[ "$rc" -eq $want ]' "SIG$sig during -o: exit $rc, want $want"
    check '[ "$(cat "$tmp/s/out.csv")" = precious ]' "SIG$sig during -o: out.csv changed"
    only "$tmp/s" out.csv
done

# timeout -s INT at a few moments: the old file or the whole new one,
# never a part and never a temporary file
"$TRADE_REAL" cat "$tmp/big.csv" >"$tmp/bigwant.csv"
for t in 0.05 0.2 0.4 0.8 3; do
    echo precious >"$tmp/s/out.csv"
    (trap - INT; exec timeout -s INT "$t" python3 -c 'import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
os.execvp(sys.argv[1], sys.argv[1:])' "$TRADE_REAL" cat "$tmp/big.csv" -o "$tmp/s/out.csv") 2>/dev/null
    rc=$?
    check '[ $rc -eq 0 ] || [ $rc -eq 124 ]' "timeout -s INT $t: exit $rc"
    check '[ "$(cat "$tmp/s/out.csv")" = precious ] || cmp -s "$tmp/s/out.csv" "$tmp/bigwant.csv"' "timeout -s INT $t: out.csv neither old nor whole"
    only "$tmp/s" out.csv
done

lib_valgrind_check || fail=$((fail + 1))
echo "hostile_output: $pass passed, $fail failed"
[ $fail -eq 0 ]
