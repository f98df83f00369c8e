"""winnow.extract gives the record `winnow -f json` prints for the same input: every
golden fixture with its options, in text and in Markdown, with a custom rule file;
the error records of a page that cannot be read and of one over the time limit; the
records of a JSON Lines input; the page type's explanation."""
import json
import subprocess

import pytest

import winnow
from conftest import read_page

# CLI option -> extract() keyword; a fixture with an option not listed fails loudly.
_OPTIONS = {
    "--type=auto": ("type", "auto"), "--type=html": ("type", "html"),
    "--type=text": ("type", "text"), "--format=markdown": ("format", "markdown"),
    "--format=text": ("format", "text"), "--no-title": ("no_title", True),
    "--comments": ("comments", True),
    "--links": ("links", True), "--images": ("images", True),
}
# CLI options with any value -> extract() keyword.
_VALUED = {"--page-type=": "page_type", "--url=": "url"}


def cli_record(winnow_bin, path, args):
    out = subprocess.run([winnow_bin, *args, "--format=json", "--", str(path)],
                         capture_output=True, check=False, timeout=60)
    assert out.returncode in (0, 1), out.stderr
    return json.loads(out.stdout)


def kwargs_of(args):
    kw = {}
    for a in args:
        valued = next((p for p in _VALUED if a.startswith(p)), None)
        if valued:
            kw[_VALUED[valued]] = a[len(valued):]
            continue
        assert a in _OPTIONS, f"map the CLI option {a} to extract() in {__file__}"
        k, v = _OPTIONS[a]
        kw[k] = v
    return kw


def same_record(got, want, kw):
    """got (extract's) is want (the CLI's record of a file), but for the url: extract(url=)
    reports it, as the CLI does for a JSON Lines line (test_jsonl_records_match_the_cli);
    a file's record has none."""
    got, want = dict(got), dict(want)
    assert got.pop("url") == kw.get("url") and want.pop("url") is None
    return got == want


def test_every_fixture_matches_the_cli(winnow_bin, fixtures):
    for name, path, args in fixtures:
        # The CLI has one --format: json there means no Markdown (checked below).
        args = [a for a in args if not a.startswith("--format=")]
        want = cli_record(winnow_bin, path, args)
        kw = kwargs_of(args)
        got = winnow.extract(read_page(path), path=str(path), **kw)
        assert same_record(got, want, kw), name
        # The fixtures named nocontent-* are pages without main content.
        if name.startswith("nocontent-"):
            assert got["status"] == "no_content" and got["text"] == "" and got["error"], name
        else:
            assert got["status"] == "ok" and got["text"], name


@pytest.mark.parametrize("args", [["--page-type=forum"],
                                  ["--url=https://example.org/forum/thread/42"]])
def test_page_type_and_url_match_the_cli(winnow_bin, fixtures, args):
    for name, path, fixture_args in fixtures[:6]:
        args = [a for a in fixture_args if not a.startswith("--format=")] + args
        want = cli_record(winnow_bin, path, args)
        assert want["page_type"]
        kw = kwargs_of(args)
        got = winnow.extract(read_page(path), path=str(path), **kw)
        assert same_record(got, want, kw), name


def test_no_title_matches_the_cli(winnow_bin, fixtures):
    for name, path, args in fixtures[:6]:
        args = args + ["--no-title"]
        want = cli_record(winnow_bin, path, args)
        kw = kwargs_of(args)
        assert same_record(winnow.extract(read_page(path), path=str(path), **kw), want, kw), name


def test_markdown_text_is_the_cli_markdown(winnow_bin, fixtures):
    """The record's text in format="markdown" is what `winnow -f markdown` prints."""
    for name, path, args in fixtures:
        # --comments prints them after the article; a record keeps them in "comments".
        args = [a for a in args if not a.startswith("--format=") and a != "--comments"]
        out = subprocess.run([winnow_bin, *args, "--format=markdown", "--", str(path)],
                             capture_output=True, check=True, timeout=60).stdout
        got = winnow.extract(read_page(path), format="markdown", **kwargs_of(args))
        assert got["text"].encode() == out, name
        assert got["bytes_out"] == len(out), name
    md = next(c for c in fixtures if "--format=markdown" in c[2])
    data = read_page(md[1])
    text = winnow.extract(data, type="html")["text"]
    markdown = winnow.extract(data, type="html", format="markdown")["text"]
    assert markdown.startswith("# ") and not text.startswith("# ")


def test_error_record_matches_the_cli(winnow_bin, tmp_path):
    page = tmp_path / "binary.dat"
    page.write_bytes(bytes(range(0, 9)) * 200)
    want = cli_record(winnow_bin, page, [])
    got = winnow.extract(page.read_bytes(), path=str(page))
    assert want["status"] == "error"
    assert got == want


def test_custom_rules_match_the_cli(winnow_bin, fixtures, tmp_path):
    name, path, args = next(c for c in fixtures if c[0] == "html-news-npr")
    base = winnow.extract(read_page(path), type="html")
    # Drop a paragraph of the article by a rule on its opening words.
    para = base["text"].split("\n\n")[3]
    words = " ".join(para.split()[:5])
    assert base["text"].count(words) == 1
    rules = tmp_path / "site.rules"
    rules.write_text(f"drop /^\\Q{words}\\E/ first-para\n")
    want = cli_record(winnow_bin, path, args + [f"--rules={rules}"])
    got = winnow.extract(read_page(path), path=str(path), rules=winnow.Rules(str(rules)),
                         **kwargs_of(args))
    assert got == want
    assert words not in got["text"]
    bare = cli_record(winnow_bin, path, args + ["--no-default-rules"])
    assert winnow.extract(read_page(path), path=str(path), rules=winnow.Rules(default=False),
                          **kwargs_of(args)) == bare


def slow_page():
    """Seconds of work: far over a limit of 0.02 s, reached within a fraction of one."""
    return ("<html><body>" + "<div><p>word word word</p><span>x</span></div>" * 150000 +
            "</body></html>").encode()


def test_time_limit_error_record_matches_the_cli(winnow_bin, tmp_path):
    page = tmp_path / "slow.html"
    page.write_bytes(slow_page())
    want = cli_record(winnow_bin, page, ["--page-time-limit=0.02"])
    assert want["status"] == "error" and "time limit" in want["error"]
    assert winnow.extract(page.read_bytes(), path=str(page), time_limit=0.02) == want


def test_jsonl_records_match_the_cli(winnow_bin, fixtures, tmp_path):
    """A JSON Lines line's record is extract()'s of its page with its url and id (a
    number id stays a number), but for "line", which extract() has no use for."""
    lines = []
    for i, (name, path, args) in enumerate(fixtures[:6]):
        if "--type=text" in args:
            continue
        page = read_page(path).decode("utf-8", "replace")
        lines.append({"html": page, "url": f"https://example.org/forum/{name}",
                      "id": i if i % 2 else name})
    stream = tmp_path / "pages.jsonl"
    stream.write_text("".join(json.dumps(line) + "\n" for line in lines))
    out = subprocess.run([winnow_bin, "-f", "jsonl", "--input-format=jsonl", "--", str(stream)],
                         capture_output=True, check=False, timeout=60)
    assert out.returncode in (0, 1), out.stderr
    want = [json.loads(r) for r in out.stdout.splitlines()]
    assert len(want) == len(lines) >= 3
    for n, (line, rec) in enumerate(zip(lines, want), 1):
        got = winnow.extract(line["html"], line["url"], id=line["id"], path=str(stream),
                             type="html")
        assert rec.pop("line") == n and got.pop("line") is None
        assert got == rec, line["url"]
    assert {type(r["id"]) for r in want} == {int, str}


def test_page_type_why_is_the_clis_explanation(winnow_bin, fixtures):
    name, path, args = next(c for c in fixtures if c[0] == "html-news-npr")
    out = subprocess.run([winnow_bin, *args, "--explain", "--format=json", "--", str(path)],
                         capture_output=True, check=True, timeout=60)
    said = [line for line in out.stderr.decode().splitlines() if "page type: " in line]
    assert len(said) == 1
    got = winnow.extract(read_page(path), explain=True, **kwargs_of(args))
    assert said[0].split("page type: ", 1)[1] == got["page_type_why"]
