"""Finding libwinnow: WINNOW_LIBRARY, the system loader, and the messages when it
cannot be found or is of another version.  Each case imports winnow in a fresh
interpreter, since a loaded library stays loaded."""
import os
import subprocess
import sys

import pytest


def import_winnow(env):
    full = {k: v for k, v in os.environ.items() if k not in ("WINNOW_LIBRARY", "LD_LIBRARY_PATH")}
    full.update(env)
    return subprocess.run([sys.executable, "-c", "import winnow; print(winnow.library_version())"],
                          capture_output=True, text=True, env=full, timeout=60)


def test_winnow_library_path_is_used():
    out = import_winnow({"WINNOW_LIBRARY": os.environ["WINNOW_LIBRARY"]})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().count(".") == 2


def test_bad_winnow_library_is_an_import_error_naming_it(tmp_path):
    bad = tmp_path / "libwinnow.so"
    bad.write_text("not a library")
    out = import_winnow({"WINNOW_LIBRARY": str(bad)})
    assert out.returncode != 0
    assert "ImportError" in out.stderr and f"WINNOW_LIBRARY={bad}" in out.stderr


def test_system_loader_finds_the_soname():
    """No WINNOW_LIBRARY: the loader's search path (here LD_LIBRARY_PATH) is used."""
    libdir = os.path.dirname(os.path.realpath(os.environ["WINNOW_LIBRARY"]))
    if not os.path.exists(os.path.join(libdir, "libwinnow.so.0")):
        pytest.skip("no libwinnow.so.0 beside WINNOW_LIBRARY")
    out = import_winnow({"LD_LIBRARY_PATH": libdir})
    assert out.returncode == 0, out.stderr


def test_not_found_says_what_to_do(tmp_path):
    # An empty PATH keeps find_library from finding an installed copy through gcc/ld;
    # the ld.so cache may still hold one, and then there is nothing to test.
    out = import_winnow({"PATH": str(tmp_path), "LIBRARY_PATH": str(tmp_path)})
    if out.returncode == 0:
        pytest.skip("a libwinnow is installed system-wide")
    assert "ImportError" in out.stderr and "WINNOW_LIBRARY" in out.stderr


def test_other_minor_version_is_refused():
    from winnow import _abi

    class FakeLib:
        def winnow_version(self):
            return b"0.2.0"

    with pytest.raises(ImportError, match="0.2.0 does not match"):
        _abi._check_version(FakeLib())
    ok = type("Same", (), {"winnow_version": lambda self: _abi.MIRRORED_VERSION.encode()})
    _abi._check_version(ok())
