#!/bin/sh
# test_includes.sh SOURCE_DIR -- the stage folders include each other only downwards
# (ARCHITECTURE.md), so no include cycle can form, and the CLI sees only the public
# header.  Every quoted include "STAGE/file.h" in src/STAGE2/ must name a stage that
# STAGE2 may use; the CLI may include <winnow/winnow.h> and its own cli.h only.
set -u
src=$1/src
fails=0 checked=0
# may STAGE: the stages it may include (itself always allowed).
may() {
  case $1 in
    core) echo "winnow" ;;
    input) echo "core winnow" ;;
    rules) echo "core winnow" ;;
    render) echo "core winnow" ;;
    article) echo "core meta rules winnow" ;;
    pagetype) echo "core winnow" ;;
    text) echo "article core meta pagetype rules winnow" ;;
    html) echo "article core language meta pagetype rules winnow" ;;
    meta) echo "core winnow" ;;
    warc) echo "core winnow" ;;
    language) echo "core winnow" ;;
    *) echo "?" ;;
  esac
}
for dir in "$src"/*/; do
  stage=$(basename "$dir")
  [ "$stage" = cli ] && continue
  allowed="$stage $(may "$stage")"
  case $allowed in *"?"*) echo "FAIL: src/$stage/ is a stage ARCHITECTURE.md does not know"; fails=$((fails + 1)); continue ;; esac
  for f in "$dir"*.c "$dir"*.h; do
    [ -f "$f" ] || continue
    for inc in $(sed -n 's/^#include "\([a-z_]*\)\/[a-z_]*\.h".*/\1/p' "$f"); do
      checked=$((checked + 1))
      case " $allowed " in
        *" $inc "*) ;;
        *) echo "FAIL: ${f#"$src"/} includes $inc/ (src/$stage/ may use: $allowed)"; fails=$((fails + 1)) ;;
      esac
    done
  done
done
# The CLI: the public header and its own header, nothing of the library's insides.
for f in "$src"/cli/*.c "$src"/cli/*.h; do
  bad=$(grep -n '^#include "' "$f" | grep -v '"cli.h"')
  checked=$((checked + 1))
  if [ -n "$bad" ]; then echo "FAIL: ${f#"$src"/} includes library internals: $bad"; fails=$((fails + 1)); fi
  if grep -q '^#include <winnow/' "$f" && grep '^#include <winnow/' "$f" | grep -qv '<winnow/winnow.h>'; then
    echo "FAIL: ${f#"$src"/} includes a header other than <winnow/winnow.h>"; fails=$((fails + 1))
  fi
done
echo "test_includes: $((checked - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
