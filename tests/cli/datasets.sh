#!/usr/bin/env bash
# datasets/ is valid observation CSV, and every figure in it can be found on
# the line of the brief its locator names.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
fail=0
"$TRADE" validate "$SRCDIR"/datasets/*.csv || { echo "FAIL: trade validate datasets/*.csv"; fail=1; }
python3 "$SRCDIR/tests/cli/datasets_provenance.py" || { echo "FAIL: provenance"; fail=1; }
[ $fail -eq 0 ] && echo "2 passed, 0 failed" || echo "failed"
exit $fail
