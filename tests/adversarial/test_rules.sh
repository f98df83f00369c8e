#!/bin/sh
# test_rules.sh WINNOW SOURCE_DIR -- user rules that would hang a naive matcher:
# catastrophic backtracking on long lines, thousands of rules, rules that match
# everything.  The PCRE2 match limit must turn a runaway match into a warning (the rule
# is skipped on that block), never a hang or a crash.
. "$(dirname "$0")/lib.sh"
setup "$@"

words() { yes 'word' | head -n "$1" | tr '\n' ' '; }

printf 'drop /^(\\w+\\s?)*$/ slow\n' > "$tmp/slow.rules"
{ printf 'A headline for the test page\n\n'; words 60; printf '!\n\n'
  printf 'The article body is a sentence of prose that is long enough to keep it.\n'; } > "$tmp/bait.txt"
run "backtracking rule, one bait line" 10 0 "$tmp/bait.txt" --rules="$tmp/slow.rules"
expect_err "backtracking: warning names the rule" "winnow: warning: .*slow"
expect_out "backtracking: article kept" 'article body'
{ i=0; while [ $i -lt 500 ]; do words 40; printf '!\n'; i=$((i + 1)); done; } > "$tmp/bait-many.txt"
run "backtracking rule, 500 bait lines" 60 0 "$tmp/bait-many.txt" --rules="$tmp/slow.rules"
{ printf '<html><body>'; i=0; while [ $i -lt 500 ]; do printf '<p>'; words 40; printf '!</p>'; i=$((i + 1)); done; printf '</body></html>'; } > "$tmp/bait-many.html"
run "backtracking rule, 500 bait paragraphs (html)" 60 0 "$tmp/bait-many.html" --rules="$tmp/slow.rules"

# More classic runaway shapes, each on a long line.
cat > "$tmp/evil.rules" <<'RULES'
drop /(a*)*b/ nested-star
drop /(a|aa)+$/ alternation
drop /^(?:(?:a+)+)+$/ triple
drop /(.*a){20}/ counted
drop /^(a|a?)+$/u optional
drop@attr /(\w+\s?)*$/ attr-slow
RULES
{ head -c 100000 /dev/zero | tr '\000' 'a'; printf '!\n'; } > "$tmp/aaa.txt"
run "runaway patterns on a 100 kB line" 60 0 "$tmp/aaa.txt" --rules="$tmp/evil.rules" --type=text
expect_err "runaway patterns: warning" "winnow: warning: "

# Ten thousand rules compile and match in bounded time.
awk 'BEGIN { for (i = 0; i < 10000; i++) printf "drop /^boilerplate phrase number %d$/i r%d\n", i, i }' > "$tmp/many.rules"
run "10,000 rules" 60 0 "$tmp/bait.txt" --rules="$tmp/many.rules"
expect_out "10,000 rules: article kept" 'article body'
# One rule that matches every block, one that keeps every block.
printf 'drop /./s everything\n' > "$tmp/all.rules"
run "a rule that drops everything" 10 0 "$tmp/bait.txt" --rules="$tmp/all.rules"
printf 'keep /^/ all\ndrop /^/ none\n' > "$tmp/keep.rules"
run "keep and drop everything" 10 0 "$tmp/bait.txt" --rules="$tmp/keep.rules"
# A very long pattern (PCRE2 may call it too large: then a compile error) and a 1 MB
# rule name.
{ printf 'drop /'; head -c 60000 /dev/zero | tr '\000' 'x'; printf '/ long\n'; } > "$tmp/long.rules"
run "a 60 kB pattern" 30 "0|2" "$tmp/bait.txt" --rules="$tmp/long.rules"
{ printf 'drop /x/ '; head -c 1000000 /dev/zero | tr '\000' 'n'; printf '\n'; } > "$tmp/longname.rules"
run "a 1 MB rule name" 30 0 "$tmp/bait.txt" --rules="$tmp/longname.rules"
# Bad rule files fail before any input is read, with FILE:LINE:COL.
printf 'drop /x/\ndrop /(unclosed/ bad\n' > "$tmp/bad.rules"
run "a rule that does not compile" 10 2 "$tmp/bait.txt" --rules="$tmp/bad.rules"
expect_err "bad rule: FILE:LINE:COL" "winnow: .*bad.rules:2:[0-9]+: "
printf 'drop /x\000/ nul\n' > "$tmp/nul.rules"
run "a NUL byte in a rule file" 10 2 "$tmp/bait.txt" --rules="$tmp/nul.rules"
run "a directory as a rule file" 10 2 "$tmp/bait.txt" --rules="$tmp"

finish
