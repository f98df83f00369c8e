#!/bin/sh
# test_language.sh WINNOW_BIN SOURCE_DIR -- the "language" of JSON records: a declared
# tag made canonical BCP 47; a template's lang="en" over German text read as "de", a
# Japanese page as "ja", a page too short to read keeping its declared tag, rendered
# text, and a WARC response's HTTP Content-Language for a page that declares none.
# What the text says counts only when `winnow --version` names a language detector;
# built without one (-DWINNOW_CLD2=OFF), the same pages must carry the declared tag.
set -u
. "$(dirname "$0")/lib.sh"

if "$W" --version | grep -q '^language detection: cld2 '; then detector=1
elif "$W" --version | grep -q '^language detection: none'; then detector=0
else echo "FAIL - --version names no language detection line"; exit 1; fi
# pick DETECTED DECLARED: what the record must say, with or without a detector.
pick() { if [ "$detector" = 1 ]; then echo "$1"; else echo "$2"; fi; }

german='Die wilden Bienen sind in diesem Jahr ins Tal zurückgekehrt, sagen die
Freiwilligen, die sie jeden Morgen zählen, und sie kommen früher als in den Jahren zuvor.
Niemand weiß genau, warum das so ist, aber die Imker der Gegend haben eine Vermutung:
der milde Winter und die vielen Blumen am Waldrand.'
japanese='今年は野生のミツバチが谷に戻ってきたと、毎朝数えているボランティアたちは言います。
以前よりも早く来た理由は誰にも分かりませんが、暖かい冬と森の端の花が原因だと考えられています。'

cat > "$T/de.html" <<HTML
<html lang="en"><head><title>Bienen im Tal</title></head><body><article>
<h1>Bienen kehren zurück</h1><p>$german</p></article></body></html>
HTML
cat > "$T/ja.html" <<HTML
<html><head><meta charset="utf-8"><title>ミツバチ</title></head><body><article>
<h1>ミツバチが戻ってきた</h1><p>$japanese</p></article></body></html>
HTML
cat > "$T/short.html" <<'HTML'
<html lang="FR_ca"><body><article><h1>Les abeilles</h1>
<p>Die Bienen sind wieder da.</p></article></body></html>
HTML
cat > "$T/template.html" <<'HTML'
<html lang="{{ page.lang }}"><head><meta http-equiv="content-language" content="pt_br">
</head><body><p>As abelhas voltaram.</p></body></html>
HTML

run -f json "$T/de.html"
check "lang=\"en\" over German text: $(pick de en)" has "$T/out" "\"language\": \"$(pick de en)\""
run -f json "$T/ja.html"
if [ "$detector" = 1 ]; then
  check "a Japanese page that declares nothing: ja" has "$T/out" '"language": "ja"'
else
  check "a Japanese page that declares nothing: null" has "$T/out" '"language": null'
fi
run -f json "$T/short.html"
check "too short to read: the declared tag, canonical" has "$T/out" '"language": "fr-CA"'
run -f json "$T/template.html"
check "a template placeholder passes to the Content-Language pragma" has "$T/out" '"language": "pt-BR"'
run -f jsonl "$T/de.html" "$T/short.html"
check "JSON Lines records carry it too" sh -c "grep -c '\"language\":\"' '$T/out' | grep -qx 2"

# Rendered text has no markup to declare anything: only the detector speaks.
printf 'Bienen\n\n%s\n' "$german" > "$T/de.txt"
run -f json --type=text "$T/de.txt"
if [ "$detector" = 1 ]; then
  check "rendered German text: de" has "$T/out" '"language": "de"'
else
  check "rendered text without a detector: null" has "$T/out" '"language": null'
fi

# A WARC response whose HTTP header says Content-Language: the page's language when the
# page declares none; the page's own lang beats it.
if command -v python3 > /dev/null 2>&1; then
  python3 - "$T" <<'PY'
import sys
t = sys.argv[1]
def record(uri, lang_attr, body_text):
    html = (f"<html{lang_attr}><body><article><h1>Notes</h1><p>{body_text}</p>"
            "</article></body></html>").encode()
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            b"Content-Language: de-AT\r\nContent-Length: " + str(len(html)).encode() +
            b"\r\n\r\n" + html)
    head = (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
            "WARC-Date: 2025-01-01T00:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:{abs(hash(uri)):032x}>\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"
with open(t + "/lang.warc", "wb") as f:
    f.write(record("http://x.test/a", "", "Kurz."))
    f.write(record("http://x.test/b", ' lang="en"', "Short."))
PY
  run -f jsonl "$T/lang.warc"
  check "a WARC page declaring nothing: the HTTP Content-Language" \
    sh -c "grep 'x.test/a' '$T/out' | grep -q '\"language\":\"de-AT\"'"
  check "a WARC page's own lang beats the HTTP header" \
    sh -c "grep 'x.test/b' '$T/out' | grep -q '\"language\":\"en\"'"
fi

echo "test_language: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
