#!/bin/sh
# test_explain_meta.sh WINNOW_BIN SOURCE_DIR -- --explain shows the record's metadata:
# after the page-type line and before the blocks, one line per field that has a value,
# `NAME: "VALUE" (SOURCE)`, the source being where the library took it from (JSON-LD,
# a <meta>, the <h1>, the byline, the URL path ...); the language line says what was
# declared and where, what the detector read or why it did not run, and which won.
# stdout is the same with and without --explain.
set -u
. "$(dirname "$0")/lib.sh"

if "$W" --version | grep -q '^language detection: cld2 '; then detector=1; else detector=0; fi

# A real page (NPR): og:title, JSON-LD publisher and dateModified, <link rel=canonical>,
# <html lang="en">.
npr=$SRC/fixtures/html-news-npr/input.html
run -e -f json "$npr"
check "npr: exit 0" rc_is 0
check "npr: the title and where it came from" hasf "$T/err" \
  'title: "Plumbers are training as substitute teachers so full time teachers can protest a bill" (<meta og:title>)'
check "npr: JSON-LD dateModified" hasf "$T/err" 'date_modified: "2023-10-17T18:01:33-04:00" (JSON-LD dateModified)'
check "npr: JSON-LD publisher" hasf "$T/err" 'site_name: "NPR" (JSON-LD publisher)'
check "npr: the canonical link" has "$T/err" '^url: "https://www.npr.org/2023/10/17/.*" (<link rel=canonical>)$'
check "npr: a long value is cut" has "$T/err" '^description: "Texas plumbers .*\.\.\." (JSON-LD description)$'
if [ "$detector" = 1 ]; then
  check "npr: the language, declared and read alike" hasf "$T/err" \
    'language: "en" (declared "en" by <html lang>; detector read "en" in '
  check "npr: ... and why the declared tag stays" has "$T/err" \
    '^language: .*; the declared one: the text agrees with it)$'
else
  check "npr: the language without a detector" hasf "$T/err" \
    'language: "en" (declared "en" by <html lang>; detector not run: built without one; the declared one)'
fi
# The order: page type, the fields (title first, in record order), then the blocks.
awk '/^page type: /{p=NR} /^title: /{t=NR} /^language: /{l=NR} /^(KEEP|DROP) /{if(!b)b=NR}
     END{exit !(p==1 && t==2 && l>t && b>l)}' "$T/err"
check "npr: page type, then title ... language, then the blocks" [ $? -eq 0 ]
check "npr: a field without a value has no line" lacks "$T/err" '^license: '
# Text output does not run the detector: the line says so.  stdout is unchanged.
run "$npr"
cp "$T/out" "$T/plain.out"
run -e "$npr"
check "npr: stdout the same with --explain" cmp -s "$T/out" "$T/plain.out"
check "npr: text output, the detector is off" hasf "$T/err" \
  'language: "en" (declared "en" by <html lang>; detector not run: turned off'
# Several inputs: each line carries the path.
run -e -f jsonl "$npr" "$npr"
check "several inputs: the field lines carry the path" has "$T/err" "^$npr: site_name: \"NPR\""

# Sources of dates and authors, one page each.
para='<p>The council met on a rainy evening to weigh the plan for the river park, and after a long debate most members voted to fund the first stage of the work this spring.</p>'
cat > "$T/ld.html" <<HTML
<html lang="en-GB"><head><title>Park plan | Town Paper</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council funds the river park",
"datePublished":"2024-05-17T09:30:00Z","author":[{"@type":"Person","name":"Ann Lee"}]}</script>
</head><body><article><h1>Council funds the river park</h1>$para$para</article></body></html>
HTML
run -e "$T/ld.html"
check "JSON-LD datePublished" hasf "$T/err" 'date: "2024-05-17T09:30:00Z" (JSON-LD datePublished)'
check "JSON-LD author" hasf "$T/err" 'author: "Ann Lee" (JSON-LD author)'
check "the <h1> as the title" hasf "$T/err" 'title: "Council funds the river park" (<h1>)'

cat > "$T/shown.html" <<HTML
<html><head><title>River park</title></head><body><article>
<h1>Council funds the river park</h1><p>By Jo Doe</p><p>March 3, 2024</p>$para$para</article></body></html>
HTML
run -e "$T/shown.html"
check "the byline under the headline" hasf "$T/err" 'author: "Jo Doe" (byline by the headline)'
check "the date line under the headline" hasf "$T/err" 'date: "2024-03-03" (date line by the headline)'

cat > "$T/url.html" <<HTML
<html><head><title>River park</title><link rel="canonical" href="https://paper.test/2023/11/02/river-park">
</head><body><article><h1>Council funds the river park</h1>$para$para</article></body></html>
HTML
run -e "$T/url.html"
check "a date in the URL path" hasf "$T/err" 'date: "2023-11-02" (URL path)'
check "the hostname of the canonical URL" hasf "$T/err" 'hostname: "paper.test" (the record'"'"'s url)'
run -e --url https://other.test/x "$T/url.html"
check "the hostname of --url" hasf "$T/err" 'hostname: "other.test" (options.url)'

cat > "$T/time.html" <<HTML
<html><head><title>River park</title><meta name="author" content="Kim Park"></head><body>
<article><h1>Council funds the river park</h1>$para<p>Filed <time datetime="2022-08-09">in summer</time> by the desk.</p>$para</article></body></html>
HTML
run -e "$T/time.html"
check "a <meta> author" hasf "$T/err" 'author: "Kim Park" (<meta author>)'
check "<time datetime>" has "$T/err" '^date: "2022-08-09" (.*<time datetime>.*)$'

# Too little text to read, nothing declared: the line says why there is no language.
printf '<html><body><p>Short.</p></body></html>' > "$T/short.html"
run -e -f json "$T/short.html"
if [ "$detector" = 1 ]; then
  check "no language: nothing declared, too little text" hasf "$T/err" \
    'language: none (nothing declared; detector not run: too little text, '
else
  check "no language: nothing declared, no detector" hasf "$T/err" \
    'language: none (nothing declared; detector not run: built without one; no language)'
fi

# Rendered text: the headline line and the date line near it.
printf 'Menu\n\nCouncil funds the river park\n\nMay 3, 2025\n\n%s\n\n%s\n' \
  "The council met on a rainy evening to weigh the plan for the river park, and after a long debate most members voted to fund it." \
  "Work on the first stage starts this spring, and the park should open to the public before the end of next year, the mayor said." > "$T/page.txt"
run -e --type=text "$T/page.txt"
check "text: the headline's source" hasf "$T/err" \
  'title: "Council funds the river park" (heading-shaped line before the article)'
check "text: the date line" hasf "$T/err" 'date: "2025-05-03" (date line by the headline)'

# A WARC response whose page declares nothing: the HTTP Content-Language.
body='<html><body><article><h1>Notizen</h1><p>Kurz.</p></article></body></html>'
http=$(printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Language: de-AT\r\nContent-Length: %d\r\n\r\n%s' \
  "${#body}" "$body"; echo x)
http=${http%x}
{
  printf 'WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.test/a\r\n'
  printf 'WARC-Date: 2025-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:0000000a>\r\n'
  printf 'Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n' \
    "$(printf '%s' "$http" | wc -c)"
  printf '%s\r\n\r\n' "$http"
} > "$T/lang.warc"
run -e -f jsonl "$T/lang.warc"
check "WARC: the HTTP Content-Language, and where it came from" hasf "$T/err" \
  'language: "de-AT" (declared "de-AT" by HTTP Content-Language; '

finish
