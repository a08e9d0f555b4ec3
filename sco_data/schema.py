"""The data model: Release, Person, engagement types and the DataFrame column lists.

Every table the package produces is built from the column lists here, so the CSV,
Parquet and dashboard views of a corpus always agree on names and order.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

ENGAGEMENT_TYPES: tuple[str, ...] = ("meeting", "phone_call", "video_call", "event", "other")

ENGAGEMENT_LABELS: dict[str, str] = {
    "meeting": "Meeting",
    "phone_call": "Phone call",
    "video_call": "Video call",
    "event": "Event",
    "other": "Other",
}

ROLE_SCO = "sco"
ROLE_COUNTERPART = "counterpart"

REPORT_OK = "ok"
REPORT_WARNING = "warning"
REPORT_REJECTED = "rejected"
REPORT_SKIPPED = "skipped"
# A row of a corrections file that was not applied (a bad value, a release not in the corpus);
# its report row's path is the file's name and the line number.
REPORT_INVALID = "invalid"
# The corrections file's own row: not a release file, so never counted as one read or skipped;
# its reason says how many corrections were applied, or why none could be.
REPORT_CORRECTIONS = "corrections"

LIST_SEPARATOR = "; "

# The one size limit, for files in folders, uploads and fetched pages alike, in megabytes of
# 1,000,000 bytes.
BYTES_PER_MB = 1_000_000
DEFAULT_MAX_FILE_MB = 5.0

# `sco-data fetch` keeps its manifest, its lock and the pages it is writing in the folder it
# fills, under names that start with this. They are its bookkeeping, not releases: a folder's
# walk leaves them out.
FETCH_FILE_PREFIX = ".sco-fetch"


# What a person's `country` names: a state, an international or regional organisation, or
# (with country None) a company.
AFFILIATION_STATE = "state"
AFFILIATION_ORGANISATION = "organisation"
AFFILIATION_COMPANY = "company"


@dataclass(frozen=True)
class Person:
    """A named participant: name as written (no Mr/Ms), title as written.

    `country` is the English short name of the state the person represents, or the usual name
    of the international organisation they speak for; `affiliation_type` says which, so that a
    count of countries never counts the United Nations.
    """

    name: str
    title: str | None = None
    organisation: str | None = None
    country: str | None = None
    affiliation_type: str | None = None


@dataclass(frozen=True)
class Evidence:
    """Where an extracted value was read: [start, end) in the release's text, or in its title.

    `field` is a Release field ("event_date", "sco_official", "counterparts", "location_city",
    "occasion", "engagement_type") or "topic"; `value` is what was read there (an ISO date, a
    name, a topic id).
    """

    field: str
    value: str
    start: int
    end: int
    in_title: bool = False


@dataclass(frozen=True)
class Doubt:
    """A field the extractor may have got wrong (`field` is a Release field's name), and why, in
    a sentence a reader understands."""

    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.field}: {self.reason}"


# The fields a doubt may name, in the order the page lists them.
DOUBTED_FIELDS: tuple[str, ...] = ("event_date", "engagement_type", "sco_official", "counterparts",
                                   "location_city", "topics")


@dataclass(frozen=True)
class Release:
    """One parsed news release: what happened, when, where, with whom, about what."""

    release_id: str
    source: str | None
    title: str | None
    event_date: dt.date | None
    engagement_type: str
    sco_official: str | None
    sco_role: str | None
    counterparts: tuple[Person, ...]
    location_city: str | None
    location_country: str | None
    latitude: float | None
    longitude: float | None
    occasion: str | None
    topics: tuple[str, ...]
    countries_mentioned: tuple[str, ...]
    text: str
    warnings: tuple[str, ...]
    published: dt.date | None = None
    doubts: tuple[Doubt, ...] = ()
    topic_mentions: tuple[tuple[str, int], ...] = ()
    foreign_lines: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    location_key: str | None = None


# Columns of Corpus.releases, in order. topic_<id> (bool) and topic_<id>_mentions (int)
# follow for every topic of the taxonomy, in taxonomy order.
RELEASE_COLUMNS: tuple[str, ...] = (
    "release_id",
    "source",
    "title",
    "event_date",
    "published",
    "engagement_type",
    "sco_official",
    "sco_role",
    "counterparts",
    "counterpart_titles",
    "counterpart_countries",
    "counterpart_affiliations",
    "location_city",
    "location_key",
    "location_country",
    "latitude",
    "longitude",
    "occasion",
    "topics",
    "countries_mentioned",
    "text",
    "warnings",
    "doubts",
    "foreign_line_count",
    "foreign_lines",
    "evidence",
)

PARTICIPANT_COLUMNS: tuple[str, ...] = (
    "release_id",
    "event_date",
    "name",
    "title",
    "organisation",
    "country",
    "affiliation_type",
    "role",
)

REPORT_COLUMNS: tuple[str, ...] = ("path", "status", "reason", "release_id")

# Corrections: the columns of a corrections file, the fields a correction may change (Release
# field names), the column of Corpus.releases that names a release's corrected fields ("; "-
# joined, in this order), and Corpus.corrections: each correction that stands, with the value
# the extractor gave (`extracted`) and the line of the file it is on.
CORRECTION_COLUMNS: tuple[str, ...] = ("release_id", "field", "value", "note", "corrected_at")
CORRECTABLE_FIELDS: tuple[str, ...] = ("event_date", "engagement_type", "sco_official", "counterparts",
                                       "location_city", "occasion", "topics")
CORRECTED_FIELDS_COLUMN = "corrected_fields"
# An analyst who read a release and found it right marks it checked: a corrections row of this
# field with an empty value. It is no Release field, so it is not among CORRECTABLE_FIELDS (the
# fields a correction form offers); CORRECTION_FIELDS are all a row may name. Corpus.releases
# says it in a boolean column of the same name.
CHECKED_FIELD = "checked"
CORRECTION_FIELDS: tuple[str, ...] = (*CORRECTABLE_FIELDS, CHECKED_FIELD)
CHECKED_COLUMN = "checked"
APPLIED_CORRECTION_COLUMNS: tuple[str, ...] = (*CORRECTION_COLUMNS, "extracted", "line")


def topic_flag_column(topic_id: str) -> str:
    """Name of the boolean column that says a release has the topic."""
    return f"topic_{topic_id}"


def topic_mentions_column(topic_id: str) -> str:
    """Name of the integer column that counts the topic's mentions in a release."""
    return f"topic_{topic_id}_mentions"


# Where one doubt ends in a releases table's `doubts` cell: the separator before a field's name.
_NEXT_DOUBT = re.compile(f"{re.escape(LIST_SEPARATOR)}(?=(?:{'|'.join(DOUBTED_FIELDS)}): )")


def doubts_to_text(doubts: tuple[Doubt, ...]) -> str:
    """A release's doubts as a releases table's `doubts` cell."""
    return LIST_SEPARATOR.join(map(str, doubts))


def doubts_from_text(text: str | None) -> tuple[Doubt, ...]:
    """The doubts a releases table's `doubts` cell holds ("field: reason; field: reason"; none
    for an empty or missing cell). A reason may hold "; " itself: a doubt starts only where a
    field's name does."""
    if not text:
        return ()
    return tuple(Doubt(*item.partition(": ")[::2]) for item in _NEXT_DOUBT.split(text))


def evidence_to_json(evidence: tuple[Evidence, ...]) -> str:
    """A release's evidence as one compact JSON text, for a table cell."""
    return json.dumps([[item.field, item.value, item.start, item.end, item.in_title] for item in evidence],
                      ensure_ascii=False, separators=(",", ":"))


def evidence_from_json(text: str | None) -> tuple[Evidence, ...]:
    """The evidence a table cell holds (none for an empty or missing cell)."""
    if not text:
        return ()
    return tuple(Evidence(field, value, int(start), int(end), bool(in_title))
                 for field, value, start, end, in_title in json.loads(text))
