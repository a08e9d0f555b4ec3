"""CSV for download: opens cleanly in a spreadsheet, round-trips through pandas, runs no formulas.

`to_csv_bytes` is the one way the dashboard and the CLI write CSV, so every download has the
same encoding, line endings, date format and formula-injection guard.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from sco_data.corpus.corrections_csv import FORMULA_GUARD, GUARDED, guard
from sco_data.explore.citations import with_sentences
from sco_data.explore.filtering import drop_prepared

# A spreadsheet opening a CSV guesses the encoding; the byte-order mark makes it pick UTF-8.
CSV_ENCODING = "utf-8-sig"

# RFC 4180 line ending; a cell holding "\r" or "\n" is then always quoted by the writer.
CSV_LINE_TERMINATOR = "\r\n"

DATE_FORMAT = "%Y-%m-%d"


def _format_object_cell(value: object) -> object:
    """Format one cell of a text or mixed column: dates as ISO days, strings guarded as the
    corrections file guards them (a spreadsheet shows the cell as it was)."""
    if isinstance(value, str):
        return guard(value)
    if isinstance(value, (dt.datetime, pd.Timestamp)):
        return value.strftime(DATE_FORMAT) if not pd.isna(value) else None
    if isinstance(value, dt.date):
        return value.strftime(DATE_FORMAT)
    return value


def _export_column(column: pd.Series) -> pd.Series:
    """Return the column as it should be written: numbers untouched, text guarded."""
    dtype = column.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        column = column.astype(object)
        dtype = column.dtype
    if pd.api.types.is_bool_dtype(dtype) or pd.api.types.is_numeric_dtype(dtype):
        return column
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return column.dt.strftime(DATE_FORMAT).astype(object).where(column.notna(), None)
    if pd.api.types.is_string_dtype(dtype) and not pd.api.types.is_object_dtype(dtype):
        # A pure text column (pandas' string dtypes): guard it in one vectorised pass.
        values = column.astype(object).where(column.notna(), None)
        risky = column.str.match(GUARDED.pattern).fillna(False).to_numpy(dtype=bool)
        if risky.any():
            values = values.copy()
            values[risky] = FORMULA_GUARD + column[risky].astype(object)
        return values
    # Object columns may mix text with dates and numbers: format cell by cell.
    values = column.astype(object).where(column.notna(), None)
    return values.map(_format_object_cell, na_action="ignore")


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """Return the frame as UTF-8 CSV (with BOM) that a spreadsheet opens safely.

    Text cells that a spreadsheet would treat as a formula get a leading quote; numeric
    columns are written as numbers (a negative number is not quoted); dates are YYYY-MM-DD;
    missing values are empty cells. The index is not written.
    """
    out = pd.DataFrame(
        {i: _export_column(df.iloc[:, i]) for i in range(df.shape[1])},
        index=df.index,
    )
    out.columns = [guard(str(name)) for name in df.columns]
    text = out.to_csv(index=False, lineterminator=CSV_LINE_TERMINATOR, date_format=DATE_FORMAT)
    return text.encode(CSV_ENCODING)


def filtered_csv(releases: pd.DataFrame, participants: pd.DataFrame,
                 sentences: bool = False) -> tuple[bytes, bytes]:
    """The page's two downloads: the filtered releases (with the sentence each value was read
    from, `<field>_sentence`, when asked) and the filtered participants, without helper columns."""
    rows = drop_prepared(releases)
    return (to_csv_bytes(with_sentences(rows) if sentences else rows),
            to_csv_bytes(drop_prepared(participants)))
