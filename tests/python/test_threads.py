"""Extraction runs without the GIL, so threads extract in parallel.

Two measurements.  First, a Python thread keeps running while another thread is inside
winnow.extract: the longest pause it sees is a small part of the extraction.  The same
detector, pointed at the library loaded with ctypes.PyDLL (which holds the GIL during
calls), must see the pause, which shows the detector can fail.  Second, 4 threads over
the fixture pages take clearly less wall time than one thread, on 2 or more CPUs."""
import concurrent.futures
import ctypes
import hashlib
import os
import threading
import time

import pytest

import winnow
from conftest import read_page
from winnow import _abi


def long_page():
    """About 0.1 s of work on an idle machine (4 MB): long enough to measure a pause."""
    para = "<p>" + " ".join(["The council voted on the new budget for schools and roads."] * 4)
    return ("<html><head><title>Budget</title></head><body><article><h1>Budget</h1>"
            + (para + "</p>\n") * 16000 + "</article></body></html>").encode()


def longest_pause_during(call):
    """Runs call() on a thread while this thread ticks; returns (the longest gap
    between two ticks while the call ran, the call's duration)."""
    span = {}

    def run():
        span["start"] = time.perf_counter()
        call()
        span["end"] = time.perf_counter()

    ticks = []
    t = threading.Thread(target=run)
    t.start()
    while t.is_alive():
        ticks.append(time.perf_counter())
    t.join()
    inside = [x for x in ticks if span["start"] <= x <= span["end"]]
    inside = [span["start"]] + inside + [span["end"]]
    gaps = [b - a for a, b in zip(inside, inside[1:])]
    return max(gaps), span["end"] - span["start"]


def call_holding_the_gil(page):
    """winnow_extract through ctypes.PyDLL: the same call, with the GIL held."""
    held = ctypes.PyDLL(os.environ["WINNOW_LIBRARY"])
    fn = held.winnow_extract
    fn.restype = ctypes.c_int
    fn.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.POINTER(_abi.winnow_options),
                   ctypes.POINTER(_abi.winnow_result)]
    opt = _abi.winnow_options()
    _abi.lib.winnow_options_init(ctypes.byref(opt))
    opt.rules = winnow.default_rules()._for_extraction()

    def call():
        res = _abi.winnow_result()
        assert fn(page, len(page), ctypes.byref(opt), ctypes.byref(res)) == _abi.WINNOW_OK
        _abi.lib.winnow_result_free(ctypes.byref(res))
    return call


def test_extract_releases_the_gil():
    page = long_page()
    winnow.extract(page)  # the default rules compiled before timing
    # The machine may be busy (the ticking thread descheduled a while): best of three.
    tries = [longest_pause_during(lambda: winnow.extract(page)) for _ in range(3)]
    assert min(duration for _, duration in tries) > 0.05, "the page is too fast to measure"
    best = min(pause / duration for pause, duration in tries)
    assert best < 0.4, f"Python stood still during extraction: (pause, call) {tries}"
    # The control: holding the GIL shows as one pause as long as the call.
    pause, duration = longest_pause_during(call_holding_the_gil(page))
    assert pause > 0.7 * duration, f"the detector missed a held GIL ({pause:.3f}s/{duration:.3f}s)"


def cpus():
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def timed(fn, items, jobs):
    t0 = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(fn, items))
    return time.perf_counter() - t0, results


def speedup(fn, items):
    serial, _ = timed(fn, items, 1)
    parallel, results = timed(fn, items, 4)
    return serial / parallel, results


def digest(block):
    return hashlib.sha256(block).digest()  # releases the GIL on big buffers


@pytest.mark.skipif(cpus() < 2, reason="parallel speed-up needs 2 CPUs")
def test_threads_scale(fixtures):
    """4 threads against 1 over 320 pages, up to five tries.  The machine may be busy
    with other work, so each try also measures what it can give right now: the same
    race run by a GIL-free stdlib function (sha256).  winnow must reach most of that
    speed-up; a binding holding the GIL would stay near 1.0."""
    base = [read_page(path) for _, path, _ in fixtures]
    pages = (base * (320 // len(base) + 1))[:320]
    serial_records = [winnow.extract(p) for p in pages]  # warm: rules compiled, caches
    blocks = [os.urandom(1 << 20)] * 160
    tries = []
    for _ in range(5):
        available, _ = speedup(digest, blocks)
        ours, records = speedup(winnow.extract, pages)
        assert records == serial_records
        tries.append((round(available, 2), round(ours, 2)))
        # 1.6 is beyond what noise gives a serial binding; below it, winnow must keep
        # up with what the machine gave sha256 just before.
        if ours >= 1.6 or (available >= 1.5 and ours >= max(1.2, 0.7 * available)):
            return
    # A GIL-bound binding stays near 1.0 each time the machine shows it has 2 CPUs to
    # give; a busy machine gives too few such tries to tell.
    if sum(available >= 1.5 for available, _ in tries) < 2:
        pytest.skip(f"the machine is too busy to measure: (sha256, winnow) speed-ups {tries}")
    pytest.fail(f"threads do not scale: (sha256, winnow) speed-ups with 4 threads {tries}")
