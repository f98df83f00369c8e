"""The C ABI of libwinnow as ctypes sees it: a mirror of include/winnow/winnow.h.

ctypes cannot read a header, so every struct below repeats its C declaration field by
field, in the same order, and the constants repeat the enums.  When winnow.h changes
(a field added to a struct, a new status), change this file the same way:
tests/python/test_abi.py compiles a C program against the header that prints sizeof and
offsetof for every struct and field listed here, and the value of every constant, and
fails on any difference; it also fails when the header declares a struct or a constant
this file lacks.  A mirror that disagrees with the library would make ctypes read and
write the wrong bytes, so the test is the guard, not a nicety.
"""
import ctypes
from ctypes import POINTER, c_char, c_char_p, c_double, c_int, c_size_t, c_ulonglong, c_void_p

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
WINNOW_ERR_TIMEOUT = 7
# enum winnow_type
WINNOW_TYPE_AUTO = 0
WINNOW_TYPE_HTML = 1
WINNOW_TYPE_TEXT = 2
# enum winnow_page_type (AUTO in options and UNKNOWN in results share 0)
WINNOW_PAGE_AUTO = 0
WINNOW_PAGE_UNKNOWN = 0
WINNOW_PAGE_ARTICLE = 1
WINNOW_PAGE_SERVICE = 2
WINNOW_PAGE_FORUM = 3
WINNOW_PAGE_LISTING = 4
WINNOW_PAGE_DOCUMENTATION = 5
WINNOW_PAGE_COLLECTION = 6
WINNOW_PAGE_PRODUCT = 7
WINNOW_PAGE_OTHER = 8
# enum winnow_format
WINNOW_FORMAT_TEXT = 0
WINNOW_FORMAT_MARKDOWN = 1
# enum winnow_decision
WINNOW_KEEP = 1
WINNOW_DROP = 2
# winnow_record_json flags
WINNOW_JSON_PRETTY = 1
# winnow_options.comments flags
WINNOW_COMMENTS_LIST = 1
WINNOW_COMMENTS_TEXT = 2
# enum winnow_warc_kind
WINNOW_WARC_PAGE = 0
WINNOW_WARC_SKIPPED = 1
WINNOW_WARC_ERROR = 2
# enum winnow_warc_skip (names come from winnow_warc_skip_name)
WINNOW_WARC_SKIP_NONE = 0
WINNOW_WARC_SKIP_WARCINFO = 1
WINNOW_WARC_SKIP_REQUEST = 2
WINNOW_WARC_SKIP_METADATA = 3
WINNOW_WARC_SKIP_REVISIT = 4
WINNOW_WARC_SKIP_CONVERSION = 5
WINNOW_WARC_SKIP_CONTINUATION = 6
WINNOW_WARC_SKIP_OTHER_TYPE = 7
WINNOW_WARC_SKIP_HTTP_STATUS = 8
WINNOW_WARC_SKIP_CONTENT_TYPE = 9
WINNOW_WARC_SKIP_COUNT = 10

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
        ("page_type", c_enum),
        ("url", c_char_p),
        ("charset_hint", c_char_p),
        ("time_limit", c_double),
        ("comments", c_int),
        ("fetch_date", c_char_p),
        ("links", c_int),
        ("images", c_int),
        ("content_language", c_char_p),
        ("no_language_detection", c_int),
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
        ("hostname", c_char_p),
        ("tags", c_char_p),
        ("categories", c_char_p),
        ("license", c_char_p),
    ]


class winnow_comment(ctypes.Structure):
    _fields_ = [
        ("author", c_char_p),
        ("date", c_char_p),
        ("text", c_char_p),
    ]


class winnow_image(ctypes.Structure):
    _fields_ = [
        ("url", c_char_p),
        ("alt", c_char_p),
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
        ("page_type", c_enum),
        ("page_type_why", c_char_p),
        ("no_content", c_int),
        ("no_content_why", c_char_p),
        ("status", c_enum),
        ("error", c_char * 256),
        ("warning", c_char * 256),
        ("comments", POINTER(winnow_comment)),
        ("n_comments", c_size_t),
        ("images", POINTER(winnow_image)),
        ("n_images", c_size_t),
        ("meta_source", winnow_meta),
        ("title_source", c_char_p),
        ("language_why", c_char_p),
        ("priv_", c_void_p),
    ]


class winnow_warc_origin(ctypes.Structure):
    _fields_ = [
        ("date", c_char_p),
        ("http_status", c_int),
        ("content_type", c_char_p),
        ("charset", c_char_p),
        ("file", c_char_p),
        ("offset", c_ulonglong),
    ]


class winnow_record(ctypes.Structure):
    _fields_ = [
        ("path", c_char_p),
        ("result", POINTER(winnow_result)),
        ("error", c_char_p),
        ("bytes_in", c_size_t),
        ("id", c_char_p),
        ("id_is_number", c_int),
        ("url", c_char_p),
        ("line", c_size_t),
        ("warc", POINTER(winnow_warc_origin)),
        ("skipped", c_char_p),
    ]


class winnow_warc_options(ctypes.Structure):
    _fields_ = [
        ("max_size", c_size_t),
        ("head", c_char_p),
        ("head_len", c_size_t),
    ]


class winnow_warc_record(ctypes.Structure):
    _fields_ = [
        ("kind", c_enum),
        ("skip", c_enum),
        ("reason", c_char_p),
        ("type", c_char_p),
        ("record_id", c_char_p),
        ("target_uri", c_char_p),
        ("date", c_char_p),
        ("offset", c_ulonglong),
        ("http_status", c_int),
        ("content_type", c_char_p),
        ("charset", c_char_p),
        ("payload", POINTER(c_char)),  # payload_len bytes, not NUL-terminated
        ("payload_len", c_size_t),
        ("content_language", c_char_p),
    ]


class winnow_warc_counts(ctypes.Structure):
    _fields_ = [
        ("records", c_size_t),
        ("pages", c_size_t),
        ("errors", c_size_t),
        ("skipped", c_size_t * WINNOW_WARC_SKIP_COUNT),
    ]


# Mirrored for completeness (the ABI test wants every struct of the header); the binding
# parses no JSON Lines itself: a Python caller has json.loads.
class winnow_jsonl_input(ctypes.Structure):
    _fields_ = [
        ("content", POINTER(c_char)),  # len bytes, may hold NULs
        ("len", c_size_t),
        ("type", c_enum),
        ("id", c_char_p),
        ("id_is_number", c_int),
        ("url", c_char_p),
        ("date", c_char_p),
        ("error", c_char * 160),
    ]


# Every mirrored struct, for the ABI test.
STRUCTS = (winnow_options, winnow_explain, winnow_meta, winnow_comment, winnow_image, winnow_result,
           winnow_warc_origin,
           winnow_record, winnow_warc_options, winnow_warc_record, winnow_warc_counts,
           winnow_jsonl_input)


def _declare(lib):
    """Sets the prototype of every function used, so ctypes converts (and checks) the
    arguments instead of guessing int for everything."""
    rules_p = c_void_p
    warc_p = c_void_p
    protos = {
        "winnow_global_init": (None, []),
        "winnow_version": (c_char_p, []),
        "winnow_status_str": (c_char_p, [c_enum]),
        "winnow_page_type_parse": (c_enum, [c_char_p]),
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
        "winnow_warc_options_init": (None, [POINTER(winnow_warc_options)]),
        "winnow_warc_open_fd": (warc_p, [c_int, c_char_p, POINTER(winnow_warc_options),
                                         c_char_p, c_size_t]),
        "winnow_warc_next": (c_int, [warc_p, POINTER(winnow_warc_record), c_char_p, c_size_t]),
        "winnow_warc_get_counts": (None, [warc_p, POINTER(winnow_warc_counts)]),
        "winnow_warc_skip_name": (c_char_p, [c_enum]),
        "winnow_warc_close": (None, [warc_p]),
    }
    for name, (restype, argtypes) in protos.items():
        try:
            fn = getattr(lib, name)
        except AttributeError:
            raise ImportError(f"winnow: {lib._name} has no {name}: a libwinnow older than "
                              "this binding; install the library of the same winnow "
                              "release, or set WINNOW_LIBRARY") from None
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
