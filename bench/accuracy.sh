#!/bin/sh
# accuracy.sh WINNOW DATASET_DIR SUBDIR [MIN_F1]
# Runs winnow --no-title over every page of DATASET_DIR/SUBDIR (html/*.html.gz, or
# text-*/ *.txt) and scores the output with ../shared/bench/score.py against
# DATASET_DIR/ground-truth.json.  Prints the scorer's summary line; with MIN_F1, exits 1
# when F1 is below it.  Example:
#   bench/accuracy.sh build/winnow ../shared/data/scrapinghub text-innertext
set -eu
bin=$1 ds=$2 sub=$3 min=${4:-}
root=$(cd "$(dirname "$0")/.." && pwd)
score=${WINNOW_SCORE:-$root/../shared/bench/score.py}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
case $sub in
  html) type=html ;;
  *) type=text ;;
esac
for f in "$ds/$sub"/*; do
  name=$(basename "$f")
  id=${name%%.*}
  case $f in
    *.gz) gzip -dc "$f" | "$bin" --no-title --type=$type > "$out/$id.txt" 2>/dev/null || true ;;
    *) "$bin" --no-title --type=$type < "$f" > "$out/$id.txt" 2>/dev/null || true ;;
  esac
done
if [ -n "$min" ]; then
  python3 "$score" "$ds/ground-truth.json" "$out" ${WINNOW_WORST:+--worst $WINNOW_WORST} --min-f1 "$min"
else
  python3 "$score" "$ds/ground-truth.json" "$out" ${WINNOW_WORST:+--worst $WINNOW_WORST}
fi
