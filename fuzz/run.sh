#!/bin/sh
# run.sh [SECONDS] [TARGET ...] -- builds the libFuzzer targets in build-fuzz/ with clang
# and fuzzes each target (default: extract rules jsonld warc jsonl) for SECONDS (default
# 60; the small jsonld, warc and jsonl readers get a third of it each).
# Exits non-zero when a target crashes, leaks, hangs past -timeout or exceeds the RSS
# limit; the reproducer is left in build-fuzz/artifacts/TARGET/.  Exits 0 with
# "skipped" when clang or libFuzzer is not available.
#
# The corpus grows in fuzz/corpus-work/TARGET/ (git-ignored, kept between runs); the
# seeds are fuzz/corpus/TARGET/, the golden fixtures and the built-in rules.  Once a
# crash is fixed, copy its (small) reproducer into fuzz/corpus/TARGET/ so ctest replays it.
set -u
secs=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-extract rules jsonld warc jsonl}
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build-fuzz
work=$root/fuzz/corpus-work

if ! command -v clang >/dev/null 2>&1; then
  echo "fuzz/run.sh: clang is not installed: skipped"
  exit 0
fi
probe=$(mktemp -d) || exit 1
printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n){(void)d;(void)n;return 0;}\n' \
  > "$probe/p.c"
if ! clang -fsanitize=fuzzer "$probe/p.c" -o "$probe/p" >/dev/null 2>&1; then
  rm -rf "$probe"
  echo "fuzz/run.sh: clang has no libFuzzer (-fsanitize=fuzzer): skipped"
  exit 0
fi
rm -rf "$probe"

CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DWINNOW_FUZZ=ON -DWINNOW_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null || exit 1
for t in $targets; do
  cmake --build "$build" -j2 --target "fuzz_$t" >/dev/null || { echo "build of fuzz_$t failed"; exit 1; }
done

# Seeds that live elsewhere in the tree, refreshed each run.
seeds=$build/seeds
rm -rf "$seeds"
mkdir -p "$seeds/extract" "$seeds/rules" "$seeds/jsonld" "$seeds/warc" "$seeds/jsonl"
for f in "$root"/fixtures/*/input.*; do
  [ -f "$f" ] || continue
  name=$(basename "$(dirname "$f")")
  # The first byte selects the options: 0 auto, 1 html, 2 text; 0100 (bit 6) Markdown.
  { printf '\000'; cat "$f"; } > "$seeds/extract/$name.auto"
  { printf '\012'; cat "$f"; } > "$seeds/extract/$name.text-explain"
  { printf '\100'; cat "$f"; } > "$seeds/extract/$name.markdown"
done
cp "$root"/src/rules/*.rules "$seeds/rules/" 2>/dev/null
shared=$root/../shared/data/scrapinghub/html
if [ -d "$shared" ]; then
  for f in $(ls "$shared"/*.html.gz | head -n 12); do
    { printf '\000'; gzip -dc "$f" | head -c 65535; } > "$seeds/extract/sh-$(basename "$f" .html.gz)"
  done
fi

status=0
for t in $targets; do
  case $t in
    extract) maxlen=65536; dict="-dict=$root/fuzz/html.dict"; tsecs=$secs ;;
    jsonld) maxlen=8192; dict="-dict=$root/fuzz/jsonld.dict"; tsecs=$(( (secs + 2) / 3 )) ;;
    warc) maxlen=16384; dict="-dict=$root/fuzz/warc.dict"; tsecs=$(( (secs + 2) / 3 )) ;;
    jsonl) maxlen=8192; dict="-dict=$root/fuzz/jsonl.dict"; tsecs=$(( (secs + 2) / 3 )) ;;
    *) maxlen=4096; dict="-dict=$root/fuzz/rules.dict"; tsecs=$secs ;;
  esac
  mkdir -p "$work/$t" "$build/artifacts/$t"
  echo "== fuzz_$t for ${tsecs}s (corpus $work/$t)"
  log=$build/fuzz_$t.log
  nice "$build/fuzz/fuzz_$t" -max_total_time="$tsecs" -max_len=$maxlen -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 $dict \
    -artifact_prefix="$build/artifacts/$t/" \
    "$work/$t" "$root/fuzz/corpus/$t" "$seeds/$t" > "$log" 2>&1
  rc=$?
  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)|#[0-9]+.*DONE' "$log" | tail -n 3
  if [ $rc -ne 0 ]; then
    echo "fuzz_$t FAILED (exit $rc): see $log and $build/artifacts/$t/"
    grep -E 'ERROR|SUMMARY|contract broken|Test unit written' "$log" | head -n 5
    status=1
  else
    echo "fuzz_$t ok"
  fi
done
exit $status
