"""Finding and loading libwinnow.

Order: the path in the environment variable WINNOW_LIBRARY (no fallback when it is set
and fails: a wrong path must not silently load another build); else the system loader
by SONAME, libwinnow.so.0 (LD_LIBRARY_PATH, the ld.so cache, /usr/local/lib after
ldconfig); else ctypes.util.find_library("winnow").  The library is loaded with
ctypes.CDLL, which releases the GIL around every foreign call: that is what lets
threads extract in parallel.
"""
import ctypes
import ctypes.util
import os

SONAME = "libwinnow.so.0"


def load():
    """The loaded libwinnow (a ctypes.CDLL), or ImportError saying what was tried."""
    path = os.environ.get("WINNOW_LIBRARY")
    if path:
        try:
            return ctypes.CDLL(path)
        except OSError as e:
            raise ImportError(f"winnow: cannot load WINNOW_LIBRARY={path}: {e}") from e
    tried = [SONAME]
    try:
        return ctypes.CDLL(SONAME)
    except OSError:
        pass
    found = ctypes.util.find_library("winnow")
    if found:
        tried.append(found)
        try:
            return ctypes.CDLL(found)
        except OSError:
            pass
    raise ImportError(
        "winnow: libwinnow not found (tried " + ", ".join(tried) + "); install it "
        "(cmake --install build, then ldconfig), add its directory to LD_LIBRARY_PATH, "
        "or set WINNOW_LIBRARY to the path of libwinnow.so")
