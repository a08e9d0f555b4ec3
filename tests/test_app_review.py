"""The review view driven with AppTest on a copy of the gold folder that the page may write:
the queue, most doubtful first; the progress line and the headline follow every check; Mark as
checked writes the row and moves on, Next moves on without writing, Undo the check brings the
doubts back; a correction made there settles its field's doubt; the doubts and checks filter;
a page that may not write offers only Next; release text shown as text."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from test_app import metric, open_section
from test_app import run_app as run_page
from test_app_corrections import writable_copy

import sco_data
from sco_data.corpus.corrections import CORRECTIONS_FILE_NAME
from sco_data.explore import review, wording
from sco_data.explore.markup import escape_markdown
from sco_data.explore.wording import CAPTIONS

GOLD = Path(__file__).resolve().parent / "gold" / "releases"
# The gold folder's queue as sco_data.explore.review orders it (test_review.py checks it): those
# of two doubts, newest first (Tashkent, the SCO Day, a speech on energy, a visit, condolences
# over a plane crash, ...); the Tianjin summit, with one, comes later.
TASHKENT, SCO_DAY, SPEECH, VISIT, CONDOLENCES = ("re6bf4d023591068b", "rdd61ed9e80d8af3c", "rc938dc365c2ce3eb",
                                                 "r44aa2e4633b2b29e", "rb51beee37e9f80ab")
TIANJIN = "r782edeae487e0a25"
TASHKENT_HEADLINE = "President of Uzbekistan receives SCO Secretary-General"
TASHKENT_DOUBTS = [("Engagement date", "the date is a weekday or 'today' read against the page's dateline"),
                   ("City", "the place is only the news agency's dateline")]
# How many of them the extractor doubts (test_review.py pins the figure; here it follows it).
RELEASES = 104
DOUBTED = int((sco_data.load_corpus(GOLD, use_cache=False, corrections=False).releases["doubts"] != "").sum())
# A release we wrote whose headline holds markdown, a link and a tag, and which the extractor
# doubts three times (its date from the headline, its type on one cue, no one named).
HOSTILE = """SCO Secretary-General Zhang Ming meets with **Ambassador** [Petrov](http://evil.example) <script>alert(1)</script> on 12 March 2022

SCO Secretary-General Zhang Ming met with Ambassador Petrov in Beijing.

The parties discussed cooperation in trade and the economy within the SCO.
"""


@pytest.fixture(autouse=True)
def gold_copy(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The gold releases in a folder of the test's own, which the page may write."""
    return writable_copy(monkeypatch, tmp_path, GOLD)


def run_review(query_params: dict | None = None) -> AppTest:
    return run_page({"view": "review", **(query_params or {})})


def click(at: AppTest, key: str) -> AppTest:
    at.button(key=key).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def progress(at: AppTest) -> str:
    return next(m.value for m in at.markdown if "releases checked" in m.value).strip("*").replace("\\", "")


def shown(at: AppTest) -> str:
    """The release the review view shows: the Release id row of its fields table."""
    fields = fields_table(at)
    return fields.loc["Release id", "Value"]


def fields_table(at: AppTest) -> pd.DataFrame:
    frame = next(t.value for t in at.table if list(t.value.columns) == ["Field", "Value", "Doubt"])
    return frame.map(lambda cell: cell.replace("\\", "")).set_index("Field")


def doubts(at: AppTest) -> list[tuple[str, str]]:
    """The doubts listed beside the text, as (field, reason)."""
    frames = [t.value for t in at.table if list(t.value.columns) == ["Field", "Doubt"]]
    return [tuple(cell.replace("\\", "") for cell in row) for row in frames[0].values] if frames else []


def rows(folder: Path) -> list[dict[str, str]]:
    with (folder / CORRECTIONS_FILE_NAME).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def link(at: AppTest, name: str) -> str:
    value = at.query_params.get(name)
    return value[-1] if isinstance(value, list) else value


def test_mark_as_checked_next_and_undo_walk_the_queue(gold_copy):
    at = run_review()
    assert progress(at) == f"0 of {RELEASES} releases checked; {DOUBTED} with doubts left"
    assert shown(at) == TASHKENT
    assert [caption.value for caption in at.caption if "in the queue" in caption.value] == [
        escape_markdown(f"Release 1 of {DOUBTED} in the queue.")]
    assert doubts(at) == TASHKENT_DOUBTS
    # The fields table says the same against the fields' rows, a dash on the others.
    table = fields_table(at)
    assert [table.loc[field, "Doubt"] for field, _ in TASHKENT_DOUBTS] == [reason for _, reason in TASHKENT_DOUBTS]
    assert set(table.drop(index=[field for field, _ in TASHKENT_DOUBTS])["Doubt"]) == {"–"}
    assert "review_undo" not in [button.key for button in at.button]

    click(at, "review_check")
    [saved] = rows(gold_copy)
    assert (saved["release_id"], saved["field"], saved["value"]) == (TASHKENT, "checked", "")
    assert progress(at) == f"1 of {RELEASES} releases checked; {DOUBTED - 1} with doubts left"
    assert shown(at) == SCO_DAY and link(at, "review") == SCO_DAY  # on to the next, in the link
    assert [m.value for m in at.success] == [escape_markdown(review.check_done_message(TASHKENT_HEADLINE, False))]
    assert f"1 of {RELEASES} engagements checked by an analyst." in at.caption[1].value
    assert next(m for m in at.metric if m.label == "Engagements").help.startswith(
        "Releases that match the filters; 1 of them checked")

    # The check just made can be withdrawn from the next release: its doubts stand again.
    assert CAPTIONS["review_undo_last"] in [caption.value for caption in at.caption]
    click(at, "review_undo")
    assert [row["value"] for row in rows(gold_copy)] == ["", "undo"]
    assert progress(at) == f"0 of {RELEASES} releases checked; {DOUBTED} with doubts left"
    assert shown(at) == TASHKENT and link(at, "review") == TASHKENT and len(doubts(at)) == 2
    assert [m.value for m in at.success] == [escape_markdown(review.check_done_message(TASHKENT_HEADLINE, True))]
    assert "review_undo" not in [button.key for button in at.button]

    click(at, "review_next")
    click(at, "review_next")
    assert shown(at) == SPEECH and link(at, "review") == SPEECH
    assert len(rows(gold_copy)) == 2  # Next writes nothing
    click(at, "review_check")
    click(at, "review_next")  # moving on: the check is no longer offered for undoing
    assert shown(at) == CONDOLENCES and "review_undo" not in [button.key for button in at.button]
    assert progress(at) == f"1 of {RELEASES} releases checked; {DOUBTED - 1} with doubts left"


def test_a_link_opens_a_release_of_the_queue_and_a_checked_one_offers_its_undo(gold_copy):
    at = run_review({"review": SCO_DAY})
    assert shown(at) == SCO_DAY
    assert escape_markdown(f"Release 2 of {DOUBTED} in the queue.") in [caption.value for caption in at.caption]
    click(at, "review_check")
    assert shown(at) == SPEECH  # the third
    at = run_review({"review": SCO_DAY})  # a new visit: the checked release, out of the queue
    assert shown(at) == SCO_DAY and doubts(at) == []
    assert set(fields_table(at)["Doubt"]) == {"–"}  # a checked release shows no doubt
    assert escape_markdown(review.STANDINGS[review.STANDING_CHECKED]) in [caption.value for caption in at.caption]
    assert "review_check" not in [button.key for button in at.button]
    click(at, "review_undo")
    assert shown(at) == SCO_DAY and len(doubts(at)) == 2
    assert escape_markdown(f"Release 2 of {DOUBTED} in the queue.") in [caption.value for caption in at.caption]


def test_correcting_a_field_in_the_review_settles_its_doubt_only(gold_copy):
    at = run_review({"review": TASHKENT})
    assert doubts(at) == TASHKENT_DOUBTS
    at.selectbox(key="fix_field").set_value("event_date").run()
    at.text_input(key="fix_value").input("2025-05-12")
    at.text_input(key="fix_note").input("the talks were on Monday")
    click(at, "fix_save")
    assert shown(at) == TASHKENT  # still under review: one doubt is left
    assert doubts(at) == [("City", "the place is only the news agency's dateline")]
    table = fields_table(at)
    assert table.loc["Engagement date (corrected)", ["Value", "Doubt"]].tolist() == ["2025-05-12", "–"]
    assert table.loc["City", "Doubt"] == "the place is only the news agency's dateline"
    assert progress(at) == f"0 of {RELEASES} releases checked; {DOUBTED} with doubts left"
    at.selectbox(key="fix_field").set_value("location_city").run()
    at.text_input(key="fix_value").input("Tashkent")
    click(at, "fix_save")
    # No doubt left: out of the queue, though not checked; Next goes back to its head.
    assert progress(at) == f"0 of {RELEASES} releases checked; {DOUBTED - 1} with doubts left"
    assert doubts(at) == [] and shown(at) == TASHKENT
    assert escape_markdown(review.STANDINGS[review.STANDING_SETTLED]) in [caption.value for caption in at.caption]
    assert shown(click(at, "review_next")) == SCO_DAY


def test_the_filter_keeps_doubted_checked_or_unchecked_releases(gold_copy):
    at = run_review()
    click(at, "review_check")
    click(at, "review_check")  # the first two of the queue checked
    assert [row["release_id"] for row in rows(gold_copy)] == [TASHKENT, SCO_DAY]
    counts = {}
    for mode in review.CHECK_MODES:
        at.radio(key="f_checks").set_value(mode).run()
        counts[mode] = metric(at, "Engagements")
        assert progress(at).startswith(f"{2 if mode in ('all', 'checked') else 0} of ")
    assert counts == {"all": "104", "doubted": str(DOUBTED - 2), "checked": "2", "unchecked": "102"}
    assert link(at, "checks") == "unchecked"
    # The releases table names the doubted fields; a checked release has none.
    at.radio(key="f_checks").set_value("all").run()
    at.radio(key="view").set_value("overview").run()
    open_section(at, "Releases")
    table = next(d.value for d in at.dataframe if "doubts" in d.value.columns).set_index("release_id")
    assert table.loc[CONDOLENCES, "doubts"] == "Engagement date; SCO official"
    assert table.loc[SCO_DAY, "doubts"] == table.loc[TASHKENT, "doubts"] == "–"
    assert (table["doubts"] != "–").sum() == DOUBTED - 2
    at.radio(key="f_checks").set_value("checked").run()
    assert sorted(next(d.value for d in at.dataframe if "doubts" in d.value.columns)["release_id"]) == sorted(
        [TASHKENT, SCO_DAY])


def test_a_read_only_page_offers_next_only(monkeypatch, gold_copy):
    (gold_copy / CORRECTIONS_FILE_NAME).write_text(
        f"release_id,field,value,note,corrected_at\n{TIANJIN},checked,,,2026-01-01\n", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["dashboard.py", "--read-only"])
    at = run_review({"review": TIANJIN})
    assert progress(at) == f"1 of {RELEASES} releases checked; {DOUBTED - 1} with doubts left"
    assert [b.key for b in at.button if b.key.startswith("review_")] == ["review_next"]
    assert escape_markdown(wording.no_editing("this dashboard was started read-only")) in [
        caption.value for caption in at.caption]
    assert shown(click(at, "review_next")) == TASHKENT
    assert [b.key for b in at.button if b.key.startswith(("review_", "fix_"))] == ["review_next"]


def test_the_bundled_sample_has_nothing_to_review(monkeypatch):
    monkeypatch.delenv("SCO_DATA_DIR")
    at = run_review()
    assert progress(at) == "0 of 3 releases checked; 0 with doubts left"
    assert CAPTIONS["review_empty"] in [info.value for info in at.info]
    assert not [b.key for b in at.button if b.key.startswith("review_")]


def test_release_text_and_doubts_stay_text(gold_copy):
    (gold_copy / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    hostile = sco_data.parse_release(HOSTILE)
    at = run_review({"review": hostile.release_id})
    assert [field for field, _ in doubts(at)] == ["Engagement date", "Engagement type", "Counterparts"]
    click(at, "review_check")
    done = review.check_done_message(hostile.title, False)
    assert [m.value for m in at.success] == [escape_markdown(done)]
    assert "**Ambassador**" not in at.success[0].value and "](http" not in at.success[0].value
