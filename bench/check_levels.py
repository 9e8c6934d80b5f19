#!/usr/bin/python3
"""check_levels.py - trade's and DuckDB's sums of the level benchmark agree
exactly, group by group: trade import's output (alpha-3 codes, USD rows)
against DuckDB's tot.csv (t, i, j[, p], value, BACI's numeric codes). The
numeric codes are mapped to alpha-3 independently of trade, with Debian's
iso-codes table and BACI's documented deviations (251 France, 842 USA,
699 India, 757 Switzerland, 579 Norway, 381 Italy, 490 Other Asia nes
as X490).
Values are compared as exact decimals."""
import csv
import json
import sys
from decimal import Decimal

trade, duck = sys.argv[1], sys.argv[2]
iso = {int(c["numeric"]): c["alpha_3"]
       for c in json.load(open("/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]}
iso.update({251: "FRA", 381: "ITA", 842: "USA", 699: "IND", 757: "CHE", 579: "NOR", 490: "X490"})
t = {}
for r in csv.DictReader(open(trade)):
    if r["unit"] == "USD":
        t[(r["period"], r["reporter"], r["partner"], r.get("product", ""))] = Decimal(r["value"])
d = {}
for r in csv.DictReader(open(duck)):
    d[(r["t"], iso[int(r["i"])], iso[int(r["j"])], r.get("p", ""))] = Decimal(r["value"])
bad = [k for k in d if t.get(k) != d[k]]
ok = len(t) == len(d) and not bad
print(f"{'ok' if ok else 'DIFFER'}: {len(t)} and {len(d)} groups, {len(bad)} differ"
      + (f", e.g. {bad[0]}: {t.get(bad[0])} vs {d[bad[0]]}" if bad else ""))
sys.exit(0 if ok else 1)
