"""winnow.extract on its own: inputs (str, bytes, text, HTML), options, bad pages and
the size and time limits, and wrong calls."""
import gzip
import time

import pytest

import winnow

ARTICLE = ("<html><head><title>Budget passes</title><meta charset=windows-1251></head>"
           "<body><nav><a href=/>Home</a> <a href=/news>News</a></nav><article>"
           "<h1>Council passes the budget</h1>"
           "<p>The city council voted on Tuesday to pass a budget of four million for "
           "schools and roads, after a debate that lasted well into the night.</p>"
           "<p>Café owners on the main street said the new parking rules would help "
           "them, and the mayor promised a review of the plan within a year.</p>"
           "</article><footer>Share this article</footer></body></html>")


def test_str_and_bytes_give_the_same_record():
    from_str = winnow.extract(ARTICLE)
    from_bytes = winnow.extract(ARTICLE.encode("utf-8"))
    assert from_str == from_bytes
    assert from_str["status"] == "ok" and from_str["type"] == "html"
    assert from_str["title"] == "Council passes the budget"
    assert "Café owners" in from_str["text"] and "Home" not in from_str["text"]
    assert from_str["bytes_in"] == len(ARTICLE.encode("utf-8"))
    assert from_str["bytes_out"] == len(from_str["text"].encode("utf-8"))
    assert winnow.extract(bytearray(ARTICLE.encode())) == from_str
    assert winnow.extract(memoryview(ARTICLE.encode())) == from_str


def test_str_ignores_a_stale_declared_charset():
    """The page declares windows-1251, but a str is UTF-8 on its way in: no mojibake."""
    rec = winnow.extract(ARTICLE)
    assert rec["charset"] == "utf-8" and "Café" in rec["text"]


def test_bytes_go_through_charset_detection():
    latin1 = ARTICLE.replace("windows-1251", "iso-8859-1").encode("latin-1")
    rec = winnow.extract(latin1)
    assert rec["charset"] == "windows-1252"
    assert "Café owners" in rec["text"]


def test_transport_charset():
    """charset= is the HTTP header's: it decides bytes that are not UTF-8, a <meta>
    does not override it, and valid UTF-8 stays UTF-8."""
    page = ("<html><head><meta charset=iso-8859-1></head><body><article><p>Городской "
            "совет во вторник принял бюджет на школы и дороги после долгих споров.</p>"
            "</article></body></html>")
    cp1251 = page.encode("cp1251")
    assert "Городской" not in winnow.extract(cp1251)["text"]
    rec = winnow.extract(cp1251, charset="windows-1251")
    assert rec["charset"] == "windows-1251" and "Городской совет" in rec["text"]
    assert "Городской" in winnow.extract(page.encode(), charset="windows-1251")["text"]
    assert winnow.extract(cp1251, charset="no-such-charset")["status"] == "ok"
    with pytest.raises(TypeError):
        winnow.extract(cp1251, charset=b"windows-1251")


def test_text_input():
    text = ("Council passes the budget\n\nThe city council voted on Tuesday to pass a "
            "budget of four million for schools and roads, after a long debate.\n")
    rec = winnow.extract(text, type="text")
    assert rec["type"] == "text" and rec["status"] == "ok"
    assert "four million" in rec["text"]
    assert winnow.extract(text)["type"] == "text"  # sniffed


def test_markdown_and_no_title():
    md = winnow.extract(ARTICLE, format="markdown")["text"]
    assert md.startswith("# Council passes the budget\n")
    body = winnow.extract(ARTICLE, no_title=True)["text"]
    assert not body.startswith("Council passes") and body.startswith("The city council")


def test_explain_lists_every_block():
    rec = winnow.extract(ARTICLE, explain=True)
    plain = winnow.extract(ARTICLE)
    explained = ("explain", "page_type_why", "meta_source", "language_why")
    assert {k: v for k, v in rec.items() if k not in explained} == plain
    assert not set(explained) & set(plain)
    assert rec["page_type_why"].startswith("article (article ")
    decisions = {e["decision"] for e in rec["explain"]}
    assert decisions <= {"keep", "drop"} and "keep" in decisions
    kept = [e for e in rec["explain"] if e["decision"] == "keep"]
    assert len(kept) == rec["blocks_kept"]
    assert all(e["kind"] and e["reason"] and e["where"] for e in rec["explain"])
    assert any(e["text"].startswith("Café owners") for e in kept)


def test_explain_says_where_the_metadata_came_from():
    page = ("<html lang='en-gb'><head><title>Budget passes | City News</title>"
            "<meta property='og:site_name' content='City News'>"
            "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
            "\"datePublished\": \"2024-05-17\", \"author\": {\"name\": \"Ann Lee\"}}"
            "</script></head>" + ARTICLE.split("</head>", 1)[1])
    rec = winnow.extract(page, "https://example.org/2024/05/17/budget", explain=True)
    assert rec["date"] == "2024-05-17" and rec["author"] == "Ann Lee"
    src = rec["meta_source"]
    assert src["title"] == "<h1>"
    assert src["date"] == "JSON-LD datePublished" and src["author"] == "JSON-LD author"
    assert src["site_name"] == "<meta og:site_name>" and src["hostname"] == "options.url"
    assert src["language"] == "<html lang>"
    assert rec["language_why"].startswith('declared "en-GB" by <html lang>; ')
    assert set(src) <= {k for k, v in rec.items() if v is not None}  # fields with values


def test_url_id_and_path_are_the_records():
    rec = winnow.extract(ARTICLE, "https://example.org/budget", id="page-7", path="a.html")
    assert (rec["url"], rec["id"], rec["path"]) == ("https://example.org/budget", "page-7",
                                                    "a.html")
    assert rec["status"] == "ok"
    rec = winnow.extract(ARTICLE)
    assert rec["url"] is None and rec["id"] is None and rec["path"] is None
    assert rec["line"] is None and rec["warc_date"] is None and rec["offset"] is None


def test_a_number_id_stays_a_number():
    assert winnow.extract(ARTICLE, id=42)["id"] == 42
    assert winnow.extract(ARTICLE, id="42")["id"] == "42"
    with pytest.raises(TypeError):
        winnow.extract(ARTICLE, id=4.2)
    with pytest.raises(TypeError):
        winnow.extract(ARTICLE, id=True)


def test_page_type_detected_or_forced():
    assert winnow.extract(ARTICLE)["page_type"] == "article"
    assert winnow.extract(ARTICLE, page_type="forum")["page_type"] == "forum"


@pytest.mark.parametrize("page", [bytes(range(9)) * 100, gzip.compress(ARTICLE.encode())])
def test_unreadable_page_is_an_error_record(page):
    """Binary data is refused by the library; so is gzip: the CLI decompresses its
    inputs, the library (and so the binding) takes the page itself."""
    rec = winnow.extract(page, path="x")
    assert rec["status"] == "error" and "binary" in rec["error"]
    assert rec["text"] is None and rec["path"] == "x" and rec["bytes_in"] == len(page)
    assert winnow.extract(gzip.decompress(page) if page[:2] == b"\x1f\x8b" else ARTICLE)[
        "status"] == "ok"


def test_huge_page_over_max_size_is_an_error_record():
    big = b"<p>" + b"word " * (14 << 20) + b"</p>"  # 70 MB: over the 64 MiB default
    rec = winnow.extract(big)
    assert rec["status"] == "error" and "67108864" in rec["error"]
    assert rec["bytes_in"] == len(big)
    small = ARTICLE.encode()
    assert winnow.extract(small, max_size=len(small))["status"] == "ok"
    over = winnow.extract(small, max_size=len(small) - 1)
    assert over["status"] == "error" and str(len(small) - 1) in over["error"]
    assert winnow.extract(big, max_size=2 ** 70)["status"] == "ok"  # no wrap to 0


def test_empty_page():
    for page in ("", b""):
        rec = winnow.extract(page)
        assert rec["status"] == "no_content" and rec["text"] == "" and rec["bytes_in"] == 0
        assert rec["error"] == "empty page: the input is empty"


def test_no_content_is_a_status_not_an_error():
    wall = ("<html><head><title>Sign in</title></head><body><h1>Sign in to continue</h1>"
            "<form><input type=email name=e><input type=password name=p>"
            "<button>Sign in</button></form><a href=/forgot>Forgot your password?</a>"
            "</body></html>")
    rec = winnow.extract(wall, explain=True)
    assert rec["status"] == "no_content" and rec["text"] == "" and rec["blocks_kept"] == 0
    assert rec["error"].startswith("sign-in wall") and rec["title"] == "Sign in"
    assert {e["reason"] for e in rec["explain"] if e["decision"] == "keep"} == set()
    assert "no content" in {e["reason"] for e in rec["explain"]}
    assert winnow.extract(ARTICLE)["status"] == "ok"


def test_lone_surrogate_in_str_is_replaced():
    rec = winnow.extract("<p>The council met \ud800 and voted on the budget for the "
                         "schools of the city after a long debate.</p>")
    assert rec["status"] == "ok" and "voted on the budget" in rec["text"]


@pytest.mark.parametrize("call", [
    lambda: winnow.extract(123),
    lambda: winnow.extract(None),
    lambda: winnow.extract(ARTICLE, rules="default.rules"),
    lambda: winnow.extract(ARTICLE, colour=True),
    lambda: winnow.extract(ARTICLE, "url", "html"),
])
def test_wrong_calls_raise_type_error(call):
    with pytest.raises(TypeError):
        call()


@pytest.mark.parametrize("kw", [{"type": "pdf"}, {"format": "json"}, {"max_size": -1},
                                {"page_type": "blog"}, {"page_type": None},
                                {"max_size": "64M"}, {"max_size": True}, {"type": None}])
def test_wrong_option_values_raise_value_error(kw):
    with pytest.raises(ValueError):
        winnow.extract(ARTICLE, **kw)


def test_library_version():
    assert winnow.library_version().count(".") == 2


def test_time_limit():
    slow = "<html><body>" + "<div><p>word word word</p><span>x</span></div>" * 150000
    t0 = time.monotonic()
    rec = winnow.extract(slow, time_limit=0.02)
    assert time.monotonic() - t0 < 2.0  # the whole page takes seconds
    assert rec["status"] == "error" and rec["text"] is None
    assert rec["error"] == "page took longer than the time limit of 0.02 s"
    plain = winnow.extract(ARTICLE)
    assert winnow.extract(ARTICLE, time_limit=30) == plain
    assert winnow.extract(ARTICLE, time_limit=0) == plain
    assert winnow.extract(ARTICLE, time_limit=float("inf")) == plain
    for bad in (-1, float("nan"), "1", True):
        with pytest.raises(ValueError):
            winnow.extract(ARTICLE, time_limit=bad)


def test_fetch_date_bounds_the_page_date():
    """A date after the page was fetched is not the page's (as the CLI's WARC-Date)."""
    page = ('<html><head><meta property="article:published_time" content="2031-05-03">'
            '</head><body><p>' + "A paragraph of the story, long enough to be kept. " * 4 +
            '</p></body></html>')
    assert winnow.extract(page, type="html")["date"] == "2031-05-03"
    assert winnow.extract(page, type="html", fetch_date="2026-12-06")["date"] is None
    with pytest.raises(TypeError):
        winnow.extract(page, fetch_date=20261206)
