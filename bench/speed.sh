#!/bin/sh
# speed.sh [BUILD_DIR] -- how fast winnow is, next to libxml2 parsing the same pages.
#
# Builds winnow, bench/parse_only and bench/bench_inproc (Release) in BUILD_DIR
# (default build/), decompresses the 181 Scrapinghub pages, and measures in one run:
#   (a) one process per page: total CPU (user+sys) of `winnow --no-title --type=html
#       FILE` over all pages vs `parse_only FILE` (libxml2 htmlReadMemory + free);
#   (b) all pages in one process: bench_inproc (winnow_extract) vs parse_only --all;
#   peak RSS of the per-page processes (max over pages), and text-mode throughput
#   (bench_inproc --type=text over text-innertext).
# Every figure is the best of WINNOW_BENCH_REPEAT runs (default 3) because the
# machine may be shared; CPU time, not wall time, so other load matters less.
# Targets (issue): ratio winnow/libxml2 <= 1.5x, peak RSS <= 64 MB, text >= 100 MB/s.
# Needs /usr/bin/time (Debian package "time"), gzip and ../shared beside the checkout.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
shared=${WINNOW_SHARED:-$root/../shared}
reps=${WINNOW_BENCH_REPEAT:-3}
min_cpu=${WINNOW_BENCH_MIN_CPU:-1}
data=$shared/data/scrapinghub

[ -x /usr/bin/time ] || { echo "speed.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
[ -d "$data/html" ] || { echo "speed.sh: no $data/html" >&2; exit 2; }

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DWINNOW_SANITIZE=OFF \
  -DWINNOW_BENCH=ON >/dev/null
cmake --build "$build" -j2 --target winnow parse_only bench_inproc >/dev/null
winnow=$build/winnow
parse_only=$build/bench/parse_only
inproc=$build/bench/bench_inproc

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/html"
for f in "$data"/html/*.html.gz; do
  gzip -dc "$f" > "$tmp/html/$(basename "$f" .gz)"
done
npages=$(ls "$tmp/html" | wc -l)
html_bytes=$(cat "$tmp"/html/*.html | wc -c)
text_bytes=$(cat "$data"/text-innertext/*.txt | wc -c)

# One process per page: the loop runs under /usr/bin/time, whose rusage covers every
# child (CPU summed, RSS the largest).  Prints "CPU_SECONDS MAX_RSS_KB".
cat > "$tmp/loop.sh" <<'EOF'
dir=$1
shift
for f in "$dir"/*.html; do "$@" "$f" > /dev/null 2>&1 || :; done
EOF
per_process() {
  best=""
  rss=0
  i=0
  while [ $i -lt "$reps" ]; do
    /usr/bin/time -f '%U %S %M' -o "$tmp/time" nice sh "$tmp/loop.sh" "$tmp/html" "$@"
    read -r u s m < "$tmp/time"
    cpu=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.3f", u + s }')
    best=$(awk -v a="$best" -v b="$cpu" 'BEGIN { print (a == "" || b < a) ? b : a }')
    [ "$m" -gt "$rss" ] && rss=$m
    i=$((i + 1))
  done
  echo "$best $rss"
}

# In-process runs print "name key=value ..."; keep the line with the least CPU per pass.
best_line() {
  best=""
  i=0
  while [ $i -lt "$reps" ]; do
    line=$(nice "$@")
    best=$(printf '%s\n%s\n' "$best" "$line" | awk 'NF {
        for (k = 2; k <= NF; k++) { split($k, kv, "="); v[kv[1]] = kv[2] }
        per = v["cpu"] / v["passes"]
        if (best == "" || per < best) { best = per; keep = $0 } }
      END { print keep }')
    i=$((i + 1))
  done
  echo "$best"
}
field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }

echo "speed.sh: $npages pages, $html_bytes bytes of HTML; best of $reps runs; $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "  machine: $(nproc) cores, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1)"

set -- $(per_process "$winnow" --no-title --type=html)
w_cpu=$1 w_rss=$2
set -- $(per_process "$parse_only")
p_cpu=$1 p_rss=$2
set -- $(per_process /bin/true)
t_cpu=$1

w_line=$(best_line "$inproc" --type=html --min-cpu "$min_cpu" "$tmp"/html/*.html)
p_line=$(best_line "$parse_only" --all --min-cpu "$min_cpu" "$tmp"/html/*.html)
x_line=$(best_line "$inproc" --type=text --min-cpu "$min_cpu" "$data"/text-innertext/*.txt)

awk -v n="$npages" -v bytes="$html_bytes" -v wc="$w_cpu" -v pc="$p_cpu" -v tc="$t_cpu" \
    -v wr="$w_rss" -v pr="$p_rss" \
    -v wpps="$(field "$w_line" pages_per_s)" -v wmbs="$(field "$w_line" mb_per_s)" \
    -v ppps="$(field "$p_line" pages_per_s)" -v pmbs="$(field "$p_line" mb_per_s)" \
    -v wrss2="$(field "$w_line" maxrss_kb)" \
    -v xmbs="$(field "$x_line" mb_per_s)" -v xpps="$(field "$x_line" pages_per_s)" \
    -v tbytes="$text_bytes" 'BEGIN {
  mb = bytes / 1e6
  printf "\n(a) one process per page (CPU user+sys for all %d pages; /bin/true alone: %.2f s)\n", n, tc
  printf "  %-22s %8.2f s  %8.1f pages/s  %7.1f MB/s  peak RSS %6.1f MB\n", "winnow --type=html", wc, n / wc, mb / wc, wr / 1024
  printf "  %-22s %8.2f s  %8.1f pages/s  %7.1f MB/s  peak RSS %6.1f MB\n", "libxml2 parse_only", pc, n / pc, mb / pc, pr / 1024
  printf "  ratio winnow/libxml2: %.2fx (target <= 1.5x)\n", wc / pc
  printf "\n(b) all pages in one process (bench_inproc vs parse_only --all)\n"
  printf "  %-22s %8.1f pages/s  %7.1f MB/s  (process peak RSS %.1f MB, pages included)\n", "winnow_extract html", wpps, wmbs, wrss2 / 1024
  printf "  %-22s %8.1f pages/s  %7.1f MB/s\n", "libxml2 parse", ppps, pmbs
  printf "  ratio winnow/libxml2: %.2fx (target <= 1.5x)\n", ppps / wpps
  printf "\ntext mode (bench_inproc --type=text, %d innertext pages, %.2f MB)\n", n, tbytes / 1e6
  printf "  %.1f MB/s, %.0f pages/s on one core (target >= 100 MB/s)\n", xmbs, xpps
  printf "\npeak RSS of one winnow process: %.1f MB (max over pages; target <= 64 MB)\n", wr / 1024
}'
