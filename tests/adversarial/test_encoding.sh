#!/bin/sh
# test_encoding.sh WINNOW SOURCE_DIR -- hostile bytes: NULs in HTML, UTF-16 in both byte
# orders with and without a BOM, meta charsets that lie, invalid UTF-8 everywhere and
# random bytes.  Whatever comes in, stdout must be valid UTF-8 and the exit code defined.
. "$(dirname "$0")/lib.sh"
setup "$@"

para='Caf\303\251 na\303\257ve \342\200\224 the article text is here and reads like prose.'
html() { printf '<!DOCTYPE html><html><head>%s<title>Encoding test</title></head><body><p>%b</p></body></html>\n' "$1" "$2"; }

# NUL bytes inside the markup and the text.
printf '<html><body><p>before\000after the NUL byte</p>\000<div\000 class="x">\000more text</div></body></html>\n' > "$tmp/nul.html"
run "NUL bytes inside HTML" 10 0 "$tmp/nul.html"
expect_out "NUL bytes: text around them kept" 'after the NUL byte'
if tr -d '\000' < "$out" | cmp -s - "$out"; then pass "NUL bytes: none in output"
else fail "NUL bytes: none in output" "stdout has NUL bytes"; fi

# UTF-16, LE and BE, with and without a BOM, as HTML and as text.
html '' "$para" > "$tmp/page.html"
printf '%b\n\nSecond paragraph of plain text that is long enough to be kept as prose.\n' "$para" > "$tmp/page.txt"
for kind in html txt; do
  for enc in LE BE; do
    iconv -f UTF-8 -t UTF-16$enc "$tmp/page.$kind" > "$tmp/nobom" || { fail "iconv UTF-16$enc" "iconv failed"; continue; }
    if [ $enc = LE ]; then printf '\377\376' > "$tmp/bom"; else printf '\376\377' > "$tmp/bom"; fi
    cat "$tmp/bom" "$tmp/nobom" > "$tmp/withbom"
    run "UTF-16$enc $kind with BOM" 10 0 "$tmp/withbom"
    expect_out "UTF-16$enc $kind with BOM: decoded" 'Café naïve — the article'
    run "UTF-16$enc $kind without BOM" 10 0 "$tmp/nobom"
    expect_out "UTF-16$enc $kind without BOM: decoded" 'Café naïve — the article'
  done
done
# An odd number of bytes and a lone surrogate in UTF-16.
{ printf '\377\376'; printf 'Text' | iconv -f UTF-8 -t UTF-16LE; printf '\000\330x'; } > "$tmp/u16bad"
run "UTF-16LE lone surrogate, odd length" 10 0 "$tmp/u16bad"

# Meta charset that lies in both directions.
html '<meta charset="windows-1252">' "$para" > "$tmp/lie1.html"
run "meta says windows-1252, bytes are UTF-8" 10 0 "$tmp/lie1.html"
expect_out "meta windows-1252 over UTF-8: no mojibake" 'Café naïve — the'
html '<meta charset="utf-8">' "$para" | iconv -f UTF-8 -t WINDOWS-1252 > "$tmp/lie2.html"
run "meta says utf-8, bytes are latin1" 10 0 "$tmp/lie2.html"
expect_out "meta utf-8 over latin1: decoded as windows-1252" 'Café naïve — the'
html '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">' "$para" \
  | iconv -f UTF-8 -t WINDOWS-1252 > "$tmp/honest.html"
run "meta says iso-8859-1, bytes are windows-1252" 10 0 "$tmp/honest.html"
expect_out "meta iso-8859-1: decoded" 'Café naïve — the'
html '<meta charset="shift_jis">' "$para" > "$tmp/lie3.html"
run "meta says shift_jis, bytes are UTF-8" 10 0 "$tmp/lie3.html"
html '<meta charset="x-bogus-charset-name-that-goes-on-and-on-and-on">' "$para" > "$tmp/lie4.html"
run "meta names an unknown charset" 10 0 "$tmp/lie4.html"
expect_out "unknown charset: UTF-8 kept" 'Café naïve'

# Invalid UTF-8 everywhere: lone leads, truncated sequences, overlongs, surrogates,
# code points past U+10FFFF, stray continuation bytes, 0xFE/0xFF.
bad='\303 \342\202 \355\240\200 \364\220\200\200 \300\257 \340\200\200 \200\277 \376\377 \370\210\200\200\200'
{ printf '<html><head><title>Bad %b</title></head><body>' "$bad"
  i=0; while [ $i -lt 200 ]; do printf '<p>Paragraph %d with %b bad bytes in a sentence of text.</p>' $i "$bad"; i=$((i + 1)); done
  printf '</body></html>\n'; } > "$tmp/bad.html"
run "invalid UTF-8 everywhere (html)" 10 0 "$tmp/bad.html"
expect_out "invalid UTF-8 (html): text kept" 'Paragraph 199 with'
{ i=0; while [ $i -lt 200 ]; do printf 'Line %d with %b bad bytes in a sentence of prose text.\n' $i "$bad"; i=$((i + 1)); done; } > "$tmp/bad.txt"
run "invalid UTF-8 everywhere (text)" 10 0 "$tmp/bad.txt" --type=text
expect_out "invalid UTF-8 (text): text kept" 'Line 199 with'
run "invalid UTF-8 everywhere, explain" 10 0 "$tmp/bad.txt" --explain
if utf8_ok "$err"; then pass "explain output on stderr is valid UTF-8"
else fail "explain output on stderr is valid UTF-8" "invalid UTF-8 on stderr"; fi

# Random bytes: refused as binary with exit 1, never a crash.
head -c 1048576 /dev/urandom > "$tmp/random"
run "1 MB of random bytes" 10 1 "$tmp/random"
expect_err "random bytes: says binary" 'binary'
head -c 1048576 /dev/zero > "$tmp/zeros"
run "1 MB of NUL bytes" 10 1 "$tmp/zeros"
# Random bytes after an HTML head: the per-file binary check must still hold.
{ html '' 'start'; head -c 65536 /dev/urandom; } > "$tmp/htmlrandom"
run "HTML head then random bytes" 10 1 "$tmp/htmlrandom"
# Random bytes with only the C0 controls removed: high bytes decode as windows-1252.
head -c 1048576 /dev/urandom | tr -d '\000-\037\177' > "$tmp/random-hi"
run "random printable and high bytes" 30 "0|1" "$tmp/random-hi"

finish
