#!/bin/sh
# test_html.sh WINNOW SHARED_DIR -- accuracy gate of the HTML path: F1 on the
# scrapinghub article-extraction benchmark (181 pages), on the WCXB dev articles
# (709 pages) and on dragnet-train (966 pages).  Skipped (77) when the shared data is not there.
set -u
bin=$1 shared=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
[ -d "$shared/data/scrapinghub/html" ] || exit 77
command -v python3 >/dev/null 2>&1 || exit 77
export WINNOW_SCORE="$shared/bench/score.py"
rc=0
sh "$root/bench/accuracy.sh" "$bin" "$shared/data/scrapinghub" html 0.97 || rc=1
if [ -d "$shared/data/wcxb-dev-article/html" ]; then
  sh "$root/bench/accuracy.sh" "$bin" "$shared/data/wcxb-dev-article" html 0.94 || rc=1
fi
# Articles with reader comments marked apart: comments kept out of the article count.
if [ -d "$shared/data/dragnet-train/html" ]; then
  sh "$root/bench/accuracy.sh" "$bin" "$shared/data/dragnet-train" html 0.915 || rc=1
fi
exit $rc
