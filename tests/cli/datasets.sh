#!/usr/bin/env bash
# datasets/ is valid observation CSV, and every figure in it can be found on
# the line of the brief its locator names (the briefs are read from
# ../shared/briefs; without them the test is reported skipped, with CI=true it
# fails).
set -u
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
fail=0
"$TRADE" validate "$SRCDIR"/datasets/*.csv || { echo "FAIL: trade validate datasets/*.csv"; fail=1; }
if ! lib_shared_briefs; then
  lib_skip_exit $fail
fi
BRIEFS=$SHARED_BRIEFS python3 "$SRCDIR/tests/cli/datasets_provenance.py" || { echo "FAIL: provenance"; fail=1; }
[ $fail -eq 0 ] && echo "2 passed, 0 failed" || echo "failed"
exit $fail
