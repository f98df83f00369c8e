#!/bin/sh
# test_structure.sh WINNOW SOURCE_DIR -- pathological page shapes: deep nesting, huge
# text nodes, a million elements, very long lines.  Each case must finish within its
# time limit with the expected exit code and valid UTF-8 on stdout.
. "$(dirname "$0")/lib.sh"
setup "$@"

# repeat N STRING: STRING N times, no newline.
repeat() { awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'; }
# prose BYTES: one line of sentences, BYTES long, no newline.
prose() { yes 'The quick brown fox jumps over the lazy dog again and again. ' | tr -d '\n' | head -c "$1"; }

# 100,000 nested elements, article text before and inside the nest.
{
  printf '<html><head><title>Deep</title></head><body><p>Text before the nest is a sentence.</p>'
  repeat 100000 '<div>'
  printf 'deep text'
  repeat 100000 '</div>'
  printf '</body></html>'
} > "$tmp/deep.html"
run "100k nested divs" 60 0 "$tmp/deep.html" --type=html
expect_out "100k nested divs: text before the nest kept" 'Text before the nest'
{
  printf '<html><body>'
  repeat 100000 '<span><b><i>'
  printf 'inline nest'
  printf '</body></html>'
} > "$tmp/deep-unclosed.html"
run "300k unclosed inline elements" 60 0 "$tmp/deep-unclosed.html"
{
  repeat 50000 '<ul><li>'
  printf 'nested lists'
} > "$tmp/deep-lists.html"
run "50k nested lists, no html/body" 60 "0|1" "$tmp/deep-lists.html" --type=html

# A 50 MB single text node (under the 64 MB default --max-size).
{ printf '<html><body><p>'; prose 50000000; printf '</p></body></html>'; } > "$tmp/bignode.html"
run "50 MB single text node" 120 0 "$tmp/bignode.html"
expect_out "50 MB text node: text kept" 'quick brown fox'
expect_rss "50 MB text node: memory" 1024

# A million empty elements, then a paragraph.
{
  printf '<html><body>'
  repeat 1000000 '<p></p>'
  printf '<p>After a million empty paragraphs comes a real one.</p></body></html>'
} > "$tmp/million.html"
run "1M empty elements" 120 0 "$tmp/million.html"
expect_out "1M empty elements: paragraph kept" 'After a million'
{ printf '<html><body>'; repeat 1000000 '<br>'; printf 'tail</body></html>'; } > "$tmp/million-br.html"
run "1M <br>" 120 0 "$tmp/million-br.html"

# A 10 MB single line of text, and a million short lines.
prose 10000000 > "$tmp/line.txt"
run "10 MB single text line" 60 0 "$tmp/line.txt" --type=text
expect_out "10 MB line: kept" 'quick brown fox'
yes 'A short line.' | head -n 1000000 > "$tmp/lines.txt"
run "1M short text lines" 60 0 "$tmp/lines.txt" --type=text
prose 10000000 > "$tmp/line.html"
run "10 MB line, no markup, as html" 60 0 "$tmp/line.html" --type=html

# Attribute and tag-name extremes.
{ printf '<html><body><div class="'; repeat 2000000 'nav '; printf '">x</div><p>body text</p></body></html>'; } > "$tmp/attr.html"
run "8 MB class attribute" 60 0 "$tmp/attr.html"
{ printf '<'; repeat 1000000 'a'; printf '>text</'; repeat 1000000 'a'; printf '>'; } > "$tmp/tagname.html"
run "1 MB tag name" 60 "0|1" "$tmp/tagname.html" --type=html
{ repeat 200000 '<!--'; printf 'x'; repeat 200000 '-->'; } > "$tmp/comments.html"
run "200k nested comment openers" 60 "0|1" "$tmp/comments.html" --type=html
{ repeat 1000000 '&amp;'; } > "$tmp/entities.html"
run "1M entities" 60 "0|1" "$tmp/entities.html" --type=html

finish
