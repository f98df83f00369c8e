"""python3 -m winnow.dask on a real Dask cluster: a dask-scheduler and two dask-workers
on 127.0.0.1 (free ports; no dashboard, and the HTTP endpoints on 127.0.0.1 as well),
started here and stopped at the end whatever happens.  The archives are written here
(gzipped by record, plain, gzipped whole) from the golden fixtures' pages.  Checks:
the output is byte for byte `winnow -f jsonl` of the same inputs, every page exactly
once, in input and offset order -- also when a worker is SIGKILLed in the middle of
the run; broken and missing inputs give the CLI's error records and exit status 1;
no scheduler, exit 2 and no output.

Skipped when Dask distributed is not installed (apt-get install python3-distributed),
unless WINNOW_REQUIRE_DASK=1: then that is a failure."""
import gzip
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest

try:
    import distributed
except ImportError:
    if os.environ.get("WINNOW_REQUIRE_DASK"):
        raise
    pytest.skip("Dask distributed is not installed (apt-get install python3-distributed)",
                allow_module_level=True)

START_TIMEOUT = 60  # seconds for the cluster to come up
RUN_TIMEOUT = 240  # seconds for one run of the module


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, proc, deadline):
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{proc.args[2]} exited with {proc.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port}")


class Cluster:
    """A scheduler and workers, each a process of its own session (SIGKILL reaches
    it and nothing else); every process is stopped by stop()."""

    def __init__(self, tmp, workers=2):
        self.tmp, self.procs, self.workers = tmp, [], {}
        env = dict(os.environ, DASK_CONFIG=str(tmp / "dask-config"),
                   DASK_DISTRIBUTED__WORKER__DAEMON="False")
        self.env = env
        port = free_port()
        self.address = f"tcp://127.0.0.1:{port}"
        deadline = time.monotonic() + START_TIMEOUT
        sched = self._start("dask_scheduler", "--host", "127.0.0.1", "--port", str(port),
                            "--no-dashboard", "--dashboard-address", "127.0.0.1:0",
                            log="scheduler.log")
        wait_for_port(port, sched, deadline)
        for i in range(workers):
            wport = free_port()
            proc = self._start("dask_worker", self.address, "--host", "127.0.0.1",
                               "--worker-port", str(wport), "--no-nanny", "--nthreads", "1",
                               "--no-dashboard", "--dashboard-address", "127.0.0.1:0",
                               "--death-timeout", str(START_TIMEOUT),
                               "--local-directory", str(tmp / f"worker{i}"),
                               log=f"worker{i}.log")
            self.workers[f"tcp://127.0.0.1:{wport}"] = proc
        for addr, proc in self.workers.items():
            wait_for_port(int(addr.rsplit(":", 1)[1]), proc, deadline)
        with distributed.Client(self.address, timeout=START_TIMEOUT) as client:
            client.wait_for_workers(workers, timeout=START_TIMEOUT)

    def _start(self, module, *args, log):
        out = open(self.tmp / log, "wb")
        proc = subprocess.Popen([sys.executable, "-m", f"distributed.cli.{module}", *args],
                                stdout=out, stderr=subprocess.STDOUT, env=self.env,
                                start_new_session=True)
        out.close()
        self.procs.append(proc)
        return proc

    def kill(self, address):
        self.workers[address].send_signal(signal.SIGKILL)

    def stop(self):
        for proc in reversed(self.procs):
            if proc.poll() is None:
                proc.terminate()
        for proc in self.procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

    def log(self, name):
        return (self.tmp / name).read_text(errors="replace")


@pytest.fixture
def cluster(tmp_path):
    c = None
    try:
        c = Cluster(tmp_path)
        yield c
    finally:
        if c is not None:
            c.stop()


# --- the archives ---------------------------------------------------------------

def warc_record(wtype, uri, block, ctype, serial):
    head = (f"WARC/1.0\r\nWARC-Type: {wtype}\r\nWARC-Record-ID: <urn:uuid:dask-{serial}>\r\n"
            f"WARC-Target-URI: {uri}\r\nWARC-Date: 2026-12-06T05:00:00Z\r\n"
            f"Content-Type: {ctype}\r\nContent-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def http_response(uri, body, serial, status="200 OK", ctype="text/html"):
    http = f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n\r\n".encode() + body
    return warc_record("response", uri, http, "application/http; msgtype=response", serial)


def fixture_pages(source_dir):
    pages = []
    for d in sorted((source_dir / "fixtures").iterdir()):
        for p in sorted(d.glob("input.*")):
            body = p.read_bytes()
            if p.suffix == ".gz":  # a page kept gzipped in fixtures/: served plain
                body = gzip.decompress(body)
            kind = "text/plain" if p.name.endswith((".txt", ".txt.gz")) else "text/html"
            pages.append((body, kind))
    assert len(pages) >= 10, "the fixture pages were not found"
    return pages


def write_archive(path, pages, name, copies, mode, broken=False):
    """An archive of copies x pages, each a request and a response record, with a 404
    and an image among them; returns the URIs of its pages, in order."""
    recs, uris = [warc_record("warcinfo", "", b"software: test_dask\r\n",
                              "application/warc-fields", f"{name}-info")], []
    for c in range(copies):
        for i, (body, ctype) in enumerate(pages):
            uri = f"http://{name}.test/{c}/{i}"
            recs.append(warc_record("request", uri, b"GET / HTTP/1.1\r\n\r\n",
                                    "application/http; msgtype=request", f"{name}-q{c}-{i}"))
            recs.append(http_response(uri, body, f"{name}-{c}-{i}", ctype=ctype))
            uris.append(uri)
        recs.append(http_response(f"http://{name}.test/{c}/gone", b"<p>gone</p>",
                                  f"{name}-404-{c}", status="404 Not Found"))
        recs.append(http_response(f"http://{name}.test/{c}/logo.png", b"\x89PNG\r\n\x1a\n",
                                  f"{name}-png-{c}", ctype="image/png"))
    if broken:  # a Content-Length past the record's end, then garbage: an error record
        bad = http_response(f"http://{name}.test/bad", pages[0][0], f"{name}-bad")
        recs.insert(3, bad.replace(b"Content-Length: ", b"Content-Length: 7", 1))
        recs.insert(4, b"garbage between records\r\n")
    if mode == "gzip-whole":
        data = gzip.compress(b"".join(recs))
    elif mode == "gzip-each":
        data = b"".join(gzip.compress(r) for r in recs)
    else:
        data = b"".join(recs)
    path.write_bytes(data)
    return uris


def make_archives(tmp, source_dir, n, copies):
    """n archives, most gzipped by record as Common Crawl's; their names (relative to
    tmp) and the URIs of each one's pages."""
    pages = fixture_pages(source_dir)
    names, uris = [], []
    for k in range(n):
        mode = ("plain", "gzip-whole")[k] if k < 2 else "gzip-each"
        name = f"a{k:02d}.warc" + ("" if mode == "plain" else ".gz")
        uris.append(write_archive(tmp / name, pages, f"a{k:02d}", copies, mode))
        names.append(name)
    return names, uris


# --- running --------------------------------------------------------------------

def module_cmd(scheduler, out, *args):
    return [sys.executable, "-m", "winnow.dask", "--scheduler", scheduler, "-o", out,
            "--connect-timeout", "20", *args]


def cli_output(winnow_bin, cwd, *args):
    out = subprocess.run([winnow_bin, "-f", "jsonl", "-q", *args], cwd=cwd,
                         capture_output=True, timeout=RUN_TIMEOUT)
    assert out.returncode in (0, 1), out.stderr
    return out.stdout, out.returncode


def check_exactly_once_in_order(data, names, uris):
    records = [json.loads(line) for line in data.splitlines()]
    assert [r["url"] for r in records] == [u for per in uris for u in per]
    # A whole-gzipped archive is one gzip member: all its records are at offset 0.
    keys = [(names.index(r["file"]), r["offset"]) for r in records]
    assert keys == sorted(keys)
    assert len({(k, r["url"]) for k, r in zip(keys, records)}) == len(records)
    # The fixtures' pages without main content (nocontent-*) are records too, text "".
    assert all((r["status"] == "ok" and r["text"]) or (r["status"] == "no_content" and
                                                        r["text"] == "") for r in records)


def test_a_worker_killed_mid_run_loses_nothing(cluster, tmp_path, source_dir, winnow_bin):
    names, uris = make_archives(tmp_path, source_dir, n=16, copies=6)
    out = tmp_path / "out.jsonl"
    run = subprocess.Popen(module_cmd(cluster.address, str(out), "-v", *names), cwd=tmp_path,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    done, killed, kill_after = [], [], []

    def follow():  # the first input done: SIGKILL the worker that did it
        for line in run.stderr:
            done.append(line)
            if not killed and line.startswith("winnow.dask: done ") and " on tcp://" in line:
                addr = line.rsplit(" on ", 1)[1].strip()
                cluster.kill(addr)
                killed.append(addr)
                kill_after.append(sum(x.startswith("winnow.dask: done ") for x in done))

    follower = threading.Thread(target=follow)
    follower.start()
    try:
        run.wait(timeout=RUN_TIMEOUT)
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
        follower.join(timeout=10)
    log = "".join(done)
    assert run.returncode == 0, log
    assert killed and kill_after[0] <= len(names) - 3, f"no worker killed mid-run:\n{log}"
    assert cluster.workers[killed[0]].wait(timeout=10) == -signal.SIGKILL
    assert f"Remove worker <WorkerState '{killed[0]}'" in cluster.log("scheduler.log")
    finished = [x for x in done if x.startswith("winnow.dask: done ")]
    assert sorted(x.split(":")[1].split()[1] for x in finished) == sorted(names), log
    # After the kill, the survivor does the rest (but for a result the client may have
    # been fetching from the other as it died).
    after = [x.rstrip().rsplit(" on ", 1)[1] for x in finished[kill_after[0]:]]
    assert after.count(killed[0]) <= 1 and after[-1] != killed[0], log
    data = out.read_bytes()
    want, rc = cli_output(winnow_bin, tmp_path, *names)
    assert rc == 0
    assert data == want
    check_exactly_once_in_order(data, names, uris)
    assert sorted(os.listdir(tmp_path)).count("out.jsonl") == 1
    assert not [n for n in os.listdir(tmp_path) if n.startswith(".winnow-dask-")]


def test_broken_and_missing_inputs_as_the_cli(cluster, tmp_path, source_dir, winnow_bin):
    pages = fixture_pages(source_dir)[:4]
    write_archive(tmp_path / "broken.warc.gz", pages, "broken", 1, "gzip-each", broken=True)
    write_archive(tmp_path / "sound.warc", pages, "sound", 1, "plain")
    names = ["sound.warc", "broken.warc.gz", "missing.warc.gz", "sound.warc"]
    for opts in ([], ["--warc-skipped", "--no-title"]):
        out = tmp_path / "out.jsonl"
        got = subprocess.run(module_cmd(cluster.address, str(out), *opts, *names),
                             cwd=tmp_path, capture_output=True, timeout=RUN_TIMEOUT)
        assert got.returncode == 1, got.stderr
        want, rc = cli_output(winnow_bin, tmp_path, *opts, *names)
        assert rc == 1
        assert out.read_bytes() == want
        records = [json.loads(line) for line in want.splitlines()]
        assert [r["path"] for r in records if r["status"] == "error"][-1] == "missing.warc.gz"
        assert sum(r["status"] == "error" and r["path"] == "broken.warc.gz"
                   for r in records) >= 1
        assert ("skipped" in {r["status"] for r in records}) == bool(opts)


def test_no_scheduler_no_output(tmp_path, source_dir):
    write_archive(tmp_path / "a.warc", fixture_pages(source_dir)[:2], "a", 1, "plain")
    out = tmp_path / "out.jsonl"
    cmd = module_cmd(f"tcp://127.0.0.1:{free_port()}", str(out), "a.warc")
    cmd[cmd.index("--connect-timeout") + 1] = "2"
    got = subprocess.run(cmd, cwd=tmp_path, capture_output=True, timeout=RUN_TIMEOUT)
    assert got.returncode == 2 and b"winnow.dask:" in got.stderr
    assert sorted(os.listdir(tmp_path)) == ["a.warc"]
    cmd[cmd.index("-o") + 1] = str(tmp_path / "no-such-dir" / "out.jsonl")
    got = subprocess.run(cmd, cwd=tmp_path, capture_output=True, timeout=RUN_TIMEOUT)
    assert got.returncode == 2 and b"no-such-dir/out.jsonl: No such file" in got.stderr
    assert sorted(os.listdir(tmp_path)) == ["a.warc"]


def test_record_line_is_the_clis_line(tmp_path, winnow_bin):
    """The lines' writer against the CLI's bytes for the same page: quotes, backslashes,
    control characters, DEL, non-ASCII, U+2028, astral characters, nulls, numbers."""
    import winnow
    from winnow.dask import record_line
    page = ("<html><head><title>Quote \"marks\" \\ and \t tabs \x7f</title></head><body>"
            "<article><h1>Quote \"marks\" \\ and tabs</h1><p>Line one with a control \x01 "
            "char, \u00e9, \u6771\u4eac, \u2028 and emoji \U0001F600 in a paragraph long "
            "enough to be kept as the article text of the page.</p><pre>a\tb\r\nc</pre>"
            "</article></body></html>").encode()
    path = tmp_path / "page \"q\".html"
    path.write_bytes(page)
    want, rc = cli_output(winnow_bin, tmp_path, path.name)
    assert rc == 0 and want.count(b"\n") == 1
    assert record_line(winnow.extract(page, path=path.name)) == want
    missing, rc = cli_output(winnow_bin, tmp_path, "none.html")
    from winnow import _extract
    err = _extract.error_record(_extract.Origin(path="none.html"), os.strerror(2))
    assert rc == 1 and record_line(err) == missing
