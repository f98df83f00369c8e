#!/bin/sh
# test_batch.sh WINNOW_BIN SOURCE_DIR -- batch mode: -r order, -o mirroring and
# extensions, never overwriting an input, collisions, gzip input, JSON records, failed
# inputs, unwritable outputs, -j determinism, signals.
set -u
. "$(dirname "$0")/lib.sh"

have_py=0
command -v python3 > /dev/null 2>&1 && have_py=1

# A tree with names chosen so that byte order, directory order and depth all matter.
mkdir -p "$T/in/a/deep/er" "$T/in/c"
make_article "$T/in/b.txt" Bravo
make_article "$T/in/A.txt" Alpha
make_article "$T/in/a/z.txt" Zulu
make_article "$T/in/a/b.txt" Beta
make_article "$T/in/a/deep/er/page.html" Deep
make_article "$T/in/c/x.txt" Xray
ln -s b.txt "$T/in/link.txt"
mkfifo "$T/in/fifo" 2> /dev/null || true

# -r: sorted, deterministic order; symlinks and special files skipped with a note
run -r -f jsonl "$T/in"
check "-r: exit 0" rc_is 0
grep -o '"path":"[^"]*"' "$T/out" | sed 's/"path":"//; s/"$//; s|.*/in/||' > "$T/order"
printf '%s\n' A.txt a/b.txt a/deep/er/page.html a/z.txt b.txt c/x.txt > "$T/order.want"
check "-r: files in sorted depth-first order" cmp -s "$T/order" "$T/order.want"
check "-r: a note for the skipped symlink" has "$T/err" "^winnow: note: $T/in/link.txt: symbolic link skipped"
if [ -p "$T/in/fifo" ]; then
  check "-r: a note for the skipped FIFO" has "$T/err" "^winnow: note: $T/in/fifo: not a regular file"
fi
run -q -r -f jsonl "$T/in"
check "-q: no notes" empty "$T/err"
run -r "$T/in"
check "no progress line when stderr is not a terminal" lacks "$T/err" 'files,'

# The progress line appears when stderr is a terminal (util-linux script gives one).
if script -qc true /dev/null > /dev/null 2>&1; then
  script -qc "'$W' -r -o '$T/o-tty' '$T/in' > /dev/null" /dev/null > "$T/tty" 2>&1
  check "progress line on a terminal" has "$T/tty" 'winnow: [0-9]*/6 files, .* MB/s, 0 failed'
  script -qc "'$W' -q -r -o '$T/o-tty' '$T/in' > /dev/null" /dev/null > "$T/tty" 2>&1
  check "no progress line with -q" lacks "$T/tty" 'files,'
else
  echo "skip - progress line: no util-linux script(1)"
fi

# several operands: input order kept; text outputs separated by a form-feed line
run "$T/in/c/x.txt" "$T/in/A.txt"
check "operands: exit 0" rc_is 0
ff=$(printf '\f')
check "operands: one separator line between two outputs" [ "$(grep -c "^$ff\$" "$T/out")" -eq 1 ]
sed -n '1p' "$T/out" > "$T/first"
check "operands: first operand first" has "$T/first" 'Xray'
awk -v RS="$ff\n" 'END { exit !(NR == 2) }' "$T/out"
check "operands: the separator splits the stream into 2 outputs" [ $? -eq 0 ]
run "$T/in/c/x.txt" "$T/in" "$T/in/A.txt"
check "directory without -r among others: exit 1" rc_is 1
check "directory without -r: reported and skipped" has "$T/err" "^winnow: $T/in: is a directory.* -- skipped"
check "directory without -r: the others are processed" has "$T/out" 'Alpha'

# -o: mirrored tree, extensions from --format, .gz stripped
gzip -c "$T/in/a/b.txt" > "$T/in/a/g.html.gz"
run -r -o "$T/o" "$T/in"
check "-o: exit 0" rc_is 0
check "-o: nothing on stdout" empty "$T/out"
for f in A.txt a/b.txt a/z.txt a/deep/er/page.txt a/g.txt b.txt c/x.txt; do
  check "-o: $f written" [ -s "$T/o/$f" ]
done
check "-o: page.html -> page.txt (no page.html.txt)" [ ! -e "$T/o/a/deep/er/page.html.txt" ]
"$W" "$T/in/a/deep/er/page.html" > "$T/single"
check "-o: a file holds what stdout would" cmp -s "$T/single" "$T/o/a/deep/er/page.txt"
check "-o: gzip input decompressed (g.html.gz == b.txt)" cmp -s "$T/o/a/g.txt" "$T/o/a/b.txt"
check "-o: symlink not followed" [ ! -e "$T/o/link.txt" ]
check "-o: no temporary files left" [ -z "$(find "$T/o" -name '*.winnow-*')" ]
mode=$(umask 022; "$W" -o "$T/outm" "$T/in/A.txt" && ls -l "$T/outm/A.txt" | cut -c1-10)
check "-o: files get 0666 less the umask ($mode)" [ "$mode" = "-rw-r--r--" ]
run -r -f markdown -o "$T/out-md" "$T/in"
check "-o --format=markdown: .md" [ -s "$T/out-md/a/deep/er/page.md" ]
check "markdown: headline as '# '" has "$T/out-md/a/b.md" '^# The Beta River'
run -r -f json -o "$T/out-json" "$T/in"
check "-o --format=json: .json" [ -s "$T/out-json/a/g.json" ]
run -o "$T/out-file" "$T/in/a/z.txt" "$T/in/c/x.txt"
check "-o with file operands: DIR/basename" [ -s "$T/out-file/z.txt" ] && [ -s "$T/out-file/x.txt" ]
IN=$T/in/A.txt run -o "$T/out-stdin"
check "-o with stdin: DIR/stdin.txt" [ -s "$T/out-stdin/stdin.txt" ]
run -o - "$T/in/A.txt"
check "-o -: stdout" has "$T/out" 'Alpha'
run -r -o "$T/o-slash" "$T/in/a/"
check "-o: operand with a trailing slash" [ -s "$T/o-slash/deep/er/page.txt" ]
run -v -r -o "$T/out-v" "$T/in"
check "-v: a note per file" has "$T/err" "^winnow: $T/in/A.txt -> $T/out-v/A.txt"
check "-v: summary" has "$T/err" '^winnow: 7 files, 0 failed, [0-9]* without main content, [0-9]* bytes in, [0-9]* bytes out'

mkdir -p "$T/nest/in/sub"
make_article "$T/nest/in/sub/p.txt" Nested
"$W" -q -r -o "$T/nest/in/out" "$T/nest/in"
run -r -o "$T/nest/in/out" "$T/nest/in"
check "-o inside the input tree: exit 0 on the second run" rc_is 0
check "-o inside the input tree: the output directory is not walked" [ ! -e "$T/nest/in/out/out" ]
check "-o inside the input tree: a note says so" hasf "$T/err" "$T/nest/in/out: the output directory, skipped"

# never write over an input; collisions are errors, not silent overwrites
mkdir "$T/same"
make_article "$T/same/x.txt" Same
cp "$T/same/x.txt" "$T/same.keep"
run -r -o "$T/same" "$T/same"
check "output == input: exit 1" rc_is 1
check "output == input: refused" has "$T/err" "^winnow: $T/same/x.txt: output $T/same/x.txt is an input file"
check "output == input: the input is intact" cmp -s "$T/same/x.txt" "$T/same.keep"
make_article "$T/same/y.html" Other
run -r -o "$T/same" "$T/same"
check "another input's name (y.html -> y.txt is new): written" [ -s "$T/same/y.txt" ]
cp "$T/same/y.txt" "$T/y.keep"
make_article "$T/same/y.htm" Third
rm "$T/same/y.txt"
run -r -o "$T/o2" "$T/same"
check "collision: exit 1" rc_is 1
check "collision: the second input is refused" has "$T/err" "^winnow: $T/same/y.html: output $T/o2/y.txt is also the output of $T/same/y.htm"
check "collision: the first input's output stays" has "$T/o2/y.txt" 'Third'
check "collision: the rest is processed" [ -s "$T/o2/x.txt" ]
touch "$T/same/y.txt"
run -r -o "$T/same" "$T/same"
check "output that is another input (y.htm -> y.txt): refused" has "$T/err" "output $T/same/y.txt is an input file"

# gzip: magic bytes not names, truncated data, the cap on the decompressed size
mkdir "$T/gz"
gzip -c "$T/in/A.txt" > "$T/gz/plain-name.txt"
gzip -c "$T/in/A.txt" > "$T/gz/full.txt.gz"
head -c $(($(wc -c < "$T/gz/full.txt.gz") / 2)) "$T/gz/full.txt.gz" > "$T/gz/trunc.txt.gz"
cat "$T/gz/full.txt.gz" "$T/gz/full.txt.gz" > "$T/gz/two-members.gz"
printf '\037\213garbage that is not deflate data' > "$T/gz/corrupt.gz"
run "$T/gz/plain-name.txt"
check "gzip found by magic bytes" has "$T/out" 'Paragraph 1 of the Alpha'
run "$T/gz/trunc.txt.gz" "$T/gz/full.txt.gz"
check "truncated gzip: exit 1" rc_is 1
check "truncated gzip: clear message" hasf "$T/err" "winnow: $T/gz/trunc.txt.gz: truncated gzip data -- skipped"
check "truncated gzip: the others go on" has "$T/out" 'Alpha'
run "$T/gz/corrupt.gz"
check "corrupt gzip: exit 1 with a message" has "$T/err" "^winnow: $T/gz/corrupt.gz: corrupt gzip data"
run "$T/gz/two-members.gz"
check "concatenated gzip members: exit 0" rc_is 0
head -c 5000000 /dev/zero | tr '\0' 'a' | gzip -c > "$T/gz/bomb.gz"
run --max-size=1M "$T/gz/bomb.gz"
check "gzip bomb: the cap applies to the decompressed size (exit 1)" rc_is 1
check "gzip bomb: message" hasf "$T/err" 'larger than the limit of 1048576 bytes'
IN=$T/gz/full.txt.gz run
check "gzip on stdin" has "$T/out" 'Alpha'

# JSON records
printf 'Bad \377 byte\n' > "$T/in-json-name"
mkdir "$T/j"
make_article "$T/j/q\"uo\\te.txt" Quote
printf '\001\002\003\004\005\006\007\010\016\017\020\021\022\023\024\025\026\027\030\031' > "$T/j/z-binary"
run -f jsonl "$T/j/q\"uo\\te.txt" "$T/j/missing.txt" "$T/j/z-binary" "$T/gz/trunc.txt.gz"
check "jsonl with failures: exit 1" rc_is 1
check "jsonl: one record per input" [ "$(wc -l < "$T/out")" -eq 4 ]
check "jsonl: errors still on stderr" [ "$(grep -c '^winnow: ' "$T/err")" -eq 3 ]
if [ $have_py -eq 1 ]; then
  cat > "$T/check.py" <<'PY'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
keys = {"path", "title", "text", "type", "charset", "bytes_in", "bytes_out",
        "blocks_kept", "blocks_dropped", "status", "error"}
assert all(keys <= set(r) for r in recs), "missing keys"
ok, miss, binr, trunc = recs
assert ok["path"].endswith('q"uo\\te.txt'), ok["path"]
assert ok["status"] == "ok" and ok["error"] is None
assert ok["type"] == "text" and ok["charset"]
assert ok["title"].startswith("The Quote River"), ok["title"]
assert "Paragraph 5 of the Quote article" in ok["text"]
assert ok["bytes_out"] == len(ok["text"].encode("utf-8"))
assert ok["bytes_in"] > 1000 and ok["blocks_kept"] >= 5
for r, frag in ((miss, "No such file"), (binr, "binary"), (trunc, "truncated")):
    assert r["status"] == "error" and frag in r["error"], r
    assert r["text"] is None and r["title"] is None
PY
  check "jsonl: records parse and carry every field" python3 "$T/check.py" "$T/out"
  name=$(printf 'bad\377name.txt')
  cp "$T/in/A.txt" "$T/j/$name"
  run -f jsonl "$T/j/$name"
  check "jsonl: invalid UTF-8 in a path becomes U+FFFD" python3 -c '
import json, sys
r = json.loads(open(sys.argv[1], "rb").read().decode("utf-8"))
assert r["path"].endswith("bad\ufffdname.txt"), r["path"]' "$T/out"
  printf 'Title line\n\nA paragraph with "quotes" and a back\\slash in the middle of a sentence that is long enough to keep.\n' > "$T/j/esc.txt"
  run -f json "$T/j/esc.txt"
  check "json: one input gives one indented object" has "$T/out" '^  "path": '
  check "json: quotes and backslashes round-trip" python3 -c '
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
assert "with \"quotes\" and a back\\slash in" in r["text"], repr(r["text"])' "$T/out"
  name=$(printf 'c\tt\001r\033l"\\.txt')
  cp "$T/j/esc.txt" "$T/j/$name"
  run -f jsonl "$T/j/$name"
  check "json: control characters are escaped" has "$T/out" '"path":"[^"]*c\\tt\\u0001r\\u001bl\\"\\\\.txt"'
  check "json: control characters round-trip" python3 -c '
import json, sys
r = json.loads(open(sys.argv[1], encoding="utf-8").read())
assert r["path"].endswith("c\tt\x01r\x1bl\"\\.txt"), repr(r["path"])' "$T/out"
  run -f json "$T/in/A.txt" "$T/in/b.txt"
  check "json with several inputs: JSON Lines" python3 -c '
import json, sys
lines = open(sys.argv[1]).read().splitlines()
assert len(lines) == 2 and all(json.loads(l)["status"] == "ok" for l in lines)' "$T/out"
else
  echo "skip - python3 not available: JSON parsing checks"
  check "jsonl: failed record has status error" has "$T/out" '"status":"error"'
fi

# unwritable output directory, and -o below a file
mkdir "$T/ro"
chmod 500 "$T/ro"
if touch "$T/ro/probe" 2> /dev/null; then
  echo "skip - unwritable output dir (running as root: chmod does not stop writes)"
else
  run -o "$T/ro" "$T/in/A.txt" "$T/in/b.txt"
  check "unwritable output dir: exit 1" rc_is 1
  check "unwritable output dir: message per input" [ "$(grep -c "cannot create: Permission denied -- skipped" "$T/err")" -eq 2 ]
fi
run -o "$T/in/A.txt/sub" "$T/in/b.txt"
check "-o below a file: exit 2" rc_is 2
check "-o below a file: message" has "$T/err" "^winnow: $T/in/A.txt/sub: cannot create the output directory: Not a directory"
run -o "$T/in/A.txt" "$T/in/b.txt"
check "-o naming a file: exit 2" rc_is 2
mkdir -p "$T/od"
: > "$T/od/a"
run -r -o "$T/od" "$T/in"
check "-o where a subdirectory is a file: exit 1" rc_is 1
check "-o where a subdirectory is a file: the others are written" [ -s "$T/od/b.txt" ]

# -j: byte-identical output whatever the number of jobs
mkdir "$T/many"
i=0
for f in "$SRC"/fixtures/*/input.*; do [ -f "$f" ] && cp "$f" "$T/many/fx$i.${f##*.}"; i=$((i + 1)); done
for n in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30; do
  make_article "$T/many/p$n.txt" "Number$n"
done
cp "$T/gz/trunc.txt.gz" "$T/many/p15-bad.gz"
for fmt in text jsonl; do
  "$W" -e -j 1 -r -f $fmt "$T/many" > "$T/j1.$fmt" 2> "$T/j1.err"
  "$W" -e -j 2 -r -f $fmt "$T/many" > "$T/j2.$fmt" 2> "$T/j2.err"
  "$W" -e -j 7 -r -f $fmt "$T/many" > "$T/j7.$fmt" 2> "$T/j7.err"
  check "-j 2 stdout identical to -j 1 ($fmt)" cmp -s "$T/j1.$fmt" "$T/j2.$fmt"
  check "-j 7 stdout identical to -j 1 ($fmt)" cmp -s "$T/j1.$fmt" "$T/j7.$fmt"
  check "-j 2 stderr (--explain, errors) identical to -j 1 ($fmt)" cmp -s "$T/j1.err" "$T/j2.err"
  check "--explain lines carry the input path with several inputs" has "$T/j1.err" "^$T/many/p1.txt: KEEP "
done
"$W" -q -j 1 -r -o "$T/tree1" "$T/many" 2> /dev/null
"$W" -q -j 2 -r -o "$T/tree2" "$T/many" 2> /dev/null
check "-j 2 output tree identical to -j 1" diff -r "$T/tree1" "$T/tree2"
run -e -j 0 -r "$T/many"
check "-j 0 (all cores) works" cmp -s "$T/out" "$T/j1.text"

# Memory stays bounded: 400 inputs need no more than 40 do (GNU time reports the peak).
# Not under AddressSanitizer, whose quarantine holds freed memory on purpose.
if grep -qa __asan_init "$W"; then
  echo "skip - memory bound: sanitizer build"
elif /usr/bin/time -f %M true > /dev/null 2>&1; then
  mkdir "$T/mem"
  i=0
  while [ $i -lt 20 ]; do cat "$T/in/A.txt"; i=$((i + 1)); done > "$T/mem/p0.txt"
  i=1
  while [ $i -lt 400 ]; do ln "$T/mem/p0.txt" "$T/mem/p$i.txt"; i=$((i + 1)); done
  /usr/bin/time -f %M -o "$T/rss400" "$W" -j 2 -r -f jsonl "$T/mem" > /dev/null 2>&1
  rm "$T"/mem/p[1-9][0-9][0-9].txt
  /usr/bin/time -f %M -o "$T/rss40" "$W" -j 2 -r -f jsonl "$T/mem" > /dev/null 2>&1
  r400=$(tail -n 1 "$T/rss400") r40=$(tail -n 1 "$T/rss40")
  check "memory bounded: peak RSS for 400 inputs ($r400 KB) ~ for 40 ($r40 KB)" [ "$r400" -le $((r40 + 8192)) ]
else
  echo "skip - memory bound: no GNU time"
fi

# SIGTERM during a run: winnow dies by the signal and leaves no temporary file.  The
# second input is a FIFO nobody writes, so the signal surely arrives mid-run.  (SIGINT is
# ignored in background jobs of a non-interactive shell, and winnow keeps it ignored.)
if mkfifo "$T/stall" 2> /dev/null; then
  "$W" -j 1 -o "$T/sig-out" "$T/in/A.txt" "$T/stall" 2> /dev/null &
  pid=$!
  i=0
  while [ ! -s "$T/sig-out/A.txt" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
  kill -TERM $pid
  wait $pid
  rc=$?
  check "SIGTERM: dies by the signal (status $rc = 143)" rc_is 143
  check "SIGTERM: finished outputs stay" cmp -s "$T/sig-out/A.txt" "$T/o/A.txt"
  check "SIGTERM: no temporary files left" [ -z "$(find "$T/sig-out" -name '*.winnow-*')" ]
else
  echo "skip - SIGTERM test: mkfifo not available"
fi

finish
