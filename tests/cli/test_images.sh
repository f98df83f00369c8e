#!/bin/sh
# test_images.sh WINNOW_BIN SOURCE_DIR -- the --images contract: a line per picture of the
# kept content in text ("[image: alt] URL") and Markdown ("![alt](URL)"), inside JSON
# records' text as the format writes it; without the image lines the output is the
# output without --images (what is kept does not change); rendered text has no images;
# a relative address with nothing to resolve it against shows no image.
. "$(dirname "$0")/lib.sh"
page=$SRC/fixtures/html-images/input.html
url=--url=https://garden.test/blog/2026/roses.html

run --type=html "$url" "$page"
cp "$T/out" "$T/plain.txt"
run --type=html "$url" --images "$page"
check "text: exit 0" rc_is 0
check "text: an image line, URL last" hasf "$T/out" '[image: A red rose under snow] https://garden.test/blog/img/hero.jpg'
check "text: without --images, no image line" lacks "$T/plain.txt" '^\[image'
# Each image line is a paragraph of its own: without them, and the blank lines they
# leave doubled, the text is the text without --images.
grep -v '^\[image' "$T/out" | cat -s > "$T/stripped.txt"
check "text: the rest is the output without --images" cmp -s "$T/stripped.txt" "$T/plain.txt"
check "text: the URLs are the lines' last fields" sh -c \
  "awk '/^\\[image/ {print \$NF}' '$T/out' | grep -qx 'https://garden.test/blog/img/bed-1600.webp'"

run --type=html "$url" -f markdown "$page"
cp "$T/out" "$T/plain.md"
run --type=html "$url" --images -f markdown "$page"
check "markdown: exit 0" rc_is 0
grep -v '^ *!\[' "$T/out" | cat -s > "$T/stripped.md"
check "markdown: the rest is the output without --images" cmp -s "$T/stripped.md" "$T/plain.md"
check "markdown: ![alt](URL), brackets escaped" hasf "$T/out" '![Mulch \[straw\] on a bed](https://garden.test/blog/img/mulch.jpg)'
check "markdown: no tracking pixel, icon or emoji" lacks "$T/out" 'pixel.gif\|smile.png\|1f339\|signature.png'
check "markdown: no image of dropped parts" lacks "$T/out" 'logo.png\|thumbs/\|rss.png'

run --type=html "$url" --images -f json "$page"
check "json: exit 0" rc_is 0
check "json: the record's text holds the image lines" hasf "$T/out" '[image: Shears] https://garden.test/blog/img/shears-2x.jpg'
check "json: the images as {url, alt}" hasf "$T/out" '"images": [{"url":"https://garden.test/blog/img/hero.jpg","alt":"A red rose under snow"},'
run --type=html "$url" -f json "$page"
check "json: without --images, images is null" hasf "$T/out" '"images": null'

# No --url, and a relative <base href>: nothing absolute to resolve against.
run --type=html --images -f markdown "$page"
check "no base: exit 0" rc_is 0
check "no base: no image" lacks "$T/out" '^!\['
check "no base: nothing on stderr" empty "$T/err"

# Rendered text has no images.
printf 'A title\n\n![x](https://a.test/x.jpg) is what the page says, word for word, in a line.\n' > "$T/page.txt"
run --type=text "$T/page.txt"
cp "$T/out" "$T/text-plain.txt"
run --type=text --images "$T/page.txt"
check "rendered text: the same with --images" cmp -s "$T/out" "$T/text-plain.txt"

finish
