"""winnow.extract: one page in, the CLI's JSON record out, as a dict.

The record is the library's own (winnow_record_json, parsed with json.loads), so the
binding has no schema of its own to drift from `winnow -f json`.  A page that fails is
a record with status "error", as in the CLI's JSON output: a data pipeline keeps going
and keeps the failure next to the page.  Only a wrong call raises (TypeError,
ValueError), and MemoryError when even the record cannot be written.
"""
import ctypes
import json

from . import _abi
from ._abi import lib, libc
from ._rules import Rules, default_rules

_TYPES = {"auto": _abi.WINNOW_TYPE_AUTO, "html": _abi.WINNOW_TYPE_HTML,
          "text": _abi.WINNOW_TYPE_TEXT}
_FORMATS = {"text": _abi.WINNOW_FORMAT_TEXT, "markdown": _abi.WINNOW_FORMAT_MARKDOWN}
_DECISIONS = {_abi.WINNOW_KEEP: "keep", _abi.WINNOW_DROP: "drop"}
_SIZE_MAX = 2 ** (8 * ctypes.sizeof(ctypes.c_size_t)) - 1
# winnow_options.charset_hint comes with the WARC reader: used once the mirror has it.
HAS_CHARSET_HINT = any(name == "charset_hint" for name, _ in _abi.winnow_options._fields_)


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


def _options(kind, no_title, format, max_size, explain, rules, page_type):
    opt = _abi.winnow_options()
    lib.winnow_options_init(ctypes.byref(opt))
    opt.type = _choice(_TYPES, "type", kind)
    opt.page_type = _page_type(page_type)
    opt.format = _choice(_FORMATS, "format", format)
    opt.no_title = 1 if no_title else 0
    opt.explain = 1 if explain else 0
    if max_size is not None:
        if isinstance(max_size, bool) or not isinstance(max_size, int) or max_size < 0:
            raise ValueError(f"winnow.extract: max_size must be a byte count, not {max_size!r}")
        opt.max_size = min(max_size, _SIZE_MAX)  # ctypes would wrap it silently
    if rules is None:
        rules = default_rules()
    elif not isinstance(rules, Rules):
        raise TypeError(f"winnow.extract: rules must be a winnow.Rules, not {type(rules).__name__}")
    opt.rules = rules._for_extraction()
    return opt, rules


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


def _record_json(path, res, error, bytes_in):
    rec = _abi.winnow_record(path, ctypes.pointer(res) if res is not None else None, error,
                             bytes_in)
    n = ctypes.c_size_t()
    p = lib.winnow_record_json(ctypes.byref(rec), 0, ctypes.byref(n))
    if not p:
        raise MemoryError("winnow: out of memory writing the record")
    try:
        return json.loads(ctypes.string_at(p, n.value))
    finally:
        libc.free(p)


def error_record(path, message, bytes_in):
    """The record of an input that failed before extraction: status "error"."""
    path = path if path is None or isinstance(path, bytes) else _utf8(str(path))
    return _record_json(path, None, _utf8(message), bytes_in)


def extract(page, url=None, *, path=None, type="auto", no_title=False, format="text",
            max_size=None, explain=False, rules=None, page_type="auto"):
    """Extracts the article from page and returns its JSON record as a dict.

    page: str (handed to the library as UTF-8) or bytes (the raw page: winnow detects
    the charset, as the CLI does; gzip is not decompressed: that is the CLI's doing).
    url: the page's address, when known (the CLI's --url: it helps tell the page type).
    path: what the record's "path" says (the CLI puts the file name there).  Options,
    as the CLI's: type "auto" | "html" | "text"; page_type "auto" or the type to force
    ("article", "forum", "listing", ...); no_title;
    format "text" | "markdown" (the rendering of the record's "text"); max_size in bytes
    (default 64 MiB); rules, a winnow.Rules (default: the built-in set).  explain=True
    adds "explain": one dict per block, {"decision": "keep"|"drop", "kind", "reason",
    "where", "text"}.

    The record has the keys of `winnow -f json` (path, status, error, warning, type,
    charset, title, the page's metadata, page_type, bytes_in, bytes_out, blocks_kept,
    blocks_dropped, text).  status is "ok", "truncated" (a limit cut the page; the text
    stands) or "error" (the page could not be extracted: error says why, text is None).
    """
    return extract_with_hint(page, path, None, url=url, type=type, no_title=no_title,
                             format=format, max_size=max_size, explain=explain, rules=rules,
                             page_type=page_type)


def extract_with_hint(page, path, charset_hint, *, url=None, type="auto", no_title=False,
                      format="text", max_size=None, explain=False, rules=None,
                      page_type="auto"):
    """extract(), with the charset the transport declared (an HTTP header's), which
    reaches the library when the mirrored winnow_options has charset_hint."""
    data = _as_bytes(page)
    opt, rules_held = _options(type, no_title, format, max_size, explain, rules, page_type)
    if charset_hint is not None and HAS_CHARSET_HINT:
        opt.charset_hint = charset_hint
    url = url if url is None or isinstance(url, bytes) else _utf8(str(url))
    opt.url = url
    path = path if path is None or isinstance(path, bytes) else _utf8(str(path))
    res = _abi.winnow_result()
    # The GIL is released for this call (ctypes.CDLL): other threads run meanwhile.
    status = lib.winnow_extract(data, len(data), ctypes.byref(opt), ctypes.byref(res))
    try:
        # As the CLI: a truncated page keeps its result; a failed one is only its error.
        if status in (_abi.WINNOW_OK, _abi.WINNOW_ERR_TRUNCATED):
            record = _record_json(path, res, None, len(data))
        else:
            record = _record_json(path, None, res.error or b"error", len(data))
        if explain:
            record["explain"] = _explain(res)
    finally:
        lib.winnow_result_free(ctypes.byref(res))
    del rules_held  # kept alive until the call was over
    return record
