#!/usr/bin/env bash
# trade import on more shapes real downloads take, beside import_real.sh: a
# Comtrade monthly file whose period contradicts refMonth (a located error;
# annual rows of the bulk files carry refMonth 52 and are not checked), a
# UTF-8 byte-order mark and CRLF line ends (a CSV re-saved on Windows),
# gzip files concatenated (several gzip members in one stream), zip members
# stored, deflated, bzip2- and LZMA-compressed or in a folder of the
# archive, a zip under a name that says CSV, xz and zstd on stdin, an
# existing output left whole on an error, and the historical codes
# (SUN YUG CSK DDR SCG ANT XKX) accepted by trade validate. Expected rows are
# worked by hand from the small fixtures in tests/data/import.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; lib_cleanup' EXIT
d="$SRCDIR/tests/data/import"
fail=0

# --- Comtrade monthly rows: period 202102 with refMonth 1 is a located error
# at the period's column (4); 202101 with refMonth 1 or 01 and an annual row
# with refMonth 52 import
mh='freqCode,refYear,refMonth,period,reporterISO,partnerISO,flowCode,cmdCode,primaryValue'
printf '%s\nM,2021,1,202101,BEL,FRA,X,TOTAL,5\nM,2021,1,202102,BEL,FRA,X,TOTAL,6\n' "$mh" >"$tmp/month.csv"
lib_expect_error "period against refMonth" 1 'month.csv:3:4: period "202102" contradicts refMonth "1"' "$TRADE" import comtrade "$tmp/month.csv"
printf '%s\nM,2021,01,202101,BEL,FRA,X,TOTAL,5\nA,2021,52,2021,BEL,FRA,X,TOTAL,7\n' "$mh" >"$tmp/monthok.csv"
printf 'BEL,FRA,export,2021,7,USD\nBEL,FRA,export,2021-01,5,USD\n' >"$tmp/exp_month"
"$TRADE" import comtrade "$tmp/monthok.csv" | tail -n +2 | cut -d, -f1-6 | diff -u "$tmp/exp_month" - || { echo "FAIL: refMonth agreeing"; fail=1; }

# --- byte-order mark and CRLF: the same rows as without them
printf '\357\273\277refYear,period,reporterISO,partnerISO,flowCode,cmdCode,primaryValue\r\n2020,2020,BEL,FRA,X,TOTAL,1.5\r\n' >"$tmp/bom.csv"
"$TRADE" import comtrade "$tmp/bom.csv" | grep -q '^BEL,FRA,export,2020,1.5,USD,bom.csv$' || { echo "FAIL: comtrade BOM CRLF"; fail=1; }
printf '\357\273\277t,i,j,k,v,q\r\n2021,56,251,010121,1.5,NA\r\n' >"$tmp/bomb.csv"
"$TRADE" import baci --with-quantity "$tmp/bomb.csv" | grep -q '^BEL,FRA,export,2021,1500,USD,,bomb.csv$' || { echo "FAIL: baci BOM CRLF"; fail=1; }
sed 's/$/\r/' "$d/comtrade_bulk.tsv" | gzip -c >"$tmp/crlf.gz"
gzip -c "$d/comtrade_bulk.tsv" >"$tmp/lf.gz"
"$TRADE" import comtrade "$tmp/crlf.gz" --source x | diff -u <("$TRADE" import comtrade "$tmp/lf.gz" --source x) - || { echo "FAIL: bulk tsv CRLF"; fail=1; }

# --- gzip members concatenated (cat a.gz b.gz): both years, on file and stdin
# (2021: 4 rows; 2022: AFG->ALB 1.000 and BEL->FRA 2.5 thousand)
gzip -c "$d/baci_HS17_Y2021_padded.csv" >"$tmp/a.gz"
gzip -c "$d/baci_HS17_Y2022_padded.csv" >"$tmp/b.gz"
cat "$tmp/a.gz" "$tmp/b.gz" >"$tmp/ab.gz"
cat >"$tmp/exp_ab" <<'X'
AFG,ALB,export,2021,1756,USD
BEL,FRA,export,2021,12750,USD
UMI,USA,export,2021,1,USD
X697,FRA,export,2021,3000,USD
AFG,ALB,export,2022,1000,USD
BEL,FRA,export,2022,2500,USD
X
"$TRADE" import baci "$tmp/ab.gz" | tail -n +2 | cut -d, -f1-6 | diff -u "$tmp/exp_ab" - || { echo "FAIL: gzip members"; fail=1; }
"$TRADE" import baci - <"$tmp/ab.gz" | tail -n +2 | cut -d, -f1-6 | diff -u "$tmp/exp_ab" - || { echo "FAIL: gzip members on stdin"; fail=1; }

# --- zip members compressed four ways, and in a folder of the archive; a
# zip named .csv is still read as a zip (content, not name)
python3 - "$tmp" "$d" <<'PY'
import sys, zipfile
out, d = sys.argv[1:3]
for c, n in ((zipfile.ZIP_STORED, "st"), (zipfile.ZIP_DEFLATED, "de"),
             (zipfile.ZIP_BZIP2, "bz"), (zipfile.ZIP_LZMA, "lz")):
    with zipfile.ZipFile(out + "/" + n + ".zip", "w", c) as z:
        z.write(d + "/baci_HS17_Y2021_padded.csv", "BACI_HS17_Y2021_V202401b.csv")
with zipfile.ZipFile(out + "/folder.csv", "w", zipfile.ZIP_DEFLATED) as z:
    z.write(d + "/baci_HS17_Y2021_padded.csv", "BACI_HS17_V202401b/BACI_HS17_Y2021_V202401b.csv")
    z.write(d + "/country_codes_test.csv", "BACI_HS17_V202401b/country_codes_V202401b.csv")
PY
head -4 "$tmp/exp_ab" >"$tmp/exp_2021"
for n in st de bz lz; do
  "$TRADE" import baci "$tmp/$n.zip" >"$tmp/z.csv" || { echo "FAIL: zip $n exit"; fail=1; }
  tail -n +2 "$tmp/z.csv" | cut -d, -f1-6 | diff -u "$tmp/exp_2021" - || { echo "FAIL: zip $n rows"; fail=1; }
  grep -q ",$n.zip(BACI_HS17_Y2021_V202401b.csv)$" "$tmp/z.csv" || { echo "FAIL: zip $n source"; fail=1; }
done
"$TRADE" import baci "$tmp/folder.csv" >"$tmp/f.csv" || { echo "FAIL: zip folder exit"; fail=1; }
tail -n +2 "$tmp/f.csv" | cut -d, -f1-6 | diff -u "$tmp/exp_2021" - || { echo "FAIL: zip folder rows"; fail=1; }
grep -q ',folder.csv(BACI_HS17_V202401b/BACI_HS17_Y2021_V202401b.csv)$' "$tmp/f.csv" || { echo "FAIL: zip folder source"; fail=1; }

# --- xz and zstd on stdin: the rows of the plain file
"$TRADE" import baci --source s "$d/baci_small.csv" >"$tmp/plain.csv"
xz -c "$d/baci_small.csv" >"$tmp/s.xz" 2>/dev/null || python3 -c "import lzma,sys; open(sys.argv[2],'wb').write(lzma.compress(open(sys.argv[1],'rb').read()))" "$d/baci_small.csv" "$tmp/s.xz"
"$TRADE" import baci --source s - <"$tmp/s.xz" | diff -u "$tmp/plain.csv" - || { echo "FAIL: xz on stdin"; fail=1; }
if command -v zstd >/dev/null; then
  zstd -q -c "$d/baci_small.csv" >"$tmp/s.zst"
  "$TRADE" import baci --source s - <"$tmp/s.zst" | diff -u "$tmp/plain.csv" - || { echo "FAIL: zstd on stdin"; fail=1; }
fi

# --- an error leaves an existing output whole: a truncated last row
printf 't,i,j,k,v,q\n2021,56,251,010121,1.5,NA\n2021,56,251,0101' >"$tmp/trunc.csv"
echo keep >"$tmp/o.csv"
lib_expect_error "truncated BACI row" 1 "trunc.csv:3:1: expected as many fields as the header, found 4" "$TRADE" import baci -o "$tmp/o.csv" "$tmp/trunc.csv"
[ "$(cat "$tmp/o.csv")" = keep ] || { echo "FAIL: output touched on error"; fail=1; }
printf 'refYear,period,reporterISO,partnerISO,flowCode,cmdCode,primaryValue\n2020,2020,BEL,FRA,X,TOTAL,1\n2020,2020,BEL,FRA,X,TO' >"$tmp/truncc.csv"
lib_expect_error "truncated Comtrade row" 1 "truncc.csv:3:1: expected 7 fields as in the header, found 6" "$TRADE" import comtrade -o "$tmp/o.csv" "$tmp/truncc.csv"
[ "$(cat "$tmp/o.csv")" = keep ] || { echo "FAIL: output touched on error (comtrade)"; fail=1; }

# --- historical codes: accepted by validate (FORMAT.md: in any year), an
# unknown one is not
cat >"$tmp/hist.csv" <<'X'
reporter,partner,flow,period,value,unit
SUN,USA,export,1990,1,USD
YUG,USA,export,1990,1,USD
CSK,USA,export,1990,1,USD
DDR,USA,export,1989,1,USD
SCG,USA,export,2004,1,USD
ANT,USA,export,2005,1,USD
XKX,USA,export,2010,1,USD
X
"$TRADE" validate "$tmp/hist.csv" 2>&1 | grep -q '^7 observations valid' || { echo "FAIL: historical codes"; fail=1; }
printf 'reporter,partner,flow,period,value,unit\nZZZ,USA,export,1990,1,USD\n' >"$tmp/zzz.csv"
lib_expect_error "unknown code in validate" 1 "zzz.csv:2:1: reporter: unknown country code 'ZZZ'" "$TRADE" validate "$tmp/zzz.csv"

lib_valgrind_check || fail=1
exit $fail
