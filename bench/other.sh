#!/bin/sh
# other.sh WINNOW [SUBDIR] [TYPE=MIN ...] -- word F1 per page type on the WCXB pages that
# are not articles (../shared/data/wcxb-dev-other: service, forum, listing,
# documentation, collection, product), WCXB's own measure (score.py --words --by
# page_type).  SUBDIR: html (default) or text-innertext.  With TYPE=MIN floors (all=MIN
# for the whole set) exits 1 when a figure is below its floor.
# Example: bench/other.sh build/winnow html forum=0.5 all=0.69
set -eu
bin=$1
sub=${2:-html}
[ $# -ge 2 ] && shift 2 || shift 1
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${WINNOW_SHARED:-$root/../shared}
ds=$shared/data/wcxb-dev-other
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
type=html
case $sub in text-*) type=text ;; esac
"$bin" -r -q -j 0 --type="$type" --no-title -o "$out/pred" "$ds/$sub" >/dev/null 2>&1 || true
python3 "$shared/bench/score.py" "$ds/ground-truth.json" "$out/pred" --words --by page_type \
  > "$out/table.txt"
cat "$out/table.txt"
rc=0
for floor in "$@"; do
  t=${floor%%=*} min=${floor#*=}
  if [ "$t" = all ]; then
    got=$(awk '/^pages=/ { sub("F1=", "", $2); print $2 }' "$out/table.txt" | tail -n 1)
  else
    got=$(awk -v t="$t" '$1 == t { sub("F1=", "", $3); print $3 }' "$out/table.txt")
  fi
  if [ -z "$got" ] || awk -v g="$got" -v m="$min" 'BEGIN { exit !(g < m) }'; then
    echo "other.sh: $t word F1 ${got:-missing} is below the floor $min" >&2
    rc=1
  fi
done
exit $rc
