#!/bin/sh
# parallel.sh WINNOW [SHARED_DIR] [FILES] [RUNS]
# Measures the -j speedup of batch mode: builds a directory of FILES (default 2000)
# decompressed HTML pages by copying the pages of ../shared/data/*/html over and over,
# then times `winnow -q -r -j1 -o OUT DIR` against `-j2`, RUNS times each (default 3,
# alternating), and prints the best time of each and the speedup.  Run it on a quiet
# machine: the speedup is capped by whatever else uses the cores.
set -eu
bin=${1:?usage: parallel.sh WINNOW [SHARED_DIR] [FILES] [RUNS]}
shared=${2:-$(dirname "$0")/../../shared}
files=${3:-2000}
runs=${4:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir "$tmp/in"
ls "$shared"/data/*/html/*.html* > "$tmp/list"
[ -s "$tmp/list" ] || { echo "parallel.sh: no pages under $shared/data/*/html" >&2; exit 1; }
i=0
while [ "$i" -lt "$files" ]; do
  while read -r page && [ "$i" -lt "$files" ]; do
    d=$tmp/in/$(printf '%02d' $((i % 20)))
    mkdir -p "$d"
    case $page in
      *.gz) gzip -dc "$page" > "$d/$i.html" ;;
      *) cp "$page" "$d/$i.html" ;;
    esac
    i=$((i + 1))
  done < "$tmp/list"
done
echo "pages: $files files, $(du -sh "$tmp/in" | cut -f1) in $tmp/in"

now() { date +%s.%N; }
# timed JOBS: prints the wall time of one run with JOBS workers.
timed() {
  rm -rf "$tmp/out"
  t0=$(now)
  "$bin" -q -r -j "$1" -o "$tmp/out" "$tmp/in"
  t=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }')
  [ "$(find "$tmp/out" -type f | wc -l)" -eq "$files" ] || { echo "parallel.sh: missing outputs" >&2; exit 1; }
  echo "$t"
}
min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b < a) ? b : a }'; }
"$bin" -q -r -j 1 -o "$tmp/out" "$tmp/in" # warm the page cache
# -j1 and -j2 runs alternate, so both see the same background load; best of each.
t1= t2=
for r in $(seq "$runs"); do
  a=$(timed 1)
  b=$(timed 2)
  echo "run $r: -j1 ${a}s  -j2 ${b}s"
  t1=$(min "$t1" "$a")
  t2=$(min "$t2" "$b")
done
awk -v a="$t1" -v b="$t2" -v r="$runs" \
  'BEGIN { printf "-j1: %.3fs  -j2: %.3fs  speedup: %.2fx  (best of %d)\n", a, b, a / b, r }'
