#!/bin/sh
# test_comments.sh WINNOW SHARED_DIR -- accuracy gate of reader comments on the
# dragnet-train pages (comments marked apart from the article): the comment text
# leaked into the article, the pages leaking more than 10%, and the F1 of what
# --comments prints, each a little beyond the measured figures (README).  Skipped (77)
# without the data.
set -u
bin=$1 shared=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
[ -d "$shared/data/dragnet-train/html" ] || exit 77
command -v python3 >/dev/null 2>&1 || exit 77
export WINNOW_COMMENTS="$shared/bench/comments.py"
sh "$root/bench/comments.sh" "$bin" "$shared/data/dragnet-train" leak=0.002 over10=0 f1=0.85
