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
sh "$root/bench/other.sh" "$bin" html service=0.86 forum=0.84 listing=0.77 \
  documentation=0.935 collection=0.755 product=0.72 all=0.82 || rc=1
sh "$root/bench/other.sh" "$bin" text-innertext service=0.765 forum=0.735 listing=0.715 \
  documentation=0.885 collection=0.64 product=0.45 all=0.71 || rc=1
exit $rc
