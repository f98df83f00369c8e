#!/bin/sh
# readme-help.sh WINNOW [--update] -- README.md quotes `winnow --help` between the
# lines "<!-- help:begin -->" and "<!-- help:end -->"; this check fails when the two
# drift apart.  After a deliberate change to the options, run it with --update.
set -eu
bin=$1 mode=${2:-}
readme=$(cd "$(dirname "$0")/.." && pwd)/README.md
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{ echo '```'; "$bin" --help; echo '```'; } > "$tmp/help"
awk '/^<!-- help:end -->$/ { on = 0 } on { print } /^<!-- help:begin -->$/ { on = 1 }' \
  "$readme" > "$tmp/quoted"
[ -s "$tmp/quoted" ] || { echo "readme-help: no help:begin/help:end block in $readme" >&2; exit 1; }
if [ "$mode" = "--update" ]; then
  awk -v help="$tmp/help" '
    /^<!-- help:end -->$/ { while ((getline l < help) > 0) print l; on = 0 }
    !on { print }
    /^<!-- help:begin -->$/ { on = 1 }' "$readme" > "$tmp/readme"
  cp "$tmp/readme" "$readme"
  echo "readme-help: updated the usage block of $readme"
  exit 0
fi
if diff -u "$tmp/quoted" "$tmp/help"; then
  echo "readme-help: README.md quotes the current --help"
else
  echo "readme-help: README.md's usage block differs from '$bin --help';" \
       "run tests/readme-help.sh $bin --update" >&2
  exit 1
fi
