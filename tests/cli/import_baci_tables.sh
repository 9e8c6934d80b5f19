#!/usr/bin/env bash
# trade import on a BACI release zip built with CEPII's real country and
# product tables (V202401b, read from ../shared/peers/baci beside the
# checkout; never copied into the repository): the country table comes from
# the archive, every product_name equals the table's description (checked
# with Python's csv module on the table itself), BACI's own codes (697 R20,
# 849 PUS) map as documented. SKIPPED (77) without the tables, FAIL in CI.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; lib_cleanup' EXIT
d="$SRCDIR/tests/data/import"
fail=0
peers="$SRCDIR/../shared/peers/baci"
if [ ! -d "$peers" ]; then
  if [ "${CI:-}" = true ]; then echo "FAIL: $peers missing in CI"; exit 1; fi
  echo "SKIPPED: BACI tables not found at $peers"
  exit 77
fi
python3 - "$tmp/real.zip" "$d" "$peers" <<'PY'
import sys, zipfile
out, d, peers = sys.argv[1:4]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    z.write(d + "/baci_HS17_Y2021_padded.csv", "BACI_HS17_Y2021_V202401b.csv")
    z.write(peers + "/country_codes_V202401b.csv", "country_codes_V202401b.csv")
    z.write(peers + "/product_codes_HS17_V202401b.csv", "product_codes_HS17_V202401b.csv")
PY
"$TRADE" import baci --level hs6 --product-names "$tmp/real.zip" -o "$tmp/real.csv" || { echo "FAIL: real tables zip"; fail=1; }
# every product_name is the table's description of the row's code
# (Python's csv module reading the table on its own), and BACI's table
# codes give the same countries as the built-in ones (697 R20 is no code
# of the format: X697; 849 PUS: UMI)
python3 - "$tmp/real.csv" "$peers/product_codes_HS17_V202401b.csv" <<'PY' || { echo "FAIL: product names"; fail=1; }
import csv, sys
names = {r["code"]: r["description"] for r in csv.DictReader(open(sys.argv[2], encoding="utf-8"))}
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
assert len(rows) == 5, rows
for r in rows:
    assert r["product_name"] == names[r["product"]], (r, names.get(r["product"]))
got = sorted((r["reporter"], r["partner"]) for r in rows)
assert got == [("AFG", "ALB"), ("AFG", "ALB"), ("BEL", "FRA"), ("UMI", "USA"), ("X697", "FRA")], got
PY
"$TRADE" validate "$tmp/real.csv" >/dev/null || { echo "FAIL: real zip output does not validate"; fail=1; }
# without the product table loaded, the country table alone
"$TRADE" import baci "$tmp/real.zip" | grep -q '^X697,FRA,export,2021,3000,USD,real.zip(BACI_HS17_Y2021_V202401b.csv)$' || { echo "FAIL: real zip total"; fail=1; }
lib_valgrind_check || fail=1
exit $fail
