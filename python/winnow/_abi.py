"""The C ABI of libwinnow as ctypes sees it: a mirror of include/winnow/winnow.h.

ctypes cannot read a header, so every struct below repeats its C declaration field by
field, in the same order, and the constants repeat the enums.  When winnow.h changes
(a field added to winnow_options or winnow_result, a new status), change this file the
same way: tests/python/test_abi.py compiles a C program against the header that prints
sizeof and offsetof for every struct and field listed here, and the value of every
constant, and fails on any difference.  A mirror that disagrees with the library would
make ctypes read and write the wrong bytes, so the test is the guard, not a nicety.
"""
import ctypes
from ctypes import POINTER, c_char, c_char_p, c_int, c_size_t, c_void_p

from . import _library

# The library version this mirror was written against.  A 0.x library may change its
# structs in any minor release, so loading a library of another MAJOR.MINOR fails.
MIRRORED_VERSION = "0.1.0"

# enum winnow_status
WINNOW_OK = 0
WINNOW_ERR_INPUT = 1
WINNOW_ERR_TOO_LARGE = 2
WINNOW_ERR_NOMEM = 3
WINNOW_ERR_RULES = 4
WINNOW_ERR_INTERNAL = 5
WINNOW_ERR_TRUNCATED = 6
# enum winnow_type
WINNOW_TYPE_AUTO = 0
WINNOW_TYPE_HTML = 1
WINNOW_TYPE_TEXT = 2
# enum winnow_format
WINNOW_FORMAT_TEXT = 0
WINNOW_FORMAT_MARKDOWN = 1
# enum winnow_decision
WINNOW_KEEP = 1
WINNOW_DROP = 2
# winnow_record_json flags
WINNOW_JSON_PRETTY = 1

# Every constant above, for the ABI test.
CONSTANTS = {k: v for k, v in dict(globals()).items() if k.startswith("WINNOW_")}

# C enums are int-sized on every ABI libwinnow builds for (gcc, clang; no -fshort-enums).
c_enum = c_int


class winnow_options(ctypes.Structure):
    _fields_ = [
        ("type", c_enum),
        ("no_title", c_int),
        ("explain", c_int),
        ("max_size", c_size_t),
        ("rules", c_void_p),
        ("format", c_enum),
        ("charset_hint", c_char_p),
    ]


class winnow_explain(ctypes.Structure):
    _fields_ = [
        ("decision", c_enum),
        ("kind", c_char_p),
        ("reason", c_char_p),
        ("where", c_char_p),
        ("text", POINTER(c_char)),  # not NUL-terminated: len bytes
        ("len", c_size_t),
    ]


class winnow_meta(ctypes.Structure):
    _fields_ = [
        ("author", c_char_p),
        ("date", c_char_p),
        ("date_modified", c_char_p),
        ("site_name", c_char_p),
        ("url", c_char_p),
        ("language", c_char_p),
        ("description", c_char_p),
        ("image", c_char_p),
    ]


class winnow_result(ctypes.Structure):
    _fields_ = [
        ("text", POINTER(c_char)),
        ("len", c_size_t),
        ("title", c_char_p),
        ("type", c_enum),
        ("charset", c_char_p),
        ("blocks_kept", c_size_t),
        ("blocks_dropped", c_size_t),
        ("explain", POINTER(winnow_explain)),
        ("n_explain", c_size_t),
        ("meta", winnow_meta),
        ("status", c_enum),
        ("error", c_char * 256),
        ("warning", c_char * 256),
        ("priv_", c_void_p),
    ]


class winnow_warc_origin(ctypes.Structure):
    _fields_ = [
        ("date", c_char_p),
        ("http_status", c_int),
        ("content_type", c_char_p),
        ("charset", c_char_p),
        ("file", c_char_p),
        ("offset", ctypes.c_ulonglong),
    ]


class winnow_record(ctypes.Structure):
    _fields_ = [
        ("path", c_char_p),
        ("result", POINTER(winnow_result)),
        ("error", c_char_p),
        ("bytes_in", c_size_t),
        ("id", c_char_p),
        ("url", c_char_p),
        ("warc", POINTER(winnow_warc_origin)),
        ("skipped", c_char_p),
    ]


# Every mirrored struct, for the ABI test.
STRUCTS = (winnow_options, winnow_explain, winnow_meta, winnow_result, winnow_warc_origin,
           winnow_record)


def _declare(lib):
    """Sets the prototype of every function used, so ctypes converts (and checks) the
    arguments instead of guessing int for everything."""
    rules_p = c_void_p
    protos = {
        "winnow_global_init": (None, []),
        "winnow_version": (c_char_p, []),
        "winnow_status_str": (c_char_p, [c_enum]),
        "winnow_rules_new": (rules_p, []),
        "winnow_rules_add_default": (c_int, [rules_p, c_char_p, c_size_t]),
        "winnow_rules_add_source": (c_int, [rules_p, c_char_p, c_char_p, c_size_t, c_char_p,
                                            c_size_t]),
        "winnow_rules_count": (c_size_t, [rules_p]),
        "winnow_rules_free": (None, [rules_p]),
        "winnow_options_init": (None, [POINTER(winnow_options)]),
        "winnow_extract": (c_enum, [c_char_p, c_size_t, POINTER(winnow_options),
                                    POINTER(winnow_result)]),
        "winnow_result_free": (None, [POINTER(winnow_result)]),
        # Returns malloc'd memory: kept as a raw pointer so it can be freed.
        "winnow_record_json": (c_void_p, [POINTER(winnow_record), c_int, POINTER(c_size_t)]),
    }
    for name, (restype, argtypes) in protos.items():
        fn = getattr(lib, name)
        fn.restype = restype
        fn.argtypes = argtypes


def _check_version(lib):
    have = lib.winnow_version().decode("ascii")
    if have.split(".")[:2] != MIRRORED_VERSION.split(".")[:2]:
        raise ImportError(
            f"winnow: libwinnow {have} does not match this binding, written for "
            f"{MIRRORED_VERSION} (a 0.x library may change its structs in a minor release); "
            "install the binding of the same winnow release, or set WINNOW_LIBRARY")


lib = _library.load()
_declare(lib)
_check_version(lib)
# libc's free() for the buffers winnow_record_json returns; libwinnow links the same libc.
libc = ctypes.CDLL(None)
libc.free.restype = None
libc.free.argtypes = [c_void_p]
# winnow.h: once, before any thread calls the library; importing is single-threaded
# (the import lock), so this is the place.
lib.winnow_global_init()
