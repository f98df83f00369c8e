#!/bin/sh
# test_comments.sh WINNOW_BIN SOURCE_DIR -- reader comments on the command line: never
# in the article; --comments prints them after it under "--- comments ---" (Markdown:
# a rule and "## Comments"), and JSON records carry them as {author, date, text} (null
# without the option); the same in JSON Lines streams; a forced forum page has posts,
# not comments.
set -u
. "$(dirname "$0")/lib.sh"

wp=$SRC/fixtures/html-comments-wordpress/input.html
mt=$SRC/fixtures/html-comments-rhythm/input.html

for page in "$wp" "$mt"; do
  name=$(basename "$(dirname "$page")")
  run --type=html "$page"
  check "$name: no comment in the article" lacks "$T/out" 'Fleece is the trick\|westerlies'
  check "$name: no separator without --comments" lacks "$T/out" '^--- comments ---$'
  run --type=html --comments "$page"
  check "$name: --comments exits 0" rc_is 0
  check "$name: the separator line" has "$T/out" '^--- comments ---$'
  check "$name: comments after the separator" \
    sh -c "sed -n '/^--- comments ---\$/,\$p' '$T/out' | grep -q 'Fleece is the trick\|westerlies'"
  check "$name: the article before it" \
    sh -c "sed -n '1,/^--- comments ---\$/p' '$T/out' | grep -q 'tide table gives\|Every autumn'"
done

run --type=html -f json "$wp"
check "json: comments null without the option" has "$T/out" '"comments": null'
run --type=html -f jsonl --comments "$wp"
check "json: an array of {author, date, text}" hasf "$T/out" \
  '"comments":[{"author":"Tom Fielding","date":"2024-10-13","text":"Fleece is the trick.'
check "json: every comment" has "$T/out" '"author":"Anjali".*"author":"Margaret Holt"'
check "json: the record's text is the article alone" \
  python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); sys.exit("Fleece" in r["text"] or "--- comments" in r["text"])' "$T/out"
run --type=html -f jsonl --comments "$mt"
check "json: stamps after the text (Movable Type)" hasf "$T/out" \
  '{"author":"K. Ward","date":"2009-03-04","text":"Is there a table for the river'

run --type=html -f markdown --comments "$wp"
check "markdown: a rule and a Comments heading" \
  sh -c "grep -q '^---\$' '$T/out' && grep -q '^## Comments\$' '$T/out'"

printf 'Just a short line of text.\n' > "$T/plain.txt"
run -f jsonl --comments "$T/plain.txt"
check "a page without comments: an empty array" hasf "$T/out" '"comments":[]'

python3 - "$wp" > "$T/in.jsonl" <<'PY' 2>/dev/null || printf '' > "$T/in.jsonl"
import json, sys
print(json.dumps({"id": 7, "html": open(sys.argv[1], encoding="utf-8").read()}))
PY
if [ -s "$T/in.jsonl" ]; then
  IN=$T/in.jsonl run --input-format=jsonl --comments
  check "jsonl stream: comments in the record" hasf "$T/out" '"author":"Tom Fielding"'
fi

# A short post beside a Livefyre thread whose one comment holds most of the page's text:
# the platform's container is still no part of the article.
{
  printf '<html><body class="single comments-open"><div id="content"><div class="postclass">'
  printf '<h1>Ferry timetable changes</h1>\n<p>From Monday the first ferry leaves at six, half an '
  printf 'hour earlier than before, the harbour office said.</p>\n</div>\n<div id="lf_comment_stream">'
  printf '<div id="livefyre"><div class="lf_head_bar"><label>1 comment</label></div>\n'
  printf '<div class="fyre-comment"><p>The early boat is a relief for everyone who works at the '
  printf 'harbour market and has to set up the stalls before the first customers arrive. It means we '
  printf 'no longer have to sleep over on the island on Sunday nights, and the fishmongers can bring '
  printf 'the morning catch across while it is still fresh. I hope the council keeps the new '
  printf 'timetable through the winter too, when the roads are worst.</p></div>\n'
  printf '</div></div></div></body></html>\n'
} > "$T/livefyre.html"
run --type=html "$T/livefyre.html"
check "platform thread: the post stays" hasf "$T/out" 'first ferry leaves at six'
check "platform thread: not in the article, though it is most of the page" lacks "$T/out" 'early boat'
run --type=html --comments "$T/livefyre.html"
check "platform thread: read apart with --comments" \
  sh -c "sed -n '/^--- comments ---\$/,\$p' '$T/out' | grep -q 'early boat'"

run --type=html --page-type=forum -f jsonl --comments "$wp"
check "forced forum: no comments apart" hasf "$T/out" '"comments":[]'

finish
