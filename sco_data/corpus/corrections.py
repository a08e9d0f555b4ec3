"""Corrections: an analyst's fixes to extracted values, one row of a CSV file per fix.

The file (`sco-corrections.csv` in the data folder, or a path the user names) has the columns
release_id, field, value, note, corrected_at. This module knows where the file is, reads it,
and checks each row's value against its field's grammar (README, "Corrections"):

    event_date        YYYY-MM-DD, or empty to clear
    engagement_type   meeting | phone_call | video_call | event | other
    sco_official      Name, or Name | Role; empty to clear
    location_city     a city of the gazetteer (country and coordinates follow); empty to clear
    occasion          any text; empty to clear
    topics            add: ID | remove: ID
    counterparts      add: Name | Title | Country, remove: Name,
                      change: Name -> New name | Title | Country
    checked           empty: the release was read and found right as it stands
    any field         undo (every earlier row of that field of that release);
                      topics and counterparts also undo: ID or undo: Name

Rows count in file order and a later row for the same thing wins (`effective_corrections`).
Applying them to a Corpus is `corrected.py`'s job; writing the file `corrections_file.py`'s.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path, PurePath

from sco_data.corpus.corrections_csv import CorrectionsFileError, read_text, records
from sco_data.extract.countries import country_name_forms, organisation_forms, short_names
from sco_data.extract.gazetteer import find_city
from sco_data.extract.lexicon import load
from sco_data.extract.names import normalise_name, strip_courtesy
from sco_data.extract.people import affiliation_of, organisation_of
from sco_data.extract.topics import Taxonomy, load_taxonomy
from sco_data.schema import (
    AFFILIATION_ORGANISATION,
    AFFILIATION_STATE,
    CHECKED_FIELD,
    CORRECTABLE_FIELDS,
    CORRECTION_COLUMNS,
    CORRECTION_FIELDS,
    ENGAGEMENT_LABELS,
    ENGAGEMENT_TYPES,
)

CORRECTIONS_FILE_NAME = "sco-corrections.csv"
# A path in this environment variable is the corrections file whatever the data folder is.
CORRECTIONS_ENV = "SCO_CORRECTIONS"

# Actions: a scalar field is set; a list field gets an item added, removed or changed; undo
# takes back earlier rows.
SET, ADD, REMOVE, CHANGE, UNDO = "set", "add", "remove", "change", "undo"
LIST_FIELDS = frozenset({"counterparts", "topics"})
LIST_ACTIONS = {"topics": (ADD, REMOVE), "counterparts": (ADD, REMOVE, CHANGE)}
# "add: ...", "remove: ...", "change: ...", "undo: ..." (any case, spaces around the colon).
ACTION = re.compile(r"^\s*(add|remove|change|undo)\s*:\s*(.*?)\s*$", re.IGNORECASE | re.DOTALL)
PART_SEPARATOR = "|"
RENAME_ARROW = "->"
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# The longest text a cell may hold: room for a long note. A cell longer than this is a row of
# its own not applied (at a save, refused), never a reason to drop the whole file.
MAX_CELL_CHARS = 2_000


class InvalidCorrection(ValueError):
    """A correction that cannot be applied; the message says why, in words a user understands."""


@dataclass(frozen=True)
class PersonEdit:
    """A counterpart as a correction gives them; `was` is the name of the one a change or a
    removal is about. For `change`, None keeps what was there."""

    name: str | None
    title: str | None = None
    country: str | None = None
    affiliation_type: str | None = None
    organisation: str | None = None
    was: str | None = None


@dataclass(frozen=True)
class Correction:
    """One valid row. `subject` is what a list edit or an undo is about (a topic id or a
    person's name key); `target` is the new value: a date, a type, (name, role), a City, a
    text, a PersonEdit, None to clear, or True for a check."""

    release_id: str
    field: str
    value: str
    note: str = ""
    corrected_at: str = ""
    line: int = 0
    action: str = SET
    subject: str | None = None
    target: object = None

    @property
    def key(self) -> tuple[str, ...]:
        """What a later row replaces: the field, or for list fields the action on one item."""
        if self.field in LIST_FIELDS:
            return (self.release_id, self.field, self.action, self.subject or "")
        return (self.release_id, self.field)


@dataclass(frozen=True)
class Problem:
    """A row that is not a valid correction, with the reason."""

    line: int
    release_id: str
    field: str
    value: str
    reason: str


@dataclass(frozen=True)
class CorrectionsRead:
    """Every row of a corrections file: the valid ones and the problems, by line."""

    path: Path
    corrections: tuple[Correction, ...]
    problems: tuple[Problem, ...]


def corrections_path(paths: object, corrections: str | Path | bool | None = None) -> Path | None:
    """Where the corrections file of a load is (whether or not it exists yet).

    An explicit path wins (a folder means its `sco-corrections.csv`); False means none; else
    $SCO_CORRECTIONS; else `sco-corrections.csv` in the data folder when one folder is read.
    """
    if corrections is False:
        return None
    if corrections is not None and corrections is not True:
        chosen = Path(corrections)
        return chosen / CORRECTIONS_FILE_NAME if chosen.is_dir() else chosen
    if os.environ.get(CORRECTIONS_ENV):
        return Path(os.environ[CORRECTIONS_ENV])
    if isinstance(paths, (list, tuple)) and len(paths) == 1:
        paths = paths[0]
    if isinstance(paths, (str, Path)) and Path(paths).is_dir():
        return Path(paths) / CORRECTIONS_FILE_NAME
    return None


def lock_path(path: PurePath) -> PurePath:
    """The lock file savers take beside a corrections file: hidden, so a folder's walk does not
    read it."""
    return path.with_name(f".{path.name}.lock")


def parse_correction(release_id: str, field: str, value: str, note: str = "", corrected_at: str = "",
                     line: int = 0, taxonomy: Taxonomy | None = None) -> Correction:
    """Check one row against its field's grammar; raises InvalidCorrection saying what is wrong."""
    cells = dict(release_id=release_id, field=field, value=value, note=note, corrected_at=corrected_at)
    for column, text in cells.items():
        if len(text) > MAX_CELL_CHARS:
            raise InvalidCorrection(f"{column} too long ({len(text):,} characters; at most {MAX_CELL_CHARS:,})")
    release_id, field, value = release_id.strip(), field.strip(), value.strip()
    if not release_id:
        raise InvalidCorrection("no release_id")
    if field not in CORRECTION_FIELDS:
        raise InvalidCorrection(f"unknown field {field!r} (fields that can be corrected: "
                                f"{', '.join(CORRECTABLE_FIELDS)}; or {CHECKED_FIELD}, with no value)")
    if corrected_at.strip():
        try:
            dt.datetime.fromisoformat(corrected_at.strip())
        except ValueError:
            raise InvalidCorrection(f"corrected_at {corrected_at!r} is not an ISO timestamp") from None
    row = dict(release_id=release_id, field=field, value=value, note=note, corrected_at=corrected_at.strip(),
               line=line)
    matched = ACTION.match(value)
    action = matched.group(1).lower() if matched else UNDO if value.lower() == UNDO else None
    rest = matched.group(2) if matched else ""
    if action == UNDO:
        return Correction(**row, action=UNDO, subject=_undo_subject(field, rest, taxonomy))
    if field == CHECKED_FIELD:
        if value:
            raise InvalidCorrection(f"{CHECKED_FIELD} takes no value (leave it empty; undo withdraws the check)")
        return Correction(**row, target=True)
    if field == "topics":
        topic = _topic_id(_list_item(field, action, rest), taxonomy)
        return Correction(**row, action=action, subject=topic, target=topic)
    if field == "counterparts":
        edit = _person_edit(action, _list_item(field, action, rest))
        return Correction(**row, action=action, subject=normalise_name(edit.was or edit.name), target=edit)
    return Correction(**row, target=_scalar(field, value))


def _undo_subject(field: str, rest: str, taxonomy: Taxonomy | None) -> str | None:
    if not rest:
        return None
    if field not in LIST_FIELDS:
        raise InvalidCorrection(f"'undo' of {field} takes nothing after it")
    return _topic_id(rest, taxonomy) if field == "topics" else normalise_name(strip_courtesy(rest))


def _list_item(field: str, action: str | None, rest: str) -> str:
    """What follows a list field's action, once the action is known to be one of the field's."""
    actions = LIST_ACTIONS[field]
    if action not in actions:
        raise InvalidCorrection(f"a {field} correction starts with {', '.join(f'{a}:' for a in actions)} or undo")
    if not rest:
        raise InvalidCorrection(f"nothing after '{action}:'")
    return rest


def _scalar(field: str, value: str) -> object:
    if field == "engagement_type":
        return _engagement_type(value)
    if not value:
        return None
    if field == "event_date":
        try:
            if ISO_DATE.match(value):
                return dt.date.fromisoformat(value)
        except ValueError:
            pass
        raise InvalidCorrection(f"bad date {value!r} (write YYYY-MM-DD, or leave empty to clear)")
    if field == "sco_official":
        name, role = _parts(value, 2, "Name | Role")
        if not name:
            raise InvalidCorrection("no name before '|'")
        return strip_courtesy(name), role
    if field == "location_city":
        city = find_city(value)
        if city is None:
            raise InvalidCorrection(f"unknown city {value!r} (not in the gazetteer)")
        return city
    return value


def _engagement_type(value: str) -> str:
    by_label = {label.casefold(): kind for kind, label in ENGAGEMENT_LABELS.items()}
    kind = value if value in ENGAGEMENT_TYPES else by_label.get(value.casefold())
    if kind is None:
        raise InvalidCorrection(f"unknown engagement type {value!r} (one of {', '.join(ENGAGEMENT_TYPES)})")
    return kind


def _topic_id(text: str, taxonomy: Taxonomy | None) -> str:
    taxonomy = taxonomy or load_taxonomy()
    wanted = text.strip().casefold()
    for topic in taxonomy.topics:
        if wanted in (topic.id.casefold(), topic.label.casefold()):
            return topic.id
    raise InvalidCorrection(f"unknown topic {text.strip()!r} (topics: {', '.join(taxonomy.ids)})")


def _parts(text: str, most: int, grammar: str) -> list[str | None]:
    """`text` cut at '|' into `most` parts at most (missing ones None, empty ones None)."""
    parts = [part.strip() for part in text.split(PART_SEPARATOR)]
    if len(parts) > most:
        raise InvalidCorrection(f"too many '|' in {text!r} (write {grammar})")
    return [part or None for part in parts] + [None] * (most - len(parts))


def _person_edit(action: str, text: str) -> PersonEdit:
    if action == REMOVE:
        if PART_SEPARATOR in text:
            raise InvalidCorrection("remove takes a name only (write remove: Name)")
        return PersonEdit(strip_courtesy(text), was=strip_courtesy(text))
    if action == ADD:
        name, title, country = _parts(text, 3, "add: Name | Title | Country")
        if not name:
            raise InvalidCorrection("add needs a name (write add: Name | Title | Country)")
        return _person(strip_courtesy(name), title, country)
    old, arrow, new = text.partition(RENAME_ARROW)
    if not arrow or not old.strip():
        raise InvalidCorrection("write change: Name -> New name | Title | Country")
    name, title, country = _parts(new, 3, "change: Name -> New name | Title | Country")
    if not (name or title or country):
        raise InvalidCorrection("change needs a new name, title or country after '->'")
    return replace(_person(strip_courtesy(name) if name else None, title, country), was=strip_courtesy(old.strip()))


def _person(name: str | None, title: str | None, country: str | None) -> PersonEdit:
    """A person with the country the correction names, or else the one the title names (none
    when neither says: a change then keeps the person's country)."""
    if country is None:
        country, kind = affiliation_of(title)
    else:
        country, kind = _affiliation_named(country)
    return PersonEdit(name, title, country, kind, organisation_of(title))


def _affiliation_named(text: str) -> tuple[str, str]:
    found = _affiliations().get(text.strip().casefold())
    if found is None:
        raise InvalidCorrection(f"unknown country or organisation {text.strip()!r}")
    return found


@lru_cache(maxsize=1)
def _affiliations() -> dict[str, tuple[str, str]]:
    """Any written form of a country, nationality or international organisation, in any case ->
    (English name, affiliation type)."""
    found: dict[str, tuple[str, str]] = {}
    names = short_names()
    for form, code in load("countries")["demonyms"].items():
        if code in names:
            found[form.casefold()] = (names[code], AFFILIATION_STATE)
    for form, name in country_name_forms().items():
        found[form.casefold()] = (name, AFFILIATION_STATE)
    for form, name in organisation_forms().items():
        found[form.casefold()] = (name, AFFILIATION_ORGANISATION)
        found[name.casefold()] = (name, AFFILIATION_ORGANISATION)
    return found


def read_corrections(path: str | Path, taxonomy: Taxonomy | None = None) -> CorrectionsRead:
    """Every row of a corrections file, checked (a row that is no CSV row is a problem of its
    line); raises CorrectionsFileError when the file cannot be read as a corrections file at all."""
    path = Path(path)
    taxonomy = taxonomy or load_taxonomy()
    corrections: list[Correction] = []
    problems: list[Problem] = []
    for line, row, problem in csv_rows(path):
        values = {column: row.get(column) or "" for column in CORRECTION_COLUMNS}
        try:
            if problem:
                raise InvalidCorrection(problem)
            corrections.append(parse_correction(**values, line=line, taxonomy=taxonomy))
        except InvalidCorrection as error:
            problems.append(Problem(line, values["release_id"].strip(), values["field"].strip(), values["value"],
                                    str(error)))
    return CorrectionsRead(path, tuple(corrections), tuple(problems))


def csv_rows(path: Path) -> list[tuple[int, dict[str, str], str | None]]:
    """(first line, row, why it is no row) of each record of a corrections file; a header of
    other columns, bytes that are not UTF-8, a link or a file that cannot be read raise
    CorrectionsFileError."""
    text = read_text(path)
    found = records(text)
    header = next(found, None)
    missing = [column for column in CORRECTION_COLUMNS if header is None or column not in header.cells]
    if missing and text.strip():
        raise CorrectionsFileError(f"not a corrections file: no column {', '.join(missing)} in its first line")
    return [(record.line, dict(zip(header.cells, record.cells)), record.problem) for record in found]


def effective_corrections(corrections: Iterable[Correction]) -> list[Correction]:
    """The corrections that stand, in the order of their latest row: a later row replaces an
    earlier one for the same thing, and `undo` takes back the earlier rows it names."""
    standing: dict[tuple[str, ...], Correction] = {}
    for correction in corrections:
        if correction.action == UNDO:
            for key, earlier in list(standing.items()):
                if key[:2] == (correction.release_id, correction.field) and \
                        correction.subject in (None, earlier.subject):
                    del standing[key]
            continue
        standing.pop(correction.key, None)
        standing[correction.key] = correction
    return list(standing.values())

