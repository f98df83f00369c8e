#!/bin/sh
# test_other.sh WINNOW SHARED_DIR -- accuracy gate of the pages that are not articles
# (wcxb-dev-other): WCXB word F1 per page type, a little below the measured figures
# (README).  Skipped (77) without the data.
set -u
bin=$1 shared=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
[ -d "$shared/data/wcxb-dev-other/html" ] || exit 77
command -v python3 >/dev/null 2>&1 || exit 77
export WINNOW_SHARED="$shared"
rc=0
sh "$root/bench/other.sh" "$bin" html service=0.84 forum=0.83 listing=0.71 \
  documentation=0.93 collection=0.73 product=0.70 all=0.80 || rc=1
sh "$root/bench/other.sh" "$bin" text-innertext service=0.75 forum=0.69 listing=0.70 \
  documentation=0.88 collection=0.63 product=0.44 all=0.70 || rc=1
exit $rc
