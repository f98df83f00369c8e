#!/bin/sh
# structure.sh WINNOW DATASET_DIR [KIND=MIN ...]
# Runs winnow --no-title -f markdown over every HTML page of DATASET_DIR and scores the
# Markdown structure (headings, list items, table rows, code blocks) with
# ../shared/bench/structure.py against DATASET_DIR/ground-truth.json.  Prints the
# scorer's table; with KIND=MIN floors on F1 (e.g. row=0.80), exits 1 when a kind's F1
# is below its floor.  WINNOW_WORST="KIND N" lists the pages losing most of KIND;
# WINNOW_KEEP=DIR keeps the Markdown outputs there (bench/structure_misses.py TRUTH DIR
# then tells where the unmatched code blocks and rows stand in the truth).  Example:
#   bench/structure.sh build/winnow ../shared/data/wcxb-dev-article row=0.80
set -eu
bin=$1 ds=$2
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
score=${WINNOW_STRUCTURE:-$root/../shared/bench/structure.py}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=${WINNOW_KEEP:-$work/md}
mkdir -p "$out"
# -o mirrors html/0001.html.gz as 0001.md, the name the scorer looks for.
"$bin" -r -q -j 0 --no-title --type=html --format=markdown -o "$out" "$ds/html" \
  >/dev/null 2>&1 || true
python3 "$score" "$ds/ground-truth.json" "$out" ${WINNOW_WORST:+--worst $WINNOW_WORST} \
  > "$work/table.txt"
cat "$work/table.txt"
rc=0
for floor in "$@"; do
  kind=${floor%%=*} min=${floor#*=}
  got=$(awk -v k="$kind" '$1 == k { for (i = 2; i <= NF; i++) if ($i ~ /^F1=/) { sub("F1=", "", $i); print $i } }' "$work/table.txt")
  if [ -z "$got" ] || awk -v g="$got" -v m="$min" 'BEGIN { exit !(g < m) }'; then
    echo "structure.sh: $kind F1 ${got:-missing} is below the floor $min" >&2
    rc=1
  fi
done
exit $rc
