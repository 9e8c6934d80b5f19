#!/usr/bin/env bash
# Build the report from datasets/, open its index.html in headless Chromium
# (as a file: no server) and check that every image on the page loaded
# (naturalWidth > 0) and that there are at least five. A copy of the page
# with a small script appended writes each image's src and naturalWidth into
# the DOM, which --dump-dom prints. Exit 77 (skipped) when chromium is absent.
set -u
: "${TRADE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/cli/lib.sh"
CHROMIUM=${CHROMIUM:-}
if [ -z "$CHROMIUM" ]; then
    for c in chromium chromium-browser google-chrome; do
        if command -v "$c" >/dev/null 2>&1; then CHROMIUM=$(command -v "$c"); break; fi
    done
fi
if [ -z "$CHROMIUM" ]; then
    echo "SKIP: chromium not found (install Debian's chromium package)"
    exit 77
fi
command -v gnuplot >/dev/null 2>&1 || { echo "FAIL: gnuplot is needed for the report's images"; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; lib_cleanup' EXIT
out="$tmp/report"
"$TRADE" report "$SRCDIR/datasets" -o "$out" 2>"$tmp/report.err" || {
    echo "FAIL: trade report exited $?"; cat "$tmp/report.err"; exit 1; }

# the page as shipped, plus the probe just before </body>
python3 - "$out/index.html" "$out/probe.html" <<'PY'
import sys
page = open(sys.argv[1], encoding="utf-8").read()
probe = """<script>
window.addEventListener('load', function () {
  var r = [];
  for (var i = 0; i < document.images.length; i++) {
    var im = document.images[i];
    r.push(im.getAttribute('src') + ' ' + im.naturalWidth + ' ' + im.complete);
  }
  var pre = document.createElement('pre');
  pre.id = 'imgcheck';
  pre.textContent = 'IMAGES ' + document.images.length + '\\n' + r.join('\\n') + '\\nEND';
  document.body.appendChild(pre);
});
</script>
"""
assert page.count("</body>") == 1
open(sys.argv[2], "w", encoding="utf-8").write(page.replace("</body>", probe + "</body>"))
PY

profile="$tmp/profile"
mkdir -p "$profile"
timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --disable-quic --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --disable-extensions --user-data-dir="$profile" \
    --allow-file-access-from-files --virtual-time-budget=10000 \
    --run-all-compositor-stages-before-draw \
    --dump-dom "file://$out/probe.html" >"$tmp/dom.html" 2>"$tmp/chromium.err"
rc=$?
if [ $rc -ne 0 ] || ! grep -q 'IMAGES' "$tmp/dom.html"; then
    echo "FAIL: chromium exited $rc without the probe's result"
    tail -20 "$tmp/chromium.err"
    exit 1
fi

python3 - "$tmp/dom.html" "$out/index.html" <<'PY'
import re, sys, html
dom = open(sys.argv[1], encoding="utf-8").read()
page = open(sys.argv[2], encoding="utf-8").read()
m = re.search(r'<pre id="imgcheck">(.*?)</pre>', dom, re.S)
if not m:
    sys.exit("FAIL: no probe output in the DOM")
lines = html.unescape(m.group(1)).strip().split("\n")
n = int(lines[0].split()[1])
rows = [l.split() for l in lines[1:-1]]
linked = re.findall(r'<img src="([^"]+)"', page)
fail = 0
if n < 5:
    print(f"FAIL: only {n} images on the page"); fail = 1
if n != len(linked):
    print(f"FAIL: {n} images loaded in the DOM, {len(linked)} <img> in index.html"); fail = 1
for src, width, complete in rows:
    if int(width) <= 0:
        print(f"FAIL: image {src} did not load (naturalWidth {width})"); fail = 1
if not fail:
    print(f"{n} images, every one loaded (naturalWidth > 0): "
          + ", ".join(f"{s} {w}px" for s, w, _ in rows))
sys.exit(fail)
PY
