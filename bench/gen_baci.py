#!/usr/bin/env python3
"""gen_baci.py - a deterministic BACI-layout panel for the benchmark.

usage: gen_baci.py ROWS OUT.csv [SEED]

Header t,i,j,k,v,q like CEPII's BACI: year, exporter and importer numeric
codes (real ISO 3166-1 numbers plus BACI's own 251 France, 842 USA, 699
India, 757 Switzerland, 579 Norway), HS6 product code with its leading zeros,
value in thousands of USD with 3 decimals, quantity in tonnes with 3
decimals, 4 % empty and 3 % NA quantities. Realistic skew: exporters and
importers drawn with Zipf-like weights (a few large exporters), values
log-normal. Years 2017-2021, rows spread evenly, each year sorted by
(i, j, k) as BACI is. Same ROWS and SEED, same bytes."""
import random
import sys

CODES = [842, 156, 276, 392, 251, 826, 699, 410, 381, 124, 528, 56, 484, 643, 724, 36,
         757, 764, 458, 702, 360, 76, 752, 203, 616, 40, 208, 372, 246, 579, 620, 300,
         348, 642, 32, 152, 170, 604, 710, 818, 12, 566, 682, 784, 364, 368, 398, 860,
         795, 417, 762, 4, 586, 50, 144, 704, 608, 116, 418, 104, 524, 64, 496,
         8, 20, 31, 51, 68, 72, 84, 90, 100, 112, 132, 140, 148, 174, 178, 180, 188, 191,
         192, 196, 204, 212, 214, 218, 222, 226, 231, 232, 233, 234, 242, 262, 266, 268,
         270, 288, 296, 308, 320, 324, 328, 332, 340, 344, 352, 388, 400, 404, 414, 422,
         426, 428, 430, 434, 440, 442, 446, 450, 454, 462, 466, 470, 478, 480, 498, 499,
         504, 508, 512, 516, 520, 533, 548, 554, 558, 562, 585, 591, 598, 600, 624, 626,
         634, 646, 659, 662, 670, 678, 686, 690, 694, 703, 705, 706, 716, 728, 729, 740,
         748, 768, 776, 780, 788, 792, 798, 800, 804, 807, 834, 854, 858, 862, 882, 887,
         894]
CODES = [c for c in CODES if c < 1000]


def main():
    rows = int(sys.argv[1])
    out = sys.argv[2]
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 2024
    rnd = random.Random(seed)
    n = len(CODES)
    wexp = [1.0 / (r + 1) ** 1.1 for r in range(n)]
    order = CODES[:]
    rnd.shuffle(order)
    wimp = [1.0 / (r + 1) ** 0.9 for r in range(n)]
    products = sorted({"%02d%02d%02d" % (rnd.randint(1, 97), rnd.randint(1, 99),
                                         rnd.randint(0, 99)) for _ in range(5000)})
    years = list(range(2017, 2022))
    per_year = [rows // len(years) + (1 if y < rows % len(years) else 0)
                for y in range(len(years))]
    with open(out, "w", newline="") as f:
        f.write("t,i,j,k,v,q\n")
        for y, cnt in zip(years, per_year):
            ex = rnd.choices(CODES, wexp, k=cnt)
            im = rnd.choices(order, wimp, k=cnt)
            pr = rnd.choices(products, k=cnt)
            recs = []
            for a, b, k in zip(ex, im, pr):
                if a == b:
                    b = CODES[(CODES.index(a) + 1) % n]
                v = round(rnd.lognormvariate(3.0, 2.2), 3)
                if v < 0.001:
                    v = 0.001
                u = rnd.random()
                if u < 0.04:
                    q = ""
                elif u < 0.07:
                    q = "NA"
                else:
                    q = "%.3f" % max(rnd.lognormvariate(2.0, 2.5), 0.001)
                recs.append((a, b, k, "%.3f" % v, q))
            recs.sort()
            f.write("".join("%d,%d,%d,%s,%s,%s\n" % (y, a, b, k, v, q)
                            for a, b, k, v, q in recs))


if __name__ == "__main__":
    main()
