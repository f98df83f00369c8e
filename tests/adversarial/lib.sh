# lib.sh -- shared by the adversarial scripts (sourced, not a test itself).
#
# A script calls `setup "$@"`, then for each case: `run NAME LIMIT WANT_RC INPUT [ARGS...]`
# which runs winnow ARGS < INPUT under `timeout LIMIT` and checks that it finished in
# time, exited WANT_RC ("0", "1", or a list like "0|1"), printed valid UTF-8 on stdout,
# did not trip a sanitizer, and prefixed any error with "winnow: ".  Extra checks on
# $out / $err use `expect_out`, `expect_err`; `finish` prints "N passed, N failed".
# Inputs are generated at test time in $tmp, never committed.

setup() {
  bin=$1
  src=$2
  [ -x "$bin" ] || { echo "no winnow binary at $bin" >&2; exit 1; }
  # iconv checks that output is UTF-8 and builds the UTF-16 / latin1 inputs.
  command -v iconv >/dev/null 2>&1 || { echo "skipped: iconv is not installed"; exit 77; }
  tmp=$(mktemp -d) || exit 1
  trap 'rm -rf "$tmp"' EXIT
  out=$tmp/out
  err=$tmp/err
  passed=0
  failed=0
  # Peak RSS via GNU time when it is there; sanitizer builds get a looser bound.
  gnutime=
  if /usr/bin/time -f %M true >/dev/null 2>&1; then gnutime=/usr/bin/time; fi
  asan=0
  if grep -q __asan_init "$bin" 2>/dev/null; then asan=1; fi
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }

utf8_ok() { iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1; }

pass() {
  passed=$((passed + 1))
  echo "ok   $1"
}

fail() {
  failed=$((failed + 1))
  echo "FAIL $1: $2"
  if [ -s "$err" ]; then sed -n '1,5s/^/     stderr: /p' "$err"; fi
}

# run NAME LIMIT WANT_RC INPUT [ARGS...]: INPUT is a file for stdin, "-" for none,
# "closed" for a closed fd 0, or "|COMMAND" to pipe COMMAND's output in.  stdout goes to $out unless $stdout_to is set.
run() {
  name=$1 limit=$2 want=$3 input=$4
  shift 4
  [ "$input" = "-" ] && input=/dev/null
  : > "$tmp/rss"
  t0=$(now_ms)
  case $input in
    "|"*) sh -c "${input#|}" 2>/dev/null | (run_bin "$limit" "$@") ;;
    closed) (run_bin "$limit" "$@") <&- ;;
    *) (run_bin "$limit" "$@") < "$input" ;;
  esac
  rc=$?
  ms=$(($(now_ms) - t0))
  rss_kb=$(tail -n 1 "$tmp/rss" 2>/dev/null | grep -E '^[0-9]+$' || echo 0)
  check_result "$name" "$want"
}

run_bin() {
  limit=$1
  shift
  # A safety net for cases that could eat the machine: cap the address space (not
  # under ASan, whose shadow memory needs terabytes of it).
  if [ -n "${vmem_mb:-}" ] && [ "$asan" -eq 0 ]; then ulimit -v $((vmem_mb * 1024)); fi
  if [ -n "$gnutime" ]; then
    timeout -k 5 "$limit" $gnutime -o "$tmp/rss" -f %M "$bin" "$@" > "${stdout_to:-$out}" 2> "$err"
  else
    timeout -k 5 "$limit" "$bin" "$@" > "${stdout_to:-$out}" 2> "$err"
  fi
}

# check_result NAME WANT_RC: the checks every case shares (rc, ms set by the caller).
check_result() {
  case_name="$1 (${ms} ms, exit $rc${rss_kb:+, ${rss_kb} KB})"
  if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
    fail "$case_name" "did not finish within its time limit"; return 1
  fi
  if [ "$rc" -gt 128 ]; then fail "$case_name" "killed by signal $((rc - 128))"; return 1; fi
  if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:' "$err"; then
    fail "$case_name" "sanitizer report"; return 1
  fi
  if ! echo "|$2|" | grep -q "|$rc|"; then
    fail "$case_name" "exit $rc, want $2"; return 1
  fi
  if ! utf8_ok "$out"; then fail "$case_name" "stdout is not valid UTF-8"; return 1; fi
  if [ "$rc" -ne 0 ] && ! grep -q '^winnow: ' "$err"; then
    fail "$case_name" "no 'winnow: ' message on stderr"; return 1
  fi
  pass "$case_name"
}

# expect_out NAME PATTERN / expect_err NAME PATTERN / expect_no_out NAME PATTERN:
# grep -E checks on the last run's stdout / stderr.
expect_out() {
  if grep -qE "$2" "$out"; then pass "$1"; else fail "$1" "stdout lacks /$2/"; fi
}
expect_no_out() {
  if grep -qE "$2" "$out"; then fail "$1" "stdout has /$2/"; else pass "$1"; fi
}
expect_err() {
  if grep -qE "$2" "$err"; then pass "$1"; else fail "$1" "stderr lacks /$2/"; fi
}
# expect_rss NAME MAX_MB: peak RSS of the last run (skipped without GNU time).
expect_rss() {
  [ -n "$gnutime" ] || return 0
  max=$2
  [ "$asan" -eq 1 ] && max=$((max * 3))
  if [ "$rss_kb" -le $((max * 1024)) ]; then pass "$1 (${rss_kb} KB <= ${max} MB)"
  else fail "$1" "peak RSS ${rss_kb} KB > ${max} MB"; fi
}

finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
