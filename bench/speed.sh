#!/bin/sh
# speed.sh [BUILD_DIR] [--against REV] -- how fast winnow is, next to libxml2 parsing
# the same pages; with --against, next to an earlier commit as well.
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
# --against REV (or WINNOW_BENCH_BASE=REV): also builds REV's winnow, parse_only and
# bench_inproc in a temporary git worktree (own build directory, removed at the end)
# and measures old and new in the same run, alternating them within every repetition
# (old first in odd runs, new first in even ones) so machine noise hits both alike;
# prints each run's figures, then old and new side by side with new/old ratios.
# WINNOW_BENCH_TIME_LIMIT=S runs the new build with a page time limit of S seconds
# (--page-time-limit, bench_inproc --time-limit): with a limit no page reaches, the
# figures show what watching the clock costs (the old build runs without one).
# Needs /usr/bin/time (Debian package "time"), gzip and ../shared beside the checkout.
set -eu
usage="usage: speed.sh [BUILD_DIR] [--against REV]"
root=$(cd "$(dirname "$0")/.." && pwd)
build=
against=${WINNOW_BENCH_BASE:-}
while [ $# -gt 0 ]; do
  case $1 in
    --against) [ $# -ge 2 ] || { echo "$usage" >&2; exit 2; }; against=$2; shift 2 ;;
    --against=*) against=${1#--against=}; shift ;;
    -h|--help) echo "$usage"; exit 0 ;;
    -*) echo "$usage" >&2; exit 2 ;;
    *) [ -z "$build" ] || { echo "$usage" >&2; exit 2; }; build=$1; shift ;;
  esac
done
build=${build:-$root/build}
shared=${WINNOW_SHARED:-$root/../shared}
reps=${WINNOW_BENCH_REPEAT:-3}
min_cpu=${WINNOW_BENCH_MIN_CPU:-1}
# The new build's extra options for a time limit (none by default).
limit=${WINNOW_BENCH_TIME_LIMIT:-}
w_limit= ip_limit=
if [ -n "$limit" ]; then w_limit=--page-time-limit=$limit; ip_limit="--time-limit $limit"; fi
data=$shared/data/scrapinghub

[ -x /usr/bin/time ] || { echo "speed.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
[ -d "$data/html" ] || { echo "speed.sh: no $data/html" >&2; exit 2; }

if [ -n "$against" ]; then
  rev=$(git -C "$root" rev-parse --verify --quiet "$against^{commit}") ||
    { echo "speed.sh: $against: not a commit" >&2; exit 2; }
fi

tmp=$(mktemp -d)
wt=$tmp/base-src
cleanup() {
  if [ -d "$wt" ]; then
    git -C "$root" worktree remove --force "$wt" 2>/dev/null ||
      { rm -rf "$wt"; git -C "$root" worktree prune; }
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DWINNOW_SANITIZE=OFF \
  -DWINNOW_BENCH=ON >/dev/null
cmake --build "$build" -j2 --target winnow parse_only bench_inproc >/dev/null
winnow=$build/winnow
parse_only=$build/bench/parse_only
inproc=$build/bench/bench_inproc

if [ -n "$against" ]; then
  # REV in a detached worktree, built out of tree with its own bench programs.
  git -C "$root" worktree add --detach "$wt" "$rev" > "$tmp/log" 2>&1 ||
    { cat "$tmp/log" >&2; exit 2; }
  if ! { cmake -S "$wt" -B "$tmp/base-build" -DCMAKE_BUILD_TYPE=Release -DWINNOW_SANITIZE=OFF \
           -DWINNOW_BENCH=ON -DWINNOW_TESTS=OFF -DWINNOW_WERROR=OFF &&
         cmake --build "$tmp/base-build" -j2 --target winnow parse_only bench_inproc; } \
       > "$tmp/log" 2>&1; then
    tail -n 30 "$tmp/log" >&2
    echo "speed.sh: building $against failed" >&2
    exit 2
  fi
  old_winnow=$tmp/base-build/winnow
  old_inproc=$tmp/base-build/bench/bench_inproc
fi

mkdir "$tmp/html"
for f in "$data"/html/*.html.gz; do
  gzip -dc "$f" > "$tmp/html/$(basename "$f" .gz)"
done
npages=$(ls "$tmp/html" | wc -l)
html_bytes=$(cat "$tmp"/html/*.html | wc -c)
text_bytes=$(cat "$data"/text-innertext/*.txt | wc -c)

# One process per page: the loop runs under /usr/bin/time, whose rusage covers every
# child (CPU summed, RSS the largest).
cat > "$tmp/loop.sh" <<'EOF'
dir=$1
shift
for f in "$dir"/*.html; do "$@" "$f" > /dev/null 2>&1 || :; done
EOF
# pp_once CMD...: one pass over the pages; prints "CPU_SECONDS MAX_RSS_KB".
# per_process CMD...: the best CPU and the largest RSS of $reps passes.
pp_once() {
  /usr/bin/time -f '%U %S %M' -o "$tmp/time" nice sh "$tmp/loop.sh" "$tmp/html" "$@"
  read -r u s m < "$tmp/time"
  echo "$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.3f", u + s }') $m"
}
min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b < a) ? b : a }'; }
per_process() {
  best=""
  rss=0
  i=0
  while [ $i -lt "$reps" ]; do
    r=$(pp_once "$@")
    cpu=${r% *} m=${r#* }
    best=$(min "$best" "$cpu")
    [ "$m" -gt "$rss" ] && rss=$m
    i=$((i + 1))
  done
  echo "$best $rss"
}

# In-process runs print "name key=value ..."; keep the line with the least CPU per pass.
# lines_best: of the lines on stdin, the one with the least CPU per pass.
lines_best() {
  awk 'NF {
      for (k = 2; k <= NF; k++) { split($k, kv, "="); v[kv[1]] = kv[2] }
      per = v["cpu"] / v["passes"]
      if (best == "" || per < best) { best = per; keep = $0 } }
    END { print keep }'
}
better_line() { printf '%s\n%s\n' "$1" "$2" | lines_best; }
best_line() {
  best=""
  i=0
  while [ $i -lt "$reps" ]; do
    best=$(better_line "$best" "$(nice "$@")")
    i=$((i + 1))
  done
  echo "$best"
}
field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }

if [ -n "$against" ]; then
  # Old and new alternate within every repetition (old first in odd runs, new first in
  # even ones); each measurement appends a line to $tmp/SIDE.KIND, the best is taken at
  # the end.  libxml2 (the new build's parse_only) and /bin/true run once per repetition.
  dirty=
  [ -n "$(git -C "$root" status --porcelain --untracked-files=no)" ] && dirty="+"
  old_name=$(git -C "$root" rev-parse --short "$rev")
  new_name=$(git -C "$root" rev-parse --short HEAD)$dirty
  echo "speed.sh: $npages pages, $html_bytes bytes of HTML; best of $reps runs, old and new alternating; $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "  machine: $(nproc) cores, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1)"
  echo "  old: $old_name ($(git -C "$root" log -1 --format=%s "$rev" | cut -c1-60)), built in a temporary worktree"
  echo "  new: working tree at $new_name${dirty:+ (+: uncommitted changes)}, $build${limit:+, page time limit $limit s}"
  echo
  echo "runs: (a) CPU s, one process per page; (b) html pages/s in one process; text MB/s"
  last() { field "$(tail -n 1 "$tmp/$1")" "$2"; }
  i=0
  while [ $i -lt "$reps" ]; do
    if [ $((i % 2)) -eq 0 ]; then order="old new"; else order="new old"; fi
    for side in $order; do
      if [ "$side" = old ]; then
        pp_once "$old_winnow" --no-title --type=html >> "$tmp/$side.pp"
      else
        pp_once "$winnow" --no-title --type=html $w_limit >> "$tmp/$side.pp"
      fi
    done
    pp_once "$parse_only" >> "$tmp/lib.pp"
    pp_once /bin/true >> "$tmp/true.pp"
    for side in $order; do
      if [ "$side" = old ]; then ip=$old_inproc lim=; else ip=$inproc lim=$ip_limit; fi
      # shellcheck disable=SC2086
      nice "$ip" --type=html --min-cpu "$min_cpu" $lim "$tmp"/html/*.html >> "$tmp/$side.html"
    done
    nice "$parse_only" --all --min-cpu "$min_cpu" "$tmp"/html/*.html >> "$tmp/lib.html"
    for side in $order; do
      if [ "$side" = old ]; then ip=$old_inproc lim=; else ip=$inproc lim=$ip_limit; fi
      # shellcheck disable=SC2086
      nice "$ip" --type=text --min-cpu "$min_cpu" $lim "$data"/text-innertext/*.txt >> "$tmp/$side.text"
    done
    i=$((i + 1))
    echo "  run $i (${order%% *} first): (a) old $(tail -n 1 "$tmp/old.pp" | cut -d' ' -f1)" \
      "new $(tail -n 1 "$tmp/new.pp" | cut -d' ' -f1) s; (b) old $(last old.html pages_per_s)" \
      "new $(last new.html pages_per_s); text old $(last old.text mb_per_s) new $(last new.text mb_per_s)"
  done
  best_cpu() { awk 'NR == 1 || $1 < b { b = $1 } END { print b }' "$1"; }
  max_rss() { awk '$2 > m { m = $2 } END { print m + 0 }' "$1"; }
  ow=$(lines_best < "$tmp/old.html") nw=$(lines_best < "$tmp/new.html")
  ox=$(lines_best < "$tmp/old.text") nx=$(lines_best < "$tmp/new.text")
  pl=$(lines_best < "$tmp/lib.html")
  awk -v n="$npages" -v bytes="$html_bytes" -v tbytes="$text_bytes" \
      -v on="$old_name" -v nn="$new_name" \
      -v oc="$(best_cpu "$tmp/old.pp")" -v nc="$(best_cpu "$tmp/new.pp")" \
      -v pc="$(best_cpu "$tmp/lib.pp")" -v tc="$(best_cpu "$tmp/true.pp")" \
      -v orss="$(max_rss "$tmp/old.pp")" -v nrss="$(max_rss "$tmp/new.pp")" \
      -v opps="$(field "$ow" pages_per_s)" -v npps="$(field "$nw" pages_per_s)" \
      -v ombs="$(field "$ow" mb_per_s)" -v nmbs="$(field "$nw" mb_per_s)" \
      -v orss2="$(field "$ow" maxrss_kb)" -v nrss2="$(field "$nw" maxrss_kb)" \
      -v ppps="$(field "$pl" pages_per_s)" \
      -v oxmbs="$(field "$ox" mb_per_s)" -v nxmbs="$(field "$nx" mb_per_s)" \
      -v oxpps="$(field "$ox" pages_per_s)" -v nxpps="$(field "$nx" pages_per_s)" '
  function row(name, o, v, fmt) {
    printf "  %-38s " fmt "  " fmt "  %7.3fx\n", name, o, v, (o > 0 ? v / o : 0)
  }
  BEGIN {
    mb = bytes / 1e6
    printf "\n  %-38s %12s  %12s  %8s\n", "", "old " on, "new " nn, "new/old"
    printf "(a) one process per page, %d pages (/bin/true alone: %.2f s)\n", n, tc
    row("CPU s, user+sys (lower is better)", oc, nc, "%12.3f")
    row("pages/s", n / oc, n / nc, "%12.1f")
    row("MB/s", mb / oc, mb / nc, "%12.1f")
    row("peak RSS MB, max over pages", orss / 1024, nrss / 1024, "%12.1f")
    printf "  %-38s %11.2fx  %11.2fx\n", sprintf("ratio to libxml2 parse_only (%.2f s)", pc), oc / pc, nc / pc
    printf "(b) all pages in one process (bench_inproc)\n"
    row("html pages/s (higher is better)", opps, npps, "%12.1f")
    row("html MB/s", ombs, nmbs, "%12.1f")
    row("process peak RSS MB, pages included", orss2 / 1024, nrss2 / 1024, "%12.1f")
    printf "  %-38s %11.2fx  %11.2fx\n", sprintf("ratio to libxml2 parse (%.1f pages/s)", ppps), ppps / opps, ppps / npps
    printf "text mode (bench_inproc --type=text, innertext, %.2f MB)\n", tbytes / 1e6
    row("MB/s (higher is better)", oxmbs, nxmbs, "%12.1f")
    row("pages/s", oxpps, nxpps, "%12.0f")
  }'
  exit 0
fi

echo "speed.sh: $npages pages, $html_bytes bytes of HTML; best of $reps runs${limit:+; page time limit $limit s}; $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "  machine: $(nproc) cores, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1)"

# shellcheck disable=SC2086
set -- $(per_process "$winnow" --no-title --type=html $w_limit)
w_cpu=$1 w_rss=$2
set -- $(per_process "$parse_only")
p_cpu=$1 p_rss=$2
set -- $(per_process /bin/true)
t_cpu=$1

# shellcheck disable=SC2086
w_line=$(best_line "$inproc" --type=html --min-cpu "$min_cpu" $ip_limit "$tmp"/html/*.html)
p_line=$(best_line "$parse_only" --all --min-cpu "$min_cpu" "$tmp"/html/*.html)
# shellcheck disable=SC2086
x_line=$(best_line "$inproc" --type=text --min-cpu "$min_cpu" $ip_limit "$data"/text-innertext/*.txt)

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
