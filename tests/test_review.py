"""sco_data.explore.review: the queue of doubted releases, where the view's release stands, the
progress figures, saving a check; and the doubts in the fields table, the releases table and
the headline. On the gold folder (104 releases, 23 with doubts) and releases we wrote."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import sco_data
from sco_data.corpus.corrections_file import save_correction
from sco_data.explore import aggregations, evidence, filtering, review
from sco_data.schema import doubts_from_text

GOLD = Path(__file__).resolve().parent / "gold" / "releases"
WHEN = "2026-01-02T03:04:05+00:00"


@pytest.fixture(scope="module")
def gold() -> pd.DataFrame:
    return filtering.prepare(sco_data.load_corpus(GOLD, use_cache=False).releases)


def frame(*rows: tuple[str, str | None, str, bool]) -> pd.DataFrame:
    """Releases of (id, date, doubts cell, checked)."""
    return pd.DataFrame(rows, columns=["release_id", "event_date", "doubts", "checked"]).assign(
        event_date=lambda f: pd.to_datetime(f["event_date"]))


TWO = "event_date: the date comes from the headline, not the lead; counterparts: an engagement verb with no named counterpart"
ONE = "topics: 'Health' rests on 2 passing mentions"
SMALL = frame(("a", "2020-01-01", ONE, False), ("b", "2021-01-01", ONE, False), ("c", None, TWO, False),
              ("d", "2019-01-01", TWO, False), ("e", "2022-01-01", "", True), ("f", "2022-02-01", "", False))


def test_the_queue_is_the_doubted_most_doubtful_first_then_newest():
    assert review.review_queue(SMALL) == ("d", "c", "b", "a")  # two doubts (dated before undated), then one
    assert review.doubt_counts(SMALL).tolist() == [1, 1, 2, 2, 0, 0]
    assert review.review_queue(SMALL.iloc[:0]) == ()


def test_the_gold_queue(gold):
    queue = review.review_queue(gold)
    assert len(queue) == 23 == int((gold["doubts"] != "").sum())
    counts = review.doubt_counts(gold.set_index("release_id").loc[list(queue)]).tolist()
    assert counts == sorted(counts, reverse=True) and counts[0] == 2 and counts[-1] == 1
    # Of equal doubts, the newest first: 13 May 2025, 14 June 2024, 18 October 2023, 14 August 2023.
    assert queue[:4] == ("re6bf4d023591068b", "rdd61ed9e80d8af3c", "rc938dc365c2ce3eb", "r44aa2e4633b2b29e")


def test_next_in_the_queue_wraps_and_starts_at_the_head_from_outside():
    queue = ("d", "c", "b", "a")
    assert [review.next_in_queue(queue, current) for current in queue] == ["c", "b", "a", "d"]
    assert review.next_in_queue(queue, "e") == "d" and review.next_in_queue(queue, None) == "d"
    assert review.next_in_queue(("d",), "d") is None and review.next_in_queue((), None) is None


def test_where_the_release_shown_stands():
    queue = review.review_queue(SMALL)
    assert review.current_release(queue, "b", SMALL) == ("b", review.IN_QUEUE)
    assert review.current_release(queue, "", SMALL) == ("d", review.IN_QUEUE)
    assert review.current_release(queue, "gone", SMALL) == ("d", review.IN_QUEUE)
    assert review.current_release(queue, "e", SMALL) == ("e", review.STANDING_CHECKED)
    assert review.current_release(queue, "f", SMALL) == ("f", review.STANDING_SETTLED)
    assert review.current_release(("d",), "a", SMALL) == ("a", review.STANDING_FILTERED)
    assert review.current_release((), None, SMALL) == (None, review.IN_QUEUE)
    assert review.position_line(queue, "b", review.IN_QUEUE) == "Release 3 of 4 in the queue."
    assert review.position_line(queue, "e", review.STANDING_CHECKED) == review.STANDINGS[review.STANDING_CHECKED]
    assert review.is_checked(SMALL, "e") and not review.is_checked(SMALL, "f") and not review.is_checked(SMALL, None)


def test_progress_and_the_filter_modes():
    figures = review.progress(SMALL)
    assert figures == review.Progress(releases=6, checked=1, doubted=4)
    assert figures.line == "1 of 6 releases checked; 4 with doubts left"
    assert review.Progress(5_210, 412, 96).line == "412 of 5,210 releases checked; 96 with doubts left"
    kept = {mode: list(SMALL["release_id"][review.checks_mask(SMALL, mode)]) for mode in review.CHECK_MODES}
    assert kept == {"all": list("abcdef"), "doubted": list("abcd"), "checked": ["e"], "unchecked": list("abcdf")}
    # A frame without the columns (a table of another source) has no doubts and no checks.
    bare = SMALL[["release_id", "event_date"]]
    assert review.checks_mask(bare, "doubted").sum() == review.checks_mask(bare, "checked").sum() == 0
    assert review.progress(bare) == review.Progress(6, 0, 0)


def test_doubts_as_the_page_names_them():
    assert review.doubted_fields(SMALL).tolist() == ["Topics", "Topics", "Engagement date; Counterparts",
                                                     "Engagement date; Counterparts", "", ""]
    twice = frame(("x", None, f"{ONE}; topics: 'Women' rests on 1 passing mentions; location_city: shared", False))
    assert review.doubted_fields(twice).tolist() == ["Topics; City"]  # each field once
    table = review.doubts_table(TWO)
    assert table.values.tolist() == [["Engagement date", "the date comes from the headline, not the lead"],
                                     ["Counterparts", "an engagement verb with no named counterpart"]]
    assert list(review.doubts_table(None).columns) == ["field", "reason"]


def test_the_fields_table_marks_each_doubted_field_on_its_row(gold):
    release = gold[gold["release_id"] == "re6bf4d023591068b"].iloc[0]
    table = evidence.release_fields(release).set_index("field")["doubt"]
    assert table["Engagement date"] == "the date is a weekday or 'today' read against the page's dateline"
    assert table["City"] == "the place is only the news agency's dateline"
    assert set(table.drop(["Engagement date", "City"])) == {""}
    several = evidence.release_fields(pd.Series({"text": "x", "doubts": TWO + "; " + ONE + "; " + ONE}))
    doubts = several.set_index("field")["doubt"]
    assert doubts["Topics (mentions)"] == f"{doubts_from_text(ONE)[0].reason}; {doubts_from_text(ONE)[0].reason}"
    assert doubts["Counterparts"] == "an engagement verb with no named counterpart"


def test_saving_a_check_and_its_undo(tmp_path):
    folder = tmp_path / "gold"
    shutil.copytree(GOLD, folder)
    path = folder / "sco-corrections.csv"
    assert review.save_check(path, "r782edeae487e0a25") is None
    releases = sco_data.load_corpus(folder, use_cache=False).releases.set_index("release_id")
    assert releases.loc["r782edeae487e0a25", ["checked", "doubts"]].tolist() == [True, ""]
    assert review.save_check(path, "r782edeae487e0a25", undo=True) is None
    written = [line.rsplit(",", 1)[0] for line in path.read_text(encoding="utf-8").splitlines()[1:]]
    assert written == ["r782edeae487e0a25,checked,,checked in the review view",
                       "r782edeae487e0a25,checked,undo,check withdrawn in the review view"]
    releases = sco_data.load_corpus(folder, use_cache=False).releases.set_index("release_id")
    assert releases.loc["r782edeae487e0a25", "checked"] == False  # noqa: E712 (a numpy bool)
    assert len(doubts_from_text(releases.loc["r782edeae487e0a25", "doubts"])) == 1
    assert review.save_check(tmp_path / "gone" / "sco-corrections.csv", "r1") == (
        f"cannot save corrections: the folder {tmp_path / 'gone'} does not exist")


def test_the_headline_says_how_many_are_checked(tmp_path):
    folder = tmp_path / "gold"
    shutil.copytree(GOLD, folder)
    for release_id in ("r782edeae487e0a25", "r14743bf829b63deb"):
        save_correction(folder / "sco-corrections.csv", release_id, "checked", "", corrected_at=WHEN)
    corpus = sco_data.load_corpus(folder, use_cache=False)
    figures = aggregations.headline_figures(corpus.releases, corpus.participants)
    assert (figures.engagements, figures.checked) == (104, 2)
    assert aggregations.checked_sentence(figures) == "2 of 104 engagements checked by an analyst."
    assert aggregations.headline_metrics(figures)[0][2] == (
        "Releases that match the filters; 2 of them checked by an analyst.")
    assert aggregations.checked_sentence(aggregations.Headline(3, 0, 0, 0, None, None, 0)) == ""
    # Of the releases counted only: of the two, the phone call with Iran is undated.
    only_undated = filtering.apply_filters(corpus, filtering.Filters(undated="only"))
    assert aggregations.headline_figures(*only_undated).checked == 1
    # The releases table names the doubted fields, none for the checked.
    table = aggregations.releases_table(filtering.prepare(corpus.releases)).set_index("release_id")["doubts"]
    assert table[["r782edeae487e0a25", "re6bf4d023591068b"]].tolist() == ["", "Engagement date; City"]
