#!/bin/sh
# nocontent.sh WINNOW [SET/SUB=MAX ...] -- where winnow says a page has no main content
# ("status": "no_content") on the development sets: for each SET/SUB (scrapinghub,
# wcxb-dev-article, wcxb-dev-other and dragnet-train; html and text-innertext) the
# pages, how many are no_content, and each one's id and reason.  A page called empty
# outputs nothing, so on article sets this should stay 0.  With SET/SUB=MAX floors,
# exits 1 when a set has more no_content pages than MAX.
# Example: bench/nocontent.sh build/winnow scrapinghub/html=0 wcxb-dev-article/html=0
set -eu
bin=$1
shift
root=$(cd "$(dirname "$0")/.." && pwd)
data=${WINNOW_SHARED:-$root/../shared}/data
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
: > "$out/counts"
for set in scrapinghub wcxb-dev-article wcxb-dev-other dragnet-train; do
  for sub in html text-innertext; do
    [ -d "$data/$set/$sub" ] || continue
    type=html
    case $sub in text-*) type=text ;; esac
    "$bin" -r -q -j 0 --type="$type" -f jsonl "$data/$set/$sub" > "$out/records" 2>/dev/null || true
    python3 - "$set/$sub" "$out/records" "$out/counts" << 'PY'
import json, os, sys
name, records, counts = sys.argv[1:]
pages, empty = 0, []
for line in open(records, encoding="utf-8"):
    r = json.loads(line)
    pages += 1
    if r["status"] == "no_content":
        empty.append((os.path.basename(r["path"]).split(".")[0], r["error"]))
print(f"{name} pages={pages} no_content={len(empty)}")
for page, why in empty:
    print(f"  {page}  {why}")
with open(counts, "a") as f:
    f.write(f"{name} {len(empty)}\n")
PY
  done
done
rc=0
for floor in "$@"; do
  name=${floor%%=*} max=${floor#*=}
  got=$(awk -v n="$name" '$1 == n { print $2 }' "$out/counts")
  if [ -z "$got" ] || [ "$got" -gt "$max" ]; then
    echo "nocontent.sh: $name has ${got:-no} no_content pages, more than $max" >&2
    rc=1
  fi
done
exit $rc
