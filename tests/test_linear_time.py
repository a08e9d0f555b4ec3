"""Parsing grows linearly with the input: a 4x longer repetitive input takes under 6x the time.

Each input repeats what made a pattern or a tree operation rescan the rest of the text. Times
are the best of a few runs, each in a forked child, so that a quadratic case is stopped at the
bound instead of running for minutes. The sizes keep the file well under 20 s once every case
is linear.
"""

from __future__ import annotations

import gc
import multiprocessing
import time
from collections.abc import Callable

import pytest

import sco_data
from sco_data.corpus.ingest import process_bytes

LEAD = "On 3 March 2021, SCO Secretary-General Zhang Ming met "
# How much longer the long input is, and the most its parse may take relative to the short one.
GROWTH = 4
MAX_TIME_RATIO = 6

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="times each run in a forked child")


def parse_text(text: str) -> None:
    sco_data.parse_release(text)


def ingest_page(text: str) -> None:
    outcome = process_bytes(text.encode("utf-8"), "page.html")
    assert outcome.status in ("ok", "warning", "rejected")


# Seconds allowed beyond a run's limit for starting the child and hearing from it.
START_GRACE_S = 1.0


def run_time(work: Callable[[str], None], text: str, limit: float) -> float:
    """Seconds `work(text)` takes in a forked child; infinity when it passes `limit`."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def timed() -> None:
        gc.disable()  # a collection in the child walks, and so copies, the parent's whole heap
        start = time.perf_counter()
        work(text)
        sender.send(time.perf_counter() - start)

    child = context.Process(target=timed)
    child.start()
    sender.close()
    seconds = receiver.recv() if receiver.poll(limit + START_GRACE_S) else float("inf")
    child.kill()
    child.join()
    return seconds if seconds <= limit else float("inf")


def assert_linear(work: Callable[[str], None], make: Callable[[int], str], count: int) -> None:
    work(make(count))  # load the lexicons and compile the patterns here, before any clock runs
    short = min(run_time(work, make(count), 60.0) for _ in range(3))
    bound = MAX_TIME_RATIO * short
    long = float("inf")
    for _ in range(3):
        long = min(long, run_time(work, make(GROWTH * count), bound))
        if long < bound:
            break
    assert long < bound, f"{GROWTH}x input took {long:.3f} s, over {MAX_TIME_RATIO}x {short:.3f} s"


def test_many_between() -> None:
    assert_linear(parse_text, lambda count: LEAD + "between " * count, 600)


def test_a_name_and_a_name_repeated() -> None:
    assert_linear(parse_text, lambda count: LEAD + "Zhang Ming and " * count, 2000)


def test_an_abbreviation_repeated() -> None:
    assert_linear(parse_text, lambda count: LEAD + "Mr. A " * count, 40_000)


def test_hard_wrapped_lines() -> None:
    assert_linear(parse_text, lambda count: LEAD + "\n".join(["the wrapped line"] * count), 20_000)


def test_a_page_of_many_paragraphs() -> None:
    assert_linear(ingest_page, lambda count: f"<html><body><article><p>{LEAD}Li Wei.</p>"
                  + "<p>SCO text.</p>" * count + "</article></body></html>", 1500)


def test_a_page_of_deeply_nested_blocks() -> None:
    assert_linear(ingest_page, lambda count: f"<html><body><p>{LEAD}Li Wei.</p>"
                  + "<div>" * count + "SCO" + "</div>" * count + "</body></html>", 1000)


def test_plain_releases_repeated() -> None:
    """The control: ordinary prose, which every extractor handles in linear time today."""
    paragraph = "The sides discussed cooperation in trade, health and culture within the SCO. "
    assert_linear(parse_text, lambda count: LEAD + "Li Wei.\n\n" + paragraph * count, 2000)
