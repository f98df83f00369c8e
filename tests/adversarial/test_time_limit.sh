#!/bin/sh
# test_time_limit.sh WINNOW SOURCE_DIR -- --page-time-limit: hostile pages of ~60 MB
# that take seconds (1.4M elements, a 57 MB script, a million lines of text) fail with
# "took longer than the time limit" within a fraction of a second of a 0.05 s limit,
# in bounded memory; in a JSON Lines stream the slow page gets an error record and the
# lines around it are extracted; normal pages give the same output with a limit as
# without one.
. "$(dirname "$0")/lib.sh"
setup "$@"

# Sanitizer builds are several times slower: looser bounds there.
slow=1
[ "$asan" -eq 1 ] && slow=4

awk 'BEGIN { printf "<html><body>"; for (i = 0; i < 1400000; i++) printf "<div><p>word word word</p><span>x</span></div>"; print "</body></html>" }' > "$tmp/elements.html"
awk 'BEGIN { printf "<html><head><script>"; for (i = 0; i < 2400000; i++) print "var a = 1; // <p>x</p>"; print "</script></head><body><p>Hello there</p></body></html>" }' > "$tmp/script.html"
awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "Line %d of a long text page, with words and more words here.\n", i }' > "$tmp/lines.txt"

for page in elements.html script.html lines.txt; do
  run "$page, 0.05 s limit" 30 1 "$tmp/$page" --page-time-limit=0.05
  expect_err "$page: the reason" 'winnow: \(stdin\): page took longer than the time limit of 0.05 s'
  # The timeout is seen inside the parse and the rule matching: what is left is the
  # linear passes over the bytes (charset decoding, the attribute pre-pass).
  if [ "$ms" -lt $((1500 * slow)) ]; then pass "$page: stopped in $ms ms"; else fail "$page" "took $ms ms"; fi
  if [ -n "$gnutime" ] && [ "$asan" -eq 0 ]; then
    if [ "$rss_kb" -lt 716800 ]; then pass "$page: peak RSS $rss_kb KB < 700 MB"
    else fail "$page" "peak RSS $rss_kb KB"; fi
  fi
done

# The page is slow enough for the test to mean something: it takes more than 1 s (about
# 12 s without a limit).
run "elements.html, 1 s limit" 60 1 "$tmp/elements.html" --page-time-limit=1
expect_err "elements.html takes more than 1 s" 'took longer than the time limit of 1 s'
if [ "$ms" -lt $((2500 * slow)) ]; then pass "elements.html: 1 s limit stopped it in $ms ms"
else fail "elements.html, 1 s limit" "took $ms ms"; fi

# In a stream: the slow page's line gets an error record, its neighbours their text.
{
  echo '{"id":"before","text":"A short page of text before the slow one, long enough to keep as prose."}'
  printf '{"id":"slow","html":"'
  head -c 40000000 "$tmp/elements.html"
  echo '"}'
  echo '{"id":"after","text":"A short page of text after the slow one, long enough to keep as prose."}'
} > "$tmp/stream.jsonl"
run "stream with a slow page, -j 2" 60 1 "$tmp/stream.jsonl" --input-format=jsonl -j 2 --page-time-limit=0.2
expect_out "stream: the slow line's error record" '"id":"slow","url":null,"line":2,"warc_date":null,"http_status":null,"content_type":null,"http_charset":null,"file":null,"offset":null,"status":"error","error":"page took longer than the time limit of 0.2 s"'
expect_out "stream: the line before is extracted" '"id":"before",.*"status":"ok"'
expect_out "stream: the line after is extracted" '"id":"after",.*"status":"ok"'
if [ "$(wc -l < "$out")" -eq 3 ]; then pass "stream: three records"; else fail "stream" "$(wc -l < "$out") records"; fi

# Normal pages: the same bytes with a generous limit as without one.
set --
for f in "$src"/fixtures/*/input.*; do set -- "$@" "$f"; done
"$bin" -q -f jsonl -j 2 "$@" > "$tmp/nolimit" 2> /dev/null
"$bin" -q -f jsonl -j 2 --page-time-limit=60 "$@" > "$tmp/limit" 2> /dev/null
if [ -s "$tmp/nolimit" ] && cmp -s "$tmp/nolimit" "$tmp/limit"; then
  pass "fixtures: same records with --page-time-limit=60 ($# pages)"
else
  fail "fixtures" "records differ with --page-time-limit=60"
fi

finish
