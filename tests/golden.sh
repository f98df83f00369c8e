#!/bin/sh
# golden.sh WINNOW CASE_DIR [--update]
# A case is a folder holding input.* (the page), args (winnow's options, one line) and
# expected.txt; it may also hold args.md and expected.md, a second run over the same page
# (the Markdown of a page whose text is tested too).  The test runs `winnow ARGS input.*`
# for each pair and diffs stdout with the expected file; --update rewrites the expected
# files instead (after a deliberate change: review the diff!).
set -u
bin=$1 dir=$2 mode=${3:-}
input=$(ls "$dir"/input.* 2>/dev/null | head -n 1)
[ -n "$input" ] || { echo "golden: no input.* in $dir" >&2; exit 1; }
out=$(mktemp) || exit 1
trap 'rm -f "$out"' EXIT
rc=0
for argfile in "$dir/args" "$dir/args.md"; do
  [ -f "$argfile" ] || continue
  case $argfile in *.md) want=$dir/expected.md ;; *) want=$dir/expected.txt ;; esac
  args=$(cat "$argfile")
  eval "set -- $args"
  if ! "$bin" "$@" "$input" > "$out"; then
    echo "golden: winnow failed on $dir ($(basename "$argfile"))" >&2
    rc=1
    continue
  fi
  if [ "$mode" = "--update" ]; then
    cp "$out" "$want"
    echo "updated $want"
  elif diff -u "$want" "$out"; then
    echo "golden: $(basename "$dir") $(basename "$want") ok"
  else
    echo "golden: $(basename "$dir") $(basename "$want") differs (run tests/update-golden.sh BUILD_DIR after a deliberate change)" >&2
    rc=1
  fi
done
exit $rc
