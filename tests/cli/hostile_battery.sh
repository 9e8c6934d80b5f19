#!/usr/bin/env bash
# hostile_battery.sh - fault injection across every command (issue 17, "must
# show"): signals during long writes, a full disk on a small tmpfs, ulimit
# -f, -n and -v, symbolic links and special files as inputs and outputs, odd
# names, empty files, huge lines and binary input. Every case checks the
# exit code (0, 1 bad data or 2 usage and I/O; never a signal unless one was
# sent), the message, that an existing output is intact (or replaced whole)
# and that no temporary file (.trade-*) is left.
#
# The tmpfs cases need root (mount); without it they are skipped and said so.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
good=$SRCDIR/tests/data/hostile/good_bom_crlf.csv
flows=$SRCDIR/tests/data/stats/flows.csv
baci=$SRCDIR/tests/data/import/baci_decimals.csv
comtrade=$SRCDIR/tests/data/import/comtrade_small.csv
brief=$SRCDIR/tests/data/extract/genre1.txt
tmp=$(mktemp -d)
mnt=
trap '[ -n "$mnt" ] && umount "$mnt" 2>/dev/null; rm -rf "$tmp"; lib_cleanup' EXIT
pass=0 fail=0 cases=0 last=
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*" >&2; fail=$((fail + 1)); }

# t CODE PATTERN -- command...: one case. CODE is an exit code or "12"
# (1 or 2) or "012" (any but a signal); PATTERN an extended regex one stderr line must match ("" none).
t() {
    local code=$1 pat=$2
    shift 3
    cases=$((cases + 1))
    last="$*"
    "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    local rc=$?
    if [ "$rc" -gt 128 ] && [ "$rc" -ne 141 ]; then bad "$* died of signal $((rc - 128))"; return 1; fi
    case $code in
    12) [ "$rc" -eq 1 ] || [ "$rc" -eq 2 ] || { bad "$* exited $rc, want 1 or 2: $(head -2 "$tmp/err")"; return 1; } ;;
    012) [ "$rc" -le 2 ] || { bad "$* exited $rc, want 0, 1 or 2: $(head -2 "$tmp/err")"; return 1; } ;;
    *) [ "$rc" -eq "$code" ] || { bad "$* exited $rc, want $code: $(head -2 "$tmp/err")"; return 1; } ;;
    esac
    if [ -n "$pat" ] && ! grep -qE -- "$pat" "$tmp/err"; then
        bad "$*: stderr lacks /$pat/: $(head -2 "$tmp/err" | cat -v)"
        return 1
    fi
    ok
}
# the file holds exactly "precious"
intact() { [ "$(cat "$1" 2>/dev/null)" = precious ] && ok || bad "$2: $1 changed"; }
# no temporary file in the folders
notemp() {
    local d
    for d in "$@"; do
        # (.trade-report is report's record of its own outputs, not a temporary file)
        if ls -A "$d" | grep '^\.trade-' | grep -qvx '\.trade-report'; then bad "temporary file left in $d after '$last': $(ls -A "$d" | grep '^\.trade-')"; else ok; fi
    done
}
fresh() { rm -rf "$tmp/o" && mkdir "$tmp/o" && echo precious >"$tmp/o/out.csv"; }

# ---- inputs ----
awk 'BEGIN { print "reporter,partner,flow,period,value,unit,source"
    split("BEL LUX KAZ UZB TKM KGZ TJK RUS CHN DEU", c, " ")
    n = 0
    for (y = 2000; y < 2020; y++) for (a = 1; a <= 10; a++) for (b = 1; b <= 10; b++) if (a != b)
        for (s = 1; s <= 40; s++) printf "%s,%s,export,%d,%d,EUR,s%d\n", c[a], c[b], y, ++n, s }' >"$tmp/big.csv"
printf 't,i,j,k,v,q\n' >"$tmp/bigbaci.csv"
awk 'BEGIN { for (i = 0; i < 300000; i++) printf "2020,56,251,%06d,1.5,2\n", 10000 + i % 90000 }' >>"$tmp/bigbaci.csv"
head -c 1048576 /dev/urandom >"$tmp/random.bin"
: >"$tmp/empty"
bin=$(command -v bash)

# ---- signals during a long -o write (SIGINT and SIGQUIT at their default:
# a script's background job has them ignored, and trade keeps an ignored
# signal ignored, as nohup wants) ----
dfl() {
    exec python3 -c 'import os, signal, sys
for s in (signal.SIGINT, signal.SIGQUIT, signal.SIGTERM, signal.SIGHUP):
    signal.signal(s, signal.SIG_DFL)
os.execvp(sys.argv[1], sys.argv[1:])' "$@"
}
# sig SIGNAL command...: run with -o $tmp/o/out.csv, signal it once its
# temporary file exists; it must die of that signal, the old file intact
sig() {
    local s=$1 pid rc=none attempt
    shift
    last="SIG$s during $*"
    cases=$((cases + 1))
    for attempt in 1 2 3; do
        fresh
        dfl "$@" -o "$tmp/o/out.csv" 2>/dev/null &
        pid=$!
        for _ in $(seq 3000); do
            set -- "$@" # keep the command
            local g=("$tmp"/o/.trade-*)
            [ -e "${g[0]}" ] && break
            kill -0 $pid 2>/dev/null || break
            sleep 0.003
        done
        kill -STOP $pid 2>/dev/null
        local g=("$tmp"/o/.trade-*)
        if [ -e "${g[0]}" ]; then
            kill -s "$s" $pid
            kill -CONT $pid
            wait $pid
            rc=$?
            break
        fi
        kill -CONT $pid 2>/dev/null
        wait $pid
    done
    if [ "$rc" = none ]; then
        # the write was over before it could be caught: nothing to judge
        echo "hostile_battery: SIG$s during '$*': the write was too short to catch; not counted"
        cases=$((cases - 1))
        return
    fi
    local want=$((128 + $(kill -l "$s")))
    [ "$rc" -eq $want ] && ok || bad "SIG$s during '$*': exit $rc, want $want"
    intact "$tmp/o/out.csv" "SIG$s during '$*'"
    notemp "$tmp/o"
}
sig TERM "$TRADE_REAL" growth "$tmp/big.csv"
sig INT "$TRADE_REAL" rank "$tmp/big.csv"
sig HUP "$TRADE_REAL" stats "$tmp/big.csv"
sig QUIT "$TRADE_REAL" cat --format tsv "$tmp/big.csv"
sig INT "$TRADE_REAL" fit "$tmp/big.csv"

# ---- ulimit -f: a write past the limit is an error, not SIGXFSZ ----
for c in cat growth rank; do
    fresh
    t 2 "File too large" -- sh -c "ulimit -f 64; exec '$TRADE_REAL' $c '$tmp/big.csv' -o '$tmp/o/out.csv'"
    intact "$tmp/o/out.csv" "$c under ulimit -f"
    notemp "$tmp/o"
done
fresh
t 2 "File too large" -- sh -c "ulimit -f 16; exec '$TRADE_REAL' import baci --level hs6 '$tmp/bigbaci.csv' -o '$tmp/o/out.csv'"
intact "$tmp/o/out.csv" "import under ulimit -f"
notemp "$tmp/o"
# to stdout: the same error, exit 2
t 2 "" -- sh -c "ulimit -f 64; exec '$TRADE_REAL' cat '$tmp/big.csv' >'$tmp/o/stdout.csv'"

# ---- ulimit -n 4: stdin, stdout, stderr and one more are enough (the input
# is closed before the temporary file opens); the output is whole ----
closefds=$(for fd in $(seq 3 30); do printf '%s>&- ' $fd; done)
fresh
t 0 "" -- bash -c "exec $closefds; ulimit -n 4; exec '$TRADE_REAL' cat '$good' -o '$tmp/o/out.csv'"
"$TRADE" cat "$good" | cmp -s - "$tmp/o/out.csv" && ok || bad "cat under ulimit -n 4: output not whole"
notemp "$tmp/o"
# import at --level total closes its input before the temporary file opens:
# whole output, as cat; a streamed import (product level) reads while it
# writes: no descriptor left for the input, a clear error and the old file
# intact
fresh
t 0 "" -- bash -c "exec $closefds; ulimit -n 4; exec '$TRADE_REAL' import baci '$baci' -o '$tmp/o/out.csv'"
"$TRADE" import baci "$baci" | cmp -s - "$tmp/o/out.csv" && ok || bad "import under ulimit -n 4: output not whole"
notemp "$tmp/o"
fresh
t 2 "cannot open: Too many open files" -- bash -c "exec $closefds; ulimit -n 4; exec '$TRADE_REAL' import baci --level hs6 '$baci' -o '$tmp/o/out.csv'"
intact "$tmp/o/out.csv" "streamed import under ulimit -n 4"
notemp "$tmp/o"
fresh
t 0 "" -- bash -c "exec $closefds; ulimit -n 5; exec '$TRADE_REAL' import baci '$baci' -o '$tmp/o/out.csv'"
notemp "$tmp/o"

# ---- ulimit -v: out of memory is exit 2 with a message, never a crash ----
for c in growth rank; do
    fresh
    "$TRADE_REAL" $c "$tmp/big.csv" >/dev/null 2>&1 # (warm the page cache)
    cases=$((cases + 1))
    sh -c "ulimit -v 60000; exec '$TRADE_REAL' $c '$tmp/big.csv' -o '$tmp/o/out.csv'" 2>"$tmp/err"
    rc=$?
    if [ $rc -eq 0 ]; then
        [ "$(wc -l <"$tmp/o/out.csv")" -gt 1 ] && ok || bad "$c under ulimit -v: exit 0 but no rows"
    else
        [ $rc -eq 2 ] && grep -qiE "out of memory|cannot allocate" "$tmp/err" && ok \
            || bad "$c under ulimit -v 60000: exit $rc: $(head -2 "$tmp/err")"
        intact "$tmp/o/out.csv" "$c under ulimit -v"
    fi
    notemp "$tmp/o"
done

# ---- symbolic links as outputs: the target replaced, the link kept ----
for c in "growth" "stats" "import baci" "extract"; do
    rm -rf "$tmp/l" && mkdir "$tmp/l" && echo precious >"$tmp/l/target" && ln -s target "$tmp/l/link"
    case $c in
    "import baci") in=$baci ;;
    extract) in=$brief ;;
    *) in=$good ;;
    esac
    t 0 "" -- "$TRADE" $c "$in" -o "$tmp/l/link"
    [ -L "$tmp/l/link" ] && [ "$(cat "$tmp/l/target")" != precious ] && [ -s "$tmp/l/target" ] && ok \
        || bad "$c -o link: link replaced or target not written"
    "$TRADE" $c "$in" | cmp -s - "$tmp/l/target" && ok || bad "$c -o link: target differs from stdout"
    notemp "$tmp/l"
done
# plot: the script through the link, the image beside the link's name
rm -rf "$tmp/l" && mkdir "$tmp/l" && echo precious >"$tmp/l/real.gp" && ln -s real.gp "$tmp/l/c.gp"
t 0 "" -- "$TRADE" plot line "$good" -o "$tmp/l/c.gp" --render png
[ -L "$tmp/l/c.gp" ] && grep -q "set output" "$tmp/l/real.gp" && [ -s "$tmp/l/c.png" ] && ok || bad "plot -o link.gp"
notemp "$tmp/l"
# report into a folder reached through a link
mkdir "$tmp/rr" && ln -s rr "$tmp/rl"
t 0 "" -- "$TRADE" report "$SRCDIR/datasets" -o "$tmp/rl" --no-render
[ -L "$tmp/rl" ] && [ -s "$tmp/rr/index.html" ] && ok || bad "report -o a link to a folder"
notemp "$tmp/rr"

# ---- links and special files as inputs ----
ln -s loop2 "$tmp/loop1" && ln -s loop1 "$tmp/loop2"
t 2 "loop1: cannot open.*(symbolic links|Too many levels)" -- "$TRADE" validate "$tmp/loop1"
t 2 "" -- "$TRADE" import baci "$tmp/loop1"
t 2 "" -- "$TRADE" extract "$tmp/loop1"
t 1 "empty file" -- "$TRADE" cat /dev/null
t 1 "empty file" -- "$TRADE" import comtrade /dev/null
t 2 "" -- "$TRADE" stats "$tmp"
mkfifo "$tmp/fifo"
(cat "$good" >"$tmp/fifo" &)
t 0 "" -- timeout 20 "$TRADE" growth "$tmp/fifo"
# (ten times: a FIFO opened twice hung when its writer had gone, 7 runs in 40)
for _ in 1 2 3 4 5 6 7 8 9 10; do
    (cat "$baci" >"$tmp/fifo" &)
    t 0 "" -- timeout 20 "$TRADE" import baci "$tmp/fifo"
done

# ---- special files as outputs ----
t 2 "No space left on device" -- "$TRADE" import baci "$baci" -o /dev/full
t 2 "No space left on device" -- "$TRADE" extract "$brief" -o /dev/full
t 2 "No space left on device" -- "$TRADE" compare balance "$flows" -o /dev/full
t 2 "" -- sh -c "exec '$TRADE' fit '$good' >/dev/full"
t 2 "" -- sh -c "exec '$TRADE' check '$good' >/dev/full"
t 0 "" -- sh -c "'$TRADE' import baci '$baci' -o /dev/stdout | grep -q '^reporter,'"
t 0 "" -- "$TRADE" extract "$brief" -o /dev/null
[ -c /dev/null ] && ok || bad "/dev/null is no longer a device"

# ---- odd names ----
mkdir "$tmp/n"
cp "$good" "$tmp/n/-x.csv"
t 0 "" -- sh -c "cd '$tmp/n' && exec '$TRADE' validate -- -x.csv"
nl=$(printf 'a\nb.csv')
t 2 "a\?b\.csv: cannot open" -- "$TRADE" cat "$tmp/n/$nl"
t 0 "" -- "$TRADE" cat "$good" -o "$tmp/n/sp ace \"q\" 'x'.csv"
[ -s "$tmp/n/sp ace \"q\" 'x'.csv" ] && ok || bad "cat -o a name with spaces and quotes"
t 2 "output file name is empty" -- "$TRADE" import baci "$baci" -o ''
t 2 "output file name is empty" -- "$TRADE" extract "$brief" -o ''
t 2 "" -- "$TRADE" plot line "$good" -o ''
t 2 "" -- "$TRADE" report "$SRCDIR/datasets" -o ''
t 2 "cannot write" -- "$TRADE" import baci "$baci" -o "$tmp/no/such/dir/out.csv"
t 2 "cannot write" -- "$TRADE" extract "$brief" -o "$tmp/no/such/dir/out.csv"
notemp "$tmp/n"

# ---- read-only outputs: refused for every writer ----
mkdir "$tmp/ro"
for c in "import baci|$baci" "extract|$brief" "compare balance|$flows" "rank|$good"; do
    cmd=${c%%|*} in=${c#*|}
    echo precious >"$tmp/ro/out.csv" && chmod 0444 "$tmp/ro/out.csv"
    t 2 "not replaced: the file is read-only" -- "$TRADE" $cmd "$in" -o "$tmp/ro/out.csv"
    intact "$tmp/ro/out.csv" "$cmd -o read-only"
    rm -f "$tmp/ro/out.csv"
done
echo precious >"$tmp/ro/c.gp" && chmod 0444 "$tmp/ro/c.gp"
t 2 "read-only" -- "$TRADE" plot line "$good" -o "$tmp/ro/c.gp"
intact "$tmp/ro/c.gp" "plot -o read-only"
notemp "$tmp/ro"

# ---- empty files ----
t 1 "empty file" -- "$TRADE" import baci "$tmp/empty"
t 1 "empty file" -- "$TRADE" import merge "$tmp/empty"
t 1 "empty file" -- "$TRADE" rank "$tmp/empty"
t 1 "empty file" -- "$TRADE" convert --to EUR --rates "$tmp/empty" "$good"
t 0 "" -- "$TRADE" extract "$tmp/empty"

# ---- huge lines ----
head -c 10000000 /dev/zero | tr '\0' 'a' >"$tmp/huge.csv"
t 1 "huge\.csv:1:1: field longer than the limit of 1048576 bytes" -- "$TRADE" validate "$tmp/huge.csv"
t 1 "huge\.csv:1:1: field longer than the limit" -- "$TRADE" compare total "$tmp/huge.csv"
t 12 "" -- timeout 60 "$TRADE" import comtrade "$tmp/huge.csv"
t 12 "" -- timeout 60 "$TRADE" import baci "$tmp/huge.csv"
t 0 "" -- timeout 60 "$TRADE" extract "$tmp/huge.csv"

# ---- binary input: a program and random bytes into every reader ----
for f in "$bin" "$tmp/random.bin"; do
    for c in validate cat growth fit stats rank check "compare share" "import baci" "import comtrade" "import merge"; do
        t 12 "" -- timeout 60 "$TRADE" $c "$f"
    done
    t 12 "" -- timeout 60 "$TRADE" plot line "$f" -o "$tmp/bin.gp"
    t 12 "" -- timeout 60 "$TRADE" convert --to EUR --rates "$f" "$good"
    # extract reads any text: no signal, and its output is data (exit 0 or 1)
    t 012 "" -- timeout 60 "$TRADE" extract "$f" -o "$tmp/o/x.csv"
done

# ---- a full disk: a 200 KiB tmpfs ----
mnt=$tmp/small
mkdir "$mnt"
if ! mount -t tmpfs -o size=200k tmpfs "$mnt" 2>/dev/null; then
    mnt=
    echo "hostile_battery: full-disk cases SKIPPED (cannot mount a tmpfs: not root?)"
else
    full() {
        rm -rf "${mnt:?}"/* "$mnt"/.trade-* 2>/dev/null
        echo precious >"$mnt/out.csv"
        local avail
        avail=$(df -k --output=avail "$mnt" | tail -1)
        dd if=/dev/zero of="$mnt/fill" bs=1k count=$((avail - 8)) 2>/dev/null
    }
    for c in "cat|$tmp/big.csv" "growth|$tmp/big.csv" "rank|$tmp/big.csv" "import baci --level hs6|$tmp/bigbaci.csv" "compare total|$tmp/big.csv"; do
        cmd=${c%%|*} in=${c#*|}
        full
        t 2 "No space left on device" -- "$TRADE_REAL" $cmd "$in" -o "$mnt/out.csv"
        intact "$mnt/out.csv" "$cmd on a full disk"
        notemp "$mnt"
    done
    full
    t 2 "No space left on device" -- "$TRADE_REAL" extract "$SRCDIR/tests/data/extract/genre1.txt" "$SRCDIR/tests/data/extract/genre2.txt" "$SRCDIR/tests/data/extract/genre3.txt" "$SRCDIR/tests/data/extract/genre4.txt" -o "$mnt/out.csv" || true
    intact "$mnt/out.csv" "extract on a full disk"
    notemp "$mnt"
    full
    echo precious >"$mnt/c.gp"
    dd if=/dev/zero of="$mnt/fill2" bs=1k count=8 2>/dev/null
    t 2 "No space left on device" -- "$TRADE_REAL" plot line "$good" -o "$mnt/c.gp"
    intact "$mnt/c.gp" "plot script on a full disk"
    notemp "$mnt"
    umount "$mnt" && mnt=
fi

lib_valgrind_check || fail=$((fail + 1))
echo "hostile_battery: $cases cases, $pass checks passed, $fail failed"
[ $fail -eq 0 ]
