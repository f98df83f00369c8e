#!/bin/sh
# test_limits.sh WINNOW SOURCE_DIR -- pages past the parser's and winnow's limits keep
# their text, or the run says what was cut: deep nesting (HTML_MAX_DEPTH, libxml2's
# 256 levels), a text node over libxml2's 10 MB, more elements than HTML_MAX_NODES /
# HTML_MAX_PARSE (exit 1, "page cut short" on stderr, JSON status "truncated"), a start
# tag with 300,000 attributes (HTML_MAX_ATTRS), and rendered text with bare CR line ends.
. "$(dirname "$0")/lib.sh"
setup "$@"

# repeat N STRING: STRING N times, no newline.
repeat() { awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'; }
# attrs N: " a0=\"x\" a1=\"x\" ..." (N attributes), no newline.
attrs() { awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf " a%d=\"x\"", i }'; }

# Sanitizer builds run ~3x slower (the 2.3M-element page up to ~8x): looser limits there.
slow=1
[ "$asan" -eq 1 ] && slow=4

# --- (a) deep nesting: 300 (past libxml2's 256), 1000 and 5000 (past HTML_MAX_DEPTH)
# levels of div, table/tr/td and ul/li around a paragraph, a second paragraph after.
deep='Hello deep world, this is a paragraph of text that should be kept in the output of the extractor.'
after='After the nest there is another paragraph that is also article text.'
for n in 300 1000 5000; do
  for kind in div table ul; do
    case $kind in
      div) open='<div>' close='</div>' ;;
      table) open='<table><tr><td>' close='</td></tr></table>' ;;
      ul) open='<ul><li>' close='</li></ul>' ;;
    esac
    f=$tmp/deep-$kind-$n.html
    {
      printf '<html><head><title>T</title></head><body>'
      repeat "$n" "$open"
      printf '<p>%s</p>' "$deep"
      repeat "$n" "$close"
      printf '<p>%s</p></body></html>\n' "$after"
    } > "$f"
    for fmt in text markdown; do
      c="$n nested $kind, $fmt"
      run "$c" $((10 * slow)) 0 "$f" -f "$fmt"
      expect_out "$c: the nested paragraph is kept" "$deep"
      expect_out "$c: the paragraph after the nest is kept" "$after"
    done
  done
done

# --- (b) a text node over libxml2's 10 MB limit (10.5 MB), then a second paragraph.
{
  printf '<html><body><p>'
  repeat 2100000 'word '
  printf '</p><p>Second paragraph after the big one.</p></body></html>\n'
} > "$tmp/bignode.html"
run "10.5 MB text node" $((20 * slow)) 0 "$tmp/bignode.html"
size=$(wc -c < "$out")
if [ "$size" -gt 10000000 ]; then pass "10.5 MB text node: output is $size bytes"
else fail "10.5 MB text node" "output is $size bytes, want > 10000000"; fi
expect_out "10.5 MB text node: the paragraph after it is kept" 'Second paragraph after the big one'

# --- (c) 2.3M empty elements (past HTML_MAX_NODES and HTML_MAX_PARSE), then the end
# paragraph.  Today the paragraph is kept AND the cut is reported: exit 1, a warning.
{
  printf '<html><head><title>Real title</title></head><body>'
  repeat 2300000 '<i></i>'
  printf '<p>THE END marker paragraph of the article.</p></body></html>\n'
} > "$tmp/elements.html"
cut='^winnow: .*page cut short: more than [0-9]+ (elements|nodes)'
run "2.3M elements" $((30 * slow)) 1 "$tmp/elements.html"
expect_err "2.3M elements: the cut is reported on stderr" "$cut"
expect_out "2.3M elements: the end paragraph is kept" 'THE END marker paragraph of the article\.'
expect_out "2.3M elements: the title is kept" '^Real title$'
run "2.3M elements, JSON" $((30 * slow)) 1 "$tmp/elements.html" -f json
expect_out "2.3M elements, JSON: status truncated" '"status": "truncated"'
expect_out "2.3M elements, JSON: a warning says why" '"warning": "page cut short: more than [0-9]+ (elements|nodes)'
expect_out "2.3M elements, JSON: error is null" '"error": null'
expect_out "2.3M elements, JSON: the end paragraph is kept" '"text": ".*THE END marker paragraph'
expect_err "2.3M elements, JSON: the cut is reported on stderr" "$cut"

# 1.2M elements: past HTML_MAX_NODES only; the paragraphs past the limit (in a div that
# is itself past it) are unwrapped, not dropped.
{
  printf '<html><head><title>Real title</title></head><body>'
  repeat 1200000 '<i></i>'
  printf '<div class="story"><p>First paragraph past the element limit, with prose words.</p>'
  printf '<p>Second paragraph past the element limit, with prose words.</p></div></body></html>\n'
} > "$tmp/nodes.html"
run "1.2M elements" $((30 * slow)) 1 "$tmp/nodes.html" -f json
expect_out "1.2M elements: status truncated" '"status": "truncated"'
expect_out "1.2M elements: warning names the element limit" '"warning": "page cut short: more than 1100000 elements'
expect_out "1.2M elements: first paragraph kept" 'First paragraph past the element limit, with prose words\.'
expect_out "1.2M elements: second paragraph kept" 'Second paragraph past the element limit, with prose words\.'

# 1.2M spans with text: 2.4M parser nodes, past HTML_MAX_PARSE; text past it kept.
{
  printf '<html><head><title>Real title</title></head><body>'
  repeat 1200000 '<span>w </span>'
  printf '<p>THE END marker paragraph of the article.</p></body></html>\n'
} > "$tmp/parse.html"
run "1.2M spans with text" $((30 * slow)) 1 "$tmp/parse.html"
expect_err "1.2M spans with text: the cut is reported" "$cut"
expect_out "1.2M spans with text: the end paragraph is kept" 'THE END marker paragraph of the article\.'

# --- (d) 300,000 attributes on one start tag: capped before parsing, so it is fast.
# 2 s wall time on a Release build; relaxed under sanitizers.
max_ms=2000
[ "$asan" -eq 1 ] && max_ms=10000
within() { # within NAME: the last run took at most max_ms
  if [ "$ms" -le "$max_ms" ]; then pass "$1: ${ms} ms <= ${max_ms} ms"
  else fail "$1" "took ${ms} ms, want <= ${max_ms} ms"; fi
}
{
  printf '<html><body><div'
  attrs 300000
  printf '><p>Article text.</p></div></body></html>\n'
} > "$tmp/attrs.html"
run "300k attributes" $((10 * slow)) 0 "$tmp/attrs.html"
within "300k attributes"
expect_out "300k attributes: text kept" '^Article text\.$'

# The attributes winnow reads still count when they come after the 300,000: class and
# id on the article, hidden on a div inside it (whose text must then be dropped; the
# same page with a data- attribute instead of hidden keeps it).
story='<p>The council met on Tuesday evening to discuss the new budget for the coming year, and members argued for hours.</p><p>Residents who attended said they were pleased that the library would stay open on weekends after all.</p>'
secret='Secret paragraph that a browser would not show to any of its readers at all.'
late_attrs() { # late_attrs LAST_ATTRIBUTE_OF_THE_INNER_DIV
  printf '<html><body><div'
  attrs 300000
  printf ' class="content" id="main-story">%s<div' "$story"
  attrs 300000
  printf ' %s><p>%s</p></div></div>' "$1" "$secret"
  printf '<div class="footer"><p>Footer copyright notice here.</p></div></body></html>\n'
}
late_attrs hidden > "$tmp/attrs-hidden.html"
late_attrs data-shown > "$tmp/attrs-shown.html"
c="300k attributes, then class, id, hidden"
run "$c" $((10 * slow)) 0 "$tmp/attrs-hidden.html" -e
within "$c"
expect_out "$c: article kept" 'The council met on Tuesday evening'
expect_out "$c: second paragraph kept" 'Residents who attended said'
expect_no_out "$c: the hidden div is dropped" "$secret"
expect_err "$c: the id is on the element" 'div#main-story>p'
c="300k attributes, then class, id, no hidden"
run "$c" $((10 * slow)) 0 "$tmp/attrs-shown.html"
within "$c"
expect_out "$c: the div's paragraph is kept" "$secret"

# --- (e) rendered text whose lines end in a bare CR (old Mac): a headline, a blank line,
# two paragraphs.  The headline must be its own block, not glued to the paragraphs.
head='Headline of the story'
p1='First paragraph of the article, with enough words to count as prose.'
p2='Second paragraph of the article, also with enough words to count.'
printf '%s\r\r%s\r%s\r' "$head" "$p1" "$p2" > "$tmp/cr.txt"
printf '%s\n\n%s\n%s\n' "$head" "$p1" "$p2" > "$tmp/lf.txt"
printf '%s\r\n\r\n%s\r\n%s\r\n' "$head" "$p1" "$p2" > "$tmp/crlf.txt"
printf '%s\r\n\r%s\n%s\r' "$head" "$p1" "$p2" > "$tmp/mixed.txt"
run "bare CR lines" $((10 * slow)) 0 "$tmp/cr.txt" --type=text -e
expect_err "bare CR: the headline is a block of its own" "^KEEP title .*line 1 +\\| $head\$"
expect_err "bare CR: first paragraph on line 3" "^KEEP para .*line 3 +\\| $p1\$"
expect_err "bare CR: second paragraph on line 4" "^KEEP para .*line 4 +\\| $p2\$"
expect_out "bare CR: the headline is the first output line" "^$head\$"
if [ "$(head -n 1 "$out")" = "$head" ]; then pass "bare CR: first line is the headline"
else fail "bare CR" "first output line is '$(head -n 1 "$out")'"; fi
if tr -d '\n' < "$out" | grep -q "$(printf '\r')"; then fail "bare CR" "a CR is left in the output"
else pass "bare CR: no CR left in the output"; fi
cp "$out" "$tmp/cr.out"
for v in lf crlf mixed; do
  run "$v lines" $((10 * slow)) 0 "$tmp/$v.txt" --type=text
  if cmp -s "$out" "$tmp/cr.out"; then pass "$v lines: same output as bare CR"
  else fail "$v lines" "output differs from the bare-CR one"; fi
done
run "bare CR lines, JSON" $((10 * slow)) 0 "$tmp/cr.txt" --type=text -f json
expect_out "bare CR, JSON: the title is the headline alone" "\"title\": \"$head\""

# Data tables: 4 MB of rows whose cells span 64 columns.  The empty cells a colspan adds
# are budgeted per page, so the Markdown stays a few times the input, not 60 times.
{ printf '<table><tr><td>a</td><td>b</td></tr>'
  yes '<tr><td colspan=64>x</td><td colspan=64>y</td></tr>' | head -c 4000000; } > "$tmp/colspan.html"
run "4 MB of colspan=64 cells, Markdown" $((20 * slow)) 0 "$tmp/colspan.html" --type=html -f markdown
if [ "$(wc -c < "$out")" -le 16000000 ]; then pass "colspan padding: output bounded"
else fail "colspan padding: output bounded" "$(wc -c < "$out") bytes of Markdown"; fi
# 40,000 identical long rows or paragraphs: the repeat check stores one copy of a text,
# it does not walk every earlier copy (that took minutes on a 64 MB page).
yes '<p>The same sentence, long enough to count, appears on every line of this page.</p>' |
  head -n 40000 > "$tmp/same.html"
run "40,000 identical paragraphs" $((10 * slow)) 0 "$tmp/same.html" --type=html
expect_out "identical paragraphs: kept" 'The same sentence'

finish
