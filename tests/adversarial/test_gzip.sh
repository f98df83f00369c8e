#!/bin/sh
# test_gzip.sh WINNOW SOURCE_DIR -- compressed input gone wrong: a truncated .gz, a
# corrupt one, and a gzip bomb that inflates past --max-size.  Skipped (77) while the
# CLI does not read .gz (its --help does not mention it).
. "$(dirname "$0")/lib.sh"
setup "$@"
if ! "$bin" --help 2>&1 | grep -qiE 'gzip|\.gz'; then
  echo "skipped: winnow --help does not mention gzip"
  exit 77
fi

{ printf '<html><head><title>A gzip page</title></head><body>'
  i=0; while [ $i -lt 300 ]; do printf '<p>Paragraph %d of the article is a sentence of prose.</p>' $i; i=$((i + 1)); done
  printf '</body></html>\n'; } > "$tmp/page.html"
gzip -c "$tmp/page.html" > "$tmp/page.html.gz"
run "a valid .gz" 10 0 - "$tmp/page.html.gz"
expect_out "valid .gz: decoded" 'Paragraph 299 of'

size=$(wc -c < "$tmp/page.html.gz")
head -c $((size / 2)) "$tmp/page.html.gz" > "$tmp/trunc.html.gz"
run "a truncated .gz" 10 1 - "$tmp/trunc.html.gz"
expect_err "truncated .gz: message" "winnow: .*trunc.html.gz: "
head -c 10 "$tmp/page.html.gz" > "$tmp/header-only.html.gz"
run "a .gz of only its header" 10 1 - "$tmp/header-only.html.gz"
{ head -c 20 "$tmp/page.html.gz"; head -c 2000 /dev/urandom; } > "$tmp/corrupt.html.gz"
run "a corrupt .gz" 10 1 - "$tmp/corrupt.html.gz"
run "truncated .gz, then a good one" 10 1 - "$tmp/trunc.html.gz" "$tmp/page.html.gz"
expect_out "the good .gz after a bad one is processed" 'Paragraph 299 of'

# A gzip bomb: 1 GB of zeros in about 1 MB; must stop at --max-size, memory bounded.
head -c 1073741824 /dev/zero | gzip -1 > "$tmp/bomb.html.gz"
run "a gzip bomb (1 GB of zeros)" 60 1 - "$tmp/bomb.html.gz"
expect_err "gzip bomb: --max-size message" "max-size"
expect_rss "gzip bomb: memory" 400

finish
