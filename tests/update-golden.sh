#!/bin/sh
# update-golden.sh [BUILD_DIR] -- regenerates every fixtures/*/expected.txt (and
# expected.md) with the winnow binary in BUILD_DIR (default: build).  Review `git diff fixtures` afterwards.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build}/winnow
for args in "$root"/fixtures/*/args; do
  sh "$root/tests/golden.sh" "$bin" "$(dirname "$args")" --update
done
