#!/usr/bin/env python3
"""Where the predicted code blocks, table rows and list items that the structure scorer
does not match stand in the ground truth: written there as another kind (code as plain
lines or `inline code`, a row as a line without its outer pipes, or its cells on lines
of their own, an item as a plain line), or absent from it (the truth left the block out).  A precision loss of
the first kind is the truth's way of writing, not a block winnow made up; one of the
second is text the truth does not keep.  Counted apart on pages whose truth holds
elements of the kind and pages whose truth holds none.

Then the ceiling the truth sets whatever the extractor does: of the truth's lines whose
text is the whole text of an <li>, <dt> or <dd> (a <tr> of two words or more) of the
page (html/ID.html.gz beside GROUND_TRUTH.json), how many it writes as items (rows)
and how many as plain lines, on pages whose truth holds the kind and pages that hold
none; and how many truth items (rows) have no such markup in the page.

Usage: structure_misses.py GROUND_TRUTH.json PRED_DIR [SCORER]
  PRED_DIR: Markdown outputs named ID.md (bench/structure.sh with WINNOW_KEEP=DIR);
  SCORER: the structure scorer (default ../shared/bench/structure.py).
"""
import gzip, importlib.util, json, os, sys
from html.parser import HTMLParser
from collections import Counter


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("structure", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def code_blocks(s, md):
    """The normalised text of each fenced block of md, as the scorer cuts them."""
    out, fence, code = [], None, []
    for line in (md or "").splitlines():
        t = line.strip()
        if fence is not None:
            if t.startswith(fence):
                out.append(s.norm(" ".join(code)))
                fence, code = None, []
            else:
                code.append(line)
        elif t.startswith("```") or t.startswith("~~~"):
            fence = t[:3]
    return [b for b in out if b]


def where(s, kind, element, truth_md, truth_text, truth_lines):
    if kind == "code":
        if element in truth_lines:
            return "a line of the truth"
        return "text in the truth" if element[:60] in truth_text else "absent from the truth"
    if kind == "item":
        if element in truth_lines:
            return "a line of the truth"
        return "text in the truth" if (" " + element + " ") in truth_text else "absent from the truth"
    cells = [c for c in element.split(" | ") if c]
    if " ".join(cells) in truth_lines:
        return "a line of the truth"
    present = sum((" " + c + " ") in truth_text for c in cells)
    if cells and present == len(cells):
        return "cells in the truth"
    return "some cells in the truth" if present else "absent from the truth"


class MarkupTexts(HTMLParser):
    """The normalised text of each element named in tags (nested ones included, their
    text also part of the outer one's), script and style left out."""

    def __init__(self, norm, tags):
        super().__init__(convert_charrefs=True)
        self.norm, self.tags, self.open, self.skip, self.texts = norm, tags, [], 0, set()

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style")
        if tag in self.tags:
            self.open.append([])

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        if tag in self.tags and self.open:
            text = " ".join(self.open.pop())
            self.texts.add(self.norm(text))
            if self.open:
                self.open[-1].append(text)

    def handle_data(self, data):
        if not self.skip and self.open:
            self.open[-1].append(data)


MARKUP = {"item": ("li", "dt", "dd"), "row": ("tr",)}


def markup_ceiling(s, truth, html_dir):
    """Counts, per kind, the truth's lines that are the text of the kind's markup in
    the page, by how the truth writes them, and its elements with no such markup."""
    tally = Counter()
    for pid in sorted(truth):
        path = os.path.join(html_dir, pid + ".html.gz")
        if not os.path.exists(path):
            continue
        html = gzip.open(path).read().decode("utf-8", "replace")
        tmd = truth[pid].get("markdown", "")
        have = s.elements(tmd)
        for kind, tags in MARKUP.items():
            parser = MarkupTexts(s.norm, tags)
            try:
                parser.feed(html)
            except Exception:  # a broken page: what was read so far counts
                pass
            texts = {t for t in parser.texts if t and (kind == "item" or " " in t)}
            side = "page has some" if have[kind] else "page has none"
            for element, n in have[kind].items():
                if element.replace(" | ", " ").strip() not in texts and element not in texts:
                    tally[kind, "truth elements", "without markup"] += n
                tally[kind, "truth elements", "all"] += n
            fence = False
            for line in tmd.splitlines():
                t = line.strip()
                if t.startswith("```") or t.startswith("~~~"):
                    fence = not fence
                    continue
                if fence or not t or s.HEAD.match(line) or s.SEP.match(t):
                    continue
                as_row = t.startswith("|") and t.endswith("|") and len(t) > 1
                item = s.ITEM.match(line)
                text = s.norm(item.group(1) if item and not as_row else t)
                if text not in texts:
                    continue
                written = {"item": bool(item) and not as_row, "row": as_row}[kind]
                tally[kind, side, "as " + kind if written else "as a plain line"] += 1
    for kind in MARKUP:
        print(f"{kind} markup ({'/'.join(MARKUP[kind])}) in the page, truth lines with its text:")
        for (k, side, how), n in sorted(tally.items()):
            if k == kind and side != "truth elements":
                print(f"  {side:<15} {how:<24} {n}")
        print(f"  truth {kind}s without such markup: {tally[kind, 'truth elements', 'without markup']}"
              f" of {tally[kind, 'truth elements', 'all']}")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    here = os.path.dirname(os.path.abspath(__file__))
    scorer = sys.argv[3] if len(sys.argv) > 3 else os.path.join(here, "../../shared/bench/structure.py")
    s = load_scorer(scorer)
    truth = json.load(open(sys.argv[1], encoding="utf-8"))
    for kind in ("code", "row", "item"):
        tally, matched = Counter(), 0
        for pid in sorted(truth):
            tmd = truth[pid].get("markdown", "")
            t, p = s.elements(tmd)[kind], s.elements(s.read_pred(sys.argv[2], pid))[kind]
            matched += sum((t & p).values())
            text = " " + s.norm(tmd) + " "
            lines = {s.norm(l) for l in tmd.splitlines()}
            side = "truth has some" if t else "truth has none"
            for element, n in (p - t).items():
                tally[side, where(s, kind, element, tmd, text, lines)] += n
        print(f"{kind}: matched {matched}")
        for (side, place), n in sorted(tally.items()):
            print(f"  unmatched, {side:<15} {place:<24} {n}")
    html_dir = os.path.join(os.path.dirname(os.path.abspath(sys.argv[1])), "html")
    if os.path.isdir(html_dir):
        markup_ceiling(s, truth, html_dir)


if __name__ == "__main__":
    main()
