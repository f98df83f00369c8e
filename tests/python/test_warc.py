"""winnow.iter_warc over the library's WARC reader: the pages of an archive, in order,
each the record extract() gives for its payload with the archive record as its source;
the same records as `winnow -f jsonl ARCHIVE`; skipped records counted (or given);
a broken record an error record in place, the next one read; plain, per-record gzip
and whole-gzip archives alike; files, file objects and pipes."""
import gzip
import json
import os
import subprocess
import threading

import pytest

import winnow

ARTICLE = ("<html><head><title>Budget</title></head><body><article><h1>Council passes the "
           "budget</h1><p>The city council voted on Tuesday to pass a budget of four "
           "million for schools and roads, after a debate that lasted into the night.</p>"
           "<p>The mayor promised a review of the plan within a year.</p></article>"
           "</body></html>")
RUSSIAN = ("<html><body><article><h1>Бюджет</h1><p>Городской совет во вторник принял "
           "бюджет в четыре миллиона на школы и дороги после долгих споров.</p>"
           "</article></body></html>")


def record(wtype, uri, block, ctype, n=[0]):
    n[0] += 1
    head = (f"WARC/1.0\r\nWARC-Type: {wtype}\r\nWARC-Record-ID: <urn:uuid:rec-{n[0]}>\r\n"
            f"WARC-Target-URI: <{uri}>\r\nWARC-Date: 2026-12-06T03:00:00Z\r\n"
            f"Content-Type: {ctype}\r\nContent-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def response(uri, body, status="200 OK", ctype="text/html; charset=utf-8"):
    http = f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n\r\n".encode() + body
    return record("response", uri, http, "application/http; msgtype=response")


def archive():
    """(records in order, the URIs of the pages among them)."""
    recs = [
        record("warcinfo", "", b"software: test\r\n", "application/warc-fields"),
        record("request", "http://a.test/budget", b"GET /budget HTTP/1.1\r\n\r\n",
               "application/http; msgtype=request"),
        response("http://a.test/budget", ARTICLE.encode()),
        response("http://a.test/missing", b"<p>not found</p>", "404 Not Found"),
        response("http://a.test/logo.png", b"\x89PNG\r\n\x1a\n", ctype="image/png"),
        record("resource", "file:///notes.txt", b"Notes on the budget\n\nThe council met "
               b"on Tuesday and voted on the budget for the schools of the city.\n",
               "text/plain"),
        response("http://a.test/ru", RUSSIAN.encode("cp1251"),
                 ctype="text/html; charset=windows-1251"),
    ]
    return recs, ["http://a.test/budget", "file:///notes.txt", "http://a.test/ru"]


def write(path, recs, mode):
    with open(path, "wb") as f:
        if mode == "gzip-whole":
            f.write(gzip.compress(b"".join(recs)))
        else:
            f.write(b"".join(gzip.compress(r) if mode == "gzip-each" else r for r in recs))


def offsets(recs, mode):
    """Where each record starts in the file (the gzip member's start when gzipped by
    record; 0 for all when gzipped whole, one member)."""
    at, out = 0, []
    for r in recs:
        out.append(0 if mode == "gzip-whole" else at)
        at += len(gzip.compress(r)) if mode == "gzip-each" else len(r)
    return out


@pytest.mark.parametrize("mode", ["plain", "gzip-each", "gzip-whole"])
def test_pages_in_order_with_their_origin(tmp_path, mode):
    recs, uris = archive()
    path = tmp_path / "a.warc"
    write(path, recs, mode)
    got = winnow.iter_warc(str(path))
    records = list(got)
    assert [r["url"] for r in records] == uris
    assert all(r["status"] == "ok" for r in records)
    budget = records[0]
    assert budget["title"] == "Council passes the budget" and "four million" in budget["text"]
    assert budget["path"] == str(path) and budget["bytes_in"] == len(ARTICLE.encode())
    where = offsets(recs, mode)
    fields = ("url", "warc_date", "http_status", "content_type", "http_charset", "file",
              "offset")
    assert {k: budget[k] for k in fields} == {
        "url": uris[0], "warc_date": "2026-12-06T03:00:00Z", "http_status": 200,
        "content_type": "text/html", "http_charset": "utf-8", "file": str(path),
        "offset": where[2]}
    assert budget["id"].startswith("<urn:uuid:rec-")
    assert records[1]["http_status"] is None and records[1]["type"] == "text"
    assert records[1]["offset"] == where[5]
    counts = got.counts
    assert counts["records"] == len(recs) and counts["pages"] == 3 and counts["errors"] == 0
    assert sum(counts["skipped"].values()) == 4 and len(counts["skipped"]) == 4


def test_page_record_is_extracts_record(tmp_path):
    """The same record as extracting the page directly, but for the archive's fields."""
    recs, uris = archive()
    path = tmp_path / "a.warc"
    write(path, recs, "plain")
    page = next(iter(winnow.iter_warc(path, format="markdown")))
    from_archive = ("id", "warc_date", "http_status", "content_type", "http_charset", "file",
                    "offset")
    assert all(page.pop(k) is not None for k in from_archive)
    direct = winnow.extract(ARTICLE.encode(), uris[0], path=str(path), format="markdown")
    assert all(direct.pop(k) is None for k in from_archive)
    assert page == direct


def cli_records(winnow_bin, path, *args):
    out = subprocess.run([winnow_bin, "-f", "jsonl", *args, "--", str(path)],
                         capture_output=True, timeout=60)
    assert out.returncode in (0, 1), out.stderr
    return [json.loads(line) for line in out.stdout.splitlines()]


@pytest.mark.parametrize("mode", ["plain", "gzip-each", "gzip-whole"])
def test_records_are_the_clis(winnow_bin, tmp_path, mode):
    recs, _ = archive()
    bad = response("http://a.test/cut", ARTICLE.encode())
    bad = bad.replace(b"Content-Length: ", b"Content-Length: 9")
    path = tmp_path / "a.warc"
    write(path, recs + [b"garbage\r\n", bad] + recs[2:3], mode)
    assert list(winnow.iter_warc(path, jobs=2)) == cli_records(winnow_bin, path, "-j2")
    forum = response("http://a.test/forum/thread/42", ARTICLE.encode())
    write(path, recs[:3] + [forum], mode)
    records = list(winnow.iter_warc(path))
    # The target URI tells the page type, as --url would: the same page, another type.
    assert [r["page_type"] for r in records] == ["article", "forum"]
    assert records == cli_records(winnow_bin, path)
    write(path, recs + [b"garbage\r\n", bad] + recs[2:3], mode)
    assert list(winnow.iter_warc(path, skipped=True, no_title=True)) == \
        cli_records(winnow_bin, path, "--warc-skipped", "--no-title")
    statuses = [r["status"] for r in winnow.iter_warc(path, skipped=True)]
    assert statuses.count("skipped") == 4 and "error" in statuses


def test_http_charset_reaches_the_library(tmp_path):
    recs, _ = archive()
    path = tmp_path / "a.warc"
    write(path, recs, "gzip-each")
    ru = list(winnow.iter_warc(path))[2]
    assert ru["charset"] == "windows-1251" and "Городской совет" in ru["text"]


def test_http_content_language_reaches_the_library(tmp_path):
    """As the CLI: a page that declares no language has the HTTP header's."""
    page = b"<html><body><article><h1>Notiz</h1><p>Kurz.</p></article></body></html>"
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Language: de_at\r\n\r\n"
    path = tmp_path / "l.warc"
    path.write_bytes(record("response", "http://a.test/de", http + page,
                            "application/http; msgtype=response"))
    assert [r["language"] for r in winnow.iter_warc(path)] == ["de-AT"]


def test_broken_record_is_an_error_record_and_reading_goes_on(tmp_path):
    recs, uris = archive()
    bad = response("http://a.test/cut", ARTICLE.encode())
    bad = bad.replace(b"Content-Length: ", b"Content-Length: 9")  # runs past the record
    data = recs[2] + b"garbage between records\r\n" + bad + recs[5]
    path = tmp_path / "broken.warc"
    path.write_bytes(data)
    records = list(winnow.iter_warc(path))
    assert records[0]["url"] == uris[0] and records[0]["status"] == "ok"
    assert records[-1]["url"] == uris[1] and records[-1]["status"] == "ok"
    errors = records[1:-1]
    assert errors and all(r["status"] == "error" and r["error"] and r["text"] is None
                          for r in errors)
    assert all(r["file"] == str(path) for r in errors)


def test_file_objects_pipes_and_threads(tmp_path):
    recs, uris = archive()
    path = tmp_path / "a.warc.gz"
    write(path, recs, "gzip-whole")
    want = list(winnow.iter_warc(path))
    with open(path, "rb") as f:
        from_file = list(winnow.iter_warc(f))
        assert not f.closed  # the caller's
    assert [r["text"] for r in from_file] == [r["text"] for r in want]
    r, w = os.pipe()
    writer = threading.Thread(target=lambda: (os.write(w, path.read_bytes()), os.close(w)))
    writer.start()
    with os.fdopen(r, "rb") as pipe:
        from_pipe = list(winnow.iter_warc(pipe))
    writer.join()
    assert [x["text"] for x in from_pipe] == [x["text"] for x in want]
    many = recs[:2] + [response(f"http://a.test/{i}", ARTICLE.replace("four", str(i)).encode())
                       for i in range(40)]
    write(path, many, "gzip-each")
    serial = list(winnow.iter_warc(path))
    assert [x["url"] for x in serial] == [f"http://a.test/{i}" for i in range(40)]
    assert list(winnow.iter_warc(path, jobs=3)) == serial


def test_stopping_early_and_wrong_calls(tmp_path):
    recs, _ = archive()
    path = tmp_path / "a.warc"
    write(path, recs, "plain")
    with winnow.iter_warc(path) as it:
        first = next(it)
    assert first["status"] == "ok" and it.counts["pages"] == 1
    with pytest.raises(StopIteration):
        next(it)
    with pytest.raises(FileNotFoundError):
        winnow.iter_warc(tmp_path / "none.warc")
    with pytest.raises(TypeError):
        winnow.iter_warc(path, colour=True)
    with pytest.raises(ValueError):
        winnow.iter_warc(path, jobs=0)
    with pytest.raises(ValueError):
        winnow.iter_warc(path, max_size=-1)
    with pytest.raises(ValueError):
        winnow.iter_warc(path, page_type="blog")
    with pytest.raises(TypeError):
        winnow.iter_warc(path, rules="site.rules")


def test_record_over_max_size_is_an_error_record(tmp_path):
    """As the CLI's --max-size: it bounds the archive's records too."""
    recs, uris = archive()
    big = response("http://a.test/big", ARTICLE.encode() * 20)
    path = tmp_path / "a.warc"
    write(path, [big] + recs, "gzip-each")
    records = list(winnow.iter_warc(path, max_size=len(ARTICLE) * 5))
    assert records[0]["status"] == "error" and records[0]["offset"] == 0
    assert [r["url"] for r in records[1:]] == uris


def test_time_limit_makes_a_slow_page_an_error_record(winnow_bin, tmp_path):
    """As --page-time-limit: the slow page is an error record in its place, the others
    are extracted."""
    recs, uris = archive()
    slow = "<html><body>" + "<div><p>word word word</p><span>x</span></div>" * 150000
    path = tmp_path / "slow.warc"
    write(path, recs[:3] + [response("http://a.test/slow", slow.encode())] + recs[5:], "plain")
    records = list(winnow.iter_warc(path, time_limit=0.02))
    assert [r["status"] for r in records] == ["ok", "error", "ok", "ok"]
    assert records[1]["error"] == "page took longer than the time limit of 0.02 s"
    assert records[1]["url"] == "http://a.test/slow" and records[1]["text"] is None
    assert records == cli_records(winnow_bin, path, "--page-time-limit=0.02")
    with pytest.raises(ValueError):
        winnow.iter_warc(path, time_limit=-1)
