#!/bin/sh
# test_rule_budget.sh WINNOW SOURCE_DIR -- a backtracking user rule must cost a bounded
# amount per input, not per block.  Today every block pays the PCRE2 match limit twice
# (the joined prefilter, then the rule alone): about 5 ms a block, so 1 MB of bait lines
# takes ~25 s and a 64 MB input hours.  The matcher should stop running a rule on the
# rest of an input once it hit the limit (the warning already says it was skipped).
. "$(dirname "$0")/lib.sh"
setup "$@"

printf 'drop /^(\\w+\\s?)*$/ slow\n' > "$tmp/slow.rules"
yes 'word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word!' \
  | head -n 5000 > "$tmp/bait.txt"
run "backtracking rule on 1 MB of bait lines (5000 blocks)" 10 0 "$tmp/bait.txt" --rules="$tmp/slow.rules"
expect_err "bait lines: one warning names the rule" "winnow: warning: .*slow"
{ printf '<html><body>'; sed 's|.*|<p>&</p>|' "$tmp/bait.txt"; printf '</body></html>\n'; } > "$tmp/bait.html"
run "backtracking rule on 5000 bait paragraphs (html)" 10 0 "$tmp/bait.html" --rules="$tmp/slow.rules"

finish
