#!/bin/sh
# warc.sh [BUILD_DIR] -- throughput of WARC input against the same pages as files.
#
# Writes the development pages (../shared/data/wcxb-dev-article and scrapinghub, gzip
# each) into one WARC gzipped record by record, as Common Crawl ships them: a request
# record, then a response record (HTTP headers, the page) per page, behind a warcinfo.
# Then measures, best of WINNOW_BENCH_REPEAT runs (default 3), the CPU time (user+sys)
# and the wall time of
#   files: winnow -j1 -r -f jsonl DIR   (the .html.gz files, one input each)
#   warc:  winnow -j1 -f jsonl PAGES.warc.gz
# and the same with -j2, and prints pages/s and the ratio warc/files (target: the WARC
# within 15% of the files).  The outputs are checked to hold the same texts first.
# Needs python3, /usr/bin/time and ../shared beside the checkout.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
shared=${WINNOW_SHARED:-$root/../shared}
reps=${WINNOW_BENCH_REPEAT:-3}
[ -x /usr/bin/time ] || { echo "warc.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
command -v python3 > /dev/null || { echo "warc.sh: needs python3" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release > /dev/null
cmake --build "$build" -j2 --target winnow > /dev/null
w=$build/winnow

mkdir -p "$tmp/pages"
for d in wcxb-dev-article scrapinghub; do
  [ -d "$shared/data/$d/html" ] || { echo "warc.sh: no $shared/data/$d/html" >&2; exit 2; }
  for f in "$shared/data/$d/html"/*.html.gz; do cp "$f" "$tmp/pages/$d-$(basename "$f")"; done
done
python3 - "$tmp/pages" "$tmp/pages.warc.gz" <<'PY'
import gzip, os, sys, uuid
src, dst = sys.argv[1], sys.argv[2]
def record(kind, uri, ctype, block):
    head = ("WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
            "WARC-Date: 2026-12-06T00:00:00Z\r\n%sContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
            % (kind, uuid.uuid4(), "WARC-Target-URI: %s\r\n" % uri if uri else "", ctype, len(block)))
    return gzip.compress(head.encode() + block + b"\r\n\r\n", 6)
with open(dst, "wb") as out:
    out.write(record("warcinfo", None, "application/warc-fields", b"software: bench/warc.sh\r\n"))
    for name in sorted(os.listdir(src)):
        page = gzip.open(os.path.join(src, name)).read()
        uri = "http://bench.invalid/" + name[:-3]
        req = b"GET /%s HTTP/1.1\r\nHost: bench.invalid\r\n\r\n" % name[:-3].encode()
        out.write(record("request", uri, "application/http;msgtype=request", req))
        resp = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n"
                % len(page)) + page
        out.write(record("response", uri, "application/http;msgtype=response", resp))
PY
n=$(ls "$tmp/pages" | wc -l)

# Same texts both ways (the order is the same: sorted names).
"$w" -j2 -r -f jsonl "$tmp/pages" | python3 -c 'import json,sys; [print(json.dumps(json.loads(l)["text"])) for l in sys.stdin]' > "$tmp/files.txt"
"$w" -j2 -f jsonl "$tmp/pages.warc.gz" | python3 -c 'import json,sys; [print(json.dumps(json.loads(l)["text"])) for l in sys.stdin]' > "$tmp/warc.txt"
cmp -s "$tmp/files.txt" "$tmp/warc.txt" || { echo "warc.sh: the WARC and the files give different texts" >&2; exit 1; }

# best CPU and wall seconds of `winnow ARGS` over the repetitions: "cpu wall"
best() {
  : > "$tmp/runs"
  i=0
  while [ $i -lt "$reps" ]; do
    /usr/bin/time -f '%U %S %e' -o "$tmp/t" "$w" "$@" > /dev/null
    cat "$tmp/t" >> "$tmp/runs"
    i=$((i + 1))
  done
  python3 -c 'import sys
runs = [list(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
print(min(u + s for u, s, e in runs), min(e for u, s, e in runs))' "$tmp/runs"
}
echo "pages: $n ($(du -sk "$tmp/pages" | cut -f1) KB of .html.gz files; WARC $(du -k "$tmp/pages.warc.gz" | cut -f1) KB)"
for j in 1 2; do
  set -- $(best -j$j -r -f jsonl "$tmp/pages")
  fc=$1 fw=$2
  set -- $(best -j$j -f jsonl "$tmp/pages.warc.gz")
  wc_=$1 ww=$2
  python3 - "$j" "$n" "$fc" "$fw" "$wc_" "$ww" <<'PY'
import sys
j, n, fc, fw, wc, ww = sys.argv[1], int(sys.argv[2]), *map(float, sys.argv[3:])
print("-j%s files: %.2f s CPU, %.2f s wall, %.0f pages/s   warc: %.2f s CPU, %.2f s wall, %.0f pages/s"
      "   warc/files: CPU %.3f, wall %.3f" % (j, fc, fw, n / fw, wc, ww, n / ww, wc / fc, ww / fw))
PY
done
