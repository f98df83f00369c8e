#!/bin/sh
# test_metadata.sh WINNOW_BIN SOURCE_DIR -- the metadata of a JSON record: a byline and
# a date line under the headline (the date in another language, the byline with "By"
# and a role) beat a declared organisation author and a template's date; a JSON Lines
# input's "date" (the fetch date) bounds the page's dates; the record's title drops an
# h1's " | Section" tail while the text keeps the h1 as the page shows it.
set -u
. "$(dirname "$0")/lib.sh"

cat > "$T/page.html" <<'HTML'
<html lang="de"><head><title>Bienen im Tal | Section | Bee News</title>
<meta property="og:site_name" content="Bee News">
<meta name="author" content="Bee News">
<meta property="article:published_time" content="2019-01-01T08:00:00+0100">
<link rel="canonical" href="https://x.test/2031/01/05/bienen">
</head><body><article>
<h1>Bienen kehren zur&uuml;ck | Natur</h1>
<div class="post-meta"><span class="author-name">Von Anna Weber, Redakteurin</span></div>
<p class="dateline">Aktualisiert: 3. M&auml;rz 2025 &middot; 19. Februar 2025</p>
<p>Die wilden Bienen sind in diesem Jahr ins Tal zur&uuml;ckgekehrt, sagen die Freiwilligen,
die sie jeden Morgen z&auml;hlen, und sie kommen fr&uuml;her als in den Jahren zuvor.</p>
</article></body></html>
HTML

run -f json --type=html "$T/page.html"
check "the byline's name, without 'Von' and the role" has "$T/out" '"author": "Anna Weber"'
check "the date line's date in ISO 8601" has "$T/out" '"date": "2025-02-19"'
check "the 'Aktualisiert' date is the last change" has "$T/out" '"date_modified": "2025-03-03"'
check "the record's title without the h1's tail" has "$T/out" '"title": "Bienen kehren zurück"'
check "the text keeps the h1 as shown" has "$T/out" '"text": "Bienen kehren zurück | Natur'

# Fetched before the page's shown dates: none of them can be its date; the URL's date
# (2031) is after the fetch too, so the declared one stands.
python3 - "$T/page.html" > "$T/in.jsonl" <<'PY'
import json, sys
page = open(sys.argv[1], encoding="utf-8").read()
print(json.dumps({"id": 1, "url": "https://x.test/2031/01/05/bienen", "date": "2024-06-01T10:00:00Z", "html": page}))
PY
IN=$T/in.jsonl run --input-format=jsonl -f json
check "a fetch date bounds the dates: the declared one" has "$T/out" '"date":"2019-01-01T08:00:00+01:00"'
check "no change after the fetch" has "$T/out" '"date_modified":null'

# A page with nothing: no author, no date.
printf '<html><body><h1>Plain page heading</h1><p>Some words of text that say nothing about who wrote them or when, at some length.</p></body></html>' > "$T/plain.html"
run -f json --type=html "$T/plain.html"
check "nothing declared or shown: author null" has "$T/out" '"author": null'
check "nothing declared or shown: date null" has "$T/out" '"date": null'
check "no URL: hostname null" has "$T/out" '"hostname": null'

cat > "$T/tagged.html" <<'EOF'
<html><head><meta property="article:tag" content="Garden"><meta property="article:tag" content="garden, Garlic">
<meta property="article:section" content="Allotments"><link rel="canonical" href="https://Blog.Example.org/2024/garlic"></head>
<body><p>A paragraph long enough to be kept as the story of this page, and a little more.</p>
<p><a rel="license noopener" href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA</a></p></body></html>
EOF
run -f jsonl --type=html "$T/tagged.html"
check "tags from every article:tag, each once" hasf "$T/out" '"tags":"Garden; Garlic"'
check "categories from article:section" hasf "$T/out" '"categories":"Allotments"'
check "the license a badge links to" hasf "$T/out" '"license":"https://creativecommons.org/licenses/by-sa/4.0/"'
check "hostname of the canonical URL" hasf "$T/out" '"hostname":"blog.example.org"'
run -f jsonl --type=html --url=https://mirror.test/x "$T/tagged.html"
check "hostname of --url first" hasf "$T/out" '"hostname":"mirror.test"'

# Rendered text shows its byline and date line under the headline.
{
  printf 'Menu\nHome\nNews\n\nBees return to the valley\n\nBy Ann Lee, Staff Writer\n\nMay 3, 2025\n\n'
  for i in 1 2 3 4; do
    printf 'Paragraph %s of the story: the bees that left the valley ten years ago have come back, the beekeepers say, and the orchards are fuller than they have been for a decade.\n\n' "$i"
  done
} > "$T/shown.txt"
run -f jsonl --type=text "$T/shown.txt"
check "text: the byline's name" hasf "$T/out" '"author":"Ann Lee"'
check "text: the date line in ISO 8601" hasf "$T/out" '"date":"2025-05-03"'
finish
