"""Long tables a page at a time: which rows a page holds, rows picked by mask as pandas picks
them, and the dashboard's releases, participants and report tables turning pages."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from test_app import open_section

import sco_data
from sco_data.explore import aggregations, filtering, paging

ROOT = Path(__file__).resolve().parent.parent
DASHBOARD = ROOT / "dashboard.py"
GOLD = ROOT / "tests" / "gold" / "releases"


def test_a_page_holds_its_rows_and_a_page_past_the_end_is_the_last():
    assert paging.page_of(250, 1, 100) == paging.Page(1, 3, 0, 100, 250)
    assert paging.page_of(250, 3, 100) == paging.Page(3, 3, 200, 250, 250)
    assert paging.page_of(250, 9, 100) == paging.Page(3, 3, 200, 250, 250)
    assert paging.page_of(250, 0, 100).number == 1
    assert paging.page_of(250, "two", 100).number == 1
    assert paging.page_of(0, 5, 100) == paging.Page(1, 1, 0, 0, 0)
    assert paging.widget_key("releases_table", 0) == "releases_table"
    assert paging.widget_key("releases_table", 200) == "releases_table_from_200"


def test_a_short_table_is_whole_and_a_long_one_comes_a_page_at_a_time(monkeypatch):
    monkeypatch.setattr(paging, "PAGE_ROWS", 10)
    frame = pd.DataFrame({"n": range(25)})
    asked = []
    whole, first = paging.on_page(frame.head(10), "release", asked.append)
    assert len(whole) == 10 and first == 0 and asked == []
    whole, first = paging.on_page(frame, "", asked.append)
    assert whole.equals(frame) and first == 0 and asked == []
    page, first = paging.on_page(frame, "release", lambda box: asked.append(box) or 3)
    assert page["n"].tolist() == [20, 21, 22, 23, 24] and first == 20
    assert asked == [{"label": "Page (of 3; 25 releases, 10 a page)", "min_value": 1, "max_value": 3, "step": 1}]
    page, first = paging.on_page(frame, "release", lambda box: 7)
    assert page["n"].tolist() == [20, 21, 22, 23, 24] and first == 20


def test_select_rows_is_what_a_boolean_mask_gives():
    frame = pd.DataFrame({
        "text": pd.array(["a", None, "c", "d"], dtype="str"),
        "count": [1, 2, 3, 4],
        "kind": pd.Categorical(["x", "y", "x", "y"]),
        "day": pd.to_datetime(["2020-01-01", None, "2021-02-03", "2022-03-04"]),
        "loose": ["p", None, 3, "q"],
    }, index=[7, 7, 2, 0])
    for mask in ([True, False, True, True], [False] * 4, [True] * 4, [False, True, False, False]):
        wanted = np.array(mask)
        pd.testing.assert_frame_equal(filtering.select_rows(frame, wanted), frame[wanted])


@pytest.fixture(scope="module")
def gold_releases() -> pd.DataFrame:
    return filtering.prepare(sco_data.load_corpus(GOLD, use_cache=False).releases)


@pytest.fixture()
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """The gold folder (over 100 releases) in pages of 4 rows."""
    monkeypatch.setenv("SCO_DATA_DIR", str(GOLD))
    monkeypatch.setattr(sys, "argv", ["dashboard.py"])
    monkeypatch.setattr(paging, "PAGE_ROWS", 4)


def _keys(at: AppTest) -> set[str]:
    """The user keys of the page's tables (Streamlit writes them into the element's id)."""
    return {d.proto.id.rsplit("-", 1)[-1] for d in at.dataframe if d.proto.id}


def _table(at: AppTest, columns: set[str]) -> pd.DataFrame:
    return next(d.value for d in at.dataframe if columns <= set(d.value.columns))


def test_the_dashboard_sends_a_page_of_each_long_table_and_turns_pages(small_pages, gold_releases):
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    # Each table is in its own tab of the overview.
    assert len(_table(open_section(at, "Ingest report"), {"path", "status"})) == 4
    assert len(_table(open_section(at, "Participants"), {"name", "engagements"})) == 4
    open_section(at, "Releases")
    newest_first = aggregations.releases_table(gold_releases)["release_id"].tolist()
    assert _table(at, {"release_id", "engagement"})["release_id"].tolist() == newest_first[:4]
    total, last = len(newest_first), -(-len(newest_first) // 4)
    box = at.number_input(key="releases_table_page")
    assert box.max == last and box.label == f"Page (of {last}; {total:,} releases, 4 a page)"

    box.set_value(2).run()
    assert _table(at, {"release_id", "engagement"})["release_id"].tolist() == newest_first[4:8]
    # Page 2's table is a widget of its own: a row picked on page 1 is not shown picked here.
    assert "releases_table_from_4" in _keys(at) and "releases_table" not in _keys(at)
    at.number_input(key="releases_table_page").set_value(last).run()
    assert _table(at, {"release_id", "engagement"})["release_id"].tolist() == newest_first[(last - 1) * 4:]

    # On the last page, a filter that leaves two pages: the page shown is the new last one.
    at.multiselect(key="f_types").set_value(["phone_call"]).run()
    assert not at.exception, [e.value for e in at.exception]
    calls = aggregations.releases_table(gold_releases[gold_releases["engagement_type"] == "phone_call"])
    assert 4 < len(calls) <= 8
    assert at.number_input(key="releases_table_page").value in (1, 2)
    shown = (at.number_input(key="releases_table_page").value - 1) * 4
    assert _table(at, {"release_id", "engagement"})["release_id"].tolist() == calls["release_id"].tolist()[shown:shown + 4]
