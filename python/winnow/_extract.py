"""winnow.extract: one page in, the CLI's JSON record out, as a dict.

The record is the library's own (winnow_record_json, parsed with json.loads), so the
binding has no schema of its own to drift from `winnow -f json`.  A page that fails is
a record with status "error", as in the CLI's JSON output: a data pipeline keeps going
and keeps the failure next to the page.  Only a wrong call raises (TypeError,
ValueError), and MemoryError when even the record cannot be written.
"""
import builtins
import ctypes
import json
import math

from . import _abi
from ._abi import lib, libc
from ._rules import Rules, default_rules

_TYPES = {"auto": _abi.WINNOW_TYPE_AUTO, "html": _abi.WINNOW_TYPE_HTML,
          "text": _abi.WINNOW_TYPE_TEXT}
_FORMATS = {"text": _abi.WINNOW_FORMAT_TEXT, "markdown": _abi.WINNOW_FORMAT_MARKDOWN}
_DECISIONS = {_abi.WINNOW_KEEP: "keep", _abi.WINNOW_DROP: "drop"}
_SIZE_MAX = 2 ** (8 * ctypes.sizeof(ctypes.c_size_t)) - 1


def _utf8(s):
    """A str as UTF-8.  The <meta charset> of a page decoded to a str is stale, but
    harmless: winnow reads valid UTF-8 as UTF-8 whatever the page declares."""
    try:
        return s.encode("utf-8", "surrogateescape")  # bytes smuggled in a str come back
    except UnicodeEncodeError:
        return s.encode("utf-8", "replace")  # lone surrogates (from JSON, say)


def _as_bytes(page):
    if isinstance(page, str):
        return _utf8(page)
    if isinstance(page, (bytes, bytearray, memoryview)):
        return bytes(page)
    raise TypeError(f"winnow.extract: page must be str or bytes, not {type(page).__name__}")


def _choice(table, option, value):
    try:
        return table[value]
    except (KeyError, TypeError):
        raise ValueError(f"winnow.extract: {option} must be one of "
                         f"{', '.join(map(repr, table))}, not {value!r}") from None


def _page_type(name):
    value = lib.winnow_page_type_parse(name.encode()) if isinstance(name, str) else 0
    if name != "auto" and value == _abi.WINNOW_PAGE_UNKNOWN:
        raise ValueError(f"winnow.extract: page_type must be 'auto', 'article', 'forum', "
                         f"'listing', 'collection', 'product', 'documentation', 'service' or "
                         f"'other', not {name!r}")
    return value


def check_max_size(max_size):
    """max_size as a size_t, or None for the default."""
    if max_size is None:
        return None
    if isinstance(max_size, bool) or not isinstance(max_size, int) or max_size < 0:
        raise ValueError(f"winnow.extract: max_size must be a byte count, not {max_size!r}")
    return min(max_size, _SIZE_MAX)  # ctypes would wrap it silently


def _time_limit(seconds):
    """time_limit as winnow_options wants it: seconds, 0 for none."""
    if seconds is None:
        return 0.0
    if (isinstance(seconds, bool) or not isinstance(seconds, (int, float))
            or math.isnan(seconds) or seconds < 0):
        raise ValueError(f"winnow.extract: time_limit must be seconds (0 or None: no limit), "
                         f"not {seconds!r}")
    return float(seconds)  # beyond ~292 years the library treats it as no limit


def _options(kind, no_title, format, max_size, explain, rules, page_type, time_limit,
             comments=False, links=False, images=False):
    opt = _abi.winnow_options()
    lib.winnow_options_init(ctypes.byref(opt))
    opt.type = _choice(_TYPES, "type", kind)
    opt.page_type = _page_type(page_type)
    opt.format = _choice(_FORMATS, "format", format)
    opt.no_title = 1 if no_title else 0
    opt.explain = 1 if explain else 0
    max_size = check_max_size(max_size)
    if max_size is not None:
        opt.max_size = max_size
    opt.time_limit = _time_limit(time_limit)
    opt.comments = _abi.WINNOW_COMMENTS_LIST if comments else 0
    opt.links = 1 if links else 0
    opt.images = 1 if images else 0
    if rules is None:
        rules = default_rules()
    elif not isinstance(rules, Rules):
        raise TypeError(f"winnow.extract: rules must be a winnow.Rules, not {type(rules).__name__}")
    opt.rules = rules._for_extraction()
    return opt, rules


def check_options(*, type, page_type, no_title, format, max_size, time_limit, explain, rules,
                  comments=False, links=False, images=False):
    """Raises what extract() would for these options, before any page is read."""
    _options(type, no_title, format, max_size, explain, rules, page_type, time_limit, comments,
             links, images)


def _text(ptr, n):
    return ctypes.string_at(ptr, n).decode("utf-8", "replace") if ptr else ""


def _explain(res):
    entries = []
    for i in range(res.n_explain):
        e = res.explain[i]
        entries.append({
            "decision": _DECISIONS.get(e.decision, str(e.decision)),
            "kind": (e.kind or b"").decode("utf-8", "replace"),
            "reason": (e.reason or b"").decode("utf-8", "replace"),
            "where": (e.where or b"").decode("utf-8", "replace"),
            "text": _text(e.text, e.len),
        })
    return entries


def _str_or_none(p):
    return p.decode("utf-8", "replace") if p else None


def _meta_source(res):
    """Where each field of the record came from, by its record key: only the fields
    whose source the library knows."""
    keys = {"url": "canonical_url"}  # the record's name for winnow_meta.url
    sources = {"title": _str_or_none(res.title_source)}
    for name, _ in _abi.winnow_meta._fields_:
        sources[keys.get(name, name)] = _str_or_none(getattr(res.meta_source, name))
    return {k: v for k, v in sources.items() if v is not None}


def _c_str(s):
    """A str (or bytes, or a path) for a char * field; None stays NULL."""
    return s if s is None or isinstance(s, bytes) else _utf8(str(s))


class Origin:
    """Where a record's input came from: the record's path, id (a str, or an int
    written as a JSON number, as a JSON Lines "id" is) and url, and the
    winnow_warc_origin of a WARC record (or None)."""
    __slots__ = ("path", "id", "id_is_number", "url", "warc")

    def __init__(self, path=None, id=None, url=None, warc=None):
        self.id_is_number = isinstance(id, int) and not isinstance(id, bool)
        if not (id is None or self.id_is_number or isinstance(id, (str, bytes))):
            raise TypeError(f"winnow.extract: id must be a str or an int, not "
                            f"{builtins.type(id).__name__}")
        self.path, self.id, self.url, self.warc = _c_str(path), _c_str(id), _c_str(url), warc


def _record_json(origin, res, error, bytes_in, skipped=None):
    rec = _abi.winnow_record(
        path=origin.path, result=ctypes.pointer(res) if res is not None else None,
        error=error, bytes_in=bytes_in, id=origin.id, id_is_number=origin.id_is_number,
        url=origin.url, warc=ctypes.pointer(origin.warc) if origin.warc is not None else None,
        skipped=skipped)
    n = ctypes.c_size_t()
    p = lib.winnow_record_json(ctypes.byref(rec), 0, ctypes.byref(n))
    if not p:
        raise MemoryError("winnow: out of memory writing the record")
    try:
        return json.loads(ctypes.string_at(p, n.value))
    finally:
        libc.free(p)


def error_record(origin, message):
    """The record of an input that failed before extraction: status "error"."""
    return _record_json(origin, None, _c_str(message), 0)


def skipped_record(origin, reason):
    """The record of an input that holds no page: status "skipped"."""
    return _record_json(origin, None, None, 0, _c_str(reason))


def extract(page, url=None, *, id=None, path=None, type="auto", page_type="auto",
            no_title=False, format="text", max_size=None, time_limit=None, explain=False,
            rules=None, charset=None, comments=False, links=False, images=False,
            fetch_date=None):
    """Extracts the article from page and returns its JSON record as a dict.

    page: str (handed to the library as UTF-8) or bytes (the raw page: winnow detects
    the charset, as the CLI does; gzip is not decompressed: that is the CLI's doing).
    url (the URL the page was fetched from: its path also helps tell the page type, as
    the CLI's --url), id (the caller's id of the page: a str, or an int written as a
    number) and path (a file name) are reported in the record's "url", "id" and "path",
    as the CLI reports JSON Lines and WARC inputs and files.  Options, as the CLI's:
    type "auto" | "html" | "text"; page_type "auto" or the type to force ("article",
    "forum", "listing", ...); no_title; format "text" | "markdown" (the rendering of the
    record's "text"); max_size in bytes (default 64 MiB); time_limit in seconds (the
    CLI's --page-time-limit; None or 0: no limit), past which the page is an error
    record; rules, a winnow.Rules (default: the built-in set); links=True (the CLI's
    --links): Markdown keeps an HTML page's links as [text](URL), relative ones
    resolved against its <base href> or url; images=True (the CLI's --images): the
    pictures of an HTML page that sit in the kept content are lines of the record's
    "text" where they stand, "![alt](URL)" in Markdown, "[image: alt] URL" in text.
    explain=True adds
    "explain", one dict per block, {"decision": "keep"|"drop", "kind", "reason",
    "where", "text"}, "page_type_why", the scores behind the page type, "meta_source",
    a dict from a record key ("title", "author", "date", "canonical_url", "language" ...)
    to where its value came from ("<h1>", "JSON-LD author", "URL path", ...; only keys
    whose source is known), and "language_why", how the language was chosen (what
    was declared and where, what the detector read, which won and why).  charset:
    the charset the transport declared for bytes (the charset= of an HTTP
    Content-Type); a byte-order mark beats it, it beats a <meta charset>, and valid
    UTF-8 stays UTF-8.  comments=True (the CLI's --comments) fills the record's
    "comments", a list of {"author", "date", "text"} (None without it); "text" stays
    the article.  fetch_date: when the page was fetched (ISO 8601, or any form winnow
    reads dates in): no later date is taken for the page's "date" or "date_modified",
    as the CLI does with a WARC record's WARC-Date or a JSON Lines "date".

    The record has the keys of `winnow -f json` (path, id, url, line, the WARC fields
    (null here), status, error, warning, type, charset, title, page_type, the page's
    metadata, bytes_in, bytes_out, blocks_kept, blocks_dropped, text, comments).  status
    is "ok", "no_content" (nothing on the page passes as main content -- an empty page,
    an error page, a sign-in or cookie wall, navigation only: text is "" and error says
    what the decision saw), "truncated" (a limit cut the page; the text stands) or
    "error" (the page could not be extracted, or took longer than time_limit: error
    says why, text is None).
    """
    for name, value in (("charset", charset), ("fetch_date", fetch_date)):
        if value is not None and not isinstance(value, str):
            raise TypeError(f"winnow.extract: {name} must be a str, not "
                            f"{builtins.type(value).__name__}")
    return extract_record(page, Origin(path, id, url), _c_str(charset), type=type,
                          page_type=page_type, no_title=no_title, format=format,
                          max_size=max_size, time_limit=time_limit, explain=explain,
                          rules=rules, comments=comments, links=links, images=images,
                          fetch_date=_c_str(fetch_date))


def extract_record(page, origin, charset_hint, *, type, page_type, no_title, format,
                   max_size, time_limit, explain, rules, comments=False, links=False,
                   images=False, fetch_date=None, content_language=None):
    """extract(), for a page from origin (an Origin) whose transport declared the
    charset charset_hint (bytes or None).  origin.url is also the library's url, as
    the CLI passes a JSON Lines line's or a WARC record's; fetch_date (bytes or None)
    bounds the page's dates, as the CLI's WARC-Date; content_language (bytes or None),
    an HTTP Content-Language, is the page's language where the page declares none."""
    data = _as_bytes(page)
    opt, rules_held = _options(type, no_title, format, max_size, explain, rules, page_type,
                               time_limit, comments, links, images)
    opt.charset_hint = charset_hint
    opt.url = origin.url
    opt.fetch_date = fetch_date
    opt.content_language = content_language
    res = _abi.winnow_result()
    # The GIL is released for this call (ctypes.CDLL): other threads run meanwhile.
    status = lib.winnow_extract(data, len(data), ctypes.byref(opt), ctypes.byref(res))
    try:
        # As the CLI: a truncated page keeps its result; a failed one (a timeout too)
        # is only its error.
        if status in (_abi.WINNOW_OK, _abi.WINNOW_ERR_TRUNCATED):
            record = _record_json(origin, res, None, len(data))
        else:
            record = _record_json(origin, None, res.error or b"error", len(data))
        if explain:
            record["explain"] = _explain(res)
            record["page_type_why"] = (res.page_type_why or b"").decode("utf-8", "replace")
            record["meta_source"] = _meta_source(res)
            record["language_why"] = _str_or_none(res.language_why)
    finally:
        lib.winnow_result_free(ctypes.byref(res))
    del rules_held  # kept alive until the call was over
    return record
