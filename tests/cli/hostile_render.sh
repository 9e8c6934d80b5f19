#!/usr/bin/env bash
# hostile_render.sh - images on a full disk and under a file size limit
# (issue 17): plot --render and report render to a temporary folder,
# check gnuplot's status and the image (PNG ends with its IEND chunk, SVG
# with </svg>, PDF with %%EOF) and only then replace the old image: on a
# full 2 MiB tmpfs or under ulimit -f, exit 2 with a message, the old
# image unchanged, no temporary file. Also: a quote in the script name is
# kept in the image name (x'y.gp draws x'y.png).
#
# The tmpfs part needs root (mount); without it that part is skipped and
# said so. The structure checks are the formats' own (PNG: RFC 2083 IEND
# chunk 00 00 00 00 'IEND' AE 42 60 82; PDF: %%EOF trailer), done in Python.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
command -v gnuplot >/dev/null 2>&1 || { echo "FAIL: gnuplot (gnuplot-nox) is needed"; exit 1; }
data=$SRCDIR/datasets/diplomatic-world-2025-kazakhstan-belgium.csv
tmp=$(mktemp -d)
mnt=
trap '[ -n "$mnt" ] && umount "$mnt" 2>/dev/null; rm -rf "$tmp"; lib_cleanup' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*" >&2; fail=$((fail + 1)); }
only() {
    local d=$1
    shift
    local want have
    want=$(printf '%s\n' "$@" | sort | tr '\n' ' ')
    have=$(ls -A "$d" | sort | tr '\n' ' ')
    [ "$have" = "$want" ] && ok || bad "$d holds '$have', want '$want'"
}
# every image in the folders (or the files) whole
whole() {
    python3 - "$@" <<'PY'
import glob, os, sys
bad = 0
for d in sys.argv[1:]:
    for f in [d] if os.path.isfile(d) else sorted(glob.glob(os.path.join(d, "*"))):
        b = open(f, "rb").read()
        if f.endswith(".png"):
            good = b.startswith(b"\x89PNG\r\n\x1a\n") and b.endswith(b"\0\0\0\0IEND\xaeB`\x82")
        elif f.endswith(".svg"):
            good = b.rstrip().endswith(b"</svg>")
        elif f.endswith(".pdf"):
            good = b.startswith(b"%PDF-") and b.rstrip().endswith(b"%%EOF")
        else:
            continue
        if not good:
            print("not whole:", f, len(b))
            bad = 1
sys.exit(bad)
PY
}

# ---- a quote in the script name ----
mkdir "$tmp/q"
"$TRADE" plot line "$data" -o "$tmp/q/x'y.gp" --render png 2>"$tmp/err"
rc=$?
[ $rc -eq 0 ] && ok || bad "plot -o x'y.gp: exit $rc: $(cat "$tmp/err")"
only "$tmp/q" "x'y.gp" "x'y.png"
"$TRADE" plot bars "$data" -o "$tmp/q/-a b'c'.gp" --render svg 2>"$tmp/err"
rc=$?
[ $rc -eq 0 ] && ok || bad "plot -o \"-a b'c'.gp\": exit $rc: $(cat "$tmp/err")"
only "$tmp/q" "x'y.gp" "x'y.png" "-a b'c'.gp" "-a b'c'.svg"
whole "$tmp/q" && ok || bad "images of quoted names"

# ---- ulimit -f: the PNG (over 20 KiB) does not fit in 20 KiB ----
mkdir "$tmp/f"
for fmt in png svg pdf; do
    echo precious >"$tmp/f/c.$fmt"
    (ulimit -f 20 && exec "$TRADE_REAL" plot line "$data" -o "$tmp/f/c.gp" --render $fmt) 2>"$tmp/err"
    rc=$?
    size=$(stat -c %s "$tmp/f/c.$fmt")
    if [ "$(head -c 20 "$tmp/f/c.$fmt" | tr -d '\0')" != precious ] && [ "$size" -le 20480 ]; then
        # a small image that fits: then it must be whole
        [ $rc -eq 0 ] && whole "$tmp/f/c.$fmt" && ok || bad "ulimit -f, $fmt: exit $rc, image of $size bytes"
    else
        [ $rc -eq 2 ] && grep -qE "file size limit exceeded|File too large" "$tmp/err" && ok \
            || bad "ulimit -f, $fmt: exit $rc: $(cat "$tmp/err")"
        [ "$(cat "$tmp/f/c.$fmt")" = precious ] && ok || bad "ulimit -f, $fmt: the old image changed"
    fi
    ls -A "$tmp/f" | grep -q '^\.' && bad "ulimit -f, $fmt: left $(ls -A "$tmp/f" | grep '^\.')" || ok
done

# ---- a full disk: a 2 MiB tmpfs (the PNG is 2400 x 1500) ----
mnt=$tmp/small
mkdir "$mnt"
if ! mount -t tmpfs -o size=2m tmpfs "$mnt" 2>/dev/null; then
    mnt=
    echo "hostile_render: full-disk cases SKIPPED (cannot mount a tmpfs: not root?)"
else
    for fmt in png svg pdf; do
        rm -rf "${mnt:?}"/*
        "$TRADE_REAL" plot line "$data" -o "$mnt/c.gp" --render $fmt 2>"$tmp/err" || bad "tmpfs $fmt: first render: $(cat "$tmp/err")"
        cp "$mnt/c.$fmt" "$tmp/old.$fmt"
        # fill the disk but for a few KiB: the script fits, the image does not
        avail=$(df -k --output=avail "$mnt" | tail -1)
        dd if=/dev/zero of="$mnt/fill" bs=1k count=$((avail - 6)) 2>/dev/null
        "$TRADE_REAL" plot line "$data" -o "$mnt/c.gp" --render $fmt 2>"$tmp/err"
        rc=$?
        [ $rc -eq 2 ] && grep -qE "not written: gnuplot made|No space left on device" "$tmp/err" && ok \
            || bad "tmpfs $fmt: exit $rc: $(cat "$tmp/err")"
        cmp -s "$mnt/c.$fmt" "$tmp/old.$fmt" && ok || bad "tmpfs $fmt: the old image changed"
        only "$mnt" c.gp "c.$fmt" fill
    done
    # report: every chart (PNG and SVG) whole or not there, a message, exit 2
    rm -rf "${mnt:?}"/*
    "$TRADE_REAL" report "$SRCDIR/datasets" -o "$mnt/rep" >/dev/null 2>"$tmp/err"
    rc=$?
    [ $rc -eq 2 ] && grep -q "No space left on device\|not written" "$tmp/err" && ok \
        || bad "report on a full tmpfs: exit $rc: $(head -3 "$tmp/err")"
    whole "$mnt/rep" && ok || bad "report on a full tmpfs: a truncated image"
    # .trade-report is the report's list of its own files, not a temporary file
    ls -A "$mnt/rep" | grep -v '^\.trade-report$' | grep -q '^\.' && bad "report on a full tmpfs: left $(ls -A "$mnt/rep" | grep '^\.' | head -3)" || ok
    umount "$mnt" && mnt=
fi

lib_valgrind_check || fail=$((fail + 1))
echo "hostile_render: $pass passed, $fail failed"
[ $fail -eq 0 ]
