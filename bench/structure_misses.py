#!/usr/bin/env python3
"""Where the predicted code blocks and table rows that the structure scorer does not
match stand in the ground truth: written there as another kind (code as plain lines
or `inline code`, a row as a line without its outer pipes, or its cells on lines of
their own), or absent from it (the truth left the block out).  A precision loss of
the first kind is the truth's way of writing, not a block winnow made up; one of the
second is text the truth does not keep.  Counted apart on pages whose truth holds
elements of the kind and pages whose truth holds none.

Usage: structure_misses.py GROUND_TRUTH.json PRED_DIR [SCORER]
  PRED_DIR: Markdown outputs named ID.md (bench/structure.sh with WINNOW_KEEP=DIR);
  SCORER: the structure scorer (default ../shared/bench/structure.py).
"""
import importlib.util, json, os, sys
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
    cells = [c for c in element.split(" | ") if c]
    if " ".join(cells) in truth_lines:
        return "a line of the truth"
    present = sum((" " + c + " ") in truth_text for c in cells)
    if cells and present == len(cells):
        return "cells in the truth"
    return "some cells in the truth" if present else "absent from the truth"


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    here = os.path.dirname(os.path.abspath(__file__))
    scorer = sys.argv[3] if len(sys.argv) > 3 else os.path.join(here, "../../shared/bench/structure.py")
    s = load_scorer(scorer)
    truth = json.load(open(sys.argv[1], encoding="utf-8"))
    for kind in ("code", "row"):
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


if __name__ == "__main__":
    main()
