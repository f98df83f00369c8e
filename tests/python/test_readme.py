"""The Python example in README.md runs as written, from the checkout root."""
import re


def test_readme_example_runs(source_dir, capsys, monkeypatch):
    readme = (source_dir / "README.md").read_text()
    section = readme.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    assert len(blocks) == 1, "one python example in README's Python section"
    monkeypatch.chdir(source_dir)
    exec(compile(blocks[0], "README.md", "exec"), {})
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("ok utf-8 Plumbers are training")
    assert all(line.split()[0] in ("article", "forum", "listing", "collection", "product",
                                   "documentation", "service") for line in out[-2:])
