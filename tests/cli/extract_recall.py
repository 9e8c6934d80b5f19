#!/usr/bin/env python3
"""Recall and precision of `trade extract` against hand lists.

usage: extract_recall.py TRADE EXPECTED.csv DIR [MIN_RECALL MIN_PRECISION]

EXPECTED.csv has columns file,value,unit,note: one row per money, tonnage
(t, m3) or growth (percent_change) figure of DIR/<file>.txt, read by hand.
Recall: the share of expected rows matched by an extracted row of the same
unit with a value within 0.5 %. Precision: the share of extracted money and
tonnage rows that match an expected row. Each extracted row matches at most
one expected row, except that one extracted row may stand for several
expected rows with the same value (a figure stated once for two partners).
The texts are read by one `trade extract` run (each file its own source,
named by the source column), which under valgrind saves a start-up a text."""
import csv
import io
import os
import subprocess
import sys

MONEY_TONNAGE = lambda u: u in ("t", "m3") or (len(u) == 3 and u.isupper() and u != "TEU")


def extract_all(trade, folder, files):
    """The extracted rows of each text folder/<f>.txt, by f."""
    paths = [f"{folder}/{f}.txt" for f in files]
    # the source trade extract gives a file: its name without folder and extension
    sources = [os.path.splitext(os.path.basename(p))[0] for p in paths]
    if len(set(sources)) < len(files):
        # two texts of one source name would be merged: one run each
        return {f: list(csv.DictReader(io.StringIO(
            subprocess.run([trade, "extract", p], capture_output=True, check=True)
            .stdout.decode("utf-8")))) for f, p in zip(files, paths)}
    out = subprocess.run([trade, "extract", *paths], capture_output=True,
                         check=True).stdout.decode("utf-8")
    rows_of = {f: [] for f in files}
    file_of = dict(zip(sources, files))
    for r in csv.DictReader(io.StringIO(out)):
        rows_of[file_of[r["source"]]].append(r)
    return rows_of


def main():
    trade, expected_path, folder = sys.argv[1:4]
    min_recall = float(sys.argv[4]) if len(sys.argv) > 4 else 0.0
    min_precision = float(sys.argv[5]) if len(sys.argv) > 5 else 0.0
    expected = list(csv.DictReader(open(expected_path, encoding="utf-8")))
    files = sorted({e["file"] for e in expected})
    found = missed = 0
    emitted = real = 0
    rows_of = extract_all(trade, folder, files)
    for f in files:
        rows = rows_of[f]
        exp = [e for e in expected if e["file"] == f]
        used = set()
        for e in exp:
            v = float(e["value"])
            hit = None
            for i, r in enumerate(rows):
                if r["unit"] != e["unit"]:
                    continue
                rv = float(r["value"])
                if abs(rv - v) <= abs(v) * 0.005 + 1e-9:
                    hit = i
                    if i not in used:
                        break
            if hit is None:
                missed += 1
                print(f"MISSED {f}: {e['value']} {e['unit']} ({e['note']})")
            else:
                found += 1
                used.add(hit)
        for i, r in enumerate(rows):
            if not MONEY_TONNAGE(r["unit"]):
                continue
            emitted += 1
            if i in used:
                real += 1
            else:
                print(f"EXTRA {f}: line {r['line']} {r['value']} {r['unit']} [{r['as_written']}]")
    recall = found / max(1, found + missed)
    precision = real / max(1, emitted)
    print(f"recall {found}/{found + missed} = {recall:.3f}; "
          f"money/tonnage precision {real}/{emitted} = {precision:.3f}")
    if recall < min_recall or precision < min_precision:
        sys.exit(1)


main()
