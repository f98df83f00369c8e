"""winnow.Rules: the default set, custom rule files and sources, compile errors, and
the seal that keeps a set unchanged once extractions use it."""
import threading

import pytest

import winnow

PAGE = ("<html><body><article><h1>Council passes the budget</h1>"
        "<p>The city council voted on Tuesday to pass a budget of four million for "
        "schools and roads, after a debate that lasted well into the night.</p>"
        "<p>Sponsored: try our new coffee subscription today.</p>"
        "<p>The mayor promised a review of the plan within a year, and said that the "
        "schools would get the first share of the money.</p></article></body></html>")


def test_default_set_is_built_once_and_shared():
    sets = []
    threads = [threading.Thread(target=lambda: sets.append(winnow.default_rules()))
               for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(s) for s in sets}) == 1
    assert len(sets[0]) > 10
    assert len(winnow.Rules()) == len(sets[0])
    assert len(winnow.Rules(default=False)) == 0


def test_rule_file_drops_a_block(tmp_path):
    f = tmp_path / "site.rules"
    f.write_text("[ads]\ndrop /^sponsored:/i sponsored max=200\n")
    assert "Sponsored" in winnow.extract(PAGE, rules=winnow.Rules(default=False))["text"]
    rules = winnow.Rules(str(f))
    assert len(rules) == len(winnow.default_rules()) + 1
    rec = winnow.extract(PAGE, rules=rules, explain=True)
    assert "Sponsored" not in rec["text"] and "four million" in rec["text"]
    assert any(e["reason"] == "rule:sponsored" for e in rec["explain"])


def test_add_source_str_and_bytes():
    rules = winnow.Rules(default=False)
    rules.add_source("drop /^sponsored:/i ad\n")
    rules.add_source(b"drop /^nothing here$/ other\n", name="mine")
    assert len(rules) == 2
    assert "Sponsored" not in winnow.extract(PAGE, rules=rules)["text"]


def test_bad_rule_raises_with_its_place(tmp_path):
    f = tmp_path / "bad.rules"
    f.write_text("# comment\ndrop /fine/ ok\ndrop /^(ab/ x\n")
    with pytest.raises(winnow.Error, match=r"bad\.rules:3:\d+: missing closing parenthesis"):
        winnow.Rules(str(f))
    rules = winnow.Rules(default=False)
    with pytest.raises(winnow.Error, match=r"^snippet:1:"):
        rules.add_source("drop /(/ x\n", name="snippet")
    assert len(rules) == 0  # nothing of a bad source is added


def test_missing_rule_file_raises_os_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        winnow.Rules(str(tmp_path / "none.rules"))


def test_oversized_rule_file_is_refused(tmp_path, monkeypatch):
    from winnow import _rules
    monkeypatch.setattr(_rules, "MAX_RULE_FILE", 64)
    f = tmp_path / "big.rules"
    f.write_text("# padding\n" * 10)
    with pytest.raises(winnow.Error, match="size limit"):
        winnow.Rules(str(f), default=False)


def test_a_used_set_is_sealed():
    rules = winnow.Rules(default=False)
    rules.add_source("drop /^sponsored:/i ad\n")
    winnow.extract(PAGE, rules=rules)
    with pytest.raises(winnow.Error, match="already used"):
        rules.add_source("drop /^x$/ y\n")
    assert len(rules) == 1
