"""Long tables a page at a time: which rows a page holds, and the box that turns pages.

A browser is sent only the rows it shows. Turning 100,000 releases (or report rows) into a
table for the page costs seconds and megabytes for rows nobody scrolls to; a page of them costs
milliseconds. The numbers and charts above the tables are aggregates of every row, so nothing
is left out of what the page counts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from sco_data.explore.wording import plural

# Rows a table shows at once.
PAGE_ROWS = 100


@dataclass(frozen=True)
class Page:
    """Page `number` (from 1) of `count`, holding rows `start` to `stop` (end excluded) of `total`."""

    number: int
    count: int
    start: int
    stop: int
    total: int


def page_of(total: int, number: object = 1, size: int | None = None) -> Page:
    """The page asked for, brought within the pages there are (a filter may leave fewer), of
    `size` rows (PAGE_ROWS by default)."""
    size = size or PAGE_ROWS
    count = max(1, -(-total // size))
    try:
        wanted = int(number)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        wanted = 1
    wanted = min(max(wanted, 1), count)
    start = (wanted - 1) * size
    return Page(wanted, count, start, min(start + size, total), total)


def widget_key(table_key: str, first: int) -> str:
    """The table widget's key for a page starting at row `first`: each page a widget of its own
    (the first keeps the table's key). Streamlit keeps a table's selection by row position, so
    under one key a row picked on page 1 would show as picked at the same place on page 2."""
    return f"{table_key}_from_{first}" if first else table_key


def box_arguments(total: int, noun: str) -> dict[str, Any]:
    """The page box's label and bounds, for rows of the given noun ("release")."""
    count = page_of(total).count
    return {"label": f"Page (of {count:,}; {plural(total, noun)}, {PAGE_ROWS:,} a page)",
            "min_value": 1, "max_value": count, "step": 1}


def on_page(frame: pd.DataFrame, noun: str, ask: Callable[[dict[str, Any]], object]) -> tuple[pd.DataFrame, int]:
    """The rows of the page the user is on, and where they start among the frame's rows: every
    row when they fit on one page, or when no noun names them (a table that is never long);
    else `ask` draws the page box from box_arguments() and returns the page number it holds."""
    if not noun or len(frame) <= PAGE_ROWS:
        return frame, 0
    page = page_of(len(frame), ask(box_arguments(len(frame), noun)))
    return frame.iloc[page.start:page.stop], page.start
