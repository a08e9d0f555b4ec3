"""What every view draws with: the filtered corpus it is handed, charts that filter the page
when clicked, tables that read well, and the note under a time chart about what it leaves out."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import partial
from typing import Any

import pandas as pd
import streamlit as st

from sco_data.explore import dating, display, drilldown, filtering, paging, people, wording
from sco_data.explore.markup import escape_markdown, visible_column
from sco_data.explore.prepared import PreparedCorpus
from sco_data.explore.viewstate import SECTIONS
from sco_data.explore.wording import CAPTIONS

# Streamlit wraps a cell's text from about 70 pixels of row height on (three lines).
WRAPPED_ROW_HEIGHT = 72
# A table's header row, in pixels (Streamlit's default row height).
HEADER_HEIGHT = 35
# How wide a wrapped table's columns are drawn, in pixels (else "medium"): the page is about
# 1,000 pixels wide at 1440, less the sidebar; the participants' columns fit in it, and the
# releases table's first six (date, release, file, type, official, counterparts).
TEXT_WIDTHS = {"date": 110, "event_date": 110, "release": 260, "source": 150, "engagement": 90,
               "sco_official": 140, "counterparts": 180, "counterpart_countries": 150, "place": 130,
               "topics": 160, "release_id": 150, "name": 170, "role": 95, "title": 260,
               "affiliation": 150, "engagements": 100, "first": 95, "last": 95, "counterpart": 170,
               "title_then": 260, "doubts": 150}


@dataclass(frozen=True)
class Shown:
    """What a view draws from: the prepared corpus, the releases and participants the filters
    keep, the filters themselves, and how to read the folder again (after a correction)."""

    data: PreparedCorpus
    kept: pd.DataFrame
    people: pd.DataFrame
    filters: filtering.Filters
    reload: Callable[[], None]

    def cached(self, key: tuple[Hashable, ...], compute: Callable[[], Any]) -> Any:
        """compute() once per filter state and `key` (the table's name and its arguments)."""
        return self.data.remember((self.filters, *key), compute)


def drill(key: str, options: filtering.FilterOptions) -> None:
    """A chart's selection callback: filter the page to the clicked points."""
    event = st.session_state.get(key)
    st.session_state.update(drilldown.widget_updates(event.selection.points if event else [],
                                                     st.session_state, options))
    st.session_state["drill"] = st.session_state.get("drill", 0) + 1  # fresh charts, no selection


def chart(area, figure, name: str, options: filtering.FilterOptions, config: dict | None = None) -> None:
    """A figure whose bars, cells, countries, points and nodes filter the page when clicked."""
    if name in CAPTIONS:
        area.caption(CAPTIONS[name])
    key = f"chart_{name}_{st.session_state.get('drill', 0)}"
    area.plotly_chart(figure, key=key, on_select=partial(drill, key, options), selection_mode="points",
                      config=config)


def table(area, frame: pd.DataFrame, headings: dict[str, str], key: str, wrap: bool = False, paged: str = "",
          pick: list[str] | None = None, rows: int | None = None, **kwargs):
    """A table: readable headings, dates as days, a dash for nothing; `wrap`s long text in
    columns of set widths; `paged`; `pick`: its rows' release ids; `rows`: how many rows to
    show at once (the table is as high as that, so none is hidden behind a short box)."""
    frame, first = paging.on_page(frame, paged, lambda box: area.number_input(**box, key=f"{key}_page"))
    key = paging.widget_key(key, first)
    kwargs |= {"selection_mode": "single-row", "on_select": partial(pick_release, key, pick, first)} if pick else {}
    shown = display.displayed(frame, list(headings)).apply(visible_column)
    row_height = WRAPPED_ROW_HEIGHT if wrap else None
    if rows:
        kwargs["height"] = HEADER_HEIGHT + min(rows, max(len(shown), 1)) * (row_height or HEADER_HEIGHT) + 2
    config = {c: st.column_config.Column(h, width=TEXT_WIDTHS.get(c, "medium")) if wrap else h
              for c, h in headings.items()}
    return area.dataframe(shown, hide_index=True, key=key, column_config=config, row_height=row_height, **kwargs)


def static_table(area, frame: pd.DataFrame, headings: dict[str, str]) -> None:
    """A small table shown whole: every row and every word of every cell, a dash for nothing.
    Streamlit reads markdown in these cells, so each is escaped and shows as typed."""
    shown = display.displayed(frame, list(headings)).astype(str).map(escape_markdown)
    area.table(shown.rename(columns={c: escape_markdown(h) for c, h in headings.items()}), hide_index=True)


def pick_release(key: str, ids: list[str], first: int) -> None:
    """A table's selection callback: show the selected row's release (the page starts at
    `first`) and bring it into view."""
    rows = [first + row for row in st.session_state[key].selection.rows]
    st.session_state["release"] = ids[rows[0]] if rows and rows[0] < len(ids) else ""
    st.session_state["scroll_to_release"] = bool(st.session_state["release"])


def ranked(shown: Shown, frame: pd.DataFrame, figure, name: str, headings: dict[str, str]) -> None:
    """A ranked chart when the values rank something, else the same rows as a table."""
    if frame.empty or people.ranks_something(frame["engagements"]):  # empty: the figure says so
        chart(st, figure, name, shown.data.options)
    else:
        st.caption(wording.listed_not_ranked(figure.layout.title.text))
        table(st, frame, headings, f"{name}_table")


def list_undated() -> None:
    """The note's button: the releases without a date, alone, in the releases table."""
    st.session_state.update(f_undated=dating.UNDATED_ONLY, section=SECTIONS["releases"], view="overview")


def off_axis_note(shown: Shown, releases: pd.DataFrame, name: str) -> None:
    """Under a time chart: how many of the releases it counts it cannot place (no date, or a
    date outside every term), with a button that lists the undated ones."""
    off = dating.left_off_axes(releases, filtering.DATE, filtering.AXIS_DATE)
    if not off:
        return
    note, button = st.columns([5, 1], vertical_alignment="center")
    note.caption(wording.off_axis_note(off.undated, off.outside))
    if off.undated and shown.filters.undated != dating.UNDATED_ONLY:
        button.button("List them", key=f"list_undated_{name}", on_click=list_undated,
                      help=CAPTIONS["list_undated"])
