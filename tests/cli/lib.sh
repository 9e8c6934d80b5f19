#!/usr/bin/env bash
# lib.sh - shared set-up for the command-level tests. Source it after TRADE
# is set:   . "$SRCDIR/tests/cli/lib.sh"
#
# With TRADE_VALGRIND=1 in the environment (ctest passes it through), TRADE is
# replaced by a wrapper that runs the real binary under valgrind memcheck:
#   valgrind --error-exitcode=99 --leak-check=full
#            --errors-for-leak-kinds=definite,indirect
# so a memory error or a definite/indirect leak turns the command's exit code
# into 99 (and the valgrind report goes to stderr). Every run with errors is
# also noted in $TRADE_VG_ERRORS; call lib_valgrind_check at the end of a test
# to fail it when any run had errors, even one whose exit code was not
# checked, and lib_cleanup from the test's EXIT trap. TRADE_REAL is always the binary itself (for cases valgrind cannot
# run, such as a 200 MB ulimit -v).
#
# ctest also runs this file on its own (every tests/cli/*.sh is a test): it then
# checks that the wrapper runs trade and reports its exit codes unchanged.

: "${TRADE:?TRADE must name the trade binary}"
TRADE_REAL=${TRADE_REAL:-$TRADE}
export TRADE_REAL

lib_valgrind_check() {
    if [ -n "${TRADE_VG_ERRORS:-}" ] && [ -s "$TRADE_VG_ERRORS" ]; then
        echo "FAIL: valgrind found errors in:" >&2
        cat "$TRADE_VG_ERRORS" >&2
        return 1
    fi
    return 0
}

if [ "${TRADE_VALGRIND:-0}" = 1 ] && [ -z "${TRADE_VG_DIR:-}" ]; then
    command -v valgrind >/dev/null || { echo "lib.sh: TRADE_VALGRIND=1 but no valgrind (apt-get install valgrind)" >&2; exit 2; }
    TRADE_VG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/trade-vg.XXXXXX")
    TRADE_VG_ERRORS=$TRADE_VG_DIR/errors
    : >"$TRADE_VG_ERRORS"
    cat >"$TRADE_VG_DIR/trade" <<WRAP
#!/bin/sh
log=\$(mktemp "$TRADE_VG_DIR/log.XXXXXX")
valgrind -q --error-exitcode=99 --leak-check=full \\
    --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \\
    --log-file="\$log" "$TRADE_REAL" "\$@"
rc=\$?
if [ \$rc -eq 99 ]; then
    cat "\$log" >&2
    echo "trade \$*" >>"$TRADE_VG_ERRORS"
fi
rm -f "\$log"
exit \$rc
WRAP
    chmod +x "$TRADE_VG_DIR/trade"
    TRADE=$TRADE_VG_DIR/trade
    export TRADE
fi

# The briefs and peers' fixtures live in ../shared beside the clone, never in
# the repository. lib_shared_briefs sets SHARED_BRIEFS to the briefs folder and
# returns 0 when it is there; when it is not, it returns 1 (the caller skips its
# checks and ends with lib_skip_exit), or exits 1 with CI=true, where a missing
# ../shared is a failure, not a skip.
lib_shared_briefs() {
    SHARED_BRIEFS=${BRIEFS:-$SRCDIR/../shared/briefs}
    if [ -d "$SHARED_BRIEFS" ] && ls "$SHARED_BRIEFS"/*.txt >/dev/null 2>&1; then
        return 0
    fi
    if [ "${CI:-}" = true ]; then
        echo "FAIL: CI=true and no briefs at $SHARED_BRIEFS (../shared beside the clone)" >&2
        exit 1
    fi
    echo "SKIP: no briefs at $SHARED_BRIEFS (../shared beside the clone): brief checks not run"
    return 1
}

# Exit with ctest's skip status (77, SKIP_RETURN_CODE in tests/CMakeLists.txt)
# when the checks that did run passed, else with 1.
lib_skip_exit() {
    [ "${1:-0}" -eq 0 ] && exit 77
    exit 1
}

# lib_expect_error NAME EXIT PATTERN COMMAND...: run COMMAND; its exit must be
# EXIT and its standard error must hold PATTERN (grep). Uses the test's $tmp
# folder for the command's output and sets fail=1 on a mismatch.
lib_expect_error() {
    local name=$1 want=$2 pat=$3
    shift 3
    "$@" >"$tmp/out" 2>"$tmp/err"
    local rc=$?
    [ "$rc" -eq "$want" ] || { echo "FAIL: $name: exit $rc, expected $want"; cat "$tmp/err"; fail=1; return; }
    grep -q -- "$pat" "$tmp/err" || { echo "FAIL: $name: message"; cat "$tmp/err"; echo "  expected: $pat"; fail=1; }
}

# Remove the wrapper's folder: call it from the test's EXIT trap.
lib_cleanup() {
    if [ -n "${TRADE_VG_DIR:-}" ]; then rm -rf "$TRADE_VG_DIR"; fi
}

# Run directly: a self-test of the wrapper.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    rc=0
    "$TRADE" --version >/dev/null || { echo "FAIL: trade --version under the wrapper" >&2; rc=1; }
    "$TRADE" validate --no-such-option >/dev/null 2>&1
    [ $? -eq 2 ] || { echo "FAIL: exit code 2 not passed through" >&2; rc=1; }
    printf 'reporter\n' | "$TRADE" validate >/dev/null 2>&1
    [ $? -eq 1 ] || { echo "FAIL: exit code 1 not passed through" >&2; rc=1; }
    lib_valgrind_check || rc=1
    lib_cleanup
    [ $rc -eq 0 ] && echo "lib.sh: ok (valgrind: ${TRADE_VALGRIND:-0})"
    exit $rc
fi
