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
sh "$root/bench/other.sh" "$bin" html service=0.84 forum=0.82 listing=0.70 \
  documentation=0.93 collection=0.70 product=0.68 all=0.75 || rc=1
sh "$root/bench/other.sh" "$bin" text-innertext service=0.74 forum=0.67 listing=0.66 \
  documentation=0.86 collection=0.60 all=0.68 || rc=1
exit $rc
