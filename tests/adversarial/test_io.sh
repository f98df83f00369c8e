#!/bin/sh
# test_io.sh WINNOW SOURCE_DIR -- inputs and outputs that fail: a directory, a missing
# file, an unreadable file, a full disk, endless streams and huge files past --max-size.
# Each must end with a clear "winnow: " message and a defined exit code, fast, with
# bounded memory; a failing operand must not stop the ones after it.
. "$(dirname "$0")/lib.sh"
setup "$@"

printf 'A headline for the page\n\nThe article body is a sentence of prose that is long enough to keep.\n' > "$tmp/ok.txt"

run "a directory" 10 1 - "$tmp"
expect_err "a directory: message" "winnow: .*: .*[Dd]irectory"
run "a missing file" 10 1 - "$tmp/no-such-file"
expect_err "a missing file: message" "winnow: .*no-such-file: .*(No such file|not found)"
run "missing file, then a good one" 10 1 - "$tmp/no-such-file" "$tmp/ok.txt"
expect_out "the good file after a bad one is processed" 'article body'
if [ "$(id -u)" -ne 0 ]; then
  cp "$tmp/ok.txt" "$tmp/locked.txt"
  chmod 000 "$tmp/locked.txt"
  run "an unreadable file (chmod 000)" 10 1 - "$tmp/locked.txt"
  expect_err "unreadable file: message" "winnow: .*locked.txt: .*[Pp]ermission denied"
  chmod 600 "$tmp/locked.txt"
else
  echo "skip an unreadable file (chmod 000): running as root"
fi
run "stdin closed" 10 "1|2" closed

# Writing to a full disk: the write error is reported, exit 2.
stdout_to=/dev/full
run "stdout is /dev/full" 10 2 "$tmp/ok.txt"
expect_err "full disk: message" "winnow: .*(write error|No space)"
yes 'A long article line that goes on and on, a sentence of prose again.' | head -c 8000000 > "$tmp/big.txt"
run "8 MB of output to /dev/full" 30 2 "$tmp/big.txt" --type=text
expect_err "full disk, big output: message" "winnow: .*(write error|No space)"
run "/dev/full with two inputs" 30 2 - "$tmp/big.txt" "$tmp/ok.txt"
stdout_to=

# Endless or huge streams fail fast at --max-size, with bounded memory.
run "1 GB of zeros on stdin" 30 1 "|head -c 1073741824 /dev/zero"
expect_err "1 GB zeros: --max-size message" "max-size"
expect_rss "1 GB zeros: memory" 400
run "1 GB of text on stdin, --max-size=1M" 30 1 "|yes 'All work and no play makes Jack a dull boy.' | head -c 1073741824" --max-size=1M
expect_err "1 GB text, 1M cap: --max-size message" "max-size"
expect_rss "1 GB text, 1M cap: memory" 64
run "endless stdin (yes)" 30 1 "|yes" --max-size=8M
expect_rss "endless stdin: memory" 128
truncate -s 1G "$tmp/sparse.html" 2>/dev/null || dd if=/dev/zero of="$tmp/sparse.html" bs=1 count=0 seek=1G 2>/dev/null
run "a 1 GB (sparse) file" 10 1 - "$tmp/sparse.html"
expect_err "1 GB file: --max-size message" "max-size"
expect_rss "1 GB file: memory" 64
run "1 GB file, then a good one" 10 1 - "$tmp/sparse.html" "$tmp/ok.txt"
expect_out "the good file after a too-large one is processed" 'article body'
head -c 2097152 /dev/zero | tr '\000' 'a' > "$tmp/twomb.txt"
run "exactly over --max-size" 10 1 - "$tmp/twomb.txt" --max-size=2097151
run "exactly at --max-size" 10 0 - "$tmp/twomb.txt" --max-size=2097152
run "/dev/zero as a file operand" 30 1 - /dev/zero --max-size=4M
expect_err "/dev/zero operand: --max-size message" "max-size"

finish
