"""How the page's tables write their cells: every release named so that a reader can tell it
apart, dates as days, and nothing missing shown as an empty cell or as "None".

- `release_labels`: a release's headline, else the first words of its text, so that the 114 of
  266 releases with no headline are not rows of a date and a blank;
- `displayed`: a table's cells as text for the page, a missing value as a dash;
- `date_text`: a day as YYYY-MM-DD, a dash for none, and a flag on a date outside every
  Secretary-General's term (explore.dating), which is most likely misread.
"""

from __future__ import annotations

import pandas as pd

from sco_data.explore.identity import plain_text

# What a table shows for a value that is missing.
DASH = "–"
# The first words of a release without a headline: up to this many characters, cut at a word.
OPENING_CHARS = 90
ELLIPSIS = "…"
OUTSIDE_TERMS_FLAG = " (outside every term)"


def release_labels(releases: pd.DataFrame) -> pd.Series:
    """Each release's headline, else the first words of its text (with an ellipsis where cut),
    else a dash. Needs `title` and `text`."""
    title = plain_text(releases["title"]).str.strip()
    text = plain_text(releases["text"]).str.slice(0, OPENING_CHARS * 2).str.replace(r"\s+", " ", regex=True).str.strip()
    short = text.str.len() <= OPENING_CHARS
    cut = text.str.slice(0, OPENING_CHARS + 1).str.replace(r"\s+\S*$", "", regex=True) + ELLIPSIS
    opening = text.where(short, cut)
    return title.where(title != "", opening.where(opening != "", DASH)).astype(object)


def date_text(dates: pd.Series, on_axis: pd.Series | None = None) -> pd.Series:
    """Each date as YYYY-MM-DD, missing as a dash; with `on_axis` (the time axes' dates), a
    date the axes leave out is flagged as outside every term."""
    days = pd.to_datetime(dates, errors="coerce")
    text = days.dt.strftime("%Y-%m-%d").astype(object).where(days.notna(), DASH)
    if on_axis is not None:
        outside = days.notna() & pd.to_datetime(on_axis, errors="coerce").isna()
        text = text.where(~outside, text + OUTSIDE_TERMS_FLAG)
    return text


def displayed(frame: pd.DataFrame, columns: list[str] | None = None) -> pd.DataFrame:
    """The frame's `columns` (all by default) as the page shows them: dates as days, text with
    a dash for a missing or empty value; numbers stay numbers (a table sorts them as such)."""
    out = {}
    for name in columns or list(frame.columns):
        column = frame[name]
        if pd.api.types.is_datetime64_any_dtype(column):
            out[name] = date_text(column)
        elif pd.api.types.is_bool_dtype(column) or (
                pd.api.types.is_numeric_dtype(column) and not isinstance(column.dtype, pd.CategoricalDtype)):
            out[name] = column
        else:
            text = plain_text(column.astype(object) if isinstance(column.dtype, pd.CategoricalDtype) else column)
            out[name] = text.where(text.str.strip() != "", DASH).astype(object)
    return pd.DataFrame(out, index=frame.index)
