"""winnow.iter_warc: the pages of a WARC archive, extracted, as records.

Over libwinnow's WARC reader (winnow_warc_open_fd / winnow_warc_next / winnow_warc_close,
include/winnow/winnow.h).  The reader runs in the iterating thread (a reader belongs to
one thread); each page's payload is copied out of it and extracted, on a thread pool
when jobs > 1, records in archive order.  The records are the library's, with the
archive record's id, url and winnow_warc_origin, built as src/cli/cli_warc.c builds
them: iter_warc gives what `winnow -f jsonl ARCHIVE` prints.  The reader's structs are
mirrored in _abi.py with the rest of winnow.h.
"""
import ctypes
import os

from . import _abi, _extract
from ._abi import (WINNOW_WARC_PAGE, WINNOW_WARC_SKIP_COUNT, WINNOW_WARC_SKIPPED, lib,
                   winnow_warc_counts, winnow_warc_options, winnow_warc_record)
from ._many import check_jobs, ordered_map


class _Snapshot:
    """What a record of the reader says, copied out: the reader's memory is only
    valid until its next call.  (Reading a char * field gives a bytes copy, and a
    ctypes struct keeps the bytes its fields were set from.)"""
    __slots__ = ("kind", "reason", "payload", "charset", "content_language", "origin")

    def __init__(self, rec, file):
        self.kind = rec.kind
        self.reason = rec.reason
        self.payload = ctypes.string_at(rec.payload, rec.payload_len) if rec.payload else b""
        self.charset = rec.charset
        self.content_language = rec.content_language
        warc = _abi.winnow_warc_origin(rec.date, rec.http_status, rec.content_type, rec.charset,
                                       file, rec.offset)
        self.origin = _extract.Origin(file, rec.record_id, rec.target_uri, warc)


class WarcRecords:
    """The iterator iter_warc returns.  counts: the reader's running totals,
    {"records", "pages", "errors", "skipped": {reason: n}}."""

    def __init__(self, source, jobs, skipped, options):
        self._w, self._own, self._final_counts = None, False, {}
        self._jobs = check_jobs(jobs, "iter_warc")
        defaults = {"type": "auto", "page_type": "auto", "no_title": False, "format": "text",
                    "max_size": None, "time_limit": None, "explain": False, "rules": None,
                    "comments": False, "links": False,
                    "images": False}
        unknown = sorted(set(options) - set(defaults))
        if unknown:
            raise TypeError(f"winnow.iter_warc: unknown option {unknown[0]!r}")
        self._options = {**defaults, **options}
        _extract.check_options(**self._options)  # a wrong option raises here, not mid-archive
        self._skipped = bool(skipped)
        # As the CLI: --max-size bounds the archive's records as well as the pages.
        max_size = _extract.check_max_size(self._options["max_size"])
        if hasattr(source, "fileno"):
            self._file, self._own = source, False
            self.name = str(getattr(source, "name", "-"))
        else:
            self._file, self._own = open(source, "rb"), True
            self.name = os.fsdecode(source)
        wopt = winnow_warc_options()
        lib.winnow_warc_options_init(ctypes.byref(wopt))
        if max_size is not None:
            wopt.max_size = max_size
        err = ctypes.create_string_buffer(512)
        self._name_b = os.fsencode(self.name)
        self._w = lib.winnow_warc_open_fd(self._file.fileno(), self._name_b,
                                          ctypes.byref(wopt), err, len(err))
        if not self._w:
            self.close()
            raise OSError(f"winnow: {self.name}: {err.value.decode('utf-8', 'replace')}")
        self._records = ordered_map(self._extract, self._read(), self._jobs)

    def _read(self):
        """The records of the reader worth a record of output: pages, errors, and
        skipped ones when they are asked for."""
        rec = winnow_warc_record()
        err = ctypes.create_string_buffer(512)
        while self._w:
            rc = lib.winnow_warc_next(self._w, ctypes.byref(rec), err, len(err))
            if rc < 0:
                raise OSError(f"winnow: {self.name}: {err.value.decode('utf-8', 'replace')}")
            if rc == 0:
                return
            if rec.kind != WINNOW_WARC_SKIPPED or self._skipped:
                yield _Snapshot(rec, self._name_b)

    def _extract(self, snap):
        if snap.kind == WINNOW_WARC_PAGE:
            # As the CLI: the record's WARC-Date bounds the page's dates; its HTTP
            # Content-Language is the page's language when the page declares none.
            return _extract.extract_record(snap.payload, snap.origin, snap.charset,
                                           fetch_date=snap.origin.warc.date,
                                           content_language=snap.content_language,
                                           **self._options)
        if snap.kind == WINNOW_WARC_SKIPPED:
            return _extract.skipped_record(snap.origin, snap.reason or b"")
        return _extract.error_record(snap.origin, snap.reason or b"broken record")

    def __iter__(self):
        return self

    def __next__(self):
        try:
            return next(self._records)
        except BaseException:
            self.close()
            raise

    @property
    def counts(self):
        if not self._w:
            return dict(self._final_counts)
        c = winnow_warc_counts()
        lib.winnow_warc_get_counts(self._w, ctypes.byref(c))
        skipped = {}
        for i in range(1, WINNOW_WARC_SKIP_COUNT):
            if c.skipped[i]:
                skipped[lib.winnow_warc_skip_name(i).decode()] = c.skipped[i]
        return {"records": c.records, "pages": c.pages, "errors": c.errors, "skipped": skipped}

    def close(self):
        """Stops reading and releases the reader and the file (at the end of the
        iteration, this happens by itself)."""
        if self._w:
            self._final_counts = self.counts
            records, self._records = self._records, iter(())
            records.close()
            lib.winnow_warc_close(self._w)
            self._w = None
        if self._own:
            self._file.close()
            self._own = False

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        if lib is not None and hasattr(self, "_w"):  # not at interpreter exit
            self.close()


def iter_warc(source, *, jobs=1, skipped=False, **options):
    """Yields the record of each page in the WARC archive source, in archive order:
    the records `winnow -f jsonl ARCHIVE` prints (--warc-skipped: skipped=True).

    source: a path, or a binary file object with a fileno() (sys.stdin.buffer), read
    as a stream (plain, gzipped whole or record by record).  A page record (a 2xx HTML
    or text response, a resource) gives extract()'s record of its payload, with the
    HTTP charset and the WARC-Target-URI passed to the library (as charset= and url=
    would be), "path" the archive, "id" and "url" the WARC-Record-ID and
    WARC-Target-URI, and the archive record's "warc_date", "http_status",
    "content_type", "http_charset", "file" and "offset".  A broken record gives a
    record with status "error" and the reader's reason; records holding no page
    (request, warcinfo, metadata, revisit, non-2xx, other media types) are counted in
    .counts, and given as records with status "skipped" when skipped=True.  jobs:
    threads extracting (the reading is one thread's).  options: extract()'s (but url,
    id, path and charset, which come from the archive); max_size also bounds the
    archive's records, time_limit each page.  An archive that cannot be opened or read
    any further raises OSError.
    """
    return WarcRecords(source, jobs, skipped, options)
