#!/usr/bin/env bash
# complexity.sh - trade complexity and trade proximity against the Growth
# Lab's published ecomplexity (Stata) results, read at run time from
# ../shared/peers/ecomplexity beside the source tree (never copied here):
# every file there is reproduced to its tolerances by complexity_fixtures.py.
# Skipped (exit 77) when the folder is missing; failed when CI=true.
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
fix=${ECOMPLEXITY_FIXTURES:-$SRCDIR/../shared/peers/ecomplexity}
if [ ! -d "$fix" ]; then
    if [ "${CI:-}" = true ]; then
        echo "FAIL: $fix is missing (CI=true)"
        exit 1
    fi
    echo "SKIPPED: no peer fixtures at $fix"
    exit 77
fi
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
tmp=$(mktemp -d "${TMPDIR:-/tmp}/complexity.XXXXXX")
trap 'rm -rf "$tmp"; lib_cleanup' EXIT
rc=0
"$PY" "$SRCDIR/tests/cli/complexity_fixtures.py" "$TRADE" "$fix" "$tmp" || rc=1
lib_valgrind_check || rc=1
exit $rc
