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
  '"comments":[{"author":"Tom Fielding","date":"October 13, 2024 at 8:02 am","text":"Fleece is the trick.'
check "json: every comment" has "$T/out" '"author":"Anjali".*"author":"Margaret Holt"'
check "json: the record's text is the article alone" \
  python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); sys.exit("Fleece" in r["text"] or "--- comments" in r["text"])' "$T/out"
run --type=html -f jsonl --comments "$mt"
check "json: stamps after the text (Movable Type)" hasf "$T/out" \
  '{"author":"K. Ward","date":"March 4, 2009 11:30 AM","text":"Is there a table for the river'

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

run --type=html --page-type=forum -f jsonl --comments "$wp"
check "forced forum: no comments apart" hasf "$T/out" '"comments":[]'

finish
