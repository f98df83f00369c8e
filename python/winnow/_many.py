"""winnow.extract_many: many pages through a thread pool, records in input order.

The window of pages in flight is bounded (a few per thread), so an endless iterable
(lines of a JSONL file, records of a crawl) streams in constant memory rather than
being read whole, as ThreadPoolExecutor.map would.
"""
import collections
import concurrent.futures
import os

from ._extract import extract

_WINDOW_PER_JOB = 4


def jobs_default():
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def check_jobs(jobs, caller):
    jobs = jobs_default() if jobs is None else jobs
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"winnow.{caller}: jobs must be a positive int, not {jobs!r}")
    return jobs


def extract_many(pages, jobs=None, **options):
    """Yields extract(page) for each item of pages, in order, running jobs threads
    (default: the CPUs this process may use).  An item is a page (str or bytes) or a
    (page, url) pair; options are extract()'s.  A failing page is an error record, as
    in extract(); a wrong call (a bad option, an item of the wrong type) raises when
    its record is reached."""
    jobs = check_jobs(jobs, "extract_many")

    def one(item):
        if isinstance(item, tuple):
            page, url = item
            return extract(page, url, **options)
        return extract(item, **options)
    return ordered_map(one, pages, jobs)


def ordered_map(fn, items, jobs):
    """Yields fn(item) for each item, in order, computed on jobs threads with at most
    a few items per thread read ahead."""
    if jobs == 1:  # no thread for one job
        yield from map(fn, items)
        return
    pending = collections.deque()
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        try:
            for item in items:
                pending.append(pool.submit(fn, item))
                if len(pending) >= jobs * _WINDOW_PER_JOB:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            # The caller stopped early (or an item raised): drop what has not started.
            for f in pending:
                f.cancel()
