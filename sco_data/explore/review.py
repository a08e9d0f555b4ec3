"""The review queue: the releases the extractor doubts, the most doubtful first, and how much
of what the page shows an analyst has checked.

A release's `doubts` cell (schema.doubts_from_text reads it) holds the doubts that still stand
once corrections are applied: a checked release has none, and a corrected field has lost its
own. So the queue is simply the filtered releases whose cell is not empty; a check or a
correction, once saved and the folder read again, takes the release (or the one doubt) out of
it. Everything here is plain pandas over the releases table; saving a check is
corpus.corrections_file's job, as for any correction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from sco_data.corpus.corrections import InvalidCorrection
from sco_data.corpus.corrections_file import CorrectionNotSaved, save_correction, undo_correction
from sco_data.explore.correcting import FIELD_LABELS
from sco_data.explore.identity import plain_text
from sco_data.explore.wording import plural
from sco_data.schema import CHECKED_COLUMN, CHECKED_FIELD, DOUBTED_FIELDS, LIST_SEPARATOR, doubts_from_text

# The sidebar's choice of releases by their review (Filters.checks): all of them, only those
# with doubts left, only those an analyst checked, only those not checked yet.
CHECKS_ALL = "all"
CHECKS_DOUBTED = "doubted"
CHECKS_CHECKED = "checked"
CHECKS_UNCHECKED = "unchecked"
CHECK_MODES: tuple[str, ...] = (CHECKS_ALL, CHECKS_DOUBTED, CHECKS_CHECKED, CHECKS_UNCHECKED)
CHECK_LABELS: dict[str, str] = {
    CHECKS_ALL: "all",
    CHECKS_DOUBTED: "with doubts left",
    CHECKS_CHECKED: "checked",
    CHECKS_UNCHECKED: "not checked",
}

# Where the review view's current release stands (current_release), as the page says it.
IN_QUEUE = "queued"
STANDING_CHECKED = "checked"
STANDING_SETTLED = "settled"  # not checked, but its doubts were all settled by corrections
STANDING_FILTERED = "filtered"  # doubted, but the filters leave it out
STANDINGS: dict[str, str] = {
    STANDING_CHECKED: "This release is checked: an analyst read it and found it right.",
    STANDING_SETTLED: "This release has no doubts left (its corrections settled them); it is no longer in "
                      "the queue.",
    STANDING_FILTERED: "This release does not match the filters, so it is not in the queue.",
}
# The review view's table of a release's doubts: column -> heading.
DOUBT_COLUMNS: dict[str, str] = {"field": "Field", "reason": "Doubt"}


def doubts_text(releases: pd.DataFrame) -> pd.Series:
    """Each release's doubts cell as text, '' for none (a frame without the column has none)."""
    if "doubts" not in releases.columns:
        return pd.Series("", index=releases.index, dtype=object)
    return plain_text(releases["doubts"])


def checked_flags(releases: pd.DataFrame) -> np.ndarray:
    """Each release's `checked` flag as a numpy bool array (False where the frame has none)."""
    if CHECKED_COLUMN not in releases.columns:
        return np.zeros(len(releases), dtype=bool)
    return releases[CHECKED_COLUMN].to_numpy(dtype=bool, na_value=False)


def doubted(releases: pd.DataFrame) -> np.ndarray:
    """Which releases have doubts left."""
    return (doubts_text(releases).str.strip() != "").to_numpy(dtype=bool)


def checks_mask(releases: pd.DataFrame, mode: str) -> np.ndarray:
    """The releases a CHECK_MODES choice keeps."""
    if mode == CHECKS_DOUBTED:
        return doubted(releases)
    if mode == CHECKS_CHECKED:
        return checked_flags(releases)
    if mode == CHECKS_UNCHECKED:
        return ~checked_flags(releases)
    return np.ones(len(releases), dtype=bool)


def _per_distinct_cell(releases: pd.DataFrame, rule) -> pd.Series:
    """rule(doubts cell) for every release, worked out once per distinct cell (most are empty)."""
    codes, distinct = pd.factorize(doubts_text(releases))
    values = [rule(cell) for cell in distinct]
    return pd.Series([values[code] for code in codes], index=releases.index, dtype=object)


def doubt_counts(releases: pd.DataFrame) -> pd.Series:
    """How many doubts each release has left."""
    return _per_distinct_cell(releases, lambda cell: len(doubts_from_text(cell))).astype("int64")


def doubts_per_field(releases: pd.DataFrame) -> pd.Series:
    """How many releases carry a doubt on each field (DOUBTED_FIELDS), and on any ("any field")."""
    fields = _per_distinct_cell(releases, lambda cell: frozenset(doubt.field for doubt in doubts_from_text(cell)))
    counts = {field: int(sum(field in doubted for doubted in fields)) for field in DOUBTED_FIELDS}
    return pd.Series({**counts, "any field": int(sum(map(bool, fields)))}, dtype="int64")


def field_label(field: str) -> str:
    """A Release field as the page names it ('Engagement date'); an unknown one as itself."""
    return FIELD_LABELS.get(field, field)


def doubted_fields(releases: pd.DataFrame) -> pd.Series:
    """Each release's doubted fields as the page names them, once each, in the order of its
    doubts: 'Engagement date; Counterparts'; '' for none."""
    return _per_distinct_cell(releases, lambda cell: LIST_SEPARATOR.join(
        dict.fromkeys(field_label(doubt.field) for doubt in doubts_from_text(cell))))


def doubts_table(cell: str | None) -> pd.DataFrame:
    """One release's doubts cell as rows of (field, reason), the field as the page names it."""
    doubts = doubts_from_text(cell)
    return pd.DataFrame({"field": [field_label(d.field) for d in doubts], "reason": [d.reason for d in doubts]},
                        columns=list(DOUBT_COLUMNS))


def review_queue(releases: pd.DataFrame) -> tuple[str, ...]:
    """The ids of the releases with doubts left, the most doubtful first, then the newest
    (the undated last), then in the corpus's order."""
    if releases.empty:
        return ()
    order = pd.DataFrame({"release_id": releases["release_id"].astype(object).to_numpy(),
                          "doubts": doubt_counts(releases).to_numpy(),
                          "date": pd.to_datetime(releases["event_date"], errors="coerce").to_numpy()})
    order = order[order["doubts"] > 0].sort_values(["doubts", "date"], ascending=[False, False],
                                                   na_position="last", kind="stable")
    return tuple(order["release_id"])


def next_in_queue(queue: Sequence[str], current: str | None) -> str | None:
    """The release after `current` in the queue, the first after the last; the first when
    `current` is not in it; None when no other release is queued."""
    others = [release_id for release_id in queue if release_id != current]
    if not others:
        return None
    if current not in queue:
        return others[0]
    position = list(queue).index(current)
    return queue[(position + 1) % len(queue)]


def find_release(releases: pd.DataFrame, release_id: str | None) -> pd.DataFrame:
    """The one row of `releases` with this id (none when it has none), taken by its position:
    a boolean mask over the corpus would copy every column of the rows it keeps."""
    found = np.flatnonzero((releases["release_id"] == release_id).to_numpy(dtype=bool, na_value=False))
    return releases.iloc[found[:1]]


def is_checked(releases: pd.DataFrame, release_id: str | None) -> bool:
    """Whether the corpus has this release, marked checked."""
    return bool(checked_flags(find_release(releases, release_id)).any())


def current_release(queue: Sequence[str], asked: str | None, releases: pd.DataFrame) -> tuple[str | None, str]:
    """The release the review view shows and where it stands: the one asked for (the link's or
    the session's `review`) when the corpus (`releases`, every release) has it, whether queued
    or not (checked, settled by corrections, or filtered out); else the first of the queue;
    (None, IN_QUEUE) when there is none."""
    if asked and asked in queue:
        return asked, IN_QUEUE
    row = find_release(releases, asked) if asked else releases.iloc[:0]
    if not row.empty:
        if checked_flags(row)[0]:
            return asked, STANDING_CHECKED
        return asked, STANDING_FILTERED if doubted(row)[0] else STANDING_SETTLED
    return (queue[0], IN_QUEUE) if queue else (None, IN_QUEUE)


@dataclass(frozen=True)
class Progress:
    """How much of the filtered releases has been reviewed."""

    releases: int
    checked: int
    doubted: int

    @property
    def line(self) -> str:
        """'412 of 5,210 releases checked; 96 with doubts left'."""
        return (f"{self.checked:,} of {plural(self.releases, 'release')} checked; "
                f"{self.doubted:,} with doubts left")


def progress(releases: pd.DataFrame) -> Progress:
    """The progress line's figures over these (the filtered) releases."""
    return Progress(len(releases), int(checked_flags(releases).sum()), int(doubted(releases).sum()))


def position_line(queue: Sequence[str], current: str, standing: str) -> str:
    """Where the shown release is: 'Release 3 of 96 in the queue.', or why it is in none."""
    if standing == IN_QUEUE:
        return f"Release {list(queue).index(current) + 1:,} of {len(queue):,} in the queue."
    return STANDINGS[standing]


def save_check(path: Path, release_id: str, undo: bool = False) -> str | None:
    """Mark a release checked (or, with `undo`, withdraw its check) in the corrections file at
    `path`; None when saved, else why not, in words."""
    try:
        if undo:
            undo_correction(path, release_id, CHECKED_FIELD, note="check withdrawn in the review view")
        else:
            save_correction(path, release_id, CHECKED_FIELD, "", note="checked in the review view")
    except (InvalidCorrection, CorrectionNotSaved) as error:
        return str(error)
    return None


def check_done_message(label: str, undo: bool) -> str:
    """What the page says once a check was saved or withdrawn; `label` names the release."""
    if undo:
        return f"Withdrew the check of “{label}”: its doubts stand again and it is back in the queue."
    return f"Marked “{label}” as checked; on to the next release."
