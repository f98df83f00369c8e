# lib.sh -- helpers shared by the CLI tests (sourced, not a test itself).
# Sets W (the binary), SRC (the source tree) and T (a temporary directory removed at
# exit); run captures stdout, stderr and the exit status of one winnow call.
W=${1:?usage: sh test_X.sh WINNOW_BIN SOURCE_DIR}
SRC=${2:?usage: sh test_X.sh WINNOW_BIN SOURCE_DIR}
case $W in /*) ;; *) W=$(pwd)/$W ;; esac
LC_ALL=C
export LC_ALL
T=$(mktemp -d) || exit 1
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "ok - $1"; }
bad() {
  fail=$((fail + 1))
  echo "FAIL - $1"
  [ -f "$T/err" ] && sed 's/^/    stderr: /' "$T/err" | head -n 5
  return 0
}
# check DESCRIPTION COMMAND...: passes when the command succeeds.
check() { d=$1; shift; if "$@"; then ok "$d"; else bad "$d"; fi; }

# run ARGS...: runs winnow with stdin from $IN (default /dev/null); sets rc, and leaves
# stdout in $T/out and stderr in $T/err.
run() { "$W" "$@" > "$T/out" 2> "$T/err" < "${IN:-/dev/null}"; rc=$?; }

# Helpers for check.
has() { grep -q -- "$2" "$1"; }          # has FILE REGEX
hasf() { grep -qF -- "$2" "$1"; }        # hasf FILE STRING
lacks() { ! grep -q -- "$2" "$1"; }      # lacks FILE REGEX
empty() { [ ! -s "$1" ]; }
rc_is() { [ "$rc" -eq "$1" ]; }
valid_utf8() {
  if command -v python3 > /dev/null 2>&1; then
    python3 -c 'import sys; sys.stdin.buffer.read().decode("utf-8")' < "$1" 2> /dev/null
  else
    iconv -f UTF-8 -t UTF-8 < "$1" > /dev/null 2>&1
  fi
}

# A page of prose the classifier keeps: a headline and five long paragraphs.
make_article() { # make_article FILE [MARK]
  {
    echo "The ${2:-Quiet} River Report Finds New Fish"
    echo
    for n in 1 2 3 4 5; do
      echo "Paragraph $n of the ${2:-quiet} article: scientists who studied the river for many years reported that the number of fish grew steadily, and they said the change came after the town cleaned the water, planted trees along the banks and stopped the factory from dumping waste."
      echo
    done
  } > "$1"
}

finish() {
  echo "$pass passed, $fail failed"
  [ "$fail" -eq 0 ]
}
