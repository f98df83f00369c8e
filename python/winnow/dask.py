"""python3 -m winnow.dask --scheduler ADDRESS -o OUT.jsonl INPUT.warc[.gz] ...

Extracts the pages of WARC archives on a Dask distributed cluster (Debian's
python3-distributed: dask-scheduler, dask-worker) and writes one JSON Lines file: the
records `winnow -f jsonl INPUT ...` prints, byte for byte, in the same order (input
by input as given, each archive in offset order).  Every input is read as a WARC
archive, as with --input-format=warc: a file that is not one gives an error record.

One task per input archive.  A task is pure: it reads its archive and returns the
JSON Lines of it, nothing else, so that when a worker dies the scheduler runs its
tasks again elsewhere and the result is the same; the client keeps one result per
input (keyed by the input's place on the command line), so no record can appear
twice, and it writes OUT once, through a temporary file renamed at the end: OUT is
either absent, or the complete output.

The workers need this package (PYTHONPATH) and libwinnow (WINNOW_LIBRARY, or the
system loader), and they open the inputs by their absolute path: on a cluster, a
file system every worker sees.  The records' "path" and "file" name the inputs as
given, as the CLI's do.

Exit status: 0 ok; 1 some record is an error record (a broken WARC record, an input
that cannot be opened), the rest written, as the CLI; 2 usage error, or the run
failed (no scheduler, a task failed on every worker it was given): OUT not written.
"""
import argparse
import json
import os
import sys
import tempfile
import time


def record_line(record):
    """The record as the CLI's JSON Lines write it (winnow_record_json, compact): the
    binding gives records as dicts parsed from that JSON, keys in its order, and
    json.dumps writes them back the same way: only '"', '\\' and control characters
    escaped, the short escapes and lowercase \\u00xx as the library's; UTF-8 as is.
    The one form not restored: a byte the library found invalid UTF-8 in a WARC
    header or a file name, which it writes as the escape \\ufffd, comes back as the
    character U+FFFD itself."""
    return (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


class _NamedFile:
    """An open archive that iter_warc names as the command line did (the record's
    "path" and "file"), whatever the path the worker opened it by."""

    def __init__(self, f, name):
        self._f, self.name = f, name

    def fileno(self):
        return self._f.fileno()


def extract_archive(path, name, options):
    """The task: (JSON Lines of the archive at path, named name; records; error
    records).  Pure: the same archive gives the same bytes.  An archive that cannot be
    opened gives the CLI's error record for it."""
    import winnow
    from winnow import _extract
    try:
        f = open(path, "rb")
    except OSError as e:
        rec = _extract.error_record(_extract.Origin(path=name), e.strerror or str(e))
        return record_line(rec), 1, 1
    with f:
        lines, errors = [], 0
        for rec in winnow.iter_warc(_NamedFile(f, name), **options):
            lines.append(record_line(rec))
            errors += rec["status"] == "error"
        return b"".join(lines), len(lines), errors


def _parse(argv):
    p = argparse.ArgumentParser(
        prog="python3 -m winnow.dask",
        description="Extract the pages of WARC archives on a Dask cluster into one JSON "
                    "Lines file, the records `winnow -f jsonl INPUT ...` prints.")
    p.add_argument("--scheduler", required=True, metavar="ADDRESS",
                   help="the dask-scheduler, e.g. tcp://127.0.0.1:8786")
    p.add_argument("-o", "--output", required=True, metavar="OUT.jsonl",
                   help="the JSON Lines file (written whole at the end, or not at all)")
    p.add_argument("inputs", nargs="+", metavar="INPUT.warc[.gz]")
    p.add_argument("-T", "--no-title", action="store_true", help="as winnow --no-title")
    p.add_argument("--warc-skipped", action="store_true", help="as winnow --warc-skipped")
    p.add_argument("--max-size", type=int, metavar="BYTES",
                   help="as winnow --max-size, in bytes")
    p.add_argument("--connect-timeout", type=float, default=30, metavar="SECONDS",
                   help="give up when the scheduler does not answer (default 30)")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="a line on stderr per input done, with the worker that did it")
    return p.parse_args(argv)


class _InOrder:
    """Writes the inputs' results to f in input order as they arrive in any order:
    only the results ahead of a missing one are held."""

    def __init__(self, f, n):
        self._f, self._n, self._next, self._held = f, n, 0, {}

    def add(self, index, data):
        if index in self._held or index < self._next:
            raise RuntimeError(f"winnow.dask: input {index} came back twice")
        self._held[index] = data
        while self._next in self._held:
            self._f.write(self._held.pop(self._next))
            self._next += 1

    def complete(self):
        return self._next == self._n


def _run(args, client, out_f):
    from distributed import as_completed
    options = {"no_title": args.no_title, "skipped": args.warc_skipped,
               "max_size": args.max_size}
    futures = {}
    for i, name in enumerate(args.inputs):
        # pure: the key is the arguments' hash, so one archive (named the same) is one
        # task, whose result the scheduler may recompute but never doubles.
        fut = client.submit(extract_archive, os.path.abspath(name), name, options, pure=True,
                            retries=0)
        futures.setdefault(fut.key, (fut, []))[1].append(i)
    writer = _InOrder(out_f, len(args.inputs))
    records = errors = 0
    for fut in as_completed([f for f, _ in futures.values()]):
        data, n, bad = fut.result()
        where = ""
        if args.verbose:
            where = " on " + (",".join(sorted(client.who_has(fut).get(fut.key, ()))) or "?")
        for i in futures[fut.key][1]:
            writer.add(i, data)
            records, errors = records + n, errors + bad
            if args.verbose:
                print(f"winnow.dask: done {args.inputs[i]}: {n} records{where}",
                      file=sys.stderr, flush=True)
        fut.release()  # the worker may forget it: it is on its way to OUT
    assert writer.complete()
    return records, errors


def main(argv=None):
    args = _parse(argv)
    try:
        from distributed import Client
    except ImportError:
        print("winnow.dask: needs the Dask distributed package "
              "(apt-get install python3-distributed)", file=sys.stderr)
        return 2
    out = os.path.abspath(args.output)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".winnow-dask-", suffix=".tmp",
                                   dir=os.path.dirname(out))
    except OSError as e:
        print(f"winnow.dask: {args.output}: {e.strerror or e}", file=sys.stderr)
        return 2
    started = time.monotonic()
    try:
        with os.fdopen(fd, "wb") as out_f:
            with Client(args.scheduler, timeout=args.connect_timeout) as client:
                records, errors = _run(args, client, out_f)
            out_f.flush()
            os.fsync(out_f.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, out)
    except BaseException as e:
        os.unlink(tmp)
        if isinstance(e, (KeyboardInterrupt, SystemExit)):
            raise
        print(f"winnow.dask: {type(e).__name__}: {e}", file=sys.stderr)
        return 2
    if args.verbose:
        secs = time.monotonic() - started
        print(f"winnow.dask: {records} records from {len(args.inputs)} inputs in {secs:.2f} s "
              f"({records / secs if secs else 0:.1f} records/s), {errors} errors",
              file=sys.stderr)
    return 1 if errors else 0


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


if __name__ == "__main__":
    # Run as winnow.dask, not __main__, so the workers import the task by its name.
    from winnow.dask import main as _main
    sys.exit(_main())
