#!/usr/bin/env bash
# trade extract on real texts keyed by hand: the development set
# (tests/data/extract/dev-keys.csv) and the held-out set (held-keys.csv),
# whose texts are public pages kept out of the repository (their addresses
# are in dev-sources.csv and held-sources.csv). Point TRADE_EXTRACT_DEV and
# TRADE_EXTRACT_HELD at folders holding <file>.txt for each key's file; a set
# whose folder is not given is not scored (TRADE_EXTRACT_TABLES: the tables
# of tests/data/extract/table-keys.csv, table-sources.csv; TRADE_EXTRACT_FRESH:
# fresh-keys.csv, fresh-sources.csv; TRADE_EXTRACT_FRESH2: fresh2-keys.csv,
# fresh2-sources.csv, a second unseen set; TRADE_EXTRACT_FRESH3: fresh3-keys.csv,
# fresh3-sources.csv, a third; TRADE_EXTRACT_FRESH4: fresh4-keys.csv,
# fresh4-sources.csv, a fourth; TRADE_EXTRACT_FRESH5: fresh5-keys.csv,
# fresh5-sources.csv, a fifth), and with none the test reports
# itself skipped. The floors are the lowest scores reached on the copies of
# the texts made so far from the stored pages (the copies differ: a page may
# be stored in part or with its table laid out otherwise, some not at all;
# an absent text, or a keyed figure absent from a copy, is not scored): a
# change that loses figures on any copy fails here.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
data="$SRCDIR/tests/data/extract"
fail=0 ran=0

score() { # keys dir recall complete precision
  "$PY" "$SRCDIR/tests/cli/extract_score.py" "$TRADE" "$1" "$2" \
    --allow-absent --min-recall "$3" --min-complete "$4" --min-precision "$5" >"$tmp/score.out" 2>&1 ||
    { echo "FAIL: $(basename "$1"): below recall $3, complete $4 or precision $5"; cat "$tmp/score.out"; fail=1; }
  tail -2 "$tmp/score.out"
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

scored() { # folder keys recall complete precision: scored when the folder is given
  [ -n "$1" ] && [ -d "$1" ] || return 0
  score "$data/$2" "$1" "$3" "$4" "$5"
  ran=1
}
scored "${TRADE_EXTRACT_DEV:-}" dev-keys.csv 1.0 0.84 0.94
scored "${TRADE_EXTRACT_HELD:-}" held-keys.csv 0.97 0.71 0.97
# statistics offices' summary tables as pasted from their pages
scored "${TRADE_EXTRACT_TABLES:-}" table-keys.csv 0.70 0.12 0.88
# keyed before the extractor was ever run on them, from publishers none of
# the other sets uses: the nearest to texts nobody here has seen
scored "${TRADE_EXTRACT_FRESH:-}" fresh-keys.csv 0.97 0.46 0.97
# a second set keyed before any run, from still other publishers and
# regions (two with a summary table)
scored "${TRADE_EXTRACT_FRESH2:-}" fresh2-keys.csv 0.92 0.50 0.98
# a third, 24 texts from Europe, the Middle East, South and East Asia (two
# tables); blind score 0.711 / 0.211 / 0.937
scored "${TRADE_EXTRACT_FRESH3:-}" fresh3-keys.csv 0.88 0.40 0.96
# a fourth, 20 texts from Latin America, Africa, Oceania and the Nordics (two
# tables); blind score 0.675 / 0.160 / 0.854
scored "${TRADE_EXTRACT_FRESH4:-}" fresh4-keys.csv 0.88 0.38 0.97
# a fifth, 18 texts from Southeast Asia, Mongolia, Bangladesh, Serbia,
# Estonia, Poland, Morocco and Zambia (314 figures); blind score 0.901 /
# 0.207 / 0.929; the floors are the scores reached since
scored "${TRADE_EXTRACT_FRESH5:-}" fresh5-keys.csv 0.93 0.34 0.96
# a sixth, 15 texts from the Gulf, West and Central Africa, the Baltic, the
# Caucasus, the Pacific and Latin America (257 figures); blind score 0.751 /
# 0.230 / 0.702; the floors are the scores reached since
scored "${TRADE_EXTRACT_FRESH6:-}" fresh6-keys.csv 0.96 0.30 0.97
if [ $ran -eq 0 ]; then
  echo "SKIP: no texts (set TRADE_EXTRACT_DEV, TRADE_EXTRACT_HELD, TRADE_EXTRACT_TABLES, TRADE_EXTRACT_FRESH, TRADE_EXTRACT_FRESH2, TRADE_EXTRACT_FRESH3, TRADE_EXTRACT_FRESH4, TRADE_EXTRACT_FRESH5 or TRADE_EXTRACT_FRESH6 to the folders of the keyed texts)"
  lib_skip_exit $fail
fi
exit $fail
