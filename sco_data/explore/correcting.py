"""What the page needs to let a reader correct a release: where the corrections go (or why
they cannot), the fields and how to write each value, saving what the form says, and a
release's corrections beside what was extracted. Writing the file is
sco_data.corpus.corrections_file's job.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path

import pandas as pd

from sco_data.corpus.corrections import InvalidCorrection, corrections_path
from sco_data.corpus.corrections_file import (
    CorrectionNotSaved,
    save_correction,
    undo_correction,
    why_corrections_unsaveable,
)
from sco_data.extract.topics import Taxonomy
from sco_data.schema import CORRECTABLE_FIELDS, REPORT_OK, REPORT_WARNING

FIELD_LABELS: dict[str, str] = {
    "event_date": "Engagement date", "engagement_type": "Engagement type", "sco_official": "SCO official",
    "counterparts": "Counterparts", "location_city": "City", "occasion": "Occasion", "topics": "Topics",
}
# How to write a corrected value, shown in the value box (README, "Corrections", has it all).
VALUE_HINTS: dict[str, str] = {
    "event_date": "YYYY-MM-DD, or empty for no date",
    "engagement_type": "meeting, phone_call, video_call, event or other",
    "sco_official": "Name, or Name | Role; empty for none",
    "counterparts": "add: Name | Title | Country · remove: Name · change: Name -> New name | Title | Country",
    "location_city": "a city (its country and coordinates follow); empty for none",
    "occasion": "any text; empty for none",
    "topics": "add: topic id · remove: topic id",
}
# The side-by-side table of a release's corrections: column -> heading.
SIDE_BY_SIDE_COLUMNS = {"field": "Field", "extracted": "Extracted", "value": "Correction", "note": "Note",
                        "corrected_at": "When"}


def corrections_target(folder: Path, bundled: Path, read_only: bool) -> tuple[Path | None, str | None]:
    """The corrections file saves go to, or None and the reason the page offers no editing:
    started read-only, showing the bundled sample (it belongs to the program), a file that is a
    link (corrections_csv refuses it), or a file in a folder that cannot be written."""
    if read_only:
        return None, "this dashboard was started read-only"
    if folder.resolve() == bundled.resolve():
        return None, "the bundled sample is read-only; open a folder of your own to correct it"
    path = corrections_path(folder)
    if path is None:
        return None, "no corrections file is used for this folder"
    reason = why_corrections_unsaveable(path)
    return (None, reason) if reason else (path, None)


def target_for(target: tuple[Path | None, str | None], release_id: str, report: pd.DataFrame,
               uploaded: Collection[str]) -> tuple[Path | None, str | None]:
    """The page's corrections target (corrections_target()) as it stands for one release:
    none for a release read from one of the `uploaded` files (by the report's rows). Uploads
    last a session, and a correction kept in the folder's file for a release no longer read
    would be reported as not applied on every later load, for everyone."""
    # The upload's own row (ok or warning), not one rejected as a duplicate of a folder's file.
    from_upload = (report["path"].isin(list(uploaded)) & (report["release_id"] == release_id)
                   & report["status"].isin([REPORT_OK, REPORT_WARNING]))
    if target[0] is not None and from_upload.any():
        return None, "this release comes from an uploaded file; put the file in the folder to correct it"
    return target


def side_by_side(corrections: pd.DataFrame, release_id: str) -> pd.DataFrame:
    """The corrections standing for one release, each beside the value the extractor found,
    in the order they were made."""
    mine = corrections[corrections["release_id"] == release_id]
    return mine.assign(field=mine["field"].map(FIELD_LABELS).fillna(mine["field"]))[list(SIDE_BY_SIDE_COLUMNS)]


def corrected_fields(corrections: pd.DataFrame, release_id: str) -> list[str]:
    """The fields of a release that have corrections standing, in the fields' order."""
    fields = set(corrections.loc[corrections["release_id"] == release_id, "field"])
    return [field for field in CORRECTABLE_FIELDS if field in fields]


def save_from_form(path: Path, release_id: str, form: Mapping[str, str], taxonomy: Taxonomy,
                   undo: bool = False) -> str | None:
    """Save the correction the form's `fix_field`, `fix_value` and `fix_note` describe (or,
    with `undo`, take back that field's); None when saved, else why not, in words."""
    field, note = form["fix_field"], form.get("fix_note", "")
    try:
        if undo:
            undo_correction(path, release_id, field, note=note, taxonomy=taxonomy)
        else:
            save_correction(path, release_id, field, form.get("fix_value", ""), note, taxonomy=taxonomy)
    except (InvalidCorrection, CorrectionNotSaved) as error:
        return str(error)
    return None


def done_message(field: str, undo: bool) -> str:
    """What the page says once a correction was saved or taken back."""
    label = FIELD_LABELS.get(field, field).lower()
    return (f"Took back the corrections of {label}: the extracted value is shown again." if undo
            else f"Saved the correction of {label}; every figure, table and download now uses it.")
