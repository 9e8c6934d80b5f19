#!/usr/bin/env python3
"""Score `trade extract` against figures keyed by hand.

usage: extract_score.py TRADE KEYS.csv DIR [--min-recall R] [--min-complete C]
                        [--min-precision P] [-v]
       extract_score.py TRADE --datasets DATASETS_DIR BRIEFS_DIR [...]

With --datasets, the keys are the rows of DATASETS_DIR/*.csv (their source
is the brief DIR/<source>.txt, their locator "line N" the figure's line;
derived rows are left out): the briefs' own figures.

KEYS.csv: file,find,reporter,partner,flow,period,value,unit,qualifier,measure;
one row per figure of DIR/<file>.txt, in text order. `find` is the figure as
written; its line is the first line at or after the previous key's line (of
the same file) that holds it. The measures are the ones of the issue:
- value recall: the share of keys with an extracted row on the key's line
  with the same unit and a value within 0.5 % (growth rates signed);
- complete observations: the share of keys whose matched row also has the
  key's reporter, partner, flow and period (periods compared as month
  spans: 2023-Q1 equals 2023-01/2023-03);
- precision: the share of extracted money and tonnage rows (ISO currency,
  t, m3) that match a key;
- every draft passes `trade validate --draft`.
Each extracted row matches at most one key. Prints each miss with its
kind (value, reporter, partner, flow, period) and a summary line.

The texts are read by one `trade extract` run (each file is its own source,
so its rows are the ones a run on that file alone gives, named by the source
column) and its draft checked by one `trade validate --draft` run (whose
duplicate check keys on the source too); when that draft is invalid, each
text is run and checked alone to name the invalid ones. Under valgrind
(TRADE_VALGRIND=1) two runs instead of two a text save most of the test's
time: the tool's start-up there takes seconds.

tests/data/extract/dev-keys.csv keys 350 figures of 32 public texts (news
wires, statistics releases, ministry and agency pages) named in
dev-sources.csv; the texts are not in the repository (excerpts of those
pages, the figures' paragraphs). tests/data/extract/held-keys.csv keys 289
figures of 28 other public texts (held-sources.csv), from publishers that
are not in the development set, keyed before the command was run on them:
the held-out set. tests/data/extract/table-keys.csv keys every cell of 8
summary tables of statistics offices and agencies (table-sources.csv: 215
figures), pasted as plain text the way a page or `pdftotext -layout` gives
them. tests/data/extract/fresh5-keys.csv keys 314 figures of 18 public
texts (fresh5-sources.csv: news wires, statistics offices, a government
news page) from publishers and reporting countries no earlier set uses,
keyed before the command was run on them; fresh6-keys.csv, 257 figures of
15 more such texts (the Gulf, West and Central Africa, the Baltic, the
Pacific, Latin America). tests/cli/extract_real.sh scores
the sets when their texts are given. tests/data/extract/expected-context.csv
keys the short texts of tests/data/extract/context/, written for the tests."""
import argparse
import os
import collections
import csv
import io
import subprocess
import sys


def months(p):
    """A period as a (first, last) month number pair, or None."""
    if not p:
        return None
    parts = p.split("/")

    def one(s, end):
        if len(s) == 4:
            y = int(s)
            return y * 12 + (11 if end else 0)
        y = int(s[:4])
        if s[5] == "Q":
            q = int(s[6])
            return y * 12 + (q - 1) * 3 + (2 if end else 0)
        return y * 12 + int(s[5:7]) - 1

    try:
        if len(parts) == 1:
            return (one(parts[0], False), one(parts[0], True))
        return (one(parts[0], False), one(parts[1], True))
    except (ValueError, IndexError):
        return None


def money_tonnage(u):
    return u in ("t", "m3") or (len(u) == 3 and u.isupper() and u != "TEU")


def extract_one(trade, path, f):
    """The draft of one text: its CSV bytes (exit 1 when extract fails)."""
    run = subprocess.run([trade, "extract", path], capture_output=True)
    if run.returncode != 0:
        print(f"FAIL {f}: extract exit {run.returncode}: {run.stderr.decode()}")
        sys.exit(1)
    return run.stdout


def invalid_draft(trade, out):
    """The messages of `trade validate --draft` on a draft, or None if valid."""
    v = subprocess.run([trade, "validate", "--draft", "-"], input=out, capture_output=True)
    return v.stderr.decode().strip() if v.returncode != 0 else None


def extract_all(trade, folder, files):
    """The extracted rows of each text DIR/<f>.txt, by f, and the number of
    invalid drafts (each printed)."""
    paths = [f"{folder}/{f}.txt" for f in files]
    # the source trade extract gives a file: its name without folder and extension
    sources = [os.path.splitext(os.path.basename(p))[0] for p in paths]
    rows_of = {f: [] for f in files}
    if len(set(sources)) < len(files):
        # two texts of one source name would be merged: one run each
        invalid = 0
        for f, path in zip(files, paths):
            out = extract_one(trade, path, f)
            msg = invalid_draft(trade, out)
            if msg is not None:
                invalid += 1
                print(f"INVALID {f}: {msg}")
            rows_of[f] = list(csv.DictReader(io.StringIO(out.decode("utf-8"))))
        return rows_of, invalid
    run = subprocess.run([trade, "extract", *paths], capture_output=True)
    if run.returncode != 0:
        print(f"FAIL: extract exit {run.returncode}: {run.stderr.decode()}")
        sys.exit(1)
    file_of = dict(zip(sources, files))
    for r in csv.DictReader(io.StringIO(run.stdout.decode("utf-8"))):
        if r["source"] not in file_of:
            print(f"FAIL: a row of source '{r['source']}', not one of the texts")
            sys.exit(1)
        rows_of[file_of[r["source"]]].append(r)
    msg = invalid_draft(trade, run.stdout)
    if msg is None:
        return rows_of, 0
    # name the invalid drafts: each text alone, as before the runs were joined
    invalid = 0
    for f, path in zip(files, paths):
        one = invalid_draft(trade, extract_one(trade, path, f))
        if one is not None:
            invalid += 1
            print(f"INVALID {f}: {one}")
    if not invalid:
        invalid = 1
        print(f"INVALID (the texts' joined draft): {msg}")
    return rows_of, invalid


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("trade")
    ap.add_argument("keys", help="KEYS.csv, or with --datasets the datasets folder")
    ap.add_argument("--datasets", action="store_true")
    ap.add_argument("dir")
    ap.add_argument("--min-recall", type=float, default=0)
    ap.add_argument("--min-complete", type=float, default=0)
    ap.add_argument("--min-precision", type=float, default=0)
    ap.add_argument("-v", action="store_true", help="print every miss")
    ap.add_argument("--allow-absent", action="store_true",
                    help="score the keys of the texts present, naming the absent ones")
    a = ap.parse_args()
    if a.datasets:
        import glob
        import re
        keys = []
        for fn in sorted(glob.glob(os.path.join(a.keys, "*.csv"))):
            for r in csv.DictReader(open(fn, encoding="utf-8")):
                m = re.search(r"line (\d+)", r.get("locator", ""))
                if not m or r.get("qualifier") == "derived":
                    continue
                r["file"] = r["source"]
                r["line"] = int(m.group(1))
                keys.append(r)
    else:
        keys = list(csv.DictReader(open(a.keys, encoding="utf-8")))
    files = list(dict.fromkeys(k["file"] for k in keys))
    n = found = complete = 0
    emitted = real = 0
    kinds = collections.Counter()
    absent = [f for f in files if not os.path.exists(f"{a.dir}/{f}.txt")]
    if absent and not a.allow_absent:
        print(f"FAIL: {len(absent)} keyed texts absent from {a.dir}: {', '.join(absent)}")
        sys.exit(1)
    if absent:
        # a page that can no longer be had: its keys are left out, and said
        skipped = sum(1 for k in keys if k["file"] in absent)
        print(f"absent: {len(absent)} texts ({skipped} keys) not scored: {', '.join(absent)}")
        files = [f for f in files if f not in absent]
        keys = [k for k in keys if k["file"] not in absent]
    rows_of, invalid = extract_all(a.trade, a.dir, files)
    for f in files:
        path = f"{a.dir}/{f}.txt"
        lines = open(path, encoding="utf-8").read().split("\n")
        rows = rows_of[f]
        used = set()
        at = at_col = 0
        for k in (k for k in keys if k["file"] == f):
            n += 1
            if a.datasets:
                line = k["line"] - 1
            else:
                # the first occurrence after the previous key's (keys are in text order)
                line = None
                for i in range(at, len(lines)):
                    c = lines[i].find(k["find"], at_col if i == at else 0)
                    if c >= 0:
                        line, at_col = i, c + 1
                        break
            if line is None and k.get("find") and lines[at].find(k["find"], max(0, at_col - 1)) >= 0:
                line = at  # a second reading of the figure just keyed (two rows, one figure)
            if line is None and a.allow_absent and not any(k["find"] in l for l in lines):
                # a page stored in part: the figure is not in this copy at all
                print(f"absent: {f}: '{k['find']}' is not in this copy; not scored")
                n -= 1
                continue
            if line is None:
                print(f"KEY {f}: '{k['find']}' not found after line {at + 1}")
                sys.exit(2)
            at = line
            kv = float(k["value"])
            cands = [i for i, r in enumerate(rows)
                     if i not in used and int(r["line"]) == line + 1 and r["unit"] == k["unit"]
                     and abs(float(r["value"]) - kv) <= abs(kv) * 0.005 + 1e-9]
            if not cands:
                kinds["value"] += 1
                if a.v:
                    print(f"MISS value {f}:{line + 1} {k.get('find', '')} = {k['value']} {k['unit']}")
                continue
            found += 1

            def wrong(r):
                w = []
                for c in ("reporter", "partner", "flow"):
                    if r[c] != k[c]:
                        w.append(c)
                if months(r["period"]) != months(k["period"]):
                    w.append("period")
                return w
            best = min(cands, key=lambda i: len(wrong(rows[i])))
            used.add(best)
            w = wrong(rows[best])
            if not w:
                complete += 1
            else:
                for c in w:
                    kinds[c] += 1
                if a.v:
                    r = rows[best]
                    got = ",".join(r[c] for c in ("reporter", "partner", "flow", "period"))
                    want = ",".join(k[c] for c in ("reporter", "partner", "flow", "period"))
                    print(f"MISS {'+'.join(w)} {f}:{line + 1} {k.get('find', k['value'])}: got {got} want {want}")
        for i, r in enumerate(rows):
            if money_tonnage(r["unit"]):
                emitted += 1
                if i in used:
                    real += 1
                elif a.v:
                    print(f"EXTRA {f}:{r['line']} {r['value']} {r['unit']} [{r['as_written']}]")
    recall = found / max(1, n)
    comp = complete / max(1, n)
    prec = real / max(1, emitted)
    print(f"{len(files)} texts, {n} figures: value recall {found}/{n} = {recall:.3f}; "
          f"complete {complete}/{n} = {comp:.3f}; money/tonnage precision {real}/{emitted} = "
          f"{prec:.3f}; invalid drafts {invalid}")
    print("wrong or missing fields among found values: " +
          ", ".join(f"{c} {kinds[c]}" for c in ("reporter", "partner", "flow", "period")) +
          f"; values missed {kinds['value']}")
    if recall < a.min_recall or comp < a.min_complete or prec < a.min_precision or invalid:
        sys.exit(1)


main()
