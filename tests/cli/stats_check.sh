#!/usr/bin/env bash
# trade check on datasets/: the verdicts the brief asks for (the 2010 and
# 2011 Belgian export growth rates against the levels, the 2011 exports to
# Kazakhstan in the text against Table 2, the 2010 aid to Kyrgyzstan against
# its parts), with every interval recomputed in Python from the figures.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
fail=0
"$TRADE" check "$SRCDIR"/datasets/*.csv >"$tmp/check.csv" 2>"$tmp/err" || { echo "FAIL: check exit $?: $(cat "$tmp/err")"; fail=1; }
if grep -qiE 'inf|nan' "$tmp/check.csv"; then echo "FAIL: inf or nan"; fail=1; fi

"$PY" - "$tmp/check.csv" <<'EOF' || fail=1
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
bad = []
def find(check, reporter, partner, flow, period, unit, b_locator=None, b_value=None):
    for r in rows:
        if (r["check"], r["reporter"], r["partner"], r["flow"], r["period"], r["unit"]) == (check, reporter, partner, flow, period, unit) \
                and (b_locator is None or r["b_locator"] == b_locator) \
                and (b_value is None or abs(float(r["b_value"]) - b_value) < 1e-6 * abs(b_value)):
            return r
    bad.append(f"no {check} row for {reporter} {partner} {flow} {period} {unit} {b_locator or ''}")
    return None
def close(r, col, want):
    if r is not None and abs(float(r[col]) - want) > 1e-9 * max(1, abs(want)):
        bad.append(f"{r['check']} {r['period']} {col}: {r[col]}, want {want}")
def verdict(r, want):
    if r is not None and r["verdict"] != want:
        bad.append(f"{r['check']} {r['period']} {r['b_locator']}: verdict {r['verdict']!r}, want {want!r}")

def growth_iv(l0, p0, l1, p1):
    # the growth from [l0 -/+ p0/2] to [l1 -/+ p1/2], in per cent
    return 100 * ((l1 - p1 / 2) / (l0 + p0 / 2) - 1), 100 * ((l1 + p1 / 2) / (l0 - p0 / 2) - 1)

# (a) 2010: 40.15 % (precision 0.01) against 71 million (2009, derived,
# precision 1 million) -> 100 million (precision 1 million): 40.85 % in
# [39.16, 42.55]; the stated point lies in it but 40.85 is not in
# [40.145, 40.155]: consistent within rounding
r = find("growth", "BEL", "KAZ", "export", "2010", "percent_change")
lo, hi = growth_iv(71e6, 1e6, 100e6, 1e6)
close(r, "a_low", 40.145); close(r, "a_high", 40.155)
close(r, "b_value", 100 * (100 / 71 - 1)); close(r, "b_low", lo); close(r, "b_high", hi)
verdict(r, "consistent within rounding")

# (a) 2011: 18.31 % against 100 -> 118 million (text, approx): 18 % in
# [16.92, 19.10]: consistent within rounding; against 100 million ->
# 119091910 (Table 2, precision 10): 19.09 % in [18.4994, 19.6904]; no
# overlap with [18.305, 18.315]: inconsistent, gap 18.4994 - 18.315
r = find("growth", "BEL", "KAZ", "export", "2011", "percent_change", "line 49")
lo, hi = growth_iv(100e6, 1e6, 118e6, 1e6)
close(r, "b_value", 18.0); close(r, "b_low", lo); close(r, "b_high", hi)
verdict(r, "consistent within rounding")
r = find("growth", "BEL", "KAZ", "export", "2011", "percent_change", "Table 2, line 73")
lo, hi = growth_iv(100e6, 1e6, 119091910, 10)
close(r, "b_value", 100 * (119091910 / 100e6 - 1)); close(r, "b_low", lo); close(r, "b_high", hi)
close(r, "gap", lo - 18.315)
verdict(r, "inconsistent")

# (c) 2011 exports to Kazakhstan: text 118 million [117.5, 118.5] million
# against Table 2 119091910 [119091905, 119091915]: inconsistent, gap 591905
r = find("twice", "BEL", "KAZ", "export", "2011", "EUR")
close(r, "a_value", 118e6); close(r, "a_low", 117.5e6); close(r, "a_high", 118.5e6)
close(r, "b_value", 119091910); close(r, "b_low", 119091905); close(r, "b_high", 119091915)
close(r, "gap", 119091905 - 118.5e6)
verdict(r, "inconsistent")
if r is not None and (r["a_locator"], r["b_locator"]) != ("line 49", "Table 2, line 73"):
    bad.append(f"twice locators {r['a_locator']!r} {r['b_locator']!r}")

# (b) aid to Kyrgyzstan 2010: 713800 (precision 100) against 600000
# (precision 100000) + 113000 (precision 1000) = 713000 in [662500, 763500]
r = find("sum", "BEL", "KGZ", "aid", "2010", "EUR")
close(r, "a_low", 713750); close(r, "a_high", 713850)
close(r, "b_value", 713000); close(r, "b_low", 662500); close(r, "b_high", 763500)
close(r, "gap", 0)
verdict(r, "consistent within rounding")
for b in bad:
    print("FAIL:", b)
sys.exit(1 if bad else 0)
EOF

# precision from the written digits when there is no precision column:
# 12.5 % stated; 80 -> 90 is 12.5 % exactly (80 and 90 stand for [75, 85]
# and [85, 95]): the computed point is in [12.45, 12.55]: consistent
printf 'reporter,partner,flow,period,value,unit\nBEL,KAZ,export,2010,80,EUR\nBEL,KAZ,export,2011,90,EUR\nBEL,KAZ,export,2011,12.5,percent_change\n' >"$tmp/d.csv"
"$TRADE" check "$tmp/d.csv" >"$tmp/d_out.csv"
if ! grep -qE ',12.5,12.45,12.55,12.5,0,26.66666666666666[0-9]?,0,consistent,' "$tmp/d_out.csv"; then
  echo "FAIL: written precision: $(cat "$tmp/d_out.csv")"; fail=1
fi
"$TRADE" check --help | grep -q '^usage: trade check' || { echo "FAIL: check --help"; fail=1; }
exit $fail
