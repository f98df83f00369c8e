#!/bin/sh
# same-output.sh BASE_REV [NEW_BUILD_DIR] -- did a change alter winnow's outputs?
#
# Builds BASE_REV's winnow (Release) in a temporary `git worktree` with its own build
# directory, builds the working tree in NEW_BUILD_DIR (default build/), and runs both
# binaries over every page of the development sets under ../shared/data: the HTML
# pages of scrapinghub, wcxb-dev-article, wcxb-dev-other and dragnet-train
# (decompressed once), their text-innertext/ and text-lynx/ pages (--type=text) and
# the seed .txt pages, in formats text, markdown and json, with and without
# --no-title; batch mode (`-r -o DIR`, -j2).
# Text and markdown must match byte for byte.  JSON records are compared after
# dropping the keys the base record lacks ("only new JSON fields may appear"); the new
# keys are listed.  Prints per set/format: pages, identical, differ, up to 10 differing
# page ids and a short diff of the first few; then any change in exit status or
# (sorted) stderr.  Exit status: 0 all identical, 1 some output differs, 2 setup error.
# Environment: WINNOW_SHARED (default ../shared beside the checkout), WINNOW_SAME_JOBS
# (-j, default 2), WINNOW_SAME_SHOW (differing pages whose diff is shown, default 3).
# Example: bench/same-output.sh 37efb4b   (about 6 minutes on 2 cores shared with other work)
set -eu
usage="usage: same-output.sh BASE_REV [NEW_BUILD_DIR]"
if [ $# -lt 1 ] || [ $# -gt 2 ]; then echo "$usage" >&2; exit 2; fi
case $1 in -h|--help) echo "$usage"; exit 0 ;; esac
root=$(cd "$(dirname "$0")/.." && pwd)
newbuild=${2:-$root/build}
shared=${WINNOW_SHARED:-$root/../shared}
jobs=${WINNOW_SAME_JOBS:-2}
show=${WINNOW_SAME_SHOW:-3}
data=$shared/data

rev=$(git -C "$root" rev-parse --verify --quiet "$1^{commit}") ||
  { echo "same-output.sh: $1: not a commit" >&2; exit 2; }
[ -d "$data" ] || { echo "same-output.sh: no $data" >&2; exit 2; }
command -v python3 >/dev/null || { echo "same-output.sh: needs python3" >&2; exit 2; }

tmp=$(mktemp -d)
wt=$tmp/base-src
cleanup() {
  if [ -d "$wt" ]; then
    git -C "$root" worktree remove --force "$wt" 2>/dev/null ||
      { rm -rf "$wt"; git -C "$root" worktree prune; }
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

t0=$(date +%s)
# Build BASE_REV in a detached worktree, out of tree; then the working tree.
git -C "$root" worktree add --detach "$wt" "$rev" > "$tmp/log" 2>&1 ||
  { cat "$tmp/log" >&2; exit 2; }
build() { # SRC BUILD_DIR [CMAKE_ARGS...]
  src=$1 dir=$2
  shift 2
  if ! { cmake -S "$src" -B "$dir" -DCMAKE_BUILD_TYPE=Release -DWINNOW_SANITIZE=OFF "$@" &&
         cmake --build "$dir" -j2 --target winnow; } > "$tmp/log" 2>&1; then
    tail -n 30 "$tmp/log" >&2
    echo "same-output.sh: building $src in $dir failed" >&2
    exit 2
  fi
}
build "$wt" "$tmp/base-build" -DWINNOW_WERROR=OFF -DWINNOW_TESTS=OFF -DWINNOW_BENCH=OFF
build "$root" "$newbuild"
old=$tmp/base-build/winnow
new=$newbuild/winnow
t1=$(date +%s)

# Options both binaries have (the base may predate some).
"$old" --help > "$tmp/help.old" 2>&1 || :
"$new" --help > "$tmp/help.new" 2>&1 || :
both() { grep -q -e "$1" "$tmp/help.old" && grep -q -e "$1" "$tmp/help.new"; }
for o in --type= --format= --output-dir= --recursive; do
  both "$o" || { echo "same-output.sh: $o missing from one --help; cannot compare in batch" >&2; exit 2; }
done
jopt=
both --jobs= && jopt="-j $jobs"
titles=title
both --no-title && titles="title notitle"
formats=text
for f in markdown json; do
  if both "$f"; then formats="$formats $f"; else echo "note: format $f missing from one binary: skipped"; fi
done

# Inputs, decompressed once: in/html/SET/html/ID.html and in/text/SET/SUB/ID.txt.
for ds in scrapinghub wcxb-dev-article wcxb-dev-other dragnet-train; do
  if [ -d "$data/$ds/html" ]; then
    mkdir -p "$tmp/in/html/$ds/html"
    for f in "$data/$ds"/html/*.html.gz; do
      gzip -dc "$f" > "$tmp/in/html/$ds/html/$(basename "$f" .gz)"
    done
  fi
  for sub in text-innertext text-lynx; do
    [ -d "$data/$ds/$sub" ] || continue
    mkdir -p "$tmp/in/text/$ds/$sub"
    cp "$data/$ds/$sub"/*.txt "$tmp/in/text/$ds/$sub/"
  done
done
if [ -d "$data/seed" ]; then
  mkdir -p "$tmp/in/text/seed/txt"
  for f in "$data"/seed/*.txt; do
    case $f in *.expected.txt) continue ;; esac
    cp "$f" "$tmp/in/text/seed/txt/"
  done
fi
t2=$(date +%s)

# out/SIDE/TYPE/FORMAT-TITLE/SET/SUB/ID.EXT, plus .err (stderr) and .rc beside each run.
# Old and new runs alternate so both see the same machine.
for type in html text; do
  [ -d "$tmp/in/$type" ] || continue
  for fmt in $formats; do
    for title in $titles; do
      topt=
      [ "$title" = notitle ] && topt=--no-title
      for side in old new; do
        if [ "$side" = old ]; then bin=$old; else bin=$new; fi
        o=$tmp/out/$side/$type/$fmt-$title
        mkdir -p "$o"
        rc=0
        # shellcheck disable=SC2086
        "$bin" -r $jopt --type=$type --format=$fmt $topt -o "$o" "$tmp/in/$type" \
          2> "$o.err" || rc=$?
        echo "$rc" > "$o.rc"
      done
    done
  done
done
t3=$(date +%s)

cat > "$tmp/compare.py" <<'EOF'
import difflib, json, os, re, sys

tmp, show = sys.argv[1], int(sys.argv[2])
base_label, new_label = sys.argv[3], sys.argv[4]
EXT = {"text": ".txt", "markdown": ".md", "json": ".json"}
CUT = 150

def esc(s):
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", lambda m: "\\x%02x" % ord(m.group()) if m.group() != "\r" else "\\r", s)

def clip(line, other=None):
    """line, escaped; if long, a window around where it first differs from other."""
    line = esc(line)
    if len(line) <= CUT:
        return line
    p = 0
    if other is not None:
        other = esc(other)
        while p < min(len(line), len(other)) and line[p] == other[p]:
            p += 1
    a = max(0, p - 50)
    return ("..." if a else "") + line[a:a + CUT] + ("..." if a + CUT < len(line) else "")

def text_diff(a, b, limit=14):
    al, bl = a.split("\n"), b.split("\n")
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, al, bl, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        out.append("@@ base line %d, new line %d" % (i1 + 1, j1 + 1))
        for k in range(i1, i2):
            o = bl[j1 + k - i1] if j1 + k - i1 < j2 else None
            out.append("-" + clip(al[k], o))
        for k in range(j1, j2):
            o = al[i1 + k - j1] if i1 + k - j1 < i2 else None
            out.append("+" + clip(bl[k], o))
        if len(out) >= limit:
            break
    if len(out) > limit:
        out = out[:limit] + ["(diff cut)"]
    return out

def squash(s):
    return " ".join(s.split())

def load_json(path):
    with open(path, "rb") as f:
        raw = f.read()
    try:
        return raw, json.loads(raw.decode("utf-8"))
    except ValueError:
        return raw, None

new_keys_all = {}
summary = []
bad = 0
total_pages = total_diff = 0
for side_type in ("html", "text"):
    indir = os.path.join(tmp, "in", side_type)
    if not os.path.isdir(indir):
        continue
    groups = []
    for ds in sorted(os.listdir(indir)):
        for sub in sorted(os.listdir(os.path.join(indir, ds))):
            groups.append((ds, sub))
    runs = sorted(os.listdir(os.path.join(tmp, "out", "old", side_type)))
    runs = [r for r in runs if os.path.isdir(os.path.join(tmp, "out", "old", side_type, r))]
    order = {"text": 0, "markdown": 1, "json": 2}
    runs.sort(key=lambda r: (order.get(r.split("-")[0], 9), r.endswith("notitle"), r))
    for ds, sub in groups:
        names = sorted(os.listdir(os.path.join(indir, ds, sub)))
        for run in runs:
            fmt, title = run.split("-", 1)
            ext = EXT[fmt]
            diffs, notes, keydiff, newkeys = [], [], {}, {}
            for name in names:
                pid = name.rsplit(".", 1)[0]
                po = os.path.join(tmp, "out", "old", side_type, run, ds, sub, pid + ext)
                pn = os.path.join(tmp, "out", "new", side_type, run, ds, sub, pid + ext)
                eo, en = os.path.exists(po), os.path.exists(pn)
                if not eo and not en:
                    continue
                if eo != en:
                    diffs.append(pid)
                    notes.append((pid, ["output only in " + ("base" if eo else "new")], ""))
                    continue
                if fmt != "json":
                    a = open(po, "rb").read()
                    b = open(pn, "rb").read()
                    if a == b:
                        continue
                    diffs.append(pid)
                    sa, sb = a.decode("utf-8", "replace"), b.decode("utf-8", "replace")
                    tag = ""
                    if squash(sa) == squash(sb):
                        tag = " (whitespace only)"
                    notes.append((pid, text_diff(sa, sb), tag))
                    continue
                ra, ja = load_json(po)
                rb, jb = load_json(pn)
                if ja is None or jb is None or not isinstance(ja, dict) or not isinstance(jb, dict):
                    if ra != rb:
                        diffs.append(pid)
                        notes.append((pid, ["not a JSON object; bytes differ"], ""))
                    continue
                for k in jb:
                    if k not in ja:
                        newkeys[k] = newkeys.get(k, 0) + 1
                        ex = new_keys_all.setdefault(k, [0, jb[k]])
                        ex[0] += 1
                fb = [(k, v) for k, v in jb.items() if k in ja]
                fa = list(ja.items())
                if fa == fb:
                    continue
                diffs.append(pid)
                lines = []
                db = dict(fb)
                changed = []
                for k, v in fa:
                    if k not in db:
                        lines.append("key %s dropped (base %s)" % (k, clip(json.dumps(v, ensure_ascii=False))))
                        changed.append(k + " dropped")
                    elif db[k] != v:
                        changed.append(k)
                        if isinstance(v, str) and isinstance(db[k], str) and (len(v) > 80 or "\n" in v):
                            t = " (whitespace only)" if squash(v) == squash(db[k]) else ""
                            lines.append("key %s:%s" % (k, t))
                            lines += ["  " + l for l in text_diff(v, db[k], 10)]
                        else:
                            lines.append("key %s: %s -> %s" % (k, clip(json.dumps(v, ensure_ascii=False)),
                                                             clip(json.dumps(db[k], ensure_ascii=False))))
                if not changed and [k for k, _ in fa] != [k for k, _ in fb]:
                    changed.append("key order")
                    lines.append("key order: %s -> %s" % ([k for k, _ in fa], [k for k, _ in fb]))
                for c in changed:
                    keydiff[c] = keydiff.get(c, 0) + 1
                notes.append((pid, lines, ""))
            n = len(names)
            total_pages += n
            total_diff += len(diffs)
            label = "%s/%s" % (ds, sub)
            line = "%-31s %-8s %-7s %5d pages %5d identical %4d differ" % (
                label, fmt, title, n, n - len(diffs), len(diffs))
            if fmt == "json" and keydiff:
                line += "  [" + ", ".join("%s x%d" % kv for kv in sorted(keydiff.items())) + "]"
            print(line)
            if diffs:
                bad = 1
                more = " (+%d more)" % (len(diffs) - 10) if len(diffs) > 10 else ""
                print("    differ: " + " ".join(p[:16] for p in diffs[:10]) + more)
                for pid, lines, tag in notes[:show]:
                    print("    --- %s%s" % (pid, tag))
                    for l in lines:
                        print("      " + l)
sys.stdout.flush()
print()
print("%d page outputs compared, %d differ" % (total_pages, total_diff))
if new_keys_all:
    print("new JSON keys (absent from the base records, ignored in the comparison):")
    for k, (cnt, ex) in sorted(new_keys_all.items()):
        print("  %-12s in %d records, e.g. %s" % (k, cnt, clip(json.dumps(ex, ensure_ascii=False))))
else:
    print("new JSON keys: none")

# exit status and stderr of each batch run
shown = 0
for side_type in ("html", "text"):
    d = os.path.join(tmp, "out", "old", side_type)
    if not os.path.isdir(d):
        continue
    for run in sorted(os.listdir(d)):
        if not run.endswith(".rc"):
            continue
        r = run[:-3]
        ro = open(os.path.join(d, run)).read().strip()
        rn = open(os.path.join(tmp, "out", "new", side_type, run)).read().strip()
        eo = sorted(open(os.path.join(d, r + ".err"), errors="replace").read().splitlines())
        en = sorted(open(os.path.join(tmp, "out", "new", side_type, r + ".err"), errors="replace").read().splitlines())
        if ro == rn and eo == en:
            continue
        if shown == 0:
            print("\nbatch runs whose exit status or stderr changed (informational):")
        shown += 1
        print("  --type=%s %s: exit %s -> %s" % (side_type, r, ro, rn))
        out = [l for l in difflib.unified_diff(eo, en, lineterm="", n=0)][2:]
        out = [l for l in out if not l.startswith("@@")]
        for l in out[:8]:
            print("    " + clip(l.replace(tmp, "$TMP")))
        if len(out) > 8:
            print("    (%d more lines)" % (len(out) - 8))
if shown == 0:
    print("exit status and stderr of every batch run: unchanged")
print("\nRESULT: " + ("outputs DIFFER between %s and %s" % (base_label, new_label) if bad
                      else "outputs identical (modulo new JSON keys) between %s and %s" % (base_label, new_label)))
sys.exit(bad)
EOF

dirty=
[ -n "$(git -C "$root" status --porcelain --untracked-files=no)" ] && dirty=" + uncommitted changes"
base_label="$(git -C "$root" rev-parse --short "$rev")"
new_label="$(git -C "$root" rev-parse --short HEAD)$dirty"
echo "same-output.sh: base $base_label ($(git -C "$root" log -1 --format=%s "$rev" | cut -c1-60))"
echo "  new: working tree at $new_label, $new"
echo "  formats: $formats; title: $titles; $jopt; $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
rc=0
python3 "$tmp/compare.py" "$tmp" "$show" "$base_label" "$new_label" || rc=$?
t4=$(date +%s)
echo "time: build $((t1 - t0)) s, inputs $((t2 - t1)) s, runs $((t3 - t2)) s, compare $((t4 - t3)) s"
[ "$rc" -le 1 ] || { echo "same-output.sh: compare failed" >&2; exit 2; }
exit "$rc"
