"""Parse outcomes -> the releases, participants and report tables, typed one way."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from sco_data.corpus.discovery import FileInput
from sco_data.corpus.ingest import Outcome
from sco_data.extract.topics import Taxonomy
from sco_data.schema import (
    APPLIED_CORRECTION_COLUMNS,
    CHECKED_COLUMN,
    CORRECTED_FIELDS_COLUMN,
    PARTICIPANT_COLUMNS,
    RELEASE_COLUMNS,
    REPORT_COLUMNS,
    REPORT_OK,
    REPORT_REJECTED,
    REPORT_WARNING,
    topic_flag_column,
    topic_mentions_column,
)

# The dtype pandas gives text by default: object before pandas 3, "str" from pandas 3 on.
TEXT_DTYPE = pd.Series(["text"]).dtype
DATE_COLUMNS = ("event_date", "published")
NON_TEXT_COLUMNS = frozenset({*DATE_COLUMNS, "latitude", "longitude", "foreign_line_count"})


def no_corrections() -> pd.DataFrame:
    """Corpus.corrections when no correction stands: its columns, no rows."""
    frame = pd.DataFrame({column: pd.Series([], dtype=TEXT_DTYPE) for column in APPLIED_CORRECTION_COLUMNS})
    frame["line"] = frame["line"].astype("int64")
    return frame


@dataclass
class Corpus:
    """The tidy dataset: one row per release, per participant, and per input file; plus how many
    files were parsed (not taken from the cache), notices about the load itself (a cache that
    could not be used), one sentence each, and the corrections that were applied."""

    releases: pd.DataFrame
    participants: pd.DataFrame
    report: pd.DataFrame
    parsed_files: int = 0
    notices: tuple[str, ...] = ()
    corrections: pd.DataFrame = field(default_factory=no_corrections)


def release_columns(taxonomy: Taxonomy) -> list[str]:
    """Corpus.releases's columns: the fixed list, then each topic's flag and mention count."""
    columns = list(RELEASE_COLUMNS)
    for topic_id in taxonomy.ids:
        columns += [topic_flag_column(topic_id), topic_mentions_column(topic_id)]
    return columns


def outcome_frames(outcomes: list[Outcome], taxonomy: Taxonomy) -> tuple[pd.DataFrame, pd.DataFrame]:
    columns = ["content_hash", "status", "reason", "url"] + release_columns(taxonomy)
    rows = []
    participants = []
    for outcome in outcomes:
        row = dict(outcome.release or {})
        row.update(content_hash=outcome.content_hash, status=outcome.status, reason=outcome.reason)
        rows.append(row)
        participants += [dict(person, content_hash=outcome.content_hash) for person in outcome.participants]
    frame = _typed(pd.DataFrame(rows, columns=columns), taxonomy)
    people = pd.DataFrame(participants, columns=["content_hash", *PARTICIPANT_COLUMNS])
    people["event_date"] = pd.to_datetime(people["event_date"])
    return frame, people


def _typed(frame: pd.DataFrame, taxonomy: Taxonomy) -> pd.DataFrame:
    """Stable dtypes, so fresh and cached rows concatenate and compare cleanly."""
    for column in DATE_COLUMNS:
        frame[column] = pd.to_datetime(frame[column])
    for column in ("latitude", "longitude"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    frame["foreign_line_count"] = frame["foreign_line_count"].fillna(0).astype("int64")
    for topic_id in taxonomy.ids:
        frame[topic_flag_column(topic_id)] = frame[topic_flag_column(topic_id)].eq(True)
        frame[topic_mentions_column(topic_id)] = frame[topic_mentions_column(topic_id)].fillna(0).astype("int64")
    return frame


def as_text(column: pd.Series) -> pd.Series:
    """Text in pandas' default text dtype, missing values one way, however the rows were built."""
    if TEXT_DTYPE == object:
        return column.astype(object).where(column.notna(), None)
    return column.astype(TEXT_DTYPE)


def build_tables(inputs: list[FileInput], known: pd.DataFrame, known_people: pd.DataFrame,
                  taxonomy: Taxonomy) -> Corpus:
    """Join every input with what its content became, in input order, with table operations:
    per-row Python here would cost seconds at 100,000 files."""
    files = pd.DataFrame({
        "path": [item.label for item in inputs],
        "content_hash": [item.digest for item in inputs],
        "verdict_status": [item.verdict[0] if item.verdict else None for item in inputs],
        "verdict_reason": [item.verdict[1] if item.verdict else None for item in inputs],
    }, dtype=object)
    outcomes = unique_rows(known, "content_hash")
    files = files.merge(outcomes[["content_hash", "status", "reason", "release_id"]], on="content_hash",
                        how="left", sort=False)
    readable = files["verdict_status"].isna()
    parsed = readable & files["status"].isin([REPORT_OK, REPORT_WARNING])
    duplicate = parsed & files["release_id"].duplicated() & files["release_id"].notna()
    first_path = files[parsed & ~duplicate].set_index("release_id")["path"]
    kept = files[parsed & ~duplicate]
    report = pd.DataFrame({
        "path": files["path"],
        "status": files["status"].where(readable, files["verdict_status"]).astype(object),
        "reason": files["reason"].fillna("").where(readable, files["verdict_reason"]).astype(object),
        "release_id": files["release_id"].where(parsed).astype(object),
    })
    if duplicate.any():
        report.loc[duplicate, "status"] = REPORT_REJECTED
        report.loc[duplicate, "reason"] = "duplicate of " + files.loc[duplicate, "release_id"].map(first_path)
    report = report.astype(object).where(report.notna(), None)
    report = report[list(REPORT_COLUMNS)]

    releases = _rows_in_order(outcomes, kept["content_hash"])
    releases["path"] = kept["path"].to_numpy()
    releases["source"] = releases["url"].astype(object).where(releases["url"].notna(), releases["path"].astype(object))
    releases = releases[release_columns(taxonomy)].reset_index(drop=True)
    for column in DATE_COLUMNS:
        releases[column] = releases[column].astype("datetime64[ns]")
    for column in RELEASE_COLUMNS:
        if column not in NON_TEXT_COLUMNS:
            releases[column] = as_text(releases[column])
    releases.insert(len(RELEASE_COLUMNS), CORRECTED_FIELDS_COLUMN, as_text(pd.Series("", index=releases.index)))
    releases.insert(len(RELEASE_COLUMNS) + 1, CHECKED_COLUMN, pd.Series(False, index=releases.index, dtype=bool))
    people = kept[["content_hash"]].merge(known_people.drop_duplicates(), on="content_hash", how="inner", sort=False)
    participants = typed_participants(people[list(PARTICIPANT_COLUMNS)].reset_index(drop=True))
    return Corpus(releases=releases, participants=participants, report=report)


def with_uploads(corpus: Corpus, uploaded: Corpus) -> Corpus:
    """The corpus with the releases of another load added: a visitor's uploads, read apart so
    that the folder's corpus is read once for every visitor. An uploaded release the corpus
    already has is its file's `rejected` row, a duplicate of the file that has it, as in one
    load; the corpus keeps its notices and corrections (uploads take none)."""
    read = corpus.report[corpus.report["status"].isin([REPORT_OK, REPORT_WARNING])]
    first_path = read.dropna(subset=["release_id"]).drop_duplicates("release_id").set_index("release_id")["path"]
    report = uploaded.report.copy()
    again = report["status"].isin([REPORT_OK, REPORT_WARNING]) & report["release_id"].isin(first_path.index)
    if again.any():
        report.loc[again, "status"] = REPORT_REJECTED
        report.loc[again, "reason"] = "duplicate of " + report.loc[again, "release_id"].map(first_path)
    new = ~uploaded.releases["release_id"].isin(first_path.index)
    people = uploaded.participants[uploaded.participants["release_id"].isin(uploaded.releases.loc[new, "release_id"])]
    return Corpus(releases=concat_rows(corpus.releases, uploaded.releases[new]).reset_index(drop=True),
                  participants=concat_rows(corpus.participants, people).reset_index(drop=True),
                  report=concat_rows(corpus.report, report).reset_index(drop=True),
                  parsed_files=uploaded.parsed_files, notices=corpus.notices, corrections=corpus.corrections)


def concat_rows(*frames: pd.DataFrame) -> pd.DataFrame:
    """Row-wise concatenation that skips empty frames (their all-missing columns carry no dtype)."""
    filled = [frame for frame in frames if not frame.empty]
    if not filled:
        return next((frame for frame in frames if len(frame.columns)), pd.DataFrame())
    return pd.concat(filled, ignore_index=True) if len(filled) > 1 else filled[0]


def unique_rows(frame: pd.DataFrame, subset: str | None = None) -> pd.DataFrame:
    """drop_duplicates without its copy of every row when there is no duplicate (the usual case:
    a copy of 100,000 texts costs a second and their size in memory)."""
    duplicated = frame.duplicated(subset)
    return frame[~duplicated].reset_index(drop=True) if duplicated.any() else frame.reset_index(drop=True)


def select_rows(frame: pd.DataFrame, mask: np.ndarray) -> pd.DataFrame:
    """frame[mask], column by column. DataFrame indexing takes rows by position, and Arrow joins
    the pieces of a text column before any take (0.1-1 s for the texts of 100,000 releases, on
    every filter change); each column's own mask selection filters its pieces as they are."""
    index = frame.index[mask]
    return pd.DataFrame({name: pd.Series(frame[name].array[mask], index=index, dtype=frame[name].dtype)
                         for name in frame.columns}, index=index, columns=frame.columns)


def _rows_in_order(outcomes: pd.DataFrame, hashes: pd.Series) -> pd.DataFrame:
    """The outcome rows of the given content hashes, in their order. Rows already in that order
    (a warm load of an unchanged folder) are not copied: a copy of 100,000 texts costs a second."""
    positions = pd.Index(outcomes["content_hash"]).get_indexer(hashes)
    if len(positions) == len(outcomes) and (positions == np.arange(len(positions))).all():
        return outcomes.reset_index(drop=True)
    return outcomes.take(positions).reset_index(drop=True)


def typed_participants(participants: pd.DataFrame) -> pd.DataFrame:
    """Participants' columns in their one dtype each: dates as datetime64[ns], the rest text."""
    participants["event_date"] = participants["event_date"].astype("datetime64[ns]")
    for column in PARTICIPANT_COLUMNS:
        if column != "event_date":
            participants[column] = as_text(participants[column])
    return participants
