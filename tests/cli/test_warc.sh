#!/bin/sh
# test_warc.sh WINNOW_BIN SOURCE_DIR -- WARC archives end to end.  wget crawls a local
# server (warc_server.py, 127.0.0.1 only, stopped at the end) that serves fixture pages
# plain, gzip-encoded, chunked and in koi8-r, plus a redirect, a 404 and an image; every
# page record wget wrote must come out exactly once with its URL and the text of the page
# extracted directly, whether the archive is gzipped per record, whole, or plain, from a
# file or a pipe, with one worker or several.  Then the archive is broken in each way a
# crawl breaks one (warc_tool.py): each breakage costs the broken record only.
set -u
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
tool="python3 $here/warc_tool.py"
if ! command -v python3 > /dev/null 2>&1 || ! command -v wget > /dev/null 2>&1; then
  echo "skip - test_warc needs python3 and wget"
  exit 77
fi

# ---- the site: fixture pages (credited in fixtures/*/SOURCE) -------------------------
mkdir -p "$T/site" "$T/direct"
cp "$SRC/fixtures/html-structure/input.html" "$T/site/a-redirect-target.html"
for f in html-code-blog html-latin1-blog html-news-npr html-science-news; do
  cp "$SRC/fixtures/$f/input.html" "$T/site/$f.html"
done
# A page that says nothing of its charset: only the HTTP header tells koi8-r.
python3 - "$T" <<'PY'
import sys
t = sys.argv[1]
text = ("<html><head><title>Новости</title></head><body><h1>Река и рыба</h1>"
        + "<p>Учёные, которые много лет изучали реку, сообщили, что рыбы стало больше"
        + " после того, как город очистил воду и посадил деревья.</p>" * 4 + "</body></html>")
open(t + "/site/koi.html", "wb").write(text.encode("koi8-r"))
open(t + "/koi-utf8.html", "wb").write(text.encode("utf-8"))
PY
for f in "$T"/site/*.html; do
  "$W" "$f" > "$T/direct/$(basename "$f")"
done
"$W" "$T/koi-utf8.html" > "$T/direct/koi.html"

timeout 130 python3 "$here/warc_server.py" "$T/site" "$T/port" &
server=$!
trap 'kill $server 2>/dev/null; chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
n=0
while [ ! -s "$T/port" ] && [ $n -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
port=$(cat "$T/port")
base="http://127.0.0.1:$port"
{
  for f in html-code-blog html-latin1-blog html-news-npr html-science-news; do
    echo "$base/plain/$f.html"
  done
  echo "$base/gzip/html-code-blog.html"
  echo "$base/gzip/html-latin1-blog.html"
  echo "$base/chunked/html-news-npr.html"
  echo "$base/chunked/html-science-news.html"
  echo "$base/koi8/koi.html"
  echo "$base/redirect"
  echo "$base/missing"
  echo "$base/image.png"
} > "$T/urls"
(cd "$T" && timeout 60 wget -q --tries=1 --timeout=10 \
  --warc-file=crawl -P dl -i urls) > /dev/null 2>&1
(cd "$T" && timeout 60 wget -q --tries=1 --timeout=10 --no-warc-compression \
  --warc-file=plain -P dl2 -i urls) > /dev/null 2>&1
kill $server 2>/dev/null
wait $server 2>/dev/null
check "wget wrote a per-record gzip WARC" [ -s "$T/crawl.warc.gz" ]
check "wget wrote a plain WARC" [ -s "$T/plain.warc" ]

# What must come out: every page record, by an independent reading of the plain WARC.
$tool records "$T/plain.warc" > "$T/records"
awk '$3 == 1 { print $4 }' "$T/records" | while read -r uri; do
  case $uri in
    http*) echo "$uri $(basename "$uri")" ;;
    *) echo "$uri -" ;;   # wget's own resource records (its arguments, its log)
  esac
done > "$T/expect"
check "the archive holds 10 HTTP pages" [ "$(grep -c '^http' "$T/expect")" -eq 10 ]
check "the redirect, the 404 and the image are in the archive" \
  [ "$(awk '$2 == "response" && $3 == 0' "$T/records" | wc -l)" -eq 3 ]

run -f jsonl "$T/plain.warc"
check "plain WARC: exit 0" rc_is 0
cp "$T/out" "$T/plain.jsonl"
check "plain WARC: each page once, with its URL and its text" $tool check "$T/expect" "$T/plain.jsonl" "$T/direct"
run -f jsonl -j 1 "$T/crawl.warc.gz"
check "per-record gzip: exit 0" rc_is 0
cp "$T/out" "$T/gz.jsonl"
check "per-record gzip: each page once, with its URL and its text" $tool check "$T/expect" "$T/gz.jsonl" "$T/direct"
run -f jsonl -j 3 "$T/crawl.warc.gz"
check "-j 3 gives the same records in the same order" cmp -s "$T/out" "$T/gz.jsonl"
zcat "$T/crawl.warc.gz" | gzip -c > "$T/whole.warc.gz"
IN="$T/whole.warc.gz" run -f jsonl -
check "whole-file gzip on stdin: exit 0" rc_is 0
check "whole-file gzip on stdin: each page once, with its text" $tool check "$T/expect" "$T/out" "$T/direct"
check "path is - for stdin" has "$T/out" '"path":"-"'
cp "$T/crawl.warc.gz" "$T/no-extension"
run -f jsonl --input-format=auto "$T/no-extension"
check "told by content, not by name" $tool check "$T/expect" "$T/out" "$T/direct"

# The WARC fields: offsets are where each record's gzip member starts.
python3 - "$T/gz.jsonl" "$T/crawl.warc.gz" > "$T/offsets" <<'PY'
import json, sys, zlib
data = open(sys.argv[2], "rb").read()
for line in open(sys.argv[1], encoding="utf-8"):
    s = json.loads(line)
    d = zlib.decompressobj(31)
    rec = d.decompress(data[s["offset"]:], 4096)
    uri = s["url"]
    ok = rec.startswith(b"WARC/1.") and (b"<" + uri.encode() + b">") in rec
    ok = ok and s["id"].startswith("<urn:uuid:") and s["warc_date"] and s["file"]
    if uri.startswith("http"):
        ok = ok and s["http_status"] == 200 and s["content_type"] == "text/html"
    print("ok" if ok else "bad " + uri)
PY
check "offsets point at each record's gzip member" lacks "$T/offsets" '^bad'
check "the HTTP charset is reported" hasf "$T/gz.jsonl" '"http_charset":"koi8-r"'
check "non-WARC inputs have null WARC fields" sh -c "'$W' -f jsonl '$T/direct/koi.html' | grep -q '\"id\":null,\"url\":null,\"warc_date\":null,.*\"offset\":null'"

# Text output: pages separated as several inputs are; -v gives the counts by reason.
run -v "$T/crawl.warc.gz"
check "text: exit 0" rc_is 0
ff=$(printf '\f')
pages=$(wc -l < "$T/expect")
check "text: one output per page" [ "$(grep -c "^$ff\$" "$T/out")" -eq $((pages - 1)) ]
nrec=$(wc -l < "$T/records")
nreq=$(awk '$2 == "request"' "$T/records" | wc -l)
check "-v: counts by reason" has "$T/err" "crawl.warc.gz: $nrec records: $pages pages, 0 broken, $((nrec - pages)) skipped (warcinfo 1, request $nreq, metadata 1, http-status 2, content-type 1)"
run -f jsonl --warc-skipped "$T/crawl.warc.gz"
check "--warc-skipped: a record for each skipped one" [ "$(grep -c '"status":"skipped"' "$T/out")" -eq $((nrec - pages)) ]
check "--warc-skipped: the reason is given" hasf "$T/out" '"status":"skipped","error":"HTTP status 404"'
run -o "$T/outdir" "$T/crawl.warc.gz"
check "-o with a WARC: refused, exit 1" rc_is 1
check "-o with a WARC: says why" has "$T/err" "a WARC archive: its pages go to standard output"

# ---- broken archives: each loses the broken record only ---------------------------------
# The victim: the third page record (number k from 0); the expectation without it.
k=$(awk '$3 == 1 && ++pages == 3 { print NR - 1; exit }' "$T/records")
victim=$(awk -v k="$k" 'NR == k + 1 { print $4 }' "$T/records")
grep -v "^$victim " "$T/expect" > "$T/expect-less"
check "the victim is one page" [ "$(wc -l < "$T/expect-less")" -eq $((pages - 1)) ]
for kind in short long garbage noheaders; do
  $tool break $kind "$T/plain.warc" "$T/broken-$kind.warc" "$k"
  run -f jsonl "$T/broken-$kind.warc"
  check "$kind: exit 1" rc_is 1
  check "$kind: an error with the file and the offset" has "$T/err" "^winnow: $T/broken-$kind.warc: offset [0-9]*"
  check "$kind: every other page is there, once, with its text" $tool check "$T/expect-less" "$T/out" "$T/direct"
  check "$kind: an error record" [ "$(grep -c '"status":"error"' "$T/out")" -ge 1 ]
done
$tool break cut "$T/plain.warc" "$T/cut.warc" "$k"
run -f jsonl "$T/cut.warc"
check "cut: exit 1" rc_is 1
check "cut: says the record is cut short" has "$T/err" "offset [0-9]* .*: record cut short"
check "cut: the pages before it are there" [ "$(grep -c '"status":"ok"' "$T/out")" -eq 2 ]

# A corrupt gzip member in a per-record archive: that record only.
$tool gzip-members "$T/plain.warc" "$T/members.warc.gz"
python3 - "$T/members.warc.gz" "$T/corrupt.warc.gz" "$k" <<'PY'
import sys, zlib
data = bytearray(open(sys.argv[1], "rb").read())
starts, i = [], 0
while i < len(data):  # member boundaries, by inflating each
    d = zlib.decompressobj(31)
    d.decompress(bytes(data[i:]))
    starts.append(i)
    i = len(data) - len(d.unused_data)
k = starts[int(sys.argv[3])]
for j in range(k + 30, k + 60):
    data[j] ^= 0x5A
open(sys.argv[2], "wb").write(data)
PY
run -f jsonl "$T/corrupt.warc.gz"
check "corrupt gzip member: exit 1" rc_is 1
check "corrupt gzip member: named" has "$T/err" "offset [0-9]*: corrupt gzip member"
check "corrupt gzip member: every other page is there" $tool check "$T/expect-less" "$T/out" "$T/direct"

# An ARC file is refused by name.
printf 'filedesc://x.arc 0.0.0.0 20260101000000 text/plain 70\n1 0 test\nURL IP-address Archive-date Content-type Archive-length\n\n' > "$T/old.arc"
run "$T/old.arc"
check "ARC: exit 1" rc_is 1
check "ARC: a clear error" has "$T/err" "an ARC file (the format before WARC): not supported"
run --input-format=warc "$T/direct/koi.html"
check "--input-format=warc on a page: exit 1" rc_is 1
check "--input-format=warc on a page: not a WARC record" has "$T/err" "bytes that are not a WARC record"
run --input-format=bogus "$T/old.arc"
check "--input-format: bad value is a usage error" rc_is 2

# A 100 MB record, streamed through a pipe: skipped past in bounded memory, the pages
# around it kept.
if [ -x /usr/bin/time ]; then
  python3 "$here/warc_tool.py" big /dev/stdout 100000000 |
    /usr/bin/time -f '%M' -o "$T/rss" "$W" -f jsonl - > "$T/out" 2> "$T/err"
  check "100 MB record: the pages before and after it" [ "$(grep -c '"status":"ok"' "$T/out")" -eq 2 ]
  check "100 MB record: reported as too large" has "$T/err" "record too large (100000000 bytes"
  check "100 MB record: peak memory under 40 MB" [ "$(tail -n 1 "$T/rss")" -lt 40000 ]
  python3 "$here/warc_tool.py" big /dev/stdout 100000000 |
    /usr/bin/time -f '%M' -o "$T/rss" "$W" -f jsonl --max-size=128M - > "$T/out" 2> "$T/err"
  check "100 MB record under --max-size=128M: extracted" [ "$(grep -c '"status":"ok"' "$T/out")" -eq 3 ]
else
  echo "skip - 100 MB record: no /usr/bin/time"
fi

finish
