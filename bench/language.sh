#!/bin/sh
# language.sh WINNOW DECLARED_WINNOW [SET ...] -- what the language detector changes in
# the records' "language".  WINNOW is a build with libcld2, DECLARED_WINNOW one without
# (-DWINNOW_CLD2=OFF: the language only as declared); both run over the HTML pages of
# each SET under ../shared/data (default wcxb-dev-article wcxb-dev-other).  Prints per
# set: pages, pages with a declared language, with a language in the end, kept as
# declared, detected where nothing was declared, and overruled (the text read as
# another language); then the overruled pages and those detected only (id, declared ->
# detected, the text's start) for a look by eye, at most WINNOW_LANGUAGE_SHOW (default
# 15) of each per set.
# Example: bench/language.sh build/winnow build-nocld2/winnow
set -eu
[ $# -ge 2 ] || { echo "usage: language.sh WINNOW DECLARED_WINNOW [SET ...]" >&2; exit 2; }
new=$1 declared=$2
shift 2
sets=${*:-wcxb-dev-article wcxb-dev-other}
root=$(cd "$(dirname "$0")/.." && pwd)
data=${WINNOW_SHARED:-$root/../shared}/data
"$new" --version | grep -q '^language detection: cld2' ||
  { echo "language.sh: $new has no language detector" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for set in $sets; do
  [ -d "$data/$set/html" ] || { echo "language.sh: no $data/$set/html" >&2; exit 2; }
  "$new" -r -q -j 0 --type=html -f jsonl "$data/$set/html" > "$out/$set.new" 2>/dev/null || true
  "$declared" -r -q -j 0 --type=html -f jsonl "$data/$set/html" > "$out/$set.old" 2>/dev/null || true
done
python3 - "$out" "${WINNOW_LANGUAGE_SHOW:-15}" $sets << 'PY'
import json, os, sys
out, show, sets = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
def records(path):
    return {r["path"]: r for r in map(json.loads, open(path, encoding="utf-8"))}
print(f"{'set':18} {'pages':>6} {'declared':>9} {'language':>9} {'as declared':>12} "
      f"{'detected only':>14} {'overruled':>10}")
listing = []
for s in sets:
    new, old = records(f"{out}/{s}.new"), records(f"{out}/{s}.old")
    pages = declared = final = kept = only = overruled = 0
    for path, r in new.items():
        d, l = old.get(path, {}).get("language"), r.get("language")
        pages += 1
        declared += d is not None
        final += l is not None
        kept += d is not None and l == d
        only += d is None and l is not None
        overruled += d is not None and l != d
        if l != d:
            text = " ".join((r.get("text") or "").split())[:90]
            kind = "overruled" if d is not None else "detected only"
            listing.append((s, kind, os.path.basename(path), d or "-", l or "-", text))
    print(f"{s:18} {pages:6} {declared:9} {final:9} {kept:12} {only:14} {overruled:10}")
for s in sets:
    for kind in ("overruled", "detected only"):
        rows = [x for x in listing if x[0] == s and x[1] == kind]
        if rows:
            print(f"\n{s}: {kind} ({len(rows)}), declared -> detected")
        for _, _, page, d, l, text in rows[:show]:
            print(f"  {page:16} {d:>8} -> {l:<8} {text}")
PY
