"""winnow: strip the boilerplate from web pages -- Python binding of libwinnow.

    import winnow
    rec = winnow.extract(html, url="https://example.org/a")
    if rec["status"] != "error":
        print(rec["title"], rec["text"])

extract() returns the JSON record `winnow -f json` prints, as a dict; a page that
cannot be extracted gives a record with status "error" instead of an exception.
Threads run extractions in parallel: the library is called without the GIL.  The
binding needs libwinnow.so (WINNOW_LIBRARY=PATH, or the system loader) and nothing
but the standard library.
"""
from ._abi import MIRRORED_VERSION as __version__
from ._abi import lib as _lib
from ._extract import extract
from ._many import extract_many
from ._rules import Error, Rules, default_rules
from ._warc import iter_warc

__all__ = ["extract", "extract_many", "iter_warc", "Rules", "Error", "default_rules", "library_version"]


def library_version():
    """The version of the loaded libwinnow, "MAJOR.MINOR.PATCH"."""
    return _lib.winnow_version().decode("ascii")
