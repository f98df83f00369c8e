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
sh "$root/bench/other.sh" "$bin" html service=0.87 forum=0.85 listing=0.78 \
  documentation=0.94 collection=0.78 product=0.745 all=0.83 || rc=1
sh "$root/bench/other.sh" "$bin" text-innertext service=0.785 forum=0.785 listing=0.76 \
  documentation=0.90 collection=0.675 product=0.51 all=0.745 || rc=1
exit $rc
