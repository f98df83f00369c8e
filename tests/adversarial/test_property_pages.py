#!/usr/bin/env python3
"""test_property_pages.py WINNOW [SEED ...] -- property test: hostile page structure
never loses article text silently.

For each seed of a fixed list (or the seeds given on the command line) it builds a page
whose article holds a few unique marker sentences in paragraphs of prose, wrapped in
and mixed with hostile structure drawn at random: nesting up to 4,000 levels deep (div,
table/tr/td, ul/li, inline tags, unclosed tags), wide runs of empty siblings, text nodes
of up to 11 MB, start tags with up to 150,000 attributes, unclosed paragraphs, cells and
items, tables, lists, markers split by inline tags, and (for a few seeds) more elements
than winnow indexes.  winnow runs on it as plain text and as JSON.

The property: every marker is in the output, or the run reported a limit (exit 1,
"page cut short" on stderr, JSON status "truncated", a warning).  Every run must also
finish in time, not crash (exit >= 2, a signal, a sanitizer report), print valid UTF-8,
and give the same text in both formats.

Which paragraphs are the article is the extractor's call, and hostile structure can
sway it (an unclosed <li> around a 2 MB paragraph makes a new container).  So each page
is also built "small": the same draws from the seed, every count clamped below the
limits (20 levels, 50 siblings, 20 attributes, 2 MB text nodes, no element bomb).  Only
the markers winnow keeps on the small page are checked on the full one.

Exit 0 when every seed passes, 1 otherwise (each failure names its seed and page size;
rerun one with `test_property_pages.py WINNOW SEED`).
"""
import json
import os
import random
import subprocess
import sys
import tempfile
import time

SEEDS = list(range(1, 41))
# Seeds with a known divergence, reported and not yet fixed in src/: only "lost without
# a report" is tolerated on them ("xfail"); an "xpass" says the entry can go.
KNOWN = {
    # An unclosed run of ~1,900 <div>s puts markers 2-7 past HTML_MAX_DEPTH.  They stay
    # separate paragraphs, but all of them now sit in the one ancestor at depth 400,
    # which outweighs the container that also holds marker 1 (in a table before the
    # run): marker 1 is dropped as "outside article", exit 0.  On the small page the
    # markers are spread over several nests and their common ancestor wins.
    27: "everything past HTML_MAX_DEPTH lands in one ancestor, which the scorer prefers",
}
# Seeds whose page also carries more than HTML_MAX_NODES elements (about a second
# each in Release): the "reported a limit" side of the property.
BOMB_SEEDS = {7, 23}

WORDS = ("the council met on tuesday to discuss budget for coming year and members "
         "argued about roads schools library hours while residents listened from "
         "back of hall where several neighbours had gathered after work to hear what "
         "would happen next with plans that affect their street").split()


def sentence(rng, n=None):
    n = n or rng.randint(8, 16)
    words = [rng.choice(WORDS) for _ in range(n)]
    if n > 6:
        words[n // 2] += ","
    return " ".join(words).capitalize() + "."


def prose(rng, sentences):
    return " ".join(sentence(rng) for _ in range(sentences))


def long_prose(rng, size):
    """About size bytes of prose: a few sentences repeated (fast for megabytes)."""
    chunk = prose(rng, 20) + " "
    return (chunk * (size // len(chunk) + 1))[:size].rsplit(" ", 1)[0] + "."


class Page:
    """One page being built.  small=True builds the same page (same draws from the
    seed's generator, so the same text and tags) with every count clamped below the
    limits: nesting 20 deep, 50 siblings, 20 attributes, 2 MB text nodes, no element
    bomb.  What winnow keeps of that page is what the full page must keep."""

    def __init__(self, seed, small):
        self.seed = seed
        self.small = small
        self.rng = random.Random(seed)
        self.markers = []
        self.kinds = []

    def cap(self, n, small_max):
        return min(n, small_max) if self.small else n

    def marker(self):
        m = "Marker sentence number %d of page %d holds prose words." % (
            len(self.markers) + 1, self.seed)
        self.markers.append(m)
        return m

    def para_text(self, m):
        rng = self.rng
        return "%s %s %s" % (prose(rng, rng.randint(1, 3)), m, prose(rng, rng.randint(1, 3)))

    def attrs(self, n, late=""):
        """n filler attributes (some quoted values hold '>' or spaces), then late."""
        parts = []
        for i in range(self.cap(n, 20)):
            r = i % 4
            if r == 0:
                parts.append('data-a%d="v"' % i)
            elif r == 1:
                parts.append("x%d='a > b'" % i)
            elif r == 2:
                parts.append("y%d=plain" % i)
            else:
                parts.append("z%d" % i)
        if late:
            parts.append(late)
        return " " + " ".join(parts)

    def nest(self, depth, inner):
        """inner wrapped in depth levels of one kind of nesting; some unclosed."""
        rng = self.rng
        kind = rng.choice(["div", "section", "table", "ul", "blockquote", "span", "b",
                           "div-unclosed", "mixed"])
        # No <article> in "mixed": one inside the article is a teaser card the scorer
        # removes (html_score.c, "nested article"), a choice about content, not a limit.
        tags = [rng.choice(["div", "section", "font", "span", "em", "blockquote"])
                for _ in range(depth)]
        depth = self.cap(depth, 20)
        if kind == "table":
            return "<table><tr><td>" * depth + inner + "</td></tr></table>" * depth, kind
        if kind == "ul":
            return "<ul><li>" * depth + inner + "</li></ul>" * depth, kind
        if kind == "div-unclosed":
            return "<div>" * depth + inner, kind
        if kind == "mixed":
            tags = tags[:depth]
            return ("".join("<%s>" % t for t in tags) + inner +
                    "".join("</%s>" % t for t in reversed(tags))), kind
        return "<%s>" % kind * depth + inner + "</%s>" % kind * depth, kind


def split_inline(rng, text):
    """The text with some words wrapped in inline tags (the words and spaces intact)."""
    out = []
    for w in text.split(" "):
        r = rng.random()
        if r < 0.15:
            t = rng.choice(["b", "i", "em", "span", "strong", "a href=\"#\"", "font"])
            out.append("<%s>%s</%s>" % (t, w, t.split()[0]))
        else:
            out.append(w)
    return " ".join(out)


def build(seed, small=False):
    """Returns (page, markers, description)."""
    pg = Page(seed, small)
    rng = pg.rng
    n_paras = rng.randint(4, 8)
    body = []
    for _ in range(n_paras):
        m = pg.marker()
        text = pg.para_text(m)
        para = "<p>%s</p>" % text
        kind = rng.choice(["plain", "deep", "deep", "attrs", "long", "unclosed", "table",
                           "list", "inline", "wide"])
        if kind == "plain":
            html = para
        elif kind == "deep":
            depth = rng.choice([300, 450, 1000, 2500, 4000])
            html, how = pg.nest(depth, para)
            kind = "deep-%s-%d" % (how, depth)
        elif kind == "attrs":
            n = rng.choice([257, 1000, 20000, 150000])
            late = rng.choice(["", 'class="body-text"', 'id="para"'])
            html = "<p%s>%s</p>" % (pg.attrs(n, late), text)
            kind = "attrs-%d" % n
        elif kind == "long":
            # The marker at the end of a big text node, for some past libxml2's 10 MB.
            size = rng.choice([200000, 2000000, 11000000 if rng.random() < 0.3 else 500000])
            html = "<p>%s %s</p>" % (long_prose(rng, pg.cap(size, 2000000)), text)
            kind = "long-%d" % size
        elif kind == "unclosed":
            html = "<p>%s" % text + rng.choice(["", "<b>", "<div>", "<td>", "<li>"])
        elif kind == "table":
            n = pg.cap(rng.randint(0, 3000), 50)
            html = ("<table><tr><td>%s</td><td></td></tr><tr><td>" % para +
                    "<td></td>" * n + "</td></tr></table>")
        elif kind == "list":
            n = pg.cap(rng.randint(0, 5000), 50)
            html = "<ul>" + "<li></li>" * n + "<li>%s</li></ul>" % para
        elif kind == "inline":
            html = "<p>%s</p>" % split_inline(rng, text)
        elif kind == "wide":
            n = rng.choice([1000, 30000, 200000])
            tag = rng.choice(["<span></span>", "<i></i>", "<br>", "<div></div>", "<wbr>"])
            html = tag * pg.cap(n, 50) + para + tag * pg.cap(n // 10, 5)
            kind = "wide-%d" % n
        body.append(html)
        pg.kinds.append(kind)
    # Between paragraphs, now and then: hostile structure with no text.
    fillers = []
    for _ in range(rng.randint(0, 3)):
        r = rng.random()
        if r < 0.4:
            fillers.append(pg.nest(rng.randint(300, 3000), "")[0])
        elif r < 0.7:
            fillers.append("<div%s></div>" % pg.attrs(rng.randint(257, 100000)))
        else:
            fillers.append("<span></span>" * pg.cap(rng.randint(1000, 100000), 50))
    if seed in BOMB_SEEDS:
        fillers.append("<i></i>" * pg.cap(1200000, 50))
        pg.kinds.append("1.2M-elements")
    parts = []
    for html in body:
        parts.append(html)
        if fillers and rng.random() < 0.5:
            parts.append(fillers.pop())
    parts.extend(fillers)
    container = rng.choice(["article", "div", "main", "div-attrs"])
    if container == "div-attrs":
        open_tag, close = '<div%s>' % pg.attrs(rng.randint(300, 50000), 'class="content"'), "</div>"
    else:
        open_tag, close = "<%s>" % container, "</%s>" % container
    head = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Page %d</title>"
            "</head><body><header><a href=\"/\">Home</a></header><h1>Headline of page %d"
            "</h1>" % (seed, seed))
    tail = "<footer>Copyright notice</footer></body></html>\n"
    page = head + open_tag + "".join(parts) + close + tail
    return page, pg.markers, ",".join(pg.kinds) + ",container=" + container


def run(cmd, limit):
    t0 = time.monotonic()
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=limit)
    except subprocess.TimeoutExpired:
        return None, b"", b"", time.monotonic() - t0
    return p.returncode, p.stdout, p.stderr, time.monotonic() - t0


def check_run(what, rc, out, err, limit):
    """Crash, timeout, sanitizer and UTF-8 checks; returns a list of problems."""
    if rc is None:
        return ["%s: no result within %d s" % (what, limit)]
    probs = []
    if rc < 0:
        probs.append("%s: killed by signal %d" % (what, -rc))
    elif rc >= 2:
        probs.append("%s: exit %d" % (what, rc))
    e = err.decode("utf-8", "replace")
    if "Sanitizer" in e or "runtime error:" in e:
        probs.append("%s: sanitizer report: %s" % (what, e[:500]))
    try:
        out.decode("utf-8")
    except UnicodeDecodeError as x:
        probs.append("%s: stdout is not valid UTF-8 (%s)" % (what, x))
    if rc == 1 and "page cut short" not in e:
        probs.append("%s: exit 1 without 'page cut short': %s" % (what, e.strip()[:300]))
    return probs


def main():
    if len(sys.argv) < 2:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    winnow = sys.argv[1]
    seeds = [int(s) for s in sys.argv[2:]] or SEEDS
    if not os.access(winnow, os.X_OK):
        print("no winnow binary at %s" % winnow, file=sys.stderr)
        return 1
    with open(winnow, "rb") as f:
        asan = b"__asan_init" in f.read()
    # Per run, and for the whole test (under ctest's 600 s): a build that hangs on
    # these pages fails in minutes, not hours.
    limit = 120 if asan else 30
    deadline = time.monotonic() + 480
    failed = 0
    checked = left_out = truncated = 0
    t_all = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        for seed in seeds:
            if time.monotonic() > deadline:
                failed += 1
                print("FAIL out of time: seeds from %d on not run" % seed)
                break
            page, markers, desc = build(seed)
            small, markers_s, _ = build(seed, small=True)
            assert markers_s == markers
            ppath = os.path.join(tmp, "page-%d.html" % seed)
            spath = os.path.join(tmp, "small-%d.html" % seed)
            with open(ppath, "w", encoding="utf-8") as f:
                f.write(page)
            with open(spath, "w", encoding="utf-8") as f:
                f.write(small)
            size = len(page.encode("utf-8"))
            label = "seed %d (%d bytes; %s)" % (seed, size, desc)
            probs = []
            # The small page: which markers the extractor keeps below the limits.
            rc, out, err, _ = run([winnow, spath], limit)
            probs += check_run("small page", rc, out, err, limit)
            if rc != 0:
                probs.append("small page: exit %s" % rc)
            want = [m for m in markers if m.encode() in out]
            left_out += len(markers) - len(want)
            checked += len(want)

            rc_t, out_t, err_t, secs_t = run([winnow, ppath], limit)
            probs += check_run("text", rc_t, out_t, err_t, limit)
            rc_j = None
            if rc_t is not None:  # after a timeout, the JSON run would only time out too
                rc_j, out_j, err_j, secs_j = run([winnow, "-f", "json", ppath], limit)
                probs += check_run("json", rc_j, out_j, err_j, limit)
            if rc_t is not None and rc_j is not None and not probs:
                rec = None
                try:
                    rec = json.loads(out_j)
                except ValueError as x:
                    probs.append("json: not one JSON object (%s)" % x)
                cut_t = rc_t == 1
                if rec is not None:
                    status = rec.get("status")
                    cut_j = status == "truncated"
                    if status not in ("ok", "truncated"):
                        probs.append("json: status %r, error %r" % (status, rec.get("error")))
                    if cut_j != (rc_j == 1):
                        probs.append("json: status %r with exit %d" % (status, rc_j))
                    if cut_j and "cut short" not in (rec.get("warning") or ""):
                        probs.append("json: truncated without a warning: %r" % rec.get("warning"))
                    if cut_j != cut_t:
                        probs.append("text exit %d but JSON status %r" % (rc_t, status))
                    text_j = rec.get("text") or ""
                    if text_j.encode("utf-8") != out_t:
                        probs.append("JSON text differs from the text output")
                    lost_j = [m for m in want if m not in text_j]
                    if lost_j and not cut_j:
                        probs.append("json: lost without a report: %s" % "; ".join(lost_j))
                lost_t = [m for m in want if m.encode() not in out_t]
                if lost_t and not cut_t:
                    probs.append("text: lost without a report: %s" % "; ".join(lost_t))
                if cut_t:
                    truncated += 1
            if probs and seed in KNOWN and all("lost without a report" in p for p in probs):
                print("xfail %s: %s" % (label, KNOWN[seed]))
                for p in probs:
                    print("     %s" % p)
            elif probs:
                failed += 1
                print("FAIL %s" % label)
                for p in probs:
                    print("     %s" % p)
            else:
                print("ok   %s: text %.2f s, json %.2f s, exit %d, %d/%d markers checked%s"
                      % (label, secs_t, secs_j, rc_t, len(want), len(markers),
                         " (xpass: the KNOWN entry can go)" if seed in KNOWN else ""))
    print("%d seeds, %d failed, %d runs reported a cut, %d markers checked, %d left out "
          "(dropped on the small page too), %.1f s" % (len(seeds), failed, truncated, checked,
                                                      left_out, time.monotonic() - t_all))
    if checked < 3 * len(seeds):
        print("FAIL too few markers checked: the pages no longer test anything")
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
