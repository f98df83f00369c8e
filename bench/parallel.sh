#!/bin/sh
# parallel.sh WINNOW [SHARED_DIR] [FILES] [RUNS]
# Measures the -j speedup of batch mode: builds a directory of FILES (default 2000)
# decompressed HTML pages by copying the pages of ../shared/data/*/html over and over,
# then times `winnow -q -r -j1 -o OUT DIR` against `-j2`, RUNS times each (default 3),
# and prints the best time of each and the speedup.  Run it on a quiet machine.
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
best() { # best JOBS: prints the best wall time of $runs runs
  b=
  for r in $(seq "$runs"); do
    rm -rf "$tmp/out"
    t0=$(now)
    "$bin" -q -r -j "$1" -o "$tmp/out" "$tmp/in"
    t=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }')
    [ "$(find "$tmp/out" -type f | wc -l)" -eq "$files" ] || { echo "parallel.sh: missing outputs" >&2; exit 1; }
    if [ -z "$b" ] || awk -v t="$t" -v b="$b" 'BEGIN { exit !(t < b) }'; then b=$t; fi
  done
  echo "$b"
}
"$bin" -q -r -j 1 -o "$tmp/out" "$tmp/in" # warm the page cache
t1=$(best 1)
t2=$(best 2)
awk -v a="$t1" -v b="$t2" -v r="$runs" \
  'BEGIN { printf "-j1: %.3fs  -j2: %.3fs  speedup: %.2fx  (best of %d)\n", a, b, a / b, r }'
