"""Shared set-up for the binding's tests (run by tests/python/run.sh from ctest).

The environment names the build under test: WINNOW_LIBRARY (libwinnow.so), WINNOW_BIN
(the CLI, for the parity tests), WINNOW_SOURCE_DIR, WINNOW_INCLUDE_DIRS (for the ABI
test's C program, separated by os.pathsep) and WINNOW_CC; PYTHONPATH holds python/.
"""
import os
import pathlib

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
        cases.append((d.name, inputs[0], args.read_text().split()))
    assert len(cases) >= 10, "the golden fixtures were not found"
    return cases
