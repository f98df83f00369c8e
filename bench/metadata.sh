#!/bin/sh
# metadata.sh [--text] WINNOW DATASET_DIR [FIELD=MIN ...]
# Runs winnow -f json over every HTML page of DATASET_DIR (with --text: over its
# rendered-text pages, text-innertext/, as --type=text) and scores the records'
# metadata with ../shared/bench/metadata.py (title, author, date, page type, each over
# the pages whose ground truth has the field).  Prints the scorer's table; with
# FIELD=MIN floors (e.g. date=0.62), exits 1 when a field's accuracy is below its floor.
# Example: bench/metadata.sh build/winnow ../shared/data/wcxb-dev-article
set -eu
input=html dir=html
if [ "${1:-}" = --text ]; then
  input=text dir=text-innertext
  shift
fi
bin=$1 ds=$2
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
score=${WINNOW_METADATA:-$root/../shared/bench/metadata.py}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bin" -r -q -j 0 --type=$input --format=json -o "$out" "$ds/$dir" >/dev/null 2>&1 || true
python3 "$score" "$ds/ground-truth.json" "$out" > "$out/table.txt"
cat "$out/table.txt"
rc=0
for floor in "$@"; do
  field=${floor%%=*} min=${floor#*=}
  got=$(awk -v f="$field" '$1 == f { sub("accuracy=", "", $3); print $3 }' "$out/table.txt")
  if [ -z "$got" ] || awk -v g="$got" -v m="$min" 'BEGIN { exit !(g < m) }'; then
    echo "metadata.sh: $field accuracy ${got:-missing} is below the floor $min" >&2
    rc=1
  fi
done
exit $rc
