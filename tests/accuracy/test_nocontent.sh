#!/bin/sh
# test_nocontent.sh WINNOW SHARED_DIR -- the no-content verdict never fires on the
# article sets: no page of scrapinghub (HTML and rendered text) nor of wcxb-dev-article's
# HTML.  wcxb-dev-article's rendered text has five pages whose render holds no article
# (two empty, one "x", two menus of a script-drawn page): at most those five.
# Skipped (77) without the data.
set -u
bin=$1 shared=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
[ -d "$shared/data/scrapinghub/html" ] || exit 77
command -v python3 >/dev/null 2>&1 || exit 77
export WINNOW_SHARED="$shared"
sh "$root/bench/nocontent.sh" "$bin" scrapinghub/html=0 scrapinghub/text-innertext=0 \
  wcxb-dev-article/html=0 wcxb-dev-article/text-innertext=5
