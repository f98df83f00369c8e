"""winnow.extract_many: records in input order whatever the threads, (page, url)
items, options passed on, a bounded read-ahead, and wrong calls."""
import itertools

import pytest

import winnow
from conftest import read_page


def pages(fixtures):
    return [read_page(path) for _, path, _ in fixtures]


@pytest.mark.parametrize("jobs", [1, 3, 8])
def test_records_come_in_input_order(fixtures, jobs):
    items = pages(fixtures) * 3
    want = [winnow.extract(p) for p in items]
    assert list(winnow.extract_many(items, jobs=jobs)) == want


def test_pairs_and_options(fixtures):
    items = [(read_page(path), "https://example.org/" + name) for name, path, _ in fixtures]
    got = list(winnow.extract_many(items, jobs=2, format="markdown", no_title=True))
    assert [r["url"] for r in got] == [u for _, u in items]
    assert got == [winnow.extract(p, u, format="markdown", no_title=True) for p, u in items]


def test_errors_are_records_in_place():
    items = ["<p>The council voted on the budget for the schools of the city today.</p>",
             bytes(range(9)) * 50, "plain text page about the budget of the city council."]
    statuses = [r["status"] for r in winnow.extract_many(items, jobs=2)]
    assert statuses == ["ok", "error", "ok"]


def test_reads_ahead_a_bounded_window(fixtures):
    """An endless iterable streams: taking 5 records reads a few pages per thread, not
    the whole input."""
    base = pages(fixtures)
    taken = []

    def endless():
        for p in itertools.cycle(base):
            taken.append(1)
            yield p

    records = winnow.extract_many(endless(), jobs=2)
    first = list(itertools.islice(records, 5))
    records.close()
    assert len(first) == 5 and all(r["status"] == "ok" for r in first)
    assert len(taken) <= 2 * 4 + 5


def test_wrong_calls():
    for jobs in (0, -1, 1.5, True):
        with pytest.raises(ValueError):
            winnow.extract_many([], jobs=jobs)
    with pytest.raises(TypeError):
        list(winnow.extract_many([123], jobs=1))
    with pytest.raises(ValueError):
        list(winnow.extract_many(["page"], jobs=1, type="pdf"))
    assert list(winnow.extract_many([])) == []
