"""Shared set-up for the binding's tests (run by tests/python/run.sh from ctest).

The environment names the build under test: WINNOW_LIBRARY (libwinnow.so), WINNOW_BIN
(the CLI, for the parity tests), WINNOW_SOURCE_DIR, WINNOW_INCLUDE_DIRS (for the ABI
test's C program, separated by os.pathsep) and WINNOW_CC; PYTHONPATH holds python/.
"""
import gzip
import os
import pathlib
import shlex

import pytest


def _env(name):
    value = os.environ.get(name)
    if not value:
        pytest.fail(f"{name} is not set: run these tests through ctest (tests/python/run.sh)")
    return value


@pytest.fixture(scope="session")
def source_dir():
    return pathlib.Path(_env("WINNOW_SOURCE_DIR"))


@pytest.fixture(scope="session")
def winnow_bin():
    return _env("WINNOW_BIN")


@pytest.fixture(scope="session")
def fixtures(source_dir):
    """Every golden case: (name, input path, CLI arguments)."""
    cases = []
    for args in sorted((source_dir / "fixtures").glob("*/args")):
        d = args.parent
        inputs = [p for p in d.iterdir() if p.name.startswith("input.")]
        assert len(inputs) == 1, d
        # The args line holds shell words, as tests/golden.sh reads it (eval).
        cases.append((d.name, inputs[0], shlex.split(args.read_text())))
    assert len(cases) >= 10, "the golden fixtures were not found"
    return cases


def read_page(path):
    """The page of a fixture's input file as the CLI reads it: gunzipped when .gz (the
    library takes the page itself; decompressing is the CLI's doing)."""
    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(".gz") else data
