#!/bin/sh
# run.sh -- the whole test suite, exactly as CI runs it.  From the checkout root:
#
#   ./tests/run.sh
#
# Stages: a Release build in build/, its ctest run, and the check that README.md
# quotes the current --help; an ASan+UBSan build in build-asan/ and its ctest run
# (without the slow accuracy gates); a ThreadSanitizer build in build-tsan/ running the
# threaded tests; a build without libcld2 in build-nocld2/ and its unit, CLI, golden,
# install and binding tests; then, when fuzz/run.sh exists and clang is
# installed, every libFuzzer target for WINNOW_FUZZ_SECONDS (default 60) each.
# A failing stage is reported by name and the later stages that do not depend on it
# still run; the exit status is 1 when any stage failed.  Environment: WINNOW_JOBS
# (default 2), WINNOW_FUZZ_SECONDS (0 skips fuzzing).  All builds treat warnings as
# errors (WINNOW_WERROR=ON); a user's plain cmake build does not.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
jobs=${WINNOW_JOBS:-2}
fuzz_secs=${WINNOW_FUZZ_SECONDS:-60}
failed=""
t_start=$(date +%s)

# stage NAME CMD...: runs CMD, reports how long it took and whether it passed.
stage() {
  name=$1
  shift
  echo "==> [$name] $*"
  t0=$(date +%s)
  if "$@"; then
    echo "==> [$name] ok ($(( $(date +%s) - t0 ))s)"
    return 0
  fi
  echo "==> [$name] FAILED ($(( $(date +%s) - t0 ))s)" >&2
  failed="$failed $name"
  return 1
}

# build DIR CMAKE_ARGS...: configures and builds one tree.
build() {
  dir=$1
  shift
  cmake -S "$root" -B "$dir" "$@" && cmake --build "$dir" -j"$jobs"
}

if stage release-build build build -DCMAKE_BUILD_TYPE=Release -DWINNOW_SANITIZE=OFF \
     -DWINNOW_WERROR=ON; then
  stage release-tests ctest --test-dir build --output-on-failure -j"$jobs"
  stage readme-help sh tests/readme-help.sh build/winnow
fi

# Sanitizer findings must fail the test that hit them, with a stack trace.  A huge
# malloc returns NULL as it would in production (allocator_may_return_null), so the
# tests of the out-of-memory paths run instead of aborting inside ASan.
if stage asan-build build build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo \
     -DWINNOW_SANITIZE=ON -DWINNOW_BENCH=OFF -DWINNOW_WERROR=ON; then
  stage asan-tests env ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:allocator_may_return_null=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j"$jobs" -E '^accuracy/'
fi

# The threaded tests (many threads on one rule set, the -j worker pool, WARC records
# read on the pool's reader thread) under ThreadSanitizer.  Only those: the rest is
# single-threaded and slow under TSan.
if stage tsan-build build build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWINNOW_TSAN=ON \
     -DWINNOW_BENCH=OFF -DWINNOW_SHARED=OFF -DWINNOW_WERROR=ON; then
  stage tsan-tests env TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
    ctest --test-dir build-tsan --output-on-failure -j"$jobs" \
    -R '^(unit/test_rules|unit/test_rules_builtin|unit/test_pipeline|cli/test_batch|cli/test_warc|cli/test_jsonl)$'
fi

# Built without libcld2 (-DWINNOW_CLD2=OFF): the fallback detector builds, and the
# tests pass with the record's language only declared (tests/cli/test_language.sh and
# tests/unit/test_language.c expect that when `winnow --version` names no detector; the
# installed static library and CMake package must then not ask for libcld2).
if stage nocld2-build build build-nocld2 -DCMAKE_BUILD_TYPE=Release -DWINNOW_CLD2=OFF \
     -DWINNOW_BENCH=OFF -DWINNOW_WERROR=ON; then
  stage nocld2-tests ctest --test-dir build-nocld2 --output-on-failure -j"$jobs" \
    -R '^(unit/|cli/test_(language|metadata|cli|warc|explain_meta)$|golden/|install/|python/test_(abi|extract)$)'
fi

if [ "$fuzz_secs" -gt 0 ] && [ -f fuzz/run.sh ]; then
  if command -v clang >/dev/null 2>&1; then
    stage fuzz sh fuzz/run.sh "$fuzz_secs"
  else
    echo "==> [fuzz] skipped: clang is not installed"
  fi
fi

total=$(( $(date +%s) - t_start ))
if [ -n "$failed" ]; then
  echo "tests/run.sh: FAILED stages:$failed (${total}s)" >&2
  exit 1
fi
echo "tests/run.sh: all stages passed (${total}s)"
