#!/bin/sh
# test_structure.sh WINNOW SHARED_DIR -- accuracy gate of the Markdown structure
# (headings, list items, table rows, code blocks, as structure.py matches them) on the
# WCXB dev pages, a little below the measured figures (README).  Skipped (77) without
# the data.
set -u
bin=$1 shared=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
[ -d "$shared/data/wcxb-dev-article/html" ] || exit 77
command -v python3 >/dev/null 2>&1 || exit 77
export WINNOW_STRUCTURE="$shared/bench/structure.py"
rc=0
sh "$root/bench/structure.sh" "$bin" "$shared/data/wcxb-dev-article" \
  heading=0.87 item=0.60 row=0.85 code=0.32 || rc=1
# Rows: the other set's truth writes some tables without their outer pipes, which the
# scorer does not read as rows (2905's 124 rows of laureates, kept since a table of
# linked records is a row of entries: .491 -> .459), so the floor sits lower.  Items
# likewise: pages read whole as their entries (an awards page's 188 winners) write them as
# items where the truth has plain lines (.523 -> .509 as word F1 rose .806 -> .815).
if [ -d "$shared/data/wcxb-dev-other/html" ]; then
  sh "$root/bench/structure.sh" "$bin" "$shared/data/wcxb-dev-other" \
    heading=0.60 item=0.57 row=0.52 code=0.39 || rc=1
fi
exit $rc
