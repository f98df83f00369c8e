#!/bin/sh
# test_pagetype.sh WINNOW_BIN SOURCE_DIR -- the page type on the command line: each
# fixtures/type-*/ page (one development page per kind, with its URL in args) is told
# as its page-type file says, in JSON records and in --explain; --page-type forces a
# type (and --explain still shows the detected one); bad values are usage errors.
set -u
. "$(dirname "$0")/lib.sh"

for dir in "$SRC"/fixtures/type-*/; do
  want=$(cat "$dir/page-type")
  eval "set -- $(cat "$dir/args")"
  run -f json "$@" "$dir/input.html.gz"
  check "$(basename "$dir"): JSON says page_type $want" has "$T/out" "\"page_type\": \"$want\""
  run -e "$@" "$dir/input.html.gz"
  check "$(basename "$dir"): --explain names the type and its signals" \
    has "$T/err" "^page type: $want (article -*[0-9]*, .*); signals: "
done

page=$SRC/fixtures/type-forum/input.html.gz
run -f jsonl --page-type=product "$page"
check "--page-type forces the type" has "$T/out" '"page_type":"product"'
run -e --page-type=listing "$page"
check "--explain shows the detected type beside a forced one" \
  has "$T/err" '^page type: forced; detected forum ('
run -f jsonl --page-type=auto "$page"
check "--page-type=auto detects" has "$T/out" '"page_type":"forum"'
printf 'Hello\n' > "$T/empty-ish.txt"
run -f jsonl "$T/empty-ish.txt"
check "a text page gets a type too" has "$T/out" '"page_type":"[a-z]*"'

for bad in Forum news ""; do
  run --page-type="$bad" "$page"
  check "--page-type='$bad' is a usage error (exit 2)" rc_is 2
  check "--page-type='$bad' names the valid types" has "$T/err" 'expected auto, article, forum'
done
run --url= "$page"
check "an empty --url is a usage error" rc_is 2
finish
