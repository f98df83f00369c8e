#!/bin/sh
# test_jsonl.sh WINNOW_BIN SOURCE_DIR -- the JSON Lines contract of --input-format=jsonl:
# exactly one record out per line in, in input order, with -j1 and -j4 alike; bad lines
# (not JSON, no page, wrong types, empty, invalid UTF-8, over --max-size) get an error
# record on their line with the line's id, and the stream goes on; CRLF and a last line
# without LF; gzip streams; a producer that waits for each answer; GNU parallel --pipe
# (when installed) gives the same bytes as one process; options that do not fit refused.
. "$(dirname "$0")/lib.sh"

# nth N FILE: line N of FILE.
nth() { sed -n "${1}p" "$2"; }
lines() { wc -l < "$1" | tr -d ' '; }

# A page per line: HTML and text pages with string and number ids, bad lines between.
para="Paragraph of the article: scientists who studied the river for many years reported that the number of fish grew steadily after the town cleaned the water."
i=1
: > "$T/in.jsonl"
while [ $i -le 120 ]; do
  case $((i % 10)) in
    0) printf '%s\n' 'this is not json' ;;
    3) printf '\n' ;;
    5) printf '%s\n' "{\"id\":\"L$i\",\"html\":42}" ;;
    7) printf '%s\n' "{\"id\":$i,\"url\":\"https://x.test/$i\",\"text\":\"Headline $i\\n\\n$para $i\"}" ;;
    *) printf '%s\n' "{\"id\":\"L$i\",\"url\":\"https://x.test/$i\",\"html\":\"<html><head><title>Page $i</title></head><body><nav>Home | About</nav><p>$para Number $i.</p></body></html>\"}" ;;
  esac
  i=$((i + 1))
done >> "$T/in.jsonl"
n_in=$(lines "$T/in.jsonl")

for j in 1 4; do
  IN=$T/in.jsonl run --input-format=jsonl -j "$j"
  cp "$T/out" "$T/out.j$j"
  check "-j$j: exit status 1 when a line failed" rc_is 1
  check "-j$j: one record per input line" [ "$(lines "$T/out")" -eq "$n_in" ]
  check "-j$j: records in input order (line 1..$n_in)" \
    [ "$(sed 's/.*"line":\([0-9]*\),.*/\1/' "$T/out" | tr '\n' ' ')" = "$(seq 1 "$n_in" | tr '\n' ' ')" ]
  check "-j$j: an HTML line carries its id and url" \
    has "$T/out" '^{"path":"-","id":"L1","url":"https://x.test/1","line":1,"warc_date":null,"http_status":null,"content_type":null,"http_charset":null,"file":null,"offset":null,"status":"ok"'
  check "-j$j: a number id stays a number" \
    sh -c "sed -n 7p '$T/out' | grep -q '\"id\":7,\"url\":\"https://x.test/7\",\"line\":7,\"warc_date\":null,\"http_status\":null,\"content_type\":null,\"http_charset\":null,\"file\":null,\"offset\":null,\"status\":\"ok\",.*\"type\":\"text\"'"
  check "-j$j: the page's text is extracted" \
    sh -c "sed -n 11p '$T/out' | grep -q 'Number 11\\.'"
  check "-j$j: not JSON gives an error record" \
    sh -c "sed -n 10p '$T/out' | grep -q '\"id\":null,\"url\":null,\"line\":10,\"warc_date\":null,\"http_status\":null,\"content_type\":null,\"http_charset\":null,\"file\":null,\"offset\":null,\"status\":\"error\",\"error\":\"column 1: not a JSON object\"'"
  check "-j$j: an empty line gives an error record" \
    sh -c "sed -n 3p '$T/out' | grep -q '\"line\":3,\"warc_date\":null,\"http_status\":null,\"content_type\":null,\"http_charset\":null,\"file\":null,\"offset\":null,\"status\":\"error\",\"error\":\"column 1: empty line'"
  sed -n 5p "$T/out" > "$T/line5"
  check "-j$j: a wrong type gives an error record with the id" \
    hasf "$T/line5" '"id":"L5","url":null,"line":5,"warc_date":null,"http_status":null,"content_type":null,"http_charset":null,"file":null,"offset":null,"status":"error","error":"column 19: \"html\" must be a string"'
  check "-j$j: every failed line is named on stderr" \
    [ "$(grep -c '^winnow: (stdin):[0-9]*: ' "$T/err")" -eq 36 ]
  check "-j$j: output is valid UTF-8" valid_utf8 "$T/out"
done
check "-j1 and -j4 give the same bytes" cmp -s "$T/out.j1" "$T/out.j4"

# Every line good: exit 0; -f json is the same as jsonl.
grep '"html":"<html>' "$T/in.jsonl" > "$T/good.jsonl"
IN=$T/good.jsonl run --input-format=jsonl -f json -j 2
check "all lines good: exit 0" rc_is 0
check "all lines good: as many records, all ok" \
  [ "$(grep -c '"status":"ok"' "$T/out")" -eq "$(lines "$T/good.jsonl")" ]

# CRLF line ends and a last line without LF.
printf '{"id":"a","text":"First page.\\n\\n%s"}\r\n{"id":"b","html":"<p>%s</p>"}\r\n{"id":"c","text":"%s"}' \
  "$para" "$para" "$para" > "$T/crlf.jsonl"
run --input-format=jsonl -j 2 "$T/crlf.jsonl"
check "CRLF + last line without LF: exit 0" rc_is 0
check "CRLF + last line without LF: three records" [ "$(lines "$T/out")" -eq 3 ]
check "CRLF + last line without LF: ids in order" \
  [ "$(sed 's/.*"id":"\(.\)".*/\1/' "$T/out" | tr -d '\n')" = abc ]
check "a file operand is the record's path" has "$T/out" "^{\"path\":\"$T/crlf.jsonl\",\"id\":\"a\""

# A line over --max-size is skipped unread, the lines after it still come.
{
  echo '{"id":"small","text":"A small page of text that is here."}'
  printf '{"id":"huge","text":"'
  head -c 3000000 /dev/zero | tr '\0' 'x'
  echo '"}'
  echo '{"id":"after","text":"The page after the huge one."}'
} > "$T/huge.jsonl"
for j in 1 4; do
  IN=$T/huge.jsonl run --input-format=jsonl --max-size=1M -j $j
  check "-j$j: huge line: exit 1, three records" sh -c "[ $rc -eq 1 ] && [ \$(wc -l < '$T/out') -eq 3 ]"
  check "-j$j: huge line: error record on its line" \
    sh -c "sed -n 2p '$T/out' | grep -q '\"line\":2,\"warc_date\":null,\"http_status\":null,\"content_type\":null,\"http_charset\":null,\"file\":null,\"offset\":null,\"status\":\"error\",\"error\":\"line is longer than the limit of 1048576 bytes (--max-size)\"'"
  check "-j$j: huge line: the next line is read" \
    sh -c "sed -n 3p '$T/out' | grep -q '\"id\":\"after\".*\"status\":\"ok\"'"
done

# Invalid UTF-8 in a line is an error record, not mojibake.
printf '{"id":"latin1","text":"caf\351"}\n' > "$T/latin1.jsonl"
run --input-format=jsonl "$T/latin1.jsonl"
check "invalid UTF-8: error record" has "$T/out" '"id":"latin1".*"error":"column 27: invalid UTF-8 in a string"'
check "invalid UTF-8: exit 1" rc_is 1

# gzip streams, several operands with their own line numbers; a cut gzip is reported.
gzip -c "$T/crlf.jsonl" > "$T/crlf.jsonl.gz"
run --input-format=jsonl "$T/crlf.jsonl.gz" "$T/good.jsonl"
check "gzip + second operand: all records" \
  [ "$(lines "$T/out")" -eq $((3 + $(lines "$T/good.jsonl"))) ]
check "gzip: records of the decompressed lines" has "$T/out" "^{\"path\":\"$T/crlf.jsonl.gz\",\"id\":\"c\",\"url\":null,\"line\":3,\"warc_date\":null,\"http_status\":null,\"content_type\":null,\"http_charset\":null,\"file\":null,\"offset\":null,\"status\":\"ok\""
check "second operand starts at line 1" has "$T/out" "^{\"path\":\"$T/good.jsonl\",\"id\":\"L1\",.*\"line\":1,"
gzip -c "$T/in.jsonl" | head -c 800 > "$T/cut.jsonl.gz"
run --input-format=jsonl "$T/cut.jsonl.gz"
check "cut gzip: exit 1" rc_is 1
tail -n 1 "$T/err" > "$T/err.last"
check "cut gzip: reported with the line count" has "$T/err.last" "cut.jsonl.gz: truncated gzip data (after line [0-9]*)"
run --input-format=jsonl "$T/missing.jsonl"
check "missing operand: exit 1 and a message" sh -c "[ $rc -eq 1 ] && grep -q 'missing.jsonl: No such file' '$T/err'"

# A producer that sends a line only after it got the answer to the last one.
if command -v python3 > /dev/null 2>&1; then
  cat > "$T/pingpong.py" << 'PY'
import subprocess, sys, json
p = subprocess.Popen([sys.argv[1], "--input-format=jsonl", "-j", "2"], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE)
for i in range(5):
    p.stdin.write(json.dumps({"id": i, "text": "Page %d of a slow producer." % i}).encode() + b"\n")
    p.stdin.flush()
    rec = json.loads(p.stdout.readline())
    assert rec["id"] == i and rec["line"] == i + 1, rec
p.stdin.close()
assert p.stdout.read() == b"" and p.wait() == 0
print("pingpong ok")
PY
  check "a producer waiting for each record is answered" \
    timeout 20 python3 "$T/pingpong.py" "$W"
fi

# GNU parallel --pipe: blocks of lines to several winnow processes, output kept in order
# (-k); the same bytes as one process.
if command -v parallel > /dev/null 2>&1; then
  IN=$T/in.jsonl run --input-format=jsonl -j 1
  cp "$T/out" "$T/one.out"
  # The README's command: exit 1 (lines failed, their records are out) is success.
  timeout 120 parallel --will-cite --pipe -N 17 -k -j 3 \
    "\"$W\" --input-format=jsonl -j 1; [ \$? -le 1 ]" < "$T/in.jsonl" > "$T/par.out" 2> /dev/null
  prc=$?
  check "parallel --pipe: exit 0" [ "$prc" -eq 0 ]
  check "parallel --pipe: one record per line" [ "$(lines "$T/par.out")" -eq "$n_in" ]
  # Line numbers restart in each block; everything else is the same.
  sed 's/"line":[0-9]*,//' "$T/one.out" > "$T/one.cmp"
  sed 's/"line":[0-9]*,//' "$T/par.out" > "$T/par.cmp"
  check "parallel --pipe: the same records as one process" cmp -s "$T/one.cmp" "$T/par.cmp"
else
  echo "# GNU parallel not installed: its check is skipped"
fi

# Memory stays bounded: 160 lines of 1 MB (160 MB) go through in far less.  Not under
# the sanitizers, whose shadow memory and quarantine make RSS meaningless.
if [ -x /usr/bin/time ] && command -v python3 > /dev/null 2>&1 &&
   ! grep -qa -e __asan_init -e __tsan_init "$W"; then
  python3 -c '
import sys
para = ("Paragraph of a long page about rivers and fish and the town that cleaned the water. " * 12 + "\\n\\n")
page = (para * (1000000 // len(para)))[:1000000]
for i in range(160):
    sys.stdout.write("{\"id\":%d,\"text\":\"%s\"}\n" % (i, page))
' | /usr/bin/time -f '%M' "$W" --input-format=jsonl -j 2 > "$T/big.out" 2> "$T/big.err"
  kb=$(tail -n 1 "$T/big.err")
  check "160 MB stream: 160 records" [ "$(lines "$T/big.out")" -eq 160 ]
  check "160 MB stream: peak RSS ${kb} KB < 120 MB" [ "$kb" -lt 122880 ]
fi

# Options that do not fit a stream are refused before anything is read.
for bad in "-f text" "-f markdown" "-o $T/dir" "-r" "-e"; do
  # shellcheck disable=SC2086
  run --input-format=jsonl $bad
  check "--input-format=jsonl $bad: usage error" sh -c "[ $rc -eq 2 ] && grep -q 'input-format=jsonl' '$T/err'"
done
run --input-format=xml
check "unknown --input-format: usage error" sh -c "[ $rc -eq 2 ] && grep -q \"invalid --input-format 'xml'\" '$T/err'"
run --input-format=auto --version
check "--input-format=auto is accepted" rc_is 0

finish
