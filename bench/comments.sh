#!/bin/sh
# comments.sh WINNOW [DATASET_DIR] [leak=MAX] [over10=MAX] [f1=MIN]
# Reader comments on the pages whose ground truth marks them (default dataset:
# ../shared/data/dragnet-train): runs winnow --comments over every HTML page once, splits
# each output at its "--- comments ---" line, and scores both halves with
# ../shared/bench/comments.py -- the comment text leaked into the article (lower is
# better; and the pages leaking more than 10%) and the F1 of the comments printed.
# With floors, exits 1 when a figure is on the wrong side of one.
# Example: bench/comments.sh build/winnow ../shared/data/dragnet-train leak=0.01 f1=0.5
set -eu
bin=$1
root=$(cd "$(dirname "$0")/.." && pwd)
ds=${2:-$root/../shared/data/dragnet-train}
[ $# -ge 2 ] && shift 2 || shift 1
score=${WINNOW_COMMENTS:-$root/../shared/bench/comments.py}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mkdir "$out/all" "$out/article" "$out/comments"
"$bin" -r -q -j 0 --type=html --no-title --comments -o "$out/all" "$ds/html" >/dev/null 2>&1 || true
for f in "$out/all"/*.txt; do
  name=$(basename "$f")
  awk -v a="$out/article/$name" -v c="$out/comments/$name" '
    !seen && $0 == "--- comments ---" { seen = 1; next }
    { print > (seen ? c : a) }' "$f"
  [ -f "$out/article/$name" ] || : > "$out/article/$name"
done
leak=$(python3 "$score" "$ds/ground-truth.json" "$out/article")
f1=$(python3 "$score" "$ds/ground-truth.json" "$out/comments" --as-comments)
echo "$leak"
echo "$f1"
rc=0
for floor in "$@"; do
  what=${floor%%=*} lim=${floor#*=}
  case $what in
    leak) got=$(echo "$leak" | sed -n 's/.*comment_leak=\([0-9.]*\).*/\1/p'); bad="got > lim" ;;
    over10) got=$(echo "$leak" | sed -n 's/.*over_10pct=\([0-9]*\).*/\1/p'); bad="got > lim" ;;
    f1) got=$(echo "$f1" | sed -n 's/.*F1=\([0-9.]*\).*/\1/p'); bad="got < lim" ;;
    *) echo "comments.sh: unknown floor $what" >&2; exit 2 ;;
  esac
  if [ -z "$got" ] || awk -v got="$got" -v lim="$lim" "BEGIN { exit !($bad) }"; then
    echo "comments.sh: $what is ${got:-missing}, beyond its limit $lim" >&2
    rc=1
  fi
done
exit $rc
