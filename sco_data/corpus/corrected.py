"""Corrections applied to a loaded corpus: its tables show the analyst's values.

Runs after parsing and after the cache, and touches only the releases a corrections file
names, so a load without corrections does no more work than before. Each corrected release is
taken out of the tables as plain values (`ReleaseValues`), the corrections that stand are
applied to it in the order of their rows, and the cells of the corrected fields and the
release's participants rows are written back in the tables' own dtypes. A correction that
cannot be applied becomes an `invalid` report row and changes nothing.

A release's doubts follow what the analyst did: a corrected field keeps none (the analyst set
it), and a checked release keeps none at all (the analyst read it and found it right).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from pathlib import PurePosixPath

import numpy as np
import pandas as pd

from sco_data.corpus.corrections import (
    ADD,
    CHANGE,
    REMOVE,
    Correction,
    CorrectionsRead,
    InvalidCorrection,
    PersonEdit,
    Problem,
    effective_corrections,
    lock_path,
)
from sco_data.corpus.ingest import people_rows
from sco_data.corpus.tables import Corpus, as_text, typed_participants
from sco_data.extract.gazetteer import City
from sco_data.extract.names import normalise_name, normalise_text
from sco_data.extract.topics import Taxonomy
from sco_data.schema import (
    APPLIED_CORRECTION_COLUMNS,
    CHECKED_COLUMN,
    CHECKED_FIELD,
    CORRECTABLE_FIELDS,
    CORRECTED_FIELDS_COLUMN,
    LIST_SEPARATOR,
    PARTICIPANT_COLUMNS,
    REPORT_COLUMNS,
    REPORT_CORRECTIONS,
    REPORT_INVALID,
    ROLE_COUNTERPART,
    Doubt,
    Person,
    doubts_from_text,
    doubts_to_text,
    topic_flag_column,
)

# Corrections of these fields change a release's participants rows, which are then rebuilt.
PEOPLE_FIELDS = frozenset({"event_date", "sco_official", "counterparts"})
LOCATION_COLUMNS = ("location_city", "location_key", "location_country", "latitude", "longitude")
PERSON_FIELDS = ("name", "title", "organisation", "country", "affiliation_type")


def _plain(cell: object) -> object:
    """A table cell as Python: None for any kind of missing value."""
    return None if cell is None or (not isinstance(cell, str) and pd.isna(cell)) else cell


class ReleaseValues:
    """The correctable values of one release, as plain Python, and which fields were corrected."""

    def __init__(self, row: dict, counterparts: list[Person], taxonomy: Taxonomy) -> None:
        self.release_id = row["release_id"]
        date = _plain(row["event_date"])
        self.event_date: dt.date | None = date.date() if date is not None else None
        self.engagement_type = row["engagement_type"]
        self.sco_official = _plain(row["sco_official"])
        self.sco_role = _plain(row["sco_role"])
        self.location = tuple(_plain(row[column]) for column in LOCATION_COLUMNS)
        self.occasion = _plain(row["occasion"])
        self.topics = set(filter(None, (_plain(row["topics"]) or "").split(LIST_SEPARATOR)))
        self.counterparts = counterparts
        self.taxonomy = taxonomy
        self.doubts = doubts_from_text(_plain(row["doubts"]))
        self.corrected: dict[str, str] = {}  # field -> its extracted value, shown as text
        self.checked = False

    @property
    def changed(self) -> bool:
        """Whether a correction or a check applies to the release."""
        return bool(self.corrected) or self.checked

    def shown(self, field: str) -> str:
        """A field's current value as the text a person reads (lists "; "-joined)."""
        if field == "event_date":
            return self.event_date.isoformat() if self.event_date else ""
        if field == "sco_official":
            return " | ".join(filter(None, (self.sco_official, self.sco_role)))
        if field == "counterparts":
            return LIST_SEPARATOR.join(person.name for person in self.counterparts)
        if field == "location_city":
            return self.location[0] or ""
        if field == "topics":
            return LIST_SEPARATOR.join(self._ordered_topics())
        return getattr(self, field) or ""

    def apply(self, correction: Correction) -> None:
        """Change the field as the correction says (or mark the release checked);
        InvalidCorrection when it cannot be done."""
        field, target = correction.field, correction.target
        if field == CHECKED_FIELD:
            self.checked = True
            return
        extracted = self.shown(field)
        if field == "counterparts":
            self._apply_person(correction)
        elif field == "topics" and correction.action == ADD:
            self.topics.add(target)
        elif field == "topics":
            self.topics.discard(target)
        elif field == "sco_official":
            name, role = target if target else (None, None)
            self.sco_official, self.sco_role = name, role or (self.sco_role if name else None)
        elif field == "location_city":
            self.location = (correction.value, target.name, target.country, target.latitude,
                             target.longitude) if isinstance(target, City) else (None,) * len(LOCATION_COLUMNS)
        else:
            setattr(self, field, target)
        self.corrected.setdefault(field, extracted)

    def _find(self, name_key: str | None) -> int | None:
        return next((index for index, person in enumerate(self.counterparts)
                     if normalise_name(person.name) == name_key), None)

    def _apply_person(self, correction: Correction) -> None:
        edit: PersonEdit = correction.target
        index = self._find(correction.subject)
        if correction.action == CHANGE and index is None and edit.name:
            index = self._find(normalise_name(edit.name))  # the extractor reads the new name now
        if correction.action == ADD and index is None:
            self.counterparts.append(Person(edit.name, edit.title, edit.organisation, edit.country,
                                            edit.affiliation_type))
            return
        if index is None:
            raise InvalidCorrection(f"no counterpart named {edit.was!r} in this release")
        if correction.action == REMOVE:
            del self.counterparts[index]
            return
        person = self.counterparts[index]
        changes: dict[str, str | None] = {"name": edit.name} if edit.name else {}
        if edit.title:  # the body a title names goes with it
            changes.update(title=edit.title, organisation=edit.organisation)
        if edit.country or edit.affiliation_type:
            changes.update(country=edit.country, affiliation_type=edit.affiliation_type)
        self.counterparts[index] = dataclasses.replace(person, **changes)

    def agrees(self, correction: Correction) -> bool:
        """Whether these (extracted) values already are what the correction says."""
        field, target = correction.field, correction.target
        if field == "counterparts":
            return self._person_agrees(correction)
        if field == "topics":
            return (target in self.topics) == (correction.action == ADD)
        if field == "sco_official":
            name, role = target if target else (None, None)
            return normalise_name(name) == normalise_name(self.sco_official) and role in (None, self.sco_role)
        if field == "location_city":
            return (target.name if isinstance(target, City) else None) == self.location[1]
        if field == "occasion":
            return normalise_text(target) == normalise_text(self.occasion)
        return target == getattr(self, field)

    def _person_agrees(self, correction: Correction) -> bool:
        edit: PersonEdit = correction.target
        if correction.action == REMOVE:
            return self._find(correction.subject) is None
        wanted = normalise_name(edit.name) if edit.name else correction.subject
        if correction.action == CHANGE and wanted != correction.subject and self._find(correction.subject) is not None:
            return False
        index = self._find(wanted)
        if index is None:
            return False
        person = self.counterparts[index]
        return (edit.title is None or normalise_text(edit.title) == normalise_text(person.title)) and \
            (edit.country is None or edit.country == person.country)

    def _ordered_topics(self) -> list[str]:
        return [topic_id for topic_id in self.taxonomy.ids if topic_id in self.topics]

    def cells(self, field: str) -> dict[str, object]:
        """The releases table's cells of one field."""
        if field == "event_date":
            return {"event_date": pd.Timestamp(self.event_date) if self.event_date else pd.NaT}
        if field == "sco_official":
            return {"sco_official": self.sco_official, "sco_role": self.sco_role}
        if field == "counterparts":
            people = self.counterparts
            return {"counterparts": LIST_SEPARATOR.join(person.name for person in people),
                    "counterpart_titles": LIST_SEPARATOR.join(person.title or "" for person in people),
                    "counterpart_countries": LIST_SEPARATOR.join(person.country or "" for person in people),
                    "counterpart_affiliations": LIST_SEPARATOR.join(person.affiliation_type or "" for person in people)}
        if field == "location_city":
            return dict(zip(LOCATION_COLUMNS, self.location))
        if field == "topics":
            flags = {topic_flag_column(topic_id): topic_id in self.topics for topic_id in self.taxonomy.ids}
            return {"topics": LIST_SEPARATOR.join(self._ordered_topics()), **flags}
        return {field: getattr(self, field)}

    def doubts_left(self) -> tuple[Doubt, ...]:
        """The extractor's doubts that still stand: none once checked, none about a corrected field."""
        return () if self.checked else tuple(doubt for doubt in self.doubts if doubt.field not in self.corrected)

    def people(self) -> list[dict]:
        return people_rows(self.release_id, self.event_date, self.sco_official, self.sco_role, self.counterparts)


def release_values(corpus: Corpus, release_ids: Iterable[str], taxonomy: Taxonomy) -> dict[str, ReleaseValues]:
    """The values of the named releases that are in the corpus, by release id."""
    wanted = set(release_ids)
    releases = corpus.releases[corpus.releases["release_id"].isin(wanted)]
    people = corpus.participants
    people = people[people["release_id"].isin(wanted) & (people["role"] == ROLE_COUNTERPART)]
    persons: dict[str, list[Person]] = {}
    for row in people[["release_id", *PERSON_FIELDS]].itertuples(index=False):
        person = Person(*(_plain(getattr(row, name)) for name in PERSON_FIELDS))
        persons.setdefault(row.release_id, []).append(person)
    return {row["release_id"]: ReleaseValues(row, persons.get(row["release_id"], []), taxonomy)
            for row in releases.to_dict("records")}


def apply_corrections(corpus: Corpus, read: CorrectionsRead, label: str, taxonomy: Taxonomy) -> Corpus:
    """The corpus with the corrections and checks that stand applied, `corrected_fields`,
    `checked` and `doubts` filled in, Corpus.corrections listing them (a check's `extracted` is
    empty), and report rows for the file and for every row that was
    not applied (`label` is the file's name in the report)."""
    standing = effective_corrections(read.corrections)
    values = release_values(corpus, {correction.release_id for correction in standing}, taxonomy)
    problems = list(read.problems)
    applied: list[Correction] = []
    for correction in standing:
        release = values.get(correction.release_id)
        try:
            if release is None:
                raise InvalidCorrection(f"release {correction.release_id} is not in the corpus")
            release.apply(correction)
        except InvalidCorrection as error:
            problems.append(Problem(correction.line, correction.release_id, correction.field, correction.value,
                                    str(error)))
        else:
            applied.append(correction)
    changed = {release_id: release for release_id, release in values.items() if release.changed}
    listed = pd.DataFrame([(c.release_id, c.field, c.value, c.note, c.corrected_at,
                            changed[c.release_id].corrected.get(c.field, ""), c.line)
                           for c in sorted(applied, key=lambda correction: correction.line)],
                          columns=list(APPLIED_CORRECTION_COLUMNS))
    return dataclasses.replace(
        corpus, releases=_corrected_releases(corpus.releases, changed),
        participants=_corrected_participants(corpus, changed),
        report=_report(corpus.report, label, len(applied), len(changed), problems),
        corrections=_typed_corrections(listed))


def _count(number: int, noun: str) -> str:
    """'1 release', '2 releases'."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _report(report: pd.DataFrame, label: str, applied: int, releases: int, problems: list[Problem]) -> pd.DataFrame:
    """The report with the file's row and an `invalid` row for each row not applied, by line."""
    summary = f"corrections file: {_count(applied, 'correction')} applied to {_count(releases, 'release')}"
    if problems:
        summary += f"; {_count(len(problems), 'row')} not applied (listed as {REPORT_INVALID})"
    report = file_report(report, label, summary)
    if not problems:
        return report
    invalid = pd.DataFrame([(f"{label}, line {problem.line}", REPORT_INVALID, _reason(problem),
                             problem.release_id or None)
                            for problem in sorted(problems, key=lambda problem: problem.line)],
                           columns=list(REPORT_COLUMNS), dtype=object)
    return pd.concat([report, invalid], ignore_index=True)


def _reason(problem: Problem) -> str:
    return f"{problem.field or 'no field'}: {problem.reason}; not applied"


def file_report(report: pd.DataFrame, label: str, reason: str) -> pd.DataFrame:
    """The report with the corrections file's row, of status `corrections` (the one a folder's
    walk gave it, or a new one), and without its lock file's row: the report lists release
    files, and neither file is one."""
    report = report[report["path"] != lock_path(PurePosixPath(label)).as_posix()].copy()
    row = report["path"] == label
    if row.any():
        report.loc[row, "status"] = REPORT_CORRECTIONS
        report.loc[row, "reason"] = reason
        return report
    added = pd.DataFrame([(label, REPORT_CORRECTIONS, reason, None)], columns=list(REPORT_COLUMNS), dtype=object)
    return pd.concat([report, added], ignore_index=True) if len(report) else added


def _corrected_releases(releases: pd.DataFrame, changed: dict[str, ReleaseValues]) -> pd.DataFrame:
    if not changed:
        return releases
    position = pd.Index(releases["release_id"]).get_indexer(list(changed))
    updates: dict[str, tuple[list[int], list[object]]] = {}
    for at, release in zip(position, changed.values()):
        fields = [field for field in CORRECTABLE_FIELDS if field in release.corrected]
        cells = {CORRECTED_FIELDS_COLUMN: LIST_SEPARATOR.join(fields), CHECKED_COLUMN: release.checked,
                 "doubts": doubts_to_text(release.doubts_left())}
        for field in fields:
            cells.update(release.cells(field))
        for column, value in cells.items():
            rows, new = updates.setdefault(column, ([], []))
            rows.append(at)
            new.append(value)
    releases = releases.copy(deep=False)
    for column, (rows, new) in updates.items():
        original = releases[column]
        cells = original.to_numpy(dtype=object, copy=True)
        cells[rows] = new
        releases[column] = _like(pd.Series(cells, index=releases.index, dtype=object), original)
    return releases


def _like(column: pd.Series, original: pd.Series) -> pd.Series:
    """`column` in the dtype of the column it replaces."""
    if pd.api.types.is_datetime64_any_dtype(original):
        return pd.to_datetime(column).astype(original.dtype)
    if pd.api.types.is_bool_dtype(original) or pd.api.types.is_float_dtype(original):
        return column.astype(original.dtype)
    return as_text(column)


def _corrected_participants(corpus: Corpus, changed: dict[str, ReleaseValues]) -> pd.DataFrame:
    """Participants with the rows of every release whose date or people were corrected rebuilt,
    in release order."""
    rebuilt = {release_id: release for release_id, release in changed.items() if PEOPLE_FIELDS & set(release.corrected)}
    participants = corpus.participants
    if not rebuilt:
        return participants
    rows = [row for release in rebuilt.values() for row in release.people()]
    fresh = pd.DataFrame(rows, columns=list(PARTICIPANT_COLUMNS))
    kept = participants[~participants["release_id"].isin(rebuilt.keys())]
    # Empty frames and all-missing columns left out: pandas 2 warns that they will decide the
    # dtypes of the result one day; typed_participants sets them below either way.
    pieces = [frame for frame in (kept, fresh.dropna(axis=1, how="all")) if len(frame)]
    combined = (pd.concat(pieces, ignore_index=True).reindex(columns=participants.columns) if pieces
                else kept.reset_index(drop=True))
    order = pd.Index(corpus.releases["release_id"]).get_indexer(combined["release_id"])
    combined = combined.iloc[np.argsort(order, kind="stable")].reset_index(drop=True)
    return typed_participants(combined)


def _typed_corrections(listed: pd.DataFrame) -> pd.DataFrame:
    for column in APPLIED_CORRECTION_COLUMNS:
        listed[column] = listed[column].astype("int64") if column == "line" else as_text(listed[column])
    return listed


def extraction_agreement(corpus: Corpus, corrections: Iterable[Correction],
                         taxonomy: Taxonomy) -> list[tuple[Correction, bool | None, str]]:
    """For each correction: whether the corpus's extracted values already agree with it (None
    when its release is not in the corpus), and the extracted value of its field as text."""
    corrections = list(corrections)
    values = release_values(corpus, {correction.release_id for correction in corrections}, taxonomy)
    found = []
    for correction in corrections:
        release = values.get(correction.release_id)
        if release is None:
            found.append((correction, None, ""))
        else:
            found.append((correction, release.agrees(correction), release.shown(correction.field)))
    return found
