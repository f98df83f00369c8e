#!/bin/sh
# run.sh TEST_FILE -- runs one file of the Python binding's tests with pytest; ctest
# calls it (tests/CMakeLists.txt sets WINNOW_LIBRARY, PYTHONPATH and the rest).
# The interpreter: $WINNOW_PYTHON, else the first of python3 on PATH and
# /usr/bin/python3 that has pytest (Debian's python3-pytest is in /usr/bin's).
# Without pytest the test is skipped (exit 77) -- unless WINNOW_REQUIRE_PYTEST=1, as
# .ci/run sets after installing python3-pytest: there a missing pytest is a failure.
set -u
file=$1
py=""
for cand in ${WINNOW_PYTHON:-} python3 /usr/bin/python3; do
  if "$cand" -c 'import pytest' >/dev/null 2>&1; then
    py=$cand
    break
  fi
done
if [ -z "$py" ]; then
  if [ "${WINNOW_REQUIRE_PYTEST:-0}" = 1 ]; then
    echo "python: pytest not found (apt-get install python3-pytest)" >&2
    exit 1
  fi
  echo "python: skipped, pytest not found (apt-get install python3-pytest)"
  exit 77
fi
# No bytecode or pytest cache in the source tree.
export PYTHONDONTWRITEBYTECODE=1
exec "$py" -m pytest -q -rs -p no:cacheprovider "$file"
