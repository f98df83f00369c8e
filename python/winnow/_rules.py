"""Rule sets: winnow.Rules over winnow_rules, and the default set shared by the process.

winnow.h's thread contract: a set is built by one thread, then any number of threads
may extract with it, and nobody adds to it while an extraction may be using it.  A
Rules object enforces that: the first extraction seals it and adding afterwards raises
winnow.Error.  The set is freed when the object is collected; an extraction holds a
reference to it for the length of the call, so it cannot be freed under a running one.
"""
import ctypes
import os
import threading

from ._abi import lib

# The largest rule file read, as the CLI's own cap for rule files: a rule set is
# source code, not a page, and a bigger file is a mistake.
MAX_RULE_FILE = 16 << 20


class Error(Exception):
    """A winnow failure that is not a page's: a rule that does not compile, a rule set
    changed after use, the library out of memory when building a set."""


class Rules:
    """A compiled rule set.

    Rules() holds the built-in rules; Rules("site.rules", ...) adds the rules of each
    file; Rules(default=False) starts empty (no rules at all).  add_file and add_source
    add more until the set is first used by an extraction.  A rule that does not
    compile raises winnow.Error with "NAME:LINE:COL: reason"; nothing of that source is
    added.
    """

    def __init__(self, *files, default=True):
        self._lock = threading.Lock()
        self._sealed = False
        self._ptr = lib.winnow_rules_new()
        if not self._ptr:
            raise MemoryError("winnow: out of memory creating a rule set")
        if default:
            self._add(lambda err: lib.winnow_rules_add_default(self._ptr, err, len(err)))
        for path in files:
            self.add_file(path)

    def add_file(self, path):
        """Adds the rules in the file at path (named by path in messages)."""
        with open(path, "rb") as f:
            src = f.read(MAX_RULE_FILE + 1)
        if len(src) > MAX_RULE_FILE:
            raise Error(f"{os.fsdecode(path)}: larger than the size limit for rule files "
                        f"({MAX_RULE_FILE} bytes)")
        self.add_source(src, name=os.fsdecode(path))

    def add_source(self, source, name="<string>"):
        """Adds the rules in source (str or bytes: the text of a rule file)."""
        if isinstance(source, str):
            source = source.encode("utf-8")
        source = bytes(source)
        name_b = name.encode("utf-8", "replace")
        self._add(lambda err: lib.winnow_rules_add_source(self._ptr, name_b, source,
                                                          len(source), err, len(err)))

    def _add(self, call):
        with self._lock:
            if self._sealed:
                raise Error("winnow: rules cannot be added to a set already used for "
                            "extraction (build a new winnow.Rules)")
            err = ctypes.create_string_buffer(512)
            if call(err) != 0:
                raise Error(err.value.decode("utf-8", "replace"))

    def __len__(self):
        """The number of rules in the set."""
        return lib.winnow_rules_count(self._ptr)

    def _for_extraction(self):
        """The C pointer, sealing the set: from now on it is shared read-only."""
        if not self._sealed:
            with self._lock:
                self._sealed = True
        return self._ptr

    def __del__(self):
        # At interpreter exit the module globals may be gone already: then the process
        # is ending and the memory goes with it.
        ptr, self._ptr = getattr(self, "_ptr", None), None
        if ptr and lib is not None:
            lib.winnow_rules_free(ptr)


_default = None
_default_lock = threading.Lock()


def default_rules():
    """The built-in rule set, compiled once per process on first use (thread-safe)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Rules()
    return _default
