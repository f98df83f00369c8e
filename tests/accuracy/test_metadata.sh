#!/bin/sh
# test_metadata.sh WINNOW SHARED_DIR -- accuracy gate of the metadata and the page type in JSON
# records (author and date declared or shown around the headline, title) on the WCXB dev
# pages, a little below the measured figures (README).  Skipped (77) without the data.
set -u
bin=$1 shared=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
[ -d "$shared/data/wcxb-dev-article/html" ] || exit 77
command -v python3 >/dev/null 2>&1 || exit 77
export WINNOW_METADATA="$shared/bench/metadata.py"
rc=0
sh "$root/bench/metadata.sh" "$bin" "$shared/data/wcxb-dev-article" title=0.915 author=0.86 date=0.895 page_type=0.96 || rc=1
if [ -d "$shared/data/wcxb-dev-other/html" ]; then
  sh "$root/bench/metadata.sh" "$bin" "$shared/data/wcxb-dev-other" title=0.80 author=0.75 date=0.935 page_type=0.845 || rc=1
fi
# Rendered text shows its date, byline and headline as lines of the page (src/text/textmeta.c,
# texttitle.c).
if [ -d "$shared/data/wcxb-dev-article/text-innertext" ]; then
  sh "$root/bench/metadata.sh" --text "$bin" "$shared/data/wcxb-dev-article" title=0.615 author=0.49 date=0.725 || rc=1
  sh "$root/bench/metadata.sh" --text "$bin" "$shared/data/wcxb-dev-other" title=0.19 author=0.45 date=0.66 || rc=1
fi
exit $rc
