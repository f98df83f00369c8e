#!/bin/sh
# test_cli.sh WINNOW_BIN SOURCE_DIR -- the single-input contract of the winnow command:
# options, stdin and -, --, exit codes, messages, rule errors, size cap, write errors,
# SIGPIPE, empty / binary / invalid UTF-8 input.
set -u
. "$(dirname "$0")/lib.sh"

make_article "$T/a.txt"

# --help and --version
run --help
check "--help exits 0 with usage on stdout" rc_is 0
check "--help starts with Usage" has "$T/out" '^Usage: winnow'
for o in type no-title explain rules no-default-rules max-size format output-dir recursive \
         jobs quiet verbose help version; do
  check "--help lists --$o" has "$T/out" "--$o"
done
for s in -t -T -e -R -f -o -r -j -q -v -h -V; do
  check "--help lists $s" has "$T/out" "^ *$s,"
done
if [ -f "$SRC/doc/winnow.1" ]; then
  grep -o -- '--[a-z][a-z-]*' "$T/out" | sort -u > "$T/helpopts"
  missing=
  while read -r o; do
    grep -q -- "$(echo "$o" | sed 's/-/\\\\-/g')" "$SRC/doc/winnow.1" || missing="$missing $o"
  done < "$T/helpopts"
  check "every long option of --help is in doc/winnow.1 (missing:$missing)" [ -z "$missing" ]
else
  bad "doc/winnow.1 exists"
fi
run --version
check "--version exits 0" rc_is 0
check "--version prints 'winnow X.Y.Z'" has "$T/out" '^winnow [0-9][0-9.]*$'

# usage errors: exit 2, "winnow: " prefix, a pointer to --help, nothing on stdout
for args in "--bogus" "-Z" "--type=xml" "--format=pdf" "--max-size=abc" "--max-size=0" \
            "--jobs=-1" "--jobs=x" "-j"; do
  run $args "$T/a.txt"
  check "usage error '$args' exits 2" rc_is 2
  check "usage error '$args' says winnow: ..." has "$T/err" '^winnow: '
  check "usage error '$args' points to --help" hasf "$T/err" "Try 'winnow --help'"
  check "usage error '$args' prints nothing on stdout" empty "$T/out"
done
run --bogus
check "unknown long option is named" hasf "$T/err" "winnow: unknown option '--bogus'"
run -Z
check "unknown short option is named" hasf "$T/err" "winnow: unknown option '-Z'"

# stdin, -, and files give the same output
run "$T/a.txt"
check "a file: exit 0" rc_is 0
check "a file: the article is printed" has "$T/out" 'Paragraph 3 of the quiet article'
check "a file: nothing on stderr" empty "$T/err"
cp "$T/out" "$T/file.out"
IN=$T/a.txt run
check "no operand reads stdin" cmp -s "$T/out" "$T/file.out"
IN=$T/a.txt run -
check "'-' reads stdin" cmp -s "$T/out" "$T/file.out"
IN=$T/a.txt run -- -
check "'-- -' still reads stdin" cmp -s "$T/out" "$T/file.out"

# -- ends options: a file named like an option
cp "$T/a.txt" "$T/--type=xml"
(cd "$T" && "$W" -- --type=xml > "$T/out" 2> "$T/err"); rc=$?
check "-- ends options (file named --type=xml): exit 0" rc_is 0
check "-- ends options: same output" cmp -s "$T/out" "$T/file.out"
cp "$T/a.txt" "$T/-T"
(cd "$T" && "$W" -- -T > "$T/out" 2> "$T/err"); rc=$?
check "-- ends options (file named -T)" cmp -s "$T/out" "$T/file.out"

# --no-title and --type
run --no-title "$T/a.txt"
check "--no-title drops the headline" lacks "$T/out" 'River Report'
check "--no-title keeps the body" has "$T/out" 'Paragraph 1 of the quiet'
head -n 1 "$T/file.out" > "$T/first"
check "the headline comes first by default" has "$T/first" 'River Report'
# A page of text that merely mentions markup: --type=text must not parse it as HTML.
printf '<html><head><title>T</title></head><body><p>Some &amp; words in a paragraph.</p></body></html>\n' > "$T/p.html"
printf '<html><head><title>T</title></head><body>\n\nThe guide explains that a <p> tag opens a paragraph and that &amp; stands for an ampersand, so writers can check their own pages before they publish them.\n\nIt also shows how a <br> tag breaks a line without starting a new paragraph, which matters for poems, addresses and song lyrics alike.\n\n</body></html>\n' > "$T/mention.txt"
run --type=text "$T/mention.txt"
check "--type=text keeps markup as text" has "$T/out" 'a <p> tag opens'
check "--type=text keeps entities as text" has "$T/out" '&amp; stands'
run --type=html "$T/p.html"
check "--type=html decodes the markup" has "$T/out" 'Some & words'
check "--type=html removes tags" lacks "$T/out" '<p>'
run --type=auto "$T/p.html"
check "--type=auto sniffs HTML" has "$T/out" 'Some & words'

# --explain: every block, decision, reason and text on stderr; stdout unchanged
run --explain "$T/a.txt"
check "--explain: exit 0" rc_is 0
check "--explain: stdout unchanged" cmp -s "$T/out" "$T/file.out"
check "--explain: one line per block (6)" [ "$(grep -c '^\(KEEP\|DROP\) ' "$T/err")" -eq 6 ]
check "--explain: shows the first characters" has "$T/err" 'KEEP.*| Paragraph 2 of the quiet'

# rules
{
  echo "# a comment"
  echo "drop /^Paragraph 2 of/ p2"
} > "$T/r1.rules"
echo "drop /^Paragraph 4 of/ p4" > "$T/r2.rules"
run -e --rules="$T/r1.rules" -R "$T/r2.rules" "$T/a.txt"
check "--rules: exit 0" rc_is 0
check "--rules: first file applies" lacks "$T/out" 'Paragraph 2 of'
check "--rules: repeatable, second file applies" lacks "$T/out" 'Paragraph 4 of'
check "--rules: other paragraphs stay" has "$T/out" 'Paragraph 3 of'
check "--rules: explain names the rule" has "$T/err" '^DROP.*rule:p2'
{
  echo "# line 1 is a comment"
  echo "drop /fine/ ok"
  echo "drop /broken(/ bad"
} > "$T/bad.rules"
run --rules="$T/bad.rules" "$T/does-not-exist"
check "bad rule: exit 2" rc_is 2
check "bad rule: winnow: FILE:LINE:COL: message" has "$T/err" "^winnow: $T/bad.rules:3:14: ."
check "bad rule: reported before any input is read" lacks "$T/err" 'does-not-exist'
check "bad rule: no output" empty "$T/out"
IN=$T/a.txt run -R "$T/bad.rules"
check "bad rule with stdin: exit 2" rc_is 2
printf 'frobnicate /x/\n' > "$T/bad2.rules"
run -R "$T/bad2.rules" "$T/a.txt"
check "unknown rule action: exit 2 with FILE:LINE:COL" has "$T/err" "^winnow: $T/bad2.rules:1:[0-9]*: "
run -R "$T/no-such.rules" "$T/a.txt"
check "missing rule file: exit 2" rc_is 2
check "missing rule file: message" hasf "$T/err" "winnow: $T/no-such.rules: No such file or directory"
printf '\357\273\277drop /^Paragraph 2 of/ p2\n' > "$T/bom.rules"
run -R "$T/bom.rules" "$T/a.txt"
check "rule file with a UTF-8 BOM: exit 0" rc_is 0
check "rule file with a UTF-8 BOM: its rule applies" lacks "$T/out" 'Paragraph 2 of'
head -c 17000000 /dev/zero | tr '\0' '#' > "$T/huge.rules"
run -R "$T/huge.rules" "$T/a.txt"
check "oversized rule file: exit 2" rc_is 2
check "oversized rule file: names the rule-file limit" has "$T/err" "^winnow: $T/huge.rules: .*limit for rule files"
check "oversized rule file: does not blame --max-size" lacks "$T/err" 'max-size'
rm -f "$T/huge.rules"
printf 'When you purchase through links on our site, we may earn an affiliate commission.\n\n' > "$T/aff.txt"
cat "$T/a.txt" >> "$T/aff.txt"
run -e "$T/aff.txt"
check "default rules are on by default" has "$T/err" 'rule:'
run -e --no-default-rules "$T/aff.txt"
check "--no-default-rules: no rule fires" lacks "$T/err" 'rule:'
run -e --no-default-rules -R "$T/r1.rules" "$T/aff.txt"
check "--no-default-rules with --rules: only the user's rules" has "$T/err" 'rule:p2'

# --format=markdown through the command (a keep-all rule fixes the decisions)
echo 'keep /./ all' > "$T/keepall.rules"
printf 'Intro paragraph with words.\n\n* first item\n* second item\n\n# not a heading\n' > "$T/md.txt"
run -f markdown --no-default-rules -R "$T/keepall.rules" "$T/md.txt"
check "markdown: exit 0" rc_is 0
check "markdown: list items as '- '" has "$T/out" '^- first item$'
check "markdown: a paragraph starting with # is escaped" has "$T/out" '^\\# not a heading$'
run -f markdown "$T/a.txt"
check "markdown: the headline as '# '" has "$T/out" '^# The Quiet River Report'

# missing, unreadable, directory operands: exit 1
run "$T/nope.txt"
check "missing file: exit 1" rc_is 1
check "missing file: message" hasf "$T/err" "winnow: $T/nope.txt: No such file or directory"
run "$T/nope.txt" "$T/a.txt"
check "missing file among others: exit 1" rc_is 1
check "missing file among others: the rest is processed" has "$T/out" 'Paragraph 3'
check "missing file among others: reported and skipped" hasf "$T/err" "winnow: $T/nope.txt: No such file or directory -- skipped"
cp "$T/a.txt" "$T/locked.txt"
chmod 000 "$T/locked.txt"
if cat "$T/locked.txt" > /dev/null 2>&1; then
  echo "skip - unreadable file (running as root)"
else
  run "$T/locked.txt"
  check "unreadable file: exit 1" rc_is 1
  check "unreadable file: message" hasf "$T/err" "winnow: $T/locked.txt: Permission denied"
fi
mkdir "$T/dir"
run "$T/dir"
check "directory without -r: exit 1" rc_is 1
check "directory without -r: message" has "$T/err" "^winnow: $T/dir: is a directory"

# --max-size
size=$(wc -c < "$T/a.txt")
run --max-size=$((size - 1)) "$T/a.txt"
check "--max-size: larger input exits 1" rc_is 1
check "--max-size: clear message" has "$T/err" "^winnow: $T/a.txt: .*--max-size"
check "--max-size: no output" empty "$T/out"
run --max-size=$size "$T/a.txt"
check "--max-size: input of exactly the limit is fine" rc_is 0
run --max-size=1K "$T/a.txt"
check "--max-size accepts K" rc_is 1
head -c 3000000 /dev/zero | tr '\0' 'a' > "$T/big-stream"
IN=$T/big-stream run --max-size=1M
check "--max-size on stdin: exit 1" rc_is 1
# Under a 200 MB address-space limit (skipped for sanitizer builds, which cannot start).
if ( ulimit -v 200000 2>/dev/null && exec "$W" --version > /dev/null 2>&1 ); then
  ( ulimit -v 200000; exec "$W" --max-size=100M < /dev/zero > /dev/null 2> "$T/err" ); rc=$?
  check "--max-size caps /dev/zero without running out of memory (exit 1)" rc_is 1
  check "--max-size caps /dev/zero: message" hasf "$T/err" 'larger than the limit'
else
  echo "skip - /dev/zero under ulimit -v (not supported by this build)"
fi

# write errors and SIGPIPE
if [ -w /dev/full ]; then
  "$W" "$T/a.txt" > /dev/full 2> "$T/err"; rc=$?
  check "/dev/full: exit 2" rc_is 2
  check "/dev/full: write error message" has "$T/err" '^winnow: write error'
else
  echo "skip - /dev/full not available"
fi
i=0
while [ $i -lt 4000 ]; do cat "$T/a.txt"; i=$((i + 1)); done > "$T/big.txt"
{ "$W" --max-size=1G "$T/big.txt" 2> "$T/err"; echo $? > "$T/rc"; } | head -n 1 > /dev/null
rc=$(cat "$T/rc")
quiet_end() { [ "$rc" -eq 0 ] || [ "$rc" -gt 128 ]; }
check "| head: killed by SIGPIPE or exit 0 (got $rc)" quiet_end
check "| head: quiet on stderr" empty "$T/err"

# empty, binary, invalid UTF-8, legacy charset
: > "$T/empty.txt"
run "$T/empty.txt"
check "empty file: exit 0" rc_is 0
check "empty file: empty output" empty "$T/out"
run
check "empty stdin: exit 0" rc_is 0
check "empty stdin: empty output" empty "$T/out"
check "empty stdin: nothing on stderr" empty "$T/err"
# Random bytes alone are about 11% control bytes, near the library's threshold: mixing
# in NULs (as in any executable or image) keeps the case unambiguous.
{ head -c 2048 /dev/urandom; head -c 1024 /dev/zero; head -c 1024 /dev/urandom; } > "$T/junk.bin"
run "$T/junk.bin"
check "binary junk: exit 1" rc_is 1
check "binary junk: message" has "$T/err" "^winnow: $T/junk.bin: "
check "binary junk: no output" empty "$T/out"
{
  printf 'Bad \377\376 bytes \303\050 and \355\240\200 surrogates\n\n'
  cat "$T/a.txt"
  printf 'Caf\351 cr\350me and \223quotes\224 in windows-1252, then more words in the sentence.\n'
} > "$T/invalid.txt"
run "$T/invalid.txt"
check "invalid UTF-8: exit 0" rc_is 0
check "invalid UTF-8: output is valid UTF-8" valid_utf8 "$T/out"
check "invalid UTF-8: the article survives" has "$T/out" 'Paragraph 5'
run --type=html "$T/junk.bin"
check "binary junk as --type=html: output (if any) is valid UTF-8" valid_utf8 "$T/out"

finish
