#!/usr/bin/python3
"""check_totals.py - do the tools agree? Reads each tool's tot.csv (trade:
observation CSV with period/value; the others: t/value) and compares the
number of groups and the total per year (relative 1e-9: the SQL engines and
pandas sum doubles, trade sums exact integers).
usage: check_totals.py NAME=DIR ...   exit 1 if they disagree"""
import csv
import sys
from collections import defaultdict


def totals(path):
    per = defaultdict(float)
    n = 0
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            per[int(r.get("period") or r["t"])] += float(r["value"])
            n += 1
    return n, dict(per)


def main():
    runs = [a.split("=", 1) for a in sys.argv[1:]]
    ref_name, ref_dir = runs[0]
    ref = totals(ref_dir + "/tot.csv")
    ok = True
    for name, d in runs:
        n, per = totals(d + "/tot.csv")
        bad = n != ref[0] or per.keys() != ref[1].keys() or any(
            abs(per[y] - ref[1][y]) > 1e-9 * abs(ref[1][y]) for y in per)
        print("%-8s groups %d, total %.3f USD%s" % (name, n, sum(per.values()),
                                                   "  DISAGREES with " + ref_name if bad else ""))
        ok = ok and not bad
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
