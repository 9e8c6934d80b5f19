#!/usr/bin/env python3
"""complexity_numpy.py - the job of `trade complexity` (default options) in
pandas + numpy, the way the Growth Lab's Python ecomplexity does it: a dense
country x product matrix, the full product x product proximity, density as
a matrix product. For bench/complexity.sh.

usage: complexity_numpy.py PANEL.csv OUT.csv

Same conventions as trade complexity (Stata's): M = rca > 1, ECI/PCI from
the second eigenvector (numpy.linalg.eigh on the symmetric country matrix
D^-1/2 M U^-1 M' D^-1/2), z-scores with the n - 1 sd over the C x P rows,
symmetric proximity C_pq / max(u_p, u_q), density, COI, COG. Assumes a
clean panel (every reporter and product exports something, no diversity
or ubiquity 0), as the generated one is."""
import sys

import numpy as np
import pandas as pd


def main():
    src, out = sys.argv[1], sys.argv[2]
    df = pd.read_csv(src, usecols=["reporter", "period", "value", "product", "flow", "unit"],
                     dtype={"product": str, "period": str})
    df = df[(df.flow == "export") & (df.unit == "USD") & (df.reporter != "WLD")]
    frames = []
    for period, g in df.groupby("period", sort=True):
        x = g.pivot_table(index="reporter", columns="product", values="value", aggfunc="sum",
                          fill_value=0.0)
        reps, prods = x.index.to_numpy(), x.columns.to_numpy()
        X = x.to_numpy(dtype=float)
        C, P = X.shape
        rca = (X / X.sum(1, keepdims=True)) / (X.sum(0, keepdims=True) / X.sum())
        M = (rca > 1).astype(float)
        d, u = M.sum(1), M.sum(0)
        S = (M / np.sqrt(d)[:, None] / u[None, :]) @ (M / np.sqrt(d)[:, None]).T
        w, V = np.linalg.eigh(S)
        kc = V[:, -2] / np.sqrt(d)
        kp = (M.T @ kc) / u / w[-2]
        if np.corrcoef(d, kc)[0, 1] <= 0:
            kc, kp = -kc, -kp
        co = M.T @ M
        prox = co / np.maximum(u[:, None], u[None, :])
        np.fill_diagonal(prox, 0)
        s = prox.sum(1)
        density = M @ prox.T / s[None, :]
        coi = (density * (1 - M) * kp[None, :]).sum(1)
        cog = (1 - M) * ((1 - M) @ (prox * (kp / s)[:, None]))
        n = C * P
        m = kc.mean()
        sd = np.sqrt(((kc - m) ** 2).sum() * P / (n - 1))
        cm = coi.mean()
        csd = np.sqrt(((coi - cm) ** 2).sum() * P / (n - 1))
        frames.append(pd.DataFrame({
            "period": period, "reporter": np.repeat(reps, P), "product": np.tile(prods, C),
            "value": X.ravel(), "rca": rca.ravel(), "mcp": M.ravel().astype(int),
            "diversity": np.repeat(d, P).astype(int), "ubiquity": np.tile(u, C).astype(int),
            "eci": np.repeat((kc - m) / sd, P), "pci": np.tile((kp - m) / sd, C),
            "density": density.ravel(), "coi": np.repeat((coi - cm) / csd, P),
            "cog": (cog / sd).ravel()}))
    pd.concat(frames).to_csv(out, index=False)


main()
