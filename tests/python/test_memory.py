"""The binding frees what the library hands it: the result, the explain entries and the
record's JSON buffer.  Resident memory stays flat over a thousand extractions once
warm; a leaked record or result (tens of KB a page) would add tens of MB."""
import winnow
from conftest import read_page


def resident_kb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4  # pages of 4 KiB


def run(pages, rounds):
    for _ in range(rounds):
        for page in pages:
            winnow.extract(page, explain=True, format="markdown")
        winnow.extract(bytes(range(9)) * 100, explain=True)  # the error path


def test_memory_stays_flat(fixtures):
    pages = [read_page(path) for _, path, _ in fixtures]
    run(pages, 5)
    before = resident_kb()
    run(pages, 60)
    grown = resident_kb() - before
    assert grown < 3 * 1024, f"resident memory grew {grown} KB over {60 * (len(pages) + 1)} calls"
