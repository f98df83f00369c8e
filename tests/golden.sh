#!/bin/sh
# golden.sh WINNOW CASE_DIR [--update]
# A case is a folder holding input.* (the page), args (winnow's options, one line) and
# expected.txt.  The test runs `winnow ARGS input.*` and diffs stdout with expected.txt;
# --update rewrites expected.txt instead (after a deliberate change: review the diff!).
set -u
bin=$1 dir=$2 mode=${3:-}
input=$(ls "$dir"/input.* 2>/dev/null | head -n 1)
[ -n "$input" ] || { echo "golden: no input.* in $dir" >&2; exit 1; }
args=$(cat "$dir/args")
out=$(mktemp) || exit 1
trap 'rm -f "$out"' EXIT
eval "set -- $args"
"$bin" "$@" "$input" > "$out"
rc=$?
if [ "$rc" -ne 0 ]; then echo "golden: winnow exited $rc on $dir" >&2; exit 1; fi
if [ "$mode" = "--update" ]; then
  cp "$out" "$dir/expected.txt"
  echo "updated $dir/expected.txt"
  exit 0
fi
if diff -u "$dir/expected.txt" "$out"; then
  echo "golden: $(basename "$dir") ok"
else
  echo "golden: $(basename "$dir") differs (run tests/update-golden.sh BUILD_DIR after a deliberate change)" >&2
  exit 1
fi
