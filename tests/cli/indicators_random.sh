#!/usr/bin/env bash
# indicators_random.sh - random panels: every output of trade complexity,
# proximity, indicator and deflate | growth against an independent numpy
# implementation (indicators_random.py).
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
"$PY" -c 'import numpy' 2>/dev/null || { echo "FAIL: numpy missing (python3-numpy)"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/indrandom.XXXXXX")
trap 'rm -rf "$tmp"; lib_cleanup' EXIT
rc=0
"$PY" "$SRCDIR/tests/cli/indicators_random.py" "$TRADE" "$tmp" "${INDICATORS_SEED:-14}" || rc=1
lib_valgrind_check || rc=1
exit $rc
