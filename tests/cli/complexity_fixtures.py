"""Reproduce the Growth Lab's published ecomplexity (Stata) results.

Usage: complexity_fixtures.py TRADE FIXTURE_DIR TMPDIR

Every file of FIXTURE_DIR is checked (a file this script does not know is a
failure, so a new fixture cannot be skipped silently). The panel given to
trade is the fixture's own year, origin, hs92 and export_val columns (the
values as Stata held them), written as observation CSV: reporter = origin
upper-cased, partner WLD, flow export, unit USD, product = hs92. The
proximity files have no year column: their rows are the years of
trade_data_sample.csv in order, P x P rows each. Tolerances (the fixtures'
own): mcp, diversity, ubiquity exact; rca, rpop, eci, pci relative 1e-5;
density, coi, cog 1e-4 (relative, absolute below 1); an empty cell in the
fixture must be empty in ours, with a status.
"""
import csv
import os
import subprocess
import sys

trade, fixdir, tmp = sys.argv[1:4]

KNOWN = {
    "stata_ground_truth.csv": [],
    "stata_single_year_1995.csv": [],
    "stata_rca_05.csv": ["--threshold", "0.5"],
    "stata_rca_2.csv": ["--threshold", "2"],
    "stata_discrete_asymmetric.csv": ["--proximity", "asymmetric"],
    "stata_continuous.csv": ["--proximity", "continuous"],
    "stata_continuous_knn_10.csv": ["--proximity", "continuous", "--knn", "10"],
    "stata_knn_5.csv": ["--knn", "5"],
    "stata_knn_10.csv": ["--knn", "10"],
    "stata_knn_20.csv": ["--knn", "20"],
    "stata_rpop_default.csv": ["--presence", "rpop"],
    "stata_rpop_2.csv": ["--presence", "rpop", "--threshold", "2"],
    "stata_continuous_rpop.csv": ["--presence", "rpop", "--proximity", "continuous"],
}
PROX = {
    "stata_proximity_discrete_sym.csv": [],
    "stata_proximity_discrete_asym.csv": ["--proximity", "asymmetric"],
    "stata_proximity_continuous.csv": ["--proximity", "continuous"],
}
INPUTS = {"trade_data_sample.csv", "population_data_sample.csv"}
# Fixtures of Stata options this port does not have (say so, do not skip):
UNSUPPORTED = {
    "stata_manual_mcp.csv": "a given Mcp matrix (Stata's bi option)",
    "manual_mcp_sample.csv": "input of stata_manual_mcp.csv",
    "stata_rca_rpop_combined.csv": "presence by RCA or RPOP together",
}
EXACT = {"M": "mcp", "diversity": "diversity", "ubiquity": "ubiquity"}
REL5 = {"rca": "rca", "rpop": "rpop", "eci": "eci", "pci": "pci"}
REL4 = {"density": "density", "coi": "coi", "cog": "cog"}

failures = []
report = []


def read(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def write_panel(rows, path):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["reporter", "partner", "flow", "period", "value", "unit", "product"])
        for r in rows:
            w.writerow([r["origin"].upper(), "WLD", "export", r["year"], r["export_val"],
                        "USD", r["hs92"]])


def write_population(path):
    rows = read(os.path.join(fixdir, "population_data_sample.csv"))
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["reporter", "period", "population"])
        for r in rows:
            # Stata's import delimited holds the population as a float, as
            # the fixtures print it
            import struct
            v = struct.unpack("f", struct.pack("f", float(r["population"])))[0]
            w.writerow([r["origin"].upper(), r["year"], repr(v).rstrip("0").rstrip(".")])


def run(args, out):
    p = subprocess.run([trade] + args + ["-o", out], capture_output=True, text=True)
    if p.returncode != 0:
        failures.append("trade %s: exit %d: %s" % (" ".join(args), p.returncode, p.stderr.strip()))
        return None
    return read(out)


def close(a, b, rel):
    if b == 0:
        return abs(a) <= rel
    return abs(a - b) <= rel * max(abs(b), 1.0 if rel >= 1e-4 else abs(b))


def compare(name, fixture, ours):
    idx = {(r["period"], r["reporter"], r["product"]): r for r in ours}
    worst = {}
    nfix = 0
    fixkeys = {(f["year"], f["origin"].upper(), f["hs92"]) for f in fixture}
    for f in fixture:
        key = (f["year"], f["origin"].upper(), f["hs92"])
        o = idx.get(key)
        if o is None:
            failures.append("%s: no row for %s" % (name, key))
            continue
        nfix += 1
        for groups, tol in ((EXACT, 0.0), (REL5, 1e-5), (REL4, 1e-4)):
            for fc, oc in groups.items():
                if fc not in f:
                    continue
                fv, ov = f[fc], o[oc]
                if fv == "" or fv == ".":
                    if ov != "" or o["status"] == "":
                        failures.append("%s %s %s: fixture empty, ours %r (status %r)"
                                        % (name, key, oc, ov, o["status"]))
                    continue
                if ov == "":
                    failures.append("%s %s %s: ours empty (%s), fixture %s"
                                    % (name, key, oc, o["status"], fv))
                    continue
                a, b = float(ov), float(fv)
                if tol == 0.0:
                    ok = a == b
                    err = abs(a - b)
                else:
                    ok = close(a, b, tol)
                    err = abs(a - b) / max(abs(b), 1e-300)
                worst[oc] = max(worst.get(oc, 0.0), err)
                if not ok:
                    failures.append("%s %s %s: ours %s, fixture %s" % (name, key, oc, ov, fv))
    extra = len(ours) - nfix
    for o in ours:
        if (o["period"], o["reporter"], o["product"]) not in fixkeys and o["status"] == "":
            failures.append("%s: row %s %s %s is not in the fixture and has no status"
                            % (name, o["period"], o["reporter"], o["product"]))
    report.append("%s: %d rows%s; worst relative difference %s" % (
        name, nfix, (", %d more rows of ours with a status" % extra) if extra else "",
        ", ".join("%s %.1e" % kv for kv in sorted(worst.items()))))
    for o in ours:
        key = (o["period"], o["reporter"], o["product"])
        if o["status"] == "" and any(o[c] == "" for c in ("rca", "eci", "density")):
            failures.append("%s %s: an empty cell without a status" % (name, key))


def compare_prox(name, fixture, ours):
    sample = read(os.path.join(fixdir, "trade_data_sample.csv"))
    years = sorted(set(r["year"] for r in sample))
    prods = sorted(set(r["hs92"] for r in sample))
    n = len(prods) ** 2
    if len(fixture) != n * len(years):
        failures.append("%s: %d rows, expected %d" % (name, len(fixture), n * len(years)))
        return
    idx = {(r["period"], r["product_1"], r["product_2"]): r for r in ours}
    worst = 0.0
    for i, f in enumerate(fixture):
        y = years[i // n]
        o = idx.get((y, f["hs92_1"], f["hs92_2"]))
        if o is None or o["proximity"] == "":
            failures.append("%s: no proximity for %s %s %s" % (name, y, f["hs92_1"], f["hs92_2"]))
            continue
        a, b = float(o["proximity"]), float(f["proximity"])
        worst = max(worst, abs(a - b))
        if abs(a - b) > 1e-4 * max(1.0, abs(b)):
            failures.append("%s %s %s %s: ours %s, fixture %s"
                            % (name, y, f["hs92_1"], f["hs92_2"], a, b))
    report.append("%s: %d pairs; worst absolute difference %.1e" % (name, len(fixture), worst))


pop = os.path.join(tmp, "population.csv")
write_population(pop)
sample_panel = os.path.join(tmp, "sample_panel.csv")
write_panel(read(os.path.join(fixdir, "trade_data_sample.csv")), sample_panel)
for name in sorted(os.listdir(fixdir)):
    path = os.path.join(fixdir, name)
    if name in INPUTS:
        continue
    if name in UNSUPPORTED:
        report.append("%s: not compared: %s is not an option of trade complexity"
                      % (name, UNSUPPORTED[name]))
        continue
    if name in KNOWN:
        fixture = read(path)
        panel = os.path.join(tmp, "panel_" + name)
        write_panel(fixture, panel)
        args = ["complexity"] + KNOWN[name]
        if "rpop" in args:
            # the whole sample: BLX has no population, so it must come out
            # with a status and be left out of the others' figures
            args += ["--population", pop]
            panel = sample_panel
        ours = run(args + [panel], os.path.join(tmp, "out_" + name))
        if ours is not None:
            compare(name, fixture, ours)
    elif name in PROX:
        ours = run(["proximity"] + PROX[name] + [sample_panel], os.path.join(tmp, "out_" + name))
        if ours is not None:
            compare_prox(name, read(path), ours)
    else:
        failures.append("%s: a fixture this test does not know" % name)

for line in report:
    print(line)
for line in failures[:40]:
    print("FAIL:", line)
if failures:
    print("%d failures" % len(failures))
    sys.exit(1)
print("all fixtures reproduced")
