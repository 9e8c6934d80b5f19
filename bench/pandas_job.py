#!/usr/bin/python3
"""pandas_job.py - the benchmark job in pandas: BACI file -> bilateral totals
per (year, exporter, importer) in USD, growth and ranks, written to CSV.
usage: pandas_job.py BACI.csv OUTDIR"""
import sys

import pandas as pd

src, out = sys.argv[1], sys.argv[2]
df = pd.read_csv(src, usecols=["t", "i", "j", "v"],
                 dtype={"t": "int32", "i": "int32", "j": "int32", "v": "float64"})
tot = df.groupby(["t", "i", "j"], as_index=False, sort=True)["v"].sum()
tot["value"] = tot.pop("v") * 1000
tot.to_csv(out + "/tot.csv", index=False)
g = tot.sort_values(["i", "j", "t"])
g["growth_pct"] = g.groupby(["i", "j"])["value"].pct_change() * 100
g.to_csv(out + "/growth.csv", index=False)
r = tot.copy()
r["rank"] = r.groupby("t")["value"].rank(method="min", ascending=False).astype("int64")
r.to_csv(out + "/rank.csv", index=False)
