"""Random panels against an independent numpy implementation.

Usage: indicators_random.py TRADE TMPDIR [SEED]

Generates bilateral product panels (reporters x partners x products x two
years, some cells missing, some zero) and compares every output of
trade complexity (rca, rpop, mcp, diversity, ubiquity, eci, pci, density,
coi, cog under each option), trade proximity, trade indicator (every WITS
indicator, unit values) and trade deflate | trade growth with its own
computation here. The complexity side follows the Stata package literally:
numpy.linalg.eig on the non-symmetric M~pp = (M / (u d))' M (not the
symmetric country-side matrix trade uses), dense proximity matrices,
density as a matrix product. Three shapes: more products than countries,
more countries than products (trade then solves on the product side), and
300 products (the proximity blocks on two threads).
"""
import csv
import os
import random
import subprocess
import sys

import numpy as np

trade, tmp = sys.argv[1], sys.argv[2]
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 14
rnd = random.Random(seed)
CODES = ("AUT BEL BGR CAN CHE CHL CHN CZE DEU DNK ESP EST FIN FRA GBR GRC HRV HUN IDN IND "
         "IRL ISL ITA JPN KAZ KOR LTU LUX LVA MAR MEX NLD NOR NZL POL PRT ROU SRB SVK SVN "
         "SWE TUR UKR USA UZB VNM ZAF ARG BRA EGY").split()
failures = []
counts = {}


def fail(msg):
    if len(failures) < 60:
        failures.append(msg)


def run(args, out=None, stdin=None):
    p = subprocess.run([trade] + args + (["-o", out] if out else []), capture_output=True,
                       text=True, input=stdin)
    if p.returncode != 0:
        raise SystemExit("trade %s: exit %d: %s" % (" ".join(args), p.returncode, p.stderr))
    return p.stdout


def read(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def cmp(what, got, want, tol):
    counts[what] = counts.get(what, 0) + 1
    if isinstance(want, float) and np.isnan(want):
        if got != "":
            fail("%s: got %r, want empty" % (what, got))
        return
    if got == "":
        fail("%s: empty, want %r" % (what, want))
        return
    g = float(got)
    if abs(g - want) > tol * max(1.0, abs(want)):
        fail("%s: got %r, want %r" % (what, g, want))


def make_panel(nrep, npart, nprod, years, path):
    reps = CODES[:nrep]
    parts = CODES[:npart]
    prods = ["%04d" % (100 + 7 * i) for i in range(nprod)]
    rows = []
    for y in years:
        for i, r in enumerate(reps):
            size = rnd.lognormvariate(0, 1.5)
            for k in prods:
                if rnd.random() < 0.35:
                    continue
                for j in parts:
                    if j == r or rnd.random() < 0.6:
                        continue
                    v = 0 if rnd.random() < 0.05 else round(size * rnd.lognormvariate(0, 2) * 1000, 2)
                    rows.append((r, j, y, v, k))
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["reporter", "partner", "flow", "period", "value", "unit", "product"])
        for r, j, y, v, k in rows:
            w.writerow([r, j, "export", y, repr(v), "USD", k])
    return rows


def dense(rows, year):
    R = [r for r in rows if r[2] == year]
    reps = sorted(set(r[0] for r in R))
    prods = sorted(set(r[4] for r in R))
    ci = {c: i for i, c in enumerate(reps)}
    pi = {p: i for i, p in enumerate(prods)}
    X = np.zeros((len(reps), len(prods)))
    for r, j, y, v, k in R:
        X[ci[r], pi[k]] += v
    return reps, prods, X


def complexity_ref(X, pop, thr, prox_kind, knn):
    keep_c = X.sum(1) > 0
    if pop is not None:
        keep_c &= ~np.isnan(pop)
    Xc = X[keep_c]
    keep_p = Xc.sum(0) > 0
    Xc = Xc[:, keep_p]
    C, P = Xc.shape
    rca = (Xc / Xc.sum(1, keepdims=True)) / (Xc.sum(0, keepdims=True) / Xc.sum())
    lev = rca
    rpop = None
    if pop is not None:
        pc = pop[keep_c]
        rpop = (Xc / Xc.sum(0, keepdims=True)) / (pc[:, None] / pc.sum())
        lev = rpop
    M = (lev > thr).astype(float)
    d, u = M.sum(1), M.sum(0)
    if (d == 0).any() or (u == 0).any():
        # a zero degree: trade leaves eci to cog empty for the period, as Stata
        nan = np.full((C, P), np.nan)
        return dict(keep_c=keep_c, keep_p=keep_p, rca=rca, rpop=rpop, M=M, d=d, u=u,
                    eci=nan[:, 0], pci=nan[0], density=nan, coi=nan[:, 0], cog=nan, prox=None)
    Mpp = ((M / u[None, :]) / d[:, None]).T @ M
    w, V = np.linalg.eig(Mpp)
    o = np.argsort(-w.real)
    kp = V[:, o[1]].real
    kc = (M / d[:, None]) @ kp
    if not np.corrcoef(d, kc)[0, 1] > 0:
        kc, kp = -kc, -kp
    if prox_kind == "continuous":
        prox = 0.5 * (1 + np.corrcoef(lev.T))
    else:
        co = M.T @ M
        p1 = co / u[:, None]
        prox = p1 if prox_kind == "asymmetric" else np.minimum(p1, co / u[None, :])
    np.fill_diagonal(prox, 0)
    if knn:
        simi = np.zeros_like(prox)
        for i in range(P):
            t = np.sort(prox[i])[::-1][knn - 1]
            t = (t + -1 + abs(t - -1)) / 2
            simi[i] = np.where(prox[i] >= t, prox[i], 0)
        wgt = simi
    else:
        wgt = prox
    L = lev if prox_kind == "continuous" else M
    with np.errstate(invalid="ignore", divide="ignore"):
        density = L @ np.nan_to_num(wgt / wgt.sum(1, keepdims=True)).T  # Stata's editmissing
    coi = (density * (1 - M) * kp[None, :]).sum(1)
    cog = (1 - M) * ((1 - M) @ (prox * (kp / prox.sum(1))[:, None]))
    n = C * P
    m = kc.mean()
    sd = np.sqrt(((kc - m) ** 2).sum() * P / (n - 1))
    cm = coi.mean()
    csd = np.sqrt(((coi - cm) ** 2).sum() * P / (n - 1))
    return dict(keep_c=keep_c, keep_p=keep_p, rca=rca, rpop=rpop, M=M, d=d, u=u,
                eci=(kc - m) / sd, pci=(kp - m) / sd, density=density,
                coi=(coi - cm) / csd, cog=cog / sd, prox=prox)


def check_complexity(rows, years, tag, popmap=None):
    panel = os.path.join(tmp, "panel_%s.csv" % tag)
    opts = [([], "symmetric", 1.0, 0), (["--threshold", "0.7"], "symmetric", 0.7, 0),
            (["--proximity", "asymmetric"], "asymmetric", 1.0, 0),
            (["--proximity", "continuous"], "continuous", 1.0, 0),
            (["--knn", "4"], "symmetric", 1.0, 4)]
    if popmap is not None:
        popf = os.path.join(tmp, "pop_%s.csv" % tag)
        with open(popf, "w") as f:
            f.write("reporter,period,population\n")
            for (c, y), v in sorted(popmap.items()):
                f.write("%s,%s,%r\n" % (c, y, v))
        opts = [(["--presence", "rpop", "--population", popf], "symmetric", 1.0, 0)]
    for args, pk, thr, knn in opts:
        out = os.path.join(tmp, "cx_%s.csv" % tag)
        run(["complexity"] + args + [panel], out)
        got = {(r["period"], r["reporter"], r["product"]): r for r in read(out)}
        name = "complexity %s" % " ".join(args[:2] if popmap is None else args[:2])
        for y in years:
            reps, prods, X = dense(rows, y)
            pop = None
            if popmap is not None:
                pop = np.array([popmap.get((c, y), np.nan) for c in reps])
            ref = complexity_ref(X, pop, thr, pk, knn)
            ci = np.flatnonzero(ref["keep_c"])
            pi = np.flatnonzero(ref["keep_p"])
            for a, c in enumerate(ci):
                for b, p in enumerate(pi):
                    g = got.get((y, reps[c], prods[p]))
                    if g is None:
                        fail("%s: no row %s %s %s" % (name, y, reps[c], prods[p]))
                        continue
                    cmp(name + " rca", g["rca"], ref["rca"][a, b], 1e-9)
                    if ref["rpop"] is not None:
                        cmp(name + " rpop", g["rpop"], ref["rpop"][a, b], 1e-9)
                    cmp(name + " mcp", g["mcp"], ref["M"][a, b], 0)
                    cmp(name + " diversity", g["diversity"], ref["d"][a], 0)
                    cmp(name + " ubiquity", g["ubiquity"], ref["u"][b], 0)
                    cmp(name + " eci", g["eci"], ref["eci"][a], 1e-7)
                    cmp(name + " pci", g["pci"], ref["pci"][b], 1e-7)
                    cmp(name + " density", g["density"], ref["density"][a, b], 1e-9)
                    cmp(name + " coi", g["coi"], ref["coi"][a], 1e-7)
                    cmp(name + " cog", g["cog"], ref["cog"][a, b], 1e-7)
            # rows left out carry a status
            for c in range(len(reps)):
                for p in range(len(prods)):
                    g = got.get((y, reps[c], prods[p]))
                    if g is None:
                        fail("%s: no row %s %s %s" % (name, y, reps[c], prods[p]))
                    elif not (ref["keep_c"][c] and ref["keep_p"][p]) and (g["status"] == "" or g["eci"] != ""):
                        fail("%s: %s %s %s left out without a status" % (name, y, reps[c], prods[p]))
        if pk != "symmetric" or knn or popmap is not None or thr != 1.0:
            continue
        # the proximity command, symmetric
        out = os.path.join(tmp, "prox_%s.csv" % tag)
        run(["proximity", panel], out)
        got = {(r["period"], r["product_1"], r["product_2"]): r["proximity"] for r in read(out)}
        for y in years:
            reps, prods, X = dense(rows, y)
            ref = complexity_ref(X, None, 1.0, "symmetric", 0)
            pi = np.flatnonzero(ref["keep_p"])
            for a, p in enumerate(pi):
                for b, q in enumerate(pi):
                    cmp("proximity", got.get((y, prods[p], prods[q]), ""), ref["prox"][a, b], 1e-12)


def check_indicators(rows, years, tag):
    panel = os.path.join(tmp, "panel_%s.csv" % tag)
    res = {}
    for k in ["rca", "intensity", "complementarity", "similarity", "grubel-lloyd",
              "penetration", "normalized-balance"]:
        out = os.path.join(tmp, "ind_%s_%s.csv" % (tag, k))
        run(["indicator", k, panel], out)
        res[k] = {(r["period"], r["reporter"], r["partner"], r["product"]): r["value"]
                  for r in read(out)}
    for y in years:
        R = [r for r in rows if r[2] == y]
        x = {}
        for r, j, _, v, k in R:
            x[(r, j, k)] = x.get((r, j, k), 0) + v
        reps = sorted(set(r[0] for r in R))
        cties = sorted(set(r[0] for r in R) | set(r[1] for r in R))
        prods = sorted(set(r[4] for r in R))
        xik = {(i, k): sum(v for (a, j, b), v in x.items() if a == i and b == k)
               for i in reps for k in prods}
        mjk = {(j, k): sum(v for (a, b, c), v in x.items() if b == j and c == k)
               for j in cties for k in prods}
        Xi = {i: sum(xik[(i, k)] for k in prods) for i in reps}
        Mj = {j: sum(mjk[(j, k)] for k in prods) for j in cties}
        xw = {k: sum(xik[(i, k)] for i in reps) for k in prods}
        Xw = sum(Xi.values())
        present = {(i, k) for (i, j, k) in x}
        for (i, k) in present:
            want = (xik[(i, k)] / Xi[i]) / (xw[k] / Xw) if Xi[i] > 0 and xw[k] > 0 else float("nan")
            cmp("rca", res["rca"].get((y, i, "", k), "<none>"), want, 1e-12)
            nserved = sum(1 for j in cties if x.get((i, j, k), 0) > 0)
            nimp = sum(1 for j in cties if j != i and mjk[(j, k)] > 0)
            cmp("penetration", res["penetration"].get((y, i, "", k), "<none>"),
                100.0 * nserved / nimp if nimp else float("nan"), 1e-12)
        xij = {}
        for (i, j, k), v in x.items():
            xij[(i, j)] = xij.get((i, j), 0) + v
        xwj = {j: sum(v for (i, jj), v in xij.items() if jj == j) for j in cties}
        for (i, j), v in xij.items():
            want = (v / Xi[i]) / (xwj[j] / Xw) if Xi[i] > 0 and xwj[j] > 0 else float("nan")
            cmp("intensity", res["intensity"].get((y, i, j, ""), "<none>"), want, 1e-12)
        for i in reps:
            if not Xi[i] > 0:
                continue
            for j in cties:
                if j == i or not Mj[j] > 0:
                    continue
                s = sum(abs(mjk[(j, k)] / Mj[j] - xik[(i, k)] / Xi[i]) for k in prods)
                cmp("complementarity", res["complementarity"].get((y, i, j, ""), "<none>"),
                    100 * (1 - s / 2), 1e-12)
            for b in reps:
                if b <= i or not Xi[b] > 0:
                    continue
                s = sum(min(xik[(i, k)] / Xi[i], xik[(b, k)] / Xi[b]) for k in prods)
                cmp("similarity", res["similarity"].get((y, i, b, ""), "<none>"), 100 * s, 1e-12)
        for i in cties:
            num = numb = den = 0.0
            anyk = False
            for k in prods:
                xv = xik.get((i, k), 0.0)
                mv = mjk[(i, k)]
                if (i, k) not in present and not mv > 0:
                    continue
                anyk = True
                gl = 1 - abs(xv - mv) / (xv + mv) if xv + mv > 0 else float("nan")
                nb = (xv - mv) / (xv + mv) if xv + mv > 0 else float("nan")
                cmp("grubel-lloyd", res["grubel-lloyd"].get((y, i, "", k), "<none>"), gl, 1e-12)
                cmp("normalized-balance", res["normalized-balance"].get((y, i, "", k), "<none>"),
                    nb, 1e-12)
                num += xv + mv - abs(xv - mv)
                numb += xv - mv
                den += xv + mv
            if anyk:
                cmp("grubel-lloyd all", res["grubel-lloyd"].get((y, i, "", ""), "<none>"),
                    num / den if den > 0 else float("nan"), 1e-12)
                cmp("normalized-balance all", res["normalized-balance"].get((y, i, "", ""), "<none>"),
                    numb / den if den > 0 else float("nan"), 1e-12)


def check_unit_values(tag):
    path = os.path.join(tmp, "uv_%s.csv" % tag)
    groups = {}
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["reporter", "partner", "flow", "period", "value", "unit", "product", "qualifier"])
        for r in CODES[:8]:
            for k in ["01", "02", "03"]:
                for j in CODES[10:16]:
                    if rnd.random() < 0.3:
                        continue
                    v = round(rnd.uniform(0, 1000), 2)
                    g = groups.setdefault((r, k), [0.0, 0.0, False, 0])
                    g[0] += v
                    w.writerow([r, j, "export", "2020", repr(v), "USD", k, ""])
                    u = rnd.random()
                    if u < 0.15:
                        g[2] = True  # no quantity row for this partner
                    else:
                        q = 0.0 if u < 0.2 else round(rnd.uniform(0, 50), 3)
                        lb = rnd.random() < 0.1
                        g[1] += q
                        g[2] |= lb
                        g[3] += 1
                        w.writerow([r, j, "export", "2020", repr(q), "t", k, "lower_bound" if lb else ""])
    out = os.path.join(tmp, "uvout_%s.csv" % tag)
    run(["indicator", "unit-value", path], out)
    got = {(r["reporter"], r["product"]): r for r in read(out)}
    for (r, k), (v, q, lower, nq) in groups.items():
        g = got.get((r, k))
        if g is None:
            fail("unit-value: no row %s %s" % (r, k))
            continue
        want = v / q if nq and q > 0 else float("nan")
        cmp("unit-value", g["unit_value"], want, 1e-12)
        counts["unit-value qualifier"] = counts.get("unit-value qualifier", 0) + 1
        if q > 0 and nq and (g["qualifier"] == "upper_bound") != lower:
            fail("unit-value %s %s: qualifier %r, lower bound %s" % (r, k, g["qualifier"], lower))


def check_deflate(tag):
    years = list(range(2001, 2013))
    index = {y: round(rnd.uniform(60, 140), 3) for y in years}
    dpath = os.path.join(tmp, "defl_%s.csv" % tag)
    with open(dpath, "w") as f:
        f.write("period,currency,index\n")
        for y in years:
            f.write("%d,USD,%r\n" % (y, index[y]))
    fpath = os.path.join(tmp, "flows_%s.csv" % tag)
    vals = {}
    with open(fpath, "w") as f:
        f.write("reporter,partner,flow,period,value,unit\n")
        for r in CODES[:5]:
            for y in years:
                v = round(rnd.uniform(1, 1e6), 2)
                vals[(r, y)] = v
                f.write("%s,WLD,export,%d,%r,USD\n" % (r, y, v))
    base = 2007
    real = run(["deflate", "--deflators", dpath, "--base", str(base), fpath])
    gpath = os.path.join(tmp, "growth_%s.csv" % tag)
    run(["growth", "-"], gpath, stdin=real)
    got = {(r["reporter"], r["period_from"], r["period_to"]): r["growth_pct"] for r in read(gpath)}
    for r in CODES[:5]:
        for y in years[1:]:
            a = vals[(r, y - 1)] * index[base] / index[y - 1]
            b = vals[(r, y)] * index[base] / index[y]
            cmp("deflated growth", got.get((r, str(y - 1), str(y)), "<none>"), 100 * (b / a - 1), 1e-9)


years = ["2019", "2020"]
rows = make_panel(14, 18, 40, years, os.path.join(tmp, "panel_wide.csv"))
check_complexity(rows, years, "wide")
check_indicators(rows, years, "wide")
popmap = {(c, y): rnd.uniform(1e5, 1e8) for c in CODES[:14] for y in years if c != CODES[3]}
check_complexity(rows, years, "wide", popmap)
rows = make_panel(30, 30, 12, years, os.path.join(tmp, "panel_tall.csv"))
check_complexity(rows, years, "tall")
# 300 products: the proximity blocks are shared by two threads
rows = make_panel(10, 12, 300, years[:1], os.path.join(tmp, "panel_threads.csv"))
check_complexity(rows, years[:1], "threads")
check_unit_values("uv")
check_deflate("defl")

for k in sorted(counts):
    print("%-28s %6d compared" % (k, counts[k]))
for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
