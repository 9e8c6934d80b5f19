#!/usr/bin/env bash
# sources_listed.sh - the build lists its sources by name (no globs): every
# libtrade/src/*.c, tools/*.c, examples/*.c, tests/test_*.c and
# tests/cli/*.sh (but lib.sh) must be in its list, and every listed name
# must exist, so a new file cannot be left out of the build or the tests,
# and a test cannot be lost silently. A test that includes an internal
# header must be in TRADE_INTERNAL_TESTS, and one that does not must not.
set -u
: "${SRCDIR:?}"
cd "$SRCDIR" || exit 2
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

# the names of a set(VAR ...) list in a CMake file
listed() {
    awk -v var="$2" '
        $0 ~ "^ *(set|foreach)\\(" var "( |$)" { on = 1; sub("^ *(set|foreach)\\(" var, "") }
        on { line = $0; done = sub("\\).*", "", line); n = split(line, w, " ");
             for (i = 1; i <= n; i++) print w[i]; if (done) on = 0 }' "$1" | sort
}
# ls of a folder's files of one pattern, without folder and suffix
have() { (cd "$1" && ls $2 2>/dev/null) | sed "s/$3\$//" | sort; }

same() { # what, listed, present
    if [ "$2" = "$3" ]; then ok; else
        bad "$1: listed and present differ:"
        diff <(echo "$2") <(echo "$3") | grep '^[<>]' | sed 's/^</  listed, no file:/; s/^>/  file, not listed:/'
    fi
}
same "libtrade/src" "$(listed CMakeLists.txt TRADE_SOURCE_NAMES)" "$(have libtrade/src '*.c' '')"
same "tools" "$(listed CMakeLists.txt TRADE_TOOL_NAMES)" "$(have tools '*.c' '')"
same "examples" "$(listed libtrade/cmake/package.cmake name)" "$(have examples '*.c' .c)"
same "tests/test_*.c" "$(listed tests/CMakeLists.txt TRADE_UNIT_TESTS)" "$(have tests 'test_*.c' .c)"
same "tests/cli" "$(listed tests/CMakeLists.txt TRADE_CLI_TESTS)" "$(have tests/cli '*.sh' .sh | grep -vx lib)"
want=$(grep -l '#include "[a-z_]*_internal\.h"' tests/test_*.c | sed 's|tests/||; s|\.c$||' | sort)
same "tests of internals" "$(listed tests/CMakeLists.txt TRADE_INTERNAL_TESTS)" "$want"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
