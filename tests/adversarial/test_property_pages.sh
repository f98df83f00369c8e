#!/bin/sh
# test_property_pages.sh WINNOW SOURCE_DIR -- runs test_property_pages.py (random hostile
# pages from a fixed list of seeds: marker sentences kept, or the cut reported).
command -v python3 >/dev/null 2>&1 || { echo "skipped: python3 is not installed"; exit 77; }
exec python3 "$(dirname "$0")/test_property_pages.py" "$1"
