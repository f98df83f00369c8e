#!/bin/sh
# test_nocontent.sh WINNOW_BIN SOURCE_DIR -- pages without main content on the command
# line: each fixtures/nocontent-*/ page prints nothing in text and Markdown and exits 0,
# its JSON record says "status": "no_content" with an empty text and the reason,
# --explain says why, -v counts it; a short article that only talks about 404 errors
# stays "ok"; batches (-r, -j, -o), JSON Lines streams and WARC archives still give
# exactly one record per page, in order.
set -u
. "$(dirname "$0")/lib.sh"

for dir in "$SRC"/fixtures/nocontent-*/; do
  name=$(basename "$dir")
  input=$(ls "$dir"/input.*)
  eval "set -- $(cat "$dir/args")"
  run "$@" "$input"
  check "$name: text mode exits 0" rc_is 0
  check "$name: text mode prints nothing" empty "$T/out"
  check "$name: nothing on stderr either" empty "$T/err"
  run -f markdown "$@" "$input"
  check "$name: Markdown prints nothing" empty "$T/out"
  run --comments "$@" "$input"
  check "$name: --comments prints nothing either" empty "$T/out"
  run -f json "$@" "$input"
  check "$name: JSON exits 0" rc_is 0
  check "$name: JSON status no_content" has "$T/out" '"status": "no_content"'
  check "$name: JSON text empty" has "$T/out" '"text": "",\{0,1\}$'
  check "$name: JSON says why in error" has "$T/out" '"error": "[a-z]'
  check "$name: JSON keeps no block" has "$T/out" '"blocks_kept": 0,'
  run -e "$@" "$input"
  check "$name: --explain says why" has "$T/err" '^no content: [a-z]'
  check "$name: --explain keeps no block" lacks "$T/err" '^KEEP '
done

page=$SRC/fixtures/content-short-404-article/input.html
run -f jsonl "$page"
check "an article about 404 errors is content" has "$T/out" '"status":"ok"'
run -e "$page"
check "... and --explain has no no-content line" lacks "$T/err" '^no content:'

run -f jsonl < /dev/null
check "empty stdin: exit 0" rc_is 0
check "empty stdin: status no_content" has "$T/out" '"status":"no_content","error":"empty page: the input is empty"'

# A batch: two articles around two pages without content.
mkdir -p "$T/batch"
make_article "$T/batch/a.txt" Quiet
cp "$SRC/fixtures/nocontent-login-wall/input.html" "$T/batch/b.html"
cp "$SRC/fixtures/nocontent-404/input.html" "$T/batch/c.html"
make_article "$T/batch/d.txt" Loud
run -r -f jsonl -j 1 "$T/batch"
check "-r jsonl: exit 0" rc_is 0
check "-r jsonl: one record per page" [ "$(wc -l < "$T/out")" -eq 4 ]
statuses=$(sed 's/.*"status":"\([a-z_]*\)".*/\1/' "$T/out" | tr '\n' ' ')
check "-r jsonl: statuses in input order" [ "$statuses" = "ok no_content no_content ok " ]
cp "$T/out" "$T/j1"
run -r -f jsonl -j 4 "$T/batch"
check "-j 4 gives the records of -j 1" cmp -s "$T/out" "$T/j1"
run -r "$T/batch"
check "-r text: exit 0" rc_is 0
check "-r text: a form-feed line between every two pages, empty ones too" \
  [ "$(grep -c "^$(printf '\f')\$" "$T/out")" -eq 3 ]
check "-r text: the articles are there" [ "$(grep -c 'River Report' "$T/out")" -eq 2 ]
run -r -v -o "$T/outdir" "$T/batch"
check "-o: exit 0" rc_is 0
check "-o: a file per page" [ "$(find "$T/outdir" -type f | wc -l)" -eq 4 ]
check "-o: the sign-in wall's file is empty" empty "$T/outdir/b.txt"
check "-o: an article's file is not" [ -s "$T/outdir/a.txt" ]
check "-v: the note says so" has "$T/err" 'b.html -> .* (1264 bytes in, 0 out, no main content)$'
check "-v: the summary counts them" has "$T/err" '^winnow: 4 files, 0 failed, 2 without main content, '

# JSON Lines in: one record out per line, the empty page included.
python3 - "$SRC" > "$T/pages.jsonl" << 'EOF'
import json, sys
src = sys.argv[1]
print(json.dumps({"id": 1, "html": open(src + "/fixtures/nocontent-404/input.html").read()}))
print(json.dumps({"id": 2, "text": "A page of text.\n\n" + "The council met on Tuesday and "
                  "voted on the budget for the schools of the city after a long debate. " * 3}))
print(json.dumps({"id": 3, "html": ""}))
EOF
run --input-format=jsonl -v "$T/pages.jsonl"
check "jsonl: exit 0" rc_is 0
check "jsonl: a record per line" [ "$(wc -l < "$T/out")" -eq 3 ]
statuses=$(sed 's/.*"id":\([0-9]\).*"status":"\([a-z_]*\)".*/\1 \2/' "$T/out" | tr '\n' ' ')
check "jsonl: statuses in line order" [ "$statuses" = "1 no_content 2 ok 3 no_content " ]
check "jsonl: -v counts them" has "$T/err" '^winnow: 3 lines, 0 failed, 2 without main content, '

# A WARC archive of three resource records: an article, a sign-in wall, an empty page.
record() { # record URI FILE
  printf 'WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\n' \
    "$1" "$(printf '%s' "$1" | cksum | cut -d' ' -f1)"
  printf 'Content-Type: text/html\r\nContent-Length: %d\r\n\r\n' "$(wc -c < "$2")"
  cat "$2"
  printf '\r\n\r\n'
}
{ printf '<html><body><article><p>'; sed -n 3p "$T/batch/a.txt"; printf '</p></article></body></html>'; } \
  > "$T/article.html"
: > "$T/blank.html"
{
  record http://t/article "$T/article.html"
  record http://t/login "$SRC/fixtures/nocontent-login-wall/input.html"
  record http://t/blank "$T/blank.html"
} > "$T/crawl.warc"
run -f jsonl "$T/crawl.warc"
check "WARC: exit 0" rc_is 0
check "WARC: a record per page" [ "$(wc -l < "$T/out")" -eq 3 ]
statuses=$(sed 's/.*"url":"http:\/\/t\/\([a-z]*\)".*"status":"\([a-z_]*\)".*/\1 \2/' "$T/out" | tr '\n' ' ')
check "WARC: statuses in record order" [ "$statuses" = "article ok login no_content blank no_content " ]
run "$T/crawl.warc"
check "WARC text: two form-feed lines for three pages" \
  [ "$(grep -c "^$(printf '\f')\$" "$T/out")" -eq 2 ]
run -f warc "$T/crawl.warc"
check "WARC out: a conversion record per page" [ "$(grep -c '^WARC-Type: conversion' "$T/out")" -eq 3 ]
finish
