#!/bin/sh
# test_text.sh WINNOW SHARED_DIR -- accuracy gate for the text path: the Scrapinghub
# benchmark pages rendered as browser innerText and as lynx dumps, and WCXB's article
# pages as innerText, must keep their F1
# (the scorer's 4-token shingle measure, --no-title).  Skipped (77) without the data.
bin=$1 shared=$2
ds=$shared/data/scrapinghub
[ -d "$ds/text-innertext" ] && [ -f "$ds/ground-truth.json" ] || exit 77
root=$(cd "$(dirname "$0")/../.." && pwd)
export WINNOW_SCORE="$shared/bench/score.py"
rc=0
sh "$root/bench/accuracy.sh" "$bin" "$ds" text-innertext 0.92 || rc=1
sh "$root/bench/accuracy.sh" "$bin" "$ds" text-lynx 0.90 || rc=1
wa=$shared/data/wcxb-dev-article
if [ -d "$wa/text-innertext" ]; then
  sh "$root/bench/accuracy.sh" "$bin" "$wa" text-innertext 0.91 || rc=1
fi
exit $rc
