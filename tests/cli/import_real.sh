#!/usr/bin/env bash
# trade import on faithful small copies of real downloads: BACI V202401b
# yearly files (padded v and q, padded NA, quoted k), the release zip (one
# CSV per year, the country and product tables, a readme), HS92's 9999AA,
# BACI's own codes; Comtrade bulk files (tab-separated, gzipped, special
# codes with trailing spaces), the legacy comtrade.un.org CSV, a Comtrade
# CSV re-saved by a spreadsheet (lost leading zeros); compressed input by
# content; concatenated yearly files; located errors for bad periods,
# field counts, negative values, long product codes, unknown codes; bounded
# input (/dev/zero); control bytes in messages; TMPDIR; merge refusing
# partials of other options and splits given twice; compressed input for
# the observation reader (trade cat). import_baci_tables.sh does the same
# with BACI's real country and product tables.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; lib_cleanup' EXIT
d="$SRCDIR/tests/data/import"
fail=0
check() { # name expected-file actual-file
  if ! diff -u "$2" "$3"; then echo "FAIL: $1"; fail=1; fi
}

# --- BACI V202401b yearly file: v and q padded with spaces, NA padded, k quoted.
# By hand (v in thousands of USD, q in tonnes):
# 2021 4->8 (AFG->ALB): 0.256 + 1.5 = 1.756 -> 1756 USD; q 0.034 from one of
#   two rows (the other NA) -> lower_bound
# 56->251 (BEL->FRA): 12.75 -> 12750, q empty: no quantity row
# 697 (BACI "Europe EFTA, nes") -> X697: 3 -> 3000, q 0.5
# 849 (BACI "US Misc. Pacific Isds") -> UMI, 842 -> USA: 0.001 -> 1, q NA
cat >"$tmp/exp_pad.csv" <<'X'
reporter,partner,flow,period,value,unit,qualifier,source
AFG,ALB,export,2021,1756,USD,,baci_HS17_Y2021_padded.csv
AFG,ALB,export,2021,0.034,t,lower_bound,baci_HS17_Y2021_padded.csv
BEL,FRA,export,2021,12750,USD,,baci_HS17_Y2021_padded.csv
UMI,USA,export,2021,1,USD,,baci_HS17_Y2021_padded.csv
X697,FRA,export,2021,3000,USD,,baci_HS17_Y2021_padded.csv
X697,FRA,export,2021,0.5,t,,baci_HS17_Y2021_padded.csv
X
"$TRADE" import baci --with-quantity "$d/baci_HS17_Y2021_padded.csv" -o "$tmp/pad.csv" || { echo "FAIL: padded exit"; fail=1; }
check "baci padded" "$tmp/exp_pad.csv" "$tmp/pad.csv"
"$TRADE" validate "$tmp/pad.csv" >/dev/null || { echo "FAIL: padded output does not validate"; fail=1; }

# --- compressed, told by content: the same file gzipped, zstd, xz, under a
# name that says nothing, as FILE and on stdin
python3 - "$d/baci_HS17_Y2021_padded.csv" "$tmp" <<'PY'
import gzip, lzma, sys, shutil
src, out = sys.argv[1], sys.argv[2]
data = open(src, "rb").read()
open(out + "/y2021.data", "wb").write(gzip.compress(data))
open(out + "/y2021.xzdata", "wb").write(lzma.compress(data))
PY
for f in y2021.data y2021.xzdata; do
  "$TRADE" import baci --with-quantity "$tmp/$f" | cut -d, -f1-7 >"$tmp/c.csv" || fail=1
  cut -d, -f1-7 "$tmp/exp_pad.csv" | diff -u - "$tmp/c.csv" >/dev/null || { echo "FAIL: compressed $f"; fail=1; }
done
"$TRADE" import baci --with-quantity - <"$tmp/y2021.data" | cut -d, -f1-7 >"$tmp/c.csv"
cut -d, -f1-7 "$tmp/exp_pad.csv" | diff -u - "$tmp/c.csv" >/dev/null || { echo "FAIL: gzip on stdin"; fail=1; }
if command -v zstd >/dev/null; then
  zstd -q -c "$d/baci_HS17_Y2021_padded.csv" >"$tmp/y2021.z"
  "$TRADE" import baci --with-quantity "$tmp/y2021.z" | cut -d, -f1-7 >"$tmp/c.csv"
  cut -d, -f1-7 "$tmp/exp_pad.csv" | diff -u - "$tmp/c.csv" >/dev/null || { echo "FAIL: zstd"; fail=1; }
fi
# a pipe is copied to a temporary file in TMPDIR (the binary itself: valgrind
# needs a TMPDIR of its own): a TMPDIR that does not
# exist is a clear error, one that does works
cat "$d/baci_small.csv" | TMPDIR="$tmp/none" "$TRADE_REAL" import baci - >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "cannot create a temporary file" "$tmp/err" || { echo "FAIL: TMPDIR not honoured"; cat "$tmp/err"; fail=1; }
mkdir "$tmp/tmpdir"
cat "$d/baci_small.csv" | TMPDIR="$tmp/tmpdir" "$TRADE" import baci - >/dev/null || { echo "FAIL: TMPDIR set"; fail=1; }

# --- yearly files concatenated (each with its header): the sums of both
cat "$d/baci_HS17_Y2021_padded.csv" "$d/baci_HS17_Y2022_padded.csv" >"$tmp/both.csv"
"$TRADE" import baci --with-quantity "$tmp/both.csv" | cut -d, -f1-7 >"$tmp/both.out" || { echo "FAIL: concatenated exit"; fail=1; }
"$TRADE" import baci --with-quantity "$d/baci_HS17_Y2021_padded.csv" "$d/baci_HS17_Y2022_padded.csv" | cut -d, -f1-7 >"$tmp/two.out"
check "concatenated yearly files" "$tmp/two.out" "$tmp/both.out"
grep -q '^AFG,ALB,export,2022,1000,USD,$' "$tmp/both.out" || { echo "FAIL: 2022 row (1.000 thousand)"; fail=1; }

# --- HS92's 9999AA at every level: grouped by its first characters (9999AA
# is in heading 9999 and chapter 99); 891 is SCG, 530 ANT, 58 BLX.
# hs6: 9999AA and 999999 apart; hs4: both in 9999; hs2: 99
# 1995 58->251 BLX->FRA: 010111 1.5; 9999AA 2.25; 891->56 SCG->BEL 999999 4;
# 530->842 ANT->USA 9999AA 0.5
cat >"$tmp/exp_aa6.csv" <<'X'
reporter,partner,flow,period,value,unit,product,source
ANT,USA,export,1995,500,USD,9999AA,baci_HS92_special.csv
BLX,FRA,export,1995,1500,USD,010111,baci_HS92_special.csv
BLX,FRA,export,1995,2250,USD,9999AA,baci_HS92_special.csv
SCG,BEL,export,1995,4000,USD,999999,baci_HS92_special.csv
X
"$TRADE" import baci --level hs6 "$d/baci_HS92_special.csv" >"$tmp/aa6.csv" || fail=1
check "9999AA hs6" "$tmp/exp_aa6.csv" "$tmp/aa6.csv"
"$TRADE" import baci --level hs2 "$d/baci_HS92_special.csv" | grep -c ',99,' | grep -qx 3 || { echo "FAIL: 9999AA hs2"; fail=1; }
"$TRADE" validate "$tmp/aa6.csv" >/dev/null || { echo "FAIL: historical codes do not validate"; fail=1; }

# --- the release zip: yearly members, the country table, a readme
python3 - "$tmp/BACI_HS17_V202401b.zip" "$d" "$d/country_codes_test.csv" <<'PY'
import sys, zipfile
out, d, countries = sys.argv[1:4]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    z.write(d + "/baci_HS17_Y2021_padded.csv", "BACI_HS17_Y2021_V202401b.csv")
    z.write(d + "/baci_HS17_Y2022_padded.csv", "BACI_HS17_Y2022_V202401b.csv")
    z.write(countries, "country_codes_V202401b.csv")
    z.write(d + "/baci_Readme.txt", "Readme.txt")
PY
# country_codes_test.csv maps 4 to AFG and 8 to ALB as ISO does
"$TRADE" import baci "$tmp/BACI_HS17_V202401b.zip" >"$tmp/zip.csv" || { echo "FAIL: zip exit"; cat "$tmp/zip.csv"; fail=1; }
grep -q '^AFG,ALB,export,2021,1756,USD,BACI_HS17_V202401b.zip(BACI_HS17_Y2021_V202401b.csv)$' "$tmp/zip.csv" || { echo "FAIL: zip 2021 member"; cat "$tmp/zip.csv"; fail=1; }
grep -q '^AFG,ALB,export,2022,1000,USD,BACI_HS17_V202401b.zip(BACI_HS17_Y2022_V202401b.csv)$' "$tmp/zip.csv" || { echo "FAIL: zip 2022 member"; fail=1; }
[ "$(wc -l <"$tmp/zip.csv")" -eq 7 ] || { echo "FAIL: zip rows"; cat "$tmp/zip.csv"; fail=1; }
"$TRADE" import baci - <"$tmp/BACI_HS17_V202401b.zip" | cut -d, -f1-6 | diff - <(cut -d, -f1-6 "$tmp/zip.csv") >/dev/null || { echo "FAIL: zip on stdin"; fail=1; }

# --- Comtrade bulk file: tab-separated, gzipped, special codes, ISO codes
# with trailing spaces. By hand: BEL exports to W00 1000.5 -> WLD; EUR ->
# EUU 600; S19 (490) -> X490 12.25; "_X " (899) -> X899 3; "X1 " (839) ->
# X839 4; "XX " (837) -> X837 5; E19 (568) -> X568 6; imports from _KS ->
# XKX 7; the EU (reporter 97 EUR) exports to "USA " 2000000; the motCode
# 1000 row and the DX row are breakdowns.
cat >"$tmp/exp_bulk.csv" <<'X'
reporter,partner,flow,period,value,unit,source
BEL,EUU,export,2021,600,USD,ct.gz
BEL,WLD,export,2021,1000.5,USD,ct.gz
BEL,X490,export,2021,12.25,USD,ct.gz
BEL,X568,export,2021,6,USD,ct.gz
BEL,X837,export,2021,5,USD,ct.gz
BEL,X839,export,2021,4,USD,ct.gz
BEL,X899,export,2021,3,USD,ct.gz
BEL,XKX,import,2021,7,USD,ct.gz
EUU,USA,export,2021,2000000,USD,ct.gz
X
gzip -c "$d/comtrade_bulk.tsv" >"$tmp/ct.gz"
"$TRADE" import comtrade "$tmp/ct.gz" >"$tmp/bulk.csv" || { echo "FAIL: bulk exit"; cat "$tmp/bulk.csv"; fail=1; }
check "comtrade bulk tsv.gz" "$tmp/exp_bulk.csv" "$tmp/bulk.csv"
"$TRADE" validate "$tmp/bulk.csv" >/dev/null || { echo "FAIL: bulk output does not validate"; fail=1; }

# --- a zip of Comtrade files, numeric codes only: 97 is the EU (EUU), 0 the
# world, 899 "Areas, nes" X899; each member has its own header and source
printf 'refYear,period,reporterCode,partnerCode,flowCode,cmdCode,primaryValue\n2020,2020,97,0,X,TOTAL,5\n2020,2020,56,899,M,TOTAL,2\n' >"$tmp/a.csv"
python3 -c "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1],'w'); z.write(sys.argv[2],'a.csv'); z.write(sys.argv[3],'b.csv')" "$tmp/ct.zip" "$tmp/a.csv" "$d/comtrade_small.csv"
"$TRADE" import comtrade "$tmp/ct.zip" >"$tmp/ctzip.csv" || { echo "FAIL: comtrade zip exit"; fail=1; }
grep -q '^EUU,WLD,export,2020,5,USD,ct.zip(a.csv)$' "$tmp/ctzip.csv" || { echo "FAIL: comtrade zip EU"; cat "$tmp/ctzip.csv"; fail=1; }
grep -q '^BEL,X899,import,2020,2,USD,ct.zip(a.csv)$' "$tmp/ctzip.csv" || { echo "FAIL: comtrade zip 899"; fail=1; }
grep -q '^BEL,FRA,export,2020,1234.5,USD,ct.zip(b.csv)$' "$tmp/ctzip.csv" || { echo "FAIL: comtrade zip second member"; fail=1; }

# --- legacy comtrade.un.org CSV: Trade Flow Code 2 export, 1 import, 3
# re-export; empty customs and transport cells are no breakdown; Netweight
# in kg (1500 kg = 1.5 t); the hs4 row 0101 is another level
cat >"$tmp/exp_legacy.csv" <<'X'
reporter,partner,flow,period,value,unit,product,qualifier,source
BEL,DEU,reexport,2019,40,USD,01,,comtrade_legacy.csv
BEL,FRA,export,2019,250000,USD,01,,comtrade_legacy.csv
BEL,FRA,export,2019,1.5,t,01,,comtrade_legacy.csv
BEL,FRA,export,2019,100.5,USD,02,,comtrade_legacy.csv
BEL,WLD,import,2019,300000,USD,01,,comtrade_legacy.csv
BEL,WLD,import,2019,2,t,01,,comtrade_legacy.csv
X
"$TRADE" import comtrade --level hs2 --with-quantity "$d/comtrade_legacy.csv" >"$tmp/legacy.csv" || fail=1
check "comtrade legacy" "$tmp/exp_legacy.csv" "$tmp/legacy.csv"

# --- re-saved by a spreadsheet: 01 -> 1, 0101 -> 101, 010121 -> 10121: the
# zero comes back at every level (hs2: 1 -> 01 with 100 USD and 10 kg)
"$TRADE" import comtrade --level hs2 "$d/comtrade_excel.csv" | grep -q '^BEL,FRA,export,2020,100,USD,01,' || { echo "FAIL: excel hs2"; fail=1; }
"$TRADE" import comtrade --level hs4 "$d/comtrade_excel.csv" | grep -q '^BEL,FRA,export,2020,60,USD,0101,' || { echo "FAIL: excel hs4"; fail=1; }
"$TRADE" import comtrade --level hs6 "$d/comtrade_excel.csv" | grep -q '^BEL,FRA,export,2020,15,USD,010121,' || { echo "FAIL: excel hs6"; fail=1; }
# no TOTAL row at --level total: an error that says which level there is
lib_expect_error "no row at the level" 1 "comtrade_excel.csv:2:6: no row at this --level.*--level hs2" "$TRADE" import comtrade "$d/comtrade_excel.csv"

# --- located errors
h='refYear,period,reporterISO,partnerISO,flowCode,cmdCode,primaryValue'
printf '%s\n2020,202013,BEL,FRA,X,TOTAL,1\n' "$h" >"$tmp/m13.csv"
lib_expect_error "month 13" 1 "m13.csv:2:2: period: expected YYYY or YYYYMM" "$TRADE" import comtrade "$tmp/m13.csv"
# a period of 5 digits and a refYear with a letter: not read as 2020 or 202
printf '%s\n2020,20201,BEL,FRA,X,TOTAL,1\n' "$h" >"$tmp/p5.csv"
lib_expect_error "period of 5 digits" 1 'p5.csv:2:2: period: expected YYYY or YYYYMM with a month 01 to 12, got "20201"' "$TRADE" import comtrade "$tmp/p5.csv"
printf '%s\n202O,2020,BEL,FRA,X,TOTAL,1\n' "$h" >"$tmp/ry.csv"
lib_expect_error "refYear with a letter" 1 'ry.csv:2:1: refYear: expected a year YYYY, got "202O"' "$TRADE" import comtrade "$tmp/ry.csv"
# refMonth of 3 digits (001) or with a letter: no month, so a contradiction
mh='refYear,refMonth,period,reporterISO,partnerISO,flowCode,cmdCode,primaryValue'
printf '%s\n2021,001,202101,BEL,FRA,X,TOTAL,1\n' "$mh" >"$tmp/rm3.csv"
lib_expect_error "refMonth of 3 digits" 1 'rm3.csv:2:3: period "202101" contradicts refMonth "001"' "$TRADE" import comtrade "$tmp/rm3.csv"
printf '%s\n2021,1a,202101,BEL,FRA,X,TOTAL,1\n' "$mh" >"$tmp/rma.csv"
lib_expect_error "refMonth with a letter" 1 'rma.csv:2:3: period "202101" contradicts refMonth "1a"' "$TRADE" import comtrade "$tmp/rma.csv"
printf '%s\n2020,2020,BEL,FRA,X,TOTAL,1\n2020,2021,BEL,FRA,X,TOTAL,1\n' "$h" >"$tmp/contra.csv"
lib_expect_error "period against refYear" 1 'contra.csv:3:2: period "2021" contradicts refYear 2020' "$TRADE" import comtrade "$tmp/contra.csv"
printf '%s\n2020,2020,BEL,FRA,X,TOTAL,1\n2020,2020,BEL,FRA,X\n' "$h" >"$tmp/short.csv"
lib_expect_error "truncated row" 1 "short.csv:3:1: expected 7 fields as in the header, found 5" "$TRADE" import comtrade "$tmp/short.csv"
printf '%s\n2020,2020,BEL,FRA,X,TOTAL,1,9\n' "$h" >"$tmp/long.csv"
lib_expect_error "row too long" 1 "long.csv:2:1: expected 7 fields as in the header, found 8" "$TRADE" import comtrade "$tmp/long.csv"
printf '%s\n2020,2020,BEL,FRA,X,01.01,1\n' "$h" >"$tmp/badcmd.csv"
lib_expect_error "bad cmdCode" 1 'badcmd.csv:2:6: cmdCode: expected TOTAL or an HS code' "$TRADE" import comtrade --level hs4 "$tmp/badcmd.csv"
printf '%s\n2020,2020,BEL,ZZZ,X,TOTAL,1\n' "$h" >"$tmp/zzz.csv"
lib_expect_error "unknown Comtrade code" 1 'zzz.csv:2:4: unknown country code "ZZZ"' "$TRADE" import comtrade "$tmp/zzz.csv"
printf 't,i,j,k,v,q\n2020,56,251,010121,1,1\n2020,56,251,010121,-2.5,1\n' >"$tmp/neg.csv"
lib_expect_error "negative BACI value" 1 'neg.csv:3:20: v: a negative value' "$TRADE" import baci "$tmp/neg.csv"
printf 't,i,j,k,v,q\n2020,56,251,0101211,1,1\n' >"$tmp/k7.csv"
lib_expect_error "seven-digit k" 1 'k7.csv:2:13: k: expected an HS6 product code (at most 6 characters), got "0101211"' "$TRADE" import baci --level hs6 "$tmp/k7.csv"
lib_expect_error "seven-digit k at total" 1 'k7.csv:2:13: k: expected an HS6' "$TRADE" import baci "$tmp/k7.csv"
# an unknown code: the hint says what would help
printf 't,i,j,k,v,q\n2020,56,998,010121,1,1\n' >"$tmp/u.csv"
lib_expect_error "unknown code hint" 1 'u.csv:2:9: j: unknown importer code "998" (not in ISO 3166-1: --countries FILE maps it if' "$TRADE" import baci "$tmp/u.csv"
printf 'country_code,country_name,country_iso2,country_iso3\n998,Somewhere nes,,R98\n' >"$tmp/cc.csv"
lib_expect_error "unknown code hint with a table" 1 'lists it as "R98", which is not a code of the observation format; --keep-unknown keeps it as X998' "$TRADE" import baci --countries "$tmp/cc.csv" "$tmp/u.csv"
# raw control bytes in a field are not echoed (one rule with the reader)
printf 't,i,j,k,v,q\n2020,56,251,010121,1\033[2J\033]0;x\a,1\n' >"$tmp/esc.csv"
"$TRADE" import baci "$tmp/esc.csv" 2>"$tmp/err" >/dev/null
grep -q $'\033' "$tmp/err" && { echo "FAIL: escape byte echoed (baci)"; fail=1; }
grep -q '1?\[2J?\]0;x?' "$tmp/err" || { echo "FAIL: escaped message (baci)"; cat "$tmp/err"; fail=1; }
printf '%s\n2020,2020,BEL,FRA,X,TOTAL,1\033[2J\n' "$h" >"$tmp/esc2.csv"
"$TRADE" import comtrade "$tmp/esc2.csv" 2>"$tmp/err" >/dev/null
grep -q $'\033' "$tmp/err" && { echo "FAIL: escape byte echoed (comtrade)"; fail=1; }
grep -q '1?\[2J' "$tmp/err" || { echo "FAIL: escaped message (comtrade)"; cat "$tmp/err"; fail=1; }

# --- bounded input: /dev/zero ends at once with a located error, memory flat
# (under a 1 GB address-space cap; a sanitizer build cannot start under one:
# no cap there)
vcap=1000000
(ulimit -v $vcap && exec "$TRADE_REAL" --version) >/dev/null 2>&1 || vcap=unlimited
for kind in baci comtrade merge; do
  start=$(date +%s)
  ( ulimit -v $vcap; timeout 20 "$TRADE_REAL" import $kind /dev/zero ) >/dev/null 2>"$tmp/err"
  rc=$?
  [ $rc -eq 1 ] || { echo "FAIL: $kind /dev/zero exit $rc"; cat "$tmp/err"; fail=1; }
  grep -q "/dev/zero:1:1: NUL byte" "$tmp/err" || { echo "FAIL: $kind /dev/zero message"; cat "$tmp/err"; fail=1; }
  [ $(( $(date +%s) - start )) -le 5 ] || { echo "FAIL: $kind /dev/zero took too long"; fail=1; }
done
# a line without end: the line bound (16 MiB for Comtrade)
( ulimit -v $vcap; head -c 20000000 /dev/zero | tr '\0' 'a' | timeout 20 "$TRADE_REAL" import comtrade - ) >/dev/null 2>"$tmp/err"
grep -q "stdin:1:.*longer than" "$tmp/err" || { echo "FAIL: endless line"; cat "$tmp/err"; fail=1; }

# --- merge refuses partials of other options and splits given twice
"$TRADE" import baci --partial "$d/baci_small.csv" -o "$tmp/tot.partial" || fail=1
"$TRADE" import baci --partial --level hs6 "$d/baci_decimals.csv" -o "$tmp/hs6.partial" || fail=1
"$TRADE" import baci --partial "$d/baci_decimals.csv" -o "$tmp/dec.partial" || fail=1
lib_expect_error "mixed levels" 1 "partial made with --level hs6, but .*tot.partial was made with --level total" "$TRADE" import merge "$tmp/tot.partial" "$tmp/hs6.partial"
lib_expect_error "same partial twice" 1 "was merged already" "$TRADE" import merge "$tmp/tot.partial" "$tmp/tot.partial"
cp "$tmp/tot.partial" "$tmp/copy.partial"
lib_expect_error "a copy of a partial" 1 "copy.partial:1:11: input split .* was merged already" "$TRADE" import merge "$tmp/tot.partial" "$tmp/copy.partial"
# the same input split made into a partial twice (another name, another run)
cp "$d/baci_small.csv" "$tmp/again.csv"
"$TRADE" import baci --partial "$tmp/again.csv" -o "$tmp/again.partial" || fail=1
lib_expect_error "the same split twice" 1 "was merged already" "$TRADE" import merge "$tmp/tot.partial" "$tmp/again.partial"
"$TRADE" import merge "$tmp/tot.partial" "$tmp/dec.partial" >/dev/null || { echo "FAIL: two splits"; fail=1; }
"$TRADE" import baci --partial --with-quantity "$d/baci_small.csv" -o "$tmp/q.partial" || fail=1
lib_expect_error "mixed quantity" 1 "was made with --level total" "$TRADE" import merge "$tmp/q.partial" "$tmp/dec.partial"
# a partial's period is YYYY or YYYY-MM with a month 01 to 12 (the third
# row's period, 2020, edited: a letter in the month, then month 00)
awk -F, -v OFS=, 'NR == 3 { $1 = "2020-1x" } 1' "$tmp/tot.partial" >"$tmp/badper.partial"
lib_expect_error "partial period with a letter" 1 'badper.partial:3:1: bad period "2020-1x"' "$TRADE" import merge "$tmp/badper.partial"
awk -F, -v OFS=, 'NR == 3 { $1 = "2020-00" } 1' "$tmp/tot.partial" >"$tmp/per00.partial"
lib_expect_error "partial period month 00" 1 'per00.partial:3:1: bad period "2020-00"' "$TRADE" import merge "$tmp/per00.partial"

# --- the observation reader reads compressed files by content, too
obs="$SRCDIR/datasets/FORMAT.md"
"$TRADE" import baci "$d/baci_small.csv" -o "$tmp/obs.csv"
gzip -c "$tmp/obs.csv" >"$tmp/obs.bin"
python3 -c "import lzma,sys; open(sys.argv[2],'wb').write(lzma.compress(open(sys.argv[1],'rb').read()))" "$tmp/obs.csv" "$tmp/obs.xz.bin"
( cd "$tmp" && python3 -c "import zipfile; zipfile.ZipFile('obs.zip.bin','w').write('obs.csv')" )
for f in obs.bin obs.xz.bin obs.zip.bin; do
  "$TRADE" cat "$tmp/$f" | diff -u "$tmp/obs.csv" - >/dev/null || { echo "FAIL: cat $f"; fail=1; }
done
"$TRADE" cat <"$tmp/obs.bin" | diff -u "$tmp/obs.csv" - >/dev/null || { echo "FAIL: cat gzip on stdin"; fail=1; }
head -c 60 "$tmp/obs.bin" >"$tmp/trunc.bin"
lib_expect_error "truncated gzip" 1 "trunc.bin: cannot decompress" "$TRADE" cat "$tmp/trunc.bin"
: "$obs"

# --- a sorted file is streamed one (year, exporter) block at a time; the
# rows equal those of the hash path (a pipe is never streamed), at every
# level, and so do those of the same file shuffled (not streamable) and of
# a file whose exporters are in another order than their codes' (streaming
# is for product levels: totals have few groups, the two threads of the hash
# path are faster there)
python3 "$SRCDIR/bench/gen_baci.py" 40000 "$tmp/sorted.csv" 3
{ head -1 "$tmp/sorted.csv"; tail -n +2 "$tmp/sorted.csv" | sort -t, -k2,2n -k1,1n -s; } >"$tmp/byexp.csv"
{ head -1 "$tmp/sorted.csv"; tail -n +2 "$tmp/sorted.csv" | shuf --random-source="$tmp/sorted.csv"; } >"$tmp/shuffled.csv"
for level in total hs2 hs6; do
  cat "$tmp/sorted.csv" | "$TRADE" import baci --level $level --with-quantity --source sorted.csv - -o "$tmp/hash.csv" || fail=1
  "$TRADE" import baci --level $level --with-quantity "$tmp/sorted.csv" -o "$tmp/stream.csv" || fail=1
  check "streamed = hashed ($level)" "$tmp/hash.csv" "$tmp/stream.csv"
  for f in byexp shuffled; do
    "$TRADE" import baci --level $level --with-quantity --source sorted.csv "$tmp/$f.csv" -o "$tmp/$f.out" || fail=1
    check "$f ($level)" "$tmp/hash.csv" "$tmp/$f.out"
  done
done
# a file of more than 4 MB has its blocks read on two threads, handed over
# in turn: the same bytes again; an error keeps its line, and of two errors
# in blocks read at the same time the first in the output's order is told
python3 "$SRCDIR/bench/gen_baci.py" 200000 "$tmp/big.csv" 4
cat "$tmp/big.csv" | "$TRADE" import baci --level hs6 --with-quantity --source big.csv - -o "$tmp/bighash.csv" || fail=1
"$TRADE" import baci --level hs6 --with-quantity "$tmp/big.csv" -o "$tmp/bigstream.csv" || fail=1
check "streamed on two threads = hashed" "$tmp/bighash.csv" "$tmp/bigstream.csv"
"$TRADE" import baci --level hs6 --with-quantity --threads 1 "$tmp/big.csv" -o "$tmp/big1.csv" || fail=1
check "streamed on one thread = hashed" "$tmp/bighash.csv" "$tmp/big1.csv"
awk 'NR==190000{$0="2021,56,251,010121,x,1"}1' "$tmp/big.csv" >"$tmp/bigbad.csv"
lib_expect_error "error in the second part" 1 "bigbad.csv:190000:20: v: expected a plain number" "$TRADE" import baci --level hs6 "$tmp/bigbad.csv"
awk 'NR==60000{$0="2021,56,251,010121,y,1"} NR==190000{$0="2021,56,251,010121,x,1"}1' "$tmp/big.csv" >"$tmp/bigbad2.csv"
lib_expect_error "of two errors the first" 1 "bigbad2.csv:60000:20: v: expected a plain number (thousands of USD), got \"y\"" "$TRADE" import baci --level hs6 "$tmp/bigbad2.csv"

# an error in a streamed file keeps its line: line 1 + 20000 + 1
awk 'NR==20002{$0="2019,56,251,010121,x,1"}1' "$tmp/sorted.csv" >"$tmp/bad.csv"
lib_expect_error "streamed error line" 1 "bad.csv:20002:20: v: expected a plain number" "$TRADE" import baci --level hs2 "$tmp/bad.csv"
lib_expect_error "hashed error line" 1 "bad.csv:20002:20: v: expected a plain number" "$TRADE" import baci "$tmp/bad.csv"

lib_valgrind_check || fail=1
exit $fail
