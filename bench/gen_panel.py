#!/usr/bin/python3
"""gen_panel.py - a realistic BACI panel at product level, for the level benchmark.

usage: gen_panel.py ROWS OUT.csv [YEARS [SEED]]

Like a real BACI release: header t,i,j,k,v,q; years from 2021 on (YEARS of
them, default 2); COUNTRIES = 227 exporters and importers with real ISO
numeric codes and BACI's own (842 USA, 251 France, 699 India, 757
Switzerland, 579 Norway); sparse pairs: each exporter ships to a share of
the importers that falls with its rank (Zipf exponent 1.1 for exporters, 0.9
for importers), so about 31,000 of the 51,529 ordered pairs trade in a year (62,500 bilateral
totals in two years); PRODUCTS
= 5,000 HS6 codes with their leading zeros, each pair trading a heavy-tailed
number of them (most pairs few, the large ones thousands), the same pairs
and much the same products in each year (5 % churn); values log-normal
(mu 2, sigma 2.2, thousands of USD, 3 decimals); quantities log-normal in
tonnes, 3 decimals, 2 % empty and 2 % NA. Rows sorted by (t, i, j, k), as
BACI ships them. ROWS is a target: the result is within a few per cent.
Same arguments, same bytes. 22,000,000 rows, 2 years: about 780 MB.
"""
import sys

import numpy as np

COUNTRIES = 227
PRODUCTS = 5000


def main():
    rows = int(sys.argv[1])
    out = sys.argv[2]
    years = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 2024
    rng = np.random.default_rng(seed)
    # real codes: ISO 3166-1 numeric codes of countries, with BACI's own
    iso = [4, 8, 12, 16, 20, 24, 28, 31, 32, 36, 40, 44, 48, 50, 51, 52, 56, 60, 64, 68,
           70, 72, 76, 84, 90, 92, 96, 100, 104, 108, 112, 116, 120, 124, 132, 136, 140,
           144, 148, 152, 156, 170, 174, 178, 180, 184, 188, 191, 192, 196, 203, 204,
           208, 212, 214, 218, 222, 226, 231, 232, 233, 234, 238, 242, 246, 251, 258,
           262, 266, 268, 270, 275, 276, 288, 292, 296, 300, 304, 308, 316, 320, 324,
           328, 332, 340, 344, 348, 352, 360, 364, 368, 372, 376, 381, 384, 388, 392,
           398, 400, 404, 408, 410, 414, 417, 418, 422, 426, 428, 430, 434, 440, 442,
           446, 450, 454, 458, 462, 466, 470, 478, 480, 484, 490, 496, 498, 499, 500,
           504, 508, 512, 516, 520, 524, 528, 531, 533, 534, 535, 540, 548, 554, 558,
           562, 566, 570, 574, 579, 580, 583, 584, 585, 586, 591, 598, 600, 604, 608,
           612, 616, 620, 624, 626, 634, 642, 643, 646, 652, 654, 659, 660, 662, 666,
           670, 674, 678, 682, 686, 688, 690, 694, 699, 702, 703, 704, 705, 706, 710,
           716, 724, 728, 729, 740, 752, 757, 760, 762, 764, 768, 772, 776, 780, 784,
           788, 792, 795, 796, 798, 800, 804, 807, 818, 826, 834, 842, 854, 858, 860,
           862, 876, 882, 887, 894]
    codes = np.array(sorted(iso[:COUNTRIES]))
    n = len(codes)
    # country sizes (Zipf-like, in a random order of codes)
    size_exp = 1.0 / (1 + rng.permutation(n)) ** 1.1
    size_imp = 1.0 / (1 + rng.permutation(n)) ** 0.9
    # which pairs trade: probability grows with both sizes
    p = np.minimum(1.0, 28.0 * np.sqrt(np.outer(size_exp / size_exp.max(), size_imp / size_imp.max())) + 0.28)
    np.fill_diagonal(p, 0)
    trade = rng.random((n, n)) < p
    # products per pair: heavy-tailed, scaled so that the total is ROWS/YEARS
    w = np.where(trade, np.outer(size_exp, size_imp) ** 0.75, 0)
    target = rows / years
    cnt = np.minimum(PRODUCTS, np.maximum(trade.astype(int), np.rint(w / w.sum() * target * rng.lognormal(0, 0.5, (n, n)))).astype(int))
    for _ in range(8):  # rescale to the target after the cap
        tot = cnt.sum()
        if abs(tot - target) < 0.01 * target:
            break
        cnt = np.minimum(PRODUCTS, np.maximum(trade.astype(int), np.rint(cnt * target / tot))).astype(int)
    prods = sorted({"%02d%02d%02d" % (rng.integers(1, 98), rng.integers(1, 100), rng.integers(0, 100)) for _ in range(PRODUCTS * 2)})[:PRODUCTS]
    prods = np.array(prods)
    pop = rng.zipf(1.3, PRODUCTS * 4) % PRODUCTS  # popular products are traded by many pairs
    order = np.unique(pop, return_index=True)[1]
    by_pop = np.concatenate([pop[np.sort(order)], np.setdiff1d(np.arange(PRODUCTS), pop)])
    with open(out, "w", newline="") as f:
        f.write("t,i,j,k,v,q\n")
        for y in range(years):
            for a in range(n):
                lines = []
                for b in np.nonzero(cnt[a])[0]:
                    k = cnt[a, b]
                    if y:  # churn: 5 % of the products change from year to year
                        k = max(1, int(k * rng.uniform(0.95, 1.05)))
                    k = min(k, PRODUCTS)
                    # mostly popular products, some random ones
                    head = by_pop[:k]
                    if k < PRODUCTS:
                        swap = rng.random(k) < 0.05
                        head = np.where(swap, rng.integers(0, PRODUCTS, k), head)
                    sel = np.unique(head)
                    v = rng.lognormal(2, 2.2, len(sel))
                    q = rng.lognormal(1, 2.5, len(sel))
                    miss = rng.random(len(sel))
                    for pi, vv, qq, m in zip(sel, v, q, miss):
                        qs = "" if m < 0.02 else "NA" if m < 0.04 else "%.3f" % qq
                        lines.append("%d,%d,%d,%s,%.3f,%s\n" % (2021 + y, codes[a], codes[b], prods[pi], vv, qs))
                f.write("".join(lines))


if __name__ == "__main__":
    main()
