#!/bin/sh
# test_memory_bombs.sh WINNOW SOURCE_DIR -- inputs just under the 64 MB --max-size that
# turn into millions of blocks or DOM nodes.  Memory must stay bounded (here: 768 MB, 12x
# the input) and the page is either processed or refused with exit 1 -- never "out of
# memory" or an OOM kill.  Skipped under ASan, where these would need tens of GB.
. "$(dirname "$0")/lib.sh"
setup "$@"
if [ "$asan" -eq 1 ]; then echo "skipped: sanitizer build"; exit 77; fi
vmem_mb=3072

yes a | head -c 67108000 > "$tmp/letters.txt"
run "64 MB of one-letter lines (33M lines)" 60 "0|1" "$tmp/letters.txt" --type=text
expect_rss "one-letter lines: memory" 768
yes '<p>a</p>' | head -c 67108000 > "$tmp/paras.html"
run "64 MB of <p>a</p> (7.5M elements)" 60 "0|1" "$tmp/paras.html" --type=html
expect_rss "7.5M elements: memory" 768
yes '<b>' | head -c 67108000 > "$tmp/unclosed.html"
run "64 MB of unclosed <b> (16M elements)" 60 "0|1" "$tmp/unclosed.html" --type=html
expect_rss "16M unclosed elements: memory" 768

finish
